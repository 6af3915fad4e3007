def f(a):
    return a

print(f(a=))
