f(None=2)
