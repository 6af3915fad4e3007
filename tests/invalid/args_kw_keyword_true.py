print(dict(True=1))
