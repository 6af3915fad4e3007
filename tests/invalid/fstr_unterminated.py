s = f'abc
