class A:
    # nothing
