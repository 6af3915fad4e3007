def f():
    """docstring
    never closed
