def f[T](x: T) -> T:
    return x

print(f.__type_params__)
(T,) = f.__type_params__
print(T, type(T).__name__, T.__name__, T.__bound__, T.__constraints__, T.__default__)
print(T.__covariant__, T.__contravariant__, T.__infer_variance__, T.has_default())
print(T.__module__, T.evaluate_bound, T.evaluate_default)
print(f(3), f.__name__)


def g[T: int, *Ts, **P]():
    pass

t, ts, p = g.__type_params__
print(t, ts, p, type(ts).__name__, type(p).__name__)
print(t.__bound__, t.__bound__ is int, t.evaluate_bound(1) is int)
print(p.args, p.kwargs, p.args.__origin__ is p, p.__bound__)


def h[S: (int, str), U = float](s: S, u: U = 1.0):
    return s, u

s, u = h.__type_params__
print(s, s.__constraints__, s.__bound__, u.__default__, u.has_default(), s.has_default())
print(h(1))


def k[*Ts = int, **P = (str, bytes)]():
    pass

ts, p = k.__type_params__
print(ts.__default__, p.__default__, ts.has_default(), p.has_default())
