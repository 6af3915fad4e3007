# Carets of a call spread over several lines, with a comment after the code.
def combine(a, b, c):
    return a + b + c  # adds them


result = combine(
    1,
    2,
    3,
)
print(result)
result = combine(
    "x",
    "y",
    None,
)
