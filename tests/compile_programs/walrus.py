data = [1, 2, 3, 4]
if (n := len(data)) > 3:
    print(n)
while (chunk := data.pop()) > 2:
    pass
filtered = [y for x in data if (y := x * 2) > 1]


def f(values):
    total = 0
    if any((last := v) > 2 for v in values):
        total = last
    return total, [(z := v) for v in values], z


print(filtered, y, f([1, 5, 2]))
