class A(metaclass=M, *b, **c, d):
    pass
