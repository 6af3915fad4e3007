for a, b c:
    pass
