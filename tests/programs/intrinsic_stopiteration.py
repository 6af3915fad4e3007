# PEP 479 (CALL_INTRINSIC_1 INTRINSIC_STOPITERATION_ERROR): a StopIteration
# escaping a generator becomes RuntimeError, with the original as its cause
# and context; other exceptions pass through unchanged.
def gen_raises():
    yield 1
    raise StopIteration("inner")


def gen_next_of_empty():
    yield next(iter(()))


def gen_other():
    yield 1
    raise KeyError("k")


for make in (gen_raises, gen_next_of_empty, gen_other):
    try:
        for v in make():
            print("got", v)
    except (RuntimeError, KeyError) as e:
        print(type(e).__name__, e)
        print(" cause:", type(e.__cause__).__name__, e.__cause__)
        print(" context:", type(e.__context__).__name__, e.__suppress_context__)


def gen_return():
    yield 1
    return 2


g = gen_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value", e.value)
