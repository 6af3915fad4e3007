# del on names, subscripts and slices
x = 5
print(x)
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
xs = [0, 1, 2, 3, 4, 5, 6]
del xs[0]
print(xs)
del xs[1:3]
print(xs)
del xs[::2]
print(xs)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
a, b = 1, 2
del a, b
def f():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return "unbound: " + str(e)
print(f())
try:
    del xs[10]
except IndexError as e:
    print("IndexError:", e)
