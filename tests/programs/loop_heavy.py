# A loop-heavy benchmark: nested loops with integer and float arithmetic
def work(n):
    total = 0
    acc = 0.0
    for i in range(n):
        for j in range(n):
            v = (i * j) % 7
            if v > 3:
                total += v - 3
            else:
                total -= v
            acc += (i - 2 * j) * 0.25
    return total, acc

def collatz_max(limit):
    best = 0
    best_n = 0
    n = 1
    while n < limit:
        m = n
        steps = 0
        while m != 1:
            if m % 2 == 0:
                m = m // 2
            else:
                m = 3 * m + 1
            steps += 1
        if steps > best:
            best = steps
            best_n = n
        n += 1
    return best_n, best

print(work(300))
print(collatz_max(10000))
