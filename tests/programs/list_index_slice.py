# Indexing, slicing and slice assignment of lists
xs = list(range(10))
print(xs[3], xs[-2], xs[2:6], xs[:4], xs[6:], xs[::3], xs[::-1], xs[7:2:-2])
ys = xs[:]
ys[2:5] = []
print(ys)
ys[0:0] = [-1, -2]
print(ys)
ys[::2] = [0] * len(ys[::2])
print(ys)
del ys[::3]
print(ys)
zs = [1, 2, 3]
zs[1:2] = [20, 21, 22]
print(zs)
zs[-1:] = "ab"
print(zs)
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
col = []
for row in m:
    col.append(row[1])
print(col, m[2][::-1], m[-1][-1])
t = (0, 1, 2, 3, 4)
print(t[1:4], t[::-2], t[-2:])
print(xs[slice(2, 8, 2)])
