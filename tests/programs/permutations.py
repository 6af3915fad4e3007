# Recursive permutations, combinations and a tiny word puzzle
def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    result = []
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            result.append([items[i]] + p)
    return result

def combinations(items, k):
    if k == 0:
        return [[]]
    if len(items) < k:
        return []
    with_first = []
    for c in combinations(items[1:], k - 1):
        with_first.append([items[0]] + c)
    return with_first + combinations(items[1:], k)

perms = permutations([1, 2, 3])
print(len(perms), perms)
print(len(permutations(list("abcde"))))
words = []
for p in permutations(list("tea")):
    words.append("".join(p))
print(words)
print(combinations([1, 2, 3, 4], 2))
print(len(combinations(list(range(10)), 3)))

def next_permutation(xs):
    i = len(xs) - 2
    while i >= 0 and xs[i] >= xs[i + 1]:
        i -= 1
    if i < 0:
        return False
    j = len(xs) - 1
    while xs[j] <= xs[i]:
        j -= 1
    xs[i], xs[j] = xs[j], xs[i]
    xs[i + 1:] = xs[i + 1:][::-1]
    return True

seq = [1, 2, 2, 3]
count = 1
print(seq)
while next_permutation(seq):
    count += 1
    if count <= 4:
        print(seq)
print("distinct arrangements:", count)

def send_more_money_like(target):
    # find digits a, b (distinct, non-zero) with ab + ba == target
    found = []
    for p in permutations(list(range(1, 10))[:5]):
        a = p[0]
        b = p[1]
        if a < b and (10 * a + b) + (10 * b + a) == target:
            if (a, b) not in found:
                found.append((a, b))
    return found

print(send_more_money_like(55), send_more_money_like(99))
