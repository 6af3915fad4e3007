result = foo(
    a,
    b
) = 1
