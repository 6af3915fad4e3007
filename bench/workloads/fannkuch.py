"""Fannkuch-redux: the maximum number of pancake flips over all permutations of
1..n (the algorithm pyperformance's fannkuch runs), with the permutation checksum.

Usage: fannkuch.py [N]   (pyperformance's size: 9)
"""
import sys


def fannkuch(n):
    count = list(range(1, n + 1))
    max_flips = 0
    checksum = 0
    m = n - 1
    r = n
    perm1 = list(range(n))
    perm = list(range(n))
    perm_count = 0
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        if perm1[0] != 0 and perm1[m] != m:
            perm = perm1[:]
            flips = 0
            k = perm[0]
            while k:
                perm[:k + 1] = perm[k::-1]
                flips += 1
                k = perm[0]
            if flips > max_flips:
                max_flips = flips
            checksum += flips if perm_count % 2 == 0 else -flips
        perm_count += 1
        while r != n:
            first = perm1[0]
            i = 0
            while i < r:
                perm1[i] = perm1[i + 1]
                i += 1
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        else:
            return max_flips, checksum


n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
flips, check = fannkuch(n)
print(f"checksum {check} max_flips {flips}")
