# How the exception's name is shown: a nested class (its qualified name), a
# class claiming another module, a message spanning lines, a tuple key.
class Outer:
    class Failure(Exception):
        pass


class Foreign(Exception):
    __module__ = "shop.errors"

for exc in (Outer.Failure("inner"), Foreign("elsewhere"), KeyError((1, "a")),
            ValueError("line one\nline two")):
    try:
        raise exc
    except Exception as e:
        print(type(e).__qualname__, type(e).__module__, repr(str(e)))

raise Outer.Failure("first line\nsecond line")
