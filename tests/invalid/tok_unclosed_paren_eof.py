x = 1
result = max(
    x,
    2,
