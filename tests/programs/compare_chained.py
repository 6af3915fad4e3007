# Comparisons and chained comparisons
a, b, c = 1, 2, 3
print(a < b, a > b, a <= 1, b >= 3, a == 1, a != 1)
print(a < b < c, a < b > c, c > b > a, a == 1 < b)
print(1 < 2 < 3 < 4 < 5, 1 < 2 < 3 > 4)
print("abc" < "abd", "abc" < "ab", "B" < "a", "" < "a")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 2) == (1, 2), (2,) > (1, 5))
print(1 == 1.0, 2 < 2.5, -1 > -1.5)
print(None is None, None is not None, a is not None)
print(3 in [1, 2, 3], 4 not in (1, 2), "b" in "abc", "x" not in "abc", "ab" in "cab")
print(2 in {2: "two"}, "two" in {2: "two"})
def noisy(v):
    print("eval", v)
    return v
print(noisy(1) < noisy(2) < noisy(3))
print(noisy(3) < noisy(2) < noisy(1))
print(max(3, 1, 2) == 3 != 4)
x = 5
print(0 <= x < 10, 0 <= x < 5)
print([1, 2] == [1, 2], [1, 2] != [2, 1], {"a": 1} == {"a": 1})
