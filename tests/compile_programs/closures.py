def make():
    a = 1
    b = 2

    def use_a():
        return a

    def use_both(c):
        def deepest():
            return a + b + c
        return deepest

    class K:
        def m(self):
            return b

    a = 10
    return use_a, use_both, K


def arg_cell(x, *, y):
    return lambda: x + y


def default_args(a, b=[], *args, c=(1, 2), **kw):
    return a, b, args, c, kw


ua, ub, K = make()
print(ua(), ub(3)(), K().m(), arg_cell(1, y=2)(), default_args(0))
