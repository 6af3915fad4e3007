a, *b, c, *d = range(9)
