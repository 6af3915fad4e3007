# TypeError messages for bad calls
def f(a, b, c=3):
    return a + b + c

def g(x, /, y, *, z):
    return x, y, z

def h():
    return "h"

def attempt(label, thunk):
    try:
        print(label, thunk())
    except TypeError as e:
        print(label, "TypeError:", e)

attempt("ok", lambda: f(1, 2))
attempt("missing one", lambda: f(1))
attempt("missing two", lambda: f())
attempt("too many", lambda: f(1, 2, 3, 4))
attempt("unexpected kw", lambda: f(1, 2, d=4))
attempt("duplicate", lambda: f(1, 2, a=5))
attempt("posonly as kw", lambda: g(x=1, y=2, z=3))
attempt("kwonly missing", lambda: g(1, 2))
attempt("kwonly positional", lambda: g(1, 2, 3))
attempt("no args wanted", lambda: h(1))
text = "text"
attempt("not callable", lambda: text())
attempt("ok g", lambda: g(1, y=2, z=3))
