# Lists: literals, indexing, mutation and methods
xs = [3, 1, 4, 1, 5]
print(xs, len(xs), xs[0], xs[-1])
xs.append(9)
xs.extend([2, 6])
xs.insert(0, 0)
print(xs)
print(xs.pop(), xs.pop(0), xs)
xs.remove(1)
print(xs, xs.index(5), xs.count(1))
xs.reverse()
print(xs)
xs.sort()
print(xs)
xs.sort(reverse=True)
print(xs)
xs[0] = 100
xs[1:3] = ["a", "b", "c"]
print(xs)
del xs[0]
del xs[-2:]
print(xs)
ys = xs.copy()
ys.append("copy")
print(xs, ys)
ys.clear()
print(ys)
print([1, 2] + [3], [0] * 4, [[0] * 2] * 2)
m = [[1, 2], [3, 4]]
m[0][1] = 20
print(m)
print(list("abc"), list((1, 2)), list(range(4)), list())
zs = [5, 2, 8]
zs += [1]
zs *= 2
print(zs)
print(sorted(zs), zs)
a = [1, 2, 3]
b = a
b.append(4)
print(a is b, a)
