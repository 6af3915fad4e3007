import datetime

value = 3.14159
width = 10
precision = 3
name = "pyvm"
items = [1, 2]
print(f"{value}")
print(f"{value:.2f} {value:{width}.{precision}} {value:>{width}}")
print(f"{name!r} {name!s} {name!a} {name!r:>10}")
print(f"{value=} {name=!r} {width = }")
print(f"{{literal}} {items[0]} {len(items):03d}")
print(f"{datetime.date(2020, 1, 2):%Y-%m-%d}")
print(f"nested {f'{name}'} end")
print(f"{'a' if value else 'b'}")
print(f"" f"x" "y" f"{1}")
