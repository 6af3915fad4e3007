"""Ports Python/Python-ast.c: the ``_ast`` module (the AST node types a program
sees) and the conversions between them and the compiler's AST (``PyAST_mod2obj``,
``PyAST_obj2mod``, ``PyAST_Check``).

C's Parser/asdl_c.py emits, per ASDL type, a ``make_type`` call, an annotations
block, an ``ast2obj_X`` and an ``obj2ast_X`` function, and per constructor a
``_PyAST_X`` builder. pyvm is table-driven instead: ``_asdl_types`` lists every
sum, constructor and product with its fields (name, ASDL type, kind, ``*``, ``?``),
and one generic function stands for each family of C functions. The tables and
the per-constructor readers (``_get_X``) and builders (``_make_X``) are generated
from Parser/Python.asdl into pyvm/compile/python_ast_tables.py by
tools/gen_python_ast.py; this module is written by hand:

* :func:`init_types` makes the types as C does, by calling ``type(name, (base,),
  {...})`` (``make_type``), then sets ``_attributes``, the ``None`` class defaults
  of optional fields and ``_field_types`` / ``__annotations__``
  (``add_ast_annotations``);
* :func:`ast2obj` stands for every ``ast2obj_X``: it reads a compiler node's
  values through the generated ``_get_X`` reader and sets them as attributes of a
  new instance; simple sums (``Load``, ``Add``...) give the shared singletons;
* :func:`obj2ast_type` stands for every ``obj2ast_X``: attributes first (for a
  sum), then the fields in order, each with C's checks and messages, then the
  generated ``_make_X`` builder (``_PyAST_X``, whose "field 'x' is required"
  checks run just before it).

The compiler's AST (pyvm/compile/ast.py) keeps *host* constants; ``ast2obj``
turns them into pyvm objects and ``obj2ast`` back. A constant with no host
counterpart (a ``list``, an ``int`` subclass ...) stays a ``PyObject`` in the
tree, for the validator (pyvm/compile/ast_validate.py) to reject as C's
``validate_constant`` does. The ``AST`` base type is static here (C makes it
from a spec); its instances carry their fields in the instance dict, as C's
``AST_object`` does.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Final, Optional

from pyvm.compile import ast
from pyvm.compile.future import (  # the compile() flags the module exports
    PyCF_ALLOW_TOP_LEVEL_AWAIT, PyCF_ONLY_AST, PyCF_OPTIMIZED_AST, PyCF_TYPE_COMMENTS,
)
from pyvm.objects.abstract import (
    PyIter_Next, PyObject_GetIter, PyObject_IsInstance, PySequence_Contains,
    PySequence_Fast,
)
from pyvm.objects.boolobject import Py_False, Py_True
from pyvm.objects.bytesobject import PyBytes_FromString, PyBytesObject
from pyvm.objects.call import PyObject_Call
from pyvm.objects.complexobject import PyComplex_FromDoubles, PyComplex_Type, PyComplexObject
from pyvm.objects.descrobject import PyGetSetDef, _PyType_AddGetSets, _PyType_AddMethods
from pyvm.objects.dictobject import (
    PyDict_GetItemWithError, PyDict_New, PyDict_Next, PyDict_SetItem, PyDict_SetItemString,
    PyDict_Update,
)
from pyvm.objects.exceptions import (
    PyExc_AttributeError, PyExc_DeprecationWarning, PyExc_RecursionError, PyExc_RuntimeError,
    PyExc_TypeError, PyExc_ValueError,
)
from pyvm.objects.floatobject import PyFloat_FromDouble, PyFloat_Type, PyFloatObject
from pyvm.objects.genericaliasobject import Py_GenericAlias, Py_GenericAliasType
from pyvm.objects.listobject import (
    PyList_Check, PyList_New, PyList_Sort, PyList_Type, PyListObject, _PyList_FromArraySteal,
)
from pyvm.objects.longobject import PyLong_AsInt, PyLong_Check, PyLong_FromLong, PyLong_Type, PyLongObject
from pyvm.objects.methodobject import METH_NOARGS, METH_VARARGS, METH_KEYWORDS, PyMethodDef
from pyvm.objects.moduleobject import PyModule_AddObjectRef, PyModule_New, PyModuleObject
from pyvm.objects.object import (
    Py_DECREF, Py_INCREF, Py_NewRef, Py_None, Py_ReprEnter, Py_ReprLeave, Py_TPFLAGS_BASETYPE,
    Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_IMMUTABLETYPE, Py_XDECREF, PyErr_Format, PyErr_SetString, PyObject, PyObject_GetOptionalAttr,
    PyObject_GetAttr, PyObject_Repr, PyObject_SetAttr, PyObjectWithDict, PyType_IsSubtype, PyTypeObject,
    _Py_EnterRecursiveCall, _Py_LeaveRecursiveCall, _PyObject_ClearDict,
)
from pyvm.objects.setobject import PyFrozenSet_New, PySet_Add, PySet_Discard, PySet_New, PySetObject
from pyvm.objects.sliceobject import Py_Ellipsis
from pyvm.objects.tupleobject import _PyTuple_FromArray, _PyTuple_FromArraySteal, PyTupleObject
from pyvm.objects.typeobject import (
    PyBaseObject_Type, PyType_Ready, PyType_Type, _PyType_Name, subtype_dict, subtype_setdict,
)
from pyvm.objects.unicodeobject import (
    PyUnicode_FromString, PyUnicode_InternFromString, PyUnicodeObject, PyUnicode_Type,
)
from pyvm.objects.unionobject import _Py_union_type_or, _PyUnion_Type




# The kinds of ASDL field types: a node (sum or product), or a builtin type.
K_NODE: Final = 0
K_IDENT: Final = 1
K_STRING: Final = 2
K_INT: Final = 3
K_CONST: Final = 4


class _Field:
    """pyvm: one ASDL field: C's ``Module_fields`` entry plus what ``obj2ast_X``
    and ``ast2obj_X`` know of it (its type, ``*`` and ``?``)."""

    name: str
    type: str
    kind: int
    seq: bool
    opt: bool
    pyname: Optional[PyObject]

    def __init__(self, name: str, type: str, kind: int, seq: bool, opt: bool) -> None:
        self.name = name
        self.type = type
        self.kind = kind
        self.seq = seq
        self.opt = opt
        self.pyname = None

    def key(self) -> PyObject:
        """pyvm: the interned name (C's ``state->name`` identifiers)."""
        k = self.pyname
        if k is None:
            k = PyUnicode_InternFromString(self.name)
            self.pyname = k
        return k


class _AstType:
    """pyvm: one node type of ``_ast``: a sum (``expr``), one of its constructors
    (``BinOp``) or a product (``arguments``); C's ``state->X_type`` with the
    knowledge its generated functions carry."""

    name: str
    fields: list[_Field]
    attrs: list[_Field]
    simple: bool
    is_sum: bool
    product: bool
    doc: str
    ctors: list[_AstType]
    parent: Optional[_AstType]
    get: Optional[Callable[[ast.AST], list[object]]]
    make: Optional[Callable[[list[object]], ast.AST]]
    host_singleton: Optional[ast.AST]
    tp: Optional[PyTypeObject]
    singleton: Optional[PyObject]

    def __init__(self, name: str, fields: list[_Field], attrs: list[_Field], doc: str) -> None:
        self.name = name
        self.fields = fields
        self.attrs = attrs
        self.simple = False
        self.is_sum = False
        self.product = False
        self.doc = doc
        self.ctors = []
        self.parent = None
        self.get = None
        self.make = None
        self.host_singleton = None
        self.tp = None
        self.singleton = None


def _sum(name: str, attrs: list[_Field], simple: bool, doc: str,
         ctors: list[_AstType]) -> _AstType:
    """pyvm: a sum type's table entry."""
    t = _AstType(name, [], attrs, doc)
    t.is_sum = True
    t.simple = simple
    t.ctors = ctors
    for c in ctors:
        c.parent = t
        c.attrs = attrs
        c.simple = simple
    return t


def _ctor(name: str, fields: list[_Field], get: Optional[Callable[[ast.AST], list[object]]],
          make: Optional[Callable[[list[object]], ast.AST]], doc: str,
          host_singleton: Optional[ast.AST]) -> _AstType:
    """pyvm: a constructor's table entry."""
    t = _AstType(name, fields, [], doc)
    t.get = get
    t.make = make
    t.host_singleton = host_singleton
    return t


def _product(name: str, fields: list[_Field], attrs: list[_Field],
             get: Callable[[ast.AST], list[object]], make: Callable[[list[object]], ast.AST],
             doc: str) -> _AstType:
    """pyvm: a product type's table entry."""
    t = _AstType(name, fields, attrs, doc)
    t.product = True
    t.get = get
    t.make = make
    return t


class ast_state:
    """CPython: Python/Python-ast.c:get_ast_state

    pyvm: C's ``struct ast_state`` (pycore_ast_state.h): the types, made once by
    :func:`init_types`, by name.
    """

    initialized: bool
    types: list[_AstType]
    by_name: dict[str, _AstType]
    module: Optional[PyModuleObject]

    def __init__(self) -> None:
        self.initialized = False
        self.types = []
        self.by_name = {}
        self.module = None


_state: Final = ast_state()


# --- the AST base type -------------------------------------------------------

AST_type: Final = PyTypeObject("ast.AST", None, Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC)


class AST_object(PyObjectWithDict):
    """CPython: Python/Python-ast.c:AST_object

    A node: the header and the instance dict that holds its fields.
    """


def ast_type_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typeobject.c:PyType_GenericNew

    pyvm: ``AST``'s ``tp_new``; its instances (and its subclasses') are
    :class:`AST_object`.
    """
    return AST_object(tp)


def ast_dealloc(op: PyObject) -> None:
    """CPython: Python/Python-ast.c:ast_dealloc"""
    assert isinstance(op, PyObjectWithDict)
    _PyObject_ClearDict(op)


def _repr(o: PyObject) -> str:
    """pyvm: C's ``%R``."""
    r = PyObject_Repr(o)
    assert isinstance(r, PyUnicodeObject)
    s = r.value
    Py_DECREF(r)
    return s


def _str_value(o: PyObject) -> str:
    """pyvm: the host string of a ``str`` object (C's ``%U``)."""
    assert isinstance(o, PyUnicodeObject)
    return o.value


def _type_attr(tp: PyObject, name: str) -> Optional[PyObject]:
    """pyvm: ``PyObject_GetOptionalAttr(type, name)`` (a new reference or None)."""
    return PyObject_GetOptionalAttr(tp, PyUnicode_InternFromString(name))


def _seq_items(seq: PyObject) -> list[PyObject]:
    """pyvm: the items of a sequence (``PySequence_Fast``), borrowed from the
    returned list, which the caller must not keep beyond ``seq``'s life."""
    fast = PySequence_Fast(seq, "")
    try:
        if isinstance(fast, PyListObject):
            return list(fast.ob_item)
        assert isinstance(fast, PyTupleObject)
        return list(fast.ob_item)
    finally:
        Py_DECREF(fast)


def ast_type_init(self_: PyObject, args: PyObject, kw: Optional[PyObject]) -> None:
    """CPython: Python/Python-ast.c:ast_type_init

    Positional arguments fill ``_fields`` in order, keywords any field or
    attribute (others warn); fields left out get their 3.13 defaults: ``[]`` for
    a sequence, ``Load()`` for an ``expr_context``, nothing (the class's
    ``None``) for an optional one, and a DeprecationWarning for the rest.
    """
    from pyvm.modules._warningsmodule import PyErr_WarnFormat  # cycle: _warnings -> compile -> here

    st = get_ast_state()
    tp = self_.ob_type
    tname = tp.tp_name
    fields = PyObject_GetOptionalAttr(tp, PyUnicode_InternFromString("_fields"))
    if fields is None:
        PyErr_Format(PyExc_AttributeError, f"type object '{tname}' has no attribute '_fields'")
    attributes: Optional[PyObject] = None
    remaining = PySet_New(fields)
    try:
        names = _seq_items(fields)
        numfields = len(names)
        assert isinstance(args, PyTupleObject)
        if numfields < len(args.ob_item):
            PyErr_Format(PyExc_TypeError,
                         f"{_PyType_Name(tp)} constructor takes at most "
                         f"{numfields} positional argument{'' if numfields == 1 else 's'}")
        for i in range(len(args.ob_item)):
            name = names[i]
            PyObject_SetAttr(self_, name, args.ob_item[i])
            PySet_Discard(remaining, name)
        if kw is not None:
            pos = 0
            while True:
                nxt = PyDict_Next(kw, pos)
                if nxt is None:
                    break
                pos, key, value = nxt
                if PySequence_Contains(fields, key):
                    if not PySet_Discard(remaining, key):
                        PyErr_Format(PyExc_TypeError,
                                     f"{tname} got multiple values for argument {_repr(key)}")
                else:
                    if attributes is None:
                        attributes = PyObject_GetOptionalAttr(
                            tp, PyUnicode_InternFromString("_attributes"))
                        if attributes is None:
                            PyErr_Format(PyExc_AttributeError,
                                         f"type object '{tname}' has no attribute '_attributes'")
                    if not PySequence_Contains(attributes, key):
                        PyErr_WarnFormat(
                            PyExc_DeprecationWarning, 1,
                            f"{tname}.__init__ got an unexpected keyword argument {_repr(key)}. "
                            "Support for arbitrary keyword arguments is deprecated "
                            "and will be removed in Python 3.15.")
                PyObject_SetAttr(self_, key, value)
        assert isinstance(remaining, PySetObject)
        rem = _seq_items_set(remaining)
        if rem:
            field_types = _type_attr(tp, "_field_types")
            if field_types is None:
                # A user-defined subclass without _field_types: as before 3.13.
                return
            try:
                for name in rem:
                    typ = PyDict_GetItemWithError(field_types, name)
                    if typ is None:
                        PyErr_WarnFormat(
                            PyExc_DeprecationWarning, 1,
                            f"Field {_repr(name)} is missing from {tname}._field_types. "
                            "This will become an error in Python 3.15.")
                    elif _is_union(typ):
                        pass  # optional: the class holds the None default
                    elif typ.ob_type is Py_GenericAliasType:
                        empty = PyList_New(0)
                        try:
                            PyObject_SetAttr(self_, name, empty)
                        finally:
                            Py_DECREF(empty)
                    elif typ is st.by_name["expr_context"].tp:
                        load = st.by_name["Load"].singleton
                        assert load is not None
                        PyObject_SetAttr(self_, name, load)
                    else:
                        PyErr_WarnFormat(
                            PyExc_DeprecationWarning, 1,
                            f"{tname}.__init__ missing 1 required positional argument: "
                            f"{_repr(name)}. This will become an error in Python 3.15.")
            finally:
                Py_DECREF(field_types)
    finally:
        Py_XDECREF(attributes)
        Py_DECREF(fields)
        Py_DECREF(remaining)


def _seq_items_set(s: PySetObject) -> list[PyObject]:
    """pyvm: ``PySequence_List(set)`` as borrowed items (in set order)."""
    out: list[PyObject] = []
    it = PyObject_GetIter(s)
    try:
        while True:
            item = PyIter_Next(it)
            if item is None:
                break
            out.append(item)
            Py_DECREF(item)  # pyvm: the set keeps its own reference
    finally:
        Py_DECREF(it)
    return out


def _is_union(o: PyObject) -> bool:
    """CPython: Include/internal/pycore_unionobject.h:_PyUnion_Check"""
    return o.ob_type is _PyUnion_Type


def ast_type_reduce(self_: PyObject) -> PyObject:
    """CPython: Python/Python-ast.c:ast_type_reduce

    ``(type, (None,) * n, __dict__)``: the positional Nones cover the fields the
    dict has, up to the first one it lacks, so that unpickling does not warn.
    """
    tp = self_.ob_type
    d = PyObject_GetOptionalAttr(self_, PyUnicode_InternFromString("__dict__"))
    if d is None:
        return _PyTuple_FromArraySteal([Py_NewRef(tp), _PyTuple_FromArraySteal([])])
    fields = _type_attr(tp, "_fields")
    if fields is None:
        return _PyTuple_FromArraySteal([Py_NewRef(tp), _PyTuple_FromArraySteal([]), d])
    try:
        nones: list[PyObject] = []
        for name in _seq_items(fields):
            if PyDict_GetItemWithError(d, name) is None:
                break
            nones.append(Py_None)
    finally:
        Py_DECREF(fields)
    return _PyTuple_FromArraySteal([Py_NewRef(tp), _PyTuple_FromArray(nones), d])


def _dict_keys_of(seq: Optional[PyObject]) -> list[PyObject]:
    """pyvm: the items of an optional sequence (borrowed)."""
    return [] if seq is None else _seq_items(seq)


def ast_type_replace_check(self_: PyObject, d: Optional[PyObject], fields: Optional[PyObject],
                           attributes: Optional[PyObject], kwargs: Optional[PyObject]) -> None:
    """CPython: Python/Python-ast.c:ast_type_replace_check

    Every keyword must be a field or attribute, and every field must end up
    set (given, already on the node, or optional).
    """
    tname = self_.ob_type.tp_name
    expecting = PySet_New(fields)
    try:
        for a in _dict_keys_of(attributes):
            PySet_Add(expecting, a)
        if kwargs is not None:
            pos = 0
            while True:
                nxt = PyDict_Next(kwargs, pos)
                if nxt is None:
                    break
                pos, key, _value = nxt
                if not PySet_Discard(expecting, key):
                    PyErr_Format(PyExc_TypeError,
                                 f"{tname}.__replace__ got an unexpected keyword argument "
                                 f"{_repr(key)}.")
        if d is not None:
            pos = 0
            while True:
                nxt = PyDict_Next(d, pos)
                if nxt is None:
                    break
                pos, key, _value = nxt
                PySet_Discard(expecting, key)
            for a in _dict_keys_of(attributes):
                PySet_Discard(expecting, a)
        field_types = _type_attr(self_.ob_type, "_field_types")
        if field_types is not None:
            pos = 0
            while True:
                nxt = PyDict_Next(field_types, pos)
                if nxt is None:
                    break
                pos, fname, ftype = nxt
                if _is_union(ftype):
                    PySet_Discard(expecting, fname)
            Py_DECREF(field_types)
        assert isinstance(expecting, PySetObject)
        left = _seq_items_set(expecting)
        if left:
            names = PyList_New(0)
            try:
                assert isinstance(names, PyListObject)
                for item in left:
                    names.ob_item.append(PyObject_Repr(item))
                PyList_Sort(names)
                joined = ", ".join(_str_value(n) for n in names.ob_item)
            finally:
                Py_DECREF(names)
            m = len(left)
            PyErr_Format(PyExc_TypeError,
                         f"{tname}.__replace__ missing {m} keyword argument"
                         f"{'' if m == 1 else 's'}: {joined}.")
    finally:
        Py_DECREF(expecting)


def ast_type_replace_update_payload(payload: PyObject, keys: Optional[PyObject],
                                    d: PyObject) -> None:
    """CPython: Python/Python-ast.c:ast_type_replace_update_payload"""
    for key in _dict_keys_of(keys):
        value = PyDict_GetItemWithError(d, key)
        if value is not None:
            PyDict_SetItem(payload, key, value)


def ast_type_replace(self_: PyObject, args: PyObject, kwargs: Optional[PyObject]) -> PyObject:
    """CPython: Python/Python-ast.c:ast_type_replace

    ``copy.replace()`` support: a new node of the same type with the fields and
    attributes of this one, updated by the keywords.
    """
    assert isinstance(args, PyTupleObject)
    if args.ob_item:
        PyErr_Format(PyExc_TypeError, "__replace__() takes no positional arguments")
    tp = self_.ob_type
    fields = _type_attr(tp, "_fields")
    attributes = _type_attr(tp, "_attributes")
    d = PyObject_GetOptionalAttr(self_, PyUnicode_InternFromString("__dict__"))
    payload: Optional[PyObject] = None
    empty: Optional[PyObject] = None
    try:
        ast_type_replace_check(self_, d, fields, attributes, kwargs)
        empty = _PyTuple_FromArraySteal([])
        payload = PyDict_New()
        if d is not None:
            ast_type_replace_update_payload(payload, fields, d)
            ast_type_replace_update_payload(payload, attributes, d)
        if kwargs is not None:
            PyDict_Update(payload, kwargs)
        return PyObject_Call(tp, empty, payload)
    finally:
        Py_XDECREF(payload)
        Py_XDECREF(empty)
        Py_XDECREF(d)
        Py_XDECREF(attributes)
        Py_XDECREF(fields)


def ast_repr_list(lst: PyObject, depth: int) -> str:
    """CPython: Python/Python-ast.c:ast_repr_list

    The first and last items only, ``...`` between.
    """
    if isinstance(lst, PyListObject):
        items = list(lst.ob_item)
        is_list = True
    else:
        assert isinstance(lst, PyTupleObject)
        items = list(lst.ob_item)
        is_list = False
    n = len(items)
    if n == 0:
        return _repr(lst)
    shown = [items[0]] if n == 1 else [items[0], items[n - 1]]
    parts: list[str] = []
    for i, item in enumerate(shown):
        if PyType_IsSubtype(item.ob_type, AST_type):
            parts.append(ast_repr_max_depth(item, depth - 1))
        else:
            parts.append(_repr(item))
        if i == 0 and n > 2:
            parts.append("...")
    body = ", ".join(parts)
    return f"[{body}]" if is_list else f"({body})"


def ast_repr_max_depth(self_: PyObject, depth: int) -> str:
    """CPython: Python/Python-ast.c:ast_repr_max_depth"""
    tname = self_.ob_type.tp_name
    if depth <= 0:
        return f"{tname}(...)"
    if Py_ReprEnter(self_):
        return f"{tname}(...)"
    try:
        fields = _type_attr(self_.ob_type, "_fields")
        if fields is None:
            PyErr_Format(PyExc_AttributeError,
                         f"type object '{tname}' has no attribute '_fields'")
        try:
            names = _seq_items(fields)
            if not names:
                return f"{tname}()"
            parts: list[str] = []
            for name in names:
                value = PyObject_GetAttr(self_, name)
                try:
                    if isinstance(value, (PyListObject, PyTupleObject)):
                        vr = ast_repr_list(value, depth)
                    elif PyType_IsSubtype(value.ob_type, AST_type):
                        vr = ast_repr_max_depth(value, depth - 1)
                    else:
                        vr = _repr(value)
                finally:
                    Py_DECREF(value)
                parts.append(f"{_str_value(name)}={vr}")
            return f"{tname}({', '.join(parts)})"
        finally:
            Py_DECREF(fields)
    finally:
        Py_ReprLeave(self_)


def ast_repr(self_: PyObject) -> PyObject:
    """CPython: Python/Python-ast.c:ast_repr"""
    return PyUnicode_FromString(ast_repr_max_depth(self_, 3))


def _init_ast_base_type() -> None:
    """pyvm: the slots and methods of :data:`AST_type` (C's ``AST_type_slots``)."""
    AST_type.tp_new = ast_type_new
    AST_type.tp_init = ast_type_init
    AST_type.tp_dealloc = ast_dealloc
    AST_type.tp_repr = ast_repr
    _PyType_AddMethods(AST_type, [
        PyMethodDef("__reduce__", ast_type_reduce, METH_NOARGS),
        PyMethodDef("__replace__", ast_type_replace, METH_VARARGS | METH_KEYWORDS,
                    "__replace__($self, /, **fields)\n--\n\n"
                    "Return a copy of the AST node with new values for the specified fields."),
    ])
    _PyType_AddGetSets(AST_type, [PyGetSetDef("__dict__", subtype_dict, subtype_setdict)])


_init_ast_base_type()


# --- init_types ----------------------------------------------------------------


def _tuple_of_names(names: list[str]) -> PyObject:
    """pyvm: a new tuple of interned names."""
    return _PyTuple_FromArraySteal([PyUnicode_InternFromString(n) for n in names])


def make_type(name: str, base: PyObject, fields: list[_Field], doc: str) -> PyTypeObject:
    """CPython: Python/Python-ast.c:make_type

    ``type(name, (base,), {"_fields": ..., "__match_args__": ..., "__module__":
    "ast", "__doc__": doc})``.
    """
    fnames = _tuple_of_names([f.name for f in fields])
    d = PyDict_New()
    try:
        PyDict_SetItemString(d, "_fields", fnames)
        PyDict_SetItemString(d, "__match_args__", fnames)
        m = PyUnicode_InternFromString("ast")
        PyDict_SetItemString(d, "__module__", m)
        ds = PyUnicode_FromString(doc)
        PyDict_SetItemString(d, "__doc__", ds)
        Py_DECREF(ds)
        args = _PyTuple_FromArraySteal([PyUnicode_FromString(name),
                                        _PyTuple_FromArray([base]), Py_NewRef(d)])
        try:
            result = PyObject_Call(PyType_Type, args, None)
        finally:
            Py_DECREF(args)
    finally:
        Py_DECREF(d)
        Py_DECREF(fnames)
    assert isinstance(result, PyTypeObject)
    return result


def add_attributes(tp: PyObject, attrs: list[_Field]) -> None:
    """CPython: Python/Python-ast.c:add_attributes"""
    names = _tuple_of_names([a.name for a in attrs])
    PyObject_SetAttr(tp, PyUnicode_InternFromString("_attributes"), names)
    Py_DECREF(names)


def _emit_defaults(tp: PyObject, fields: list[_Field]) -> None:
    """pyvm: Parser/asdl_c.py's ``emit_defaults``: ``None`` on the class for every
    optional field."""
    for f in fields:
        if f.opt:
            PyObject_SetAttr(tp, f.key(), Py_None)


def _field_type(st: ast_state, f: _Field) -> PyObject:
    """pyvm: one entry of ``add_ast_annotations`` (a new reference): the type,
    ``T | None`` for ``?``, ``list[T]`` for ``*``."""
    if f.kind == K_NODE:
        t = st.by_name[f.type].tp
        assert t is not None
        tp: PyObject = t
    elif f.kind == K_INT:
        tp = PyLong_Type
    elif f.kind == K_CONST:
        tp = PyBaseObject_Type
    else:
        tp = PyUnicode_Type
    if f.opt:
        return _Py_union_type_or(tp, Py_None)
    if f.seq:
        return Py_GenericAlias(PyList_Type, tp)
    return Py_NewRef(tp)


def add_ast_annotations(st: ast_state, t: _AstType) -> None:
    """CPython: Python/Python-ast.c:add_ast_annotations

    ``_field_types`` and ``__annotations__`` of one constructor or product.
    """
    d = PyDict_New()
    try:
        for f in t.fields:
            v = _field_type(st, f)
            PyDict_SetItem(d, f.key(), v)
            Py_DECREF(v)
        assert t.tp is not None
        PyObject_SetAttr(t.tp, PyUnicode_InternFromString("_field_types"), d)
        PyObject_SetAttr(t.tp, PyUnicode_InternFromString("__annotations__"), d)
    finally:
        Py_DECREF(d)


def add_ast_fields() -> None:
    """CPython: Python/Python-ast.c:add_ast_fields"""
    PyType_Ready(AST_type)
    # pyvm: C's AST is a heap type made from a spec, so not immutable: a
    # program may set its attributes.
    AST_type.tp_flags &= ~Py_TPFLAGS_IMMUTABLETYPE
    empty = _PyTuple_FromArraySteal([])
    for n in ("_fields", "__match_args__", "_attributes"):
        PyObject_SetAttr(AST_type, PyUnicode_InternFromString(n), empty)
    Py_DECREF(empty)


def init_types(st: ast_state) -> None:
    """CPython: Python/Python-ast.c:init_types

    Makes every node type (sums, their constructors and the products) with
    their ``_attributes``, ``None`` defaults and field types, and the singletons
    of the simple sums.
    """
    if st.initialized:
        return
    add_ast_fields()
    from pyvm.compile.python_ast_tables import _asdl_types  # cycle: made of this module's _Field, _sum ...
    st.types = _asdl_types()
    for t in st.types:
        st.by_name[t.name] = t
        for c in t.ctors:
            st.by_name[c.name] = c
    for t in st.types:
        t.tp = make_type(t.name, AST_type, t.fields, t.doc)
        add_attributes(t.tp, t.attrs)
        _emit_defaults(t.tp, t.fields)
        _emit_defaults(t.tp, t.attrs)
        for c in t.ctors:
            c.tp = make_type(c.name, t.tp, c.fields, c.doc)
            _emit_defaults(c.tp, c.fields)
            if c.simple:
                c.singleton = ast_type_new(c.tp, Py_None, None)
    for t in st.types:
        if t.product:
            add_ast_annotations(st, t)
        for c in t.ctors:
            add_ast_annotations(st, c)
    st.initialized = True


def get_ast_state() -> ast_state:
    """CPython: Python/Python-ast.c:get_ast_state"""
    init_types(_state)
    return _state


# --- the module ----------------------------------------------------------------


def astmodule_exec(m: PyModuleObject) -> None:
    """CPython: Python/Python-ast.c:astmodule_exec"""
    st = get_ast_state()
    PyModule_AddObjectRef(m, "AST", AST_type)
    for name, v in (("PyCF_ALLOW_TOP_LEVEL_AWAIT", PyCF_ALLOW_TOP_LEVEL_AWAIT),
                    ("PyCF_ONLY_AST", PyCF_ONLY_AST),
                    ("PyCF_TYPE_COMMENTS", PyCF_TYPE_COMMENTS),
                    ("PyCF_OPTIMIZED_AST", PyCF_OPTIMIZED_AST)):
        o = PyLong_FromLong(v)
        PyModule_AddObjectRef(m, name, o)
        Py_DECREF(o)
    for t in st.types:
        assert t.tp is not None
        PyModule_AddObjectRef(m, t.name, t.tp)
        for c in t.ctors:
            assert c.tp is not None
            PyModule_AddObjectRef(m, c.name, c.tp)


def PyInit__ast() -> PyModuleObject:
    """CPython: Python/Python-ast.c:PyInit__ast

    pyvm: made once and cached (see pyvm/eval/import_.py).
    """
    st = get_ast_state()
    m = st.module
    if m is None:
        m = PyModule_New("_ast")
        astmodule_exec(m)
        st.module = m
    return m


# --- ast2obj -------------------------------------------------------------------


def ast2obj_constant(v: object) -> PyObject:
    """CPython: Python/Python-ast.c:ast2obj_object

    pyvm: the compiler's host constant as a pyvm object (a new reference); a
    ``PyObject`` kept from ``obj2ast`` is itself.
    """
    if v is None:
        return Py_None
    if v is Ellipsis:
        return Py_Ellipsis
    if isinstance(v, PyObject):
        return Py_NewRef(v)
    if isinstance(v, bool):
        return Py_True if v else Py_False
    if isinstance(v, int):
        return PyLong_FromLong(v)
    if isinstance(v, float):
        return PyFloat_FromDouble(v)
    if isinstance(v, complex):
        return PyComplex_FromDoubles(v.real, v.imag)
    if isinstance(v, str):
        return PyUnicode_FromString(v)
    if isinstance(v, bytes):
        return PyBytes_FromString(v)
    if isinstance(v, tuple):
        return _PyTuple_FromArraySteal([ast2obj_constant(x) for x in v])
    if isinstance(v, frozenset):
        items = _PyTuple_FromArraySteal([ast2obj_constant(x) for x in v])
        res = PyFrozenSet_New(items)
        Py_DECREF(items)
        return res
    raise AssertionError(f"pyvm: no pyvm object for the constant {v!r}")


def _ast2obj_value(st: ast_state, f: _Field, v: object) -> PyObject:
    """pyvm: one field value as a pyvm object (a new reference): C's
    ``ast2obj_list`` / ``ast2obj_X`` / ``ast2obj_int`` / ``ast2obj_object``."""
    if f.seq:
        assert isinstance(v, list)
        return _PyList_FromArraySteal([_ast2obj_item(st, f, x) for x in v])
    return _ast2obj_item(st, f, v)


def _ast2obj_item(st: ast_state, f: _Field, v: object) -> PyObject:
    """pyvm: one (non-sequence) value of field ``f``."""
    if f.kind == K_NODE:
        assert v is None or isinstance(v, ast.AST)
        return ast2obj(st, v)
    if v is None:
        return Py_None
    if f.kind == K_INT:
        assert isinstance(v, int)
        return PyLong_FromLong(v)
    if f.kind == K_CONST:
        return ast2obj_constant(v)
    if isinstance(v, PyObject):
        return Py_NewRef(v)
    assert isinstance(v, str)
    return PyUnicode_FromString(v)


def ast2obj(st: ast_state, o: Optional[ast.AST]) -> PyObject:
    """CPython: Python/Python-ast.c:ast2obj_expr

    Stands for every ``ast2obj_X``: a new instance of the node's type with its
    fields then its attributes set; ``None`` for a missing node; the singleton
    for a simple sum's constructor. Returns a new reference.
    """
    if o is None:
        return Py_None
    t = st.by_name[type(o).__name__]
    if t.singleton is not None:
        return Py_NewRef(t.singleton)
    assert t.tp is not None and t.get is not None
    _Py_EnterRecursiveCall("during  ast construction")
    try:
        result = ast_type_new(t.tp, Py_None, None)
        try:
            vals = t.get(o)
            allf = t.fields + t.attrs
            for i in range(len(allf)):
                value = _ast2obj_value(st, allf[i], vals[i])
                try:
                    PyObject_SetAttr(result, allf[i].key(), value)
                finally:
                    Py_DECREF(value)
        except BaseException:
            Py_DECREF(result)
            raise
        return result
    finally:
        _Py_LeaveRecursiveCall()


def PyAST_mod2obj(t: ast.mod) -> PyObject:
    """CPython: Python/Python-ast.c:PyAST_mod2obj

    The compiler's tree as ``_ast`` objects (a new reference).
    """
    return ast2obj(get_ast_state(), t)


# --- obj2ast -------------------------------------------------------------------


def obj2ast_constant(obj: PyObject) -> object:
    """CPython: Python/Python-ast.c:obj2ast_constant

    pyvm: the host value for a constant the compiler can hold (exact ``int``,
    ``bool``, ``float``, ``complex``, ``str``, ``bytes``, ``tuple`` and
    ``frozenset`` of those, ``None``, ``...``); anything else stays the
    ``PyObject`` (``validate_constant`` rejects it before the compiler sees it).
    """
    if obj is Py_None:
        return None
    if obj is Py_Ellipsis:
        return Ellipsis
    tp = obj.ob_type
    if obj is Py_True:
        return True
    if obj is Py_False:
        return False
    if tp is PyLong_Type and isinstance(obj, PyLongObject):
        return obj.ob_ival
    if tp is PyFloat_Type and isinstance(obj, PyFloatObject):
        return obj.ob_fval
    if tp is PyComplex_Type and isinstance(obj, PyComplexObject):
        return complex(obj.real, obj.imag)
    if tp is PyUnicode_Type and isinstance(obj, PyUnicodeObject):
        return obj.value
    if isinstance(obj, PyBytesObject) and tp.tp_name == "bytes":
        return obj.ob_sval
    if isinstance(obj, PyTupleObject) and tp.tp_name == "tuple":
        return tuple([obj2ast_constant(x) for x in obj.ob_item])
    if isinstance(obj, PySetObject) and tp.tp_name == "frozenset":
        items = _seq_items_set(obj)
        conv = [obj2ast_constant(x) for x in items]
        if not any(isinstance(x, PyObject) for x in conv):
            return frozenset(conv)
    return obj


def obj2ast_int(obj: PyObject) -> int:
    """CPython: Python/Python-ast.c:obj2ast_int"""
    if not PyLong_Check(obj):
        PyErr_Format(PyExc_ValueError, f"invalid integer value: {_repr(obj)}")
    return PyLong_AsInt(obj)


def obj2ast_identifier(obj: PyObject) -> Optional[str]:
    """CPython: Python/Python-ast.c:obj2ast_identifier"""
    if obj is Py_None:
        return None
    if not (obj.ob_type is PyUnicode_Type and isinstance(obj, PyUnicodeObject)):
        PyErr_SetString(PyExc_TypeError, "AST identifier must be of type str")
    return obj.value


def obj2ast_string(obj: PyObject) -> str:
    """CPython: Python/Python-ast.c:obj2ast_string"""
    if obj.ob_type is PyUnicode_Type and isinstance(obj, PyUnicodeObject):
        return obj.value
    if isinstance(obj, PyBytesObject) and obj.ob_type.tp_name == "bytes":
        return obj.ob_sval.decode("utf-8", "surrogateescape")
    PyErr_SetString(PyExc_TypeError, "AST string must be of type str")
    raise AssertionError  # pyvm: PyErr_SetString never returns


def _obj2ast_item(st: ast_state, obj: PyObject, f: _Field) -> object:
    """pyvm: one value of field ``f``: C's call of ``obj2ast_<type>``."""
    k = f.kind
    if k == K_NODE:
        return obj2ast_type(st, obj, st.by_name[f.type])
    if k == K_IDENT:
        return obj2ast_identifier(obj)
    if k == K_STRING:
        return obj2ast_string(obj)
    if k == K_INT:
        return obj2ast_int(obj)
    return obj2ast_constant(obj)


def _obj2ast_field(st: ast_state, obj: PyObject, f: _Field, owner: str,
                   default: int) -> object:
    """pyvm: Parser/asdl_c.py's ``Obj2ModVisitor.visitField``: read one field or
    attribute of ``obj`` and convert it, with C's messages. ``default`` is the
    value of a missing optional ``int`` (``end_lineno`` defaults to ``lineno``)."""
    tmp = PyObject_GetOptionalAttr(obj, f.key())
    where = f" while traversing '{owner}' node"
    if f.seq:
        if tmp is None:
            tmp = PyList_New(0)
        try:
            if not PyList_Check(tmp):
                PyErr_Format(PyExc_TypeError,
                             f'{owner} field "{f.name}" must be a list, not a '
                             f"{_PyType_Name(tmp.ob_type)}")
            assert isinstance(tmp, PyListObject)
            n = len(tmp.ob_item)
            out: list[object] = []
            for i in range(n):
                tmp2 = Py_NewRef(tmp.ob_item[i])
                try:
                    _Py_EnterRecursiveCall(where)
                    try:
                        val = _obj2ast_item(st, tmp2, f)
                    finally:
                        _Py_LeaveRecursiveCall()
                finally:
                    Py_DECREF(tmp2)
                if n != len(tmp.ob_item):
                    PyErr_SetString(PyExc_RuntimeError,
                                    f'{owner} field "{f.name}" changed size during iteration')
                out.append(val)
            return out
        finally:
            Py_DECREF(tmp)
    if tmp is None and not f.opt:
        PyErr_SetString(PyExc_TypeError, f'required field "{f.name}" missing from {owner}')
    if tmp is None or (f.opt and tmp is Py_None):
        Py_XDECREF(tmp)
        return default if f.kind == K_INT else None
    try:
        _Py_EnterRecursiveCall(where)
        try:
            return _obj2ast_item(st, tmp, f)
        finally:
            _Py_LeaveRecursiveCall()
    finally:
        Py_DECREF(tmp)


def _obj2ast_fields(st: ast_state, obj: PyObject, fields: list[_Field], owner: str,
                    vals: list[object]) -> None:
    """pyvm: the fields (or attributes) of ``obj`` in order, appended to ``vals``;
    ``end_lineno`` / ``end_col_offset`` default to ``lineno`` / ``col_offset``
    (asdl_c.py's ``attribute_special_defaults``)."""
    for f in fields:
        default = 0
        if f.name == "end_lineno" or f.name == "end_col_offset":
            start = vals[len(vals) - 2]
            assert isinstance(start, int)
            default = start
        vals.append(_obj2ast_field(st, obj, f, owner, default))


def _check_required(t: _AstType, vals: list[object]) -> None:
    """pyvm: the checks at the top of ``_PyAST_X``: a required node, identifier
    or string field that came out NULL (``None``) is a ValueError."""
    for i in range(len(t.fields)):
        f = t.fields[i]
        if vals[i] is None and not f.opt and not f.seq and f.kind in (K_NODE, K_IDENT, K_STRING):
            PyErr_SetString(PyExc_ValueError, f"field '{f.name}' is required for {t.name}")


def obj2ast_type(st: ast_state, obj: PyObject, t: _AstType) -> Optional[ast.AST]:
    """CPython: Python/Python-ast.c:obj2ast_expr

    Stands for every ``obj2ast_X``. A simple sum is found by ``isinstance``
    (``obj2ast_expr_context``); a sum reads its attributes, then finds the
    constructor and reads its fields; a product reads its fields then its
    attributes. ``None`` for a sum is NULL (the caller decides whether that is
    allowed).
    """
    if t.simple:
        for c in t.ctors:
            assert c.tp is not None
            if PyObject_IsInstance(obj, c.tp):
                return c.host_singleton
        PyErr_Format(PyExc_TypeError, f"expected some sort of {t.name}, but got {_repr(obj)}")
    if t.product:
        vals: list[object] = []
        _obj2ast_fields(st, obj, t.fields, t.name, vals)
        _obj2ast_fields(st, obj, t.attrs, t.name, vals)
        _check_required(t, vals)
        assert t.make is not None
        return t.make(vals)
    if obj is Py_None:
        return None
    attrs: list[object] = []
    _obj2ast_fields(st, obj, t.attrs, t.name, attrs)
    for c in t.ctors:
        assert c.tp is not None
        if PyObject_IsInstance(obj, c.tp):
            vals = []
            _obj2ast_fields(st, obj, c.fields, c.name, vals)
            _check_required(c, vals)
            assert c.make is not None
            return c.make(vals + attrs)
    PyErr_Format(PyExc_TypeError, f"expected some sort of {t.name}, but got {_repr(obj)}")


def PyAst_CheckMode(ast_obj: PyObject, mode: int) -> None:
    """CPython: Python/Python-ast.c:PyAst_CheckMode

    ``mode`` 0, 1, 2 is exec, eval, single: the object must be a Module, an
    Expression or an Interactive. (pyvm: 3, func_type, which C does not expect
    here, wants a FunctionType.)
    """
    st = get_ast_state()
    req_name = ["Module", "Expression", "Interactive", "FunctionType"][mode]
    req_type = st.by_name[req_name].tp
    assert req_type is not None
    if not PyObject_IsInstance(ast_obj, req_type):
        PyErr_Format(PyExc_TypeError,
                     f"expected {req_name} node, got {_PyType_Name(ast_obj.ob_type)}")


def PyAST_obj2mod(ast_obj: PyObject, mode: int) -> ast.mod:
    """CPython: Python/Python-ast.c:PyAST_obj2mod

    The ``_ast`` tree as the compiler's tree (see :func:`PyAst_CheckMode` for
    ``mode``).
    """
    st = get_ast_state()
    PyAst_CheckMode(ast_obj, mode)
    res = obj2ast_type(st, ast_obj, st.by_name["mod"])
    assert isinstance(res, ast.mod)
    return res


def PyAST_Check(obj: PyObject) -> bool:
    """CPython: Python/Python-ast.c:PyAST_Check

    pyvm: ``AST`` is static here, so the check needs no ``init_types`` (which
    makes some 120 classes): ``compile()`` of a string does not pay for it.
    """
    PyType_Ready(AST_type)
    return PyObject_IsInstance(obj, AST_type)
