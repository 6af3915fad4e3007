# min / max / sum / sorted with key= and reverse=
nums = [5, -3, 8, 0, -10, 7]
print(min(nums), max(nums), sum(nums), sum(nums, 100))
print(min(3, 1, 2), max(3, 1, 2), min("pear", "apple"), max([1, 2], [1, 3]))
print(sorted(nums), sorted(nums, reverse=True))
print(sorted(nums, key=abs), max(nums, key=abs), min(nums, key=abs))
words = ["banana", "Apple", "cherry", "date", "Elderberry", "fig"]
print(sorted(words))
def lower(s):
    return s.lower()
print(sorted(words, key=lower))
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
print(max(words, key=len), min(words, key=len))
pairs = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(pairs))
def second(p):
    return p[1]
print(sorted(pairs, key=second))
print(sorted(pairs, key=lambda p: (-p[1], p[0])))
print(sorted("hello"), sorted((3, 1, 2)), sorted({"z": 1, "y": 2}))
print(min([], default="empty"), max([], default=None))
print(sum([0.1] * 10), sum([1, 2.5]), sum([[1], [2]], []))
print(max(1, 2.5), min(-1, -1.0), max(True, 0))
stable = sorted([(1, "first"), (0, "x"), (1, "second"), (0, "y")], key=lambda t: t[0])
print(stable)
