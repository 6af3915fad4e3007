def f():
    return (1, 2)(3)
print('defined')
