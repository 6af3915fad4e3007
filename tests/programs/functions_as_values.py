# Functions as values: stored in lists and dicts, passed and returned
def square(x):
    return x * x

def cube(x):
    return x * x * x

def negate(x):
    return -x

ops = [square, cube, negate]
for op in ops:
    print(op.__name__, op(3))
table = {"sq": square, "neg": negate}
print(table["sq"](7), table["neg"](7))

def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x

print(apply_n(square, 3, 2), apply_n(negate, 5, 1))

def pipeline(*funcs):
    def run(x):
        for fn in funcs:
            x = fn(x)
        return x
    return run

p = pipeline(square, negate, str)
print(repr(p(4)))

def map_list(f, xs):
    out = []
    for x in xs:
        out.append(f(x))
    return out

print(map_list(cube, [1, 2, 3]), map_list(len, ["a", "bb"]))
print(square is ops[0], square == cube)
add = lambda a, b: a + b
print(add(2, 3), add.__name__, (lambda: "immediate")())
def choose(flag):
    if flag:
        return square
    return cube
print(choose(True)(5), choose(False)(5))
