# Module-level annotations (3.14 defers them: __annotate__ with BUILD_SET).
x: int = 1
y: str
z: list[int] = [1, 2]


def f(a: int, b: "str" = "s") -> float:
    return a * 1.5


print(x, z, f(2))
print("y" in dir(), "x" in dir())
