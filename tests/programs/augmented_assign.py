# Augmented assignment on names, subscripts and slices
xs = [1, 2, 3]
xs[0] += 10
xs[-1] *= 5
print(xs)
d = {"a": 1}
d["a"] += 1
d["b"] = d.get("b", 0) + 7
d["b"] -= 2
print(d)
grid = [[0, 0], [0, 0]]
grid[1][0] += 3
grid[0][1] -= 1
print(grid)
s = "ab"
s += "cd"
s *= 2
print(s)
t = (1,)
t += (2, 3)
print(t)
alias = xs
xs += [99]
print(alias, alias is xs)
tu = (1, 2)
tu2 = tu
tu += (3,)
print(tu, tu2)
n = 10
n //= 3
n **= 3
n %= 7
n <<= 2
print(n)
f = 10
f /= 4
print(f)
counts = [0] * 5
for v in [1, 3, 3, 4, 1, 1]:
    counts[v] += 1
print(counts)
