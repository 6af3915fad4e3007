# Name resolution: local, enclosing, global, builtin
x = "global x"

def outer():
    x = "enclosing x"
    def inner():
        return x
    def shadowing():
        x = "local x"
        return x
    def uses_global():
        global x
        return x
    return inner(), shadowing(), uses_global()

print(outer())

def param_default(v=x):
    return v

x = "changed global"
print(param_default(), x)

def counter_factory():
    counts = {"n": 0}
    def inc():
        counts["n"] += 1
        return counts["n"]
    return inc

c = counter_factory()
c()
print(c(), c())

def builtin_shadow():
    max = "my max"
    return max

print(builtin_shadow(), max(1, 2))

def deep(a):
    def l1(b):
        def l2(c):
            def l3(d):
                return a + b + c + d
            return l3
        return l2
    return l1

print(deep(1)(2)(3)(4))

def cell_and_arg(n):
    def get():
        return n
    n = n * 10
    return get()

print(cell_and_arg(4))
