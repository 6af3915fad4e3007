"""Ports Objects/longobject.c and Objects/boolobject.c's objects: the ``int``
type, and the ``bool`` type object with its two instances.

An int wraps a host ``int`` (``ob_ival``); the digit arithmetic of C's
``x_add``/``x_divrem``/``k_mul`` is the host's, which computes the same exact
results. What pyvm keeps from C is everything a program can observe: the
floor-division and modulo signs, the messages of every error (checked before the
host operation, so no host exception escapes), the hash modulo
``_PyHASH_MODULUS`` (2**61 - 1), the 4300-digit limit of ``str(int)`` /
``int(str)`` (PEP 651's ``sys.set_int_max_str_digits``), the immortal small ints
-5..256 (``_PyLong_SMALL_INTS``) and the int parser's rules.

``PyBool_Type``, ``Py_True`` and ``Py_False`` are created here rather than in
boolobject.py: every comparison of ints returns them, and this module sits below
boolobject (which imports it to give bool its slots). boolobject re-exports them.
"""

from __future__ import annotations

import math
import operator
import sys
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, Optional

from pyvm.objects.object import (
    _Py_TPFLAGS_MATCH_SELF, _PyObject_ReprStr, PyUnicode_Check, PyObject_IsTrue,
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
    Py_TPFLAGS_LONG_SUBCLASS,
    PyErr,
    PyErr_CheckSignals,
    PyErr_Format,
    PyObject,
    PyTypeObject,
    _Py_SetImmortalNew,
    _unicode_value,
)
from pyvm.objects.methodobject import (
    METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O, PyMethodDef,
)

# pyvm: the host's own digit limit would raise a host ValueError from str()/int();
# pyvm applies 3.14's limit itself (with its own setting), so the host's is off.
if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)


class PyLongObject(PyObject):
    """CPython: Include/cpython/longintrepr.h:_longobject"""

    ob_ival: int

    def __init__(self, tp: PyTypeObject, v: int) -> None:
        super().__init__(tp)
        self.ob_ival = v

    def _debug_detail(self) -> str:
        """pyvm: ``42`` (``True`` for a bool) for ``PyObject.__repr__``; a huge
        value shows its size, as the host refuses to print more than 4300 digits."""
        v = self.ob_ival
        if self.ob_type.tp_name == "bool":
            return "True" if v else "False"
        if v.bit_length() > 128:
            return f"<{v.bit_length()}-bit int>"
        return str(v)


# pyvm: the static ``PyLong_Type`` of Objects/longobject.c
PyLong_Type: Final = PyTypeObject(
    "int", None, Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LONG_SUBCLASS | Py_TPFLAGS_IMMUTABLETYPE
    | _Py_TPFLAGS_MATCH_SELF,
    "int([x]) -> integer\n"
    "int(x, base=10) -> integer\n\n"
    "Convert a number or string to an integer, or return 0 if no arguments\n"
    "are given.  If x is a number, return x.__int__().  For floating-point\n"
    "numbers, this truncates towards zero.\n\n"
    "If x is not a number or if base is given, then x must be a string,\n"
    "bytes, or bytearray instance representing an integer literal in the\n"
    "given base.  The literal can be preceded by '+' or '-' and be surrounded\n"
    "by whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\n"
    "Base 0 means to interpret the base from the string as an integer literal.\n"
    ">>> int('0b100', base=0)\n"
    "4")

# A variable-size object in C (its digits): nonempty __slots__ are refused.
PyLong_Type.tp_itemsize = 1

# pyvm: the static ``PyBool_Type`` of Objects/boolobject.c
PyBool_Type: Final = PyTypeObject(
    "bool", PyLong_Type, Py_TPFLAGS_LONG_SUBCLASS | Py_TPFLAGS_IMMUTABLETYPE | _Py_TPFLAGS_MATCH_SELF,
    "Returns True when the argument is true, False otherwise.\n"
    "The builtins True and False are the only two instances of the class bool.\n"
    "The class bool is a subclass of the class int, and cannot be subclassed.")


def _immortal_long(tp: PyTypeObject, v: int) -> PyLongObject:
    """pyvm: a statically allocated (immortal) int, as the small ints and bools are."""
    o = PyLongObject(tp, v)
    _Py_SetImmortalNew(o)
    return o


# CPython: Include/boolobject.h:Py_False
Py_False: Final = _immortal_long(PyBool_Type, 0)
# CPython: Include/boolobject.h:Py_True
Py_True: Final = _immortal_long(PyBool_Type, 1)

# CPython: Include/internal/pycore_runtime_structs.h:_PY_NSMALLNEGINTS
_PY_NSMALLNEGINTS: Final = 5
# CPython: Include/internal/pycore_runtime_structs.h:_PY_NSMALLPOSINTS
_PY_NSMALLPOSINTS: Final = 257

# CPython: Include/internal/pycore_long.h:_PyLong_SMALL_INTS
_small_ints: Final = [_immortal_long(PyLong_Type, i)
                      for i in range(-_PY_NSMALLNEGINTS, _PY_NSMALLPOSINTS)]

# CPython: Include/cpython/pyhash.h:_PyHASH_MODULUS
_PyHASH_MODULUS: Final = (1 << 61) - 1
# CPython: Include/internal/pycore_long.h:_PY_LONG_DEFAULT_MAX_STR_DIGITS
_PY_LONG_DEFAULT_MAX_STR_DIGITS: Final = 4300
# CPython: Include/internal/pycore_long.h:_PY_LONG_MAX_STR_DIGITS_THRESHOLD
_PY_LONG_MAX_STR_DIGITS_THRESHOLD: Final = 640

PY_SSIZE_T_MAX: Final = (1 << 63) - 1
PY_SSIZE_T_MIN: Final = -(1 << 63)
LONG_MAX: Final = (1 << 63) - 1
LONG_MIN: Final = -(1 << 63)


class _LongState:
    """pyvm: ``interp->long_state.max_str_digits`` and a cached power of ten."""

    max_str_digits: int
    limit_pow: int

    def __init__(self) -> None:
        # pyvm: computed at run time; a folded 4300-digit literal crashes mypyc.
        n = _PY_LONG_DEFAULT_MAX_STR_DIGITS
        self.max_str_digits = n
        self.limit_pow = pow(10, int(str(n)))


_long_state: Final = _LongState()


def _PyLong_SetMaxStrDigits(n: int) -> None:
    """pyvm: ``sys.set_int_max_str_digits(n)`` (0 disables the limit)."""
    _long_state.max_str_digits = n
    _long_state.limit_pow = 10 ** n if n > 0 else 0


def _PyLong_GetMaxStrDigits() -> int:
    """pyvm: ``sys.get_int_max_str_digits()``."""
    return _long_state.max_str_digits


# ---------------------------------------------------------------------------
# Errors (function-level imports: exceptions imports this module lazily)


def _type_error(msg: str) -> NoReturn:
    """pyvm: raise TypeError (the exception types sit above this module)."""
    from pyvm.objects.exceptions import PyExc_TypeError  # cycle
    PyErr_Format(PyExc_TypeError, msg)


def _value_error(msg: str) -> NoReturn:
    """pyvm: raise ValueError (the exception types sit above this module)."""
    from pyvm.objects.exceptions import PyExc_ValueError  # cycle
    PyErr_Format(PyExc_ValueError, msg)


def _overflow_error(msg: str) -> NoReturn:
    """pyvm: raise OverflowError (the exception types sit above this module)."""
    from pyvm.objects.exceptions import PyExc_OverflowError  # cycle
    PyErr_Format(PyExc_OverflowError, msg)


def _zero_division(msg: str) -> NoReturn:
    """pyvm: raise ZeroDivisionError (the exception types sit above this module)."""
    from pyvm.objects.exceptions import PyExc_ZeroDivisionError  # cycle
    PyErr_Format(PyExc_ZeroDivisionError, msg)


def _no_memory() -> None:
    """pyvm: raise MemoryError, as C does when an allocation fails."""
    from pyvm.objects.exceptions import PyErr_NoMemory  # cycle
    PyErr_NoMemory()


# ---------------------------------------------------------------------------
# Construction and conversion


def PyLong_Check(op: PyObject) -> bool:
    """CPython: Include/longobject.h:PyLong_Check"""
    return (op.ob_type.tp_flags & Py_TPFLAGS_LONG_SUBCLASS) != 0


def PyLong_CheckExact(op: PyObject) -> bool:
    """CPython: Include/longobject.h:PyLong_CheckExact"""
    return op.ob_type is PyLong_Type


def PyLong_FromLong(v: int) -> PyObject:
    """CPython: Objects/longobject.c:PyLong_FromLong

    The immortal small int for -5..256, else a new int. pyvm: any host int fits.
    """
    if -_PY_NSMALLNEGINTS <= v < _PY_NSMALLPOSINTS:
        return _small_ints[v + _PY_NSMALLNEGINTS]
    return PyLongObject(PyLong_Type, v)


def PyLong_FromSsize_t(v: int) -> PyObject:
    """CPython: Objects/longobject.c:PyLong_FromSsize_t"""
    return PyLong_FromLong(v)


def _PyLong_FromHost(v: int) -> PyObject:
    """pyvm: a pyvm int from any host int (``_PyLong_FromDigits`` of the
    arithmetic functions)."""
    if -_PY_NSMALLNEGINTS <= v < _PY_NSMALLPOSINTS:
        return _small_ints[v + _PY_NSMALLNEGINTS]
    return PyLongObject(PyLong_Type, v)


def _PyLong_GetZero() -> PyObject:
    """CPython: Include/internal/pycore_long.h:_PyLong_GetZero"""
    return _small_ints[_PY_NSMALLNEGINTS]


def _PyLong_GetOne() -> PyObject:
    """CPython: Include/internal/pycore_long.h:_PyLong_GetOne"""
    return _small_ints[_PY_NSMALLNEGINTS + 1]


def PyBool_FromLong(ok: int) -> PyObject:
    """CPython: Objects/boolobject.c:PyBool_FromLong"""
    return Py_True if ok else Py_False


def PyLong_FromDouble(dval: float) -> PyObject:
    """CPython: Objects/longobject.c:PyLong_FromDouble"""
    if dval != dval:
        _value_error("cannot convert float NaN to integer")
    if dval == math.inf or dval == -math.inf:
        _overflow_error("cannot convert float infinity to integer")
    return _PyLong_FromHost(int(dval))


def _value(op: PyObject) -> int:
    """pyvm: the host value of an int (``op`` must pass PyLong_Check)."""
    assert isinstance(op, PyLongObject)
    return op.ob_ival


def _PyLong_AsHost(vv: PyObject) -> int:
    """pyvm: the host int of ``int`` or of ``vv.__index__()`` (C's
    ``_PyNumber_Index`` followed by reading the digits)."""
    if isinstance(vv, PyLongObject) and PyLong_Check(vv):
        return vv.ob_ival
    from pyvm.objects.abstract import _PyNumber_Index  # cycle: abstract imports us
    r = _PyNumber_Index(vv)
    v = _value(r)
    Py_DECREF(r)
    return v


def PyLong_AsLong(vv: PyObject) -> int:
    """CPython: Objects/longobject.c:PyLong_AsLong"""
    v = _PyLong_AsHost(vv)
    if v < LONG_MIN or v > LONG_MAX:
        _overflow_error("Python int too large to convert to C long")
    return v


def PyLong_AsLongAndOverflow(vv: PyObject) -> tuple[int, int]:
    """CPython: Objects/longobject.c:PyLong_AsLongAndOverflow

    Returns ``(value, overflow)``: overflow is -1/+1 with value -1 when out of range.
    """
    v = _PyLong_AsHost(vv)
    if v > LONG_MAX:
        return -1, 1
    if v < LONG_MIN:
        return -1, -1
    return v, 0


def PyLong_AsSsize_t(vv: PyObject) -> int:
    """CPython: Objects/longobject.c:PyLong_AsSsize_t"""
    if not PyLong_Check(vv):
        _type_error("an integer is required")
    v = _value(vv)
    if v < PY_SSIZE_T_MIN or v > PY_SSIZE_T_MAX:
        _overflow_error("Python int too large to convert to C ssize_t")
    return v


def PyLong_AsInt(vv: PyObject) -> int:
    """CPython: Objects/longobject.c:PyLong_AsInt"""
    v = PyLong_AsLong(vv)
    if v < -(1 << 31) or v >= (1 << 31):
        _overflow_error("Python int too large to convert to C int")
    return v


def PyLong_AsDouble(v: PyObject) -> float:
    """CPython: Objects/longobject.c:PyLong_AsDouble"""
    if not PyLong_Check(v):
        _type_error("an integer is required")
    return _long_to_double(_value(v))


def _long_to_double(x: int) -> float:
    """CPython: Objects/longobject.c:_PyLong_Frexp (the overflow check of PyLong_AsDouble)"""
    try:
        return float(x)
    except OverflowError:
        pass
    _overflow_error("int too large to convert to float")
    return 0.0


def _PyLong_Sign(v: PyObject) -> int:
    """CPython: Objects/longobject.c:_PyLong_Sign"""
    x = _value(v)
    return (x > 0) - (x < 0)


def _PyLong_IsZero(v: PyObject) -> bool:
    """CPython: Include/internal/pycore_long.h:_PyLong_IsZero"""
    return _value(v) == 0


# ---------------------------------------------------------------------------
# str <-> int


def _max_str_digits_check_to_str(x: int) -> None:
    """pyvm: the 4300-digit check of ``long_to_decimal_string_internal``."""
    lim = _long_state.max_str_digits
    if lim > 0 and (x >= _long_state.limit_pow or -x >= _long_state.limit_pow):
        _value_error(f"Exceeds the limit ({lim} digits) for integer string conversion; "
                     "use sys.set_int_max_str_digits() to increase the limit")


def long_to_decimal_string(op: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:long_to_decimal_string

    CPython: Objects/longobject.c:long_to_decimal_string_internal
    """
    x = _value(op)
    if x >= (1 << 2000) or x <= -(1 << 2000):
        _max_str_digits_check_to_str(x)
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    return PyUnicode_FromString(str(x))


def _PyLong_Format(op: PyObject, base: int) -> PyObject:
    """CPython: Objects/longobject.c:_PyLong_Format

    ``bin``/``oct``/``hex`` (base 2, 8, 16 with prefix) and decimal.
    """
    x = _value(op)
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    if base == 10:
        return long_to_decimal_string(op)
    if base == 2:
        s = bin(x)
    elif base == 8:
        s = oct(x)
    else:
        s = hex(x)
    return PyUnicode_FromString(s)


def _invalid_literal(base: int, orig: PyObject) -> None:
    """pyvm: the ValueError of ``PyLong_FromString`` for a malformed literal."""
    r = _PyObject_ReprStr(orig)
    if len(r) > 200:
        r = r[:200]
    _value_error(f"invalid literal for int() with base {base}: {r}")


def _PyLong_FromText(s: str, base: int, orig: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:PyLong_FromString

    CPython: Objects/longobject.c:long_from_string_base
    The host parser accepts exactly the 3.14 syntax (sign, whitespace, base
    prefixes, single underscores between digits, Unicode decimal digits); pyvm
    adds the digit limit and turns a host ValueError into 3.14's message.
    """
    lim = _long_state.max_str_digits
    if lim > 0 and len(s) > lim:
        t = s.strip()
        if t[:1] in ("+", "-"):
            t = t[1:]
        eff = base
        if len(t) > 1 and t[0] == "0" and t[1] in "xXoObB" and base in (0, 2, 8, 16):
            eff = 2
        elif base == 0:
            eff = 10
        if eff & (eff - 1) != 0:
            digits = len(t) - t.count("_")
            if digits > lim:
                try:
                    int(s, base)
                except ValueError:
                    _invalid_literal(base, orig)
                _value_error(f"Exceeds the limit ({lim} digits) for integer string conversion: "
                             f"value has {digits} digits; use sys.set_int_max_str_digits() "
                             "to increase the limit")
    try:
        v = int(s, base)
    except ValueError:
        _invalid_literal(base, orig)
        return _PyLong_GetZero()
    return _PyLong_FromHost(v)


def PyLong_FromUnicodeObject(u: PyObject, base: int) -> PyObject:
    """CPython: Objects/longobject.c:PyLong_FromUnicodeObject"""
    s = _unicode_value(u)
    if "\x00" in s:
        _invalid_literal(base, u)
    return _PyLong_FromText(s, base, u)


def _PyLong_FromBytes(b: bytes, base: int, orig: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:_PyLong_FromBytes"""
    try:
        s = b.decode("ascii")
    except UnicodeDecodeError:
        _invalid_literal(base, orig)
        return _PyLong_GetZero()
    if "\x00" in s or not s.isascii():
        _invalid_literal(base, orig)
    # Only ASCII is accepted from bytes: the host would accept Unicode digits.
    return _PyLong_FromText(s, base, orig)


def PyLong_FromString(s: str, base: int) -> PyObject:
    """CPython: Objects/longobject.c:PyLong_FromString"""
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle
    u = PyUnicode_FromString(s)
    try:
        return _PyLong_FromText(s, base, u)
    finally:
        Py_DECREF(u)


# ---------------------------------------------------------------------------
# Slots


def long_dealloc(op: PyObject) -> None:
    """CPython: Objects/longobject.c:long_dealloc

    pyvm: nothing to release (the digits are the host int).
    """


def long_hash(op: PyObject) -> int:
    """CPython: Objects/longobject.c:long_hash"""
    x = _value(op)
    if x >= 0:
        h = x % _PyHASH_MODULUS
    else:
        h = -((-x) % _PyHASH_MODULUS)
    if h == -1:
        h = -2
    return h


def long_richcompare(a: PyObject, b: PyObject, op: int) -> PyObject:
    """CPython: Objects/longobject.c:long_richcompare"""
    if not (isinstance(a, PyLongObject) and isinstance(b, PyLongObject)
            and PyLong_Check(a) and PyLong_Check(b)):
        return Py_NotImplemented
    x = a.ob_ival
    y = b.ob_ival
    if op == Py_EQ:
        r = x == y
    elif op == Py_NE:
        r = x != y
    elif op == Py_LT:
        r = x < y
    elif op == Py_LE:
        r = x <= y
    elif op == Py_GT:
        r = x > y
    else:
        r = x >= y
    return Py_True if r else Py_False


def _both(a: PyObject, b: PyObject) -> bool:
    """CPython: Objects/longobject.c:CHECK_BINOP"""
    return (a.ob_type.tp_flags & b.ob_type.tp_flags & Py_TPFLAGS_LONG_SUBCLASS) != 0


def long_add(a: PyObject, b: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:long_add"""
    if not _both(a, b):
        return Py_NotImplemented
    return _PyLong_FromHost(_value(a) + _value(b))


def long_sub(a: PyObject, b: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:long_sub"""
    if not _both(a, b):
        return Py_NotImplemented
    return _PyLong_FromHost(_value(a) - _value(b))


# pyvm: operands larger than this (in bits) are multiplied in pieces, with a
# signal check after each piece (C's SIGCHECK in k_mul, k_lopsided_mul and
# long_pow): one host multiplication of this size takes about a millisecond, so
# Ctrl-C interrupts ``10 ** (10 ** 8)`` promptly, as it does in CPython.
_SIGCHECK_BITS: Final = 1 << 17


def k_mul(a: int, b: int) -> int:
    """CPython: Objects/longobject.c:k_mul

    pyvm: Karatsuba on host ints for operands above ``_SIGCHECK_BITS`` (the host
    multiplies the pieces), with ``SIGCHECK`` after each piece; an unbalanced
    pair is split as ``k_lopsided_mul`` does. The product is exact, the same
    as ``a * b``.
    """
    neg = (a < 0) != (b < 0)
    if a < 0:
        a = -a
    if b < 0:
        b = -b
    r = _k_mul_abs(a, b)
    return -r if neg else r


def _k_mul_abs(a: int, b: int) -> int:
    """pyvm: ``k_mul`` of two non-negative ints."""
    na = a.bit_length()
    nb = b.bit_length()
    if na < nb:
        a, b = b, a
        na, nb = nb, na
    if na <= 2 * _SIGCHECK_BITS or nb <= 64:
        r = a * b
        if na > _SIGCHECK_BITS // 4:
            PyErr_CheckSignals()        # C: SIGCHECK
        return r
    if na > 2 * nb:
        # C: k_lopsided_mul -- the larger one in halves against the smaller.
        shift = na // 2
        hi = _k_mul_abs(a >> shift, b)
        lo = _k_mul_abs(a & ((1 << shift) - 1), b)
        return (hi << shift) + lo
    shift = na // 2
    mask = (1 << shift) - 1
    a1 = a >> shift
    a0 = a & mask
    b1 = b >> shift
    b0 = b & mask
    z2 = _k_mul_abs(a1, b1)
    z0 = _k_mul_abs(a0, b0)
    z1 = _k_mul_abs(a1 + a0, b1 + b0) - z2 - z0
    return (z2 << (2 * shift)) + (z1 << shift) + z0


def _long_pow_checked(a: int, b: int) -> int:
    """CPython: Objects/longobject.c:long_pow

    pyvm: ``a ** b`` (``b >= 0``, no modulus) by left-to-right binary
    exponentiation as C's long_pow, multiplying with :func:`k_mul` (signal checks)
    once the result grows past ``_SIGCHECK_BITS``.
    """
    if a.bit_length() * b <= 4 * _SIGCHECK_BITS or a in (0, 1, -1):
        small: int = a ** b     # b >= 0: an int (typeshed says Any)
        return small
    r = 1
    for bit in bin(b)[2:]:
        r = k_mul(r, r) if r.bit_length() > _SIGCHECK_BITS else r * r
        if bit == "1":
            r = k_mul(r, a) if r.bit_length() > _SIGCHECK_BITS else r * a
    return r


def long_mul(a: PyObject, b: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:long_mul"""
    if not _both(a, b):
        return Py_NotImplemented
    x = _value(a)
    y = _value(b)
    try:
        if x.bit_length() > _SIGCHECK_BITS and y.bit_length() > _SIGCHECK_BITS:
            return _PyLong_FromHost(k_mul(x, y))
        return _PyLong_FromHost(x * y)
    except MemoryError:
        _no_memory()
        raise


def long_div(a: PyObject, b: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:long_div (floor division)"""
    if not _both(a, b):
        return Py_NotImplemented
    y = _value(b)
    if y == 0:
        _zero_division("division by zero")
    return _PyLong_FromHost(_value(a) // y)


def long_mod(a: PyObject, b: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:long_mod"""
    if not _both(a, b):
        return Py_NotImplemented
    y = _value(b)
    if y == 0:
        _zero_division("division by zero")
    return _PyLong_FromHost(_value(a) % y)


def long_divmod(a: PyObject, b: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:long_divmod"""
    if not _both(a, b):
        return Py_NotImplemented
    y = _value(b)
    if y == 0:
        _zero_division("division by zero")
    q, r = divmod(_value(a), y)
    from pyvm.objects.tupleobject import _PyTuple_FromArraySteal  # cycle
    return _PyTuple_FromArraySteal([_PyLong_FromHost(q), _PyLong_FromHost(r)])


def long_true_divide(a: PyObject, b: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:long_true_divide

    The host's int/int division is correctly rounded, as C's is.
    """
    if not _both(a, b):
        return Py_NotImplemented
    y = _value(b)
    if y == 0:
        _zero_division("division by zero")
    x = _value(a)
    try:
        if -(1 << 53) <= x <= (1 << 53) and -(1 << 53) <= y <= (1 << 53):
            # Both convert exactly, so one rounding: correctly rounded.
            q = float(x) / float(y)
        else:
            # pyvm: the host's int true division (correctly rounded for any size);
            # ``x / y`` in the compiled build may go through doubles first.
            q = float(operator.truediv(x, y))
    except OverflowError:
        _overflow_error("integer division result too large for a float")
        raise
    from pyvm.objects.floatobject import PyFloat_FromDouble  # cycle: float imports us
    return PyFloat_FromDouble(q)


def long_pow(v: PyObject, w: PyObject, x: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:long_pow

    ``x`` is Py_None for two-argument pow. A negative exponent without a modulus
    gives a float (C hands over to float's ``nb_power``); with a modulus it asks
    for the modular inverse.
    """
    if not _both(v, w):
        return Py_NotImplemented
    a = _value(v)
    b = _value(w)
    if x is Py_None:
        if b < 0:
            from pyvm.objects.floatobject import PyFloat_Type  # cycle
            f = PyFloat_Type.nb_power
            assert f is not None
            return f(v, w, x)
        try:
            return _PyLong_FromHost(_long_pow_checked(a, b))
        except MemoryError:
            _no_memory()
            raise
    if not PyLong_Check(x):
        return Py_NotImplemented
    c = _value(x)
    if c == 0:
        _value_error("pow() 3rd argument cannot be 0")
    try:
        r = pow(a, b, c)
    except ValueError:
        _value_error("base is not invertible for the given modulus")
        raise
    return _PyLong_FromHost(r)


def long_neg(v: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:long_neg"""
    return _PyLong_FromHost(-_value(v))


def long_long(v: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:long_long

    ``+x``, ``int(x)`` and ``x.__index__()`` of an int: itself when exact, else a
    plain int with the same value.
    """
    if v.ob_type is PyLong_Type:
        Py_INCREF(v)
        return v
    return _PyLong_FromHost(_value(v))


def long_abs(v: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:long_abs"""
    x = _value(v)
    if x < 0:
        return _PyLong_FromHost(-x)
    return long_long(v)


def long_bool(v: PyObject) -> bool:
    """CPython: Objects/longobject.c:long_bool"""
    return _value(v) != 0


def long_invert(v: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:long_invert"""
    return _PyLong_FromHost(~_value(v))


def long_lshift(a: PyObject, b: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:long_lshift_method"""
    if not _both(a, b):
        return Py_NotImplemented
    n = _value(b)
    if n < 0:
        _value_error("negative shift count")
    x = _value(a)
    if x == 0:
        return _PyLong_GetZero()
    if n > PY_SSIZE_T_MAX or n + x.bit_length() > (1 << 40):
        # C: the result would need more than PY_SSIZE_T_MAX digits.
        if n > PY_SSIZE_T_MAX:
            _overflow_error("too many digits in integer")
        _no_memory()
    try:
        return _PyLong_FromHost(x << n)
    except MemoryError:
        _no_memory()
        raise


def long_rshift(a: PyObject, b: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:long_rshift"""
    if not _both(a, b):
        return Py_NotImplemented
    n = _value(b)
    if n < 0:
        _value_error("negative shift count")
    x = _value(a)
    if n >= x.bit_length() + 1:
        return _PyLong_FromHost(-1 if x < 0 else 0)
    return _PyLong_FromHost(x >> n)


def long_and(a: PyObject, b: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:long_and"""
    if not _both(a, b):
        return Py_NotImplemented
    return _PyLong_FromHost(_value(a) & _value(b))


def long_xor(a: PyObject, b: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:long_xor"""
    if not _both(a, b):
        return Py_NotImplemented
    return _PyLong_FromHost(_value(a) ^ _value(b))


def long_or(a: PyObject, b: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:long_or"""
    if not _both(a, b):
        return Py_NotImplemented
    return _PyLong_FromHost(_value(a) | _value(b))


def long_float(v: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:long_float"""
    from pyvm.objects.floatobject import PyFloat_FromDouble  # cycle
    return PyFloat_FromDouble(_long_to_double(_value(v)))


# ---------------------------------------------------------------------------
# int(): long_new and long_vectorcall


def _parse_int_args(args: list[PyObject], kwnames_names: list[str]) -> tuple[Optional[PyObject], Optional[PyObject]]:
    """pyvm: Argument Clinic's parser for ``int(x=<unrepresentable>, /, base=10)``."""
    npos = len(args) - len(kwnames_names)
    if npos > 2:
        _type_error(f"int expected at most 2 arguments, got {npos}")
    if len(args) > 2:
        _type_error(f"int() takes at most 2 arguments ({len(args)} given)")
    x: Optional[PyObject] = args[0] if npos >= 1 else None
    base: Optional[PyObject] = args[1] if npos >= 2 else None
    for i, name in enumerate(kwnames_names):
        if name == "base":
            if base is not None:
                _type_error("argument for int() given by name ('base') and position (2)")
            base = args[npos + i]
        else:
            _type_error(f"int() got an unexpected keyword argument '{name}'")
    return x, base


def long_new_impl(tp: PyTypeObject, x: Optional[PyObject], obase: Optional[PyObject]) -> PyObject:
    """CPython: Objects/longobject.c:long_new_impl"""
    if tp is not PyLong_Type:
        return long_subtype_new(tp, x, obase)
    if x is None:
        if obase is not None:
            _type_error("int() missing string argument")
        return _PyLong_GetZero()
    from pyvm.objects.abstract import PyNumber_AsSsize_t, PyNumber_Long  # cycle
    if obase is None:
        return PyNumber_Long(x)
    base = PyNumber_AsSsize_t(obase, None)
    if (base != 0 and base < 2) or base > 36:
        _value_error("int() base must be >= 2 and <= 36, or 0")
    if PyUnicode_Check(x):
        return PyLong_FromUnicodeObject(x, base)
    from pyvm.objects.bytesobject import PyBytesObject  # cycle
    if isinstance(x, PyBytesObject):
        return _PyLong_FromBytes(x.ob_sval, base, x)
    _type_error("int() can't convert non-string with explicit base")
    return _PyLong_GetZero()


def long_subtype_new(tp: PyTypeObject, x: Optional[PyObject], obase: Optional[PyObject]) -> PyObject:
    """CPython: Objects/longobject.c:long_subtype_new"""
    tmp = long_new_impl(PyLong_Type, x, obase)
    v = _value(tmp)
    Py_DECREF(tmp)
    return PyLongObject(tp, v)


def long_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/clinic/longobject.c.h:long_new"""
    from pyvm.objects.tupleobject import PyTupleObject  # cycle
    assert isinstance(args, PyTupleObject)
    items = list(args.ob_item)
    names: list[str] = []
    if kwds is not None:
        from pyvm.objects.dictobject import PyDict_Next  # cycle
        pos = 0
        while True:
            r = PyDict_Next(kwds, pos)
            if r is None:
                break
            pos, k, v = r
            names.append(_unicode_value(k))
            items.append(v)
    x, base = _parse_int_args(items, names)
    return long_new_impl(tp, x, base)


def long_vectorcall(tp: PyObject, args: list[PyObject], start: int, nargs: int,
                    kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/longobject.c:long_vectorcall"""
    assert isinstance(tp, PyTypeObject)
    names: list[str] = []
    if kwnames is not None:
        from pyvm.objects.tupleobject import PyTupleObject  # cycle
        assert isinstance(kwnames, PyTupleObject)
        names = [_unicode_value(k) for k in kwnames.ob_item]
    if not names and nargs == 1 and tp is PyLong_Type:
        a = args[start]
        if a.ob_type is PyLong_Type:
            Py_INCREF(a)
            return a
        from pyvm.objects.abstract import PyNumber_Long  # cycle
        return PyNumber_Long(a)
    x, base = _parse_int_args(args[start:start + nargs + len(names)], names)
    return long_new_impl(tp, x, base)


# ---------------------------------------------------------------------------
# Methods and getsets


def int_bit_length(self_: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:int_bit_length_impl"""
    return _PyLong_FromHost(_value(self_).bit_length())


def int_bit_count(self_: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:int_bit_count_impl"""
    return _PyLong_FromHost(bin(_value(self_)).count("1"))


def int_as_integer_ratio(self_: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:int_as_integer_ratio_impl"""
    from pyvm.objects.tupleobject import _PyTuple_FromArraySteal  # cycle
    return _PyTuple_FromArraySteal([long_long(self_), _PyLong_GetOne()])


def int_is_integer(self_: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:int_is_integer_impl"""
    return Py_True


def int___format__(self_: PyObject, format_spec: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:int___format___impl"""
    if not PyUnicode_Check(format_spec):
        _type_error(f"__format__() argument must be str, not {format_spec.ob_type.tp_name}")
    from pyvm.objects.unicode_format import format_long  # cycle
    return format_long(self_, _unicode_value(format_spec))


def int___round__(self_: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/longobject.c:int___round___impl

    CPython: Objects/longobject.c:_PyLong_DivmodNear
    Rounds half to even at ``10**-ndigits``.
    """
    if len(args) > 1:
        _type_error(f"__round__ expected at most 1 argument, got {len(args)}")
    if len(args) == 0 or args[0] is Py_None:
        return long_long(self_)
    from pyvm.objects.abstract import _PyNumber_Index  # cycle
    nd = _PyNumber_Index(args[0])
    n = _value(nd)
    Py_DECREF(nd)
    if n >= 0:
        return long_long(self_)
    x = _value(self_)
    p = 10 ** (-n)
    q, r = divmod(x, p)
    # round half to even
    twice = 2 * r
    if twice > p or (twice == p and q % 2 == 1):
        q += 1
    return _PyLong_FromHost(q * p)


def int_to_bytes(self_: PyObject, args: list[PyObject], kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/longobject.c:int_to_bytes_impl"""
    from pyvm.objects.tupleobject import PyTupleObject  # cycle
    names: list[str] = []
    if kwnames is not None:
        assert isinstance(kwnames, PyTupleObject)
        names = [_unicode_value(k) for k in kwnames.ob_item]
    npos = len(args) - len(names)
    if npos > 2:
        _type_error(f"to_bytes() takes at most 2 positional arguments ({npos} given)")
    length = 1
    order = "big"
    signed = False
    from pyvm.objects.abstract import PyNumber_AsSsize_t  # cycle
    if npos >= 1:
        length = PyNumber_AsSsize_t(args[0], None)
    if npos >= 2:
        order = _unicode_value(args[1])
    for i, nm in enumerate(names):
        v = args[npos + i]
        if nm == "length":
            length = PyNumber_AsSsize_t(v, None)
        elif nm == "byteorder":
            order = _unicode_value(v)
        elif nm == "signed":
            signed = PyObject_IsTrue(v)
        else:
            _type_error(f"to_bytes() got an unexpected keyword argument '{nm}'")
    if order not in ("big", "little"):
        _value_error("byteorder must be either 'little' or 'big'")
    if length < 0:
        _value_error("length argument must be non-negative")
    x = _value(self_)
    if x < 0 and not signed:
        _overflow_error("can't convert negative int to unsigned")
    try:
        b = x.to_bytes(length, "big" if order == "big" else "little", signed=signed)
    except OverflowError:
        _overflow_error("int too big to convert")
        raise
    from pyvm.objects.bytesobject import PyBytes_FromStringAndSize  # cycle
    return PyBytes_FromStringAndSize(b)


def long_get_real(self_: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:long_long"""
    return long_long(self_)


def long_get_imag(self_: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:long_get0"""
    return _PyLong_GetZero()


def long_get_denominator(self_: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:long_get1"""
    return _PyLong_GetOne()


def _int_self(self_: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:long_long

    ``__trunc__``/``__floor__``/``__ceil__``/``__int__``/``__index__``/``conjugate``:
    the int itself.
    """
    return long_long(self_)


def _int_getnewargs(self_: PyObject) -> PyObject:
    """CPython: Objects/longobject.c:int___getnewargs___impl"""
    from pyvm.objects.tupleobject import _PyTuple_FromArraySteal  # cycle
    return _PyTuple_FromArraySteal([long_long(self_)])


def _init_type() -> None:
    """pyvm: the static initializer of ``PyLong_Type``."""
    from pyvm.objects.descrobject import PyGetSetDef  # cycle: descrobject -> boolobject -> longobject
    from pyvm.objects.typeobject import _PyType_AddGetSets, _PyType_AddMethods  # cycle: typeobject -> boolobject -> longobject
    tp = PyLong_Type
    tp.tp_dealloc = long_dealloc
    # C's tp_itemsize (sizeof(digit)): a variable-size layout (no __weakref__ in subclasses).
    tp.tp_itemsize = 4
    tp.tp_repr = long_to_decimal_string
    tp.tp_hash = long_hash
    tp.tp_richcompare = long_richcompare
    tp.tp_new = long_new
    tp.tp_vectorcall = long_vectorcall
    tp.nb_add = long_add
    tp.nb_subtract = long_sub
    tp.nb_multiply = long_mul
    tp.nb_remainder = long_mod
    tp.nb_divmod = long_divmod
    tp.nb_power = long_pow
    tp.nb_negative = long_neg
    tp.nb_positive = long_long
    tp.nb_absolute = long_abs
    tp.nb_bool = long_bool
    tp.nb_invert = long_invert
    tp.nb_lshift = long_lshift
    tp.nb_rshift = long_rshift
    tp.nb_and = long_and
    tp.nb_xor = long_xor
    tp.nb_or = long_or
    tp.nb_int = long_long
    tp.nb_float = long_float
    tp.nb_floor_divide = long_div
    tp.nb_true_divide = long_true_divide
    tp.nb_index = long_long
    _PyType_AddMethods(tp, [
        PyMethodDef("conjugate", _int_self, METH_NOARGS, "Returns self, the complex conjugate of any int."),
        PyMethodDef("bit_length", int_bit_length, METH_NOARGS,
                    "Number of bits necessary to represent self in binary.\n\n"
                    ">>> bin(37)\n'0b100101'\n>>> (37).bit_length()\n6"),
        PyMethodDef("bit_count", int_bit_count, METH_NOARGS,
                    "Number of ones in the binary representation of the absolute value of self.\n\n"
                    "Also known as the population count.\n\n>>> bin(13)\n'0b1101'\n"
                    ">>> (13).bit_count()\n3"),
        PyMethodDef("to_bytes", int_to_bytes, METH_FASTCALL | METH_KEYWORDS,
                    "Return an array of bytes representing an integer."),
        PyMethodDef("as_integer_ratio", int_as_integer_ratio, METH_NOARGS,
                    "Return a pair of integers, whose ratio is equal to the original int.\n\n"
                    "The ratio is in lowest terms and has a positive denominator.\n\n"
                    ">>> (10).as_integer_ratio()\n(10, 1)\n>>> (-10).as_integer_ratio()\n(-10, 1)\n"
                    ">>> (0).as_integer_ratio()\n(0, 1)"),
        PyMethodDef("__trunc__", _int_self, METH_NOARGS, "Truncating an Integral returns itself."),
        PyMethodDef("__floor__", _int_self, METH_NOARGS, "Flooring an Integral returns itself."),
        PyMethodDef("__ceil__", _int_self, METH_NOARGS, "Ceiling of an Integral returns itself."),
        PyMethodDef("__round__", int___round__, METH_FASTCALL,
                    "Rounding an Integral returns itself.\n\nRounding with an ndigits argument "
                    "also returns an integer."),
        PyMethodDef("__getnewargs__", _int_getnewargs, METH_NOARGS, None),
        PyMethodDef("__format__", int___format__, METH_O, "Convert to a string according to format_spec."),
        PyMethodDef("is_integer", int_is_integer, METH_NOARGS,
                    "Returns True. Exists for duck type compatibility with float.is_integer."),
    ])
    _PyType_AddGetSets(tp, [
        PyGetSetDef("real", long_get_real, None, "the real part of a complex number"),
        PyGetSetDef("imag", long_get_imag, None, "the imaginary part of a complex number"),
        PyGetSetDef("numerator", long_get_real, None, "the numerator of a rational number in lowest terms"),
        PyGetSetDef("denominator", long_get_denominator, None,
                    "the denominator of a rational number in lowest terms"),
    ])


_init_type()

# pyvm: bool's slots live in boolobject; importing it here (after everything above
# is defined) makes sure they are set whenever ints exist.
import pyvm.objects.boolobject  # noqa: E402,F401
