# while loops with break, continue and else
i = 0
while i < 5:
    print("i =", i)
    i += 1

n = 27
steps = 0
while n != 1:
    if n % 2 == 0:
        n = n // 2
    else:
        n = 3 * n + 1
    steps += 1
print("collatz steps for 27:", steps)

i = 0
total = 0
while True:
    i += 1
    if i % 3 == 0:
        continue
    if i > 20:
        break
    total += i
print("total", total)

k = 0
while k < 3:
    k += 1
else:
    print("while-else ran, k =", k)

k = 0
while k < 10:
    if k == 4:
        print("breaking at", k)
        break
    k += 1
else:
    print("never printed")

a, b = 0, 1
fibs = []
while a < 100:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
