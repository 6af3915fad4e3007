# Membership tests against constant sets compile to frozenset constants.
# (Only small ints: their hash order is the same on 32- and 64-bit builds.)
def kind(n):
    if n in {0, 2, 4, 6, 8}:
        return "even digit"
    if n in {1, 3, 5, 7, 9}:
        return "odd digit"
    return "other"


print([kind(n) for n in (0, 3, 12, 8, -1)])


def small(n):
    return n in {1, 2, 3, 5, 8, 13}


print([n for n in range(15) if small(n)])
print(4 not in {1, 2, 3}, 2 not in {1, 2, 3})
total = 0
for v in {7, 3, 5}:
    total += v
print(total)
for v in {30, 10, 20}:
    print(v)
print({1, 2, 3, 4, 5})
print(frozenset({3, 4, 5}))
s = {*range(3), 9, 10, 11}
print(s)
print(3.0 in {1, 2, 3}, True in {1, 2})
