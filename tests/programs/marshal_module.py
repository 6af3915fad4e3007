# The marshal module: dumps/loads of every marshallable kind, versions,
# allow_code, dump/load through a file object's write/readinto, and the errors.
import marshal

print(marshal.version, marshal.__name__, marshal.loads.__doc__.splitlines()[0])

values = [None, True, False, ..., StopIteration, 0, -1, 2**31, -2**62, 10**40, 1.5, -0.0,
          1e300, 2j + 1, "", "text", "é€\U0001f600", b"", b"\x00\xff", bytearray(b"ba"),
          (), (1, "a"), [1, [2, [3]]], {"k": [1, 2], 3: (4,)}, {1, 2, 3}, frozenset({"x"}),
          slice(1, None, 2)]
for v in values:
    data = marshal.dumps(v)
    back = marshal.loads(data)
    print(type(v).__name__, len(data), back == v or back is v, type(back).__name__)

for version in range(6):
    print(version, marshal.dumps((1.5, "ab", "ab", 2j), version).hex())
print(marshal.dumps(["a", "a"], 2).hex(), marshal.dumps(["a", "a"], 3).hex())

code = compile("x = 6 * 7\nprint('ran', x)\n", "<marshal>", "exec")
data = marshal.dumps(code)
print(type(marshal.loads(data)).__name__)
exec(marshal.loads(data), {})
print(marshal.loads(data + b"trailing") is not None)
print(marshal.loads(memoryview(data)).co_filename)
for call in (lambda: marshal.dumps(code, allow_code=False),
             lambda: marshal.loads(data, allow_code=False),
             lambda: marshal.dumps(object()),
             lambda: marshal.dumps([1, {2: print}]),
             lambda: marshal.loads(b""),
             lambda: marshal.loads(b"i\x01"),
             lambda: marshal.loads(b"\xff"),
             lambda: marshal.loads("text"),
             lambda: marshal.dumps(1, 2, 3),
             lambda: marshal.dumps(1, version=2),
             lambda: marshal.dumps(),
             lambda: marshal.loads(b"N", bogus=1),
             lambda: marshal.dumps(1, 1.5)):
    try:
        print(repr(call()))
    except Exception as e:
        print(type(e).__name__, e)


class File:
    def __init__(self, data=b""):
        self.data = bytearray(data)
        self.pos = 0
        self.calls = 0

    def write(self, b):
        self.data += b
        return len(b)

    def read(self, n=-1):
        return b""

    def readinto(self, buf):
        self.calls += 1
        n = min(len(buf), len(self.data) - self.pos)
        buf[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n


f = File()
for v in ([1, 2], "two", {"three": 3.0}, code):
    print(marshal.dump(v, f))
print(len(f.data))
r = File(f.data)
print(marshal.load(r), marshal.load(r), marshal.load(r), type(marshal.load(r)).__name__)
print(r.pos == len(f.data), r.calls > 4)
try:
    marshal.load(r)
except EOFError as e:
    print("EOFError", e)
r = File(f.data)
r.pos = len(f.data) - 3
try:
    marshal.load(r)
except Exception as e:
    print(type(e).__name__, e)


class Greedy(File):
    def readinto(self, buf):
        return len(buf) + 1


class NotBytes(File):
    def read(self, n=-1):
        return "str"


for bad in (Greedy(b"i\x01\x00\x00\x00"), NotBytes(), object()):
    try:
        marshal.load(bad)
    except Exception as e:
        print(type(e).__name__, e)
marshal.dump(code, f, allow_code=True)
try:
    marshal.dump(code, f, allow_code=False)
except ValueError as e:
    print("ValueError", e)
