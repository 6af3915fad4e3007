import contextlib


@contextlib.contextmanager
def cm(name):
    yield name


with cm("a") as a, cm("b") as b, cm("c"):
    print(a, b)

with (cm("x") as x, cm("y") as y):
    pass


def in_func():
    with cm(1) as one:
        with cm(2) as (two):
            return one + two


def with_break():
    for i in range(3):
        with cm(i):
            if i == 1:
                break
            continue
