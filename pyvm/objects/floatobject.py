"""Ports Objects/floatobject.c: the ``float`` type.

A float wraps a host ``float`` (``ob_fval``), an IEEE double as C's is, so the
host's arithmetic, ``repr`` (the shortest round-tripping digits of
``float_repr``'s ``PyOS_double_to_string(..., 'r', ...)``), ``round`` and
parsing give 3.14's results. pyvm checks before every host operation that could
raise (division by zero, a zero to a negative power, an overflowing power) and
raises 3.14's exception instead; comparisons with ints are exact, as the host's
(``float_richcompare``'s algorithm) are.

Dead floats go to a freelist of ``Py_floats_MAXFREELIST`` entries
(Include/internal/pycore_freelist_state.h), which :func:`PyFloat_FromDouble`
reuses; the debug mode skips it so that a freed float stays poisoned.
"""

from __future__ import annotations

import math
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.objects.longobject import (
    Py_False,
    Py_True,
    PyLong_Check,
    PyLong_FromDouble,
    PyLongObject,
    _long_to_double,
    _PyLong_FromHost,
    _type_error,
    _value_error,
    _zero_division,
)
from pyvm.objects.object import (
    _PyType_CheckReady, _Py_TPFLAGS_MATCH_SELF, PyType_IsSubtype, PyUnicode_Check, _PyObject_ReprStr,
)
from pyvm.objects.object import (
    Py_DECREF,
    Py_EQ,
    Py_GE,
    Py_GT,
    Py_INCREF,
    Py_LE,
    Py_LT,
    Py_NE,
    Py_None,
    Py_NotImplemented,
    Py_TPFLAGS_BASETYPE,
    Py_TPFLAGS_IMMUTABLETYPE,
    PyErr_Format,
    PyObject,
    PyTypeObject,
    _debug,
    _Py_HashPointer,
    _unicode_value,
)
from pyvm.objects.call import PyObject_CallOneArg
from pyvm.objects.methodobject import METH_CLASS, METH_FASTCALL, METH_NOARGS, METH_O, PyMethodDef


class PyFloatObject(PyObject):
    """CPython: Include/cpython/floatobject.h:PyFloatObject"""

    ob_fval: float

    def __init__(self, tp: PyTypeObject, v: float) -> None:
        super().__init__(tp)
        self.ob_fval = v

    def _debug_detail(self) -> str:
        """pyvm: the value, for ``PyObject.__repr__``."""
        return repr(self.ob_fval)


# pyvm: the static ``PyFloat_Type`` of Objects/floatobject.c
PyFloat_Type: Final = PyTypeObject(
    "float", None, Py_TPFLAGS_BASETYPE | Py_TPFLAGS_IMMUTABLETYPE | _Py_TPFLAGS_MATCH_SELF,
    "Convert a string or number to a floating-point number, if possible.")

# CPython: Include/internal/pycore_freelist_state.h:Py_floats_MAXFREELIST
Py_floats_MAXFREELIST: Final = 100


class _FloatFreeList:
    """pyvm: ``_Py_freelists.floats``."""

    items: list[PyFloatObject]

    def __init__(self) -> None:
        self.items = []


_freelist: Final = _FloatFreeList()


def _overflow_errno() -> None:
    """pyvm: ``PyErr_SetFromErrno(PyExc_OverflowError)`` with ``errno == ERANGE``
    (Linux's numbers: ``OverflowError(34, 'Numerical result out of range')``)."""
    from pyvm.objects.exceptions import PyExc_OverflowError  # cycle
    from pyvm.objects.tupleobject import _PyTuple_FromArraySteal  # cycle
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    from pyvm.objects.exceptions import _PyErr_RaiseWithArgs  # cycle
    t = _PyTuple_FromArraySteal([_PyLong_FromHost(34), PyUnicode_FromString("Numerical result out of range")])
    _PyErr_RaiseWithArgs(PyExc_OverflowError, t)


def PyFloat_Check(op: PyObject) -> bool:
    """CPython: Include/floatobject.h:PyFloat_Check"""
    tp = op.ob_type
    if tp is PyFloat_Type:
        return True
    return PyType_IsSubtype(tp, PyFloat_Type)


def PyFloat_CheckExact(op: PyObject) -> bool:
    """CPython: Include/floatobject.h:PyFloat_CheckExact"""
    return op.ob_type is PyFloat_Type


def PyFloat_FromDouble(fval: float) -> PyObject:
    """CPython: Objects/floatobject.c:PyFloat_FromDouble"""
    fl = _freelist.items
    if fl:
        op = fl.pop()
        op.ob_refcnt = 1
        op.ob_fval = fval
        return op
    return PyFloatObject(PyFloat_Type, fval)


def float_dealloc(op: PyObject) -> None:
    """CPython: Objects/floatobject.c:float_dealloc

    CPython: Objects/floatobject.c:_PyFloat_ExactDealloc
    """
    if op.ob_type is PyFloat_Type and not _debug.enabled:
        fl = _freelist.items
        if len(fl) < Py_floats_MAXFREELIST:
            assert isinstance(op, PyFloatObject)
            fl.append(op)


def _fval(op: PyObject) -> float:
    """pyvm: the host double of a float."""
    assert isinstance(op, PyFloatObject)
    return op.ob_fval


def PyFloat_AsDouble(op: PyObject) -> float:
    """CPython: Objects/floatobject.c:PyFloat_AsDouble"""
    if isinstance(op, PyFloatObject):
        return op.ob_fval
    tp = op.ob_type
    if tp.nb_float is None and tp.tp_dict is None:
        _PyType_CheckReady(tp)  # pyvm: inherited slots come with readiness
    f = tp.nb_float
    if f is None:
        if tp.nb_index is not None:
            from pyvm.objects.abstract import _PyNumber_Index  # cycle
            r = _PyNumber_Index(op)
            assert isinstance(r, PyLongObject)
            v = _long_to_double(r.ob_ival)
            Py_DECREF(r)
            return v
        _type_error(f"must be real number, not {tp.tp_name}")
    assert f is not None
    res = f(op)
    if not isinstance(res, PyFloatObject):
        name = res.ob_type.tp_name
        Py_DECREF(res)
        _type_error(f"{tp.tp_name}.__float__ returned non-float (type {name})")
    if res.ob_type is not PyFloat_Type:
        from pyvm.objects.abstract import _warn_float_subclass  # cycle
        _warn_float_subclass(op, res)
    assert isinstance(res, PyFloatObject)
    v = res.ob_fval
    Py_DECREF(res)
    return v


def _convert_to_double(op: PyObject) -> Optional[float]:
    """CPython: Objects/floatobject.c:CONVERT_TO_DOUBLE

    None means "not a number float understands" (the slot returns NotImplemented).
    """
    if isinstance(op, PyFloatObject):
        return op.ob_fval
    if isinstance(op, PyLongObject) and PyLong_Check(op):
        return _long_to_double(op.ob_ival)
    return None


def float_repr(op: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float_repr"""
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    return PyUnicode_FromString(repr(_fval(op)))


def float_hash(op: PyObject) -> int:
    """CPython: Objects/floatobject.c:float_hash

    CPython: Python/pyhash.c:_Py_HashDouble
    NaN hashes by identity since 3.10; other values as the host (same algorithm,
    modulo 2**61 - 1).
    """
    v = _fval(op)
    if v != v:
        return _Py_HashPointer(op)
    return hash(v)


def float_richcompare(v: PyObject, w: PyObject, op: int) -> PyObject:
    """CPython: Objects/floatobject.c:float_richcompare

    Exact against ints of any size (the host compares float and int exactly).
    """
    if not isinstance(v, PyFloatObject):
        return Py_NotImplemented
    i = v.ob_fval
    if isinstance(w, PyFloatObject):
        j = w.ob_fval
        if op == Py_EQ:
            r = i == j
        elif op == Py_NE:
            r = i != j
        elif op == Py_LT:
            r = i < j
        elif op == Py_LE:
            r = i <= j
        elif op == Py_GT:
            r = i > j
        else:
            r = i >= j
        return Py_True if r else Py_False
    if isinstance(w, PyLongObject) and PyLong_Check(w):
        c = _float_int_compare(i, w.ob_ival)
        if c == 2:
            r = op == Py_NE
        elif op == Py_EQ:
            r = c == 0
        elif op == Py_NE:
            r = c != 0
        elif op == Py_LT:
            r = c < 0
        elif op == Py_LE:
            r = c <= 0
        elif op == Py_GT:
            r = c > 0
        else:
            r = c >= 0
        return Py_True if r else Py_False
    return Py_NotImplemented


def _float_int_compare(i: float, k: int) -> int:
    """CPython: Objects/floatobject.c:float_richcompare (the float-vs-int part)

    -1, 0 or 1 as ``i`` is below, equal to or above ``k``, exactly; 2 when ``i``
    is a NaN. pyvm: never converts a big int to a double (the compiled build
    would, and so lose precision): a finite double is compared through its exact
    ratio ``n / d``.
    """
    if i != i:
        return 2
    if math.isinf(i):
        return 1 if i > 0.0 else -1
    if -(1 << 53) <= k <= (1 << 53):
        f = float(k)
        return (i > f) - (i < f)
    n, d = i.as_integer_ratio()
    kd = k * d
    return (n > kd) - (n < kd)


def float_add(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float_add"""
    a = _convert_to_double(v)
    b = _convert_to_double(w)
    if a is None or b is None:
        return Py_NotImplemented
    return PyFloat_FromDouble(a + b)


def float_sub(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float_sub"""
    a = _convert_to_double(v)
    b = _convert_to_double(w)
    if a is None or b is None:
        return Py_NotImplemented
    return PyFloat_FromDouble(a - b)


def float_mul(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float_mul"""
    a = _convert_to_double(v)
    b = _convert_to_double(w)
    if a is None or b is None:
        return Py_NotImplemented
    return PyFloat_FromDouble(a * b)


def float_div(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float_div"""
    a = _convert_to_double(v)
    b = _convert_to_double(w)
    if a is None or b is None:
        return Py_NotImplemented
    if b == 0.0:
        _zero_division("division by zero")
    return PyFloat_FromDouble(a / b)


def float_rem(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float_rem"""
    a = _convert_to_double(v)
    b = _convert_to_double(w)
    if a is None or b is None:
        return Py_NotImplemented
    if b == 0.0:
        _zero_division("division by zero")
    return PyFloat_FromDouble(a % b)


def float_floor_div(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float_floor_div"""
    a = _convert_to_double(v)
    b = _convert_to_double(w)
    if a is None or b is None:
        return Py_NotImplemented
    if b == 0.0:
        _zero_division("division by zero")
    return PyFloat_FromDouble(a // b)


def float_divmod(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float_divmod

    CPython: Objects/floatobject.c:_float_div_mod
    """
    a = _convert_to_double(v)
    b = _convert_to_double(w)
    if a is None or b is None:
        return Py_NotImplemented
    if b == 0.0:
        _zero_division("division by zero")
    q, r = divmod(a, b)
    from pyvm.objects.tupleobject import _PyTuple_FromArraySteal  # cycle
    return _PyTuple_FromArraySteal([PyFloat_FromDouble(q), PyFloat_FromDouble(r)])


def float_pow(v: PyObject, w: PyObject, z: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float_pow"""
    if z is not Py_None:
        _type_error("pow() 3rd argument not allowed unless all arguments are integers")
    iv = _convert_to_double(v)
    iw = _convert_to_double(w)
    if iv is None or iw is None:
        return Py_NotImplemented
    if iv == 0.0 and iw < 0.0:
        _zero_division("zero to a negative power")
    if iv < 0.0 and iw != math.floor(iw) and math.isfinite(iw) and math.isfinite(iv):
        # Negative numbers raised to fractional powers become complex.
        from pyvm.objects.complexobject import _float_pow_complex  # cycle: complex imports float
        return _float_pow_complex(v, w)
    try:
        r = iv ** iw
    except OverflowError:
        _overflow_errno()
        raise
    except ZeroDivisionError:
        _zero_division("zero to a negative power")
        raise
    assert isinstance(r, float)
    return PyFloat_FromDouble(r)


def float_neg(v: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float_neg"""
    return PyFloat_FromDouble(-_fval(v))


def float_abs(v: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float_abs"""
    return PyFloat_FromDouble(abs(_fval(v)))


def float_bool(v: PyObject) -> bool:
    """CPython: Objects/floatobject.c:float_bool"""
    return _fval(v) != 0.0


def float_float(v: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float_float"""
    if v.ob_type is PyFloat_Type:
        Py_INCREF(v)
        return v
    return PyFloat_FromDouble(_fval(v))


def float___trunc__(v: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float___trunc___impl (also ``nb_int``)"""
    return PyLong_FromDouble(_fval(v))


def float___floor__(v: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float___floor___impl"""
    x = _fval(v)
    if x != x or math.isinf(x):
        return PyLong_FromDouble(x)
    return _PyLong_FromHost(math.floor(x))


def float___ceil__(v: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float___ceil___impl"""
    x = _fval(v)
    if x != x or math.isinf(x):
        return PyLong_FromDouble(x)
    return _PyLong_FromHost(math.ceil(x))


def float___round__(v: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/floatobject.c:float___round___impl

    CPython: Objects/floatobject.c:double_round
    """
    if len(args) > 1:
        _type_error(f"__round__ expected at most 1 argument, got {len(args)}")
    x = _fval(v)
    if len(args) == 0 or args[0] is Py_None:
        if x != x or math.isinf(x):
            return PyLong_FromDouble(x)
        return _PyLong_FromHost(round(x))
    from pyvm.objects.abstract import PyNumber_AsSsize_t  # cycle
    nd = PyNumber_AsSsize_t(args[0], None)
    return PyFloat_FromDouble(round(x, nd))


def float_is_integer(v: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float_is_integer_impl"""
    x = _fval(v)
    if math.isinf(x) or x != x:
        return Py_False
    return Py_True if x.is_integer() else Py_False


def float_as_integer_ratio(v: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float_as_integer_ratio_impl"""
    x = _fval(v)
    if math.isinf(x):
        from pyvm.objects.exceptions import PyExc_OverflowError  # cycle
        PyErr_Format(PyExc_OverflowError, "cannot convert Infinity to integer ratio")
    if x != x:
        _value_error("cannot convert NaN to integer ratio")
    n, d = x.as_integer_ratio()
    from pyvm.objects.tupleobject import _PyTuple_FromArraySteal  # cycle
    return _PyTuple_FromArraySteal([_PyLong_FromHost(n), _PyLong_FromHost(d)])


def float_conjugate(v: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float_conjugate_impl"""
    return float_float(v)


def float_hex(v: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float_hex_impl"""
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    return PyUnicode_FromString(_fval(v).hex())


def float_fromhex(tp: PyObject, s: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float_fromhex_impl"""
    text = _unicode_value(s)
    try:
        x = float.fromhex(text)
    except OverflowError:
        from pyvm.objects.exceptions import PyExc_OverflowError  # cycle
        PyErr_Format(PyExc_OverflowError, "hexadecimal value too large to represent as a float")
        raise
    except ValueError:
        _value_error("invalid hexadecimal floating-point string")
        raise
    r = PyFloat_FromDouble(x)
    if tp is not PyFloat_Type:
        res = PyObject_CallOneArg(tp, r)
        Py_DECREF(r)
        return res
    return r


def float___format__(v: PyObject, format_spec: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float___format___impl"""
    if not PyUnicode_Check(format_spec):
        _type_error(f"__format__() argument must be str, not {format_spec.ob_type.tp_name}")
    from pyvm.objects.unicode_format import format_float  # cycle
    return format_float(v, _unicode_value(format_spec))


def float_getnewargs(v: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float___getnewargs___impl"""
    from pyvm.objects.tupleobject import _PyTuple_FromArraySteal  # cycle
    return _PyTuple_FromArraySteal([PyFloat_FromDouble(_fval(v))])


def float_get_real(v: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float_getreal"""
    return float_float(v)


def float_get_imag(v: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:float_getimag"""
    return PyFloat_FromDouble(0.0)


def _float_from_text(s: str, orig: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:PyFloat_FromString

    CPython: Objects/floatobject.c:float_from_string_inner
    """
    try:
        if "\x00" in s:
            raise ValueError
        x = float(s)
    except ValueError:
        _value_error(f"could not convert string to float: {_PyObject_ReprStr(orig)}")
        raise
    return PyFloat_FromDouble(x)


def PyFloat_FromString(v: PyObject) -> PyObject:
    """CPython: Objects/floatobject.c:PyFloat_FromString"""
    if PyUnicode_Check(v):
        return _float_from_text(_unicode_value(v), v)
    from pyvm.objects.bytesobject import PyBytesObject  # cycle
    if isinstance(v, PyBytesObject):
        try:
            s = v.ob_sval.decode("ascii")
        except UnicodeDecodeError:
            s = "\x00"
        return _float_from_text(s, v)
    _type_error(f"float() argument must be a string or a real number, not '{v.ob_type.tp_name}'")
    raise AssertionError


def float_new_impl(tp: PyTypeObject, x: Optional[PyObject]) -> PyObject:
    """CPython: Objects/floatobject.c:float_new_impl"""
    if tp is not PyFloat_Type:
        return float_subtype_new(tp, x)
    if x is None:
        return PyFloat_FromDouble(0.0)
    if PyUnicode_Check(x) and x.ob_type.tp_name == "str":
        return PyFloat_FromString(x)
    from pyvm.objects.abstract import PyNumber_Float  # cycle
    return PyNumber_Float(x)


def float_subtype_new(tp: PyTypeObject, x: Optional[PyObject]) -> PyObject:
    """CPython: Objects/floatobject.c:float_subtype_new"""
    tmp = float_new_impl(PyFloat_Type, x)
    v = _fval(tmp)
    Py_DECREF(tmp)
    return PyFloatObject(tp, v)


def float_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/clinic/floatobject.c.h:float_new"""
    from pyvm.objects.tupleobject import PyTupleObject  # cycle
    assert isinstance(args, PyTupleObject)
    if kwds is not None:
        from pyvm.objects.dictobject import PyDict_Size  # cycle
        if PyDict_Size(kwds) > 0 and tp is PyFloat_Type:
            _type_error("float() takes no keyword arguments")
    items = args.ob_item
    if len(items) > 1:
        _type_error(f"float expected at most 1 argument, got {len(items)}")
    return float_new_impl(tp, items[0] if items else None)


def float_vectorcall(tp: PyObject, args: list[PyObject], start: int, nargs: int,
                     kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/floatobject.c:float_vectorcall"""
    assert isinstance(tp, PyTypeObject)
    if kwnames is not None:
        from pyvm.objects.tupleobject import PyTupleObject  # cycle
        assert isinstance(kwnames, PyTupleObject)
        if len(kwnames.ob_item) > 0:
            _type_error("float() takes no keyword arguments")
    if nargs > 1:
        _type_error(f"float expected at most 1 argument, got {nargs}")
    return float_new_impl(tp, args[start] if nargs else None)


def _init_type() -> None:
    """pyvm: the static initializer of ``PyFloat_Type``."""
    from pyvm.objects.descrobject import PyGetSetDef  # cycle: descrobject -> unicodeobject -> floatobject
    from pyvm.objects.typeobject import _PyType_AddGetSets, _PyType_AddMethods  # cycle: typeobject -> unicodeobject -> floatobject
    tp = PyFloat_Type
    tp.tp_dealloc = float_dealloc
    tp.tp_repr = float_repr
    tp.tp_hash = float_hash
    tp.tp_richcompare = float_richcompare
    tp.tp_new = float_new
    tp.tp_vectorcall = float_vectorcall
    tp.nb_add = float_add
    tp.nb_subtract = float_sub
    tp.nb_multiply = float_mul
    tp.nb_remainder = float_rem
    tp.nb_divmod = float_divmod
    tp.nb_power = float_pow
    tp.nb_negative = float_neg
    tp.nb_positive = float_float
    tp.nb_absolute = float_abs
    tp.nb_bool = float_bool
    tp.nb_int = float___trunc__
    tp.nb_float = float_float
    tp.nb_floor_divide = float_floor_div
    tp.nb_true_divide = float_div
    _PyType_AddMethods(tp, [
        PyMethodDef("conjugate", float_conjugate, METH_NOARGS,
                    "Return self, the complex conjugate of any float."),
        PyMethodDef("__trunc__", float___trunc__, METH_NOARGS,
                    "Return the Integral closest to x between 0 and x."),
        PyMethodDef("__floor__", float___floor__, METH_NOARGS, "Return the floor as an Integral."),
        PyMethodDef("__ceil__", float___ceil__, METH_NOARGS, "Return the ceiling as an Integral."),
        PyMethodDef("__round__", float___round__, METH_FASTCALL,
                    "Return the Integral closest to x, rounding half toward even.\n\n"
                    "When an argument is passed, work like built-in round(x, ndigits)."),
        PyMethodDef("as_integer_ratio", float_as_integer_ratio, METH_NOARGS,
                    "Return a pair of integers, whose ratio is exactly equal to the original float."),
        PyMethodDef("fromhex", float_fromhex, METH_O | METH_CLASS,
                    "Create a floating-point number from a hexadecimal string."),
        PyMethodDef("hex", float_hex, METH_NOARGS,
                    "Return a hexadecimal representation of a floating-point number."),
        PyMethodDef("is_integer", float_is_integer, METH_NOARGS,
                    "Return True if the float is an integer."),
        PyMethodDef("__getnewargs__", float_getnewargs, METH_NOARGS, None),
        PyMethodDef("__format__", float___format__, METH_O,
                    "Formats the float according to format_spec."),
    ])
    _PyType_AddGetSets(tp, [
        PyGetSetDef("real", float_get_real, None, "the real part of a complex number"),
        PyGetSetDef("imag", float_get_imag, None, "the imaginary part of a complex number"),
    ])


_init_type()
