counter = 0


def bump():
    global counter
    counter += 1
    assert counter > 0, "positive"
    assert counter


def outer():
    x = 1

    def inner():
        nonlocal x
        x += 1
        return x
    inner()
    del inner
    return x


def deletes():
    a = 1
    b = [1, 2, 3]
    del a, b[0]
    del b[:1]
    obj = type("O", (), {})()
    obj.attr = 1
    del obj.attr
    return b


del counter
counter = 5
bump()
print(counter, outer(), deletes())
