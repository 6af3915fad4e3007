# match statement errors (the 3.14 messages)


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class BadArgs:
    __match_args__ = ["x"]
    x = 1


class NoArgs:
    x = 1


class StrArgs:
    __match_args__ = (1,)


class DupArgs:
    __match_args__ = ("x", "x")
    x = 1


class Raising:
    @property
    def x(self):
        raise ValueError("property failed")


def run(label, fn):
    try:
        print(label, "->", fn())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


def too_many():
    match Point(1, 2):
        case Point(a, b, c):
            return "never"


def not_tuple():
    match BadArgs():
        case BadArgs(v):
            return v


def no_match_args():
    match NoArgs():
        case NoArgs(v):
            return v


def no_match_args_zero():
    match NoArgs():
        case NoArgs():
            return "zero positional is fine"


def non_str_args():
    match StrArgs():
        case StrArgs(v):
            return v


def dup_positional():
    match DupArgs():
        case DupArgs(v):
            return "one is fine %r" % (v,)


def dup_positional_two():
    match DupArgs():
        case DupArgs(v, w):
            return "never"


def dup_pos_kw():
    match Point(1, 2):
        case Point(a, x=b):
            return "never"


Alias = Point


def not_a_class():
    k = 5
    match Point(1, 2):
        case k.real():
            return "never"


def not_a_class_instance():
    match 3:
        case Point.__init__():
            return "never"


Q = Point(0, 0)


def not_a_class_obj():
    match 1:
        case Q.__class__.__match_args__():
            return "never"


def dup_runtime_keys():
    k = "a"

    class NS:
        a = "a"

    match {"a": 1, "b": 3}:
        case {NS.a: 1, "b": 2} | {NS.a: _, "a": _}:
            return "never"


def prop_raises():
    match Raising():
        case Raising(x=1):
            return "never"


def missing_attr_is_no_match():
    match Point(1, 2):
        case Point(z=1):
            return "never"
        case _:
            return "no match for a missing attribute"


def subject_len_raises():
    class L(list):
        def __len__(self):
            raise RuntimeError("len failed")

    match L([1]):
        case [a]:
            return "never"


def mapping_get_raises():
    class M(dict):
        def get(self, key, default=None):
            raise LookupError("get failed")

    match M(a=1):
        case {"a": 1}:
            return "never"


def eq_raises():
    class E:
        def __eq__(self, other):
            raise ArithmeticError("eq failed")

    match E():
        case 1:
            return "never"


def dup_runtime_keys_first():
    class NS:
        a = "a"

    match {}:
        case {NS.a: 1, "a": 2}:
            return "never (too short to look up keys)"
        case {NS.a: 1, "a": 2, **r}:
            return "never"
        case _:
            return "empty mapping has no duplicate-key check"


def dup_runtime_keys_numeric():
    class NS:
        one = 1.0

    match {1: "x", 2: "y"}:
        case {NS.one: _, 1: _}:
            return "never"


def guard_raises():
    match 1:
        case x if x / 0:
            return "never"


def bool_subclass_check():
    match 1:
        case bool():
            return "never"
        case int():
            return "1 is an int, not a bool"


def isinstance_hook():
    class Meta(type):
        def __instancecheck__(cls, obj):
            print("  instancecheck", type(obj).__name__)
            return True

    class Any(metaclass=Meta):
        __match_args__ = ("real",)

    match 4:
        case Any(r):
            return "hooked %r" % (r,)


for name, fn in list(globals().items()):
    if callable(fn) and name not in ("run", "Point", "BadArgs", "NoArgs", "StrArgs",
                                      "DupArgs", "Raising", "Alias"):
        run(name, fn)
