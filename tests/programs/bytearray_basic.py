# bytearray: construction, the mutable sequence protocol, operators.


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


# Constructor forms and messages
print(bytearray(), bytearray(3), bytearray(b"abc"), bytearray([1, 2, 255]))
print(bytearray("h\xe9", "latin-1"), bytearray("abc", encoding="ascii"))
print(bytearray(range(65, 70)), bytearray(iter([103, 101, 110])), bytearray(bytearray(b"cp")))
print(bytearray(memoryview(b"mv")), bytearray(True))
t(lambda: bytearray("abc"))
t(lambda: bytearray(b"x", "ascii"))
t(lambda: bytearray(errors="strict"))
t(lambda: bytearray(-1))
t(lambda: bytearray([256]))
t(lambda: bytearray([-1]))
t(lambda: bytearray(["a"]))
t(lambda: bytearray(1.5))
t(lambda: bytearray(None))
t(lambda: bytearray(1, 2, 3, 4))

# repr / str
print(repr(bytearray(b"it's")), repr(bytearray(b'say "hi"')), repr(bytearray(b"both ' and \"")))
print(str(bytearray(b"\x00\t\n\r\\\x7f\x80\xff")))


class BA(bytearray):
    pass


print(repr(BA(b"sub")), type(BA(b"x") + b"y").__name__, isinstance(BA(), bytearray))

# Unhashable
t(lambda: hash(bytearray(b"a")))
t(lambda: {bytearray(b"a"): 1})

# Indexing
b = bytearray(b"abcdef")
print(b[0], b[-1], b[1:4], b[::2], b[::-1], b[10:], b[-100:2], b[4:1:-1])
t(lambda: b[6])
t(lambda: b[-7])
t(lambda: b["x"])
t(lambda: b[1.0])

# Item and slice assignment
b[0] = 65
b[-1] = 70
print(b)
b[1:3] = b"XYZ"
print(b)
b[0:0] = [48, 49]
print(b)
b[2:5] = bytearray(b"")
print(b)
b[::2] = b"..."
print(b)
b[1::2] = [95] * 3
print(b)
b[5:2] = b"!"
print(b)
b[:] = b
print(b)
b[::-1] = bytes(b)
print(b)
t(lambda: b.__setitem__(0, 256))
t(lambda: b.__setitem__(0, "a"))
t(lambda: b.__setitem__(100, 1))
t(lambda: b.__setitem__(slice(None, None, 2), b"ab"))
t(lambda: b.__setitem__(slice(0, 2), 5))
t(lambda: b.__setitem__(slice(0, 2), "ab"))
t(lambda: b.__setitem__("k", 1))
t(lambda: b.__setitem__(slice(0, 1), [300]))

# Deletion
c = bytearray(range(10))
del c[0]
print(c)
del c[-1]
print(c)
del c[1:3]
print(c)
del c[::2]
print(c)
del c[::-1]
print(c)
c = bytearray(range(10))
del c[7:1:-2]
print(c)
del c[100:]
print(c)
t(lambda: c.__delitem__(50))

# Operators
x = bytearray(b"ab")
print(x + b"cd", x + bytearray(b"ef"), x + memoryview(b"gh"), b"cd" + x, x * 3, 3 * x, x * 0, x * -2)
t(lambda: x + "s")
t(lambda: x + 1)
t(lambda: "s" + x)
y = x
y += b"cd"
print(y is x, x)
y *= 2
print(y is x, x)
y *= 1
print(y is x, x)
y *= 0
print(y is x, x)
t(lambda: x.__iadd__(5))

# Comparisons
print(bytearray(b"ab") == b"ab", b"ab" == bytearray(b"ab"), bytearray(b"ab") != b"ab")
print(bytearray(b"ab") < b"ac", b"ab" < bytearray(b"abc"), bytearray(b"b") > bytearray(b"abc"))
print(bytearray(b"ab") <= b"ab", bytearray(b"ab") >= b"ab", bytearray(b"ab") == memoryview(b"ab"))
print(bytearray(b"ab") == "ab", bytearray(b"a") == 97, bytearray() == bytearray())
t(lambda: bytearray(b"a") < "a")
t(lambda: bytearray(b"a") < 1)

# in, iteration, len, bool
d = bytearray(b"hello")
print(104 in d, 120 in d, b"ell" in d, bytearray(b"lo") in d, memoryview(b"he") in d, b"" in d)
t(lambda: 300 in d)
t(lambda: "h" in d)
print(list(d), len(d), bool(d), bool(bytearray()), list(reversed(d)), sorted(d))
it = iter(d)
print(next(it), next(it))
d.append(33)
print(list(it))
print(bytes(d), bytes(bytearray()), tuple(bytearray(b"xy")), list(enumerate(bytearray(b"ab"))))

# other consumers of the buffer protocol
print(str(bytearray(b"abc"), "ascii"), str(memoryview(b"xyz")[1:], "utf-8"), bytearray(b"caf\xc3\xa9").decode(errors="strict"))
t(lambda: str(bytearray(b"\xff"), "ascii", "replace"))
