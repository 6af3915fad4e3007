f = lambda **k, a: k
