"""Ports the reading half of Python/marshal.c (format version 5, CPython 3.14)
to print a canonical text dump of the code objects that marshalled bytes hold.

This module is the yardstick of the differential tests, not part of the
interpreter: the oracle (CPython 3.14 under pyodide) and pyvm each marshal the
code object they compiled from a test program, and this one file, run by both,
turns the bytes into text that must be equal line for line. So it imports
nothing but the standard library (it runs on the 3.11 host and inside CPython
3.14), and it works on bytes, never on either interpreter's code objects.

The dump is *canonical*: it shows what a code object is, not the accidents of
how one marshal writer chose to spell it.

* References (``FLAG_REF`` / ``TYPE_REF``) are resolved and never shown.
  CPython decides whether to emit a reference by an object's reference count
  (``w_ref`` skips uniquely referenced objects), which another implementation
  need not reproduce.
* The string variants (short/long ASCII, interned or not, UTF-8) and the tuple
  variants (small or not), ``TYPE_INT`` against ``TYPE_LONG``: only the value
  is shown.
* Frozensets and sets, whose marshalled order follows marshal's own bytes
  (and so the variants above), are shown sorted by the rendered text of their
  elements.
* Strings are rendered with ``ascii()`` and floats with ``float.hex`` beside
  ``repr``, so that the text does not depend on the Unicode database or the
  float formatting of the Python that runs the dump.

Every code object shows every field ``w_object`` writes, in that order:
the counts, ``co_flags``, ``co_code`` as (offset, opcode, oparg) by number,
the constants (nested code objects dumped in place, indented), the names, the
``localsplus`` names with their kinds, the file/name/qualname, the first line
and the two side tables as hex.
"""

from __future__ import annotations

import struct
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

# CPython: Python/marshal.c:r_object (the type codes it switches on)
TYPE_NULL: Final = 0x30  # '0'
TYPE_NONE: Final = 0x4E  # 'N'
TYPE_FALSE: Final = 0x46  # 'F'
TYPE_TRUE: Final = 0x54  # 'T'
TYPE_STOPITER: Final = 0x53  # 'S'
TYPE_ELLIPSIS: Final = 0x2E  # '.'
TYPE_BINARY_FLOAT: Final = 0x67  # 'g'
TYPE_BINARY_COMPLEX: Final = 0x79  # 'y'
TYPE_LONG: Final = 0x6C  # 'l'
TYPE_STRING: Final = 0x73  # 's'
TYPE_TUPLE: Final = 0x28  # '('
TYPE_LIST: Final = 0x5B  # '['
TYPE_DICT: Final = 0x7B  # '{'
TYPE_CODE: Final = 0x63  # 'c'
TYPE_UNICODE: Final = 0x75  # 'u'
TYPE_UNKNOWN: Final = 0x3F  # '?'
TYPE_SET: Final = 0x3C  # '<'
TYPE_FROZENSET: Final = 0x3E  # '>'
TYPE_SLICE: Final = 0x3A  # ':'
TYPE_INTERNED: Final = 0x74  # 't'
TYPE_ASCII: Final = 0x61  # 'a'
TYPE_ASCII_INTERNED: Final = 0x41  # 'A'
TYPE_SHORT_ASCII: Final = 0x7A  # 'z'
TYPE_SHORT_ASCII_INTERNED: Final = 0x5A  # 'Z'
TYPE_INT: Final = 0x69  # 'i'
TYPE_SMALL_TUPLE: Final = 0x29  # ')'
TYPE_COMPLEX: Final = 0x78  # 'x'
TYPE_FLOAT: Final = 0x66  # 'f'
TYPE_INT64: Final = 0x49  # 'I'
TYPE_REF: Final = 0x72  # 'r'
FLAG_REF: Final = 0x80

# CPython: Python/marshal.c:MAX_MARSHAL_STACK_DEPTH
MAX_MARSHAL_STACK_DEPTH: Final = 2000
# CPython: Python/marshal.c:PyLong_MARSHAL_SHIFT
PyLong_MARSHAL_SHIFT: Final = 15
SIZE32_MAX: Final = 0x7FFFFFFF

# Above this many bits an int is rendered in hex: decimal conversion of huge
# ints is quadratic and limited by sys.set_int_max_str_digits.
_MAX_DECIMAL_BITS: Final = 4000


class MNode:
    """pyvm: one unmarshalled value of a kind the host has no plain value for."""

    kind: str

    def __init__(self, kind: str) -> None:
        self.kind = kind


class MSingleton(MNode):
    """pyvm: None, True, False, Ellipsis, StopIteration (``kind`` names it)."""


class MInt(MNode):
    """pyvm: an int (TYPE_INT, TYPE_INT64 or TYPE_LONG)."""

    value: int

    def __init__(self, value: int) -> None:
        super().__init__("int")
        self.value = value


class MFloat(MNode):
    """pyvm: a float (TYPE_BINARY_FLOAT or TYPE_FLOAT)."""

    value: float

    def __init__(self, value: float) -> None:
        super().__init__("float")
        self.value = value


class MComplex(MNode):
    """pyvm: a complex (TYPE_BINARY_COMPLEX or TYPE_COMPLEX)."""

    real: float
    imag: float

    def __init__(self, real: float, imag: float) -> None:
        super().__init__("complex")
        self.real = real
        self.imag = imag


class MStr(MNode):
    """pyvm: a str, whichever of the five spellings it was written in."""

    value: str

    def __init__(self, value: str) -> None:
        super().__init__("str")
        self.value = value


class MBytes(MNode):
    """pyvm: a bytes object (TYPE_STRING)."""

    value: bytes

    def __init__(self, value: bytes) -> None:
        super().__init__("bytes")
        self.value = value


class MSeq(MNode):
    """pyvm: tuple, list, set or frozenset (``kind``); items are filled in after
    the node is registered as a reference target, as r_object does."""

    items: list[MNode]

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.items = []


class MDict(MNode):
    """pyvm: a dict, as its keys and values in marshal order."""

    keys: list[MNode]
    values: list[MNode]

    def __init__(self) -> None:
        super().__init__("dict")
        self.keys = []
        self.values = []


class MSlice(MNode):
    """pyvm: a slice (TYPE_SLICE, new in format version 5)."""

    start: MNode
    stop: MNode
    step: MNode

    def __init__(self, start: MNode, stop: MNode, step: MNode) -> None:
        super().__init__("slice")
        self.start = start
        self.stop = stop
        self.step = step


class MCode(MNode):
    """pyvm: a code object, its fields in the order w_object writes them."""

    argcount: int
    posonlyargcount: int
    kwonlyargcount: int
    stacksize: int
    flags: int
    code: MNode
    consts: MNode
    names: MNode
    localsplusnames: MNode
    localspluskinds: MNode
    filename: MNode
    name: MNode
    qualname: MNode
    firstlineno: int
    linetable: MNode
    exceptiontable: MNode

    def __init__(self) -> None:
        super().__init__("code")
        none = MSingleton("None")
        self.argcount = 0
        self.posonlyargcount = 0
        self.kwonlyargcount = 0
        self.stacksize = 0
        self.flags = 0
        self.code = none
        self.consts = none
        self.names = none
        self.localsplusnames = none
        self.localspluskinds = none
        self.filename = none
        self.name = none
        self.qualname = none
        self.firstlineno = 0
        self.linetable = none
        self.exceptiontable = none


class MarshalError(ValueError):
    """pyvm: malformed marshal data (C raises ValueError, EOFError or TypeError)."""


class _Reader:
    """pyvm: the reader state, C's ``RFILE`` struct (Python/marshal.c).

    Reads from a bytes buffer only (``PyMarshal_ReadObjectFromString``).
    ``refs`` is the reference list; ``None`` marks a reserved slot whose object
    is still being read (C stores Py_None there).
    """

    data: bytes
    pos: int
    end: int
    depth: int
    refs: list[Optional[MNode]]

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0
        self.end = len(data)
        self.depth = 0
        self.refs = []

    def r_string(self, n: int) -> bytes:
        """CPython: Python/marshal.c:r_string"""
        if self.end - self.pos < n:
            raise MarshalError("marshal data too short")
        s = self.data[self.pos:self.pos + n]
        self.pos += n
        return s

    def r_byte(self) -> int:
        """CPython: Python/marshal.c:r_byte"""
        if self.pos < self.end:
            c = self.data[self.pos]
            self.pos += 1
            return c
        raise MarshalError("EOF read where not expected")

    def r_short(self) -> int:
        """CPython: Python/marshal.c:r_short"""
        b = self.r_string(2)
        x = b[0] | (b[1] << 8)
        if x & 0x8000:
            x -= 0x10000
        return x

    def r_long(self) -> int:
        """CPython: Python/marshal.c:r_long"""
        b = self.r_string(4)
        x = b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)
        if x & 0x80000000:
            x -= 0x100000000
        return x

    def r_size(self, what: str) -> int:
        """pyvm: the size check every sized type code repeats in r_object."""
        n = self.r_long()
        if n < 0 or n > SIZE32_MAX:
            raise MarshalError(f"bad marshal data ({what} size out of range)")
        return n

    def r_PyLong(self) -> int:
        """CPython: Python/marshal.c:r_PyLong"""
        n = self.r_long()
        if n < -SIZE32_MAX or n > SIZE32_MAX:
            raise MarshalError("bad marshal data (long size out of range)")
        size = abs(n)
        value = 0
        for j in range(size):
            md = self.r_short()
            if md < 0 or md > (1 << PyLong_MARSHAL_SHIFT):
                raise MarshalError("bad marshal data (digit out of range in long)")
            if md == 0 and j == size - 1:
                raise MarshalError("bad marshal data (unnormalized long data)")
            value |= md << (j * PyLong_MARSHAL_SHIFT)
        return -value if n < 0 else value

    def r_float_bin(self) -> float:
        """CPython: Python/marshal.c:r_float_bin"""
        f: float = struct.unpack("<d", self.r_string(8))[0]
        return f

    def r_float_str(self) -> float:
        """CPython: Python/marshal.c:r_float_str"""
        n = self.r_byte()
        text = self.r_string(n).decode("ascii", "replace")
        try:
            return float(text)
        except ValueError:
            raise MarshalError("bad marshal data (float)") from None

    def r_ref_reserve(self, flag: int) -> int:
        """CPython: Python/marshal.c:r_ref_reserve"""
        if flag:
            idx = len(self.refs)
            self.refs.append(None)
            return idx
        return -1

    def r_ref_insert(self, o: MNode, idx: int, flag: int) -> MNode:
        """CPython: Python/marshal.c:r_ref_insert"""
        if flag:
            self.refs[idx] = o
        return o

    def r_ref(self, o: MNode, flag: int) -> MNode:
        """CPython: Python/marshal.c:r_ref"""
        if flag:
            self.refs.append(o)
        return o

    def r_object(self) -> Optional[MNode]:
        """CPython: Python/marshal.c:r_object

        Returns None only for TYPE_NULL (the dict terminator).
        """
        if self.pos >= self.end:
            raise MarshalError("EOF read where object expected")
        code = self.r_byte()
        self.depth += 1
        if self.depth > MAX_MARSHAL_STACK_DEPTH:
            raise MarshalError("recursion limit exceeded")
        flag = code & FLAG_REF
        tp = code & ~FLAG_REF
        result = self._r_object_body(tp, flag)
        self.depth -= 1
        return result

    def r_nonnull(self, what: str) -> MNode:
        """pyvm: r_object where NULL is an error ("NULL object in marshal data")."""
        v = self.r_object()
        if v is None:
            raise MarshalError(f"NULL object in marshal data for {what}")
        return v

    def _r_object_body(self, tp: int, flag: int) -> Optional[MNode]:
        """pyvm: the ``switch`` of r_object."""
        if tp == TYPE_NULL:
            return None
        if tp == TYPE_NONE:
            return MSingleton("None")
        if tp == TYPE_STOPITER:
            return MSingleton("StopIteration")
        if tp == TYPE_ELLIPSIS:
            return MSingleton("Ellipsis")
        if tp == TYPE_FALSE:
            return MSingleton("False")
        if tp == TYPE_TRUE:
            return MSingleton("True")
        if tp == TYPE_INT:
            return self.r_ref(MInt(self.r_long()), flag)
        if tp == TYPE_INT64:
            lo = self.r_string(8)
            return self.r_ref(MInt(int.from_bytes(lo, "little", signed=True)), flag)
        if tp == TYPE_LONG:
            return self.r_ref(MInt(self.r_PyLong()), flag)
        if tp == TYPE_FLOAT:
            return self.r_ref(MFloat(self.r_float_str()), flag)
        if tp == TYPE_BINARY_FLOAT:
            return self.r_ref(MFloat(self.r_float_bin()), flag)
        if tp == TYPE_COMPLEX:
            re = self.r_float_str()
            im = self.r_float_str()
            return self.r_ref(MComplex(re, im), flag)
        if tp == TYPE_BINARY_COMPLEX:
            re = self.r_float_bin()
            im = self.r_float_bin()
            return self.r_ref(MComplex(re, im), flag)
        if tp == TYPE_STRING:
            n = self.r_size("bytes object")
            return self.r_ref(MBytes(self.r_string(n)), flag)
        if tp == TYPE_ASCII or tp == TYPE_ASCII_INTERNED:
            n = self.r_size("string")
            return self.r_ref(MStr(self.r_string(n).decode("latin-1")), flag)
        if tp == TYPE_SHORT_ASCII or tp == TYPE_SHORT_ASCII_INTERNED:
            n = self.r_byte()
            return self.r_ref(MStr(self.r_string(n).decode("latin-1")), flag)
        if tp == TYPE_INTERNED or tp == TYPE_UNICODE:
            n = self.r_size("string")
            raw = self.r_string(n)
            try:
                s = raw.decode("utf-8", "surrogatepass")
            except UnicodeDecodeError:
                raise MarshalError("bad marshal data (invalid utf-8)") from None
            return self.r_ref(MStr(s), flag)
        if tp == TYPE_SMALL_TUPLE or tp == TYPE_TUPLE:
            if tp == TYPE_SMALL_TUPLE:
                n = self.r_byte()
            else:
                n = self.r_size("tuple")
            t = MSeq("tuple")
            self.r_ref(t, flag)
            for _ in range(n):
                t.items.append(self.r_nonnull("tuple"))
            return t
        if tp == TYPE_LIST:
            n = self.r_size("list")
            lst = MSeq("list")
            self.r_ref(lst, flag)
            for _ in range(n):
                lst.items.append(self.r_nonnull("list"))
            return lst
        if tp == TYPE_DICT:
            d = MDict()
            self.r_ref(d, flag)
            while True:
                key = self.r_object()
                if key is None:
                    break
                val = self.r_object()
                if val is None:
                    break
                d.keys.append(key)
                d.values.append(val)
            return d
        if tp == TYPE_SET or tp == TYPE_FROZENSET:
            n = self.r_size("set")
            st = MSeq("set" if tp == TYPE_SET else "frozenset")
            if tp == TYPE_SET:
                self.r_ref(st, flag)
                idx = -1
            else:
                idx = self.r_ref_reserve(flag)
            for _ in range(n):
                st.items.append(self.r_nonnull("set"))
            if tp != TYPE_SET:
                self.r_ref_insert(st, idx, flag)
            return st
        if tp == TYPE_CODE:
            idx = self.r_ref_reserve(flag)
            co = MCode()
            co.argcount = self.r_long()
            co.posonlyargcount = self.r_long()
            co.kwonlyargcount = self.r_long()
            co.stacksize = self.r_long()
            co.flags = self.r_long()
            co.code = self.r_nonnull("code object")
            co.consts = self.r_nonnull("code object")
            co.names = self.r_nonnull("code object")
            co.localsplusnames = self.r_nonnull("code object")
            co.localspluskinds = self.r_nonnull("code object")
            co.filename = self.r_nonnull("code object")
            co.name = self.r_nonnull("code object")
            co.qualname = self.r_nonnull("code object")
            co.firstlineno = self.r_long()
            co.linetable = self.r_nonnull("code object")
            co.exceptiontable = self.r_nonnull("code object")
            return self.r_ref_insert(co, idx, flag)
        if tp == TYPE_REF:
            n = self.r_long()
            if n < 0 or n >= len(self.refs):
                raise MarshalError("bad marshal data (invalid reference)")
            v = self.refs[n]
            if v is None:
                raise MarshalError("bad marshal data (invalid reference)")
            return v
        if tp == TYPE_SLICE:
            idx = self.r_ref_reserve(flag)
            start = self.r_nonnull("slice")
            stop = self.r_nonnull("slice")
            step = self.r_nonnull("slice")
            return self.r_ref_insert(MSlice(start, stop, step), idx, flag)
        raise MarshalError("bad marshal data (unknown type code)")


def loads(data: bytes) -> MNode:
    """CPython: Python/marshal.c:PyMarshal_ReadObjectFromString

    pyvm: into the neutral node tree of this module, not into objects.
    """
    r = _Reader(data)
    v = r.r_object()
    if v is None:
        raise MarshalError("NULL object in marshal data for object")
    return v


# ---------------------------------------------------------------------------
# Rendering


def _render_float(f: float) -> str:
    """pyvm: repr, then the exact hex form, which no host's float formatting
    can change."""
    if f != f:
        return "nan"
    r = repr(f)
    return f"{r} [{f.hex()}]"


def _render_int(i: int) -> str:
    """pyvm: decimal, or hex beyond the int-to-str digit limit."""
    if i.bit_length() > _MAX_DECIMAL_BITS:
        return hex(i)
    return str(i)


def render_value(v: MNode) -> str:
    """pyvm: the one-line text of a non-code value (code objects render as a
    header here; :func:`_dump_code` prints their body)."""
    if isinstance(v, MSingleton):
        return v.kind
    if isinstance(v, MInt):
        return _render_int(v.value)
    if isinstance(v, MFloat):
        return _render_float(v.value)
    if isinstance(v, MComplex):
        return f"complex({_render_float(v.real)}, {_render_float(v.imag)})"
    if isinstance(v, MStr):
        return ascii(v.value)
    if isinstance(v, MBytes):
        return repr(v.value)
    if isinstance(v, MSeq):
        parts = [render_value(x) for x in v.items]
        if v.kind == "tuple":
            if len(parts) == 1:
                return f"({parts[0]},)"
            return "(" + ", ".join(parts) + ")"
        if v.kind == "list":
            return "[" + ", ".join(parts) + "]"
        parts.sort()
        return f"{v.kind}({{" + ", ".join(parts) + "})"
    if isinstance(v, MDict):
        kv = [f"{render_value(k)}: {render_value(x)}" for k, x in zip(v.keys, v.values)]
        return "{" + ", ".join(kv) + "}"
    if isinstance(v, MSlice):
        return (f"slice({render_value(v.start)}, {render_value(v.stop)}, "
                f"{render_value(v.step)})")
    if isinstance(v, MCode):
        return f"<code {render_value(v.qualname)}>"
    return f"<{v.kind}>"


def _contains_code(v: MNode) -> bool:
    """pyvm: does a constant hold a code object (to dump it in place)?"""
    if isinstance(v, MCode):
        return True
    if isinstance(v, MSeq):
        for x in v.items:
            if _contains_code(x):
                return True
    return False


def _hex_lines(out: list[str], data: bytes, indent: str) -> None:
    """pyvm: bytes as hex, 32 bytes a line."""
    for i in range(0, len(data), 32):
        out.append(indent + data[i:i + 32].hex())


class _TableError(Exception):
    """pyvm: a side table that does not decode (shown as such, never raised out)."""


def _decode_linetable(table: bytes, firstlineno: int) -> list[str]:
    """pyvm: the entries of a 3.14 ``co_linetable`` (InternalDocs/code_objects.md,
    "Format of the locations table"), one line each: the byte range ``[start,
    end)`` of code it covers, then line, end line, column and end column (``-``
    for none)."""
    out: list[str] = []
    pos = 0
    n = len(table)
    line = firstlineno
    addr = 0

    def byte() -> int:
        nonlocal pos
        if pos >= n:
            raise _TableError("truncated entry")
        b = table[pos]
        pos += 1
        if b & 0x80:
            raise _TableError("entry ends early")
        return b

    def varint() -> int:
        b = byte()
        val = b & 63
        shift = 0
        while b & 64:
            b = byte()
            shift += 6
            val |= (b & 63) << shift
        return val

    def svarint() -> int:
        u = varint()
        return -(u >> 1) if u & 1 else (u >> 1)

    while pos < n:
        first = table[pos]
        pos += 1
        if not first & 0x80:
            raise _TableError(f"byte {pos - 1} does not start an entry")
        code = (first >> 3) & 15
        length = (first & 7) + 1
        end = addr + 2 * length
        rng = f"[{addr:5d},{end:5d})"
        if code == 15:
            out.append(f"{rng} no location")
        elif code == 13:
            line += svarint()
            out.append(f"{rng} line {line} (no columns)")
        elif code == 14:
            line += svarint()
            endline = line + varint()
            col = varint() - 1
            endcol = varint() - 1
            out.append(f"{rng} line {line}-{endline} col {_col(col)}-{_col(endcol)}")
        elif code >= 10:
            line += code - 10
            col = byte()
            endcol = byte()
            out.append(f"{rng} line {line} col {col}-{endcol}")
        else:
            second = byte()
            col = code * 8 + ((second >> 4) & 7)
            endcol = col + (second & 15)
            out.append(f"{rng} line {line} col {col}-{endcol}")
        addr = end
    return out


def _col(c: int) -> str:
    """pyvm: a column, or ``-`` for none."""
    return "-" if c < 0 else str(c)


def _decode_exceptiontable(table: bytes) -> list[str]:
    """pyvm: the entries of ``co_exceptiontable`` (InternalDocs/exception_handling.md),
    as Lib/dis.py's ``_parse_exception_table`` reads them: byte offsets
    ``[start, end) -> target``, the stack depth and the lasti flag."""
    out: list[str] = []
    pos = 0
    n = len(table)

    def varint() -> int:
        nonlocal pos
        if pos >= n:
            raise _TableError("truncated entry")
        b = table[pos]
        pos += 1
        val = b & 63
        while b & 64:
            if pos >= n:
                raise _TableError("truncated entry")
            val <<= 6
            b = table[pos]
            pos += 1
            val |= b & 63
        return val

    while pos < n:
        if not table[pos] & 0x80:
            raise _TableError(f"byte {pos} does not start an entry")
        start = varint() * 2
        end = start + varint() * 2
        target = varint() * 2
        dl = varint()
        lasti = " lasti" if dl & 1 else ""
        out.append(f"[{start:5d},{end:5d}) -> {target} depth {dl >> 1}{lasti}")
    return out


def _decoded(out: list[str], entries: list[str], indent: str) -> None:
    """pyvm: append decoded table entries."""
    for e in entries:
        out.append(indent + e)


def _dump_const(out: list[str], v: MNode, indent: str, label: str) -> None:
    """pyvm: one constant; code objects (also inside tuples) dump in place."""
    if isinstance(v, MCode):
        out.append(f"{indent}{label}code")
        _dump_code(out, v, indent + "    ")
    elif isinstance(v, MSeq) and v.kind == "tuple" and _contains_code(v):
        out.append(f"{indent}{label}tuple ({len(v.items)} items)")
        for i, x in enumerate(v.items):
            _dump_const(out, x, indent + "    ", f"{i}: ")
    else:
        out.append(f"{indent}{label}{render_value(v)}")


def _dump_code(out: list[str], co: MCode, indent: str) -> None:
    """pyvm: every field of one code object, in w_object's order."""
    out.append(f"{indent}argcount: {co.argcount}")
    out.append(f"{indent}posonlyargcount: {co.posonlyargcount}")
    out.append(f"{indent}kwonlyargcount: {co.kwonlyargcount}")
    out.append(f"{indent}stacksize: {co.stacksize}")
    out.append(f"{indent}flags: 0x{co.flags & 0xFFFFFFFF:08x}")
    code = co.code
    if isinstance(code, MBytes):
        b = code.value
        out.append(f"{indent}code: {len(b)} bytes")
        for off in range(0, len(b) - 1, 2):
            out.append(f"{indent}  {off:5d} {b[off]:3d} {b[off + 1]:3d}")
        if len(b) % 2:
            out.append(f"{indent}  odd trailing byte {b[-1]}")
    else:
        out.append(f"{indent}code: {render_value(code)}")
    consts = co.consts
    if isinstance(consts, MSeq) and consts.kind == "tuple":
        out.append(f"{indent}consts: {len(consts.items)}")
        for i, c in enumerate(consts.items):
            _dump_const(out, c, indent + "  ", f"{i}: ")
    else:
        out.append(f"{indent}consts: {render_value(consts)}")
    names = co.names
    if isinstance(names, MSeq) and names.kind == "tuple":
        out.append(f"{indent}names: {len(names.items)}")
        for i, n in enumerate(names.items):
            out.append(f"{indent}  {i}: {render_value(n)}")
    else:
        out.append(f"{indent}names: {render_value(names)}")
    lpn = co.localsplusnames
    lpk = co.localspluskinds
    if (isinstance(lpn, MSeq) and lpn.kind == "tuple" and isinstance(lpk, MBytes)
            and len(lpk.value) == len(lpn.items)):
        out.append(f"{indent}localsplus: {len(lpn.items)}")
        for i, n in enumerate(lpn.items):
            out.append(f"{indent}  {i}: 0x{lpk.value[i]:02x} {render_value(n)}")
    else:
        out.append(f"{indent}localsplusnames: {render_value(lpn)}")
        out.append(f"{indent}localspluskinds: {render_value(lpk)}")
    out.append(f"{indent}filename: {render_value(co.filename)}")
    out.append(f"{indent}name: {render_value(co.name)}")
    out.append(f"{indent}qualname: {render_value(co.qualname)}")
    out.append(f"{indent}firstlineno: {co.firstlineno}")
    for label, tbl in (("linetable", co.linetable), ("exceptiontable", co.exceptiontable)):
        if isinstance(tbl, MBytes):
            out.append(f"{indent}{label}: {len(tbl.value)} bytes")
            _hex_lines(out, tbl.value, indent + "  ")
            # The same table decoded, so that a difference can be read.
            try:
                if label == "linetable":
                    entries = _decode_linetable(tbl.value, co.firstlineno)
                else:
                    entries = _decode_exceptiontable(tbl.value)
            except _TableError as e:
                entries = [f"(does not decode: {e})"]
            if entries:
                out.append(f"{indent}{label} decoded:")
                _decoded(out, entries, indent + "  ")
        else:
            out.append(f"{indent}{label}: {render_value(tbl)}")


def dump_node(v: MNode) -> str:
    """pyvm: the canonical text of an unmarshalled value."""
    out: list[str] = []
    if isinstance(v, MCode):
        out.append("code")
        _dump_code(out, v, "    ")
    else:
        _dump_const(out, v, "", "")
    return "\n".join(out) + "\n"


def dump_marshalled(data: bytes) -> str:
    """pyvm: the canonical dump of ``marshal.dumps(obj)`` bytes (see the module
    docstring). Raises :class:`MarshalError` (a ValueError) on malformed data."""
    try:
        return dump_node(loads(data))
    except RecursionError:
        raise MarshalError("recursion limit exceeded") from None

