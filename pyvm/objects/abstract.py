"""Ports Objects/abstract.c: the abstract object protocols.

The number protocol dispatches binary operators as C does (``binary_op1``): the
left operand's slot, unless the right operand's type is a proper subclass of the
left's with a different slot, which is then tried first (the "reflected operand
of a subclass wins" rule); ``NotImplemented`` from one side hands over to the
other, and when both decline the ``TypeError`` names the operator and both types.
``+`` and ``*`` fall back on the sequence protocol (``sq_concat``/``sq_repeat``),
and the in-place forms try the ``nb_inplace_*`` slot first.

pyvm: C reads a slot by its offset in ``PyNumberMethods``; here each public
function reads its two slots by name and passes them to :func:`binary_op1`, so a
slot lookup stays one attribute load. A type that is not ready yet when both of
its slots are missing is readied and the operation retried (C readies every
static type at start-up).

Also here: item access (``PyObject_GetItem`` …), ``len``, iteration, the sequence
and mapping helpers, ``isinstance``/``issubclass``, ``int()``/``float()``
conversions (``PyNumber_Long``/``PyNumber_Float``/``PyNumber_Index``) and
``format()`` (``PyObject_Format``).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.objects.exceptions import PyExc_DeprecationWarning, _PyIter_CallNext
from pyvm.objects.longobject import (
    PY_SSIZE_T_MAX,
    PY_SSIZE_T_MIN,
    PyLong_Check,
    PyLong_Type,
    PyLongObject,
    _long_to_double,
    _PyLong_FromBytes,
    _PyLong_FromHost,
    PyLong_FromUnicodeObject,
)
from pyvm.objects.object import (
    PyBUF_SIMPLE, PyBUF_WRITABLE, Py_buffer, Py_DECREF, Py_INCREF, Py_None,
    Py_NotImplemented, Py_TPFLAGS_DICT_SUBCLASS, Py_TPFLAGS_LIST_SUBCLASS,
    Py_TPFLAGS_TUPLE_SUBCLASS, Py_TPFLAGS_TYPE_SUBCLASS, PyErr, PyErr_Format, PyObject,
    PyObject_IsTrue, PyObject_RichCompareBool, PyObject_Str, PyType_IsSubtype, PyType_Type,
    PyTypeObject, PyUnicode_Check, Py_EQ, _PyType_CheckReady, _unicode_value, binaryfunc,
    ternaryfunc, PyObject_GetOptionalAttr, _Py_EnterRecursiveCall, _Py_LeaveRecursiveCall,
    _PyErr_Clear,
)
from pyvm.objects.call import PyObject_CallNoArgs, PyObject_CallOneArg, PyObject_CallMethod


def _type_error(msg: str) -> None:
    """pyvm: raise TypeError (the exception types sit above this module)."""
    from pyvm.objects.exceptions import PyExc_TypeError  # cycle
    PyErr_Format(PyExc_TypeError, msg)


def _tuple_items(t: PyObject) -> list[PyObject]:
    """pyvm: the item list of a tuple (C's ``PyTuple_GET_ITEM`` loop)."""
    from pyvm.objects.tupleobject import PyTupleObject  # cycle
    assert isinstance(t, PyTupleObject)
    return t.ob_item


def _ensure_ready(v: PyObject, w: PyObject) -> bool:
    """pyvm: ready the operand types if either is not ready; True if one was."""
    changed = False
    if v.ob_type.tp_dict is None:
        _PyType_CheckReady(v.ob_type)
        changed = True
    if w.ob_type.tp_dict is None:
        _PyType_CheckReady(w.ob_type)
        changed = True
    return changed


def PyObject_Type(o: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:PyObject_Type"""
    t = o.ob_type
    Py_INCREF(t)
    return t


# ---------------------------------------------------------------------------
# Binary and ternary operators


def binary_op1(v: PyObject, w: PyObject, slotv: Optional[binaryfunc],
               slotw: Optional[binaryfunc]) -> PyObject:
    """CPython: Objects/abstract.c:binary_op1

    ``slotv``/``slotw`` are the operands' slots for the operator. Returns a new
    reference, possibly to NotImplemented.
    """
    if w.ob_type is v.ob_type or slotw is slotv:
        slotw = None
    if slotv is not None:
        if slotw is not None and PyType_IsSubtype(w.ob_type, v.ob_type):
            x = slotw(v, w)
            if x is not Py_NotImplemented:
                return x
            slotw = None
        x = slotv(v, w)
        if x is not Py_NotImplemented:
            return x
    if slotw is not None:
        x = slotw(v, w)
        if x is not Py_NotImplemented:
            return x
    return Py_NotImplemented


def binop_type_error(v: PyObject, w: PyObject, op_name: str) -> None:
    """CPython: Objects/abstract.c:binop_type_error"""
    _type_error(f"unsupported operand type(s) for {op_name}: "
                f"'{v.ob_type.tp_name}' and '{w.ob_type.tp_name}'")


def PyNumber_Or(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:BINARY_FUNC (PyNumber_Or)"""
    r = binary_op1(v, w, v.ob_type.nb_or, w.ob_type.nb_or)
    if r is Py_NotImplemented:
        if _ensure_ready(v, w):
            return PyNumber_Or(v, w)
        binop_type_error(v, w, "|")
    return r


def PyNumber_Xor(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:BINARY_FUNC (PyNumber_Xor)"""
    r = binary_op1(v, w, v.ob_type.nb_xor, w.ob_type.nb_xor)
    if r is Py_NotImplemented:
        if _ensure_ready(v, w):
            return PyNumber_Xor(v, w)
        binop_type_error(v, w, "^")
    return r


def PyNumber_And(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:BINARY_FUNC (PyNumber_And)"""
    r = binary_op1(v, w, v.ob_type.nb_and, w.ob_type.nb_and)
    if r is Py_NotImplemented:
        if _ensure_ready(v, w):
            return PyNumber_And(v, w)
        binop_type_error(v, w, "&")
    return r


def PyNumber_Lshift(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:BINARY_FUNC (PyNumber_Lshift)"""
    r = binary_op1(v, w, v.ob_type.nb_lshift, w.ob_type.nb_lshift)
    if r is Py_NotImplemented:
        if _ensure_ready(v, w):
            return PyNumber_Lshift(v, w)
        binop_type_error(v, w, "<<")
    return r


def PyNumber_Rshift(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:BINARY_FUNC (PyNumber_Rshift)"""
    r = binary_op1(v, w, v.ob_type.nb_rshift, w.ob_type.nb_rshift)
    if r is Py_NotImplemented:
        if _ensure_ready(v, w):
            return PyNumber_Rshift(v, w)
        binop_type_error(v, w, ">>")
    return r


def PyNumber_Subtract(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:BINARY_FUNC (PyNumber_Subtract)"""
    r = binary_op1(v, w, v.ob_type.nb_subtract, w.ob_type.nb_subtract)
    if r is Py_NotImplemented:
        if _ensure_ready(v, w):
            return PyNumber_Subtract(v, w)
        binop_type_error(v, w, "-")
    return r


def PyNumber_Divmod(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:BINARY_FUNC (PyNumber_Divmod)"""
    r = binary_op1(v, w, v.ob_type.nb_divmod, w.ob_type.nb_divmod)
    if r is Py_NotImplemented:
        if _ensure_ready(v, w):
            return PyNumber_Divmod(v, w)
        binop_type_error(v, w, "divmod()")
    return r


def PyNumber_MatrixMultiply(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:BINARY_FUNC (PyNumber_MatrixMultiply)"""
    r = binary_op1(v, w, v.ob_type.nb_matrix_multiply, w.ob_type.nb_matrix_multiply)
    if r is Py_NotImplemented:
        if _ensure_ready(v, w):
            return PyNumber_MatrixMultiply(v, w)
        binop_type_error(v, w, "@")
    return r


def PyNumber_FloorDivide(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:BINARY_FUNC (PyNumber_FloorDivide)"""
    r = binary_op1(v, w, v.ob_type.nb_floor_divide, w.ob_type.nb_floor_divide)
    if r is Py_NotImplemented:
        if _ensure_ready(v, w):
            return PyNumber_FloorDivide(v, w)
        binop_type_error(v, w, "//")
    return r


def PyNumber_TrueDivide(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:BINARY_FUNC (PyNumber_TrueDivide)"""
    r = binary_op1(v, w, v.ob_type.nb_true_divide, w.ob_type.nb_true_divide)
    if r is Py_NotImplemented:
        if _ensure_ready(v, w):
            return PyNumber_TrueDivide(v, w)
        binop_type_error(v, w, "/")
    return r


def PyNumber_Remainder(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:BINARY_FUNC (PyNumber_Remainder)"""
    r = binary_op1(v, w, v.ob_type.nb_remainder, w.ob_type.nb_remainder)
    if r is Py_NotImplemented:
        if _ensure_ready(v, w):
            return PyNumber_Remainder(v, w)
        binop_type_error(v, w, "%")
    return r


def PyNumber_Add(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:PyNumber_Add"""
    r = binary_op1(v, w, v.ob_type.nb_add, w.ob_type.nb_add)
    if r is not Py_NotImplemented:
        return r
    concat = v.ob_type.sq_concat
    if concat is not None:
        return concat(v, w)
    if _ensure_ready(v, w):
        return PyNumber_Add(v, w)
    binop_type_error(v, w, "+")
    raise AssertionError


def sequence_repeat(seq: PyObject, n: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:sequence_repeat

    ``seq * n`` through ``seq``'s ``sq_repeat`` (C passes the slot itself).
    """
    from pyvm.objects.exceptions import PyExc_OverflowError  # cycle
    if not _PyIndex_Check(n):
        _type_error(f"can't multiply sequence by non-int of type '{n.ob_type.tp_name}'")
    count = PyNumber_AsSsize_t(n, PyExc_OverflowError)
    f = seq.ob_type.sq_repeat
    assert f is not None
    return f(seq, count)


def PyNumber_Multiply(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:PyNumber_Multiply"""
    r = binary_op1(v, w, v.ob_type.nb_multiply, w.ob_type.nb_multiply)
    if r is not Py_NotImplemented:
        return r
    if v.ob_type.sq_repeat is not None:
        return sequence_repeat(v, w)
    if w.ob_type.sq_repeat is not None:
        return sequence_repeat(w, v)
    if _ensure_ready(v, w):
        return PyNumber_Multiply(v, w)
    binop_type_error(v, w, "*")
    raise AssertionError


def ternary_op(v: PyObject, w: PyObject, z: PyObject, slotv: Optional[ternaryfunc],
               slotw: Optional[ternaryfunc], slotz: Optional[ternaryfunc], op_name: str) -> PyObject:
    """CPython: Objects/abstract.c:ternary_op"""
    if w.ob_type is v.ob_type or slotw is slotv:
        slotw = None
    if slotv is not None:
        if slotw is not None and PyType_IsSubtype(w.ob_type, v.ob_type):
            x = slotw(v, w, z)
            if x is not Py_NotImplemented:
                return x
            slotw = None
        x = slotv(v, w, z)
        if x is not Py_NotImplemented:
            return x
    if slotw is not None:
        x = slotw(v, w, z)
        if x is not Py_NotImplemented:
            return x
    if slotz is not None and slotz is not slotv and slotz is not slotw:
        x = slotz(v, w, z)
        if x is not Py_NotImplemented:
            return x
    return Py_NotImplemented


def _ternary_error(v: PyObject, w: PyObject, z: PyObject, op_name: str) -> None:
    """pyvm: the TypeError of ``ternary_op`` when every operand declines."""
    if z is Py_None:
        _type_error(f"unsupported operand type(s) for {op_name}: "
                    f"'{v.ob_type.tp_name}' and '{w.ob_type.tp_name}'")
    _type_error(f"unsupported operand type(s) for {op_name}: '{v.ob_type.tp_name}', "
                f"'{w.ob_type.tp_name}', '{z.ob_type.tp_name}'")


def PyNumber_Power(v: PyObject, w: PyObject, z: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:PyNumber_Power

    ``z`` is Py_None for two-argument ``**``.
    """
    r = ternary_op(v, w, z, v.ob_type.nb_power, w.ob_type.nb_power, z.ob_type.nb_power,
                   "** or pow()")
    if r is Py_NotImplemented:
        if _ensure_ready(v, w):
            return PyNumber_Power(v, w, z)
        _ternary_error(v, w, z, "** or pow()")
    return r


def _PyNumber_PowerNoMod(lhs: PyObject, rhs: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:_PyNumber_PowerNoMod"""
    return PyNumber_Power(lhs, rhs, Py_None)


# --- in-place ------------------------------------------------------------------


def binary_iop1(v: PyObject, w: PyObject, islot: Optional[binaryfunc],
                slotv: Optional[binaryfunc], slotw: Optional[binaryfunc]) -> PyObject:
    """CPython: Objects/abstract.c:binary_iop1"""
    if islot is not None:
        x = islot(v, w)
        if x is not Py_NotImplemented:
            return x
    return binary_op1(v, w, slotv, slotw)


def _iop(v: PyObject, w: PyObject, islot: Optional[binaryfunc], slotv: Optional[binaryfunc],
         slotw: Optional[binaryfunc], op_name: str) -> PyObject:
    """CPython: Objects/abstract.c:binary_iop"""
    r = binary_iop1(v, w, islot, slotv, slotw)
    if r is Py_NotImplemented:
        binop_type_error(v, w, op_name)
    return r


def PyNumber_InPlaceOr(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:INPLACE_BINOP (PyNumber_InPlaceOr)"""
    _ensure_ready(v, w)
    return _iop(v, w, v.ob_type.nb_inplace_or, v.ob_type.nb_or, w.ob_type.nb_or, "|=")


def PyNumber_InPlaceXor(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:INPLACE_BINOP (PyNumber_InPlaceXor)"""
    _ensure_ready(v, w)
    return _iop(v, w, v.ob_type.nb_inplace_xor, v.ob_type.nb_xor, w.ob_type.nb_xor, "^=")


def PyNumber_InPlaceAnd(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:INPLACE_BINOP (PyNumber_InPlaceAnd)"""
    _ensure_ready(v, w)
    return _iop(v, w, v.ob_type.nb_inplace_and, v.ob_type.nb_and, w.ob_type.nb_and, "&=")


def PyNumber_InPlaceLshift(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:INPLACE_BINOP (PyNumber_InPlaceLshift)"""
    _ensure_ready(v, w)
    return _iop(v, w, v.ob_type.nb_inplace_lshift, v.ob_type.nb_lshift, w.ob_type.nb_lshift, "<<=")


def PyNumber_InPlaceRshift(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:INPLACE_BINOP (PyNumber_InPlaceRshift)"""
    _ensure_ready(v, w)
    return _iop(v, w, v.ob_type.nb_inplace_rshift, v.ob_type.nb_rshift, w.ob_type.nb_rshift, ">>=")


def PyNumber_InPlaceSubtract(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:INPLACE_BINOP (PyNumber_InPlaceSubtract)"""
    _ensure_ready(v, w)
    return _iop(v, w, v.ob_type.nb_inplace_subtract, v.ob_type.nb_subtract,
                w.ob_type.nb_subtract, "-=")


def PyNumber_InPlaceMatrixMultiply(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:INPLACE_BINOP (PyNumber_InPlaceMatrixMultiply)"""
    _ensure_ready(v, w)
    return _iop(v, w, v.ob_type.nb_inplace_matrix_multiply, v.ob_type.nb_matrix_multiply,
                w.ob_type.nb_matrix_multiply, "@=")


def PyNumber_InPlaceFloorDivide(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:INPLACE_BINOP (PyNumber_InPlaceFloorDivide)"""
    _ensure_ready(v, w)
    return _iop(v, w, v.ob_type.nb_inplace_floor_divide, v.ob_type.nb_floor_divide,
                w.ob_type.nb_floor_divide, "//=")


def PyNumber_InPlaceTrueDivide(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:INPLACE_BINOP (PyNumber_InPlaceTrueDivide)"""
    _ensure_ready(v, w)
    return _iop(v, w, v.ob_type.nb_inplace_true_divide, v.ob_type.nb_true_divide,
                w.ob_type.nb_true_divide, "/=")


def PyNumber_InPlaceRemainder(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:INPLACE_BINOP (PyNumber_InPlaceRemainder)"""
    _ensure_ready(v, w)
    return _iop(v, w, v.ob_type.nb_inplace_remainder, v.ob_type.nb_remainder,
                w.ob_type.nb_remainder, "%=")


def PyNumber_InPlaceAdd(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:PyNumber_InPlaceAdd"""
    _ensure_ready(v, w)
    tv = v.ob_type
    r = binary_iop1(v, w, tv.nb_inplace_add, tv.nb_add, w.ob_type.nb_add)
    if r is not Py_NotImplemented:
        return r
    f = tv.sq_inplace_concat
    if f is None:
        f = tv.sq_concat
    if f is not None:
        return f(v, w)
    binop_type_error(v, w, "+=")
    raise AssertionError


def PyNumber_InPlaceMultiply(v: PyObject, w: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:PyNumber_InPlaceMultiply"""
    _ensure_ready(v, w)
    tv = v.ob_type
    r = binary_iop1(v, w, tv.nb_inplace_multiply, tv.nb_multiply, w.ob_type.nb_multiply)
    if r is not Py_NotImplemented:
        return r
    from pyvm.objects.exceptions import PyExc_OverflowError  # cycle
    g = tv.sq_inplace_repeat
    if g is None:
        g = tv.sq_repeat
    if g is not None:
        if not _PyIndex_Check(w):
            _type_error(f"can't multiply sequence by non-int of type '{w.ob_type.tp_name}'")
        return g(v, PyNumber_AsSsize_t(w, PyExc_OverflowError))
    if w.ob_type.sq_repeat is not None:
        return sequence_repeat(w, v)
    binop_type_error(v, w, "*=")
    raise AssertionError


def PyNumber_InPlacePower(v: PyObject, w: PyObject, z: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:PyNumber_InPlacePower

    CPython: Objects/abstract.c:ternary_iop
    """
    _ensure_ready(v, w)
    islot = v.ob_type.nb_inplace_power
    if islot is not None:
        x = islot(v, w, z)
        if x is not Py_NotImplemented:
            return x
    r = ternary_op(v, w, z, v.ob_type.nb_power, w.ob_type.nb_power, z.ob_type.nb_power, "**=")
    if r is Py_NotImplemented:
        _ternary_error(v, w, z, "**=")
    return r


def _PyNumber_InPlacePowerNoMod(lhs: PyObject, rhs: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:_PyNumber_InPlacePowerNoMod"""
    return PyNumber_InPlacePower(lhs, rhs, Py_None)


# --- unary -----------------------------------------------------------------------


def PyNumber_Negative(o: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:UNARY_FUNC (PyNumber_Negative)"""
    f = o.ob_type.nb_negative
    if f is None and o.ob_type.tp_dict is None:
        _PyType_CheckReady(o.ob_type)
        f = o.ob_type.nb_negative
    if f is None:
        _type_error(f"bad operand type for unary -: '{o.ob_type.tp_name}'")
    assert f is not None
    return f(o)


def PyNumber_Positive(o: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:UNARY_FUNC (PyNumber_Positive)"""
    f = o.ob_type.nb_positive
    if f is None and o.ob_type.tp_dict is None:
        _PyType_CheckReady(o.ob_type)
        f = o.ob_type.nb_positive
    if f is None:
        _type_error(f"bad operand type for unary +: '{o.ob_type.tp_name}'")
    assert f is not None
    return f(o)


def PyNumber_Invert(o: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:UNARY_FUNC (PyNumber_Invert)"""
    f = o.ob_type.nb_invert
    if f is None and o.ob_type.tp_dict is None:
        _PyType_CheckReady(o.ob_type)
        f = o.ob_type.nb_invert
    if f is None:
        _type_error(f"bad operand type for unary ~: '{o.ob_type.tp_name}'")
    assert f is not None
    return f(o)


def PyNumber_Absolute(o: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:UNARY_FUNC (PyNumber_Absolute)"""
    f = o.ob_type.nb_absolute
    if f is None and o.ob_type.tp_dict is None:
        _PyType_CheckReady(o.ob_type)
        f = o.ob_type.nb_absolute
    if f is None:
        _type_error(f"bad operand type for abs(): '{o.ob_type.tp_name}'")
    assert f is not None
    return f(o)


def PyNumber_Check(o: PyObject) -> bool:
    """CPython: Objects/abstract.c:PyNumber_Check"""
    tp = o.ob_type
    if tp.tp_dict is None:
        _PyType_CheckReady(tp)  # pyvm: inherited slots (bool's are int's) come with readiness
    return tp.nb_index is not None or tp.nb_int is not None or tp.nb_float is not None \
        or tp.tp_name == "complex"


# ---------------------------------------------------------------------------
# Index and conversions


def PyIndex_Check(obj: PyObject) -> bool:
    """CPython: Objects/abstract.c:PyIndex_Check

    pyvm: a static type is readied lazily, and an unready one lacks the slots
    it inherits (``bool`` gets int's ``nb_index`` from ``PyType_Ready``): the
    type is readied first when the slot is missing, where C's types are all
    ready since start-up.
    """
    tp = obj.ob_type
    if tp.nb_index is None and tp.tp_dict is None:
        _PyType_CheckReady(tp)
    return tp.nb_index is not None


def _PyIndex_Check(obj: PyObject) -> bool:
    """CPython: Include/internal/pycore_abstract.h:_PyIndex_Check

    pyvm: as :func:`PyIndex_Check` (the type is readied when the slot is missing).
    """
    return PyIndex_Check(obj)


def _PyNumber_Index(item: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:_PyNumber_Index

    Returns a new reference to an int (possibly of an int subclass).
    """
    if PyLong_Check(item):
        Py_INCREF(item)
        return item
    f = item.ob_type.nb_index
    if f is None:
        _type_error(f"'{item.ob_type.tp_name}' object cannot be interpreted as an integer")
    assert f is not None
    result = f(item)
    if result.ob_type is PyLong_Type:
        return result
    if not PyLong_Check(result):
        name = result.ob_type.tp_name
        Py_DECREF(result)
        _type_error(f"__index__ returned non-int (type {name})")
    # Issue #17576: warn if 'result' not of exact type int.
    _warn_int_subclass(result, f"__index__ returned non-int (type {result.ob_type.tp_name:.200})")
    return result


def _warn_int_subclass(result: PyObject, what: str) -> None:
    """pyvm: the DeprecationWarning of ``__index__``/``__int__`` returning an
    int subclass (``result`` is released when it becomes an error)."""
    from pyvm.modules._warningsmodule import PyErr_WarnFormat  # cycle
    try:
        PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                         f"{what}.  The ability to return an instance of a strict subclass "
                         "of int is deprecated, and may be removed in a future version of "
                         "Python.")
    except PyErr:
        Py_DECREF(result)
        raise


def PyNumber_Index(item: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:PyNumber_Index"""
    r = _PyNumber_Index(item)
    if r.ob_type is not PyLong_Type:
        assert isinstance(r, PyLongObject)
        v = r.ob_ival
        Py_DECREF(r)
        return _PyLong_FromHost(v)
    return r


def PyNumber_AsSsize_t(item: PyObject, err: Optional[PyTypeObject]) -> int:
    """CPython: Objects/abstract.c:PyNumber_AsSsize_t

    ``err`` None clips an out-of-range value to the ``Py_ssize_t`` range; else the
    error raised is ``err("cannot fit 'int' into an index-sized integer")``.
    """
    if isinstance(item, PyLongObject) and PyLong_Check(item):
        v = item.ob_ival
    else:
        r = _PyNumber_Index(item)
        assert isinstance(r, PyLongObject)
        v = r.ob_ival
        Py_DECREF(r)
    if PY_SSIZE_T_MIN <= v <= PY_SSIZE_T_MAX:
        return v
    if err is None:
        return PY_SSIZE_T_MIN if v < 0 else PY_SSIZE_T_MAX
    PyErr_Format(err, f"cannot fit '{item.ob_type.tp_name}' into an index-sized integer")
    raise AssertionError


def PyNumber_Long(o: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:PyNumber_Long

    ``int(o)``: ``__int__``, then ``__index__``, then the str / bytes parsers.
    """
    tp = o.ob_type
    if tp is PyLong_Type:
        Py_INCREF(o)
        return o
    if tp.tp_dict is None:
        _PyType_CheckReady(tp)
    f = tp.nb_int
    if f is not None:
        result = f(o)
        if result.ob_type is PyLong_Type:
            return result
        if not PyLong_Check(result):
            name = result.ob_type.tp_name
            Py_DECREF(result)
            _type_error(f"__int__ returned non-int (type {name})")
        # Issue #17576: warn if 'result' not of exact type int.
        _warn_int_subclass(result, f"__int__ returned non-int (type {result.ob_type.tp_name:.200})")
        assert isinstance(result, PyLongObject)
        v = result.ob_ival
        Py_DECREF(result)
        return _PyLong_FromHost(v)
    if tp.nb_index is not None:
        return PyNumber_Index(o)
    if PyUnicode_Check(o):
        return PyLong_FromUnicodeObject(o, 10)
    from pyvm.objects.bytesobject import PyBytesObject  # cycle
    if isinstance(o, PyBytesObject):
        return _PyLong_FromBytes(o.ob_sval, 10, o)
    _type_error("int() argument must be a string, a bytes-like object or a real number, "
                f"not '{tp.tp_name}'")
    raise AssertionError


def _warn_float_subclass(o: PyObject, res: PyObject) -> None:
    """pyvm: the DeprecationWarning of ``__float__`` returning a float
    subclass (``res`` is released when it becomes an error); shared with
    floatobject's ``PyFloat_AsDouble``."""
    from pyvm.modules._warningsmodule import PyErr_WarnFormat  # cycle
    try:
        PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                         f"{o.ob_type.tp_name:.50}.__float__ returned non-float "
                         f"(type {res.ob_type.tp_name:.50}).  The ability to return an "
                         "instance of a strict subclass of float is deprecated, and may be "
                         "removed in a future version of Python.")
    except PyErr:
        Py_DECREF(res)
        raise


def PyNumber_Float(o: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:PyNumber_Float"""
    from pyvm.objects.floatobject import (  # cycle: float sits above us
        PyFloat_FromDouble, PyFloat_FromString, PyFloat_Type, PyFloatObject)
    tp = o.ob_type
    if tp is PyFloat_Type:
        Py_INCREF(o)
        return o
    if tp.tp_dict is None:
        _PyType_CheckReady(tp)
    f = tp.nb_float
    if f is not None:
        res = f(o)
        if res.ob_type is PyFloat_Type:
            return res
        if not isinstance(res, PyFloatObject):
            name = res.ob_type.tp_name
            Py_DECREF(res)
            _type_error(f"{tp.tp_name}.__float__ returned non-float (type {name})")
        # Issue #26983: warn if 'res' not of exact type float.
        _warn_float_subclass(o, res)
        assert isinstance(res, PyFloatObject)
        val = res.ob_fval
        Py_DECREF(res)
        return PyFloat_FromDouble(val)
    if tp.nb_index is not None:
        r = _PyNumber_Index(o)
        assert isinstance(r, PyLongObject)
        d = _long_to_double(r.ob_ival)
        Py_DECREF(r)
        return PyFloat_FromDouble(d)
    if isinstance(o, PyFloatObject):
        return PyFloat_FromDouble(o.ob_fval)
    return PyFloat_FromString(o)


def PyNumber_ToBase(n: PyObject, base: int) -> PyObject:
    """CPython: Objects/abstract.c:PyNumber_ToBase"""
    from pyvm.objects.longobject import _PyLong_Format  # cycle: longobject -> descrobject -> dictobject -> abstract
    index = PyNumber_Index(n)
    try:
        return _PyLong_Format(index, base)
    finally:
        Py_DECREF(index)


# ---------------------------------------------------------------------------
# Items, length


def PyObject_Size(o: PyObject) -> int:
    """CPython: Objects/abstract.c:PyObject_Size"""
    tp = o.ob_type
    f = tp.sq_length
    if f is not None:
        return f(o)
    return PyMapping_Size(o)


def PyObject_Length(o: PyObject) -> int:
    """CPython: Objects/abstract.c:PyObject_Length"""
    return PyObject_Size(o)


def _PyObject_HasLen(o: PyObject) -> bool:
    """CPython: Objects/abstract.c:_PyObject_HasLen"""
    return o.ob_type.sq_length is not None or o.ob_type.mp_length is not None


def PyObject_LengthHint(o: PyObject, defaultvalue: int) -> int:
    """CPython: Objects/abstract.c:PyObject_LengthHint"""
    if _PyObject_HasLen(o):
        try:
            return PyObject_Size(o)
        except PyErr as e:
            from pyvm.objects.exceptions import PyExc_TypeError  # cycle
            if not e.matches(PyExc_TypeError):
                raise
            _PyErr_Clear(e)
    from pyvm.objects.typeobject import _PyObject_LookupSpecialString  # cycle
    hint = _PyObject_LookupSpecialString(o, "__length_hint__")
    if hint is None:
        return defaultvalue
    try:
        result = PyObject_CallNoArgs(hint)
    except PyErr as e:
        from pyvm.objects.exceptions import PyExc_TypeError  # cycle
        if e.matches(PyExc_TypeError):
            _PyErr_Clear(e)
            return defaultvalue
        raise
    finally:
        Py_DECREF(hint)
    if result is Py_NotImplemented:
        return defaultvalue
    if not PyLong_Check(result):
        name = result.ob_type.tp_name
        Py_DECREF(result)
        _type_error(f"__length_hint__ must be an integer, not {name}")
    assert isinstance(result, PyLongObject)
    res = result.ob_ival
    Py_DECREF(result)
    if res < 0:
        from pyvm.objects.exceptions import PyExc_ValueError  # cycle
        PyErr_Format(PyExc_ValueError, "__length_hint__() should return >= 0")
    return res


def PyMapping_Size(o: PyObject) -> int:
    """CPython: Objects/abstract.c:PyMapping_Size"""
    tp = o.ob_type
    f = tp.mp_length
    if f is None and tp.tp_dict is None:
        _PyType_CheckReady(tp)
        f = tp.mp_length
        if f is None and tp.sq_length is not None:
            g = tp.sq_length
            return g(o)
    if f is not None:
        return f(o)
    if tp.sq_length is not None:
        _type_error(f"{tp.tp_name} is not a mapping")
    _type_error(f"object of type '{tp.tp_name}' has no len()")
    raise AssertionError


def PySequence_Size(s: PyObject) -> int:
    """CPython: Objects/abstract.c:PySequence_Size"""
    f = s.ob_type.sq_length
    if f is not None:
        return f(s)
    if s.ob_type.mp_length is not None:
        _type_error(f"{s.ob_type.tp_name} is not a sequence")
    _type_error(f"object of type '{s.ob_type.tp_name}' has no len()")
    raise AssertionError


def PyObject_GetItem(o: PyObject, key: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:PyObject_GetItem"""
    tp = o.ob_type
    f = tp.mp_subscript
    if f is not None:
        return f(o, key)
    g = tp.sq_item
    if g is not None:
        if _PyIndex_Check(key):
            from pyvm.objects.exceptions import PyExc_IndexError  # cycle
            return PySequence_GetItem(o, PyNumber_AsSsize_t(key, PyExc_IndexError))
        _type_error(f"sequence index must be integer, not '{key.ob_type.tp_name}'")
    if tp.tp_flags & Py_TPFLAGS_TYPE_SUBCLASS:
        assert isinstance(o, PyTypeObject)
        # Special case type[int], but disallow other types so str[int] fails
        if o is PyType_Type:
            return Py_GenericAlias(o, key)
        from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
        meth = PyObject_GetOptionalAttr(o, PyUnicode_InternFromString("__class_getitem__"))
        if meth is not None and meth is not Py_None:
            try:
                return PyObject_CallOneArg(meth, key)
            finally:
                Py_DECREF(meth)
        _type_error(f"type '{o.tp_name}' is not subscriptable")
    if tp.tp_dict is None:
        _PyType_CheckReady(tp)
        if tp.mp_subscript is not None or tp.sq_item is not None:
            return PyObject_GetItem(o, key)
    _type_error(f"'{tp.tp_name}' object is not subscriptable")
    raise AssertionError


def PyMapping_GetOptionalItem(obj: PyObject, key: PyObject) -> Optional[PyObject]:
    """CPython: Objects/abstract.c:PyMapping_GetOptionalItem

    A new reference, or None when the key is missing (KeyError suppressed).
    """
    try:
        return PyObject_GetItem(obj, key)
    except PyErr as e:
        from pyvm.objects.exceptions import PyExc_KeyError  # cycle
        if e.matches(PyExc_KeyError):
            _PyErr_Clear(e)
            return None
        raise


def PyObject_SetItem(o: PyObject, key: PyObject, value: PyObject) -> None:
    """CPython: Objects/abstract.c:PyObject_SetItem"""
    tp = o.ob_type
    f = tp.mp_ass_subscript
    if f is not None:
        f(o, key, value)
        return
    if tp.sq_ass_item is not None or tp.sq_item is not None:
        if _PyIndex_Check(key):
            from pyvm.objects.exceptions import PyExc_IndexError  # cycle
            PySequence_SetItem(o, PyNumber_AsSsize_t(key, PyExc_IndexError), value)
            return
        if tp.sq_ass_item is not None:
            _type_error(f"sequence index must be integer, not '{key.ob_type.tp_name}'")
    _type_error(f"'{tp.tp_name}' object does not support item assignment")


def PyObject_DelItem(o: PyObject, key: PyObject) -> None:
    """CPython: Objects/abstract.c:PyObject_DelItem"""
    tp = o.ob_type
    f = tp.mp_ass_subscript
    if f is not None:
        f(o, key, None)
        return
    if tp.sq_ass_item is not None or tp.sq_item is not None:
        if _PyIndex_Check(key):
            from pyvm.objects.exceptions import PyExc_IndexError  # cycle
            PySequence_DelItem(o, PyNumber_AsSsize_t(key, PyExc_IndexError))
            return
        if tp.sq_ass_item is not None:
            _type_error(f"sequence index must be integer, not '{key.ob_type.tp_name}'")
    _type_error(f"'{tp.tp_name}' object does not support item deletion")


# ---------------------------------------------------------------------------
# Sequences


def PySequence_Check(s: PyObject) -> bool:
    """CPython: Objects/abstract.c:PySequence_Check"""
    if s.ob_type.tp_flags & Py_TPFLAGS_DICT_SUBCLASS:
        return False
    return s.ob_type.sq_item is not None


def PySequence_Concat(s: PyObject, o: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:PySequence_Concat"""
    f = s.ob_type.sq_concat
    if f is not None:
        return f(s, o)
    if PySequence_Check(s) and PySequence_Check(o):
        r = binary_op1(s, o, s.ob_type.nb_add, o.ob_type.nb_add)
        if r is not Py_NotImplemented:
            return r
    _type_error(f"'{s.ob_type.tp_name}' object can't be concatenated")
    raise AssertionError


def PySequence_Repeat(o: PyObject, count: int) -> PyObject:
    """CPython: Objects/abstract.c:PySequence_Repeat"""
    f = o.ob_type.sq_repeat
    if f is not None:
        return f(o, count)
    _type_error(f"'{o.ob_type.tp_name}' object can't be repeated")
    raise AssertionError


def PySequence_InPlaceConcat(s: PyObject, o: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:PySequence_InPlaceConcat"""
    f = s.ob_type.sq_inplace_concat
    if f is None:
        f = s.ob_type.sq_concat
    if f is not None:
        return f(s, o)
    _type_error(f"'{s.ob_type.tp_name}' object can't be concatenated")
    raise AssertionError


def PySequence_GetItem(s: PyObject, i: int) -> PyObject:
    """CPython: Objects/abstract.c:PySequence_GetItem"""
    tp = s.ob_type
    f = tp.sq_item
    if f is not None:
        if i < 0:
            ln = tp.sq_length
            if ln is not None:
                i += ln(s)
        return f(s, i)
    if tp.mp_subscript is not None:
        _type_error(f"{tp.tp_name} is not a sequence")
    _type_error(f"'{tp.tp_name}' object does not support indexing")
    raise AssertionError


def PySequence_SetItem(s: PyObject, i: int, o: Optional[PyObject]) -> None:
    """CPython: Objects/abstract.c:PySequence_SetItem"""
    tp = s.ob_type
    f = tp.sq_ass_item
    if f is not None:
        if i < 0:
            ln = tp.sq_length
            if ln is not None:
                i += ln(s)
        f(s, i, o)
        return
    if tp.mp_ass_subscript is not None:
        _type_error(f"{tp.tp_name} is not a sequence")
    if o is None:
        _type_error(f"'{tp.tp_name}' object doesn't support item deletion")
    _type_error(f"'{tp.tp_name}' object does not support item assignment")


def PySequence_DelItem(s: PyObject, i: int) -> None:
    """CPython: Objects/abstract.c:PySequence_DelItem

    pyvm: :func:`PySequence_SetItem` with no value (``sq_ass_item`` deletes
    then, and the messages are the deletion ones).
    """
    PySequence_SetItem(s, i, None)


def PySequence_Tuple(v: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:PySequence_Tuple"""
    from pyvm.objects.tupleobject import PyTuple_Type, _PyTuple_FromArray, _PyTuple_FromArraySteal  # cycle
    if v.ob_type is PyTuple_Type:
        Py_INCREF(v)
        return v
    from pyvm.objects.listobject import PyList_Type  # cycle
    if v.ob_type is PyList_Type:
        from pyvm.objects.listobject import PyListObject  # cycle
        assert isinstance(v, PyListObject)
        return _PyTuple_FromArray(list(v.ob_item))
    it = PyObject_GetIter(v)
    items: list[PyObject] = []
    try:
        while True:
            x = PyIter_Next(it)
            if x is None:
                break
            items.append(x)
    except BaseException:
        for x in items:
            Py_DECREF(x)
        raise
    finally:
        Py_DECREF(it)
    return _PyTuple_FromArraySteal(items)


def PySequence_List(v: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:PySequence_List"""
    from pyvm.objects.listobject import PyList_Append, PyList_New  # cycle
    result = PyList_New(0)
    try:
        it = PyObject_GetIter(v)
        try:
            while True:
                x = PyIter_Next(it)
                if x is None:
                    break
                try:
                    PyList_Append(result, x)
                finally:
                    Py_DECREF(x)
        finally:
            Py_DECREF(it)
    except BaseException:
        Py_DECREF(result)
        raise
    return result


def PySequence_Fast(v: PyObject, m: str) -> PyObject:
    """CPython: Objects/abstract.c:PySequence_Fast

    A new reference to ``v`` when it is a list or tuple, else a new list; a
    non-iterable raises ``TypeError(m)``.
    """
    from pyvm.objects.listobject import PyList_Type  # cycle
    from pyvm.objects.tupleobject import PyTuple_Type  # cycle
    if v.ob_type is PyList_Type or v.ob_type is PyTuple_Type:
        Py_INCREF(v)
        return v
    try:
        it = PyObject_GetIter(v)
    except PyErr as e:
        from pyvm.objects.exceptions import PyExc_TypeError  # cycle
        if e.matches(PyExc_TypeError):
            _PyErr_Clear(e)
            _type_error(m)
        raise
    try:
        return PySequence_List(it)
    finally:
        Py_DECREF(it)


def PySequence_Fast_ITEMS(v: PyObject) -> list[PyObject]:
    """CPython: Include/cpython/abstract.h:PySequence_Fast_ITEMS"""
    from pyvm.objects.listobject import PyListObject  # cycle
    if isinstance(v, PyListObject):
        return v.ob_item
    return _tuple_items(v)


# CPython: Include/internal/pycore_abstract.h:PY_ITERSEARCH_COUNT
PY_ITERSEARCH_COUNT: Final = 1
PY_ITERSEARCH_INDEX: Final = 2
PY_ITERSEARCH_CONTAINS: Final = 3


def _PySequence_IterSearch(seq: PyObject, obj: PyObject, operation: int) -> int:
    """CPython: Objects/abstract.c:_PySequence_IterSearch"""
    try:
        it = PyObject_GetIter(seq)
    except PyErr as e:
        from pyvm.objects.exceptions import PyExc_TypeError  # cycle
        if e.matches(PyExc_TypeError):
            _PyErr_Clear(e)
            if operation == PY_ITERSEARCH_CONTAINS:
                _type_error(f"argument of type '{seq.ob_type.tp_name}' is not a container or iterable")
            _type_error(f"argument of type '{seq.ob_type.tp_name}' is not iterable")
        raise
    n = 0
    try:
        while True:
            item = PyIter_Next(it)
            if item is None:
                break
            try:
                cmp = PyObject_RichCompareBool(item, obj, Py_EQ)
            finally:
                Py_DECREF(item)
            if cmp:
                if operation == PY_ITERSEARCH_CONTAINS:
                    return 1
                if operation == PY_ITERSEARCH_INDEX:
                    return n
                n += 1
            elif operation == PY_ITERSEARCH_INDEX:
                n += 1
    finally:
        Py_DECREF(it)
    if operation == PY_ITERSEARCH_INDEX:
        from pyvm.objects.exceptions import PyExc_ValueError  # cycle
        PyErr_Format(PyExc_ValueError, "sequence.index(x): x not in sequence")
    if operation == PY_ITERSEARCH_CONTAINS:
        return 0
    return n


def PySequence_Count(s: PyObject, o: PyObject) -> int:
    """CPython: Objects/abstract.c:PySequence_Count"""
    return _PySequence_IterSearch(s, o, PY_ITERSEARCH_COUNT)


def PySequence_Contains(seq: PyObject, ob: PyObject) -> bool:
    """CPython: Objects/abstract.c:PySequence_Contains"""
    f = seq.ob_type.sq_contains
    if f is None and seq.ob_type.tp_dict is None:
        _PyType_CheckReady(seq.ob_type)
        f = seq.ob_type.sq_contains
    if f is not None:
        return f(seq, ob)
    return _PySequence_IterSearch(seq, ob, PY_ITERSEARCH_CONTAINS) != 0


def PySequence_Index(s: PyObject, o: PyObject) -> int:
    """CPython: Objects/abstract.c:PySequence_Index"""
    return _PySequence_IterSearch(s, o, PY_ITERSEARCH_INDEX)


# ---------------------------------------------------------------------------
# Mappings


def PyMapping_Check(o: PyObject) -> bool:
    """CPython: Objects/abstract.c:PyMapping_Check"""
    return o.ob_type.mp_subscript is not None


def _mapping_method_list(o: PyObject, name: str) -> PyObject:
    """CPython: Objects/abstract.c:method_output_as_list"""
    meth_output = PyObject_CallMethod(o, name, [])
    try:
        try:
            it = PyObject_GetIter(meth_output)
        except PyErr as e:
            from pyvm.objects.exceptions import PyExc_TypeError  # cycle
            if e.matches(PyExc_TypeError):
                _PyErr_Clear(e)
                _type_error(f"{o.ob_type.tp_name}.{name}() returned a non-iterable "
                            f"(type {meth_output.ob_type.tp_name})")
            raise
        try:
            return PySequence_List(it)
        finally:
            Py_DECREF(it)
    finally:
        Py_DECREF(meth_output)


def PyMapping_Keys(o: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:PyMapping_Keys"""
    if o.ob_type.tp_name == "dict":
        from pyvm.objects.dictobject import PyDict_Keys  # cycle
        return PyDict_Keys(o)
    return _mapping_method_list(o, "keys")


def PyMapping_Items(o: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:PyMapping_Items"""
    if o.ob_type.tp_name == "dict":
        from pyvm.objects.dictobject import PyDict_Items  # cycle
        return PyDict_Items(o)
    return _mapping_method_list(o, "items")


def PyMapping_Values(o: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:PyMapping_Values"""
    if o.ob_type.tp_name == "dict":
        from pyvm.objects.dictobject import PyDict_Values  # cycle
        return PyDict_Values(o)
    return _mapping_method_list(o, "values")


# ---------------------------------------------------------------------------
# Iteration


def PyIter_Check(obj: PyObject) -> bool:
    """CPython: Objects/abstract.c:PyIter_Check"""
    f = obj.ob_type.tp_iternext
    return f is not None


def PyAIter_Check(obj: PyObject) -> bool:
    """CPython: Objects/abstract.c:PyAIter_Check"""
    return obj.ob_type.am_anext is not None


def PyObject_GetAIter(o: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:PyObject_GetAIter

    ``aiter(o)``: ``type(o).__aiter__(o)``, which must give an async
    iterator. Returns a new reference.
    """
    f = o.ob_type.am_aiter
    if f is None:
        _type_error(f"'{o.ob_type.tp_name[:200]}' object is not an async iterable")
        raise AssertionError  # pyvm: _type_error never returns
    it = f(o)
    if not PyAIter_Check(it):
        tname = it.ob_type.tp_name[:100]
        Py_DECREF(it)
        _type_error(f"aiter() returned not an async iterator of type '{tname}'")
    return it


def PyObject_GetIter(o: PyObject) -> PyObject:
    """CPython: Objects/abstract.c:PyObject_GetIter"""
    tp = o.ob_type
    f = tp.tp_iter
    if f is None and tp.tp_dict is None:
        _PyType_CheckReady(tp)
        f = tp.tp_iter
    if f is None:
        if PySequence_Check(o):
            from pyvm.objects.iterobject import PySeqIter_New  # cycle
            return PySeqIter_New(o)
        _type_error(f"'{tp.tp_name}' object is not iterable")
    assert f is not None
    res = f(o)
    if not PyIter_Check(res):
        if res.ob_type.tp_dict is None:
            _PyType_CheckReady(res.ob_type)
        if not PyIter_Check(res):
            name = res.ob_type.tp_name
            Py_DECREF(res)
            _type_error(f"iter() returned non-iterator of type '{name}'")
    return res


def PyIter_Next(it: PyObject) -> Optional[PyObject]:
    """CPython: Objects/abstract.c:PyIter_Next

    The next item (new reference) or None at the end (a StopIteration
    from the iterator is the end too, and is cleared); errors raise.
    """
    f = it.ob_type.tp_iternext
    assert f is not None
    return _PyIter_CallNext(f, it)


def PyIter_NextItem(it: PyObject) -> Optional[PyObject]:
    """CPython: Objects/abstract.c:PyIter_NextItem"""
    f = it.ob_type.tp_iternext
    if f is None:
        _type_error(f"expected an iterator, got '{it.ob_type.tp_name}'")
    assert f is not None
    return _PyIter_CallNext(f, it)


# ---------------------------------------------------------------------------
# isinstance / issubclass


def abstract_get_bases(cls: PyObject) -> Optional[PyObject]:
    """CPython: Objects/abstract.c:abstract_get_bases

    A new reference to ``cls.__bases__`` if it is a tuple, else None.
    """
    from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
    bases = PyObject_GetOptionalAttr(cls, PyUnicode_InternFromString("__bases__"))
    if bases is not None and not (bases.ob_type.tp_flags & Py_TPFLAGS_TUPLE_SUBCLASS):
        Py_DECREF(bases)
        return None
    return bases


def abstract_issubclass(derived: PyObject, cls: PyObject) -> bool:
    """CPython: Objects/abstract.c:abstract_issubclass"""
    while True:
        if derived is cls:
            return True
        bases = abstract_get_bases(derived)
        if bases is None:
            return False
        items = list(_tuple_items(bases))
        Py_DECREF(bases)
        if len(items) == 0:
            return False
        if len(items) == 1:
            # pyvm: the single base stays alive through ``derived``'s __bases__.
            derived = items[0]
            continue
        for b in items:
            if abstract_issubclass(b, cls):
                return True
        return False


def check_class(cls: PyObject, error: str) -> None:
    """CPython: Objects/abstract.c:check_class"""
    bases = abstract_get_bases(cls)
    if bases is None:
        _type_error(error)
    assert bases is not None
    Py_DECREF(bases)


def object_isinstance(inst: PyObject, cls: PyObject) -> bool:
    """CPython: Objects/abstract.c:object_isinstance"""
    from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
    if isinstance(cls, PyTypeObject):
        if inst.ob_type is cls or PyType_IsSubtype(inst.ob_type, cls):
            return True
        icls = PyObject_GetOptionalAttr(inst, PyUnicode_InternFromString("__class__"))
        if icls is None:
            return False
        try:
            if icls is not inst.ob_type and isinstance(icls, PyTypeObject):
                return PyType_IsSubtype(icls, cls)
            return False
        finally:
            Py_DECREF(icls)
    check_class(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union")
    icls = PyObject_GetOptionalAttr(inst, PyUnicode_InternFromString("__class__"))
    if icls is None:
        return False
    try:
        return abstract_issubclass(icls, cls)
    finally:
        Py_DECREF(icls)


def object_recursive_isinstance(inst: PyObject, cls: PyObject) -> bool:
    """CPython: Objects/abstract.c:object_recursive_isinstance"""
    if inst.ob_type is cls:
        return True
    if isinstance(cls, PyTypeObject) and cls.ob_type is PyType_Type:
        return object_isinstance(inst, cls)
    if cls.ob_type.tp_flags & Py_TPFLAGS_TUPLE_SUBCLASS:
        _Py_EnterRecursiveCall(" in __instancecheck__")
        try:
            for item in _tuple_items(cls):
                if object_recursive_isinstance(inst, item):
                    return True
            return False
        finally:
            _Py_LeaveRecursiveCall()
    from pyvm.objects.unionobject import _PyUnion_Check, _Py_union_args  # cycle
    if _PyUnion_Check(cls):
        # pyvm: C replaces a union by its members before the tuple test; a
        # union is no tuple, so testing it here (off the fast paths) is the same.
        return object_recursive_isinstance(inst, _Py_union_args(cls))
    from pyvm.objects.typeobject import _PyObject_LookupSpecialString  # cycle
    checker = _PyObject_LookupSpecialString(cls, "__instancecheck__")
    if checker is not None:
        try:
            res = PyObject_CallOneArg(checker, inst)
        finally:
            Py_DECREF(checker)
        try:
            return PyObject_IsTrue(res)
        finally:
            Py_DECREF(res)
    return object_isinstance(inst, cls)


def PyObject_IsInstance(inst: PyObject, cls: PyObject) -> bool:
    """CPython: Objects/abstract.c:PyObject_IsInstance"""
    return object_recursive_isinstance(inst, cls)


def recursive_issubclass(derived: PyObject, cls: PyObject) -> bool:
    """CPython: Objects/abstract.c:recursive_issubclass"""
    if isinstance(cls, PyTypeObject) and isinstance(derived, PyTypeObject):
        return PyType_IsSubtype(derived, cls)
    check_class(derived, "issubclass() arg 1 must be a class")
    from pyvm.objects.unionobject import _PyUnion_Check  # cycle
    if not _PyUnion_Check(cls):
        check_class(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union")
    return abstract_issubclass(derived, cls)


def object_issubclass(derived: PyObject, cls: PyObject) -> bool:
    """CPython: Objects/abstract.c:object_issubclass"""
    if isinstance(cls, PyTypeObject) and cls.ob_type is PyType_Type:
        if derived is cls:
            return True
        return recursive_issubclass(derived, cls)
    if cls.ob_type.tp_flags & Py_TPFLAGS_TUPLE_SUBCLASS:
        _Py_EnterRecursiveCall(" in __subclasscheck__")
        try:
            for item in _tuple_items(cls):
                if object_issubclass(derived, item):
                    return True
            return False
        finally:
            _Py_LeaveRecursiveCall()
    from pyvm.objects.unionobject import _PyUnion_Check, _Py_union_args  # cycle
    if _PyUnion_Check(cls):
        # pyvm: as in object_recursive_isinstance.
        return object_issubclass(derived, _Py_union_args(cls))
    from pyvm.objects.typeobject import _PyObject_LookupSpecialString  # cycle
    checker = _PyObject_LookupSpecialString(cls, "__subclasscheck__")
    if checker is not None:
        try:
            res = PyObject_CallOneArg(checker, derived)
        finally:
            Py_DECREF(checker)
        try:
            return PyObject_IsTrue(res)
        finally:
            Py_DECREF(res)
    return recursive_issubclass(derived, cls)


def PyObject_IsSubclass(derived: PyObject, cls: PyObject) -> bool:
    """CPython: Objects/abstract.c:PyObject_IsSubclass"""
    return object_issubclass(derived, cls)


def _PyObject_RealIsInstance(inst: PyObject, cls: PyObject) -> bool:
    """CPython: Objects/abstract.c:_PyObject_RealIsInstance"""
    return object_isinstance(inst, cls)


def _PyObject_RealIsSubclass(derived: PyObject, cls: PyObject) -> bool:
    """CPython: Objects/abstract.c:_PyObject_RealIsSubclass"""
    return recursive_issubclass(derived, cls)


# ---------------------------------------------------------------------------
# format()


def PyObject_Format(obj: PyObject, format_spec: Optional[PyObject]) -> PyObject:
    """CPython: Objects/abstract.c:PyObject_Format"""
    from pyvm.objects.unicodeobject import PyUnicode_InternFromString, PyUnicode_Type  # cycle
    if format_spec is not None and not PyUnicode_Check(format_spec):
        from pyvm.objects.exceptions import PyExc_SystemError  # cycle
        PyErr_Format(PyExc_SystemError,
                     f"Format specifier must be a string, not {format_spec.ob_type.tp_name}")
    if format_spec is None or len(_unicode_value(format_spec)) == 0:
        if obj.ob_type is PyUnicode_Type:
            Py_INCREF(obj)
            return obj
        if obj.ob_type is PyLong_Type:
            return PyObject_Str(obj)
    if format_spec is None:
        format_spec = PyUnicode_InternFromString("")
    from pyvm.objects.typeobject import _PyObject_LookupSpecialString  # cycle
    meth = _PyObject_LookupSpecialString(obj, "__format__")
    if meth is None:
        _type_error(f"Type {obj.ob_type.tp_name} doesn't define __format__")
    assert meth is not None
    try:
        result = PyObject_CallOneArg(meth, format_spec)
    finally:
        Py_DECREF(meth)
    if not PyUnicode_Check(result):
        name = result.ob_type.tp_name
        Py_DECREF(result)
        _type_error(f"__format__ must return a str, not {name}")
    return result


# ---------------------------------------------------------------------------
# The buffer protocol (see ``Py_buffer`` in object.py for pyvm's shape of it)


def PyObject_CheckBuffer(obj: PyObject) -> bool:
    """CPython: Objects/abstract.c:PyObject_CheckBuffer"""
    return obj.ob_type.bf_getbuffer is not None


def PyObject_GetBuffer(obj: PyObject, flags: int) -> Py_buffer:
    """CPython: Objects/abstract.c:PyObject_GetBuffer

    The exporter's view of its storage; ``view.obj`` is a new reference to
    ``obj`` that :func:`PyBuffer_Release` drops."""
    f = obj.ob_type.bf_getbuffer
    if f is None:
        _type_error(f"a bytes-like object is required, not '{obj.ob_type.tp_name}'")
        raise AssertionError  # pyvm: _type_error never returns
    return f(obj, flags)


def PyBuffer_Release(view: Py_buffer) -> None:
    """CPython: Objects/abstract.c:PyBuffer_Release"""
    obj = view.obj
    if obj is None:
        return
    f = obj.ob_type.bf_releasebuffer
    if f is not None:
        f(obj, view)
    view.obj = None
    Py_DECREF(obj)


def PyBuffer_FillInfo(data: bytes | bytearray, obj: PyObject, length: int, readonly: bool,
                      flags: int) -> Py_buffer:
    """CPython: Objects/abstract.c:PyBuffer_FillInfo

    A one-dimensional ``'B'`` view of ``data[0:length]``; takes a new
    reference to ``obj``."""
    if flags & PyBUF_WRITABLE and readonly:
        from pyvm.objects.exceptions import PyExc_BufferError  # cycle
        PyErr_Format(PyExc_BufferError, "Object is not writable.")
    Py_INCREF(obj)
    return Py_buffer(data, 0, obj, length, readonly)


def PyBuffer_IsContiguous(view: Py_buffer, order: str) -> bool:
    """CPython: Objects/abstract.c:PyBuffer_IsContiguous

    pyvm: only C order is asked for (pyvm's views are 1-D slices or C-order
    casts)."""
    if view.len == 0:
        return True
    sd = view.itemsize
    for i in range(view.ndim - 1, -1, -1):
        dim = view.shape[i]
        if dim > 1 and view.strides[i] != sd:
            return False
        sd *= dim
    return True


def PyBuffer_ToContiguous(view: Py_buffer) -> bytes:
    """CPython: Objects/memoryobject.c:PyBuffer_ToContiguous

    pyvm: the view's bytes in C order as a host ``bytes`` (C copies into a
    caller's buffer)."""
    if PyBuffer_IsContiguous(view, "C"):
        return bytes(view.data[view.offset:view.offset + view.len])
    out = bytearray()
    data = view.data
    isz = view.itemsize

    def rec(dim: int, off: int) -> None:
        if dim == view.ndim:
            out.extend(data[off:off + isz])
            return
        st = view.strides[dim]
        for k in range(view.shape[dim]):
            rec(dim + 1, off + k * st)

    rec(0, view.offset)
    return bytes(out)


def _PyBuffer_Bytes(obj: PyObject, flags: int = PyBUF_SIMPLE) -> bytes:
    """pyvm: the bytes of a buffer exporter as a host ``bytes`` (C's
    ``PyObject_GetBuffer(obj, &view, flags)``, ``PyBuffer_ToContiguous``,
    release). ``PyBUF_SIMPLE`` refuses a non-contiguous memoryview, as in C;
    the constructors ask for ``PyBUF_FULL_RO``. Raises the ``a bytes-like
    object is required`` TypeError for non-exporters."""
    view = PyObject_GetBuffer(obj, flags)
    try:
        return PyBuffer_ToContiguous(view)
    finally:
        PyBuffer_Release(view)


def Py_GenericAlias(origin: PyObject, args: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:Py_GenericAlias

    pyvm: the entry point for the modules below genericaliasobject.py (the
    containers whose method tables list ``__class_getitem__``, and
    ``type[int]`` above), which would otherwise import it in a cycle.
    """
    from pyvm.objects.genericaliasobject import Py_GenericAlias as ga  # cycle
    return ga(origin, args)
