"""Ports Python/bltinmodule.c: the ``builtins`` module.

The module holds the builtin functions (``print``, ``len``, ``min`` …, each a
``builtin_function_or_method`` made from a :class:`PyMethodDef`), the builtin
types (``int``, ``str``, ``list`` …, made by their own modules), the three
iterator types that bltinmodule.c itself defines (``map``, ``filter``,
``zip``), the constants (``None``, ``Ellipsis``, ``NotImplemented``, ``True``,
``False``) and every builtin exception type.

Each function keeps C's argument handling and messages. The calling
conventions are methodobject.py's: ``METH_O`` functions take ``(module, arg)``,
``METH_FASTCALL`` ones ``(module, args)``, and ``METH_FASTCALL|METH_KEYWORDS``
ones ``(module, args, kwnames)`` with the keyword values after the positional
ones.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.objects.abstract import (
    PyBuffer_Release, PyObject_GetAIter, PyObject_GetBuffer,
    PyIter_Next, PyMapping_Check, PyNumber_Absolute, PyNumber_Add, PyNumber_Divmod, PyNumber_Index,
    PyNumber_Power, PyNumber_ToBase, PyObject_Format, PyObject_GetIter,
    PyObject_IsInstance, PyObject_IsSubclass, PyObject_SetItem, PyObject_Size, PySequence_List,
)
from pyvm.objects.boolobject import Py_False, Py_True, PyBool_Type
from pyvm.objects.call import PyObject_CallOneArg, PyObject_Vectorcall, PyObject_VectorcallDict
from pyvm.objects.dictobject import (
    PyDict_GetItemWithError, PyDict_SetItem, PyDictObject, PyDict_DelItem, PyDict_New,
    PyDict_Type,
)
from pyvm.objects.exceptions import (
    PyExc_StopIteration, PyExc_TypeError, PyExc_ValueError, _PyExc_InitState,
    PyExc_OverflowError, PyExc_RuntimeError, PyExc_SyntaxError, PyExc_SystemError,
    PyExc_UnicodeEncodeError,
)
from pyvm.objects.longobject import PyLong_AsInt, PyLong_FromLong, PyLongObject, PyLong_AsDouble, PyLong_Type
from pyvm.objects.methodobject import (
    METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O, PyCFunction_NewEx, PyMethodDef,
)
from pyvm.objects.moduleobject import PyModule_AddObjectRef, PyModule_New, PyModuleObject
from pyvm.objects.object import (
    Py_DECREF, Py_INCREF, Py_None, Py_NotImplemented, Py_TPFLAGS_BASETYPE,
    Py_TPFLAGS_HAVE_GC, Py_XDECREF, PyBaseObject_Type, PyCallable_Check, PyErr,
    PyErr_SetString, PyObject, PyObject_ASCII, PyObject_DelAttr, PyObject_GetAttr,
    PyObject_GetOptionalAttr, PyObject_Hash, PyObject_Repr, PyObject_RichCompareBool,
    PyObject_SelfIter, PyObject_SetAttr, PyObject_Str, PyType_Type, PyTypeObject, Py_GT,
    Py_LT, _PyType_Lookup, PyObject_IsTrue, PyUnicode_Check, PyBUF_SIMPLE, _PyErr_Clear,
    _PyObject_ReprStr,
)
from pyvm.objects.tupleobject import PyTupleObject, _PyTuple_FromArraySteal, PyTuple_Type
from pyvm.objects.unicodeobject import (
    PyUnicode_FromString, PyUnicode_InternFromString, PyUnicodeObject,
    _PyArg_CheckPositional, _PyArg_UnpackKeywords, PyUnicode_FromOrdinal, PyUnicode_Type,
)
from pyvm.pystate import _interp, _tstate
from pyvm.modules.sysmodule import (
    PyStdPrinter_Object, _PyStdPrinter_WriteHost, _PySys_GetStdout,
)
from pyvm.objects.bytesobject import PyBytesObject, PyBytes_Type
from pyvm.objects.iterobject import PyCallIter_New, PyAnextAwaitable_New
from pyvm.compile.future import (
    PyCF_COMPILE_MASK, PyCF_IGNORE_COOKIE, PyCF_MASK, PyCF_MASK_OBSOLETE, PyCF_ONLY_AST, PyCF_OPTIMIZED_AST,
    PyCF_SOURCE_IS_UTF8,
)
from pyvm.objects.bytearrayobject import PyByteArrayObject
from pyvm.objects.funcobject import PyFunction_New
from pyvm.objects.typeobject import PyType_Ready, _PyType_CalculateMetaclass, PySuper_Type
from pyvm.objects.floatobject import PyFloat_FromDouble, PyFloatObject, PyFloat_Type
from pyvm.objects.listobject import _PyList_FromArraySteal, PyList_Type
from pyvm.objects.frameobject import _PyFrame_GetFrameObject, frame_getlocals
from pyvm.compile.ast_validate import _PyAST_Validate
from pyvm.compile.compile import (
    Py_CompileString, Py_CompileStringObject, _PyAST_Compile, _PyCompile_AstPreprocess,
)
from pyvm.compile.python_ast import PyAST_Check, PyAST_obj2mod, PyAST_mod2obj
from pyvm.objects.codeobject import PyCodeObject
from pyvm.objects.cellobject import PyCellObject
from pyvm.objects.funcobject import PyFunctionObject
from pyvm.objects import exceptions
from pyvm.objects.enumobject import PyEnum_Type, PyReversed_Type
from pyvm.objects.rangeobject import PyRange_Type
from pyvm.objects.sliceobject import PySlice_Type, Py_Ellipsis
from pyvm.objects.classobject import PyClassMethod_Type, PyProperty_Type, PyStaticMethod_Type
from pyvm.objects.bytearrayobject import PyByteArray_Type
from pyvm.objects.memoryobject import PyMemoryView_Type
from pyvm.objects.setobject import PyFrozenSet_Type, PySet_Type
from pyvm.objects.complexobject import PyComplex_Type


def _kwcount(kwnames: Optional[PyObject]) -> int:
    """pyvm: the number of keyword arguments in a vectorcall."""
    if kwnames is None:
        return 0
    assert isinstance(kwnames, PyTupleObject)
    return len(kwnames.ob_item)


def _kwname(kwnames: Optional[PyObject], i: int) -> str:
    """pyvm: the i-th keyword name of a vectorcall."""
    assert isinstance(kwnames, PyTupleObject)
    k = kwnames.ob_item[i]
    assert isinstance(k, PyUnicodeObject)
    return k.value


def _no_kwargs(fname: str, kwnames: Optional[PyObject]) -> None:
    """CPython: Python/getargs.c:_PyArg_NoKwnames"""
    if _kwcount(kwnames):
        PyErr_SetString(PyExc_TypeError, f"{fname}() takes no keyword arguments")


def _new_ref(o: PyObject) -> PyObject:
    """pyvm: ``Py_NewRef``."""
    Py_INCREF(o)
    return o


def _bool(b: bool) -> PyObject:
    """pyvm: ``PyBool_FromLong``."""
    return Py_True if b else Py_False


# ---------------------------------------------------------------------------
# print and the stream helpers


def PyFile_WriteString(s: str, f: PyObject) -> None:
    """CPython: Objects/fileobject.c:PyFile_WriteString"""
    if isinstance(f, PyStdPrinter_Object) and f.fd != 0:
        # pyvm: the printer's write, without a method lookup per call.
        _PyStdPrinter_WriteHost(f.fd, s)
        return
    o = PyUnicode_FromString(s)
    try:
        PyFile_WriteObjectRaw(o, f)
    finally:
        Py_DECREF(o)


def PyFile_WriteObjectRaw(v: PyObject, f: PyObject) -> None:
    """CPython: Objects/fileobject.c:PyFile_WriteObject

    (with ``Py_PRINT_RAW``: ``v`` must already be the text to write.)
    """
    writer = PyObject_GetAttr(f, PyUnicode_InternFromString("write"))
    try:
        r = PyObject_CallOneArg(writer, v)
        Py_DECREF(r)
    finally:
        Py_DECREF(writer)


def builtin_print(module: PyObject, args: list[PyObject],
                  kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_print_impl"""
    nkw = _kwcount(kwnames)
    nargs = len(args) - nkw
    sep: Optional[PyObject] = None
    end: Optional[PyObject] = None
    file: Optional[PyObject] = None
    flush: Optional[PyObject] = None
    for i in range(nkw):
        k = _kwname(kwnames, i)
        v = args[nargs + i]
        if k == "sep":
            sep = v
        elif k == "end":
            end = v
        elif k == "file":
            file = v
        elif k == "flush":
            flush = v
        else:
            PyErr_SetString(PyExc_TypeError,
                            f"print() got an unexpected keyword argument '{k}'")
    if file is None or file is Py_None:
        file = _PySys_GetStdout()
        if file is Py_None:
            Py_INCREF(Py_None)
            return Py_None
    sep_s = " "
    if sep is not None and sep is not Py_None:
        if not isinstance(sep, PyUnicodeObject):
            PyErr_SetString(PyExc_TypeError,
                            f"sep must be None or a string, not {sep.ob_type.tp_name[:200]}")
        sep_s = sep.value
    end_s = "\n"
    if end is not None and end is not Py_None:
        if not isinstance(end, PyUnicodeObject):
            PyErr_SetString(PyExc_TypeError,
                            f"end must be None or a string, not {end.ob_type.tp_name[:200]}")
        end_s = end.value
    if isinstance(file, PyStdPrinter_Object):
        # pyvm: one host write per print() call to the standard streams.
        # What was converted before a failing str() is still written, as
        # C's piecewise writes would have written it.
        parts: list[str] = []
        try:
            for i in range(nargs):
                if i > 0:
                    parts.append(sep_s)
                s = PyObject_Str(args[i])
                assert isinstance(s, PyUnicodeObject)
                parts.append(s.value)
                Py_DECREF(s)
        except PyErr:
            PyFile_WriteString("".join(parts), file)
            raise
        parts.append(end_s)
        PyFile_WriteString("".join(parts), file)
    else:
        for i in range(nargs):
            if i > 0:
                PyFile_WriteString(sep_s, file)
            s = PyObject_Str(args[i])
            try:
                PyFile_WriteObjectRaw(s, file)
            finally:
                Py_DECREF(s)
        PyFile_WriteString(end_s, file)
    if flush is not None:
        if PyObject_IsTrue(flush):
            fl = PyObject_GetAttr(file, PyUnicode_InternFromString("flush"))
            r = PyObject_Vectorcall(fl, [], 0, 0, None)
            Py_DECREF(r)
            Py_DECREF(fl)
    Py_INCREF(Py_None)
    return Py_None


# ---------------------------------------------------------------------------
# Simple functions


def builtin_abs(module: PyObject, x: PyObject) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_abs"""
    return PyNumber_Absolute(x)


def builtin_all(module: PyObject, iterable: PyObject) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_all"""
    it = PyObject_GetIter(iterable)
    try:
        while True:
            item = PyIter_Next(it)
            if item is None:
                return _bool(True)
            ok = PyObject_IsTrue(item)
            Py_DECREF(item)
            if not ok:
                return _bool(False)
    finally:
        Py_DECREF(it)


def builtin_any(module: PyObject, iterable: PyObject) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_any"""
    it = PyObject_GetIter(iterable)
    try:
        while True:
            item = PyIter_Next(it)
            if item is None:
                return _bool(False)
            ok = PyObject_IsTrue(item)
            Py_DECREF(item)
            if ok:
                return _bool(True)
    finally:
        Py_DECREF(it)


def builtin_ascii(module: PyObject, obj: PyObject) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_ascii"""
    return PyObject_ASCII(obj)


def builtin_bin(module: PyObject, number: PyObject) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_bin"""
    return PyNumber_ToBase(number, 2)


def builtin_oct(module: PyObject, number: PyObject) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_oct"""
    return PyNumber_ToBase(number, 8)


def builtin_hex(module: PyObject, number: PyObject) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_hex"""
    return PyNumber_ToBase(number, 16)


def builtin_callable(module: PyObject, obj: PyObject) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_callable"""
    return _bool(PyCallable_Check(obj))


def builtin_chr(module: PyObject, i: PyObject) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_chr"""
    if not isinstance(i, PyLongObject):
        idx = PyNumber_Index(i)
        assert isinstance(idx, PyLongObject)
        v = idx.ob_ival
        Py_DECREF(idx)
    else:
        v = i.ob_ival
    if not 0 <= v < 0x110000:
        if v > (1 << 31) - 1 or v < -(1 << 31):
            PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int")
        PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)")
    return PyUnicode_FromOrdinal(v)


def builtin_ord(module: PyObject, c: PyObject) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_ord"""
    if isinstance(c, PyUnicodeObject):
        if len(c.value) == 1:
            return PyLong_FromLong(ord(c.value))
        PyErr_SetString(PyExc_TypeError,
                        f"ord() expected a character, but string of length "
                        f"{len(c.value)} found")
    if isinstance(c, PyBytesObject):
        if len(c.ob_sval) == 1:
            return PyLong_FromLong(c.ob_sval[0])
        PyErr_SetString(PyExc_TypeError,
                        f"ord() expected a character, but string of length "
                        f"{len(c.ob_sval)} found")
    PyErr_SetString(PyExc_TypeError,
                    f"ord() expected string of length 1, but {c.ob_type.tp_name[:200]} found")


def builtin_divmod(module: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_divmod_impl"""
    _PyArg_CheckPositional("divmod", len(args), 2, 2)
    return PyNumber_Divmod(args[0], args[1])


def builtin_format(module: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_format_impl"""
    _PyArg_CheckPositional("format", len(args), 1, 2)
    spec: Optional[PyObject] = None
    if len(args) == 2:
        spec = args[1]
        if not isinstance(spec, PyUnicodeObject):
            PyErr_SetString(PyExc_TypeError,
                            f"format() argument 2 must be str, not {spec.ob_type.tp_name}")
    return PyObject_Format(args[0], spec)


def _attr_name(name: PyObject) -> PyObject:
    """pyvm: the attribute-name check of getattr/setattr/delattr."""
    if not isinstance(name, PyUnicodeObject):
        PyErr_SetString(PyExc_TypeError,
                        f"attribute name must be string, not '{name.ob_type.tp_name}'")
    return name


def builtin_getattr(module: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_getattr"""
    _PyArg_CheckPositional("getattr", len(args), 2, 3)
    name = _attr_name(args[1])
    if len(args) > 2:
        r = PyObject_GetOptionalAttr(args[0], name)
        if r is None:
            return _new_ref(args[2])
        return r
    return PyObject_GetAttr(args[0], name)


def builtin_hasattr(module: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_hasattr_impl"""
    _PyArg_CheckPositional("hasattr", len(args), 2, 2)
    name = _attr_name(args[1])
    r = PyObject_GetOptionalAttr(args[0], name)
    if r is None:
        return _bool(False)
    Py_DECREF(r)
    return _bool(True)


def builtin_setattr(module: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_setattr_impl"""
    _PyArg_CheckPositional("setattr", len(args), 3, 3)
    PyObject_SetAttr(args[0], _attr_name(args[1]), args[2])
    return _new_ref(Py_None)


def builtin_delattr(module: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_delattr_impl"""
    _PyArg_CheckPositional("delattr", len(args), 2, 2)
    PyObject_DelAttr(args[0], _attr_name(args[1]))
    return _new_ref(Py_None)


def builtin_hash(module: PyObject, obj: PyObject) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_hash"""
    return PyLong_FromLong(PyObject_Hash(obj))


def builtin_id(module: PyObject, v: PyObject) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_id_impl

    pyvm: the host ``id()`` of the object stands for its address.
    """
    return PyLong_FromLong(id(v))


def builtin_isinstance(module: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_isinstance_impl"""
    _PyArg_CheckPositional("isinstance", len(args), 2, 2)
    return _bool(PyObject_IsInstance(args[0], args[1]))


def builtin_issubclass(module: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_issubclass_impl"""
    _PyArg_CheckPositional("issubclass", len(args), 2, 2)
    return _bool(PyObject_IsSubclass(args[0], args[1]))


def builtin_iter(module: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_iter"""
    _PyArg_CheckPositional("iter", len(args), 1, 2)
    if len(args) == 1:
        return PyObject_GetIter(args[0])
    if not PyCallable_Check(args[0]):
        PyErr_SetString(PyExc_TypeError, "iter(v, w): v must be callable")
    return PyCallIter_New(args[0], args[1])


def builtin_len(module: PyObject, obj: PyObject) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_len"""
    return PyLong_FromLong(PyObject_Size(obj))


def builtin_next(module: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_next"""
    _PyArg_CheckPositional("next", len(args), 1, 2)
    it = args[0]
    f = it.ob_type.tp_iternext
    if f is None:
        PyErr_SetString(PyExc_TypeError,
                        f"'{it.ob_type.tp_name[:200]}' object is not an iterator")
    try:
        res = f(it)
    except PyErr as e:
        if len(args) > 1 and e.matches(PyExc_StopIteration):
            _PyErr_Clear(e)  # C: PyErr_Clear() before returning the default
            return _new_ref(args[1])
        raise
    if res is None:
        if len(args) > 1:
            return _new_ref(args[1])
        raise PyErr(PyExc_StopIteration, None, None, None)
    return res


def builtin_repr(module: PyObject, obj: PyObject) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_repr"""
    return PyObject_Repr(obj)


def builtin_pow(module: PyObject, args: list[PyObject],
                kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_pow_impl"""
    a = _PyArg_UnpackKeywords("pow", args, kwnames, ["base", "exp", "mod"], 2, 3)
    base = a[0]
    exp = a[1]
    assert base is not None and exp is not None
    mod = a[2] if a[2] is not None else Py_None
    return PyNumber_Power(base, exp, mod)


def builtin_round(module: PyObject, args: list[PyObject],
                  kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_round_impl"""
    a = _PyArg_UnpackKeywords("round", args, kwnames, ["number", "ndigits"], 1, 2)
    number = a[0]
    assert number is not None
    ndigits = a[1]
    tp = number.ob_type
    if tp.tp_dict is None:
        PyType_Ready(tp)
    rnd = _PyType_Lookup(tp, PyUnicode_InternFromString("__round__"))
    if rnd is None:
        PyErr_SetString(PyExc_TypeError,
                        f"type {tp.tp_name[:100]} doesn't define __round__ method")
    Py_INCREF(rnd)
    try:
        get = rnd.ob_type.tp_descr_get
        if get is not None:
            bound = get(rnd, number, tp)
        else:
            bound = _new_ref(rnd)
    finally:
        Py_DECREF(rnd)
    try:
        if ndigits is None or ndigits is Py_None:
            return PyObject_Vectorcall(bound, [], 0, 0, None)
        return PyObject_Vectorcall(bound, [ndigits], 0, 1, None)
    finally:
        Py_DECREF(bound)


def cs_add(hi: float, lo: float, x: float) -> tuple[float, float]:
    """CPython: Python/bltinmodule.c:cs_add

    Neumaier's compensated addition: ``(hi, lo)`` is the running sum.
    """
    t = hi + x
    if abs(hi) >= abs(x):
        lo += (hi - t) + x
    else:
        lo += (x - t) + hi
    return t, lo


def cs_to_double(hi: float, lo: float) -> float:
    """CPython: Python/bltinmodule.c:cs_to_double"""
    import math
    if lo and math.isfinite(lo):
        return hi + lo
    return hi


def builtin_sum(module: PyObject, args: list[PyObject],
                kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_sum_impl

    With C's fast paths: exact ints are summed as host ints while the sum
    fits in a ``Py_ssize_t``; exact floats (and ints met on the way) with
    compensated summation, which is why ``sum([0.1] * 10) == 1.0``.
    """
    a = _PyArg_UnpackKeywords("sum", args, kwnames, ["", "start"], 1, 2, 1)
    iterable = a[0]
    assert iterable is not None
    start = a[1]
    it = PyObject_GetIter(iterable)
    if start is None:
        result: Optional[PyObject] = PyLong_FromLong(0)
    else:
        if isinstance(start, PyUnicodeObject):
            Py_DECREF(it)
            PyErr_SetString(PyExc_TypeError,
                            "sum() can't sum strings [use ''.join(seq) instead]")
        tn = start.ob_type.tp_name
        if tn == "bytes":
            Py_DECREF(it)
            PyErr_SetString(PyExc_TypeError,
                            "sum() can't sum bytes [use b''.join(seq) instead]")
        if tn == "bytearray":
            Py_DECREF(it)
            PyErr_SetString(PyExc_TypeError,
                            "sum() can't sum bytearray [use b''.join(seq) instead]")
        result = _new_ref(start)
    ssize_max = (1 << 63) - 1
    ssize_min = -(1 << 63)
    try:
        assert result is not None
        if result.ob_type is PyLong_Type:
            assert isinstance(result, PyLongObject)
            i_result = result.ob_ival
            if ssize_min <= i_result <= ssize_max:
                Py_DECREF(result)
                result = None
                while result is None:
                    item = PyIter_Next(it)
                    if item is None:
                        return PyLong_FromLong(i_result)
                    if isinstance(item, PyLongObject) and (
                            item.ob_type is PyLong_Type or item.ob_type is _bool_type()):
                        b = item.ob_ival
                        if (b <= ssize_max - i_result) if i_result >= 0 \
                                else (b >= ssize_min - i_result):
                            i_result += b
                            Py_DECREF(item)
                            continue
                    r0 = PyLong_FromLong(i_result)
                    try:
                        result = PyNumber_Add(r0, item)
                    finally:
                        Py_DECREF(r0)
                        Py_DECREF(item)
        assert result is not None
        if result.ob_type is PyFloat_Type:
            assert isinstance(result, PyFloatObject)
            hi = result.ob_fval
            lo = 0.0
            Py_DECREF(result)
            result = None
            while result is None:
                item = PyIter_Next(it)
                if item is None:
                    return PyFloat_FromDouble(cs_to_double(hi, lo))
                if item.ob_type is PyFloat_Type:
                    assert isinstance(item, PyFloatObject)
                    hi, lo = cs_add(hi, lo, item.ob_fval)
                    Py_DECREF(item)
                    continue
                if isinstance(item, PyLongObject):
                    try:
                        value = PyLong_AsDouble(item)
                    finally:
                        Py_DECREF(item)
                    hi, lo = cs_add(hi, lo, value)
                    continue
                r0 = PyFloat_FromDouble(cs_to_double(hi, lo))
                try:
                    result = PyNumber_Add(r0, item)
                finally:
                    Py_DECREF(r0)
                    Py_DECREF(item)
        assert result is not None
        while True:
            item = PyIter_Next(it)
            if item is None:
                break
            try:
                nr = PyNumber_Add(result, item)
            finally:
                Py_DECREF(item)
            Py_DECREF(result)
            result = nr
    except PyErr:
        Py_XDECREF(result)
        raise
    finally:
        Py_DECREF(it)
    return result


def min_max(args: list[PyObject], kwnames: Optional[PyObject], op: int) -> PyObject:
    """CPython: Python/bltinmodule.c:min_max"""
    name = "min" if op == Py_LT else "max"
    nkw = _kwcount(kwnames)
    nargs = len(args) - nkw
    if nargs == 0:
        PyErr_SetString(PyExc_TypeError, f"{name} expected at least 1 argument, got 0")
    keyfunc: Optional[PyObject] = None
    defaultval: Optional[PyObject] = None
    for i in range(nkw):
        k = _kwname(kwnames, i)
        if k == "key":
            keyfunc = args[nargs + i]
        elif k == "default":
            defaultval = args[nargs + i]
        else:
            PyErr_SetString(PyExc_TypeError,
                            f"{name}() got an unexpected keyword argument '{k}'")
    if keyfunc is Py_None:
        keyfunc = None
    positional = nargs > 1
    if positional and defaultval is not None:
        PyErr_SetString(PyExc_TypeError,
                        f"Cannot specify a default for {name}() with multiple "
                        f"positional arguments")
    if positional:
        items_it: Optional[PyObject] = None
        items = args[:nargs]
    else:
        items_it = PyObject_GetIter(args[0])
        items = []
    maxitem: Optional[PyObject] = None
    maxval: Optional[PyObject] = None
    idx = 0
    try:
        while True:
            if items_it is not None:
                item = PyIter_Next(items_it)
                if item is None:
                    break
            else:
                if idx >= len(items):
                    break
                item = _new_ref(items[idx])
                idx += 1
            if keyfunc is not None:
                try:
                    val = PyObject_CallOneArg(keyfunc, item)
                except PyErr:
                    Py_DECREF(item)
                    raise
            else:
                val = _new_ref(item)
            if maxval is None:
                maxitem = item
                maxval = val
            else:
                try:
                    cmp = PyObject_RichCompareBool(val, maxval, op)
                except PyErr:
                    Py_DECREF(item)
                    Py_DECREF(val)
                    raise
                if cmp:
                    Py_DECREF(maxval)
                    Py_XDECREF(maxitem)
                    maxval = val
                    maxitem = item
                else:
                    Py_DECREF(item)
                    Py_DECREF(val)
    except PyErr:
        Py_XDECREF(maxval)
        Py_XDECREF(maxitem)
        raise
    finally:
        if items_it is not None:
            Py_DECREF(items_it)
    if maxval is not None:
        Py_DECREF(maxval)
    if maxitem is None:
        if defaultval is not None:
            return _new_ref(defaultval)
        PyErr_SetString(PyExc_ValueError, f"{name}() iterable argument is empty")
    return maxitem


def builtin_min(module: PyObject, args: list[PyObject],
                kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_min"""
    return min_max(args, kwnames, Py_LT)


def builtin_max(module: PyObject, args: list[PyObject],
                kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_max"""
    return min_max(args, kwnames, Py_GT)


def builtin_sorted(module: PyObject, args: list[PyObject],
                   kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_sorted"""
    nkw = _kwcount(kwnames)
    nargs = len(args) - nkw
    if nargs != 1:
        PyErr_SetString(PyExc_TypeError, f"sorted expected 1 argument, got {nargs}")
    newlist = PySequence_List(args[0])
    try:
        sort = PyObject_GetAttr(newlist, PyUnicode_InternFromString("sort"))
        try:
            r = PyObject_Vectorcall(sort, args, 1, 0, kwnames)
        finally:
            Py_DECREF(sort)
        Py_DECREF(r)
    except PyErr:
        Py_DECREF(newlist)
        raise
    return newlist


def builtin_dir(module: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_dir

    pyvm: without an argument, the names of the running frame's locals;
    with one, the attribute names along the type's MRO and the instance
    dict (what ``object.__dir__`` gives), sorted.
    """
    from pyvm.eval.traceback import _dir_names  # cycle: traceback -> bltinmodule
    _PyArg_CheckPositional("dir", len(args), 0, 1)
    if not args:
        f = _tstate.current_frame
        names: list[str] = []
        if f is not None:
            from pyvm.eval.traceback import _frame_names  # cycle: traceback -> bltinmodule
            names = sorted(_frame_names(f))
    else:
        names = _dir_names(args[0])
    return _PyList_FromArraySteal([PyUnicode_FromString(n) for n in names])


def builtin_globals(module: PyObject) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_globals_impl"""
    f = _tstate.current_frame
    if f is None:
        return _new_ref(Py_None)
    return _new_ref(f.f_globals)


def builtin_locals(module: PyObject) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_locals_impl"""
    f = _tstate.current_frame
    if f is None:
        return _new_ref(Py_None)
    return frame_getlocals(_PyFrame_GetFrameObject(f))


def builtin_vars(module: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_vars"""
    _PyArg_CheckPositional("vars", len(args), 0, 1)
    if not args:
        return builtin_locals(module)
    d = PyObject_GetOptionalAttr(args[0], PyUnicode_InternFromString("__dict__"))
    if d is None:
        PyErr_SetString(PyExc_TypeError, "vars() argument must have __dict__ attribute")
    return d


def _PyEval_EnsureBuiltins(globals_: PyObject) -> None:
    """CPython: Python/ceval.c:_PyEval_EnsureBuiltins

    Puts the running frame's builtins (a dict) under ``__builtins__`` in a
    globals dict that has none, as ``PyEval_GetBuiltins`` gives them."""
    key = PyUnicode_InternFromString("__builtins__")
    if PyDict_GetItemWithError(globals_, key) is not None:
        return
    f = _tstate.current_frame
    if f is not None:
        builtins = f.f_builtins
    else:
        b = _interp.builtins
        assert b is not None
        builtins = b
    PyDict_SetItem(globals_, key, builtins)


def PyEval_MergeCompilerFlags(cf_flags: int) -> int:
    """CPython: Python/ceval.c:PyEval_MergeCompilerFlags

    pyvm: takes and returns ``cf_flags``: the ``from __future__`` flags of
    the running frame's code are added to them."""
    f = _tstate.current_frame
    if f is not None:
        cf_flags |= f.f_executable.co_flags & PyCF_MASK
    return cf_flags


def _Py_SourceAsString(cmd: PyObject, funcname: str, what: str,
                       cf_flags: int) -> tuple[str | bytes, int]:
    """CPython: Python/pythonrun.c:_Py_SourceAsString

    pyvm: returns the source as the parser takes it (``str`` text, or the
    raw bytes it decodes by their coding cookie as a source file's) and the
    updated ``cf_flags``."""
    src: str | bytes
    if isinstance(cmd, PyUnicodeObject):
        cf_flags |= PyCF_IGNORE_COOKIE
        src = cmd.value
        try:
            src.encode("utf-8")
        except UnicodeEncodeError as e:
            # pyvm: PyUnicode_AsUTF8AndSize fails on a lone surrogate.
            PyErr_SetString(PyExc_UnicodeEncodeError,
                            f"'utf-8' codec can't encode character '\\u{ord(src[e.start]):04x}' "
                            f"in position {e.start}: surrogates not allowed")
        has_null = "\0" in src
    elif isinstance(cmd, PyBytesObject):
        src = cmd.ob_sval
        has_null = b"\0" in src
    elif isinstance(cmd, PyByteArrayObject):
        src = bytes(cmd.ob_bytes)
        has_null = b"\0" in src
    elif cmd.ob_type.bf_getbuffer is not None:
        view = PyObject_GetBuffer(cmd, PyBUF_SIMPLE)
        try:
            src = bytes(view.data[view.offset:view.offset + view.len])
        finally:
            PyBuffer_Release(view)
        has_null = b"\0" in src
    else:
        PyErr_SetString(PyExc_TypeError, f"{funcname}() arg 1 must be a {what} object")
    if has_null:
        PyErr_SetString(PyExc_SyntaxError, "source code string cannot contain null bytes")
    return src, cf_flags


def PyUnicode_FSDecoder(arg: PyObject) -> str:
    """CPython: Objects/unicodeobject.c:PyUnicode_FSDecoder

    pyvm: str and bytes (decoded as the file system encoding, UTF-8 with
    surrogateescape); ``os.PathLike`` objects are not accepted yet."""
    if isinstance(arg, PyUnicodeObject):
        return arg.value
    if isinstance(arg, PyBytesObject):
        return arg.ob_sval.decode("utf-8", "surrogateescape")
    PyErr_SetString(PyExc_TypeError,
                    f"expected str, bytes or os.PathLike object, not {arg.ob_type.tp_name}")


def _arg_int(a: Optional[PyObject], default: int) -> int:
    """pyvm: Argument Clinic's ``int`` converter (``PyLong_AsInt``)."""
    if a is None:
        return default
    return PyLong_AsInt(a)


def builtin_compile(module: PyObject, args: list[PyObject],
                    kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_compile_impl

    ``compile(source, filename, mode, flags=0, dont_inherit=False,
    optimize=-1, *, _feature_version=-1)``. An ``_ast`` tree as the source is
    converted (``PyAST_obj2mod``), validated (``_PyAST_Validate``) and compiled,
    or, under ``PyCF_ONLY_AST``, preprocessed and given back as a new tree.
    """
    a = _PyArg_UnpackKeywords(
        "compile", args, kwnames,
        ["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"],
        3, 6)
    source = a[0]
    assert source is not None
    fnobj = a[1]
    assert fnobj is not None
    filename = PyUnicode_FSDecoder(fnobj)
    modeobj = a[2]
    assert modeobj is not None
    if not isinstance(modeobj, PyUnicodeObject):
        PyErr_SetString(PyExc_TypeError,
                        f"compile() argument 'mode' must be str, not {modeobj.ob_type.tp_name}")
    mode = modeobj.value
    if "\0" in mode:
        PyErr_SetString(PyExc_ValueError, "embedded null character")
    flags = _arg_int(a[3], 0)
    dont_inherit = a[4] is not None and PyObject_IsTrue(a[4])
    optimize = _arg_int(a[5], -1)
    feature_version = _arg_int(a[6], -1)

    cf_flags = flags | PyCF_SOURCE_IS_UTF8
    if flags & ~(PyCF_MASK | PyCF_MASK_OBSOLETE | PyCF_COMPILE_MASK):
        PyErr_SetString(PyExc_ValueError, "compile(): unrecognised flags")
    if optimize < -1 or optimize > 2:
        PyErr_SetString(PyExc_ValueError, "compile(): invalid optimize value")
    if not dont_inherit:
        cf_flags = PyEval_MergeCompilerFlags(cf_flags)
    if mode == "exec":
        compile_mode = 0
    elif mode == "eval":
        compile_mode = 1
    elif mode == "single":
        compile_mode = 2
    elif mode == "func_type":
        if not flags & PyCF_ONLY_AST:
            PyErr_SetString(PyExc_ValueError,
                            "compile() mode 'func_type' requires flag PyCF_ONLY_AST")
        compile_mode = 3
    else:
        if flags & PyCF_ONLY_AST:
            msg = "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
        else:
            msg = "compile() mode must be 'exec', 'eval' or 'single'"
        PyErr_SetString(PyExc_ValueError, msg)
        raise AssertionError  # pyvm: PyErr_SetString never returns
    if PyAST_Check(source):
        mod = PyAST_obj2mod(source, compile_mode)
        _PyAST_Validate(mod)
        if flags & PyCF_ONLY_AST:
            syntax_check_only = (flags & PyCF_OPTIMIZED_AST) == PyCF_ONLY_AST
            _PyCompile_AstPreprocess(mod, filename, cf_flags, optimize, syntax_check_only)
            return PyAST_mod2obj(mod)
        return _PyAST_Compile(mod, filename, cf_flags, optimize)
    src, cf_flags = _Py_SourceAsString(source, "compile", "string, bytes or AST", cf_flags)
    return Py_CompileStringObject(src, filename, mode, cf_flags, optimize, feature_version)


def _eval_frame_namespaces(fname: str, globals_: PyObject,
                           locals_: PyObject) -> tuple[PyObject, PyObject]:
    """pyvm: the choice of namespaces eval() and exec() share (C repeats it
    in both): the caller's globals (``PyEval_GetGlobals``) and a snapshot of
    its locals (``_PyEval_GetFrameLocals``) by default, ``globals`` for both
    when only it is given. Returns new references."""
    f = _tstate.current_frame
    fromframe = False
    if globals_ is not Py_None:
        g = _new_ref(globals_)
    elif f is not None:
        fromframe = True
        g = _new_ref(f.f_globals)
    else:
        # pyvm: _PyEval_GetGlobalsFromRunningMain finds no running __main__
        # outside the interactive loop, which pyvm does not have.
        if fname == "eval":
            PyErr_SetString(PyExc_TypeError,
                            "eval must be given globals and locals when called without a frame")
        PyErr_SetString(PyExc_SystemError, "globals and locals cannot be NULL")
        raise AssertionError  # pyvm: PyErr_SetString never returns
    if locals_ is not Py_None:
        loc = _new_ref(locals_)
    elif fromframe:
        assert f is not None
        loc = frame_getlocals(_PyFrame_GetFrameObject(f))
    else:
        loc = _new_ref(g)
    return g, loc


def builtin_eval(module: PyObject, args: list[PyObject],
                 kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_eval_impl
    """
    from pyvm.eval.ceval import PyEval_EvalCode  # cycle: ceval -> bltinmodule
    a = _PyArg_UnpackKeywords("eval", args, kwnames, ["source", "globals", "locals"], 1, 3, 1)
    source = a[0]
    assert source is not None
    globals_ = a[1] if a[1] is not None else Py_None
    locals_ = a[2] if a[2] is not None else Py_None
    if locals_ is not Py_None and not PyMapping_Check(locals_):
        PyErr_SetString(PyExc_TypeError, "locals must be a mapping")
    if globals_ is not Py_None and not isinstance(globals_, PyDictObject):
        PyErr_SetString(PyExc_TypeError,
                        "globals must be a real dict; try eval(expr, {}, mapping)"
                        if PyMapping_Check(globals_) else "globals must be a dict")
    g, loc = _eval_frame_namespaces("eval", globals_, locals_)
    try:
        _PyEval_EnsureBuiltins(g)
        if isinstance(source, PyCodeObject):
            if source.co_nfreevars > 0:
                PyErr_SetString(PyExc_TypeError,
                                "code object passed to eval() may not contain free variables")
            return PyEval_EvalCode(source, g, loc)
        src, cf_flags = _Py_SourceAsString(source, "eval", "string, bytes or code",
                                           PyCF_SOURCE_IS_UTF8)
        # C skips leading spaces and tabs of the source before parsing.
        if isinstance(src, str):
            src = src.lstrip(" \t")
        else:
            src = src.lstrip(b" \t")
        cf_flags = PyEval_MergeCompilerFlags(cf_flags)
        co = Py_CompileString(src, "<string>", "eval", cf_flags)
        try:
            return PyEval_EvalCode(co, g, loc)
        finally:
            Py_DECREF(co)
    finally:
        Py_DECREF(g)
        Py_DECREF(loc)


def _exec_closure_ok(closure: Optional[PyObject], num_free: int) -> bool:
    """pyvm: C's ``closure_is_ok`` test of builtin_exec_impl: an exact tuple
    of exactly ``num_free`` cells."""
    if closure is None or closure.ob_type is not PyTuple_Type:
        return False
    assert isinstance(closure, PyTupleObject)
    if len(closure.ob_item) != num_free:
        return False
    for cell in closure.ob_item:
        if not isinstance(cell, PyCellObject):
            return False
    return True


def PyEval_EvalCodeEx(co: PyCodeObject, globals_: PyObject, locals_: PyObject,
                      closure: PyObject) -> PyObject:
    """CPython: Python/ceval.c:PyEval_EvalCodeEx

    pyvm: only the form exec() uses (no arguments, defaults or keyword
    defaults; a closure): a throw-away function carries the closure cells
    to the frame's ``COPY_FREE_VARS``. Returns a new reference."""
    from pyvm.eval.ceval import _PyEval_Vector  # cycle: ceval -> bltinmodule
    func = PyFunction_New(co, globals_)
    Py_INCREF(closure)
    func.func_closure = closure
    try:
        return _PyEval_Vector(func, locals_, [], 0, 0, None)
    finally:
        Py_DECREF(func)


def builtin_exec(module: PyObject, args: list[PyObject],
                 kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_exec_impl
    """
    from pyvm.eval.ceval import PyEval_EvalCode  # cycle: ceval -> bltinmodule
    a = _PyArg_UnpackKeywords("exec", args, kwnames,
                              ["source", "globals", "locals", "closure"], 1, 3, 1)
    source = a[0]
    assert source is not None
    g, loc = _eval_frame_namespaces("exec", a[1] if a[1] is not None else Py_None,
                                    a[2] if a[2] is not None else Py_None)
    # pyvm: released through unnarrowed names: mypyc would check ``g`` as a dict
    # in the finally clause, which also runs when it is not one.
    g_ref: PyObject = g
    loc_ref: PyObject = loc
    try:
        if not isinstance(g, PyDictObject):
            PyErr_SetString(PyExc_TypeError,
                            f"exec() globals must be a dict, not {g.ob_type.tp_name[:100]}")
        if not PyMapping_Check(loc):
            PyErr_SetString(PyExc_TypeError,
                            f"locals must be a mapping or None, not {loc.ob_type.tp_name[:100]}")
        _PyEval_EnsureBuiltins(g)
        closure = a[3]
        if closure is Py_None:
            closure = None
        if isinstance(source, PyCodeObject):
            num_free = source.co_nfreevars
            if num_free == 0:
                if closure is not None:
                    PyErr_SetString(PyExc_TypeError, "cannot use a closure with this code object")
            elif not _exec_closure_ok(closure, num_free):
                PyErr_SetString(PyExc_TypeError,
                                f"code object requires a closure of exactly length {num_free}")
            if closure is None:
                v = PyEval_EvalCode(source, g, loc)
            else:
                v = PyEval_EvalCodeEx(source, g, loc, closure)
        else:
            if closure is not None:
                PyErr_SetString(PyExc_TypeError,
                                "closure can only be used when source is a code object")
            src, cf_flags = _Py_SourceAsString(source, "exec", "string, bytes or code",
                                               PyCF_SOURCE_IS_UTF8)
            cf_flags = PyEval_MergeCompilerFlags(cf_flags)
            co = Py_CompileString(src, "<string>", "exec", cf_flags)
            try:
                v = PyEval_EvalCode(co, g, loc)
            finally:
                Py_DECREF(co)
    finally:
        Py_DECREF(g_ref)
        Py_DECREF(loc_ref)
    Py_DECREF(v)
    return _new_ref(Py_None)


def builtin_aiter(module: PyObject, async_iterable: PyObject) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_aiter"""
    return PyObject_GetAIter(async_iterable)


def builtin_anext(module: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin_anext_impl
    """
    _PyArg_CheckPositional("anext", len(args), 1, 2)
    aiterator = args[0]
    t = aiterator.ob_type
    f = t.am_anext
    if f is None:
        PyErr_SetString(PyExc_TypeError, f"'{t.tp_name[:200]}' object is not an async iterator")
        raise AssertionError  # pyvm: PyErr_SetString never returns
    awaitable = f(aiterator)
    if len(args) < 2:
        return awaitable
    new_awaitable = PyAnextAwaitable_New(awaitable, args[1])
    Py_DECREF(awaitable)
    return new_awaitable


# ---------------------------------------------------------------------------
# map, filter, zip (the iterator types bltinmodule.c defines)

PyMap_Type: Final = PyTypeObject("map", flags=Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE)
PyFilter_Type: Final = PyTypeObject("filter", flags=Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE)
PyZip_Type: Final = PyTypeObject("zip", flags=Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE)


class mapobject(PyObject):
    """pyvm: the ``mapobject`` struct of Python/bltinmodule.c (see map_new)"""

    iters: list[PyObject]
    func: PyObject
    strict: bool

    def __init__(self, tp: PyTypeObject, func: PyObject, iters: list[PyObject],
                 strict: bool) -> None:
        super().__init__(tp)
        self.func = func
        self.iters = iters
        self.strict = strict


class filterobject(PyObject):
    """pyvm: the ``filterobject`` struct of Python/bltinmodule.c (see filter_new)"""

    func: PyObject
    it: PyObject

    def __init__(self, tp: PyTypeObject, func: PyObject, it: PyObject) -> None:
        super().__init__(tp)
        self.func = func
        self.it = it


class zipobject(PyObject):
    """pyvm: the ``zipobject`` struct of Python/bltinmodule.c (see zip_new)"""

    ittuple: list[PyObject]
    strict: bool

    def __init__(self, tp: PyTypeObject, ittuple: list[PyObject], strict: bool) -> None:
        super().__init__(tp)
        self.ittuple = ittuple
        self.strict = strict


def _get_iters(args: list[PyObject], start: int, n: int) -> list[PyObject]:
    """pyvm: ``iter()`` of each argument, releasing those made on error."""
    out: list[PyObject] = []
    try:
        for i in range(start, start + n):
            out.append(PyObject_GetIter(args[i]))
    except PyErr:
        for o in out:
            Py_DECREF(o)
        raise
    return out


def map_vectorcall(tp: PyObject, args: list[PyObject], start: int, nargs: int,
                   kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:map_vectorcall"""
    assert isinstance(tp, PyTypeObject)
    strict = False
    for i in range(_kwcount(kwnames)):
        k = _kwname(kwnames, i)
        if k != "strict":
            PyErr_SetString(PyExc_TypeError,
                            f"map() got an unexpected keyword argument '{k}'")
        strict = PyObject_IsTrue(args[start + nargs + i])
    if nargs < 2:
        PyErr_SetString(PyExc_TypeError, "map() must have at least two arguments.")
    iters = _get_iters(args, start + 1, nargs - 1)
    func = _new_ref(args[start])
    return mapobject(tp, func, iters, strict)


def map_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:map_new"""
    assert isinstance(args, PyTupleObject)
    return map_vectorcall(tp, args.ob_item, 0, len(args.ob_item), None)


def map_next(op: PyObject) -> Optional[PyObject]:
    """CPython: Python/bltinmodule.c:map_next"""
    assert isinstance(op, mapobject)
    stack: list[PyObject] = []
    try:
        for i in range(len(op.iters)):
            it = op.iters[i]
            f = it.ob_type.tp_iternext
            assert f is not None
            v = f(it)
            if v is None:
                if op.strict:
                    _strict_error("map", i, stack)
                return None
            stack.append(v)
        return PyObject_Vectorcall(op.func, stack, 0, len(stack), None)
    finally:
        for v in stack:
            Py_DECREF(v)


def _strict_error(name: str, i: int, got: list[PyObject]) -> None:
    """CPython: Python/bltinmodule.c:zip_next

    The ``strict=True`` length check's messages.
    """
    if i:
        plural = " " if i == 1 else "s 1-"
        PyErr_SetString(PyExc_ValueError,
                        f"{name}() argument {i + 1} is shorter than argument{plural}{i}")


def _strict_check_longer(name: str, iters: list[PyObject], first_short: int) -> None:
    """pyvm: when the first iterator ended, the others must end too."""
    for i in range(1, len(iters)):
        it = iters[i]
        f = it.ob_type.tp_iternext
        assert f is not None
        v = f(it)
        if v is not None:
            Py_DECREF(v)
            plural = " " if i == 1 else "s 1-"
            PyErr_SetString(PyExc_ValueError,
                            f"{name}() argument {i + 1} is longer than argument{plural}{i}")


def map_dealloc(op: PyObject) -> None:
    """CPython: Python/bltinmodule.c:map_dealloc"""
    assert isinstance(op, mapobject)
    for it in op.iters:
        Py_DECREF(it)
    op.iters = []
    Py_DECREF(op.func)


def filter_vectorcall(tp: PyObject, args: list[PyObject], start: int, nargs: int,
                      kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:filter_vectorcall"""
    assert isinstance(tp, PyTypeObject)
    _no_kwargs("filter", kwnames)
    _PyArg_CheckPositional("filter", nargs, 2, 2)
    it = PyObject_GetIter(args[start + 1])
    return filterobject(tp, _new_ref(args[start]), it)


def filter_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:filter_new"""
    assert isinstance(args, PyTupleObject)
    return filter_vectorcall(tp, args.ob_item, 0, len(args.ob_item), None)


def filter_next(op: PyObject) -> Optional[PyObject]:
    """CPython: Python/bltinmodule.c:filter_next"""
    assert isinstance(op, filterobject)
    it = op.it
    f = it.ob_type.tp_iternext
    assert f is not None
    checktrue = op.func is Py_None or op.func is _bool_type()
    while True:
        item = f(it)
        if item is None:
            return None
        try:
            if checktrue:
                ok = PyObject_IsTrue(item)
            else:
                good = PyObject_CallOneArg(op.func, item)
                try:
                    ok = PyObject_IsTrue(good)
                finally:
                    Py_DECREF(good)
        except PyErr:
            Py_DECREF(item)
            raise
        if ok:
            return item
        Py_DECREF(item)


def _bool_type() -> PyObject:
    """pyvm: ``PyBool_Type``."""
    return Py_True.ob_type


def filter_dealloc(op: PyObject) -> None:
    """CPython: Python/bltinmodule.c:filter_dealloc"""
    assert isinstance(op, filterobject)
    Py_DECREF(op.func)
    Py_DECREF(op.it)


def zip_vectorcall(tp: PyObject, args: list[PyObject], start: int, nargs: int,
                   kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:zip_new"""
    assert isinstance(tp, PyTypeObject)
    strict = False
    for i in range(_kwcount(kwnames)):
        k = _kwname(kwnames, i)
        if k != "strict":
            PyErr_SetString(PyExc_TypeError,
                            f"zip() got an unexpected keyword argument '{k}'")
        strict = PyObject_IsTrue(args[start + nargs + i])
    return zipobject(tp, _get_iters(args, start, nargs), strict)


def zip_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:zip_new"""
    assert isinstance(args, PyTupleObject)
    return zip_vectorcall(tp, args.ob_item, 0, len(args.ob_item), None)


def zip_next(op: PyObject) -> Optional[PyObject]:
    """CPython: Python/bltinmodule.c:zip_next"""
    assert isinstance(op, zipobject)
    n = len(op.ittuple)
    if n == 0:
        return None
    result: list[PyObject] = []
    for i in range(n):
        it = op.ittuple[i]
        f = it.ob_type.tp_iternext
        assert f is not None
        try:
            item = f(it)
        except PyErr:
            for r in result:
                Py_DECREF(r)
            raise
        if item is None:
            for r in result:
                Py_DECREF(r)
            if op.strict:
                if i:
                    _strict_error("zip", i, result)
                else:
                    _strict_check_longer("zip", op.ittuple, 0)
            return None
        result.append(item)
    return _PyTuple_FromArraySteal(result)


def zip_dealloc(op: PyObject) -> None:
    """CPython: Python/bltinmodule.c:zip_dealloc"""
    assert isinstance(op, zipobject)
    for it in op.ittuple:
        Py_DECREF(it)
    op.ittuple = []


def update_bases(bases: PyObject, args: list[PyObject]) -> Optional[list[PyObject]]:
    """CPython: Python/bltinmodule.c:update_bases

    PEP 560: a base that is not a class but has ``__mro_entries__`` is replaced
    by the tuple that method returns (``class C(list[int])`` derives from
    ``list``). Returns the new bases (new references), or None when no base
    was replaced.
    """
    new_bases: Optional[list[PyObject]] = None
    try:
        for i, base in enumerate(args):
            if isinstance(base, PyTypeObject):
                if new_bases is not None:
                    new_bases.append(_incref(base))
                continue
            meth = PyObject_GetOptionalAttr(base, PyUnicode_InternFromString("__mro_entries__"))
            if meth is None:
                if new_bases is not None:
                    new_bases.append(_incref(base))
                continue
            try:
                new_base = PyObject_CallOneArg(meth, bases)
            finally:
                Py_DECREF(meth)
            # released through an unnarrowed name (see CONTRIBUTING: mypyc casts
            # a narrowed one again in the finally)
            release = new_base
            try:
                if not isinstance(new_base, PyTupleObject):
                    PyErr_SetString(PyExc_TypeError, "__mro_entries__ must return a tuple")
                if new_bases is None:
                    new_bases = [_incref(b) for b in args[:i]]
                new_bases.extend(_incref(b) for b in new_base.ob_item)
            finally:
                Py_DECREF(release)
    except PyErr:
        if new_bases is not None:
            for b in new_bases:
                Py_DECREF(b)
        raise
    return new_bases


def builtin___build_class__(module: PyObject, args: list[PyObject],
                            kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin___build_class__

    ``__build_class__(func, name, *bases, metaclass=None, **kwds)``: picks the
    metaclass, prepares the namespace, runs the class body ``func`` in it and
    calls the metaclass; the ``__class__`` cell the body returns must end up
    holding the new class.
    """
    nkw = 0 if kwnames is None else len(_tuple_items_b(kwnames))
    nargs = len(args) - nkw
    if nargs < 2:
        PyErr_SetString(PyExc_TypeError, "__build_class__: not enough arguments")
    func = args[0]
    if not isinstance(func, PyFunctionObject):
        PyErr_SetString(PyExc_TypeError, "__build_class__: func must be a function")
    assert isinstance(func, PyFunctionObject)
    name = args[1]
    if not PyUnicode_Check(name):
        PyErr_SetString(PyExc_TypeError, "__build_class__: name is not a string")
    bases = args[2:nargs]
    orig_bases = _PyTuple_FromArraySteal([_incref(b) for b in bases])
    try:
        new_bases = update_bases(orig_bases, bases)
    except PyErr:
        Py_DECREF(orig_bases)
        raise
    if new_bases is not None:
        bases = new_bases
    try:
        return _build_class(func, name, bases, orig_bases if new_bases is not None else None,
                            args, nargs, kwnames, nkw)
    finally:
        Py_DECREF(orig_bases)
        if new_bases is not None:
            for b in new_bases:
                Py_DECREF(b)


def _build_class(func: PyFunctionObject, name: PyObject, bases: list[PyObject],
                 orig_bases: Optional[PyObject], args: list[PyObject], nargs: int,
                 kwnames: Optional[PyObject], nkw: int) -> PyObject:
    """CPython: Python/bltinmodule.c:builtin___build_class__

    pyvm: the part after ``update_bases``; ``orig_bases`` is the tuple of the
    bases as written when ``update_bases`` replaced some (it becomes the
    namespace's ``__orig_bases__``), else None.
    """
    mkw: Optional[PyObject] = None
    meta: Optional[PyObject] = None
    if nkw:
        assert kwnames is not None
        mkw = PyDict_New()
        for i, k in enumerate(_tuple_items_b(kwnames)):
            PyDict_SetItem(mkw, k, args[nargs + i])
        mk = PyUnicode_InternFromString("metaclass")
        m = PyDict_GetItemWithError(mkw, mk)
        if m is not None:
            meta = m
            Py_INCREF(meta)
            PyDict_DelItem(mkw, mk)
    try:
        if meta is None:
            meta = bases[0].ob_type if bases else PyType_Type
            Py_INCREF(meta)
        if isinstance(meta, PyTypeObject):
            winner = _PyType_CalculateMetaclass(meta, bases)
            if winner is not meta:
                Py_INCREF(winner)
                Py_DECREF(meta)
                meta = winner
        bases_t = _PyTuple_FromArraySteal([_incref(b) for b in bases])
        try:
            prep = PyObject_GetOptionalAttr(meta, PyUnicode_InternFromString("__prepare__"))
            if prep is None:
                ns = PyDict_New()
            else:
                try:
                    ns = PyObject_VectorcallDict(prep, [name, bases_t], 0, 2, mkw)
                finally:
                    Py_DECREF(prep)
            if not PyMapping_Check(ns):
                mname = meta.tp_name if isinstance(meta, PyTypeObject) else "<metaclass>"
                tname = ns.ob_type.tp_name
                Py_DECREF(ns)
                PyErr_SetString(PyExc_TypeError,
                                f"{mname}.__prepare__() must return a mapping, not {tname}")
            try:
                ev = _interp.eval_vector
                assert ev is not None
                cell = ev(func, ns, [], 0, 0, None)
                try:
                    if orig_bases is not None:
                        PyObject_SetItem(ns, PyUnicode_InternFromString("__orig_bases__"),
                                         orig_bases)
                    cls = PyObject_VectorcallDict(meta, [name, bases_t, ns], 0, 3, mkw)
                    if isinstance(cell, PyCellObject) and isinstance(cls, PyTypeObject):
                        cell_cls = cell.ob_ref
                        if cell_cls is not cls:
                            Py_DECREF(cls)
                            nm = _unicode_str(name)
                            if cell_cls is None:
                                PyErr_SetString(PyExc_RuntimeError,
                                                f"__class__ not set defining '{nm}' as "
                                                f"{_PyObject_ReprStr(cls)}. "
                                                "Was __classcell__ propagated to type.__new__?")
                            PyErr_SetString(PyExc_TypeError,
                                            f"__class__ set to {_PyObject_ReprStr(cell_cls)} "
                                            f"defining '{nm}' as {_PyObject_ReprStr(cls)}")
                    return cls
                finally:
                    Py_DECREF(cell)
            finally:
                Py_DECREF(ns)
        finally:
            Py_DECREF(bases_t)
    finally:
        if meta is not None:
            Py_DECREF(meta)
        if mkw is not None:
            Py_DECREF(mkw)


def _incref(o: PyObject) -> PyObject:
    """pyvm: ``Py_NewRef``."""
    Py_INCREF(o)
    return o


def _tuple_items_b(t: PyObject) -> list[PyObject]:
    """pyvm: the items of a tuple."""
    assert isinstance(t, PyTupleObject)
    return t.ob_item


def _unicode_str(o: PyObject) -> str:
    """pyvm: the host text of a str object."""
    assert isinstance(o, PyUnicodeObject)
    return o.value


# ---------------------------------------------------------------------------
# The module


_builtin_methods: Final = [
    PyMethodDef("__build_class__", builtin___build_class__, METH_FASTCALL | METH_KEYWORDS),
    PyMethodDef("abs", builtin_abs, METH_O),
    PyMethodDef("all", builtin_all, METH_O),
    PyMethodDef("aiter", builtin_aiter, METH_O),
    PyMethodDef("anext", builtin_anext, METH_FASTCALL),
    PyMethodDef("any", builtin_any, METH_O),
    PyMethodDef("ascii", builtin_ascii, METH_O),
    PyMethodDef("bin", builtin_bin, METH_O),
    PyMethodDef("callable", builtin_callable, METH_O),
    PyMethodDef("chr", builtin_chr, METH_O),
    PyMethodDef("compile", builtin_compile, METH_FASTCALL | METH_KEYWORDS),
    PyMethodDef("delattr", builtin_delattr, METH_FASTCALL),
    PyMethodDef("dir", builtin_dir, METH_FASTCALL),
    PyMethodDef("divmod", builtin_divmod, METH_FASTCALL),
    PyMethodDef("eval", builtin_eval, METH_FASTCALL | METH_KEYWORDS),
    PyMethodDef("exec", builtin_exec, METH_FASTCALL | METH_KEYWORDS),
    PyMethodDef("format", builtin_format, METH_FASTCALL),
    PyMethodDef("getattr", builtin_getattr, METH_FASTCALL),
    PyMethodDef("globals", builtin_globals, METH_NOARGS),
    PyMethodDef("hasattr", builtin_hasattr, METH_FASTCALL),
    PyMethodDef("hash", builtin_hash, METH_O),
    PyMethodDef("hex", builtin_hex, METH_O),
    PyMethodDef("id", builtin_id, METH_O),
    PyMethodDef("isinstance", builtin_isinstance, METH_FASTCALL),
    PyMethodDef("issubclass", builtin_issubclass, METH_FASTCALL),
    PyMethodDef("iter", builtin_iter, METH_FASTCALL),
    PyMethodDef("len", builtin_len, METH_O),
    PyMethodDef("locals", builtin_locals, METH_NOARGS),
    PyMethodDef("max", builtin_max, METH_FASTCALL | METH_KEYWORDS),
    PyMethodDef("min", builtin_min, METH_FASTCALL | METH_KEYWORDS),
    PyMethodDef("next", builtin_next, METH_FASTCALL),
    PyMethodDef("oct", builtin_oct, METH_O),
    PyMethodDef("ord", builtin_ord, METH_O),
    PyMethodDef("pow", builtin_pow, METH_FASTCALL | METH_KEYWORDS),
    PyMethodDef("print", builtin_print, METH_FASTCALL | METH_KEYWORDS),
    PyMethodDef("repr", builtin_repr, METH_O),
    PyMethodDef("round", builtin_round, METH_FASTCALL | METH_KEYWORDS),
    PyMethodDef("setattr", builtin_setattr, METH_FASTCALL),
    PyMethodDef("sorted", builtin_sorted, METH_FASTCALL | METH_KEYWORDS),
    PyMethodDef("sum", builtin_sum, METH_FASTCALL | METH_KEYWORDS),
    PyMethodDef("vars", builtin_vars, METH_FASTCALL),
]


def _builtin_types() -> list[tuple[str, PyObject]]:
    """pyvm: the type objects the builtins module exposes, from their modules."""
    out: list[tuple[str, PyObject]] = [
        ("object", PyBaseObject_Type), ("type", PyType_Type), ("int", PyLong_Type),
        ("bool", PyBool_Type), ("float", PyFloat_Type), ("str", PyUnicode_Type),
        ("list", PyList_Type), ("tuple", PyTuple_Type), ("dict", PyDict_Type),
        ("range", PyRange_Type), ("slice", PySlice_Type), ("enumerate", PyEnum_Type),
        ("reversed", PyReversed_Type), ("map", PyMap_Type), ("filter", PyFilter_Type),
        ("zip", PyZip_Type),
    ]
    out.extend([("classmethod", PyClassMethod_Type), ("staticmethod", PyStaticMethod_Type),
                ("property", PyProperty_Type), ("super", PySuper_Type)])
    try:
        out.append(("bytes", PyBytes_Type))
    except ImportError:
        pass
    out.append(("bytearray", PyByteArray_Type))
    out.append(("memoryview", PyMemoryView_Type))
    out.append(("set", PySet_Type))
    out.append(("frozenset", PyFrozenSet_Type))
    try:
        out.append(("complex", PyComplex_Type))
    except ImportError:
        pass
    for name in _EXCEPTION_NAMES:
        tp = getattr(exceptions, "PyExc_" + name, None)
        if isinstance(tp, PyTypeObject):
            out.append((name, tp))
    return out


# CPython: Python/bltinmodule.c:_PyBuiltin_Init (the exception names it adds,
# through Objects/exceptions.c:_PyBuiltins_AddExceptions)
_EXCEPTION_NAMES: Final = [
    "BaseException", "Exception", "GeneratorExit", "KeyboardInterrupt", "SystemExit",
    "ArithmeticError", "FloatingPointError", "OverflowError", "ZeroDivisionError",
    "AssertionError", "AttributeError", "BufferError", "EOFError", "ImportError",
    "ModuleNotFoundError", "LookupError", "IndexError", "KeyError", "MemoryError",
    "NameError", "UnboundLocalError", "OSError", "BlockingIOError", "ChildProcessError",
    "ConnectionError", "BrokenPipeError", "ConnectionAbortedError",
    "ConnectionRefusedError", "ConnectionResetError", "FileExistsError",
    "FileNotFoundError", "InterruptedError", "IsADirectoryError", "NotADirectoryError",
    "PermissionError", "ProcessLookupError", "TimeoutError", "ReferenceError",
    "RuntimeError", "NotImplementedError", "PythonFinalizationError", "RecursionError",
    "StopAsyncIteration", "StopIteration", "SyntaxError", "IndentationError", "TabError",
    "SystemError", "TypeError", "ValueError", "UnicodeError", "UnicodeDecodeError",
    "UnicodeEncodeError", "UnicodeTranslateError", "Warning", "BytesWarning",
    "DeprecationWarning", "EncodingWarning", "FutureWarning", "ImportWarning",
    "PendingDeprecationWarning", "ResourceWarning", "RuntimeWarning", "SyntaxWarning",
    "UnicodeWarning", "UserWarning", "BaseExceptionGroup", "ExceptionGroup",
]


def _PyBuiltin_Init() -> PyModuleObject:
    """CPython: Python/bltinmodule.c:_PyBuiltin_Init

    Creates the builtins module once; installs its dict as the
    interpreter's builtins for frames whose globals have none.
    """
    m = _interp.builtins_module
    if m is not None:
        return m
    m = PyModule_New("builtins")
    m.md_builtin = True
    _interp.builtins_module = m
    modname = PyUnicode_InternFromString("builtins")
    for ml in _builtin_methods:
        f = PyCFunction_NewEx(ml, m, modname)
        PyModule_AddObjectRef(m, ml.ml_name, f)
        Py_DECREF(f)
    consts: list[tuple[str, PyObject]] = [
        ("None", Py_None), ("Ellipsis", Py_Ellipsis), ("NotImplemented", Py_NotImplemented),
        ("False", Py_False), ("True", Py_True),
    ]
    for name, v in consts:
        PyModule_AddObjectRef(m, name, v)
    # C's _PyExc_InitState runs before the builtins are made: it gives
    # ExceptionGroup its two bases before anything can ready it.
    _PyExc_InitState()
    for name, tpo in _builtin_types():
        PyModule_AddObjectRef(m, name, tpo)
    d = m.md_dict
    PyDict_SetItem(d, PyUnicode_InternFromString("__debug__"), Py_True)
    _interp.builtins = d
    return m


def _bltin_init_types() -> None:
    """pyvm: fill the slots of map, filter and zip."""
    PyMap_Type.tp_dealloc = map_dealloc
    PyMap_Type.tp_iter = PyObject_SelfIter
    PyMap_Type.tp_iternext = map_next
    PyMap_Type.tp_new = map_new
    PyMap_Type.tp_vectorcall = map_vectorcall
    PyFilter_Type.tp_dealloc = filter_dealloc
    PyFilter_Type.tp_iter = PyObject_SelfIter
    PyFilter_Type.tp_iternext = filter_next
    PyFilter_Type.tp_new = filter_new
    PyFilter_Type.tp_vectorcall = filter_vectorcall
    PyZip_Type.tp_dealloc = zip_dealloc
    PyZip_Type.tp_iter = PyObject_SelfIter
    PyZip_Type.tp_iternext = zip_next
    PyZip_Type.tp_new = zip_new
    PyZip_Type.tp_vectorcall = zip_vectorcall


_bltin_init_types()
