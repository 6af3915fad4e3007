"""Ports Python/assemble.c: from the optimized instruction sequence to a code object.

The flow graph (``flowgraph.py``) hands over a sequence of real instructions whose
jump opargs are instruction *indices* and whose instructions carry their exception
handler. The assembler

1. resolves jumps: ``JUMP``/``JUMP_NO_INTERRUPT`` become ``JUMP_FORWARD`` or
   ``JUMP_BACKWARD[_NO_INTERRUPT]``, then jump opargs become distances in code
   units, repeating until the ``EXTENDED_ARG`` prefixes they need stop changing
   (``resolve_jump_offsets``);
2. emits the bytecode: each instruction as ``EXTENDED_ARG`` prefixes, the
   (opcode, oparg) unit, and its inline ``CACHE`` units (``write_instr``);
3. emits the location table (``co_linetable``, PEP 626/657), one entry per run of
   instructions sharing a location, in the compact forms described in
   InternalDocs/code_objects.md (short, one-line, no-column, long, none);
4. emits the exception table (``co_exceptiontable``): one entry per run of
   instructions sharing a handler, as varints (InternalDocs/exception_handling.md);
5. builds the code object (``makecode``): converts the compiler's host constants
   into pyvm objects, lays out ``co_localsplusnames``/``co_localspluskinds`` and
   calls ``_PyCode_New``.

Constant conversion (pyvm): the compiler works on host values (see
``compile.py``); ``makecode`` turns them into pyvm objects. One pyvm object is made
per canonical host constant per compilation (remembered beside ``const_cache``), so
that equal constants of different code objects of one compilation are one object,
as CPython's ``const_cache`` makes them. Strings made only of ASCII letters, digits
and ``_`` are interned, as ``Objects/codeobject.c:intern_constants`` does; names
are always interned.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

from pyvm.compile.instruction_sequence import (
    NEXT_LOCATION,
    NO_LOCATION,
    Location,
    _PyExceptHandlerInfo,
    _PyInstruction,
    _PyInstructionSequence,
    _PyInstructionSequence_ApplyLabelMap,
    same_location,
)
from pyvm.compile.opcode import (
    CACHE,
    END_ASYNC_FOR,
    EXTENDED_ARG,
    IS_PSEUDO_INSTR,
    IS_TERMINATOR_OPCODE,
    JUMP,
    JUMP_BACKWARD,
    JUMP_BACKWARD_NO_INTERRUPT,
    JUMP_FORWARD,
    JUMP_NO_INTERRUPT,
    OPCODE_HAS_ARG,
    OPCODE_HAS_JUMP,
    _PyOpcode_Caches,
)
from pyvm.objects.codeobject import (
    CO_FAST_ARG_KW,
    CO_FAST_ARG_POS,
    CO_FAST_ARG_VAR,
    CO_FAST_CELL,
    CO_FAST_FREE,
    CO_FAST_HIDDEN,
    CO_FAST_LOCAL,
    CO_VARARGS,
    CO_VARKEYWORDS,
    PyCodeObject,
    _PyCodeConstructor,
    _PyCode_New,
)
from pyvm.objects.object import PyObject, Py_DECREF, Py_INCREF, Py_None
from pyvm.objects.unicodeobject import PyUnicode_InternFromString, PyUnicode_FromString
from pyvm.objects.tupleobject import _PyTuple_FromArraySteal
from pyvm.objects.sliceobject import Py_Ellipsis, PySlice_New
from pyvm.objects.boolobject import Py_False, Py_True
from pyvm.objects.longobject import PyLong_FromLong
from pyvm.objects.floatobject import PyFloat_FromDouble
from pyvm.objects.bytesobject import PyBytes_FromString
from pyvm.objects.complexobject import PyComplex_FromDoubles
from pyvm.objects.setobject import PyFrozenSet_New

if TYPE_CHECKING:
    from pyvm.compile.compile import _PyCompile_CodeUnitMetadata


# CPython: Python/assemble.c:DEFAULT_CODE_SIZE
DEFAULT_CODE_SIZE: Final = 128
# CPython: Python/assemble.c:DEFAULT_LNOTAB_SIZE
DEFAULT_LNOTAB_SIZE: Final = 16
# CPython: Python/assemble.c:DEFAULT_CNOTAB_SIZE
DEFAULT_CNOTAB_SIZE: Final = 32
# CPython: Python/assemble.c:CONTINUATION_BIT
CONTINUATION_BIT: Final = 64
# CPython: Python/assemble.c:MAX_SIZE_OF_ENTRY
MAX_SIZE_OF_ENTRY: Final = 20
# CPython: Python/assemble.c:MSB
MSB: Final = 0x80
# CPython: Python/assemble.c:THEORETICAL_MAX_ENTRY_SIZE
THEORETICAL_MAX_ENTRY_SIZE: Final = 25  # 1 + 6 + 6 + 6 + 6
# CPython: Python/assemble.c:END_SEND_OFFSET
# The offset (in code units) of the END_SEND from the SEND in `yield from`.
END_SEND_OFFSET: Final = 5

# pyvm: enum _PyCodeLocationInfoKind of Include/cpython/code.h.
PY_CODE_LOCATION_INFO_SHORT0: Final = 0
PY_CODE_LOCATION_INFO_ONE_LINE0: Final = 10
PY_CODE_LOCATION_INFO_ONE_LINE1: Final = 11
PY_CODE_LOCATION_INFO_ONE_LINE2: Final = 12
PY_CODE_LOCATION_INFO_NO_COLUMNS: Final = 13
PY_CODE_LOCATION_INFO_LONG: Final = 14
PY_CODE_LOCATION_INFO_NONE: Final = 15


def instr_size(instr: _PyInstruction) -> int:
    """CPython: Python/assemble.c:instr_size

    Code units taken by the instruction: EXTENDED_ARGs, itself and its caches.
    """
    opcode = instr.i_opcode
    oparg = instr.i_oparg
    assert not IS_PSEUDO_INSTR(opcode)
    assert OPCODE_HAS_ARG(opcode) or oparg == 0
    extended_args = int(0xFFFFFF < oparg) + int(0xFFFF < oparg) + int(0xFF < oparg)
    caches = _PyOpcode_Caches[opcode]
    return extended_args + 1 + caches


class assembler:
    """pyvm: the struct ``assembler`` of Python/assemble.c.

    pyvm: the three outputs are host bytearrays that grow as needed, so the
    offsets C keeps beside its resizable bytes objects are their lengths.
    """

    a_bytecode: bytearray
    a_except_table: bytearray
    a_lineno: int
    a_linetable: bytearray

    def __init__(self, firstlineno: int) -> None:
        """CPython: Python/assemble.c:assemble_init"""
        self.a_bytecode = bytearray()
        self.a_except_table = bytearray()
        self.a_lineno = firstlineno
        self.a_linetable = bytearray()

    @property
    def a_offset(self) -> int:
        """pyvm: the offset, in code units, of the next instruction."""
        return len(self.a_bytecode) // 2


def write_except_byte(a: assembler, byte: int) -> None:
    """CPython: Python/assemble.c:write_except_byte"""
    a.a_except_table.append(byte & 0xFF)


def assemble_emit_exception_table_item(a: assembler, value: int, msb: int) -> None:
    """CPython: Python/assemble.c:assemble_emit_exception_table_item

    A big-endian varint of 6-bit groups; bit 6 marks continuation, bit 7 (``msb``)
    the first byte of an entry.
    """
    assert (msb | 128) == 128
    assert 0 <= value < (1 << 30)
    if value >= 1 << 24:
        write_except_byte(a, (value >> 24) | CONTINUATION_BIT | msb)
        msb = 0
    if value >= 1 << 18:
        write_except_byte(a, ((value >> 18) & 0x3F) | CONTINUATION_BIT | msb)
        msb = 0
    if value >= 1 << 12:
        write_except_byte(a, ((value >> 12) & 0x3F) | CONTINUATION_BIT | msb)
        msb = 0
    if value >= 1 << 6:
        write_except_byte(a, ((value >> 6) & 0x3F) | CONTINUATION_BIT | msb)
        msb = 0
    write_except_byte(a, (value & 0x3F) | msb)


def assemble_emit_exception_table_entry(a: assembler, start: int, end: int,
                                        handler_offset: int,
                                        handler: _PyExceptHandlerInfo) -> None:
    """CPython: Python/assemble.c:assemble_emit_exception_table_entry

    One entry: start, size, target (code units) and ``depth << 1 | lasti``.
    """
    size = end - start
    assert end > start
    target = handler_offset
    depth = handler.h_startdepth - 1
    if handler.h_preserve_lasti > 0:
        depth -= 1
    assert depth >= 0
    depth_lasti = (depth << 1) | handler.h_preserve_lasti
    assemble_emit_exception_table_item(a, start, (1 << 7))
    assemble_emit_exception_table_item(a, size, 0)
    assemble_emit_exception_table_item(a, target, 0)
    assemble_emit_exception_table_item(a, depth_lasti, 0)


def assemble_exception_table(a: assembler, instrs: _PyInstructionSequence) -> None:
    """CPython: Python/assemble.c:assemble_exception_table"""
    ioffset = 0
    handler = _PyExceptHandlerInfo(-1, -1, -1)
    start = -1
    seq = instrs.s_instrs
    for instr in seq:
        if instr.i_except_handler_info.h_label != handler.h_label:
            if handler.h_label >= 0:
                handler_offset = seq[handler.h_label].i_offset
                assemble_emit_exception_table_entry(a, start, ioffset, handler_offset, handler)
            start = ioffset
            handler = instr.i_except_handler_info.copy()
        ioffset += instr_size(instr)
    if handler.h_label >= 0:
        handler_offset = seq[handler.h_label].i_offset
        assemble_emit_exception_table_entry(a, start, ioffset, handler_offset, handler)


# Code location emitting code. See InternalDocs/code_objects.md for the format.


def write_location_byte(a: assembler, val: int) -> None:
    """CPython: Python/assemble.c:write_location_byte"""
    a.a_linetable.append(val & 255)


def write_location_first_byte(a: assembler, code: int, length: int) -> None:
    """CPython: Python/assemble.c:write_location_first_byte

    (``write_location_entry_start`` of Include/internal/pycore_code.h.)
    """
    assert (code & 15) == code
    a.a_linetable.append(128 | (code << 3) | (length - 1))


def write_location_varint(a: assembler, val: int) -> None:
    """CPython: Python/assemble.c:write_location_varint

    (``write_varint`` of Include/internal/pycore_code.h: little-endian 6-bit
    groups, bit 6 set on all but the last.)
    """
    val &= 0xFFFFFFFF
    while val >= 64:
        a.a_linetable.append(64 | (val & 63))
        val >>= 6
    a.a_linetable.append(val)


def write_location_signed_varint(a: assembler, val: int) -> None:
    """CPython: Python/assemble.c:write_location_signed_varint

    (``write_signed_varint``: the sign in bit 0.)
    """
    if val < 0:
        uval = (((0 - val) & 0xFFFFFFFF) << 1) | 1
    else:
        uval = val << 1
    write_location_varint(a, uval)


def write_location_info_short_form(a: assembler, length: int, column: int, end_column: int) -> None:
    """CPython: Python/assemble.c:write_location_info_short_form"""
    assert 0 < length <= 8
    column_low_bits = column & 7
    column_group = column >> 3
    assert column < 80
    assert end_column >= column
    assert end_column - column < 16
    write_location_first_byte(a, PY_CODE_LOCATION_INFO_SHORT0 + column_group, length)
    write_location_byte(a, (column_low_bits << 4) | (end_column - column))


def write_location_info_oneline_form(a: assembler, length: int, line_delta: int,
                                     column: int, end_column: int) -> None:
    """CPython: Python/assemble.c:write_location_info_oneline_form"""
    assert 0 < length <= 8
    assert 0 <= line_delta < 3
    assert column < 128
    assert end_column < 128
    write_location_first_byte(a, PY_CODE_LOCATION_INFO_ONE_LINE0 + line_delta, length)
    write_location_byte(a, column)
    write_location_byte(a, end_column)


def write_location_info_long_form(a: assembler, loc: Location, length: int) -> None:
    """CPython: Python/assemble.c:write_location_info_long_form"""
    assert 0 < length <= 8
    write_location_first_byte(a, PY_CODE_LOCATION_INFO_LONG, length)
    write_location_signed_varint(a, loc.lineno - a.a_lineno)
    assert loc.end_lineno >= loc.lineno
    write_location_varint(a, loc.end_lineno - loc.lineno)
    write_location_varint(a, loc.col_offset + 1)
    write_location_varint(a, loc.end_col_offset + 1)


def write_location_info_none(a: assembler, length: int) -> None:
    """CPython: Python/assemble.c:write_location_info_none"""
    write_location_first_byte(a, PY_CODE_LOCATION_INFO_NONE, length)


def write_location_info_no_column(a: assembler, length: int, line_delta: int) -> None:
    """CPython: Python/assemble.c:write_location_info_no_column"""
    write_location_first_byte(a, PY_CODE_LOCATION_INFO_NO_COLUMNS, length)
    write_location_signed_varint(a, line_delta)


def write_location_info_entry(a: assembler, loc: Location, isize: int) -> None:
    """CPython: Python/assemble.c:write_location_info_entry

    Chooses the most compact form that can express ``loc``.
    """
    if loc.lineno == NO_LOCATION.lineno:
        write_location_info_none(a, isize)
        return
    line_delta = loc.lineno - a.a_lineno
    column = loc.col_offset
    end_column = loc.end_col_offset
    if column < 0 or end_column < 0:
        if loc.end_lineno == loc.lineno or loc.end_lineno < 0:
            write_location_info_no_column(a, isize, line_delta)
            a.a_lineno = loc.lineno
            return
    elif loc.end_lineno == loc.lineno:
        if line_delta == 0 and column < 80 and end_column - column < 16 and end_column >= column:
            write_location_info_short_form(a, isize, column, end_column)
            return
        if 0 <= line_delta < 3 and column < 128 and end_column < 128:
            write_location_info_oneline_form(a, isize, line_delta, column, end_column)
            a.a_lineno = loc.lineno
            return
    write_location_info_long_form(a, loc, isize)
    a.a_lineno = loc.lineno


def assemble_emit_location(a: assembler, loc: Location, isize: int) -> None:
    """CPython: Python/assemble.c:assemble_emit_location

    An entry covers at most 8 code units.
    """
    if isize == 0:
        return
    while isize > 8:
        write_location_info_entry(a, loc, 8)
        isize -= 8
    write_location_info_entry(a, loc, isize)


def assemble_location_info(a: assembler, instrs: _PyInstructionSequence, firstlineno: int) -> None:
    """CPython: Python/assemble.c:assemble_location_info

    ``NEXT_LOCATION`` (codegen's "same as the next instruction") is resolved
    first, from the end.
    """
    a.a_lineno = firstlineno
    loc = NO_LOCATION
    seq = instrs.s_instrs
    for i in range(len(seq) - 1, -1, -1):
        instr = seq[i]
        if same_location(instr.i_loc, NEXT_LOCATION):
            if IS_TERMINATOR_OPCODE(instr.i_opcode):
                instr.i_loc = NO_LOCATION
            else:
                assert i < len(seq) - 1
                instr.i_loc = seq[i + 1].i_loc
    size = 0
    for instr in seq:
        if not same_location(loc, instr.i_loc):
            assemble_emit_location(a, loc, size)
            loc = instr.i_loc
            size = 0
        size += instr_size(instr)
    assemble_emit_location(a, loc, size)


def write_instr(codestr: bytearray, instr: _PyInstruction, ilen: int) -> None:
    """CPython: Python/assemble.c:write_instr

    Appends the instruction's code units (little-endian: opcode byte, then
    oparg byte).
    """
    opcode = instr.i_opcode
    assert not IS_PSEUDO_INSTR(opcode)
    oparg = instr.i_oparg
    assert OPCODE_HAS_ARG(opcode) or oparg == 0
    caches = _PyOpcode_Caches[opcode]
    n = ilen - caches
    assert 1 <= n <= 4
    if n >= 4:
        codestr.append(EXTENDED_ARG)
        codestr.append((oparg >> 24) & 0xFF)
    if n >= 3:
        codestr.append(EXTENDED_ARG)
        codestr.append((oparg >> 16) & 0xFF)
    if n >= 2:
        codestr.append(EXTENDED_ARG)
        codestr.append((oparg >> 8) & 0xFF)
    codestr.append(opcode)
    codestr.append(oparg & 0xFF)
    for _ in range(caches):
        codestr.append(CACHE)
        codestr.append(0)


def assemble_emit_instr(a: assembler, instr: _PyInstruction) -> None:
    """CPython: Python/assemble.c:assemble_emit_instr"""
    size = instr_size(instr)
    write_instr(a.a_bytecode, instr, size)


def assemble_emit(instrs: _PyInstructionSequence, first_lineno: int) -> assembler:
    """CPython: Python/assemble.c:assemble_emit

    pyvm: C then merges the three byte strings into ``const_cache``; they are
    host bytes here, which nothing compares by identity, so that is skipped.
    """
    a = assembler(first_lineno)
    for instr in instrs.s_instrs:
        assemble_emit_instr(a, instr)
    assemble_location_info(a, instrs, a.a_lineno)
    assemble_exception_table(a, instrs)
    return a


def dict_keys_inorder(d: dict[str, int], offset: int) -> list[str]:
    """CPython: Python/assemble.c:dict_keys_inorder

    The keys of a name -> index dict, in index order.
    """
    size = len(d)
    out: list[str] = [""] * size
    for k, i in d.items():
        assert 0 <= i - offset < size
        out[i - offset] = k
    return out


def compute_localsplus_info(umd: _PyCompile_CodeUnitMetadata, nlocalsplus: int, flags: int,
                            names: list[str], kinds: bytearray) -> None:
    """CPython: Python/assemble.c:compute_localsplus_info

    Fills ``names`` and ``kinds`` (``co_localsplusnames`` / ``co_localspluskinds``):
    the arguments first (positional-only, positional-or-keyword, keyword-only,
    ``*args``, ``**kwargs``), then the other locals, the cells that are not
    arguments, and the free variables.
    """
    argvarkinds: list[tuple[int, int]] = [
        (umd.u_posonlyargcount, CO_FAST_ARG_POS),
        (umd.u_argcount, CO_FAST_ARG_POS | CO_FAST_ARG_KW),
        (umd.u_kwonlyargcount, CO_FAST_ARG_KW),
        (1 if flags & CO_VARARGS else 0, CO_FAST_ARG_VAR | CO_FAST_ARG_POS),
        (1 if flags & CO_VARKEYWORDS else 0, CO_FAST_ARG_VAR | CO_FAST_ARG_KW),
        (-1, 0),  # the remaining local vars
    ]
    varnames = list(umd.u_varnames.items())
    pos = 0
    mx = 0
    for count, argkind in argvarkinds:
        mx = len(varnames) if count < 0 else mx + count
        while pos < mx and pos < len(varnames):
            k, offset = varnames[pos]
            pos += 1
            assert 0 <= offset < nlocalsplus
            kind = CO_FAST_LOCAL | argkind
            if k in umd.u_fasthidden:
                kind |= CO_FAST_HIDDEN
            if k in umd.u_cellvars:
                kind |= CO_FAST_CELL
            names[offset] = k
            kinds[offset] = kind
    nlocals = len(umd.u_varnames)

    # This counter mirrors the fix done in fix_cell_offsets().
    numdropped = 0
    cellvar_offset = -1
    for k, v in umd.u_cellvars.items():
        if k in umd.u_varnames:
            # Skip cells that are already covered by locals.
            numdropped += 1
            continue
        cellvar_offset = v
        assert cellvar_offset >= 0
        cellvar_offset += nlocals - numdropped
        assert cellvar_offset < nlocalsplus
        names[cellvar_offset] = k
        kinds[cellvar_offset] = CO_FAST_CELL

    for k, v in umd.u_freevars.items():
        offset = v
        assert offset >= 0
        offset += nlocals - numdropped
        assert offset < nlocalsplus
        # If this fails, a freevar was most likely added to u_freevars with the
        # wrong index, not counting the cellvars already present (gh-128632).
        assert offset > cellvar_offset
        names[offset] = k
        kinds[offset] = CO_FAST_FREE


# ---------------------------------------------------------------------------
# Host constants -> pyvm objects


class _PyvmConstObjects:
    """pyvm: the pyvm objects made for the host constants of one compilation,
    keyed by the host object's ``id()`` (``keep`` keeps the host objects alive so
    that their ids stay unique). Stored in ``const_cache`` under the key
    :data:`_CONST_OBJECTS_KEY` (an object no constant key equals), so that it
    lives with the compilation as ``const_cache`` does. The cache holds a
    reference to each object (C's ``const_cache`` does too);
    :func:`_PyAssemble_ReleaseConstObjects` drops them when the compiler is freed.
    """

    objs: dict[int, PyObject]
    keep: list[object]
    filenames: dict[str, PyObject]
    frozenset_items: dict[int, tuple[object, ...]]

    def __init__(self) -> None:
        self.objs = {}
        self.keep = []
        self.filenames = {}
        self.frozenset_items = {}


class _ConstObjectsKey:
    """pyvm: the type of :data:`_CONST_OBJECTS_KEY`."""


_CONST_OBJECTS_KEY: Final = _ConstObjectsKey()


def _const_objects(const_cache: dict[object, object]) -> _PyvmConstObjects:
    """pyvm: the conversion cache of this compilation."""
    c = const_cache.get(_CONST_OBJECTS_KEY)
    if isinstance(c, _PyvmConstObjects):
        return c
    n = _PyvmConstObjects()
    const_cache[_CONST_OBJECTS_KEY] = n
    return n


def _PyAssemble_NoteFrozenSetOrder(const_cache: dict[object, object], fs: frozenset[object],
                                   items: tuple[object, ...]) -> None:
    """pyvm: remembers the order in which CPython inserts the items of a
    frozenset constant (the source order; ``fs`` was made from ``items``), which a
    host frozenset forgets. ``makecode`` builds the pyvm frozenset in that
    order, so that its iteration order is CPython's."""
    c = _const_objects(const_cache)
    if id(fs) not in c.frozenset_items:
        c.frozenset_items[id(fs)] = items
        c.keep.append(fs)


def _PyAssemble_ReleaseConstObjects(const_cache: dict[object, object]) -> None:
    """pyvm: drops the references the conversion cache holds (see
    :class:`_PyvmConstObjects`); compile.py calls it where C's ``compiler_free``
    releases ``c_const_cache``."""
    c = const_cache.pop(_CONST_OBJECTS_KEY, None)
    if isinstance(c, _PyvmConstObjects):
        for o in c.objs.values():
            Py_DECREF(o)
        for o in c.filenames.values():
            Py_DECREF(o)
        c.objs.clear()
        c.filenames.clear()
        c.frozenset_items.clear()
        c.keep.clear()


def should_intern_string(s: str) -> bool:
    """CPython: Objects/codeobject.c:should_intern_string

    Whether ``s`` matches ``[a-zA-Z0-9_]*`` (ASCII only).
    """
    for ch in s:
        o = ord(ch)
        if not ((48 <= o <= 57) or (65 <= o <= 90) or (97 <= o <= 122) or o == 95):
            return False
    return True


def _intern_name(s: str) -> PyObject:
    """pyvm: a name of ``co_names`` / ``co_localsplusnames``, interned as
    ``Objects/codeobject.c:intern_strings`` does."""
    return PyUnicode_InternFromString(s)


def _tuple_of_names(names: list[str]) -> PyObject:
    """pyvm: a new tuple of interned names."""
    return _PyTuple_FromArraySteal([_intern_name(n) for n in names])


def _const_to_object(v: object, cache: _PyvmConstObjects) -> PyObject:
    """pyvm: the pyvm object for the host constant ``v`` (a new reference).

    Strings are interned when ``should_intern_string`` says so (also inside
    tuples and frozensets, as ``intern_constants`` recurses).
    """
    key = id(v)
    found = cache.objs.get(key)
    if found is not None:
        Py_INCREF(found)
        return found
    o = _make_const_object(v, cache)
    cache.objs[key] = o
    Py_INCREF(o)  # the cache's own reference
    cache.keep.append(v)
    return o


def _make_const_object(v: object, cache: _PyvmConstObjects) -> PyObject:
    """pyvm: converts one host constant (see :func:`_const_to_object`)."""
    if v is None:
        return Py_None
    if v is Ellipsis:
        return Py_Ellipsis
    if isinstance(v, PyCodeObject):
        # The compiler's reference to a nested code object (made by
        # optimize_and_assemble) passes to the constant: C's _PyCompile_AddConst
        # takes a reference for the consts dict and codegen_function then drops
        # the compiler's own (Py_DECREF(co) after codegen_make_closure).
        return v
    if isinstance(v, bool):
        return Py_True if v else Py_False
    if isinstance(v, int):
        return PyLong_FromLong(v)
    if isinstance(v, float):
        return PyFloat_FromDouble(v)
    if isinstance(v, str):
        if should_intern_string(v):
            return PyUnicode_InternFromString(v)
        return PyUnicode_FromString(v)
    if isinstance(v, bytes):
        return PyBytes_FromString(v)
    if isinstance(v, tuple):
        return _PyTuple_FromArraySteal([_const_to_object(x, cache) for x in v])
    if isinstance(v, slice):
        start = _const_to_object(v.start, cache)
        stop = _const_to_object(v.stop, cache)
        step = _const_to_object(v.step, cache)
        res = PySlice_New(start, stop, step)
        # PySlice_New takes its own references.
        Py_DECREF(start)
        Py_DECREF(stop)
        Py_DECREF(step)
        return res
    if isinstance(v, complex):
        return _make_complex(v)
    if isinstance(v, frozenset):
        return _make_frozenset(v, cache)
    raise NotImplementedError(f"pyvm: no pyvm object for the constant {v!r} of type "
                              f"{type(v).__name__}")


def _make_complex(v: complex) -> PyObject:
    """pyvm: a complex constant."""
    return PyComplex_FromDoubles(v.real, v.imag)


def _make_frozenset(v: frozenset[object], cache: _PyvmConstObjects) -> PyObject:
    """pyvm: a frozenset constant (made by the flowgraph for ``x in {...}`` and
    ``for x in {...}``).

    The items are inserted in the order the flowgraph noted (CPython's source
    order, see :func:`_PyAssemble_NoteFrozenSetOrder`), else in host order.
    """
    ordered = cache.frozenset_items.get(id(v))
    seq: list[object] = list(ordered) if ordered is not None else list(v)
    items = _PyTuple_FromArraySteal([_const_to_object(x, cache) for x in seq])
    res = PyFrozenSet_New(items)
    Py_DECREF(items)
    return res


def makecode(umd: _PyCompile_CodeUnitMetadata, a: assembler, const_cache: dict[object, object],
             constslist: list[object], maxdepth: int, nlocalsplus: int, code_flags: int,
             filename: str) -> PyCodeObject:
    """CPython: Python/assemble.c:makecode"""
    cache = _const_objects(const_cache)
    names = _tuple_of_names(dict_keys_inorder(umd.u_names, 0))
    consts = _PyTuple_FromArraySteal([_const_to_object(c, cache) for c in constslist])

    posonlyargcount = umd.u_posonlyargcount
    posorkwargcount = umd.u_argcount
    kwonlyargcount = umd.u_kwonlyargcount

    lp_names: list[str] = [""] * nlocalsplus
    lp_kinds = bytearray(nlocalsplus)
    compute_localsplus_info(umd, nlocalsplus, code_flags, lp_names, lp_kinds)
    localsplusnames = _tuple_of_names(lp_names)

    # The filename object is shared by the code objects of one compilation,
    # as C passes the same object to each.
    fobj = cache.filenames.get(filename)
    if fobj is None:
        fobj = PyUnicode_FromString(filename)
        cache.filenames[filename] = fobj
    name = _intern_name(umd.u_name)
    qualname_s = umd.u_qualname if umd.u_qualname else umd.u_name
    qualname = _intern_name(qualname_s) if qualname_s == umd.u_name else PyUnicode_FromString(qualname_s)

    con = _PyCodeConstructor(
        filename=fobj,
        name=name,
        qualname=qualname,
        flags=code_flags,
        code=bytes(a.a_bytecode),
        firstlineno=umd.u_firstlineno,
        linetable=bytes(a.a_linetable),
        consts=consts,
        names=names,
        localsplusnames=localsplusnames,
        localspluskinds=bytes(lp_kinds),
        argcount=posonlyargcount + posorkwargcount,
        posonlyargcount=posonlyargcount,
        kwonlyargcount=kwonlyargcount,
        stacksize=maxdepth,
        exceptiontable=bytes(a.a_except_table),
    )
    # pyvm: _PyCode_Validate only checks what this module computed.
    co = _PyCode_New(con)
    # _PyCode_New took its own references.
    Py_DECREF(names)
    Py_DECREF(consts)
    Py_DECREF(localsplusnames)
    Py_DECREF(qualname)
    Py_DECREF(name)
    return co


def resolve_jump_offsets(instrs: _PyInstructionSequence) -> None:
    """CPython: Python/assemble.c:resolve_jump_offsets

    Computes each instruction's offset and turns jump opargs (instruction
    indices) into relative distances in code units, again until no jump needs
    a different number of EXTENDED_ARGs (only jumps can change size).
    """
    seq = instrs.s_instrs
    for instr in seq:
        if OPCODE_HAS_JUMP(instr.i_opcode):
            instr.i_target = instr.i_oparg

    extended_arg_recompile = True
    while extended_arg_recompile:
        totsize = 0
        for instr in seq:
            instr.i_offset = totsize
            totsize += instr_size(instr)
        extended_arg_recompile = False

        offset = 0
        for instr in seq:
            isize = instr_size(instr)
            # jump offsets are computed relative to the instruction pointer
            # after fetching the jump instruction.
            offset += isize
            if OPCODE_HAS_JUMP(instr.i_opcode):
                target = seq[instr.i_target]
                instr.i_oparg = target.i_offset
                if instr.i_opcode == END_ASYNC_FOR:
                    # sys.monitoring needs to be able to find the matching END_SEND
                    # but the target is the SEND, so we adjust it here.
                    instr.i_oparg = offset - instr.i_oparg - END_SEND_OFFSET
                elif instr.i_oparg < offset:
                    assert (instr.i_opcode == JUMP_BACKWARD
                            or instr.i_opcode == JUMP_BACKWARD_NO_INTERRUPT)
                    instr.i_oparg = offset - instr.i_oparg
                else:
                    instr.i_oparg = instr.i_oparg - offset
                if instr_size(instr) != isize:
                    extended_arg_recompile = True


def resolve_unconditional_jumps(instrs: _PyInstructionSequence) -> None:
    """CPython: Python/assemble.c:resolve_unconditional_jumps

    Resolves the direction of the pseudo jumps.
    """
    seq = instrs.s_instrs
    for i in range(len(seq)):
        instr = seq[i]
        is_forward = instr.i_oparg > i
        if instr.i_opcode == JUMP:
            instr.i_opcode = JUMP_FORWARD if is_forward else JUMP_BACKWARD
        elif instr.i_opcode == JUMP_NO_INTERRUPT:
            instr.i_opcode = JUMP_FORWARD if is_forward else JUMP_BACKWARD_NO_INTERRUPT
        else:
            assert not (OPCODE_HAS_JUMP(instr.i_opcode) and IS_PSEUDO_INSTR(instr.i_opcode))


def _PyAssemble_MakeCodeObject(umd: _PyCompile_CodeUnitMetadata,
                               const_cache: dict[object, object], consts: list[object],
                               maxdepth: int, instrs: _PyInstructionSequence, nlocalsplus: int,
                               code_flags: int, filename: str) -> PyCodeObject:
    """CPython: Python/assemble.c:_PyAssemble_MakeCodeObject"""
    _PyInstructionSequence_ApplyLabelMap(instrs)
    resolve_unconditional_jumps(instrs)
    resolve_jump_offsets(instrs)
    a = assemble_emit(instrs, umd.u_firstlineno)
    return makecode(umd, a, const_cache, consts, maxdepth, nlocalsplus, code_flags, filename)


def _PyAssemble_Bytes(umd: _PyCompile_CodeUnitMetadata, instrs: _PyInstructionSequence
                      ) -> tuple[bytes, bytes, bytes]:
    """pyvm: the assembler without ``makecode``: ``(co_code, co_linetable,
    co_exceptiontable)`` of a finished sequence, for tests and tools that work
    on host values only."""
    _PyInstructionSequence_ApplyLabelMap(instrs)
    resolve_unconditional_jumps(instrs)
    resolve_jump_offsets(instrs)
    a = assemble_emit(instrs, umd.u_firstlineno)
    return bytes(a.a_bytecode), bytes(a.a_linetable), bytes(a.a_except_table)
