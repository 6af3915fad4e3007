"""Ports Python/compile.c and Include/internal/pycore_compile.h: the compiler driver.

The compiler turns an AST into a code object in five passes, as CPython 3.14 does
(InternalDocs/compiler.md):

1. ``_PyFuture_FromAST`` collects ``from __future__`` features;
2. ``_PyAST_Preprocess`` folds constants and checks a few things on the AST;
3. ``_PySymtable_Build`` decides the scope of every name;
4. codegen (``pyvm/compile/codegen.py``) walks the AST and emits a flat
   sequence of (pseudo-)instructions for each code unit;
5. the flow graph (``pyvm/compile/flowgraph.py``) optimizes each sequence,
   and the assembler (``pyvm/compile/assemble.py``) lays out the bytecode and
   its tables and builds the ``PyCodeObject``.

This module holds the state that codegen needs while it walks: the stack of
*compiler units* (one per code object being built: module, class, function,
lambda, comprehension, annotation scope), the frame-block stack of each unit
(loops, try blocks, with blocks) and the tables that map names and constants
to their indexes in ``co_names``, ``co_consts`` and the fast locals.

Constants are *host* values while compiling: ``int``, ``float``, ``complex``,
``str``, ``bytes``, ``bool``, ``None``, ``Ellipsis``, ``slice``, ``tuple`` and
``frozenset`` of those, and nested code objects (pyvm ``PyCodeObject``). They are
keyed as ``Objects/codeobject.c:_PyCode_ConstantKey`` keys them, so that ``0``,
``0.0``, ``-0.0``, ``False`` and ``(0,)`` / ``(0.0,)`` stay distinct constants.
The assembler converts the host constants to pyvm objects when it builds the
code object.

Errors: C's ``return ERROR`` is a raised ``PyErr``; nothing is caught on the
way up, so the ``RETURN_IF_ERROR`` plumbing of the C code disappears.
"""

from __future__ import annotations

import math
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, Optional

from pyvm.compile import ast
from pyvm.compile.instruction_sequence import (
    _PyInstructionSequence, _PyJumpTargetLabel, Location, _PyInstructionSequence_New,
    _PyInstructionSequence_AddNested, _PyInstructionSequence_SetAnnotationsCode,
    _PyInstructionSequence_ApplyLabelMap,
)
from pyvm.compile.symtable import (
    CELL, DEF_COMP_CELL, DEF_FREE_CLASS, DEF_LOCAL, DEF_NONLOCAL, FREE, GLOBAL_EXPLICIT,
    GLOBAL_IMPLICIT, LOCAL, SCOPE_MASK, SCOPE_OFFSET, ClassBlock, PySTEntryObject,
    _Py_Mangle, _Py_MaybeMangle, _PyST_GetScope, _PyST_GetSymbol, _PyST_IsFunctionLike,
    _PySymtable_Build, _PySymtable_Lookup, symtable, PyErr_ProgramTextObject,
)
from pyvm.objects.codeobject import (
    CO_ASYNC_GENERATOR,
    CO_COROUTINE,
    CO_GENERATOR,
    CO_HAS_DOCSTRING,
    CO_METHOD,
    CO_NESTED,
    CO_NEWLOCALS,
    CO_OPTIMIZED,
    CO_VARARGS,
    CO_VARKEYWORDS,
    PyCodeObject,
)
from pyvm.objects.object import PyObject, PyErr_SetString, Py_None, PyErr_SetObject, Py_NewRef, PyErr, Py_DECREF
from pyvm.pystate import _tstate
from pyvm.compile.ast_preprocess import _PyAST_Preprocess, _PyErr_EmitSyntaxWarning
from pyvm.objects.unicodeobject import PyUnicodeObject, PyUnicode_FromString
from pyvm.objects.exceptions import PyExc_SystemError, PyExc_SyntaxError
from pyvm.objects.longobject import PyLong_FromLong
from pyvm.objects.tupleobject import _PyTuple_FromArraySteal
from pyvm.compile.assemble import _PyAssemble_MakeCodeObject, _PyAssemble_ReleaseConstObjects
from pyvm.compile.flowgraph import (
    _PyCfg_FromInstructionSequence, _PyCfg_OptimizeCodeUnit,
    _PyCfg_OptimizedCfgToInstructionSequence, _PyCfg_JumpLabelsToTargets,
)
from pyvm.compile.peg_api import _PyParser_ASTFromFile, _PyParser_ASTFromString
from pyvm.compile.future import (  # the flags of Include/cpython/code.h and compile.h
    CO_FUTURE_ABSOLUTE_IMPORT, CO_FUTURE_ANNOTATIONS, CO_FUTURE_BARRY_AS_BDFL,
    CO_FUTURE_DIVISION, CO_FUTURE_GENERATOR_STOP, CO_FUTURE_PRINT_FUNCTION,
    CO_FUTURE_UNICODE_LITERALS, CO_FUTURE_WITH_STATEMENT, PyCF_ALLOW_INCOMPLETE_INPUT,
    PyCF_ALLOW_TOP_LEVEL_AWAIT, PyCF_DONT_IMPLY_DEDENT, PyCF_IGNORE_COOKIE, PyCF_MASK,
    PyCF_ONLY_AST, PyCF_OPTIMIZED_AST, PyCF_SOURCE_IS_UTF8, PyCF_TYPE_COMMENTS,
    _PyFuture_FromAST,
)
from pyvm.compile.python_ast import PyAST_mod2obj

if TYPE_CHECKING:
    from pyvm.compile.future import _PyFutureFeatures


# pyvm: the host recursion limit while the compiler runs (see _PyAST_Compile).
_CODEGEN_RECURSION_LIMIT: Final = 40000

# CPython: Include/cpython/code.h:CO_MAXBLOCKS
CO_MAXBLOCKS: Final = 21

# CPython: Include/internal/pycore_compile.h:_PY_STACK_USE_GUIDELINE
_PY_STACK_USE_GUIDELINE: Final = 30

# CPython: Include/internal/pycore_compile.h:COMPILE_OP_FAST (_PyCompile_optype)
COMPILE_OP_FAST: Final = 0
COMPILE_OP_GLOBAL: Final = 1
COMPILE_OP_DEREF: Final = 2
COMPILE_OP_NAME: Final = 3

# CPython: Include/internal/pycore_compile.h:COMPILE_FBLOCK_WHILE_LOOP (_PyCompile_FBlockType)
COMPILE_FBLOCK_WHILE_LOOP: Final = 0
COMPILE_FBLOCK_FOR_LOOP: Final = 1
COMPILE_FBLOCK_TRY_EXCEPT: Final = 2
COMPILE_FBLOCK_FINALLY_TRY: Final = 3
COMPILE_FBLOCK_FINALLY_END: Final = 4
COMPILE_FBLOCK_WITH: Final = 5
COMPILE_FBLOCK_ASYNC_WITH: Final = 6
COMPILE_FBLOCK_HANDLER_CLEANUP: Final = 7
COMPILE_FBLOCK_POP_VALUE: Final = 8
COMPILE_FBLOCK_EXCEPTION_HANDLER: Final = 9
COMPILE_FBLOCK_EXCEPTION_GROUP_HANDLER: Final = 10
COMPILE_FBLOCK_ASYNC_COMPREHENSION_GENERATOR: Final = 11
COMPILE_FBLOCK_STOP_ITERATION: Final = 12

# CPython: Include/internal/pycore_compile.h:COMPILE_SCOPE_MODULE (and the scopes beside it)
COMPILE_SCOPE_MODULE: Final = 0
COMPILE_SCOPE_CLASS: Final = 1
COMPILE_SCOPE_FUNCTION: Final = 2
COMPILE_SCOPE_ASYNC_FUNCTION: Final = 3
COMPILE_SCOPE_LAMBDA: Final = 4
COMPILE_SCOPE_COMPREHENSION: Final = 5
COMPILE_SCOPE_ANNOTATIONS: Final = 6


def SYMBOL_TO_SCOPE(s: int) -> int:
    """CPython: Include/internal/pycore_symtable.h:SYMBOL_TO_SCOPE"""
    return (s >> SCOPE_OFFSET) & SCOPE_MASK


class _PyCompile_CodeUnitMetadata:
    """CPython: Include/internal/pycore_compile.h:_PyCompile_CodeUnitMetadata

    What the flow graph and the assembler need to know about a code unit.
    ``u_consts`` maps a constant's key (``_PyCode_ConstantKey``) to its index;
    the other tables map a name (host ``str``) to its index. ``u_fasthidden``
    holds the names that are fast locals only inside an inlined comprehension
    (value True while compiling it, False afterwards).
    """

    u_name: str
    u_qualname: str
    u_consts: dict[object, int]
    u_names: dict[str, int]
    u_varnames: dict[str, int]
    u_cellvars: dict[str, int]
    u_freevars: dict[str, int]
    u_fasthidden: dict[str, bool]
    u_argcount: int
    u_posonlyargcount: int
    u_kwonlyargcount: int
    u_firstlineno: int

    def __init__(self, argcount: int = 0, posonlyargcount: int = 0,
                 kwonlyargcount: int = 0) -> None:
        self.u_name = ""
        self.u_qualname = ""
        self.u_consts = {}
        self.u_names = {}
        self.u_varnames = {}
        self.u_cellvars = {}
        self.u_freevars = {}
        self.u_fasthidden = {}
        self.u_argcount = argcount
        self.u_posonlyargcount = posonlyargcount
        self.u_kwonlyargcount = kwonlyargcount
        self.u_firstlineno = 0


class _PyCompile_FBlockInfo:
    """CPython: Include/internal/pycore_compile.h:_PyCompile_FBlockInfo

    A frame block: a loop, a try body, a handler, a with body. ``fb_datum`` is
    the ``finally`` body (a list of statements) for ``FINALLY_TRY``, the bound
    exception name (a str) for ``HANDLER_CLEANUP``, else None.
    """

    fb_type: int
    fb_block: _PyJumpTargetLabel
    fb_loc: Location
    fb_exit: _PyJumpTargetLabel
    fb_datum: object

    def __init__(self, fb_type: int, fb_block: _PyJumpTargetLabel, fb_loc: Location,
                 fb_exit: _PyJumpTargetLabel, fb_datum: object) -> None:
        self.fb_type = fb_type
        self.fb_block = fb_block
        self.fb_loc = fb_loc
        self.fb_exit = fb_exit
        self.fb_datum = fb_datum


class _PyCompile_InlinedComprehensionState:
    """CPython: Include/internal/pycore_compile.h:_PyCompile_InlinedComprehensionState"""

    pushed_locals: Optional[list[str]]
    temp_symbols: Optional[dict[str, int]]
    fast_hidden: Optional[list[str]]
    cleanup: _PyJumpTargetLabel

    def __init__(self, cleanup: _PyJumpTargetLabel) -> None:
        self.pushed_locals = None
        self.temp_symbols = None
        self.fast_hidden = None
        self.cleanup = cleanup


class compiler_unit:
    """pyvm: the struct ``compiler_unit`` of Python/compile.c.

    The state of one code object under construction.
    ``u_deferred_annotations`` holds the AnnAssign statements whose annotations
    go into ``__annotate__`` (PEP 649) at the end of the unit.
    """

    u_ste: PySTEntryObject
    u_scope_type: int
    u_private: Optional[str]
    u_static_attributes: Optional[set[str]]
    u_deferred_annotations: Optional[list[ast.stmt]]
    u_conditional_annotation_indices: Optional[list[int]]
    u_next_conditional_annotation_index: int
    u_instr_sequence: _PyInstructionSequence
    u_stashed_instr_sequence: Optional[_PyInstructionSequence]
    u_nfblocks: int
    u_in_inlined_comp: int
    u_in_conditional_block: int
    u_fblock: list[_PyCompile_FBlockInfo]
    u_metadata: _PyCompile_CodeUnitMetadata

    def __init__(self, ste: PySTEntryObject, scope_type: int,
                 metadata: _PyCompile_CodeUnitMetadata,
                 seq: _PyInstructionSequence) -> None:
        self.u_ste = ste
        self.u_scope_type = scope_type
        self.u_private = None
        self.u_static_attributes = None
        self.u_deferred_annotations = None
        self.u_conditional_annotation_indices = None
        self.u_next_conditional_annotation_index = 0
        self.u_instr_sequence = seq
        self.u_stashed_instr_sequence = None
        self.u_nfblocks = 0
        self.u_in_inlined_comp = 0
        self.u_in_conditional_block = 0
        self.u_fblock = []
        self.u_metadata = metadata


class compiler:
    """pyvm: the struct ``_PyCompiler`` (``compiler``) of Python/compile.c.

    The global state of one compilation. ``u`` is the unit being compiled;
    the enclosing units wait on ``c_stack``.
    """

    c_filename: str
    c_st: symtable
    c_future_features: int
    c_flags: int
    c_optimize: int
    c_interactive: int
    c_const_cache: dict[object, object]
    u: Optional[compiler_unit]
    c_stack: list[compiler_unit]
    c_save_nested_seqs: bool
    c_disable_warning: int
    c_code_keys: dict[int, object]

    def __init__(self, filename: str, st: symtable, future_features: int,
                 flags: int, optimize: int) -> None:
        self.c_filename = filename
        self.c_st = st
        self.c_future_features = future_features
        self.c_flags = flags
        self.c_optimize = optimize
        self.c_interactive = 0
        self.c_const_cache = {}
        self.u = None
        self.c_stack = []
        self.c_save_nested_seqs = False
        self.c_disable_warning = 0
        self.c_code_keys = {}

    @property
    def unit(self) -> compiler_unit:
        """pyvm: ``c->u`` when it is known to be set (mypy wants the narrowing)."""
        u = self.u
        assert u is not None
        return u



class _CompileConfig:
    """pyvm: the part of ``PyConfig`` the compiler reads: ``optimization_level``
    (``-O`` counts one, ``-OO`` two), which ``optimize=-1`` stands for."""

    optimization_level: int

    def __init__(self) -> None:
        self.optimization_level = 0


_compile_config: Final = _CompileConfig()


def _PyCompile_SetOptimizationLevel(level: int) -> None:
    """pyvm: set by the command line (``-O``), as ``PyConfig.optimization_level``
    is set from ``-O`` and PYTHONOPTIMIZE before CPython compiles anything."""
    _compile_config.optimization_level = level

def compiler_setup(mod: ast.mod, filename: str, flags: int, optimize: int) -> compiler:
    """CPython: Python/compile.c:compiler_setup

    Runs the passes before codegen: future features, AST preprocessing and
    the symbol table.
    """
    future = _PyFuture_FromAST(mod, filename)
    merged = future.ff_features | flags
    future.ff_features = merged
    if optimize == -1:
        optimize = _compile_config.optimization_level
    _PyAST_Preprocess(mod, filename, optimize, merged, False, True)
    st = _PySymtable_Build(mod, filename, future)
    return compiler(filename, st, merged, merged, optimize)


def new_compiler(mod: ast.mod, filename: str, flags: int, optimize: int) -> compiler:
    """CPython: Python/compile.c:new_compiler"""
    return compiler_setup(mod, filename, flags, optimize)


def _PyCompile_MaybeAddStaticAttributeToClass(c: compiler, e: ast.Attribute) -> None:
    """CPython: Python/compile.c:_PyCompile_MaybeAddStaticAttributeToClass

    Records ``self.X = ...`` in the nearest enclosing class (``__static_attributes__``).
    """
    attr_value = e.value
    if (not isinstance(attr_value, ast.Name) or not isinstance(e.ctx, ast.Store)
            or attr_value.id != "self"):
        return
    for i in range(len(c.c_stack) - 1, -1, -1):
        u = c.c_stack[i]
        if u.u_scope_type == COMPILE_SCOPE_CLASS:
            sa = u.u_static_attributes
            assert sa is not None
            sa.add(e.attr)
            break


def compiler_set_qualname(c: compiler) -> None:
    """CPython: Python/compile.c:compiler_set_qualname"""
    u = c.unit
    base: Optional[str] = None
    stack_size = len(c.c_stack)
    assert stack_size >= 1
    if stack_size > 1:
        force_global = False
        parent = c.c_stack[stack_size - 1]
        if parent.u_scope_type == COMPILE_SCOPE_ANNOTATIONS:
            # The parent is an annotation scope: look at the grandparent.
            if stack_size == 2:
                u.u_metadata.u_qualname = u.u_metadata.u_name
                return
            parent = c.c_stack[stack_size - 2]
        if u.u_scope_type in (COMPILE_SCOPE_FUNCTION, COMPILE_SCOPE_ASYNC_FUNCTION,
                              COMPILE_SCOPE_CLASS):
            mangled = _Py_Mangle(parent.u_private, u.u_metadata.u_name)
            scope = _PyST_GetScope(parent.u_ste, mangled)
            assert scope != GLOBAL_IMPLICIT
            if scope == GLOBAL_EXPLICIT:
                force_global = True
        if not force_global:
            if parent.u_scope_type in (COMPILE_SCOPE_FUNCTION, COMPILE_SCOPE_ASYNC_FUNCTION,
                                       COMPILE_SCOPE_LAMBDA):
                base = parent.u_metadata.u_qualname + ".<locals>"
            else:
                base = parent.u_metadata.u_qualname
    if base is not None:
        name = base + "." + u.u_metadata.u_name
    else:
        name = u.u_metadata.u_name
    u.u_metadata.u_qualname = name


# --- constants ---------------------------------------------------------------


class _ConstKey:
    """pyvm: a constant key that wraps its constant.

    C's keys for bool, bytes, float, complex, tuple, frozenset and slice
    constants are tuples whose item 1 is the constant itself (and compare it
    too). Here the wrapper compares and hashes only ``key`` (the type tag and
    the keys of the parts), which decides equality just as well, and keeps the
    constant in ``value``: host slices are unhashable before 3.12, so a key
    must not hash the constant itself. Code objects are keyed by the fields
    ``code_richcompare`` compares (see :func:`_code_richcompare_key`).
    """

    key: object
    value: object

    def __init__(self, key: object, value: object) -> None:
        self.key = key
        self.value = value

    def __hash__(self) -> int:
        """pyvm: hashed on the structural key only."""
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        """pyvm: equal when the structural keys are equal."""
        return isinstance(other, _ConstKey) and self.key == other.key


def _code_richcompare_key(co: PyCodeObject, consts: list[object],
                          code_keys: dict[int, object]) -> object:
    """CPython: Objects/codeobject.c:code_richcompare

    pyvm: the fields ``code_richcompare`` compares, as one hashable host
    value; ``consts`` are the code object's constants as host values.
    """
    def names(items: list[PyObject]) -> tuple[str, ...]:
        out: list[str] = []
        for x in items:
            assert isinstance(x, PyUnicodeObject)
            out.append(x.value)
        return tuple(out)

    ckeys: list[object] = []
    for k in consts:
        if isinstance(k, PyCodeObject):
            ckeys.append(code_keys.get(id(k), id(k)))
        else:
            ckeys.append(_PyCode_ConstantKey(k))
    name = co.co_name
    assert isinstance(name, PyUnicodeObject)
    return (name.value, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount,
            co.co_flags, co.co_firstlineno, co.co_code, tuple(ckeys),
            names(co.co_names_items), names(co.co_localsplusnames_items),
            co.co_linetable, co.co_exceptiontable)


def _PyCode_ConstantKey(op: object) -> object:
    """CPython: Objects/codeobject.c:_PyCode_ConstantKey

    A hashable host key under which equal-and-indistinguishable constants
    compare equal: int, str, code objects, None and Ellipsis are their own key;
    bool and bytes are tagged with their type; floats and complexes add a tag
    for negative zeros; tuples, frozensets and slices are keyed by the keys of
    their parts, so that ``0``, ``0.0``, ``-0.0``, ``False`` and ``(0,)`` /
    ``(0.0,)`` stay distinct. Every key that is not the constant itself is a
    :class:`_ConstKey` holding it.
    """
    if op is None or op is Ellipsis or isinstance(op, PyCodeObject):
        return op
    if isinstance(op, bool):
        return _ConstKey((bool, op), op)
    if isinstance(op, (int, str)):
        return op
    if isinstance(op, bytes):
        return _ConstKey((bytes, op), op)
    if isinstance(op, float):
        if op == 0.0 and math.copysign(1.0, op) < 0.0:
            return _ConstKey((float, op, None), op)
        return _ConstKey((float, op), op)
    if isinstance(op, complex):
        real_negzero = op.real == 0.0 and math.copysign(1.0, op.real) < 0.0
        imag_negzero = op.imag == 0.0 and math.copysign(1.0, op.imag) < 0.0
        if real_negzero and imag_negzero:
            return _ConstKey((complex, op, True), op)
        if imag_negzero:
            return _ConstKey((complex, op, False), op)
        if real_negzero:
            return _ConstKey((complex, op, None), op)
        return _ConstKey((complex, op), op)
    if isinstance(op, tuple):
        return _ConstKey((tuple, tuple([_PyCode_ConstantKey(x) for x in op])), op)
    if isinstance(op, frozenset):
        return _ConstKey((frozenset, frozenset([_PyCode_ConstantKey(x) for x in op])), op)
    if isinstance(op, slice):
        return _ConstKey((slice, _PyCode_ConstantKey(op.start), _PyCode_ConstantKey(op.stop),
                          _PyCode_ConstantKey(op.step)), op)
    # Other objects are distinct by identity.
    return _ConstKey((object, id(op)), op)


def _PyCompile_ConstKeyValue(key: object) -> object:
    """pyvm: the constant a key of ``_PyCode_ConstantKey`` stands for (C reads
    item 1 of a tuple key)."""
    if isinstance(key, _ConstKey):
        return key.value
    return key


def const_cache_insert(const_cache: dict[object, object], o: object, recursive: bool) -> object:
    """CPython: Python/compile.c:const_cache_insert

    Returns the key under which ``o`` (or an equal constant inserted earlier)
    is stored. With ``recursive``, the items of tuples and frozensets are
    merged too, so that equal constants are shared.
    """
    if o is None or o is Ellipsis:
        return o
    key = _PyCode_ConstantKey(o)
    t = const_cache.get(key)
    if t is not None:
        return t
    const_cache[key] = key
    if not recursive:
        return key
    if isinstance(o, tuple):
        # C also replaces the tuple's items by the merged ones; host values
        # that compare equal under their keys are interchangeable, so
        # registering the items is enough here.
        for item in o:
            const_cache_insert(const_cache, item, recursive)
    elif isinstance(o, frozenset):
        if len(o) == 0:
            return key
        for item in o:
            const_cache_insert(const_cache, item, recursive)
    return key


def merge_consts_recursive(const_cache: dict[object, object], o: object) -> object:
    """CPython: Python/compile.c:merge_consts_recursive"""
    return const_cache_insert(const_cache, o, True)


def _PyCompile_ConstCacheMergeOne(const_cache: dict[object, object], obj: object) -> object:
    """CPython: Python/compile.c:_PyCompile_ConstCacheMergeOne

    Returns the canonical constant equal to ``obj`` (C replaces ``*obj``).
    """
    key = const_cache_insert(const_cache, obj, False)
    return _PyCompile_ConstKeyValue(key)


def _PyCompile_DictAddObj(d: dict[object, int], o: object) -> int:
    """CPython: Python/compile.c:_PyCompile_DictAddObj

    The index of ``o`` in ``d``, adding it at the end when missing.
    """
    v = d.get(o)
    if v is None:
        v = len(d)
        d[o] = v
    return v


def _PyCompile_DictAddName(d: dict[str, int], o: str) -> int:
    """CPython: Python/compile.c:_PyCompile_DictAddObj

    pyvm: the same function for the name tables, typed ``dict[str, int]``.
    """
    v = d.get(o)
    if v is None:
        v = len(d)
        d[o] = v
    return v


def _PyCompile_AddConst(c: compiler, o: object) -> int:
    """CPython: Python/compile.c:_PyCompile_AddConst

    pyvm: a code object is keyed by its contents, as C's ``code_richcompare``
    compares them (the same AST node compiled twice, as in the ``all(genexp)``
    fast path, gives equal code objects that share one constant).
    """
    if isinstance(o, PyCodeObject):
        ck = c.c_code_keys.get(id(o))
        if ck is not None:
            return _PyCompile_DictAddObj(c.unit.u_metadata.u_consts, _ConstKey((PyCodeObject, ck), o))
    key = merge_consts_recursive(c.c_const_cache, o)
    return _PyCompile_DictAddObj(c.unit.u_metadata.u_consts, key)


def list2dict(lst: list[str]) -> dict[str, int]:
    """CPython: Python/compile.c:list2dict"""
    return {k: i for i, k in enumerate(lst)}


def dictbytype(src: dict[str, int], scope_type: int, flag: int, offset: int) -> dict[str, int]:
    """CPython: Python/compile.c:dictbytype

    The names of ``src`` whose scope is ``scope_type`` or which carry ``flag``,
    numbered from ``offset`` in sorted order (so that the bytecode is
    deterministic).
    """
    dest: dict[str, int] = {}
    i = offset
    for k in sorted(src.keys()):
        vi = src[k]
        if SYMBOL_TO_SCOPE(vi) == scope_type or vi & flag:
            dest[k] = i
            i += 1
    return dest


def _PyCompile_EnterScope(c: compiler, name: str, scope_type: int, key: object,
                          lineno: int, private: Optional[str],
                          umd: Optional[_PyCompile_CodeUnitMetadata]) -> None:
    """CPython: Python/compile.c:_PyCompile_EnterScope

    Pushes a new compiler unit for the code object of the AST node ``key``.
    """
    md = umd if umd is not None else _PyCompile_CodeUnitMetadata()
    ste = _PySymtable_Lookup(c.c_st, key)
    u = compiler_unit(ste, scope_type, md, _PyInstructionSequence_New())
    md.u_name = name
    md.u_varnames = list2dict(ste.ste_varnames)
    md.u_cellvars = dictbytype(ste.ste_symbols, CELL, DEF_COMP_CELL, 0)
    if ste.ste_needs_class_closure:
        # Cook up an implicit __class__ cell.
        assert scope_type == COMPILE_SCOPE_CLASS
        _PyCompile_DictAddName(md.u_cellvars, "__class__")
    if ste.ste_needs_classdict:
        # Cook up an implicit __classdict__ cell.
        assert scope_type == COMPILE_SCOPE_CLASS
        _PyCompile_DictAddName(md.u_cellvars, "__classdict__")
    if ste.ste_has_conditional_annotations:
        # Cook up an implicit __conditional_annotations__ cell.
        assert scope_type in (COMPILE_SCOPE_CLASS, COMPILE_SCOPE_MODULE)
        _PyCompile_DictAddName(md.u_cellvars, "__conditional_annotations__")
    md.u_freevars = dictbytype(ste.ste_symbols, FREE, DEF_FREE_CLASS, len(md.u_cellvars))
    md.u_fasthidden = {}
    md.u_firstlineno = lineno
    md.u_consts = {}
    md.u_names = {}
    if scope_type == COMPILE_SCOPE_CLASS:
        u.u_static_attributes = set()
    # Push the old compiler_unit on the stack.
    if c.u is not None:
        c.c_stack.append(c.u)
        if private is None:
            private = c.u.u_private
    u.u_private = private
    c.u = u
    if scope_type != COMPILE_SCOPE_MODULE:
        compiler_set_qualname(c)


def _PyCompile_ExitScope(c: compiler) -> None:
    """CPython: Python/compile.c:_PyCompile_ExitScope"""
    nested_seq: Optional[_PyInstructionSequence] = None
    if c.c_save_nested_seqs:
        nested_seq = c.unit.u_instr_sequence
    if c.c_stack:
        c.u = c.c_stack.pop()
        if nested_seq is not None:
            _PyInstructionSequence_AddNested(c.u.u_instr_sequence, nested_seq)
    else:
        c.u = None


# --- frame blocks ------------------------------------------------------------


def _PyCompile_PushFBlock(c: compiler, loc: Location, t: int, block_label: _PyJumpTargetLabel,
                          exit: _PyJumpTargetLabel, datum: object) -> None:
    """CPython: Python/compile.c:_PyCompile_PushFBlock"""
    u = c.unit
    if u.u_nfblocks >= CO_MAXBLOCKS:
        _PyCompile_Error(c, loc, "too many statically nested blocks")
    f = _PyCompile_FBlockInfo(t, block_label, loc, exit, datum)
    del u.u_fblock[u.u_nfblocks:]
    u.u_fblock.append(f)
    u.u_nfblocks += 1
    if t == COMPILE_FBLOCK_FINALLY_END:
        c.c_disable_warning += 1


def _PyCompile_PopFBlock(c: compiler, t: int, block_label: _PyJumpTargetLabel) -> None:
    """CPython: Python/compile.c:_PyCompile_PopFBlock"""
    u = c.unit
    assert u.u_nfblocks > 0
    u.u_nfblocks -= 1
    top = u.u_fblock.pop()
    assert top.fb_type == t
    assert top.fb_block.id == block_label.id
    if t == COMPILE_FBLOCK_FINALLY_END:
        c.c_disable_warning -= 1


def _PyCompile_TopFBlock(c: compiler) -> Optional[_PyCompile_FBlockInfo]:
    """CPython: Python/compile.c:_PyCompile_TopFBlock"""
    u = c.unit
    if u.u_nfblocks == 0:
        return None
    return u.u_fblock[u.u_nfblocks - 1]


def _PyCompile_DeferredAnnotations(c: compiler) -> tuple[Optional[list[ast.stmt]], Optional[list[int]]]:
    """CPython: Python/compile.c:_PyCompile_DeferredAnnotations

    Returns (deferred annotations, conditional annotation indices).
    """
    u = c.unit
    return u.u_deferred_annotations, u.u_conditional_annotation_indices


def start_location(stmts: list[ast.stmt]) -> Location:
    """CPython: Python/compile.c:start_location"""
    if len(stmts) > 0:
        st = stmts[0]
        end_lineno = st.end_lineno if st.end_lineno is not None else st.lineno
        end_col = st.end_col_offset if st.end_col_offset is not None else st.col_offset
        return Location(st.lineno, end_lineno, st.col_offset, end_col)
    return Location(1, 1, 0, 0)


def compiler_codegen(c: compiler, mod: ast.mod) -> None:
    """CPython: Python/compile.c:compiler_codegen"""
    from pyvm.compile.codegen import (  # cycle: codegen -> compile
        _PyCodegen_EnterAnonymousScope,
        _PyCodegen_Expression,
        _PyCodegen_Module,
    )

    _PyCodegen_EnterAnonymousScope(c, mod)
    assert c.unit.u_scope_type == COMPILE_SCOPE_MODULE
    if isinstance(mod, ast.Module):
        _PyCodegen_Module(c, start_location(mod.body), mod.body, False)
    elif isinstance(mod, ast.Interactive):
        c.c_interactive = 1
        _PyCodegen_Module(c, start_location(mod.body), mod.body, True)
    elif isinstance(mod, ast.Expression):
        _PyCodegen_Expression(c, mod.body)
    else:
        _raise_system_error("module kind should not be possible")


def compiler_mod(c: compiler, mod: ast.mod) -> PyCodeObject:
    """CPython: Python/compile.c:compiler_mod"""
    addNone = not isinstance(mod, ast.Expression)
    # (C asserts c->u == NULL here; an assert would narrow c.u to None for
    # mypy, and mypyc would then reject the unit read in the finally clause.)
    try:
        compiler_codegen(c, mod)
        co = _PyCompile_OptimizeAndAssemble(c, addNone)
    finally:
        if c.u is not None:
            _PyCompile_ExitScope(c)
    return co


# --- names -------------------------------------------------------------------


def _PyCompile_GetRefType(c: compiler, name: str) -> int:
    """CPython: Python/compile.c:_PyCompile_GetRefType"""
    u = c.unit
    if u.u_scope_type == COMPILE_SCOPE_CLASS and name in (
            "__class__", "__classdict__", "__conditional_annotations__"):
        return CELL
    scope = _PyST_GetScope(u.u_ste, name)
    if scope == 0:
        _raise_system_error(
            f"_PyST_GetScope(name={name!r}) failed: unknown scope in unit "
            f"{u.u_metadata.u_name} ({u.u_ste.ste_name!r}); symbols: {u.u_ste.ste_symbols!r}; "
            f"locals: {u.u_metadata.u_varnames!r}; globals: {u.u_metadata.u_names!r}")
    return scope


def dict_lookup_arg(d: dict[str, int], name: str) -> int:
    """CPython: Python/compile.c:dict_lookup_arg"""
    return d.get(name, -1)


def _PyCompile_LookupCellvar(c: compiler, name: str) -> int:
    """CPython: Python/compile.c:_PyCompile_LookupCellvar"""
    return dict_lookup_arg(c.unit.u_metadata.u_cellvars, name)


def _PyCompile_LookupArg(c: compiler, co: PyCodeObject, name: str) -> int:
    """CPython: Python/compile.c:_PyCompile_LookupArg

    The index of the cell or free variable ``name`` of the current unit that
    the closure of ``co`` captures. A class that holds a method with a free
    variable named like a method of the class sees that name as free *and*
    local; the closure handles it.
    """
    reftype = _PyCompile_GetRefType(c, name)
    md = c.unit.u_metadata
    if reftype == CELL:
        arg = dict_lookup_arg(md.u_cellvars, name)
    else:
        arg = dict_lookup_arg(md.u_freevars, name)
    if arg == -1:
        _raise_system_error(
            f"compiler_lookup_arg(name={name!r}) with reftype={reftype} failed in "
            f"{md.u_name}")
    return arg


def _PyCompile_StaticAttributesAsTuple(c: compiler) -> tuple[str, ...]:
    """CPython: Python/compile.c:_PyCompile_StaticAttributesAsTuple"""
    sa = c.unit.u_static_attributes
    assert sa is not None
    return tuple(sorted(sa))


def _PyCompile_ResolveNameop(c: compiler, mangled: str, scope: int) -> tuple[int, int]:
    """CPython: Python/compile.c:_PyCompile_ResolveNameop

    Returns ``(optype, arg)``: how to reach the name (fast local, global,
    cell/free, or by name) and, except for fast locals, its index in the
    table that op uses (``arg`` is -1 for fast locals; codegen looks them up).
    """
    u = c.unit
    md = u.u_metadata
    d = md.u_names
    optype = COMPILE_OP_NAME
    assert scope >= 0
    if scope == FREE:
        d = md.u_freevars
        optype = COMPILE_OP_DEREF
    elif scope == CELL:
        d = md.u_cellvars
        optype = COMPILE_OP_DEREF
    elif scope == LOCAL:
        if _PyST_IsFunctionLike(u.u_ste):
            optype = COMPILE_OP_FAST
        else:
            if md.u_fasthidden.get(mangled) is True:
                optype = COMPILE_OP_FAST
    elif scope == GLOBAL_IMPLICIT:
        if _PyST_IsFunctionLike(u.u_ste):
            optype = COMPILE_OP_GLOBAL
    elif scope == GLOBAL_EXPLICIT:
        optype = COMPILE_OP_GLOBAL
    arg = -1
    if optype != COMPILE_OP_FAST:
        arg = _PyCompile_DictAddName(d, mangled)
    return optype, arg


def _PyCompile_TweakInlinedComprehensionScopes(c: compiler, loc: Location,
                                               entry: PySTEntryObject,
                                               state: _PyCompile_InlinedComprehensionState) -> None:
    """CPython: Python/compile.c:_PyCompile_TweakInlinedComprehensionScopes

    While an inlined comprehension (PEP 709) is compiled, its names take the
    scope they have inside it; the outer scopes are saved in ``state``.
    """
    u = c.unit
    in_class_block = u.u_ste.ste_type == ClassBlock and not u.u_in_inlined_comp
    u.u_in_inlined_comp += 1
    for k, v in list(entry.ste_symbols.items()):
        symbol = v
        scope = SYMBOL_TO_SCOPE(symbol)
        outsymbol = _PyST_GetSymbol(u.u_ste, k)
        outsc = SYMBOL_TO_SCOPE(outsymbol)
        # A name whose scope differs inside and outside is handled with its
        # inner scope while the comprehension is compiled (free inside: same
        # as outside; cell inside and free outside: *_DEREF either way).
        if ((scope != outsc and scope != FREE and not (scope == CELL and outsc == FREE))
                or in_class_block):
            if state.temp_symbols is None:
                state.temp_symbols = {}
            u.u_ste.ste_symbols[k] = v
            state.temp_symbols[k] = outsymbol
        # Names bound in the comprehension (DEF_LOCAL | DEF_NONLOCAL occurs in
        # an assignment expression to a nonlocal).
        if ((symbol & DEF_LOCAL and not (symbol & DEF_NONLOCAL)) or in_class_block):
            if not _PyST_IsFunctionLike(u.u_ste):
                # Non-function scope: override this name to use fast locals.
                orig = u.u_metadata.u_fasthidden.get(k)
                if orig is not True:
                    u.u_metadata.u_fasthidden[k] = True
                    if state.fast_hidden is None:
                        state.fast_hidden = []
                    if k not in state.fast_hidden:
                        state.fast_hidden.append(k)


def _PyCompile_RevertInlinedComprehensionScopes(c: compiler, loc: Location,
                                                state: _PyCompile_InlinedComprehensionState) -> None:
    """CPython: Python/compile.c:_PyCompile_RevertInlinedComprehensionScopes"""
    u = c.unit
    u.u_in_inlined_comp -= 1
    if state.temp_symbols is not None:
        for k, v in state.temp_symbols.items():
            u.u_ste.ste_symbols[k] = v
        state.temp_symbols = None
    if state.fast_hidden is not None:
        for k in state.fast_hidden:
            # Set to False instead of removing, so that the assembler knows
            # which names were temporarily fast locals (CO_FAST_HIDDEN).
            u.u_metadata.u_fasthidden[k] = False
        state.fast_hidden = None


def _PyCompile_EnterConditionalBlock(c: compiler) -> None:
    """CPython: Python/compile.c:_PyCompile_EnterConditionalBlock"""
    c.unit.u_in_conditional_block += 1


def _PyCompile_LeaveConditionalBlock(c: compiler) -> None:
    """CPython: Python/compile.c:_PyCompile_LeaveConditionalBlock"""
    u = c.unit
    assert u.u_in_conditional_block > 0
    u.u_in_conditional_block -= 1


def _PyCompile_AddDeferredAnnotation(c: compiler, s: ast.stmt) -> Optional[int]:
    """CPython: Python/compile.c:_PyCompile_AddDeferredAnnotation

    Returns the conditional annotation index of ``s`` when it is conditionally
    executed (C's out parameter), else None.
    """
    u = c.unit
    if u.u_deferred_annotations is None:
        u.u_deferred_annotations = []
    if u.u_conditional_annotation_indices is None:
        u.u_conditional_annotation_indices = []
    u.u_deferred_annotations.append(s)
    result: Optional[int] = None
    if u.u_scope_type == COMPILE_SCOPE_MODULE or u.u_in_conditional_block:
        index = u.u_next_conditional_annotation_index
        result = index
        u.u_next_conditional_annotation_index += 1
    else:
        index = -1
    u.u_conditional_annotation_indices.append(index)
    return result


# --- errors ------------------------------------------------------------------


def _raise_system_error(msg: str) -> NoReturn:
    """pyvm: PyErr_SetString(PyExc_SystemError, msg)."""
    PyErr_SetString(PyExc_SystemError, msg)


def _PyErr_RaiseSyntaxError(msg: str, filename: str, lineno: int, col_offset: int,
                            end_lineno: int, end_col_offset: int) -> NoReturn:
    """CPython: Python/errors.c:_PyErr_RaiseSyntaxError

    Raises ``SyntaxError(msg, (filename, lineno, col_offset, text, end_lineno,
    end_col_offset))`` with ``PyErr_SetObject``, as C does (``col_offset`` is
    already 1-based here); ``text`` is the source line when the file can be
    read, else None.
    """
    text_s = PyErr_ProgramTextObject(filename, lineno)
    text: PyObject = Py_None if text_s is None else PyUnicode_FromString(text_s)
    loc = _PyTuple_FromArraySteal([PyUnicode_FromString(filename), PyLong_FromLong(lineno),
                                   PyLong_FromLong(col_offset), text,
                                   PyLong_FromLong(end_lineno),
                                   PyLong_FromLong(end_col_offset)])
    args = _PyTuple_FromArraySteal([PyUnicode_FromString(msg), loc])
    # PyErr_SetObject borrows its argument: create the exception now, so that
    # it holds the only reference to ``args`` once ours is released (C's
    # Py_DECREF(args) after PyErr_SetObject).
    err = PyErr(PyExc_SyntaxError, None, None, args)
    try:
        err.normalize()
    finally:
        Py_DECREF(args)
    raise err


def _PyCompile_Error(c: compiler, loc: Location, msg: str) -> NoReturn:
    """CPython: Python/compile.c:_PyCompile_Error

    Raises a SyntaxError at ``loc`` (columns become 1-based in the exception).
    """
    _PyErr_RaiseSyntaxError(msg, c.c_filename, loc.lineno, loc.col_offset + 1,
                            loc.end_lineno, loc.end_col_offset + 1)


def _PyCompile_Warn(c: compiler, loc: Location, msg: str) -> None:
    """CPython: Python/compile.c:_PyCompile_Warn

    Emits a SyntaxWarning at ``loc`` (unless inside a ``finally`` body being
    compiled a second time); if the warnings filter turns it into an error, a
    SyntaxError is raised instead (``_PyErr_EmitSyntaxWarning`` does that).
    """
    if c.c_disable_warning:
        return
    _PyErr_EmitSyntaxWarning(msg, c.c_filename, loc.lineno, loc.col_offset + 1,
                             loc.end_lineno, loc.end_col_offset + 1)


def _PyCompile_Mangle(c: compiler, name: str) -> str:
    """CPython: Python/compile.c:_PyCompile_Mangle"""
    return _Py_Mangle(c.unit.u_private, name)


def _PyCompile_MaybeMangle(c: compiler, name: str) -> str:
    """CPython: Python/compile.c:_PyCompile_MaybeMangle"""
    u = c.unit
    return _Py_MaybeMangle(u.u_private, u.u_ste, name)


def _PyCompile_InstrSequence(c: compiler) -> _PyInstructionSequence:
    """CPython: Python/compile.c:_PyCompile_InstrSequence"""
    return c.unit.u_instr_sequence


def _PyCompile_StartAnnotationSetup(c: compiler) -> None:
    """CPython: Python/compile.c:_PyCompile_StartAnnotationSetup"""
    u = c.unit
    assert u.u_stashed_instr_sequence is None
    u.u_stashed_instr_sequence = u.u_instr_sequence
    u.u_instr_sequence = _PyInstructionSequence_New()


def _PyCompile_EndAnnotationSetup(c: compiler) -> None:
    """CPython: Python/compile.c:_PyCompile_EndAnnotationSetup"""
    u = c.unit
    parent_seq = u.u_stashed_instr_sequence
    assert parent_seq is not None
    anno_seq = u.u_instr_sequence
    u.u_stashed_instr_sequence = None
    u.u_instr_sequence = parent_seq
    _PyInstructionSequence_SetAnnotationsCode(parent_seq, anno_seq)


def _PyCompile_FutureFeatures(c: compiler) -> int:
    """CPython: Python/compile.c:_PyCompile_FutureFeatures"""
    return c.c_future_features


def _PyCompile_Symtable(c: compiler) -> symtable:
    """CPython: Python/compile.c:_PyCompile_Symtable"""
    return c.c_st


def _PyCompile_SymtableEntry(c: compiler) -> PySTEntryObject:
    """CPython: Python/compile.c:_PyCompile_SymtableEntry"""
    return c.unit.u_ste


def _PyCompile_OptimizationLevel(c: compiler) -> int:
    """CPython: Python/compile.c:_PyCompile_OptimizationLevel"""
    return c.c_optimize


def _PyCompile_IsInteractiveTopLevel(c: compiler) -> bool:
    """CPython: Python/compile.c:_PyCompile_IsInteractiveTopLevel"""
    return bool(c.c_interactive) and len(c.c_stack) == 0


def _PyCompile_ScopeType(c: compiler) -> int:
    """CPython: Python/compile.c:_PyCompile_ScopeType"""
    return c.unit.u_scope_type


def _PyCompile_IsInInlinedComp(c: compiler) -> int:
    """CPython: Python/compile.c:_PyCompile_IsInInlinedComp"""
    return c.unit.u_in_inlined_comp


def _PyCompile_Qualname(c: compiler) -> str:
    """CPython: Python/compile.c:_PyCompile_Qualname"""
    return c.unit.u_metadata.u_qualname


def _PyCompile_Metadata(c: compiler) -> _PyCompile_CodeUnitMetadata:
    """CPython: Python/compile.c:_PyCompile_Metadata"""
    return c.unit.u_metadata


def consts_dict_keys_inorder(d: dict[object, int]) -> list[object]:
    """CPython: Python/compile.c:consts_dict_keys_inorder

    The constants of a unit as a list, in index order (keys unwrapped).
    """
    consts: list[object] = [None] * len(d)
    for k, i in d.items():
        consts[i] = _PyCompile_ConstKeyValue(k)
    return consts


def compute_code_flags(c: compiler) -> int:
    """CPython: Python/compile.c:compute_code_flags"""
    ste = c.unit.u_ste
    flags = 0
    if _PyST_IsFunctionLike(ste):
        flags |= CO_NEWLOCALS | CO_OPTIMIZED
        if ste.ste_nested:
            flags |= CO_NESTED
        if ste.ste_generator and not ste.ste_coroutine:
            flags |= CO_GENERATOR
        if ste.ste_generator and ste.ste_coroutine:
            flags |= CO_ASYNC_GENERATOR
        if ste.ste_varargs:
            flags |= CO_VARARGS
        if ste.ste_varkeywords:
            flags |= CO_VARKEYWORDS
        if ste.ste_has_docstring:
            flags |= CO_HAS_DOCSTRING
        if ste.ste_method:
            flags |= CO_METHOD
    if ste.ste_coroutine and not ste.ste_generator:
        flags |= CO_COROUTINE
    # (Only) inherit compiler flags in PyCF_MASK.
    flags |= c.c_flags & PyCF_MASK
    return flags


def optimize_and_assemble_code_unit(u: compiler_unit, const_cache: dict[object, object],
                                    code_flags: int, filename: str,
                                    code_keys: Optional[dict[int, object]] = None) -> PyCodeObject:
    """CPython: Python/compile.c:optimize_and_assemble_code_unit

    Builds the CFG of the unit's instruction sequence, optimizes it, turns it
    back into a sequence of concrete instructions and assembles the code object.
    """
    consts = consts_dict_keys_inorder(u.u_metadata.u_consts)
    g = _PyCfg_FromInstructionSequence(u.u_instr_sequence)
    nlocals = len(u.u_metadata.u_varnames)
    nparams = len(u.u_ste.ste_varnames)
    assert u.u_metadata.u_firstlineno
    _PyCfg_OptimizeCodeUnit(g, consts, const_cache, nlocals, nparams,
                            u.u_metadata.u_firstlineno)
    optimized_instrs = _PyInstructionSequence_New()
    stackdepth, nlocalsplus = _PyCfg_OptimizedCfgToInstructionSequence(
        g, u.u_metadata, code_flags, optimized_instrs)
    co = _PyAssemble_MakeCodeObject(u.u_metadata, const_cache, consts, stackdepth,
                                    optimized_instrs, nlocalsplus, code_flags, filename)
    if code_keys is not None:
        code_keys[id(co)] = _code_richcompare_key(co, consts, code_keys)
    return co


def _PyCompile_OptimizeAndAssemble(c: compiler, addNone: bool) -> PyCodeObject:
    """CPython: Python/compile.c:_PyCompile_OptimizeAndAssemble"""
    from pyvm.compile.codegen import _PyCodegen_AddReturnAtEnd  # cycle: codegen -> compile

    u = c.unit
    code_flags = compute_code_flags(c)
    _PyCodegen_AddReturnAtEnd(c, addNone)
    return optimize_and_assemble_code_unit(u, c.c_const_cache, code_flags, c.c_filename,
                                           c.c_code_keys)


def _PyAST_Compile(mod: ast.mod, filename: str, flags: int = 0, optimize: int = -1) -> PyCodeObject:
    """CPython: Python/compile.c:_PyAST_Compile

    ``flags`` is ``PyCompilerFlags.cf_flags``.
    """
    import sys

    # pyvm: the passes recurse once or twice per AST nesting level (host
    # headroom for the interpreted build, where the caller has not raised the
    # host's limit). The C stack model (pyvm/pystate.py) is what bounds the passes; it is reset
    # when they return, as C's stack pointer is, whatever levels an error
    # skipped leaving.
    limit = sys.getrecursionlimit()
    if limit < _CODEGEN_RECURSION_LIMIT:
        sys.setrecursionlimit(_CODEGEN_RECURSION_LIMIT)
    tstate = _tstate
    stack_used = tstate.c_stack_used
    try:
        c = new_compiler(mod, filename, flags, optimize)
        try:
            co = compiler_mod(c, mod)
        finally:
            compiler_free(c)
    finally:
        tstate.c_stack_used = stack_used
        if limit < _CODEGEN_RECURSION_LIMIT:
            sys.setrecursionlimit(limit)
    return co


def compiler_free(c: compiler) -> None:
    """CPython: Python/compile.c:compiler_free

    Releases the pyvm objects the assembler made for the constants (kept
    beside ``c_const_cache``, whose references C drops here); the host
    collects the rest.
    """
    _PyAssemble_ReleaseConstObjects(c.c_const_cache)
    c.c_const_cache = {}
    c.u = None
    c.c_stack = []


def _PyCompile_AstPreprocess(mod: ast.mod, filename: str, cf_flags: int, optimize: int,
                             no_const_folding: bool) -> None:
    """CPython: Python/compile.c:_PyCompile_AstPreprocess

    The AST pass alone (``compile(..., PyCF_OPTIMIZED_AST)``).
    """
    future = _PyFuture_FromAST(mod, filename)
    flags = future.ff_features | cf_flags
    if optimize == -1:
        optimize = 0  # pyvm: _Py_GetConfig()->optimization_level without -O
    _PyAST_Preprocess(mod, filename, optimize, flags, no_const_folding, False)


def _PyCompile_CodeGen(mod: ast.mod, filename: str, cf_flags: int,
                       optimize: int) -> tuple[_PyInstructionSequence, dict[str, object]]:
    """CPython: Python/compile.c:_PyCompile_CodeGen

    Codegen only, for tests: the module unit's instruction sequence (labels
    applied, nested units' sequences in ``s_nested``) and its metadata
    (argcount, posonlyargcount, kwonlyargcount, consts), as
    ``_testinternalcapi.compiler_codegen`` returns them.
    """
    from pyvm.compile.codegen import _PyCodegen_AddReturnAtEnd  # cycle: codegen -> compile

    c = new_compiler(mod, filename, cf_flags, optimize)
    c.c_save_nested_seqs = True
    try:
        compiler_codegen(c, mod)
        umd = c.unit.u_metadata
        metadata: dict[str, object] = {
            "argcount": umd.u_argcount,
            "posonlyargcount": umd.u_posonlyargcount,
            "kwonlyargcount": umd.u_kwonlyargcount,
        }
        _PyCodegen_AddReturnAtEnd(c, not isinstance(mod, ast.Expression))
        seq = _PyCompile_InstrSequence(c)
        _PyInstructionSequence_ApplyLabelMap(seq)
        # After AddReturnAtEnd: co_consts indices match the final instruction stream.
        metadata["consts"] = consts_dict_keys_inorder(umd.u_consts)
        return seq, metadata
    finally:
        if c.u is not None:
            _PyCompile_ExitScope(c)
        compiler_free(c)


def _PyCompile_Assemble(umd: _PyCompile_CodeUnitMetadata, filename: str,
                        seq: _PyInstructionSequence) -> PyCodeObject:
    """CPython: Python/compile.c:_PyCompile_Assemble

    Assembles an instruction sequence without optimizing it (for tests).
    """
    const_cache: dict[object, object] = {}
    g = _PyCfg_FromInstructionSequence(seq)
    _PyCfg_JumpLabelsToTargets(g)
    code_flags = 0
    optimized_instrs = _PyInstructionSequence_New()
    stackdepth, nlocalsplus = _PyCfg_OptimizedCfgToInstructionSequence(
        g, umd, code_flags, optimized_instrs)
    consts = consts_dict_keys_inorder(umd.u_consts)
    return _PyAssemble_MakeCodeObject(umd, const_cache, consts, stackdepth, optimized_instrs,
                                      nlocalsplus, code_flags, filename)


def PyCode_Optimize(code: PyObject, consts: PyObject, names: PyObject,
                    lnotab_obj: PyObject) -> PyObject:
    """CPython: Python/compile.c:PyCode_Optimize

    Retained for API compatibility: optimization happens in
    ``_PyCfg_OptimizeCodeUnit``. Returns a new reference to ``code``.
    """
    return Py_NewRef(code)


def _PyCompile_CleanDoc(doc: str) -> str:
    """CPython: Python/compile.c:_PyCompile_CleanDoc

    ``inspect.cleandoc`` without removing leading and trailing blank lines
    (so that line numbers stay right): tabs are expanded, the first line loses
    its leading spaces, the others their common indentation.
    """
    doc = doc.expandtabs()
    lines = doc.split("\n")
    margin = -1
    for line in lines[1:]:
        stripped = line.lstrip(" ")
        if stripped:
            ind = len(line) - len(stripped)
            if margin == -1 or ind < margin:
                margin = ind
    if margin == -1:
        margin = 0
    first = lines[0].lstrip(" ")
    if len(first) == len(lines[0]) and margin == 0:
        return doc
    out = [first]
    for line in lines[1:]:
        i = 0
        while i < margin and i < len(line) and line[i] == " ":
            i += 1
        out.append(line[i:])
    return "\n".join(out)


def Py_CompileString(source: str | bytes, filename: str, mode: str,
                     flags: int = 0, optimize: int = -1) -> PyCodeObject:
    """CPython: Python/pythonrun.c:Py_CompileStringObject

    Parses ``source`` in ``mode`` ("exec", "eval" or "single") and compiles
    it. ``bytes`` are decoded by the parser (coding cookie or UTF-8, PEP 263).
    ``flags`` is ``PyCompilerFlags.cf_flags``; ``optimize`` -1 means the
    interpreter's level.
    """
    mod = _PyParser_ASTFromString(source, filename, mode, flags)
    return _PyAST_Compile(mod, filename, flags, optimize)


def Py_CompileStringObject(source: str | bytes, filename: str, mode: str,
                           flags: int = 0, optimize: int = -1,
                           feature_version: int = -1) -> PyObject:
    """CPython: Python/pythonrun.c:Py_CompileStringObject

    :func:`Py_CompileString` with ``PyCF_ONLY_AST``: the parsed tree as
    ``_ast`` objects (preprocessed: only checked, or also optimized under
    ``PyCF_OPTIMIZED_AST``) instead of a code object. ``mode`` may also be
    ``"func_type"`` then. ``feature_version`` is ``cf_feature_version`` (the
    parser reads it under ``PyCF_ONLY_AST`` only).
    """
    mod = _PyParser_ASTFromString(source, filename, mode, flags, feature_version)
    if flags & PyCF_ONLY_AST:
        syntax_check_only = (flags & PyCF_OPTIMIZED_AST) == PyCF_ONLY_AST
        _PyCompile_AstPreprocess(mod, filename, flags, optimize, syntax_check_only)
        return PyAST_mod2obj(mod)
    return _PyAST_Compile(mod, filename, flags, optimize)


def _Py_CompileFile(data: bytes, filename: str, flags: int = 0,
                    optimize: int = -1) -> PyCodeObject:
    """CPython: Python/pythonrun.c:_PyRun_File

    The code of a script file: ``data`` (the file's bytes) is parsed by the
    file tokenizer (``_PyParser_ASTFromFile``), then compiled. pyvm: C runs
    the code in the same function; the caller runs it.
    """
    mod = _PyParser_ASTFromFile(data, filename, None, "exec", flags)
    return _PyAST_Compile(mod, filename, flags, optimize)
