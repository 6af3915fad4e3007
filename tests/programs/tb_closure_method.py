# Frames of a closure, a nested class's method and a staticmethod.
def make_checker(limit):
    def check(v):
        if v > limit:
            raise OverflowError(f"{v} > {limit}")
        return v
    return check


class Outer:
    class Inner:
        def run(self, f, v):
            return f(v)

    @staticmethod
    def go(v):
        return Outer.Inner().run(make_checker(10), v)


print(Outer.go(5))
print(Outer.go(50))
