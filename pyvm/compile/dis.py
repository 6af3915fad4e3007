"""pyvm: pyvm's disassembler: the text CPython 3.14's ``dis.dis(code)`` (and so
``python -m dis FILE``) prints for a code object and the code objects nested in
its constants.

pyvm: this is not a port of Lib/dis.py (CPython's dis is a Python module of the
standard library; pyvm's own 3.14 ``dis`` module may later be built on this). It
is written from the output format, which it reproduces byte for byte:

* one line per instruction: the line-number column (only on the first
  instruction of a new line; ``--`` for "no line"; a blank line before each new
  line but the first), a label column (``L3:`` on jump targets and exception
  table boundaries), the opcode name padded to 20 columns, the oparg
  right-aligned in 5 columns (less when the name overflows), and the resolved
  argument in parentheses: constants by ``repr``, names, ``to L3`` for jumps,
  ``range + NULL`` for ``LOAD_GLOBAL``, ``m + NULL|self`` for method loads, the
  operator of ``BINARY_OP`` and ``COMPARE_OP``, the pair ``(a, b)`` of the
  superinstructions …;
* the ``ExceptionTable:`` section, one ``L1 to L2 -> L3 [depth] lasti`` line per
  entry;
* then, for each code object among the constants, a blank line,
  ``Disassembly of <code object f at 0x…, file "x.py", line 3>:`` and its own
  disassembly, recursively.

Line numbers come from ``co_lines()`` (:mod:`pyvm.objects.codeobject_lines`),
labels from the jump targets and the exception table, exactly as CPython
numbers them (in offset order, from 1). The options of ``dis.dis`` that change the
text are supported: ``show_caches``, ``show_offsets``, ``show_positions`` and
``adaptive`` (the quickened ``co_code_adaptive`` with specialized names).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Final, Optional, TypeAlias

from pyvm.compile import opcode
from pyvm.objects.codeobject import PyCodeObject, code_repr_text
from pyvm.objects.codeobject_lines import code_lines, code_positions
from pyvm.objects.object import PyObject, Py_DECREF, PyObject_Repr
from pyvm.objects.unicodeobject import PyUnicodeObject

_OPNAME_WIDTH: Final = 20
_OPARG_WIDTH: Final = 5
_NO_LINENO: Final = "  --"
# The oparg is a C int: EXTENDED_ARG prefixes that overflow it wrap around.
_INT_OVERFLOW: Final = 2 ** 31

FUNCTION_ATTR_FLAGS: Final = ("defaults", "kwdefaults", "annotations", "closure", "annotate")

# pyvm: the names and sizes of each family's inline cache entries (what
# ``show_caches`` prints), as Lib/opcode.py lists them for 3.14.
_cache_format: Final[dict[str, list[tuple[str, int]]]] = {
    "LOAD_GLOBAL": [("counter", 1), ("index", 1), ("module_keys_version", 1),
                    ("builtin_keys_version", 1)],
    "BINARY_OP": [("counter", 1), ("descr", 4)],
    "UNPACK_SEQUENCE": [("counter", 1)],
    "COMPARE_OP": [("counter", 1)],
    "CONTAINS_OP": [("counter", 1)],
    "FOR_ITER": [("counter", 1)],
    "LOAD_SUPER_ATTR": [("counter", 1)],
    "LOAD_ATTR": [("counter", 1), ("version", 2), ("keys_version", 2), ("descr", 4)],
    "STORE_ATTR": [("counter", 1), ("version", 2), ("index", 1)],
    "CALL": [("counter", 1), ("func_version", 2)],
    "CALL_KW": [("counter", 1), ("func_version", 2)],
    "STORE_SUBSCR": [("counter", 1)],
    "SEND": [("counter", 1)],
    "JUMP_BACKWARD": [("counter", 1)],
    "TO_BOOL": [("counter", 1), ("version", 2)],
    "POP_JUMP_IF_TRUE": [("counter", 1)],
    "POP_JUMP_IF_FALSE": [("counter", 1)],
    "POP_JUMP_IF_NONE": [("counter", 1)],
    "POP_JUMP_IF_NOT_NONE": [("counter", 1)],
}

_HASARG: Final = frozenset(opcode.hasarg)
_HASCONST: Final = frozenset(opcode.hasconst)
_HASNAME: Final = frozenset(opcode.hasname)
_HASJUMP: Final = frozenset(opcode.hasjump)
_HASEXC: Final = frozenset(opcode.hasexc)
_HASLOCAL: Final = frozenset(opcode.haslocal)
_HASFREE: Final = frozenset(opcode.hasfree)
_HASCOMPARE: Final = frozenset(opcode.hascompare)
_BACKWARD_JUMPS: Final = frozenset({opcode.JUMP_BACKWARD, opcode.JUMP_BACKWARD_NO_INTERRUPT,
                                    opcode.END_ASYNC_FOR})
_PAIR_OPS: Final = frozenset({opcode.LOAD_FAST_LOAD_FAST,
                              opcode.LOAD_FAST_BORROW_LOAD_FAST_BORROW,
                              opcode.STORE_FAST_LOAD_FAST, opcode.STORE_FAST_STORE_FAST})


def _opname_of(op: int) -> str:
    """pyvm: the name of any opcode byte, specialized ones included."""
    if 0 <= op < len(opcode.opname):
        return opcode.opname[op]
    return f"<{op}>"


def _deoptop(op: int) -> int:
    """pyvm: the base opcode of a specialized one (``_PyOpcode_Deopt``)."""
    if 0 <= op < len(opcode._PyOpcode_Deopt):
        return opcode._PyOpcode_Deopt[op]
    return op


def _cache_size(op: int) -> int:
    """pyvm: the number of inline CACHE units after the (base) opcode."""
    if 0 <= op < len(opcode._PyOpcode_Caches):
        return opcode._PyOpcode_Caches[op]
    return 0


class ExceptionTableEntry:
    """pyvm: one decoded entry of ``co_exceptiontable`` (byte offsets)."""

    start: int
    end: int
    target: int
    depth: int
    lasti: bool

    def __init__(self, start: int, end: int, target: int, depth: int, lasti: bool) -> None:
        self.start = start
        self.end = end
        self.target = target
        self.depth = depth
        self.lasti = lasti


def parse_exception_table(table: bytes) -> list[ExceptionTableEntry]:
    """pyvm: decode ``co_exceptiontable`` (InternalDocs/exception_handling.md):
    entries of four varints (start, length, target in code units; depth << 1 |
    lasti), each varint big-endian in 6-bit groups with bit 6 as "more"."""
    entries: list[ExceptionTableEntry] = []
    pos = 0
    n = len(table)

    def varint() -> int:
        nonlocal pos
        b = table[pos]
        pos += 1
        val = b & 63
        while b & 64:
            val <<= 6
            b = table[pos]
            pos += 1
            val |= b & 63
        return val

    while pos < n:
        start = varint() * 2
        length = varint() * 2
        target = varint() * 2
        dl = varint()
        entries.append(ExceptionTableEntry(start, start + length, target, dl >> 1,
                                           bool(dl & 1)))
    return entries


class _RawInstr:
    """pyvm: an instruction as found in the bytes: offset, opcode, oparg
    (``None`` without one)."""

    offset: int
    op: int
    arg: Optional[int]

    def __init__(self, offset: int, op: int, arg: Optional[int]) -> None:
        self.offset = offset
        self.op = op
        self.arg = arg


def unpack_opargs(code: bytes) -> list[_RawInstr]:
    """pyvm: walk the code units, skipping inline caches and folding
    ``EXTENDED_ARG`` prefixes into the following oparg (as a signed C int)."""
    out: list[_RawInstr] = []
    extended_arg = 0
    caches = 0
    for i in range(0, len(code), 2):
        if caches:
            caches -= 1
            continue
        op = code[i]
        deop = _deoptop(op)
        caches = _cache_size(deop)
        arg: Optional[int]
        if deop in _HASARG:
            a = code[i + 1] | extended_arg
            extended_arg = (a << 8) if deop == opcode.EXTENDED_ARG else 0
            if extended_arg >= _INT_OVERFLOW:
                extended_arg -= 2 * _INT_OVERFLOW
            arg = a
        else:
            arg = None
            extended_arg = 0
        out.append(_RawInstr(i, op, arg))
    return out


def jump_target(op: int, arg: int, offset: int) -> Optional[int]:
    """pyvm: the byte offset a jump instruction goes to (``None`` for others)."""
    deop = _deoptop(op)
    if deop in _HASJUMP:
        if deop in _BACKWARD_JUMPS:
            arg = -arg
        return offset + 2 + arg * 2 + 2 * _cache_size(deop)
    return None


def make_labels_map(code: bytes, entries: list[ExceptionTableEntry]) -> dict[int, int]:
    """pyvm: label numbers (from 1, in offset order) for every jump target and
    every start, end and target of the exception table."""
    labels: set[int] = set()
    for ins in unpack_opargs(code):
        if ins.arg is not None:
            t = jump_target(ins.op, ins.arg, ins.offset)
            if t is not None:
                labels.add(t)
    for e in entries:
        labels.add(e.start)
        labels.add(e.end)
        labels.add(e.target)
    return {off: i + 1 for i, off in enumerate(sorted(labels))}


def findlinestarts(co: PyCodeObject) -> dict[int, Optional[int]]:
    """pyvm: offset -> line of each instruction that starts a new line (``None``
    for a range without a line), from ``co_lines()``."""
    out: dict[int, Optional[int]] = {}
    first = True
    lastline: Optional[int] = None
    for start, _end, line in code_lines(co):
        if first or line != lastline:
            first = False
            lastline = line
            out[start] = line
    return out


def _lineno_width(linestarts: dict[int, Optional[int]]) -> int:
    """pyvm: width of the line-number column (0: no column at all)."""
    maxlineno = -1
    has_none = False
    for v in linestarts.values():
        if v is None:
            has_none = True
        elif v and v > maxlineno:  # line 0 does not count, as in dis
            maxlineno = v
    if maxlineno == -1:
        return 0
    width = max(3, len(str(maxlineno)))
    if width < len(_NO_LINENO) and has_none:
        width = len(_NO_LINENO)
    return width


Positions: TypeAlias = "tuple[Optional[int], Optional[int], Optional[int], Optional[int]]"


def _positions_width(positions: list[Positions]) -> int:
    """pyvm: width of the ``LINE:COL-ENDLINE:ENDCOL`` column of show_positions."""
    has_value = False
    values_width = 0
    for p in positions:
        width = 0
        for v in p:
            if v is None:
                width += 1
            else:
                has_value = True
                width += len(str(v))
        values_width = max(values_width, width)
    if has_value:
        return 1 + max(len(_NO_LINENO), 3 + values_width)
    return 0


def _unicode_text(o: PyObject) -> str:
    """pyvm: the host text of a pyvm str (names, filenames)."""
    if isinstance(o, PyUnicodeObject):
        return o.value
    return "???"


def _default_repr(o: PyObject) -> str:
    """pyvm: ``repr()`` of a constant: code objects as ``code_repr`` prints
    them, anything else through ``PyObject_Repr``."""
    if isinstance(o, PyCodeObject):
        return code_repr_text(o, _unicode_text(o.co_filename), _unicode_text(o.co_name))

    r = PyObject_Repr(o)
    text = _unicode_text(r)
    Py_DECREF(r)
    return text


class _Disassembler:
    """pyvm: the state of one ``disassemble(co)``: the argument resolver and the
    formatter of Lib/dis.py rolled into one."""

    co: PyCodeObject
    repr_fn: Callable[[PyObject], str]
    labels_map: dict[int, int]
    lineno_width: int
    label_width: int
    offset_width: int
    show_caches: bool
    show_positions: bool
    out: list[str]

    def __init__(self, co: PyCodeObject, repr_fn: Callable[[PyObject], str],
                 out: list[str]) -> None:
        self.co = co
        self.repr_fn = repr_fn
        self.labels_map = {}
        self.lineno_width = 0
        self.label_width = 0
        self.offset_width = 0
        self.show_caches = False
        self.show_positions = False
        self.out = out

    def name(self, i: int) -> str:
        """pyvm: ``co_names[i]`` as text."""
        return _unicode_text(self.co.co_names_items[i])

    def varname(self, i: int) -> str:
        """pyvm: ``co_localsplusnames[i]`` as text (``_varname_from_oparg``)."""
        return _unicode_text(self.co.co_localsplusnames_items[i])

    def argrepr(self, op: int, arg: int, offset: int) -> str:
        """pyvm: the text in parentheses after the oparg ('' for none)."""
        deop = _deoptop(op)
        if deop in _HASCONST:
            return self.repr_fn(self.co.co_consts_items[arg])
        if deop in _HASNAME:
            if deop == opcode.LOAD_GLOBAL:
                r = self.name(arg >> 1)
                return f"{r} + NULL" if arg & 1 else r
            if deop == opcode.LOAD_ATTR:
                r = self.name(arg >> 1)
                return f"{r} + NULL|self" if arg & 1 else r
            if deop == opcode.LOAD_SUPER_ATTR:
                r = self.name(arg >> 2)
                return f"{r} + NULL|self" if arg & 1 else r
            return self.name(arg)
        if deop in _HASJUMP or deop in _HASEXC:
            target = jump_target(op, arg, offset)
            assert target is not None
            lbl = self.labels_map[target]
            prep = "from" if deop == opcode.END_ASYNC_FOR else "to"
            return f"{prep} L{lbl}"
        if deop in _PAIR_OPS:
            return self.varname(arg >> 4) + ", " + self.varname(arg & 15)
        if deop in _HASLOCAL or deop in _HASFREE:
            return self.varname(arg)
        if deop in _HASCOMPARE:
            r = opcode.cmp_op[arg >> 5]
            return f"bool({r})" if arg & 16 else r
        if deop == opcode.CONVERT_VALUE:
            return opcode._conversion_names[arg]
        if deop == opcode.SET_FUNCTION_ATTRIBUTE:
            return ", ".join(s for i, s in enumerate(FUNCTION_ATTR_FLAGS) if arg & (1 << i))
        if deop == opcode.BINARY_OP:
            return opcode._nb_ops[arg][1]
        if deop == opcode.CALL_INTRINSIC_1:
            return opcode._intrinsic_1_descs[arg]
        if deop == opcode.CALL_INTRINSIC_2:
            return opcode._intrinsic_2_descs[arg]
        if deop == opcode.LOAD_COMMON_CONSTANT:
            name = opcode._common_constants[arg]
            # dis prints a type by its name and a builtin function by repr.
            if name == "all" or name == "any":
                return f"<built-in function {name}>"
            return name
        if deop == opcode.LOAD_SPECIAL:
            return opcode._special_method_names[arg]
        if deop == opcode.IS_OP:
            return "is not" if arg else "is"
        if deop == opcode.CONTAINS_OP:
            return "not in" if arg else "in"
        return ""

    def line(self, offset: int, opname: str, arg: Optional[int], argrepr: str,
             starts_line: bool, line_number: Optional[int], label: Optional[int],
             positions: Optional[Positions]) -> None:
        """pyvm: one instruction line, as ``Formatter.print_instruction_line``."""
        w = self.lineno_width
        if w > 0 and starts_line and offset > 0:
            self.out.append("\n")
        fields: list[str] = []
        if w:
            if self.show_positions:
                if positions is not None:
                    if all(p is None for p in positions):
                        ps = _NO_LINENO
                    else:
                        t = ["?" if p is None else str(p) for p in positions]
                        ps = f"{t[0]}:{t[2]}-{t[1]}:{t[3]}"
                    fields.append(ps.ljust(w))
                else:
                    fields.append(" " * w)
            elif starts_line:
                if line_number is None:
                    fields.append(_NO_LINENO.rjust(w))
                else:
                    fields.append(str(line_number).rjust(w))
            else:
                fields.append(" " * w)
        if label is not None:
            fields.append(f"L{label}:".rjust(self.label_width))
        else:
            fields.append(" " * self.label_width)
        if self.offset_width > 0:
            fields.append(str(offset).rjust(self.offset_width) + "  ")
        fields.append("   ")
        fields.append(opname.ljust(_OPNAME_WIDTH))
        if arg is not None:
            excess = max(0, len(opname) - _OPNAME_WIDTH)
            fields.append(str(arg).rjust(_OPARG_WIDTH - excess))
            if argrepr:
                fields.append("(" + argrepr + ")")
        self.out.append(" ".join(fields).rstrip() + "\n")


def _code_array(co: PyCodeObject, adaptive: bool) -> bytes:
    """pyvm: the bytes to show: ``co_code``, or the quickened code units."""
    if not adaptive:
        return co.co_code
    out = bytearray()
    for u in co.co_code_adaptive:
        out.append(u & 0xFF)
        out.append((u >> 8) & 0xFF)
    return bytes(out)


def disassemble_text(co: PyCodeObject, *, show_caches: bool = False, adaptive: bool = False,
                     show_offsets: bool = False, show_positions: bool = False,
                     repr_fn: Optional[Callable[[PyObject], str]] = None) -> str:
    """pyvm: the text of ``dis.disassemble(co)`` (this code object only)."""
    out: list[str] = []
    _disassemble(co, out, show_caches, adaptive, show_offsets, show_positions,
                 repr_fn if repr_fn is not None else _default_repr)
    return "".join(out)


def _disassemble(co: PyCodeObject, out: list[str], show_caches: bool, adaptive: bool,
                 show_offsets: bool, show_positions: bool,
                 repr_fn: Callable[[PyObject], str]) -> None:
    """pyvm: append the disassembly of ``co`` alone (instructions, then the
    exception table) to ``out``."""
    original = co.co_code
    code = _code_array(co, adaptive)
    linestarts = findlinestarts(co)
    entries = parse_exception_table(co.co_exceptiontable)
    positions = code_positions(co)
    d = _Disassembler(co, repr_fn, out)
    d.show_caches = show_caches
    d.show_positions = show_positions
    d.lineno_width = _positions_width(positions) if show_positions else _lineno_width(linestarts)
    d.labels_map = make_labels_map(original, entries)
    d.label_width = 4 + len(str(len(d.labels_map)))
    d.offset_width = len(str(max(len(original) - 2, 9999))) if show_offsets else 0

    line_number: Optional[int] = None
    for ins in unpack_opargs(original):
        offset = ins.offset
        starts_line = offset in linestarts
        if starts_line:
            line_number = linestarts[offset]
        op = code[offset]
        deop = _deoptop(ins.op)
        argrepr = "" if ins.arg is None else d.argrepr(op, ins.arg, offset)
        pos: Optional[Positions] = positions[offset // 2] if offset // 2 < len(positions) else None
        d.line(offset, _opname_of(op), ins.arg, argrepr, starts_line, line_number,
               d.labels_map.get(offset), pos)
        if show_caches:
            fmt = _cache_format.get(_opname_of(deop))
            if fmt is not None:
                cache_offset = offset
                for name, size in fmt:
                    for i in range(size):
                        cache_offset += 2
                        if i == 0:
                            data = code[cache_offset:cache_offset + 2 * size]
                            text = f"{name}: {int.from_bytes(data, 'little')}"
                        else:
                            text = ""
                        d.line(cache_offset, "CACHE", 0, text, False, None, None, pos)
    if entries:
        out.append("ExceptionTable:\n")
        for e in entries:
            lasti = " lasti" if e.lasti else ""
            out.append(f"  L{d.labels_map[e.start]} to L{d.labels_map[e.end]} -> "
                       f"L{d.labels_map[e.target]} [{e.depth}]{lasti}\n")


def dis_code_text(co: PyCodeObject, *, show_caches: bool = False, adaptive: bool = False,
                  show_offsets: bool = False, show_positions: bool = False,
                  repr_fn: Optional[Callable[[PyObject], str]] = None) -> str:
    """pyvm: the text of ``dis.dis(co)`` -- ``python -m dis FILE`` for the module's
    code object: the disassembly of ``co`` and, recursively, of every code object
    among its constants, each after a blank line and a
    ``Disassembly of <code object …>:`` header.

    ``repr_fn`` renders a constant (default: ``PyObject_Repr``, and
    ``code_repr`` for code objects).
    """
    rf = repr_fn if repr_fn is not None else _default_repr
    out: list[str] = []

    def rec(c: PyCodeObject) -> None:
        _disassemble(c, out, show_caches, adaptive, show_offsets, show_positions, rf)
        for x in c.co_consts_items:
            if isinstance(x, PyCodeObject):
                out.append("\n")
                out.append(f"Disassembly of {rf(x)}:\n")
                rec(x)

    rec(co)
    return "".join(out)
