# memoryview over bytes and bytearray: views share memory, casts, release.


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


def attrs(m):
    print(m.format, m.itemsize, m.nbytes, m.ndim, m.shape, m.strides, m.readonly,
          m.suboffsets, m.c_contiguous, m.f_contiguous, m.contiguous)


# construction
m = memoryview(b"abcdef")
attrs(m)
print(m.obj, len(m), m[0], m[-1], m.tobytes(), m.tolist(), bytes(m), list(m))
t(lambda: memoryview("str"))
t(lambda: memoryview(5))
t(lambda: memoryview())
t(lambda: memoryview(object=b"kw").tobytes())
print(memoryview(m).tobytes(), memoryview(m).obj is m.obj)

# indexing and slicing
print(m[1:4].tobytes(), m[::2].tobytes(), m[::-1].tobytes(), m[4:1:-1].tolist(), m[10:].tobytes())
s = m[::2]
attrs(s)
print(s[1], len(s), s.obj)
t(lambda: m[6])
t(lambda: m[-7])
t(lambda: m["a"])
t(lambda: m[1.5])
t(lambda: m[0, 0])
t(lambda: m[(slice(0, 1), slice(0, 1))])
t(lambda: m.__setitem__(0, 1))
t(lambda: m.__delitem__(0))

# writes through a view change the bytearray
ba = bytearray(b"hello world")
v = memoryview(ba)
attrs(v)
v[0] = 72
v[6:11] = b"WORLD"
print(ba)
v[-1] = ord("!")
w = v[6:]
w[0] = 119
print(ba, w.tobytes(), v.obj is ba)
v[::2] = b"ABCDEF"
print(ba)
t(lambda: v.__setitem__(0, 256))
t(lambda: v.__setitem__(0, -1))
t(lambda: v.__setitem__(0, "x"))
t(lambda: v.__setitem__(0, 1.0))
t(lambda: v.__setitem__(slice(0, 2), b"abc"))
t(lambda: v.__setitem__(slice(0, 2), [1, 2]))
t(lambda: v.__setitem__(20, 1))
ba[0] = 122
print(v[0], v.tobytes())

# the bytearray cannot resize while a view exists
t(lambda: ba.append(1))
t(lambda: ba.__delitem__(slice(0, 2)))
t(lambda: ba.__iadd__(b"!"))
ba[0:2] = b"ZZ"
print(ba, v[:2].tobytes())
sub = v[1:3]
v.release()
t(lambda: ba.append(1))
sub.release()
w.release()
ba.append(46)
print(ba)
t(lambda: v[0])
t(lambda: len(v))
t(lambda: v.tobytes())
t(lambda: v.format)
print(v.release(), repr(v).startswith("<released memory at 0x"), repr(memoryview(b"")).startswith("<memory at 0x"))

# context manager methods
ba2 = bytearray(b"ctx")
cm = memoryview(ba2)
print(cm.__enter__() is cm)
cm[0] = 67
print(cm.__exit__(None, None, None), ba2)
ba2.extend(b"!!")
print(ba2)
t(lambda: cm.__enter__())

# toreadonly
ro = memoryview(bytearray(b"rw")).toreadonly()
print(ro.readonly, ro.tobytes())
t(lambda: ro.__setitem__(0, 1))
t(lambda: memoryview(b"ro").__setitem__(0, 1))

# cast
raw = bytearray(range(8))
c = memoryview(raw)
h = c.cast("H")
attrs(h)
print(h.tolist() == [0x100, 0x302, 0x504, 0x706], h[1] == 0x302, len(h))
h[0] = 0xFFFF
print(raw[:2])
t(lambda: h.__setitem__(0, 0x10000))
t(lambda: h.__setitem__(0, -1))
i4 = c.cast("i")
print(i4.itemsize, len(i4), i4.format)
q = c.cast("q")
print(q.itemsize, q.shape, q.nbytes)
sb = c.cast("b")
sb[0] = -1
print(raw[0], sb[0], c.cast("B")[0])
t(lambda: sb.__setitem__(0, 128))
cc = c.cast("c")
print(cc[1], cc.format)
cc[1] = b"Z"
print(raw[1])
t(lambda: cc.__setitem__(1, b"ab"))
t(lambda: cc.__setitem__(1, 5))
bb = memoryview(bytearray(b"\x00\x01\x00")).cast("?")
print(bb.tolist())
bb[0] = 5
print(bb.tolist(), bb.obj)
f = memoryview(bytearray(8)).cast("d")
f[0] = 1.5
print(f[0], f.tolist(), f.format)
ff = memoryview(bytearray(8)).cast("f")
ff[1] = 0.25
ff[0] = 3
print(ff.tolist())
t(lambda: ff.__setitem__(0, "x"))
print(c.cast("@B").format, h.cast("B").tolist()[:2])
t(lambda: c.cast("x"))
t(lambda: c.cast("BB"))
t(lambda: c.cast("<i"))
t(lambda: h.cast("i"))
t(lambda: memoryview(b"abc").cast("H"))
t(lambda: c[::2].cast("B"))
t(lambda: c.cast(5))
# shapes
g = c.cast("B", (2, 4))
attrs(g)
print(g.tolist(), g[1, 2], g[-1, -1])
t(lambda: g[0])
t(lambda: g[1, 4])
t(lambda: len(g))
print(c.cast("B", [8]).shape, g.cast("B").shape, memoryview(b"\x07").cast("B", ()).tolist())
t(lambda: c.cast("B", (3, 3)))
t(lambda: c.cast("B", (0, 8)))
t(lambda: c.cast("B", ("a",)))
t(lambda: c.cast("B", 8))
t(lambda: g.cast("B", (4, 2)))
z = memoryview(b"\x05").cast("B", ())
print(z.ndim, z.shape, z[()], z.tolist())
t(lambda: z[0])
t(lambda: len(z))

# equality and hashing
print(memoryview(b"ab") == b"ab", memoryview(b"ab") == bytearray(b"ab"), memoryview(b"ab") == memoryview(b"ab"))
print(memoryview(b"ab") != b"ac", memoryview(b"ab") == b"abc", memoryview(b"ab") == "ab", memoryview(b"ab") == [97, 98])
print(b"ab" == memoryview(b"ab"), bytearray(b"ab") == memoryview(b"ab"))
print(memoryview(b"\x01\x00").cast("H") == memoryview(b"\x01\x00").cast("h"), memoryview(b"\xff").cast("b") == memoryview(b"\xff"))
print(memoryview(b"abcd")[::2] == b"ac", m == m, memoryview(b"x") == memoryview(b"x").toreadonly())
t(lambda: memoryview(b"a") < memoryview(b"b"))
rel = memoryview(b"q")
rel.release()
print(rel == rel, rel == memoryview(b"q"))
print(hash(memoryview(b"abc")) == hash(b"abc"), hash(memoryview(b"abcde")[1:4]) == hash(b"bcd"), hash(memoryview(b"x")[::-1]) == hash(b"x"))
t(lambda: hash(memoryview(bytearray(b"x"))))
t(lambda: hash(memoryview(bytearray(b"x")).toreadonly()))
t(lambda: hash(memoryview(b"\x00\x00").cast("h")))
d = {memoryview(b"key"): 1}
print(d[b"key"])

# hex, count, index, iteration
hx = memoryview(b"\x01\xab\xff\x10")
print(hx.hex(), hx.hex(":"), hx.hex("-", 2), hx[::2].hex(), hx.count(171), hx.index(255), hx.index(1, 0, 2))
t(lambda: hx.index(5))
t(lambda: hx.hex("xx"))
print(list(memoryview(b"ab").cast("c")), [x for x in memoryview(bytearray(b"\x03\x04"))])
t(lambda: iter(z))
t(lambda: iter(g))

# buffers of views
src = memoryview(b"0123456789")
print(bytes(src[2:5]), bytearray(src[::3]), b"-".join([src[:2], src[8:]]), b"x" + src[:2], bytearray(b"y") + src[:1])
t(lambda: bytes(src[::2]) == b"02468")
dst = bytearray(b"..........")
dst[0:3] = src[:3]
print(dst)
ov = memoryview(bytearray(b"abcdef"))
ov[1:4] = ov[0:3]
print(ov.obj)
print(bytearray(b"abc") + memoryview(b"d").toreadonly(), bytearray(b"x") in [bytearray(b"x")])
