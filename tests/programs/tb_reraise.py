# A bare raise re-raises the handled exception with its traceback grown by the
# frames it passes through; finally blocks run on the way out.
def inner(d):
    return d["missing"]


def middle(d):
    try:
        return inner(d)
    except KeyError:
        print("middle saw KeyError")
        raise
    finally:
        print("middle finally")


def outer():
    try:
        middle({})
    finally:
        print("outer finally")


outer()
