# Three exceptions chained by handling, the middle one with an explicit cause
# and a note, and an exception with an empty message.
class StepError(Exception):
    pass


def step1():
    raise StepError()


def step2():
    try:
        step1()
    except StepError as e:
        err = TypeError("step 2 failed")
        err.add_note("while retrying step 1")
        raise err from e


def step3():
    try:
        step2()
    except TypeError:
        {}["k"]


step3()
