# Set algebra: operators, methods, in-place forms and comparisons.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [7]), a.intersection(b, {4}), a.difference(b, [1]), a.symmetric_difference([4, 9]))
print(a.union(), a.intersection(), a.difference())
f = frozenset(a)
print(f | b, f & b, f - b, f ^ b, type(f | b).__name__, type(b | f).__name__)
c = set(a)
c |= {10}
print(c)
c &= {1, 2, 10, 11}
print(c)
c -= {2}
print(c)
c ^= {1, 5}
print(c)
d = {1, 2, 3}
d.update([4], (5,), {6: 0})
print(d)
d.intersection_update([1, 2, 3, 4, 5], {2, 3, 4, 5, 6})
print(d)
d.difference_update({5}, [2])
print(d)
d.symmetric_difference_update([3, 7])
print(d)
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} < {1, 2}, {1, 2, 3} > {1}, {1} >= {2})
print({1} == {1}, {1} != {2}, {1, 2}.issubset([1, 2, 3]), {1, 2}.issuperset(range(2)),
      {1, 2}.isdisjoint([3, 4]), {1, 2}.isdisjoint({2}))
print(frozenset({1, 2}) <= {1, 2, 3}, frozenset() < frozenset({0}))
try:
    {1} | [2]
except TypeError as e:
    print(e)
try:
    {1} < [1]
except TypeError as e:
    print(e)
try:
    {1} + {2}
except TypeError as e:
    print(e)
try:
    fz = frozenset({1})
    fz |= {2}
    print(fz, type(fz).__name__)
except TypeError as e:
    print(e)
print({1} == [1], {1}.__contains__(1), set.__contains__({2}, 3))
print(sorted({"a", "b"} | {"c"}), sorted(set("abc") - set("b")))
x = {1, 2, 3}
x -= x
print(x)
y = {1, 2}
y ^= y
print(y)
z = {1, 2}
z &= z
z |= z
print(z)
print(len({i for i in range(100)} - {i for i in range(0, 100, 3)}))
print(sum(set(range(50)) & set(range(25, 75))))
