data = [3, 1, 4, 1, 5, 9, 2, 6]

squares = [x * x for x in data if x % 2]
pairs = [(x, y) for x in range(3) for y in range(x) if y != 1]
uniq = {x % 4 for x in data}
index = {k: v for k, v in enumerate(data) if v > 2}
nested = [[y for y in range(x)] for x in range(4)]
gen = (x + 1 for x in data)
total = sum(x for x in data if x > 1)


def in_function(seq, k):
    a = [x + k for x in seq]
    b = {x: k for x in seq}
    c = {k for _ in seq}
    d = list(y * k for y in seq)
    return a, b, c, d


class InClass:
    base = 10
    values = [x for x in range(3)]
    doubled = [base for _ in range(2)] if False else None


def shadowing():
    x = "outer"
    lst = [x for x in range(3)]
    return x, lst


def cell_in_comp():
    return [lambda: x for x in range(3)]


print(squares, pairs, sorted(uniq), index, nested, list(gen), total, in_function([1, 2], 3),
      InClass.values, shadowing(), [f() for f in cell_in_comp()])
