"""Ports Objects/complexobject.c: the ``complex`` type.

A complex number holds two host doubles, ``real`` and ``imag`` (C's
``Py_complex cval``). The arithmetic is C's, done on host floats, never on
the host's ``complex`` type: 3.14 changed the mixed-mode rules (C11 Annex G)
so that a real operand is not first made complex (``2.0 - (1-0j)`` keeps the
sign of the zero imaginary part as ``-(-0.0)``), and products and quotients
recover infinities that naive formulas turn into ``nan+nanj``. C's ``errno``
(EDOM for a division by zero, ERANGE for an overflow) becomes a host
exception local to this module that the slot turns into pyvm's
ZeroDivisionError / OverflowError, as C checks errno after the operation.

``repr`` is C's ``complex_repr`` on the ``'r'`` format of
``PyOS_double_to_string``: the real part is dropped when it is +0.0, and the
imaginary part always carries its sign. The hash is ``complex_hash``:
``hash(real) + 1000003 * hash(imag)`` on unsigned machine words.
"""

from __future__ import annotations

import math
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.objects.object import (
    _PyType_CheckReady, Py_DECREF, Py_EQ, Py_NE, Py_None, Py_NotImplemented, Py_NewRef, Py_TPFLAGS_BASETYPE,
    Py_TPFLAGS_IMMUTABLETYPE, PyErr_SetString, PyObject, PyObject_GenericGetAttr,
    PyObject_RichCompare, PyType_IsSubtype, PyTypeObject, _Py_HashPointer, PyUnicode_Check,
    PyObject_Str, PyErr,
)
from pyvm.objects.boolobject import Py_False, Py_True
from pyvm.objects.exceptions import (
    PyExc_DeprecationWarning,
    PyExc_OverflowError,
    PyExc_TypeError,
    PyExc_ValueError,
    PyExc_ZeroDivisionError,
)
from pyvm.objects.floatobject import PyFloat_AsDouble, PyFloat_FromDouble, PyFloatObject
from pyvm.objects.longobject import PyLongObject, PyLong_Check, _long_to_double, PyLong_FromLong
from pyvm.objects.typeobject import (
    _PyObject_LookupSpecialString, _PyType_AddGetSets, _PyType_AddMethods,
    _PyType_GetFullyQualifiedName,
)
from pyvm.objects.call import PyObject_CallNoArgs, PyObject_CallOneArg
from pyvm.objects.unicodeobject import PyUnicode_FromString, PyUnicodeObject, _PyUnicode_AsString
from pyvm.objects.tupleobject import _PyTuple_FromArraySteal, PyTupleObject
from pyvm.objects.dictobject import PyDict_Next
from pyvm.objects.descrobject import PyGetSetDef
from pyvm.objects.methodobject import METH_CLASS, METH_NOARGS, METH_O, PyMethodDef

# pyvm: mirrors _PyHASH_IMAG of Include/cpython/pyhash.h
_PyHASH_IMAG: Final = 1000003
_M64: Final = 0xFFFFFFFFFFFFFFFF


class PyComplexObject(PyObject):
    """CPython: Include/cpython/complexobject.h:PyComplexObject"""

    real: float
    imag: float

    def __init__(self, tp: PyTypeObject, real: float, imag: float) -> None:
        super().__init__(tp)
        self.real = real
        self.imag = imag


PyComplex_Type: Final = PyTypeObject(
    "complex", flags=Py_TPFLAGS_BASETYPE | Py_TPFLAGS_IMMUTABLETYPE,
    doc="Create a complex number from a string or numbers.\n\n"
        "If a string is given, parse it as a complex number.\n"
        "If a single number is given, convert it to a complex number.\n"
        "If the 'real' or 'imag' arguments are given, create a complex number\n"
        "with the specified real and imaginary components.")


class _Errno(Exception):
    """pyvm: C's ``errno = EDOM`` / ``ERANGE`` raised out of the arithmetic
    helpers (``edom`` tells which)."""

    edom: bool

    def __init__(self, edom: bool) -> None:
        super().__init__()
        self.edom = edom


def PyComplex_Check(op: PyObject) -> bool:
    """CPython: Include/complexobject.h:PyComplex_Check"""
    return op.ob_type is PyComplex_Type or PyType_IsSubtype(op.ob_type, PyComplex_Type)


def PyComplex_CheckExact(op: PyObject) -> bool:
    """CPython: Include/complexobject.h:PyComplex_CheckExact"""
    return op.ob_type is PyComplex_Type


def PyComplex_FromDoubles(real: float, imag: float) -> PyObject:
    """CPython: Objects/complexobject.c:PyComplex_FromDoubles"""
    return PyComplexObject(PyComplex_Type, real, imag)


def complex_subtype_from_doubles(tp: PyTypeObject, real: float, imag: float) -> PyObject:
    """CPython: Objects/complexobject.c:complex_subtype_from_doubles"""
    return PyComplexObject(tp, real, imag)


def PyComplex_RealAsDouble(op: PyObject) -> float:
    """CPython: Objects/complexobject.c:PyComplex_RealAsDouble"""
    if isinstance(op, PyComplexObject):
        return op.real
    return PyFloat_AsDouble(op)


def PyComplex_ImagAsDouble(op: PyObject) -> float:
    """CPython: Objects/complexobject.c:PyComplex_ImagAsDouble"""
    if isinstance(op, PyComplexObject):
        return op.imag
    PyFloat_AsDouble(op)
    return 0.0


def try_complex_special_method(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/complexobject.c:try_complex_special_method

    The result of ``op.__complex__()`` (a new reference to a complex), or
    None when the type has no ``__complex__``. A result of a complex subclass
    is deprecated (a DeprecationWarning)."""
    f = _PyObject_LookupSpecialString(op, "__complex__")
    if f is None:
        return None
    try:
        res = PyObject_CallNoArgs(f)
    finally:
        Py_DECREF(f)
    if not PyComplex_Check(res):
        name = res.ob_type.tp_name
        Py_DECREF(res)
        PyErr_SetString(PyExc_TypeError, f"__complex__ returned non-complex (type {name})")
    if not PyComplex_CheckExact(res):
        # Issue #29894: warn if 'res' not of exact type complex.
        from pyvm.modules._warningsmodule import PyErr_WarnFormat  # cycle
        try:
            PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                             f"__complex__ returned non-complex (type {res.ob_type.tp_name:.200}).  "
                             "The ability to return an instance of a strict subclass of complex "
                             "is deprecated, and may be removed in a future version of Python.")
        except PyErr:
            Py_DECREF(res)
            raise
    return res


def PyComplex_AsCComplex(op: PyObject) -> tuple[float, float]:
    """CPython: Objects/complexobject.c:PyComplex_AsCComplex"""
    if isinstance(op, PyComplexObject):
        return op.real, op.imag
    newop = try_complex_special_method(op)
    if newop is not None:
        c = _cval(newop)
        r = (c.real, c.imag)
        Py_DECREF(newop)
        return r
    return PyFloat_AsDouble(op), 0.0


# ---------------------------------------------------------------------------
# The arithmetic of Py_complex values (pairs of host floats)


def _Py_c_prod(a: float, b: float, c: float, d: float) -> tuple[float, float]:
    """CPython: Objects/complexobject.c:_Py_c_prod

    (a+bj)*(c+dj), recovering infinities that come out as nan+nanj (C11
    Annex G.5.1)."""
    ac = a * c
    bd = b * d
    ad = a * d
    bc = b * c
    rr = ac - bd
    ri = ad + bc
    if math.isnan(rr) and math.isnan(ri):
        recalc = False
        if math.isinf(a) or math.isinf(b):
            a = math.copysign(1.0 if math.isinf(a) else 0.0, a)
            b = math.copysign(1.0 if math.isinf(b) else 0.0, b)
            if math.isnan(c):
                c = math.copysign(0.0, c)
            if math.isnan(d):
                d = math.copysign(0.0, d)
            recalc = True
        if math.isinf(c) or math.isinf(d):
            c = math.copysign(1.0 if math.isinf(c) else 0.0, c)
            d = math.copysign(1.0 if math.isinf(d) else 0.0, d)
            if math.isnan(a):
                a = math.copysign(0.0, a)
            if math.isnan(b):
                b = math.copysign(0.0, b)
            recalc = True
        if not recalc and (math.isinf(ac) or math.isinf(bd) or math.isinf(ad) or math.isinf(bc)):
            if math.isnan(a):
                a = math.copysign(0.0, a)
            if math.isnan(b):
                b = math.copysign(0.0, b)
            if math.isnan(c):
                c = math.copysign(0.0, c)
            if math.isnan(d):
                d = math.copysign(0.0, d)
            recalc = True
        if recalc:
            rr = math.inf * (a * c - b * d)
            ri = math.inf * (a * d + b * c)
    return rr, ri


def _Py_c_quot(ar: float, ai: float, br: float, bi: float) -> tuple[float, float]:
    """CPython: Objects/complexobject.c:_Py_c_quot

    Smith's algorithm with the recovery of infinities and zeros of C11 Annex
    G.5.2. A zero divisor is EDOM."""
    abs_breal = -br if br < 0 else br
    abs_bimag = -bi if bi < 0 else bi
    if abs_breal >= abs_bimag:
        if abs_breal == 0.0:
            raise _Errno(True)
        ratio = bi / br
        denom = br + bi * ratio
        rr = (ar + ai * ratio) / denom
        ri = (ai - ar * ratio) / denom
    elif abs_bimag >= abs_breal:
        ratio = br / bi
        denom = br * ratio + bi
        rr = (ar * ratio + ai) / denom
        ri = (ai * ratio - ar) / denom
    else:
        rr = math.nan
        ri = math.nan
    if math.isnan(rr) and math.isnan(ri):
        if ((math.isinf(ar) or math.isinf(ai))
                and math.isfinite(br) and math.isfinite(bi)):
            x = math.copysign(1.0 if math.isinf(ar) else 0.0, ar)
            y = math.copysign(1.0 if math.isinf(ai) else 0.0, ai)
            rr = math.inf * (x * br + y * bi)
            ri = math.inf * (y * br - x * bi)
        elif ((math.isinf(abs_breal) or math.isinf(abs_bimag))
              and math.isfinite(ar) and math.isfinite(ai)):
            x = math.copysign(1.0 if math.isinf(br) else 0.0, br)
            y = math.copysign(1.0 if math.isinf(bi) else 0.0, bi)
            rr = 0.0 * (ar * x + ai * y)
            ri = 0.0 * (ai * x - ar * y)
    return rr, ri


def _Py_rc_quot(a: float, br: float, bi: float) -> tuple[float, float]:
    """CPython: Objects/complexobject.c:_Py_rc_quot"""
    abs_breal = -br if br < 0 else br
    abs_bimag = -bi if bi < 0 else bi
    if abs_breal >= abs_bimag:
        if abs_breal == 0.0:
            raise _Errno(True)
        ratio = bi / br
        denom = br + bi * ratio
        rr = a / denom
        ri = (-a * ratio) / denom
    elif abs_bimag >= abs_breal:
        ratio = br / bi
        denom = br * ratio + bi
        rr = (a * ratio) / denom
        ri = (-a) / denom
    else:
        rr = math.nan
        ri = math.nan
    if (math.isnan(rr) and math.isnan(ri) and math.isfinite(a)
            and (math.isinf(abs_breal) or math.isinf(abs_bimag))):
        x = math.copysign(1.0 if math.isinf(br) else 0.0, br)
        y = math.copysign(1.0 if math.isinf(bi) else 0.0, bi)
        rr = 0.0 * (a * x)
        ri = 0.0 * (-a * y)
    return rr, ri


def _Py_cr_quot(ar: float, ai: float, b: float) -> tuple[float, float]:
    """CPython: Objects/complexobject.c:_Py_cr_quot"""
    if b:
        return ar / b, ai / b
    raise _Errno(True)


def _adjust_erange2(x: float, y: float) -> None:
    """pyvm: mirrors _Py_ADJUST_ERANGE2 of Include/internal/pycore_pymath.h
    (an infinite part after a finite computation is an overflow)."""
    if math.isinf(x) or math.isinf(y):
        raise _Errno(False)


def _pow_d(x: float, y: float) -> float:
    """pyvm: C's ``pow`` (overflow gives an infinity, not a host error)."""
    try:
        return math.pow(x, y)
    except OverflowError:
        return math.inf


def _exp_d(x: float) -> float:
    """pyvm: C's ``exp`` (overflow gives an infinity)."""
    try:
        return math.exp(x)
    except OverflowError:
        return math.inf


def _Py_c_pow(ar: float, ai: float, br: float, bi: float) -> tuple[float, float]:
    """CPython: Objects/complexobject.c:_Py_c_pow"""
    if br == 0.0 and bi == 0.0:
        return 1.0, 0.0
    if ar == 0.0 and ai == 0.0:
        if bi != 0.0 or br < 0.0:
            raise _Errno(True)
        return 0.0, 0.0
    vabs = math.hypot(ar, ai)
    ln = _pow_d(vabs, br)
    at = math.atan2(ai, ar)
    phase = at * br
    if bi != 0.0:
        ln *= _exp_d(-at * bi)
        phase += bi * math.log(vabs)
    rr = ln * math.cos(phase)
    ri = ln * math.sin(phase)
    _adjust_erange2(rr, ri)
    return rr, ri


def c_powu(xr: float, xi: float, n: int) -> tuple[float, float]:
    """CPython: Objects/complexobject.c:c_powu"""
    rr, ri = 1.0, 0.0
    pr, pi = xr, xi
    mask = 1
    while mask > 0 and n >= mask:
        if n & mask:
            rr, ri = _Py_c_prod(rr, ri, pr, pi)
        mask <<= 1
        pr, pi = _Py_c_prod(pr, pi, pr, pi)
    return rr, ri


def c_powi(xr: float, xi: float, n: int) -> tuple[float, float]:
    """CPython: Objects/complexobject.c:c_powi"""
    if n > 0:
        return c_powu(xr, xi, n)
    ur, ui = c_powu(xr, xi, -n)
    return _Py_c_quot(1.0, 0.0, ur, ui)


def _Py_c_abs(r: float, i: float) -> float:
    """CPython: Objects/complexobject.c:_Py_c_abs"""
    if not math.isfinite(r) or not math.isfinite(i):
        if math.isinf(r):
            return abs(r)
        if math.isinf(i):
            return abs(i)
        return math.nan
    result = math.hypot(r, i)
    if not math.isfinite(result):
        raise _Errno(False)
    return result


# ---------------------------------------------------------------------------
# The type's slots


def _cval(op: PyObject) -> PyComplexObject:
    """pyvm: mirrors _PyComplexObject_CAST of Objects/complexobject.c"""
    assert isinstance(op, PyComplexObject)
    return op


def _format_r(x: float, sign: bool) -> str:
    """pyvm: ``PyOS_double_to_string(x, 'r', 0, sign ? Py_DTSF_SIGN : 0)``:
    the shortest repr, without the ``.0`` a float repr adds."""
    if math.isnan(x):
        s = "nan"
    elif math.isinf(x):
        s = "inf" if x > 0 else "-inf"
    else:
        s = repr(x)
        if s.endswith(".0"):
            s = s[:-2]
    if sign and not s.startswith("-"):
        s = "+" + s
    return s


def complex_repr(op: PyObject) -> PyObject:
    """CPython: Objects/complexobject.c:complex_repr"""
    v = _cval(op)
    if v.real == 0.0 and math.copysign(1.0, v.real) == 1.0:
        return PyUnicode_FromString(_format_r(v.imag, False) + "j")
    return PyUnicode_FromString(
        "(" + _format_r(v.real, False) + _format_r(v.imag, True) + "j)")


def _hash_double(op: PyObject, x: float) -> int:
    """CPython: Python/pyhash.c:_Py_HashDouble (a NaN hashes by identity)"""
    if x != x:
        return _Py_HashPointer(op)
    return hash(x)


def complex_hash(op: PyObject) -> int:
    """CPython: Objects/complexobject.c:complex_hash"""
    v = _cval(op)
    hashreal = _hash_double(op, v.real) & _M64
    hashimag = _hash_double(op, v.imag) & _M64
    combined = (hashreal + _PyHASH_IMAG * hashimag) & _M64
    if combined == _M64:
        combined = _M64 - 1
    if combined >= 1 << 63:
        combined -= 1 << 64
    return combined


def real_to_double(obj: PyObject) -> Optional[float]:
    """CPython: Objects/complexobject.c:real_to_double

    None when ``obj`` is neither a float nor an int (C returns
    NotImplemented). A too-large int raises OverflowError."""
    if isinstance(obj, PyFloatObject):
        return obj.ob_fval
    if isinstance(obj, PyLongObject) and PyLong_Check(obj):
        return _long_to_double(obj.ob_ival)
    return None


def _to_complex(obj: PyObject) -> Optional[tuple[float, float]]:
    """pyvm: C's ``TO_COMPLEX`` macro (with ``real_to_complex``)."""
    if isinstance(obj, PyComplexObject):
        return obj.real, obj.imag
    d = real_to_double(obj)
    if d is None:
        return None
    return d, 0.0


_ADD: Final = 0
_SUB: Final = 1
_MUL: Final = 2
_DIV: Final = 3


def _complex_binop(v: PyObject, w: PyObject, op: int) -> PyObject:
    """CPython: Objects/complexobject.c:COMPLEX_BINOP

    The mixed-mode rules: a real operand combines directly with the parts of
    the complex one."""
    try:
        if isinstance(w, PyComplexObject):
            br, bi = w.real, w.imag
            if isinstance(v, PyComplexObject):
                ar, ai = v.real, v.imag
                if op == _ADD:
                    rr, ri = ar + br, ai + bi
                elif op == _SUB:
                    rr, ri = ar - br, ai - bi
                elif op == _MUL:
                    rr, ri = _Py_c_prod(ar, ai, br, bi)
                else:
                    rr, ri = _Py_c_quot(ar, ai, br, bi)
            else:
                a = real_to_double(v)
                if a is None:
                    return Py_NotImplemented
                if op == _ADD:
                    rr, ri = br + a, bi
                elif op == _SUB:
                    rr, ri = a - br, -bi
                elif op == _MUL:
                    rr, ri = br * a, bi * a
                else:
                    rr, ri = _Py_rc_quot(a, br, bi)
        elif not isinstance(v, PyComplexObject):
            return Py_NotImplemented
        else:
            ar, ai = v.real, v.imag
            b = real_to_double(w)
            if b is None:
                return Py_NotImplemented
            if op == _ADD:
                rr, ri = ar + b, ai
            elif op == _SUB:
                rr, ri = ar - b, ai
            elif op == _MUL:
                rr, ri = ar * b, ai * b
            else:
                rr, ri = _Py_cr_quot(ar, ai, b)
    except _Errno:
        PyErr_SetString(PyExc_ZeroDivisionError, "division by zero")
    return PyComplex_FromDoubles(rr, ri)


def complex_add(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/complexobject.c:COMPLEX_BINOP (``complex_add``)"""
    return _complex_binop(v, w, _ADD)


def complex_sub(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/complexobject.c:COMPLEX_BINOP (``complex_sub``)"""
    return _complex_binop(v, w, _SUB)


def complex_mul(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/complexobject.c:COMPLEX_BINOP (``complex_mul``)"""
    return _complex_binop(v, w, _MUL)


def complex_div(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/complexobject.c:COMPLEX_BINOP (``complex_div``)"""
    return _complex_binop(v, w, _DIV)


def complex_pow(v: PyObject, w: PyObject, z: PyObject) -> PyObject:
    """pyvm: a port of ``complex_pow`` of Objects/complexobject.c (the
    function index misses it)."""
    a = _to_complex(v)
    b = _to_complex(w)
    if a is None or b is None:
        return Py_NotImplemented
    if z is not Py_None:
        PyErr_SetString(PyExc_ValueError, "complex modulo")
    ar, ai = a
    br, bi = b
    try:
        if bi == 0.0 and br == math.floor(br) and abs(br) <= 100.0:
            pr, pi = c_powi(ar, ai, int(br))
            _adjust_erange2(pr, pi)
        else:
            pr, pi = _Py_c_pow(ar, ai, br, bi)
    except _Errno as e:
        if e.edom:
            PyErr_SetString(PyExc_ZeroDivisionError, "zero to a negative or complex power")
        PyErr_SetString(PyExc_OverflowError, "complex exponentiation")
    return PyComplex_FromDoubles(pr, pi)


def complex_neg(op: PyObject) -> PyObject:
    """CPython: Objects/complexobject.c:complex_neg"""
    v = _cval(op)
    return PyComplex_FromDoubles(-v.real, -v.imag)


def complex_pos(op: PyObject) -> PyObject:
    """CPython: Objects/complexobject.c:complex_pos"""
    v = _cval(op)
    if PyComplex_CheckExact(v):
        return Py_NewRef(v)
    return PyComplex_FromDoubles(v.real, v.imag)


def complex_abs(op: PyObject) -> PyObject:
    """CPython: Objects/complexobject.c:complex_abs"""
    v = _cval(op)
    try:
        r = _Py_c_abs(v.real, v.imag)
    except _Errno:
        PyErr_SetString(PyExc_OverflowError, "absolute value too large")
    return PyFloat_FromDouble(r)


def complex_bool(op: PyObject) -> bool:
    """CPython: Objects/complexobject.c:complex_bool"""
    v = _cval(op)
    return v.real != 0.0 or v.imag != 0.0


def complex_richcompare(v: PyObject, w: PyObject, op: int) -> PyObject:
    """CPython: Objects/complexobject.c:complex_richcompare"""
    if op != Py_EQ and op != Py_NE:
        return Py_NotImplemented
    i = _cval(v)
    if isinstance(w, PyLongObject) and PyLong_Check(w):
        if i.imag == 0.0:
            j = PyFloat_FromDouble(i.real)
            try:
                return PyObject_RichCompare(j, w, op)
            finally:
                Py_DECREF(j)
        equal = False
    elif isinstance(w, PyFloatObject):
        equal = i.real == w.ob_fval and i.imag == 0.0
    elif isinstance(w, PyComplexObject):
        equal = i.real == w.real and i.imag == w.imag
    else:
        return Py_NotImplemented
    return Py_True if equal == (op == Py_EQ) else Py_False


def complex_conjugate_impl(op: PyObject) -> PyObject:
    """CPython: Objects/complexobject.c:complex_conjugate_impl"""
    v = _cval(op)
    return PyComplex_FromDoubles(v.real, -v.imag)


def complex___getnewargs___impl(op: PyObject) -> PyObject:
    """CPython: Objects/complexobject.c:complex___getnewargs___impl"""
    v = _cval(op)
    return _PyTuple_FromArraySteal([PyFloat_FromDouble(v.real), PyFloat_FromDouble(v.imag)])


def complex___complex___impl(op: PyObject) -> PyObject:
    """CPython: Objects/complexobject.c:complex___complex___impl"""
    v = _cval(op)
    if PyComplex_CheckExact(v):
        return Py_NewRef(v)
    return PyComplex_FromDoubles(v.real, v.imag)


def complex_real(op: PyObject) -> PyObject:
    """pyvm: the ``real`` member (C's ``complex_members``)."""
    return PyFloat_FromDouble(_cval(op).real)


def complex_imag(op: PyObject) -> PyObject:
    """pyvm: the ``imag`` member (C's ``complex_members``)."""
    return PyFloat_FromDouble(_cval(op).imag)


# ---------------------------------------------------------------------------
# Construction


def _parse_float_prefix(s: str, pos: int) -> tuple[Optional[float], int]:
    """pyvm: ``PyOS_string_to_double(s, &end, NULL)`` on the text from
    ``pos``: the longest prefix that is a float literal, and where it ends
    (``(None, pos)`` when there is none)."""
    best: Optional[float] = None
    end = pos
    n = len(s)
    j = pos
    # A float literal is made of these characters; try the longest first.
    while j < n and (s[j].isalnum() or s[j] in "+-._"):
        j += 1
    k = j
    while k > pos:
        piece = s[pos:k]
        if piece[-1:] not in ("j", "J") and piece.strip() == piece:
            try:
                best = float(piece)
                end = k
                break
            except ValueError:
                pass
        k -= 1
    return best, end


def complex_from_string_inner(s: str, tp: PyTypeObject) -> PyObject:
    """CPython: Objects/complexobject.c:complex_from_string_inner"""
    n = len(s)
    i = 0
    x = 0.0
    y = 0.0
    while i < n and s[i].isspace():
        i += 1
    got_bracket = False
    if i < n and s[i] == "(":
        got_bracket = True
        i += 1
        while i < n and s[i].isspace():
            i += 1
    ok = True
    z, end = _parse_float_prefix(s, i)
    if z is not None:
        i = end
        if i < n and s[i] in "+-":
            x = z
            y2, end = _parse_float_prefix(s, i)
            if y2 is not None:
                y = y2
                i = end
            else:
                y = 1.0 if s[i] == "+" else -1.0
                i += 1
            if not (i < n and s[i] in "jJ"):
                ok = False
            i += 1
        elif i < n and s[i] in "jJ":
            i += 1
            y = z
        else:
            x = z
    else:
        if i < n and s[i] in "+-":
            y = 1.0 if s[i] == "+" else -1.0
            i += 1
        else:
            y = 1.0
        if not (i < n and s[i] in "jJ"):
            ok = False
        i += 1
    if ok:
        while i < n and s[i].isspace():
            i += 1
        if got_bracket:
            if not (i < n and s[i] == ")"):
                ok = False
            i += 1
            while i < n and s[i].isspace():
                i += 1
    if not ok or i != n:
        PyErr_SetString(PyExc_ValueError, "complex() arg is a malformed string")
    return complex_subtype_from_doubles(tp, x, y)


def complex_subtype_from_string(tp: PyTypeObject, v: PyObject) -> PyObject:
    """CPython: Objects/complexobject.c:complex_subtype_from_string"""
    assert isinstance(v, PyUnicodeObject)
    s = v.value
    # C converts to ASCII first (_PyUnicode_TransformDecimalAndSpaceToASCII).
    if "\x00" in s:
        PyErr_SetString(PyExc_ValueError, "complex() arg is a malformed string")
    return complex_from_string_inner(s, tp)


def _is_real_number(o: PyObject) -> bool:
    """pyvm: ``nb_float != NULL || nb_index != NULL`` of the constructor."""
    tp = o.ob_type
    if tp.tp_dict is None:
        _PyType_CheckReady(tp)  # pyvm: inherited slots come with readiness
    return tp.nb_float is not None or tp.nb_index is not None


def _warn_not_real(which: str, o: PyObject) -> None:
    """pyvm: complex_new_impl's DeprecationWarning for a complex 'real' or
    'imag' argument."""
    from pyvm.modules._warningsmodule import PyErr_WarnFormat  # cycle
    PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                     f"complex() argument '{which}' must be a real number, "
                     f"not {_PyType_GetFullyQualifiedName(o.ob_type)}")


def complex_new_impl(tp: PyTypeObject, r: Optional[PyObject], i: Optional[PyObject]) -> PyObject:
    """CPython: Objects/complexobject.c:complex_new_impl

    pyvm: ``__complex__`` of user classes is not consulted yet (pyvm has no
    class statement so far)."""
    if r is None:
        r = PyLong_FromLong(0)
    orig_r = r
    special = try_complex_special_method(r)
    if special is not None:
        # Released once its parts are read (C's ``own_r``).
        r = special
    if not _is_real_number(r) and not PyComplex_Check(r):
        PyErr_SetString(PyExc_TypeError,
                        f"complex() argument 'real' must be a real number, not {r.ob_type.tp_name}")
    if i is not None and not _is_real_number(i) and not PyComplex_Check(i):
        if special is not None:
            Py_DECREF(special)
        PyErr_SetString(PyExc_TypeError,
                        f"complex() argument 'imag' must be a real number, not {i.ob_type.tp_name}")
    cr_is_complex = False
    ci_is_complex = False
    if isinstance(r, PyComplexObject):
        crr, cri = r.real, r.imag
        cr_is_complex = True
        if special is not None:
            # r was a newly created complex number, rather than the original
            # "real" argument.
            Py_DECREF(special)
            special = None
        if not _is_real_number(orig_r):
            _warn_not_real("real", orig_r)
    else:
        crr, cri = PyFloat_AsDouble(r), 0.0
    cir = 0.0
    cii = 0.0
    if i is None:
        cir = cri
    elif isinstance(i, PyComplexObject):
        try:
            _warn_not_real("imag", i)
        except PyErr:
            if special is not None:
                Py_DECREF(special)
            raise
        cir, cii = i.real, i.imag
        ci_is_complex = True
    else:
        cir = PyFloat_AsDouble(i)
    if special is not None:
        Py_DECREF(special)
    if ci_is_complex:
        crr -= cii
    if cr_is_complex and i is not None:
        cir += cri
    return complex_subtype_from_doubles(tp, crr, cir)


def actual_complex_new(tp: PyTypeObject, args: list[PyObject],
                       kwargs: list[tuple[str, PyObject]]) -> PyObject:
    """CPython: Objects/complexobject.c:actual_complex_new

    pyvm: the arguments come as a host list and (name, value) pairs, from
    ``tp_new`` or the vectorcall."""
    if len(args) > 1 or kwargs:
        if len(args) > 2:
            PyErr_SetString(PyExc_TypeError,
                            f"complex() takes at most 2 arguments ({len(args) + len(kwargs)} given)")
        r: Optional[PyObject] = args[0] if args else None
        i: Optional[PyObject] = args[1] if len(args) > 1 else None
        for name, val in kwargs:
            if name == "real" and not args:
                r = val
            elif name == "imag" and len(args) < 2:
                i = val
            elif name in ("real", "imag"):
                pos = 1 if name == "real" else 2
                PyErr_SetString(PyExc_TypeError,
                                f"argument for complex() given by name ('{name}') "
                                f"and position ({pos})")
            else:
                PyErr_SetString(PyExc_TypeError,
                                f"complex() got an unexpected keyword argument '{name}'")
        return complex_new_impl(tp, r, i)
    if not args:
        return complex_subtype_from_doubles(tp, 0.0, 0.0)
    arg = args[0]
    if PyComplex_CheckExact(arg) and tp is PyComplex_Type:
        return Py_NewRef(arg)
    if PyUnicode_Check(arg):
        return complex_subtype_from_string(tp, arg)
    tmp = try_complex_special_method(arg)
    if tmp is not None:
        c = _cval(tmp)
        res = complex_subtype_from_doubles(tp, c.real, c.imag)
        Py_DECREF(tmp)
        return res
    if isinstance(arg, PyComplexObject):
        return complex_subtype_from_doubles(tp, arg.real, arg.imag)
    if _is_real_number(arg):
        return complex_subtype_from_doubles(tp, PyFloat_AsDouble(arg), 0.0)
    PyErr_SetString(PyExc_TypeError,
                    f"complex() argument must be a string or a number, not {arg.ob_type.tp_name}")


def complex_tp_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/clinic/complexobject.c.h:complex_new"""
    assert isinstance(args, PyTupleObject)
    kw: list[tuple[str, PyObject]] = []
    if kwds is not None:
        pos = 0
        while True:
            nxt = PyDict_Next(kwds, pos)
            if nxt is None:
                break
            pos, k, val = nxt
            kw.append((_PyUnicode_AsString(k), val))
    return actual_complex_new(tp, list(args.ob_item), kw)


def complex_vectorcall(tp: PyObject, args: list[PyObject], start: int, nargs: int,
                       kwnames: Optional[PyObject]) -> PyObject:
    """pyvm: ``complex(...)`` without an argument tuple (C goes through
    ``tp_new``; the result is the same)."""
    assert isinstance(tp, PyTypeObject)
    kw: list[tuple[str, PyObject]] = []
    if kwnames is not None:
        assert isinstance(kwnames, PyTupleObject)
        for j in range(len(kwnames.ob_item)):
            kw.append((_PyUnicode_AsString(kwnames.ob_item[j]), args[start + nargs + j]))
    return actual_complex_new(tp, args[start:start + nargs], kw)


def PyComplex_FromCComplex(real: float, imag: float) -> PyObject:
    """CPython: Objects/complexobject.c:PyComplex_FromCComplex"""
    return PyComplex_FromDoubles(real, imag)


def _float_pow_complex(v: PyObject, w: PyObject) -> PyObject:
    """pyvm: ``PyComplex_Type.tp_as_number->nb_power(v, w, Py_None)``, the
    path of ``float_pow`` for a negative base and a fractional exponent."""
    return complex_pow(v, w, Py_None)


def complex___format___impl(op: PyObject, format_spec: PyObject) -> PyObject:
    """CPython: Objects/complexobject.c:complex___format___impl

    pyvm: the formatting itself is the host's (``formatter_unicode.c``'s
    ``format_complex_internal``, unchanged between 3.11 and 3.14); its
    ValueError becomes pyvm's."""
    if not PyUnicode_Check(format_spec):
        PyErr_SetString(PyExc_TypeError,
                        f"__format__() argument must be str, not {format_spec.ob_type.tp_name}")
    spec = _PyUnicode_AsString(format_spec)
    if not spec:
        return PyObject_Str(op)
    v = _cval(op)
    try:
        text = format(complex(v.real, v.imag), spec)
    except ValueError as e:
        PyErr_SetString(PyExc_ValueError, str(e))
    return PyUnicode_FromString(text)


def complex_from_number_impl(tp: PyObject, number: PyObject) -> PyObject:
    """CPython: Objects/complexobject.c:complex_from_number_impl"""
    if PyComplex_CheckExact(number) and tp is PyComplex_Type:
        return Py_NewRef(number)
    r, i = PyComplex_AsCComplex(number)
    result = PyComplex_FromDoubles(r, i)
    if tp is not PyComplex_Type:
        try:
            return PyObject_CallOneArg(tp, result)
        finally:
            Py_DECREF(result)
    return result


def _init_type() -> None:
    """pyvm: the static initializer of ``PyComplex_Type`` (C's
    ``complex_as_number``, ``complex_methods`` and ``complex_members``)."""
    tp = PyComplex_Type
    tp.tp_repr = complex_repr
    tp.tp_hash = complex_hash
    tp.tp_getattro = PyObject_GenericGetAttr
    tp.tp_richcompare = complex_richcompare
    tp.tp_new = complex_tp_new
    tp.tp_vectorcall = complex_vectorcall
    tp.nb_add = complex_add
    tp.nb_subtract = complex_sub
    tp.nb_multiply = complex_mul
    tp.nb_power = complex_pow
    tp.nb_negative = complex_neg
    tp.nb_positive = complex_pos
    tp.nb_absolute = complex_abs
    tp.nb_bool = complex_bool
    tp.nb_true_divide = complex_div
    _PyType_AddMethods(tp, [
        PyMethodDef("conjugate", complex_conjugate_impl, METH_NOARGS,
                    "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."),
        PyMethodDef("__complex__", complex___complex___impl, METH_NOARGS,
                    "Convert this value to exact type complex."),
        PyMethodDef("__getnewargs__", complex___getnewargs___impl, METH_NOARGS, None),
        PyMethodDef("__format__", complex___format___impl, METH_O,
                    "Convert to a string according to format_spec."),
        PyMethodDef("from_number", complex_from_number_impl, METH_O | METH_CLASS,
                    "Convert number to a complex floating-point number."),
    ])
    _PyType_AddGetSets(tp, [
        PyGetSetDef("real", complex_real, None, "the real part of a complex number"),
        PyGetSetDef("imag", complex_imag, None, "the imaginary part of a complex number"),
    ])


_init_type()
