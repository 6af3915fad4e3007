"""Unit tests of the core object model (H-objA's modules): object, type,
abstract, call, descriptors, builtin functions, int, bool, float, exceptions and
slices.

They call the ported C API directly. The expected values and messages were taken
from CPython 3.14 (``node tools/oracle/py314.mjs``); hashes that the 32-bit oracle
prints differently come from the 64-bit algorithm (the host's, unchanged since 3.11).
"""

from __future__ import annotations

from typing import Callable, Optional

import pytest

from pyvm.objects import abstract as A
from pyvm.objects import exceptions as X
from pyvm.objects.boolobject import Py_False, Py_True
from pyvm.objects.call import PyObject_Call, PyObject_CallNoArgs, PyObject_CallOneArg, PyObject_Vectorcall
from pyvm.objects.descrobject import PyGetSetDef, _PyType_AddGetSets, _PyType_AddMethods
from pyvm.objects.dictobject import PyDict_New, PyDict_SetItem
from pyvm.objects.floatobject import PyFloat_FromDouble, PyFloat_Type, PyFloatObject
from pyvm.objects.longobject import PyLong_FromLong, PyLong_Type, PyLongObject, PyLong_AsLong
from pyvm.objects.methodobject import (METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O, PyCFunction_New,
                                       PyMethodDef)
from pyvm.objects.object import (
    Py_DECREF, Py_EQ, Py_INCREF, Py_LT, Py_NE, Py_None, Py_NotImplemented, PyBaseObject_Type, PyErr,
    PyObject, PyObject_GetAttr, PyObject_Hash, PyObject_IsTrue, PyObject_Repr, PyObject_RichCompare,
    PyObject_RichCompareBool, PyObject_SetAttr, PyObject_Str, PyType_Type, PyTypeObject,
    _PyObject_GetMethod, _PyObject_ReprStr, _PyObject_StrStr, _Py_IMMORTAL_REFCNT,
)
from pyvm.objects.sliceobject import Py_Ellipsis, PySlice_GetIndicesEx, PySlice_New
from pyvm.objects.tupleobject import _PyTuple_FromArray
from pyvm.objects.typeobject import PyType_Ready, _PyType_Name
from pyvm.objects.unicodeobject import PyUnicode_FromString


def i(v: int) -> PyObject:
    return PyLong_FromLong(v)


def f(v: float) -> PyObject:
    return PyFloat_FromDouble(v)


def s(v: str) -> PyObject:
    return PyUnicode_FromString(v)


def t(*items: PyObject) -> PyObject:
    return _PyTuple_FromArray(list(items))


def r(o: PyObject) -> str:
    return _PyObject_ReprStr(o)


def raises(fn: Callable[[], object]) -> str:
    """``'Type: message'`` of the pyvm exception ``fn`` raises."""
    with pytest.raises(PyErr) as ei:
        fn()
    v = ei.value.normalize()
    return f"{v.ob_type.tp_name}: {_PyObject_StrStr(v)}"


def val(o: PyObject) -> int:
    assert isinstance(o, PyLongObject)
    return o.ob_ival


def fval(o: PyObject) -> float:
    assert isinstance(o, PyFloatObject)
    return o.ob_fval


# --- bootstrap -------------------------------------------------------------------


def test_type_and_object_bootstrap() -> None:
    assert PyType_Type.ob_type is PyType_Type
    assert PyBaseObject_Type.ob_type is PyType_Type
    assert PyLong_Type.ob_type is PyType_Type
    PyType_Ready(PyLong_Type)
    assert r(PyLong_Type.tp_mro or Py_None) == "(<class 'int'>, <class 'object'>)"
    assert PyLong_Type.tp_base is PyBaseObject_Type
    assert r(PyType_Type) == "<class 'type'>"
    assert r(X.PyExc_KeyError) == "<class 'KeyError'>"
    assert _PyType_Name(PyLong_Type) == "int"


def test_none_and_notimplemented() -> None:
    assert r(Py_None) == "None"
    assert not PyObject_IsTrue(Py_None)
    assert r(Py_NotImplemented) == "NotImplemented"
    assert raises(lambda: PyObject_IsTrue(Py_NotImplemented)) == \
        "TypeError: NotImplemented should not be used in a boolean context"
    assert Py_None.ob_refcnt == _Py_IMMORTAL_REFCNT
    Py_DECREF(Py_None)
    assert Py_None.ob_refcnt == _Py_IMMORTAL_REFCNT


# --- ints --------------------------------------------------------------------------


def test_int_arithmetic() -> None:
    assert val(A.PyNumber_Add(i(7), i(2))) == 9
    assert val(A.PyNumber_FloorDivide(i(-7), i(2))) == -4
    assert val(A.PyNumber_Remainder(i(-7), i(2))) == 1
    assert r(A.PyNumber_Divmod(i(-7), i(2))) == "(-4, 1)"
    assert r(A.PyNumber_TrueDivide(i(7), i(2))) == "3.5"
    assert r(A.PyNumber_Power(i(2), i(-1), Py_None)) == "0.5"
    assert r(A.PyNumber_Power(i(2), i(100), Py_None)) == str(2 ** 100)
    assert r(A.PyNumber_Power(i(2), i(-1), i(5))) == "3"
    assert val(A.PyNumber_Lshift(i(1), i(70))) == 1 << 70
    assert val(A.PyNumber_Rshift(i(-5), i(100))) == -1
    assert val(A.PyNumber_Invert(i(5))) == -6
    assert val(A.PyNumber_Absolute(i(-5))) == 5


@pytest.mark.parametrize("fn,msg", [
    (lambda: A.PyNumber_FloorDivide(i(1), i(0)), "ZeroDivisionError: division by zero"),
    (lambda: A.PyNumber_Remainder(i(1), i(0)), "ZeroDivisionError: division by zero"),
    (lambda: A.PyNumber_Divmod(i(1), i(0)), "ZeroDivisionError: division by zero"),
    (lambda: A.PyNumber_TrueDivide(i(1), i(0)), "ZeroDivisionError: division by zero"),
    (lambda: A.PyNumber_Power(i(0), i(-1), Py_None), "ZeroDivisionError: zero to a negative power"),
    (lambda: A.PyNumber_Power(i(2), i(3), i(0)), "ValueError: pow() 3rd argument cannot be 0"),
    (lambda: A.PyNumber_Power(i(2), i(-1), i(4)),
     "ValueError: base is not invertible for the given modulus"),
    (lambda: A.PyNumber_Power(f(2.0), i(3), i(5)),
     "TypeError: pow() 3rd argument not allowed unless all arguments are integers"),
    (lambda: A.PyNumber_Lshift(i(1), i(-1)), "ValueError: negative shift count"),
    (lambda: A.PyNumber_Rshift(i(1), i(-1)), "ValueError: negative shift count"),
    (lambda: A.PyNumber_Lshift(i(1), i(1 << 100)), "OverflowError: too many digits in integer"),
    (lambda: A.PyNumber_Add(i(1), s("a")), "TypeError: unsupported operand type(s) for +: 'int' and 'str'"),
    (lambda: A.PyNumber_Negative(s("a")), "TypeError: bad operand type for unary -: 'str'"),
    (lambda: A.PyNumber_Invert(f(1.5)), "TypeError: bad operand type for unary ~: 'float'"),
    (lambda: A.PyNumber_Absolute(s("a")), "TypeError: bad operand type for abs(): 'str'"),
    (lambda: A.PyNumber_Divmod(i(1), s("a")),
     "TypeError: unsupported operand type(s) for divmod(): 'int' and 'str'"),
    (lambda: A.PyNumber_Power(i(1), s("a"), Py_None),
     "TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'str'"),
    (lambda: A.PyNumber_Power(i(1), i(2), s("a")),
     "TypeError: unsupported operand type(s) for ** or pow(): 'int', 'int', 'str'"),
    (lambda: A.PyNumber_MatrixMultiply(i(1), i(2)),
     "TypeError: unsupported operand type(s) for @: 'int' and 'int'"),
    (lambda: A.PyNumber_InPlaceAdd(i(1), s("a")),
     "TypeError: unsupported operand type(s) for +=: 'int' and 'str'"),
    (lambda: A.PyNumber_InPlacePower(i(1), s("a"), Py_None),
     "TypeError: unsupported operand type(s) for **=: 'int' and 'str'"),
    (lambda: A.PyNumber_Multiply(s("a"), f(1.5)),
     "TypeError: can't multiply sequence by non-int of type 'float'"),
    (lambda: PyObject_RichCompare(i(1), s("a"), Py_LT),
     "TypeError: '<' not supported between instances of 'int' and 'str'"),
    (lambda: A.PyNumber_TrueDivide(i(10 ** 400), i(1)),
     "OverflowError: integer division result too large for a float"),
    (lambda: A.PyNumber_Add(f(1.0), i(10 ** 400)), "OverflowError: int too large to convert to float"),
])
def test_error_messages(fn: Callable[[], object], msg: str) -> None:
    assert raises(fn) == msg


def test_int_hash_and_compare() -> None:
    assert PyObject_Hash(i(-1)) == -2
    assert PyObject_Hash(i(2 ** 61)) == hash(2 ** 61)
    assert PyObject_Hash(i(-2 ** 61 - 5)) == hash(-2 ** 61 - 5)
    assert PyObject_RichCompare(i(1), i(2), Py_LT) is Py_True
    assert PyObject_RichCompareBool(i(3), f(3.0), Py_EQ)
    assert PyObject_RichCompareBool(f(1e300), i(10 ** 300), Py_NE)
    assert PyObject_RichCompare(i(1), s("a"), Py_EQ) is Py_False


def test_small_ints_are_immortal() -> None:
    assert i(5) is i(5)
    assert i(256).ob_refcnt == _Py_IMMORTAL_REFCNT
    assert i(257) is not i(257)


def test_int_str_limit() -> None:
    assert raises(lambda: PyObject_Repr(i(10 ** 5000))) == (
        "ValueError: Exceeds the limit (4300 digits) for integer string conversion; "
        "use sys.set_int_max_str_digits() to increase the limit")
    assert raises(lambda: A.PyNumber_Long(s("1" * 5000))) == (
        "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has "
        "5000 digits; use sys.set_int_max_str_digits() to increase the limit")


def test_int_constructor() -> None:
    assert val(PyObject_CallOneArg(PyLong_Type, s("  12_3  "))) == 123
    assert val(PyObject_CallOneArg(PyLong_Type, f(-2.7))) == -2
    assert val(PyObject_CallOneArg(PyLong_Type, s("٣"))) == 3
    assert val(PyObject_CallNoArgs(PyLong_Type)) == 0
    assert val(PyObject_Vectorcall(PyLong_Type, [s("0x10"), i(16)], 0, 2, None)) == 16
    assert val(PyObject_Vectorcall(PyLong_Type, [s("0b11"), i(0)], 0, 1, t(s("base")))) == 3
    assert raises(lambda: PyObject_CallOneArg(PyLong_Type, s("x"))) == \
        "ValueError: invalid literal for int() with base 10: 'x'"
    assert raises(lambda: PyObject_Vectorcall(PyLong_Type, [s("012"), i(0)], 0, 2, None)) == \
        "ValueError: invalid literal for int() with base 0: '012'"
    assert raises(lambda: PyObject_Vectorcall(PyLong_Type, [s("12"), i(1)], 0, 2, None)) == \
        "ValueError: int() base must be >= 2 and <= 36, or 0"
    assert raises(lambda: PyObject_CallOneArg(PyLong_Type, f(float("nan")))) == \
        "ValueError: cannot convert float NaN to integer"
    assert raises(lambda: PyObject_CallOneArg(PyLong_Type, f(float("inf")))) == \
        "OverflowError: cannot convert float infinity to integer"
    assert raises(lambda: PyObject_CallOneArg(PyLong_Type, Py_None)) == (
        "TypeError: int() argument must be a string, a bytes-like object or a real number, "
        "not 'NoneType'")


def test_int_methods_and_getsets() -> None:
    seven = i(7)
    bl = PyObject_GetAttr(seven, s("bit_length"))
    assert r(bl).startswith("<built-in method bit_length of int object at 0x")
    assert val(PyObject_CallNoArgs(bl)) == 3
    assert raises(lambda: PyObject_CallOneArg(bl, i(1))) == \
        "TypeError: int.bit_length() takes no arguments (1 given)"
    descr = PyObject_GetAttr(PyLong_Type, s("bit_length"))
    assert r(descr) == "<method 'bit_length' of 'int' objects>"
    assert raises(lambda: PyObject_CallNoArgs(descr)) == \
        "TypeError: unbound method int.bit_length() needs an argument"
    assert raises(lambda: PyObject_CallOneArg(descr, s("a"))) == \
        "TypeError: descriptor 'bit_length' for 'int' objects doesn't apply to a 'str' object"
    assert val(PyObject_GetAttr(seven, s("denominator"))) == 1
    assert val(PyObject_GetAttr(seven, s("imag"))) == 0
    assert r(PyObject_GetAttr(PyLong_Type, s("real"))) == "<attribute 'real' of 'int' objects>"
    assert raises(lambda: PyObject_SetAttr(seven, s("real"), i(1))) == \
        "AttributeError: attribute 'real' of 'int' objects is not writable"
    assert raises(lambda: PyObject_SetAttr(seven, s("foo"), i(1))) == \
        "AttributeError: 'int' object has no attribute 'foo' and no __dict__ for setting new attributes"
    rnd = PyObject_GetAttr(i(1250), s("__round__"))
    assert val(PyObject_CallOneArg(rnd, i(-2))) == 1200
    assert val(PyObject_CallOneArg(PyObject_GetAttr(i(1350), s("__round__")), i(-2))) == 1400


def test_get_method() -> None:
    meth, unbound = _PyObject_GetMethod(i(5), s("bit_length"))
    assert unbound
    assert val(PyObject_Vectorcall(meth, [i(5)], 0, 1, None)) == 3
    attr, unbound = _PyObject_GetMethod(i(5), s("real"))
    assert not unbound and val(attr) == 5
    assert raises(lambda: _PyObject_GetMethod(i(1), s("foo"))) == \
        "AttributeError: 'int' object has no attribute 'foo'"


def test_attribute_error_context() -> None:
    with pytest.raises(PyErr) as ei:
        PyObject_GetAttr(i(1), s("foo"))
    exc = ei.value.normalize()
    assert isinstance(exc, X.PyAttributeErrorObject)
    assert exc.name is not None and r(exc.name) == "'foo'"
    assert exc.obj is not None and val(exc.obj) == 1
    assert raises(lambda: PyObject_GetAttr(PyLong_Type, s("foo"))) == \
        "AttributeError: type object 'int' has no attribute 'foo'"


# --- bool --------------------------------------------------------------------------


def test_bool() -> None:
    assert r(Py_True) == "True" and r(Py_False) == "False"
    assert r(A.PyNumber_Add(Py_True, Py_True)) == "2"
    assert A.PyNumber_And(Py_True, Py_False) is Py_False
    assert A.PyNumber_Or(Py_True, Py_False) is Py_True
    assert r(A.PyNumber_And(Py_True, i(3))) == "1"
    assert val(A.PyNumber_Invert(Py_True)) == -2
    from pyvm.objects.boolobject import PyBool_Type
    assert PyObject_CallOneArg(PyBool_Type, i(3)) is Py_True
    assert PyObject_CallNoArgs(PyBool_Type) is Py_False
    assert A.PyObject_IsInstance(Py_True, PyLong_Type)
    assert PyObject_Hash(Py_True) == 1


# --- float -------------------------------------------------------------------------


def test_float() -> None:
    assert r(f(0.1)) == "0.1" and r(f(1e16)) == "1e+16" and r(f(-0.0)) == "-0.0"
    assert r(f(float("inf"))) == "inf"
    assert r(A.PyNumber_Add(f(1.5), i(2))) == "3.5"
    assert r(A.PyNumber_FloorDivide(f(-7.0), f(2.0))) == "-4.0"
    assert r(A.PyNumber_Remainder(f(-7.0), f(2.0))) == "1.0"
    assert raises(lambda: A.PyNumber_TrueDivide(f(1.0), i(0))) == "ZeroDivisionError: division by zero"
    assert raises(lambda: A.PyNumber_FloorDivide(f(1.0), f(0.0))) == "ZeroDivisionError: division by zero"
    assert raises(lambda: A.PyNumber_Remainder(f(1.0), f(0.0))) == "ZeroDivisionError: division by zero"
    assert raises(lambda: A.PyNumber_Power(f(0.0), i(-1), Py_None)) == \
        "ZeroDivisionError: zero to a negative power"
    assert raises(lambda: A.PyNumber_Power(f(10.0), i(400), Py_None)) == \
        "OverflowError: (34, 'Numerical result out of range')"
    assert PyObject_Hash(f(1.5)) == hash(1.5)
    assert PyObject_Hash(f(float("inf"))) == 314159
    assert PyObject_Hash(f(2.0)) == 2


def test_float_constructor() -> None:
    assert fval(PyObject_CallOneArg(PyFloat_Type, s(" 1_0.5 "))) == 10.5
    assert fval(PyObject_CallOneArg(PyFloat_Type, i(3))) == 3.0
    assert raises(lambda: PyObject_CallOneArg(PyFloat_Type, s("x"))) == \
        "ValueError: could not convert string to float: 'x'"
    assert raises(lambda: PyObject_CallOneArg(PyFloat_Type, Py_None)) == \
        "TypeError: float() argument must be a string or a real number, not 'NoneType'"
    assert raises(lambda: PyObject_CallOneArg(PyFloat_Type, i(10 ** 400))) == \
        "OverflowError: int too large to convert to float"


def test_float_methods() -> None:
    ratio = PyObject_CallNoArgs(PyObject_GetAttr(f(1.5), s("as_integer_ratio")))
    assert r(ratio) == "(3, 2)"
    assert raises(lambda: PyObject_CallNoArgs(PyObject_GetAttr(f(float("nan")), s("as_integer_ratio")))) == \
        "ValueError: cannot convert NaN to integer ratio"
    assert PyObject_CallNoArgs(PyObject_GetAttr(f(2.0), s("is_integer"))) is Py_True
    rnd = PyObject_GetAttr(f(2.5), s("__round__"))
    assert val(PyObject_CallNoArgs(rnd)) == 2
    assert r(PyObject_CallOneArg(PyObject_GetAttr(f(1.25), s("__round__")), i(1))) == "1.2"
    assert raises(lambda: PyObject_CallNoArgs(PyObject_GetAttr(f(float("inf")), s("__round__")))) == \
        "OverflowError: cannot convert float infinity to integer"


# --- objects and types -------------------------------------------------------------


def test_object_and_type_calls() -> None:
    o = PyObject_CallNoArgs(PyBaseObject_Type)
    assert r(o).startswith("<object object at 0x")
    assert raises(lambda: PyObject_CallOneArg(PyBaseObject_Type, i(1))) == \
        "TypeError: object() takes no arguments"
    assert PyObject_CallOneArg(PyType_Type, i(1)) is PyLong_Type
    assert raises(lambda: PyObject_Vectorcall(PyType_Type, [i(1), i(2)], 0, 2, None)) == \
        "TypeError: type() takes 1 or 3 arguments"
    assert raises(lambda: PyObject_CallNoArgs(i(1))) == "TypeError: 'int' object is not callable"
    assert r(PyObject_GetAttr(PyLong_Type, s("__name__"))) == "'int'"
    assert r(PyObject_GetAttr(PyLong_Type, s("__module__"))) == "'builtins'"
    assert r(PyObject_GetAttr(i(1), s("__class__"))) == "<class 'int'>"
    assert raises(lambda: PyObject_SetAttr(PyLong_Type, s("x"), i(1))) == \
        "TypeError: cannot set 'x' attribute of immutable type 'int'"
    assert PyObject_RichCompare(o, o, Py_EQ) is Py_True
    assert PyObject_RichCompare(o, i(1), Py_NE) is Py_True


def test_unready_iterator_type_cannot_be_instantiated() -> None:
    tp = PyTypeObject("pyvm_test_iterator")
    PyType_Ready(tp)
    assert raises(lambda: PyObject_CallNoArgs(tp)) == "TypeError: cannot create 'pyvm_test_iterator' instances"


def test_isinstance_issubclass() -> None:
    assert A.PyObject_IsInstance(i(1), t(PyFloat_Type, PyLong_Type))
    assert not A.PyObject_IsInstance(i(1), PyFloat_Type)
    assert A.PyObject_IsSubclass(X.PyExc_KeyError, X.PyExc_LookupError)
    assert raises(lambda: A.PyObject_IsInstance(i(1), i(1))) == \
        "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union"
    assert raises(lambda: A.PyObject_IsSubclass(i(1), PyLong_Type)) == \
        "TypeError: issubclass() arg 1 must be a class"


def test_abstract_protocols() -> None:
    assert raises(lambda: A.PyObject_GetIter(i(1))) == "TypeError: 'int' object is not iterable"
    assert raises(lambda: A.PyObject_Size(i(1))) == "TypeError: object of type 'int' has no len()"
    assert raises(lambda: A.PyObject_GetItem(i(1), i(0))) == "TypeError: 'int' object is not subscriptable"
    assert raises(lambda: A.PySequence_Contains(i(5), i(1))) == \
        "TypeError: argument of type 'int' is not a container or iterable"
    assert r(A.PyObject_Format(i(5), s("05d"))) == "'00005'"
    assert r(A.PyObject_Format(f(1.5), s(".3f"))) == "'1.500'"
    assert raises(lambda: A.PyObject_Format(PyObject_CallNoArgs(PyBaseObject_Type), s("x"))) == \
        "TypeError: unsupported format string passed to object.__format__"
    assert val(A.PyNumber_Index(Py_True)) == 1
    assert raises(lambda: A.PyNumber_Index(f(1.0))) == \
        "TypeError: 'float' object cannot be interpreted as an integer"
    assert A.PyNumber_AsSsize_t(i(1 << 70), None) == (1 << 63) - 1
    assert raises(lambda: A.PyNumber_AsSsize_t(i(1 << 70), X.PyExc_IndexError)) == \
        "IndexError: cannot fit 'int' into an index-sized integer"
    assert raises(lambda: PyLong_AsLong(i(1 << 70))) == \
        "OverflowError: Python int too large to convert to C long"
    assert r(A.PySequence_Tuple(t(i(1), i(2)))) == "(1, 2)"


# --- builtin functions -------------------------------------------------------------


def _my_len(self: PyObject, arg: PyObject) -> PyObject:
    return A.PyObject_Size(arg) and PyLong_FromLong(A.PyObject_Size(arg)) or PyLong_FromLong(0)


def _my_fast(self: PyObject, args: list[PyObject]) -> PyObject:
    return PyLong_FromLong(len(args))


def _my_kw(self: PyObject, args: list[PyObject], kwnames: Optional[PyObject]) -> PyObject:
    return t(PyLong_FromLong(len(args)), kwnames if kwnames is not None else Py_None)


def test_builtin_functions() -> None:
    ln = PyCFunction_New(PyMethodDef("len", _my_len, METH_O), None)
    assert r(ln) == "<built-in function len>"
    assert val(PyObject_CallOneArg(ln, t(i(1), i(2)))) == 2
    assert raises(lambda: PyObject_CallNoArgs(ln)) == "TypeError: len() takes exactly one argument (0 given)"
    assert raises(lambda: PyObject_Vectorcall(ln, [i(1), i(2)], 0, 1, t(s("x")))) == \
        "TypeError: len() takes no keyword arguments"
    fast = PyCFunction_New(PyMethodDef("fast", _my_fast, METH_FASTCALL), None)
    assert val(PyObject_Vectorcall(fast, [i(0), i(1), i(2), i(3)], 1, 2, None)) == 2
    kw = PyCFunction_New(PyMethodDef("kw", _my_kw, METH_FASTCALL | METH_KEYWORDS), None)
    assert r(PyObject_Vectorcall(kw, [i(1), i(2)], 0, 1, t(s("a")))) == "(2, ('a',))"
    d = PyDict_New()
    PyDict_SetItem(d, s("b"), i(5))
    assert r(PyObject_Call(kw, t(i(1)), d)) == "(2, ('b',))"
    noargs = PyCFunction_New(PyMethodDef("noargs", lambda self: Py_None, METH_NOARGS), None)
    assert raises(lambda: PyObject_CallOneArg(noargs, i(1))) == "TypeError: noargs() takes no arguments (1 given)"


def test_registration_after_ready() -> None:
    tp = PyTypeObject("pyvm_test_type", None)
    tp.tp_new = lambda typ, args, kw: PyObject(typ)
    PyType_Ready(tp)
    _PyType_AddMethods(tp, [PyMethodDef("hello", lambda self: PyUnicode_FromString("hi"), METH_NOARGS)])
    _PyType_AddGetSets(tp, [PyGetSetDef("answer", lambda self: PyLong_FromLong(42), None)])
    o = PyObject_CallNoArgs(tp)
    assert r(PyObject_CallNoArgs(PyObject_GetAttr(o, s("hello")))) == "'hi'"
    assert val(PyObject_GetAttr(o, s("answer"))) == 42


# --- exceptions --------------------------------------------------------------------


def test_exception_str_and_repr() -> None:
    e1 = PyObject_CallOneArg(X.PyExc_ValueError, s("bad"))
    assert r(e1) == "ValueError('bad')" and _PyObject_StrStr(e1) == "bad"
    e2 = PyObject_Vectorcall(X.PyExc_ValueError, [s("a"), i(1)], 0, 2, None)
    assert r(e2) == "ValueError('a', 1)" and _PyObject_StrStr(e2) == "('a', 1)"
    e0 = PyObject_CallNoArgs(X.PyExc_ValueError)
    assert r(e0) == "ValueError()" and _PyObject_StrStr(e0) == ""
    k = PyObject_CallOneArg(X.PyExc_KeyError, s("k"))
    assert _PyObject_StrStr(k) == "'k'"
    assert r(PyObject_GetAttr(k, s("args"))) == "('k',)"
    si = PyObject_CallOneArg(X.PyExc_StopIteration, i(5))
    assert val(PyObject_GetAttr(si, s("value"))) == 5
    sx = PyObject_CallNoArgs(X.PyExc_SystemExit)
    assert PyObject_GetAttr(sx, s("code")) is Py_None
    assert raises(lambda: PyObject_Vectorcall(X.PyExc_ValueError, [i(1), i(2)], 0, 1, t(s("x")))) == \
        "TypeError: ValueError() takes no keyword arguments"


def test_syntax_error_fields() -> None:
    info = t(s("/tmp/x.py"), i(3), i(5), s("x = = 1\n"), i(3), i(6))
    e = PyObject_Vectorcall(X.PyExc_SyntaxError, [s("invalid syntax"), info], 0, 2, None)
    assert _PyObject_StrStr(e) == "invalid syntax (x.py, line 3)"
    assert val(PyObject_GetAttr(e, s("offset"))) == 5
    assert val(PyObject_GetAttr(e, s("end_offset"))) == 6
    assert r(PyObject_GetAttr(e, s("text"))) == "'x = = 1\\n'"


def test_unnormalized_errors() -> None:
    err = PyErr(X.PyExc_ZeroDivisionError, None, "division by zero", None)
    v = err.normalize()
    assert r(v) == "ZeroDivisionError('division by zero')"
    err2 = PyErr(X.PyExc_KeyError, None, None, t(i(1), i(2)))
    assert r(err2.normalize()) == "KeyError(1, 2)"
    with pytest.raises(PyErr) as ei:
        X._PyErr_SetKeyError(t(i(1), i(2)))
    assert _PyObject_StrStr(ei.value.normalize()) == "(1, 2)"
    assert ei.value.matches(X.PyExc_LookupError)


def test_exception_attributes() -> None:
    e = PyObject_CallOneArg(X.PyExc_ValueError, s("x"))
    PyObject_SetAttr(e, s("extra"), i(1))
    assert val(PyObject_GetAttr(e, s("extra"))) == 1
    note = PyObject_GetAttr(e, s("add_note"))
    PyObject_CallOneArg(note, s("a note"))
    assert r(PyObject_GetAttr(e, s("__notes__"))) == "['a note']"
    assert raises(lambda: PyObject_CallOneArg(note, i(1))) == "TypeError: add_note() argument must be str, not int"
    c = PyObject_CallNoArgs(X.PyExc_KeyError)
    PyObject_SetAttr(e, s("__cause__"), c)
    assert PyObject_GetAttr(e, s("__cause__")) is c
    assert PyObject_GetAttr(e, s("__suppress_context__")) is Py_True
    assert raises(lambda: PyObject_SetAttr(e, s("__context__"), i(1))) == \
        "TypeError: exception context must be None or derive from BaseException"
    assert r(PyObject_GetAttr(X.PyExc_ModuleNotFoundError, s("__mro__"))) == (
        "(<class 'ModuleNotFoundError'>, <class 'ImportError'>, <class 'Exception'>, "
        "<class 'BaseException'>, <class 'object'>)")


# --- slices ------------------------------------------------------------------------


def test_slices() -> None:
    sl = PySlice_New(i(1), i(10), i(3))
    assert r(sl) == "slice(1, 10, 3)"
    assert PySlice_GetIndicesEx(sl, 5) == (1, 5, 3, 2)
    assert PySlice_GetIndicesEx(PySlice_New(None, None, i(-1)), 4) == (3, -1, -1, 4)
    ind = PyObject_GetAttr(PySlice_New(None, i(-1), None), s("indices"))
    assert r(PyObject_CallOneArg(ind, i(10))) == "(0, 9, 1)"
    assert raises(lambda: PySlice_GetIndicesEx(PySlice_New(None, None, i(0)), 3)) == \
        "ValueError: slice step cannot be zero"
    assert r(Py_Ellipsis) == "Ellipsis"
    assert PyObject_RichCompareBool(PySlice_New(i(1), i(2), None), PySlice_New(i(1), i(2), None), Py_EQ)


# --- reference counts --------------------------------------------------------------


def test_refcounts() -> None:
    big = i(10 ** 30)
    assert big.ob_refcnt == 1
    tup = t(big)
    assert big.ob_refcnt == 2
    Py_DECREF(tup)
    assert big.ob_refcnt == 1
    e = PyObject_CallOneArg(X.PyExc_ValueError, big)
    assert big.ob_refcnt == 2
    Py_DECREF(e)
    assert big.ob_refcnt == 1
    sl = PySlice_New(big, None, None)
    assert big.ob_refcnt == 2
    Py_DECREF(sl)
    assert big.ob_refcnt == 1
    Py_INCREF(big)
    Py_DECREF(big)
    assert big.ob_refcnt == 1


# --- slot wrappers, mappingproxy, method cache -------------------------------------


def test_slot_wrappers() -> None:
    add = PyObject_GetAttr(PyLong_Type, s("__add__"))
    assert r(add) == "<slot wrapper '__add__' of 'int' objects>"
    assert val(PyObject_Vectorcall(add, [i(1), i(2)], 0, 2, None)) == 3
    assert raises(lambda: PyObject_Vectorcall(add, [s("a"), i(1)], 0, 2, None)) == \
        "TypeError: descriptor '__add__' requires a 'int' object but received a 'str'"
    assert raises(lambda: PyObject_CallNoArgs(add)) == \
        "TypeError: descriptor '__add__' of 'int' object needs an argument"
    bound = PyObject_GetAttr(i(1), s("__add__"))
    assert r(bound).startswith("<method-wrapper '__add__' of int object at 0x")
    assert PyObject_CallOneArg(bound, s("a")) is Py_NotImplemented
    assert raises(lambda: PyObject_CallNoArgs(bound)) == "TypeError: expected 1 argument, got 0"
    assert raises(lambda: PyObject_Vectorcall(bound, [i(2), i(3)], 0, 1, t(s("x")))) == \
        "TypeError: wrapper __add__() takes no keyword arguments"
    assert val(PyObject_CallOneArg(PyObject_GetAttr(i(5), s("__radd__")), i(1))) == 6
    assert val(PyObject_Vectorcall(PyObject_GetAttr(i(2), s("__pow__")), [i(3), i(5)], 0, 2, None)) == 3
    assert PyObject_CallOneArg(PyObject_GetAttr(i(1), s("__lt__")), i(2)) is Py_True
    init = PyObject_GetAttr(X.PyExc_ValueError, s("__init__"))
    assert r(init) == "<slot wrapper '__init__' of 'BaseException' objects>"
    e = PyObject_CallNoArgs(X.PyExc_ValueError)
    PyObject_Vectorcall(init, [e, s("m")], 0, 2, None)
    assert r(e) == "ValueError('m')"
    assert PyObject_GetAttr(PyLong_Type, s("__hash__")).ob_type.tp_name == "wrapper_descriptor"
    from pyvm.objects.listobject import PyList_Type
    assert PyObject_GetAttr(PyList_Type, s("__hash__")) is Py_None


def test_type_dict_is_a_mappingproxy() -> None:
    from pyvm.objects.boolobject import PyBool_Type
    d = PyObject_GetAttr(PyLong_Type, s("__dict__"))
    assert d.ob_type.tp_name == "mappingproxy"
    assert A.PySequence_Contains(d, s("__add__"))
    assert not A.PySequence_Contains(PyObject_GetAttr(PyBool_Type, s("__dict__")), s("__add__"))
    assert r(A.PyObject_GetItem(d, s("bit_length"))) == "<method 'bit_length' of 'int' objects>"


def test_method_cache_sees_late_registration() -> None:
    tp = PyTypeObject("pyvm_test_cache", None)
    tp.tp_new = lambda typ, args, kw: PyObject(typ)
    o = PyObject_CallNoArgs(tp)
    name = s("late")
    from pyvm.objects.unicodeobject import PyUnicode_InternFromString
    name = PyUnicode_InternFromString("late_method")
    assert raises(lambda: PyObject_GetAttr(o, name)) == \
        "AttributeError: 'pyvm_test_cache' object has no attribute 'late_method'"
    _PyType_AddMethods(tp, [PyMethodDef("late_method", lambda self: PyLong_FromLong(1), METH_NOARGS)])
    assert val(PyObject_CallNoArgs(PyObject_GetAttr(o, name))) == 1


def test_dir() -> None:
    from pyvm.objects.typeobject import PyObject_Dir
    names = r(PyObject_Dir(i(5)))
    assert "'bit_length'" in names and "'__add__'" in names and "'__class__'" in names
    tnames = r(PyObject_Dir(PyLong_Type))
    assert "'bit_length'" in tnames and "'mro'" not in tnames


def test_exact_mixed_arithmetic() -> None:
    # These differ when an int is silently converted to a double first.
    assert r(A.PyNumber_TrueDivide(i(10 ** 400), i(10 ** 399))) == "10.0"
    assert r(A.PyNumber_TrueDivide(i(1), i(10 ** 400))) == "0.0"
    assert r(A.PyNumber_TrueDivide(i(2 ** 53 + 1), i(3))) == repr((2 ** 53 + 1) / 3)
    assert not PyObject_RichCompareBool(f(float(2 ** 53)), i(2 ** 53 + 1), Py_EQ)
    assert PyObject_RichCompareBool(f(float(2 ** 53)), i(2 ** 53 + 1), Py_LT)
    assert PyObject_RichCompareBool(f(float("inf")), i(10 ** 400), Py_NE)
    assert not PyObject_RichCompareBool(f(float("nan")), i(1), Py_EQ)
    assert PyObject_RichCompareBool(f(float("nan")), i(1), Py_NE)
    assert PyObject_CallNoArgs(PyObject_GetAttr(f(1e300), s("is_integer"))) is Py_True
