"""Unit tests of the container and string types (H-objB's modules): tuple, list,
dict, str and its formatting, bytes, range, the iterators, enumerate, reversed.

They call the ported C API directly and compare the result with CPython 3.14:
each ``O("...")`` (a value: its repr) or ``E("...")`` (an exception:
``"Type: message"``) names the Python code that does the same thing; the
oracle runs every such snippet and ``tests/objects_b_oracle.json`` keeps the
outcomes (regenerate with ``python3 tests/test_objects_b.py --regen``;
tests/unit_oracle.py). Where a snippet replays a sequence of mutations, it
starts from the state the previous assertion checked. Expectations are never
typed by hand.

Not from the oracle: reference counts, identities, freelists and dict key
kinds (pyvm's own invariants), values the test itself stored, and hashes,
which come from the host CPython (64-bit; the oracle is a 32-bit build, and
str/int/tuple hashing did not change since 3.11).
"""

from __future__ import annotations

import importlib.util
import sys
from typing import Optional

import pytest

from unit_oracle import UnitOracle

ORACLE = UnitOracle(__file__)
if __name__ == "__main__":
    ORACLE.main()  # --regen runs the oracle only: pyvm is not imported
    sys.exit(0)

from pyvm.objects import object as PO  # noqa: E402
from pyvm.objects.object import PyErr, PyObject, Py_DECREF, Py_INCREF, Py_LT, _Py_IMMORTAL_REFCNT  # noqa: E402
from pyvm.objects.typeobject import PyType_Ready  # noqa: E402
from pyvm.objects import unicodeobject as U  # noqa: E402
from pyvm.objects import tupleobject as T  # noqa: E402
from pyvm.objects import listobject as L  # noqa: E402
from pyvm.objects import dictobject as D  # noqa: E402
from pyvm.objects import bytesobject as B  # noqa: E402
from pyvm.objects import rangeobject as R  # noqa: E402
from pyvm.objects import iterobject as I  # noqa: E402
from pyvm.objects import enumobject as EN  # noqa: E402
from pyvm.objects import unicode_format as F  # noqa: E402
from pyvm.objects.longobject import PyLong_FromLong, PyLongObject  # noqa: E402

O, E = ORACLE.O, ORACLE.E

HAVE_ABSTRACT = importlib.util.find_spec("pyvm.objects.abstract") is not None
HAVE_FLOAT = importlib.util.find_spec("pyvm.objects.floatobject") is not None
HAVE_SLICE = importlib.util.find_spec("pyvm.objects.sliceobject") is not None
needs_abstract = pytest.mark.skipif(not HAVE_ABSTRACT, reason="pyvm.objects.abstract not written yet")
needs_float = pytest.mark.skipif(not HAVE_FLOAT, reason="pyvm.objects.floatobject not written yet")
needs_slice = pytest.mark.skipif(not HAVE_SLICE, reason="pyvm.objects.sliceobject not written yet")

for _tp in (U.PyUnicode_Type, T.PyTuple_Type, L.PyList_Type, D.PyDict_Type, B.PyBytes_Type,
            R.PyRange_Type, EN.PyEnum_Type, EN.PyReversed_Type, D.PyDictKeys_Type,
            D.PyDictValues_Type, D.PyDictItems_Type, L.PyListIter_Type, T.PyTupleIter_Type):
    PyType_Ready(_tp)


def s(x: str) -> PyObject:
    return U.PyUnicode_FromString(x)


def i(x: int) -> PyObject:
    return PyLong_FromLong(x)


def tup(*items: PyObject) -> PyObject:
    return T._PyTuple_FromArray(list(items))


def lst(*items: PyObject) -> PyObject:
    return L._PyList_FromArray(list(items))


def r(o: PyObject) -> str:
    """repr() as host text."""
    return PO._PyObject_ReprStr(o)


def text(o: PyObject) -> str:
    return U._PyUnicode_AsString(o)


def err(f: object) -> str:
    """Run ``f`` and return ``"Type: message"`` of the pyvm exception it raises."""
    from typing import Callable, cast
    try:
        cast(Callable[[], object], f)()
    except PyErr as e:
        v = e.normalize()
        return f"{e.exc_type.tp_name}: {PO._PyObject_StrStr(v)}"
    raise AssertionError("no error raised")


def call(obj: PyObject, name: str, *args: PyObject, kw: Optional[dict[str, PyObject]] = None) -> PyObject:
    """obj.name(*args, **kw) through the method descriptors."""
    from pyvm.objects.call import PyObject_Vectorcall
    m = PO.PyObject_GetAttr(obj, U.PyUnicode_InternFromString(name))
    vec = list(args)
    kwnames: Optional[PyObject] = None
    if kw:
        vec += list(kw.values())
        kwnames = T._PyTuple_FromArray([s(k) for k in kw])
    try:
        return PyObject_Vectorcall(m, vec, 0, len(args), kwnames)
    finally:
        Py_DECREF(m)


def ival(o: PyObject) -> int:
    assert isinstance(o, PyLongObject)
    return o.ob_ival


# ---------------------------------------------------------------------------
# tuple


def test_tuple_empty_is_immortal_singleton() -> None:
    a = T.PyTuple_New(0)
    b = T._PyTuple_FromArray([])
    assert a is b and a.ob_refcnt == _Py_IMMORTAL_REFCNT


def test_tuple_repr() -> None:
    assert r(tup()) == O("()")
    assert r(tup(i(1))) == O("(1,)")
    assert r(tup(i(1), s("a'b"), tup(i(2)))) == O("(1, \"a'b\", (2,))")


def test_tuple_hash_matches_cpython() -> None:
    for host in [(), (1,), (1, 2), (1, (2, 3), -1), ("a", "b"), (1 << 70, -5)]:
        def conv(x: object) -> PyObject:
            if isinstance(x, tuple):
                return T._PyTuple_FromArray([conv(y) for y in x])
            if isinstance(x, str):
                return s(x)
            assert isinstance(x, int)
            return i(x)
        assert T.tuple_hash(conv(host)) == hash(host)


def test_tuple_items_and_errors() -> None:
    t = tup(i(1), i(2), i(3))
    assert r(T.tuple_item(t, 2)) == O("(1, 2, 3)[2]")
    assert err(lambda: T.tuple_item(t, 3)) == E("(1, 2, 3)[3]")
    assert err(lambda: T.tuple_concat(t, lst())) == E("(1, 2, 3) + []")
    assert r(T.tuple_concat(t, tup(i(4)))) == O("(1, 2, 3) + (4,)")
    assert r(T.tuple_repeat(tup(i(1), i(2)), 2)) == O("(1, 2) * 2")
    assert repr(bool(T.tuple_contains(t, i(2)))) == O("2 in (1, 2, 3)")
    assert repr(bool(T.tuple_contains(t, i(5)))) == O("5 in (1, 2, 3)")
    assert err(lambda: T.tuple_subscript(t, s("a"))) == E("(1, 2, 3)['a']")


def test_tuple_methods() -> None:
    t = tup(i(1), i(2), i(1))
    assert r(call(t, "count", i(1))) == O("(1, 2, 1).count(1)")
    assert r(call(t, "index", i(2))) == O("(1, 2, 1).index(2)")
    assert err(lambda: call(t, "index", i(4))) == E("(1, 2, 1).index(4)")


def test_tuple_richcompare() -> None:
    from pyvm.objects.boolobject import Py_True, Py_False
    assert r(T.tuple_richcompare(tup(i(1), i(2)), tup(i(1), i(3)), Py_LT)) == O("(1, 2) < (1, 3)")
    assert r(T.tuple_richcompare(tup(i(1), i(2)), tup(i(1)), Py_LT)) == O("(1, 2) < (1,)")
    assert r(T.tuple_richcompare(tup(i(1)), tup(i(1)), PO.Py_EQ)) == O("(1,) == (1,)")
    # The results are the singletons.
    assert T.tuple_richcompare(tup(i(1), i(2)), tup(i(1)), Py_LT) is Py_False
    assert T.tuple_richcompare(tup(i(1)), tup(i(1)), PO.Py_EQ) is Py_True


def test_tuple_dealloc_releases_items_and_uses_freelist() -> None:
    item = s("payload-not-cached")
    Py_INCREF(item)
    t = T._PyTuple_FromArray([item, item])
    assert item.ob_refcnt == 4
    Py_DECREF(t)
    assert item.ob_refcnt == 2
    t2 = T._PyTuple_FromArray([i(1), i(2)])
    assert t2 is t  # reused from the freelist of size 2


# ---------------------------------------------------------------------------
# list


def test_list_basic_and_messages() -> None:
    l = L.PyList_New(0)
    for k in (3, 1, 2):
        L.PyList_Append(l, i(k))
    assert r(l) == O("l = []\nfor k in (3, 1, 2):\n    l.append(k)\nl")
    assert err(lambda: L.PyList_GetItem(l, 5)) == E("[3, 1, 2][5]")
    assert err(lambda: L.list_ass_item(l, 5, i(0))) == E("l = [3, 1, 2]\nl[5] = 0")
    assert err(lambda: L.list_subscript(l, s("x"))) == E("[3, 1, 2]['x']")
    assert err(lambda: L.list_concat(l, tup())) == E("[3, 1, 2] + ()")


def test_list_recursive_repr() -> None:
    l = lst(i(1))
    L.PyList_Append(l, l)
    assert r(l) == O("l = [1]\nl.append(l)\nl")


def test_list_methods() -> None:
    l = lst(i(1), i(2), i(3))
    call(l, "append", i(4))
    call(l, "insert", i(0), i(0))
    assert r(l) == O("l = [1, 2, 3]\nl.append(4)\nl.insert(0, 0)\nl")
    assert r(call(l, "pop")) == O("l = [0, 1, 2, 3, 4]\nl.pop()")
    assert r(call(l, "pop", i(0))) == O("l = [0, 1, 2, 3, 4]\nl.pop()\nl.pop(0)")
    call(l, "remove", i(2))
    assert r(l) == O("l = [0, 1, 2, 3, 4]\nl.pop()\nl.pop(0)\nl.remove(2)\nl")
    assert err(lambda: call(l, "remove", i(7))) == E("[1, 3].remove(7)")
    assert err(lambda: call(l, "index", i(9))) == E("[1, 3].index(9)")
    assert err(lambda: call(lst(), "pop")) == E("[].pop()")
    assert err(lambda: call(lst(i(1)), "pop", i(4))) == E("[1].pop(4)")
    assert r(call(lst(i(1), i(1), i(2)), "count", i(1))) == O("[1, 1, 2].count(1)")
    c = call(l, "copy")
    assert c is not l and r(c) == O("[1, 3].copy()")
    call(l, "reverse")
    assert r(l) == O("l = [1, 3]\nl.reverse()\nl")
    call(l, "clear")
    assert r(l) == O("l = [3, 1]\nl.clear()\nl")


def test_list_sort() -> None:
    l = lst(i(3), i(1), i(2), i(5), i(4))
    call(l, "sort")
    assert r(l) == O("l = [3, 1, 2, 5, 4]\nl.sort()\nl")
    call(l, "sort", kw={"reverse": PyLong_FromLong(1)})
    assert r(l) == O("l = [1, 2, 3, 4, 5]\nl.sort(reverse=1)\nl")
    assert err(lambda: call(l, "sort", i(1))) == E("[5, 4, 3, 2, 1].sort(1)")
    mixed = lst(i(1), s("a"))
    assert err(lambda: call(mixed, "sort")) == E("[1, 'a'].sort()")
    # unchanged after the failed sort
    assert r(mixed) == O("l = [1, 'a']\ntry:\n    l.sort()\nexcept TypeError:\n    pass\nl")


def test_list_sort_is_stable_with_key() -> None:
    # Sort pairs by their first item only: equal keys keep their order.
    from pyvm.objects.methodobject import METH_O, PyCFunction_New, PyMethodDef

    def first(self: PyObject, arg: PyObject) -> PyObject:
        assert isinstance(arg, T.PyTupleObject)
        v = arg.ob_item[0]
        Py_INCREF(v)
        return v
    key = PyCFunction_New(PyMethodDef("first", first, METH_O), None)
    l = lst(tup(i(2), s("a")), tup(i(1), s("b")), tup(i(2), s("c")), tup(i(1), s("d")))
    call(l, "sort", kw={"key": key})
    assert r(l) == O("l = [(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')]\nl.sort(key=lambda p: p[0])\nl")


@needs_slice
def test_list_extended_slice_assignment() -> None:
    from pyvm.objects.sliceobject import PySlice_New
    l = lst(i(1), i(2), i(3))
    sl = PySlice_New(i(0), i(3), i(2))
    assert err(lambda: L.list_ass_subscript(l, sl, lst(i(1), i(2), i(3)))) == \
        E("l = [1, 2, 3]\nl[0:3:2] = [1, 2, 3]")
    L.list_ass_subscript(l, sl, lst(i(7), i(9)))
    assert r(l) == O("l = [1, 2, 3]\nl[0:3:2] = [7, 9]\nl")
    L.list_ass_subscript(l, sl, None)
    assert r(l) == O("l = [7, 2, 9]\ndel l[0:3:2]\nl")
    assert r(L.list_subscript(lst(i(1), i(2), i(3), i(4)), PySlice_New(PO.Py_None, PO.Py_None, i(-2)))) == \
        O("[1, 2, 3, 4][::-2]")


# ---------------------------------------------------------------------------
# dict


def test_dict_insertion_order_deletion_and_resize() -> None:
    d = D.PyDict_New()
    for k in range(100):
        D.PyDict_SetItem(d, s(f"k{k}"), i(k))
    for k in range(0, 100, 3):
        D.PyDict_DelItem(d, s(f"k{k}"))
    D.PyDict_SetItem(d, s("k0"), i(-1))
    keys = [text(k) for k in L.PyList_AsTuple(D.PyDict_Keys(d)).ob_item]  # type: ignore[attr-defined]
    assert repr(keys) == O("d = {}\nfor k in range(100):\n    d[f'k{k}'] = k\n"
                           "for k in range(0, 100, 3):\n    del d[f'k{k}']\nd['k0'] = -1\nlist(d)")
    assert repr(D.PyDict_Size(d)) == O("d = {}\nfor k in range(100):\n    d[f'k{k}'] = k\n"
                                       "for k in range(0, 100, 3):\n    del d[f'k{k}']\nd['k0'] = -1\nlen(d)")
    assert isinstance(d, D.PyDictObject) and d.ma_keys.dk_kind == D.DICT_KEYS_UNICODE
    D.PyDict_SetItem(d, i(5), s("five"))
    assert d.ma_keys.dk_kind == D.DICT_KEYS_GENERAL
    v = D.PyDict_GetItemWithError(d, i(5))
    assert v is not None and text(v) == "five"  # the value stored above
    assert D.PyDict_GetItemWithError(d, s("k3")) is None


def test_dict_small_repr_and_errors() -> None:
    d = D.PyDict_New()
    D.PyDict_SetItem(d, s("a"), i(1))
    D.PyDict_SetItem(d, i(2), tup(i(3)))
    D.PyDict_SetItem(d, s("a"), i(9))
    assert r(d) == O("d = {}\nd['a'] = 1\nd[2] = (3,)\nd['a'] = 9\nd")
    assert err(lambda: D.dict_subscript(d, s("k"))) == E("{'a': 9, 2: (3,)}['k']")
    assert err(lambda: D.PyDict_DelItem(d, s("k"))) == E("d = {'a': 9, 2: (3,)}\ndel d['k']")
    assert err(lambda: D.PyDict_SetItem(d, lst(), i(1))) == E("d = {'a': 9, 2: (3,)}\nd[[]] = 1")
    D.PyDict_SetItem(d, s("self"), d)
    assert r(d) == O("d = {'a': 9, 2: (3,)}\nd['self'] = d\nd")


def test_dict_methods() -> None:
    d = D.PyDict_New()
    D.PyDict_SetItem(d, s("a"), i(1))
    D.PyDict_SetItem(d, s("b"), i(2))
    assert r(call(d, "get", s("a"))) == O("{'a': 1, 'b': 2}.get('a')")
    assert call(d, "get", s("z")) is PO.Py_None
    assert r(call(d, "get", s("z"))) == O("{'a': 1, 'b': 2}.get('z')")
    assert r(call(d, "setdefault", s("c"), i(3))) == O("{'a': 1, 'b': 2}.setdefault('c', 3)")
    assert r(call(d, "pop", s("a"))) == O("d = {'a': 1, 'b': 2}\nd.setdefault('c', 3)\nd.pop('a')")
    assert r(call(d, "pop", s("a"), i(0))) == O("{'b': 2, 'c': 3}.pop('a', 0)")
    assert err(lambda: call(d, "pop", s("a"))) == E("{'b': 2, 'c': 3}.pop('a')")
    assert r(call(d, "popitem")) == O("{'b': 2, 'c': 3}.popitem()")
    assert r(d) == O("d = {'b': 2, 'c': 3}\nd.popitem()\nd")
    e = call(d, "copy")
    assert r(e) == O("{'b': 2}.copy()") and e is not d
    call(d, "clear")
    assert r(d) == O("d = {'b': 2}\nd.clear()\nd")
    assert err(lambda: call(d, "popitem")) == E("{}.popitem()")


def test_dict_equality() -> None:
    from pyvm.objects.boolobject import Py_True, Py_False
    a = D.PyDict_New()
    b = D.PyDict_New()
    D.PyDict_SetItem(a, s("x"), i(1))
    D.PyDict_SetItem(a, i(2), i(2))
    D.PyDict_SetItem(b, i(2), i(2))
    D.PyDict_SetItem(b, s("x"), i(1))
    assert r(D.dict_richcompare(a, b, PO.Py_EQ)) == O("{'x': 1, 2: 2} == {2: 2, 'x': 1}")
    assert D.dict_richcompare(a, b, PO.Py_EQ) is Py_True
    D.PyDict_SetItem(b, s("x"), i(0))
    assert r(D.dict_richcompare(a, b, PO.Py_EQ)) == O("{'x': 1, 2: 2} == {2: 2, 'x': 0}")
    assert D.dict_richcompare(a, b, PO.Py_EQ) is Py_False


def test_dict_load_global() -> None:
    g = D.PyDict_New()
    bi = D.PyDict_New()
    D.PyDict_SetItem(bi, s("len"), i(1))
    D.PyDict_SetItem(g, s("x"), i(2))
    assert isinstance(g, D.PyDictObject) and isinstance(bi, D.PyDictObject)
    v = D._PyDict_LoadGlobal(g, bi, U.PyUnicode_InternFromString("len"))
    assert v is not None and ival(v) == 1  # the value stored above
    assert D._PyDict_LoadGlobal(g, bi, s("nope")) is None


def test_dict_iteration_changed_size() -> None:
    d = D.PyDict_New()
    D.PyDict_SetItem(d, s("a"), i(1))
    it = D.dict_iter(d)
    D.PyDict_SetItem(d, s("b"), i(2))
    assert err(lambda: D.dictiter_iternextkey(it)) == E("d = {'a': 1}\nit = iter(d)\nd['b'] = 2\nnext(it)")


@needs_abstract
def test_dict_views_repr() -> None:
    d = D.PyDict_New()
    D.PyDict_SetItem(d, i(1), i(2))
    assert r(call(d, "keys")) == O("{1: 2}.keys()")
    assert r(call(d, "values")) == O("{1: 2}.values()")
    assert r(call(d, "items")) == O("{1: 2}.items()")


@needs_abstract
def test_dict_constructor_errors() -> None:
    assert err(lambda: D.dict_vectorcall(D.PyDict_Type, [i(1)], 0, 1, None)) == E("dict(1)")
    assert err(lambda: D.dict_vectorcall(D.PyDict_Type, [lst(tup(i(1), i(2), i(3)))], 0, 1, None)) == \
        E("dict([(1, 2, 3)])")
    d = D.dict_vectorcall(D.PyDict_Type, [lst(tup(i(1), i(2))), i(5)], 0, 1, tup(s("k")))
    assert r(d) == O("dict([(1, 2)], k=5)")


# ---------------------------------------------------------------------------
# str


def test_str_singletons_and_interning() -> None:
    assert s("") is s("") and s("a") is s("a")
    a = U.PyUnicode_InternFromString("hello_world")
    assert a is U.PyUnicode_InternFromString("hello_world")
    assert a.ob_refcnt == _Py_IMMORTAL_REFCNT


def test_str_repr_and_hash() -> None:
    assert r(s("abc")) == O("'abc'")
    assert r(s("a'b")) == O("\"a'b\"")
    assert r(s('a"b')) == O("'a\"b'")
    assert r(s("a'\"b")) == O(r"""'a\'"b'""")
    assert r(s("\t\n\x00é\u2028")) == O(r"'\t\n\x00é\u2028'")
    assert U.unicode_hash(s("spam")) == hash("spam")


def test_str_errors() -> None:
    assert err(lambda: U.unicode_getitem(s("abc"), 5)) == E("'abc'[5]")
    assert err(lambda: U.unicode_subscript(s("abc"), s("a"))) == E("'abc'['a']")
    assert err(lambda: U.PyUnicode_Concat(s("a"), i(1))) == E("'a' + 1")
    assert err(lambda: U.PyUnicode_Contains(s("a"), i(1))) == E("1 in 'a'")


def test_str_methods() -> None:
    assert r(call(s(","), "join", lst(s("a"), s("b")))) == O("','.join(['a', 'b'])")
    assert err(lambda: call(s(""), "join", lst(s("a"), i(2)))) == E("''.join(['a', 2])")
    assert r(call(s(" a  b "), "split")) == O("' a  b '.split()")
    assert r(call(s("a,b,c"), "split", s(","), i(1))) == O("'a,b,c'.split(',', 1)")
    assert r(call(s("a,b,c"), "rsplit", s(","), kw={"maxsplit": i(1)})) == O("'a,b,c'.rsplit(',', maxsplit=1)")
    assert err(lambda: call(s("a"), "split", s(""))) == E("'a'.split('')")
    assert err(lambda: call(s("a"), "split", i(1))) == E("'a'.split(1)")
    assert err(lambda: call(s("a"), "split", s("a"), kw={"sep": s("b")})) == E("'a'.split('a', sep='b')")
    assert err(lambda: call(s("a"), "split", kw={"x": i(1)})) == E("'a'.split(x=1)")
    assert r(call(s("  x "), "strip")) == O("'  x '.strip()")
    assert r(call(s("xxaxx"), "strip", s("x"))) == O("'xxaxx'.strip('x')")
    assert err(lambda: call(s("a"), "strip", i(1))) == E("'a'.strip(1)")
    assert r(call(s("aaa"), "replace", s("a"), s("b"), i(2))) == O("'aaa'.replace('a', 'b', 2)")
    assert err(lambda: call(s("a"), "replace", i(1), i(2))) == E("'a'.replace(1, 2)")
    assert r(call(s("hello world"), "title")) == O("'hello world'.title()")
    assert r(call(s("abc"), "startswith", tup(s("x"), s("a")))) == O("'abc'.startswith(('x', 'a'))")
    assert call(s("abc"), "startswith", tup(s("x"), s("a"))) is call(s(""), "isascii")  # the singleton
    assert err(lambda: call(s("a"), "startswith", i(1))) == E("'a'.startswith(1)")
    assert r(call(s("abcb"), "find", s("b"), i(2))) == O("'abcb'.find('b', 2)")
    assert r(call(s("abcb"), "rfind", s("b"))) == O("'abcb'.rfind('b')")
    assert err(lambda: call(s("ab"), "index", s("x"))) == E("'ab'.index('x')")
    assert err(lambda: call(s("a"), "find")) == E("'a'.find()")
    assert r(call(s("aaa"), "count", s("a"))) == O("'aaa'.count('a')")
    assert r(call(s("7"), "zfill", i(3))) == O("'7'.zfill(3)")
    assert r(call(s("a"), "center", i(5), s("*"))) == O("'a'.center(5, '*')")
    assert err(lambda: call(s("a"), "center", i(5), s("ab"))) == E("'a'.center(5, 'ab')")
    assert r(call(s("a=b=c"), "partition", s("="))) == O("'a=b=c'.partition('=')")
    assert r(call(s("a=b=c"), "rpartition", s("="))) == O("'a=b=c'.rpartition('=')")
    assert r(call(s("a\nb\r\n"), "splitlines", kw={"keepends": i(1)})) == O(r"'a\nb\r\n'.splitlines(keepends=1)")
    assert err(lambda: call(s("a"), "upper", i(1))) == E("'a'.upper(1)")


def test_str_format_method() -> None:
    assert r(call(s("{} {}"), "format", i(1), s("x"))) == O("'{} {}'.format(1, 'x')")
    assert r(call(s("{1}{0}{a}"), "format", i(1), i(2), kw={"a": i(3)})) == O("'{1}{0}{a}'.format(1, 2, a=3)")
    assert r(call(s("{{}} {0!r:>5}"), "format", s("a"))) == O("'{{}} {0!r:>5}'.format('a')")
    assert r(call(s("{0:{1}}"), "format", i(1), i(5))) == O("'{0:{1}}'.format(1, 5)")
    assert r(call(s("{0[1]}"), "format", lst(i(7), i(8)))) == O("'{0[1]}'.format([7, 8])")
    assert err(lambda: call(s("{0} {}"), "format", i(1), i(2))) == E("'{0} {}'.format(1, 2)")
    assert err(lambda: call(s("{1}"), "format", i(1))) == E("'{1}'.format(1)")
    assert err(lambda: call(s("{a}"), "format", i(1))) == E("'{a}'.format(1)")
    assert err(lambda: call(s("{"), "format")) == E("'{'.format()")
    assert err(lambda: call(s("}"), "format")) == E("'}'.format()")
    assert err(lambda: call(s("{0!x}"), "format", i(1))) == E("'{0!x}'.format(1)")
    assert err(lambda: call(s("{0:{1:{2}}}"), "format", i(1), i(2), i(3))) == E("'{0:{1:{2}}}'.format(1, 2, 3)")


def test_format_spec_mini_language() -> None:
    def fmt(o: PyObject, spec: str) -> str:
        return repr(text(F.render_field(o, spec)))
    assert fmt(i(12345678), ",d") == O("format(12345678, ',d')")
    assert fmt(i(12345678), "_x") == O("format(12345678, '_x')")
    assert fmt(i(-1), "=+08") == O("format(-1, '=+08')")
    assert fmt(i(15), "#b") == O("format(15, '#b')")
    assert fmt(s("abc"), "^9.2") == O("format('abc', '^9.2')")
    assert fmt(s("a"), "05") == O("format('a', '05')")
    assert fmt(i(1), "05") == O("format(1, '05')")
    assert err(lambda: fmt(s("a"), ",s")) == E("format('a', ',s')")
    assert err(lambda: fmt(s("a"), "zz")) == E("format('a', 'zz')")
    assert err(lambda: fmt(i(1), "s")) == E("format(1, 's')")
    assert err(lambda: fmt(i(1), ",,")) == E("format(1, ',,')")
    assert err(lambda: fmt(s("a"), "=5")) == E("format('a', '=5')")
    assert err(lambda: fmt(s("a"), "+5")) == E("format('a', '+5')")
    assert err(lambda: fmt(i(1), ".2d")) == E("format(1, '.2d')")
    assert err(lambda: fmt(i(1), ",c")) == E("format(1, ',c')")
    assert err(lambda: fmt(i(1), "_,")) == E("format(1, '_,')")
    assert err(lambda: fmt(i(1), "x,")) == E("format(1, 'x,')")
    assert err(lambda: fmt(i(1), "<<<")) == E("format(1, '<<<')")
    assert err(lambda: fmt(i(2), "z")) == E("format(2, 'z')")
    assert fmt(i(2), "%") == O("format(2, '%')")


@needs_float
def test_format_spec_float() -> None:
    from pyvm.objects.floatobject import PyFloat_FromDouble

    def fmt(v: float, spec: str) -> str:
        return repr(text(F.render_field(PyFloat_FromDouble(v), spec)))
    assert fmt(1234.5, ",.2f") == O("format(1234.5, ',.2f')")
    assert fmt(2.5, "%") == O("format(2.5, '%')")
    assert fmt(-0.0001, "z.1f") == O("format(-0.0001, 'z.1f')")
    assert fmt(1.23456, ".3,f") == O("format(1.23456, '.3,f')")
    assert fmt(3.0, "5") == O("format(3.0, '5')")
    assert err(lambda: fmt(1.5, "d")) == E("format(1.5, 'd')")
    assert err(lambda: fmt(1.5, ",x")) == E("format(1.5, ',x')")


def test_printf_style() -> None:
    def pct(fmt: str, *args: PyObject) -> str:
        a = args[0] if len(args) == 1 and not isinstance(args[0], T.PyTupleObject) else tup(*args)
        if len(args) == 1 and isinstance(args[0], T.PyTupleObject):
            a = args[0]
        return repr(text(U.PyUnicode_Format(s(fmt), a)))
    assert pct("%-5d|%05d|%+d|% d|%#x|%#o|%10.3s|%%|%i|%X|%r",
               i(1), i(2), i(3), i(4), i(255), i(8), s("abcdef"), i(5), i(255), s("x")) == \
        O("'%-5d|%05d|%+d|% d|%#x|%#o|%10.3s|%%|%i|%X|%r' % (1, 2, 3, 4, 255, 8, 'abcdef', 5, 255, 'x')")
    assert pct("%s", i(7)) == O("'%s' % 7")
    assert err(lambda: pct("%d", s("a"))) == E("'%d' % 'a'")
    assert err(lambda: pct("%d %d", tup(i(1)))) == E("'%d %d' % (1,)")
    assert err(lambda: pct("%d", tup(i(1), i(2)))) == E("'%d' % (1, 2)")
    assert err(lambda: pct("%z", tup(i(1)))) == E("'%z' % (1,)")
    assert err(lambda: pct("abc", i(5))) == E("'abc' % 5")
    assert err(lambda: pct("%", tup())) == E("'%' % ()")
    assert err(lambda: pct("%c", s("ab"))) == E("'%c' % 'ab'")
    assert err(lambda: pct("%x", s("q"))) == E("'%x' % 'q'")
    d = D.PyDict_New()
    D.PyDict_SetItem(d, s("a"), i(1))
    assert r(U.PyUnicode_Format(s("%(a)s-%(a)d"), d)) == O("'%(a)s-%(a)d' % {'a': 1}")
    assert err(lambda: pct("%(a)s", i(1))) == E("'%(a)s' % 1")


def test_str_iteration_types() -> None:
    it = U.unicode_iter(s("ab"))
    assert repr(it.ob_type.tp_name) == O("type(iter('ab')).__name__")
    assert repr(U.unicode_iter(s("é")).ob_type.tp_name) == O("type(iter('é')).__name__")
    a = U.unicodeiter_next(it)
    b = U.unicodeiter_next(it)
    assert a is not None and b is not None and repr(text(a) + text(b)) == O("it = iter('ab')\nnext(it) + next(it)")
    assert U.unicodeiter_next(it) is None


# ---------------------------------------------------------------------------
# bytes


def test_bytes_basics() -> None:
    b = B.PyBytes_FromStringAndSize(b"a'b\x00")
    assert r(b) == O("b\"a'b\\x00\"")
    assert B.bytes_hash(b) == hash(b"a'b\x00")
    assert err(lambda: B.bytes_concat(b, s("a"))) == E("b\"a'b\\x00\" + 'a'")
    assert err(lambda: B.bytes_item(b, 9)) == E("b\"a'b\\x00\"[9]")
    assert r(call(B.PyBytes_FromStringAndSize("é".encode()), "decode")) == O("'é'.encode().decode()")
    assert err(lambda: call(s("a"), "encode", s("zz"))) == E("'a'.encode('zz')")


# ---------------------------------------------------------------------------
# range, iterators, enumerate, reversed


def test_range() -> None:
    rg = R.range_from_array([i(0), i(10), i(3)])
    assert r(rg) == O("range(0, 10, 3)")
    assert r(R.range_from_array([i(5)])) == O("range(5)")
    assert repr(R.range_length(rg)) == O("len(range(0, 10, 3))")
    assert r(R.range_item(rg, 3)) == O("range(0, 10, 3)[3]")
    assert isinstance(rg, R.rangeobject)
    assert err(lambda: R.compute_range_item(rg, 4)) == E("range(0, 10, 3)[4]")
    assert repr(bool(R.range_contains(rg, i(6)))) == O("6 in range(0, 10, 3)")
    assert repr(bool(R.range_contains(rg, i(7)))) == O("7 in range(0, 10, 3)")
    assert err(lambda: R.range_from_array([i(1), i(2), i(0)])) == E("range(1, 2, 0)")
    assert err(lambda: R.range_from_array([])) == E("range()")
    assert err(lambda: R.range_from_array([s("a")])) == E("range('a')")
    assert err(lambda: R.range_index(rg, i(5))) == E("range(0, 10, 3).index(5)")
    it = R.range_reverse(rg)
    out = []
    while True:
        v = R.rangeiter_next(it)
        if v is None:
            break
        out.append(ival(v))
    assert repr(out) == O("list(reversed(range(0, 10, 3)))")
    assert R.range_hash(R.range_from_array([i(3)])) == hash(range(3))
    big = R.range_from_array([i(1 << 70)])
    assert err(lambda: R.range_length(big)) == E("len(range(1 << 70))")


@needs_slice
def test_range_slice() -> None:
    from pyvm.objects.sliceobject import PySlice_New
    rg = R.range_from_array([i(0), i(10), i(3)])
    assert r(R.range_subscript(rg, PySlice_New(i(1), i(3), PO.Py_None))) == O("range(0, 10, 3)[1:3]")
    assert r(R.range_subscript(rg, PySlice_New(PO.Py_None, PO.Py_None, i(-1)))) == O("range(0, 10, 3)[::-1]")


@needs_abstract
def test_enumerate_and_reversed() -> None:
    e = EN.enumerate_vectorcall(EN.PyEnum_Type, [s("ab"), i(5)], 0, 2, None)
    a = EN.enum_next(e)
    b = EN.enum_next(e)
    assert a is not None and b is not None
    assert r(a) == O("e = enumerate('ab', 5)\nnext(e)")
    assert r(b) == O("e = enumerate('ab', 5)\nnext(e)\nnext(e)")
    assert EN.enum_next(e) is None
    assert err(lambda: EN.enumerate_vectorcall(EN.PyEnum_Type, [], 0, 0, None)) == E("enumerate()")
    assert err(lambda: EN.enumerate_vectorcall(EN.PyEnum_Type, [lst(), i(1)], 0, 1, tup(s("x")))) == \
        E("enumerate([], x=1)")
    rv = EN.reversed_vectorcall(EN.PyReversed_Type, [tup(i(1), i(2))], 0, 1, None)
    assert repr(rv.ob_type.tp_name) == O("type(reversed((1, 2))).__name__")
    x = EN.reversed_next(rv)
    assert x is not None and r(x) == O("next(reversed((1, 2)))")
    assert err(lambda: EN.reversed_vectorcall(EN.PyReversed_Type, [i(1)], 0, 1, None)) == E("reversed(1)")
    lr = EN.reversed_vectorcall(EN.PyReversed_Type, [lst(i(1))], 0, 1, None)
    assert repr(lr.ob_type.tp_name) == O("type(reversed([1])).__name__")


def test_seqiter() -> None:
    # iter() of an object with only __getitem__ is a PySeqIter.
    it = I.PySeqIter_New(s("xy"))
    a = I.iter_iternext(it)
    b = I.iter_iternext(it)
    assert a is not None and b is not None
    assert repr(text(a) + text(b)) == \
        O("class S:\n    def __getitem__(self, i):\n        return 'xy'[i]\nit = iter(S())\nnext(it) + next(it)")
    assert I.iter_iternext(it) is None


def test_str_translate_maketrans_format_map() -> None:
    from pyvm.objects.object import PyObject_GetAttr
    mk = PyObject_GetAttr(U.PyUnicode_Type, U.PyUnicode_InternFromString("maketrans"))
    from pyvm.objects.call import PyObject_Vectorcall
    table = PyObject_Vectorcall(mk, [s("ab"), s("xy"), s("c")], 0, 3, None)
    assert r(call(s("abcd"), "translate", table)) == O("'abcd'.translate(str.maketrans('ab', 'xy', 'c'))")
    assert err(lambda: PyObject_Vectorcall(mk, [s("ab"), s("c")], 0, 2, None)) == E("str.maketrans('ab', 'c')")
    assert err(lambda: PyObject_Vectorcall(mk, [lst()], 0, 1, None)) == E("str.maketrans([])")
    d = D.PyDict_New()
    D.PyDict_SetItem(d, i(97), s("AA"))
    D.PyDict_SetItem(d, i(98), PO.Py_None)
    assert r(call(s("abc"), "translate", d)) == O("'abc'.translate({97: 'AA', 98: None})")
    m = D.PyDict_New()
    D.PyDict_SetItem(m, s("a"), i(1))
    assert r(call(s("{a}!"), "format_map", m)) == O("'{a}!'.format_map({'a': 1})")
    assert err(lambda: call(s("{0}"), "format_map", m)) == E("'{0}'.format_map({'a': 1})")


def test_bytes_methods() -> None:
    b = B.PyBytes_FromStringAndSize(b" a,b ")
    assert r(call(b, "strip")) == O("b' a,b '.strip()")
    assert r(call(call(b, "strip"), "split", B.PyBytes_FromStringAndSize(b","))) == O("b' a,b '.strip().split(b',')")
    assert r(call(b, "replace", B.PyBytes_FromStringAndSize(b","), B.PyBytes_FromStringAndSize(b";"))) == \
        O("b' a,b '.replace(b',', b';')")
    assert r(call(b, "upper")) == O("b' a,b '.upper()")
    assert err(lambda: call(b, "index", B.PyBytes_FromStringAndSize(b"z"))) == E("b' a,b '.index(b'z')")


def _refcount_workload() -> None:
    """Containers built, used and dropped; every new reference released."""
    d = D.PyDict_New()
    for k in range(50):
        key = s(f"key{k}")
        val = T._PyTuple_FromArraySteal([s(f"v{k}"), i(k * 1000)])
        D.PyDict_SetItem(d, key, val)
        Py_DECREF(key)
        Py_DECREF(val)
    for k in range(0, 50, 2):
        key = s(f"key{k}")
        D.PyDict_DelItem(d, key)
        Py_DECREF(key)
    items = D.PyDict_Items(d)
    L.list_sort_impl(items, None, True)
    rep = PO.PyObject_Repr(items)
    Py_DECREF(rep)
    keys = D.PyDict_Keys(d)
    joined = U.PyUnicode_Join(s(","), keys)
    parts = call(joined, "split", s(","))
    Py_DECREF(joined)
    sl = L.PyList_GetSlice(parts, 2, 10)
    t = L.PyList_AsTuple(sl)
    Py_DECREF(sl)
    Py_DECREF(t)
    Py_DECREF(parts)
    Py_DECREF(keys)
    Py_DECREF(items)
    Py_DECREF(d)


def test_reference_counts_balance() -> None:
    """The debug-mode reference total comes back to where it was after the
    workload (a first run warms up one-time caches such as interned names)."""
    was = PO._debug.enabled
    PO._PyRefDebug_Enable(True)
    try:
        _refcount_workload()
        before = PO._Py_GetRefTotal()
        _refcount_workload()
        assert PO._Py_GetRefTotal() == before
    finally:
        PO._PyRefDebug_Enable(was)


@needs_float
def test_list_sort_matches_cpython_on_inconsistent_orders() -> None:
    from pyvm.objects.floatobject import PyFloat_FromDouble
    nan = float("nan")
    l = L._PyList_FromArraySteal([PyFloat_FromDouble(x) for x in [3.5, nan, 1.0, -2.0, nan, 0.5]])
    L.list_sort_impl(l, None, False)
    assert r(l) == O("nan = float('nan')\nsorted([3.5, nan, 1.0, -2.0, nan, 0.5])")


def test_list_sort_error_leaves_cpython_state() -> None:
    l = lst(i(5), i(4), i(3), i(2), i(1), s("x"), i(0))
    assert err(lambda: L.list_sort_impl(l, None, False)) == E("[5, 4, 3, 2, 1, 'x', 0].sort()")
    assert r(l) == O("l = [5, 4, 3, 2, 1, 'x', 0]\ntry:\n    l.sort()\nexcept TypeError:\n    pass\nl")


def test_list_sort_large_runs() -> None:
    import random
    rnd = random.Random(7)
    for n in (65, 300, 2000):
        xs = [rnd.randrange(50) for _ in range(n)]
        l = L._PyList_FromArraySteal([i(x) for x in xs])
        # Tuple keys force the generic comparison path.
        t = L._PyList_FromArraySteal([tup(i(x), i(k)) for k, x in enumerate(xs)])
        L.list_sort_impl(l, None, False)
        L.list_sort_impl(t, None, True)
        assert [ival(o) for o in l.ob_item] == sorted(xs)  # type: ignore[attr-defined]
        got = [(ival(o.ob_item[0]), ival(o.ob_item[1])) for o in t.ob_item]  # type: ignore[attr-defined]
        assert got == sorted(((x, k) for k, x in enumerate(xs)), reverse=True)

