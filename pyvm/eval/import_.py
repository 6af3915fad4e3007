"""Ports Python/import.c: the built-in module table and ``create_builtin``.

CPython links its built-in modules into the interpreter and lists them in
``_PyImport_Inittab`` (generated from the ``config.c.in`` template of
``Modules/``): a name and an init function each. Nothing is created at
start-up; the first ``import _weakref`` reaches ``create_builtin`` (through
importlib's ``BuiltinImporter``), which finds the name in the table, calls the
init function and stores the module in ``sys.modules``.

pyvm keeps that shape: :data:`PyImport_Inittab` names every module pyvm
implements natively, and :func:`create_builtin` makes one on first import.
Until importlib runs under pyvm, ``_PyEval_ImportName`` (pyvm/eval/ceval.py)
calls :func:`create_builtin` itself. ``sys`` and ``builtins`` are core
modules, created at start-up, so their entries have no init function (as in
C, where their ``initfunc`` is NULL).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Final, Optional

from pyvm.compile.python_ast import PyInit__ast
from pyvm.modules._tokenizemodule import PyInit__tokenize
from pyvm.modules._typingmodule import PyInit__typing
from pyvm.modules.marshalmodule import PyMarshal_Init
from pyvm.modules.symtablemodule import PyInit__symtable
from pyvm.modules._warningsmodule import _PyWarnings_Init
from pyvm.modules._weakrefmodule import PyInit__weakref
from pyvm.modules.sysmodule import _PySys_Create
from pyvm.objects.dictobject import PyDict_GetItemWithError, PyDict_SetItem
from pyvm.objects.moduleobject import PyModuleObject
from pyvm.objects.object import Py_INCREF, PyObject
from pyvm.objects.unicodeobject import PyUnicode_InternFromString


class _inittab:
    """CPython: Include/cpython/import.h:_inittab

    One built-in module: its name and the function that creates it
    (``None`` for the core modules ``sys`` and ``builtins``).
    """

    name: str
    initfunc: Optional[Callable[[], PyModuleObject]]

    def __init__(self, name: str, initfunc: Optional[Callable[[], PyModuleObject]]) -> None:
        self.name = name
        self.initfunc = initfunc


# CPython: Python/import.c:PyImport_Inittab (Modules/config.c.in's
# _PyImport_Inittab): every module pyvm implements natively.
PyImport_Inittab: Final[list[_inittab]] = [
    _inittab("sys", None),
    _inittab("builtins", None),
    _inittab("_ast", PyInit__ast),
    _inittab("_symtable", PyInit__symtable),
    _inittab("_tokenize", PyInit__tokenize),
    _inittab("_typing", PyInit__typing),
    _inittab("_warnings", _PyWarnings_Init),
    _inittab("_weakref", PyInit__weakref),
    _inittab("marshal", PyMarshal_Init),
]


def create_builtin(name: str) -> Optional[PyObject]:
    """CPython: Python/import.c:create_builtin

    The module ``name`` of the table, made and stored in ``sys.modules`` on
    first call. Returns a new reference, or ``None`` when ``name`` is not a
    built-in module. pyvm: the init functions cache their module (C's
    single-phase extensions cache, ``import_find_extension``), so a module
    removed from ``sys.modules`` is found again, not made twice.
    """
    for t in PyImport_Inittab:
        if t.name == name and t.initfunc is not None:
            m = t.initfunc()
            mods = PyDict_GetItemWithError(_PySys_Create().md_dict,
                                           PyUnicode_InternFromString("modules"))
            if mods is not None:
                PyDict_SetItem(mods, PyUnicode_InternFromString(name), m)
            Py_INCREF(m)
            return m
    return None
