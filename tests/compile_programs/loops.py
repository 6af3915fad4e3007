def f(n):
    total = 0
    for i in range(n):
        if i == 2:
            continue
        if i == 7:
            break
        total += i
    else:
        total = -1
    while n > 0:
        n -= 1
        if n == 3:
            break
    else:
        total += 100
    for a, (b, c) in [(1, (2, 3))]:
        total += a + b + c
    return total


print(f(5), f(10))
