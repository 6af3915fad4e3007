"""Unit tests of pyvm/objects/setobject.py and pyvm/objects/complexobject.py.

They call the ported C API directly. Table layouts, iteration orders and
frozenset hashes are compared with the host CPython (64-bit, like pyvm's
hash arithmetic), whose set implementation and int/str hashing are those of
3.14; messages come from the oracle (CPython 3.14).
"""

from __future__ import annotations

import pytest

from pyvm.objects import complexobject as C
from pyvm.objects import setobject as S
from pyvm.objects.longobject import PyLong_FromLong, PyLongObject
from pyvm.objects.object import (
    Py_DECREF, Py_EQ, Py_LT, PyErr, PyObject, PyObject_Hash, PyObject_RichCompareBool,
    _PyObject_ReprStr,
)
from pyvm.objects.tupleobject import _PyTuple_FromArraySteal
from pyvm.objects.typeobject import PyType_Ready
from pyvm.objects.unicodeobject import PyUnicode_FromString, PyUnicodeObject

for _tp in (S.PySet_Type, S.PyFrozenSet_Type, S.PySetIter_Type, C.PyComplex_Type):
    PyType_Ready(_tp)


def _ints(vals: list[int]) -> PyObject:
    return _PyTuple_FromArraySteal([PyLong_FromLong(v) for v in vals])


def _host_items(so: PyObject) -> list[object]:
    out: list[object] = []
    for k in S._PySet_Items(so):
        if isinstance(k, PyLongObject):
            out.append(k.ob_ival)
        else:
            assert isinstance(k, PyUnicodeObject)
            out.append(k.value)
    return out


@pytest.mark.parametrize("vals", [
    [3, 1, 2], [9, 4, 1, 0, 1, 4, 9], list(range(100, 0, -7)), [2 ** 40, -5, 17, 1 << 62, 8, 16],
    list(range(1000)), [-1, -2, 7, 15, 23, 31],
])
def test_iteration_order_matches_host(vals: list[int]) -> None:
    t = _ints(vals)
    s = S.PySet_New(t)
    assert _host_items(s) == list(set(vals))
    f = S.PyFrozenSet_New(t)
    assert PyObject_Hash(f) == hash(frozenset(vals))
    Py_DECREF(s)
    Py_DECREF(f)
    Py_DECREF(t)


def test_str_order_and_hash_match_host() -> None:
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    t = _PyTuple_FromArraySteal([PyUnicode_FromString(w) for w in words])
    f = S.PyFrozenSet_New(t)
    assert PyObject_Hash(f) == hash(frozenset(words))
    Py_DECREF(f)
    Py_DECREF(t)


def test_discard_leaves_dummies_and_order() -> None:
    s = S.PySet_New(None)
    host: set[int] = set()
    for i in range(50):
        S.PySet_Add(s, PyLong_FromLong(i * 3))
        host.add(i * 3)
    for i in range(0, 150, 2):
        k = PyLong_FromLong(i)
        S.PySet_Discard(s, k)
        host.discard(i)
        Py_DECREF(k)
    for i in range(200, 230):
        S.PySet_Add(s, PyLong_FromLong(i))
        host.add(i)
    assert _host_items(s) == list(host)
    assert S.PySet_Size(s) == len(host)
    f = S.PyFrozenSet_New(s)
    assert PyObject_Hash(f) == hash(frozenset(host))
    Py_DECREF(f)
    Py_DECREF(s)


def test_pop_order_matches_host() -> None:
    vals = [5, 13, 21, 2, 40]
    host = set(vals)
    s = S.PySet_New(_ints(vals))
    popped = []
    while S.PySet_Size(s):
        k = S.PySet_Pop(s)
        assert isinstance(k, PyLongObject)
        popped.append(k.ob_ival)
    assert popped == [host.pop() for _ in range(len(vals))]
    with pytest.raises(PyErr) as ei:
        S.PySet_Pop(s)
    assert ei.value.msg == "pop from an empty set"
    Py_DECREF(s)


def test_repr_and_unhashable() -> None:
    s = S.PySet_New(_ints([2, 1]))
    assert _PyObject_ReprStr(s) == "{1, 2}"
    f = S.PyFrozenSet_New(s)
    assert _PyObject_ReprStr(f) == "frozenset({1, 2})"
    e = S.PySet_New(None)
    assert _PyObject_ReprStr(e) == "set()"
    from pyvm.objects.listobject import PyList_New
    lst = PyList_New(0)
    with pytest.raises(PyErr) as ei:
        S.PySet_Add(s, lst)
    assert ei.value.msg == "cannot use 'list' as a set element (unhashable type: 'list')"
    assert lst.ob_refcnt == 1
    for o in (lst, s, f, e):
        Py_DECREF(o)


def test_refcounts_released() -> None:
    k = PyUnicode_FromString("a key that is not interned " + "x")
    s = S.PySet_New(None)
    S.PySet_Add(s, k)
    assert k.ob_refcnt == 2
    S.PySet_Add(s, k)
    assert k.ob_refcnt == 2
    c = S.set_copy_impl(s)
    assert k.ob_refcnt == 3
    Py_DECREF(c)
    Py_DECREF(s)
    assert k.ob_refcnt == 1
    Py_DECREF(k)


def test_comparisons_and_algebra() -> None:
    a = S.PySet_New(_ints([1, 2, 3]))
    b = S.PyFrozenSet_New(_ints([2, 3]))
    assert PyObject_RichCompareBool(b, a, Py_LT)
    assert not PyObject_RichCompareBool(a, b, Py_EQ)
    u = S.set_or(a, b)
    i = S.set_and(a, b)
    d = S.set_sub(a, b)
    x = S.set_xor(a, b)
    assert [_host_items(o) for o in (u, i, d, x)] == [[1, 2, 3], [2, 3], [1], [1]]
    for o in (a, b, u, i, d, x):
        Py_DECREF(o)


def test_complex_repr_hash_and_arith() -> None:
    def rep(o: PyObject) -> str:
        return _PyObject_ReprStr(o)
    z = C.PyComplex_FromDoubles(1.0, 2.0)
    assert rep(z) == "(1+2j)"
    assert rep(C.PyComplex_FromDoubles(0.0, -0.0)) == "-0j"
    assert rep(C.PyComplex_FromDoubles(-0.0, 0.0)) == "(-0+0j)"
    assert rep(C.PyComplex_FromDoubles(float("nan"), float("inf"))) == "(nan+infj)"
    assert PyObject_Hash(z) == hash(1 + 2j)
    two = PyLong_FromLong(2)
    assert rep(C.complex_mul(two, z)) == "(2+4j)"
    # 3.14's mixed-mode rule keeps the sign of a zero imaginary part.
    assert rep(C.complex_sub(two, C.PyComplex_FromDoubles(1.0, -0.0))) == "(1+0j)"
    with pytest.raises(PyErr) as ei:
        C.complex_div(z, C.PyComplex_FromDoubles(0.0, 0.0))
    assert ei.value.msg == "division by zero"
