"""Ports Objects/typevarobject.c: the runtime objects of PEP 695 (type parameter
syntax) and of the ``typing`` module's core: ``TypeVar``, ``ParamSpec`` (with
``ParamSpecArgs`` / ``ParamSpecKwargs``), ``TypeVarTuple``, ``TypeAliasType``,
``Generic`` and the ``NoDefault`` sentinel.

Two ways in. ``typing.TypeVar("T", bound=int)`` calls the type (``typevar_new``
and friends, which parse their arguments as Argument Clinic does). The
compiler's ``def f[T: int](): ...`` instead calls the intrinsics of
Python/intrinsics.c, which reach :func:`_Py_make_typevar`,
:func:`_Py_make_paramspec`, :func:`_Py_make_typevartuple`,
:func:`_Py_make_typealias`, :func:`_Py_set_typeparam_default` and
:func:`_Py_subscript_generic` here.

Lazy evaluation. With the PEP 695 syntax the bound, the constraints, the
default and a type alias's value are not computed when the type parameter is
created: the compiler wraps each in a small function (``evaluate_bound`` …,
taking the annotation ``format`` as its only argument, default 1) and the
object calls it the first time ``__bound__`` / ``__constraints__`` /
``__default__`` / ``__value__`` is read, then caches the result. The
``evaluate_*`` attributes give the function back, or, for values given
eagerly (``TypeVar("T", bound=int)``), a ``_ConstEvaluator`` wrapping the value.

C creates TypeVar, ParamSpec, ParamSpecArgs/Kwargs, TypeVarTuple, Generic and
_ConstEvaluator as heap types from specs at interpreter start-up
(``_Py_initialize_generic``) and keeps them in ``interp->cached_objects``;
pyvm makes them static types with the same dotted names (so ``__module__`` is
``typing`` and ``__name__`` is ``TypeVar``), which behave the same for a
program: not subclassable (no ``Py_TPFLAGS_BASETYPE``), immutable.

typing.py. Several operations are written in Python in CPython's
Lib/typing.py and C calls them (``call_typing_func_object``): ``bound=`` type
checking, substitution (``__typing_subst__``), ``Generic[...]`` and
``Generic.__init_subclass__``, ``Unpack[Ts]`` (iterating a TypeVarTuple) and
``class C[T]: ...`` (``_Py_subscript_generic``). pyvm cannot import Python
modules yet: those paths look ``typing`` up in ``sys.modules`` and, until it
can be there, raise ``ModuleNotFoundError`` saying which function was needed.
``T | U`` makes a ``typing.Union`` (unionobject.py) and ``Alias[int]`` a
``types.GenericAlias`` (genericaliasobject.py); both modules import this one,
so those calls import them where they are used.

Ownership follows C: every ``*_alloc`` takes new references to what it is
given; getters return new references; the ``_Py_make_*`` functions take
borrowed arguments and return a new reference.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, Optional

from pyvm.modules.sysmodule import _PySys_GetAttr
from pyvm.objects.boolobject import Py_False, Py_True
from pyvm.objects.call import PyObject_Call, PyObject_CallNoArgs, PyObject_Vectorcall
from pyvm.objects.descrobject import (
    Py_READONLY,
    PyGetSetDef,
    PyMemberDef,
    _PyType_AddGetSets,
    _PyType_AddMembers,
    _PyType_AddMethods,
)
from pyvm.objects.dictobject import (
    PyDict_GetItemWithError,
    PyDict_SetItem,
    PyDict_Next,
    PyDict_Size,
)
from pyvm.objects.exceptions import (
    PyExc_ModuleNotFoundError,
    PyExc_SystemError,
    PyExc_TypeError,
    PyExc_ValueError,
)
from pyvm.objects.funcobject import PyFunctionObject
from pyvm.objects.longobject import PyLong_AsInt
from pyvm.objects.methodobject import (
    METH_CLASS,
    METH_FASTCALL,
    METH_KEYWORDS,
    METH_NOARGS,
    METH_O,
    METH_VARARGS,
    PyMethodDef,
)
from pyvm.objects.object import (
    Py_DECREF,
    Py_EQ,
    Py_INCREF,
    Py_NE,
    Py_None,
    Py_NotImplemented,
    Py_TPFLAGS_BASETYPE,
    Py_TPFLAGS_HAVE_GC,
    Py_TPFLAGS_IMMUTABLETYPE,
    Py_TPFLAGS_MANAGED_DICT,
    Py_XDECREF,
    PyErr,
    PyErr_Format,
    PyErr_SetString,
    PyObject,
    PyObject_GetAttr,
    PyObject_GetOptionalAttr,
    PyObject_HasAttrWithError,
    PyObject_IsTrue,
    PyObject_Repr,
    PyObject_RichCompare,
    PyObject_SetAttr,
    PyObjectWithDict,
    PyTypeObject,
    _Py_MakeImmortal,
    _PyObject_ClearDict,
    _PyObject_ReprStr,
    _PyObject_StrStr,
    _PyNone_Type,
)
from pyvm.objects.abstract import (
    PyObject_GetItem,
    PyObject_GetIter,
    PySequence_Concat,
    PySequence_Index,
    PySequence_Size,
)
from pyvm.objects.sliceobject import Py_Ellipsis
from pyvm.objects.tupleobject import (
    PyTupleObject,
    _PyTuple_FromArray,
    _PyTuple_FromArraySteal,
)
from pyvm.objects.typeobject import PyType_Ready
from pyvm.objects.unicodeobject import (
    PyUnicode_FromString,
    PyUnicode_InternFromString,
    PyUnicodeObject,
    _PyArg_CheckPositional,
    _PyArg_UnpackKeywords,
)
from pyvm.pystate import _tstate

# CPython: Include/internal/pycore_object.h:_Py_ANNOTATE_FORMAT_STRING
# (annotationlib.Format.STRING)
_Py_ANNOTATE_FORMAT_STRING: Final = 4


nodefault_doc: Final = (
    'NoDefaultType()\n'
    '--\n'
    '\n'
    'The type of the NoDefault singleton.'
)
constevaluator_doc: Final = (
    '_ConstEvaluator()\n'
    '--\n'
    '\n'
    'Internal type for implementing evaluation functions.'
)
typevar_doc: Final = (
    'Type variable.\n'
    '\n'
    'The preferred way to construct a type variable is via the dedicated\n'
    'syntax for generic functions, classes, and type aliases::\n'
    '\n'
    '    class Sequence[T]:  # T is a TypeVar\n'
    '        ...\n'
    '\n'
    'This syntax can also be used to create bound and constrained type\n'
    'variables::\n'
    '\n'
    '    # S is a TypeVar bound to str\n'
    '    class StrSequence[S: str]:\n'
    '        ...\n'
    '\n'
    '    # A is a TypeVar constrained to str or bytes\n'
    '    class StrOrBytesSequence[A: (str, bytes)]:\n'
    '        ...\n'
    '\n'
    'Type variables can also have defaults:\n'
    '\n'
    '    class IntDefault[T = int]:\n'
    '        ...\n'
    '\n'
    'However, if desired, reusable type variables can also be constructed\n'
    'manually, like so::\n'
    '\n'
    "   T = TypeVar('T')  # Can be anything\n"
    "   S = TypeVar('S', bound=str)  # Can be any subtype of str\n"
    "   A = TypeVar('A', str, bytes)  # Must be exactly str or bytes\n"
    "   D = TypeVar('D', default=int)  # Defaults to int\n"
    '\n'
    'Type variables exist primarily for the benefit of static type\n'
    'checkers.  They serve as the parameters for generic types as well\n'
    'as for generic function and type alias definitions.\n'
    '\n'
    'The variance of type variables is inferred by type checkers when they\n'
    'are created through the type parameter syntax and when\n'
    '``infer_variance=True`` is passed. Manually created type variables may\n'
    'be explicitly marked covariant or contravariant by passing\n'
    '``covariant=True`` or ``contravariant=True``. By default, manually\n'
    'created type variables are invariant. See PEP 484 and PEP 695 for more\n'
    'details.\n'
)
paramspecargs_doc: Final = (
    'The args for a ParamSpec object.\n'
    '\n'
    'Given a ParamSpec object P, P.args is an instance of ParamSpecArgs.\n'
    '\n'
    'ParamSpecArgs objects have a reference back to their ParamSpec::\n'
    '\n'
    '    >>> P = ParamSpec("P")\n'
    '    >>> P.args.__origin__ is P\n'
    '    True\n'
    '\n'
    'This type is meant for runtime introspection and has no special meaning\n'
    'to static type checkers.\n'
)
paramspeckwargs_doc: Final = (
    'The kwargs for a ParamSpec object.\n'
    '\n'
    'Given a ParamSpec object P, P.kwargs is an instance of ParamSpecKwargs.\n'
    '\n'
    'ParamSpecKwargs objects have a reference back to their ParamSpec::\n'
    '\n'
    '    >>> P = ParamSpec("P")\n'
    '    >>> P.kwargs.__origin__ is P\n'
    '    True\n'
    '\n'
    'This type is meant for runtime introspection and has no special meaning\n'
    'to static type checkers.\n'
)
paramspec_doc: Final = (
    'Parameter specification variable.\n'
    '\n'
    'The preferred way to construct a parameter specification is via the\n'
    'dedicated syntax for generic functions, classes, and type aliases,\n'
    "where the use of '**' creates a parameter specification::\n"
    '\n'
    '    type IntFunc[**P] = Callable[P, int]\n'
    '\n'
    'The following syntax creates a parameter specification that defaults\n'
    'to a callable accepting two positional-only arguments of types int\n'
    'and str:\n'
    '\n'
    '    type IntFuncDefault[**P = [int, str]] = Callable[P, int]\n'
    '\n'
    'For compatibility with Python 3.11 and earlier, ParamSpec objects\n'
    'can also be created as follows::\n'
    '\n'
    "    P = ParamSpec('P')\n"
    "    DefaultP = ParamSpec('DefaultP', default=[int, str])\n"
    '\n'
    'Parameter specification variables exist primarily for the benefit of\n'
    'static type checkers.  They are used to forward the parameter types of\n'
    'one callable to another callable, a pattern commonly found in\n'
    'higher-order functions and decorators.  They are only valid when used\n'
    'in ``Concatenate``, or as the first argument to ``Callable``, or as\n'
    'parameters for user-defined Generics. See class Generic for more\n'
    'information on generic types.\n'
    '\n'
    'An example for annotating a decorator::\n'
    '\n'
    '    def add_logging[**P, T](f: Callable[P, T]) -> Callable[P, T]:\n'
    "        '''A type-safe decorator to add logging to a function.'''\n"
    '        def inner(*args: P.args, **kwargs: P.kwargs) -> T:\n'
    "            logging.info(f'{f.__name__} was called')\n"
    '            return f(*args, **kwargs)\n'
    '        return inner\n'
    '\n'
    '    @add_logging\n'
    '    def add_two(x: float, y: float) -> float:\n'
    "        '''Add two numbers together.'''\n"
    '        return x + y\n'
    '\n'
    'Parameter specification variables can be introspected. e.g.::\n'
    '\n'
    '    >>> P = ParamSpec("P")\n'
    '    >>> P.__name__\n'
    "    'P'\n"
    '\n'
    'Note that only parameter specification variables defined in the global\n'
    'scope can be pickled.\n'
)
typevartuple_doc: Final = (
    'Type variable tuple. A specialized form of type variable that enables\n'
    'variadic generics.\n'
    '\n'
    'The preferred way to construct a type variable tuple is via the\n'
    'dedicated syntax for generic functions, classes, and type aliases,\n'
    "where a single '*' indicates a type variable tuple::\n"
    '\n'
    '    def move_first_element_to_last[T, *Ts](tup: tuple[T, *Ts]) -> tuple[*Ts, T]:\n'
    '        return (*tup[1:], tup[0])\n'
    '\n'
    'Type variables tuples can have default values:\n'
    '\n'
    '    type AliasWithDefault[*Ts = (str, int)] = tuple[*Ts]\n'
    '\n'
    'For compatibility with Python 3.11 and earlier, TypeVarTuple objects\n'
    'can also be created as follows::\n'
    '\n'
    "    Ts = TypeVarTuple('Ts')  # Can be given any name\n"
    "    DefaultTs = TypeVarTuple('Ts', default=(str, int))\n"
    '\n'
    'Just as a TypeVar (type variable) is a placeholder for a single type,\n'
    'a TypeVarTuple is a placeholder for an *arbitrary* number of types. For\n'
    'example, if we define a generic class using a TypeVarTuple::\n'
    '\n'
    '    class C[*Ts]: ...\n'
    '\n'
    'Then we can parameterize that class with an arbitrary number of type\n'
    'arguments::\n'
    '\n'
    '    C[int]       # Fine\n'
    '    C[int, str]  # Also fine\n'
    '    C[()]        # Even this is fine\n'
    '\n'
    'For more details, see PEP 646.\n'
    '\n'
    'Note that only TypeVarTuples defined in the global scope can be\n'
    'pickled.\n'
)
typealias_doc: Final = (
    'Type alias.\n'
    '\n'
    'Type aliases are created through the type statement::\n'
    '\n'
    '    type Alias = int\n'
    '\n'
    'In this example, Alias and int will be treated equivalently by static\n'
    'type checkers.\n'
    '\n'
    'At runtime, Alias is an instance of TypeAliasType. The __name__\n'
    'attribute holds the name of the type alias. The value of the type alias\n'
    'is stored in the __value__ attribute. It is evaluated lazily, so the\n'
    'value is computed only if the attribute is accessed.\n'
    '\n'
    'Type aliases can also be generic::\n'
    '\n'
    '    type ListOrSet[T] = list[T] | set[T]\n'
    '\n'
    'In this case, the type parameters of the alias are stored in the\n'
    '__type_params__ attribute.\n'
    '\n'
    'See PEP 695 for more information.\n'
)
generic_doc: Final = (
    'Abstract base class for generic types.\n'
    '\n'
    'On Python 3.12 and newer, generic classes implicitly inherit from\n'
    "Generic when they declare a parameter list after the class's name::\n"
    '\n'
    '    class Mapping[KT, VT]:\n'
    '        def __getitem__(self, key: KT) -> VT:\n'
    '            ...\n'
    '        # Etc.\n'
    '\n'
    'On older versions of Python, however, generic classes have to\n'
    'explicitly inherit from Generic.\n'
    '\n'
    'After a class has been declared to be generic, it can then be used as\n'
    'follows::\n'
    '\n'
    '    def lookup_name[KT, VT](mapping: Mapping[KT, VT], key: KT, default: VT) -> VT:\n'
    '        try:\n'
    '            return mapping[key]\n'
    '        except KeyError:\n'
    '            return default\n'
)
generic_class_getitem_doc: Final = (
    'Parameterizes a generic class.\n'
    '\n'
    'At least, parameterizing a generic class is the *main* thing this\n'
    'method does.  For example, for some generic class `Foo`, this is\n'
    'called when we do `Foo[int]` - there, with `cls=Foo` and\n'
    '`params=int`.\n'
    '\n'
    'However, note that this method is also called when defining generic\n'
    'classes in the first place with `class Foo[T]: ...`.\n'
)

# ---------------------------------------------------------------------------
# The types (C: the PyType_Spec tables and _PyNoDefault_Type / _PyTypeAlias_Type)

_PyNoDefault_Type: Final = PyTypeObject("NoDefaultType", None, Py_TPFLAGS_IMMUTABLETYPE,
                                        nodefault_doc)
_PyConstEvaluator_Type: Final = PyTypeObject(
    "_typing._ConstEvaluator", None, Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE,
    constevaluator_doc)
_PyTypeVar_Type: Final = PyTypeObject(
    "typing.TypeVar", None,
    Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_MANAGED_DICT, typevar_doc)
_PyParamSpecArgs_Type: Final = PyTypeObject(
    "typing.ParamSpecArgs", None, Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE,
    paramspecargs_doc)
_PyParamSpecKwargs_Type: Final = PyTypeObject(
    "typing.ParamSpecKwargs", None, Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE,
    paramspeckwargs_doc)
_PyParamSpec_Type: Final = PyTypeObject(
    "typing.ParamSpec", None,
    Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_MANAGED_DICT, paramspec_doc)
_PyTypeVarTuple_Type: Final = PyTypeObject(
    "typing.TypeVarTuple", None,
    Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_MANAGED_DICT, typevartuple_doc)
_PyTypeAlias_Type: Final = PyTypeObject(
    "typing.TypeAliasType", None, Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE, typealias_doc)
PyGeneric_Type: Final = PyTypeObject(
    "typing.Generic", None, Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, generic_doc)


# CPython: Objects/typevarobject.c:nodefault_new (the singleton it returns)
_Py_NoDefaultStruct: Final = _Py_MakeImmortal(_PyNoDefault_Type)


def _new_ref(o: PyObject) -> PyObject:
    """pyvm: C's ``Py_NewRef``."""
    Py_INCREF(o)
    return o


def _xnew_ref(o: Optional[PyObject]) -> Optional[PyObject]:
    """pyvm: C's ``Py_XNewRef``."""
    if o is not None:
        Py_INCREF(o)
    return o


def _none() -> PyObject:
    """pyvm: C's ``Py_RETURN_NONE``."""
    return Py_None


def _bool(v: bool) -> PyObject:
    """pyvm: C's ``Py_RETURN_TRUE`` / ``Py_RETURN_FALSE``."""
    return Py_True if v else Py_False


def _type_error(msg: str) -> NoReturn:
    """pyvm: raise a pyvm TypeError."""
    PyErr_SetString(PyExc_TypeError, msg)


def _str(o: PyObject) -> str:
    """pyvm: the host text of a str object."""
    assert isinstance(o, PyUnicodeObject)
    return o.value


# ---------------------------------------------------------------------------
# Argument parsing of the constructors (Objects/clinic/typevarobject.c.h)


def _PyArg_BadArgument(fname: str, displayname: str, expected: str, arg: PyObject) -> NoReturn:
    """CPython: Python/getargs.c:_PyArg_BadArgument"""
    _type_error(f"{fname}() {displayname} must be {expected}, not {arg.ob_type.tp_name}")


def _unpack_new_args(fname: str, args: PyObject, kwds: Optional[PyObject], names: list[str],
                     minpos: int, maxpos: int,
                     varpos: bool) -> tuple[list[Optional[PyObject]], list[PyObject]]:
    """CPython: Python/getargs.c:_PyArg_UnpackKeywords

    pyvm: the tuple-and-dict form of a ``tp_new`` call turned into the vector
    form pyvm's ``_PyArg_UnpackKeywords`` reads. With ``varpos`` the positional
    arguments past ``maxpos`` are returned apart (C's ``PyTuple_GetSlice(args,
    maxpos, …)`` of a ``*args`` parameter). All references are borrowed.
    """
    assert isinstance(args, PyTupleObject)
    items = args.ob_item
    extra: list[PyObject] = []
    if varpos:
        extra = items[maxpos:]
        items = items[:maxpos]
    vec: list[PyObject] = list(items)
    keys: list[PyObject] = []
    if kwds is not None:
        pos = 0
        while True:
            nxt = PyDict_Next(kwds, pos)
            if nxt is None:
                break
            pos, k, v = nxt
            keys.append(k)
            vec.append(v)
    # C's parser has no positional-only parameters here, so a missing
    # required argument is always reported by name.
    for i in range(len(items), minpos):
        if all(_str(k) != names[i] for k in keys):
            _type_error(f"{fname}() missing required argument '{names[i]}' (pos {i + 1})")
    kwnames: Optional[PyObject] = None
    if keys:
        kwnames = _PyTuple_FromArray(keys)
    try:
        out = _PyArg_UnpackKeywords(fname, vec, kwnames, names, minpos, maxpos)
    finally:
        if kwnames is not None:
            Py_DECREF(kwnames)
    return out, extra


def _name_arg(fname: str, o: Optional[PyObject]) -> PyObject:
    """pyvm: Argument Clinic's ``object(subclass_of="&PyUnicode_Type")`` check
    of the ``name`` parameter (borrowed)."""
    assert o is not None
    if not isinstance(o, PyUnicodeObject):
        _PyArg_BadArgument(fname, "argument 'name'", "str", o)
    return o


def _bool_arg(o: Optional[PyObject]) -> bool:
    """pyvm: Argument Clinic's ``bool`` converter (``PyObject_IsTrue``); absent is False."""
    return o is not None and PyObject_IsTrue(o)


# ---------------------------------------------------------------------------
# NoDefault


def NoDefault_repr(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:NoDefault_repr"""
    return PyUnicode_FromString("typing.NoDefault")


def NoDefault_reduce(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:NoDefault_reduce"""
    return PyUnicode_FromString("NoDefault")


def nodefault_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typevarobject.c:nodefault_new"""
    assert isinstance(args, PyTupleObject)
    if args.ob_item or (kwds is not None and PyDict_Size(kwds)):
        _type_error("NoDefaultType takes no arguments")
    return _Py_NoDefaultStruct


def nodefault_dealloc(op: PyObject) -> None:
    """CPython: Objects/typevarobject.c:nodefault_dealloc

    Never called: NoDefault is immortal.
    """


# ---------------------------------------------------------------------------
# _ConstEvaluator: the evaluate_* function of an eagerly given value


class constevaluatorobject(PyObject):
    """pyvm: C's ``constevaluatorobject`` struct of Objects/typevarobject.c."""

    value: Optional[PyObject]

    def __init__(self, value: PyObject) -> None:
        super().__init__(_PyConstEvaluator_Type)
        self.value = value


def constevaluator_dealloc(self_: PyObject) -> None:
    """CPython: Objects/typevarobject.c:constevaluator_dealloc"""
    assert isinstance(self_, constevaluatorobject)
    v = self_.value
    self_.value = None
    Py_XDECREF(v)


def constevaluator_repr(self_: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:constevaluator_repr"""
    assert isinstance(self_, constevaluatorobject)
    v = self_.value
    assert v is not None
    return PyUnicode_FromString(f"<constevaluator {_PyObject_ReprStr(v)}>")


def constevaluator_call(self_: PyObject, args: PyObject, kwargs: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typevarobject.c:constevaluator_call

    ``evaluator(format)``: the value, or for ``Format.STRING`` its source-like
    text (``_Py_typing_type_repr`` of the value, or of each item of a tuple).
    """
    assert isinstance(self_, constevaluatorobject)
    if kwargs is not None and PyDict_Size(kwargs):
        _type_error("constevaluator.__call__() takes no keyword arguments")
    assert isinstance(args, PyTupleObject)
    n = len(args.ob_item)
    if n != 1:
        _type_error(f"constevaluator.__call__() takes exactly one argument ({n} given)")
    fmt = PyLong_AsInt(args.ob_item[0])
    value = self_.value
    assert value is not None
    if fmt == _Py_ANNOTATE_FORMAT_STRING:
        if isinstance(value, PyTupleObject):
            parts = [_Py_typing_type_repr(item) for item in value.ob_item]
            return PyUnicode_FromString("(" + ", ".join(parts) + ")")
        return PyUnicode_FromString(_Py_typing_type_repr(value))
    return _new_ref(value)


def constevaluator_alloc(value: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:constevaluator_alloc

    Takes a new reference to ``value``.
    """
    Py_INCREF(value)
    return constevaluatorobject(value)


def _Py_typing_type_repr(p: PyObject) -> str:
    """CPython: Objects/typevarobject.c:_Py_typing_type_repr

    pyvm: returns the text instead of writing it to a ``PyUnicodeWriter``.
    Classes print as ``module.qualname`` (bare for builtins), ``...`` and
    ``None`` as themselves, anything else (generic aliases included) as its repr.
    """
    if p is Py_Ellipsis:
        return "..."
    if p is _PyNone_Type:
        return "None"
    if PyObject_HasAttrWithError(p, PyUnicode_InternFromString("__origin__")) and \
            PyObject_HasAttrWithError(p, PyUnicode_InternFromString("__args__")):
        return _PyObject_ReprStr(p)
    qualname = PyObject_GetOptionalAttr(p, PyUnicode_InternFromString("__qualname__"))
    if qualname is None:
        return _PyObject_ReprStr(p)
    try:
        module = PyObject_GetOptionalAttr(p, PyUnicode_InternFromString("__module__"))
        if module is None or module is Py_None:
            Py_XDECREF(module)
            return _PyObject_ReprStr(p)
        try:
            if isinstance(module, PyUnicodeObject) and module.value == "builtins":
                return _PyObject_StrStr(qualname)
            return f"{_PyObject_StrStr(module)}.{_PyObject_StrStr(qualname)}"
        finally:
            Py_DECREF(module)
    finally:
        Py_DECREF(qualname)


# ---------------------------------------------------------------------------
# Calls into Lib/typing.py


def _import_typing(what: str) -> PyObject:
    """pyvm: ``PyImport_ImportModule("typing")`` (a new reference).

    pyvm has no import system for modules written in Python yet: ``typing`` is
    used if a program's ``sys.modules`` has it, else this raises
    ``ModuleNotFoundError`` naming the typing.py function C wanted to call.
    """
    mods = _PySys_GetAttr("modules")
    if mods is not None:
        m = PyDict_GetItemWithError(mods, PyUnicode_InternFromString("typing"))
        if m is not None:
            return _new_ref(m)
    PyErr_SetString(PyExc_ModuleNotFoundError,
                    f"No module named 'typing' (pyvm cannot import Python modules yet; "
                    f"typing.{what} is needed here)")


def call_typing_func_object(name: str, args: list[PyObject]) -> PyObject:
    """CPython: Objects/typevarobject.c:call_typing_func_object

    ``typing.<name>(*args)``; the arguments are borrowed, the result is new.
    """
    typing = _import_typing(name)
    try:
        func = PyObject_GetAttr(typing, PyUnicode_InternFromString(name))
    finally:
        Py_DECREF(typing)
    try:
        return PyObject_Vectorcall(func, args, 0, len(args), None)
    finally:
        Py_DECREF(func)


def type_check(arg: PyObject, msg: str) -> PyObject:
    """CPython: Objects/typevarobject.c:type_check

    ``typing._type_check(arg, msg)``; None is its own type, checked here.
    Returns a new reference.
    """
    if arg is Py_None:
        return _new_ref(arg.ob_type)
    message_str = PyUnicode_FromString(msg)
    try:
        return call_typing_func_object("_type_check", [arg, message_str])
    finally:
        Py_DECREF(message_str)


def make_union(self_: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:make_union

    ``T | U`` of TypeVar and ParamSpec: ``_Py_union_from_tuple((self, other))``,
    which accepts more than ``_Py_union_type_or`` does (as the Python version
    of these types did).
    """
    from pyvm.objects.unionobject import _Py_union_from_tuple  # cycle: unionobject imports us
    args = _PyTuple_FromArray([self_, other])
    try:
        return _Py_union_from_tuple(args)
    finally:
        Py_DECREF(args)


def caller() -> PyObject:
    """CPython: Objects/typevarobject.c:caller

    The ``__module__`` of the function that is running (a new reference), or
    None. pyvm: module-level code runs without a function object (C makes a
    throw-away one in ``PyEval_EvalCode``), so its module is its globals'
    ``__name__``, which is what C's function would report.
    """
    f = _tstate.current_frame
    if f is None:
        return _none()
    fn = f.f_funcobj
    if fn is None:
        r = PyDict_GetItemWithError(f.f_globals, PyUnicode_InternFromString("__name__"))
    elif isinstance(fn, PyFunctionObject):
        r = fn.func_module
    else:
        r = None
    if r is None:
        return _none()
    return _new_ref(r)


def unpack(self_: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:unpack

    ``typing.Unpack[self]`` (a new reference).
    """
    typing = _import_typing("Unpack")
    try:
        up = PyObject_GetAttr(typing, PyUnicode_InternFromString("Unpack"))
    finally:
        Py_DECREF(typing)
    try:
        return PyObject_GetItem(up, self_)
    finally:
        Py_DECREF(up)


def contains_typevartuple(params: PyTupleObject) -> bool:
    """CPython: Objects/typevarobject.c:contains_typevartuple"""
    for p in params.ob_item:
        if p.ob_type is _PyTypeVarTuple_Type:
            return True
    return False


def unpack_typevartuples(params: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:unpack_typevartuples

    ``params`` with every TypeVarTuple replaced by ``Unpack[Ts]`` (a new
    reference; ``params`` itself when it has none).
    """
    assert isinstance(params, PyTupleObject)
    if not contains_typevartuple(params):
        return _new_ref(params)
    items: list[PyObject] = []
    try:
        for p in params.ob_item:
            if p.ob_type is _PyTypeVarTuple_Type:
                items.append(unpack(p))
            else:
                items.append(_new_ref(p))
    except PyErr:
        for it in items:
            Py_DECREF(it)
        raise
    return _PyTuple_FromArraySteal(items)


def _mro_entries_error(what: str) -> NoReturn:
    """pyvm: the body shared by the ``*_mro_entries`` methods."""
    _type_error(f"Cannot subclass an instance of {what}")


def _has_default(evaluate_default: Optional[PyObject], default_value: Optional[PyObject]) -> PyObject:
    """pyvm: the body shared by the ``*_has_default_impl`` methods."""
    return _bool(evaluate_default is not None or
                 (default_value is not None and default_value is not _Py_NoDefaultStruct))


def _lazy_default(default_value: Optional[PyObject],
                  evaluate_default: Optional[PyObject]) -> tuple[PyObject, Optional[PyObject]]:
    """pyvm: the body shared by ``typevar_default`` and its siblings.

    Returns ``(result, new cached value)``: the result is a new reference; the
    cache is what the field must hold afterwards (a new reference of its own
    when it was just computed).
    """
    if default_value is not None:
        return _new_ref(default_value), default_value
    if evaluate_default is None:
        return _Py_NoDefaultStruct, None
    v = PyObject_CallNoArgs(evaluate_default)
    Py_INCREF(v)
    return v, v


def _evaluator(evaluate: Optional[PyObject], value: Optional[PyObject]) -> PyObject:
    """pyvm: the body shared by ``typevar_evaluate_bound`` and its siblings: the
    lazy function, a ``_ConstEvaluator`` of an eager value, or None."""
    if evaluate is not None:
        return _new_ref(evaluate)
    if value is not None:
        return constevaluator_alloc(value)
    return _none()


def _set_module(op: PyObject, module: Optional[PyObject]) -> None:
    """pyvm: the ``PyObject_SetAttrString(op, "__module__", module)`` of the
    ``*_alloc`` functions; releases ``op`` if it fails."""
    if module is None:
        return
    try:
        PyObject_SetAttr(op, PyUnicode_InternFromString("__module__"), module)
    except PyErr:
        Py_DECREF(op)
        raise


# ---------------------------------------------------------------------------
# TypeVar


class typevarobject(PyObjectWithDict):
    """pyvm: C's ``typevarobject`` struct of Objects/typevarobject.c.

    Every object field is an owned reference or None (C's NULL). The instance
    dict is C's managed dict (``__module__`` lives there).
    """

    name: PyObject
    bound: Optional[PyObject]
    evaluate_bound: Optional[PyObject]
    constraints: Optional[PyObject]
    evaluate_constraints: Optional[PyObject]
    default_value: Optional[PyObject]
    evaluate_default: Optional[PyObject]
    covariant: bool
    contravariant: bool
    infer_variance: bool

    def __init__(self, name: PyObject) -> None:
        super().__init__(_PyTypeVar_Type)
        self.name = name
        self.bound = None
        self.evaluate_bound = None
        self.constraints = None
        self.evaluate_constraints = None
        self.default_value = None
        self.evaluate_default = None
        self.covariant = False
        self.contravariant = False
        self.infer_variance = False


def _tv(op: PyObject) -> typevarobject:
    """CPython: Objects/typevarobject.c:typevarobject_CAST"""
    assert isinstance(op, typevarobject)
    return op


def typevar_dealloc(self_: PyObject) -> None:
    """CPython: Objects/typevarobject.c:typevar_dealloc"""
    tv = _tv(self_)
    Py_DECREF(tv.name)
    for v in (tv.bound, tv.evaluate_bound, tv.constraints, tv.evaluate_constraints,
              tv.default_value, tv.evaluate_default):
        Py_XDECREF(v)
    tv.bound = tv.evaluate_bound = tv.constraints = tv.evaluate_constraints = None
    tv.default_value = tv.evaluate_default = None
    _PyObject_ClearDict(tv)


def _variance_repr(name: PyObject, infer_variance: bool, covariant: bool,
                   contravariant: bool) -> PyObject:
    """pyvm: the body shared by ``typevar_repr`` and ``paramspec_repr``."""
    if infer_variance:
        return _new_ref(name)
    variance = "+" if covariant else "-" if contravariant else "~"
    return PyUnicode_FromString(variance + _str(name))


def typevar_repr(self_: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typevar_repr

    ``~T`` (invariant), ``+T`` (covariant), ``-T`` (contravariant), or the bare
    name when the variance is inferred (every PEP 695 type parameter).
    """
    tv = _tv(self_)
    return _variance_repr(tv.name, tv.infer_variance, tv.covariant, tv.contravariant)


def typevar_get_name(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:name (the ``__name__`` member)"""
    return _new_ref(_tv(op).name)


def typevar_get_covariant(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:covariant (the ``__covariant__`` member)"""
    return _bool(_tv(op).covariant)


def typevar_get_contravariant(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:contravariant (the ``__contravariant__`` member)"""
    return _bool(_tv(op).contravariant)


def typevar_get_infer_variance(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:infer_variance (the ``__infer_variance__`` member)"""
    return _bool(_tv(op).infer_variance)


def typevar_bound(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typevar_bound

    Evaluates the lazy bound on first use and caches it.
    """
    tv = _tv(op)
    if tv.bound is not None:
        return _new_ref(tv.bound)
    if tv.evaluate_bound is None:
        return _none()
    bound = PyObject_CallNoArgs(tv.evaluate_bound)
    tv.bound = _new_ref(bound)
    return bound


def typevar_default(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typevar_default"""
    tv = _tv(op)
    r, cache = _lazy_default(tv.default_value, tv.evaluate_default)
    tv.default_value = cache
    return r


def typevar_constraints(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typevar_constraints"""
    tv = _tv(op)
    if tv.constraints is not None:
        return _new_ref(tv.constraints)
    if tv.evaluate_constraints is None:
        return _PyTuple_FromArray([])
    constraints = PyObject_CallNoArgs(tv.evaluate_constraints)
    tv.constraints = _new_ref(constraints)
    return constraints


def typevar_evaluate_bound(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typevar_evaluate_bound"""
    tv = _tv(op)
    return _evaluator(tv.evaluate_bound, tv.bound)


def typevar_evaluate_constraints(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typevar_evaluate_constraints"""
    tv = _tv(op)
    return _evaluator(tv.evaluate_constraints, tv.constraints)


def typevar_evaluate_default(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typevar_evaluate_default"""
    tv = _tv(op)
    return _evaluator(tv.evaluate_default, tv.default_value)


def typevar_alloc(name: PyObject, bound: Optional[PyObject], evaluate_bound: Optional[PyObject],
                  constraints: Optional[PyObject], evaluate_constraints: Optional[PyObject],
                  default_value: Optional[PyObject], covariant: bool, contravariant: bool,
                  infer_variance: bool, module: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typevarobject.c:typevar_alloc

    Takes new references to everything it stores; returns a new reference.
    """
    tv = typevarobject(_new_ref(name))
    tv.bound = _xnew_ref(bound)
    tv.evaluate_bound = _xnew_ref(evaluate_bound)
    tv.constraints = _xnew_ref(constraints)
    tv.evaluate_constraints = _xnew_ref(evaluate_constraints)
    tv.default_value = _xnew_ref(default_value)
    tv.evaluate_default = None
    tv.covariant = covariant
    tv.contravariant = contravariant
    tv.infer_variance = infer_variance
    _set_module(tv, module)
    return tv


def typevar_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typevarobject.c:typevar_new_impl

    ``TypeVar(name, *constraints, bound=None, default=NoDefault,
    covariant=False, contravariant=False, infer_variance=False)`` (the
    argument parsing is the clinic wrapper ``typevar_new``).
    """
    vals, constraints_items = _unpack_new_args(
        "typevar", args, kwds,
        ["name", "bound", "default", "covariant", "contravariant", "infer_variance"],
        1, 1, True)
    name = _name_arg("typevar", vals[0])
    bound: Optional[PyObject] = vals[1]
    default_value: PyObject = vals[2] if vals[2] is not None else _Py_NoDefaultStruct
    covariant = _bool_arg(vals[3])
    contravariant = _bool_arg(vals[4])
    infer_variance = _bool_arg(vals[5])
    if covariant and contravariant:
        PyErr_SetString(PyExc_ValueError, "Bivariant types are not supported.")
    if infer_variance and (covariant or contravariant):
        PyErr_SetString(PyExc_ValueError, "Variance cannot be specified with infer_variance.")
    if bound is Py_None:
        bound = None
    if bound is not None:
        bound = type_check(bound, "Bound must be a type.")
    try:
        n_constraints = len(constraints_items)
        constraints: Optional[PyObject] = None
        if n_constraints == 1:
            _type_error("A single constraint is not allowed")
        elif n_constraints > 0 and bound is not None:
            _type_error("Constraints cannot be combined with bound=...")
        module = caller()
        if n_constraints:
            constraints = _PyTuple_FromArray(constraints_items)
        try:
            return typevar_alloc(name, bound, None, constraints, None, default_value,
                                 covariant, contravariant, infer_variance, module)
        finally:
            Py_DECREF(module)
            Py_XDECREF(constraints)
    finally:
        Py_XDECREF(bound)


def typevar_typing_subst_impl(self_: PyObject, arg: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typevar_typing_subst_impl"""
    return call_typing_func_object("_typevar_subst", [self_, arg])


def typevar_typing_prepare_subst_impl(self_: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/typevarobject.c:typevar_typing_prepare_subst_impl

    ``alias.__parameters__`` tells which argument this TypeVar takes; a missing
    trailing argument is filled from the default.
    """
    _PyArg_CheckPositional("__typing_prepare_subst__", len(args), 2, 2)
    alias = args[0]
    targs = args[1]
    params = PyObject_GetAttr(alias, PyUnicode_InternFromString("__parameters__"))
    try:
        i = PySequence_Index(params, self_)
        args_len = PySequence_Size(targs)
        if i < args_len:
            return _new_ref(targs)
        if i == args_len:
            dflt = typevar_default(self_)
            if dflt is not _Py_NoDefaultStruct:
                new_args = _PyTuple_FromArraySteal([dflt])
                try:
                    return PySequence_Concat(targs, new_args)
                finally:
                    Py_DECREF(new_args)
    finally:
        Py_DECREF(params)
    _type_error(f"Too few arguments for {_PyObject_ReprStr(alias)}; actual {args_len}, "
                f"expected at least {i + 1}")


def typevar_reduce_impl(self_: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typevar_reduce_impl"""
    return _new_ref(_tv(self_).name)


def typevar_has_default_impl(self_: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typevar_has_default_impl"""
    tv = _tv(self_)
    return _has_default(tv.evaluate_default, tv.default_value)


def typevar_mro_entries(self_: PyObject, args: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typevar_mro_entries"""
    _mro_entries_error("TypeVar")


# ---------------------------------------------------------------------------
# ParamSpecArgs / ParamSpecKwargs: ``P.args`` and ``P.kwargs``


class paramspecattrobject(PyObject):
    """pyvm: C's ``paramspecattrobject`` struct of Objects/typevarobject.c."""

    origin: Optional[PyObject]

    def __init__(self, tp: PyTypeObject, origin: PyObject) -> None:
        super().__init__(tp)
        self.origin = origin


def _psa(op: PyObject) -> paramspecattrobject:
    """CPython: Objects/typevarobject.c:paramspecattrobject_CAST"""
    assert isinstance(op, paramspecattrobject)
    return op


def paramspecattr_dealloc(self_: PyObject) -> None:
    """CPython: Objects/typevarobject.c:paramspecattr_dealloc"""
    psa = _psa(self_)
    o = psa.origin
    psa.origin = None
    Py_XDECREF(o)


def paramspecattr_richcompare(a: PyObject, b: PyObject, op: int) -> PyObject:
    """CPython: Objects/typevarobject.c:paramspecattr_richcompare

    Equal when the origins are equal.
    """
    if a.ob_type is not b.ob_type or (op != Py_EQ and op != Py_NE):
        return Py_NotImplemented
    lo = _psa(a).origin
    ro = _psa(b).origin
    assert lo is not None and ro is not None
    return PyObject_RichCompare(lo, ro, op)


def paramspecattr_get_origin(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:__origin__ (the member)"""
    o = _psa(op).origin
    assert o is not None
    return _new_ref(o)


def paramspecattr_new(tp: PyTypeObject, origin: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:paramspecattr_new

    Takes a new reference to ``origin``.
    """
    return paramspecattrobject(tp, _new_ref(origin))


def _paramspecattr_repr(self_: PyObject, suffix: str) -> PyObject:
    """pyvm: the body shared by ``paramspecargs_repr`` and ``paramspeckwargs_repr``."""
    o = _psa(self_).origin
    assert o is not None
    if isinstance(o, paramspecobject):
        return PyUnicode_FromString(f"{_str(o.name)}.{suffix}")
    return PyUnicode_FromString(f"{_PyObject_ReprStr(o)}.{suffix}")


def paramspecargs_repr(self_: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:paramspecargs_repr"""
    return _paramspecattr_repr(self_, "args")


def paramspeckwargs_repr(self_: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:paramspeckwargs_repr"""
    return _paramspecattr_repr(self_, "kwargs")


def _paramspecattr_new_args(fname: str, tp: PyTypeObject, args: PyObject,
                            kwds: Optional[PyObject]) -> PyObject:
    """pyvm: the clinic wrapper of ``paramspecargs_new`` / ``paramspeckwargs_new``."""
    vals, _ = _unpack_new_args(fname, args, kwds, ["origin"], 1, 1, False)
    origin = vals[0]
    assert origin is not None
    return paramspecattr_new(tp, origin)


def paramspecargs_new_impl(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typevarobject.c:paramspecargs_new_impl"""
    return _paramspecattr_new_args("paramspecargs", tp, args, kwds)


def paramspeckwargs_new_impl(tp: PyTypeObject, args: PyObject,
                             kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typevarobject.c:paramspeckwargs_new_impl"""
    return _paramspecattr_new_args("paramspeckwargs", tp, args, kwds)


def paramspecargs_mro_entries(self_: PyObject, args: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:paramspecargs_mro_entries"""
    _mro_entries_error("ParamSpecArgs")


def paramspeckwargs_mro_entries(self_: PyObject, args: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:paramspeckwargs_mro_entries"""
    _mro_entries_error("ParamSpecKwargs")


# ---------------------------------------------------------------------------
# ParamSpec


class paramspecobject(PyObjectWithDict):
    """pyvm: C's ``paramspecobject`` struct of Objects/typevarobject.c."""

    name: PyObject
    bound: Optional[PyObject]
    default_value: Optional[PyObject]
    evaluate_default: Optional[PyObject]
    covariant: bool
    contravariant: bool
    infer_variance: bool

    def __init__(self, name: PyObject) -> None:
        super().__init__(_PyParamSpec_Type)
        self.name = name
        self.bound = None
        self.default_value = None
        self.evaluate_default = None
        self.covariant = False
        self.contravariant = False
        self.infer_variance = False


def _ps(op: PyObject) -> paramspecobject:
    """CPython: Objects/typevarobject.c:paramspecobject_CAST"""
    assert isinstance(op, paramspecobject)
    return op


def paramspec_dealloc(self_: PyObject) -> None:
    """CPython: Objects/typevarobject.c:paramspec_dealloc"""
    ps = _ps(self_)
    Py_DECREF(ps.name)
    for v in (ps.bound, ps.default_value, ps.evaluate_default):
        Py_XDECREF(v)
    ps.bound = ps.default_value = ps.evaluate_default = None
    _PyObject_ClearDict(ps)


def paramspec_repr(self_: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:paramspec_repr"""
    ps = _ps(self_)
    return _variance_repr(ps.name, ps.infer_variance, ps.covariant, ps.contravariant)


def paramspec_get_name(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:name (the ``__name__`` member of ParamSpec)"""
    return _new_ref(_ps(op).name)


def paramspec_get_bound(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:bound (the ``__bound__`` member of ParamSpec)"""
    b = _ps(op).bound
    return _none() if b is None else _new_ref(b)


def paramspec_get_covariant(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:covariant (the member of ParamSpec)"""
    return _bool(_ps(op).covariant)


def paramspec_get_contravariant(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:contravariant (the member of ParamSpec)"""
    return _bool(_ps(op).contravariant)


def paramspec_get_infer_variance(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:infer_variance (the member of ParamSpec)"""
    return _bool(_ps(op).infer_variance)


def paramspec_args(self_: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:paramspec_args"""
    return paramspecattr_new(_PyParamSpecArgs_Type, self_)


def paramspec_kwargs(self_: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:paramspec_kwargs"""
    return paramspecattr_new(_PyParamSpecKwargs_Type, self_)


def paramspec_default(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:paramspec_default"""
    ps = _ps(op)
    r, cache = _lazy_default(ps.default_value, ps.evaluate_default)
    ps.default_value = cache
    return r


def paramspec_evaluate_default(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:paramspec_evaluate_default"""
    ps = _ps(op)
    return _evaluator(ps.evaluate_default, ps.default_value)


def paramspec_alloc(name: PyObject, bound: Optional[PyObject], default_value: Optional[PyObject],
                    covariant: bool, contravariant: bool, infer_variance: bool,
                    module: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typevarobject.c:paramspec_alloc

    Takes new references; returns a new reference.
    """
    ps = paramspecobject(_new_ref(name))
    ps.bound = _xnew_ref(bound)
    ps.covariant = covariant
    ps.contravariant = contravariant
    ps.infer_variance = infer_variance
    ps.default_value = _xnew_ref(default_value)
    ps.evaluate_default = None
    _set_module(ps, module)
    return ps


def paramspec_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typevarobject.c:paramspec_new_impl

    ``ParamSpec(name, *, bound=None, default=NoDefault, covariant=False,
    contravariant=False, infer_variance=False)``.
    """
    vals, _ = _unpack_new_args(
        "paramspec", args, kwds,
        ["name", "bound", "default", "covariant", "contravariant", "infer_variance"],
        1, 1, False)
    name = _name_arg("paramspec", vals[0])
    bound: Optional[PyObject] = vals[1] if vals[1] is not None else Py_None
    default_value: PyObject = vals[2] if vals[2] is not None else _Py_NoDefaultStruct
    covariant = _bool_arg(vals[3])
    contravariant = _bool_arg(vals[4])
    infer_variance = _bool_arg(vals[5])
    if covariant and contravariant:
        PyErr_SetString(PyExc_ValueError, "Bivariant types are not supported.")
    if infer_variance and (covariant or contravariant):
        PyErr_SetString(PyExc_ValueError, "Variance cannot be specified with infer_variance.")
    # C tests ``bound != NULL`` and the clinic default is None: the bound is
    # always type-checked, and None becomes NoneType (type_check's shortcut).
    assert bound is not None
    bound = type_check(bound, "Bound must be a type.")
    try:
        module = caller()
        try:
            return paramspec_alloc(name, bound, default_value, covariant, contravariant,
                                   infer_variance, module)
        finally:
            Py_DECREF(module)
    finally:
        Py_DECREF(bound)


def paramspec_typing_subst_impl(self_: PyObject, arg: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:paramspec_typing_subst_impl"""
    return call_typing_func_object("_paramspec_subst", [self_, arg])


def paramspec_typing_prepare_subst_impl(self_: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/typevarobject.c:paramspec_typing_prepare_subst_impl"""
    _PyArg_CheckPositional("__typing_prepare_subst__", len(args), 2, 2)
    return call_typing_func_object("_paramspec_prepare_subst", [self_, args[0], args[1]])


def paramspec_reduce_impl(self_: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:paramspec_reduce_impl"""
    return _new_ref(_ps(self_).name)


def paramspec_has_default_impl(self_: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:paramspec_has_default_impl"""
    ps = _ps(self_)
    return _has_default(ps.evaluate_default, ps.default_value)


def paramspec_mro_entries(self_: PyObject, args: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:paramspec_mro_entries"""
    _mro_entries_error("ParamSpec")


# ---------------------------------------------------------------------------
# TypeVarTuple


class typevartupleobject(PyObjectWithDict):
    """pyvm: C's ``typevartupleobject`` struct of Objects/typevarobject.c."""

    name: PyObject
    default_value: Optional[PyObject]
    evaluate_default: Optional[PyObject]

    def __init__(self, name: PyObject) -> None:
        super().__init__(_PyTypeVarTuple_Type)
        self.name = name
        self.default_value = None
        self.evaluate_default = None


def _tvt(op: PyObject) -> typevartupleobject:
    """CPython: Objects/typevarobject.c:typevartupleobject_CAST"""
    assert isinstance(op, typevartupleobject)
    return op


def typevartuple_dealloc(self_: PyObject) -> None:
    """CPython: Objects/typevarobject.c:typevartuple_dealloc"""
    tvt = _tvt(self_)
    Py_DECREF(tvt.name)
    Py_XDECREF(tvt.default_value)
    Py_XDECREF(tvt.evaluate_default)
    tvt.default_value = tvt.evaluate_default = None
    _PyObject_ClearDict(tvt)


def unpack_iter(self_: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:unpack_iter

    ``iter((Unpack[self],))``: what ``*Ts`` in a subscript iterates.
    """
    unpacked = unpack(self_)
    tup = _PyTuple_FromArraySteal([unpacked])
    try:
        return PyObject_GetIter(tup)
    finally:
        Py_DECREF(tup)


def typevartuple_repr(self_: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typevartuple_repr"""
    return _new_ref(_tvt(self_).name)


def typevartuple_get_name(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:name (the ``__name__`` member of TypeVarTuple)"""
    return _new_ref(_tvt(op).name)


def typevartuple_alloc(name: PyObject, module: Optional[PyObject],
                       default_value: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typevarobject.c:typevartuple_alloc"""
    tvt = typevartupleobject(_new_ref(name))
    tvt.default_value = _xnew_ref(default_value)
    tvt.evaluate_default = None
    _set_module(tvt, module)
    return tvt


def typevartuple_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typevarobject.c:typevartuple_impl

    ``TypeVarTuple(name, *, default=NoDefault)``.
    """
    vals, _ = _unpack_new_args("typevartuple", args, kwds, ["name", "default"], 1, 1, False)
    name = _name_arg("typevartuple", vals[0])
    default_value: PyObject = vals[1] if vals[1] is not None else _Py_NoDefaultStruct
    module = caller()
    try:
        return typevartuple_alloc(name, module, default_value)
    finally:
        Py_DECREF(module)


def typevartuple_typing_subst_impl(self_: PyObject, arg: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typevartuple_typing_subst_impl"""
    _type_error("Substitution of bare TypeVarTuple is not supported")


def typevartuple_typing_prepare_subst_impl(self_: PyObject, args: list[PyObject]) -> PyObject:
    """CPython: Objects/typevarobject.c:typevartuple_typing_prepare_subst_impl"""
    _PyArg_CheckPositional("__typing_prepare_subst__", len(args), 2, 2)
    return call_typing_func_object("_typevartuple_prepare_subst", [self_, args[0], args[1]])


def typevartuple_reduce_impl(self_: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typevartuple_reduce_impl"""
    return _new_ref(_tvt(self_).name)


def typevartuple_has_default_impl(self_: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typevartuple_has_default_impl"""
    tvt = _tvt(self_)
    return _has_default(tvt.evaluate_default, tvt.default_value)


def typevartuple_mro_entries(self_: PyObject, args: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typevartuple_mro_entries"""
    _mro_entries_error("TypeVarTuple")


def typevartuple_default(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typevartuple_default"""
    tvt = _tvt(op)
    r, cache = _lazy_default(tvt.default_value, tvt.evaluate_default)
    tvt.default_value = cache
    return r


def typevartuple_evaluate_default(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typevartuple_evaluate_default"""
    tvt = _tvt(op)
    return _evaluator(tvt.evaluate_default, tvt.default_value)


# ---------------------------------------------------------------------------
# The compiler's entry points (through Python/intrinsics.c)


def _Py_make_typevar(name: PyObject, evaluate_bound: Optional[PyObject],
                     evaluate_constraints: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typevarobject.c:_Py_make_typevar

    A PEP 695 ``T`` (``T: bound`` / ``T: (c1, c2)``): variance inferred, bound
    or constraints evaluated lazily. Borrowed arguments, new reference.
    """
    return typevar_alloc(name, None, evaluate_bound, None, evaluate_constraints,
                         None, False, False, True, None)


def _Py_make_paramspec(v: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:_Py_make_paramspec

    A PEP 695 ``**P``. Borrowed argument, new reference.
    """
    assert isinstance(v, PyUnicodeObject)
    return paramspec_alloc(v, None, None, False, False, True, None)


def _Py_make_typevartuple(v: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:_Py_make_typevartuple

    A PEP 695 ``*Ts``. Borrowed argument, new reference.
    """
    assert isinstance(v, PyUnicodeObject)
    return typevartuple_alloc(v, None, None)


def get_type_param_default(typeparam: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:get_type_param_default

    A new reference (NoDefault when there is none).
    """
    tp = typeparam.ob_type
    if tp is _PyTypeVar_Type:
        return typevar_default(typeparam)
    if tp is _PyParamSpec_Type:
        return paramspec_default(typeparam)
    if tp is _PyTypeVarTuple_Type:
        return typevartuple_default(typeparam)
    _type_error(f"Expected a type param, got {_PyObject_ReprStr(typeparam)}")


def _Py_set_typeparam_default(typeparam: PyObject, evaluate_default: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:_Py_set_typeparam_default

    Gives a PEP 695 type parameter its lazy default (``T = int``). Borrowed
    arguments; returns a new reference to ``typeparam``.
    """
    if isinstance(typeparam, typevarobject) or isinstance(typeparam, paramspecobject) \
            or isinstance(typeparam, typevartupleobject):
        old = typeparam.evaluate_default
        typeparam.evaluate_default = _new_ref(evaluate_default)
        Py_XDECREF(old)
        return _new_ref(typeparam)
    _type_error(f"Expected a type param, got {_PyObject_ReprStr(typeparam)}")


# ---------------------------------------------------------------------------
# TypeAliasType


class typealiasobject(PyObject):
    """pyvm: C's ``typealiasobject`` struct of Objects/typevarobject.c.

    ``compute_value`` is the lazy function of a ``type`` statement (None for
    ``TypeAliasType(name, value)``, which sets ``value`` eagerly).
    """

    name: PyObject
    type_params: Optional[PyObject]
    compute_value: Optional[PyObject]
    value: Optional[PyObject]
    module: Optional[PyObject]

    def __init__(self, name: PyObject) -> None:
        super().__init__(_PyTypeAlias_Type)
        self.name = name
        self.type_params = None
        self.compute_value = None
        self.value = None
        self.module = None


def _ta(op: PyObject) -> typealiasobject:
    """CPython: Objects/typevarobject.c:typealiasobject_CAST"""
    assert isinstance(op, typealiasobject)
    return op


def typealias_dealloc(self_: PyObject) -> None:
    """CPython: Objects/typevarobject.c:typealias_dealloc"""
    ta = _ta(self_)
    Py_DECREF(ta.name)
    for v in (ta.type_params, ta.compute_value, ta.value, ta.module):
        Py_XDECREF(v)
    ta.type_params = ta.compute_value = ta.value = ta.module = None


def typealias_get_value(ta: typealiasobject) -> PyObject:
    """CPython: Objects/typevarobject.c:typealias_get_value

    Runs the lazy ``compute_value`` on first use and caches the result.
    """
    if ta.value is not None:
        return _new_ref(ta.value)
    cv = ta.compute_value
    assert cv is not None
    result = PyObject_CallNoArgs(cv)
    ta.value = _new_ref(result)
    return result


def typealias_repr(self_: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typealias_repr"""
    return _new_ref(_ta(self_).name)


def typealias_get_name(op: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:name (the ``__name__`` member of TypeAliasType)"""
    return _new_ref(_ta(op).name)


def typealias_value(self_: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typealias_value"""
    return typealias_get_value(_ta(self_))


def typealias_evaluate_value(self_: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typealias_evaluate_value"""
    ta = _ta(self_)
    if ta.compute_value is not None:
        return _new_ref(ta.compute_value)
    assert ta.value is not None
    return constevaluator_alloc(ta.value)


def typealias_parameters(self_: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typealias_parameters"""
    ta = _ta(self_)
    if ta.type_params is None:
        return _PyTuple_FromArray([])
    return unpack_typevartuples(ta.type_params)


def typealias_type_params(self_: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typealias_type_params"""
    ta = _ta(self_)
    if ta.type_params is None:
        return _PyTuple_FromArray([])
    return _new_ref(ta.type_params)


def typealias_module(self_: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typealias_module

    The module given at creation, else the ``__module__`` of the lazy
    function (the module the ``type`` statement ran in).
    """
    ta = _ta(self_)
    if ta.module is not None:
        return _new_ref(ta.module)
    cv = ta.compute_value
    if isinstance(cv, PyFunctionObject) and cv.func_module is not None:
        return _new_ref(cv.func_module)
    return _none()


def typealias_check_type_params(type_params: Optional[PyObject]) -> Optional[PyObject]:
    """CPython: Objects/typevarobject.c:typealias_check_type_params

    ``type_params`` (borrowed) or None for an empty tuple; raises TypeError
    when a parameter without a default follows one with a default.
    """
    if type_params is None:
        return None
    assert isinstance(type_params, PyTupleObject)
    if not type_params.ob_item:
        return None
    default_seen = False
    for type_param in type_params.ob_item:
        dflt = get_type_param_default(type_param)
        if dflt is _Py_NoDefaultStruct:
            if default_seen:
                _type_error(f"non-default type parameter '{_PyObject_ReprStr(type_param)}' "
                            "follows default type parameter")
        else:
            default_seen = True
            Py_DECREF(dflt)
    return type_params


def typelias_convert_type_params(type_params: Optional[PyObject]) -> Optional[PyObject]:
    """CPython: Objects/typevarobject.c:typelias_convert_type_params

    None, ``None`` and ``()`` all mean "no type parameters" (borrowed).
    """
    if type_params is None or type_params is Py_None or \
            (isinstance(type_params, PyTupleObject) and not type_params.ob_item):
        return None
    return type_params


def typealias_alloc(name: PyObject, type_params: Optional[PyObject],
                    compute_value: Optional[PyObject], value: Optional[PyObject],
                    module: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typevarobject.c:typealias_alloc

    Takes new references; returns a new reference.
    """
    ta = typealiasobject(_new_ref(name))
    ta.type_params = _xnew_ref(type_params)
    ta.compute_value = _xnew_ref(compute_value)
    ta.value = _xnew_ref(value)
    ta.module = _xnew_ref(module)
    return ta


def typealias_reduce_impl(self_: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typealias_reduce_impl"""
    return _new_ref(_ta(self_).name)


def typealias_subscript(op: PyObject, args: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:typealias_subscript

    ``Alias[int]`` of a generic alias: a ``types.GenericAlias``.
    """
    if _ta(op).type_params is None:
        _type_error("Only generic type aliases are subscriptable")
    from pyvm.objects.genericaliasobject import Py_GenericAlias  # cycle: it imports us
    return Py_GenericAlias(op, args)


def typealias_or(self_: PyObject, other: PyObject) -> PyObject:
    """CPython: Objects/unionobject.c:_Py_union_type_or

    pyvm: the ``nb_or`` of TypeAliasType; unionobject.py sits above this module.
    """
    from pyvm.objects.unionobject import _Py_union_type_or  # cycle: unionobject imports us
    return _Py_union_type_or(self_, other)


def typealias_new(tp: PyTypeObject, args: PyObject, kwds: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typevarobject.c:typealias_new_impl

    ``TypeAliasType(name, value, *, type_params=())``: an alias whose value is
    given eagerly.
    """
    vals, _ = _unpack_new_args("typealias", args, kwds, ["name", "value", "type_params"],
                               2, 2, False)
    name = _name_arg("typealias", vals[0])
    value = vals[1]
    assert value is not None
    type_params = vals[2]
    if type_params is not None and not isinstance(type_params, PyTupleObject):
        _type_error("type_params must be a tuple")
    checked_params = typealias_check_type_params(type_params)
    module = caller()
    try:
        return typealias_alloc(name, checked_params, None, value, module)
    finally:
        Py_DECREF(module)


def _Py_make_typealias(args: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:_Py_make_typealias

    The ``type X[T] = ...`` statement: ``args`` is ``(name, type_params or
    None, compute_value function)`` (borrowed); returns a new reference.
    """
    assert isinstance(args, PyTupleObject) and len(args.ob_item) == 3
    name = args.ob_item[0]
    assert isinstance(name, PyUnicodeObject)
    type_params = typelias_convert_type_params(args.ob_item[1])
    compute_value = args.ob_item[2]
    assert isinstance(compute_value, PyFunctionObject)
    return typealias_alloc(name, type_params, compute_value, None, None)


# ---------------------------------------------------------------------------
# Generic


def call_typing_args_kwargs(name: str, cls: PyObject, args: PyObject,
                            kwargs: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typevarobject.c:call_typing_args_kwargs

    ``typing.<name>(cls, *args, **kwargs)`` (a new reference).
    """
    typing = _import_typing(name)
    try:
        func = PyObject_GetAttr(typing, PyUnicode_InternFromString(name))
    finally:
        Py_DECREF(typing)
    try:
        assert isinstance(args, PyTupleObject)
        new_args = _PyTuple_FromArray([cls] + args.ob_item)
        try:
            return PyObject_Call(func, new_args, kwargs)
        finally:
            Py_DECREF(new_args)
    finally:
        Py_DECREF(func)


def generic_init_subclass(cls: PyObject, args: PyObject, kwargs: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typevarobject.c:generic_init_subclass"""
    return call_typing_args_kwargs("_generic_init_subclass", cls, args, kwargs)


def generic_class_getitem(cls: PyObject, args: PyObject, kwargs: Optional[PyObject]) -> PyObject:
    """CPython: Objects/typevarobject.c:generic_class_getitem"""
    return call_typing_args_kwargs("_generic_class_getitem", cls, args, kwargs)


def _Py_subscript_generic(params: PyObject) -> PyObject:
    """CPython: Objects/typevarobject.c:_Py_subscript_generic

    ``Generic[*params]`` for ``class C[T]: ...`` (``typing._GenericAlias``).
    Borrowed argument, new reference.
    """
    params = unpack_typevartuples(params)
    try:
        return call_typing_func_object("_GenericAlias", [PyGeneric_Type, params])
    finally:
        Py_DECREF(params)


def generic_dealloc(self_: PyObject) -> None:
    """CPython: Objects/typevarobject.c:generic_dealloc"""


# ---------------------------------------------------------------------------
# The type tables


def _Py_initialize_generic() -> None:
    """CPython: Objects/typevarobject.c:_Py_initialize_generic

    pyvm: fills the static types' slots and tables (C builds heap types from
    the ``*_spec`` tables here).
    """
    _PyNoDefault_Type.tp_dealloc = nodefault_dealloc
    _PyNoDefault_Type.tp_repr = NoDefault_repr
    _PyNoDefault_Type.tp_new = nodefault_new
    _PyType_AddMethods(_PyNoDefault_Type, [
        PyMethodDef("__reduce__", NoDefault_reduce, METH_NOARGS),
    ])

    # _ConstEvaluator cannot be instantiated from Python (no tp_new).
    _PyConstEvaluator_Type.tp_dealloc = constevaluator_dealloc
    _PyConstEvaluator_Type.tp_repr = constevaluator_repr
    _PyConstEvaluator_Type.tp_call = constevaluator_call

    tv = _PyTypeVar_Type
    tv.tp_new = typevar_new
    tv.tp_dealloc = typevar_dealloc
    tv.tp_repr = typevar_repr
    tv.nb_or = make_union
    _PyType_AddMethods(tv, [
        PyMethodDef("__typing_subst__", typevar_typing_subst_impl, METH_O),
        PyMethodDef("__typing_prepare_subst__", typevar_typing_prepare_subst_impl,
                    METH_FASTCALL),
        PyMethodDef("__reduce__", typevar_reduce_impl, METH_NOARGS),
        PyMethodDef("has_default", typevar_has_default_impl, METH_NOARGS),
        PyMethodDef("__mro_entries__", typevar_mro_entries, METH_O),
    ])
    _PyType_AddMembers(tv, [
        PyMemberDef("__name__", typevar_get_name, None, Py_READONLY),
        PyMemberDef("__covariant__", typevar_get_covariant, None, Py_READONLY),
        PyMemberDef("__contravariant__", typevar_get_contravariant, None, Py_READONLY),
        PyMemberDef("__infer_variance__", typevar_get_infer_variance, None, Py_READONLY),
    ])
    _PyType_AddGetSets(tv, [
        PyGetSetDef("__bound__", typevar_bound, None),
        PyGetSetDef("__constraints__", typevar_constraints, None),
        PyGetSetDef("__default__", typevar_default, None),
        PyGetSetDef("evaluate_bound", typevar_evaluate_bound, None),
        PyGetSetDef("evaluate_constraints", typevar_evaluate_constraints, None),
        PyGetSetDef("evaluate_default", typevar_evaluate_default, None),
    ])

    for t, new, rep, mro in ((_PyParamSpecArgs_Type, paramspecargs_new_impl,
                              paramspecargs_repr, paramspecargs_mro_entries),
                             (_PyParamSpecKwargs_Type, paramspeckwargs_new_impl,
                              paramspeckwargs_repr, paramspeckwargs_mro_entries)):
        t.tp_new = new
        t.tp_dealloc = paramspecattr_dealloc
        t.tp_repr = rep
        t.tp_richcompare = paramspecattr_richcompare
        _PyType_AddMethods(t, [PyMethodDef("__mro_entries__", mro, METH_O)])
        _PyType_AddMembers(t, [
            PyMemberDef("__origin__", paramspecattr_get_origin, None, Py_READONLY),
        ])

    ps = _PyParamSpec_Type
    ps.tp_new = paramspec_new
    ps.tp_dealloc = paramspec_dealloc
    ps.tp_repr = paramspec_repr
    # Unions of ParamSpecs have no defined meaning, but they were allowed by the
    # Python implementation, so C allows them too.
    ps.nb_or = make_union
    _PyType_AddMembers(ps, [
        PyMemberDef("__name__", paramspec_get_name, None, Py_READONLY),
        PyMemberDef("__bound__", paramspec_get_bound, None, Py_READONLY),
        PyMemberDef("__covariant__", paramspec_get_covariant, None, Py_READONLY),
        PyMemberDef("__contravariant__", paramspec_get_contravariant, None, Py_READONLY),
        PyMemberDef("__infer_variance__", paramspec_get_infer_variance, None, Py_READONLY),
    ])
    _PyType_AddMethods(ps, [
        PyMethodDef("__typing_subst__", paramspec_typing_subst_impl, METH_O),
        PyMethodDef("__typing_prepare_subst__", paramspec_typing_prepare_subst_impl,
                    METH_FASTCALL),
        PyMethodDef("has_default", paramspec_has_default_impl, METH_NOARGS),
        PyMethodDef("__reduce__", paramspec_reduce_impl, METH_NOARGS),
        PyMethodDef("__mro_entries__", paramspec_mro_entries, METH_O),
    ])
    _PyType_AddGetSets(ps, [
        PyGetSetDef("args", paramspec_args, None, "Represents positional arguments."),
        PyGetSetDef("kwargs", paramspec_kwargs, None, "Represents keyword arguments."),
        PyGetSetDef("__default__", paramspec_default, None,
                    "The default value for this ParamSpec."),
        PyGetSetDef("evaluate_default", paramspec_evaluate_default, None),
    ])

    tvt = _PyTypeVarTuple_Type
    tvt.tp_new = typevartuple_new
    tvt.tp_iter = unpack_iter
    tvt.tp_repr = typevartuple_repr
    tvt.tp_dealloc = typevartuple_dealloc
    _PyType_AddMembers(tvt, [
        PyMemberDef("__name__", typevartuple_get_name, None, Py_READONLY),
    ])
    _PyType_AddMethods(tvt, [
        PyMethodDef("__typing_subst__", typevartuple_typing_subst_impl, METH_O),
        PyMethodDef("__typing_prepare_subst__", typevartuple_typing_prepare_subst_impl,
                    METH_FASTCALL),
        PyMethodDef("__reduce__", typevartuple_reduce_impl, METH_NOARGS),
        PyMethodDef("has_default", typevartuple_has_default_impl, METH_NOARGS),
        PyMethodDef("__mro_entries__", typevartuple_mro_entries, METH_O),
    ])
    _PyType_AddGetSets(tvt, [
        PyGetSetDef("__default__", typevartuple_default, None,
                    "The default value for this TypeVarTuple."),
        PyGetSetDef("evaluate_default", typevartuple_evaluate_default, None),
    ])

    ta = _PyTypeAlias_Type
    ta.tp_new = typealias_new
    ta.tp_dealloc = typealias_dealloc
    ta.tp_iter = unpack_iter
    ta.tp_repr = typealias_repr
    ta.nb_or = typealias_or
    ta.mp_subscript = typealias_subscript
    _PyType_AddMembers(ta, [
        PyMemberDef("__name__", typealias_get_name, None, Py_READONLY),
    ])
    _PyType_AddMethods(ta, [
        PyMethodDef("__reduce__", typealias_reduce_impl, METH_NOARGS),
    ])
    _PyType_AddGetSets(ta, [
        PyGetSetDef("__parameters__", typealias_parameters, None),
        PyGetSetDef("__type_params__", typealias_type_params, None),
        PyGetSetDef("__value__", typealias_value, None),
        PyGetSetDef("evaluate_value", typealias_evaluate_value, None),
        PyGetSetDef("__module__", typealias_module, None),
    ])

    PyGeneric_Type.tp_dealloc = generic_dealloc
    _PyType_AddMethods(PyGeneric_Type, [
        PyMethodDef("__class_getitem__", generic_class_getitem,
                    METH_VARARGS | METH_KEYWORDS | METH_CLASS, generic_class_getitem_doc),
        PyMethodDef("__init_subclass__", generic_init_subclass,
                    METH_VARARGS | METH_KEYWORDS | METH_CLASS,
                    "Function to initialize subclasses."),
    ])

    # PyType_FromSpec puts the module part of the spec's name in the new
    # type's dict, where instances find it as their ``__module__``.
    for t, mod in ((PyGeneric_Type, "typing"), (_PyTypeVar_Type, "typing"),
                   (_PyTypeVarTuple_Type, "typing"), (_PyParamSpec_Type, "typing"),
                   (_PyParamSpecArgs_Type, "typing"), (_PyParamSpecKwargs_Type, "typing"),
                   (_PyConstEvaluator_Type, "_typing")):
        PyType_Ready(t)
        d = t.tp_dict
        assert d is not None
        m = PyUnicode_FromString(mod)
        PyDict_SetItem(d, PyUnicode_InternFromString("__module__"), m)
        Py_DECREF(m)


_Py_initialize_generic()
