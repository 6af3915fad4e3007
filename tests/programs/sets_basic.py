# Sets: construction, membership, mutation, repr of small-int sets.
s = {3, 1, 2}
print(s, len(s), 2 in s, 5 in s, 5 not in s)
print(set(), frozenset(), set([4, 4, 4]), frozenset(range(5)))
t = set()
for i in range(20):
    t.add(i % 7)
print(t, len(t))
t.discard(3)
t.discard(100)
t.remove(0)
print(t)
try:
    t.remove(42)
except KeyError as e:
    print("KeyError", repr(e))
u = {1, 2, 3}
popped = []
while u:
    popped.append(u.pop())
print(sorted(popped), u)
try:
    u.pop()
except KeyError as e:
    print("KeyError", e)
w = {x * x for x in range(-3, 4)}
print(w)
w.clear()
print(w, bool(w), bool({0}))
words = "the quick brown fox jumps over the lazy dog the end".split()
uniq = set(words)
print(len(uniq), sorted(uniq))
print(sorted({c for c in "mississippi"}))
c = {1, 2}
d = c.copy()
d.add(3)
print(c, d, c == d, c != d)
print({1, 2} == frozenset({2, 1}), hash(frozenset()) == hash(frozenset([])))
try:
    {[1, 2]}
except TypeError as e:
    print(e)
try:
    set().add({})
except TypeError as e:
    print(e)
try:
    hash({1})
except TypeError as e:
    print(e)
fs = frozenset([frozenset([1]), frozenset([2])])
print(frozenset([1]) in fs, frozenset([3]) in fs, {1} in fs)
nested = {frozenset({1, 2}): "a"}
print(nested[frozenset({2, 1})])
big = set(range(1000))
for i in range(0, 1000, 2):
    big.discard(i)
print(len(big), min(big), max(big), sum(big))
it = iter({5, 6, 7})
print(next(it), next(it), next(it))
s2 = {1, 2, 3}
try:
    for x in s2:
        s2.add(x + 10)
except RuntimeError as e:
    print(e)
r = set()
r.add(frozenset())
print(r)
print(set("aaa"), set(b"ab" if False else "ab") == {"a", "b"}, set({1: 2, 3: 4}))
print(list({10, 1, 5}), tuple(frozenset({2, 0})))
print(isinstance(set(), set), type(frozenset()).__name__, type({1}).__name__)
