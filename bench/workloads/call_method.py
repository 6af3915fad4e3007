"""Method calls: bound-method calls between the methods of one object, in
unrolled chains, as pyperformance's call_method measures them.

Usage: call_method.py [LOOPS]
"""
import sys


class Counter:
    def __init__(self):
        self.n = 0

    def foo(self, a, b):
        self.n += 1
        return a + b

    def bar(self, a):
        self.n += 1
        return self.foo(a, 1) + self.foo(a, 2)

    def baz(self):
        self.n += 1
        return self.bar(1) + self.bar(2) + self.bar(3)

    def quux(self):
        return self.baz() + self.baz()

    def qux(self):
        return self.quux() + self.quux() + self.quux() + self.quux()


def main(loops):
    c = Counter()
    total = 0
    for _ in range(loops):
        total += c.qux()
        total += c.qux()
    print(f"checksum {total} calls {c.n}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
