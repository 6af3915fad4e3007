"""Ports the location-table readers of Objects/codeobject.c: ``co_lines()``,
``co_positions()``, ``PyCode_Addr2Line`` and ``PyCode_Addr2Location``.

The location table (``co_linetable``, InternalDocs/code_objects.md and
locations.md) is a sequence of entries, each covering 1 to 8 code units. The first
byte of an entry has its top bit set; bits 3-6 are the *code*, bits 0-2 the length
minus one:

* code 15: no location (the instructions have no line, e.g. an artificial
  ``RETURN_VALUE`` of a module);
* code 14: long form -- signed varint line delta, varint end-line delta, varint
  column + 1, varint end column + 1;
* code 13: no columns -- signed varint line delta;
* codes 10-12: one-line form -- line delta 0/1/2, then start and end column bytes;
* codes 0-9: short form -- same line, column ``code * 8 + (b >> 4)``, end column
  ``column + (b & 15)`` from the second byte.

Line numbers are deltas from a running ``computed_line`` that starts at
``co_firstlineno``. :class:`PyCodeAddressRange` walks the table forwards
(``advance``) and backwards (``retreat``: the first byte of each entry is
recognisable by its top bit) exactly as C does, with an index into the bytes in
place of C's pointer. Offsets (``ar_start``, ``ar_end``) are in bytes, two per code
unit, as in C.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.objects.codeobject import PyCodeObject

# The values of Include/cpython/code.h:PY_CODE_LOCATION_INFO_SHORT0 (and the codes beside it)
PY_CODE_LOCATION_INFO_SHORT0: Final = 0
PY_CODE_LOCATION_INFO_ONE_LINE0: Final = 10
PY_CODE_LOCATION_INFO_ONE_LINE1: Final = 11
PY_CODE_LOCATION_INFO_ONE_LINE2: Final = 12
PY_CODE_LOCATION_INFO_NO_COLUMNS: Final = 13
PY_CODE_LOCATION_INFO_LONG: Final = 14
PY_CODE_LOCATION_INFO_NONE: Final = 15

# sizeof(_Py_CODEUNIT)
_CODEUNIT_SIZE: Final = 2


class PyCodeAddressRange:
    """CPython: Objects/codeobject.c:_PyLineTable_InitAddressRange

    pyvm: the ``PyCodeAddressRange`` struct of Include/cpython/code.h; the
    ``opaque`` part (``lo_next``, ``limit``, ``computed_line``) is flattened and
    ``lo_next`` is an index into ``table``.
    """

    ar_start: int
    ar_end: int
    ar_line: int
    table: bytes
    lo_next: int
    limit: int
    computed_line: int

    def __init__(self, table: bytes, firstlineno: int) -> None:
        self.table = table
        self.lo_next = 0
        self.limit = len(table)
        self.ar_start = -1
        self.ar_end = 0
        self.computed_line = firstlineno
        self.ar_line = -1


def scan_varint(table: bytes, i: int) -> int:
    """CPython: Objects/codeobject.c:scan_varint"""
    read = table[i]
    i += 1
    val = read & 63
    shift = 0
    while read & 64:
        read = table[i]
        i += 1
        shift += 6
        val |= (read & 63) << shift
    return val


def scan_signed_varint(table: bytes, i: int) -> int:
    """CPython: Objects/codeobject.c:scan_signed_varint"""
    uval = scan_varint(table, i)
    if uval & 1:
        return -(uval >> 1)
    return uval >> 1


def get_line_delta(table: bytes, i: int) -> int:
    """CPython: Objects/codeobject.c:get_line_delta"""
    code = (table[i] >> 3) & 15
    if code == PY_CODE_LOCATION_INFO_NONE:
        return 0
    if code == PY_CODE_LOCATION_INFO_NO_COLUMNS or code == PY_CODE_LOCATION_INFO_LONG:
        return scan_signed_varint(table, i + 1)
    if code == PY_CODE_LOCATION_INFO_ONE_LINE0:
        return 0
    if code == PY_CODE_LOCATION_INFO_ONE_LINE1:
        return 1
    if code == PY_CODE_LOCATION_INFO_ONE_LINE2:
        return 2
    # Short forms: same line.
    return 0


def _PyLineTable_InitAddressRange(linetable: bytes, firstlineno: int) -> PyCodeAddressRange:
    """CPython: Objects/codeobject.c:_PyLineTable_InitAddressRange"""
    return PyCodeAddressRange(linetable, firstlineno)


def _PyCode_InitAddressRange(co: PyCodeObject) -> PyCodeAddressRange:
    """CPython: Objects/codeobject.c:_PyCode_InitAddressRange

    pyvm: returns the new range (C fills the caller's struct).
    """
    return _PyLineTable_InitAddressRange(co.co_linetable, co.co_firstlineno)


def _PyCode_CheckLineNumber(lasti: int, bounds: PyCodeAddressRange) -> int:
    """CPython: Objects/codeobject.c:_PyCode_CheckLineNumber

    Moves ``bounds`` to the range holding byte offset ``lasti``; returns its
    line, or -1 when ``lasti`` is out of bounds (or the range has no line).
    """
    while bounds.ar_end <= lasti:
        if not _PyLineTable_NextAddressRange(bounds):
            return -1
    while bounds.ar_start > lasti:
        if not _PyLineTable_PreviousAddressRange(bounds):
            return -1
    return bounds.ar_line


def PyCode_Addr2Line(co: PyCodeObject, addrq: int) -> int:
    """CPython: Objects/codeobject.c:PyCode_Addr2Line

    The line of the instruction at byte offset ``addrq`` (-1 if it has none).
    pyvm: the instrumentation (sys.monitoring) line table is not consulted.
    """
    if addrq < 0:
        return co.co_firstlineno
    assert addrq < len(co.co_code)
    bounds = _PyCode_InitAddressRange(co)
    return _PyCode_CheckLineNumber(addrq, bounds)


def _PyCode_SafeAddr2Line(co: PyCodeObject, addrq: int) -> int:
    """CPython: Objects/codeobject.c:_PyCode_SafeAddr2Line"""
    if addrq < 0:
        return co.co_firstlineno
    if not (0 <= addrq < len(co.co_code)):
        return -1
    bounds = _PyCode_InitAddressRange(co)
    return _PyCode_CheckLineNumber(addrq, bounds)


def is_no_line_marker(b: int) -> bool:
    """CPython: Objects/codeobject.c:is_no_line_marker"""
    return (b >> 3) == 0x1F


def next_code_delta(bounds: PyCodeAddressRange) -> int:
    """CPython: Objects/codeobject.c:next_code_delta"""
    b = bounds.table[bounds.lo_next]
    assert b & 128
    return ((b & 7) + 1) * _CODEUNIT_SIZE


def previous_code_delta(bounds: PyCodeAddressRange) -> int:
    """CPython: Objects/codeobject.c:previous_code_delta"""
    if bounds.ar_start == 0:
        # The "previous" entry of the first one has an implicit length of 1.
        return 1
    i = bounds.lo_next - 1
    table = bounds.table
    while (table[i] & 128) == 0:
        i -= 1
    return ((table[i] & 7) + 1) * _CODEUNIT_SIZE


def read_byte(bounds: PyCodeAddressRange) -> int:
    """CPython: Objects/codeobject.c:read_byte"""
    b = bounds.table[bounds.lo_next]
    bounds.lo_next += 1
    return b


def read_varint(bounds: PyCodeAddressRange) -> int:
    """CPython: Objects/codeobject.c:read_varint"""
    read = read_byte(bounds)
    val = read & 63
    shift = 0
    while read & 64:
        read = read_byte(bounds)
        shift += 6
        val |= (read & 63) << shift
    return val


def read_signed_varint(bounds: PyCodeAddressRange) -> int:
    """CPython: Objects/codeobject.c:read_signed_varint"""
    uval = read_varint(bounds)
    if uval & 1:
        return -(uval >> 1)
    return uval >> 1


def retreat(bounds: PyCodeAddressRange) -> None:
    """CPython: Objects/codeobject.c:retreat"""
    assert bounds.ar_start >= 0
    table = bounds.table
    bounds.lo_next -= 1
    while (table[bounds.lo_next] & 128) == 0:
        bounds.lo_next -= 1
    bounds.computed_line -= get_line_delta(table, bounds.lo_next)
    bounds.ar_end = bounds.ar_start
    bounds.ar_start -= previous_code_delta(bounds)
    # C reads lo_next[-1], the byte before the entry, which is the last byte of
    # the previous entry (or, for the first entry, the byte before the table:
    # never a no-line marker in practice because ar_start is then 0).
    if bounds.lo_next > 0 and is_no_line_marker(table[bounds.lo_next - 1]):
        bounds.ar_line = -1
    else:
        bounds.ar_line = bounds.computed_line


def advance(bounds: PyCodeAddressRange) -> None:
    """CPython: Objects/codeobject.c:advance"""
    table = bounds.table
    bounds.computed_line += get_line_delta(table, bounds.lo_next)
    if is_no_line_marker(table[bounds.lo_next]):
        bounds.ar_line = -1
    else:
        bounds.ar_line = bounds.computed_line
    bounds.ar_start = bounds.ar_end
    bounds.ar_end += next_code_delta(bounds)
    bounds.lo_next += 1
    while bounds.lo_next < bounds.limit and (table[bounds.lo_next] & 128) == 0:
        bounds.lo_next += 1


class _Location:
    """pyvm: the ``endline``/``column``/``endcolumn`` out-parameters of
    ``advance_with_locations`` (-1 for "none", as in C)."""

    endline: int
    column: int
    endcolumn: int

    def __init__(self) -> None:
        self.endline = -1
        self.column = -1
        self.endcolumn = -1


def advance_with_locations(bounds: PyCodeAddressRange, loc: _Location) -> None:
    """CPython: Objects/codeobject.c:advance_with_locations"""
    first_byte = read_byte(bounds)
    code = (first_byte >> 3) & 15
    bounds.ar_start = bounds.ar_end
    bounds.ar_end = bounds.ar_start + ((first_byte & 7) + 1) * _CODEUNIT_SIZE
    if code == PY_CODE_LOCATION_INFO_NONE:
        bounds.ar_line = -1
        loc.endline = -1
        loc.column = -1
        loc.endcolumn = -1
    elif code == PY_CODE_LOCATION_INFO_LONG:
        bounds.computed_line += read_signed_varint(bounds)
        bounds.ar_line = bounds.computed_line
        loc.endline = bounds.ar_line + read_varint(bounds)
        loc.column = read_varint(bounds) - 1
        loc.endcolumn = read_varint(bounds) - 1
    elif code == PY_CODE_LOCATION_INFO_NO_COLUMNS:
        bounds.computed_line += read_signed_varint(bounds)
        bounds.ar_line = bounds.computed_line
        loc.endline = bounds.ar_line
        loc.column = -1
        loc.endcolumn = -1
    elif (code == PY_CODE_LOCATION_INFO_ONE_LINE0 or code == PY_CODE_LOCATION_INFO_ONE_LINE1
          or code == PY_CODE_LOCATION_INFO_ONE_LINE2):
        bounds.computed_line += code - 10
        bounds.ar_line = bounds.computed_line
        loc.endline = bounds.ar_line
        loc.column = read_byte(bounds)
        loc.endcolumn = read_byte(bounds)
    else:
        second_byte = read_byte(bounds)
        assert (second_byte & 128) == 0
        bounds.ar_line = bounds.computed_line
        loc.endline = bounds.ar_line
        loc.column = code << 3 | (second_byte >> 4)
        loc.endcolumn = loc.column + (second_byte & 15)


def PyCode_Addr2Location(co: PyCodeObject, addrq: int) -> tuple[int, int, int, int]:
    """CPython: Objects/codeobject.c:PyCode_Addr2Location

    ``(start_line, start_column, end_line, end_column)`` of the instruction at
    byte offset ``addrq``; -1 stands for "unknown".
    """
    if addrq < 0:
        return co.co_firstlineno, 0, co.co_firstlineno, 0
    assert addrq < len(co.co_code)
    bounds = _PyCode_InitAddressRange(co)
    _PyCode_CheckLineNumber(addrq, bounds)
    retreat(bounds)
    loc = _Location()
    advance_with_locations(bounds, loc)
    return bounds.ar_line, loc.column, loc.endline, loc.endcolumn


def at_end(bounds: PyCodeAddressRange) -> bool:
    """CPython: Objects/codeobject.c:at_end"""
    return bounds.lo_next >= bounds.limit


def _PyLineTable_PreviousAddressRange(range_: PyCodeAddressRange) -> bool:
    """CPython: Objects/codeobject.c:_PyLineTable_PreviousAddressRange"""
    if range_.ar_start <= 0:
        return False
    retreat(range_)
    assert range_.ar_end > range_.ar_start
    return True


def _PyLineTable_NextAddressRange(range_: PyCodeAddressRange) -> bool:
    """CPython: Objects/codeobject.c:_PyLineTable_NextAddressRange"""
    if at_end(range_):
        return False
    advance(range_)
    assert range_.ar_end > range_.ar_start
    return True


def _opt(v: int) -> Optional[int]:
    """CPython: Objects/codeobject.c:_source_offset_converter"""
    return None if v == -1 else v


def code_lines(co: PyCodeObject) -> list[tuple[int, int, Optional[int]]]:
    """CPython: Objects/codeobject.c:code_linesiterator
    CPython: Objects/codeobject.c:lineiter_next

    ``co.co_lines()`` as a host list of ``(start, end, line)`` byte ranges,
    ``line`` ``None`` for instructions without one; consecutive entries with
    the same line are merged, as ``lineiter_next`` does.
    """
    bounds = _PyCode_InitAddressRange(co)
    out: list[tuple[int, int, Optional[int]]] = []
    while _PyLineTable_NextAddressRange(bounds):
        start = bounds.ar_start
        line = bounds.ar_line
        while _PyLineTable_NextAddressRange(bounds):
            if bounds.ar_line != line:
                _PyLineTable_PreviousAddressRange(bounds)
                break
        out.append((start, bounds.ar_end, _opt(line)))
    return out


def code_positions(
        co: PyCodeObject) -> list[tuple[Optional[int], Optional[int], Optional[int], Optional[int]]]:
    """CPython: Objects/codeobject.c:code_positionsiterator
    CPython: Objects/codeobject.c:positionsiter_next

    ``co.co_positions()`` as a host list: one ``(line, end_line, column,
    end_column)`` per code unit, ``None`` for unknown.
    """
    rng = _PyCode_InitAddressRange(co)
    loc = _Location()
    offset = rng.ar_end
    out: list[tuple[Optional[int], Optional[int], Optional[int], Optional[int]]] = []
    while True:
        if offset >= rng.ar_end:
            if at_end(rng):
                break
            advance_with_locations(rng, loc)
        offset += 2
        out.append((_opt(rng.ar_line), _opt(loc.endline), _opt(loc.column), _opt(loc.endcolumn)))
    return out


def emit_delta(out: bytearray, bdelta: int, ldelta: int) -> None:
    """CPython: Objects/codeobject.c:emit_delta

    pyvm: emit_pair is inlined; bytes are stored modulo 256 as C's unsigned
    char stores them.
    """
    while bdelta > 255:
        out += bytes((255, 0))
        bdelta -= 255
    while ldelta > 127:
        out += bytes((bdelta, 127))
        bdelta = 0
        ldelta -= 127
    while ldelta < -128:
        out += bytes((bdelta, (-128) & 0xFF))
        bdelta = 0
        ldelta += 128
    out += bytes((bdelta, ldelta & 0xFF))


def decode_linetable(co: PyCodeObject) -> bytes:
    """CPython: Objects/codeobject.c:decode_linetable

    The deprecated ``co_lnotab``.
    """
    out = bytearray()
    code_offset = 0
    line = co.co_firstlineno
    bounds = _PyCode_InitAddressRange(co)
    while _PyLineTable_NextAddressRange(bounds):
        if bounds.computed_line != line:
            emit_delta(out, bounds.ar_start - code_offset, bounds.computed_line - line)
            code_offset = bounds.ar_start
            line = bounds.computed_line
    return bytes(out)
