def counter(n):
    i = 0
    while i < n:
        received = yield i
        if received is not None:
            i = received
        i += 1
    return "done"


def delegate():
    result = yield from counter(3)
    yield result


def gen_expr_in_gen(items):
    yield from (x * 2 for x in items)


def with_try():
    try:
        yield 1
    finally:
        print("cleanup")


def bare_yield():
    x = yield
    yield x


print(list(delegate()), list(gen_expr_in_gen([1, 2])))
