# Functions: positional, default and keyword arguments
def add(a, b):
    return a + b

def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct

def describe(a, b=2, *, c=3, d):
    return (a, b, c, d)

def pos_only(x, y, /, z):
    return x * 100 + y * 10 + z

def varargs(*args, **kwargs):
    return args, kwargs

def nothing():
    pass

print(add(2, 3), add("ab", "cd"), add(b=1, a=2))
print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"))
print(greet(greeting="Yo", name="Di"))
print(describe(1, d=4), describe(1, 5, d=6, c=7))
print(pos_only(1, 2, 3), pos_only(1, 2, z=9))
print(varargs(), varargs(1, 2), varargs(1, k="v"))
print(nothing())
args = (3, 4)
print(add(*args))
kw = {"name": "Eve", "punct": "."}
print(greet(**kw))

def defaults_evaluated_once(x, acc=[]):
    acc.append(x)
    return acc

print(defaults_evaluated_once(1), defaults_evaluated_once(2))

def ret_multiple():
    return 1, "two", 3.0

a, b, c = ret_multiple()
print(a, b, c)

def early(n):
    if n > 0:
        return "positive"
    print("fell through")

print(early(1), early(-1))
print(add.__name__, greet.__defaults__, describe.__kwdefaults__)
