"""Ports Objects/codeobject.c and Include/cpython/code.h: the code object.

A code object is what the compiler hands the interpreter: the bytecode with its
inline CACHE units (``co_code``, exactly CPython 3.14's bytes), the constants and
names it refers to, the ``localsplus`` layout of its frame (names and kinds), and
the two tables the interpreter reads on the side: the exception table
(``co_exceptiontable``) and the location table (``co_linetable``, PEP 626/657).
InternalDocs/code_objects.md describes both formats.

The fields are C's. The compiler builds one through :class:`_PyCodeConstructor`
and :func:`_PyCode_New`, as ``Python/assemble.c:makecode`` does. The interpreter
executes ``co_code_adaptive``, a mutable copy of ``co_code`` (a host list of 16-bit
code units) that quickening rewrites in place; ``co_code`` itself never changes,
which is why ``dis`` without ``--adaptive`` shows the original instructions.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Final, Optional

from pyvm.objects.object import (
    Py_INCREF, PyObject, PyTypeObject, MANAGED_WEAKREF_OFFSET, PyObject_ClearWeakRefs,
    _debug_name, Py_DECREF, PyErr_SetString,
)
from pyvm.compile.opcode import (
    JUMP_BACKWARD, MIN_INSTRUMENTED_OPCODE, POP_JUMP_IF_FALSE, POP_JUMP_IF_NONE,
    POP_JUMP_IF_NOT_NONE, POP_JUMP_IF_TRUE, _PyOpcode_Caches, _PyOpcode_Deopt, opmap,
)
from pyvm.objects.exceptions import PyExc_SystemError
from pyvm.objects.tupleobject import PyTupleObject
from pyvm.objects.unicodeobject import PyUnicode_InternInPlace, PyUnicode_Type
from pyvm.objects.longobject import PyLong_FromLong
from pyvm.objects.bytesobject import PyBytes_FromString
from pyvm.objects.descrobject import PyGetSetDef, _PyType_AddGetSets

# CPython: Include/cpython/code.h:CO_OPTIMIZED (and the flags beside it)
CO_OPTIMIZED: Final = 0x0001
CO_NEWLOCALS: Final = 0x0002
CO_VARARGS: Final = 0x0004
CO_VARKEYWORDS: Final = 0x0008
CO_NESTED: Final = 0x0010
CO_GENERATOR: Final = 0x0020
CO_COROUTINE: Final = 0x0080
CO_ITERABLE_COROUTINE: Final = 0x0100
CO_ASYNC_GENERATOR: Final = 0x0200
CO_HAS_DOCSTRING: Final = 0x4000000
CO_METHOD: Final = 0x8000000

# CPython: Include/internal/pycore_code.h:CO_FAST_HIDDEN (localsplus kinds)
CO_FAST_ARG_POS: Final = 0x02
CO_FAST_ARG_KW: Final = 0x04
CO_FAST_ARG_VAR: Final = 0x08
CO_FAST_ARGS: Final = 0x0E
CO_FAST_HIDDEN: Final = 0x10
CO_FAST_LOCAL: Final = 0x20
CO_FAST_CELL: Final = 0x40
CO_FAST_FREE: Final = 0x80

PyCode_Type: Final = PyTypeObject("code")


class _PyCodeConstructor:
    """CPython: Include/internal/pycore_code.h:_PyCodeConstructor

    Everything the assembler knows about a finished code unit. The object
    fields hold pyvm objects (``consts`` is a pyvm tuple, the names are pyvm
    tuples of str) so that the code object owns real references.
    """

    filename: PyObject
    name: PyObject
    qualname: PyObject
    flags: int
    code: bytes
    firstlineno: int
    linetable: bytes
    consts: PyObject
    names: PyObject
    localsplusnames: PyObject
    localspluskinds: bytes
    argcount: int
    posonlyargcount: int
    kwonlyargcount: int
    stacksize: int
    exceptiontable: bytes

    def __init__(self, filename: PyObject, name: PyObject, qualname: PyObject,
                 flags: int, code: bytes, firstlineno: int, linetable: bytes,
                 consts: PyObject, names: PyObject, localsplusnames: PyObject,
                 localspluskinds: bytes, argcount: int, posonlyargcount: int,
                 kwonlyargcount: int, stacksize: int, exceptiontable: bytes) -> None:
        self.filename = filename
        self.name = name
        self.qualname = qualname
        self.flags = flags
        self.code = code
        self.firstlineno = firstlineno
        self.linetable = linetable
        self.consts = consts
        self.names = names
        self.localsplusnames = localsplusnames
        self.localspluskinds = localspluskinds
        self.argcount = argcount
        self.posonlyargcount = posonlyargcount
        self.kwonlyargcount = kwonlyargcount
        self.stacksize = stacksize
        self.exceptiontable = exceptiontable


class PyCodeObject(PyObject):
    """CPython: Include/cpython/code.h:PyCodeObject

    ``co_consts_items`` / ``co_names_items`` / ``co_localsplusnames_items`` are the
    tuples' item lists, kept beside the tuples so that ``LOAD_CONST`` and
    ``LOAD_NAME`` index a host list directly (pyvm: C indexes the tuple's
    ``ob_item`` array the same way).
    """

    co_consts: PyObject
    co_names: PyObject
    co_exceptiontable: bytes
    co_flags: int
    co_argcount: int
    co_posonlyargcount: int
    co_kwonlyargcount: int
    co_stacksize: int
    co_firstlineno: int
    co_nlocalsplus: int
    co_framesize: int
    co_nlocals: int
    co_ncellvars: int
    co_nfreevars: int
    co_localsplusnames: PyObject
    co_localspluskinds: bytes
    co_filename: PyObject
    co_name: PyObject
    co_qualname: PyObject
    co_linetable: bytes
    co_code: bytes
    co_code_adaptive: list[int]
    co_consts_items: list[PyObject]
    co_names_items: list[PyObject]
    co_localsplusnames_items: list[PyObject]

    def __init__(self) -> None:
        super().__init__(PyCode_Type)

    def _debug_detail(self) -> str:
        """pyvm: the qualified name, for ``PyObject.__repr__``."""
        return _debug_name(self.co_qualname)


# CPython: Python/instrumentation.c:DE_INSTRUMENT
# Each INSTRUMENTED_X opcode -> X (INSTRUMENTED_LINE and INSTRUMENTED_INSTRUCTION
# have no base of their own).
DE_INSTRUMENT: Final[dict[int, int]] = {
    op: opmap[name[len("INSTRUMENTED_"):]] for name, op in opmap.items()
    if name.startswith("INSTRUMENTED_") and name[len("INSTRUMENTED_"):] in opmap
}


def _Py_GetBaseCodeUnit(opcode: int) -> int:
    """CPython: Python/instrumentation.c:_Py_GetBaseCodeUnit

    pyvm: the opcode part only (the argument is unchanged). A code object here
    has no executors or monitoring data: ``ENTER_EXECUTOR``,
    ``INSTRUMENTED_LINE`` and ``INSTRUMENTED_INSTRUCTION`` stay as they are
    (C would read that missing data)."""
    if opcode < MIN_INSTRUMENTED_OPCODE:
        return _PyOpcode_Deopt[opcode]
    base = DE_INSTRUMENT.get(opcode)
    return base if base is not None else _PyOpcode_Deopt[opcode]


# CPython: Include/internal/pycore_backoff.h:initial_jump_backoff_counter
# The first values _PyCode_Quicken writes into inline caches (a backoff counter
# is ``value << 4 | backoff``): JUMP_BACKWARD's (4095, 12), the POP_JUMP_IFs'
# alternating bits, every other adaptive instruction's warm-up (1, 1)
# (adaptive_counter_warmup).
_JUMP_COUNTER: Final = (4095 << 4) | 12
_POP_JUMP_CACHE: Final = 0x5555
_ADAPTIVE_WARMUP_COUNTER: Final = (1 << 4) | 1


def _PyCode_Quicken(units: bytearray) -> None:
    """CPython: Python/specialize.c:_PyCode_Quicken

    Write the initial counters into the first cache unit of each instruction
    that has caches (``units`` is the code as bytes, two per code unit). C
    does this to the code a code object executes, which is what
    ``deopt_code`` later reads; pyvm's eval loop keeps its own counters, so
    this runs only on the copy that becomes ``co_code``."""
    size = len(units) // 2
    i = 0
    while i < size - 1:
        opcode = units[2 * i]
        caches = _PyOpcode_Caches[opcode]
        if caches:
            if opcode == JUMP_BACKWARD:
                c = _JUMP_COUNTER
            elif opcode in (POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE,
                            POP_JUMP_IF_NOT_NONE):
                c = _POP_JUMP_CACHE
            else:
                c = _ADAPTIVE_WARMUP_COUNTER
            units[2 * i + 2] = c & 0xFF
            units[2 * i + 3] = c >> 8
            i += caches
        i += 1


def deopt_code(code: bytes) -> bytes:
    """CPython: Objects/codeobject.c:deopt_code

    The bytes ``co_code`` shows (``_PyCode_GetCode``): the quickened code
    (:func:`_PyCode_Quicken`) with every instruction's base opcode and its
    inline caches zeroed. For the compiler's code this gives the same bytes;
    code from marshal data may hold specialised opcodes, cache contents, or
    opcodes whose caches overlap the next instruction.
    """
    out = bytearray(code)
    _PyCode_Quicken(out)
    n = len(out) // 2
    i = 0
    while i < n:
        op = _Py_GetBaseCodeUnit(out[2 * i])
        out[2 * i] = op
        caches = _PyOpcode_Caches[op]
        j = 1
        while j <= caches and i + j < n:
            out[2 * (i + j)] = 0
            out[2 * (i + j) + 1] = 0
            j += 1
        i += caches + 1
    return bytes(out)


def intern_strings(tup: PyObject) -> None:
    """CPython: Objects/codeobject.c:intern_strings

    Every item must be an exact str; each is replaced by its interned string."""
    assert isinstance(tup, PyTupleObject)
    items = tup.ob_item
    for i in range(len(items) - 1, -1, -1):
        v = items[i]
        if v.ob_type is not PyUnicode_Type:
            PyErr_SetString(PyExc_SystemError, "non-string found in code slot")
        t = PyUnicode_InternInPlace(v)
        if t is not v:
            items[i] = t
            Py_DECREF(v)


def intern_code_constants(con: _PyCodeConstructor) -> None:
    """CPython: Objects/codeobject.c:intern_code_constants

    pyvm: the names and the localsplus names are checked and interned;
    string constants are not interned (``intern_constants``): pyvm's interned
    strings are immortal, and which constants share one object is not visible
    in what a program or marshal shows."""
    intern_strings(con.names)
    intern_strings(con.localsplusnames)


def _PyCode_New(con: _PyCodeConstructor) -> PyCodeObject:
    """CPython: Objects/codeobject.c:_PyCode_New

    Takes new references to the constructor's objects (the filename and names are
    interned, as ``init_code`` does). The counts of locals,
    cells and free variables come from ``localspluskinds`` as
    ``get_localsplus_counts`` computes them.
    """
    intern_code_constants(con)
    co = PyCodeObject()
    for o in (con.consts, con.names, con.localsplusnames):
        Py_INCREF(o)
    # init_code interns the three strings (_PyUnicode_InternMortal); pyvm's
    # interned strings are immortal, so the code object holds them uncounted.
    co.co_filename = PyUnicode_InternInPlace(con.filename)
    co.co_name = PyUnicode_InternInPlace(con.name)
    co.co_qualname = PyUnicode_InternInPlace(con.qualname)
    co.co_flags = con.flags
    co.co_code = deopt_code(con.code)
    co.co_firstlineno = con.firstlineno
    co.co_linetable = con.linetable
    co.co_consts = con.consts
    co.co_names = con.names
    co.co_localsplusnames = con.localsplusnames
    co.co_localspluskinds = con.localspluskinds
    co.co_argcount = con.argcount
    co.co_posonlyargcount = con.posonlyargcount
    co.co_kwonlyargcount = con.kwonlyargcount
    # init_code: a code object always has room for one stack item.
    co.co_stacksize = con.stacksize if con.stacksize != 0 else 1
    co.co_exceptiontable = con.exceptiontable
    nlocals, ncells, nfrees = get_localsplus_counts(con.localspluskinds)
    co.co_nlocalsplus = len(con.localspluskinds)
    co.co_nlocals = nlocals
    co.co_ncellvars = ncells
    co.co_nfreevars = nfrees
    # pyvm: C adds FRAME_SPECIALS_SIZE, the frame header kept in the same array;
    # pyvm's frame keeps those as fields, so localsplus is locals plus the stack.
    co.co_framesize = co.co_nlocalsplus + co.co_stacksize
    code = con.code
    co.co_code_adaptive = [code[i] | (code[i + 1] << 8) for i in range(0, len(code), 2)]
    consts = con.consts
    names = con.names
    lpnames = con.localsplusnames
    assert isinstance(consts, PyTupleObject)
    assert isinstance(names, PyTupleObject)
    assert isinstance(lpnames, PyTupleObject)
    co.co_consts_items = consts.ob_item
    co.co_names_items = names.ob_item
    co.co_localsplusnames_items = lpnames.ob_item
    return co


def get_localsplus_counts(kinds: bytes) -> tuple[int, int, int]:
    """CPython: Objects/codeobject.c:get_localsplus_counts"""
    nlocals = 0
    ncells = 0
    nfrees = 0
    for k in kinds:
        if k & CO_FAST_LOCAL:
            nlocals += 1
            if k & CO_FAST_CELL:
                ncells += 1
        elif k & CO_FAST_CELL:
            ncells += 1
        elif k & CO_FAST_FREE:
            nfrees += 1
    return nlocals, ncells, nfrees


def code_dealloc(op: PyObject) -> None:
    """CPython: Objects/codeobject.c:code_dealloc"""
    assert isinstance(op, PyCodeObject)
    PyObject_ClearWeakRefs(op)
    for o in (op.co_filename, op.co_name, op.co_qualname, op.co_consts,
              op.co_names, op.co_localsplusnames):
        Py_DECREF(o)


PyCode_Type.tp_dealloc = code_dealloc
PyCode_Type.tp_weaklistoffset = MANAGED_WEAKREF_OFFSET


def _PyLocals_GetKind(co: PyCodeObject, i: int) -> int:
    """CPython: Include/internal/pycore_code.h:_PyLocals_GetKind"""
    return co.co_localspluskinds[i]


def code_repr_text(co: PyCodeObject, filename: str, name: str, address: Optional[int] = None) -> str:
    """CPython: Objects/codeobject.c:code_repr

    pyvm: the address is ``id()`` of the code object, as C prints its pointer.
    """
    addr = id(co) if address is None else address
    return f'<code object {name} at {addr:#x}, file "{filename}", line {co.co_firstlineno}>'


def _code_member(name: str) -> Callable[[PyObject], PyObject]:
    """pyvm: a getter for one ``co_*`` field (C's ``code_memberlist`` entry)."""
    def get(op: PyObject) -> PyObject:
        assert isinstance(op, PyCodeObject)
        if name == "co_name":
            v: PyObject = op.co_name
        elif name == "co_qualname":
            v = op.co_qualname
        elif name == "co_filename":
            v = op.co_filename
        elif name == "co_consts":
            v = op.co_consts
        elif name == "co_names":
            v = op.co_names
        elif name == "co_firstlineno":
            return PyLong_FromLong(op.co_firstlineno)
        elif name == "co_flags":
            return PyLong_FromLong(op.co_flags)
        elif name == "co_argcount":
            return PyLong_FromLong(op.co_argcount)
        elif name == "co_posonlyargcount":
            return PyLong_FromLong(op.co_posonlyargcount)
        elif name == "co_kwonlyargcount":
            return PyLong_FromLong(op.co_kwonlyargcount)
        elif name == "co_stacksize":
            return PyLong_FromLong(op.co_stacksize)
        elif name == "co_nlocals":
            return PyLong_FromLong(op.co_nlocals)
        else:  # co_code
            return PyBytes_FromString(op.co_code)
        Py_INCREF(v)
        return v
    return get


def _code_init_type() -> None:
    """pyvm: the read-only ``co_*`` attributes a program sees: the entries of
    ``code_memberlist`` in Objects/codeobject.c (a static table, outside the
    index), as getters, with ``co_code`` from ``code_getcode``."""
    _PyType_AddGetSets(PyCode_Type, [
        PyGetSetDef(n, _code_member(n), None)
        for n in ("co_name", "co_qualname", "co_filename", "co_consts", "co_names",
                  "co_firstlineno", "co_flags", "co_argcount", "co_posonlyargcount",
                  "co_kwonlyargcount", "co_stacksize", "co_nlocals", "co_code")])


_code_init_type()
