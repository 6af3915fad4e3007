class A:
    [(j := i) for i in range(3)]
