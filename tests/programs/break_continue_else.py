# break / continue / else on for loops
def find(items, target):
    for i, x in enumerate(items):
        if x == target:
            print("found", target, "at", i)
            break
    else:
        print(target, "not found")

find([4, 8, 15, 16], 15)
find([4, 8, 15, 16], 23)

for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")

odds = []
for i in range(10):
    if i % 2 == 0:
        continue
    odds.append(i)
print(odds)

for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > i:
            break
        print(i, j)

count = 0
for c in "mississippi":
    if c != "s":
        continue
    count += 1
else:
    print("s count", count)

def first_negative(nums):
    for n in nums:
        if n < 0:
            return n
    return None

print(first_negative([3, 1, -4, 1, -5]), first_negative([1, 2]))
