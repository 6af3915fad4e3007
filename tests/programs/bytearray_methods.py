# bytearray methods: the mutable ones and those shared with bytes.


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


# append / extend / insert / pop / remove / clear / copy / reverse / resize
b = bytearray(b"abc")
print(b.append(100), b)
t(lambda: b.append(256))
t(lambda: b.append("e"))
b.extend(b"ef")
b.extend([103, 104])
b.extend(bytearray(b"i"))
b.extend(memoryview(b"j"))
b.extend(range(107, 109))
b.extend(iter([]))
print(b)
t(lambda: b.extend(5))
t(lambda: b.extend("xy"))
t(lambda: b.extend([1, 300]))
t(lambda: b.extend(None))
b.insert(0, 65)
b.insert(-1, 66)
b.insert(100, 67)
b.insert(-100, 68)
print(b)
t(lambda: b.insert(0, 999))
t(lambda: b.insert("a", 1))
t(lambda: b.insert(1))
print(b.pop(), b.pop(0), b.pop(-2), b)
t(lambda: b.pop(100))
t(lambda: bytearray().pop())
t(lambda: b.pop(1, 2))
print(b.remove(98), b)
t(lambda: b.remove(120))
t(lambda: b.remove(1000))
c = b.copy()
print(c, c == b, c is b)
c.reverse()
print(c)
c.clear()
print(c, len(c))
r = bytearray(b"xyz")
r.resize(5)
print(r)
r.resize(1)
print(r)
t(lambda: r.resize(-1))
e = bytearray(b"abc")
e.__init__(b"re-init")
print(e)

# searching
s = bytearray(b"hello world, hello")
print(s.find(b"lo"), s.find(b"lo", 5), s.find(b"zz"), s.find(108), s.rfind(b"hello"), s.rfind(111, 0, 5))
print(s.index(b"world"), s.rindex(b"l"), s.count(b"l"), s.count(108), s.count(b""), s.count(b"l", 3, 10))
print(s.find(bytearray(b"o w")), s.find(memoryview(b"rld")), s.find(b"h", -5), s.find(b"", 100))
t(lambda: s.index(b"zz"))
t(lambda: s.rindex(b"zz"))
t(lambda: s.find("l"))
t(lambda: s.find(300))
t(lambda: s.find())
print(s.startswith(b"hello"), s.startswith((b"x", bytearray(b"he"))), s.endswith(b"llo"), s.endswith(b"llo", 0, 5))
t(lambda: s.startswith("h"))
t(lambda: s.startswith(("h",)))

# case and classes
m = bytearray(b"Hello World 42")
print(m.upper(), m.lower(), m.swapcase(), m.title(), bytearray(b"hELLO wORLD").capitalize())
print(m.isalnum(), bytearray(b"abc1").isalnum(), bytearray(b"abc").isalpha(), bytearray(b"123").isdigit())
print(bytearray(b"abc").islower(), bytearray(b"ABC").isupper(), bytearray(b" \t").isspace(), m.istitle())
print(bytearray(b"\x80").isascii(), bytearray().isascii(), bytearray().isalpha())

# split / join / strip / partition / replace
p = bytearray(b"  a,b,,c  ")
print(p.split(), p.split(b","), p.split(b",", 1), p.rsplit(b",", 1), p.split(maxsplit=0))
print(bytearray(b"a b  c").split(None, 1), bytearray(b"a b c").rsplit(maxsplit=1))
t(lambda: p.split(b""))
t(lambda: p.split("x"))
print(p.strip(), p.lstrip(), p.rstrip(), p.strip(b" a"), bytearray(b"xxhixx").strip(bytearray(b"x")))
print(bytearray(b"-").join([b"a", bytearray(b"b"), memoryview(b"c")]), bytearray().join([]))
t(lambda: bytearray(b"-").join([b"a", "b"]))
t(lambda: bytearray(b"-").join(5))
print(bytearray(b"k=v=w").partition(b"="), bytearray(b"k=v=w").rpartition(b"="), bytearray(b"kvw").partition(b"="))
t(lambda: bytearray(b"a").partition(b""))
print(bytearray(b"aaa").replace(b"a", b"bb"), bytearray(b"aaa").replace(b"a", b"", 2), bytearray(b"abc").replace(b"", b"-"))
print(bytearray(b"line1\nline2\r\nline3").splitlines(), bytearray(b"l1\nl2\n").splitlines(keepends=True))
print(bytearray(b"prefix-body").removeprefix(b"prefix-"), bytearray(b"body.txt").removesuffix(b".txt"), bytearray(b"x").removeprefix(b"y"))

# padding
print(bytearray(b"ab").center(6), bytearray(b"ab").ljust(5, b"*"), bytearray(b"ab").rjust(5, bytearray(b"-")), bytearray(b"42").zfill(5), bytearray(b"-4").zfill(4))
print(bytearray(b"a\tb\tc").expandtabs(), bytearray(b"a\tb").expandtabs(4), bytearray(b"ab").center(1))
t(lambda: bytearray(b"ab").center(6, b"xy"))
t(lambda: bytearray(b"ab").center(6, "x"))

# translate / maketrans
table = bytearray.maketrans(b"abc", b"xyz")
print(type(table).__name__, len(table), bytearray(b"aabbcc").translate(table), bytearray(b"abcabc").translate(None, b"b"))
print(bytearray(b"hello").translate(table, delete=b"l"))
t(lambda: bytearray.maketrans(b"ab", b"x"))
t(lambda: bytearray(b"a").translate(b"short"))

# decode / hex / fromhex
print(bytearray(b"caf\xc3\xa9").decode(), bytearray(b"caf\xe9").decode("latin-1"), bytearray(b"\xff").decode("ascii", "replace"))
print(bytearray(b"\x01\xab\xff").hex(), bytearray(b"\x01\xab\xff").hex(":"), bytearray(b"\x01\x02\x03\x04").hex("-", 2), bytearray(b"\x01\x02\x03").hex(b"_", -2))
print(bytearray.fromhex("0a 0B ff"), bytearray.fromhex(""), bytes.fromhex("deadbeef"))
t(lambda: bytearray.fromhex("0g"))
t(lambda: bytearray.fromhex("abc"))
t(lambda: bytearray.fromhex(12))
t(lambda: bytearray(b"").hex("::"))


class BA(bytearray):
    pass


print(type(BA.fromhex("61")).__name__, type(BA(b"x").upper()).__name__, BA(b"ab") == b"ab")

# the shared methods on bytes return bytes
print(b"Ab".swapcase(), b"a-b".split(b"-"), b"x".join([bytearray(b"1"), b"2"]), b"ab".center(4, b"."))
print(b"abc".partition(b"b"), b"ab".hex(" "), b"hello".count(108), b"hello".removeprefix(b"he"))

# resizing with an export out
buf = bytearray(b"data")
view = memoryview(buf)
t(lambda: buf.append(1))
t(lambda: buf.extend(b"xy"))
t(lambda: buf.pop())
t(lambda: buf.remove(100))
t(lambda: buf.insert(0, 1))
t(lambda: buf.clear())
t(lambda: buf.__iadd__(b"x"))
t(lambda: buf.__delitem__(0))
t(lambda: buf.__setitem__(slice(0, 1), b"xy"))
t(lambda: buf.resize(10))
buf[0] = 68
buf[1:3] = b"AT"
buf.reverse()
print(buf, view.tobytes())
view.release()
buf.append(33)
print(buf)
