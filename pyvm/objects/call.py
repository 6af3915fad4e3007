"""Ports Objects/call.c: calling objects.

Two conventions meet here, as in C. ``tp_call(callable, args_tuple, kwargs_dict)``
is the old one; *vectorcall* ``f(callable, args, start, nargs, kwnames)`` passes
the positional arguments as ``args[start:start + nargs]`` of a host list (the eval
loop's value stack, say) followed by one value per name of the ``kwnames`` tuple,
so a call builds no tuple or dict.

Where C keeps a vectorcall function pointer in each callable object (found through
``tp_vectorcall_offset``), pyvm keeps it in the type: a type with
``Py_TPFLAGS_HAVE_VECTORCALL`` calls its instances through its ``tp_vectorcall``.
A type without that flag may still have a ``tp_vectorcall``: then it is the
vectorcall for calling *the type object itself* (C's per-type ``tp_vectorcall``,
``tuple(x)``), which ``type``'s instance vectorcall (``typeobject.type_vectorcall``)
uses. :func:`_PyVectorcall_Function` is the one place that reads this rule.

pyvm: C's ``PY_VECTORCALL_ARGUMENTS_OFFSET`` (the callee may borrow ``args[-1]``)
becomes the explicit ``start``; a bound method may use ``args[start - 1]`` when
``start > 0`` only if the caller said so, which no caller does yet.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional

from pyvm.objects.object import (
    Py_DECREF, Py_INCREF, Py_TPFLAGS_HAVE_VECTORCALL, PyErr_Format, PyObject, PyTypeObject,
    PyObject_GetAttr, _PyObject_GetMethod, vectorcallfunc, PyUnicode_Check,
    _Py_EnterRecursiveCall, _Py_LeaveRecursiveCall,
)


def _tuple_items(t: PyObject) -> list[PyObject]:
    """pyvm: the item list of a tuple (C's ``PyTuple_GET_ITEM`` loop)."""
    from pyvm.objects.tupleobject import PyTupleObject  # cycle: tuple sits above us
    assert isinstance(t, PyTupleObject)
    return t.ob_item


def _type_error(msg: str) -> None:
    """pyvm: raise TypeError (the exception types sit above this module)."""
    from pyvm.objects.exceptions import PyExc_TypeError  # cycle
    PyErr_Format(PyExc_TypeError, msg)


def _PyVectorcall_Function(callable: PyObject) -> Optional[vectorcallfunc]:
    """CPython: Include/internal/pycore_call.h:_PyVectorcall_FunctionInline

    The vectorcall function of ``callable`` or None (see the module docstring).
    """
    tp = callable.ob_type
    if tp.tp_flags & Py_TPFLAGS_HAVE_VECTORCALL:
        return tp.tp_vectorcall
    return None


def PyVectorcall_Function(callable: PyObject) -> Optional[vectorcallfunc]:
    """CPython: Objects/call.c:PyVectorcall_Function"""
    return _PyVectorcall_Function(callable)


def _PyStack_AsDict(args: list[PyObject], kwstart: int, kwnames: PyObject) -> PyObject:
    """CPython: Objects/call.c:_PyStack_AsDict

    A new dict of the keyword arguments ``args[kwstart:]`` named by ``kwnames``.
    """
    from pyvm.objects.dictobject import PyDict_SetItem, _PyDict_NewPresized  # cycle
    names = _tuple_items(kwnames)
    d = _PyDict_NewPresized(len(names))
    for i in range(len(names)):
        PyDict_SetItem(d, names[i], args[kwstart + i])
    return d


def _PyStack_UnpackDict(args: list[PyObject], start: int, nargs: int,
                        kwargs: Optional[PyObject]) -> tuple[list[PyObject], Optional[PyObject]]:
    """CPython: Objects/call.c:_PyStack_UnpackDict

    The vector ``positional + keyword values`` and the ``kwnames`` tuple (a new
    reference, or None) for a call made with a kwargs dict. The vector holds
    borrowed references.
    """
    from pyvm.objects.dictobject import PyDict_Next, PyDict_Size  # cycle
    from pyvm.objects.tupleobject import _PyTuple_FromArray  # cycle
    stack = args[start:start + nargs]
    if kwargs is None or PyDict_Size(kwargs) == 0:
        return stack, None
    names: list[PyObject] = []
    pos = 0
    while True:
        r = PyDict_Next(kwargs, pos)
        if r is None:
            break
        pos, k, v = r
        if not PyUnicode_Check(k):
            _type_error("keywords must be strings")
        names.append(k)
        stack.append(v)
    return stack, _PyTuple_FromArray(names)


def _PyObject_MakeTpCall(callable: PyObject, args: list[PyObject], start: int, nargs: int,
                         kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/call.c:_PyObject_MakeTpCall

    A vectorcall to an object that only has ``tp_call``: builds the tuple and dict.
    """
    call = callable.ob_type.tp_call
    if call is None:
        _type_error(f"'{callable.ob_type.tp_name}' object is not callable")
    assert call is not None
    from pyvm.objects.tupleobject import _PyTuple_FromArray  # cycle
    argstuple = _PyTuple_FromArray(args[start:start + nargs])
    kwdict: Optional[PyObject] = None
    if kwnames is not None and len(_tuple_items(kwnames)) > 0:
        kwdict = _PyStack_AsDict(args, start + nargs, kwnames)
    _Py_EnterRecursiveCall(" while calling a Python object")
    try:
        return call(callable, argstuple, kwdict)
    finally:
        _Py_LeaveRecursiveCall()
        Py_DECREF(argstuple)
        if kwdict is not None:
            Py_DECREF(kwdict)


def PyObject_Vectorcall(callable: PyObject, args: list[PyObject], start: int, nargs: int,
                        kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Include/abstract.h:PyObject_Vectorcall

    CPython: Include/internal/pycore_call.h:_PyObject_VectorcallTstate
    Returns a new reference.
    """
    tp = callable.ob_type
    if tp.tp_flags & Py_TPFLAGS_HAVE_VECTORCALL:
        f = tp.tp_vectorcall
        if f is not None:
            return f(callable, args, start, nargs, kwnames)
    return _PyObject_MakeTpCall(callable, args, start, nargs, kwnames)


def PyObject_VectorcallDict(callable: PyObject, args: list[PyObject], start: int, nargs: int,
                            kwargs: Optional[PyObject]) -> PyObject:
    """CPython: Objects/call.c:PyObject_VectorcallDict

    CPython: Objects/call.c:PyObject_VectorcallDict
    """
    f = _PyVectorcall_Function(callable)
    if f is None:
        call = callable.ob_type.tp_call
        if call is None:
            _type_error(f"'{callable.ob_type.tp_name}' object is not callable")
        assert call is not None
        from pyvm.objects.tupleobject import _PyTuple_FromArray  # cycle
        t = _PyTuple_FromArray(args[start:start + nargs])
        try:
            return call(callable, t, kwargs)
        finally:
            Py_DECREF(t)
    stack, kwnames = _PyStack_UnpackDict(args, start, nargs, kwargs)
    try:
        return f(callable, stack, 0, nargs, kwnames)
    finally:
        if kwnames is not None:
            Py_DECREF(kwnames)


def PyVectorcall_Call(callable: PyObject, tuple: PyObject, kwargs: Optional[PyObject]) -> PyObject:
    """CPython: Objects/call.c:PyVectorcall_Call

    The ``tp_call`` of a type whose instances have a vectorcall.
    CPython: Objects/call.c:_PyVectorcall_Call
    """
    f = _PyVectorcall_Function(callable)
    if f is None:
        _type_error(f"'{callable.ob_type.tp_name}' object does not support vectorcall")
    assert f is not None
    items = _tuple_items(tuple)
    if kwargs is None:
        return f(callable, items, 0, len(items), None)
    stack, kwnames = _PyStack_UnpackDict(items, 0, len(items), kwargs)
    try:
        return f(callable, stack, 0, len(items), kwnames)
    finally:
        if kwnames is not None:
            Py_DECREF(kwnames)


def PyObject_Call(callable: PyObject, args: PyObject, kwargs: Optional[PyObject]) -> PyObject:
    """CPython: Objects/call.c:PyObject_Call

    CPython: Objects/call.c:_PyObject_Call
    ``args`` is a tuple, ``kwargs`` a dict or None. Returns a new reference.
    """
    f = _PyVectorcall_Function(callable)
    if f is not None:
        items = _tuple_items(args)
        if kwargs is None:
            return f(callable, items, 0, len(items), None)
        stack, kwnames = _PyStack_UnpackDict(items, 0, len(items), kwargs)
        try:
            return f(callable, stack, 0, len(items), kwnames)
        finally:
            if kwnames is not None:
                Py_DECREF(kwnames)
    call = callable.ob_type.tp_call
    if call is None:
        _type_error(f"'{callable.ob_type.tp_name}' object is not callable")
    assert call is not None
    _Py_EnterRecursiveCall(" while calling a Python object")
    try:
        return call(callable, args, kwargs)
    finally:
        _Py_LeaveRecursiveCall()


def PyObject_CallObject(callable: PyObject, args: Optional[PyObject]) -> PyObject:
    """CPython: Objects/call.c:PyObject_CallObject"""
    if args is None:
        return PyObject_CallNoArgs(callable)
    return PyObject_Call(callable, args, None)


def PyObject_CallNoArgs(func: PyObject) -> PyObject:
    """CPython: Objects/call.c:PyObject_CallNoArgs"""
    return PyObject_Vectorcall(func, [], 0, 0, None)


def PyObject_CallOneArg(func: PyObject, arg: PyObject) -> PyObject:
    """CPython: Include/cpython/abstract.h:PyObject_CallOneArg"""
    return PyObject_Vectorcall(func, [arg], 0, 1, None)


def _PyObject_CallFunctionArgs(callable: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/call.c:PyObject_CallFunctionObjArgs

    pyvm: C's NULL-terminated varargs become a host list.
    """
    return PyObject_Vectorcall(callable, args, 0, len(args), None)


def PyObject_CallFunctionObjArgs(callable: PyObject, *args: PyObject) -> PyObject:
    """CPython: Objects/call.c:PyObject_CallFunctionObjArgs"""
    lst = list(args)
    return PyObject_Vectorcall(callable, lst, 0, len(lst), None)


def PyObject_VectorcallMethod(name: PyObject, args: list[PyObject], start: int, nargs: int,
                              kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Objects/call.c:PyObject_VectorcallMethod

    ``args[start]`` is the object whose method ``name`` is called with the rest.
    """
    obj = args[start]
    callable, unbound = _PyObject_GetMethod(obj, name)
    try:
        if unbound:
            return PyObject_Vectorcall(callable, args, start, nargs, kwnames)
        return PyObject_Vectorcall(callable, args, start + 1, nargs - 1, kwnames)
    finally:
        Py_DECREF(callable)


def PyObject_CallMethodObjArgs(obj: PyObject, name: PyObject, *args: PyObject) -> PyObject:
    """CPython: Objects/call.c:PyObject_CallMethodObjArgs"""
    lst = [obj]
    lst.extend(args)
    return PyObject_VectorcallMethod(name, lst, 0, len(lst), None)


def _PyObject_CallMethod(obj: PyObject, name: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/call.c:_PyObject_CallMethod

    pyvm: C's format string becomes the argument list.
    """
    lst = [obj]
    lst.extend(args)
    return PyObject_VectorcallMethod(name, lst, 0, len(lst), None)


def PyObject_CallMethod(obj: PyObject, name: str, args: list[PyObject]) -> PyObject:
    """CPython: Objects/call.c:PyObject_CallMethod

    pyvm: ``name`` is host text, ``args`` the already built arguments.
    """
    from pyvm.objects.unicodeobject import PyUnicode_InternFromString  # cycle
    return _PyObject_CallMethod(obj, PyUnicode_InternFromString(name), args)


def PyObject_CallMethodNoArgs(obj: PyObject, name: PyObject) -> PyObject:
    """CPython: Include/cpython/abstract.h:PyObject_CallMethodNoArgs"""
    return PyObject_VectorcallMethod(name, [obj], 0, 1, None)


def PyObject_CallMethodOneArg(obj: PyObject, name: PyObject, arg: PyObject) -> PyObject:
    """CPython: Include/cpython/abstract.h:PyObject_CallMethodOneArg"""
    return PyObject_VectorcallMethod(name, [obj, arg], 0, 2, None)


def _PyObject_Call_Prepend(callable: PyObject, obj: PyObject, args: PyObject,
                           kwargs: Optional[PyObject]) -> PyObject:
    """CPython: Objects/call.c:_PyObject_Call_Prepend"""
    stack = [obj]
    stack.extend(_tuple_items(args))
    return PyObject_VectorcallDict(callable, stack, 0, len(stack), kwargs)


def _PyObject_GetAttrAndCall(obj: PyObject, name: PyObject, args: list[PyObject]) -> PyObject:
    """pyvm: ``getattr(obj, name)(*args)`` for objects whose method is not a
    plain descriptor (the generic path of ``callmethod``)."""
    f = PyObject_GetAttr(obj, name)
    try:
        return PyObject_Vectorcall(f, args, 0, len(args), None)
    finally:
        Py_DECREF(f)


# PyTypeObject is re-exported for the callers that build vectorcall types.
__all__ = ["PyObject_Call", "PyObject_Vectorcall", "PyObject_CallNoArgs", "PyObject_CallOneArg",
           "PyObject_VectorcallMethod", "PyVectorcall_Call", "_PyObject_MakeTpCall",
           "PyObject_VectorcallDict", "PyObject_CallMethod", "_PyObject_CallMethod",
           "_PyStack_AsDict", "PyTypeObject", "Py_INCREF"]
