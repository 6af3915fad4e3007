"""Ports Python/traceback.c (traceback objects, ``PyTraceBack_Here``),
Python/suggestions.c (the "Did you mean" edit distance) and the printing rules
of Lib/traceback.py that CPython 3.14 uses to show an uncaught exception.

Traceback objects. Each time an exception passes through a frame, the eval
loop calls :func:`PyTraceBack_Here`, which puts a new ``PyTraceBackObject``
(frame object, instruction offset ``tb_lasti`` in bytes, line number) at the
head of the exception's ``__traceback__`` chain.

Printing. CPython 3.14's ``sys.excepthook`` is ``traceback._print_exception_bltin``
(Lib/traceback.py). pyvm re-tells its rules here over pyvm objects:
``Traceback (most recent call last):``, one ``File "...", line N, in name``
entry per traceback entry with the source line, and the caret line under the
failing expression (``~~~^^^`` when the expression is a binary operation, a
subscript or a call, whose "anchors" come from parsing the source segment
with pyvm's own parser); repeated frames are folded after three
(``[Previous line repeated N more times]``); chained exceptions, notes,
``SyntaxError`` details (with the keyword-typo suggestion of
``_find_keyword_typos``, which needs a port of difflib's ``get_close_matches``
and of codeop's ``compile_command``) and the NameError/AttributeError
suggestions follow the same rules. Positions come from ``co_linetable`` (PEP 657).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.eval.frame import _PyInterpreterFrame
from pyvm.modules.bltinmodule import PyFile_WriteString
from pyvm.objects.codeobject import CO_FAST_CELL, CO_FAST_FREE, PyCodeObject
from pyvm.objects.frameobject import PyFrameObject, _PyFrame_GetFrameObject
from pyvm.objects.object import (
    Py_DECREF, Py_INCREF, Py_None, Py_TPFLAGS_HAVE_GC, Py_XDECREF, PyErr, PyObject,
    PyTypeObject, PyErr_SetString, PyObject_GetAttr, PyObject_Str, PyObject_Repr,
    PyType_IsSubtype, _mro_items,
    _PyErr_Clear,
)
from pyvm.objects.exceptions import (
    PyBaseExceptionObject, PyExc_SystemError, PyExc_AttributeError, PyExc_NameError,
    PyExc_SyntaxError, PyExc_BaseExceptionGroup, PyExc_DeprecationWarning,
    PyExc_IncompleteInputError, PyExc_SyntaxWarning, PySyntaxErrorObject,
)
from pyvm.objects.codeobject_lines import PyCode_Addr2Line, PyCode_Addr2Location
from pyvm.objects.unicodeobject import PyUnicodeObject, PyUnicode_InternFromString
from pyvm.compile.future import (
    PyCF_ALLOW_INCOMPLETE_INPUT, PyCF_DONT_IMPLY_DEDENT, PyCF_ONLY_AST,
)
from pyvm.compile.peg_api import _PyParser_ASTFromString
from pyvm.compile import tokenizer as _tokenizer
from pyvm.compile import ast
from pyvm.objects.longobject import PyLongObject, PyLong_FromLong
from pyvm.objects.cellobject import PyCellObject
from pyvm.objects.dictobject import PyDict_Next, PyDictObject
from pyvm.objects.listobject import PyListObject
from pyvm.objects.tupleobject import PyTupleObject
from pyvm.modules.sysmodule import _Py_stdlib_module_names
from pyvm.objects.boolobject import Py_True
from pyvm.objects.abstract import PySequence_Tuple
from pyvm.objects.descrobject import PyGetSetDef, _PyType_AddGetSets

PyTraceBack_Type: Final = PyTypeObject("traceback", flags=Py_TPFLAGS_HAVE_GC)


class PyTraceBackObject(PyObject):
    """CPython: Include/cpython/traceback.h:_traceback

    ``tb_next`` and ``tb_frame`` are strong references; ``tb_lasti`` is the
    byte offset of the instruction; ``tb_lineno`` is -1 until computed.
    """

    tb_next: Optional[PyTraceBackObject]
    tb_frame: PyFrameObject
    tb_lasti: int
    tb_lineno: int

    def __init__(self, tb_next: Optional[PyTraceBackObject], frame: PyFrameObject,
                 lasti: int, lineno: int) -> None:
        super().__init__(PyTraceBack_Type)
        self.tb_next = tb_next
        self.tb_frame = frame
        self.tb_lasti = lasti
        self.tb_lineno = lineno


def tb_create_raw(tb_next: Optional[PyTraceBackObject], frame: PyFrameObject,
                  lasti: int, lineno: int) -> PyTraceBackObject:
    """CPython: Python/traceback.c:tb_create_raw

    Steals ``tb_next``; takes a new reference to ``frame``.
    """
    Py_INCREF(frame)
    return PyTraceBackObject(tb_next, frame, lasti, lineno)


def tb_dealloc(op: PyObject) -> None:
    """CPython: Python/traceback.c:tb_dealloc"""
    assert isinstance(op, PyTraceBackObject)
    nxt = op.tb_next
    op.tb_next = None
    Py_XDECREF(nxt)
    Py_DECREF(op.tb_frame)


def tb_get_lineno(tb: PyTraceBackObject) -> int:
    """CPython: Python/traceback.c:tb_get_lineno"""
    if tb.tb_lineno < 0:
        co = tb.tb_frame.f_frame.f_executable
        tb.tb_lineno = _addr2line(co, tb.tb_lasti)
    return tb.tb_lineno


def PyTraceBack_Here(frame: _PyInterpreterFrame, exc: PyObject) -> None:
    """CPython: Python/traceback.c:PyTraceBack_Here

    Prepends an entry for ``frame`` to ``exc.__traceback__``. C reads the
    exception from the thread state; pyvm passes it.
    """
    assert isinstance(exc, PyBaseExceptionObject)
    fo = _PyFrame_GetFrameObject(frame)
    # The new entry takes over the exception's reference to the old head.
    old = exc.traceback
    nxt: Optional[PyTraceBackObject] = None
    if isinstance(old, PyTraceBackObject):
        nxt = old
    elif old is not None:
        Py_DECREF(old)
    exc.traceback = tb_create_raw(nxt, fo, frame.instr_ptr * 2, -1)


# pyvm: the static TB_RECURSIVE_CUTOFF of Python/traceback.c
TB_RECURSIVE_CUTOFF: Final = 3


def tb_print_line_repeated(cnt: int) -> str:
    """CPython: Python/traceback.c:tb_print_line_repeated"""
    cnt -= TB_RECURSIVE_CUTOFF
    more = "s" if cnt > 1 else ""
    return f"  [Previous line repeated {cnt} more time{more}]\n"


def tb_printinternal(tb: Optional[PyTraceBackObject]) -> list[str]:
    """CPython: Python/traceback.c:tb_printinternal

    CPython: Python/traceback.c:tb_displayline
    The C printer's lines (no carets, unlike Lib/traceback.py): ``File``
    line and the stripped source line of each entry, with the recursion
    cut-off. pyvm: returns the pieces C writes one by one; no
    ``sys.tracebacklimit``.
    """
    out: list[str] = []
    last_file: Optional[str] = None
    last_line = -1
    last_name: Optional[str] = None
    cnt = 0
    while tb is not None:
        co = tb.tb_frame.f_frame.f_executable
        lineno = tb_get_lineno(tb)
        fn = _str_value(co.co_filename)
        nm = _str_value(co.co_name)
        if last_file is None or fn != last_file or last_line == -1 \
                or lineno != last_line or nm != last_name:
            if cnt > TB_RECURSIVE_CUTOFF:
                out.append(tb_print_line_repeated(cnt))
            last_file = fn
            last_line = lineno
            last_name = nm
            cnt = 0
        cnt += 1
        if cnt <= TB_RECURSIVE_CUTOFF:
            out.append(f'  File "{fn}", line {lineno}, in {nm}\n')
            src = _getline(fn, lineno).strip(" \t\f")
            if src:
                out.append(f"    {src}\n")
        tb = tb.tb_next
    if cnt > TB_RECURSIVE_CUTOFF:
        out.append(tb_print_line_repeated(cnt))
    return out


def PyTraceBack_Print(v: PyObject, f: PyObject) -> None:
    """CPython: Python/traceback.c:PyTraceBack_Print

    CPython: Python/traceback.c:_PyTraceBack_Print
    Writes ``Traceback (most recent call last):`` and the entries of ``v``
    to the file ``f``.
    """
    if not isinstance(v, PyTraceBackObject):
        PyErr_SetString(PyExc_SystemError, "bad argument to internal function")
    assert isinstance(v, PyTraceBackObject)
    PyFile_WriteString("Traceback (most recent call last):\n", f)
    for piece in tb_printinternal(v):
        PyFile_WriteString(piece, f)


# ---------------------------------------------------------------------------
# Line and position lookups (PEP 626 / PEP 657)


def _addr2line(co: PyCodeObject, lasti: int) -> int:
    """CPython: Objects/codeobject.c:PyCode_Addr2Line"""
    return PyCode_Addr2Line(co, lasti)


def _get_code_position(co: PyCodeObject, lasti: int) -> tuple[int, int, int, int]:
    """CPython: Lib/traceback.py:_get_code_position

    ``(lineno, end_lineno, col, end_col)`` of the instruction at byte offset
    ``lasti``; -1 for a missing value (Python's ``None``).
    """
    line, col, end_line, end_col = PyCode_Addr2Location(co, lasti)
    return line, end_line, col, end_col


# ---------------------------------------------------------------------------
# Suggestions (Python/suggestions.c)

MAX_CANDIDATE_ITEMS: Final = 750
MAX_STRING_SIZE: Final = 40
MOVE_COST: Final = 2
CASE_COST: Final = 1


def substitution_cost(a: int, b: int) -> int:
    """CPython: Python/suggestions.c:substitution_cost"""
    if (a & 31) != (b & 31):
        return MOVE_COST
    if a == b:
        return 0
    if 65 <= a <= 90:
        a += 32
    if 65 <= b <= 90:
        b += 32
    if a == b:
        return CASE_COST
    return MOVE_COST


def levenshtein_distance(a: bytes, b: bytes, max_cost: int) -> int:
    """CPython: Python/suggestions.c:levenshtein_distance

    The edit distance between the UTF-8 encodings, with case flips costing
    less than other substitutions; gives up (returns ``max_cost + 1``) as
    soon as a row exceeds ``max_cost``.
    """
    a_start = 0
    b_start = 0
    a_size = len(a)
    b_size = len(b)
    while a_size and b_size and a[a_start] == b[b_start]:
        a_start += 1
        b_start += 1
        a_size -= 1
        b_size -= 1
    while a_size and b_size and a[a_start + a_size - 1] == b[b_start + b_size - 1]:
        a_size -= 1
        b_size -= 1
    if a_size == 0 or b_size == 0:
        return (a_size + b_size) * MOVE_COST
    if a_size > MAX_STRING_SIZE or b_size > MAX_STRING_SIZE:
        return max_cost + 1
    aa = a[a_start:a_start + a_size]
    bb = b[b_start:b_start + b_size]
    if b_size < a_size:
        aa, bb = bb, aa
        a_size, b_size = b_size, a_size
    if (b_size - a_size) * MOVE_COST > max_cost:
        return max_cost + 1
    buffer = [0] * a_size
    tmp = MOVE_COST
    for i in range(a_size):
        buffer[i] = tmp
        tmp += MOVE_COST
    result = 0
    for b_index in range(b_size):
        code = bb[b_index]
        distance = result = b_index * MOVE_COST
        minimum = 1 << 62
        for index in range(a_size):
            substitute = distance + substitution_cost(code, aa[index])
            distance = buffer[index]
            insert_delete = min(result, distance) + MOVE_COST
            result = min(insert_delete, substitute)
            buffer[index] = result
            if result < minimum:
                minimum = result
        if minimum > max_cost:
            return max_cost + 1
    return result


def _Py_CalculateSuggestions(dir_: list[str], name: str) -> Optional[str]:
    """CPython: Python/suggestions.c:_Py_CalculateSuggestions"""
    if len(dir_) >= MAX_CANDIDATE_ITEMS:
        return None
    suggestion_distance = 1 << 62
    suggestion: Optional[str] = None
    name_b = name.encode("utf-8", "surrogatepass")
    for item in dir_:
        if item == name:
            continue
        item_b = item.encode("utf-8", "surrogatepass")
        max_distance = (len(name_b) + len(item_b) + 3) * MOVE_COST // 6
        max_distance = min(max_distance, suggestion_distance - 1)
        current = levenshtein_distance(name_b, item_b, max_distance)
        if current > max_distance:
            continue
        if suggestion is None or current < suggestion_distance:
            suggestion = item
            suggestion_distance = current
    return suggestion


# ---------------------------------------------------------------------------
# Reading source lines (Lib/linecache.py's role)


class _LineCache:
    """pyvm: the source lines of files (and of ``<string>`` code registered by
    ``run_string``), as Lib/linecache.py caches them."""

    files: dict[str, list[str]]

    def __init__(self) -> None:
        self.files = {}


_linecache: Final = _LineCache()


def _register_source(filename: str, source: str) -> None:
    """pyvm: remember the text of code that has no file (``-c``), as
    ``linecache._register_code`` does for CPython 3.13+."""
    _linecache.files[filename] = _split_lines(source)


def _split_lines(text: str) -> list[str]:
    """pyvm: split as a universal-newline ``readlines()`` does."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _getline(filename: str, lineno: int) -> str:
    """pyvm: ``linecache.getline``: the line (without its newline), or ''."""
    lines = _linecache.files.get(filename)
    if lines is None:
        lines = []
        if not (filename.startswith("<") and filename.endswith(">")):
            try:
                with open(filename, "rb") as f:
                    data = f.read()
                lines = _split_lines(_decode_source(data))
            except (OSError, UnicodeDecodeError, LookupError):
                lines = []
        _linecache.files[filename] = lines
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ""


def _decode_source(data: bytes) -> str:
    """pyvm: decode source bytes as ``tokenize.open`` does (BOM, then a PEP 263
    coding cookie on one of the first two lines, else UTF-8)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    enc = "utf-8"
    for line in data.split(b"\n", 2)[:2]:
        s = line.lstrip()
        if s.startswith(b"#"):
            i = s.find(b"coding")
            if i >= 0 and i + 6 < len(s) and s[i + 6] in b":=":
                rest = s[i + 7:].lstrip()
                name = b""
                for ch in rest:
                    if chr(ch).isalnum() or ch in b"-_.":
                        name += bytes([ch])
                    else:
                        break
                if name:
                    enc = name.decode("ascii")
                break
        elif s:
            break
    return data.decode(enc)


# ---------------------------------------------------------------------------
# Frame summaries and their formatting (Lib/traceback.py)

_RECURSIVE_CUTOFF: Final = 3


class FrameSummary:
    """CPython: Lib/traceback.py:FrameSummary

    Positions are 1-based lines and 0-based UTF-8 byte columns; -1 is None.
    """

    filename: str
    lineno: int
    end_lineno: int
    colno: int
    end_colno: int
    name: str

    def __init__(self, filename: str, lineno: int, end_lineno: int, colno: int,
                 end_colno: int, name: str) -> None:
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name

    def original_lines(self) -> str:
        """CPython: Lib/traceback.py:_original_lines"""
        lines: list[str] = []
        if self.lineno < 0 or self.end_lineno < 0:
            return ""
        for ln in range(self.lineno, self.end_lineno + 1):
            lines.append(_getline(self.filename, ln).rstrip())
        return "\n".join(lines) + "\n"

    def line(self) -> str:
        """CPython: Lib/traceback.py:line"""
        return self.original_lines().partition("\n")[0].strip()


def _str_value(o: PyObject) -> str:
    """pyvm: the host text of a str object."""
    assert isinstance(o, PyUnicodeObject)
    return o.value


def _walk_tb_with_full_positions(tb: Optional[PyTraceBackObject]) -> list[FrameSummary]:
    """CPython: Lib/traceback.py:_walk_tb_with_full_positions"""
    out: list[FrameSummary] = []
    while tb is not None:
        f = tb.tb_frame.f_frame
        co = f.f_executable
        line, end_line, col, end_col = _get_code_position(co, tb.tb_lasti)
        if line < 0:
            line = tb_get_lineno(tb)
        out.append(FrameSummary(_str_value(co.co_filename), line, end_line, col, end_col,
                                _str_value(co.co_name)))
        tb = tb.tb_next
    return out


def _byte_offset_to_character_offset(s: str, offset: int) -> int:
    """CPython: Lib/traceback.py:_byte_offset_to_character_offset"""
    as_utf8 = s.encode("utf-8")
    return len(as_utf8[:offset].decode("utf-8", errors="replace"))


def _display_width(line: str, offset: int = -1) -> int:
    """CPython: Lib/traceback.py:_display_width"""
    import unicodedata

    if offset < 0:
        offset = len(line)
    if line.isascii():
        return offset
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line[:offset])


def _dedent(text: str) -> str:
    """pyvm: ``textwrap.dedent`` (remove the common leading whitespace of the
    non-blank lines; blank lines become empty)."""
    lines = text.split("\n")
    margin: Optional[str] = None
    for ln in lines:
        stripped = ln.lstrip(" \t")
        if not stripped:
            continue
        indent = ln[:len(ln) - len(stripped)]
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass
        elif margin.startswith(indent):
            margin = indent
        else:
            i = 0
            while i < len(margin) and i < len(indent) and margin[i] == indent[i]:
                i += 1
            margin = margin[:i]
    out: list[str] = []
    for ln in lines:
        if not ln.strip(" \t"):
            out.append("")
        elif margin:
            out.append(ln[len(margin):])
        else:
            out.append(ln)
    return "\n".join(out)


class _Anchors:
    """CPython: Lib/traceback.py:_extract_caret_anchors_from_line_segment"""

    left_end_lineno: int
    left_end_offset: int
    right_start_lineno: int
    right_start_offset: int
    primary_char: str
    secondary_char: str

    def __init__(self, left_end_lineno: int, left_end_offset: int,
                 right_start_lineno: int, right_start_offset: int,
                 primary_char: str = "~", secondary_char: str = "^") -> None:
        self.left_end_lineno = left_end_lineno
        self.left_end_offset = left_end_offset
        self.right_start_lineno = right_start_lineno
        self.right_start_offset = right_start_offset
        self.primary_char = primary_char
        self.secondary_char = secondary_char


class _AnchorError(Exception):
    """pyvm: the host error that stands for the asserts and IndexErrors that
    Lib/traceback.py suppresses while looking for anchors."""


class _SegmentLines:
    """CPython: Lib/traceback.py:_extract_caret_anchors_from_line_segment

    The helper closures (normalize, next_valid_char, increment, nextline,
    increment_until, setup_positions) as methods over the segment's lines.
    """

    lines: list[str]

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def normalize(self, lineno: int, offset: int) -> int:
        """CPython: Lib/traceback.py:normalize"""
        if not 0 <= lineno < len(self.lines):
            raise _AnchorError()
        return _byte_offset_to_character_offset(self.lines[lineno], offset)

    def next_valid_char(self, lineno: int, col: int) -> tuple[int, int]:
        """CPython: Lib/traceback.py:next_valid_char"""
        while lineno < len(self.lines) and col >= len(self.lines[lineno]):
            col = 0
            lineno += 1
        if not (lineno < len(self.lines) and col < len(self.lines[lineno])):
            raise _AnchorError()
        return lineno, col

    def increment(self, lineno: int, col: int) -> tuple[int, int]:
        """CPython: Lib/traceback.py:increment"""
        return self.next_valid_char(lineno, col + 1)

    def nextline(self, lineno: int, col: int) -> tuple[int, int]:
        """CPython: Lib/traceback.py:nextline"""
        return self.next_valid_char(lineno + 1, 0)

    def increment_until_op(self, lineno: int, col: int) -> tuple[int, int]:
        """CPython: Lib/traceback.py:increment_until

        Stops at the first character that is neither space nor ``)``.
        """
        while True:
            ch = self.lines[lineno][col]
            if ch in "\\#":
                lineno, col = self.nextline(lineno, col)
            elif ch.isspace() or ch == ")":
                lineno, col = self.increment(lineno, col)
            else:
                return lineno, col

    def increment_until_char(self, lineno: int, col: int, stop: str) -> tuple[int, int]:
        """CPython: Lib/traceback.py:increment_until

        Stops at the character ``stop``.
        """
        while True:
            ch = self.lines[lineno][col]
            if ch in "\\#":
                lineno, col = self.nextline(lineno, col)
            elif ch != stop:
                lineno, col = self.increment(lineno, col)
            else:
                return lineno, col

    def setup_positions(self, end_lineno: Optional[int], end_col_offset: Optional[int],
                        force_valid: bool) -> tuple[int, int]:
        """CPython: Lib/traceback.py:setup_positions"""
        if end_lineno is None or end_col_offset is None:
            raise _AnchorError()
        lineno = end_lineno - 2
        col = self.normalize(lineno, end_col_offset)
        return self.next_valid_char(lineno, col) if force_valid else (lineno, col)


def _parse_quiet(source: str) -> Optional[object]:
    """pyvm: ``ast.parse`` with pyvm's parser, None on a syntax error."""
    try:
        return _PyParser_ASTFromString(source, "<unknown>", "exec")
    except PyErr as err:
        _PyErr_Clear(err)
        return None
    except SyntaxError:
        return None


def _extract_caret_anchors_from_line_segment(segment: str) -> Optional[_Anchors]:
    """CPython: Lib/traceback.py:_extract_caret_anchors_from_line_segment

    For a binary operation, the operator; for a subscript or a call, the
    brackets. The segment is wrapped in parentheses so that a multi-line
    expression parses.
    """
    tree = _parse_quiet(f"(\n{segment}\n)")
    if not isinstance(tree, ast.Module) or len(tree.body) != 1:
        return None
    sl = _SegmentLines(segment.splitlines())
    lines = sl.lines
    statement = tree.body[0]
    if not isinstance(statement, ast.Expr):
        return None
    expr = statement.value
    try:
        if isinstance(expr, ast.BinOp):
            lineno, col = sl.setup_positions(expr.left.end_lineno, expr.left.end_col_offset,
                                             True)
            lineno, col = sl.increment_until_op(lineno, col)
            right_col = col + 1
            if right_col < len(lines[lineno]) and (
                    expr.right.lineno - 2 > lineno
                    or right_col < sl.normalize(expr.right.lineno - 2, expr.right.col_offset)):
                ch = lines[lineno][right_col]
                if not ch.isspace() and ch not in "\\#":
                    right_col += 1
            return _Anchors(lineno, col, lineno, right_col)
        if isinstance(expr, ast.Subscript):
            ll, lc = sl.setup_positions(expr.value.end_lineno, expr.value.end_col_offset, True)
            ll, lc = sl.increment_until_char(ll, lc, "[")
            rl, rc = sl.setup_positions(expr.end_lineno, expr.end_col_offset, False)
            return _Anchors(ll, lc, rl, rc)
        if isinstance(expr, ast.Call):
            ll, lc = sl.setup_positions(expr.func.end_lineno, expr.func.end_col_offset, True)
            ll, lc = sl.increment_until_char(ll, lc, "(")
            rl, rc = sl.setup_positions(expr.end_lineno, expr.end_col_offset, False)
            return _Anchors(ll, lc, rl, rc)
    except (_AnchorError, IndexError):
        return None
    return None


def _should_show_carets(start_offset: int, end_offset: int, all_lines: list[str],
                        anchors: Optional[_Anchors]) -> bool:
    """CPython: Lib/traceback.py:_should_show_carets

    No carets when they would underline the whole line, or when the
    instruction is the call of ``return f(...)`` / ``x = f(...)`` spanning the
    whole statement.
    """
    tree = _parse_quiet("\n".join(all_lines))
    if isinstance(tree, ast.Module):
        if not tree.body:
            return False
        statement = tree.body[0]
        value: Optional[ast.expr] = None
        if isinstance(statement, ast.Return) and isinstance(statement.value, ast.Call):
            if isinstance(statement.value.func, ast.Name):
                value = statement.value
        elif isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call):
            if len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name):
                value = statement.value
        if value is not None and value.lineno == 1 \
                and value.end_lineno == len(all_lines) \
                and value.col_offset == start_offset \
                and value.end_col_offset == end_offset:
            return False
    if anchors is not None:
        return True
    if all_lines[0][:start_offset].lstrip() or all_lines[-1][end_offset:].rstrip():
        return True
    return False


def format_frame_summary(fs: FrameSummary) -> str:
    """CPython: Lib/traceback.py:format_frame_summary"""
    row: list[str] = []
    filename = fs.filename
    if filename.startswith("<stdin-") and filename.endswith(">"):
        filename = "<stdin>"
    row.append(f'  File "{filename}", line {fs.lineno if fs.lineno >= 0 else None}, '
               f'in {fs.name}\n')
    original = fs.original_lines()
    dedented = _dedent(original) if original else ""
    if not (dedented and dedented.strip()):
        return "".join(row)
    if fs.colno < 0 or fs.end_colno < 0:
        row.append("    " + fs.line() + "\n")
        return "".join(row)
    all_lines_original = original.splitlines()
    first_line = all_lines_original[0]
    last_line = all_lines_original[fs.end_lineno - fs.lineno]
    start_offset = _byte_offset_to_character_offset(first_line, fs.colno)
    end_offset = _byte_offset_to_character_offset(last_line, fs.end_colno)
    all_lines = dedented.splitlines()[:fs.end_lineno - fs.lineno + 1]
    dedent_characters = len(first_line) - len(all_lines[0])
    start_offset = max(0, start_offset - dedent_characters)
    end_offset = max(0, end_offset - dedent_characters)
    dp_start_offset = _display_width(all_lines[0], start_offset)
    dp_end_offset = _display_width(all_lines[-1], end_offset)
    segment = "\n".join(all_lines)
    segment = segment[start_offset:len(segment) - (len(all_lines[-1]) - end_offset)]
    anchors: Optional[_Anchors] = None
    try:
        anchors = _extract_caret_anchors_from_line_segment(segment)
    except PyErr as err:
        # The SyntaxError of the re-parse is dropped for good (C: PyErr_Clear).
        _PyErr_Clear(err)
        anchors = None
    except (_AnchorError, IndexError, ValueError):
        anchors = None
    show_carets = _should_show_carets(start_offset, end_offset, all_lines, anchors)
    result: list[str] = []
    significant_lines = {0, len(all_lines) - 1}
    a_left_end_offset = 0
    a_right_start_offset = 0
    primary_char = "^"
    secondary_char = "^"
    if anchors is not None:
        a_left_end_offset = anchors.left_end_offset
        a_right_start_offset = anchors.right_start_offset
        if anchors.left_end_lineno == 0:
            a_left_end_offset += start_offset
        if anchors.right_start_lineno == 0:
            a_right_start_offset += start_offset
        a_left_end_offset = _display_width(all_lines[anchors.left_end_lineno], a_left_end_offset)
        a_right_start_offset = _display_width(all_lines[anchors.right_start_lineno],
                                              a_right_start_offset)
        primary_char = anchors.primary_char
        secondary_char = anchors.secondary_char
        significant_lines.update(
            range(anchors.left_end_lineno - 1, anchors.left_end_lineno + 2))
        significant_lines.update(
            range(anchors.right_start_lineno - 1, anchors.right_start_lineno + 2))
    significant_lines.discard(-1)
    significant_lines.discard(len(all_lines))

    def output_line(lineno: int) -> None:
        """CPython: Lib/traceback.py:output_line"""
        result.append(all_lines[lineno] + "\n")
        if not show_carets:
            return
        num_spaces = len(all_lines[lineno]) - len(all_lines[lineno].lstrip())
        carets: list[str] = []
        num_carets = dp_end_offset if lineno == len(all_lines) - 1 \
            else _display_width(all_lines[lineno])
        for col in range(num_carets):
            if col < num_spaces or (lineno == 0 and col < dp_start_offset):
                carets.append(" ")
            elif anchors is not None and (
                    lineno > anchors.left_end_lineno
                    or (lineno == anchors.left_end_lineno and col >= a_left_end_offset)
            ) and (
                    lineno < anchors.right_start_lineno
                    or (lineno == anchors.right_start_lineno and col < a_right_start_offset)
            ):
                carets.append(secondary_char)
            else:
                carets.append(primary_char)
        result.append("".join(carets) + "\n")

    sig = sorted(significant_lines)
    for i, lineno in enumerate(sig):
        if i:
            linediff = lineno - sig[i - 1]
            if linediff == 2:
                output_line(lineno - 1)
            elif linediff > 2:
                result.append(f"...<{linediff - 1} lines>...\n")
        output_line(lineno)
    row.append("".join("    " + ln + "\n" for ln in "".join(result).splitlines()))
    return "".join(row)


def format_stack_summary(stack: list[FrameSummary]) -> list[str]:
    """CPython: Lib/traceback.py:format

    (``StackSummary.format``: folds a frame repeated more than three times.)
    """
    result: list[str] = []
    last_file: Optional[str] = None
    last_line = -2
    last_name: Optional[str] = None
    count = 0
    for fs in stack:
        formatted = format_frame_summary(fs)
        if (last_file is None or last_file != fs.filename or last_line != fs.lineno
                or last_name is None or last_name != fs.name):
            if count > _RECURSIVE_CUTOFF:
                count -= _RECURSIVE_CUTOFF
                result.append(f"  [Previous line repeated {count} more "
                              f"time{'s' if count > 1 else ''}]\n")
            last_file = fs.filename
            last_line = fs.lineno
            last_name = fs.name
            count = 0
        count += 1
        if count > _RECURSIVE_CUTOFF:
            continue
        result.append(formatted)
    if count > _RECURSIVE_CUTOFF:
        count -= _RECURSIVE_CUTOFF
        result.append(f"  [Previous line repeated {count} more "
                      f"time{'s' if count > 1 else ''}]\n")
    return result


# ---------------------------------------------------------------------------
# The exception part


def _getattr_opt(o: PyObject, name: str) -> Optional[PyObject]:
    """pyvm: ``getattr(o, name, None)`` returning a new reference or None
    (errors are swallowed, as the traceback module's ``suppress`` does)."""
    try:
        v = PyObject_GetAttr(o, PyUnicode_InternFromString(name))
    except PyErr as err:
        _PyErr_Clear(err)
        return None
    if v is Py_None:
        Py_DECREF(v)
        return None
    return v


def _safe_str(o: PyObject, what: str) -> str:
    """CPython: Lib/traceback.py:_safe_string"""
    try:
        s = PyObject_Str(o)
    except PyErr as err:
        _PyErr_Clear(err)
        return f"<{what} str() failed>"
    r = _str_value(s)
    Py_DECREF(s)
    return r


def _safe_repr(o: PyObject, what: str) -> str:
    """CPython: Lib/traceback.py:_safe_string (with ``func=repr``)"""
    try:
        s = PyObject_Repr(o)
    except PyErr as err:
        _PyErr_Clear(err)
        return f"<{what} repr() failed>"
    r = _str_value(s)
    Py_DECREF(s)
    return r


def _type_str(tp: PyTypeObject) -> str:
    """CPython: Lib/traceback.py:exc_type_str

    ``module.qualname``, without the module for builtins and ``__main__``.
    """
    qual = tp.tp_name
    if "." in qual and not (tp.tp_flags & (1 << 9)):
        # Static types carry their module in tp_name ("module.Name").
        mod, _, name = qual.rpartition(".")
        if mod in ("__main__", "builtins"):
            return name
        return qual
    m = _getattr_opt(tp, "__module__")
    q = _getattr_opt(tp, "__qualname__")
    name = _str_value(q) if q is not None and _is_str(q) else qual
    modname = _str_value(m) if m is not None and _is_str(m) else "builtins"
    Py_XDECREF(m)
    Py_XDECREF(q)
    if modname not in ("__main__", "builtins"):
        return f"{modname}.{name}"
    return name


def _is_str(o: PyObject) -> bool:
    """pyvm: ``isinstance(o, str)``."""
    return isinstance(o, PyUnicodeObject)


def _is_subclass(tp: PyTypeObject, base: PyTypeObject) -> bool:
    """pyvm: ``issubclass`` on types."""
    return PyType_IsSubtype(tp, base)


def _int_or_none(o: Optional[PyObject]) -> Optional[int]:
    """pyvm: the host value of an int attribute, or None."""
    if isinstance(o, PyLongObject):
        return o.ob_ival
    return None


def _frame_names(f: _PyInterpreterFrame) -> list[str]:
    """pyvm: ``list(frame.f_locals)``: the bound fast locals of a function
    frame (or the keys of the locals dict), then nothing else."""
    co = f.f_executable
    out: list[str] = []
    loc = f.f_locals
    if loc is not None:
        pos = 0
        while True:
            r = PyDict_Next(loc, pos)
            if r is None:
                break
            pos, k, _v = r
            if _is_str(k):
                out.append(_str_value(k))
        return out
    if f.cleared:
        return out
    for i in range(co.co_nlocalsplus):
        v = f.localsplus[i]
        kind = co.co_localspluskinds[i]
        if v is None:
            continue
        if kind & (CO_FAST_CELL | CO_FAST_FREE) and isinstance(v, PyCellObject):
            if v.ob_ref is None:
                continue
        out.append(_str_value(co.co_localsplusnames_items[i]))
    return out


def _dict_keys(d: PyObject) -> list[str]:
    """pyvm: the str keys of a dict, in order."""
    out: list[str] = []
    pos = 0
    while True:
        r = PyDict_Next(d, pos)
        if r is None:
            break
        pos, k, _v = r
        if _is_str(k):
            out.append(_str_value(k))
    return out


def _dir_names(obj: PyObject) -> list[str]:
    """CPython: Lib/traceback.py:_get_safe___dir__

    pyvm: the attribute names along the type's MRO and the instance dict,
    sorted (what ``object.__dir__`` returns, sorted).
    """
    names: set[str] = set()
    d = _getattr_opt(obj, "__dict__")
    if d is not None:
        if isinstance(d, PyDictObject):
            names.update(_dict_keys(d))
        Py_DECREF(d)
    tp = obj.ob_type
    targets: list[PyObject] = [tp]
    if isinstance(obj, PyTypeObject):
        targets.insert(0, obj)
    for t in targets:
        assert isinstance(t, PyTypeObject)
        mro = t.tp_mro
        types: list[PyObject] = _mro_items(mro) if mro is not None else [t]
        for k in types:
            if isinstance(k, PyTypeObject) and k.tp_dict is not None:
                names.update(_dict_keys(k.tp_dict))
    return sorted(names)


def _compute_suggestion_error(exc_value: PyObject, tb: Optional[PyTraceBackObject],
                              wrong_name: str) -> Optional[str]:
    """CPython: Lib/traceback.py:_compute_suggestion_error"""
    if _is_subclass(exc_value.ob_type, PyExc_AttributeError):
        obj = _getattr_opt(exc_value, "obj")
        if obj is None:
            return None
        d = _dir_names(obj)
        hide_underscored = wrong_name[:1] != "_"
        if hide_underscored and tb is not None:
            t = tb
            while t.tb_next is not None:
                t = t.tb_next
            f = t.tb_frame.f_frame
            co = f.f_executable
            for i in range(co.co_nlocalsplus):
                if _str_value(co.co_localsplusnames_items[i]) == "self" and \
                        not f.cleared and f.localsplus[i] is obj:
                    hide_underscored = False
        Py_DECREF(obj)
        if hide_underscored:
            d = [x for x in d if x[:1] != "_"]
    else:
        if tb is None:
            return None
        t = tb
        while t.tb_next is not None:
            t = t.tb_next
        f = t.tb_frame.f_frame
        d = _frame_names(f) + _dict_keys(f.f_globals) + _dict_keys(f.f_builtins)
    return _Py_CalculateSuggestions(d, wrong_name)


def _format_final_exc_line(etype: str, value: Optional[PyObject], valuestr: str) -> str:
    """CPython: Lib/traceback.py:_format_final_exc_line"""
    if value is None or not valuestr:
        return f"{etype}\n"
    return f"{etype}: {valuestr}\n"


def _int_attr(o: PyObject, name: str) -> Optional[int]:
    """pyvm: the host value of an int attribute of ``o`` (None when it is
    missing, None or not an int), the reference released."""
    v = _getattr_opt(o, name)
    r = _int_or_none(v)
    Py_XDECREF(v)
    return r


# CPython: Lib/keyword.py:kwlist -- the hard keywords, in its order.
KWLIST: Final = (
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield",
)


class _SequenceMatcher:
    """CPython: Lib/difflib.py:SequenceMatcher

    pyvm: only what ``get_close_matches`` uses (``ratio`` and its two quick
    bounds), for sequences of characters without junk: keywords are far
    shorter than the 200 items from which ``autojunk`` drops popular ones.
    """

    a: str
    b: str
    b2j: dict[str, list[int]]

    def __init__(self, a: str, b: str) -> None:
        self.a = a
        self.b = b
        self.b2j = {}
        for i, ch in enumerate(b):
            self.b2j.setdefault(ch, []).append(i)

    def find_longest_match(self, alo: int, ahi: int, blo: int, bhi: int) -> tuple[int, int, int]:
        """CPython: Lib/difflib.py:find_longest_match

        The longest common block of ``a[alo:ahi]`` and ``b[blo:bhi]``: the one
        starting earliest in ``a``, then earliest in ``b``."""
        besti, bestj, bestsize = alo, blo, 0
        j2len: dict[int, int] = {}
        for i in range(alo, ahi):
            newj2len: dict[int, int] = {}
            for j in self.b2j.get(self.a[i], []):
                if j < blo:
                    continue
                if j >= bhi:
                    break
                k = newj2len[j] = j2len.get(j - 1, 0) + 1
                if k > bestsize:
                    besti, bestj, bestsize = i - k + 1, j - k + 1, k
            j2len = newj2len
        return besti, bestj, bestsize

    def matched(self) -> int:
        """CPython: Lib/difflib.py:get_matching_blocks

        pyvm: the total size of the matching blocks (all ``ratio`` needs)."""
        total = 0
        queue = [(0, len(self.a), 0, len(self.b))]
        while queue:
            alo, ahi, blo, bhi = queue.pop()
            i, j, k = self.find_longest_match(alo, ahi, blo, bhi)
            if k:
                total += k
                if alo < i and blo < j:
                    queue.append((alo, i, blo, j))
                if i + k < ahi and j + k < bhi:
                    queue.append((i + k, ahi, j + k, bhi))
        return total

    def ratio(self) -> float:
        """CPython: Lib/difflib.py:ratio"""
        length = len(self.a) + len(self.b)
        return 2.0 * self.matched() / length if length else 1.0

    def quick_ratio(self) -> float:
        """CPython: Lib/difflib.py:quick_ratio"""
        avail: dict[str, int] = {}
        for ch in self.b:
            avail[ch] = avail.get(ch, 0) + 1
        matches = 0
        for ch in self.a:
            n = avail.get(ch, 0)
            if n > 0:
                matches += 1
            avail[ch] = n - 1
        length = len(self.a) + len(self.b)
        return 2.0 * matches / length if length else 1.0

    def real_quick_ratio(self) -> float:
        """CPython: Lib/difflib.py:real_quick_ratio"""
        la, lb = len(self.a), len(self.b)
        return 2.0 * min(la, lb) / (la + lb) if la + lb else 1.0


def get_close_matches(word: str, possibilities: tuple[str, ...], n: int = 3,
                      cutoff: float = 0.6) -> list[str]:
    """CPython: Lib/difflib.py:get_close_matches"""
    scored: list[tuple[float, str]] = []
    for x in possibilities:
        m = _SequenceMatcher(x, word)
        if m.real_quick_ratio() >= cutoff and m.quick_ratio() >= cutoff:
            r = m.ratio()
            if r >= cutoff:
                scored.append((r, x))
    scored.sort(reverse=True)  # heapq.nlargest
    return [x for _, x in scored[:n]]


class _TypoSearchAbort(Exception):
    """pyvm: an exception other than SyntaxError in the keyword-typo search,
    which ``suppress(Exception)`` ends in CPython."""


def _compile_command_accepts(source: str) -> bool:
    """CPython: Lib/codeop.py:compile_command
    CPython: Lib/codeop.py:_maybe_compile
    CPython: Lib/codeop.py:_compile

    ``codeop.compile_command(source, symbol="exec", flags=PyCF_ONLY_AST)``
    without raising SyntaxError (a complete AST, or input that is only
    incomplete), SyntaxWarnings and DeprecationWarnings ignored. Any other
    exception raises ``_TypoSearchAbort``."""
    from pyvm.modules._warningsmodule import (  # cycle: _warnings imports this module
        _PyWarnings_InitState, _filterwarnings, get_warnings_filters,
    )

    for line in source.split("\n"):
        line = line.strip()
        if line and line[0] != "#":
            break
    else:
        source = "pass"
    incomplete = PyCF_ONLY_AST | PyCF_ALLOW_INCOMPLETE_INPUT | PyCF_DONT_IMPLY_DEDENT

    def compiles(src: str, flags: int) -> Optional[PyErr]:
        try:
            _PyParser_ASTFromString(src, "<input>", "exec", flags)
        except PyErr as e:
            if e.matches(PyExc_SyntaxError):
                return e
            _PyErr_Clear(e)
            raise _TypoSearchAbort() from None
        return None

    st = _PyWarnings_InitState()
    filters = get_warnings_filters(st)
    assert isinstance(filters, PyListObject)
    saved = list(filters.ob_item)
    for o in saved:
        Py_INCREF(o)
    try:
        # warnings.catch_warnings() + simplefilter("ignore", (SyntaxWarning,
        # DeprecationWarning))
        _filterwarnings("ignore", "", PyExc_DeprecationWarning, "", 0)
        _filterwarnings("ignore", "", PyExc_SyntaxWarning, "", 0)
        err = compiles(source, incomplete)
        if err is None:
            return True
        _PyErr_Clear(err)
        err = compiles(source + "\n", incomplete)
        if err is None:
            return True
        incomplete_input = err.matches(PyExc_IncompleteInputError)
        _PyErr_Clear(err)
        if incomplete_input:
            return True
    finally:
        for o in filters.ob_item:
            Py_DECREF(o)
        filters.ob_item[:] = saved
        st.filters_version += 1
    err = compiles(source, PyCF_ONLY_AST)
    if err is None:
        return True
    _PyErr_Clear(err)
    return False


class _NameToken:
    """pyvm: a NAME token as ``tokenize`` gives it (character columns)."""

    string: str
    start: tuple[int, int]
    end: tuple[int, int]
    line: str

    def __init__(self, string: str, start: tuple[int, int], end: tuple[int, int],
                 line: str) -> None:
        self.string = string
        self.start = start
        self.end = end
        self.line = line


def _name_tokens(code: str) -> list[_NameToken]:
    """CPython: Lib/tokenize.py:generate_tokens

    pyvm: the NAME tokens of ``code`` from pyvm's tokenizer (the readline
    tokenizer ``tokenize`` uses), up to a tokenizer error, where
    ``generate_tokens`` would raise."""
    lines = code.split("\n")
    out: list[_NameToken] = []
    tok = _tokenizer._PyTokenizer_FromReadline(code)
    try:
        while True:
            t = _tokenizer.Token()
            kind = _tokenizer._PyTokenizer_Get(tok, t)
            if kind == _tokenizer.ENDMARKER or kind == _tokenizer.ERRORTOKEN:
                break
            if kind != _tokenizer.NAME:
                continue
            text = tok.input[t.start:t.end].decode("utf-8", "replace")
            row = t.lineno
            line = lines[row - 1] if 0 < row <= len(lines) else ""
            lb = line.encode("utf-8", "surrogatepass")
            col = len(lb[:t.col_offset].decode("utf-8", "replace"))
            end_col = len(lb[:t.end_col_offset].decode("utf-8", "replace"))
            full = line + "\n" if row < len(lines) or code.endswith("\n") else line
            out.append(_NameToken(text, (row, col), (t.end_lineno, end_col), full))
    except PyErr as e:
        _PyErr_Clear(e)
    return out


class _SyntaxErrorView:
    """pyvm: the fields of a SyntaxError that ``TracebackException`` copies
    (and ``_find_keyword_typos`` rewrites)."""

    text: str
    offset: Optional[int]
    end_offset: Optional[int]
    lineno: Optional[int]
    end_lineno: Optional[int]
    msg: str

    def __init__(self, text: str, offset: Optional[int], end_offset: Optional[int],
                 lineno: Optional[int], end_lineno: Optional[int], msg: str) -> None:
        self.text = text
        self.offset = offset
        self.end_offset = end_offset
        self.lineno = lineno
        self.end_lineno = end_lineno
        self.msg = msg


def _find_keyword_typos(exc: PyObject, view: _SyntaxErrorView, filename: Optional[str]) -> None:
    """CPython: Lib/traceback.py:_find_keyword_typos

    For a plain "invalid syntax" (or "Perhaps you forgot a comma"): a NAME
    near the error that is a keyword misspelt (``_Py_CalculateSuggestions``
    and ``difflib.get_close_matches`` over ``keyword.kwlist``) and makes the
    code compile once replaced becomes the error: "invalid syntax. Did you
    mean 'KEYWORD'?" on that token. The code is the statements from the
    parser's metadata (the last statement's line, ``exc._metadata``) to the
    error's line, from the source string or else from the file.
    """
    if view.msg != "invalid syntax" and "Perhaps you forgot a comma" not in view.msg:
        return
    meta = exc.metadata if isinstance(exc, PySyntaxErrorObject) else None
    if not isinstance(meta, PyTupleObject) or len(meta.ob_item) != 3:
        return
    line_o, _offset_o, source_o = meta.ob_item
    if not isinstance(line_o, PyLongObject):
        return
    line = line_o.ob_ival
    end_line = view.lineno if view.lineno is not None else 0
    lines: Optional[list[str]] = None
    from_filename = False
    if not isinstance(source_o, PyUnicodeObject):
        if filename:
            try:
                with open(filename, encoding="utf-8") as f:
                    lines = f.read().splitlines()
            except (OSError, ValueError):
                line, end_line = 0, 1
            else:
                from_filename = True
        if lines is None:
            lines = view.text.splitlines()
    else:
        lines = source_o.value.splitlines()
    error_code = _dedent("\n".join(lines[line - 1 if line > 0 else 0:end_line]))
    if len(error_code) > 1024:
        return
    error_lines = error_code.splitlines()
    tokens_left_to_process = 10
    for token in _name_tokens(error_code):
        start, end = token.start, token.end
        the_end = end_line if line == 0 else end_line + 1
        if from_filename and token.start[0] + line != the_end:
            continue
        wrong_name = token.string
        if wrong_name in KWLIST:
            continue
        tokens_left_to_process -= 1
        if tokens_left_to_process < 0:
            break
        matches: list[str] = []
        suggestion = _Py_CalculateSuggestions(list(KWLIST), wrong_name)
        if suggestion:
            matches.append(suggestion)
        matches.extend(get_close_matches(wrong_name, KWLIST, n=3, cutoff=0.5))
        for suggestion in matches[:3]:
            if not suggestion or suggestion == wrong_name:
                continue
            the_lines = list(error_lines)
            the_line = the_lines[start[0] - 1]
            chars = list(the_line)
            chars[token.start[1]:token.end[1]] = list(suggestion)
            the_lines[start[0] - 1] = "".join(chars)
            if not _compile_command_accepts("\n".join(the_lines)):
                continue
            view.text = token.line
            view.offset = token.start[1] + 1
            view.end_offset = token.end[1] + 1
            view.lineno = start[0]
            view.end_lineno = end[0]
            view.msg = f"invalid syntax. Did you mean '{suggestion}'?"
            return


def _format_syntax_error(exc: PyObject, stype: str) -> list[str]:
    """CPython: Lib/traceback.py:_format_syntax_error"""
    out: list[str] = []
    filename_o = _getattr_opt(exc, "filename")
    filename: Optional[str] = _safe_str(filename_o, "filename") if filename_o is not None \
        else None
    lineno_o = _getattr_opt(exc, "lineno")
    lineno = _int_or_none(lineno_o)
    end_lineno = _int_attr(exc, "end_lineno")
    offset = _int_attr(exc, "offset")
    end_offset = _int_attr(exc, "end_offset")
    text_o = _getattr_opt(exc, "text")
    msg_o = _getattr_opt(exc, "msg")
    filename_suffix = ""
    if lineno_o is not None:
        out.append(f'  File "{filename or "<string>"}", line {_safe_str(lineno_o, "lineno")}\n')
    elif filename is not None:
        filename_suffix = f" ({filename})"
    msg = _safe_str(msg_o, "msg") if msg_o is not None else ""
    if text_o is not None and _is_str(text_o):
        view = _SyntaxErrorView(_str_value(text_o), offset, end_offset, lineno, end_lineno, msg)
        try:
            _find_keyword_typos(exc, view, filename)
        except (PyErr, _TypoSearchAbort, RecursionError) as e:
            # (with suppress(Exception) in CPython)
            if isinstance(e, PyErr):
                _PyErr_Clear(e)
        text = view.text
        offset, end_offset = view.offset, view.end_offset
        lineno, end_lineno = view.lineno, view.end_lineno
        msg = view.msg
        rtext = text.rstrip("\n")
        ltext = rtext.lstrip(" \n\f")
        spaces = len(rtext) - len(ltext)
        if offset is None:
            out.append(f"    {ltext}\n")
        else:
            off = offset
            if lineno == end_lineno:
                eoff = end_offset if (end_offset is not None and end_offset != 0) else off
            else:
                eoff = len(rtext) + 1
            if text and off > len(text):
                off = len(rtext) + 1
            if text and eoff > len(text):
                eoff = len(rtext) + 1
            if off >= eoff or eoff < 0:
                eoff = off + 1
            colno = off - 1 - spaces
            end_colno = eoff - 1 - spaces
            if colno >= 0:
                caretspace = "".join(c if c.isspace() else " " for c in ltext[:colno])
                out.append(f"    {ltext}\n")
                out.append(f"    {caretspace}{'^' * (end_colno - colno)}\n")
            else:
                out.append(f"    {ltext}\n")
    # The attributes read above are new references (Python drops its locals).
    Py_XDECREF(filename_o)
    Py_XDECREF(lineno_o)
    Py_XDECREF(text_o)
    Py_XDECREF(msg_o)
    out.append(f"{stype}: {msg or '<no detail available>'}{filename_suffix}\n")
    return out


def format_exception_only(exc: PyObject, tb: Optional[PyTraceBackObject]) -> list[str]:
    """CPython: Lib/traceback.py:format_exception_only

    The exception line (``TypeError: msg``, with a "Did you mean" for
    NameError/AttributeError), SyntaxError details, then the notes.
    """
    tp = exc.ob_type
    stype = _type_str(tp)
    out: list[str]
    if _is_subclass(tp, PyExc_SyntaxError):
        out = _format_syntax_error(exc, stype)
    else:
        s = _safe_str(exc, "exception")
        if _is_subclass(tp, PyExc_NameError) or _is_subclass(tp, PyExc_AttributeError):
            name_o = _getattr_opt(exc, "name")
            if name_o is not None and _is_str(name_o):
                wrong = _str_value(name_o)
                sugg: Optional[str] = None
                try:
                    sugg = _compute_suggestion_error(exc, tb, wrong)
                except PyErr as err:
                    _PyErr_Clear(err)
                    sugg = None
                if sugg is not None:
                    s += f". Did you mean: '{sugg}'?"
                if _is_subclass(tp, PyExc_NameError) and wrong in _stdlib_module_names():
                    if sugg is not None:
                        s += f" Or did you forget to import '{wrong}'?"
                    else:
                        s += f". Did you forget to import '{wrong}'?"
            Py_XDECREF(name_o)
        out = [_format_final_exc_line(stype, exc, s)]
    notes = _getattr_opt(exc, "__notes__")
    if notes is not None:
        items: Optional[list[PyObject]] = None
        if isinstance(notes, PyListObject) or isinstance(notes, PyTupleObject):
            items = list(notes.ob_item)
        if items is not None:
            for note in items:
                ns = _safe_str(note, "note")
                out.extend(ln + "\n" for ln in ns.split("\n"))
        else:
            out.append(_safe_repr(notes, "__notes__") + "\n")
        Py_DECREF(notes)
    return out


def _stdlib_module_names() -> frozenset[str]:
    """pyvm: ``sys.stdlib_module_names`` (CPython 3.14's list)."""
    return _Py_stdlib_module_names


_cause_message: Final = ("\nThe above exception was the direct cause "
                         "of the following exception:\n\n")
_context_message: Final = ("\nDuring handling of the above exception, "
                           "another exception occurred:\n\n")


# ---------------------------------------------------------------------------
# The whole report: TracebackException and exception groups


# Lib/traceback.py's TracebackException defaults (print_exception uses them).
MAX_GROUP_WIDTH: Final = 15
MAX_GROUP_DEPTH: Final = 10


class TracebackException:
    """CPython: Lib/traceback.py:TracebackException

    What is printed for one exception, captured when the report is built (as
    Python's ``__init__`` does): the stack, the exception-only lines (message,
    SyntaxError details, suggestions, notes), ``__suppress_context__``, and the
    reports of the cause, the context and, for an exception group, each nested
    exception. ``exc`` and ``tb`` are new references, released by
    :func:`_te_release`.
    """

    exc: PyObject
    tb: Optional[PyObject]
    stack: list[FrameSummary]
    exc_only: list[str]
    suppress_context: bool
    cause: Optional[TracebackException]
    context: Optional[TracebackException]
    exceptions: Optional[list[TracebackException]]

    def __init__(self, exc: PyObject, seen: set[int]) -> None:
        seen.add(id(exc))
        Py_INCREF(exc)
        self.exc = exc
        tb_o = _getattr_opt(exc, "__traceback__")
        self.tb = tb_o
        tb = tb_o if isinstance(tb_o, PyTraceBackObject) else None
        self.stack = _walk_tb_with_full_positions(tb)
        self.exc_only = format_exception_only(exc, tb)
        sup = _getattr_opt(exc, "__suppress_context__")
        self.suppress_context = sup is Py_True
        Py_XDECREF(sup)
        self.cause = None
        self.context = None
        self.exceptions = None


def _te_build(exc: PyObject) -> TracebackException:
    """CPython: Lib/traceback.py:__init__

    The top-level ``TracebackException(type(exc), exc, exc.__traceback__,
    compact=True)``: the causes, contexts and group members are converted with a
    queue (not recursion), each exception once (``_seen``).
    """
    seen: set[int] = set()
    top = TracebackException(exc, seen)
    queue: list[TracebackException] = [top]
    while queue:
        te = queue.pop()
        e = te.exc
        cause: Optional[TracebackException] = None
        cause_o = _getattr_opt(e, "__cause__")
        if cause_o is not None and id(cause_o) not in seen:
            cause = TracebackException(cause_o, seen)
        Py_XDECREF(cause_o)
        # compact=True: the context only when no cause is shown.
        need_context = cause is None and not te.suppress_context
        context: Optional[TracebackException] = None
        context_o = _getattr_opt(e, "__context__")
        if context_o is not None and need_context and id(context_o) not in seen:
            context = TracebackException(context_o, seen)
        Py_XDECREF(context_o)
        exceptions: Optional[list[TracebackException]] = None
        if _is_subclass(e.ob_type, PyExc_BaseExceptionGroup):
            exceptions = []
            for sub in _group_members(e):
                exceptions.append(TracebackException(sub, seen))
                Py_DECREF(sub)
        te.cause = cause
        te.context = context
        te.exceptions = exceptions
        if cause is not None:
            queue.append(cause)
        if context is not None:
            queue.append(context)
        if exceptions:
            queue.extend(exceptions)
    return top


def _group_members(eg: PyObject) -> list[PyObject]:
    """pyvm: ``list(eg.exceptions)`` as new references (none if that fails)."""
    excs = _getattr_opt(eg, "exceptions")
    if excs is None:
        return []
    try:
        t = PySequence_Tuple(excs)
    except PyErr as err:
        _PyErr_Clear(err)
        return []
    finally:
        Py_DECREF(excs)
    assert isinstance(t, PyTupleObject)
    out = list(t.ob_item)
    for o in out:
        Py_INCREF(o)
    Py_DECREF(t)
    return out


def _te_release(top: TracebackException) -> None:
    """pyvm: drops the references a report holds (Python's garbage collector)."""
    todo = [top]
    while todo:
        te = todo.pop()
        Py_DECREF(te.exc)
        Py_XDECREF(te.tb)
        if te.cause is not None:
            todo.append(te.cause)
        if te.context is not None:
            todo.append(te.context)
        if te.exceptions is not None:
            todo.extend(te.exceptions)


class _ExceptionPrintContext:
    """CPython: Lib/traceback.py:_ExceptionPrintContext

    The nesting state while an exception group is printed.
    """

    exception_group_depth: int
    need_close: bool

    def __init__(self) -> None:
        self.exception_group_depth = 0
        self.need_close = False

    def indent(self) -> str:
        """CPython: Lib/traceback.py:indent"""
        return " " * (2 * self.exception_group_depth)

    def emit(self, texts: list[str], margin_char: Optional[str] = None) -> list[str]:
        """CPython: Lib/traceback.py:emit

        Each line of each text, prefixed with the indent and, inside a group,
        the margin (``|``, or ``+`` for the group's title).
        """
        if margin_char is None:
            margin_char = "|"
        indent_str = self.indent()
        if self.exception_group_depth:
            indent_str += margin_char + " "
        # textwrap.indent with a predicate that accepts every line
        return ["".join(indent_str + ln for ln in text.splitlines(True)) for text in texts]


def _te_format(top: TracebackException, ctx: _ExceptionPrintContext, out: list[str]) -> None:
    """CPython: Lib/traceback.py:format

    ``TracebackException.format(chain=True)``: the chain oldest first; an
    exception group prints its own traceback under ``Exception Group
    Traceback``, then each member in a numbered box (at most
    ``MAX_GROUP_WIDTH``, then ``and N more exceptions``; groups nested deeper
    than ``MAX_GROUP_DEPTH`` print ``... (max_group_depth is N)``).
    """
    output: list[tuple[Optional[str], TracebackException]] = []
    te: Optional[TracebackException] = top
    while te is not None:
        chained_msg: Optional[str] = None
        chained: Optional[TracebackException] = None
        if te.cause is not None:
            chained_msg = _cause_message
            chained = te.cause
        elif te.context is not None and not te.suppress_context:
            chained_msg = _context_message
            chained = te.context
        output.append((chained_msg, te))
        te = chained
    for i in range(len(output) - 1, -1, -1):
        msg, exc = output[i]
        if msg is not None:
            out.extend(ctx.emit([msg]))
        excs = exc.exceptions
        if excs is None:
            if exc.stack:
                out.extend(ctx.emit(["Traceback (most recent call last):\n"]))
                out.extend(ctx.emit(format_stack_summary(exc.stack)))
            out.extend(ctx.emit(exc.exc_only))
        elif ctx.exception_group_depth > MAX_GROUP_DEPTH:
            # An exception group nested too deep.
            out.extend(ctx.emit([f"... (max_group_depth is {MAX_GROUP_DEPTH})\n"]))
        else:
            is_toplevel = ctx.exception_group_depth == 0
            if is_toplevel:
                ctx.exception_group_depth += 1
            if exc.stack:
                out.extend(ctx.emit(["Exception Group Traceback (most recent call last):\n"],
                                    "+" if is_toplevel else None))
                out.extend(ctx.emit(format_stack_summary(exc.stack)))
            out.extend(ctx.emit(exc.exc_only))
            num_excs = len(excs)
            n = num_excs if num_excs <= MAX_GROUP_WIDTH else MAX_GROUP_WIDTH + 1
            ctx.need_close = False
            for j in range(n):
                last_exc = j == n - 1
                if last_exc:
                    # The closing frame may be added by a recursive call.
                    ctx.need_close = True
                truncated = j >= MAX_GROUP_WIDTH
                title = f"{j + 1}" if not truncated else "..."
                out.append(ctx.indent() + ("+-" if j == 0 else "  ")
                           + f"+---------------- {title} ----------------\n")
                ctx.exception_group_depth += 1
                if not truncated:
                    _te_format(excs[j], ctx, out)
                else:
                    remaining = num_excs - MAX_GROUP_WIDTH
                    plural = "s" if remaining > 1 else ""
                    out.extend(ctx.emit([f"and {remaining} more exception{plural}\n"]))
                if last_exc and ctx.need_close:
                    out.append(ctx.indent() + "+------------------------------------\n")
                    ctx.need_close = False
                ctx.exception_group_depth -= 1
            if is_toplevel:
                assert ctx.exception_group_depth == 1
                ctx.exception_group_depth = 0


def format_exception(exc: PyObject) -> list[str]:
    """CPython: Lib/traceback.py:format_exception

    The full report of ``exc``, as ``traceback.print_exception`` prints it:
    the chain (``__cause__`` or, unless suppressed, ``__context__``) oldest
    first, exception groups with their members.
    """
    top = _te_build(exc)
    lines: list[str] = []
    try:
        _te_format(top, _ExceptionPrintContext(), lines)
    finally:
        _te_release(top)
    return lines


def _tb(op: PyObject) -> PyTraceBackObject:
    """pyvm: the checked cast C's ``_PyTracebackObject_CAST`` is."""
    assert isinstance(op, PyTraceBackObject)
    return op


def traceback_tb_next_get_impl(op: PyObject) -> PyObject:
    """CPython: Python/traceback.c:traceback_tb_next_get_impl"""
    n: PyObject = Py_None
    nxt = _tb(op).tb_next
    if nxt is not None:
        n = nxt
    Py_INCREF(n)
    return n


def tb_frame_get(op: PyObject) -> PyObject:
    """pyvm: the ``tb_frame`` member (C's ``tb_memberlist``)."""
    f = _tb(op).tb_frame
    Py_INCREF(f)
    return f


def tb_lasti_get(op: PyObject) -> PyObject:
    """pyvm: the ``tb_lasti`` member (C's ``tb_memberlist``)."""
    return PyLong_FromLong(_tb(op).tb_lasti)


def tb_lineno_get(op: PyObject) -> PyObject:
    """CPython: Python/traceback.c:tb_lineno_get"""
    return PyLong_FromLong(tb_get_lineno(_tb(op)))


def _tb_init_type() -> None:
    """pyvm: fill the slots of ``PyTraceBack_Type`` (C's static initializer)."""
    PyTraceBack_Type.tp_dealloc = tb_dealloc
    _PyType_AddGetSets(PyTraceBack_Type, [
        PyGetSetDef("tb_next", traceback_tb_next_get_impl, None),
        PyGetSetDef("tb_frame", tb_frame_get, None),
        PyGetSetDef("tb_lasti", tb_lasti_get, None),
        PyGetSetDef("tb_lineno", tb_lineno_get, None),
    ])


_tb_init_type()

