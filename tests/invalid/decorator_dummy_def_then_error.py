@deco
def m(self):\
    return 1

@(lambda ~fn: fn)
def g():
    pass
