class A(
    B,
    x for x in y
):
    pass
