"""Ports Objects/funcobject.c and Include/cpython/funcobject.h: Python functions,
plus ``_PyFunction_Vectorcall`` from Objects/call.c.

A function object pairs a code object with the environment it runs in: its
globals (and the builtins found through them), default values, the closure
cells, and the names it reports. ``MAKE_FUNCTION`` creates one from a code
object and the current globals; ``SET_FUNCTION_ATTRIBUTE`` then stores the
defaults, keyword defaults, annotations and closure one by one.

Calling a function runs the eval loop. The object layer must not import the
loop (DESIGN.md §2: imports point downward), so ``_PyFunction_Vectorcall``
goes through one narrow entry point, the interpreter state's
``eval_vector`` (``pyvm.pystate``), which the eval loop (``pyvm.eval.ceval``)
installs when it is imported: it is C's ``_PyEval_Vector``. Calls made by the eval loop itself
(``CALL`` on a Python function) never come here: the loop pushes the new
frame and continues in the same host activation.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.objects.call import PyVectorcall_Call, PyObject_Vectorcall
from pyvm.objects.codeobject import CO_HAS_DOCSTRING, PyCodeObject
from pyvm.objects.object import (
    Py_DECREF, Py_INCREF, Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_HAVE_VECTORCALL,
    Py_TPFLAGS_METHOD_DESCRIPTOR, Py_XDECREF, Py_None, PyErr_SetString, PyObject,
    PyTypeObject, MANAGED_WEAKREF_OFFSET, PyObject_ClearWeakRefs, _debug_name,
    PyCallable_Check,
)
from pyvm.pystate import _interp
from pyvm.objects.dictobject import (
    PyDict_GetItemWithError, PyDict_New, PyDict_SetItem, PyDictObject,
)
from pyvm.objects.moduleobject import PyModuleObject
from pyvm.objects.unicodeobject import (
    PyUnicode_InternFromString, PyUnicodeObject, PyUnicode_FromString,
)
from pyvm.objects.exceptions import PyExc_SystemError, PyExc_TypeError
from pyvm.objects.classobject import PyMethod_New
from pyvm.objects.tupleobject import PyTupleObject, _PyTuple_FromArray
from pyvm.objects.longobject import PyLong_FromLong
from pyvm.objects.descrobject import PyGetSetDef, _PyType_AddGetSets

PyFunction_Type: Final = PyTypeObject(
    "function",
    flags=Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_METHOD_DESCRIPTOR)

# CPython: Include/internal/pycore_function.h:FUNC_VERSION_UNSET
FUNC_VERSION_UNSET: Final = 0

# CPython: Include/internal/pycore_opcode_utils.h:MAKE_FUNCTION_DEFAULTS
# (the oparg of SET_FUNCTION_ATTRIBUTE names the field to set)
MAKE_FUNCTION_DEFAULTS: Final = 0x01
MAKE_FUNCTION_KWDEFAULTS: Final = 0x02
MAKE_FUNCTION_ANNOTATIONS: Final = 0x04
MAKE_FUNCTION_CLOSURE: Final = 0x08
MAKE_FUNCTION_ANNOTATE: Final = 0x10


class PyFunctionObject(PyObject):
    """CPython: Include/cpython/funcobject.h:PyFunctionObject

    Every field is a strong reference; ``None`` is C's ``NULL``. ``func_code``
    is typed as the code object since the interpreter reads its fields on
    every call.
    """

    func_globals: PyObject
    func_builtins: PyObject
    func_name: PyObject
    func_qualname: PyObject
    func_code: PyCodeObject
    func_defaults: Optional[PyObject]
    func_kwdefaults: Optional[PyObject]
    func_closure: Optional[PyObject]
    func_doc: PyObject
    func_dict: Optional[PyObject]
    func_module: Optional[PyObject]
    func_annotations: Optional[PyObject]
    func_annotate: Optional[PyObject]
    func_typeparams: Optional[PyObject]
    func_version: int

    def __init__(self, code: PyCodeObject, globals_: PyObject, builtins: PyObject,
                 name: PyObject, qualname: PyObject, doc: PyObject,
                 module: Optional[PyObject]) -> None:
        super().__init__(PyFunction_Type)
        self.func_globals = globals_
        self.func_builtins = builtins
        self.func_name = name
        self.func_qualname = qualname
        self.func_code = code
        self.func_defaults = None
        self.func_kwdefaults = None
        self.func_closure = None
        self.func_doc = doc
        self.func_dict = None
        self.func_module = module
        self.func_annotations = None
        self.func_annotate = None
        self.func_typeparams = None
        self.func_version = FUNC_VERSION_UNSET

    def _debug_detail(self) -> str:
        """pyvm: the qualified name, for ``PyObject.__repr__``."""
        return _debug_name(self.func_qualname)


def PyFunction_Check(op: PyObject) -> bool:
    """CPython: Include/cpython/funcobject.h:PyFunction_Check"""
    return op.ob_type is PyFunction_Type


def _PyDict_LoadBuiltinsFromGlobals(globals_: PyObject) -> PyObject:
    """CPython: Objects/dictobject.c:_PyDict_LoadBuiltinsFromGlobals

    Returns a new reference to the builtins dict for code running with
    ``globals_``: ``globals_['__builtins__']`` (a module's dict when it is a
    module), else the interpreter's builtins.
    """
    key = PyUnicode_InternFromString("__builtins__")
    b = PyDict_GetItemWithError(globals_, key)
    if b is not None:
        if isinstance(b, PyModuleObject):
            b = b.md_dict
        Py_INCREF(b)
        return b
    ib = _interp.builtins
    if ib is None:
        PyErr_SetString(_system_error(), "no builtins dict")
    Py_INCREF(ib)
    return ib


def _system_error() -> PyTypeObject:
    """pyvm: PyExc_SystemError, imported late (exceptions sit above this module)."""
    return PyExc_SystemError


def PyFunction_NewWithQualName(code: PyObject, globals_: PyObject,
                               qualname: Optional[PyObject]) -> PyFunctionObject:
    """CPython: Objects/funcobject.c:PyFunction_NewWithQualName

    Returns a new reference. ``code`` and ``globals_`` are borrowed.
    """
    assert isinstance(code, PyCodeObject)
    name = code.co_name
    Py_INCREF(name)
    qn = code.co_qualname if qualname is None else qualname
    Py_INCREF(qn)
    doc: PyObject = Py_None
    if code.co_flags & CO_HAS_DOCSTRING:
        d0 = code.co_consts_items[0]
        if isinstance(d0, PyUnicodeObject):
            doc = d0
    Py_INCREF(doc)
    module = PyDict_GetItemWithError(globals_, PyUnicode_InternFromString("__name__"))
    if module is not None:
        Py_INCREF(module)
    builtins = _PyDict_LoadBuiltinsFromGlobals(globals_)
    Py_INCREF(globals_)
    Py_INCREF(code)
    return PyFunctionObject(code, globals_, builtins, name, qn, doc, module)


def PyFunction_New(code: PyObject, globals_: PyObject) -> PyFunctionObject:
    """CPython: Objects/funcobject.c:PyFunction_New"""
    return PyFunction_NewWithQualName(code, globals_, None)


def _PyFunction_Vectorcall(func: PyObject, stack: list[PyObject], start: int, nargs: int,
                           kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/call.c:_PyFunction_Vectorcall

    Runs the function's code in a new frame through the eval loop's entry
    point (``_PyEval_Vector``); the arguments are borrowed.
    """
    assert isinstance(func, PyFunctionObject)
    ev = _interp.eval_vector
    assert ev is not None, "pyvm.eval.ceval is not imported"
    return ev(func, None, stack, start, nargs, kwnames)


def func_dealloc(op: PyObject) -> None:
    """CPython: Objects/funcobject.c:func_dealloc

    Releases every reference the function holds (``func_clear`` plus the
    code, name and qualname).
    """
    assert isinstance(op, PyFunctionObject)
    PyObject_ClearWeakRefs(op)
    func_clear(op)
    Py_DECREF(op.func_code)
    Py_DECREF(op.func_name)
    Py_DECREF(op.func_qualname)


def func_clear(op: PyObject) -> bool:
    """CPython: Objects/funcobject.c:func_clear"""
    assert isinstance(op, PyFunctionObject)
    g = op.func_globals
    b = op.func_builtins
    # pyvm: globals/builtins cannot be None-typed fields; point them at None
    # after releasing (a cleared function is never called again).
    op.func_globals = Py_None
    op.func_builtins = Py_None
    Py_DECREF(g)
    Py_DECREF(b)
    m = op.func_module
    op.func_module = None
    Py_XDECREF(m)
    d = op.func_defaults
    op.func_defaults = None
    Py_XDECREF(d)
    kd = op.func_kwdefaults
    op.func_kwdefaults = None
    Py_XDECREF(kd)
    doc = op.func_doc
    op.func_doc = Py_None
    Py_DECREF(doc)
    fd = op.func_dict
    op.func_dict = None
    Py_XDECREF(fd)
    c = op.func_closure
    op.func_closure = None
    Py_XDECREF(c)
    an = op.func_annotations
    op.func_annotations = None
    Py_XDECREF(an)
    ae = op.func_annotate
    op.func_annotate = None
    Py_XDECREF(ae)
    tp = op.func_typeparams
    op.func_typeparams = None
    Py_XDECREF(tp)
    return False


def func_repr(op: PyObject) -> PyObject:
    """CPython: Objects/funcobject.c:func_repr

    pyvm: the address is the host ``id()``, as C prints the pointer.
    """
    assert isinstance(op, PyFunctionObject)
    qn = op.func_qualname
    assert isinstance(qn, PyUnicodeObject)
    return PyUnicode_FromString(f"<function {qn.value} at {id(op):#x}>")


def func_descr_get(func: PyObject, obj: Optional[PyObject],
                   tp: Optional[PyObject]) -> PyObject:
    """CPython: Objects/funcobject.c:func_descr_get

    Looked up on an instance, a function becomes a bound method.
    """

    if obj is None or obj is Py_None:
        Py_INCREF(func)
        return func
    return PyMethod_New(func, obj)


def _func(op: PyObject) -> PyFunctionObject:
    """pyvm: the checked cast C's ``_PyFunction_CAST`` is."""
    assert isinstance(op, PyFunctionObject)
    return op


def _opt_none(v: Optional[PyObject]) -> PyObject:
    """pyvm: a new reference to ``v``, or to None for C's NULL."""
    r = Py_None if v is None else v
    Py_INCREF(r)
    return r


def func_get_code(op: PyObject) -> PyObject:
    """CPython: Objects/funcobject.c:func_get_code"""
    return _opt_none(_func(op).func_code)


def func_get_name(op: PyObject) -> PyObject:
    """CPython: Objects/funcobject.c:func_get_name"""
    return _opt_none(_func(op).func_name)


def func_set_name(op: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/funcobject.c:func_set_name"""
    if not isinstance(value, PyUnicodeObject):
        PyErr_SetString(PyExc_TypeError, "__name__ must be set to a string object")
    f = _func(op)
    Py_INCREF(value)
    old = f.func_name
    f.func_name = value
    Py_DECREF(old)


def func_get_qualname(op: PyObject) -> PyObject:
    """CPython: Objects/funcobject.c:func_get_qualname"""
    return _opt_none(_func(op).func_qualname)


def func_set_qualname(op: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/funcobject.c:func_set_qualname"""
    if not isinstance(value, PyUnicodeObject):
        PyErr_SetString(PyExc_TypeError, "__qualname__ must be set to a string object")
    f = _func(op)
    Py_INCREF(value)
    old = f.func_qualname
    f.func_qualname = value
    Py_DECREF(old)


def func_get_doc(op: PyObject) -> PyObject:
    """CPython: Objects/funcobject.c:func_get_doc"""
    return _opt_none(_func(op).func_doc)


def func_set_doc(op: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/funcobject.c:func_set_doc"""
    f = _func(op)
    v = Py_None if value is None else value
    Py_INCREF(v)
    old = f.func_doc
    f.func_doc = v
    Py_DECREF(old)


def func_get_defaults(op: PyObject) -> PyObject:
    """CPython: Objects/funcobject.c:func_get_defaults"""
    return _opt_none(_func(op).func_defaults)


def func_set_defaults(op: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/funcobject.c:func_set_defaults"""
    if value is Py_None:
        value = None
    if value is not None and not isinstance(value, PyTupleObject):
        PyErr_SetString(PyExc_TypeError, "__defaults__ must be set to a tuple object")
    f = _func(op)
    if value is not None:
        Py_INCREF(value)
    old = f.func_defaults
    f.func_defaults = value
    Py_XDECREF(old)


def func_get_kwdefaults(op: PyObject) -> PyObject:
    """CPython: Objects/funcobject.c:func_get_kwdefaults"""
    return _opt_none(_func(op).func_kwdefaults)


def func_get_module(op: PyObject) -> PyObject:
    """CPython: Objects/funcobject.c:func_get_module"""
    return _opt_none(_func(op).func_module)


def func_get_globals(op: PyObject) -> PyObject:
    """CPython: Objects/funcobject.c:PyFunction_GetGlobals"""
    return _opt_none(_func(op).func_globals)


def func_get_closure(op: PyObject) -> PyObject:
    """CPython: Objects/funcobject.c:PyFunction_GetClosure"""
    return _opt_none(_func(op).func_closure)


def func_get_builtins(op: PyObject) -> PyObject:
    """pyvm: the ``__builtins__`` member (C's ``func_memberlist`` entry)."""
    return _opt_none(_func(op).func_builtins)


def func_get_dict(op: PyObject) -> PyObject:
    """pyvm: ``__dict__`` of a function (C reaches ``func_dict`` through
    ``PyObject_GenericGetDict``); created on first use."""
    f = _func(op)
    if f.func_dict is None:
        f.func_dict = PyDict_New()
    return _opt_none(f.func_dict)


def function___annotate___get_impl(op: PyObject) -> PyObject:
    """CPython: Objects/funcobject.c:function___annotate___get_impl"""
    return _opt_none(_func(op).func_annotate)


def func_get_annotation_dict(f: PyFunctionObject) -> PyObject:
    """CPython: Objects/funcobject.c:func_get_annotation_dict

    Returns a borrowed reference (the function caches the dict).
    """
    ann = f.func_annotations
    if ann is None:
        ae = f.func_annotate
        if ae is None or not PyCallable_Check(ae):
            return Py_None
        d = PyObject_Vectorcall(ae, [PyLong_FromLong(1)], 0, 1, None)
        if not isinstance(d, PyDictObject):
            tn = d.ob_type.tp_name[:100]
            Py_DECREF(d)
            PyErr_SetString(PyExc_TypeError, f"__annotate__ returned non-dict of type '{tn}'")
        f.func_annotations = d
        return d
    if isinstance(ann, PyTupleObject):
        nd = PyDict_New()
        items = ann.ob_item
        for i in range(0, len(items) - 1, 2):
            PyDict_SetItem(nd, items[i], items[i + 1])
        f.func_annotations = nd
        Py_DECREF(ann)
        return nd
    return ann


def function___annotations___get_impl(op: PyObject) -> PyObject:
    """CPython: Objects/funcobject.c:function___annotations___get_impl"""
    f = _func(op)
    ae = f.func_annotate
    if f.func_annotations is None and (ae is None or not PyCallable_Check(ae)):
        f.func_annotations = PyDict_New()
    return _opt_none(func_get_annotation_dict(f))


def function___type_params___get_impl(op: PyObject) -> PyObject:
    """CPython: Objects/funcobject.c:function___type_params___get_impl"""
    tp = _func(op).func_typeparams
    if tp is None:
        return _PyTuple_FromArray([])
    Py_INCREF(tp)
    return tp


def function___type_params___set_impl(op: PyObject, value: Optional[PyObject]) -> None:
    """CPython: Objects/funcobject.c:function___type_params___set_impl"""
    # Not legal to del f.__type_params__ or to set it to anything other than a tuple.
    if value is None or not isinstance(value, PyTupleObject):
        PyErr_SetString(PyExc_TypeError, "__type_params__ must be set to a tuple")
    f = _func(op)
    Py_INCREF(value)
    old = f.func_typeparams
    f.func_typeparams = value
    Py_XDECREF(old)


def _Py_set_function_type_params(func: PyObject, type_params: PyObject) -> PyObject:
    """CPython: Objects/funcobject.c:_Py_set_function_type_params

    ``CALL_INTRINSIC_2 INTRINSIC_SET_FUNCTION_TYPE_PARAMS`` of a PEP 695
    ``def f[T]()``. Borrowed arguments; returns a new reference to ``func``.
    """
    f = _func(func)
    Py_INCREF(type_params)
    old = f.func_typeparams
    f.func_typeparams = type_params
    Py_XDECREF(old)
    Py_INCREF(f)
    return f


def _func_init_type() -> None:
    """pyvm: fill the slots of ``PyFunction_Type`` (C's static initializer)."""
    _PyType_AddGetSets(PyFunction_Type, [
        PyGetSetDef("__code__", func_get_code, None),
        PyGetSetDef("__defaults__", func_get_defaults, func_set_defaults),
        PyGetSetDef("__kwdefaults__", func_get_kwdefaults, None),
        PyGetSetDef("__name__", func_get_name, func_set_name),
        PyGetSetDef("__qualname__", func_get_qualname, func_set_qualname),
        PyGetSetDef("__doc__", func_get_doc, func_set_doc),
        PyGetSetDef("__module__", func_get_module, None),
        PyGetSetDef("__globals__", func_get_globals, None),
        PyGetSetDef("__closure__", func_get_closure, None),
        PyGetSetDef("__builtins__", func_get_builtins, None),
        PyGetSetDef("__dict__", func_get_dict, None),
        PyGetSetDef("__annotate__", function___annotate___get_impl, None),
        PyGetSetDef("__annotations__", function___annotations___get_impl, None),
        PyGetSetDef("__type_params__", function___type_params___get_impl,
                    function___type_params___set_impl),
    ])
    PyFunction_Type.tp_dealloc = func_dealloc
    PyFunction_Type.tp_weaklistoffset = MANAGED_WEAKREF_OFFSET
    PyFunction_Type.tp_repr = func_repr
    PyFunction_Type.tp_call = PyVectorcall_Call
    PyFunction_Type.tp_vectorcall = _PyFunction_Vectorcall
    PyFunction_Type.tp_descr_get = func_descr_get


_func_init_type()
