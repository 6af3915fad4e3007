# an uncaught exception raised inside a generator body, through yield from
def inner(n):
    for i in range(n):
        yield 10 // (n - 1 - i)


def outer():
    yield 0
    yield from inner(3)


total = 0
for v in outer():
    print("got", v)
    total += v
print("never", total)
