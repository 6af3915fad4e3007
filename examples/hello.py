def greet(name, punctuation="!"):
    return f"Hello, {name}{punctuation}"


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


print(greet("pyvm"))
print("fib(30) =", fib(30))
squares = {}
for i in range(1, 6):
    squares[i] = i * i
print(squares)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("caught:", e)
