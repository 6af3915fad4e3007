"""Digits of pi by the unbounded spigot algorithm (Gibbons), with big-integer
arithmetic, as pyperformance's pidigits computes them.

Usage: pidigits.py [DIGITS]   (pyperformance's size: 2000)
"""
import sys


def pi_digits(ndigits):
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < ndigits:
        if 4 * q + r - t < n * t:
            digits.append(n)
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = (q * k, (2 * q + r) * l, t * l, k + 1,
                                (q * (7 * k + 2) + r * l) // (t * l), l + 2)
    return digits


def main(ndigits):
    digits = pi_digits(ndigits)
    total = 0
    for d in digits:
        total = (total * 31 + d) % 1000000007
    print(f"checksum {total} first {''.join([str(d) for d in digits[:12]])}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
