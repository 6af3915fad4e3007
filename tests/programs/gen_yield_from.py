# yield from: delegation, return values, send/throw/close pass-through
def inner():
    x = yield "i1"
    print("inner got", x)
    y = yield "i2"
    print("inner got", y)
    return x, y


def outer():
    result = yield from inner()
    print("inner returned", result)
    z = yield "o1"
    return ("outer", z)


o = outer()
print(next(o))
print(o.gi_yieldfrom.__name__, o.gi_yieldfrom.gi_running)
print(o.send("A"))
print(o.send("B"))
print(o.gi_yieldfrom)
try:
    o.send("C")
except StopIteration as e:
    print("outer returned", e.value)


# yield from an iterable, a generator expression, a nested chain
def chain(*its):
    for it in its:
        yield from it


print(list(chain([1, 2], "ab", range(3), (x * 2 for x in range(2)))))


def depth(n):
    if n == 0:
        yield "bottom"
        return 0
    got = yield from depth(n - 1)
    yield f"level {n}"
    return got + 1


d = depth(3)
print(list(d))
print(sum(1 for _ in depth(5)))


def collect():
    r = yield from depth(2)
    yield r


print(list(collect()))


# StopIteration value from a plain iterator's StopIteration
class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration("countdown done")
        self.n -= 1
        return self.n


def wrap():
    r = yield from Countdown(3)
    print("iterator returned", r)


print(list(wrap()))


# throw() goes to the delegate first
def sub():
    try:
        yield 1
    except KeyError as e:
        print("sub caught", e)
        yield "sub recovered"
    yield 2


def top():
    try:
        yield from sub()
    except ValueError as e:
        print("top caught", e)
        yield "top recovered"


t = top()
print(next(t))
print(t.throw(KeyError("k")))
print(t.throw(ValueError("v")))
t.close()


# throw() to an iterator with a throw() method, and one without
class Thrower:
    def __iter__(self):
        return self

    def __next__(self):
        return "tick"

    def throw(self, *args):
        print("Thrower.throw called with", [type(a).__name__ for a in args])
        return "from Thrower.throw"

    def close(self):
        print("Thrower.close called")


def deleg(it):
    try:
        yield from it
    finally:
        print("deleg finally")


dt = deleg(Thrower())
print(next(dt))
print(dt.throw(RuntimeError("r")))
dt.close()

dl = deleg(iter([1, 2, 3]))
print(next(dl))
try:
    dl.throw(IndexError("no throw method"))
except IndexError as e:
    print("IndexError", e)


# close() closes the delegate
def noisy_sub():
    try:
        yield 1
        yield 2
    finally:
        print("noisy_sub closed")


def noisy_top():
    try:
        yield from noisy_sub()
    finally:
        print("noisy_top closed")


nt = noisy_top()
next(nt)
nt.close()
print(nt.gi_suspended, nt.gi_yieldfrom)


# send() through yield from into a plain iterator fails without send
def to_list():
    yield from [10, 20]


tl = to_list()
print(next(tl))
try:
    tl.send(5)
except AttributeError as e:
    print("AttributeError", e)


# A delegate raising StopIteration-derived errors
def bad_sub():
    yield 1
    raise StopIteration("from sub")


def uses_bad():
    r = yield from bad_sub()
    yield r


ub = uses_bad()
print(next(ub))
try:
    next(ub)
except RuntimeError as e:
    print("RuntimeError", e)
