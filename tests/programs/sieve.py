# Sieve of Eratosthenes and some prime statistics
def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = False
    is_prime[1] = False
    i = 2
    while i * i <= limit:
        if is_prime[i]:
            for j in range(i * i, limit + 1, i):
                is_prime[j] = False
        i += 1
    primes = []
    for n in range(limit + 1):
        if is_prime[n]:
            primes.append(n)
    return primes

primes = sieve(2000)
print("count below 2000:", len(primes))
print("first 15:", primes[:15])
print("last 5:", primes[-5:])
twins = []
for k in range(len(primes) - 1):
    if primes[k + 1] - primes[k] == 2:
        twins.append((primes[k], primes[k + 1]))
print("twin pairs:", len(twins), twins[:6])
gaps = {}
for k in range(len(primes) - 1):
    g = primes[k + 1] - primes[k]
    gaps[g] = gaps.get(g, 0) + 1
for g in sorted(gaps):
    print(f"gap {g:2d}: {gaps[g]}")
largest_gap = 0
where = 0
for k in range(len(primes) - 1):
    if primes[k + 1] - primes[k] > largest_gap:
        largest_gap = primes[k + 1] - primes[k]
        where = primes[k]
print("largest gap", largest_gap, "after", where)

def factorize(n):
    factors = []
    for p in primes:
        if p * p > n:
            break
        while n % p == 0:
            factors.append(p)
            n //= p
    if n > 1:
        factors.append(n)
    return factors

for n in (360, 997, 1001, 65536, 999999, 2 ** 31 - 1):
    print(n, factorize(n))
goldbach = {}
for even in range(4, 60, 2):
    for p in primes:
        if even - p in primes:
            goldbach[even] = (p, even - p)
            break
print(goldbach)
print("sum of primes:", sum(primes))
