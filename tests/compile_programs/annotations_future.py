from __future__ import annotations

x: int = 1
y: list[Undefined]


def f(a: int, b: SomeType = None) -> ReturnType:
    local: Whatever = 1
    return local


class C:
    attr: C
    other: dict[str, C] = {}


print(f.__annotations__, C.__annotations__, __annotations__)
