# Closures: cells and free variables
def make_adder(n):
    def add(x):
        return x + n
    return add

add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), add5(add10(0)))

def make_multipliers():
    result = []
    for i in range(4):
        def mul(x, i=i):
            return x * i
        result.append(mul)
    return result

for m in make_multipliers():
    print(m(10))

def late_binding():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    return fs

for f in late_binding():
    print("late", f())

def outer():
    x = "outer x"
    def middle():
        def inner():
            return x
        return inner
    return middle()()

print(outer())

def compose(f, g):
    def h(x):
        return f(g(x))
    return h

inc = make_adder(1)
double = make_adder(0)
def dbl(x):
    return x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
print(add5.__name__, add5.__qualname__)
