"""The host-level ``repr()`` of pyvm objects (``PyObject.__repr__``), what pdb shows
a student stepping through the interpreter: the pyvm value and its reference count,
read from host fields only (no pyvm code runs, no count changes, nothing raises).

pyvm: these strings are pyvm's own debugging aid (no CPython counterpart), so the
expectations are written here, not taken from the oracle.
"""

from __future__ import annotations

from pyvm.compile.compile import Py_CompileString
from pyvm.objects import object as PO
from pyvm.objects.boolobject import Py_False, Py_True
from pyvm.objects.bytesobject import PyBytes_FromStringAndSize
from pyvm.objects.call import PyObject_CallNoArgs, PyObject_Vectorcall
from pyvm.objects.codeobject import PyCodeObject
from pyvm.objects.dictobject import PyDict_New, PyDict_SetItem
from pyvm.objects.floatobject import PyFloat_FromDouble
from pyvm.objects.funcobject import PyFunction_New
from pyvm.objects.listobject import PyList_Append, PyList_New
from pyvm.objects.longobject import PyLong_FromLong, PyLong_Type
from pyvm.objects.object import (Py_DECREF, Py_INCREF, Py_None, PyObject, PyType_Type, PyTypeObject,
                                 _PyRefDebug_Enable, _debug)
from pyvm.objects.setobject import PySet_New
from pyvm.objects.tupleobject import _PyTuple_FromArray
from pyvm.objects.unicodeobject import PyUnicode_FromString, PyUnicode_InternFromString


def test_int_float_bool_none() -> None:
    big = PyLong_FromLong(10 ** 20)
    Py_INCREF(big)
    Py_INCREF(big)
    assert repr(big) == "<pyvm int 100000000000000000000 refcnt=3>"
    assert big.ob_refcnt == 3  # repr() did not count
    assert repr(PyLong_FromLong(42)) == "<pyvm int 42 refcnt=immortal>"  # a small int
    assert repr(PyLong_FromLong(-(1 << 200))) == "<pyvm int <201-bit int> refcnt=1>"
    assert repr(Py_True) == "<pyvm bool True refcnt=immortal>"
    assert repr(Py_False) == "<pyvm bool False refcnt=immortal>"
    assert repr(PyFloat_FromDouble(1.5)) == "<pyvm float 1.5 refcnt=1>"
    assert repr(Py_None) == "<pyvm NoneType object refcnt=immortal>"


def test_str_and_bytes() -> None:
    assert repr(PyUnicode_InternFromString("abc")) == "<pyvm str 'abc' refcnt=immortal>"
    s = PyUnicode_FromString("it's a fairly long string, longer than forty characters")
    assert repr(s) == "<pyvm str \"it's a fairly long string, longer than f\"... refcnt=1>"
    assert repr(PyBytes_FromStringAndSize(b"a\x00")) == "<pyvm bytes b'a\\x00' refcnt=1>"


def test_containers() -> None:
    lst = PyList_New(0)
    for k in (1000, 2000, 3000):
        item = PyLong_FromLong(k)
        PyList_Append(lst, item)
        Py_DECREF(item)
    assert repr(lst) == "<pyvm list len=3 refcnt=1>"
    PyList_Append(lst, lst)  # a cycle: the repr does not walk the items
    assert repr(lst) == "<pyvm list len=4 refcnt=2>"
    assert repr(_PyTuple_FromArray([PyLong_FromLong(1), PyLong_FromLong(2)])) == "<pyvm tuple len=2 refcnt=1>"
    d = PyDict_New()
    PyDict_SetItem(d, PyLong_FromLong(1), PyLong_FromLong(2))
    assert repr(d) == "<pyvm dict len=1 refcnt=1>"
    assert repr(PySet_New(_PyTuple_FromArray([PyLong_FromLong(1), PyLong_FromLong(2)]))) == \
        "<pyvm set len=2 refcnt=1>"


def test_types_functions_and_instances() -> None:
    assert repr(PyLong_Type) == "<pyvm type 'int'>"
    assert repr(PyType_Type) == "<pyvm type 'type'>"
    module = Py_CompileString("def f():\n    def g(): pass\n", "<t>", "exec")
    code = next(c for c in module.co_consts.ob_item if isinstance(c, PyCodeObject))  # type: ignore[attr-defined]
    assert repr(code).startswith("<pyvm code f refcnt=")
    globals_ = PyDict_New()
    PyDict_SetItem(globals_, PyUnicode_FromString("__builtins__"), PyDict_New())
    fn = PyFunction_New(code, globals_)
    Py_INCREF(fn)
    assert repr(fn) == "<pyvm function f refcnt=2>"
    # class C: pass, and an instance of it.
    cls = PyObject_Vectorcall(PyType_Type, [PyUnicode_FromString("C"), _PyTuple_FromArray([]), PyDict_New()],
                              0, 3, None)
    assert repr(cls) == "<pyvm type 'C'>"  # pyvm keeps every type immortal for now
    inst_type = PyTypeObject("T")
    inst_type.ob_refcnt = 2  # a counted type shows its count
    assert repr(inst_type) == "<pyvm type 'T' refcnt=2>"
    inst = PyObject_CallNoArgs(cls)
    assert repr(inst) == "<pyvm C object refcnt=1>"


def test_freed_object() -> None:
    was = _debug.enabled
    _PyRefDebug_Enable(True)
    try:
        o = PyFloat_FromDouble(2.5)
        Py_INCREF(o)
        Py_DECREF(o)
        Py_DECREF(o)
        assert repr(o) == "<pyvm freed object>"
    finally:
        _PyRefDebug_Enable(was)


def test_never_raises() -> None:
    # A header whose type was never set (as in the bootstrap of ``type``).
    bare = PyObject.__new__(PyObject)
    assert repr(bare).startswith("<pyvm object at 0x")
    # A count that dropped to zero without the debug mode's poisoning.
    o = PyFloat_FromDouble(3.5)
    o.ob_refcnt = 0
    assert repr(o) == "<pyvm float 3.5 refcnt=0 (freed)>"
    assert PO._PyObject_ReprStr(PyLong_FromLong(7)) == "7"  # the program's repr is unchanged
