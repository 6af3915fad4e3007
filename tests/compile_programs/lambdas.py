square = lambda x: x * x
add = lambda a, b=2, *args, c, d=4, **kw: a + b + c + d + len(args) + len(kw)
nested = lambda x: (lambda y: x + y)
default_capture = [lambda i=i: i for i in range(3)]
no_args = lambda: None
print(square(3), add(1, c=3), nested(1)(2), [f() for f in default_capture], no_args())
