import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def describe(subject):
    match subject:
        case 0 | 1 | 2:
            return "small"
        case "hello" | b"bytes" | None | True | -1 | 1.5 | 2j | -1 + 2j:
            return "literal"
        case Color.RED:
            return "value"
        case [1, 2, *rest]:
            return f"seq {rest}"
        case (a, b) if a > b:
            return "guard"
        case [_, _, _]:
            return "wildcard"
        case {"k": v, **others}:
            return f"mapping {v} {others}"
        case {"a": 1, "b": [x, *_]}:
            return "nested"
        case Point(x=0, y=yy):
            return f"kw class {yy}"
        case Point(1, y):
            return f"pos class {y}"
        case int() | float() as num:
            return f"as {num}"
        case str(s) if s:
            return s
        case [Point(x, y), *_] as whole:
            return "deep"
        case captured:
            return f"capture {captured}"


for s in (1, "hello", Color.RED, [1, 2, 3, 4], (5, 4), [0, 0, 0], {"k": 1, "z": 2},
          Point(0, 7), Point(1, 8), 42, "abc", object):
    print(describe(s) if s is not object else "obj")
