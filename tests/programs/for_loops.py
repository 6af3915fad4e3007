# for over range, list, tuple and str
for i in range(3):
    print("range", i)
for i in range(2, 10, 3):
    print("step", i)
for i in range(5, 0, -2):
    print("down", i)
for x in [10, 20, 30]:
    print("list", x)
for x in ("a", 1, None):
    print("tuple", x)
for ch in "hey":
    print("char", ch)
total = 0
for i in range(101):
    total += i
print("sum 0..100 =", total)
for i, ch in enumerate("abc"):
    print(i, ch)
for i, ch in enumerate("xy", 10):
    print(i, ch)
for a, b in [(1, 2), (3, 4)]:
    print(a + b)
for k in {"one": 1, "two": 2}:
    print("key", k)
for x in reversed([1, 2, 3]):
    print("rev", x)
for a, b in zip("abc", range(100)):
    print(a, b)
for i in range(0):
    print("never")
print(list(range(10)), list(range(-3, 3)), list(range(10, 0, -3)))
for _ in range(2):
    for _ in range(2):
        print("nested")
