"""Unpacking sequences: tuples and lists of ten items unpacked into ten names,
over and over, as pyperformance's unpack_sequence does.

Usage: unpack_sequence.py [LOOPS]   (each loop unpacks 400 sequences)
"""
import sys


def do_unpacking(loops, to_unpack):
    s = 0
    for _ in range(loops):
        for _ in range(20):
            a, b, c, d, e, f, g, h, i, j = to_unpack
            a, b, c, d, e, f, g, h, i, j = to_unpack
            a, b, c, d, e, f, g, h, i, j = to_unpack
            a, b, c, d, e, f, g, h, i, j = to_unpack
            a, b, c, d, e, f, g, h, i, j = to_unpack
            a, b, c, d, e, f, g, h, i, j = to_unpack
            a, b, c, d, e, f, g, h, i, j = to_unpack
            a, b, c, d, e, f, g, h, i, j = to_unpack
            a, b, c, d, e, f, g, h, i, j = to_unpack
            a, b, c, d, e, f, g, h, i, j = to_unpack
            s += a + j
    return s


def main(loops):
    t = do_unpacking(loops, tuple(range(10)))
    l = do_unpacking(loops, list(range(10)))
    print(f"checksum {t} {l}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
