"""Ports Python/symtable.c and the declarations of Include/internal/pycore_symtable.h.

The symbol table is built in two passes over the AST, exactly as in C.

*Pass one* (the ``symtable_visit_*`` functions) walks the tree and records raw
facts about every name in every block: "assigned here" (``DEF_LOCAL``), "a
parameter" (``DEF_PARAM``), "used" (``USE``), "declared global / nonlocal" …
Each block -- module, class, function, lambda, comprehension, PEP 649
annotation scope, PEP 695 type-parameter / type-alias / type-variable scope --
gets a :class:`PySTEntryObject` whose ``ste_symbols`` maps a (mangled) name to
its flag bits. Blocks are found again later by the AST node that created
them: C keys ``st_blocks`` by the node's address; pyvm keys it by ``id(node)``
and keeps the node alive in the table so the id cannot be reused. C also
makes two keys by pointer arithmetic (``ste_id + 1`` for the deferred
annotation block of a module or class, ``type_param + 1`` for a TypeVar's
default); the same ``+ 1`` on the integer key works here, because ``id()``
of a live object is always a multiple of 8. ``_PySymtable_Lookup`` takes
either a node (or the ``type_params`` list of a generic) or such an int key;
``_PySymtable_AnnotationKey`` and ``_PySymtable_DefaultKey`` make the two
offset keys.

*Pass two* (``symtable_analyze`` → ``analyze_block``) decides the scope of
each name: LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE or CELL, stored in
bits 12.. of the same flag word (``SCOPE_OFFSET``). A parent passes down the
set of names bound in enclosing function scopes; children pass up the set of
their free names; a local that a child needs becomes a CELL. Class scopes are
invisible to the functions nested in them except through the implicit
``__class__`` / ``__classdict__`` / ``__conditional_annotations__`` cells.
List, set and dict comprehensions are inlined into their parent (PEP 709,
``inline_comprehension``): their symbols are merged into the parent's table
and ``ste_comp_inlined`` tells codegen to emit no separate code object.

The C sets used during analysis are host ``dict[str, None]`` here: insertion
ordered, so that the order in which free names enter ``ste_symbols`` does not
depend on string hashes (in C it follows the set's hash order).

Errors are pyvm ``SyntaxError``s raised through :func:`_raise_syntax_error`,
the one place that builds them, with CPython's messages and locations: as in
C, ``args`` is ``(msg,)`` and the location is stored in the exception's
``lineno`` / ``offset`` / ``end_lineno`` / ``end_offset`` / ``filename`` /
``text``. symtable.c emits no warnings in 3.14; ``symtable.st_warnings`` is
where they would be recorded.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, Optional, TypeAlias as _TypeAlias, Union

from pyvm.compile.ast import (
    AnnAssign, Assert, Assign, AsyncFor, AsyncFunctionDef, AsyncWith,
    Attribute, AugAssign, Await, BinOp, BoolOp, Break, Call, ClassDef, Compare,
    Constant, Continue, Del, Delete, Dict, DictComp, ExceptHandler, Expr,
    Expression, For, FormattedValue, FunctionDef, FunctionType, GeneratorExp,
    Global, If, IfExp, Import, ImportFrom, Interactive, Interpolation,
    JoinedStr, Lambda, List, ListComp, Load, Match, MatchAs, MatchClass,
    MatchMapping, MatchOr, MatchSequence, MatchSingleton, MatchStar, MatchValue,
    Module, Name, NamedExpr, Nonlocal, ParamSpec, Pass, Raise, Return, Set,
    SetComp, Slice, Starred, Store, Subscript, TemplateStr, Try, TryStar, Tuple,
    TypeAlias, TypeVar, TypeVarTuple, UnaryOp, While, With, Yield, YieldFrom,
    alias, arg, arguments, comprehension, excepthandler, expr, expr_context,
    keyword, match_case, mod, pattern, stmt, type_param, withitem,
    Load_, Store_,
)
from pyvm.compile.future import (
    CO_FUTURE_ANNOTATIONS, PyCF_ALLOW_TOP_LEVEL_AWAIT, PyFutureFeatures, _PyFuture_FromAST,
)
from pyvm.compile.instruction_sequence import Location
from pyvm.objects.object import (
    PyErr, Py_XDECREF, PyErr_SetString, _Py_EnterRecursiveCall, _Py_LeaveRecursiveCall,
)
from pyvm.pystate import _tstate

# ---------------------------------------------------------------------------
# Include/internal/pycore_symtable.h

# enum _block_type (_Py_block_ty)
FunctionBlock: Final = 0
ClassBlock: Final = 1
ModuleBlock: Final = 2
# Used for annotations. With 'from __future__ import annotations' annotation
# blocks bind nothing and are never evaluated; otherwise they are evaluated
# lazily (PEP 649).
AnnotationBlock: Final = 3
# The block of a "type X = ..." statement (PEP 695).
TypeAliasBlock: Final = 4
# The block around a generic function or class ("def f[T]()", "class A[T]").
TypeParametersBlock: Final = 5
# The block of one TypeVar's bound, constraints or default.
TypeVariableBlock: Final = 6

# enum _comprehension_type (_Py_comprehension_ty)
NoComprehension: Final = 0
ListComprehension: Final = 1
DictComprehension: Final = 2
SetComprehension: Final = 3
GeneratorExpression: Final = 4

# Flags for def-use information.
DEF_GLOBAL: Final = 1               # global stmt
DEF_LOCAL: Final = 2                # assignment in code block
DEF_PARAM: Final = 2 << 1           # formal parameter
DEF_NONLOCAL: Final = 2 << 2        # nonlocal stmt
USE: Final = 2 << 3                 # name is used
DEF_FREE_CLASS: Final = 2 << 5      # free variable from class's method
DEF_IMPORT: Final = 2 << 6          # assignment occurred via import
DEF_ANNOT: Final = 2 << 7           # this name is annotated
DEF_COMP_ITER: Final = 2 << 8       # a comprehension iteration variable
DEF_TYPE_PARAM: Final = 2 << 9      # a type parameter
DEF_COMP_CELL: Final = 2 << 10      # a cell in an inlined comprehension

DEF_BOUND: Final = DEF_LOCAL | DEF_PARAM | DEF_IMPORT

# GLOBAL_EXPLICIT and GLOBAL_IMPLICIT are used internally by the symbol
# table; the scope is stored in ste_symbols at bits 12 and up.
SCOPE_OFFSET: Final = 12
SCOPE_MASK: Final = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL

LOCAL: Final = 1
GLOBAL_EXPLICIT: Final = 2
GLOBAL_IMPLICIT: Final = 3
FREE: Final = 4
CELL: Final = 5

# The start symbols of Include/compile.h, for _Py_SymtableStringObjectFlags.
Py_single_input: Final = 256
Py_file_input: Final = 257
Py_eval_input: Final = 258


def SYMBOL_TO_SCOPE(s: int) -> int:
    """pyvm: the macro SYMBOL_TO_SCOPE of Include/internal/pycore_symtable.h."""
    return (s >> SCOPE_OFFSET) & SCOPE_MASK


# C's struct names for the location and future-feature records, which pyvm
# keeps beside their main users.
_Py_SourceLocation = Location
_PyFutureFeatures = PyFutureFeatures


# Nodes that carry a source location.
_Located: _TypeAlias = "Union[stmt, expr, excepthandler, arg, keyword, alias, pattern, type_param]"

# pyvm: C's sets of names, as insertion-ordered dicts (see the module docstring).
_NameSet = dict[str, None]


def LOCATION(n: _Located) -> Location:
    """pyvm: the macros LOCATION / SRC_LOCATION_FROM_AST of symtable.c."""
    end_lineno = n.end_lineno
    end_col_offset = n.end_col_offset
    return Location(
        n.lineno, end_lineno if end_lineno is not None else n.lineno,
        n.col_offset, end_col_offset if end_col_offset is not None else n.col_offset)


class PySTEntryObject:
    """One block's symbol table (C's ``struct _symtable_entry``).

    CPython: Python/symtable.c:ste_new

    pyvm: not a ``PyObject``: programs never see it (CPython's ``symtable``
    module would wrap it). Bit fields are ``bool``; the C sets and lists of
    names are host containers of ``str``.
    """

    ste_id: int                       # key in st_blocks
    ste_symbols: dict[str, int]       # name -> flags (with scope bits)
    ste_name: str
    ste_varnames: list[str]           # function parameters, in order
    ste_children: list[PySTEntryObject]
    # global/nonlocal statements: (name, lineno, col_offset, end_lineno, end_col_offset)
    ste_directives: Optional[list[tuple[str, int, int, int, int]]]
    ste_mangled_names: Optional[set[str]]
    ste_type: int
    ste_scope_info: Optional[str]
    ste_nested: bool
    ste_generator: bool
    ste_coroutine: bool
    ste_annotations_used: bool
    ste_comprehension: int
    ste_varargs: bool
    ste_varkeywords: bool
    ste_returns_value: bool
    ste_needs_class_closure: bool
    ste_needs_classdict: bool
    ste_comp_inlined: bool
    ste_comp_iter_target: bool
    ste_can_see_class_scope: bool
    ste_has_docstring: bool
    ste_method: bool
    ste_has_conditional_annotations: bool
    ste_in_conditional_block: bool
    ste_in_unevaluated_annotation: bool
    ste_comp_iter_expr: int
    ste_loc: Location
    ste_annotation_block: Optional[PySTEntryObject]
    ste_table: Optional[symtable]

    def __init__(self, table: symtable, key: int, name: str, block: int,
                 loc: Location) -> None:
        self.ste_table = table
        self.ste_id = key
        self.ste_name = name
        self.ste_symbols = {}
        self.ste_varnames = []
        self.ste_children = []
        self.ste_directives = None
        self.ste_mangled_names = None
        self.ste_type = block
        self.ste_scope_info = None
        self.ste_nested = False
        self.ste_generator = False
        self.ste_coroutine = False
        self.ste_annotations_used = False
        self.ste_comprehension = NoComprehension
        self.ste_varargs = False
        self.ste_varkeywords = False
        self.ste_returns_value = False
        self.ste_needs_class_closure = False
        self.ste_needs_classdict = False
        self.ste_comp_inlined = False
        self.ste_comp_iter_target = False
        self.ste_can_see_class_scope = False
        self.ste_has_docstring = False
        self.ste_method = False
        self.ste_has_conditional_annotations = False
        self.ste_in_conditional_block = False
        self.ste_in_unevaluated_annotation = False
        self.ste_comp_iter_expr = 0
        self.ste_loc = loc
        self.ste_annotation_block = None

    def __repr__(self) -> str:
        """CPython: Python/symtable.c:ste_repr"""
        return f"<symtable entry {self.ste_name}({self.ste_id}), line {self.ste_loc.lineno}>"


class symtable:
    """The symbol table of one compilation (C's ``struct symtable``).

    CPython: Python/symtable.c:symtable_new
    """

    st_filename: str
    st_cur: Optional[PySTEntryObject]     # current block
    st_top: Optional[PySTEntryObject]     # the module's block
    st_blocks: dict[int, PySTEntryObject]  # key (id of the AST node) -> entry
    st_stack: list[PySTEntryObject]       # blocks being visited
    st_global: dict[str, int]             # st_top.ste_symbols
    st_nblocks: int
    st_private: Optional[str]             # name of the current class
    st_future: PyFutureFeatures
    # pyvm: the objects whose id() keys st_blocks, kept alive so ids stay unique.
    st_keepalive: list[object]
    # pyvm: SyntaxWarnings to report: (message, lineno, col_offset, end_lineno,
    # end_col_offset). symtable.c emits none in 3.14; the hook is for the lead.
    st_warnings: list[tuple[str, int, int, int, int]]

    def __init__(self) -> None:
        self.st_filename = ""
        self.st_cur = None
        self.st_top = None
        self.st_blocks = {}
        self.st_stack = []
        self.st_global = {}
        self.st_nblocks = 0
        self.st_private = None
        self.st_future = PyFutureFeatures()
        self.st_keepalive = []
        self.st_warnings = []


# ---------------------------------------------------------------------------
# Errors


def PyErr_ProgramTextObject(filename: str, lineno: int,
                            encoding: Optional[str] = None) -> Optional[str]:
    """CPython: Python/errors.c:PyErr_ProgramTextObject
    CPython: Python/errors.c:_PyErr_ProgramDecodedTextObject
    CPython: Python/errors.c:err_programtext

    The source line ``lineno`` of the file ``filename`` (with its newline,
    decoded with ``encoding`` -- UTF-8 by default -- and ``replace``, a BOM
    on line 1 skipped), or ``None`` when the file or line cannot be read.
    pyvm: the compiler's modules take it from here, the lowest of them.
    """
    if not filename or lineno <= 0:
        return None
    try:
        with open(filename, "rb") as f:
            data = f.read()
    except OSError:
        return None
    except ValueError:
        return None
    lines = data.splitlines(keepends=True)
    if lineno > len(lines):
        return None
    line = lines[lineno - 1]
    if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
        line = line[3:]
    try:
        text = line.decode("utf-8" if encoding is None else encoding, "replace")
    except LookupError:
        return None
    if text.endswith("\r\n"):
        text = text[:-2] + "\n"
    elif text.endswith("\r"):
        text = text[:-1] + "\n"
    return text


def _raise_syntax_error(msg: str, filename: str, lineno: int, col_offset: int,
                        end_lineno: int, end_col_offset: int) -> NoReturn:
    """CPython: Python/errors.c:PyErr_RangedSyntaxLocationObject
    CPython: Python/errors.c:PyErr_SyntaxLocationObjectEx

    Raise a SyntaxError as symtable.c does: ``PyErr_SetString(PyExc_SyntaxError,
    msg)`` (so ``e.args == (msg,)``), then ``SET_ERROR_LOCATION`` stores
    ``lineno``, ``offset`` (``col_offset + 1``), ``end_lineno``, ``end_offset``
    (``end_col_offset + 1``), ``filename`` and, when the file can be read,
    ``text`` on the exception. Offsets are given 0-based, as the AST has them.
    This is the one place the symbol table builds an error.
    """
    # Imported here: the object layer is below the compiler but is written in
    # parallel; this keeps the symbol table importable on its own.
    from pyvm.objects.exceptions import PyExc_SyntaxError, PySyntaxErrorObject  # cycle: exceptions -> typeobject -> symtable
    from pyvm.objects.longobject import PyLong_FromLong  # cycle: longobject -> typeobject -> symtable
    from pyvm.objects.unicodeobject import PyUnicode_FromString  # cycle: unicodeobject -> typeobject -> symtable

    err = PyErr(PyExc_SyntaxError, None, msg, None)
    exc = err.normalize()
    assert isinstance(exc, PySyntaxErrorObject)

    # Each field owns its value; C's PyObject_SetAttr releases the old one.
    # Negative offsets are stored as None, as C does.
    Py_XDECREF(exc.lineno)
    exc.lineno = PyLong_FromLong(lineno)
    Py_XDECREF(exc.offset)
    exc.offset = PyLong_FromLong(col_offset + 1) if col_offset + 1 >= 0 else None
    Py_XDECREF(exc.end_lineno)
    exc.end_lineno = PyLong_FromLong(end_lineno) if end_lineno >= 0 else None
    Py_XDECREF(exc.end_offset)
    exc.end_offset = (PyLong_FromLong(end_col_offset + 1)
                      if end_col_offset + 1 >= 0 else None)
    Py_XDECREF(exc.filename)
    exc.filename = PyUnicode_FromString(filename)
    text = PyErr_ProgramTextObject(filename, lineno)
    if text is not None:
        Py_XDECREF(exc.text)
        exc.text = PyUnicode_FromString(text)
    raise err


def _syntax_error_at(st: symtable, msg: str, loc: Location) -> NoReturn:
    """pyvm: ``PyErr_SetString(PyExc_SyntaxError, msg)`` followed by the macro
    SET_ERROR_LOCATION of symtable.c."""
    _raise_syntax_error(msg, st.st_filename, loc.lineno, loc.col_offset,
                        loc.end_lineno, loc.end_col_offset)


def _raise_error(exc_name: str, msg: str) -> NoReturn:
    """pyvm: ``PyErr_SetString`` for the few non-SyntaxError errors of
    symtable.c (KeyError, RuntimeError, SystemError, RecursionError)."""
    # Imported here for the same reason as in _raise_syntax_error.
    from pyvm.objects import exceptions  # cycle: exceptions -> typeobject -> symtable

    if exc_name == "KeyError":
        PyErr_SetString(exceptions.PyExc_KeyError, msg)
    elif exc_name == "RuntimeError":
        PyErr_SetString(exceptions.PyExc_RuntimeError, msg)
    elif exc_name == "RecursionError":
        PyErr_SetString(exceptions.PyExc_RecursionError, msg)
    else:
        PyErr_SetString(exceptions.PyExc_SystemError, msg)


def ENTER_RECURSIVE(st: symtable) -> None:
    """CPython: Python/symtable.c:ENTER_RECURSIVE

    ``Py_EnterRecursiveCall(" during compilation")``: a level of the C stack
    model. An error leaves the levels of the visitors it unwinds taken, as in C
    (where leaving is free); ``_PySymtable_Build`` resets the stack.
    """
    _Py_EnterRecursiveCall(" during compilation")


def LEAVE_RECURSIVE(st: symtable) -> None:
    """CPython: Python/symtable.c:LEAVE_RECURSIVE"""
    _Py_LeaveRecursiveCall()


# ---------------------------------------------------------------------------
# Error messages

GLOBAL_PARAM: Final = "name '{}' is parameter and global"
NONLOCAL_PARAM: Final = "name '{}' is parameter and nonlocal"
GLOBAL_AFTER_ASSIGN: Final = "name '{}' is assigned to before global declaration"
NONLOCAL_AFTER_ASSIGN: Final = "name '{}' is assigned to before nonlocal declaration"
GLOBAL_AFTER_USE: Final = "name '{}' is used prior to global declaration"
NONLOCAL_AFTER_USE: Final = "name '{}' is used prior to nonlocal declaration"
GLOBAL_ANNOT: Final = "annotated name '{}' can't be global"
NONLOCAL_ANNOT: Final = "annotated name '{}' can't be nonlocal"
IMPORT_STAR_WARNING: Final = "import * only allowed at module level"
NAMED_EXPR_COMP_IN_CLASS: Final = (
    "assignment expression within a comprehension cannot be used in a class body")
NAMED_EXPR_COMP_IN_TYPEVAR_BOUND: Final = (
    "assignment expression within a comprehension cannot be used in a TypeVar bound")
NAMED_EXPR_COMP_IN_TYPEALIAS: Final = (
    "assignment expression within a comprehension cannot be used in a type alias")
NAMED_EXPR_COMP_IN_TYPEPARAM: Final = (
    "assignment expression within a comprehension cannot be used within the "
    "definition of a generic")
NAMED_EXPR_COMP_CONFLICT: Final = (
    "assignment expression cannot rebind comprehension iteration variable '{}'")
NAMED_EXPR_COMP_INNER_LOOP_CONFLICT: Final = (
    "comprehension inner loop cannot rebind assignment expression target '{}'")
NAMED_EXPR_COMP_ITER_EXPR: Final = (
    "assignment expression cannot be used in a comprehension iterable expression")
ANNOTATION_NOT_ALLOWED: Final = "{} cannot be used within an annotation"
EXPR_NOT_ALLOWED_IN_TYPE_VARIABLE: Final = "{} cannot be used within {}"
EXPR_NOT_ALLOWED_IN_TYPE_ALIAS: Final = "{} cannot be used within a type alias"
EXPR_NOT_ALLOWED_IN_TYPE_PARAMETERS: Final = (
    "{} cannot be used within the definition of a generic")
DUPLICATE_TYPE_PARAM: Final = "duplicate type parameter '{}'"
ASYNC_WITH_OUTSIDE_ASYNC_FUNC: Final = "'async with' outside async function"
ASYNC_FOR_OUTSIDE_ASYNC_FUNC: Final = "'async for' outside async function"
DUPLICATE_ARGUMENT: Final = "duplicate argument '{}' in function definition"


def IS_ASYNC_DEF(st: symtable) -> bool:
    """CPython: Python/symtable.c:IS_ASYNC_DEF"""
    cur = _cur(st)
    return cur.ste_type == FunctionBlock and cur.ste_coroutine


def _cur(st: symtable) -> PySTEntryObject:
    """pyvm: ``st->st_cur``, which is never NULL while the tree is visited."""
    cur = st.st_cur
    assert cur is not None
    return cur


def _key(st: symtable, node: object) -> int:
    """pyvm: C's ``(void *)node`` block key: the node's id, with the node kept
    alive by the table so that the id stays unique."""
    st.st_keepalive.append(node)
    return id(node)


# ---------------------------------------------------------------------------
# Entries


def ste_new(st: symtable, name: str, block: int, key: int,
            loc: Location) -> PySTEntryObject:
    """CPython: Python/symtable.c:ste_new"""
    ste = PySTEntryObject(st, key, name, block, loc)
    cur = st.st_cur
    if cur is not None and (cur.ste_nested or _PyST_IsFunctionLike(cur)):
        ste.ste_nested = True
    if cur is not None and cur.ste_type == ClassBlock and block == FunctionBlock:
        ste.ste_method = True
    st.st_blocks[key] = ste
    return ste


def symtable_new() -> symtable:
    """CPython: Python/symtable.c:symtable_new"""
    return symtable()


def _PyAST_GetDocString(body: list[stmt]) -> Optional[str]:
    """CPython: Python/ast.c:_PyAST_GetDocString

    The docstring of a body, or ``None``.
    """
    if not body:
        return None
    s = body[0]
    if not isinstance(s, Expr):
        return None
    e = s.value
    if isinstance(e, Constant):
        v = e.value
        # pyvm: Constant.value is the host value; C checks PyUnicode_CheckExact.
        if type(v) is str:
            return v
    return None


def _PySymtable_Build(mod_: mod, filename: str,
                      future: PyFutureFeatures) -> symtable:
    """CPython: Python/symtable.c:_PySymtable_Build

    Build the symbol table of a module (raises pyvm's SyntaxError).
    """
    st = symtable_new()
    st.st_filename = filename
    st.st_future = future

    tstate = _tstate
    stack_used = tstate.c_stack_used
    try:
        _symtable_build_passes(st, mod_)
    except RecursionError:
        # pyvm: run in-process (no launcher) the host's recursion limit can be
        # lower than the C stack model's; report it as Py_EnterRecursiveCall.
        _raise_error("RecursionError",
                     "maximum recursion depth exceeded during compilation")
    finally:
        # pyvm: C's stack pointer is back where it was when the passes return,
        # whatever levels an error skipped leaving.
        tstate.c_stack_used = stack_used
    return st


def _symtable_build_passes(st: symtable, mod_: mod) -> None:
    """CPython: Python/symtable.c:_PySymtable_Build

    pyvm: the two passes of ``_PySymtable_Build``, split out so that the C
    stack model can be reset around them.
    """
    # Make the initial symbol information gathering pass.
    loc0 = Location(0, 0, 0, 0)
    symtable_enter_block(st, "top", ModuleBlock, _key(st, mod_), loc0)
    st.st_top = st.st_cur
    cur = _cur(st)
    if isinstance(mod_, Module):
        seq = mod_.body
        if _PyAST_GetDocString(seq) is not None:
            cur.ste_has_docstring = True
        for s in seq:
            symtable_visit_stmt(st, s)
    elif isinstance(mod_, Expression):
        symtable_visit_expr(st, mod_.body)
    elif isinstance(mod_, Interactive):
        for s in mod_.body:
            symtable_visit_stmt(st, s)
    elif isinstance(mod_, FunctionType):
        _raise_error("RuntimeError", "this compiler does not handle FunctionTypes")
    symtable_exit_block(st)
    # Make the second symbol analysis pass.
    symtable_analyze(st)


def _PySymtable_Free(st: symtable) -> None:
    """CPython: Python/symtable.c:_PySymtable_Free

    pyvm: drops the table's references; the host frees the memory.
    """
    st.st_blocks = {}
    st.st_stack = []
    st.st_keepalive = []


def _st_key(key: object) -> int:
    """pyvm: turn a lookup key into the st_blocks key: an AST node (or the
    ``type_params`` list) stands for its id; an ``int`` is already a key, as
    made by ``ste.ste_id + 1`` or ``id(type_param) + 1``."""
    if isinstance(key, int):
        return key
    return id(key)


def _PySymtable_AnnotationKey(ste: PySTEntryObject) -> int:
    """pyvm: C's key ``(void *)((uintptr_t)ste->ste_id + 1)`` of the deferred
    annotation block of a module or class (Python/codegen.c and
    ``symtable_visit_annotation`` use it)."""
    return ste.ste_id + 1


def _PySymtable_DefaultKey(tp: type_param) -> int:
    """pyvm: C's key ``(void *)((uintptr_t)type_param + 1)`` of the block of a
    TypeVar's default (its bound's block is keyed by the node itself)."""
    return id(tp) + 1


def _PySymtable_Lookup(st: symtable, key: object) -> PySTEntryObject:
    """CPython: Python/symtable.c:_PySymtable_Lookup

    The entry of the block that ``key`` (an AST node or an int key, see
    :func:`_st_key`) created; raises KeyError if there is none.
    """
    v = st.st_blocks.get(_st_key(key))
    if v is None:
        _raise_error("KeyError", "unknown symbol table entry")
    return v


def _PySymtable_LookupOptional(st: symtable, key: object) -> Optional[PySTEntryObject]:
    """CPython: Python/symtable.c:_PySymtable_LookupOptional

    pyvm: returns the entry or ``None`` instead of C's int plus out-parameter.
    """
    return st.st_blocks.get(_st_key(key))


def _PyST_GetSymbol(ste: PySTEntryObject, name: str) -> int:
    """CPython: Python/symtable.c:_PyST_GetSymbol"""
    return ste.ste_symbols.get(name, 0)


def _PyST_GetScope(ste: PySTEntryObject, name: str) -> int:
    """CPython: Python/symtable.c:_PyST_GetScope"""
    return SYMBOL_TO_SCOPE(_PyST_GetSymbol(ste, name))


def _PyST_IsFunctionLike(ste: PySTEntryObject) -> bool:
    """CPython: Python/symtable.c:_PyST_IsFunctionLike"""
    t = ste.ste_type
    return (t == FunctionBlock or t == AnnotationBlock or t == TypeVariableBlock
            or t == TypeAliasBlock or t == TypeParametersBlock)


def error_at_directive(ste: PySTEntryObject, name: str, msg: str) -> NoReturn:
    """CPython: Python/symtable.c:error_at_directive

    pyvm: takes the message C had already set with ``PyErr_Format`` and raises
    it at the location of the global/nonlocal statement for ``name``.
    """
    directives = ste.ste_directives
    assert directives is not None
    table = ste.ste_table
    assert table is not None
    for data in directives:
        if data[0] == name:
            _raise_syntax_error(msg, table.st_filename, data[1], data[2],
                                data[3], data[4])
    _raise_error("RuntimeError", "BUG: internal directive bookkeeping broken")


# ---------------------------------------------------------------------------
# Analysis (pass two)


def analyze_name(ste: PySTEntryObject, scopes: dict[str, int], name: str, flags: int,
                 bound: Optional[_NameSet], local: _NameSet, free: _NameSet,
                 global_: _NameSet, type_params: _NameSet,
                 class_entry: Optional[PySTEntryObject]) -> None:
    """CPython: Python/symtable.c:analyze_name

    Decide the scope of ``name`` from its flags. ``scopes``, ``local``,
    ``free`` and ``global_`` may be updated to record the decision.
    """
    if flags & DEF_GLOBAL:
        if flags & DEF_NONLOCAL:
            error_at_directive(ste, name, f"name '{name}' is nonlocal and global")
        scopes[name] = GLOBAL_EXPLICIT
        global_[name] = None
        if bound is not None:
            bound.pop(name, None)
        return
    if flags & DEF_NONLOCAL:
        if bound is None:
            error_at_directive(ste, name,
                               "nonlocal declaration not allowed at module level")
        if name not in bound:
            error_at_directive(ste, name, f"no binding for nonlocal '{name}' found")
        if name in type_params:
            error_at_directive(
                ste, name, f"nonlocal binding not allowed for type parameter '{name}'")
        scopes[name] = FREE
        free[name] = None
        return
    if flags & DEF_BOUND:
        scopes[name] = LOCAL
        local[name] = None
        global_.pop(name, None)
        if flags & DEF_TYPE_PARAM:
            type_params[name] = None
        else:
            type_params.pop(name, None)
        return
    # If we were passed class_entry (we're in an ste_can_see_class_scope scope)
    # and the name is bound there, it may be bound both by the enclosing class
    # namespace and by an outer function; runtime lookup should see only the
    # class namespace and the globals. Likewise a name declared global in the
    # class is global here.
    if class_entry is not None:
        class_flags = _PyST_GetSymbol(class_entry, name)
        if class_flags & DEF_GLOBAL:
            scopes[name] = GLOBAL_EXPLICIT
            return
        elif (class_flags & DEF_BOUND) and not (class_flags & DEF_NONLOCAL):
            scopes[name] = GLOBAL_IMPLICIT
            return
    # If an enclosing block has a binding for this name, it is a free
    # variable rather than a global variable. A non-NULL bound implies that
    # the block is nested.
    if bound is not None and name in bound:
        scopes[name] = FREE
        free[name] = None
        return
    # If a parent has a global statement, then call it global explicit? It
    # could also be global implicit.
    if name in global_:
        scopes[name] = GLOBAL_IMPLICIT
        return
    scopes[name] = GLOBAL_IMPLICIT


def is_free_in_any_child(entry: PySTEntryObject, key: str) -> bool:
    """CPython: Python/symtable.c:is_free_in_any_child"""
    for child_ste in entry.ste_children:
        if _PyST_GetScope(child_ste, key) == FREE:
            return True
    return False


def inline_comprehension(ste: PySTEntryObject, comp: PySTEntryObject,
                         scopes: dict[str, int], comp_free: _NameSet,
                         inlined_cells: _NameSet) -> None:
    """CPython: Python/symtable.c:inline_comprehension

    Merge the symbols of the inlined comprehension ``comp`` (PEP 709) into its
    parent ``ste``.
    """
    remove_dunder_class = False
    remove_dunder_classdict = False
    remove_dunder_cond_annotations = False

    for k, comp_flags in comp.ste_symbols.items():
        # skip comprehension parameter
        if comp_flags & DEF_PARAM:
            assert k == ".0"
            continue
        scope = SYMBOL_TO_SCOPE(comp_flags)
        only_flags = comp_flags & ((1 << SCOPE_OFFSET) - 1)
        if scope == CELL or only_flags & DEF_COMP_CELL:
            inlined_cells[k] = None
        existing = ste.ste_symbols.get(k)
        # __class__, __classdict__ and __conditional_annotations__ are not
        # allowed to be free through a class scope (see drop_class_free)
        # unless children scopes need it.
        if (scope == FREE and ste.ste_type == ClassBlock
                and (k == "__class__" or k == "__classdict__"
                     or k == "__conditional_annotations__")):
            scope = GLOBAL_IMPLICIT
            if not is_free_in_any_child(comp, k):
                comp_free.pop(k, None)
            if k == "__class__":
                remove_dunder_class = True
            elif k == "__conditional_annotations__":
                remove_dunder_cond_annotations = True
            else:
                remove_dunder_classdict = True
        if existing is None:
            # name does not exist in scope, copy from comprehension
            assert scope != FREE or k in comp_free
            ste.ste_symbols[k] = only_flags
            scopes[k] = scope
        else:
            flags = existing
            if (flags & DEF_BOUND) and ste.ste_type != ClassBlock:
                # free vars in comprehension that are locals in outer scope can
                # now simply be locals, unless they are free in comp children,
                # or if the outer scope is a class block
                if not is_free_in_any_child(comp, k):
                    comp_free.pop(k, None)
    if remove_dunder_class:
        del comp.ste_symbols["__class__"]
    if remove_dunder_classdict:
        del comp.ste_symbols["__classdict__"]
    if remove_dunder_cond_annotations:
        del comp.ste_symbols["__conditional_annotations__"]


def analyze_cells(scopes: dict[str, int], free: _NameSet,
                  inlined_cells: _NameSet) -> None:
    """CPython: Python/symtable.c:analyze_cells

    A name that is local here and free in a child is provided by this block:
    mark it CELL and remove it from the free set.
    """
    for name, scope in list(scopes.items()):
        if scope != LOCAL:
            continue
        if name not in free and name not in inlined_cells:
            continue
        scopes[name] = CELL
        free.pop(name, None)


def drop_class_free(ste: PySTEntryObject, free: _NameSet) -> None:
    """CPython: Python/symtable.c:drop_class_free"""
    if "__class__" in free:
        del free["__class__"]
        ste.ste_needs_class_closure = True
    if "__classdict__" in free:
        del free["__classdict__"]
        ste.ste_needs_classdict = True
    if "__conditional_annotations__" in free:
        del free["__conditional_annotations__"]
        ste.ste_has_conditional_annotations = True


def update_symbols(symbols: dict[str, int], scopes: dict[str, int],
                   bound: Optional[_NameSet], free: _NameSet,
                   inlined_cells: _NameSet, classflag: bool) -> None:
    """CPython: Python/symtable.c:update_symbols

    Enter the final scope information into ``symbols``.
    """
    # Update scope information for all symbols in this scope.
    for name, flags in list(symbols.items()):
        if name in inlined_cells:
            flags |= DEF_COMP_CELL
        scope = scopes.get(name)
        if scope is None:
            _raise_error("KeyError", name)
        flags |= scope << SCOPE_OFFSET
        symbols[name] = flags

    # Record not yet resolved free variables from children (if any).
    v_free = FREE << SCOPE_OFFSET
    for name in free:
        v = symbols.get(name)
        # Handle symbol that already exists in this scope.
        if v is not None:
            # Handle a free variable in a method of the class that has the
            # same name as a local or global in the class scope.
            if classflag:
                symbols[name] = v | DEF_FREE_CLASS
            # It's a cell, or already free in this scope.
            continue
        # Handle global symbol.
        if bound is not None and name not in bound:
            continue       # it's a global
        # Propagate new free symbol up the lexical stack.
        symbols[name] = v_free


def analyze_block(ste: PySTEntryObject, bound: Optional[_NameSet], free: _NameSet,
                  global_: _NameSet, type_params: _NameSet,
                  class_entry: Optional[PySTEntryObject]) -> None:
    """CPython: Python/symtable.c:analyze_block

    Make the final symbol table decisions for the block of ``ste``.

    ``bound`` holds the names bound in enclosing scopes (``None`` for the
    module), ``free`` receives the free names of this block and its children,
    ``global_`` holds the names declared global in enclosing scopes.
    """
    local: _NameSet = {}             # new names bound in block
    scopes: dict[str, int] = {}      # scope decided for each name

    # The global, bound and free sets visible in nested blocks. For class
    # blocks the bound and global names are set up before the names are
    # analyzed, because class bindings aren't visible in methods; for other
    # blocks after.
    newglobal: _NameSet = {}
    newfree: _NameSet = {}
    newbound: _NameSet = {}
    inlined_cells: _NameSet = {}

    # Class namespace has no effect on names visible in nested functions, so
    # populate the global and bound sets to be passed to child blocks before
    # analyzing this one.
    if ste.ste_type == ClassBlock:
        # Pass down known globals.
        newglobal.update(global_)
        # Pass down previously bound symbols.
        if bound is not None:
            newbound.update(bound)

    for name, flags in ste.ste_symbols.items():
        analyze_name(ste, scopes, name, flags, bound, local, free, global_,
                     type_params, class_entry)

    # Populate global and bound sets to be passed to children.
    if ste.ste_type != ClassBlock:
        # Add function locals to bound set.
        if _PyST_IsFunctionLike(ste):
            newbound.update(local)
        # Pass down previously bound symbols.
        if bound is not None:
            newbound.update(bound)
        # Pass down known globals.
        newglobal.update(global_)
    else:
        # Special-case __class__ and __classdict__.
        newbound["__class__"] = None
        newbound["__classdict__"] = None
        newbound["__conditional_annotations__"] = None

    # Recursively call analyze_child_block() on each child block. newbound
    # and newglobal now contain the names visible in nested blocks; the free
    # variables in the children are added to newfree.
    for entry in ste.ste_children:
        new_class_entry: Optional[PySTEntryObject] = None
        if entry.ste_can_see_class_scope:
            if ste.ste_type == ClassBlock:
                new_class_entry = ste
            elif class_entry is not None:
                new_class_entry = class_entry

        # We inline all non-generator-expression comprehensions, except those
        # in annotation scopes that are nested in classes.
        inline_comp = (entry.ste_comprehension != NoComprehension
                       and not entry.ste_generator
                       and not ste.ste_can_see_class_scope)

        child_free = analyze_child_block(entry, newbound, newfree, newglobal,
                                         type_params, new_class_entry)
        if inline_comp:
            inline_comprehension(ste, entry, scopes, child_free, inlined_cells)
            entry.ste_comp_inlined = True
        newfree.update(child_free)

    # Splice children of inlined comprehensions into our children list.
    children = ste.ste_children
    for i in range(len(children) - 1, -1, -1):
        entry = children[i]
        if entry.ste_comp_inlined:
            children[i:i + 1] = entry.ste_children

    # Check if any local variables must be converted to cell variables.
    if _PyST_IsFunctionLike(ste):
        analyze_cells(scopes, newfree, inlined_cells)
    elif ste.ste_type == ClassBlock:
        drop_class_free(ste, newfree)
    # Record the results of the analysis in the symbol table entry.
    update_symbols(ste.ste_symbols, scopes, bound, newfree, inlined_cells,
                   ste.ste_type == ClassBlock or ste.ste_can_see_class_scope)

    free.update(newfree)


def analyze_child_block(entry: PySTEntryObject, bound: _NameSet, free: _NameSet,
                        global_: _NameSet, type_params: _NameSet,
                        class_entry: Optional[PySTEntryObject]) -> _NameSet:
    """CPython: Python/symtable.c:analyze_child_block

    Analyze a child with copies of the sets (the child's bindings must not
    leak back into its parent); returns the child's free set.
    """
    temp_bound = dict(bound)
    temp_free = dict(free)
    temp_global = dict(global_)
    temp_type_params = dict(type_params)
    analyze_block(entry, temp_bound, temp_free, temp_global, temp_type_params,
                  class_entry)
    return temp_free


def symtable_analyze(st: symtable) -> None:
    """CPython: Python/symtable.c:symtable_analyze"""
    free: _NameSet = {}
    global_: _NameSet = {}
    type_params: _NameSet = {}
    top = st.st_top
    assert top is not None
    analyze_block(top, None, free, global_, type_params, None)


# ---------------------------------------------------------------------------
# Blocks (pass one)


def symtable_exit_block(st: symtable) -> None:
    """CPython: Python/symtable.c:symtable_exit_block"""
    st.st_cur = None
    size = len(st.st_stack)
    if size:
        st.st_stack.pop()
        size -= 1
        if size:
            st.st_cur = st.st_stack[size - 1]


def symtable_enter_existing_block(st: symtable, ste: PySTEntryObject,
                                  add_to_children: bool) -> None:
    """CPython: Python/symtable.c:symtable_enter_existing_block"""
    st.st_stack.append(ste)
    prev = st.st_cur
    # bpo-37757: For now, disallow *all* assignment expressions in the
    # outermost iterator expression of a comprehension, even those inside a
    # nested comprehension or a lambda expression.
    if prev is not None:
        ste.ste_comp_iter_expr = prev.ste_comp_iter_expr
    # No need to inherit ste_mangled_names in classes, where all names are
    # mangled. (The set is shared, as C shares the reference.)
    if (prev is not None and prev.ste_mangled_names is not None
            and ste.ste_type != ClassBlock):
        ste.ste_mangled_names = prev.ste_mangled_names
    st.st_cur = ste

    # With "from __future__ import annotations", annotation blocks have no
    # effect on the symbol table: codegen turns them into strings.
    if (st.st_future.ff_features & CO_FUTURE_ANNOTATIONS
            and ste.ste_type == AnnotationBlock):
        return

    if ste.ste_type == ModuleBlock:
        st.st_global = ste.ste_symbols

    if add_to_children and prev is not None:
        prev.ste_children.append(ste)


def symtable_enter_block(st: symtable, name: str, block: int, key: int,
                         loc: Location) -> None:
    """CPython: Python/symtable.c:symtable_enter_block"""
    ste = ste_new(st, name, block, key, loc)
    symtable_enter_existing_block(st, ste, True)
    if block == AnnotationBlock or block == TypeVariableBlock or block == TypeAliasBlock:
        # We need to insert code that reads this "parameter" to the function.
        symtable_add_def(st, ".format", DEF_PARAM, loc)
        symtable_add_def(st, ".format", USE, loc)


def symtable_lookup_entry(st: symtable, ste: PySTEntryObject, name: str) -> int:
    """CPython: Python/symtable.c:symtable_lookup_entry"""
    mangled = _Py_MaybeMangle(st.st_private, ste, name)
    return _PyST_GetSymbol(ste, mangled)


def symtable_lookup(st: symtable, name: str) -> int:
    """CPython: Python/symtable.c:symtable_lookup"""
    return symtable_lookup_entry(st, _cur(st), name)


def symtable_add_def_helper(st: symtable, name: str, flag: int,
                            ste: PySTEntryObject, loc: Location) -> None:
    """CPython: Python/symtable.c:symtable_add_def_helper"""
    mangled = _Py_MaybeMangle(st.st_private, _cur(st), name)
    dict_ = ste.ste_symbols
    o = dict_.get(mangled)
    if o is not None:
        val = o
        if (flag & DEF_PARAM) and (val & DEF_PARAM):
            # Is it better to use 'mangled' or 'name' here?
            _syntax_error_at(st, DUPLICATE_ARGUMENT.format(name), loc)
        if (flag & DEF_TYPE_PARAM) and (val & DEF_TYPE_PARAM):
            _syntax_error_at(st, DUPLICATE_TYPE_PARAM.format(name), loc)
        val |= flag
    else:
        val = flag
    if ste.ste_comp_iter_target:
        # This name is an iteration variable in a comprehension, so check for
        # a binding conflict with any named expressions. Otherwise, mark it
        # as an iteration variable so subsequent named expressions can check
        # for conflicts.
        if val & (DEF_GLOBAL | DEF_NONLOCAL):
            _syntax_error_at(st, NAMED_EXPR_COMP_INNER_LOOP_CONFLICT.format(name), loc)
        val |= DEF_COMP_ITER
    dict_[mangled] = val

    if flag & DEF_PARAM:
        ste.ste_varnames.append(mangled)
    elif flag & DEF_GLOBAL:
        # XXX need to update DEF_GLOBAL for other flags too;
        # perhaps only DEF_FREE_GLOBAL
        gval = st.st_global.get(mangled, 0)
        gval |= flag
        st.st_global[mangled] = gval


def check_name(st: symtable, name: str, loc: Location,
               ctx: expr_context) -> None:
    """CPython: Python/symtable.c:check_name"""
    if isinstance(ctx, Store) and name == "__debug__":
        _syntax_error_at(st, "cannot assign to __debug__", loc)
    if isinstance(ctx, Del) and name == "__debug__":
        _syntax_error_at(st, "cannot delete __debug__", loc)


def check_keywords(st: symtable, keywords: list[keyword]) -> None:
    """CPython: Python/symtable.c:check_keywords"""
    for key in keywords:
        if key.arg is not None:
            check_name(st, key.arg, LOCATION(key), Store_)


def check_kwd_patterns(st: symtable, p: MatchClass) -> None:
    """CPython: Python/symtable.c:check_kwd_patterns"""
    kwd_attrs = p.kwd_attrs
    kwd_patterns = p.kwd_patterns
    for i in range(len(kwd_attrs)):
        loc = LOCATION(kwd_patterns[i])
        check_name(st, kwd_attrs[i], loc, Store_)


def symtable_add_def_ctx(st: symtable, name: str, flag: int,
                         loc: Location, ctx: expr_context) -> None:
    """CPython: Python/symtable.c:symtable_add_def_ctx"""
    write_mask = DEF_PARAM | DEF_LOCAL | DEF_IMPORT
    if flag & write_mask:
        check_name(st, name, loc, ctx)
    cur = _cur(st)
    if (flag & DEF_TYPE_PARAM) and cur.ste_mangled_names is not None:
        cur.ste_mangled_names.add(name)
    symtable_add_def_helper(st, name, flag, cur, loc)


def symtable_add_def(st: symtable, name: str, flag: int,
                     loc: Location) -> None:
    """CPython: Python/symtable.c:symtable_add_def"""
    symtable_add_def_ctx(st, name, flag, loc, Load_ if flag == USE else Store_)


def symtable_enter_type_param_block(st: symtable, name: str, key: int,
                                    has_defaults: bool, has_kwdefaults: bool,
                                    is_classdef: bool,
                                    loc: Location) -> None:
    """CPython: Python/symtable.c:symtable_enter_type_param_block

    pyvm: ``is_classdef`` stands for C's ``kind == ClassDef_kind``.
    """
    current_type = _cur(st).ste_type
    symtable_enter_block(st, name, TypeParametersBlock, key, loc)
    if current_type == ClassBlock:
        _cur(st).ste_can_see_class_scope = True
        symtable_add_def(st, "__classdict__", USE, loc)
    if is_classdef:
        # It gets "set" when we create the type params tuple and "used" when
        # we build up the bases.
        symtable_add_def(st, ".type_params", DEF_LOCAL, loc)
        symtable_add_def(st, ".type_params", USE, loc)
        # This is used for setting the generic base.
        symtable_add_def(st, ".generic_base", DEF_LOCAL, loc)
        symtable_add_def(st, ".generic_base", USE, loc)
    if has_defaults:
        symtable_add_def(st, ".defaults", DEF_PARAM, loc)
    if has_kwdefaults:
        symtable_add_def(st, ".kwdefaults", DEF_PARAM, loc)


def symtable_record_directive(st: symtable, name: str, loc: Location) -> None:
    """CPython: Python/symtable.c:symtable_record_directive"""
    cur = _cur(st)
    if cur.ste_directives is None:
        cur.ste_directives = []
    mangled = _Py_MaybeMangle(st.st_private, cur, name)
    cur.ste_directives.append((mangled, loc.lineno, loc.col_offset,
                               loc.end_lineno, loc.end_col_offset))


def has_kwonlydefaults(kwonlyargs: list[arg], kw_defaults: list[Optional[expr]]) -> bool:
    """CPython: Python/symtable.c:has_kwonlydefaults"""
    for i in range(len(kwonlyargs)):
        if kw_defaults[i] is not None:
            return True
    return False


def check_import_from(st: symtable, s: ImportFrom) -> None:
    """CPython: Python/symtable.c:check_import_from"""
    fut = st.st_future.ff_location
    level = s.level if s.level is not None else 0   # obj2ast's default
    if (s.module is not None and level == 0 and s.module == "__future__"
            and ((s.lineno > fut.lineno)
                 or ((s.lineno == fut.end_lineno)
                     and (s.col_offset > fut.end_col_offset)))):
        _syntax_error_at(st, "from __future__ imports must occur "
                             "at the beginning of the file", LOCATION(s))


def allows_top_level_await(st: symtable) -> bool:
    """CPython: Python/symtable.c:allows_top_level_await"""
    return bool(st.st_future.ff_features & PyCF_ALLOW_TOP_LEVEL_AWAIT) and \
        _cur(st).ste_type == ModuleBlock


def maybe_set_ste_coroutine_for_module(st: symtable, s: stmt) -> None:
    """CPython: Python/symtable.c:maybe_set_ste_coroutine_for_module"""
    if allows_top_level_await(st):
        _cur(st).ste_coroutine = True


def _visit_function_def(st: symtable, s: Union[FunctionDef, AsyncFunctionDef],
                        is_async: bool) -> None:
    """CPython: Python/symtable.c:symtable_visit_stmt

    pyvm: the FunctionDef_kind and AsyncFunctionDef_kind cases, which differ
    only in marking the new block a coroutine.
    """
    loc = LOCATION(s)
    a = s.args
    symtable_add_def(st, s.name, DEF_LOCAL, loc)
    for d in a.defaults:
        symtable_visit_expr(st, d)
    for kd in a.kw_defaults:
        if kd is not None:
            symtable_visit_expr(st, kd)
    for dec in s.decorator_list:
        symtable_visit_expr(st, dec)
    has_type_params = len(s.type_params) > 0
    if has_type_params:
        symtable_enter_type_param_block(
            st, s.name, _key(st, s.type_params),
            # C tests ``args->defaults != NULL``; the parser (and obj2ast)
            # always makes the sequence, empty or not, so this is always true.
            True,
            has_kwonlydefaults(a.kwonlyargs, a.kw_defaults),
            False, loc)
        for tp in s.type_params:
            symtable_visit_type_param(st, tp)
    new_ste = ste_new(st, s.name, FunctionBlock, _key(st, s), loc)
    if _PyAST_GetDocString(s.body) is not None:
        new_ste.ste_has_docstring = True
    symtable_visit_annotations(st, s, a, s.returns, new_ste)
    symtable_enter_existing_block(st, new_ste, True)
    if is_async:
        _cur(st).ste_coroutine = True
    symtable_visit_arguments(st, a)
    for b in s.body:
        symtable_visit_stmt(st, b)
    symtable_exit_block(st)
    if has_type_params:
        symtable_exit_block(st)


def symtable_visit_stmt(st: symtable, s: stmt) -> None:
    """CPython: Python/symtable.c:symtable_visit_stmt"""
    ENTER_RECURSIVE(st)
    if isinstance(s, FunctionDef):
        _visit_function_def(st, s, False)
    elif isinstance(s, ClassDef):
        loc = LOCATION(s)
        symtable_add_def(st, s.name, DEF_LOCAL, loc)
        for dec in s.decorator_list:
            symtable_visit_expr(st, dec)
        tmp = st.st_private
        has_type_params = len(s.type_params) > 0
        if has_type_params:
            symtable_enter_type_param_block(st, s.name, _key(st, s.type_params),
                                            False, False, True, loc)
            st.st_private = s.name
            _cur(st).ste_mangled_names = set()
            for tp in s.type_params:
                symtable_visit_type_param(st, tp)
        for base in s.bases:
            symtable_visit_expr(st, base)
        check_keywords(st, s.keywords)
        for kw in s.keywords:
            symtable_visit_keyword(st, kw)
        symtable_enter_block(st, s.name, ClassBlock, _key(st, s), loc)
        st.st_private = s.name
        if has_type_params:
            symtable_add_def(st, "__type_params__", DEF_LOCAL, loc)
            symtable_add_def(st, ".type_params", USE, loc)
        if _PyAST_GetDocString(s.body) is not None:
            _cur(st).ste_has_docstring = True
        for b2 in s.body:
            symtable_visit_stmt(st, b2)
        symtable_exit_block(st)
        if has_type_params:
            symtable_exit_block(st)
        st.st_private = tmp
    elif isinstance(s, TypeAlias):
        symtable_visit_expr(st, s.name)
        name_node = s.name
        assert isinstance(name_node, Name)
        name = name_node.id
        is_in_class = _cur(st).ste_type == ClassBlock
        is_generic = len(s.type_params) > 0
        loc = LOCATION(s)
        if is_generic:
            symtable_enter_type_param_block(st, name, _key(st, s.type_params),
                                            False, False, False, loc)
            for tp in s.type_params:
                symtable_visit_type_param(st, tp)
        symtable_enter_block(st, name, TypeAliasBlock, _key(st, s), loc)
        _cur(st).ste_can_see_class_scope = is_in_class
        if is_in_class:
            symtable_add_def(st, "__classdict__", USE, LOCATION(s.value))
        symtable_visit_expr(st, s.value)
        symtable_exit_block(st)
        if is_generic:
            symtable_exit_block(st)
    elif isinstance(s, Return):
        if s.value is not None:
            symtable_visit_expr(st, s.value)
            _cur(st).ste_returns_value = True
    elif isinstance(s, Delete):
        for t in s.targets:
            symtable_visit_expr(st, t)
    elif isinstance(s, Assign):
        for t in s.targets:
            symtable_visit_expr(st, t)
        symtable_visit_expr(st, s.value)
    elif isinstance(s, AnnAssign):
        cur = _cur(st)
        cur.ste_annotations_used = True
        target = s.target
        if isinstance(target, Name):
            e_name = target
            cur_flags = symtable_lookup(st, e_name.id)
            if ((cur_flags & (DEF_GLOBAL | DEF_NONLOCAL))
                    and cur.ste_symbols is not st.st_global
                    and s.simple):
                msg = GLOBAL_ANNOT if cur_flags & DEF_GLOBAL else NONLOCAL_ANNOT
                _syntax_error_at(st, msg.format(e_name.id), LOCATION(s))
            if s.simple:
                symtable_add_def(st, e_name.id, DEF_ANNOT | DEF_LOCAL, LOCATION(e_name))
            else:
                if s.value is not None:
                    symtable_add_def(st, e_name.id, DEF_LOCAL, LOCATION(e_name))
        else:
            symtable_visit_expr(st, target)
        symtable_visit_annotation(st, s.annotation, _PySymtable_AnnotationKey(_cur(st)))
        if s.value is not None:
            symtable_visit_expr(st, s.value)
    elif isinstance(s, AugAssign):
        symtable_visit_expr(st, s.target)
        symtable_visit_expr(st, s.value)
    elif isinstance(s, For):
        symtable_visit_expr(st, s.target)
        symtable_visit_expr(st, s.iter)
        cur = _cur(st)
        in_conditional_block = cur.ste_in_conditional_block
        cur.ste_in_conditional_block = True
        for b in s.body:
            symtable_visit_stmt(st, b)
        for b in s.orelse:
            symtable_visit_stmt(st, b)
        cur.ste_in_conditional_block = in_conditional_block
    elif isinstance(s, While):
        symtable_visit_expr(st, s.test)
        cur = _cur(st)
        in_conditional_block = cur.ste_in_conditional_block
        cur.ste_in_conditional_block = True
        for b in s.body:
            symtable_visit_stmt(st, b)
        for b in s.orelse:
            symtable_visit_stmt(st, b)
        cur.ste_in_conditional_block = in_conditional_block
    elif isinstance(s, If):
        symtable_visit_expr(st, s.test)
        cur = _cur(st)
        in_conditional_block = cur.ste_in_conditional_block
        cur.ste_in_conditional_block = True
        for b in s.body:
            symtable_visit_stmt(st, b)
        for b in s.orelse:
            symtable_visit_stmt(st, b)
        cur.ste_in_conditional_block = in_conditional_block
    elif isinstance(s, Match):
        symtable_visit_expr(st, s.subject)
        cur = _cur(st)
        in_conditional_block = cur.ste_in_conditional_block
        cur.ste_in_conditional_block = True
        for mc in s.cases:
            symtable_visit_match_case(st, mc)
        cur.ste_in_conditional_block = in_conditional_block
    elif isinstance(s, Raise):
        if s.exc is not None:
            symtable_visit_expr(st, s.exc)
            if s.cause is not None:
                symtable_visit_expr(st, s.cause)
    elif isinstance(s, Try) or isinstance(s, TryStar):
        cur = _cur(st)
        in_conditional_block = cur.ste_in_conditional_block
        cur.ste_in_conditional_block = True
        for b in s.body:
            symtable_visit_stmt(st, b)
        for h in s.handlers:
            symtable_visit_excepthandler(st, h)
        for b in s.orelse:
            symtable_visit_stmt(st, b)
        for b in s.finalbody:
            symtable_visit_stmt(st, b)
        cur.ste_in_conditional_block = in_conditional_block
    elif isinstance(s, Assert):
        symtable_visit_expr(st, s.test)
        if s.msg is not None:
            symtable_visit_expr(st, s.msg)
    elif isinstance(s, Import):
        for a in s.names:
            symtable_visit_alias(st, a)
    elif isinstance(s, ImportFrom):
        for a in s.names:
            symtable_visit_alias(st, a)
        check_import_from(st, s)
    elif isinstance(s, Global):
        for name in s.names:
            cur_flags = symtable_lookup(st, name)
            if cur_flags & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT):
                if cur_flags & DEF_PARAM:
                    msg = GLOBAL_PARAM
                elif cur_flags & USE:
                    msg = GLOBAL_AFTER_USE
                elif cur_flags & DEF_ANNOT:
                    msg = GLOBAL_ANNOT
                else:  # DEF_LOCAL
                    msg = GLOBAL_AFTER_ASSIGN
                _syntax_error_at(st, msg.format(name), LOCATION(s))
            symtable_add_def(st, name, DEF_GLOBAL, LOCATION(s))
            symtable_record_directive(st, name, LOCATION(s))
    elif isinstance(s, Nonlocal):
        for name in s.names:
            cur_flags = symtable_lookup(st, name)
            if cur_flags & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT):
                if cur_flags & DEF_PARAM:
                    msg = NONLOCAL_PARAM
                elif cur_flags & USE:
                    msg = NONLOCAL_AFTER_USE
                elif cur_flags & DEF_ANNOT:
                    msg = NONLOCAL_ANNOT
                else:  # DEF_LOCAL
                    msg = NONLOCAL_AFTER_ASSIGN
                _syntax_error_at(st, msg.format(name), LOCATION(s))
            symtable_add_def(st, name, DEF_NONLOCAL, LOCATION(s))
            symtable_record_directive(st, name, LOCATION(s))
    elif isinstance(s, Expr):
        symtable_visit_expr(st, s.value)
    elif isinstance(s, Pass) or isinstance(s, Break) or isinstance(s, Continue):
        # nothing to do here
        pass
    elif isinstance(s, With):
        cur = _cur(st)
        in_conditional_block = cur.ste_in_conditional_block
        cur.ste_in_conditional_block = True
        for item in s.items:
            symtable_visit_withitem(st, item)
        for b in s.body:
            symtable_visit_stmt(st, b)
        cur.ste_in_conditional_block = in_conditional_block
    elif isinstance(s, AsyncFunctionDef):
        _visit_function_def(st, s, True)
    elif isinstance(s, AsyncWith):
        maybe_set_ste_coroutine_for_module(st, s)
        symtable_raise_if_not_coroutine(st, ASYNC_WITH_OUTSIDE_ASYNC_FUNC, LOCATION(s))
        cur = _cur(st)
        in_conditional_block = cur.ste_in_conditional_block
        cur.ste_in_conditional_block = True
        for item in s.items:
            symtable_visit_withitem(st, item)
        for b in s.body:
            symtable_visit_stmt(st, b)
        cur.ste_in_conditional_block = in_conditional_block
    elif isinstance(s, AsyncFor):
        maybe_set_ste_coroutine_for_module(st, s)
        symtable_raise_if_not_coroutine(st, ASYNC_FOR_OUTSIDE_ASYNC_FUNC, LOCATION(s))
        symtable_visit_expr(st, s.target)
        symtable_visit_expr(st, s.iter)
        cur = _cur(st)
        in_conditional_block = cur.ste_in_conditional_block
        cur.ste_in_conditional_block = True
        for b in s.body:
            symtable_visit_stmt(st, b)
        for b in s.orelse:
            symtable_visit_stmt(st, b)
        cur.ste_in_conditional_block = in_conditional_block
    LEAVE_RECURSIVE(st)


def symtable_extend_namedexpr_scope(st: symtable, e: expr) -> None:
    """CPython: Python/symtable.c:symtable_extend_namedexpr_scope

    Bind the target of a walrus inside a comprehension in the nearest
    enclosing function or module scope.
    """
    assert isinstance(e, Name)
    target_name = e.id
    # Iterate over the stack in reverse and add to the nearest adequate scope.
    for i in range(len(st.st_stack) - 1, -1, -1):
        ste = st.st_stack[i]

        # If we find a comprehension scope, check for a target binding
        # conflict with iteration variables, otherwise skip it.
        if ste.ste_comprehension != NoComprehension:
            target_in_scope = symtable_lookup_entry(st, ste, target_name)
            if (target_in_scope & DEF_COMP_ITER) and (target_in_scope & DEF_LOCAL):
                _syntax_error_at(st, NAMED_EXPR_COMP_CONFLICT.format(target_name),
                                 LOCATION(e))
            continue

        # If we find a FunctionBlock entry, add as GLOBAL/LOCAL or NONLOCAL/LOCAL.
        if ste.ste_type == FunctionBlock:
            target_in_scope = symtable_lookup_entry(st, ste, target_name)
            if target_in_scope & DEF_GLOBAL:
                symtable_add_def(st, target_name, DEF_GLOBAL, LOCATION(e))
            else:
                symtable_add_def(st, target_name, DEF_NONLOCAL, LOCATION(e))
            symtable_record_directive(st, target_name, LOCATION(e))
            symtable_add_def_helper(st, target_name, DEF_LOCAL, ste, LOCATION(e))
            return
        # If we find a ModuleBlock entry, add as GLOBAL.
        if ste.ste_type == ModuleBlock:
            symtable_add_def(st, target_name, DEF_GLOBAL, LOCATION(e))
            symtable_record_directive(st, target_name, LOCATION(e))
            symtable_add_def_helper(st, target_name, DEF_GLOBAL, ste, LOCATION(e))
            return
        # Disallow usage in ClassBlock and type scopes.
        if ste.ste_type == ClassBlock:
            _syntax_error_at(st, NAMED_EXPR_COMP_IN_CLASS, LOCATION(e))
        elif ste.ste_type == TypeParametersBlock:
            _syntax_error_at(st, NAMED_EXPR_COMP_IN_TYPEPARAM, LOCATION(e))
        elif ste.ste_type == TypeAliasBlock:
            _syntax_error_at(st, NAMED_EXPR_COMP_IN_TYPEALIAS, LOCATION(e))
        elif ste.ste_type == TypeVariableBlock:
            _syntax_error_at(st, NAMED_EXPR_COMP_IN_TYPEVAR_BOUND, LOCATION(e))

    # We should always find either a function-like block, ModuleBlock or
    # ClassBlock and should never fall to this case.
    raise AssertionError("unreachable: no scope for the named expression target")


def symtable_handle_namedexpr(st: symtable, e: NamedExpr) -> None:
    """CPython: Python/symtable.c:symtable_handle_namedexpr"""
    cur = _cur(st)
    if cur.ste_comp_iter_expr > 0:
        # Assignment isn't allowed in a comprehension iterable expression.
        _syntax_error_at(st, NAMED_EXPR_COMP_ITER_EXPR, LOCATION(e))
    if cur.ste_comprehension != NoComprehension:
        # Inside a comprehension body, so find the right target scope.
        symtable_extend_namedexpr_scope(st, e.target)
    symtable_visit_expr(st, e.value)
    symtable_visit_expr(st, e.target)


def symtable_visit_expr(st: symtable, e: expr) -> None:
    """CPython: Python/symtable.c:symtable_visit_expr"""
    ENTER_RECURSIVE(st)
    if isinstance(e, NamedExpr):
        symtable_raise_if_annotation_block(st, "named expression", e)
        symtable_handle_namedexpr(st, e)
    elif isinstance(e, BoolOp):
        for v in e.values:
            symtable_visit_expr(st, v)
    elif isinstance(e, BinOp):
        symtable_visit_expr(st, e.left)
        symtable_visit_expr(st, e.right)
    elif isinstance(e, UnaryOp):
        symtable_visit_expr(st, e.operand)
    elif isinstance(e, Lambda):
        a = e.args
        for d in a.defaults:
            symtable_visit_expr(st, d)
        for kd in a.kw_defaults:
            if kd is not None:
                symtable_visit_expr(st, kd)
        symtable_enter_block(st, "lambda", FunctionBlock, _key(st, e), LOCATION(e))
        symtable_visit_arguments(st, a)
        symtable_visit_expr(st, e.body)
        symtable_exit_block(st)
    elif isinstance(e, IfExp):
        symtable_visit_expr(st, e.test)
        symtable_visit_expr(st, e.body)
        symtable_visit_expr(st, e.orelse)
    elif isinstance(e, Dict):
        for k in e.keys:
            if k is not None:
                symtable_visit_expr(st, k)
        for v in e.values:
            symtable_visit_expr(st, v)
    elif isinstance(e, Set):
        for v in e.elts:
            symtable_visit_expr(st, v)
    elif isinstance(e, GeneratorExp):
        symtable_visit_genexp(st, e)
    elif isinstance(e, ListComp):
        symtable_visit_listcomp(st, e)
    elif isinstance(e, SetComp):
        symtable_visit_setcomp(st, e)
    elif isinstance(e, DictComp):
        symtable_visit_dictcomp(st, e)
    elif isinstance(e, Yield):
        symtable_raise_if_annotation_block(st, "yield expression", e)
        if e.value is not None:
            symtable_visit_expr(st, e.value)
        cur = _cur(st)
        cur.ste_generator = True
        if cur.ste_comprehension != NoComprehension:
            symtable_raise_if_comprehension_block(st, e)
    elif isinstance(e, YieldFrom):
        symtable_raise_if_annotation_block(st, "yield expression", e)
        symtable_visit_expr(st, e.value)
        cur = _cur(st)
        cur.ste_generator = True
        if cur.ste_comprehension != NoComprehension:
            symtable_raise_if_comprehension_block(st, e)
    elif isinstance(e, Await):
        symtable_raise_if_annotation_block(st, "await expression", e)
        if not allows_top_level_await(st):
            cur = _cur(st)
            if not _PyST_IsFunctionLike(cur):
                _syntax_error_at(st, "'await' outside function", LOCATION(e))
            if not IS_ASYNC_DEF(st) and cur.ste_comprehension == NoComprehension:
                _syntax_error_at(st, "'await' outside async function", LOCATION(e))
        symtable_visit_expr(st, e.value)
        _cur(st).ste_coroutine = True
    elif isinstance(e, Compare):
        symtable_visit_expr(st, e.left)
        for c in e.comparators:
            symtable_visit_expr(st, c)
    elif isinstance(e, Call):
        symtable_visit_expr(st, e.func)
        for a2 in e.args:
            symtable_visit_expr(st, a2)
        check_keywords(st, e.keywords)
        for kw in e.keywords:
            symtable_visit_keyword(st, kw)
    elif isinstance(e, FormattedValue):
        symtable_visit_expr(st, e.value)
        if e.format_spec is not None:
            symtable_visit_expr(st, e.format_spec)
    elif isinstance(e, Interpolation):
        symtable_visit_expr(st, e.value)
        if e.format_spec is not None:
            symtable_visit_expr(st, e.format_spec)
    elif isinstance(e, JoinedStr):
        for v in e.values:
            symtable_visit_expr(st, v)
    elif isinstance(e, TemplateStr):
        for v in e.values:
            symtable_visit_expr(st, v)
    elif isinstance(e, Constant):
        # Nothing to do here.
        pass
    # The following exprs can be assignment targets.
    elif isinstance(e, Attribute):
        check_name(st, e.attr, LOCATION(e), e.ctx)
        symtable_visit_expr(st, e.value)
    elif isinstance(e, Subscript):
        symtable_visit_expr(st, e.value)
        symtable_visit_expr(st, e.slice)
    elif isinstance(e, Starred):
        symtable_visit_expr(st, e.value)
    elif isinstance(e, Slice):
        if e.lower is not None:
            symtable_visit_expr(st, e.lower)
        if e.upper is not None:
            symtable_visit_expr(st, e.upper)
        if e.step is not None:
            symtable_visit_expr(st, e.step)
    elif isinstance(e, Name):
        cur = _cur(st)
        if not cur.ste_in_unevaluated_annotation:
            is_load = isinstance(e.ctx, Load)
            symtable_add_def_ctx(st, e.id, USE if is_load else DEF_LOCAL,
                                 LOCATION(e), e.ctx)
            # Special-case super: it counts as a use of __class__.
            if is_load and _PyST_IsFunctionLike(_cur(st)) and e.id == "super":
                symtable_add_def(st, "__class__", USE, LOCATION(e))
    # child nodes of List and Tuple will have expr_context set
    elif isinstance(e, List):
        for v in e.elts:
            symtable_visit_expr(st, v)
    elif isinstance(e, Tuple):
        for v in e.elts:
            symtable_visit_expr(st, v)
    LEAVE_RECURSIVE(st)


def symtable_visit_type_param_bound_or_default(
        st: symtable, e: Optional[expr], name: str, key: int, tp: type_param,
        ste_scope_info: Optional[str]) -> None:
    """CPython: Python/symtable.c:symtable_visit_type_param_bound_or_default

    pyvm: C passes the block key as a (possibly offset) ``type_param_ty``
    pointer and takes the error location from it; here the key and the node
    are separate arguments.
    """
    if name == "__classdict__":
        _syntax_error_at(st, f"reserved name '{name}' cannot be used for type parameter",
                         LOCATION(tp))

    if e is not None:
        is_in_class = _cur(st).ste_can_see_class_scope
        symtable_enter_block(st, name, TypeVariableBlock, key, LOCATION(e))

        cur = _cur(st)
        cur.ste_can_see_class_scope = is_in_class
        if is_in_class:
            symtable_add_def(st, "__classdict__", USE, LOCATION(e))

        assert ste_scope_info is not None
        cur.ste_scope_info = ste_scope_info
        symtable_visit_expr(st, e)

        symtable_exit_block(st)


def symtable_visit_type_param(st: symtable, tp: type_param) -> None:
    """CPython: Python/symtable.c:symtable_visit_type_param"""
    ENTER_RECURSIVE(st)
    if isinstance(tp, TypeVar):
        symtable_add_def(st, tp.name, DEF_TYPE_PARAM | DEF_LOCAL, LOCATION(tp))

        ste_scope_info: Optional[str] = None
        bound = tp.bound
        if bound is not None:
            ste_scope_info = ("a TypeVar constraint" if isinstance(bound, Tuple)
                              else "a TypeVar bound")

        # The bound and the default need different keys: the obvious choice,
        # the bound and default nodes themselves, fails when the expression is
        # a comprehension (its own scope is keyed by that node). So the
        # default uses the type param's key + 1, matching codegen.
        symtable_visit_type_param_bound_or_default(st, tp.bound, tp.name, _key(st, tp),
                                                   tp, ste_scope_info)
        symtable_visit_type_param_bound_or_default(st, tp.default_value, tp.name,
                                                   _PySymtable_DefaultKey(tp), tp,
                                                   "a TypeVar default")
    elif isinstance(tp, TypeVarTuple):
        symtable_add_def(st, tp.name, DEF_TYPE_PARAM | DEF_LOCAL, LOCATION(tp))
        symtable_visit_type_param_bound_or_default(st, tp.default_value, tp.name,
                                                   _key(st, tp), tp,
                                                   "a TypeVarTuple default")
    elif isinstance(tp, ParamSpec):
        symtable_add_def(st, tp.name, DEF_TYPE_PARAM | DEF_LOCAL, LOCATION(tp))
        symtable_visit_type_param_bound_or_default(st, tp.default_value, tp.name,
                                                   _key(st, tp), tp,
                                                   "a ParamSpec default")
    LEAVE_RECURSIVE(st)


def symtable_visit_pattern(st: symtable, p: pattern) -> None:
    """CPython: Python/symtable.c:symtable_visit_pattern"""
    ENTER_RECURSIVE(st)
    if isinstance(p, MatchValue):
        symtable_visit_expr(st, p.value)
    elif isinstance(p, MatchSingleton):
        # Nothing to do here.
        pass
    elif isinstance(p, MatchSequence):
        for sp in p.patterns:
            symtable_visit_pattern(st, sp)
    elif isinstance(p, MatchStar):
        if p.name is not None:
            symtable_add_def(st, p.name, DEF_LOCAL, LOCATION(p))
    elif isinstance(p, MatchMapping):
        for k in p.keys:
            symtable_visit_expr(st, k)
        for sp in p.patterns:
            symtable_visit_pattern(st, sp)
        if p.rest is not None:
            symtable_add_def(st, p.rest, DEF_LOCAL, LOCATION(p))
    elif isinstance(p, MatchClass):
        symtable_visit_expr(st, p.cls)
        for sp in p.patterns:
            symtable_visit_pattern(st, sp)
        check_kwd_patterns(st, p)
        for sp in p.kwd_patterns:
            symtable_visit_pattern(st, sp)
    elif isinstance(p, MatchAs):
        if p.pattern is not None:
            symtable_visit_pattern(st, p.pattern)
        if p.name is not None:
            symtable_add_def(st, p.name, DEF_LOCAL, LOCATION(p))
    elif isinstance(p, MatchOr):
        for sp in p.patterns:
            symtable_visit_pattern(st, sp)
    LEAVE_RECURSIVE(st)


def symtable_implicit_arg(st: symtable, pos: int) -> None:
    """CPython: Python/symtable.c:symtable_implicit_arg"""
    symtable_add_def(st, f".{pos}", DEF_PARAM, _cur(st).ste_loc)


def symtable_visit_params(st: symtable, args: list[arg]) -> None:
    """CPython: Python/symtable.c:symtable_visit_params"""
    for a in args:
        symtable_add_def(st, a.arg, DEF_PARAM, LOCATION(a))


def symtable_visit_annotation(st: symtable, annotation: expr, key: int) -> None:
    """CPython: Python/symtable.c:symtable_visit_annotation

    Visit the annotation of an ``AnnAssign`` in the deferred annotation block
    of the current scope (PEP 649), creating that block on first use.
    """
    cur = _cur(st)
    # Annotations in local scopes are not executed and should not affect the
    # symtable.
    is_unevaluated = cur.ste_type == FunctionBlock

    # Module-level annotations are always considered conditional because the
    # module may be partially executed.
    if (((cur.ste_type == ClassBlock and cur.ste_in_conditional_block)
            or cur.ste_type == ModuleBlock)
            and not cur.ste_has_conditional_annotations):
        cur.ste_has_conditional_annotations = True
        symtable_add_def(st, "__conditional_annotations__", USE, LOCATION(annotation))
    parent_ste = cur
    if parent_ste.ste_annotation_block is None:
        current_type = parent_ste.ste_type
        symtable_enter_block(st, "__annotate__", AnnotationBlock, key,
                             LOCATION(annotation))
        parent_ste.ste_annotation_block = _cur(st)
        future_annotations = st.st_future.ff_features & CO_FUTURE_ANNOTATIONS
        if current_type == ClassBlock and not future_annotations:
            _cur(st).ste_can_see_class_scope = True
            parent_ste.ste_needs_classdict = True
            symtable_add_def(st, "__classdict__", USE, LOCATION(annotation))
    else:
        symtable_enter_existing_block(st, parent_ste.ste_annotation_block, False)
    if is_unevaluated:
        _cur(st).ste_in_unevaluated_annotation = True
    symtable_visit_expr(st, annotation)
    if is_unevaluated:
        _cur(st).ste_in_unevaluated_annotation = False
    symtable_exit_block(st)


def symtable_visit_argannotations(st: symtable, args: list[arg]) -> None:
    """CPython: Python/symtable.c:symtable_visit_argannotations"""
    for a in args:
        if a.annotation is not None:
            _cur(st).ste_annotations_used = True
            symtable_visit_expr(st, a.annotation)


def symtable_visit_annotations(st: symtable, o: stmt, a: arguments,
                               returns: Optional[expr],
                               function_ste: PySTEntryObject) -> None:
    """CPython: Python/symtable.c:symtable_visit_annotations

    The ``__annotate__`` block of a function's parameter and return
    annotations, keyed by the function's ``arguments`` node.
    """
    cur = _cur(st)
    is_in_class = cur.ste_can_see_class_scope
    current_type = cur.ste_type
    symtable_enter_block(st, "__annotate__", AnnotationBlock, _key(st, a), LOCATION(o))
    if is_in_class or current_type == ClassBlock:
        _cur(st).ste_can_see_class_scope = True
        symtable_add_def(st, "__classdict__", USE, LOCATION(o))
    symtable_visit_argannotations(st, a.posonlyargs)
    symtable_visit_argannotations(st, a.args)
    if a.vararg is not None and a.vararg.annotation is not None:
        _cur(st).ste_annotations_used = True
        symtable_visit_expr(st, a.vararg.annotation)
    if a.kwarg is not None and a.kwarg.annotation is not None:
        _cur(st).ste_annotations_used = True
        symtable_visit_expr(st, a.kwarg.annotation)
    symtable_visit_argannotations(st, a.kwonlyargs)
    if returns is not None:
        _cur(st).ste_annotations_used = True
        symtable_visit_expr(st, returns)
    symtable_exit_block(st)


def symtable_visit_arguments(st: symtable, a: arguments) -> None:
    """CPython: Python/symtable.c:symtable_visit_arguments"""
    # skip default arguments inside function block
    symtable_visit_params(st, a.posonlyargs)
    symtable_visit_params(st, a.args)
    symtable_visit_params(st, a.kwonlyargs)
    if a.vararg is not None:
        symtable_add_def(st, a.vararg.arg, DEF_PARAM, LOCATION(a.vararg))
        _cur(st).ste_varargs = True
    if a.kwarg is not None:
        symtable_add_def(st, a.kwarg.arg, DEF_PARAM, LOCATION(a.kwarg))
        _cur(st).ste_varkeywords = True


def symtable_visit_excepthandler(st: symtable, eh: excepthandler) -> None:
    """CPython: Python/symtable.c:symtable_visit_excepthandler"""
    assert isinstance(eh, ExceptHandler)
    if eh.type is not None:
        symtable_visit_expr(st, eh.type)
    if eh.name is not None:
        symtable_add_def(st, eh.name, DEF_LOCAL, LOCATION(eh))
    for b in eh.body:
        symtable_visit_stmt(st, b)


def symtable_visit_withitem(st: symtable, item: withitem) -> None:
    """CPython: Python/symtable.c:symtable_visit_withitem"""
    symtable_visit_expr(st, item.context_expr)
    if item.optional_vars is not None:
        symtable_visit_expr(st, item.optional_vars)


def symtable_visit_match_case(st: symtable, m: match_case) -> None:
    """CPython: Python/symtable.c:symtable_visit_match_case"""
    symtable_visit_pattern(st, m.pattern)
    if m.guard is not None:
        symtable_visit_expr(st, m.guard)
    for b in m.body:
        symtable_visit_stmt(st, b)


def symtable_visit_alias(st: symtable, a: alias) -> None:
    """CPython: Python/symtable.c:symtable_visit_alias"""
    # Compute store_name, the name actually bound by the import operation. It
    # is different than a.name when a.name is a dotted package name (e.g.
    # spam.eggs).
    name = a.name if a.asname is None else a.asname
    dot = name.find(".")
    store_name = name[:dot] if dot != -1 else name
    if name != "*":
        symtable_add_def(st, store_name, DEF_IMPORT, LOCATION(a))
    else:
        if _cur(st).ste_type != ModuleBlock:
            _syntax_error_at(st, IMPORT_STAR_WARNING, LOCATION(a))


def symtable_visit_comprehension(st: symtable, lc: comprehension) -> None:
    """CPython: Python/symtable.c:symtable_visit_comprehension"""
    cur = _cur(st)
    cur.ste_comp_iter_target = True
    symtable_visit_expr(st, lc.target)
    cur.ste_comp_iter_target = False
    cur.ste_comp_iter_expr += 1
    symtable_visit_expr(st, lc.iter)
    cur.ste_comp_iter_expr -= 1
    for i in lc.ifs:
        symtable_visit_expr(st, i)
    if lc.is_async:
        cur.ste_coroutine = True


def symtable_visit_keyword(st: symtable, k: keyword) -> None:
    """CPython: Python/symtable.c:symtable_visit_keyword"""
    symtable_visit_expr(st, k.value)


def symtable_handle_comprehension(st: symtable, e: expr, scope_name: str,
                                  generators: list[comprehension], elt: expr,
                                  value: Optional[expr]) -> None:
    """CPython: Python/symtable.c:symtable_handle_comprehension"""
    is_generator = isinstance(e, GeneratorExp)
    outermost = generators[0]
    # Outermost iterator is evaluated in current scope.
    cur = _cur(st)
    cur.ste_comp_iter_expr += 1
    symtable_visit_expr(st, outermost.iter)
    cur.ste_comp_iter_expr -= 1
    # Create comprehension scope for the rest.
    symtable_enter_block(st, scope_name, FunctionBlock, _key(st, e), LOCATION(e))
    comp = _cur(st)
    if isinstance(e, ListComp):
        comp.ste_comprehension = ListComprehension
    elif isinstance(e, SetComp):
        comp.ste_comprehension = SetComprehension
    elif isinstance(e, DictComp):
        comp.ste_comprehension = DictComprehension
    else:
        comp.ste_comprehension = GeneratorExpression
    if outermost.is_async:
        comp.ste_coroutine = True

    # Outermost iter is received as an argument.
    symtable_implicit_arg(st, 0)
    # Visit iteration variable target, and mark them as such.
    comp.ste_comp_iter_target = True
    symtable_visit_expr(st, outermost.target)
    comp.ste_comp_iter_target = False
    # Visit the rest of the comprehension body.
    for i in outermost.ifs:
        symtable_visit_expr(st, i)
    for g in generators[1:]:
        symtable_visit_comprehension(st, g)
    if value is not None:
        symtable_visit_expr(st, value)
    symtable_visit_expr(st, elt)
    comp.ste_generator = is_generator
    is_async = comp.ste_coroutine and not is_generator
    symtable_exit_block(st)
    if (is_async and not IS_ASYNC_DEF(st)
            and _cur(st).ste_comprehension == NoComprehension
            and not allows_top_level_await(st)):
        _syntax_error_at(st, "asynchronous comprehension outside of "
                             "an asynchronous function", LOCATION(e))
    if is_async:
        _cur(st).ste_coroutine = True


def symtable_visit_genexp(st: symtable, e: GeneratorExp) -> None:
    """CPython: Python/symtable.c:symtable_visit_genexp"""
    symtable_handle_comprehension(st, e, "genexpr", e.generators, e.elt, None)


def symtable_visit_listcomp(st: symtable, e: ListComp) -> None:
    """CPython: Python/symtable.c:symtable_visit_listcomp"""
    symtable_handle_comprehension(st, e, "listcomp", e.generators, e.elt, None)


def symtable_visit_setcomp(st: symtable, e: SetComp) -> None:
    """CPython: Python/symtable.c:symtable_visit_setcomp"""
    symtable_handle_comprehension(st, e, "setcomp", e.generators, e.elt, None)


def symtable_visit_dictcomp(st: symtable, e: DictComp) -> None:
    """CPython: Python/symtable.c:symtable_visit_dictcomp"""
    symtable_handle_comprehension(st, e, "dictcomp", e.generators, e.key, e.value)


def symtable_raise_if_annotation_block(st: symtable, name: str, e: expr) -> None:
    """CPython: Python/symtable.c:symtable_raise_if_annotation_block"""
    cur = _cur(st)
    t = cur.ste_type
    if t == AnnotationBlock:
        msg = ANNOTATION_NOT_ALLOWED.format(name)
    elif t == TypeVariableBlock:
        info = cur.ste_scope_info
        assert info is not None   # e.g. "a ParamSpec default"
        msg = EXPR_NOT_ALLOWED_IN_TYPE_VARIABLE.format(name, info)
    elif t == TypeAliasBlock:
        # for now, we do not have any extra information
        msg = EXPR_NOT_ALLOWED_IN_TYPE_ALIAS.format(name)
    elif t == TypeParametersBlock:
        # for now, we do not have any extra information
        msg = EXPR_NOT_ALLOWED_IN_TYPE_PARAMETERS.format(name)
    else:
        return
    _syntax_error_at(st, msg, LOCATION(e))


def symtable_raise_if_comprehension_block(st: symtable, e: expr) -> None:
    """CPython: Python/symtable.c:symtable_raise_if_comprehension_block"""
    t = _cur(st).ste_comprehension
    if t == ListComprehension:
        msg = "'yield' inside list comprehension"
    elif t == SetComprehension:
        msg = "'yield' inside set comprehension"
    elif t == DictComprehension:
        msg = "'yield' inside dict comprehension"
    else:
        msg = "'yield' inside generator expression"
    _syntax_error_at(st, msg, LOCATION(e))


def symtable_raise_if_not_coroutine(st: symtable, msg: str,
                                    loc: Location) -> None:
    """CPython: Python/symtable.c:symtable_raise_if_not_coroutine"""
    if not _cur(st).ste_coroutine:
        _syntax_error_at(st, msg, loc)


def _Py_SymtableStringObjectFlags(source: str | bytes, filename: str, start: int,
                                  flags: int) -> symtable:
    """CPython: Python/symtable.c:_Py_SymtableStringObjectFlags

    Parse ``source`` and build its symbol table (what the ``symtable``
    module's ``symtable()`` does). ``start`` is ``Py_file_input``,
    ``Py_eval_input`` or ``Py_single_input``; ``flags`` is ``cf_flags``.
    """
    # Imported here: the parser and future modules sit beside this one.
    from pyvm.compile.peg_api import _PyParser_ASTFromString  # cycle: the parser -> exceptions -> typeobject -> symtable

    if start == Py_eval_input:
        mode = "eval"
    elif start == Py_single_input:
        mode = "single"
    else:
        mode = "exec"
    mod_ = _PyParser_ASTFromString(source, filename, mode, flags)
    future = _PyFuture_FromAST(mod_, filename)
    future.ff_features |= flags
    return _PySymtable_Build(mod_, filename, future)


def _Py_MaybeMangle(privateobj: Optional[str], ste: PySTEntryObject, name: str) -> str:
    """CPython: Python/symtable.c:_Py_MaybeMangle

    Special case for type parameter blocks around generic classes: mangle the
    type parameter names (so a private-named type param can be used inside
    the class body) but no other name of the type parameter scope.
    """
    mangled_names = ste.ste_mangled_names
    if mangled_names is not None and name not in mangled_names:
        return name
    return _Py_Mangle(privateobj, name)


def _Py_Mangle(privateobj: Optional[str], ident: str) -> str:
    """CPython: Python/symtable.c:_Py_Mangle

    Name mangling: ``__private`` becomes ``_classname__private``.
    """
    if privateobj is None or not ident.startswith("__"):
        return ident
    # Don't mangle __id__ or names with dots. The only time a name with a dot
    # can occur is when we are compiling an import statement that has a
    # package name.
    if ident.endswith("__") or "." in ident:
        return ident   # Don't mangle __whatever__
    # Strip leading underscores from class name.
    stripped = privateobj.lstrip("_")
    if not stripped:
        return ident   # Don't mangle if class is just underscores
    return "_" + stripped + ident


def _dump_symtable(ste: PySTEntryObject, prefix: str) -> str:
    """CPython: Python/symtable.c:_dump_symtable

    pyvm: returns the text instead of printing it (for tests and debugging).
    """
    blocktype = ["FunctionBlock", "ClassBlock", "ModuleBlock", "AnnotationBlock",
                 "TypeAliasBlock", "TypeParametersBlock", "TypeVariableBlock"][ste.ste_type]
    comptype = ["", " ListComprehension", " DictComprehension", " SetComprehension",
                " GeneratorExpression"][ste.ste_comprehension]
    out = [f"{prefix}=== Symtable for {ste.ste_name} ===",
           f"{prefix}{blocktype}{comptype}"]
    attrs = ""
    for on, label in ((ste.ste_nested, "nested"), (ste.ste_generator, "generator"),
                      (ste.ste_coroutine, "coroutine"), (ste.ste_varargs, "varargs"),
                      (ste.ste_varkeywords, "varkeywords"),
                      (ste.ste_returns_value, "returns_value"),
                      (ste.ste_needs_class_closure, "needs_class_closure"),
                      (ste.ste_needs_classdict, "needs_classdict"),
                      (ste.ste_comp_inlined, "comp_inlined"),
                      (ste.ste_comp_iter_target, "comp_iter_target"),
                      (ste.ste_can_see_class_scope, "can_see_class_scope")):
        if on:
            attrs += " " + label
    out.append(prefix + attrs)
    out.append(f"{prefix}lineno: {ste.ste_loc.lineno} col_offset: {ste.ste_loc.col_offset}")
    out.append(f"{prefix}--- Symbols ---")
    flag_names = ((DEF_GLOBAL, "DEF_GLOBAL"), (DEF_LOCAL, "DEF_LOCAL"),
                  (DEF_PARAM, "DEF_PARAM"), (DEF_NONLOCAL, "DEF_NONLOCAL"),
                  (USE, "USE"), (DEF_FREE_CLASS, "DEF_FREE_CLASS"),
                  (DEF_IMPORT, "DEF_IMPORT"), (DEF_ANNOT, "DEF_ANNOT"),
                  (DEF_COMP_ITER, "DEF_COMP_ITER"), (DEF_TYPE_PARAM, "DEF_TYPE_PARAM"),
                  (DEF_COMP_CELL, "DEF_COMP_CELL"))
    scope_names = ["", " LOCAL", " GLOBAL_EXPLICIT", " GLOBAL_IMPLICIT", " FREE", " CELL"]
    for name, flags in ste.ste_symbols.items():
        line = f"{prefix}  {name}: "
        for bit, label in flag_names:
            if flags & bit:
                line += " " + label
        scope = SYMBOL_TO_SCOPE(flags)
        if scope < len(scope_names):
            line += scope_names[scope]
        out.append(line)
    out.append(f"{prefix}--- Children ---")
    for child in ste.ste_children:
        out.append(_dump_symtable(child, "  " + prefix))
    return "\n".join(out)


def dump_symtable(ste: PySTEntryObject) -> str:
    """CPython: Python/symtable.c:dump_symtable"""
    return _dump_symtable(ste, "")
