# nonlocal: counters and shared state between closures
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get

inc, get = make_counter()
inc()
inc()
print(inc(), get())
inc2, get2 = make_counter()
print(inc2(), get(), get2())

def accumulator(start):
    total = start
    def add(x):
        nonlocal total
        total = total + x
        return total
    return add

acc = accumulator(100)
print(acc(10), acc(20), acc(-5))

def outer():
    x = 1
    def middle():
        nonlocal x
        x += 10
        def inner():
            nonlocal x
            x *= 2
        inner()
        return x
    r = middle()
    return r, x

print(outer())

def fib_memo():
    cache = {}
    def fib(n):
        if n in cache:
            return cache[n]
        if n < 2:
            r = n
        else:
            r = fib(n - 1) + fib(n - 2)
        cache[n] = r
        return r
    return fib

print(fib_memo()(60))

def toggler():
    state = False
    def flip():
        nonlocal state
        state = not state
        return state
    return flip

flip = toggler()
print(flip(), flip(), flip())
