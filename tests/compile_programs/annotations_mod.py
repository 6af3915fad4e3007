import sys

x: int
y: "str" = "a"
z: list[int] = []

if sys.platform:
    cond: int = 1
else:
    other: str


def f(a: int, b: "float" = 1.0, *args: str, c: bool = True, **kw: object) -> None:
    local: int = 3
    return None


class C:
    attr: int
    with_value: str = "v"
    if True:
        conditional: bytes

    def method(self) -> "C":
        self.dynamic: int = 1
        return self


print(f.__annotations__, C.__annotations__, __annotations__)
