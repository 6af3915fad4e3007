# f-strings: format specs and conversions
name = "World"
n = 42
pi = 3.14159265
print(f"Hello, {name}!")
print(f"{n} {n:5d} {n:<5}| {n:^7}| {n:>6}| {n:05d} {n:+d} {-n:+d}")
print(f"{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#o} {n:#b}")
print(f"{pi:.2f} {pi:10.3f}| {pi:<10.1f}| {pi:e} {pi:.3e} {pi:g} {pi:%}")
print(f"{1234567:,} {1234567.891:,.2f} {1234567:_} {0.5:.0%}")
cafe = "caf\u00e9"
print(f"{name!r} {name!s} {name!a} {cafe!a} {cafe!r}")
print(f"{name:>10} {name:*<8} {name:.3}")
print(f"{n * 2} {n // 5} {'nested ' + name}")
print(f"{[1, 2]} {(1,)} {None} {True}")
w = 8
p = 2
print(f"{pi:{w}.{p}f}|")
print(f"{{literal braces}} {n}")
print(f"{n=} {pi=:.1f} {name = }")
print(f"{3.0} {1e20} {1e-7} {0.1 + 0.2}")
print(f"{'a' if n > 0 else 'b'}")
print(f"{-0.0:.1f} {2.5:.0f} {3.5:.0f} {1e16:f}")
print(format(n, "08b"), format(pi, ".4"), format("s", "^5"), format(12))
print(f"{n:{'>'}{10}}")
print(f"""multi
{name}
line""")
