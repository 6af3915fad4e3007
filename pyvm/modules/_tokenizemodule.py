"""Ports Python/Python-tokenize.c, Python/clinic/Python-tokenize.c.h: the ``_tokenize`` builtin module.

``_tokenize.TokenizerIter(readline, *, extra_tokens, encoding=None)`` is the
iterator Lib/tokenize.py is built on: it runs the C tokenizer (pyvm's port,
pyvm/compile/tokenizer.py) over the lines ``readline`` returns and yields
``(type, string, (srow, scol), (erow, ecol), line)`` tuples. ``readline``
returns str lines, or bytes in ``encoding`` when one is given (decoded with
``replace``); raising ``StopIteration`` or returning an empty line ends the
input. ``extra_tokens=True`` gives the ``tokenize`` module's stream (COMMENT
and NL tokens, operators as OP, the NEWLINE's text); without it the types are
the parser's exact ones. Tokenizer errors raise SyntaxError, IndentationError
or TabError with C's messages.

The iteration itself (columns in characters, the cached line, the extra-token
adjustments, the errors of ``_tokenizer_error``) is
``pyvm.compile.tokenizer.TokenizerIter``, on host values; this module wraps it
in the ``_tokenize.TokenizerIter`` type and turns its host tuples into pyvm
objects. The ``readline`` the tokenizer calls (C's ``tok_readline_string``)
is a closure over the program's callable, so lines are read as the tokenizer
needs them.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Final, Optional

from pyvm.compile.tokenizer import TokenizerIter, _PyTokenizer_FromReadline
from pyvm.objects.bytesobject import PyBytesObject
from pyvm.objects.call import PyObject_CallNoArgs, _PyStack_UnpackDict
from pyvm.objects.exceptions import PyExc_StopIteration, PyExc_TypeError, PyExc_ValueError
from pyvm.objects.longobject import PyLong_FromLong
from pyvm.objects.moduleobject import PyModule_AddObjectRef, PyModule_New, PyModuleObject
from pyvm.objects.object import (
    Py_DECREF, Py_INCREF, Py_TPFLAGS_IMMUTABLETYPE, PyErr, PyErr_SetString, PyObject,
    PyObject_GenericGetAttr, PyObject_IsTrue, PyObject_SelfIter, PyTypeObject, _PyErr_Clear,
)
from pyvm.objects.tupleobject import PyTupleObject, _PyTuple_FromArraySteal
from pyvm.objects.unicodeobject import (
    PyUnicode_FromString, PyUnicodeObject, _PyArg_UnpackKeywords, _codec_error,
)

PyTokenizerIter_Type: Final = PyTypeObject(
    "_tokenize.TokenizerIter", flags=Py_TPFLAGS_IMMUTABLETYPE)


class tokenizeriterobject(PyObject):
    """CPython: Python/Python-tokenize.c:tokenizeriterobject

    ``it`` is the iteration (the tokenizer and C's ``done``, ``last_line``,
    ``last_lineno``, ``last_end_lineno``, ``byte_col_offset_diff``);
    ``readline`` the program's callable, owned (C's ``tok->readline``)."""

    it: TokenizerIter
    readline: Optional[PyObject]

    def __init__(self, tp: PyTypeObject, it: TokenizerIter, readline: PyObject) -> None:
        super().__init__(tp)
        self.it = it
        self.readline = readline


def _make_readline(readline: PyObject, encoding: Optional[str]) -> "Callable[[], Optional[bytes]]":
    """CPython: Parser/tokenizer/readline_tokenizer.c:tok_readline_string

    The tokenizer's readline over the program's: the next line as UTF-8
    bytes, None at the end (``StopIteration``). A str is required, or bytes
    decoded with ``encoding`` (errors replaced) when there is one.
    """
    def read() -> Optional[bytes]:
        """CPython: Parser/tokenizer/readline_tokenizer.c:tok_readline_string"""
        try:
            raw_line = PyObject_CallNoArgs(readline)
        except PyErr as e:
            if e.matches(PyExc_StopIteration):
                _PyErr_Clear(e)
                return None
            raise
        # Released through an alias the isinstance checks below do not
        # narrow (compiled code would re-check the narrowed type there).
        owned = raw_line
        try:
            if encoding is not None:
                if not isinstance(raw_line, PyBytesObject):
                    PyErr_SetString(PyExc_TypeError, "readline() returned a non-bytes object")
                try:
                    line = raw_line.ob_sval.decode(encoding, "replace")
                except (LookupError, ValueError) as exc:
                    _codec_error(exc)
            else:
                if not isinstance(raw_line, PyUnicodeObject):
                    PyErr_SetString(PyExc_TypeError, "readline() returned a non-string object")
                line = raw_line.value
        finally:
            Py_DECREF(owned)
        try:
            return line.encode("utf-8")  # PyUnicode_AsUTF8AndSize
        except UnicodeEncodeError as exc:
            _codec_error(exc)
    return read


def tokenizeriter_new_impl(tp: PyTypeObject, readline: PyObject, extra_tokens: bool,
                           encoding: Optional[str]) -> PyObject:
    """CPython: Python/Python-tokenize.c:tokenizeriter_new_impl"""
    tok = _PyTokenizer_FromReadline("", "<string>", _make_readline(readline, encoding),
                                    encoding)
    Py_INCREF(readline)
    return tokenizeriterobject(tp, TokenizerIter(tok, extra_tokens), readline)


def tokenizeriter_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Python/clinic/Python-tokenize.c.h:tokenizeriter_new

    ``(readline, /, *, extra_tokens, encoding=None)``."""
    assert isinstance(args, PyTupleObject)
    items, kwnames = _PyStack_UnpackDict(args.ob_item, 0, len(args.ob_item), kwds)
    try:
        a = _PyArg_UnpackKeywords("tokenizeriter", items, kwnames,
                                  ["readline", "extra_tokens", "encoding"], 1, 1, 1)
    finally:
        if kwnames is not None:
            Py_DECREF(kwnames)
    readline = a[0]
    assert readline is not None
    extra = a[1]
    if extra is None:
        PyErr_SetString(PyExc_TypeError,
                        "tokenizeriter() missing required argument 'extra_tokens' (pos 2)")
    extra_tokens = PyObject_IsTrue(extra)
    encoding: Optional[str] = None
    enc = a[2]
    if enc is not None:
        if not isinstance(enc, PyUnicodeObject):
            PyErr_SetString(PyExc_TypeError, "tokenizeriter() argument 'encoding' must be str, "
                                             f"not {enc.ob_type.tp_name}")
        encoding = enc.value
        if "\0" in encoding:
            PyErr_SetString(PyExc_ValueError, "embedded null character")
    return tokenizeriter_new_impl(tp, readline, extra_tokens, encoding)


def tokenizeriter_next(op: PyObject) -> Optional[PyObject]:
    """CPython: Python/Python-tokenize.c:tokenizeriter_next

    The next token as a 5-tuple; None (StopIteration) after the ENDMARKER.
    """
    assert isinstance(op, tokenizeriterobject)
    t = op.it.next_token()
    if t is None:
        return None
    type, s, start, end, line = t
    return _PyTuple_FromArraySteal([
        PyLong_FromLong(type),
        PyUnicode_FromString(s),
        _PyTuple_FromArraySteal([PyLong_FromLong(start[0]), PyLong_FromLong(start[1])]),
        _PyTuple_FromArraySteal([PyLong_FromLong(end[0]), PyLong_FromLong(end[1])]),
        PyUnicode_FromString(line),
    ])


def tokenizeriter_dealloc(op: PyObject) -> None:
    """CPython: Python/Python-tokenize.c:tokenizeriter_dealloc"""
    assert isinstance(op, tokenizeriterobject)
    readline = op.readline
    op.readline = None
    op.it.tok.readline = None
    if readline is not None:
        Py_DECREF(readline)


def _init_types() -> None:
    """CPython: Python/Python-tokenize.c:tokenizeriter_slots"""
    t = PyTokenizerIter_Type
    t.tp_new = tokenizeriter_new
    t.tp_dealloc = tokenizeriter_dealloc
    t.tp_getattro = PyObject_GenericGetAttr
    t.tp_iter = PyObject_SelfIter
    t.tp_iternext = tokenizeriter_next


_init_types()


class _TokenizeModuleState:
    """pyvm: the ``_tokenize`` module once made (C's module state)."""

    module: Optional[PyModuleObject]

    def __init__(self) -> None:
        self.module = None


_state: Final = _TokenizeModuleState()


def tokenizemodule_exec(m: PyModuleObject) -> None:
    """CPython: Python/Python-tokenize.c:tokenizemodule_exec"""
    PyModule_AddObjectRef(m, "TokenizerIter", PyTokenizerIter_Type)


def PyInit__tokenize() -> PyModuleObject:
    """CPython: Python/Python-tokenize.c:PyInit__tokenize

    The module, made on first call.
    """
    m = _state.module
    if m is not None:
        return m
    m = PyModule_New("_tokenize")
    m.md_builtin = True
    tokenizemodule_exec(m)
    _state.module = m
    return m
