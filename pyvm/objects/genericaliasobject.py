"""Ports Objects/genericaliasobject.c: ``types.GenericAlias``, the value of
``list[int]`` (PEP 585), and its iterator.

A GenericAlias keeps the ``origin`` (``list``), the ``args`` tuple (``(int,)``;
a single non-tuple argument is wrapped) and, computed on first use, the
``parameters``: the type variables found among the arguments
(:func:`_Py_make_parameters`: anything with ``__typing_subst__``, plus the
``__parameters__`` of nested aliases, in order, without duplicates). The
``starred`` flag marks ``*tuple[int]`` (``__unpacked__``), which iterating an
alias produces.

Attribute lookup goes to the origin (``list[int].append is list.append``)
except for the alias's own attributes (``attr_exceptions``); a few names
(``attr_blocked``) are never forwarded. Calling the alias calls the origin and
records the alias as the result's ``__orig_class__`` where it can.

Subscripting substitutes the parameters (:func:`_Py_subs_parameters`, shared
with ``typing.Union``): each parameter's ``__typing_prepare_subst__`` may
rewrite the arguments, then every argument that is a parameter is replaced by
what its ``__typing_subst__`` returns, and nested aliases are subscripted in
turn. The TypeVar family implements ``__typing_subst__`` in Lib/typing.py,
which pyvm cannot import yet (see typevarobject.py), so substituting a real
TypeVar raises ``ModuleNotFoundError``; objects of a program's own classes
with a ``__typing_subst__`` method work.

The built-in containers' ``__class_getitem__`` is :func:`Py_GenericAlias`
(abstract.py forwards to it for the modules below this one). C gives an alias
a vectorcall that forwards to the origin's; pyvm's alias calls through
``tp_call``, which the call protocol reaches the same way.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, Optional

from pyvm.objects.abstract import (
    PyObject_GetItem,
    PyObject_GetIter,
    PySequence_Contains,
    PySequence_Tuple,
)
from pyvm.objects.boolobject import Py_False, Py_True
from pyvm.objects.call import PyObject_Call, PyObject_CallOneArg, PyObject_Vectorcall
from pyvm.objects.descrobject import (
    Py_READONLY,
    PyGetSetDef,
    PyMemberDef,
    _PyType_AddGetSets,
    _PyType_AddMembers,
    _PyType_AddMethods,
)
from pyvm.objects.dictobject import PyDict_GetItemWithError, PyDict_Size
from pyvm.objects.exceptions import (
    PyExc_AttributeError,
    PyExc_TypeError,
)
from pyvm.objects.listobject import (
    PyList_Append,
    PyList_Check,
    PyList_CheckExact,
    PyListObject,
    PySequence_List,
)
from pyvm.objects.longobject import PyBool_FromLong
from pyvm.objects.methodobject import METH_NOARGS, METH_O, PyMethodDef
from pyvm.objects.object import (
    MANAGED_WEAKREF_OFFSET,
    Py_DECREF,
    Py_EQ,
    Py_INCREF,
    Py_NE,
    Py_None,
    Py_NotImplemented,
    Py_TPFLAGS_BASETYPE,
    Py_TPFLAGS_HAVE_GC,
    Py_XDECREF,
    PyErr,
    PyErr_SetString,
    PyObject,
    PyObject_ClearWeakRefs,
    PyObject_GenericGetAttr,
    PyObject_GetAttr,
    PyObject_GetOptionalAttr,
    PyObject_Hash,
    PyObject_HasAttrWithError,
    PyObject_IsTrue,
    PyObject_RichCompare,
    PyObject_RichCompareBool,
    PyObject_SelfIter,
    PyObject_SetAttr,
    PyObject_TypeCheck,
    PyTypeObject,
    _Py_EnterRecursiveCall,
    _Py_LeaveRecursiveCall,
    _PyErr_Clear,
    _PyObject_ReprStr,
)
from pyvm.objects.sliceobject import Py_Ellipsis
from pyvm.objects.tupleobject import (
    PyTuple_Check,
    PyTuple_Type,
    PyTupleObject,
    _PyTuple_FromArray,
    _PyTuple_FromArraySteal,
)
from pyvm.objects.typeobject import PyObject_Dir, PyType_Check
from pyvm.objects.typevarobject import _Py_typing_type_repr
from pyvm.pystate import _tstate
from pyvm.objects.unicodeobject import (
    PyUnicode_FromString,
    PyUnicode_InternFromString,
    PyUnicodeObject,
    _PyArg_CheckPositional,
)

genericalias__doc__: Final = (
    "GenericAlias(origin, args, /)\n"
    "--\n\n"
    "Represent a PEP 585 generic type\n"
    "\n"
    "For example, for t = list[int], t.__origin__ is list and t.__args__\n"
    "is (int,)."
)

Py_GenericAliasType: Final = PyTypeObject(
    "types.GenericAlias", None, Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE, genericalias__doc__)
_Py_GenericAliasIterType: Final = PyTypeObject(
    "generic_alias_iterator", None, Py_TPFLAGS_HAVE_GC)


class gaobject(PyObject):
    """pyvm: C's ``gaobject`` struct of Objects/genericaliasobject.c.

    ``origin`` and ``args`` are owned (None only once deallocated);
    ``parameters`` is None until computed.
    """

    origin: Optional[PyObject]
    args: Optional[PyObject]
    parameters: Optional[PyObject]
    starred: bool

    def __init__(self, tp: PyTypeObject) -> None:
        super().__init__(tp)
        self.origin = None
        self.args = None
        self.parameters = None
        self.starred = False


class gaiterobject(PyObject):
    """pyvm: C's ``gaiterobject`` struct: ``obj`` is None once exhausted."""

    obj: Optional[PyObject]

    def __init__(self, obj: PyObject) -> None:
        super().__init__(_Py_GenericAliasIterType)
        self.obj = obj


def _PyGenericAlias_Check(op: PyObject) -> bool:
    """CPython: Include/internal/pycore_unionobject.h:_PyGenericAlias_Check"""
    return PyObject_TypeCheck(op, Py_GenericAliasType)


def _ga(op: PyObject) -> gaobject:
    """pyvm: C's ``(gaobject *)op`` cast."""
    assert isinstance(op, gaobject)
    return op


def _origin(alias: gaobject) -> PyObject:
    """pyvm: the (borrowed) origin of a live alias."""
    o = alias.origin
    assert o is not None
    return o


def _args(alias: gaobject) -> PyObject:
    """pyvm: the (borrowed) args tuple of a live alias."""
    a = alias.args
    assert a is not None
    return a


def _items(t: PyObject) -> list[PyObject]:
    """pyvm: the items of a tuple (``&PyTuple_GET_ITEM(t, 0)``)."""
    assert isinstance(t, PyTupleObject)
    return t.ob_item


def _type_error(msg: str) -> NoReturn:
    """pyvm: raise a pyvm TypeError."""
    PyErr_SetString(PyExc_TypeError, msg)


def ga_dealloc(self_: PyObject) -> None:
    """CPython: Objects/genericaliasobject.c:ga_dealloc"""
    alias = _ga(self_)
    PyObject_ClearWeakRefs(alias)
    o, a, p = alias.origin, alias.args, alias.parameters
    alias.origin = alias.args = alias.parameters = None
    Py_XDECREF(o)
    Py_XDECREF(a)
    Py_XDECREF(p)


def ga_repr_items_list(p: PyObject) -> str:
    """CPython: Objects/genericaliasobject.c:ga_repr_items_list

    ``[int, str]``: the list argument of a ParamSpec-taking alias.
    pyvm: returns the text instead of writing to a ``PyUnicodeWriter``.
    """
    assert isinstance(p, PyListObject)
    parts: list[str] = []
    i = 0
    while i < len(p.ob_item):  # the list can be mutated by a repr
        item = p.ob_item[i]
        Py_INCREF(item)
        try:
            parts.append(_Py_typing_type_repr(item))
        finally:
            Py_DECREF(item)
        i += 1
    return "[" + ", ".join(parts) + "]"


def ga_repr(self_: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:ga_repr

    ``list[int]``, ``*tuple[int, ...]``, ``tuple[()]`` for no arguments.
    """
    alias = _ga(self_)
    out = "*" if alias.starred else ""
    out += _Py_typing_type_repr(_origin(alias)) + "["
    items = _items(_args(alias))
    parts: list[str] = []
    for p in items:
        if PyList_CheckExact(p):
            parts.append(ga_repr_items_list(p))
        else:
            parts.append(_Py_typing_type_repr(p))
    out += ", ".join(parts)
    if not items:
        out += "()"
    return PyUnicode_FromString(out + "]")


def tuple_index(items: list[PyObject], length: int, item: PyObject) -> int:
    """CPython: Objects/genericaliasobject.c:tuple_index

    Index of ``item`` (by identity) in ``items[:length]``, or -1.
    """
    for i in range(length):
        if items[i] is item:
            return i
    return -1


def tuple_add(items: list[PyObject], item: PyObject) -> int:
    """CPython: Objects/genericaliasobject.c:tuple_add

    pyvm: appends a new reference to ``item`` to the growing list unless it is
    there already; returns 1 if added.
    """
    if tuple_index(items, len(items), item) < 0:
        Py_INCREF(item)
        items.append(item)
        return 1
    return 0


def tuple_extend(dst: list[PyObject], src: list[PyObject]) -> None:
    """CPython: Objects/genericaliasobject.c:tuple_extend

    pyvm: appends new references to the items of ``src`` to the growing list
    (C resizes the tuple it fills in place).
    """
    for item in src:
        Py_INCREF(item)
        dst.append(item)


def _release(items: list[PyObject]) -> None:
    """pyvm: drop the references a half-built tuple holds."""
    for o in items:
        Py_DECREF(o)


def _Py_make_parameters(args: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:_Py_make_parameters

    The ``__parameters__`` of an alias over ``args`` (a tuple or a list): the
    arguments with ``__typing_subst__`` and the ``__parameters__`` of the
    others (lists and tuples searched recursively), each once. Classes are
    skipped (their ``__parameters__`` would be a descriptor). New reference.
    """
    assert PyTuple_Check(args) or PyList_Check(args)
    _Py_EnterRecursiveCall(" in __parameter__ calculation")
    try:
        tuple_args: Optional[PyObject] = None
        if PyList_Check(args):
            args = tuple_args = PySequence_Tuple(args)
        parameters: list[PyObject] = []
        try:
            for t in _items(args):
                if PyType_Check(t):
                    continue
                if PyObject_HasAttrWithError(t, PyUnicode_InternFromString("__typing_subst__")):
                    tuple_add(parameters, t)
                    continue
                subparams = PyObject_GetOptionalAttr(
                    t, PyUnicode_InternFromString("__parameters__"))
                if subparams is None and (PyTuple_Check(t) or PyList_Check(t)):
                    subparams = _Py_make_parameters(t)
                if subparams is not None:
                    try:
                        if PyTuple_Check(subparams):
                            for t2 in _items(subparams):
                                tuple_add(parameters, t2)
                    finally:
                        Py_DECREF(subparams)
        except PyErr:
            _release(parameters)
            raise
        finally:
            if tuple_args is not None:
                Py_DECREF(tuple_args)
        return _PyTuple_FromArraySteal(parameters)
    finally:
        _Py_LeaveRecursiveCall()


def subs_tvars(obj: PyObject, params: PyObject, argitems: list[PyObject]) -> PyObject:
    """CPython: Objects/genericaliasobject.c:subs_tvars

    If ``obj`` has a non-empty ``__parameters__`` tuple, subscript it with the
    substitutions of its parameters (``list[T]`` with T -> str gives
    ``list[str]``; a TypeVarTuple's tuple of substitutions is spliced in);
    else ``obj`` itself. New reference.
    """
    subparams = PyObject_GetOptionalAttr(obj, PyUnicode_InternFromString("__parameters__"))
    if subparams is None:
        Py_INCREF(obj)
        return obj
    try:
        if not (PyTuple_Check(subparams) and _items(subparams)):
            Py_INCREF(obj)
            return obj
        pitems = _items(params)
        nparams = len(pitems)
        subargs: list[PyObject] = []
        try:
            for arg in _items(subparams):
                iparam = tuple_index(pitems, nparams, arg)
                if iparam >= 0:
                    param = pitems[iparam]
                    arg = argitems[iparam]
                    if param.ob_type.tp_iter is not None and PyTuple_Check(arg):  # TypeVarTuple
                        tuple_extend(subargs, _items(arg))
                        continue
                Py_INCREF(arg)
                subargs.append(arg)
        except PyErr:
            _release(subargs)
            raise
        t = _PyTuple_FromArraySteal(subargs)
        try:
            return PyObject_GetItem(obj, t)
        finally:
            Py_DECREF(t)
    finally:
        Py_DECREF(subparams)


def _is_unpacked_typevartuple(arg: PyObject) -> bool:
    """CPython: Objects/genericaliasobject.c:_is_unpacked_typevartuple"""
    if PyType_Check(arg):
        return False
    tmp = PyObject_GetOptionalAttr(
        arg, PyUnicode_InternFromString("__typing_is_unpacked_typevartuple__"))
    if tmp is None:
        return False
    try:
        return PyObject_IsTrue(tmp)
    finally:
        Py_DECREF(tmp)


def _unpacked_tuple_args(arg: PyObject) -> Optional[PyObject]:
    """CPython: Objects/genericaliasobject.c:_unpacked_tuple_args

    The arguments of an unpacked tuple type (``*tuple[int, str]`` gives
    ``(int, str)``), or None. New reference.
    """
    assert not PyType_Check(arg)
    if isinstance(arg, gaobject) and arg.starred and arg.origin is PyTuple_Type:
        result = _args(arg)
        Py_INCREF(result)
        return result
    r = PyObject_GetOptionalAttr(arg, PyUnicode_InternFromString("__typing_unpacked_tuple_args__"))
    if r is Py_None:
        Py_DECREF(r)
        return None
    return r


def _unpack_args(item: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:_unpack_args

    The subscript as a tuple, with every unpacked tuple type of fixed length
    (``*tuple[int, str]``) replaced by its arguments. New reference.
    """
    newargs: list[PyObject] = []
    argitems = _items(item) if PyTuple_Check(item) else [item]
    try:
        for it in argitems:
            if not PyType_Check(it):
                subargs = _unpacked_tuple_args(it)
                if subargs is not None:
                    spliced = False
                    try:
                        if PyTuple_Check(subargs):
                            sub = _items(subargs)
                            if not (sub and sub[-1] is Py_Ellipsis):
                                tuple_extend(newargs, sub)
                                spliced = True
                    finally:
                        Py_DECREF(subargs)
                    if spliced:
                        continue
            Py_INCREF(it)
            newargs.append(it)
    except PyErr:
        _release(newargs)
        raise
    return _PyTuple_FromArraySteal(newargs)


def _Py_subs_parameters(self_: PyObject, args: PyObject, parameters: PyObject,
                        item: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:_Py_subs_parameters

    The arguments of ``self[item]``: every parameter in ``args`` replaced by its
    substitution (``dict[str, T][int]`` gives ``(str, int)``; lists and tuples
    among the arguments are substituted recursively, nested aliases through
    :func:`subs_tvars`). All arguments are borrowed; returns a new tuple.
    """
    pitems = _items(parameters)
    nparams = len(pitems)
    if nparams == 0:
        _type_error(f"{_PyObject_ReprStr(self_)} is not a generic class")
    item = _unpack_args(item)
    try:
        for param in pitems:
            prepare = PyObject_GetOptionalAttr(
                param, PyUnicode_InternFromString("__typing_prepare_subst__"))
            if prepare is not None and prepare is not Py_None:
                try:
                    if PyTuple_Check(item):
                        tmp = PyObject_Vectorcall(prepare, [self_, item], 0, 2, None)
                    else:
                        packed = _PyTuple_FromArray([item])
                        try:
                            tmp = PyObject_Vectorcall(prepare, [self_, packed], 0, 2, None)
                        finally:
                            Py_DECREF(packed)
                finally:
                    Py_DECREF(prepare)
                Py_DECREF(item)
                item = tmp
            else:
                Py_XDECREF(prepare)
        argitems = _items(item) if PyTuple_Check(item) else [item]
        nitems = len(argitems)
        if nitems != nparams:
            _type_error(f"Too {'many' if nitems > nparams else 'few'} arguments for "
                        f"{_PyObject_ReprStr(self_)}; actual {nitems}, expected {nparams}")
        # Replace all type variables (specified by parameters) with the
        # corresponding values specified by argitems:
        #   t = list[T];          t[int]      -> newargs = [int]
        #   t = dict[str, T];     t[int]      -> newargs = [str, int]
        #   t = dict[T, list[S]]; t[str, int] -> newargs = [str, list[int]]
        #   t = list[[T]];        t[str]      -> newargs = [[str]]
        assert PyTuple_Check(args) or PyList_Check(args)
        tuple_args: Optional[PyObject] = None
        if PyList_Check(args):
            args = tuple_args = PySequence_Tuple(args)
        newargs: list[PyObject] = []
        try:
            for arg in _items(args):
                if PyType_Check(arg):
                    Py_INCREF(arg)
                    newargs.append(arg)
                    continue
                # Recursively substitute params in lists/tuples.
                if PyTuple_Check(arg) or PyList_Check(arg):
                    subargs = _Py_subs_parameters(self_, arg, parameters, item)
                    if PyTuple_Check(arg):
                        newargs.append(subargs)
                    else:
                        # A list argument stays a list.
                        try:
                            newargs.append(PySequence_List(subargs))
                        finally:
                            Py_DECREF(subargs)
                    continue
                unpack = _is_unpacked_typevartuple(arg)
                subst = PyObject_GetOptionalAttr(arg, PyUnicode_InternFromString("__typing_subst__"))
                if subst is not None:
                    iparam = tuple_index(pitems, nparams, arg)
                    assert iparam >= 0
                    try:
                        res = PyObject_CallOneArg(subst, argitems[iparam])
                    finally:
                        Py_DECREF(subst)
                else:
                    res = subs_tvars(arg, parameters, argitems)
                if unpack:
                    try:
                        if not PyTuple_Check(res):
                            _type_error("expected __typing_subst__ of "
                                        f"{arg.ob_type.tp_name} objects to return a tuple, "
                                        f"not {res.ob_type.tp_name}")
                        tuple_extend(newargs, _items(res))
                    finally:
                        Py_DECREF(res)
                else:
                    newargs.append(res)
        except PyErr:
            _release(newargs)
            raise
        finally:
            if tuple_args is not None:
                Py_DECREF(tuple_args)
        return _PyTuple_FromArraySteal(newargs)
    finally:
        Py_DECREF(item)


def ga_getitem(self_: PyObject, item: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:ga_getitem

    ``list[T][int]``: a new alias over the substituted arguments, starred if
    this one is.
    """
    alias = _ga(self_)
    if alias.parameters is None:
        alias.parameters = _Py_make_parameters(_args(alias))
    newargs = _Py_subs_parameters(self_, _args(alias), alias.parameters, item)
    try:
        res = Py_GenericAlias(_origin(alias), newargs)
    finally:
        Py_DECREF(newargs)
    _ga(res).starred = alias.starred
    return res


def ga_hash(self_: PyObject) -> int:
    """CPython: Objects/genericaliasobject.c:ga_hash"""
    alias = _ga(self_)
    h0 = PyObject_Hash(_origin(alias))
    h1 = PyObject_Hash(_args(alias))
    h = h0 ^ h1
    # pyvm: -1 is C's error return; C leaves this corner alone, -2 keeps the
    # hash a valid one here.
    return -2 if h == -1 else h


def set_orig_class(obj: PyObject, self_: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:set_orig_class

    ``obj.__orig_class__ = self``, ignoring objects that refuse the attribute.
    Takes over ``obj`` and returns it.
    """
    try:
        PyObject_SetAttr(obj, PyUnicode_InternFromString("__orig_class__"), self_)
    except PyErr as e:
        if not e.matches(PyExc_AttributeError) and not e.matches(PyExc_TypeError):
            Py_DECREF(obj)
            raise
        _PyErr_Clear(e)
    return obj


def ga_call(self_: PyObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/genericaliasobject.c:ga_call

    pyvm: also stands for ``ga_vectorcall`` (see the module docstring).
    """
    alias = _ga(self_)
    obj = PyObject_Call(_origin(alias), args, kwds)
    return set_orig_class(obj, self_)


# The alias's own attributes, not looked up on the origin.
attr_exceptions: Final = (
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",  # needed so we don't look up object.__reduce_ex__
    "__reduce__",
)

# Never forwarded to the origin (forwarding them broke existing code).
attr_blocked: Final = (
    "__bases__",
    "__copy__",
    "__deepcopy__",
)


def ga_getattro(self_: PyObject, name: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:ga_getattro"""
    alias = _ga(self_)
    if isinstance(name, PyUnicodeObject):
        s = name.value
        if s not in attr_blocked and s not in attr_exceptions:
            return PyObject_GetAttr(_origin(alias), name)
    return PyObject_GenericGetAttr(self_, name)


def ga_richcompare(a: PyObject, b: PyObject, op: int) -> PyObject:
    """CPython: Objects/genericaliasobject.c:ga_richcompare

    Equal when both are starred or not and origin and args are equal.
    """
    if not _PyGenericAlias_Check(b) or (op != Py_EQ and op != Py_NE):
        return Py_NotImplemented
    if op == Py_NE:
        eq = ga_richcompare(a, b, Py_EQ)
        Py_DECREF(eq)
        return Py_False if eq is Py_True else Py_True
    aa = _ga(a)
    bb = _ga(b)
    if aa.starred != bb.starred:
        return Py_False
    if not PyObject_RichCompareBool(_origin(aa), _origin(bb), Py_EQ):
        return Py_False
    return PyObject_RichCompare(_args(aa), _args(bb), Py_EQ)


def ga_mro_entries(self_: PyObject, args: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:ga_mro_entries

    ``class C(list[int])`` derives from ``list``.
    """
    return _PyTuple_FromArray([_origin(_ga(self_))])


def ga_instancecheck(self_: PyObject, ignored: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:ga_instancecheck"""
    _type_error("isinstance() argument 2 cannot be a parameterized generic")


def ga_subclasscheck(self_: PyObject, ignored: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:ga_subclasscheck"""
    _type_error("issubclass() argument 2 cannot be a parameterized generic")


def _builtin(name: str) -> PyObject:
    """pyvm: C's ``_PyEval_GetBuiltin(name)`` (Python/ceval.c): the builtin of that
    name, a new reference."""
    # ceval -> import_ -> _typingmodule -> unionobject -> this module
    from pyvm.eval.ceval import _PyEval_GetBuiltins  # cycle
    builtins = _PyEval_GetBuiltins(_tstate)
    key = PyUnicode_InternFromString(name)
    r = PyDict_GetItemWithError(builtins, key)
    if r is None:
        PyErr_SetString(PyExc_AttributeError, name)
    Py_INCREF(r)
    return r


def ga_reduce(self_: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:ga_reduce

    ``(GenericAlias, (origin, args))``; a starred alias is rebuilt by
    ``next(iter(origin[args]))``.
    """
    alias = _ga(self_)
    if alias.starred:
        tmp = Py_GenericAlias(_origin(alias), _args(alias))
        try:
            it = PyObject_GetIter(tmp)
        finally:
            Py_DECREF(tmp)
        try:
            nxt = _builtin("next")
        except PyErr:
            Py_DECREF(it)
            raise
        inner = _PyTuple_FromArraySteal([it])
        return _PyTuple_FromArraySteal([nxt, inner])
    inner = _PyTuple_FromArray([_origin(alias), _args(alias)])
    Py_INCREF(alias.ob_type)
    return _PyTuple_FromArraySteal([alias.ob_type, inner])


def ga_dir(self_: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:ga_dir

    ``dir(origin)`` plus the alias's own attributes.
    """
    alias = _ga(self_)
    d = PyObject_Dir(_origin(alias))
    try:
        for name in attr_exceptions:
            entry = PyUnicode_FromString(name)
            try:
                if not PySequence_Contains(d, entry):
                    PyList_Append(d, entry)
            finally:
                Py_DECREF(entry)
    except PyErr:
        Py_DECREF(d)
        raise
    return d


def ga_get_origin(op: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:origin (the ``__origin__`` member)"""
    o = _origin(_ga(op))
    Py_INCREF(o)
    return o


def ga_get_args(op: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:args (the ``__args__`` member)"""
    a = _args(_ga(op))
    Py_INCREF(a)
    return a


def ga_get_unpacked(op: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:starred (the ``__unpacked__`` member)"""
    return PyBool_FromLong(1 if _ga(op).starred else 0)


def ga_parameters_lock_held(self_: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:ga_parameters_lock_held"""
    alias = _ga(self_)
    if alias.parameters is None:
        alias.parameters = _Py_make_parameters(_args(alias))
    p = alias.parameters
    Py_INCREF(p)
    return p


def ga_parameters(self_: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:ga_parameters"""
    return ga_parameters_lock_held(self_)


def ga_unpacked_tuple_args(self_: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:ga_unpacked_tuple_args"""
    alias = _ga(self_)
    if alias.starred and alias.origin is PyTuple_Type:
        a = _args(alias)
        Py_INCREF(a)
        return a
    return Py_None


def setup_ga(alias: gaobject, origin: PyObject, args: PyObject) -> None:
    """CPython: Objects/genericaliasobject.c:setup_ga

    Fills a new alias: a non-tuple ``args`` becomes a 1-tuple. Arguments borrowed.
    """
    if not PyTuple_Check(args):
        args = _PyTuple_FromArray([args])
    else:
        Py_INCREF(args)
    Py_INCREF(origin)
    alias.origin = origin
    alias.args = args
    alias.parameters = None


def ga_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/genericaliasobject.c:ga_new

    ``types.GenericAlias(origin, args)``.
    """
    if kwds is not None and PyDict_Size(kwds) != 0:
        _type_error("GenericAlias() takes no keyword arguments")
    items = _items(args)
    _PyArg_CheckPositional("GenericAlias", len(items), 2, 2)
    self_ = gaobject(tp)
    setup_ga(self_, items[0], items[1])
    return self_


def ga_or(self_: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/unionobject.c:_Py_union_type_or

    pyvm: the ``nb_or`` of GenericAlias; unionobject.py sits above this module.
    """
    from pyvm.objects.unionobject import _Py_union_type_or  # cycle: unionobject imports us
    return _Py_union_type_or(self_, other)


def ga_iternext(op: PyObject) -> Optional[PyObject]:
    """CPython: Objects/genericaliasobject.c:ga_iternext

    Yields the starred alias once: ``[*tuple[int]]`` is ``[*tuple[int]]``.
    """
    assert isinstance(op, gaiterobject)
    obj = op.obj
    if obj is None:
        return None
    alias = _ga(obj)
    starred_alias = Py_GenericAlias(_origin(alias), _args(alias))
    _ga(starred_alias).starred = True
    op.obj = None
    Py_DECREF(obj)
    return starred_alias


def ga_iter_clear(op: PyObject) -> bool:
    """CPython: Objects/genericaliasobject.c:ga_iter_clear"""
    assert isinstance(op, gaiterobject)
    obj = op.obj
    op.obj = None
    Py_XDECREF(obj)
    return False


def ga_iter_dealloc(op: PyObject) -> None:
    """CPython: Objects/genericaliasobject.c:ga_iter_dealloc"""
    ga_iter_clear(op)


def ga_iter_reduce(op: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:ga_iter_reduce"""
    it = _builtin("iter")
    assert isinstance(op, gaiterobject)
    obj = op.obj
    if obj is not None:
        inner = _PyTuple_FromArray([obj])
    else:
        empty = _PyTuple_FromArray([])
        inner = _PyTuple_FromArraySteal([empty])
    return _PyTuple_FromArraySteal([it, inner])


def ga_iter(self_: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:ga_iter"""
    Py_INCREF(self_)
    return gaiterobject(self_)


def Py_GenericAlias(origin: PyObject, args: PyObject) -> PyObject:
    """CPython: Objects/genericaliasobject.c:Py_GenericAlias

    ``origin[args]``: a new alias (arguments borrowed). Also the
    ``__class_getitem__`` of the built-in generic classes.
    """
    alias = gaobject(Py_GenericAliasType)
    setup_ga(alias, origin, args)
    return alias


def _ga_init_types() -> None:
    """pyvm: the static initializers of ``Py_GenericAliasType`` and
    ``_Py_GenericAliasIterType``."""
    tp = Py_GenericAliasType
    tp.tp_dealloc = ga_dealloc
    tp.tp_repr = ga_repr
    tp.nb_or = ga_or
    tp.mp_subscript = ga_getitem
    tp.tp_hash = ga_hash
    tp.tp_call = ga_call
    tp.tp_getattro = ga_getattro
    tp.tp_richcompare = ga_richcompare
    tp.tp_weaklistoffset = MANAGED_WEAKREF_OFFSET
    tp.tp_new = ga_new
    tp.tp_iter = ga_iter
    _PyType_AddMethods(tp, [
        PyMethodDef("__mro_entries__", ga_mro_entries, METH_O),
        PyMethodDef("__instancecheck__", ga_instancecheck, METH_O),
        PyMethodDef("__subclasscheck__", ga_subclasscheck, METH_O),
        PyMethodDef("__reduce__", ga_reduce, METH_NOARGS),
        PyMethodDef("__dir__", ga_dir, METH_NOARGS),
    ])
    _PyType_AddMembers(tp, [
        PyMemberDef("__origin__", ga_get_origin, None, Py_READONLY),
        PyMemberDef("__args__", ga_get_args, None, Py_READONLY),
        PyMemberDef("__unpacked__", ga_get_unpacked, None, Py_READONLY),
    ])
    _PyType_AddGetSets(tp, [
        PyGetSetDef("__parameters__", ga_parameters, None,
                    "Type variables in the GenericAlias."),
        PyGetSetDef("__typing_unpacked_tuple_args__", ga_unpacked_tuple_args, None),
    ])
    it = _Py_GenericAliasIterType
    it.tp_iter = PyObject_SelfIter
    it.tp_iternext = ga_iternext
    it.tp_dealloc = ga_iter_dealloc
    it.tp_clear = ga_iter_clear
    _PyType_AddMethods(it, [
        PyMethodDef("__reduce__", ga_iter_reduce, METH_NOARGS),
    ])


_ga_init_types()
