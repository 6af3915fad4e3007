"""Ports Objects/methodobject.c and Include/methodobject.h: ``PyMethodDef`` and the
``builtin_function_or_method`` type.

A builtin function (``len``) or a builtin method bound to its object
(``[].append``) is a :class:`PyCFunctionObject`: a :class:`PyMethodDef` (name,
flags, the host function) plus ``m_self``, the object the function is bound to
(the module for module-level functions, C's ``NULL`` as None for none).

The calling conventions are C's, with the argument vector as a host list:

===========================  =========================================================
``METH_NOARGS``              ``f(self) -> PyObject``
``METH_O``                   ``f(self, arg) -> PyObject``
``METH_FASTCALL``            ``f(self, args: list[PyObject]) -> PyObject``
``METH_FASTCALL|METH_KEYWORDS`` ``f(self, args, kwnames: Optional[PyObject])``: the
                             positional arguments followed by one value per name of the
                             ``kwnames`` tuple (C's ``nargs`` is ``len(args) - len(kwnames)``)
``METH_VARARGS|METH_KEYWORDS`` ``f(self, args tuple, kwargs dict or None)``
===========================  =========================================================

Calls go through the type's vectorcall (``cfunction_vectorcall_*``), which in the
compiled build is one native call into the flavour that matches the flags; the
vector is sliced only when it does not already hold exactly the arguments.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Final, Optional, TypeAlias

from pyvm.objects.object import (
    Py_DECREF, Py_INCREF, Py_None, Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_HAVE_VECTORCALL,
    Py_XDECREF, PyErr_Format, PyObject, PyTypeObject, _Py_HashPointer,
    MANAGED_WEAKREF_OFFSET, PyObject_ClearWeakRefs, _unicode_value, PyUnicode_Check,
    PyObject_Hash, Py_EQ, Py_NE, Py_NotImplemented,
)
from pyvm.objects.call import _PyStack_AsDict, PyVectorcall_Call

# CPython: Include/methodobject.h:METH_VARARGS (and the flags beside it)
METH_VARARGS: Final = 0x0001
METH_KEYWORDS: Final = 0x0002
METH_NOARGS: Final = 0x0004
METH_O: Final = 0x0008
METH_CLASS: Final = 0x0010
METH_STATIC: Final = 0x0020
METH_COEXIST: Final = 0x0040
METH_FASTCALL: Final = 0x0080
METH_METHOD: Final = 0x0200

_CALL_FLAGS: Final = METH_VARARGS | METH_FASTCALL | METH_NOARGS | METH_O | METH_KEYWORDS | METH_METHOD

PyCFunction_NoArgs: TypeAlias = "Callable[[PyObject], PyObject]"
PyCFunction_O: TypeAlias = "Callable[[PyObject, PyObject], PyObject]"
PyCFunctionFast: TypeAlias = "Callable[[PyObject, list[PyObject]], PyObject]"
PyCFunctionFastWithKeywords: TypeAlias = (
    "Callable[[PyObject, list[PyObject], Optional[PyObject]], PyObject]")
PyCFunctionWithKeywords: TypeAlias = "Callable[[PyObject, PyObject, Optional[PyObject]], PyObject]"


class PyMethodDef:
    """CPython: Include/methodobject.h:PyMethodDef

    ``PyMethodDef(name, func, flags, doc)``. The host function is stored in the
    field that matches its calling convention, so each call site is typed.
    """

    ml_name: str
    ml_flags: int
    ml_doc: Optional[str]
    ml_noargs: Optional[PyCFunction_NoArgs]
    ml_o: Optional[PyCFunction_O]
    ml_fast: Optional[PyCFunctionFast]
    ml_fast_kw: Optional[PyCFunctionFastWithKeywords]
    ml_varargs: Optional[PyCFunctionWithKeywords]

    def __init__(self, name: str, meth: Callable[..., PyObject], flags: int,
                 doc: Optional[str] = None) -> None:
        self.ml_name = name
        self.ml_flags = flags
        self.ml_doc = doc
        self.ml_noargs = None
        self.ml_o = None
        self.ml_fast = None
        self.ml_fast_kw = None
        self.ml_varargs = None
        kind = flags & _CALL_FLAGS
        if kind == METH_NOARGS:
            self.ml_noargs = meth
        elif kind == METH_O:
            self.ml_o = meth
        elif kind == METH_FASTCALL:
            self.ml_fast = meth
        elif kind == METH_FASTCALL | METH_KEYWORDS:
            self.ml_fast_kw = meth
        elif kind == METH_VARARGS | METH_KEYWORDS or kind == METH_VARARGS:
            # pyvm: plain METH_VARARGS functions take (self, args, None) too.
            self.ml_varargs = meth
        else:
            raise SystemError(f"pyvm: {name}() method: bad call flags")


class PyCFunctionObject(PyObject):
    """CPython: Include/cpython/methodobject.h:PyCFunctionObject

    ``m_self`` is an owned reference or None (C's NULL); ``m_module`` is the
    ``__module__`` value (an owned str object) or None.
    """

    m_ml: PyMethodDef
    m_self: Optional[PyObject]
    m_module: Optional[PyObject]

    def __init__(self, ml: PyMethodDef, self_: Optional[PyObject], module: Optional[PyObject]) -> None:
        super().__init__(PyCFunction_Type)
        self.m_ml = ml
        self.m_self = self_
        self.m_module = module

    def _debug_detail(self) -> str:
        """pyvm: the name, for ``PyObject.__repr__``."""
        return self.m_ml.ml_name


# pyvm: the static ``PyCFunction_Type`` of Objects/methodobject.c
PyCFunction_Type: Final = PyTypeObject(
    "builtin_function_or_method", None, Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL)


def PyCFunction_NewEx(ml: PyMethodDef, self_: Optional[PyObject],
                      module: Optional[PyObject] = None) -> PyObject:
    """CPython: Objects/methodobject.c:PyCFunction_NewEx

    Takes new references to ``self_`` and ``module``.
    """
    if self_ is not None:
        Py_INCREF(self_)
    if module is not None:
        Py_INCREF(module)
    return PyCFunctionObject(ml, self_, module)


def PyCFunction_New(ml: PyMethodDef, self_: Optional[PyObject]) -> PyObject:
    """CPython: Objects/methodobject.c:PyCFunction_New"""
    return PyCFunction_NewEx(ml, self_, None)


def PyCFunction_Check(op: PyObject) -> bool:
    """CPython: Include/methodobject.h:PyCFunction_Check"""
    return op.ob_type is PyCFunction_Type


def meth_dealloc(op: PyObject) -> None:
    """CPython: Objects/methodobject.c:meth_dealloc"""
    assert isinstance(op, PyCFunctionObject)
    PyObject_ClearWeakRefs(op)
    s = op.m_self
    m = op.m_module
    op.m_self = None
    op.m_module = None
    Py_XDECREF(s)
    Py_XDECREF(m)


def _cfunction_self(op: PyCFunctionObject) -> PyObject:
    """pyvm: the first argument of the C function: ``m_self`` or None's stand-in
    for C's NULL."""
    s = op.m_self
    return s if s is not None else Py_None


def _PyCFunction_FunctionStr(op: PyCFunctionObject) -> str:
    """CPython: Objects/object.c:_PyObject_FunctionStr

    pyvm: computed from the fields (``__qualname__`` / ``__module__`` of a
    builtin) instead of by attribute lookups: ``len()``, ``list.append()``,
    ``math.sqrt()``.
    """
    name = op.m_ml.ml_name
    s = op.m_self
    if s is not None and not _is_module(s):
        tp = s if isinstance(s, PyTypeObject) else s.ob_type
        from pyvm.objects.typeobject import _PyType_Name  # cycle: typeobject imports us
        return f"{_PyType_Name(tp)}.{name}()"
    m = op.m_module
    if m is not None:
        if PyUnicode_Check(m):
            mod = _unicode_value(m)
            if mod != "builtins":
                return f"{mod}.{name}()"
    return f"{name}()"


def _is_module(op: PyObject) -> bool:
    """pyvm: ``PyModule_Check`` by type name, to stay below the module object."""
    return op.ob_type.tp_name == "module"


def _type_error(msg: str) -> None:
    """pyvm: raise TypeError (the exception types sit above this module)."""
    from pyvm.objects.exceptions import PyExc_TypeError  # cycle: exceptions imports us
    PyErr_Format(PyExc_TypeError, msg)


def _kwnames_len(kwnames: Optional[PyObject]) -> int:
    """pyvm: the number of keyword names of a vectorcall."""
    if kwnames is None:
        return 0
    from pyvm.objects.tupleobject import PyTupleObject  # cycle
    assert isinstance(kwnames, PyTupleObject)
    return len(kwnames.ob_item)


def cfunction_vectorcall(func: PyObject, args: list[PyObject], start: int, nargs: int,
                         kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/methodobject.c:cfunction_vectorcall_FASTCALL

    One entry for every flavour (C installs one of ``cfunction_vectorcall_NOARGS``,
    ``_O``, ``_FASTCALL``, ``_FASTCALL_KEYWORDS`` or ``cfunction_call`` as the
    object's vectorcall); the flavour is the field of the method def that is set.
    CPython: Objects/methodobject.c:cfunction_vectorcall_NOARGS
    CPython: Objects/methodobject.c:cfunction_vectorcall_O
    CPython: Objects/methodobject.c:cfunction_vectorcall_FASTCALL_KEYWORDS
    """
    assert isinstance(func, PyCFunctionObject)
    ml = func.m_ml
    f_o = ml.ml_o
    if f_o is not None:
        if kwnames is not None and _kwnames_len(kwnames) > 0:
            _type_error(f"{_PyCFunction_FunctionStr(func)} takes no keyword arguments")
        if nargs != 1:
            _type_error(f"{_PyCFunction_FunctionStr(func)} takes exactly one argument ({nargs} given)")
        return f_o(_cfunction_self(func), args[start])
    f_fast = ml.ml_fast
    if f_fast is not None:
        if kwnames is not None and _kwnames_len(kwnames) > 0:
            _type_error(f"{_PyCFunction_FunctionStr(func)} takes no keyword arguments")
        if start == 0 and nargs == len(args):
            return f_fast(_cfunction_self(func), args)
        return f_fast(_cfunction_self(func), args[start:start + nargs])
    f_noargs = ml.ml_noargs
    if f_noargs is not None:
        if kwnames is not None and _kwnames_len(kwnames) > 0:
            _type_error(f"{_PyCFunction_FunctionStr(func)} takes no keyword arguments")
        if nargs != 0:
            _type_error(f"{_PyCFunction_FunctionStr(func)} takes no arguments ({nargs} given)")
        return f_noargs(_cfunction_self(func))
    f_kw = ml.ml_fast_kw
    if f_kw is not None:
        total = nargs + _kwnames_len(kwnames)
        if start == 0 and total == len(args):
            return f_kw(_cfunction_self(func), args, kwnames)
        return f_kw(_cfunction_self(func), args[start:start + total], kwnames)
    f_va = ml.ml_varargs
    assert f_va is not None
    from pyvm.objects.tupleobject import _PyTuple_FromArray  # cycle
    argtuple = _PyTuple_FromArray(args[start:start + nargs])
    kwdict: Optional[PyObject] = None
    if kwnames is not None and _kwnames_len(kwnames) > 0:
        if not (ml.ml_flags & METH_KEYWORDS):
            Py_DECREF(argtuple)
            _type_error(f"{ml.ml_name}() takes no keyword arguments")
        kwdict = _PyStack_AsDict(args, start + nargs, kwnames)
    try:
        return f_va(_cfunction_self(func), argtuple, kwdict)
    finally:
        Py_DECREF(argtuple)
        if kwdict is not None:
            Py_DECREF(kwdict)


def cfunction_call(func: PyObject, args: PyObject, kwargs: Optional[PyObject]) -> PyObject:
    """CPython: Objects/methodobject.c:cfunction_call"""
    return PyVectorcall_Call(func, args, kwargs)


def meth_repr(op: PyObject) -> PyObject:
    """CPython: Objects/methodobject.c:meth_repr"""
    assert isinstance(op, PyCFunctionObject)
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    s = op.m_self
    if s is None or _is_module(s):
        return PyUnicode_FromString(f"<built-in function {op.m_ml.ml_name}>")
    return PyUnicode_FromString(
        f"<built-in method {op.m_ml.ml_name} of {s.ob_type.tp_name} object at {id(s):#x}>")


def meth_hash(op: PyObject) -> int:
    """CPython: Objects/methodobject.c:meth_hash"""
    assert isinstance(op, PyCFunctionObject)
    s = op.m_self
    x = _Py_HashPointer(s) if s is not None else 0
    y = _Py_HashPointer(op.m_ml)
    x ^= y
    if x == -1:
        x = -2
    return x


def meth_richcompare(a: PyObject, b: PyObject, op: int) -> PyObject:
    """CPython: Objects/methodobject.c:meth_richcompare"""
    if (op != Py_EQ and op != Py_NE) or not isinstance(a, PyCFunctionObject) or \
            not isinstance(b, PyCFunctionObject):
        return Py_NotImplemented
    eq = a.m_self is b.m_self and a.m_ml is b.m_ml
    from pyvm.objects.boolobject import Py_False, Py_True  # cycle
    if op == Py_EQ:
        return Py_True if eq else Py_False
    return Py_False if eq else Py_True


def meth_get__name__(op: PyObject) -> PyObject:
    """CPython: Objects/methodobject.c:meth_get__name__"""
    assert isinstance(op, PyCFunctionObject)
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    return PyUnicode_FromString(op.m_ml.ml_name)


def meth_get__qualname__(op: PyObject) -> PyObject:
    """CPython: Objects/methodobject.c:meth_get__qualname__"""
    assert isinstance(op, PyCFunctionObject)
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    s = _PyCFunction_FunctionStr(op)
    if op.m_module is not None and op.m_self is not None and _is_module(op.m_self):
        return PyUnicode_FromString(op.m_ml.ml_name)
    return PyUnicode_FromString(s[:-2])


def meth_get__self__(op: PyObject) -> PyObject:
    """CPython: Objects/methodobject.c:meth_get__self__"""
    assert isinstance(op, PyCFunctionObject)
    s = op.m_self
    if s is None:
        return Py_None
    Py_INCREF(s)
    return s


def meth_get__doc__(op: PyObject) -> PyObject:
    """CPython: Objects/methodobject.c:meth_get__doc__"""
    assert isinstance(op, PyCFunctionObject)
    d = op.m_ml.ml_doc
    if d is None:
        return Py_None
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    return PyUnicode_FromString(d)


def meth_get__module__(op: PyObject) -> PyObject:
    """pyvm: the ``__module__`` member of builtin functions (``m_module``)."""
    assert isinstance(op, PyCFunctionObject)
    m = op.m_module
    if m is None:
        return Py_None
    Py_INCREF(m)
    return m


def _init_type() -> None:
    """pyvm: the static initializer of ``PyCFunction_Type`` (its getsets are
    registered by descrobject, which sits above this module)."""
    tp = PyCFunction_Type
    tp.tp_dealloc = meth_dealloc
    tp.tp_weaklistoffset = MANAGED_WEAKREF_OFFSET
    tp.tp_repr = meth_repr
    tp.tp_hash = meth_hash
    tp.tp_richcompare = meth_richcompare
    tp.tp_call = cfunction_call
    tp.tp_vectorcall = cfunction_vectorcall


_init_type()
