# Coroutines driven by hand (no event loop)
class Future:
    def __init__(self, name):
        self.name = name
        self.result = None

    def __await__(self):
        print("awaiting", self.name)
        value = yield self
        print("resumed", self.name, "with", value)
        return value


async def work(x):
    a = await Future("first")
    b = await Future("second")
    return x + a + b


c = work(1)
print(type(c).__name__, c.__name__, c.__qualname__)
print(c.cr_running, c.cr_suspended, c.cr_await, c.cr_code.co_name, c.cr_origin)
fut = c.send(None)
print("yielded", type(fut).__name__, fut.name)
print(type(c.cr_await).__name__, c.cr_suspended, c.cr_frame is not None)
fut = c.send(10)
print("yielded", fut.name)
try:
    c.send(100)
except StopIteration as e:
    print("result", e.value)
print(c.cr_frame, c.cr_await, c.cr_suspended)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    c.throw(ValueError)
except RuntimeError as e:
    print("RuntimeError", e)
print(c.close())


async def nested():
    r1 = await work(0)
    r2 = await work(r1)
    return r1, r2


n = nested()
step = 0
value = None
while True:
    try:
        fut = n.send(value)
    except StopIteration as e:
        print("nested result", e.value)
        break
    step += 1
    value = step
print("steps", step)

# Coroutines are not iterators
c2 = work(2)
try:
    next(c2)
except TypeError as e:
    print("TypeError", e)
try:
    iter(c2)
except TypeError as e:
    print("TypeError", e)
try:
    c2.send(5)
except TypeError as e:
    print("TypeError", e)
c2.close()

# __await__() of a coroutine: the coroutine_wrapper
async def simple():
    return "simple value"


s = simple()
w = s.__await__()
print(type(w).__name__, iter(w) is w)
try:
    next(w)
except StopIteration as e:
    print("wrapper StopIteration", e.value)

s2 = simple()
w2 = s2.__await__()
try:
    w2.send(None)
except StopIteration as e:
    print("wrapper send", e.value)
s3 = simple()
w3 = s3.__await__()
try:
    w3.throw(KeyError("via wrapper"))
except KeyError as e:
    print("KeyError", e)
print(w3.close())


# Awaiting things that are not awaitable
class NotAwaitable:
    pass


class BadAwait:
    def __await__(self):
        return 42


class CoroAwait:
    def __await__(self):
        return simple()


async def await_it(obj):
    return await obj


for obj in (NotAwaitable(), 5, BadAwait(), CoroAwait()):
    co = await_it(obj)
    try:
        co.send(None)
    except TypeError as e:
        print("TypeError", e)

# awaiting an exhausted coroutine
done = simple()
try:
    done.send(None)
except StopIteration:
    pass


async def reawait():
    return await done


r = reawait()
try:
    r.send(None)
except RuntimeError as e:
    print("RuntimeError", e)


# close() and throw() reach the awaited object
async def guarded():
    try:
        await Future("guarded")
    except ValueError as e:
        print("guarded caught", e)
        return "recovered"
    finally:
        print("guarded finally")


g = guarded()
g.send(None)
try:
    g.throw(ValueError("into coro"))
except StopIteration as e:
    print("StopIteration", e.value)

g = guarded()
g.send(None)
print(g.close())


async def ignores():
    ignored = 0
    while True:
        try:
            await Future("loop")
        except GeneratorExit:
            ignored += 1
            print("ignoring", ignored)
            if ignored > 1:
                return ignored


ig = ignores()
ig.send(None)
try:
    ig.close()
except RuntimeError as e:
    print("RuntimeError", e)
print("second close ->", ig.close())


# A coroutine that raises StopIteration: PEP 479
async def leaky():
    raise StopIteration("leak")


try:
    leaky().send(None)
except RuntimeError as e:
    print("RuntimeError", e)
