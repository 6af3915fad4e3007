a, *b, c = range(5)
*d, = [1, 2]
first, (second, *third) = 1, (2, 3, 4)


def f(*args, **kwargs):
    return args, kwargs


lst = [1, 2]
dct = {"k": 1}
print(f(*lst, 3, *lst, x=1, **dct, **{"z": 2}))
print(f(*lst), f(**dct), [*lst, *range(2)], {*lst}, {**dct, "q": 3}, (*lst,))
print(a, b, c, d, first, second, third)
