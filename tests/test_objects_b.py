"""Unit tests of the container and string types (H-objB's modules): tuple, list,
dict, str and its formatting, bytes, range, the iterators, enumerate, reversed.

They call the ported C API directly. The expected values and messages were
taken from CPython 3.14 (the oracle, ``node tools/oracle/py314.mjs``); hashes come
from the host CPython, whose str/int/tuple hashing did not change.
"""

from __future__ import annotations

import importlib.util
from typing import Optional

import pytest

from pyvm.objects import object as O
from pyvm.objects.object import PyErr, PyObject, Py_DECREF, Py_INCREF, Py_LT, _Py_IMMORTAL_REFCNT
from pyvm.objects.typeobject import PyType_Ready
from pyvm.objects import unicodeobject as U
from pyvm.objects import tupleobject as T
from pyvm.objects import listobject as L
from pyvm.objects import dictobject as D
from pyvm.objects import bytesobject as B
from pyvm.objects import rangeobject as R
from pyvm.objects import iterobject as I
from pyvm.objects import enumobject as E
from pyvm.objects import unicode_format as F
from pyvm.objects.longobject import PyLong_FromLong, PyLongObject

HAVE_ABSTRACT = importlib.util.find_spec("pyvm.objects.abstract") is not None
HAVE_FLOAT = importlib.util.find_spec("pyvm.objects.floatobject") is not None
HAVE_SLICE = importlib.util.find_spec("pyvm.objects.sliceobject") is not None
needs_abstract = pytest.mark.skipif(not HAVE_ABSTRACT, reason="pyvm.objects.abstract not written yet")
needs_float = pytest.mark.skipif(not HAVE_FLOAT, reason="pyvm.objects.floatobject not written yet")
needs_slice = pytest.mark.skipif(not HAVE_SLICE, reason="pyvm.objects.sliceobject not written yet")

for _tp in (U.PyUnicode_Type, T.PyTuple_Type, L.PyList_Type, D.PyDict_Type, B.PyBytes_Type,
            R.PyRange_Type, E.PyEnum_Type, E.PyReversed_Type, D.PyDictKeys_Type,
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
    return O._PyObject_ReprStr(o)


def text(o: PyObject) -> str:
    return U._PyUnicode_AsString(o)


def err(f: object) -> tuple[str, str]:
    """Run ``f`` and return (exception type name, str of the exception)."""
    from typing import Callable, cast
    try:
        cast(Callable[[], object], f)()
    except PyErr as e:
        v = e.normalize()
        return e.exc_type.tp_name, O._PyObject_StrStr(v)
    raise AssertionError("no error raised")


def call(obj: PyObject, name: str, *args: PyObject, kw: Optional[dict[str, PyObject]] = None) -> PyObject:
    """obj.name(*args, **kw) through the method descriptors."""
    from pyvm.objects.call import PyObject_Vectorcall
    m = O.PyObject_GetAttr(obj, U.PyUnicode_InternFromString(name))
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
    assert r(tup()) == "()"
    assert r(tup(i(1))) == "(1,)"
    assert r(tup(i(1), s("a'b"), tup(i(2)))) == "(1, \"a'b\", (2,))"


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
    assert ival(T.tuple_item(t, 2)) == 3
    assert err(lambda: T.tuple_item(t, 3)) == ("IndexError", "tuple index out of range")
    assert err(lambda: T.tuple_concat(t, lst())) == (
        "TypeError", 'can only concatenate tuple (not "list") to tuple')
    assert r(T.tuple_concat(t, tup(i(4)))) == "(1, 2, 3, 4)"
    assert r(T.tuple_repeat(tup(i(1), i(2)), 2)) == "(1, 2, 1, 2)"
    assert T.tuple_contains(t, i(2)) and not T.tuple_contains(t, i(5))
    assert err(lambda: T.tuple_subscript(t, s("a"))) == (
        "TypeError", "tuple indices must be integers or slices, not str")


def test_tuple_methods() -> None:
    t = tup(i(1), i(2), i(1))
    assert ival(call(t, "count", i(1))) == 2
    assert ival(call(t, "index", i(2))) == 1
    assert err(lambda: call(t, "index", i(4))) == ("ValueError", "tuple.index(x): x not in tuple")


def test_tuple_richcompare() -> None:
    from pyvm.objects.boolobject import Py_True, Py_False
    assert T.tuple_richcompare(tup(i(1), i(2)), tup(i(1), i(3)), Py_LT) is Py_True
    assert T.tuple_richcompare(tup(i(1), i(2)), tup(i(1)), Py_LT) is Py_False
    assert T.tuple_richcompare(tup(i(1)), tup(i(1)), O.Py_EQ) is Py_True


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
    assert r(l) == "[3, 1, 2]"
    assert err(lambda: L.PyList_GetItem(l, 5)) == ("IndexError", "list index out of range")
    assert err(lambda: L.list_ass_item(l, 5, i(0))) == ("IndexError", "list assignment index out of range")
    assert err(lambda: L.list_subscript(l, s("x"))) == (
        "TypeError", "list indices must be integers or slices, not str")
    assert err(lambda: L.list_concat(l, tup())) == (
        "TypeError", 'can only concatenate list (not "tuple") to list')


def test_list_recursive_repr() -> None:
    l = lst(i(1))
    L.PyList_Append(l, l)
    assert r(l) == "[1, [...]]"


def test_list_methods() -> None:
    l = lst(i(1), i(2), i(3))
    call(l, "append", i(4))
    call(l, "insert", i(0), i(0))
    assert r(l) == "[0, 1, 2, 3, 4]"
    assert ival(call(l, "pop")) == 4
    assert ival(call(l, "pop", i(0))) == 0
    call(l, "remove", i(2))
    assert r(l) == "[1, 3]"
    assert err(lambda: call(l, "remove", i(7))) == ("ValueError", "list.remove(x): x not in list")
    assert err(lambda: call(l, "index", i(9))) == ("ValueError", "list.index(x): x not in list")
    assert err(lambda: call(lst(), "pop")) == ("IndexError", "pop from empty list")
    assert err(lambda: call(lst(i(1)), "pop", i(4))) == ("IndexError", "pop index out of range")
    assert ival(call(lst(i(1), i(1), i(2)), "count", i(1))) == 2
    c = call(l, "copy")
    assert c is not l and r(c) == "[1, 3]"
    call(l, "reverse")
    assert r(l) == "[3, 1]"
    call(l, "clear")
    assert r(l) == "[]"


def test_list_sort() -> None:
    l = lst(i(3), i(1), i(2), i(5), i(4))
    call(l, "sort")
    assert r(l) == "[1, 2, 3, 4, 5]"
    call(l, "sort", kw={"reverse": O.Py_None if False else PyLong_FromLong(1)})
    assert r(l) == "[5, 4, 3, 2, 1]"
    assert err(lambda: call(l, "sort", i(1))) == ("TypeError", "sort() takes no positional arguments")
    mixed = lst(i(1), s("a"))
    assert err(lambda: call(mixed, "sort")) == (
        "TypeError", "'<' not supported between instances of 'str' and 'int'")
    assert r(mixed) == "[1, 'a']"  # unchanged after the failed sort


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
    assert r(l) == "[(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]"


@needs_slice
def test_list_extended_slice_assignment() -> None:
    from pyvm.objects.sliceobject import PySlice_New
    l = lst(i(1), i(2), i(3))
    sl = PySlice_New(i(0), i(3), i(2))
    assert err(lambda: L.list_ass_subscript(l, sl, lst(i(1), i(2), i(3)))) == (
        "ValueError", "attempt to assign sequence of size 3 to extended slice of size 2")
    L.list_ass_subscript(l, sl, lst(i(7), i(9)))
    assert r(l) == "[7, 2, 9]"
    L.list_ass_subscript(l, sl, None)
    assert r(l) == "[2]"
    assert r(L.list_subscript(lst(i(1), i(2), i(3), i(4)), PySlice_New(O.Py_None, O.Py_None, i(-2)))) == "[4, 2]"


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
    expected = [f"k{k}" for k in range(100) if k % 3] + ["k0"]
    assert keys == expected
    assert D.PyDict_Size(d) == len(expected)
    assert isinstance(d, D.PyDictObject) and d.ma_keys.dk_kind == D.DICT_KEYS_UNICODE
    D.PyDict_SetItem(d, i(5), s("five"))
    assert d.ma_keys.dk_kind == D.DICT_KEYS_GENERAL
    v = D.PyDict_GetItemWithError(d, i(5))
    assert v is not None and text(v) == "five"
    assert D.PyDict_GetItemWithError(d, s("k3")) is None


def test_dict_small_repr_and_errors() -> None:
    d = D.PyDict_New()
    D.PyDict_SetItem(d, s("a"), i(1))
    D.PyDict_SetItem(d, i(2), tup(i(3)))
    D.PyDict_SetItem(d, s("a"), i(9))
    assert r(d) == "{'a': 9, 2: (3,)}"
    assert err(lambda: D.dict_subscript(d, s("k"))) == ("KeyError", "'k'")
    assert err(lambda: D.PyDict_DelItem(d, s("k"))) == ("KeyError", "'k'")
    assert err(lambda: D.PyDict_SetItem(d, lst(), i(1))) == (
        "TypeError", "cannot use 'list' as a dict key (unhashable type: 'list')")
    D.PyDict_SetItem(d, s("self"), d)
    assert r(d) == "{'a': 9, 2: (3,), 'self': {...}}"


def test_dict_methods() -> None:
    d = D.PyDict_New()
    D.PyDict_SetItem(d, s("a"), i(1))
    D.PyDict_SetItem(d, s("b"), i(2))
    assert ival(call(d, "get", s("a"))) == 1
    assert call(d, "get", s("z")) is O.Py_None
    assert ival(call(d, "setdefault", s("c"), i(3))) == 3
    assert ival(call(d, "pop", s("a"))) == 1
    assert ival(call(d, "pop", s("a"), i(0))) == 0
    assert err(lambda: call(d, "pop", s("a"))) == ("KeyError", "'a'")
    assert r(call(d, "popitem")) == "('c', 3)"
    assert r(d) == "{'b': 2}"
    e = call(d, "copy")
    assert r(e) == "{'b': 2}" and e is not d
    call(d, "clear")
    assert r(d) == "{}"
    assert err(lambda: call(d, "popitem")) == ("KeyError", "'popitem(): dictionary is empty'")


def test_dict_equality() -> None:
    from pyvm.objects.boolobject import Py_True, Py_False
    a = D.PyDict_New()
    b = D.PyDict_New()
    D.PyDict_SetItem(a, s("x"), i(1))
    D.PyDict_SetItem(a, i(2), i(2))
    D.PyDict_SetItem(b, i(2), i(2))
    D.PyDict_SetItem(b, s("x"), i(1))
    assert D.dict_richcompare(a, b, O.Py_EQ) is Py_True
    D.PyDict_SetItem(b, s("x"), i(0))
    assert D.dict_richcompare(a, b, O.Py_EQ) is Py_False


def test_dict_load_global() -> None:
    g = D.PyDict_New()
    bi = D.PyDict_New()
    D.PyDict_SetItem(bi, s("len"), i(1))
    D.PyDict_SetItem(g, s("x"), i(2))
    assert isinstance(g, D.PyDictObject) and isinstance(bi, D.PyDictObject)
    v = D._PyDict_LoadGlobal(g, bi, U.PyUnicode_InternFromString("len"))
    assert v is not None and ival(v) == 1
    assert D._PyDict_LoadGlobal(g, bi, s("nope")) is None


def test_dict_iteration_changed_size() -> None:
    d = D.PyDict_New()
    D.PyDict_SetItem(d, s("a"), i(1))
    it = D.dict_iter(d)
    D.PyDict_SetItem(d, s("b"), i(2))
    assert err(lambda: D.dictiter_iternextkey(it)) == (
        "RuntimeError", "dictionary changed size during iteration")


@needs_abstract
def test_dict_views_repr() -> None:
    d = D.PyDict_New()
    D.PyDict_SetItem(d, i(1), i(2))
    assert r(call(d, "keys")) == "dict_keys([1])"
    assert r(call(d, "values")) == "dict_values([2])"
    assert r(call(d, "items")) == "dict_items([(1, 2)])"


@needs_abstract
def test_dict_constructor_errors() -> None:
    assert err(lambda: D.dict_vectorcall(D.PyDict_Type, [i(1)], 0, 1, None)) == (
        "TypeError", "'int' object is not iterable")
    assert err(lambda: D.dict_vectorcall(D.PyDict_Type, [lst(tup(i(1), i(2), i(3)))], 0, 1, None)) == (
        "ValueError", "dictionary update sequence element #0 has length 3; 2 is required")
    d = D.dict_vectorcall(D.PyDict_Type, [lst(tup(i(1), i(2))), i(5)], 0, 1, tup(s("k")))
    assert r(d) == "{1: 2, 'k': 5}"


# ---------------------------------------------------------------------------
# str


def test_str_singletons_and_interning() -> None:
    assert s("") is s("") and s("a") is s("a")
    a = U.PyUnicode_InternFromString("hello_world")
    assert a is U.PyUnicode_InternFromString("hello_world")
    assert a.ob_refcnt == _Py_IMMORTAL_REFCNT


def test_str_repr_and_hash() -> None:
    for x in ["abc", "a'b", 'a"b', "a'\"b", "\t\n\x00é\u2028"]:
        assert r(s(x)) == repr(x)
    assert U.unicode_hash(s("spam")) == hash("spam")


def test_str_errors() -> None:
    assert err(lambda: U.unicode_getitem(s("abc"), 5)) == ("IndexError", "string index out of range")
    assert err(lambda: U.unicode_subscript(s("abc"), s("a"))) == (
        "TypeError", "string indices must be integers, not 'str'")
    assert err(lambda: U.PyUnicode_Concat(s("a"), i(1))) == (
        "TypeError", 'can only concatenate str (not "int") to str')
    assert err(lambda: U.PyUnicode_Contains(s("a"), i(1))) == (
        "TypeError", "'in <string>' requires string as left operand, not int")


def test_str_methods() -> None:
    assert text(call(s(","), "join", lst(s("a"), s("b")))) == "a,b"
    assert err(lambda: call(s(""), "join", lst(s("a"), i(2)))) == (
        "TypeError", "sequence item 1: expected str instance, int found")
    assert r(call(s(" a  b "), "split")) == "['a', 'b']"
    assert r(call(s("a,b,c"), "split", s(","), i(1))) == "['a', 'b,c']"
    assert r(call(s("a,b,c"), "rsplit", s(","), kw={"maxsplit": i(1)})) == "['a,b', 'c']"
    assert err(lambda: call(s("a"), "split", s(""))) == ("ValueError", "empty separator")
    assert err(lambda: call(s("a"), "split", i(1))) == ("TypeError", "must be str or None, not int")
    assert err(lambda: call(s("a"), "split", s("a"), kw={"sep": s("b")})) == (
        "TypeError", "argument for split() given by name ('sep') and position (1)")
    assert err(lambda: call(s("a"), "split", kw={"x": i(1)})) == (
        "TypeError", "split() got an unexpected keyword argument 'x'")
    assert text(call(s("  x "), "strip")) == "x"
    assert text(call(s("xxaxx"), "strip", s("x"))) == "a"
    assert err(lambda: call(s("a"), "strip", i(1))) == ("TypeError", "strip arg must be None or str")
    assert text(call(s("aaa"), "replace", s("a"), s("b"), i(2))) == "bba"
    assert err(lambda: call(s("a"), "replace", i(1), i(2))) == (
        "TypeError", "replace() argument 1 must be str, not int")
    assert text(call(s("hello world"), "title")) == "Hello World"
    assert call(s("abc"), "startswith", tup(s("x"), s("a"))) is call(s(""), "isascii")
    assert err(lambda: call(s("a"), "startswith", i(1))) == (
        "TypeError", "startswith first arg must be str or a tuple of str, not int")
    assert ival(call(s("abcb"), "find", s("b"), i(2))) == 3
    assert ival(call(s("abcb"), "rfind", s("b"))) == 3
    assert err(lambda: call(s("ab"), "index", s("x"))) == ("ValueError", "substring not found")
    assert err(lambda: call(s("a"), "find")) == ("TypeError", "find expected at least 1 argument, got 0")
    assert ival(call(s("aaa"), "count", s("a"))) == 3
    assert text(call(s("7"), "zfill", i(3))) == "007"
    assert text(call(s("a"), "center", i(5), s("*"))) == "**a**"
    assert err(lambda: call(s("a"), "center", i(5), s("ab"))) == (
        "TypeError", "The fill character must be exactly one character long")
    assert r(call(s("a=b=c"), "partition", s("="))) == "('a', '=', 'b=c')"
    assert r(call(s("a=b=c"), "rpartition", s("="))) == "('a=b', '=', 'c')"
    assert r(call(s("a\nb\r\n"), "splitlines", kw={"keepends": i(1)})) == "['a\\n', 'b\\r\\n']"
    assert err(lambda: call(s("a"), "upper", i(1))) == ("TypeError", "str.upper() takes no arguments (1 given)")


def test_str_format_method() -> None:
    assert text(call(s("{} {}"), "format", i(1), s("x"))) == "1 x"
    assert text(call(s("{1}{0}{a}"), "format", i(1), i(2), kw={"a": i(3)})) == "213"
    assert text(call(s("{{}} {0!r:>5}"), "format", s("a"))) == "{}   'a'"
    assert text(call(s("{0:{1}}"), "format", i(1), i(5))) == "    1"
    assert text(call(s("{0[1]}"), "format", lst(i(7), i(8)))) == "8"
    assert err(lambda: call(s("{0} {}"), "format", i(1), i(2))) == (
        "ValueError", "cannot switch from manual field specification to automatic field numbering")
    assert err(lambda: call(s("{1}"), "format", i(1))) == (
        "IndexError", "Replacement index 1 out of range for positional args tuple")
    assert err(lambda: call(s("{a}"), "format", i(1))) == ("KeyError", "'a'")
    assert err(lambda: call(s("{"), "format")) == ("ValueError", "Single '{' encountered in format string")
    assert err(lambda: call(s("}"), "format")) == ("ValueError", "Single '}' encountered in format string")
    assert err(lambda: call(s("{0!x}"), "format", i(1))) == ("ValueError", "Unknown conversion specifier x")
    assert err(lambda: call(s("{0:{1:{2}}}"), "format", i(1), i(2), i(3))) == (
        "ValueError", "Max string recursion exceeded")


def test_format_spec_mini_language() -> None:
    def fmt(o: PyObject, spec: str) -> str:
        return text(F.render_field(o, spec))
    assert fmt(i(12345678), ",d") == "12,345,678"
    assert fmt(i(12345678), "_x") == "bc_614e"
    assert fmt(i(-1), "=+08") == "-0000001"
    assert fmt(i(15), "#b") == "0b1111"
    assert fmt(s("abc"), "^9.2") == "   ab    "
    assert fmt(s("a"), "05") == "a0000"
    assert fmt(i(1), "05") == "00001"
    assert err(lambda: fmt(s("a"), ",s")) == ("ValueError", "Cannot specify ',' with 's'.")
    assert err(lambda: fmt(s("a"), "zz")) == ("ValueError", "Unknown format code 'z' for object of type 'str'")
    assert err(lambda: fmt(i(1), "s")) == ("ValueError", "Unknown format code 's' for object of type 'int'")
    assert err(lambda: fmt(i(1), ",,")) == ("ValueError", "Cannot specify ',' with ','.")
    assert err(lambda: fmt(s("a"), "=5")) == ("ValueError", "'=' alignment not allowed in string format specifier")
    assert err(lambda: fmt(s("a"), "+5")) == ("ValueError", "Sign not allowed in string format specifier")
    assert err(lambda: fmt(i(1), ".2d")) == ("ValueError", "Precision not allowed in integer format specifier")
    assert err(lambda: fmt(i(1), ",c")) == ("ValueError", "Cannot specify ',' with 'c'.")
    assert err(lambda: fmt(i(1), "_,")) == ("ValueError", "Cannot specify both ',' and '_'.")
    assert err(lambda: fmt(i(1), "x,")) == ("ValueError", "Invalid format specifier 'x,' for object of type 'int'")
    assert err(lambda: fmt(i(1), "<<<")) == ("ValueError", "Unknown format code '<' for object of type 'int'")
    assert err(lambda: fmt(i(2), "z")) == (
        "ValueError", "Negative zero coercion (z) not allowed in integer format specifier")
    assert fmt(i(2), "%") == "200.000000%"


@needs_float
def test_format_spec_float() -> None:
    from pyvm.objects.floatobject import PyFloat_FromDouble

    def fmt(v: float, spec: str) -> str:
        return text(F.render_field(PyFloat_FromDouble(v), spec))
    assert fmt(1234.5, ",.2f") == "1,234.50"
    assert fmt(2.5, "%") == "250.000000%"
    assert fmt(-0.0001, "z.1f") == "0.0"
    assert fmt(1.23456, ".3,f") == "1.235"
    assert fmt(3.0, "5") == "  3.0"
    assert err(lambda: fmt(1.5, "d")) == ("ValueError", "Unknown format code 'd' for object of type 'float'")
    assert err(lambda: fmt(1.5, ",x")) == ("ValueError", "Cannot specify ',' with 'x'.")


def test_printf_style() -> None:
    def pct(fmt: str, *args: PyObject) -> str:
        a = args[0] if len(args) == 1 and not isinstance(args[0], T.PyTupleObject) else tup(*args)
        if len(args) == 1 and isinstance(args[0], T.PyTupleObject):
            a = args[0]
        return text(U.PyUnicode_Format(s(fmt), a))
    assert pct("%-5d|%05d|%+d|% d|%#x|%#o|%10.3s|%%|%i|%X|%r",
               i(1), i(2), i(3), i(4), i(255), i(8), s("abcdef"), i(5), i(255), s("x")) == \
        "1    |00002|+3| 4|0xff|0o10|       abc|%|5|FF|'x'"
    assert pct("%s", i(7)) == "7"
    assert err(lambda: pct("%d", s("a"))) == ("TypeError", "%d format: a real number is required, not str")
    assert err(lambda: pct("%d %d", tup(i(1)))) == ("TypeError", "not enough arguments for format string")
    assert err(lambda: pct("%d", tup(i(1), i(2)))) == ("TypeError", "not all arguments converted during string formatting")
    assert err(lambda: pct("%z", tup(i(1)))) == ("ValueError", "unsupported format character 'z' (0x7a) at index 1")
    assert err(lambda: pct("abc", i(5))) == ("TypeError", "not all arguments converted during string formatting")
    assert err(lambda: pct("%", tup())) == ("ValueError", "incomplete format")
    assert err(lambda: pct("%c", s("ab"))) == (
        "TypeError", "%c requires an int or a unicode character, not a string of length 2")
    assert err(lambda: pct("%x", i(1) if False else s("q"))) == (
        "TypeError", "%x format: an integer is required, not str")
    d = D.PyDict_New()
    D.PyDict_SetItem(d, s("a"), i(1))
    assert text(U.PyUnicode_Format(s("%(a)s-%(a)d"), d)) == "1-1"
    assert err(lambda: pct("%(a)s", i(1))) == ("TypeError", "format requires a mapping")


def test_str_iteration_types() -> None:
    it = U.unicode_iter(s("ab"))
    assert it.ob_type.tp_name == "str_ascii_iterator"
    assert U.unicode_iter(s("é")).ob_type.tp_name == "str_iterator"
    a = U.unicodeiter_next(it)
    b = U.unicodeiter_next(it)
    assert a is not None and b is not None and text(a) + text(b) == "ab"
    assert U.unicodeiter_next(it) is None


# ---------------------------------------------------------------------------
# bytes


def test_bytes_basics() -> None:
    b = B.PyBytes_FromStringAndSize(b"a'b\x00")
    assert r(b) == repr(b"a'b\x00")
    assert B.bytes_hash(b) == hash(b"a'b\x00")
    assert err(lambda: B.bytes_concat(b, s("a"))) == ("TypeError", "can't concat str to bytes")
    assert err(lambda: B.bytes_item(b, 9)) == ("IndexError", "index out of range")
    assert text(call(B.PyBytes_FromStringAndSize("é".encode()), "decode")) == "é"
    assert err(lambda: call(s("a"), "encode", s("zz"))) == ("LookupError", "unknown encoding: zz")


# ---------------------------------------------------------------------------
# range, iterators, enumerate, reversed


def test_range() -> None:
    rg = R.range_from_array([i(0), i(10), i(3)])
    assert r(rg) == "range(0, 10, 3)"
    assert r(R.range_from_array([i(5)])) == "range(0, 5)"
    assert R.range_length(rg) == 4
    assert ival(R.range_item(rg, 3)) == 9
    assert isinstance(rg, R.rangeobject)
    assert err(lambda: R.compute_range_item(rg, 4)) == ("IndexError", "range object index out of range")
    assert R.range_contains(rg, i(6)) and not R.range_contains(rg, i(7))
    assert err(lambda: R.range_from_array([i(1), i(2), i(0)])) == ("ValueError", "range() arg 3 must not be zero")
    assert err(lambda: R.range_from_array([])) == ("TypeError", "range expected at least 1 argument, got 0")
    assert err(lambda: R.range_from_array([s("a")])) == (
        "TypeError", "'str' object cannot be interpreted as an integer")
    assert err(lambda: R.range_index(rg, i(5))) == ("ValueError", "range.index(x): x not in range")
    it = R.range_reverse(rg)
    out = []
    while True:
        v = R.rangeiter_next(it)
        if v is None:
            break
        out.append(ival(v))
    assert out == [9, 6, 3, 0]
    assert R.range_hash(R.range_from_array([i(3)])) == hash(range(3))
    big = R.range_from_array([i(1 << 70)])
    assert err(lambda: R.range_length(big)) == ("OverflowError", "Python int too large to convert to C ssize_t")


@needs_slice
def test_range_slice() -> None:
    from pyvm.objects.sliceobject import PySlice_New
    rg = R.range_from_array([i(0), i(10), i(3)])
    assert r(R.range_subscript(rg, PySlice_New(i(1), i(3), O.Py_None))) == "range(3, 9, 3)"
    assert r(R.range_subscript(rg, PySlice_New(O.Py_None, O.Py_None, i(-1)))) == "range(9, -3, -3)"


@needs_abstract
def test_enumerate_and_reversed() -> None:
    e = E.enumerate_vectorcall(E.PyEnum_Type, [s("ab"), i(5)], 0, 2, None)
    a = E.enum_next(e)
    b = E.enum_next(e)
    assert a is not None and b is not None and r(a) == "(5, 'a')" and r(b) == "(6, 'b')"
    assert E.enum_next(e) is None
    assert err(lambda: E.enumerate_vectorcall(E.PyEnum_Type, [], 0, 0, None)) == (
        "TypeError", "enumerate() missing required argument 'iterable'")
    assert err(lambda: E.enumerate_vectorcall(E.PyEnum_Type, [lst(), i(1)], 0, 1, tup(s("x")))) == (
        "TypeError", "'x' is an invalid keyword argument for enumerate()")
    rv = E.reversed_vectorcall(E.PyReversed_Type, [tup(i(1), i(2))], 0, 1, None)
    assert rv.ob_type.tp_name == "reversed"
    x = E.reversed_next(rv)
    assert x is not None and ival(x) == 2
    assert err(lambda: E.reversed_vectorcall(E.PyReversed_Type, [i(1)], 0, 1, None)) == (
        "TypeError", "'int' object is not reversible")
    lr = E.reversed_vectorcall(E.PyReversed_Type, [lst(i(1))], 0, 1, None)
    assert lr.ob_type.tp_name == "list_reverseiterator"


def test_seqiter() -> None:
    it = I.PySeqIter_New(s("xy"))
    a = I.iter_iternext(it)
    b = I.iter_iternext(it)
    assert a is not None and b is not None and text(a) + text(b) == "xy"
    assert I.iter_iternext(it) is None


def test_str_translate_maketrans_format_map() -> None:
    from pyvm.objects.object import PyObject_GetAttr
    mk = PyObject_GetAttr(U.PyUnicode_Type, U.PyUnicode_InternFromString("maketrans"))
    from pyvm.objects.call import PyObject_Vectorcall
    table = PyObject_Vectorcall(mk, [s("ab"), s("xy"), s("c")], 0, 3, None)
    assert text(call(s("abcd"), "translate", table)) == "xyd"
    assert err(lambda: PyObject_Vectorcall(mk, [s("ab"), s("c")], 0, 2, None)) == (
        "ValueError", "the first two maketrans arguments must have equal length")
    assert err(lambda: PyObject_Vectorcall(mk, [lst()], 0, 1, None)) == (
        "TypeError", "if you give only one argument to maketrans it must be a dict")
    d = D.PyDict_New()
    D.PyDict_SetItem(d, i(97), s("AA"))
    D.PyDict_SetItem(d, i(98), O.Py_None)
    assert text(call(s("abc"), "translate", d)) == "AAc"
    m = D.PyDict_New()
    D.PyDict_SetItem(m, s("a"), i(1))
    assert text(call(s("{a}!"), "format_map", m)) == "1!"
    assert err(lambda: call(s("{0}"), "format_map", m)) == (
        "ValueError", "Format string contains positional fields")


def test_bytes_methods() -> None:
    b = B.PyBytes_FromStringAndSize(b" a,b ")
    assert r(call(b, "strip")) == "b'a,b'"
    assert r(call(call(b, "strip"), "split", B.PyBytes_FromStringAndSize(b","))) == "[b'a', b'b']"
    assert r(call(b, "replace", B.PyBytes_FromStringAndSize(b","), B.PyBytes_FromStringAndSize(b";"))) == "b' a;b '"
    assert r(call(b, "upper")) == "b' A,B '"
    assert err(lambda: call(b, "index", B.PyBytes_FromStringAndSize(b"z"))) == (
        "ValueError", "subsection not found")


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
    rep = O.PyObject_Repr(items)
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
    was = O._debug.enabled
    O._PyRefDebug_Enable(True)
    try:
        _refcount_workload()
        before = O._Py_GetRefTotal()
        _refcount_workload()
        assert O._Py_GetRefTotal() == before
    finally:
        O._PyRefDebug_Enable(was)


@needs_float
def test_list_sort_matches_cpython_on_inconsistent_orders() -> None:
    # Oracle: sorted([3.5, nan, 1.0, -2.0, nan, 0.5]) in CPython 3.14.
    from pyvm.objects.floatobject import PyFloat_FromDouble
    nan = float("nan")
    l = L._PyList_FromArraySteal([PyFloat_FromDouble(x) for x in [3.5, nan, 1.0, -2.0, nan, 0.5]])
    L.list_sort_impl(l, None, False)
    assert r(l) == "[-2.0, nan, 0.5, 3.5, nan, 1.0]"


def test_list_sort_error_leaves_cpython_state() -> None:
    # Oracle: l = [5, 4, 3, 2, 1, 'x', 0]; l.sort() raises and leaves l unchanged.
    l = lst(i(5), i(4), i(3), i(2), i(1), s("x"), i(0))
    assert err(lambda: L.list_sort_impl(l, None, False)) == (
        "TypeError", "'<' not supported between instances of 'str' and 'int'")
    assert r(l) == "[5, 4, 3, 2, 1, 'x', 0]"


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
