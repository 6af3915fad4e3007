# Unpacking, including starred targets
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
head, *mid, tail = "abcdef"
print(head, mid, tail)
one, *empty = [1]
print(one, empty)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
print(*[1, 2], *(3, 4), *"56")
combined = [*range(3), *[10, 20], 99]
print(combined)
t = (*"ab", *[1])
print(t)
d1 = {"a": 1}
d2 = {**d1, "b": 2, **{"a": 3}}
print(d2)
[m, n] = [7, 8]
print(m, n)
a = b = [1]
print(a is b)
i, j = j, i = 3, 4
print(i, j)
