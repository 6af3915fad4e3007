"""Ports Python/_warnings.c: the warnings machinery and the ``_warnings`` module.

The C half of ``warnings`` keeps its state in the interpreter
(``interp->warnings``, :class:`WarningsState` here): the filters list, the
"once" registry, the default action and a version number that
``_filters_mutated_lock_held`` bumps so that every per-module registry
(``__warningregistry__`` in a module's globals, whose ``version`` key records
the version it was filled under) is cleared on its next use. The filters are
those of a release build (:func:`init_filters`): ``default`` for
DeprecationWarning in ``__main__``, ``ignore`` for DeprecationWarning,
PendingDeprecationWarning, ImportWarning and ResourceWarning.

A warning goes ``PyErr_WarnEx`` → ``do_warn`` → ``setup_context`` (the frame
``stacklevel`` levels up gives the file, line, module and registry) →
``warn_explicit`` (the registry says whether it was already shown; the first
matching filter gives the action: ``error`` raises the warning,
``ignore``/``once``/``module``/``default``/``always``/``all`` decide whether it
is shown) → ``call_show_warning``.

Showing. CPython's ``call_show_warning`` hands the warning to the Python
``warnings`` module (``warnings._showwarnmsg``), falling back to C's
``show_warning`` only when that module cannot be imported. pyvm cannot import
Lib/ yet, so :func:`call_show_warning` writes what ``_showwarnmsg_impl`` of
Lib/_py_warnings.py writes (the text CPython 3.14 really prints:
``file:line: Category: message``, the stripped source line as
``linecache.getline`` finds it, and the tracemalloc hint for a warning with a
``source``) to pyvm's ``sys.stderr``.

``-W`` options and ``PYTHONWARNINGS`` reach ``sys.warnoptions``; CPython's
``warnings`` module turns them into filters when it is imported, which the
interpreter does at start-up when there are any. :func:`_PyWarnings_ProcessOptions`
does that part of Lib/_py_warnings.py for the forms pyvm can express.

pyvm: there are no context variables yet, so the 3.14 ``_warnings_context``
(``catch_warnings`` with ``context_aware_warnings``) is absent and only the
global filters are searched; there is one thread, so the warnings lock is a
recursion count.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.compile.ast_preprocess import syntax_warning_hook
from pyvm.compile.compile import _PyErr_RaiseSyntaxError
from pyvm.eval.frame import _PyFrame_GetFirstComplete, _PyInterpreterFrame
from pyvm.eval.traceback import _getline
from pyvm.modules.bltinmodule import PyFile_WriteObjectRaw, _PyBuiltin_Init
from pyvm.modules.sysmodule import _PySys_Create, _PySys_GetAttr
from pyvm.objects.abstract import (
    PyNumber_AsSsize_t, PyNumber_Index, PyObject_IsInstance, PyObject_IsSubclass,
)
from pyvm.objects.call import PyObject_CallMethodOneArg, PyObject_CallOneArg
from pyvm.objects.codeobject_lines import PyCode_Addr2Line
from pyvm.objects.descrobject import _PyType_AddMethods
from pyvm.objects.dictobject import (
    PyDict_Check, PyDict_Clear, PyDict_GetItemRef, PyDict_New, PyDict_SetItem,
)
from pyvm.objects.exceptions import (
    PyExc_BytesWarning, PyExc_DeprecationWarning, PyExc_EncodingWarning, PyExc_FutureWarning,
    PyExc_ImportWarning, PyExc_OSError, PyExc_OverflowError, PyExc_PendingDeprecationWarning,
    PyExc_ResourceWarning, PyExc_RuntimeError, PyExc_RuntimeWarning, PyExc_SyntaxWarning,
    PyExc_TypeError, PyExc_UnicodeWarning, PyExc_UserWarning, PyExc_ValueError, PyExc_Warning,
)
from pyvm.objects.listobject import PyList_Check, PyList_Insert, PyListObject, _PyList_FromArraySteal
from pyvm.objects.longobject import (
    Py_True, PyLong_AsSsize_t, PyLong_CheckExact, PyLong_FromLong, PyLongObject,
)
from pyvm.objects.methodobject import (
    METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O, PyCFunction_NewEx, PyMethodDef,
)
from pyvm.objects.moduleobject import PyModule_AddObjectRef, PyModule_New, PyModuleObject
from pyvm.objects.object import (
    Py_DECREF, Py_INCREF, Py_NewRef, Py_None, Py_XDECREF, PyErr, PyErr_FormatUnraisable,
    PyErr_SetString, PyObject, PyObject_GetAttr, PyObject_Repr, PyObject_RichCompareBool,
    PyObject_IsTrue, PyObject_Str, PyTypeObject, _PyErr_Clear, _PyErr_Raise, Py_EQ,
)
from pyvm.objects.tupleobject import PyTuple_Pack, PyTupleObject, PyTuple_Check
from pyvm.objects.unicodeobject import (
    PyUnicode_Check, PyUnicode_FromString, PyUnicode_InternFromString, PyUnicodeObject,
    _PyArg_UnpackKeywords,
)
from pyvm.pystate import _tstate

MODULE_NAME: Final = "_warnings"

warnings__doc__: Final = (MODULE_NAME + " provides basic warning filtering support.\n"
                          "It is a helper module to speed up interpreter start-up.")


class WarningsState:
    """CPython: Include/internal/pycore_interp_structs.h:_warnings_runtime_state

    ``interp->warnings``:
    ``filters`` (a list), ``once_registry`` (a dict), ``default_action`` (a
    str), ``filters_version``; ``lock_count`` stands for the recursive mutex.
    The objects are made on first use (C makes them while the interpreter
    starts, ``_PyWarnings_InitState``).
    """

    filters: Optional[PyObject]
    once_registry: Optional[PyObject]
    default_action: Optional[PyObject]
    filters_version: int
    lock_count: int
    module: Optional[PyModuleObject]

    def __init__(self) -> None:
        self.filters = None
        self.once_registry = None
        self.default_action = None
        self.filters_version = 0
        self.lock_count = 0
        self.module = None


_st: Final = WarningsState()


def create_filter(category: PyObject, action: str, modname: Optional[str]) -> PyObject:
    """CPython: Python/_warnings.c:create_filter

    ``(action, None, category, modname, 0)``, a new reference.
    """
    action_str = PyUnicode_InternFromString(action)
    modname_obj = Py_None if modname is None else PyUnicode_InternFromString(modname)
    return PyTuple_Pack(action_str, Py_None, category, modname_obj, PyLong_FromLong(0))


def init_filters() -> PyObject:
    """CPython: Python/_warnings.c:init_filters

    The default filters of a release build (a ``Py_DEBUG`` build starts with
    none; pyvm behaves as CPython's release build does).
    """
    return _PyList_FromArraySteal([
        create_filter(PyExc_DeprecationWarning, "default", "__main__"),
        create_filter(PyExc_DeprecationWarning, "ignore", None),
        create_filter(PyExc_PendingDeprecationWarning, "ignore", None),
        create_filter(PyExc_ImportWarning, "ignore", None),
        create_filter(PyExc_ResourceWarning, "ignore", None),
    ])


def _PyWarnings_InitState() -> WarningsState:
    """CPython: Python/_warnings.c:_PyWarnings_InitState

    The state, its objects made on first call.
    """
    st = _st
    if st.filters is None:
        st.filters = init_filters()
        st.once_registry = PyDict_New()
        st.default_action = PyUnicode_FromString("default")
        st.filters_version = 0
    return st


def _PyWarnings_IgnoreAll() -> None:
    """pyvm: replace the filters by one ``ignore`` filter for every warning
    (what ``-W ignore`` gives). For tools that compile many sources in one
    process (the corpus comparison, the fuzzers, the compile benchmark), whose
    output would drown in SyntaxWarnings."""
    st = _PyWarnings_InitState()
    old = st.filters
    st.filters = _PyList_FromArraySteal([create_filter(PyExc_Warning, "ignore", None)])
    st.filters_version += 1
    if old is not None:
        Py_DECREF(old)


# ---------------------------------------------------------------------------
# Filters


def check_matched(obj: PyObject, arg: PyObject) -> bool:
    """CPython: Python/_warnings.c:check_matched

    ``None`` matches everything, an exact str must be equal, anything else is a
    compiled regular expression whose ``match`` decides.
    """
    if obj is Py_None:
        return True
    if isinstance(obj, PyUnicodeObject) and obj.ob_type.tp_name == "str":
        return PyObject_RichCompareBool(obj, arg, Py_EQ)
    result = PyObject_CallMethodOneArg(obj, PyUnicode_InternFromString("match"), arg)
    try:
        return PyObject_IsTrue(result)
    finally:
        Py_DECREF(result)


def warnings_lock(st: WarningsState) -> None:
    """CPython: Python/_warnings.c:warnings_lock"""
    st.lock_count += 1


def warnings_unlock(st: WarningsState) -> bool:
    """CPython: Python/_warnings.c:warnings_unlock

    False when the lock was not held (C's ``_PyRecursiveMutex_TryUnlock`` < 0).
    """
    if st.lock_count == 0:
        return False
    st.lock_count -= 1
    return True


def warnings_lock_held(st: WarningsState) -> bool:
    """CPython: Python/_warnings.c:warnings_lock_held"""
    return st.lock_count > 0


def get_warnings_filters(st: WarningsState) -> PyObject:
    """CPython: Python/_warnings.c:get_warnings_filters

    The filters list (borrowed). pyvm: no Python ``warnings`` module, so its
    ``filters`` attribute is never consulted.
    """
    filters = st.filters
    if filters is None or not PyList_Check(filters):
        PyErr_SetString(PyExc_ValueError, MODULE_NAME + ".filters must be a list")
    return filters


def get_once_registry(st: WarningsState) -> PyObject:
    """CPython: Python/_warnings.c:get_once_registry (borrowed)"""
    r = st.once_registry
    assert r is not None
    return r


def get_default_action(st: WarningsState) -> PyObject:
    """CPython: Python/_warnings.c:get_default_action (borrowed)"""
    a = st.default_action
    assert a is not None
    return a


def filter_search(category: PyObject, text: PyObject, lineno: int, module: PyObject,
                  list_name: str, filters: PyObject) -> Optional[tuple[PyObject, PyObject]]:
    """CPython: Python/_warnings.c:filter_search

    The first filter that matches, as ``(item, action)``: ``item`` a new
    reference, ``action`` borrowed from it; None when none matches.
    """
    assert isinstance(filters, PyListObject)
    i = 0
    while i < len(filters.ob_item):
        tmp_item = filters.ob_item[i]
        if not isinstance(tmp_item, PyTupleObject) or len(tmp_item.ob_item) != 5:
            PyErr_SetString(PyExc_ValueError,
                            f"warnings.{list_name} item {i} isn't a 5-tuple")
        Py_INCREF(tmp_item)
        ok = False
        try:
            action, msg, cat, mod, ln_obj = tmp_item.ob_item
            if not PyUnicode_Check(action):
                PyErr_SetString(PyExc_TypeError,
                                f"action must be a string, not '{action.ob_type.tp_name:.200}'")
            good_msg = check_matched(msg, text)
            good_mod = check_matched(mod, module)
            is_subclass = PyObject_IsSubclass(category, cat)
            ln = PyLong_AsSsize_t(ln_obj)
            if good_msg and is_subclass and good_mod and (ln == 0 or lineno == ln):
                ok = True
                return tmp_item, action
        finally:
            if not ok:
                Py_DECREF(tmp_item)
        i += 1
    return None


def get_filter(st: WarningsState, category: PyObject, text: PyObject, lineno: int,
               module: PyObject) -> tuple[PyObject, PyObject]:
    """CPython: Python/_warnings.c:get_filter

    ``(action, item)``: the matching filter (a new reference) or ``None``
    with the default action. pyvm: no ``_warnings_context`` filters (see the
    module docstring).
    """
    filters = get_warnings_filters(st)
    found = filter_search(category, text, lineno, module, "filters", filters)
    if found is not None:
        item, action = found
        return action, item
    return get_default_action(st), Py_NewRef(Py_None)


def already_warned(st: WarningsState, registry: PyObject, key: PyObject,
                   should_set: bool) -> bool:
    """CPython: Python/_warnings.c:already_warned

    A registry filled under an older filters version is cleared first.
    """
    version = PyUnicode_InternFromString("version")
    version_obj = PyDict_GetItemRef(registry, version)
    should_update_version = (version_obj is None or not PyLong_CheckExact(version_obj)
                             or PyLong_AsSsize_t(version_obj) != st.filters_version)
    Py_XDECREF(version_obj)
    if should_update_version:
        PyDict_Clear(registry)
        v = PyLong_FromLong(st.filters_version)
        PyDict_SetItem(registry, version, v)
        Py_DECREF(v)
    else:
        warned = PyDict_GetItemRef(registry, key)
        if warned is not None:
            try:
                if PyObject_IsTrue(warned):
                    return True
            finally:
                Py_DECREF(warned)
    if should_set:
        PyDict_SetItem(registry, key, Py_True)
    return False


def normalize_module(filename: PyObject) -> PyObject:
    """CPython: Python/_warnings.c:normalize_module

    The file name without ``.py`` (``<unknown>`` for an empty one); a new
    reference.
    """
    assert isinstance(filename, PyUnicodeObject)
    s = filename.value
    if not s:
        return PyUnicode_FromString("<unknown>")
    if s.endswith(".py"):
        return PyUnicode_FromString(s[:-3])
    return Py_NewRef(filename)


def update_registry(st: WarningsState, registry: PyObject, text: PyObject,
                    category: PyObject, add_zero: bool) -> bool:
    """CPython: Python/_warnings.c:update_registry"""
    if add_zero:
        altkey = PyTuple_Pack(text, category, PyLong_FromLong(0))
    else:
        altkey = PyTuple_Pack(text, category)
    try:
        return already_warned(st, registry, altkey, True)
    finally:
        Py_DECREF(altkey)


# ---------------------------------------------------------------------------
# Showing a warning


def _source_line(filename: PyObject, lineno: int) -> str:
    """pyvm: ``linecache.getline(filename, lineno)``, which CPython's
    formatter calls: read from the file (pyvm/eval/traceback.py's cache);
    names such as ``<string>`` or ``<stdin>`` have no lines there (3.14 keeps
    ``-c`` source apart, keyed by code object, for tracebacks only)."""
    if not isinstance(filename, PyUnicodeObject):
        return ""
    name = filename.value
    if not name or (name.startswith("<") and name.endswith(">")):
        return ""
    return _getline(name, lineno)


def _formatwarnmsg_impl(category: PyObject, message: PyObject, filename: PyObject,
                        lineno: int, sourceline: Optional[PyObject],
                        source: Optional[PyObject]) -> str:
    """CPython: Lib/_py_warnings.py:_formatwarnmsg_impl

    ``file:line: Category: message``, the stripped source line, and, for a
    warning about an object (``source``), the hint to enable tracemalloc
    (pyvm has no tracemalloc, so it is never tracing).
    """
    name_obj = PyObject_GetAttr(category, PyUnicode_InternFromString("__name__"))
    try:
        name_s = PyObject_Str(name_obj)
        cat_name = name_s.value if isinstance(name_s, PyUnicodeObject) else ""
        Py_DECREF(name_s)
    finally:
        Py_DECREF(name_obj)
    fn_s = PyObject_Str(filename)
    fn = fn_s.value if isinstance(fn_s, PyUnicodeObject) else ""
    Py_DECREF(fn_s)
    msg = _str_str(message)
    s = f"{fn}:{lineno}: {cat_name}: {msg}\n"
    if sourceline is not None and isinstance(sourceline, PyUnicodeObject):
        line = sourceline.value
    else:
        line = _source_line(filename, lineno)
    if line:
        s += f"  {line.strip()}\n"
    if source is not None:
        s += f"{cat_name}: Enable tracemalloc to get the object allocation traceback\n"
    return s


def show_warning(filename: PyObject, lineno: int, message: PyObject, category: PyObject,
                 sourceline: Optional[PyObject], source: Optional[PyObject]) -> None:
    """CPython: Python/_warnings.c:show_warning

    CPython: Lib/_py_warnings.py:_showwarnmsg_impl

    Writes the formatted warning to ``sys.stderr`` in one ``write`` call (as
    the Python implementation does); a missing ``sys.stderr`` or ``None``
    loses the warning, and an ``OSError`` from ``write`` is ignored.
    """
    _PySys_Create()  # pyvm: the compiler may warn before a program made sys
    f = _PySys_GetAttr("stderr")
    if f is None or f is Py_None:
        return
    out = PyUnicode_FromString(_formatwarnmsg_impl(category, message, filename, lineno,
                                                   sourceline, source))
    try:
        PyFile_WriteObjectRaw(out, f)
    except PyErr as e:
        if not e.matches(PyExc_OSError):
            raise
        _PyErr_Clear(e)
    finally:
        Py_DECREF(out)


def call_show_warning(category: PyObject, text: PyObject, message: PyObject,
                      filename: PyObject, lineno: int, sourceline: Optional[PyObject],
                      source: Optional[PyObject]) -> None:
    """CPython: Python/_warnings.c:call_show_warning

    pyvm: ``warnings._showwarnmsg`` cannot be imported, so the warning is
    shown directly (see the module docstring).
    """
    show_warning(filename, lineno, message, category, sourceline, source)


def _unnarrowed(o: Optional[PyObject]) -> Optional[PyObject]:
    """pyvm: ``o`` typed Optional, for a variable a ``finally`` releases: mypyc
    would narrow it at a plain assignment and cast it back in ``finally``,
    failing where an early exit left it None (CONTRIBUTING.md, mypyc pitfalls)."""
    return o


def warn_explicit(category: PyObject, message: PyObject, filename: PyObject, lineno: int,
                  module: Optional[PyObject], registry: Optional[PyObject],
                  sourceline: Optional[PyObject], source: Optional[PyObject]) -> None:
    """CPython: Python/_warnings.c:warn_explicit

    Decides, by the registry and the filters, whether the warning is shown,
    ignored or raised (the ``error`` action raises it, a ``PyErr``).
    """
    st = _PyWarnings_InitState()
    if module is Py_None:
        return
    if registry is not None and not PyDict_Check(registry) and registry is not Py_None:
        PyErr_SetString(PyExc_TypeError, "'registry' must be a dict or None")
    # The references this call owns, released at the end (C's cleanup label).
    mod_ref = normalize_module(filename) if module is None else Py_NewRef(module)
    msg_ref = _unnarrowed(Py_NewRef(message))
    text_ref: Optional[PyObject] = None
    lineno_obj: Optional[PyObject] = None
    key: Optional[PyObject] = None
    item: Optional[PyObject] = None
    try:
        if PyObject_IsInstance(message, PyExc_Warning):
            text = PyObject_Str(message)
            text_ref = _unnarrowed(text)
            category = message.ob_type
        else:
            text = message
            text_ref, msg_ref = _unnarrowed(msg_ref), None
            message = PyObject_CallOneArg(category, text)
            msg_ref = _unnarrowed(message)
        if source is Py_None:
            source = None
        lineno_o = PyLong_FromLong(lineno)
        lineno_obj = _unnarrowed(lineno_o)
        key_o = PyTuple_Pack(text, category, lineno_o)
        key = _unnarrowed(key_o)
        if registry is not None and registry is not Py_None:
            if already_warned(st, registry, key_o, False):
                return
        action, item_o = get_filter(st, category, text, lineno, mod_ref)
        item = _unnarrowed(item_o)
        assert isinstance(action, PyUnicodeObject)
        act = action.value
        if act == "error":
            _PyErr_Raise(Py_NewRef(message))
        if act == "ignore":
            return
        # Store in the registry that we've been here, *except* when the
        # action is "always" or "all".
        rc = False
        if act != "always" and act != "all":
            if registry is not None and registry is not Py_None:
                PyDict_SetItem(registry, key_o, Py_True)
            if act == "once":
                if registry is None or registry is Py_None:
                    registry = get_once_registry(st)
                rc = update_registry(st, registry, text, category, False)
            elif act == "module":
                if registry is not None and registry is not Py_None:
                    rc = update_registry(st, registry, text, category, False)
            elif act != "default":
                PyErr_SetString(PyExc_RuntimeError,
                                f"Unrecognized action ({_repr_str(action)}) in "
                                f"warnings.filters:\n {_repr_str(item_o)}")
        if rc:
            return  # Already warned for this module.
        call_show_warning(category, text, message, filename, lineno, sourceline, source)
    finally:
        Py_XDECREF(item)
        Py_XDECREF(key)
        Py_XDECREF(text_ref)
        Py_XDECREF(lineno_obj)
        Py_DECREF(mod_ref)
        Py_XDECREF(msg_ref)


# ---------------------------------------------------------------------------
# Finding the caller


def _frame_filename(f: _PyInterpreterFrame) -> PyObject:
    """CPython: Python/_warnings.c:get_frame_filename (borrowed)"""
    return f.f_executable.co_filename


def is_internal_filename(filename: PyObject) -> bool:
    """CPython: Python/_warnings.c:is_internal_filename"""
    if not isinstance(filename, PyUnicodeObject):
        return False
    return "importlib" in filename.value and "_bootstrap" in filename.value


def is_filename_to_skip(filename: PyObject, skip_file_prefixes: Optional[PyObject]) -> bool:
    """CPython: Python/_warnings.c:is_filename_to_skip"""
    if skip_file_prefixes is None:
        return False
    if not isinstance(filename, PyUnicodeObject):
        return False
    assert isinstance(skip_file_prefixes, PyTupleObject)
    for prefix in skip_file_prefixes.ob_item:
        assert isinstance(prefix, PyUnicodeObject)
        if filename.value.startswith(prefix.value):
            return True
    return False


def is_internal_frame(f: Optional[_PyInterpreterFrame]) -> bool:
    """CPython: Python/_warnings.c:is_internal_frame"""
    if f is None:
        return False
    return is_internal_filename(_frame_filename(f))


def _frame_back(f: _PyInterpreterFrame) -> Optional[_PyInterpreterFrame]:
    """pyvm: ``PyFrame_GetBack``: the caller's frame, entry frames skipped."""
    return _PyFrame_GetFirstComplete(f.previous)


def next_external_frame(f: _PyInterpreterFrame,
                        skip_file_prefixes: Optional[PyObject]) -> Optional[_PyInterpreterFrame]:
    """CPython: Python/_warnings.c:next_external_frame"""
    fr = _frame_back(f)
    while fr is not None and (is_internal_filename(_frame_filename(fr))
                              or is_filename_to_skip(_frame_filename(fr), skip_file_prefixes)):
        fr = _frame_back(fr)
    return fr


def setup_context(stack_level: int, skip_file_prefixes: Optional[PyObject]
                  ) -> tuple[PyObject, int, PyObject, PyObject]:
    """CPython: Python/_warnings.c:setup_context

    ``(filename, lineno, module, registry)``, new references: the frame
    ``stack_level`` levels up (1 is the running Python frame, C functions
    have none), its globals' ``__warningregistry__`` (made when missing) and
    ``__name__``. Past the outermost frame: ``sys``'s dict and ``<sys>``.
    """
    if skip_file_prefixes is not None:
        assert isinstance(skip_file_prefixes, PyTupleObject)
        for prefix in skip_file_prefixes.ob_item:
            if not PyUnicode_Check(prefix):
                PyErr_SetString(PyExc_TypeError,
                                f"Found non-str '{prefix.ob_type.tp_name}' in skip_file_prefixes.")
    f = _PyFrame_GetFirstComplete(_tstate.current_frame)
    # Stack level comparisons to Python code is off by one as there is no
    # warnings-related stack level to avoid.
    if stack_level <= 0 or is_internal_frame(f):
        stack_level -= 1
        while stack_level > 0 and f is not None:
            f = _frame_back(f)
            stack_level -= 1
    else:
        stack_level -= 1
        while stack_level > 0 and f is not None:
            f = next_external_frame(f, skip_file_prefixes)
            stack_level -= 1
    if f is None:
        globals_: PyObject = _PySys_Create().md_dict
        filename = PyUnicode_FromString("<sys>")
        lineno = 0
    else:
        globals_ = f.f_globals
        filename = Py_NewRef(f.f_executable.co_filename)
        lineno = PyCode_Addr2Line(f.f_executable, f.instr_ptr * 2)
    try:
        key = PyUnicode_InternFromString("__warningregistry__")
        registry = PyDict_GetItemRef(globals_, key)
        if registry is None:
            registry = PyDict_New()
            try:
                PyDict_SetItem(globals_, key, registry)
            except PyErr:
                Py_DECREF(registry)
                raise
        module = PyDict_GetItemRef(globals_, PyUnicode_InternFromString("__name__"))
        if module is not None:
            if module is Py_None or PyUnicode_Check(module):
                return filename, lineno, module, registry
            Py_DECREF(module)
        return filename, lineno, PyUnicode_FromString("<string>"), registry
    except PyErr:
        Py_DECREF(filename)
        raise


def get_category(message: PyObject, category: Optional[PyObject]) -> PyObject:
    """CPython: Python/_warnings.c:get_category (borrowed)"""
    if PyObject_IsInstance(message, PyExc_Warning):
        category = message.ob_type
    elif category is None or category is Py_None:
        category = PyExc_UserWarning
    ok = False
    try:
        ok = PyObject_IsSubclass(category, PyExc_Warning)
    except PyErr as e:
        _PyErr_Clear(e)
    if not ok:
        PyErr_SetString(PyExc_TypeError, f"category must be a Warning subclass, "
                                          f"not '{category.ob_type.tp_name}'")
    return category


def do_warn(message: PyObject, category: PyObject, stack_level: int,
            source: Optional[PyObject], skip_file_prefixes: Optional[PyObject]) -> None:
    """CPython: Python/_warnings.c:do_warn"""
    filename, lineno, module, registry = setup_context(stack_level, skip_file_prefixes)
    st = _PyWarnings_InitState()
    warnings_lock(st)
    try:
        warn_explicit(category, message, filename, lineno, module, registry, None, source)
    finally:
        warnings_unlock(st)
        Py_DECREF(filename)
        Py_DECREF(registry)
        Py_DECREF(module)


# ---------------------------------------------------------------------------
# The module's functions


def _unpack(fname: str, args: list[PyObject], kwnames: Optional[PyObject],
            names: list[str], minpos: int, maxpos: int) -> list[Optional[PyObject]]:
    """CPython: Python/getargs.c:_PyArg_UnpackKeywords

    pyvm: with no positional-only parameters, a missing required one is
    reported by name ("missing required argument 'lineno' (pos 4)") even when
    no keyword was given, as C does; the rest is the shared helper's.
    """
    kws: list[str] = []
    if kwnames is not None:
        assert isinstance(kwnames, PyTupleObject)
        for k in kwnames.ob_item:
            assert isinstance(k, PyUnicodeObject)
            kws.append(k.value)
    nargs = len(args) - len(kws)
    if nargs <= maxpos and len(args) <= len(names):
        for i in range(nargs, minpos):
            if names[i] not in kws:
                PyErr_SetString(PyExc_TypeError,
                                f"{fname}() missing required argument '{names[i]}' (pos {i + 1})")
    return _PyArg_UnpackKeywords(fname, args, kwnames, names, minpos, maxpos)


def warnings_warn_impl(module: PyObject, args: list[PyObject],
                       kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Python/_warnings.c:warnings_warn_impl

    ``warn(message, category=None, stacklevel=1, source=None, *,
    skip_file_prefixes=())`` with Argument Clinic's checks.
    """
    a = _unpack("warn", args, kwnames,
                              ["message", "category", "stacklevel", "source",
                               "skip_file_prefixes"], 1, 4)
    message = a[0]
    assert message is not None
    stacklevel = 1
    sl = a[2]
    if sl is not None:
        stacklevel = PyNumber_AsSsize_t(sl, PyExc_OverflowError)
    source = a[3]
    skip = a[4]
    if skip is not None and not PyTuple_Check(skip):
        PyErr_SetString(PyExc_TypeError, "warn() argument 'skip_file_prefixes' must be tuple, "
                                         f"not {skip.ob_type.tp_name}")
    category = get_category(message, a[1])
    if skip is not None:
        assert isinstance(skip, PyTupleObject)
        if skip.ob_item:
            if stacklevel < 2:
                stacklevel = 2
        else:
            skip = None
    do_warn(message, category, stacklevel, source, skip)
    return Py_NewRef(Py_None)


def get_source_line(module_globals: PyObject, lineno: int) -> Optional[PyObject]:
    """CPython: Python/_warnings.c:get_source_line

    pyvm: no module has a loader yet (``__loader__.get_source``), so there is
    never a line to give.
    """
    return None


def _int_arg(o: PyObject) -> int:
    """pyvm: Argument Clinic's ``int`` converter (C's ``PyLong_AsInt``)."""
    if isinstance(o, PyLongObject):
        v = o.ob_ival
    else:
        idx = PyNumber_Index(o)
        assert isinstance(idx, PyLongObject)
        v = idx.ob_ival
        Py_DECREF(idx)
    if v >= (1 << 31):
        PyErr_SetString(PyExc_OverflowError, "signed integer is greater than maximum")
    if v < -(1 << 31):
        PyErr_SetString(PyExc_OverflowError, "signed integer is less than minimum")
    return v


def warnings_warn_explicit_impl(module: PyObject, args: list[PyObject],
                                kwnames: Optional[PyObject]) -> PyObject:
    """CPython: Python/_warnings.c:warnings_warn_explicit_impl

    ``warn_explicit(message, category, filename, lineno, module=None,
    registry=None, module_globals=None, source=None)``.
    """
    a = _unpack("warn_explicit", args, kwnames,
                              ["message", "category", "filename", "lineno", "module",
                               "registry", "module_globals", "source"], 4, 8)
    message, category, filename, lineno_o = a[0], a[1], a[2], a[3]
    assert message is not None and category is not None
    assert filename is not None and lineno_o is not None
    if not PyUnicode_Check(filename):
        PyErr_SetString(PyExc_TypeError, "warn_explicit() argument 'filename' must be str, "
                                         f"not {filename.ob_type.tp_name}")
    lineno = _int_arg(lineno_o)
    mod = a[4]
    registry = a[5] if a[5] is not None else Py_None
    module_globals = a[6]
    sourceobj = a[7] if a[7] is not None else Py_None
    source_line: Optional[PyObject] = None
    if module_globals is not None and module_globals is not Py_None:
        if not PyDict_Check(module_globals):
            PyErr_SetString(PyExc_TypeError, "module_globals must be a dict, "
                                             f"not '{module_globals.ob_type.tp_name:.200}'")
        source_line = get_source_line(module_globals, lineno)
    st = _PyWarnings_InitState()
    warnings_lock(st)
    try:
        warn_explicit(category, message, filename, lineno, mod, registry, source_line,
                      sourceobj)
    finally:
        warnings_unlock(st)
        Py_XDECREF(source_line)
    return Py_NewRef(Py_None)


def warnings_filters_mutated_lock_held_impl(module: PyObject) -> PyObject:
    """CPython: Python/_warnings.c:warnings_filters_mutated_lock_held_impl"""
    st = _PyWarnings_InitState()
    if not warnings_lock_held(st):
        PyErr_SetString(PyExc_RuntimeError, "warnings lock is not held")
    st.filters_version += 1
    return Py_NewRef(Py_None)


def warnings_acquire_lock_impl(module: PyObject) -> PyObject:
    """CPython: Python/_warnings.c:warnings_acquire_lock_impl"""
    warnings_lock(_PyWarnings_InitState())
    return Py_NewRef(Py_None)


def warnings_release_lock_impl(module: PyObject) -> PyObject:
    """CPython: Python/_warnings.c:warnings_release_lock_impl"""
    if not warnings_unlock(_PyWarnings_InitState()):
        PyErr_SetString(PyExc_RuntimeError, "cannot release un-acquired lock")
    return Py_NewRef(Py_None)


# ---------------------------------------------------------------------------
# The C API


def warn_unicode(category: Optional[PyObject], message: PyObject, stack_level: int,
                 source: Optional[PyObject]) -> None:
    """CPython: Python/_warnings.c:warn_unicode"""
    if category is None:
        category = PyExc_RuntimeWarning
    do_warn(message, category, stack_level, source, None)


def _PyErr_WarnFormat(source: Optional[PyObject], category: Optional[PyObject],
                      stack_level: int, text: str) -> None:
    """CPython: Python/_warnings.c:_PyErr_WarnFormat

    pyvm: the caller formats ``text`` (C's ``%R``/``%S`` become explicit
    reprs at the call site). Raises when the warning became an error.
    """
    message = PyUnicode_FromString(text)
    try:
        warn_unicode(category, message, stack_level, source)
    finally:
        Py_DECREF(message)


def PyErr_WarnFormat(category: Optional[PyObject], stack_level: int, text: str) -> None:
    """CPython: Python/_warnings.c:PyErr_WarnFormat"""
    _PyErr_WarnFormat(None, category, stack_level, text)


def PyErr_ResourceWarning(source: Optional[PyObject], stack_level: int, text: str) -> None:
    """CPython: Python/_warnings.c:PyErr_ResourceWarning"""
    _PyErr_WarnFormat(source, PyExc_ResourceWarning, stack_level, text)


def PyErr_WarnEx(category: Optional[PyObject], text: str, stack_level: int) -> None:
    """CPython: Python/_warnings.c:PyErr_WarnEx

    Issues a warning; raises (a ``PyErr``) when the filters made it an error
    (C returns -1).
    """
    _PyErr_WarnFormat(None, category, stack_level, text)


def PyErr_WarnExplicitObject(category: Optional[PyObject], message: PyObject,
                             filename: PyObject, lineno: int, module: Optional[PyObject],
                             registry: Optional[PyObject]) -> None:
    """CPython: Python/_warnings.c:PyErr_WarnExplicitObject"""
    if category is None:
        category = PyExc_RuntimeWarning
    st = _PyWarnings_InitState()
    warnings_lock(st)
    try:
        warn_explicit(category, message, filename, lineno, module, registry, None, None)
    finally:
        warnings_unlock(st)


def PyErr_WarnExplicit(category: Optional[PyObject], text: str, filename_str: str,
                       lineno: int, module_str: Optional[str],
                       registry: Optional[PyObject]) -> None:
    """CPython: Python/_warnings.c:PyErr_WarnExplicit"""
    message = PyUnicode_FromString(text)
    filename = PyUnicode_FromString(filename_str)
    module = None if module_str is None else PyUnicode_FromString(module_str)
    try:
        PyErr_WarnExplicitObject(category, message, filename, lineno, module, registry)
    finally:
        Py_XDECREF(module)
        Py_DECREF(filename)
        Py_DECREF(message)


def _repr_str(o: PyObject) -> str:
    """pyvm: C's ``%R``."""
    r = PyObject_Repr(o)
    s = r.value if isinstance(r, PyUnicodeObject) else ""
    Py_DECREF(r)
    return s


def _str_str(o: PyObject) -> str:
    """pyvm: C's ``%S``."""
    r = PyObject_Str(o)
    s = r.value if isinstance(r, PyUnicodeObject) else ""
    Py_DECREF(r)
    return s


def _PyErr_WarnUnawaitedAgenMethod(agen: PyObject, qualname: PyObject, method: str) -> None:
    """CPython: Python/_warnings.c:_PyErr_WarnUnawaitedAgenMethod

    "coroutine method 'asend' of 'gen' was never awaited"; never raises
    (an error is reported as unraisable). pyvm: the caller passes the async
    generator's ``ag_qualname``.
    """
    try:
        _PyErr_WarnFormat(agen, PyExc_RuntimeWarning, 1,
                          f"coroutine method {method!r} of {_repr_str(qualname)} "
                          "was never awaited")
    except PyErr as e:
        PyErr_FormatUnraisable(e, "Exception ignored while finalizing async generator "
                                  f"{_repr_str(agen)}")


def _PyErr_WarnUnawaitedCoroutine(coro: PyObject, qualname: PyObject) -> None:
    """CPython: Python/_warnings.c:_PyErr_WarnUnawaitedCoroutine

    "coroutine 'f' was never awaited" (RuntimeWarning, ``source`` the
    coroutine); called from the coroutine's finalizer, so it never raises: an
    error (an ``error`` filter) is reported as unraisable. pyvm: there is no
    ``warnings._warn_unawaited_coroutine`` to try first (nor coroutine origin
    tracking), so this is C's fallback; the caller passes ``cr_qualname``.
    """
    try:
        _PyErr_WarnFormat(coro, PyExc_RuntimeWarning, 1,
                          f"coroutine '{_str_str(qualname)}' was never awaited")
    except PyErr as e:
        PyErr_FormatUnraisable(e, "Exception ignored while finalizing coroutine "
                                  f"{_repr_str(coro)}")


def _PyErr_EmitSyntaxWarning(msg: str, filename: str, lineno: int, col_offset: int,
                             end_lineno: int, end_col_offset: int) -> None:
    """CPython: Python/errors.c:_PyErr_EmitSyntaxWarning

    The compiler's SyntaxWarning, through the filters; when they make it an
    error, a SyntaxError at the same place is raised instead (a more accurate
    report). Installed as pyvm/compile/ast_preprocess.py's
    ``syntax_warning_hook`` when this module loads.
    """
    m = PyUnicode_FromString(msg)
    fn = PyUnicode_FromString(filename)
    try:
        PyErr_WarnExplicitObject(PyExc_SyntaxWarning, m, fn, lineno, None, None)
    except PyErr as e:
        if e.matches(PyExc_SyntaxWarning):
            # Replace the SyntaxWarning exception with a SyntaxError
            _PyErr_Clear(e)
            _PyErr_RaiseSyntaxError(msg, filename, lineno, col_offset, end_lineno,
                                    end_col_offset)
        raise
    finally:
        Py_DECREF(fn)
        Py_DECREF(m)


syntax_warning_hook.emit = _PyErr_EmitSyntaxWarning


# ---------------------------------------------------------------------------
# -W options (Lib/_py_warnings.py's part, run at start-up)


_ACTIONS: Final = ("default", "always", "all", "ignore", "module", "once", "error")

_BUILTIN_CATEGORIES: Final[dict[str, PyTypeObject]] = {
    "Warning": PyExc_Warning,
    "UserWarning": PyExc_UserWarning,
    "DeprecationWarning": PyExc_DeprecationWarning,
    "PendingDeprecationWarning": PyExc_PendingDeprecationWarning,
    "SyntaxWarning": PyExc_SyntaxWarning,
    "RuntimeWarning": PyExc_RuntimeWarning,
    "FutureWarning": PyExc_FutureWarning,
    "ImportWarning": PyExc_ImportWarning,
    "UnicodeWarning": PyExc_UnicodeWarning,
    "BytesWarning": PyExc_BytesWarning,
    "ResourceWarning": PyExc_ResourceWarning,
    "EncodingWarning": PyExc_EncodingWarning,
}


class _OptionError(Exception):
    """CPython: Lib/_py_warnings.py:_OptionError"""


def _getaction(action: str) -> str:
    """CPython: Lib/_py_warnings.py:_getaction"""
    if not action:
        return "default"
    for a in _ACTIONS:
        if a.startswith(action):
            return a
    raise _OptionError(f"invalid action: {action!r}")


def _getcategory(category: str) -> PyObject:
    """CPython: Lib/_py_warnings.py:_getcategory

    pyvm: only the names of ``builtins`` (``builtins.Name`` too): pyvm cannot
    import another module yet, so ``module.Name`` is reported as an invalid
    module name (CPython imports it); a builtin that is not a class is
    reported as an invalid category (CPython's ``issubclass`` raises).
    """
    if not category:
        return PyExc_Warning
    if "." in category:
        module = category.rpartition(".")[0]
        if module != "builtins":
            raise _OptionError(f"invalid module name: {module!r}")
        klass = category.rpartition(".")[2]
    else:
        klass = category
    cat = _BUILTIN_CATEGORIES.get(klass)
    if cat is None:
        name = PyUnicode_FromString(klass)
        b = PyDict_GetItemRef(_PyBuiltin_Init().md_dict, name)
        Py_DECREF(name)
        if b is None:
            raise _OptionError(f"unknown warning category: {category!r}")
        Py_DECREF(b)
        raise _OptionError(f"invalid warning category: {category!r}")
    return cat


# pyvm: the compiled patterns of -W options. CPython's ``_setoption`` compiles
# ``re.escape(message)`` with ``re.IGNORECASE`` and ``re.escape(module) + r'\z'``
# with the ``re`` module, which pyvm cannot import yet; these two patterns are
# all it needs, so a small object stands for them: its ``match`` finds the
# message at the start of the text whatever the case, or the module name
# exactly, and its repr is that of the ``re.Pattern`` CPython stores.
_OptionPattern_Type: Final = PyTypeObject("re.Pattern")


class _OptionPattern(PyObject):
    """pyvm: a ``re.Pattern`` compiled from a -W option's message or module
    field (see the comment above)."""

    text: str
    is_module: bool

    def __init__(self, text: str, is_module: bool) -> None:
        super().__init__(_OptionPattern_Type)
        self.text = text
        self.is_module = is_module


# pyvm: the characters ``re.escape`` escapes (Lib/re/__init__.py's _special_chars_map).
_RE_SPECIAL: Final = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"


def _re_escape(text: str) -> str:
    """pyvm: ``re.escape``."""
    return "".join("\\" + ch if ch in _RE_SPECIAL else ch for ch in text)


def _option_pattern_repr(op: PyObject) -> PyObject:
    """pyvm: ``re.compile('...', re.IGNORECASE)`` / ``re.compile('...\\z')``."""
    assert isinstance(op, _OptionPattern)
    if op.is_module:
        return PyUnicode_FromString(f"re.compile({_re_escape(op.text) + chr(92) + 'z'!r})")
    return PyUnicode_FromString(f"re.compile({_re_escape(op.text)!r}, re.IGNORECASE)")


def _option_pattern_match(op: PyObject, arg: PyObject) -> PyObject:
    """pyvm: the pattern's ``match(string)``: True when it matches (CPython
    returns a match object), else None; only its truth is used."""
    assert isinstance(op, _OptionPattern)
    if not isinstance(arg, PyUnicodeObject):
        PyErr_SetString(PyExc_TypeError,
                        f"expected string or bytes-like object, got '{arg.ob_type.tp_name}'")
    if op.is_module:
        ok = arg.value == op.text
    else:
        ok = arg.value[:len(op.text)].casefold() == op.text.casefold()
    return Py_NewRef(Py_True if ok else Py_None)


def _init_option_pattern_type() -> None:
    """pyvm: the slots and methods of :data:`_OptionPattern_Type`."""
    _OptionPattern_Type.tp_repr = _option_pattern_repr
    _PyType_AddMethods(_OptionPattern_Type, [
        PyMethodDef("match", _option_pattern_match, METH_O),
    ])


_init_option_pattern_type()


def _filterwarnings(action: str, message: str, category: PyObject, module: str,
                    lineno: int) -> None:
    """CPython: Lib/_py_warnings.py:filterwarnings

    The filter goes to the front of the list (an equal one already there is
    removed first) and the filters version changes.
    """
    st = _PyWarnings_InitState()
    filters = get_warnings_filters(st)
    assert isinstance(filters, PyListObject)
    msg_o = Py_NewRef(Py_None) if not message else _OptionPattern(message, False)
    mod_o = Py_NewRef(Py_None) if not module else _OptionPattern(module, True)
    ln = PyLong_FromLong(lineno)
    item = PyTuple_Pack(PyUnicode_InternFromString(action), msg_o, category, mod_o, ln)
    Py_DECREF(msg_o)
    Py_DECREF(mod_o)
    Py_DECREF(ln)
    try:
        found = _find_equal(filters, item)
        if found >= 0:
            old = filters.ob_item.pop(found)
            Py_DECREF(old)
        PyList_Insert(filters, 0, item)
    finally:
        Py_DECREF(item)
    st.filters_version += 1


def _find_equal(filters: PyListObject, item: PyObject) -> int:
    """pyvm: the index of the first filter equal to ``item`` (``list.remove``'s
    search), or -1."""
    for i in range(len(filters.ob_item)):
        if PyObject_RichCompareBool(filters.ob_item[i], item, Py_EQ):
            return i
    return -1


def _setoption(arg: str) -> None:
    """CPython: Lib/_py_warnings.py:_setoption"""
    parts = arg.split(":")
    if len(parts) > 5:
        raise _OptionError(f"too many fields (max 5): {arg!r}")
    while len(parts) < 5:
        parts.append("")
    action, message, category, module, lineno_s = [s.strip() for s in parts]
    action = _getaction(action)
    cat = _getcategory(category)
    lineno = 0
    if lineno_s:
        try:
            lineno = int(lineno_s)
        except ValueError:
            raise _OptionError(f"invalid lineno {lineno_s!r}") from None
        if lineno < 0:
            raise _OptionError(f"invalid lineno {lineno!r}")
    _filterwarnings(action, message, cat, module, lineno)


def _PyWarnings_ProcessOptions(options: list[str]) -> None:
    """CPython: Lib/_py_warnings.py:_processoptions

    Each ``-W``/``PYTHONWARNINGS`` option becomes a filter at the front of the
    list (so the last one wins); an invalid one is reported on ``sys.stderr``
    and skipped, as CPython's ``warnings`` module does when the interpreter
    imports it at start-up.
    """
    for arg in options:
        try:
            _setoption(arg)
        except _OptionError as msg:
            f = _PySys_GetAttr("stderr")
            if f is not None and f is not Py_None:
                out = PyUnicode_FromString(f"Invalid -W option ignored: {msg}\n")
                try:
                    PyFile_WriteObjectRaw(out, f)
                finally:
                    Py_DECREF(out)


# ---------------------------------------------------------------------------
# The module


def warnings_module_exec(m: PyModuleObject) -> None:
    """CPython: Python/_warnings.c:warnings_module_exec"""
    st = _PyWarnings_InitState()
    assert st.filters is not None and st.once_registry is not None
    assert st.default_action is not None
    PyModule_AddObjectRef(m, "filters", st.filters)
    PyModule_AddObjectRef(m, "_onceregistry", st.once_registry)
    PyModule_AddObjectRef(m, "_defaultaction", st.default_action)


_warn_doc: Final = (
    "Issue a warning, or maybe ignore it or raise an exception.\n\n"
    "  message\n    Text of the warning message.\n"
    "  category\n    The Warning category subclass. Defaults to UserWarning.\n"
    "  stacklevel\n    How far up the call stack to make this warning appear. A value of 2 for\n"
    "    example attributes the warning to the caller of the code calling warn().\n"
    "  source\n    If supplied, the destroyed object which emitted a ResourceWarning\n"
    "  skip_file_prefixes\n"
    "    An optional tuple of module filename prefixes indicating frames to skip\n"
    "    during stacklevel computations for stack frame attribution.")


def _PyWarnings_Init() -> PyModuleObject:
    """CPython: Python/_warnings.c:_PyWarnings_Init

    The ``_warnings`` module, made on first call (the built-in module table's
    init function).
    """
    m = _st.module
    if m is not None:
        return m
    m = PyModule_New(MODULE_NAME)
    m.md_builtin = True
    doc = PyUnicode_FromString(warnings__doc__)
    PyModule_AddObjectRef(m, "__doc__", doc)
    Py_DECREF(doc)
    fk = METH_FASTCALL | METH_KEYWORDS
    methods = [
        PyMethodDef("warn", warnings_warn_impl, fk, _warn_doc),
        PyMethodDef("warn_explicit", warnings_warn_explicit_impl, fk,
                    "Issue a warning, or maybe ignore it or raise an exception."),
        PyMethodDef("_filters_mutated_lock_held", warnings_filters_mutated_lock_held_impl,
                    METH_NOARGS),
        PyMethodDef("_acquire_lock", warnings_acquire_lock_impl, METH_NOARGS),
        PyMethodDef("_release_lock", warnings_release_lock_impl, METH_NOARGS),
    ]
    modname = PyUnicode_InternFromString(MODULE_NAME)
    for ml in methods:
        f = PyCFunction_NewEx(ml, m, modname)
        PyModule_AddObjectRef(m, ml.ml_name, f)
        Py_DECREF(f)
    warnings_module_exec(m)
    _st.module = m
    return m
