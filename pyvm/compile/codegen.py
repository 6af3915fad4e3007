"""Ports Python/codegen.c: the code generation stage of the compiler.

Codegen walks the AST of one code unit after another and appends
*pseudo-instructions* to the unit's instruction sequence
(``pyvm/compile/instruction_sequence.py``). Jumps name *labels*, not offsets;
``SETUP_FINALLY`` / ``SETUP_CLEANUP`` / ``SETUP_WITH`` / ``POP_BLOCK`` mark
the regions covered by exception handlers; ``LOAD_CLOSURE``, ``JUMP``,
``JUMP_NO_INTERRUPT`` and ``STORE_FAST_MAYBE_NULL`` are pseudo-ops too. The flow
graph pass (``flowgraph.py``) resolves them, optimizes, and computes the
exception table; the assembler lays the bytes out.

The unit state (the stack of compiler units, the frame blocks, the constant and
name tables) lives in ``compile.py``; codegen reaches it through the
``_PyCompile_*`` accessors, as ``codegen.c`` does. Nested code objects
(functions, lambdas, classes, generator expressions, annotation scopes) are
compiled completely -- codegen, optimization, assembly -- when their definition
is reached, and the finished ``PyCodeObject`` becomes a constant of the
enclosing unit.

The C macros become small functions with the macros' names (``ADDOP``,
``ADDOP_I``, ``ADDOP_LOAD_CONST``, ``ADDOP_NAME``, ``ADDOP_JUMP``,
``NEW_JUMP_TARGET_LABEL``, ``USE_LABEL``, ``VISIT``...). C's
``RETURN_IF_ERROR`` plumbing disappears: an error is a raised ``PyErr`` and the
whole compilation stops.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional, TypeAlias as _TypeAlias, Union

from pyvm.compile import ast
from pyvm.compile.future import CO_FUTURE_ANNOTATIONS
from pyvm.compile.compile import (
    COMPILE_FBLOCK_ASYNC_COMPREHENSION_GENERATOR,
    COMPILE_FBLOCK_ASYNC_WITH, COMPILE_FBLOCK_EXCEPTION_GROUP_HANDLER,
    COMPILE_FBLOCK_EXCEPTION_HANDLER, COMPILE_FBLOCK_FINALLY_END,
    COMPILE_FBLOCK_FINALLY_TRY, COMPILE_FBLOCK_FOR_LOOP, COMPILE_FBLOCK_HANDLER_CLEANUP,
    COMPILE_FBLOCK_POP_VALUE, COMPILE_FBLOCK_STOP_ITERATION, COMPILE_FBLOCK_TRY_EXCEPT,
    COMPILE_FBLOCK_WHILE_LOOP, COMPILE_FBLOCK_WITH, COMPILE_OP_DEREF, COMPILE_OP_FAST,
    COMPILE_OP_GLOBAL, COMPILE_OP_NAME, COMPILE_SCOPE_ANNOTATIONS,
    COMPILE_SCOPE_ASYNC_FUNCTION, COMPILE_SCOPE_CLASS, COMPILE_SCOPE_COMPREHENSION,
    COMPILE_SCOPE_FUNCTION, COMPILE_SCOPE_LAMBDA, COMPILE_SCOPE_MODULE,
    _PY_STACK_USE_GUIDELINE, _PyCompile_AddConst, _PyCompile_AddDeferredAnnotation,
    _PyCompile_CleanDoc, _PyCompile_CodeUnitMetadata, _PyCompile_DeferredAnnotations,
    _PyCompile_DictAddName, _PyCompile_EndAnnotationSetup,
    _PyCompile_EnterConditionalBlock, _PyCompile_EnterScope, _PyCompile_Error,
    _PyCompile_ExitScope, _PyCompile_FBlockInfo, _PyCompile_FutureFeatures,
    _PyCompile_GetRefType, _PyCompile_InlinedComprehensionState, _PyCompile_InstrSequence,
    _PyCompile_IsInInlinedComp, _PyCompile_IsInteractiveTopLevel,
    _PyCompile_LeaveConditionalBlock, _PyCompile_LookupArg, _PyCompile_LookupCellvar,
    _PyCompile_Mangle, _PyCompile_MaybeAddStaticAttributeToClass, _PyCompile_MaybeMangle,
    _PyCompile_Metadata, _PyCompile_OptimizationLevel, _PyCompile_OptimizeAndAssemble,
    _PyCompile_PopFBlock, _PyCompile_PushFBlock, _PyCompile_Qualname,
    _PyCompile_ResolveNameop, _PyCompile_RevertInlinedComprehensionScopes,
    _PyCompile_ScopeType, _PyCompile_StartAnnotationSetup,
    _PyCompile_StaticAttributesAsTuple, _PyCompile_Symtable, _PyCompile_SymtableEntry,
    _PyCompile_TopFBlock, _PyCompile_TweakInlinedComprehensionScopes, _PyCompile_Warn,
    compiler, _raise_system_error, SYMBOL_TO_SCOPE, _PyCode_ConstantKey,
)
from pyvm.compile.instruction_sequence import (
    NO_LABEL, NO_LOCATION, Location, _PyInstructionSequence, _PyInstructionSequence_Addop,
    _PyInstructionSequence_InsertInstruction, _PyInstructionSequence_NewLabel,
    _PyInstructionSequence_UseLabel, _PyJumpTargetLabel, NEXT_LOCATION,
)
from pyvm.compile.opcode import (
    ANNOTATIONS_PLACEHOLDER,
    BINARY_OP,
    BINARY_SLICE,
    BUILD_INTERPOLATION,
    BUILD_LIST,
    BUILD_MAP,
    BUILD_SET,
    BUILD_SLICE,
    BUILD_STRING,
    BUILD_TEMPLATE,
    BUILD_TUPLE,
    CALL,
    CALL_FUNCTION_EX,
    CALL_INTRINSIC_1,
    CALL_INTRINSIC_2,
    CALL_KW,
    CHECK_EG_MATCH,
    CHECK_EXC_MATCH,
    CLEANUP_THROW,
    COMPARE_OP,
    COMPARISON_EQUALS,
    COMPARISON_GREATER_THAN,
    COMPARISON_LESS_THAN,
    COMPARISON_NOT_EQUALS,
    CONSTANT_ASSERTIONERROR,
    CONSTANT_BUILTIN_ALL,
    CONSTANT_BUILTIN_ANY,
    CONSTANT_BUILTIN_TUPLE,
    CONSTANT_NOTIMPLEMENTEDERROR,
    CONTAINS_OP,
    CONVERT_VALUE,
    COPY,
    DELETE_ATTR,
    DELETE_DEREF,
    DELETE_FAST,
    DELETE_GLOBAL,
    DELETE_NAME,
    DELETE_SUBSCR,
    DICT_MERGE,
    DICT_UPDATE,
    END_ASYNC_FOR,
    END_FOR,
    END_SEND,
    FORMAT_SIMPLE,
    FORMAT_WITH_SPEC,
    FOR_ITER,
    FVC_ASCII,
    FVC_REPR,
    FVC_STR,
    GET_AITER,
    GET_ANEXT,
    GET_AWAITABLE,
    GET_ITER,
    GET_LEN,
    GET_YIELD_FROM_ITER,
    HAS_TARGET,
    IMPORT_FROM,
    IMPORT_NAME,
    INTRINSIC_ASYNC_GEN_WRAP,
    INTRINSIC_IMPORT_STAR,
    INTRINSIC_LIST_TO_TUPLE,
    INTRINSIC_PARAMSPEC,
    INTRINSIC_PREP_RERAISE_STAR,
    INTRINSIC_PRINT,
    INTRINSIC_SET_FUNCTION_TYPE_PARAMS,
    INTRINSIC_SET_TYPEPARAM_DEFAULT,
    INTRINSIC_STOPITERATION_ERROR,
    INTRINSIC_SUBSCRIPT_GENERIC,
    INTRINSIC_TYPEALIAS,
    INTRINSIC_TYPEVAR,
    INTRINSIC_TYPEVARTUPLE,
    INTRINSIC_TYPEVAR_WITH_BOUND,
    INTRINSIC_TYPEVAR_WITH_CONSTRAINTS,
    INTRINSIC_UNARY_POSITIVE,
    IS_ASSEMBLER_OPCODE,
    IS_OP,
    JUMP,
    JUMP_IF_FALSE,
    JUMP_IF_TRUE,
    JUMP_NO_INTERRUPT,
    LIST_APPEND,
    LIST_EXTEND,
    LOAD_ATTR,
    LOAD_BUILD_CLASS,
    LOAD_CLOSURE,
    LOAD_COMMON_CONSTANT,
    LOAD_CONST,
    LOAD_DEREF,
    LOAD_FAST,
    LOAD_FAST_AND_CLEAR,
    LOAD_FROM_DICT_OR_DEREF,
    LOAD_FROM_DICT_OR_GLOBALS,
    LOAD_GLOBAL,
    LOAD_LOCALS,
    LOAD_METHOD,
    LOAD_NAME,
    LOAD_SPECIAL,
    LOAD_SUPER_ATTR,
    LOAD_SUPER_METHOD,
    LOAD_ZERO_SUPER_ATTR,
    LOAD_ZERO_SUPER_METHOD,
    MAKE_CELL,
    MAKE_FUNCTION,
    MAKE_FUNCTION_ANNOTATE,
    MAKE_FUNCTION_ANNOTATIONS,
    MAKE_FUNCTION_CLOSURE,
    MAKE_FUNCTION_DEFAULTS,
    MAKE_FUNCTION_KWDEFAULTS,
    MAP_ADD,
    MATCH_CLASS,
    MATCH_KEYS,
    MATCH_MAPPING,
    MATCH_SEQUENCE,
    NB_ADD,
    NB_AND,
    NB_FLOOR_DIVIDE,
    NB_INPLACE_ADD,
    NB_INPLACE_AND,
    NB_INPLACE_FLOOR_DIVIDE,
    NB_INPLACE_LSHIFT,
    NB_INPLACE_MATRIX_MULTIPLY,
    NB_INPLACE_MULTIPLY,
    NB_INPLACE_OR,
    NB_INPLACE_POWER,
    NB_INPLACE_REMAINDER,
    NB_INPLACE_RSHIFT,
    NB_INPLACE_SUBTRACT,
    NB_INPLACE_TRUE_DIVIDE,
    NB_INPLACE_XOR,
    NB_LSHIFT,
    NB_MATRIX_MULTIPLY,
    NB_MULTIPLY,
    NB_OR,
    NB_POWER,
    NB_REMAINDER,
    NB_RSHIFT,
    NB_SUBSCR,
    NB_SUBTRACT,
    NB_TRUE_DIVIDE,
    NB_XOR,
    NOP,
    NOT_TAKEN,
    OPCODE_HAS_ARG,
    POP_BLOCK,
    POP_EXCEPT,
    POP_ITER,
    POP_JUMP_IF_FALSE,
    POP_JUMP_IF_NONE,
    POP_JUMP_IF_NOT_NONE,
    POP_JUMP_IF_TRUE,
    POP_TOP,
    PUSH_EXC_INFO,
    PUSH_NULL,
    RAISE_VARARGS,
    RERAISE,
    RESUME,
    RESUME_AFTER_AWAIT,
    RESUME_AFTER_YIELD,
    RESUME_AFTER_YIELD_FROM,
    RESUME_AT_FUNC_START,
    RETURN_VALUE,
    SEND,
    SETUP_ANNOTATIONS,
    SETUP_CLEANUP,
    SETUP_FINALLY,
    SETUP_WITH,
    SET_ADD,
    SET_FUNCTION_ATTRIBUTE,
    SET_UPDATE,
    SPECIAL___AENTER__,
    SPECIAL___AEXIT__,
    SPECIAL___ENTER__,
    SPECIAL___EXIT__,
    STORE_ATTR,
    STORE_DEREF,
    STORE_FAST,
    STORE_FAST_MAYBE_NULL,
    STORE_GLOBAL,
    STORE_NAME,
    STORE_SLICE,
    STORE_SUBSCR,
    SWAP,
    TO_BOOL,
    UNARY_INVERT,
    UNARY_NEGATIVE,
    UNARY_NOT,
    UNPACK_EX,
    UNPACK_SEQUENCE,
    WITH_EXCEPT_START,
    YIELD_VALUE,
)
from pyvm.compile.symtable import (
    CELL, FREE, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, LOCAL, ClassBlock, FunctionBlock,
    ModuleBlock, PySTEntryObject, _PyST_GetScope, _PyST_IsFunctionLike, _PySymtable_Lookup,
    _PySymtable_LookupOptional, _PySymtable_AnnotationKey, _PySymtable_DefaultKey,
    DEF_IMPORT, _PyST_GetSymbol, DEF_LOCAL, DEF_NONLOCAL,
)
from pyvm.objects.codeobject import PyCodeObject
from pyvm.objects.object import (
    Py_DECREF, Py_INCREF, _Py_EnterRecursiveCall, _Py_LeaveRecursiveCall,
)
from pyvm.objects.tupleobject import PyTupleObject, _PyTuple_FromArraySteal
from pyvm.objects.unicodeobject import PyUnicode_InternFromString, PyUnicodeObject
from pyvm.compile.ast_unparse import _PyAST_ExprAsUnicode

# CPython: Python/codegen.c:COMP_GENEXP
COMP_GENEXP: Final = 0
COMP_LISTCOMP: Final = 1
COMP_SETCOMP: Final = 2
COMP_DICTCOMP: Final = 3

# CPython: Include/internal/pycore_object.h:_Py_ANNOTATE_FORMAT_VALUE_WITH_FAKE_GLOBALS
_Py_ANNOTATE_FORMAT_VALUE_WITH_FAKE_GLOBALS: Final = 2

# CPython: Include/object.h:Py_LT (rich comparison operators)
Py_LT: Final = 0
Py_LE: Final = 1
Py_EQ: Final = 2
Py_NE: Final = 3
Py_GT: Final = 4
Py_GE: Final = 5

# The table compare_masks of Python/codegen.c (used by codegen_addcompare).
compare_masks: Final[list[int]] = [
    COMPARISON_LESS_THAN,
    COMPARISON_LESS_THAN | COMPARISON_EQUALS,
    COMPARISON_EQUALS,
    COMPARISON_NOT_EQUALS,
    COMPARISON_GREATER_THAN,
    COMPARISON_GREATER_THAN | COMPARISON_EQUALS,
]

AstLoc: _TypeAlias = (
    "Union[ast.stmt, ast.expr, ast.arg, ast.keyword, ast.excepthandler, ast.pattern, ast.type_param, ast.alias]")

# Expression contexts, as C's enum values.
Load: Final = 1
Store: Final = 2
Del: Final = 3


def _ctx(ctx: ast.expr_context) -> int:
    """pyvm: the C enum value of an expression context node."""
    if isinstance(ctx, ast.Store):
        return Store
    if isinstance(ctx, ast.Del):
        return Del
    return Load


def LOC(n: AstLoc) -> Location:
    """CPython: Include/internal/pycore_symtable.h:SRC_LOCATION_FROM_AST"""
    end_lineno = n.end_lineno
    end_col = n.end_col_offset
    return Location(n.lineno, end_lineno if end_lineno is not None else n.lineno,
                    n.col_offset, end_col if end_col is not None else n.col_offset)


def LOCATION(lno: int, end_lno: int, col: int, end_col: int) -> Location:
    """CPython: Python/codegen.c:LOCATION"""
    return Location(lno, end_lno, col, end_col)


# --- emitting instructions ---------------------------------------------------


def INSTR_SEQUENCE(c: compiler) -> _PyInstructionSequence:
    """CPython: Python/codegen.c:INSTR_SEQUENCE"""
    return _PyCompile_InstrSequence(c)


def codegen_addop_i(seq: _PyInstructionSequence, opcode: int, oparg: int, loc: Location) -> None:
    """CPython: Python/codegen.c:codegen_addop_i"""
    assert not IS_ASSEMBLER_OPCODE(opcode)
    _PyInstructionSequence_Addop(seq, opcode, oparg, loc)


def codegen_addop_noarg(seq: _PyInstructionSequence, opcode: int, loc: Location) -> None:
    """CPython: Python/codegen.c:codegen_addop_noarg"""
    assert not OPCODE_HAS_ARG(opcode)
    assert not IS_ASSEMBLER_OPCODE(opcode)
    _PyInstructionSequence_Addop(seq, opcode, 0, loc)


def ADDOP(c: compiler, loc: Location, op: int) -> None:
    """CPython: Python/codegen.c:ADDOP"""
    codegen_addop_noarg(INSTR_SEQUENCE(c), op, loc)


def ADDOP_I(c: compiler, loc: Location, op: int, o: int) -> None:
    """CPython: Python/codegen.c:ADDOP_I"""
    codegen_addop_i(INSTR_SEQUENCE(c), op, o, loc)


def codegen_addop_load_const(c: compiler, loc: Location, o: object) -> None:
    """CPython: Python/codegen.c:codegen_addop_load_const"""
    arg = _PyCompile_AddConst(c, o)
    ADDOP_I(c, loc, LOAD_CONST, arg)


def ADDOP_LOAD_CONST(c: compiler, loc: Location, o: object) -> None:
    """CPython: Python/codegen.c:ADDOP_LOAD_CONST"""
    codegen_addop_load_const(c, loc, o)


def codegen_addop_o(c: compiler, loc: Location, opcode: int, d: dict[str, int], o: str) -> None:
    """CPython: Python/codegen.c:codegen_addop_o"""
    arg = _PyCompile_DictAddName(d, o)
    ADDOP_I(c, loc, opcode, arg)


def codegen_addop_name(c: compiler, loc: Location, opcode: int, d: dict[str, int], o: str) -> None:
    """CPython: Python/codegen.c:codegen_addop_name

    Adds a name op; ``LOAD_ATTR`` and ``LOAD_SUPER_ATTR`` carry flag bits below
    the name index (method load, two-argument super).
    """
    mangled = _PyCompile_MaybeMangle(c, o)
    arg = _PyCompile_DictAddName(d, mangled)
    if opcode == LOAD_ATTR:
        arg <<= 1
    if opcode == LOAD_METHOD:
        opcode = LOAD_ATTR
        arg <<= 1
        arg |= 1
    if opcode == LOAD_SUPER_ATTR:
        arg <<= 2
        arg |= 2
    if opcode == LOAD_SUPER_METHOD:
        opcode = LOAD_SUPER_ATTR
        arg <<= 2
        arg |= 3
    if opcode == LOAD_ZERO_SUPER_ATTR:
        opcode = LOAD_SUPER_ATTR
        arg <<= 2
    if opcode == LOAD_ZERO_SUPER_METHOD:
        opcode = LOAD_SUPER_ATTR
        arg <<= 2
        arg |= 1
    ADDOP_I(c, loc, opcode, arg)


def ADDOP_NAME_names(c: compiler, loc: Location, op: int, o: str) -> None:
    """CPython: Python/codegen.c:ADDOP_NAME

    pyvm: ``ADDOP_NAME(C, LOC, OP, O, names)``.
    """
    codegen_addop_name(c, loc, op, _PyCompile_Metadata(c).u_names, o)


def codegen_addop_j(seq: _PyInstructionSequence, loc: Location, opcode: int,
                    target: _PyJumpTargetLabel) -> None:
    """CPython: Python/codegen.c:codegen_addop_j"""
    assert target.id >= 0
    assert HAS_TARGET(opcode)
    assert not IS_ASSEMBLER_OPCODE(opcode)
    _PyInstructionSequence_Addop(seq, opcode, target.id, loc)


def ADDOP_JUMP(c: compiler, loc: Location, op: int, o: _PyJumpTargetLabel) -> None:
    """CPython: Python/codegen.c:ADDOP_JUMP"""
    codegen_addop_j(INSTR_SEQUENCE(c), loc, op, o)


def NEW_JUMP_TARGET_LABEL(c: compiler) -> _PyJumpTargetLabel:
    """CPython: Python/codegen.c:NEW_JUMP_TARGET_LABEL"""
    return _PyInstructionSequence_NewLabel(INSTR_SEQUENCE(c))


def USE_LABEL(c: compiler, lbl: _PyJumpTargetLabel) -> None:
    """CPython: Python/codegen.c:USE_LABEL"""
    _PyInstructionSequence_UseLabel(INSTR_SEQUENCE(c), lbl.id)


def VISIT_SEQ_expr(c: compiler, seq: list[ast.expr]) -> None:
    """CPython: Python/codegen.c:VISIT_SEQ"""
    for e in seq:
        codegen_visit_expr(c, e)


def VISIT_SEQ_stmt(c: compiler, seq: list[ast.stmt]) -> None:
    """CPython: Python/codegen.c:VISIT_SEQ"""
    for s in seq:
        codegen_visit_stmt(c, s)


def codegen_call_exit_with_nones(c: compiler, loc: Location) -> None:
    """CPython: Python/codegen.c:codegen_call_exit_with_nones"""
    ADDOP_LOAD_CONST(c, loc, None)
    ADDOP_LOAD_CONST(c, loc, None)
    ADDOP_LOAD_CONST(c, loc, None)
    ADDOP_I(c, loc, CALL, 3)


def codegen_add_yield_from(c: compiler, loc: Location, await_: int) -> None:
    """CPython: Python/codegen.c:codegen_add_yield_from"""
    send = NEW_JUMP_TARGET_LABEL(c)
    fail = NEW_JUMP_TARGET_LABEL(c)
    exit = NEW_JUMP_TARGET_LABEL(c)

    USE_LABEL(c, send)
    ADDOP_JUMP(c, loc, SEND, exit)
    # A virtual try/except handles StopIteration raised during a close or
    # throw call (the only way YIELD_VALUE raises).
    ADDOP_JUMP(c, loc, SETUP_FINALLY, fail)
    ADDOP_I(c, loc, YIELD_VALUE, 1)
    ADDOP(c, NO_LOCATION, POP_BLOCK)
    ADDOP_I(c, loc, RESUME, RESUME_AFTER_AWAIT if await_ else RESUME_AFTER_YIELD_FROM)
    ADDOP_JUMP(c, loc, JUMP_NO_INTERRUPT, send)

    USE_LABEL(c, fail)
    ADDOP(c, loc, CLEANUP_THROW)

    USE_LABEL(c, exit)
    ADDOP(c, loc, END_SEND)


def codegen_pop_except_and_reraise(c: compiler, loc: Location) -> None:
    """CPython: Python/codegen.c:codegen_pop_except_and_reraise

    Stack: [exc_info, lasti, exc] COPY 3 / POP_EXCEPT / RERAISE 1.
    """
    ADDOP_I(c, loc, COPY, 3)
    ADDOP(c, loc, POP_EXCEPT)
    ADDOP_I(c, loc, RERAISE, 1)


def codegen_unwind_fblock(c: compiler, loc: Location, info: _PyCompile_FBlockInfo,
                          preserve_tos: int) -> Location:
    """CPython: Python/codegen.c:codegen_unwind_fblock

    Unwinds one frame block (for a return, break or continue). With
    ``preserve_tos`` the value on top of the stack survives. Returns the
    location to continue with (C's ``*ploc``).
    """
    t = info.fb_type
    if t in (COMPILE_FBLOCK_WHILE_LOOP, COMPILE_FBLOCK_EXCEPTION_HANDLER,
             COMPILE_FBLOCK_EXCEPTION_GROUP_HANDLER,
             COMPILE_FBLOCK_ASYNC_COMPREHENSION_GENERATOR, COMPILE_FBLOCK_STOP_ITERATION):
        return loc
    if t == COMPILE_FBLOCK_FOR_LOOP:
        # Pop the iterator.
        if preserve_tos:
            ADDOP_I(c, loc, SWAP, 2)
        ADDOP(c, loc, POP_TOP)
        return loc
    if t == COMPILE_FBLOCK_TRY_EXCEPT:
        ADDOP(c, loc, POP_BLOCK)
        return loc
    if t == COMPILE_FBLOCK_FINALLY_TRY:
        # This POP_BLOCK gets the line number of the unwinding statement.
        ADDOP(c, loc, POP_BLOCK)
        if preserve_tos:
            _PyCompile_PushFBlock(c, loc, COMPILE_FBLOCK_POP_VALUE, NO_LABEL, NO_LABEL, None)
        # Emit the finally block.
        datum = info.fb_datum
        assert isinstance(datum, list)
        for st in datum:
            assert isinstance(st, ast.stmt)
            codegen_visit_stmt(c, st)
        if preserve_tos:
            _PyCompile_PopFBlock(c, COMPILE_FBLOCK_POP_VALUE, NO_LABEL)
        # The finally block should appear to execute after the statement
        # causing the unwinding: make the unwinding instruction artificial.
        return NO_LOCATION
    if t == COMPILE_FBLOCK_FINALLY_END:
        if preserve_tos:
            ADDOP_I(c, loc, SWAP, 2)
        ADDOP(c, loc, POP_TOP)  # exc_value
        if preserve_tos:
            ADDOP_I(c, loc, SWAP, 2)
        ADDOP(c, loc, POP_BLOCK)
        ADDOP(c, loc, POP_EXCEPT)
        return loc
    if t == COMPILE_FBLOCK_WITH or t == COMPILE_FBLOCK_ASYNC_WITH:
        loc = info.fb_loc
        ADDOP(c, loc, POP_BLOCK)
        if preserve_tos:
            ADDOP_I(c, loc, SWAP, 3)
            ADDOP_I(c, loc, SWAP, 2)
        codegen_call_exit_with_nones(c, loc)
        if t == COMPILE_FBLOCK_ASYNC_WITH:
            ADDOP_I(c, loc, GET_AWAITABLE, 2)
            ADDOP_LOAD_CONST(c, loc, None)
            codegen_add_yield_from(c, loc, 1)
        ADDOP(c, loc, POP_TOP)
        # The exit block should appear to execute after the statement causing
        # the unwinding.
        return NO_LOCATION
    if t == COMPILE_FBLOCK_HANDLER_CLEANUP:
        name = info.fb_datum
        if name is not None:
            ADDOP(c, loc, POP_BLOCK)
        if preserve_tos:
            ADDOP_I(c, loc, SWAP, 2)
        ADDOP(c, loc, POP_BLOCK)
        ADDOP(c, loc, POP_EXCEPT)
        if name is not None:
            assert isinstance(name, str)
            ADDOP_LOAD_CONST(c, loc, None)
            codegen_nameop(c, loc, name, Store)
            codegen_nameop(c, loc, name, Del)
        return loc
    if t == COMPILE_FBLOCK_POP_VALUE:
        if preserve_tos:
            ADDOP_I(c, loc, SWAP, 2)
        ADDOP(c, loc, POP_TOP)
        return loc
    raise AssertionError("unreachable")


def codegen_unwind_fblock_stack(c: compiler, loc: Location, preserve_tos: int,
                                want_loop: bool) -> tuple[Location, Optional[_PyCompile_FBlockInfo]]:
    """CPython: Python/codegen.c:codegen_unwind_fblock_stack

    Unwinds the block stack; with ``want_loop``, stops at the first loop and
    returns it (C's ``loop`` out parameter). Returns (new location, loop).
    """
    top = _PyCompile_TopFBlock(c)
    if top is None:
        return loc, None
    if top.fb_type == COMPILE_FBLOCK_EXCEPTION_GROUP_HANDLER:
        _PyCompile_Error(
            c, loc, "'break', 'continue' and 'return' cannot appear in an except* block")
    if want_loop and top.fb_type in (COMPILE_FBLOCK_WHILE_LOOP, COMPILE_FBLOCK_FOR_LOOP):
        return loc, top
    copy = top
    _PyCompile_PopFBlock(c, top.fb_type, top.fb_block)
    loc = codegen_unwind_fblock(c, loc, copy, preserve_tos)
    loc, loop = codegen_unwind_fblock_stack(c, loc, preserve_tos, want_loop)
    _PyCompile_PushFBlock(c, copy.fb_loc, copy.fb_type, copy.fb_block, copy.fb_exit,
                          copy.fb_datum)
    return loc, loop


def codegen_enter_scope(c: compiler, name: str, scope_type: int, key: object, lineno: int,
                        private: Optional[str], umd: Optional[_PyCompile_CodeUnitMetadata]) -> None:
    """CPython: Python/codegen.c:codegen_enter_scope"""
    _PyCompile_EnterScope(c, name, scope_type, key, lineno, private, umd)
    loc = LOCATION(lineno, lineno, 0, 0)
    if scope_type == COMPILE_SCOPE_MODULE:
        loc = LOCATION(0, lineno, 0, 0)
    ADDOP_I(c, loc, RESUME, RESUME_AT_FUNC_START)
    if scope_type == COMPILE_SCOPE_MODULE:
        ADDOP(c, loc, ANNOTATIONS_PLACEHOLDER)


def codegen_setup_annotations_scope(c: compiler, loc: Location, key: object, name: str) -> None:
    """CPython: Python/codegen.c:codegen_setup_annotations_scope

    Enters an ``__annotate__(format)`` scope whose body starts with
    ``if format > VALUE_WITH_FAKE_GLOBALS: raise NotImplementedError``.
    """
    umd = _PyCompile_CodeUnitMetadata(posonlyargcount=1)
    codegen_enter_scope(c, name, COMPILE_SCOPE_ANNOTATIONS, key, loc.lineno, None, umd)
    assert not _PyCompile_SymtableEntry(c).ste_has_docstring
    ADDOP_I(c, loc, LOAD_FAST, 0)
    ADDOP_LOAD_CONST(c, loc, _Py_ANNOTATE_FORMAT_VALUE_WITH_FAKE_GLOBALS)
    ADDOP_I(c, loc, COMPARE_OP, (Py_GT << 5) | compare_masks[Py_GT])
    body = NEW_JUMP_TARGET_LABEL(c)
    ADDOP_JUMP(c, loc, POP_JUMP_IF_FALSE, body)
    ADDOP_I(c, loc, LOAD_COMMON_CONSTANT, CONSTANT_NOTIMPLEMENTEDERROR)
    ADDOP_I(c, loc, RAISE_VARARGS, 1)
    USE_LABEL(c, body)


def _rename_first_local(co: PyCodeObject, name: str) -> None:
    """pyvm: ``co->co_localsplusnames = ("format", *co->co_localsplusnames[1:])``
    (C builds the new tuple item by item and replaces the old one)."""
    rest = co.co_localsplusnames_items[1:]
    for o in rest:
        Py_INCREF(o)
    new_names = _PyTuple_FromArraySteal([PyUnicode_InternFromString(name)] + rest)
    assert isinstance(new_names, PyTupleObject)
    old = co.co_localsplusnames
    co.co_localsplusnames = new_names
    co.co_localsplusnames_items = new_names.ob_item
    Py_DECREF(old)


def codegen_leave_annotations_scope(c: compiler, loc: Location) -> None:
    """CPython: Python/codegen.c:codegen_leave_annotations_scope

    The parameter of ``__annotate__`` shows as "format" in its signature, but
    the symbol table calls it ".format" so that a name "format" used in the
    annotations is not clobbered: the code object's first local is renamed.
    """
    ADDOP(c, loc, RETURN_VALUE)
    co = _PyCompile_OptimizeAndAssemble(c, True)
    _rename_first_local(co, "format")
    _PyCompile_ExitScope(c)
    codegen_make_closure(c, loc, co, 0)


def codegen_deferred_annotations_body(c: compiler, loc: Location, deferred_anno: list[ast.stmt],
                                      conditional_annotation_indices: list[int],
                                      scope_type: int) -> None:
    """CPython: Python/codegen.c:codegen_deferred_annotations_body"""
    assert len(deferred_anno) == len(conditional_annotation_indices)
    ADDOP_I(c, loc, BUILD_MAP, 0)  # stack now contains <annos>
    for i in range(len(deferred_anno)):
        st = deferred_anno[i]
        assert isinstance(st, ast.AnnAssign)
        target = st.target
        assert isinstance(target, ast.Name)
        mangled = _PyCompile_Mangle(c, target.id)
        idx = conditional_annotation_indices[i]
        not_set = NEW_JUMP_TARGET_LABEL(c)
        if idx != -1:
            ADDOP_LOAD_CONST(c, LOC(st), idx)
            if scope_type == COMPILE_SCOPE_CLASS:
                codegen_addop_name(c, LOC(st), LOAD_DEREF, _PyCompile_Metadata(c).u_freevars,
                                   "__conditional_annotations__")
            else:
                ADDOP_NAME_names(c, LOC(st), LOAD_GLOBAL, "__conditional_annotations__")
            ADDOP_I(c, LOC(st), CONTAINS_OP, 0)
            ADDOP_JUMP(c, LOC(st), POP_JUMP_IF_FALSE, not_set)
        codegen_visit_expr(c, st.annotation)
        ADDOP_I(c, LOC(st), COPY, 2)
        ADDOP_LOAD_CONST(c, LOC(st), mangled)
        # stack now contains <annos> <name> <annos> <value>
        ADDOP(c, loc, STORE_SUBSCR)
        # stack now contains <annos>
        USE_LABEL(c, not_set)


def _annotation_block_key(ste: PySTEntryObject) -> object:
    """pyvm: the symbol-table key of a module's or class's annotation block.

    C keys it by ``ste->ste_id + 1``; pyvm's symbol table keys it the same way
    through ``_PySymtable_AnnotationKey``.
    """
    return _PySymtable_AnnotationKey(ste)


def codegen_process_deferred_annotations(c: compiler, loc: Location) -> None:
    """CPython: Python/codegen.c:codegen_process_deferred_annotations

    Builds ``__annotate__`` (PEP 649) from the simple annotations collected in
    the unit. At module level it goes into a separate instruction sequence that
    the flow graph puts where ANNOTATIONS_PLACEHOLDER stands.
    """
    deferred_anno, conditional_annotation_indices = _PyCompile_DeferredAnnotations(c)
    if deferred_anno is None:
        assert conditional_annotation_indices is None
        return
    assert conditional_annotation_indices is not None
    scope_type = _PyCompile_ScopeType(c)
    need_separate_block = scope_type == COMPILE_SCOPE_MODULE
    if need_separate_block:
        _PyCompile_StartAnnotationSetup(c)
    ste = _PyCompile_SymtableEntry(c)
    anno_block = ste.ste_annotation_block
    assert anno_block is not None
    key = _annotation_block_key(ste)
    codegen_setup_annotations_scope(c, loc, key, anno_block.ste_name)
    codegen_deferred_annotations_body(c, loc, deferred_anno, conditional_annotation_indices,
                                      scope_type)
    codegen_leave_annotations_scope(c, loc)
    codegen_nameop(c, loc, "__annotate_func__" if ste.ste_type == ClassBlock else "__annotate__",
                   Store)
    if need_separate_block:
        _PyCompile_EndAnnotationSetup(c)


def _PyCodegen_Expression(c: compiler, e: ast.expr) -> None:
    """CPython: Python/codegen.c:_PyCodegen_Expression"""
    codegen_visit_expr(c, e)


def _PyCodegen_Module(c: compiler, loc: Location, stmts: list[ast.stmt], is_interactive: bool) -> None:
    """CPython: Python/codegen.c:_PyCodegen_Module"""
    if _PyCompile_SymtableEntry(c).ste_has_conditional_annotations:
        ADDOP_I(c, loc, BUILD_SET, 0)
        codegen_addop_o(c, loc, STORE_NAME, _PyCompile_Metadata(c).u_names,
                        "__conditional_annotations__")
    codegen_body(c, loc, stmts, is_interactive)


def _PyAST_GetDocString(body: list[ast.stmt]) -> Optional[str]:
    """CPython: Python/ast.c:_PyAST_GetDocString"""
    if not body:
        return None
    st = body[0]
    if not isinstance(st, ast.Expr):
        return None
    e = st.value
    if isinstance(e, ast.Constant) and isinstance(e.value, str):
        return e.value
    return None


def codegen_body(c: compiler, loc: Location, stmts: list[ast.stmt], is_interactive: bool) -> None:
    """CPython: Python/codegen.c:codegen_body

    Compiles a module or class body: the docstring, the statements, and (PEP
    649) the ``__annotate__`` function of its annotations.
    """
    ste = _PyCompile_SymtableEntry(c)
    if (_PyCompile_FutureFeatures(c) & CO_FUTURE_ANNOTATIONS) and ste.ste_annotations_used:
        ADDOP(c, loc, SETUP_ANNOTATIONS)
    if not stmts:
        return
    first_instr = 0
    if not is_interactive:  # A string literal on the REPL prompt is not a docstring.
        if ste.ste_has_docstring:
            docstring = _PyAST_GetDocString(stmts)
            assert docstring is not None
            first_instr = 1
            assert _PyCompile_OptimizationLevel(c) < 2
            cleandoc = _PyCompile_CleanDoc(docstring)
            st = stmts[0]
            assert isinstance(st, ast.Expr)
            ADDOP_LOAD_CONST(c, LOC(st.value), cleandoc)
            codegen_nameop(c, NO_LOCATION, "__doc__", Store)
    for i in range(first_instr, len(stmts)):
        codegen_visit_stmt(c, stmts[i])
    # Without the future import, the annotations are collected in a separate
    # pass into an __annotate__ function (PEP 649).
    if not (_PyCompile_FutureFeatures(c) & CO_FUTURE_ANNOTATIONS):
        codegen_process_deferred_annotations(c, loc)


def _PyCodegen_EnterAnonymousScope(c: compiler, mod: ast.mod) -> None:
    """CPython: Python/codegen.c:_PyCodegen_EnterAnonymousScope"""
    codegen_enter_scope(c, "<module>", COMPILE_SCOPE_MODULE, mod, 1, None, None)


def codegen_make_closure(c: compiler, loc: Location, co: PyCodeObject, flags: int) -> None:
    """CPython: Python/codegen.c:codegen_make_closure

    Makes a function of ``co``: its free variables are loaded as cells of the
    current unit (``LOAD_CLOSURE``, a pseudo-op) into a tuple, then the
    attributes are set one by one with ``SET_FUNCTION_ATTRIBUTE``.
    """
    if co.co_nfreevars:
        i = co.co_nlocalsplus - co.co_nfreevars  # PyUnstable_Code_GetFirstFree
        while i < co.co_nlocalsplus:
            name = _pystr(co.co_localsplusnames_items[i])
            arg = _PyCompile_LookupArg(c, co, name)
            ADDOP_I(c, loc, LOAD_CLOSURE, arg)
            i += 1
        flags |= MAKE_FUNCTION_CLOSURE
        ADDOP_I(c, loc, BUILD_TUPLE, co.co_nfreevars)
    ADDOP_LOAD_CONST(c, loc, co)
    ADDOP(c, loc, MAKE_FUNCTION)
    if flags & MAKE_FUNCTION_CLOSURE:
        ADDOP_I(c, loc, SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_CLOSURE)
    if flags & MAKE_FUNCTION_ANNOTATIONS:
        ADDOP_I(c, loc, SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_ANNOTATIONS)
    if flags & MAKE_FUNCTION_ANNOTATE:
        ADDOP_I(c, loc, SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_ANNOTATE)
    if flags & MAKE_FUNCTION_KWDEFAULTS:
        ADDOP_I(c, loc, SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_KWDEFAULTS)
    if flags & MAKE_FUNCTION_DEFAULTS:
        ADDOP_I(c, loc, SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_DEFAULTS)


def _pystr(o: object) -> str:
    """pyvm: the host str of a pyvm str object (a name of a code object)."""
    assert isinstance(o, PyUnicodeObject)
    return o.value


def codegen_decorators(c: compiler, decos: list[ast.expr]) -> None:
    """CPython: Python/codegen.c:codegen_decorators"""
    for d in decos:
        codegen_visit_expr(c, d)


def codegen_apply_decorators(c: compiler, decos: list[ast.expr]) -> None:
    """CPython: Python/codegen.c:codegen_apply_decorators"""
    for i in range(len(decos) - 1, -1, -1):
        ADDOP_I(c, LOC(decos[i]), CALL, 0)


def codegen_kwonlydefaults(c: compiler, loc: Location, kwonlyargs: list[ast.arg],
                           kw_defaults: list[Optional[ast.expr]]) -> int:
    """CPython: Python/codegen.c:codegen_kwonlydefaults

    Pushes a dict of the keyword-only defaults; returns 1 if one was pushed.
    """
    default_count = 0
    for i in range(len(kwonlyargs)):
        arg = kwonlyargs[i]
        default_ = kw_defaults[i]
        if default_ is not None:
            default_count += 1
            mangled = _PyCompile_MaybeMangle(c, arg.arg)
            ADDOP_LOAD_CONST(c, loc, mangled)
            codegen_visit_expr(c, default_)
    if default_count:
        ADDOP_I(c, loc, BUILD_MAP, default_count)
        return 1
    return 0


def codegen_visit_annexpr(c: compiler, annotation: ast.expr) -> None:
    """CPython: Python/codegen.c:codegen_visit_annexpr"""
    ADDOP_LOAD_CONST(c, LOC(annotation), _PyAST_ExprAsUnicode(annotation))


def codegen_argannotation(c: compiler, id: str, annotation: Optional[ast.expr],
                          annotations_len: list[int], loc: Location) -> None:
    """CPython: Python/codegen.c:codegen_argannotation"""
    if annotation is None:
        return
    mangled = _PyCompile_MaybeMangle(c, id)
    ADDOP_LOAD_CONST(c, loc, mangled)
    if _PyCompile_FutureFeatures(c) & CO_FUTURE_ANNOTATIONS:
        codegen_visit_annexpr(c, annotation)
    else:
        if isinstance(annotation, ast.Starred):
            # *args: *Ts (where Ts is a TypeVarTuple): [annotation_value] = [*Ts].
            codegen_visit_expr(c, annotation.value)
            ADDOP_I(c, loc, UNPACK_SEQUENCE, 1)
        else:
            codegen_visit_expr(c, annotation)
    annotations_len[0] += 1


def codegen_argannotations(c: compiler, args: list[ast.arg], annotations_len: list[int],
                           loc: Location) -> None:
    """CPython: Python/codegen.c:codegen_argannotations"""
    for arg in args:
        codegen_argannotation(c, arg.arg, arg.annotation, annotations_len, loc)


def codegen_annotations_in_scope(c: compiler, loc: Location, args: ast.arguments,
                                 returns: Optional[ast.expr], annotations_len: list[int]) -> None:
    """CPython: Python/codegen.c:codegen_annotations_in_scope"""
    codegen_argannotations(c, args.args, annotations_len, loc)
    codegen_argannotations(c, args.posonlyargs, annotations_len, loc)
    va = args.vararg
    if va is not None and va.annotation is not None:
        codegen_argannotation(c, va.arg, va.annotation, annotations_len, loc)
    codegen_argannotations(c, args.kwonlyargs, annotations_len, loc)
    ka = args.kwarg
    if ka is not None and ka.annotation is not None:
        codegen_argannotation(c, ka.arg, ka.annotation, annotations_len, loc)
    codegen_argannotation(c, "return", returns, annotations_len, loc)


def codegen_function_annotations(c: compiler, loc: Location, args: ast.arguments,
                                 returns: Optional[ast.expr]) -> int:
    """CPython: Python/codegen.c:codegen_function_annotations

    Pushes the ``__annotate__`` function of a def's annotations when it has
    any; returns the MAKE_FUNCTION flag to add.
    """
    annotations_len = [0]
    ste = _PySymtable_LookupOptional(_PyCompile_Symtable(c), args)
    assert ste is not None
    if ste.ste_annotations_used:
        codegen_setup_annotations_scope(c, loc, args, ste.ste_name)
        codegen_annotations_in_scope(c, loc, args, returns, annotations_len)
        ADDOP_I(c, loc, BUILD_MAP, annotations_len[0])
        codegen_leave_annotations_scope(c, loc)
        return MAKE_FUNCTION_ANNOTATE
    return 0


def codegen_defaults(c: compiler, args: ast.arguments, loc: Location) -> None:
    """CPython: Python/codegen.c:codegen_defaults"""
    VISIT_SEQ_expr(c, args.defaults)
    ADDOP_I(c, loc, BUILD_TUPLE, len(args.defaults))


def codegen_default_arguments(c: compiler, loc: Location, args: ast.arguments) -> int:
    """CPython: Python/codegen.c:codegen_default_arguments"""
    funcflags = 0
    if args.defaults:
        codegen_defaults(c, args, loc)
        funcflags |= MAKE_FUNCTION_DEFAULTS
    if args.kwonlyargs:
        res = codegen_kwonlydefaults(c, loc, args.kwonlyargs, args.kw_defaults)
        if res > 0:
            funcflags |= MAKE_FUNCTION_KWDEFAULTS
    return funcflags


def codegen_wrap_in_stopiteration_handler(c: compiler) -> None:
    """CPython: Python/codegen.c:codegen_wrap_in_stopiteration_handler

    A generator's body runs under a handler that turns an escaping
    StopIteration into RuntimeError (PEP 479).
    """
    handler = NEW_JUMP_TARGET_LABEL(c)
    # Insert SETUP_CLEANUP at start.
    _PyInstructionSequence_InsertInstruction(INSTR_SEQUENCE(c), 0, SETUP_CLEANUP, handler.id,
                                             NO_LOCATION)
    ADDOP_LOAD_CONST(c, NO_LOCATION, None)
    ADDOP(c, NO_LOCATION, RETURN_VALUE)
    USE_LABEL(c, handler)
    ADDOP_I(c, NO_LOCATION, CALL_INTRINSIC_1, INTRINSIC_STOPITERATION_ERROR)
    ADDOP_I(c, NO_LOCATION, RERAISE, 1)


def _type_param_default_key(tp: ast.type_param) -> object:
    """pyvm: the symbol-table key C writes ``(uintptr_t)typeparam + 1`` (the scope
    of a TypeVar's default, next to the scope of its bound)."""
    return _PySymtable_DefaultKey(tp)


def codegen_type_param_bound_or_default(c: compiler, e: ast.expr, name: str, key: object,
                                        allow_starred: bool) -> None:
    """CPython: Python/codegen.c:codegen_type_param_bound_or_default"""
    ADDOP_LOAD_CONST(c, LOC(e), (1,))
    codegen_setup_annotations_scope(c, LOC(e), key, name)
    if allow_starred and isinstance(e, ast.Starred):
        codegen_visit_expr(c, e.value)
        ADDOP_I(c, LOC(e), UNPACK_SEQUENCE, 1)
    else:
        codegen_visit_expr(c, e)
    ADDOP(c, LOC(e), RETURN_VALUE)
    co = _PyCompile_OptimizeAndAssemble(c, True)
    _PyCompile_ExitScope(c)
    codegen_make_closure(c, LOC(e), co, MAKE_FUNCTION_DEFAULTS)


def codegen_type_params(c: compiler, type_params: list[ast.type_param]) -> None:
    """CPython: Python/codegen.c:codegen_type_params"""
    if not type_params:
        return
    n = len(type_params)
    seen_default = False
    for typeparam in type_params:
        loc = LOC(typeparam)
        if isinstance(typeparam, ast.TypeVar):
            ADDOP_LOAD_CONST(c, loc, typeparam.name)
            bound = typeparam.bound
            if bound is not None:
                codegen_type_param_bound_or_default(c, bound, typeparam.name, typeparam, False)
                intrinsic = (INTRINSIC_TYPEVAR_WITH_CONSTRAINTS if isinstance(bound, ast.Tuple)
                             else INTRINSIC_TYPEVAR_WITH_BOUND)
                ADDOP_I(c, loc, CALL_INTRINSIC_2, intrinsic)
            else:
                ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_TYPEVAR)
            dv = typeparam.default_value
            if dv is not None:
                seen_default = True
                codegen_type_param_bound_or_default(c, dv, typeparam.name,
                                                    _type_param_default_key(typeparam), False)
                ADDOP_I(c, loc, CALL_INTRINSIC_2, INTRINSIC_SET_TYPEPARAM_DEFAULT)
            elif seen_default:
                _PyCompile_Error(c, loc, f"non-default type parameter '{typeparam.name}' "
                                 "follows default type parameter")
            ADDOP_I(c, loc, COPY, 1)
            codegen_nameop(c, loc, typeparam.name, Store)
        elif isinstance(typeparam, ast.TypeVarTuple):
            ADDOP_LOAD_CONST(c, loc, typeparam.name)
            ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_TYPEVARTUPLE)
            dv2 = typeparam.default_value
            if dv2 is not None:
                codegen_type_param_bound_or_default(c, dv2, typeparam.name, typeparam, True)
                ADDOP_I(c, loc, CALL_INTRINSIC_2, INTRINSIC_SET_TYPEPARAM_DEFAULT)
                seen_default = True
            elif seen_default:
                _PyCompile_Error(c, loc, f"non-default type parameter '{typeparam.name}' "
                                 "follows default type parameter")
            ADDOP_I(c, loc, COPY, 1)
            codegen_nameop(c, loc, typeparam.name, Store)
        elif isinstance(typeparam, ast.ParamSpec):
            ADDOP_LOAD_CONST(c, loc, typeparam.name)
            ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_PARAMSPEC)
            dv3 = typeparam.default_value
            if dv3 is not None:
                codegen_type_param_bound_or_default(c, dv3, typeparam.name, typeparam, False)
                ADDOP_I(c, loc, CALL_INTRINSIC_2, INTRINSIC_SET_TYPEPARAM_DEFAULT)
                seen_default = True
            elif seen_default:
                _PyCompile_Error(c, loc, f"non-default type parameter '{typeparam.name}' "
                                 "follows default type parameter")
            ADDOP_I(c, loc, COPY, 1)
            codegen_nameop(c, loc, typeparam.name, Store)
    ADDOP_I(c, LOC(type_params[0]), BUILD_TUPLE, n)


def codegen_function_body(c: compiler, s: Union[ast.FunctionDef, ast.AsyncFunctionDef],
                          is_async: bool, funcflags: int, firstlineno: int) -> None:
    """CPython: Python/codegen.c:codegen_function_body"""
    args = s.args
    name = s.name
    body = s.body
    scope_type = COMPILE_SCOPE_ASYNC_FUNCTION if is_async else COMPILE_SCOPE_FUNCTION
    umd = _PyCompile_CodeUnitMetadata(len(args.args), len(args.posonlyargs), len(args.kwonlyargs))
    codegen_enter_scope(c, name, scope_type, s, firstlineno, None, umd)

    ste = _PyCompile_SymtableEntry(c)
    first_instr = 0
    if ste.ste_has_docstring:
        docstring = _PyAST_GetDocString(body)
        assert docstring is not None
        first_instr = 1
        _PyCompile_AddConst(c, _PyCompile_CleanDoc(docstring))

    start = NEW_JUMP_TARGET_LABEL(c)
    USE_LABEL(c, start)
    add_stopiteration_handler = bool(ste.ste_coroutine or ste.ste_generator)
    if add_stopiteration_handler:
        # codegen_wrap_in_stopiteration_handler pushes a block: account for it.
        _PyCompile_PushFBlock(c, NO_LOCATION, COMPILE_FBLOCK_STOP_ITERATION, start, NO_LABEL,
                              None)
    for i in range(first_instr, len(body)):
        codegen_visit_stmt(c, body[i])
    if add_stopiteration_handler:
        codegen_wrap_in_stopiteration_handler(c)
        _PyCompile_PopFBlock(c, COMPILE_FBLOCK_STOP_ITERATION, start)
    co = _PyCompile_OptimizeAndAssemble(c, True)
    _PyCompile_ExitScope(c)
    codegen_make_closure(c, LOC(s), co, funcflags)


def codegen_function(c: compiler, s: Union[ast.FunctionDef, ast.AsyncFunctionDef],
                     is_async: bool) -> None:
    """CPython: Python/codegen.c:codegen_function"""
    args = s.args
    returns = s.returns
    decos = s.decorator_list
    name = s.name
    type_params = s.type_params

    codegen_decorators(c, decos)
    firstlineno = s.lineno
    if decos:
        firstlineno = decos[0].lineno
    loc = LOC(s)
    is_generic = len(type_params) > 0
    funcflags = codegen_default_arguments(c, loc, args)
    num_typeparam_args = 0
    if is_generic:
        if funcflags & MAKE_FUNCTION_DEFAULTS:
            num_typeparam_args += 1
        if funcflags & MAKE_FUNCTION_KWDEFAULTS:
            num_typeparam_args += 1
        if num_typeparam_args == 2:
            ADDOP_I(c, loc, SWAP, 2)
        type_params_name = f"<generic parameters of {name}>"
        umd = _PyCompile_CodeUnitMetadata(num_typeparam_args)
        codegen_enter_scope(c, type_params_name, COMPILE_SCOPE_ANNOTATIONS, type_params,
                            firstlineno, None, umd)
        codegen_type_params(c, type_params)
        for i in range(num_typeparam_args):
            ADDOP_I(c, loc, LOAD_FAST, i)

    annotations_flag = codegen_function_annotations(c, loc, args, returns)
    funcflags |= annotations_flag
    codegen_function_body(c, s, is_async, funcflags, firstlineno)

    if is_generic:
        ADDOP_I(c, loc, SWAP, 2)
        ADDOP_I(c, loc, CALL_INTRINSIC_2, INTRINSIC_SET_FUNCTION_TYPE_PARAMS)
        co = _PyCompile_OptimizeAndAssemble(c, False)
        _PyCompile_ExitScope(c)
        codegen_make_closure(c, loc, co, 0)
        if num_typeparam_args > 0:
            ADDOP_I(c, loc, SWAP, num_typeparam_args + 1)
            ADDOP_I(c, loc, CALL, num_typeparam_args - 1)
        else:
            ADDOP(c, loc, PUSH_NULL)
            ADDOP_I(c, loc, CALL, 0)

    codegen_apply_decorators(c, decos)
    codegen_nameop(c, loc, name, Store)


def codegen_set_type_params_in_class(c: compiler, loc: Location) -> None:
    """CPython: Python/codegen.c:codegen_set_type_params_in_class"""
    codegen_nameop(c, loc, ".type_params", Load)
    codegen_nameop(c, loc, "__type_params__", Store)


def codegen_class_body(c: compiler, s: ast.ClassDef, firstlineno: int) -> None:
    """CPython: Python/codegen.c:codegen_class_body

    Ultimately generates ``<name> = __build_class__(<func>, <name>, *<bases>,
    **<keywords>)`` where <func> is a zero-argument function made from the
    class body, which fills the class namespace.
    """
    # 1. compile the class body into a code object
    codegen_enter_scope(c, s.name, COMPILE_SCOPE_CLASS, s, firstlineno, s.name, None)
    loc = LOCATION(firstlineno, firstlineno, 0, 0)
    # load (global) __name__ and store it as __module__
    codegen_nameop(c, loc, "__name__", Load)
    codegen_nameop(c, loc, "__module__", Store)
    ADDOP_LOAD_CONST(c, loc, _PyCompile_Qualname(c))
    codegen_nameop(c, loc, "__qualname__", Store)
    ADDOP_LOAD_CONST(c, loc, _PyCompile_Metadata(c).u_firstlineno)
    codegen_nameop(c, loc, "__firstlineno__", Store)
    if len(s.type_params) > 0:
        codegen_set_type_params_in_class(c, loc)
    ste = _PyCompile_SymtableEntry(c)
    if ste.ste_needs_classdict:
        ADDOP(c, loc, LOAD_LOCALS)
        # codegen_nameop would not emit a STORE_DEREF in a class namespace.
        codegen_addop_o(c, loc, STORE_DEREF, _PyCompile_Metadata(c).u_cellvars, "__classdict__")
    if ste.ste_has_conditional_annotations:
        ADDOP_I(c, loc, BUILD_SET, 0)
        codegen_addop_o(c, loc, STORE_DEREF, _PyCompile_Metadata(c).u_cellvars,
                        "__conditional_annotations__")
    # compile the body proper
    codegen_body(c, loc, s.body, False)
    static_attributes = _PyCompile_StaticAttributesAsTuple(c)
    ADDOP_LOAD_CONST(c, NO_LOCATION, static_attributes)
    codegen_nameop(c, NO_LOCATION, "__static_attributes__", Store)
    # The following code is artificial.
    # Set __classdictcell__ if necessary.
    if ste.ste_needs_classdict:
        i = _PyCompile_LookupCellvar(c, "__classdict__")
        ADDOP_I(c, NO_LOCATION, LOAD_CLOSURE, i)
        codegen_nameop(c, NO_LOCATION, "__classdictcell__", Store)
    # Return __classcell__ if it is referenced, otherwise return None.
    if ste.ste_needs_class_closure:
        i = _PyCompile_LookupCellvar(c, "__class__")
        ADDOP_I(c, NO_LOCATION, LOAD_CLOSURE, i)
        ADDOP_I(c, NO_LOCATION, COPY, 1)
        codegen_nameop(c, NO_LOCATION, "__classcell__", Store)
    else:
        ADDOP_LOAD_CONST(c, NO_LOCATION, None)
    ADDOP(c, NO_LOCATION, RETURN_VALUE)
    co = _PyCompile_OptimizeAndAssemble(c, True)
    _PyCompile_ExitScope(c)

    # 2. load the 'build_class' function (attributed to the class line, not a decorator's)
    loc = LOC(s)
    ADDOP(c, loc, LOAD_BUILD_CLASS)
    ADDOP(c, loc, PUSH_NULL)
    # 3. load a function (or closure) made from the code object
    codegen_make_closure(c, loc, co, 0)
    # 4. load class name
    ADDOP_LOAD_CONST(c, loc, s.name)


def codegen_class(c: compiler, s: ast.ClassDef) -> None:
    """CPython: Python/codegen.c:codegen_class"""
    decos = s.decorator_list
    codegen_decorators(c, decos)
    firstlineno = s.lineno
    if decos:
        firstlineno = decos[0].lineno
    loc = LOC(s)
    type_params = s.type_params
    is_generic = len(type_params) > 0
    if is_generic:
        type_params_name = f"<generic parameters of {s.name}>"
        codegen_enter_scope(c, type_params_name, COMPILE_SCOPE_ANNOTATIONS, type_params,
                            firstlineno, s.name, None)
        codegen_type_params(c, type_params)
        codegen_nameop(c, loc, ".type_params", Store)

    codegen_class_body(c, s, firstlineno)

    # generate the rest of the code for the call
    if is_generic:
        codegen_nameop(c, loc, ".type_params", Load)
        ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_SUBSCRIPT_GENERIC)
        codegen_nameop(c, loc, ".generic_base", Store)
        codegen_call_helper_impl(c, loc, 2, s.bases, ".generic_base", s.keywords)
        co = _PyCompile_OptimizeAndAssemble(c, False)
        _PyCompile_ExitScope(c)
        codegen_make_closure(c, loc, co, 0)
        ADDOP(c, loc, PUSH_NULL)
        ADDOP_I(c, loc, CALL, 0)
    else:
        codegen_call_helper(c, loc, 2, s.bases, s.keywords)
    # 6. apply decorators
    codegen_apply_decorators(c, decos)
    # 7. store into <name>
    codegen_nameop(c, loc, s.name, Store)


def codegen_typealias_body(c: compiler, s: ast.TypeAlias) -> None:
    """CPython: Python/codegen.c:codegen_typealias_body"""
    loc = LOC(s)
    tname = s.name
    assert isinstance(tname, ast.Name)
    name = tname.id
    ADDOP_LOAD_CONST(c, loc, (1,))
    codegen_setup_annotations_scope(c, LOC(s), s, name)
    assert not _PyCompile_SymtableEntry(c).ste_has_docstring
    codegen_visit_expr(c, s.value)
    ADDOP(c, loc, RETURN_VALUE)
    co = _PyCompile_OptimizeAndAssemble(c, False)
    _PyCompile_ExitScope(c)
    codegen_make_closure(c, loc, co, MAKE_FUNCTION_DEFAULTS)
    ADDOP_I(c, loc, BUILD_TUPLE, 3)
    ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_TYPEALIAS)


def codegen_typealias(c: compiler, s: ast.TypeAlias) -> None:
    """CPython: Python/codegen.c:codegen_typealias"""
    loc = LOC(s)
    type_params = s.type_params
    is_generic = len(type_params) > 0
    tname = s.name
    assert isinstance(tname, ast.Name)
    name = tname.id
    if is_generic:
        type_params_name = f"<generic parameters of {name}>"
        codegen_enter_scope(c, type_params_name, COMPILE_SCOPE_ANNOTATIONS, type_params,
                            loc.lineno, None, None)
        ADDOP_LOAD_CONST(c, loc, name)
        codegen_type_params(c, type_params)
    else:
        ADDOP_LOAD_CONST(c, loc, name)
        ADDOP_LOAD_CONST(c, loc, None)
    codegen_typealias_body(c, s)
    if is_generic:
        co = _PyCompile_OptimizeAndAssemble(c, False)
        _PyCompile_ExitScope(c)
        codegen_make_closure(c, loc, co, 0)
        ADDOP(c, loc, PUSH_NULL)
        ADDOP_I(c, loc, CALL, 0)
    codegen_nameop(c, loc, name, Store)


def is_const_tuple(elts: list[ast.expr]) -> bool:
    """CPython: Python/codegen.c:is_const_tuple"""
    for e in elts:
        if not isinstance(e, ast.Constant):
            return False
    return True


def check_is_arg(e: ast.expr) -> bool:
    """CPython: Python/codegen.c:check_is_arg

    False if the expression is a constant other than the named singletons.
    """
    if isinstance(e, ast.Tuple):
        return not is_const_tuple(e.elts)
    if not isinstance(e, ast.Constant):
        return True
    value = e.value
    return value is None or value is False or value is True or value is Ellipsis


def codegen_check_compare(c: compiler, e: ast.Compare) -> None:
    """CPython: Python/codegen.c:codegen_check_compare

    Warns about ``is`` / ``is not`` with a literal operand.
    """
    left = check_is_arg(e.left)
    left_expr = e.left
    for i in range(len(e.ops)):
        op = e.ops[i]
        right_expr = e.comparators[i]
        right = check_is_arg(right_expr)
        if isinstance(op, (ast.Is, ast.IsNot)):
            if not right or not left:
                literal = left_expr if not left else right_expr
                tn = infer_type(literal)
                if isinstance(op, ast.Is):
                    msg = f"\"is\" with '{tn}' literal. Did you mean \"==\"?"
                else:
                    msg = f"\"is not\" with '{tn}' literal. Did you mean \"!=\"?"
                _PyCompile_Warn(c, LOC(e), msg)
                return
        left = right
        left_expr = right_expr


def codegen_addcompare(c: compiler, loc: Location, op: ast.cmpop) -> None:
    """CPython: Python/codegen.c:codegen_addcompare"""
    if isinstance(op, ast.Eq):
        cmp = Py_EQ
    elif isinstance(op, ast.NotEq):
        cmp = Py_NE
    elif isinstance(op, ast.Lt):
        cmp = Py_LT
    elif isinstance(op, ast.LtE):
        cmp = Py_LE
    elif isinstance(op, ast.Gt):
        cmp = Py_GT
    elif isinstance(op, ast.GtE):
        cmp = Py_GE
    elif isinstance(op, ast.Is):
        ADDOP_I(c, loc, IS_OP, 0)
        return
    elif isinstance(op, ast.IsNot):
        ADDOP_I(c, loc, IS_OP, 1)
        return
    elif isinstance(op, ast.In):
        ADDOP_I(c, loc, CONTAINS_OP, 0)
        return
    elif isinstance(op, ast.NotIn):
        ADDOP_I(c, loc, CONTAINS_OP, 1)
        return
    else:
        raise AssertionError("unreachable")
    # cmp goes in the top three bits of the oparg; the low four bits hold the
    # comparison mask used by the specialized versions, and the fifth bit
    # (convert the result to bool) is set later.
    ADDOP_I(c, loc, COMPARE_OP, (cmp << 5) | compare_masks[cmp])


def codegen_jump_if(c: compiler, loc: Location, e: ast.expr, next: _PyJumpTargetLabel,
                    cond: int) -> None:
    """CPython: Python/codegen.c:codegen_jump_if

    Jumps to ``next`` if ``e`` is true (``cond``) or false (``not cond``),
    short-circuiting ``not``, ``and``/``or``, conditional expressions and
    chained comparisons without materializing intermediate booleans.
    """
    if isinstance(e, ast.UnaryOp):
        if isinstance(e.op, ast.Not):
            codegen_jump_if(c, loc, e.operand, next, 0 if cond else 1)
            return
    elif isinstance(e, ast.BoolOp):
        s = e.values
        n = len(s) - 1
        assert n >= 0
        cond2 = 1 if isinstance(e.op, ast.Or) else 0
        next2 = next
        if (not cond2) != (not cond):
            next2 = NEW_JUMP_TARGET_LABEL(c)
        for i in range(n):
            codegen_jump_if(c, loc, s[i], next2, cond2)
        codegen_jump_if(c, loc, s[n], next, cond)
        if next2.id != next.id:
            USE_LABEL(c, next2)
        return
    elif isinstance(e, ast.IfExp):
        end = NEW_JUMP_TARGET_LABEL(c)
        next2 = NEW_JUMP_TARGET_LABEL(c)
        codegen_jump_if(c, loc, e.test, next2, 0)
        codegen_jump_if(c, loc, e.body, next, cond)
        ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, end)
        USE_LABEL(c, next2)
        codegen_jump_if(c, loc, e.orelse, next, cond)
        USE_LABEL(c, end)
        return
    elif isinstance(e, ast.Compare):
        n = len(e.ops) - 1
        if n > 0:
            codegen_check_compare(c, e)
            cleanup = NEW_JUMP_TARGET_LABEL(c)
            codegen_visit_expr(c, e.left)
            for i in range(n):
                codegen_visit_expr(c, e.comparators[i])
                ADDOP_I(c, LOC(e), SWAP, 2)
                ADDOP_I(c, LOC(e), COPY, 2)
                codegen_addcompare(c, LOC(e), e.ops[i])
                ADDOP(c, LOC(e), TO_BOOL)
                ADDOP_JUMP(c, LOC(e), POP_JUMP_IF_FALSE, cleanup)
            codegen_visit_expr(c, e.comparators[n])
            codegen_addcompare(c, LOC(e), e.ops[n])
            ADDOP(c, LOC(e), TO_BOOL)
            ADDOP_JUMP(c, LOC(e), POP_JUMP_IF_TRUE if cond else POP_JUMP_IF_FALSE, next)
            end = NEW_JUMP_TARGET_LABEL(c)
            ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, end)
            USE_LABEL(c, cleanup)
            ADDOP(c, LOC(e), POP_TOP)
            if not cond:
                ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, next)
            USE_LABEL(c, end)
            return
    # general implementation
    codegen_visit_expr(c, e)
    ADDOP(c, LOC(e), TO_BOOL)
    ADDOP_JUMP(c, LOC(e), POP_JUMP_IF_TRUE if cond else POP_JUMP_IF_FALSE, next)


def codegen_ifexp(c: compiler, e: ast.IfExp) -> None:
    """CPython: Python/codegen.c:codegen_ifexp"""
    end = NEW_JUMP_TARGET_LABEL(c)
    next = NEW_JUMP_TARGET_LABEL(c)
    codegen_jump_if(c, LOC(e), e.test, next, 0)
    codegen_visit_expr(c, e.body)
    ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, end)
    USE_LABEL(c, next)
    codegen_visit_expr(c, e.orelse)
    USE_LABEL(c, end)


def codegen_lambda(c: compiler, e: ast.Lambda) -> None:
    """CPython: Python/codegen.c:codegen_lambda"""
    args = e.args
    loc = LOC(e)
    funcflags = codegen_default_arguments(c, loc, args)
    umd = _PyCompile_CodeUnitMetadata(len(args.args), len(args.posonlyargs), len(args.kwonlyargs))
    codegen_enter_scope(c, "<lambda>", COMPILE_SCOPE_LAMBDA, e, e.lineno, None, umd)
    assert not _PyCompile_SymtableEntry(c).ste_has_docstring
    codegen_visit_expr(c, e.body)
    if _PyCompile_SymtableEntry(c).ste_generator:
        co = _PyCompile_OptimizeAndAssemble(c, False)
    else:
        ADDOP(c, LOC(e.body), RETURN_VALUE)
        co = _PyCompile_OptimizeAndAssemble(c, True)
    _PyCompile_ExitScope(c)
    codegen_make_closure(c, loc, co, funcflags)


def codegen_if(c: compiler, s: ast.If) -> None:
    """CPython: Python/codegen.c:codegen_if"""
    end = NEW_JUMP_TARGET_LABEL(c)
    if s.orelse:
        next = NEW_JUMP_TARGET_LABEL(c)
    else:
        next = end
    codegen_jump_if(c, LOC(s), s.test, next, 0)
    VISIT_SEQ_stmt(c, s.body)
    if s.orelse:
        ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, end)
        USE_LABEL(c, next)
        VISIT_SEQ_stmt(c, s.orelse)
    USE_LABEL(c, end)


def codegen_for(c: compiler, s: ast.For) -> None:
    """CPython: Python/codegen.c:codegen_for"""
    loc = LOC(s)
    start = NEW_JUMP_TARGET_LABEL(c)
    body = NEW_JUMP_TARGET_LABEL(c)
    cleanup = NEW_JUMP_TARGET_LABEL(c)
    end = NEW_JUMP_TARGET_LABEL(c)
    _PyCompile_PushFBlock(c, loc, COMPILE_FBLOCK_FOR_LOOP, start, end, None)
    codegen_visit_expr(c, s.iter)
    loc = LOC(s.iter)
    ADDOP(c, loc, GET_ITER)
    USE_LABEL(c, start)
    ADDOP_JUMP(c, loc, FOR_ITER, cleanup)
    # A NOP for the line tracing of multi-line for statements (removed later
    # if redundant).
    ADDOP(c, LOC(s.target), NOP)
    USE_LABEL(c, body)
    codegen_visit_expr(c, s.target)
    VISIT_SEQ_stmt(c, s.body)
    # Mark jump as artificial.
    ADDOP_JUMP(c, NO_LOCATION, JUMP, start)
    USE_LABEL(c, cleanup)
    # END_FOR comes first: iteration over a generator jumps to it, a
    # non-generator to the instruction after it.
    ADDOP(c, NO_LOCATION, END_FOR)
    ADDOP(c, NO_LOCATION, POP_ITER)
    _PyCompile_PopFBlock(c, COMPILE_FBLOCK_FOR_LOOP, start)
    VISIT_SEQ_stmt(c, s.orelse)
    USE_LABEL(c, end)


def codegen_async_for(c: compiler, s: ast.AsyncFor) -> None:
    """CPython: Python/codegen.c:codegen_async_for"""
    loc = LOC(s)
    start = NEW_JUMP_TARGET_LABEL(c)
    send = NEW_JUMP_TARGET_LABEL(c)
    except_ = NEW_JUMP_TARGET_LABEL(c)
    end = NEW_JUMP_TARGET_LABEL(c)
    codegen_visit_expr(c, s.iter)
    ADDOP(c, LOC(s.iter), GET_AITER)
    USE_LABEL(c, start)
    _PyCompile_PushFBlock(c, loc, COMPILE_FBLOCK_FOR_LOOP, start, end, None)
    # SETUP_FINALLY to guard the __anext__ call
    ADDOP_JUMP(c, loc, SETUP_FINALLY, except_)
    ADDOP(c, loc, GET_ANEXT)
    ADDOP_LOAD_CONST(c, loc, None)
    USE_LABEL(c, send)
    codegen_add_yield_from(c, loc, 1)
    ADDOP(c, loc, POP_BLOCK)  # for SETUP_FINALLY
    ADDOP(c, loc, NOT_TAKEN)
    # Success block for __anext__
    codegen_visit_expr(c, s.target)
    VISIT_SEQ_stmt(c, s.body)
    ADDOP_JUMP(c, NO_LOCATION, JUMP, start)
    _PyCompile_PopFBlock(c, COMPILE_FBLOCK_FOR_LOOP, start)
    # Except block for __anext__, at the line of the iterator.
    USE_LABEL(c, except_)
    loc = LOC(s.iter)
    ADDOP_JUMP(c, loc, END_ASYNC_FOR, send)
    # `else` block
    VISIT_SEQ_stmt(c, s.orelse)
    USE_LABEL(c, end)


def codegen_while(c: compiler, s: ast.While) -> None:
    """CPython: Python/codegen.c:codegen_while"""
    loop = NEW_JUMP_TARGET_LABEL(c)
    end = NEW_JUMP_TARGET_LABEL(c)
    anchor = NEW_JUMP_TARGET_LABEL(c)
    USE_LABEL(c, loop)
    _PyCompile_PushFBlock(c, LOC(s), COMPILE_FBLOCK_WHILE_LOOP, loop, end, None)
    codegen_jump_if(c, LOC(s), s.test, anchor, 0)
    VISIT_SEQ_stmt(c, s.body)
    ADDOP_JUMP(c, NO_LOCATION, JUMP, loop)
    _PyCompile_PopFBlock(c, COMPILE_FBLOCK_WHILE_LOOP, loop)
    USE_LABEL(c, anchor)
    if s.orelse:
        VISIT_SEQ_stmt(c, s.orelse)
    USE_LABEL(c, end)


def codegen_return(c: compiler, s: ast.Return) -> None:
    """CPython: Python/codegen.c:codegen_return"""
    loc = LOC(s)
    value = s.value
    preserve_tos = 1 if (value is not None and not isinstance(value, ast.Constant)) else 0
    ste = _PyCompile_SymtableEntry(c)
    if not _PyST_IsFunctionLike(ste):
        _PyCompile_Error(c, loc, "'return' outside function")
    if value is not None and ste.ste_coroutine and ste.ste_generator:
        _PyCompile_Error(c, loc, "'return' with value in async generator")
    if preserve_tos:
        assert value is not None
        codegen_visit_expr(c, value)
    else:
        # Emit an instruction with the line number of the return value.
        if value is not None:
            loc = LOC(value)
            ADDOP(c, loc, NOP)
    if value is None or value.lineno != s.lineno:
        loc = LOC(s)
        ADDOP(c, loc, NOP)
    loc, _ = codegen_unwind_fblock_stack(c, loc, preserve_tos, False)
    if value is None:
        ADDOP_LOAD_CONST(c, loc, None)
    elif not preserve_tos:
        assert isinstance(value, ast.Constant)
        ADDOP_LOAD_CONST(c, loc, value.value)
    ADDOP(c, loc, RETURN_VALUE)


def codegen_break(c: compiler, loc: Location) -> None:
    """CPython: Python/codegen.c:codegen_break"""
    origin_loc = loc
    # Emit instruction with line number.
    ADDOP(c, loc, NOP)
    loc, loop = codegen_unwind_fblock_stack(c, loc, 0, True)
    if loop is None:
        _PyCompile_Error(c, origin_loc, "'break' outside loop")
    loc = codegen_unwind_fblock(c, loc, loop, 0)
    ADDOP_JUMP(c, loc, JUMP, loop.fb_exit)


def codegen_continue(c: compiler, loc: Location) -> None:
    """CPython: Python/codegen.c:codegen_continue"""
    origin_loc = loc
    ADDOP(c, loc, NOP)
    loc, loop = codegen_unwind_fblock_stack(c, loc, 0, True)
    if loop is None:
        _PyCompile_Error(c, origin_loc, "'continue' not properly in loop")
    ADDOP_JUMP(c, loc, JUMP, loop.fb_block)


def codegen_try_finally(c: compiler, s: Union[ast.Try, ast.TryStar]) -> None:
    """CPython: Python/codegen.c:codegen_try_finally

    ``try: <body> finally: <finalbody>`` becomes::

            SETUP_FINALLY  L
            <code for body>
            POP_BLOCK
            <code for finalbody>
            JUMP E
        L:  <code for finalbody>   (under SETUP_CLEANUP, then RERAISE)
        E:
    """
    loc = LOC(s)
    body = NEW_JUMP_TARGET_LABEL(c)
    end = NEW_JUMP_TARGET_LABEL(c)
    exit = NEW_JUMP_TARGET_LABEL(c)
    cleanup = NEW_JUMP_TARGET_LABEL(c)
    # `try` block
    ADDOP_JUMP(c, loc, SETUP_FINALLY, end)
    USE_LABEL(c, body)
    _PyCompile_PushFBlock(c, loc, COMPILE_FBLOCK_FINALLY_TRY, body, end, s.finalbody)
    if s.handlers:
        if isinstance(s, ast.TryStar):
            codegen_try_star_except(c, s)
        else:
            codegen_try_except(c, s)
    else:
        VISIT_SEQ_stmt(c, s.body)
    ADDOP(c, NO_LOCATION, POP_BLOCK)
    _PyCompile_PopFBlock(c, COMPILE_FBLOCK_FINALLY_TRY, body)
    VISIT_SEQ_stmt(c, s.finalbody)
    ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, exit)
    # `finally` block
    USE_LABEL(c, end)
    loc = NO_LOCATION
    ADDOP_JUMP(c, loc, SETUP_CLEANUP, cleanup)
    ADDOP(c, loc, PUSH_EXC_INFO)
    _PyCompile_PushFBlock(c, loc, COMPILE_FBLOCK_FINALLY_END, end, NO_LABEL, None)
    VISIT_SEQ_stmt(c, s.finalbody)
    _PyCompile_PopFBlock(c, COMPILE_FBLOCK_FINALLY_END, end)
    loc = NO_LOCATION
    ADDOP_I(c, loc, RERAISE, 0)
    USE_LABEL(c, cleanup)
    codegen_pop_except_and_reraise(c, loc)
    USE_LABEL(c, exit)


def codegen_try_star_finally(c: compiler, s: ast.TryStar) -> None:
    """CPython: Python/codegen.c:codegen_try_star_finally

    pyvm: the code is the same as ``codegen_try_finally``'s (which dispatches
    on the node type for the handlers).
    """
    codegen_try_finally(c, s)


def codegen_try_except(c: compiler, s: ast.Try) -> None:
    """CPython: Python/codegen.c:codegen_try_except

    ``try: S except E1 as V1: S1 ...``: the body runs under SETUP_FINALLY; each
    handler tests its type with CHECK_EXC_MATCH; a handler that binds a name
    runs its body under a cleanup that sets the name to None and deletes it.
    """
    loc = LOC(s)
    body = NEW_JUMP_TARGET_LABEL(c)
    except_ = NEW_JUMP_TARGET_LABEL(c)
    end = NEW_JUMP_TARGET_LABEL(c)
    cleanup = NEW_JUMP_TARGET_LABEL(c)
    ADDOP_JUMP(c, loc, SETUP_FINALLY, except_)
    USE_LABEL(c, body)
    _PyCompile_PushFBlock(c, loc, COMPILE_FBLOCK_TRY_EXCEPT, body, NO_LABEL, None)
    VISIT_SEQ_stmt(c, s.body)
    _PyCompile_PopFBlock(c, COMPILE_FBLOCK_TRY_EXCEPT, body)
    ADDOP(c, NO_LOCATION, POP_BLOCK)
    if s.orelse:
        VISIT_SEQ_stmt(c, s.orelse)
    ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, end)
    n = len(s.handlers)
    USE_LABEL(c, except_)
    ADDOP_JUMP(c, NO_LOCATION, SETUP_CLEANUP, cleanup)
    ADDOP(c, NO_LOCATION, PUSH_EXC_INFO)
    # The runtime pushes a block here: account for it.
    _PyCompile_PushFBlock(c, loc, COMPILE_FBLOCK_EXCEPTION_HANDLER, NO_LABEL, NO_LABEL, None)
    for i in range(n):
        handler = s.handlers[i]
        assert isinstance(handler, ast.ExceptHandler)
        hloc = LOC(handler)
        if handler.type is None and i < n - 1:
            _PyCompile_Error(c, hloc, "default 'except:' must be last")
        except_ = NEW_JUMP_TARGET_LABEL(c)
        if handler.type is not None:
            codegen_visit_expr(c, handler.type)
            ADDOP(c, hloc, CHECK_EXC_MATCH)
            ADDOP_JUMP(c, hloc, POP_JUMP_IF_FALSE, except_)
        hname = handler.name
        if hname is not None:
            cleanup_end = NEW_JUMP_TARGET_LABEL(c)
            cleanup_body = NEW_JUMP_TARGET_LABEL(c)
            codegen_nameop(c, hloc, hname, Store)
            # try:
            #     # body
            # except type as name:
            #     try:
            #         # body
            #     finally:
            #         name = None # in case body contains "del name"
            #         del name
            ADDOP_JUMP(c, hloc, SETUP_CLEANUP, cleanup_end)
            USE_LABEL(c, cleanup_body)
            _PyCompile_PushFBlock(c, hloc, COMPILE_FBLOCK_HANDLER_CLEANUP, cleanup_body,
                                  NO_LABEL, hname)
            VISIT_SEQ_stmt(c, handler.body)
            _PyCompile_PopFBlock(c, COMPILE_FBLOCK_HANDLER_CLEANUP, cleanup_body)
            # name = None; del name; # Mark as artificial
            ADDOP(c, NO_LOCATION, POP_BLOCK)
            ADDOP(c, NO_LOCATION, POP_BLOCK)
            ADDOP(c, NO_LOCATION, POP_EXCEPT)
            ADDOP_LOAD_CONST(c, NO_LOCATION, None)
            codegen_nameop(c, NO_LOCATION, hname, Store)
            codegen_nameop(c, NO_LOCATION, hname, Del)
            ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, end)
            # except:
            USE_LABEL(c, cleanup_end)
            # name = None; del name; # artificial
            ADDOP_LOAD_CONST(c, NO_LOCATION, None)
            codegen_nameop(c, NO_LOCATION, hname, Store)
            codegen_nameop(c, NO_LOCATION, hname, Del)
            ADDOP_I(c, NO_LOCATION, RERAISE, 1)
        else:
            cleanup_body = NEW_JUMP_TARGET_LABEL(c)
            ADDOP(c, hloc, POP_TOP)  # exc_value
            USE_LABEL(c, cleanup_body)
            _PyCompile_PushFBlock(c, hloc, COMPILE_FBLOCK_HANDLER_CLEANUP, cleanup_body,
                                  NO_LABEL, None)
            VISIT_SEQ_stmt(c, handler.body)
            _PyCompile_PopFBlock(c, COMPILE_FBLOCK_HANDLER_CLEANUP, cleanup_body)
            ADDOP(c, NO_LOCATION, POP_BLOCK)
            ADDOP(c, NO_LOCATION, POP_EXCEPT)
            ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, end)
        USE_LABEL(c, except_)
    # artificial
    _PyCompile_PopFBlock(c, COMPILE_FBLOCK_EXCEPTION_HANDLER, NO_LABEL)
    ADDOP_I(c, NO_LOCATION, RERAISE, 0)
    USE_LABEL(c, cleanup)
    codegen_pop_except_and_reraise(c, NO_LOCATION)
    USE_LABEL(c, end)


def codegen_try_star_except(c: compiler, s: ast.TryStar) -> None:
    """CPython: Python/codegen.c:codegen_try_star_except

    ``try: S except* E1 as V1: S1 ...``: each handler splits the exception
    group with CHECK_EG_MATCH; what the handlers raise or leave unhandled is
    collected in a list that INTRINSIC_PREP_RERAISE_STAR turns into the
    exception to re-raise (or None).
    """
    loc = LOC(s)
    body = NEW_JUMP_TARGET_LABEL(c)
    except_ = NEW_JUMP_TARGET_LABEL(c)
    orelse = NEW_JUMP_TARGET_LABEL(c)
    end = NEW_JUMP_TARGET_LABEL(c)
    cleanup = NEW_JUMP_TARGET_LABEL(c)
    reraise_star = NEW_JUMP_TARGET_LABEL(c)
    ADDOP_JUMP(c, loc, SETUP_FINALLY, except_)
    USE_LABEL(c, body)
    _PyCompile_PushFBlock(c, loc, COMPILE_FBLOCK_TRY_EXCEPT, body, NO_LABEL, None)
    VISIT_SEQ_stmt(c, s.body)
    _PyCompile_PopFBlock(c, COMPILE_FBLOCK_TRY_EXCEPT, body)
    ADDOP(c, NO_LOCATION, POP_BLOCK)
    ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, orelse)
    n = len(s.handlers)
    USE_LABEL(c, except_)
    ADDOP_JUMP(c, NO_LOCATION, SETUP_CLEANUP, cleanup)
    ADDOP(c, NO_LOCATION, PUSH_EXC_INFO)
    # The runtime pushes a block here: account for it.
    _PyCompile_PushFBlock(c, loc, COMPILE_FBLOCK_EXCEPTION_GROUP_HANDLER, NO_LABEL, NO_LABEL,
                          "except handler")
    for i in range(n):
        handler = s.handlers[i]
        assert isinstance(handler, ast.ExceptHandler)
        hloc = LOC(handler)
        except_ = NEW_JUMP_TARGET_LABEL(c)
        except_with_error = NEW_JUMP_TARGET_LABEL(c)
        no_match = NEW_JUMP_TARGET_LABEL(c)
        if i == 0:
            # [orig] BUILD_LIST: the list of exceptions raised/re-raised in the
            # except* blocks; [orig, []] COPY 2: a copy of the original EG.
            ADDOP_I(c, hloc, BUILD_LIST, 0)
            ADDOP_I(c, hloc, COPY, 2)
        if handler.type is not None:
            codegen_visit_expr(c, handler.type)
            ADDOP(c, hloc, CHECK_EG_MATCH)
            ADDOP_I(c, hloc, COPY, 1)
            ADDOP_JUMP(c, hloc, POP_JUMP_IF_NONE, no_match)
        cleanup_end = NEW_JUMP_TARGET_LABEL(c)
        cleanup_body = NEW_JUMP_TARGET_LABEL(c)
        hname = handler.name
        if hname is not None:
            codegen_nameop(c, hloc, hname, Store)
        else:
            ADDOP(c, hloc, POP_TOP)  # match
        # second try:
        ADDOP_JUMP(c, hloc, SETUP_CLEANUP, cleanup_end)
        USE_LABEL(c, cleanup_body)
        _PyCompile_PushFBlock(c, hloc, COMPILE_FBLOCK_HANDLER_CLEANUP, cleanup_body,
                              NO_LABEL, hname)
        VISIT_SEQ_stmt(c, handler.body)
        _PyCompile_PopFBlock(c, COMPILE_FBLOCK_HANDLER_CLEANUP, cleanup_body)
        # name = None; del name; # artificial
        ADDOP(c, NO_LOCATION, POP_BLOCK)
        if hname is not None:
            ADDOP_LOAD_CONST(c, NO_LOCATION, None)
            codegen_nameop(c, NO_LOCATION, hname, Store)
            codegen_nameop(c, NO_LOCATION, hname, Del)
        ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, except_)
        # except:
        USE_LABEL(c, cleanup_end)
        if hname is not None:
            ADDOP_LOAD_CONST(c, NO_LOCATION, None)
            codegen_nameop(c, NO_LOCATION, hname, Store)
            codegen_nameop(c, NO_LOCATION, hname, Del)
        # add exception raised to the res list
        ADDOP_I(c, NO_LOCATION, LIST_APPEND, 3)  # exc
        ADDOP(c, NO_LOCATION, POP_TOP)  # lasti
        ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, except_with_error)
        USE_LABEL(c, except_)
        ADDOP(c, NO_LOCATION, NOP)  # to hold a propagated location info
        ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, except_with_error)
        USE_LABEL(c, no_match)
        ADDOP(c, hloc, POP_TOP)  # match (None)
        USE_LABEL(c, except_with_error)
        if i == n - 1:
            # Add exc to the list (if not None it's the unhandled part of the EG).
            ADDOP_I(c, NO_LOCATION, LIST_APPEND, 1)
            ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, reraise_star)
    # artificial
    _PyCompile_PopFBlock(c, COMPILE_FBLOCK_EXCEPTION_GROUP_HANDLER, NO_LABEL)
    reraise = NEW_JUMP_TARGET_LABEL(c)
    USE_LABEL(c, reraise_star)
    ADDOP_I(c, NO_LOCATION, CALL_INTRINSIC_2, INTRINSIC_PREP_RERAISE_STAR)
    ADDOP_I(c, NO_LOCATION, COPY, 1)
    ADDOP_JUMP(c, NO_LOCATION, POP_JUMP_IF_NOT_NONE, reraise)
    # Nothing to reraise
    ADDOP(c, NO_LOCATION, POP_TOP)
    ADDOP(c, NO_LOCATION, POP_BLOCK)
    ADDOP(c, NO_LOCATION, POP_EXCEPT)
    ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, end)
    USE_LABEL(c, reraise)
    ADDOP(c, NO_LOCATION, POP_BLOCK)
    ADDOP_I(c, NO_LOCATION, SWAP, 2)
    ADDOP(c, NO_LOCATION, POP_EXCEPT)
    ADDOP_I(c, NO_LOCATION, RERAISE, 0)
    USE_LABEL(c, cleanup)
    codegen_pop_except_and_reraise(c, NO_LOCATION)
    USE_LABEL(c, orelse)
    VISIT_SEQ_stmt(c, s.orelse)
    USE_LABEL(c, end)


def codegen_try(c: compiler, s: ast.Try) -> None:
    """CPython: Python/codegen.c:codegen_try"""
    if s.finalbody:
        codegen_try_finally(c, s)
    else:
        codegen_try_except(c, s)


def codegen_try_star(c: compiler, s: ast.TryStar) -> None:
    """CPython: Python/codegen.c:codegen_try_star"""
    if s.finalbody:
        codegen_try_star_finally(c, s)
    else:
        codegen_try_star_except(c, s)


def codegen_import_as(c: compiler, loc: Location, name: str, asname: str) -> None:
    """CPython: Python/codegen.c:codegen_import_as

    IMPORT_NAME was already emitted; bind the result. For a dotted name, an
    IMPORT_FROM fetches each attribute after the first.
    """
    dot = name.find(".")
    if dot != -1:
        # Consume the base module name to get the first attribute.
        while True:
            pos = dot + 1
            dot = name.find(".", pos)
            attr = name[pos:dot] if dot != -1 else name[pos:]
            codegen_addop_o(c, loc, IMPORT_FROM, _PyCompile_Metadata(c).u_names, attr)
            if dot == -1:
                break
            ADDOP_I(c, loc, SWAP, 2)
            ADDOP(c, loc, POP_TOP)
        codegen_nameop(c, loc, asname, Store)
        ADDOP(c, loc, POP_TOP)
        return
    codegen_nameop(c, loc, asname, Store)


def codegen_import(c: compiler, s: ast.Import) -> None:
    """CPython: Python/codegen.c:codegen_import"""
    loc = LOC(s)
    for alias in s.names:
        ADDOP_LOAD_CONST(c, loc, 0)
        ADDOP_LOAD_CONST(c, loc, None)
        ADDOP_NAME_names(c, loc, IMPORT_NAME, alias.name)
        asname = alias.asname
        if asname is not None:
            codegen_import_as(c, loc, alias.name, asname)
        else:
            tmp = alias.name
            dot = tmp.find(".")
            if dot != -1:
                tmp = tmp[:dot]
            codegen_nameop(c, loc, tmp, Store)


def codegen_from_import(c: compiler, s: ast.ImportFrom) -> None:
    """CPython: Python/codegen.c:codegen_from_import"""
    n = len(s.names)
    level = s.level
    ADDOP_LOAD_CONST(c, LOC(s), level if level is not None else 0)
    names = tuple([alias.name for alias in s.names])
    ADDOP_LOAD_CONST(c, LOC(s), names)
    module = s.module
    ADDOP_NAME_names(c, LOC(s), IMPORT_NAME, module if module is not None else "")
    for i in range(n):
        alias = s.names[i]
        if i == 0 and alias.name[0] == "*":
            assert n == 1
            ADDOP_I(c, LOC(s), CALL_INTRINSIC_1, INTRINSIC_IMPORT_STAR)
            ADDOP(c, NO_LOCATION, POP_TOP)
            return
        ADDOP_NAME_names(c, LOC(s), IMPORT_FROM, alias.name)
        store_name = alias.name
        asname = alias.asname
        if asname is not None:
            store_name = asname
        codegen_nameop(c, LOC(s), store_name, Store)
    # remove imported module
    ADDOP(c, LOC(s), POP_TOP)


def codegen_assert(c: compiler, s: ast.Assert) -> None:
    """CPython: Python/codegen.c:codegen_assert"""
    test = s.test
    # Always emit a warning if the test is a non-zero length tuple.
    if ((isinstance(test, ast.Tuple) and len(test.elts) > 0)
            or (isinstance(test, ast.Constant) and isinstance(test.value, tuple)
                and len(test.value) > 0)):
        _PyCompile_Warn(c, LOC(s), "assertion is always true, perhaps remove parentheses?")
    if _PyCompile_OptimizationLevel(c):
        return
    end = NEW_JUMP_TARGET_LABEL(c)
    codegen_jump_if(c, LOC(s), test, end, 1)
    ADDOP_I(c, LOC(s), LOAD_COMMON_CONSTANT, CONSTANT_ASSERTIONERROR)
    msg = s.msg
    if msg is not None:
        codegen_visit_expr(c, msg)
        ADDOP_I(c, LOC(s), CALL, 0)
    ADDOP_I(c, LOC(test), RAISE_VARARGS, 1)
    USE_LABEL(c, end)


def codegen_stmt_expr(c: compiler, loc: Location, value: ast.expr) -> None:
    """CPython: Python/codegen.c:codegen_stmt_expr"""
    if _PyCompile_IsInteractiveTopLevel(c):
        codegen_visit_expr(c, value)
        ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_PRINT)
        ADDOP(c, NO_LOCATION, POP_TOP)
        return
    if isinstance(value, ast.Constant):
        # ignore constant statement
        ADDOP(c, loc, NOP)
        return
    codegen_visit_expr(c, value)
    ADDOP(c, NO_LOCATION, POP_TOP)  # artificial


def codegen_visit_stmt(c: compiler, s: ast.stmt) -> None:
    """CPython: Python/codegen.c:codegen_visit_stmt

    Compound statements whose bodies run conditionally are compiled inside a
    "conditional block" (CODEGEN_COND_BLOCK), which matters for the
    conditional annotations of PEP 649.
    """
    if isinstance(s, ast.FunctionDef):
        codegen_function(c, s, False)
    elif isinstance(s, ast.ClassDef):
        codegen_class(c, s)
    elif isinstance(s, ast.TypeAlias):
        codegen_typealias(c, s)
    elif isinstance(s, ast.Return):
        codegen_return(c, s)
    elif isinstance(s, ast.Delete):
        VISIT_SEQ_expr(c, s.targets)
    elif isinstance(s, ast.Assign):
        n = len(s.targets)
        codegen_visit_expr(c, s.value)
        for i in range(n):
            if i < n - 1:
                ADDOP_I(c, LOC(s), COPY, 1)
            codegen_visit_expr(c, s.targets[i])
    elif isinstance(s, ast.AugAssign):
        codegen_augassign(c, s)
    elif isinstance(s, ast.AnnAssign):
        codegen_annassign(c, s)
    elif isinstance(s, ast.For):
        _PyCompile_EnterConditionalBlock(c)
        codegen_for(c, s)
        _PyCompile_LeaveConditionalBlock(c)
    elif isinstance(s, ast.While):
        _PyCompile_EnterConditionalBlock(c)
        codegen_while(c, s)
        _PyCompile_LeaveConditionalBlock(c)
    elif isinstance(s, ast.If):
        _PyCompile_EnterConditionalBlock(c)
        codegen_if(c, s)
        _PyCompile_LeaveConditionalBlock(c)
    elif isinstance(s, ast.Match):
        _PyCompile_EnterConditionalBlock(c)
        codegen_match(c, s)
        _PyCompile_LeaveConditionalBlock(c)
    elif isinstance(s, ast.Raise):
        n = 0
        exc = s.exc
        if exc is not None:
            codegen_visit_expr(c, exc)
            n += 1
            cause = s.cause
            if cause is not None:
                codegen_visit_expr(c, cause)
                n += 1
        ADDOP_I(c, LOC(s), RAISE_VARARGS, n)
    elif isinstance(s, ast.Try):
        _PyCompile_EnterConditionalBlock(c)
        codegen_try(c, s)
        _PyCompile_LeaveConditionalBlock(c)
    elif isinstance(s, ast.TryStar):
        _PyCompile_EnterConditionalBlock(c)
        codegen_try_star(c, s)
        _PyCompile_LeaveConditionalBlock(c)
    elif isinstance(s, ast.Assert):
        codegen_assert(c, s)
    elif isinstance(s, ast.Import):
        codegen_import(c, s)
    elif isinstance(s, ast.ImportFrom):
        codegen_from_import(c, s)
    elif isinstance(s, (ast.Global, ast.Nonlocal)):
        pass
    elif isinstance(s, ast.Expr):
        codegen_stmt_expr(c, LOC(s), s.value)
    elif isinstance(s, ast.Pass):
        ADDOP(c, LOC(s), NOP)
    elif isinstance(s, ast.Break):
        codegen_break(c, LOC(s))
    elif isinstance(s, ast.Continue):
        codegen_continue(c, LOC(s))
    elif isinstance(s, ast.With):
        _PyCompile_EnterConditionalBlock(c)
        codegen_with(c, s)
        _PyCompile_LeaveConditionalBlock(c)
    elif isinstance(s, ast.AsyncFunctionDef):
        codegen_function(c, s, True)
    elif isinstance(s, ast.AsyncWith):
        _PyCompile_EnterConditionalBlock(c)
        codegen_async_with(c, s)
        _PyCompile_LeaveConditionalBlock(c)
    elif isinstance(s, ast.AsyncFor):
        _PyCompile_EnterConditionalBlock(c)
        codegen_async_for(c, s)
        _PyCompile_LeaveConditionalBlock(c)


def unaryop(op: ast.unaryop) -> int:
    """CPython: Python/codegen.c:unaryop"""
    if isinstance(op, ast.Invert):
        return UNARY_INVERT
    if isinstance(op, ast.USub):
        return UNARY_NEGATIVE
    _raise_system_error("unary op should not be possible")


def _binop_oparg(binop: ast.operator, inplace: bool) -> int:
    """pyvm: the NB_* oparg of an operator (the switch of addop_binary)."""
    if isinstance(binop, ast.Add):
        return NB_INPLACE_ADD if inplace else NB_ADD
    if isinstance(binop, ast.Sub):
        return NB_INPLACE_SUBTRACT if inplace else NB_SUBTRACT
    if isinstance(binop, ast.Mult):
        return NB_INPLACE_MULTIPLY if inplace else NB_MULTIPLY
    if isinstance(binop, ast.MatMult):
        return NB_INPLACE_MATRIX_MULTIPLY if inplace else NB_MATRIX_MULTIPLY
    if isinstance(binop, ast.Div):
        return NB_INPLACE_TRUE_DIVIDE if inplace else NB_TRUE_DIVIDE
    if isinstance(binop, ast.Mod):
        return NB_INPLACE_REMAINDER if inplace else NB_REMAINDER
    if isinstance(binop, ast.Pow):
        return NB_INPLACE_POWER if inplace else NB_POWER
    if isinstance(binop, ast.LShift):
        return NB_INPLACE_LSHIFT if inplace else NB_LSHIFT
    if isinstance(binop, ast.RShift):
        return NB_INPLACE_RSHIFT if inplace else NB_RSHIFT
    if isinstance(binop, ast.BitOr):
        return NB_INPLACE_OR if inplace else NB_OR
    if isinstance(binop, ast.BitXor):
        return NB_INPLACE_XOR if inplace else NB_XOR
    if isinstance(binop, ast.BitAnd):
        return NB_INPLACE_AND if inplace else NB_AND
    if isinstance(binop, ast.FloorDiv):
        return NB_INPLACE_FLOOR_DIVIDE if inplace else NB_FLOOR_DIVIDE
    _raise_system_error(("inplace" if inplace else "binary") + " op should not be possible")


def addop_binary(c: compiler, loc: Location, binop: ast.operator, inplace: bool) -> None:
    """CPython: Python/codegen.c:addop_binary"""
    ADDOP_I(c, loc, BINARY_OP, _binop_oparg(binop, inplace))


def codegen_addop_yield(c: compiler, loc: Location) -> None:
    """CPython: Python/codegen.c:codegen_addop_yield"""
    ste = _PyCompile_SymtableEntry(c)
    if ste.ste_generator and ste.ste_coroutine:
        ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_ASYNC_GEN_WRAP)
    ADDOP_I(c, loc, YIELD_VALUE, 0)
    ADDOP_I(c, loc, RESUME, RESUME_AFTER_YIELD)


def codegen_load_classdict_freevar(c: compiler, loc: Location) -> None:
    """CPython: Python/codegen.c:codegen_load_classdict_freevar"""
    codegen_addop_o(c, loc, LOAD_DEREF, _PyCompile_Metadata(c).u_freevars, "__classdict__")


def codegen_nameop(c: compiler, loc: Location, name: str, ctx: int) -> None:
    """CPython: Python/codegen.c:codegen_nameop

    Loads, stores or deletes a name with the op its scope calls for: FAST
    for function locals, DEREF for cells and free variables, GLOBAL for
    globals seen from a function, NAME elsewhere (and the class-scope
    variants LOAD_FROM_DICT_OR_DEREF / LOAD_FROM_DICT_OR_GLOBALS).
    """
    assert name not in ("None", "True", "False")
    mangled = _PyCompile_MaybeMangle(c, name)
    ste = _PyCompile_SymtableEntry(c)
    scope = _PyST_GetScope(ste, mangled)
    optype, arg = _PyCompile_ResolveNameop(c, mangled, scope)
    op = 0
    if optype == COMPILE_OP_DEREF:
        if ctx == Load:
            if ste.ste_type == ClassBlock and not _PyCompile_IsInInlinedComp(c):
                op = LOAD_FROM_DICT_OR_DEREF
                # First load the locals.
                codegen_addop_noarg(INSTR_SEQUENCE(c), LOAD_LOCALS, loc)
            elif ste.ste_can_see_class_scope:
                op = LOAD_FROM_DICT_OR_DEREF
                # First load the classdict.
                codegen_load_classdict_freevar(c, loc)
            else:
                op = LOAD_DEREF
        elif ctx == Store:
            op = STORE_DEREF
        else:
            op = DELETE_DEREF
    elif optype == COMPILE_OP_FAST:
        if ctx == Load:
            op = LOAD_FAST
        elif ctx == Store:
            op = STORE_FAST
        else:
            op = DELETE_FAST
        codegen_addop_o(c, loc, op, _PyCompile_Metadata(c).u_varnames, mangled)
        return
    elif optype == COMPILE_OP_GLOBAL:
        if ctx == Load:
            if ste.ste_can_see_class_scope and scope == GLOBAL_IMPLICIT:
                op = LOAD_FROM_DICT_OR_GLOBALS
                # First load the classdict.
                codegen_load_classdict_freevar(c, loc)
            else:
                op = LOAD_GLOBAL
        elif ctx == Store:
            op = STORE_GLOBAL
        else:
            op = DELETE_GLOBAL
    else:
        if ctx == Load:
            op = (LOAD_GLOBAL if ste.ste_type == ClassBlock and _PyCompile_IsInInlinedComp(c)
                  else LOAD_NAME)
        elif ctx == Store:
            op = STORE_NAME
        else:
            op = DELETE_NAME
    assert op
    if op == LOAD_GLOBAL:
        arg <<= 1
    ADDOP_I(c, loc, op, arg)


def codegen_boolop(c: compiler, e: ast.BoolOp) -> None:
    """CPython: Python/codegen.c:codegen_boolop"""
    loc = LOC(e)
    jumpi = JUMP_IF_FALSE if isinstance(e.op, ast.And) else JUMP_IF_TRUE
    end = NEW_JUMP_TARGET_LABEL(c)
    s = e.values
    n = len(s) - 1
    assert n >= 0
    for i in range(n):
        codegen_visit_expr(c, s[i])
        ADDOP_JUMP(c, loc, jumpi, end)
        ADDOP(c, loc, POP_TOP)
    codegen_visit_expr(c, s[n])
    USE_LABEL(c, end)


def starunpack_helper_impl(c: compiler, loc: Location, elts: list[ast.expr],
                           injected_arg: Optional[str], pushed: int, build: int, add: int,
                           extend: int, tuple_: int) -> None:
    """CPython: Python/codegen.c:starunpack_helper_impl

    Builds a list/tuple/set from ``elts``: all on the stack then one BUILD_*
    when there is no starred item and few items; otherwise an empty (or
    prefix) collection grown with ``add`` / ``extend``.
    """
    n = len(elts)
    big = n + pushed + (1 if injected_arg is not None else 0) > _PY_STACK_USE_GUIDELINE
    seen_star = False
    for elt in elts:
        if isinstance(elt, ast.Starred):
            seen_star = True
            break
    if not seen_star and not big:
        for elt in elts:
            codegen_visit_expr(c, elt)
        if injected_arg is not None:
            codegen_nameop(c, loc, injected_arg, Load)
            n += 1
        if tuple_:
            ADDOP_I(c, loc, BUILD_TUPLE, n + pushed)
        else:
            ADDOP_I(c, loc, build, n + pushed)
        return
    sequence_built = False
    if big:
        ADDOP_I(c, loc, build, pushed)
        sequence_built = True
    for i in range(n):
        elt = elts[i]
        if isinstance(elt, ast.Starred):
            if not sequence_built:
                ADDOP_I(c, loc, build, i + pushed)
                sequence_built = True
            codegen_visit_expr(c, elt.value)
            ADDOP_I(c, loc, extend, 1)
        else:
            codegen_visit_expr(c, elt)
            if sequence_built:
                ADDOP_I(c, loc, add, 1)
    assert sequence_built
    if injected_arg is not None:
        codegen_nameop(c, loc, injected_arg, Load)
        ADDOP_I(c, loc, add, 1)
    if tuple_:
        ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE)


def starunpack_helper(c: compiler, loc: Location, elts: list[ast.expr], pushed: int,
                      build: int, add: int, extend: int, tuple_: int) -> None:
    """CPython: Python/codegen.c:starunpack_helper"""
    starunpack_helper_impl(c, loc, elts, None, pushed, build, add, extend, tuple_)


def unpack_helper(c: compiler, loc: Location, elts: list[ast.expr]) -> None:
    """CPython: Python/codegen.c:unpack_helper"""
    n = len(elts)
    seen_star = False
    for i in range(n):
        elt = elts[i]
        if isinstance(elt, ast.Starred) and not seen_star:
            if i >= (1 << 8) or n - i - 1 >= (0x7FFFFFFF >> 8):
                _PyCompile_Error(c, loc, "too many expressions in star-unpacking assignment")
            ADDOP_I(c, loc, UNPACK_EX, i + ((n - i - 1) << 8))
            seen_star = True
        elif isinstance(elt, ast.Starred):
            _PyCompile_Error(c, loc, "multiple starred expressions in assignment")
    if not seen_star:
        ADDOP_I(c, loc, UNPACK_SEQUENCE, n)


def assignment_helper(c: compiler, loc: Location, elts: list[ast.expr]) -> None:
    """CPython: Python/codegen.c:assignment_helper"""
    unpack_helper(c, loc, elts)
    for elt in elts:
        codegen_visit_expr(c, elt.value if isinstance(elt, ast.Starred) else elt)


def codegen_list(c: compiler, e: ast.List) -> None:
    """CPython: Python/codegen.c:codegen_list"""
    loc = LOC(e)
    ctx = _ctx(e.ctx)
    if ctx == Store:
        assignment_helper(c, loc, e.elts)
    elif ctx == Load:
        starunpack_helper(c, loc, e.elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, 0)
    else:
        VISIT_SEQ_expr(c, e.elts)


def codegen_tuple(c: compiler, e: ast.Tuple) -> None:
    """CPython: Python/codegen.c:codegen_tuple"""
    loc = LOC(e)
    ctx = _ctx(e.ctx)
    if ctx == Store:
        assignment_helper(c, loc, e.elts)
    elif ctx == Load:
        starunpack_helper(c, loc, e.elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, 1)
    else:
        VISIT_SEQ_expr(c, e.elts)


def codegen_set(c: compiler, e: ast.Set) -> None:
    """CPython: Python/codegen.c:codegen_set"""
    starunpack_helper(c, LOC(e), e.elts, 0, BUILD_SET, SET_ADD, SET_UPDATE, 0)


def codegen_subdict(c: compiler, e: ast.Dict, begin: int, end: int) -> None:
    """CPython: Python/codegen.c:codegen_subdict"""
    n = end - begin
    big = n * 2 > _PY_STACK_USE_GUIDELINE
    loc = LOC(e)
    if big:
        ADDOP_I(c, loc, BUILD_MAP, 0)
    for i in range(begin, end):
        k = e.keys[i]
        assert k is not None
        codegen_visit_expr(c, k)
        codegen_visit_expr(c, e.values[i])
        if big:
            ADDOP_I(c, loc, MAP_ADD, 1)
    if not big:
        ADDOP_I(c, loc, BUILD_MAP, n)


def codegen_dict(c: compiler, e: ast.Dict) -> None:
    """CPython: Python/codegen.c:codegen_dict"""
    loc = LOC(e)
    n = len(e.values)
    have_dict = False
    elements = 0
    for i in range(n):
        is_unpacking = e.keys[i] is None
        if is_unpacking:
            if elements:
                codegen_subdict(c, e, i - elements, i)
                if have_dict:
                    ADDOP_I(c, loc, DICT_UPDATE, 1)
                have_dict = True
                elements = 0
            if not have_dict:
                ADDOP_I(c, loc, BUILD_MAP, 0)
                have_dict = True
            codegen_visit_expr(c, e.values[i])
            ADDOP_I(c, loc, DICT_UPDATE, 1)
        else:
            if elements * 2 > _PY_STACK_USE_GUIDELINE:
                codegen_subdict(c, e, i - elements, i + 1)
                if have_dict:
                    ADDOP_I(c, loc, DICT_UPDATE, 1)
                have_dict = True
                elements = 0
            else:
                elements += 1
    if elements:
        codegen_subdict(c, e, n - elements, n)
        if have_dict:
            ADDOP_I(c, loc, DICT_UPDATE, 1)
        have_dict = True
    if not have_dict:
        ADDOP_I(c, loc, BUILD_MAP, 0)


def codegen_compare(c: compiler, e: ast.Compare) -> None:
    """CPython: Python/codegen.c:codegen_compare"""
    loc = LOC(e)
    codegen_check_compare(c, e)
    codegen_visit_expr(c, e.left)
    assert len(e.ops) > 0
    n = len(e.ops) - 1
    if n == 0:
        codegen_visit_expr(c, e.comparators[0])
        codegen_addcompare(c, loc, e.ops[0])
    else:
        cleanup = NEW_JUMP_TARGET_LABEL(c)
        for i in range(n):
            codegen_visit_expr(c, e.comparators[i])
            ADDOP_I(c, loc, SWAP, 2)
            ADDOP_I(c, loc, COPY, 2)
            codegen_addcompare(c, loc, e.ops[i])
            ADDOP_I(c, loc, COPY, 1)
            ADDOP(c, loc, TO_BOOL)
            ADDOP_JUMP(c, loc, POP_JUMP_IF_FALSE, cleanup)
            ADDOP(c, loc, POP_TOP)
        codegen_visit_expr(c, e.comparators[n])
        codegen_addcompare(c, loc, e.ops[n])
        end = NEW_JUMP_TARGET_LABEL(c)
        ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, end)
        USE_LABEL(c, cleanup)
        ADDOP_I(c, loc, SWAP, 2)
        ADDOP(c, loc, POP_TOP)
        USE_LABEL(c, end)


def _const_type_name(v: object) -> str:
    """pyvm: ``Py_TYPE(v)->tp_name`` of a host constant."""
    if v is None:
        return "NoneType"
    if v is Ellipsis:
        return "ellipsis"
    return type(v).__name__


def infer_type(e: ast.expr) -> Optional[str]:
    """CPython: Python/codegen.c:infer_type

    pyvm: returns the type's ``tp_name`` (all the callers use) or None.
    """
    if isinstance(e, ast.Tuple):
        return "tuple"
    if isinstance(e, (ast.List, ast.ListComp)):
        return "list"
    if isinstance(e, (ast.Dict, ast.DictComp)):
        return "dict"
    if isinstance(e, (ast.Set, ast.SetComp)):
        return "set"
    if isinstance(e, ast.GeneratorExp):
        return "generator"
    if isinstance(e, ast.Lambda):
        return "function"
    if isinstance(e, (ast.TemplateStr, ast.Interpolation)):
        return "string.templatelib.Template"
    if isinstance(e, (ast.JoinedStr, ast.FormattedValue)):
        return "str"
    if isinstance(e, ast.Constant):
        return _const_type_name(e.value)
    return None


def check_caller(c: compiler, e: ast.expr) -> None:
    """CPython: Python/codegen.c:check_caller"""
    if isinstance(e, (ast.Constant, ast.Tuple, ast.List, ast.ListComp, ast.Dict, ast.DictComp,
                      ast.Set, ast.SetComp, ast.GeneratorExp, ast.JoinedStr, ast.TemplateStr,
                      ast.FormattedValue, ast.Interpolation)):
        _PyCompile_Warn(c, LOC(e), f"'{infer_type(e)}' object is not callable; "
                        "perhaps you missed a comma?")


def check_subscripter(c: compiler, e: ast.expr) -> None:
    """CPython: Python/codegen.c:check_subscripter"""
    if isinstance(e, ast.Constant):
        v = e.value
        if not (v is None or v is Ellipsis or isinstance(v, (int, float, complex, frozenset))):
            return
    elif not isinstance(e, (ast.Set, ast.SetComp, ast.GeneratorExp, ast.TemplateStr,
                            ast.Interpolation, ast.Lambda)):
        return
    _PyCompile_Warn(c, LOC(e), f"'{infer_type(e)}' object is not subscriptable; "
                    "perhaps you missed a comma?")


def check_index(c: compiler, e: ast.expr, s: ast.expr) -> None:
    """CPython: Python/codegen.c:check_index"""
    if isinstance(s, ast.Constant) and isinstance(s.value, int):
        return  # int and bool: Py_TPFLAGS_LONG_SUBCLASS
    index_type = infer_type(s)
    if index_type is None or index_type == "slice":
        return
    if isinstance(e, ast.Constant):
        v = e.value
        if not isinstance(v, (str, bytes, tuple)):
            return
    elif not isinstance(e, (ast.Tuple, ast.List, ast.ListComp, ast.JoinedStr,
                            ast.FormattedValue)):
        return
    _PyCompile_Warn(c, LOC(e), f"{infer_type(e)} indices must be integers or slices, "
                    f"not {index_type}; perhaps you missed a comma?")


def is_import_originated(c: compiler, e: ast.expr) -> bool:
    """CPython: Python/codegen.c:is_import_originated

    Whether the module scope has an import named ``e`` (a Name); only the
    global scope is checked.
    """
    if not isinstance(e, ast.Name):
        return False
    top = _PyCompile_Symtable(c).st_top
    assert top is not None
    flags = _PyST_GetSymbol(top, e.id)
    return bool(flags & DEF_IMPORT)


def can_optimize_super_call(c: compiler, attr: ast.Attribute) -> bool:
    """CPython: Python/codegen.c:can_optimize_super_call

    ``super().attr`` / ``super(C, self).attr`` compile to LOAD_SUPER_ATTR when
    ``super`` is the builtin (not visibly shadowed) and, for the zero-argument
    form, the function has a first argument and a ``__class__`` cell.
    """
    e = attr.value
    if not isinstance(e, ast.Call):
        return False
    func = e.func
    if (not isinstance(func, ast.Name) or func.id != "super" or attr.attr == "__class__"
            or len(e.keywords) != 0):
        return False
    num_args = len(e.args)
    super_name = func.id
    # detect statically-visible shadowing of 'super' name
    scope = _PyST_GetScope(_PyCompile_SymtableEntry(c), super_name)
    if scope != GLOBAL_IMPLICIT:
        return False
    top = _PyCompile_Symtable(c).st_top
    assert top is not None
    scope = _PyST_GetScope(top, super_name)
    if scope != 0:
        return False
    if num_args == 2:
        for elt in e.args:
            if isinstance(elt, ast.Starred):
                return False
        # exactly two non-starred args; we can just load the provided args
        return True
    if num_args != 0:
        return False
    # zero-arg super(): the enclosing function has at least one argument...
    md = _PyCompile_Metadata(c)
    if md.u_argcount == 0 and md.u_posonlyargcount == 0:
        return False
    # ... and the __class__ cell is available.
    if _PyCompile_GetRefType(c, "__class__") == FREE:
        return True
    return False


def load_args_for_super(c: compiler, e: ast.Call) -> None:
    """CPython: Python/codegen.c:load_args_for_super"""
    loc = LOC(e)
    # load super() global
    func = e.func
    assert isinstance(func, ast.Name)
    codegen_nameop(c, LOC(func), func.id, Load)
    if len(e.args) == 2:
        codegen_visit_expr(c, e.args[0])
        codegen_visit_expr(c, e.args[1])
        return
    # load __class__ cell
    assert _PyCompile_GetRefType(c, "__class__") == FREE
    codegen_nameop(c, loc, "__class__", Load)
    # load self (first argument)
    first = next(iter(_PyCompile_Metadata(c).u_varnames))
    codegen_nameop(c, loc, first, Load)


def update_start_location_to_match_attr(c: compiler, loc: Location, attr: ast.Attribute) -> Location:
    """CPython: Python/codegen.c:update_start_location_to_match_attr

    If an attribute access spans several lines, the start of the location
    moves to the attribute name.
    """
    a_end_lineno = attr.end_lineno if attr.end_lineno is not None else attr.lineno
    a_end_col = attr.end_col_offset if attr.end_col_offset is not None else attr.col_offset
    lineno = loc.lineno
    end_lineno = loc.end_lineno
    col_offset = loc.col_offset
    end_col_offset = loc.end_col_offset
    if lineno != a_end_lineno:
        lineno = a_end_lineno
        n = len(attr.attr)
        if n <= a_end_col:
            col_offset = a_end_col - n
        else:
            # GH-94694: somebody's compiling weird ASTs; drop the columns.
            col_offset = -1
            end_col_offset = -1
        # The end position still follows the start position, even for weird ASTs.
        end_lineno = max(lineno, end_lineno)
        if lineno == end_lineno:
            end_col_offset = max(col_offset, end_col_offset)
    return Location(lineno, end_lineno, col_offset, end_col_offset)


def maybe_optimize_function_call(c: compiler, e: ast.Call, end: _PyJumpTargetLabel) -> bool:
    """CPython: Python/codegen.c:maybe_optimize_function_call

    ``all(genexp)``, ``any(genexp)`` and ``tuple(genexp)`` get an inline loop,
    taken when the callee is the builtin at run time.
    """
    args = e.args
    kwds = e.keywords
    func = e.func
    if not (isinstance(func, ast.Name) and len(args) == 1 and len(kwds) == 0
            and isinstance(args[0], ast.GeneratorExp)):
        return False
    generator_exp = args[0]
    generator_entry = _PySymtable_Lookup(_PyCompile_Symtable(c), generator_exp)
    if generator_entry.ste_coroutine:
        return False
    loc = LOC(func)
    optimized = False
    skip_optimization = NEW_JUMP_TARGET_LABEL(c)
    const_oparg = -1
    initial_res = False
    continue_jump_opcode = -1
    if func.id == "all":
        const_oparg = CONSTANT_BUILTIN_ALL
        initial_res = True
        continue_jump_opcode = POP_JUMP_IF_TRUE
    elif func.id == "any":
        const_oparg = CONSTANT_BUILTIN_ANY
        initial_res = False
        continue_jump_opcode = POP_JUMP_IF_FALSE
    elif func.id == "tuple":
        const_oparg = CONSTANT_BUILTIN_TUPLE
    if const_oparg != -1:
        ADDOP_I(c, loc, COPY, 1)  # the function
        ADDOP_I(c, loc, LOAD_COMMON_CONSTANT, const_oparg)
        codegen_addcompare(c, loc, ast.Is())
        ADDOP_JUMP(c, loc, POP_JUMP_IF_FALSE, skip_optimization)
        ADDOP(c, loc, POP_TOP)
        if const_oparg == CONSTANT_BUILTIN_TUPLE:
            ADDOP_I(c, loc, BUILD_LIST, 0)
        codegen_visit_expr(c, generator_exp)
        loop = NEW_JUMP_TARGET_LABEL(c)
        cleanup = NEW_JUMP_TARGET_LABEL(c)
        USE_LABEL(c, loop)
        ADDOP_JUMP(c, loc, FOR_ITER, cleanup)
        if const_oparg == CONSTANT_BUILTIN_TUPLE:
            ADDOP_I(c, loc, LIST_APPEND, 2)
            ADDOP_JUMP(c, loc, JUMP, loop)
        else:
            ADDOP(c, loc, TO_BOOL)
            ADDOP_JUMP(c, loc, continue_jump_opcode, loop)
        ADDOP(c, NO_LOCATION, POP_ITER)
        if const_oparg != CONSTANT_BUILTIN_TUPLE:
            ADDOP_LOAD_CONST(c, loc, False if initial_res else True)
        ADDOP_JUMP(c, loc, JUMP, end)
        USE_LABEL(c, cleanup)
        ADDOP(c, NO_LOCATION, END_FOR)
        ADDOP(c, NO_LOCATION, POP_ITER)
        if const_oparg == CONSTANT_BUILTIN_TUPLE:
            ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE)
        else:
            ADDOP_LOAD_CONST(c, loc, initial_res)
        optimized = True
        ADDOP_JUMP(c, loc, JUMP, end)
    USE_LABEL(c, skip_optimization)
    return optimized


def maybe_optimize_method_call(c: compiler, e: ast.Call) -> bool:
    """CPython: Python/codegen.c:maybe_optimize_method_call

    ``obj.meth(args)`` loads the method with LOAD_ATTR's method bit (or
    LOAD_SUPER_ATTR for ``super().meth``) and calls it without building a
    bound method. Returns True if the call was compiled this way.
    """
    meth = e.func
    args = e.args
    kwds = e.keywords
    # Check that the call node is an attribute access.
    if not isinstance(meth, ast.Attribute) or _ctx(meth.ctx) != Load:
        return False
    # Check that the base object is not something that is imported.
    if is_import_originated(c, meth.value):
        return False
    # Check that there aren't too many arguments.
    argsl = len(args)
    kwdsl = len(kwds)
    if argsl + kwdsl + (1 if kwdsl != 0 else 0) >= _PY_STACK_USE_GUIDELINE:
        return False
    # Check that there are no *varargs types of arguments.
    for elt in args:
        if isinstance(elt, ast.Starred):
            return False
    for kw in kwds:
        if kw.arg is None:
            return False
    # Alright, we can optimize the code.
    loc = LOC(meth)
    if can_optimize_super_call(c, meth):
        sup = meth.value
        assert isinstance(sup, ast.Call)
        load_args_for_super(c, sup)
        opcode = LOAD_SUPER_METHOD if len(sup.args) else LOAD_ZERO_SUPER_METHOD
        ADDOP_NAME_names(c, loc, opcode, meth.attr)
        loc = update_start_location_to_match_attr(c, loc, meth)
        ADDOP(c, loc, NOP)
    else:
        codegen_visit_expr(c, meth.value)
        loc = update_start_location_to_match_attr(c, loc, meth)
        ADDOP_NAME_names(c, loc, LOAD_METHOD, meth.attr)
    VISIT_SEQ_expr(c, e.args)
    if kwdsl:
        for kw in kwds:
            codegen_visit_keyword(c, kw)
        codegen_call_simple_kw_helper(c, loc, kwds, kwdsl)
        loc = update_start_location_to_match_attr(c, LOC(e), meth)
        ADDOP_I(c, loc, CALL_KW, argsl + kwdsl)
    else:
        loc = update_start_location_to_match_attr(c, LOC(e), meth)
        ADDOP_I(c, loc, CALL, argsl)
    return True


def codegen_validate_keywords(c: compiler, keywords: list[ast.keyword]) -> None:
    """CPython: Python/codegen.c:codegen_validate_keywords"""
    nkeywords = len(keywords)
    for i in range(nkeywords):
        key = keywords[i]
        if key.arg is None:
            continue
        for j in range(i + 1, nkeywords):
            other = keywords[j]
            if other.arg is not None and other.arg == key.arg:
                _PyCompile_Error(c, LOC(other), f"keyword argument repeated: {key.arg}")


def codegen_call(c: compiler, e: ast.Call) -> None:
    """CPython: Python/codegen.c:codegen_call"""
    codegen_validate_keywords(c, e.keywords)
    if maybe_optimize_method_call(c, e):
        return
    skip_normal_call = NEW_JUMP_TARGET_LABEL(c)
    check_caller(c, e.func)
    codegen_visit_expr(c, e.func)
    maybe_optimize_function_call(c, e, skip_normal_call)
    ADDOP(c, LOC(e.func), PUSH_NULL)
    codegen_call_helper(c, LOC(e), 0, e.args, e.keywords)
    USE_LABEL(c, skip_normal_call)


def codegen_template_str(c: compiler, e: ast.TemplateStr) -> None:
    """CPython: Python/codegen.c:codegen_template_str"""
    loc = LOC(e)
    values = e.values
    last_was_interpolation = True
    stringslen = 0
    for value in values:
        if isinstance(value, ast.Interpolation):
            if last_was_interpolation:
                ADDOP_LOAD_CONST(c, loc, "")
                stringslen += 1
            last_was_interpolation = True
        else:
            codegen_visit_expr(c, value)
            stringslen += 1
            last_was_interpolation = False
    if last_was_interpolation:
        ADDOP_LOAD_CONST(c, loc, "")
        stringslen += 1
    ADDOP_I(c, loc, BUILD_TUPLE, stringslen)
    interpolationslen = 0
    for value in values:
        if isinstance(value, ast.Interpolation):
            codegen_visit_expr(c, value)
            interpolationslen += 1
    ADDOP_I(c, loc, BUILD_TUPLE, interpolationslen)
    ADDOP(c, loc, BUILD_TEMPLATE)


def codegen_joined_str(c: compiler, e: ast.JoinedStr) -> None:
    """CPython: Python/codegen.c:codegen_joined_str"""
    loc = LOC(e)
    value_count = len(e.values)
    if value_count > _PY_STACK_USE_GUIDELINE:
        ADDOP_LOAD_CONST(c, loc, "")
        ADDOP_NAME_names(c, loc, LOAD_METHOD, "join")
        ADDOP_I(c, loc, BUILD_LIST, 0)
        for v in e.values:
            codegen_visit_expr(c, v)
            ADDOP_I(c, loc, LIST_APPEND, 1)
        ADDOP_I(c, loc, CALL, 1)
    else:
        VISIT_SEQ_expr(c, e.values)
        if value_count > 1:
            ADDOP_I(c, loc, BUILD_STRING, value_count)
        elif value_count == 0:
            ADDOP_LOAD_CONST(c, loc, "")


def _conversion_oparg(conversion: int) -> int:
    """pyvm: the FVC_* value of an f-string conversion character."""
    if conversion == ord("s"):
        return FVC_STR
    if conversion == ord("r"):
        return FVC_REPR
    if conversion == ord("a"):
        return FVC_ASCII
    _raise_system_error(f"Unrecognized conversion character {conversion}")


def codegen_interpolation(c: compiler, e: ast.Interpolation) -> None:
    """CPython: Python/codegen.c:codegen_interpolation"""
    loc = LOC(e)
    codegen_visit_expr(c, e.value)
    ADDOP_LOAD_CONST(c, loc, e.str)
    oparg = 2
    fs = e.format_spec
    if fs is not None:
        oparg += 1
        codegen_visit_expr(c, fs)
    conversion = e.conversion
    if conversion != -1:
        oparg |= _conversion_oparg(conversion) << 2
    ADDOP_I(c, loc, BUILD_INTERPOLATION, oparg)


def codegen_formatted_value(c: compiler, e: ast.FormattedValue) -> None:
    """CPython: Python/codegen.c:codegen_formatted_value

    One replacement field of an f-string: the value, an optional conversion
    (CONVERT_VALUE) and FORMAT_SIMPLE or FORMAT_WITH_SPEC.
    """
    conversion = e.conversion
    codegen_visit_expr(c, e.value)
    loc = LOC(e)
    if conversion != -1:
        ADDOP_I(c, loc, CONVERT_VALUE, _conversion_oparg(conversion))
    fs = e.format_spec
    if fs is not None:
        codegen_visit_expr(c, fs)
        ADDOP(c, loc, FORMAT_WITH_SPEC)
    else:
        ADDOP(c, loc, FORMAT_SIMPLE)


def codegen_subkwargs(c: compiler, loc: Location, keywords: list[ast.keyword],
                      begin: int, end: int) -> None:
    """CPython: Python/codegen.c:codegen_subkwargs"""
    n = end - begin
    assert n > 0
    big = n * 2 > _PY_STACK_USE_GUIDELINE
    if big:
        ADDOP_I(c, NO_LOCATION, BUILD_MAP, 0)
    for i in range(begin, end):
        kw = keywords[i]
        ADDOP_LOAD_CONST(c, loc, kw.arg)
        codegen_visit_expr(c, kw.value)
        if big:
            ADDOP_I(c, NO_LOCATION, MAP_ADD, 1)
    if not big:
        ADDOP_I(c, loc, BUILD_MAP, n)


def codegen_call_simple_kw_helper(c: compiler, loc: Location, keywords: list[ast.keyword],
                                  nkwelts: int) -> None:
    """CPython: Python/codegen.c:codegen_call_simple_kw_helper

    Loads the tuple of keyword names that CALL_KW takes.
    """
    names: list[object] = []
    for i in range(nkwelts):
        names.append(keywords[i].arg)
    ADDOP_LOAD_CONST(c, loc, tuple(names))


def codegen_call_helper_impl(c: compiler, loc: Location, n: int, args: list[ast.expr],
                             injected_arg: Optional[str], keywords: list[ast.keyword]) -> None:
    """CPython: Python/codegen.c:codegen_call_helper_impl

    The arguments of a call (``n`` already pushed): CALL / CALL_KW when there
    is no ``*``/``**`` and not too many, else CALL_FUNCTION_EX with a tuple
    and an optional dict.
    """
    codegen_validate_keywords(c, keywords)
    nelts = len(args)
    nkwelts = len(keywords)
    ex_call = nelts + nkwelts * 2 > _PY_STACK_USE_GUIDELINE
    if not ex_call:
        for elt in args:
            if isinstance(elt, ast.Starred):
                ex_call = True
                break
    if not ex_call:
        for kw in keywords:
            if kw.arg is None:
                ex_call = True
                break
    if not ex_call:
        # No * or ** args: the faster calling sequence.
        for elt in args:
            codegen_visit_expr(c, elt)
        if injected_arg is not None:
            codegen_nameop(c, loc, injected_arg, Load)
            nelts += 1
        if nkwelts:
            for kw in keywords:
                codegen_visit_keyword(c, kw)
            codegen_call_simple_kw_helper(c, loc, keywords, nkwelts)
            ADDOP_I(c, loc, CALL_KW, n + nelts + nkwelts)
        else:
            ADDOP_I(c, loc, CALL, n + nelts)
        return
    # Do positional arguments.
    a0 = args[0] if nelts == 1 else None
    if n == 0 and nelts == 1 and isinstance(a0, ast.Starred):
        codegen_visit_expr(c, a0.value)
    else:
        starunpack_helper_impl(c, loc, args, injected_arg, n, BUILD_LIST, LIST_APPEND,
                               LIST_EXTEND, 1)
    # Then keyword arguments.
    if nkwelts:
        have_dict = False
        nseen = 0  # the number of keyword arguments on the stack following
        for i in range(nkwelts):
            kw = keywords[i]
            if kw.arg is None:
                # A keyword argument unpacking.
                if nseen:
                    codegen_subkwargs(c, loc, keywords, i - nseen, i)
                    if have_dict:
                        ADDOP_I(c, loc, DICT_MERGE, 1)
                    have_dict = True
                    nseen = 0
                if not have_dict:
                    ADDOP_I(c, loc, BUILD_MAP, 0)
                    have_dict = True
                codegen_visit_expr(c, kw.value)
                ADDOP_I(c, loc, DICT_MERGE, 1)
            else:
                nseen += 1
        if nseen:
            # Pack up any trailing keyword arguments.
            codegen_subkwargs(c, loc, keywords, nkwelts - nseen, nkwelts)
            if have_dict:
                ADDOP_I(c, loc, DICT_MERGE, 1)
            have_dict = True
        assert have_dict
    if nkwelts == 0:
        ADDOP(c, loc, PUSH_NULL)
    ADDOP(c, loc, CALL_FUNCTION_EX)


def codegen_call_helper(c: compiler, loc: Location, n: int, args: list[ast.expr],
                        keywords: list[ast.keyword]) -> None:
    """CPython: Python/codegen.c:codegen_call_helper"""
    codegen_call_helper_impl(c, loc, n, args, None, keywords)


def codegen_comprehension_generator(c: compiler, loc: Location,
                                    generators: list[ast.comprehension], gen_index: int,
                                    depth: int, elt: ast.expr, val: Optional[ast.expr],
                                    type: int, iter_on_stack: int) -> None:
    """CPython: Python/codegen.c:codegen_comprehension_generator"""
    gen = generators[gen_index]
    if gen.is_async:
        codegen_async_comprehension_generator(c, loc, generators, gen_index, depth, elt, val,
                                              type, iter_on_stack)
    else:
        codegen_sync_comprehension_generator(c, loc, generators, gen_index, depth, elt, val,
                                             type, iter_on_stack)


def _comprehension_element(c: compiler, elt: ast.expr, val: Optional[ast.expr], type: int,
                           depth: int) -> Location:
    """pyvm: the comprehension-specific code after the last ``for`` (shared by
    the sync and async generators in C by copy); returns the element location."""
    elt_loc = LOC(elt)
    if type == COMP_GENEXP:
        codegen_visit_expr(c, elt)
        codegen_addop_yield(c, elt_loc)
        ADDOP(c, elt_loc, POP_TOP)
    elif type == COMP_LISTCOMP:
        codegen_visit_expr(c, elt)
        ADDOP_I(c, elt_loc, LIST_APPEND, depth + 1)
    elif type == COMP_SETCOMP:
        codegen_visit_expr(c, elt)
        ADDOP_I(c, elt_loc, SET_ADD, depth + 1)
    elif type == COMP_DICTCOMP:
        # With '{k: v}', k is evaluated before v, so we do the same.
        assert val is not None
        codegen_visit_expr(c, elt)
        codegen_visit_expr(c, val)
        elt_loc = LOCATION(elt.lineno,
                           val.end_lineno if val.end_lineno is not None else val.lineno,
                           elt.col_offset,
                           val.end_col_offset if val.end_col_offset is not None
                           else val.col_offset)
        ADDOP_I(c, elt_loc, MAP_ADD, depth + 1)
    else:
        raise AssertionError("bad comprehension type")
    return elt_loc


def codegen_sync_comprehension_generator(c: compiler, loc: Location,
                                         generators: list[ast.comprehension], gen_index: int,
                                         depth: int, elt: ast.expr, val: Optional[ast.expr],
                                         type: int, iter_on_stack: int) -> None:
    """CPython: Python/codegen.c:codegen_sync_comprehension_generator

    The iterator, then each of the ifs, then the element.
    """
    start: _PyJumpTargetLabel = NEW_JUMP_TARGET_LABEL(c)
    if_cleanup = NEW_JUMP_TARGET_LABEL(c)
    anchor = NEW_JUMP_TARGET_LABEL(c)
    gen = generators[gen_index]
    has_start = True
    if not iter_on_stack:
        if gen_index == 0:
            assert _PyCompile_Metadata(c).u_argcount == 1
            ADDOP_I(c, loc, LOAD_FAST, 0)
        else:
            # Sub-iter, calculated on the fly. Fast path for the temporary
            # variable assignment idiom: for y in [f(x)]
            it = gen.iter
            elts: Optional[list[ast.expr]] = None
            if isinstance(it, ast.List):
                elts = it.elts
            elif isinstance(it, ast.Tuple):
                elts = it.elts
            if elts is not None and len(elts) == 1:
                elt0 = elts[0]
                if not isinstance(elt0, ast.Starred):
                    codegen_visit_expr(c, elt0)
                    has_start = False
            if has_start:
                codegen_visit_expr(c, gen.iter)
                ADDOP(c, LOC(gen.iter), GET_ITER)
    if has_start:
        depth += 1
        USE_LABEL(c, start)
        ADDOP_JUMP(c, LOC(gen.iter), FOR_ITER, anchor)
    codegen_visit_expr(c, gen.target)
    for e in gen.ifs:
        codegen_jump_if(c, loc, e, if_cleanup, 0)
    gen_index += 1
    if gen_index < len(generators):
        codegen_comprehension_generator(c, loc, generators, gen_index, depth, elt, val, type, 0)
    elt_loc = LOC(elt)
    # only append after the last for generator
    if gen_index >= len(generators):
        elt_loc = _comprehension_element(c, elt, val, type, depth)
    USE_LABEL(c, if_cleanup)
    if has_start:
        ADDOP_JUMP(c, elt_loc, JUMP, start)
        USE_LABEL(c, anchor)
        # END_FOR comes first (see codegen_for).
        ADDOP(c, NO_LOCATION, END_FOR)
        ADDOP(c, NO_LOCATION, POP_ITER)


def codegen_async_comprehension_generator(c: compiler, loc: Location,
                                          generators: list[ast.comprehension], gen_index: int,
                                          depth: int, elt: ast.expr, val: Optional[ast.expr],
                                          type: int, iter_on_stack: int) -> None:
    """CPython: Python/codegen.c:codegen_async_comprehension_generator"""
    start = NEW_JUMP_TARGET_LABEL(c)
    send = NEW_JUMP_TARGET_LABEL(c)
    except_ = NEW_JUMP_TARGET_LABEL(c)
    if_cleanup = NEW_JUMP_TARGET_LABEL(c)
    gen = generators[gen_index]
    if not iter_on_stack:
        if gen_index == 0:
            assert _PyCompile_Metadata(c).u_argcount == 1
            ADDOP_I(c, loc, LOAD_FAST, 0)
        else:
            # Sub-iter - calculate on the fly
            codegen_visit_expr(c, gen.iter)
            ADDOP(c, LOC(gen.iter), GET_AITER)
    USE_LABEL(c, start)
    # The runtime pushes a block here: account for it.
    _PyCompile_PushFBlock(c, loc, COMPILE_FBLOCK_ASYNC_COMPREHENSION_GENERATOR, start,
                          NO_LABEL, None)
    ADDOP_JUMP(c, loc, SETUP_FINALLY, except_)
    ADDOP(c, loc, GET_ANEXT)
    ADDOP_LOAD_CONST(c, loc, None)
    USE_LABEL(c, send)
    codegen_add_yield_from(c, loc, 1)
    ADDOP(c, loc, POP_BLOCK)
    codegen_visit_expr(c, gen.target)
    for e in gen.ifs:
        codegen_jump_if(c, loc, e, if_cleanup, 0)
    depth += 1
    gen_index += 1
    if gen_index < len(generators):
        codegen_comprehension_generator(c, loc, generators, gen_index, depth, elt, val, type, 0)
    elt_loc = LOC(elt)
    # only append after the last for generator
    if gen_index >= len(generators):
        elt_loc = _comprehension_element(c, elt, val, type, depth)
    USE_LABEL(c, if_cleanup)
    ADDOP_JUMP(c, elt_loc, JUMP, start)
    _PyCompile_PopFBlock(c, COMPILE_FBLOCK_ASYNC_COMPREHENSION_GENERATOR, start)
    USE_LABEL(c, except_)
    ADDOP_JUMP(c, loc, END_ASYNC_FOR, send)


def codegen_push_inlined_comprehension_locals(c: compiler, loc: Location,
                                              comp: PySTEntryObject,
                                              state: _PyCompile_InlinedComprehensionState) -> None:
    """CPython: Python/codegen.c:codegen_push_inlined_comprehension_locals

    Names bound in an inlined comprehension are isolated from the outer
    scope: their outer values are pushed (LOAD_FAST_AND_CLEAR, which may push
    NULL) and restored afterwards.
    """
    outer = _PyCompile_SymtableEntry(c)
    in_class_block = outer.ste_type == ClassBlock and not _PyCompile_IsInInlinedComp(c)
    md = _PyCompile_Metadata(c)
    for k, symbol in list(comp.ste_symbols.items()):
        scope = SYMBOL_TO_SCOPE(symbol)
        outsymbol = _PyST_GetSymbol(outer, k)
        outsc = SYMBOL_TO_SCOPE(outsymbol)
        if (symbol & DEF_LOCAL and not (symbol & DEF_NONLOCAL)) or in_class_block:
            # Local names bound in the comprehension are isolated from the
            # outer scope: push the existing value (maybe NULL). For a cell
            # this pushes the cell itself; a new one is made for the
            # comprehension and the original restored after it.
            if state.pushed_locals is None:
                state.pushed_locals = []
            codegen_addop_name(c, loc, LOAD_FAST_AND_CLEAR, md.u_varnames, k)
            if scope == CELL:
                if outsc == FREE:
                    codegen_addop_name(c, loc, MAKE_CELL, md.u_freevars, k)
                else:
                    codegen_addop_name(c, loc, MAKE_CELL, md.u_cellvars, k)
            state.pushed_locals.append(k)
    if state.pushed_locals is not None:
        # The outermost iterable is already on the stack: swap it back to TOS.
        # This rotates pushed_locals on the stack; the swap in
        # pop_inlined_comprehension_state reverses it.
        ADDOP_I(c, loc, SWAP, len(state.pushed_locals) + 1)
        # Our own cleanup handler restores the comprehension locals on an
        # exception, so they are right inside an except or finally block.
        cleanup = NEW_JUMP_TARGET_LABEL(c)
        state.cleanup = cleanup
        # No fblock for this "virtual" try/finally: there can't be
        # return/continue/break inside a comprehension.
        ADDOP_JUMP(c, loc, SETUP_FINALLY, cleanup)


def push_inlined_comprehension_state(c: compiler, loc: Location, comp: PySTEntryObject,
                                     state: _PyCompile_InlinedComprehensionState) -> None:
    """CPython: Python/codegen.c:push_inlined_comprehension_state"""
    _PyCompile_TweakInlinedComprehensionScopes(c, loc, comp, state)
    codegen_push_inlined_comprehension_locals(c, loc, comp, state)


def restore_inlined_comprehension_locals(c: compiler, loc: Location,
                                         state: _PyCompile_InlinedComprehensionState) -> None:
    """CPython: Python/codegen.c:restore_inlined_comprehension_locals"""
    pushed = state.pushed_locals
    assert pushed is not None
    npops = len(pushed)
    # Keep the comprehension result (or exception) on top; this reverses the
    # SWAP of push_inlined_comprehension_state.
    ADDOP_I(c, loc, SWAP, npops + 1)
    for i in range(npops - 1, -1, -1):
        codegen_addop_name(c, loc, STORE_FAST_MAYBE_NULL, _PyCompile_Metadata(c).u_varnames,
                           pushed[i])


def codegen_pop_inlined_comprehension_locals(c: compiler, loc: Location,
                                             state: _PyCompile_InlinedComprehensionState) -> None:
    """CPython: Python/codegen.c:codegen_pop_inlined_comprehension_locals"""
    if state.pushed_locals is not None:
        ADDOP(c, NO_LOCATION, POP_BLOCK)
        end = NEW_JUMP_TARGET_LABEL(c)
        ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, end)
        # cleanup from an exception inside the comprehension
        USE_LABEL(c, state.cleanup)
        # discard incomplete comprehension result (beneath exc on stack)
        ADDOP_I(c, NO_LOCATION, SWAP, 2)
        ADDOP(c, NO_LOCATION, POP_TOP)
        restore_inlined_comprehension_locals(c, loc, state)
        ADDOP_I(c, NO_LOCATION, RERAISE, 0)
        USE_LABEL(c, end)
        restore_inlined_comprehension_locals(c, loc, state)
        state.pushed_locals = None


def pop_inlined_comprehension_state(c: compiler, loc: Location,
                                    state: _PyCompile_InlinedComprehensionState) -> None:
    """CPython: Python/codegen.c:pop_inlined_comprehension_state"""
    codegen_pop_inlined_comprehension_locals(c, loc, state)
    _PyCompile_RevertInlinedComprehensionScopes(c, loc, state)


def codegen_comprehension_iter(c: compiler, comp: ast.comprehension) -> None:
    """CPython: Python/codegen.c:codegen_comprehension_iter"""
    codegen_visit_expr(c, comp.iter)
    if comp.is_async:
        ADDOP(c, LOC(comp.iter), GET_AITER)
    else:
        ADDOP(c, LOC(comp.iter), GET_ITER)


def codegen_comprehension(c: compiler, e: ast.expr, type: int, name: str,
                          generators: list[ast.comprehension], elt: ast.expr,
                          val: Optional[ast.expr]) -> None:
    """CPython: Python/codegen.c:codegen_comprehension

    List, set and dict comprehensions are inlined where they stand (PEP 709):
    the names they bind are isolated by pushing the outer values on the
    stack. Generator expressions (and comprehensions the symbol table could
    not inline) become a nested function called at once with the outermost
    iterator as its only argument.
    """
    entry = _PySymtable_Lookup(_PyCompile_Symtable(c), e)
    is_inlined = bool(entry.ste_comp_inlined)
    is_async_comprehension = bool(entry.ste_coroutine)
    loc = LOC(e)
    outermost = generators[0]
    inline_state = _PyCompile_InlinedComprehensionState(NO_LABEL)
    if is_inlined:
        codegen_comprehension_iter(c, outermost)
        push_inlined_comprehension_state(c, loc, entry, inline_state)
    else:
        # Receive outermost iter as an implicit argument.
        umd = _PyCompile_CodeUnitMetadata(1)
        codegen_enter_scope(c, name, COMPILE_SCOPE_COMPREHENSION, e, e.lineno, None, umd)
    if type != COMP_GENEXP:
        if type == COMP_LISTCOMP:
            op = BUILD_LIST
        elif type == COMP_SETCOMP:
            op = BUILD_SET
        else:
            assert type == COMP_DICTCOMP
            op = BUILD_MAP
        ADDOP_I(c, loc, op, 0)
        if is_inlined:
            ADDOP_I(c, loc, SWAP, 2)
    codegen_comprehension_generator(c, loc, generators, 0, 0, elt, val, type,
                                    1 if is_inlined else 0)
    if is_inlined:
        pop_inlined_comprehension_state(c, loc, inline_state)
        return
    if type != COMP_GENEXP:
        ADDOP(c, LOC(e), RETURN_VALUE)
    if type == COMP_GENEXP:
        codegen_wrap_in_stopiteration_handler(c)
    co = _PyCompile_OptimizeAndAssemble(c, True)
    _PyCompile_ExitScope(c)
    loc = LOC(e)
    codegen_make_closure(c, loc, co, 0)
    codegen_comprehension_iter(c, outermost)
    ADDOP_I(c, loc, CALL, 0)
    if is_async_comprehension and type != COMP_GENEXP:
        ADDOP_I(c, loc, GET_AWAITABLE, 0)
        ADDOP_LOAD_CONST(c, loc, None)
        codegen_add_yield_from(c, loc, 1)


def codegen_genexp(c: compiler, e: ast.GeneratorExp) -> None:
    """CPython: Python/codegen.c:codegen_genexp"""
    codegen_comprehension(c, e, COMP_GENEXP, "<genexpr>", e.generators, e.elt, None)


def codegen_listcomp(c: compiler, e: ast.ListComp) -> None:
    """CPython: Python/codegen.c:codegen_listcomp"""
    codegen_comprehension(c, e, COMP_LISTCOMP, "<listcomp>", e.generators, e.elt, None)


def codegen_setcomp(c: compiler, e: ast.SetComp) -> None:
    """CPython: Python/codegen.c:codegen_setcomp"""
    codegen_comprehension(c, e, COMP_SETCOMP, "<setcomp>", e.generators, e.elt, None)


def codegen_dictcomp(c: compiler, e: ast.DictComp) -> None:
    """CPython: Python/codegen.c:codegen_dictcomp"""
    codegen_comprehension(c, e, COMP_DICTCOMP, "<dictcomp>", e.generators, e.key, e.value)


def codegen_visit_keyword(c: compiler, k: ast.keyword) -> None:
    """CPython: Python/codegen.c:codegen_visit_keyword"""
    codegen_visit_expr(c, k.value)


def codegen_with_except_finish(c: compiler, cleanup: _PyJumpTargetLabel) -> None:
    """CPython: Python/codegen.c:codegen_with_except_finish"""
    suppress = NEW_JUMP_TARGET_LABEL(c)
    ADDOP(c, NO_LOCATION, TO_BOOL)
    ADDOP_JUMP(c, NO_LOCATION, POP_JUMP_IF_TRUE, suppress)
    ADDOP_I(c, NO_LOCATION, RERAISE, 2)
    USE_LABEL(c, suppress)
    ADDOP(c, NO_LOCATION, POP_TOP)  # exc_value
    ADDOP(c, NO_LOCATION, POP_BLOCK)
    ADDOP(c, NO_LOCATION, POP_EXCEPT)
    ADDOP(c, NO_LOCATION, POP_TOP)
    ADDOP(c, NO_LOCATION, POP_TOP)
    ADDOP(c, NO_LOCATION, POP_TOP)
    exit = NEW_JUMP_TARGET_LABEL(c)
    ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, exit)
    USE_LABEL(c, cleanup)
    codegen_pop_except_and_reraise(c, NO_LOCATION)
    USE_LABEL(c, exit)


def codegen_async_with_inner(c: compiler, s: ast.AsyncWith, pos: int) -> None:
    """CPython: Python/codegen.c:codegen_async_with_inner

    ``async with EXPR as VAR: BLOCK``: ``__aexit__`` is loaded first,
    ``await __aenter__()`` runs, and the block runs under SETUP_WITH; the
    exit is awaited on both the normal and the exceptional path.
    """
    item = s.items[pos]
    block = NEW_JUMP_TARGET_LABEL(c)
    final = NEW_JUMP_TARGET_LABEL(c)
    exit = NEW_JUMP_TARGET_LABEL(c)
    cleanup = NEW_JUMP_TARGET_LABEL(c)
    # Evaluate EXPR
    codegen_visit_expr(c, item.context_expr)
    loc = LOC(item.context_expr)
    ADDOP_I(c, loc, COPY, 1)
    ADDOP_I(c, loc, LOAD_SPECIAL, SPECIAL___AEXIT__)
    ADDOP_I(c, loc, SWAP, 2)
    ADDOP_I(c, loc, SWAP, 3)
    ADDOP_I(c, loc, LOAD_SPECIAL, SPECIAL___AENTER__)
    ADDOP_I(c, loc, CALL, 0)
    ADDOP_I(c, loc, GET_AWAITABLE, 1)
    ADDOP_LOAD_CONST(c, loc, None)
    codegen_add_yield_from(c, loc, 1)
    ADDOP_JUMP(c, loc, SETUP_WITH, final)
    # SETUP_WITH pushes a finally block.
    USE_LABEL(c, block)
    _PyCompile_PushFBlock(c, loc, COMPILE_FBLOCK_ASYNC_WITH, block, final, s)
    ov = item.optional_vars
    if ov is not None:
        codegen_visit_expr(c, ov)
    else:
        # Discard result from context.__aenter__()
        ADDOP(c, loc, POP_TOP)
    pos += 1
    if pos == len(s.items):
        VISIT_SEQ_stmt(c, s.body)
    else:
        codegen_async_with_inner(c, s, pos)
    _PyCompile_PopFBlock(c, COMPILE_FBLOCK_ASYNC_WITH, block)
    ADDOP(c, loc, POP_BLOCK)
    # End of body; start the cleanup. Successful outcome: __exit__(None, None, None).
    codegen_call_exit_with_nones(c, loc)
    ADDOP_I(c, loc, GET_AWAITABLE, 2)
    ADDOP_LOAD_CONST(c, loc, None)
    codegen_add_yield_from(c, loc, 1)
    ADDOP(c, loc, POP_TOP)
    ADDOP_JUMP(c, loc, JUMP, exit)
    # Exceptional outcome:
    USE_LABEL(c, final)
    ADDOP_JUMP(c, loc, SETUP_CLEANUP, cleanup)
    ADDOP(c, loc, PUSH_EXC_INFO)
    ADDOP(c, loc, WITH_EXCEPT_START)
    ADDOP_I(c, loc, GET_AWAITABLE, 2)
    ADDOP_LOAD_CONST(c, loc, None)
    codegen_add_yield_from(c, loc, 1)
    codegen_with_except_finish(c, cleanup)
    USE_LABEL(c, exit)


def codegen_async_with(c: compiler, s: ast.AsyncWith) -> None:
    """CPython: Python/codegen.c:codegen_async_with"""
    codegen_async_with_inner(c, s, 0)


def codegen_with_inner(c: compiler, s: ast.With, pos: int) -> None:
    """CPython: Python/codegen.c:codegen_with_inner

    PEP 343: ``with EXPR as VAR: BLOCK`` loads the bound ``__exit__``, calls
    ``__enter__``, runs the block under SETUP_WITH, then calls
    ``__exit__(None, None, None)``; on an exception WITH_EXCEPT_START calls it
    with the exception and the result decides whether to re-raise.
    """
    item = s.items[pos]
    block = NEW_JUMP_TARGET_LABEL(c)
    final = NEW_JUMP_TARGET_LABEL(c)
    exit = NEW_JUMP_TARGET_LABEL(c)
    cleanup = NEW_JUMP_TARGET_LABEL(c)
    # Evaluate EXPR
    codegen_visit_expr(c, item.context_expr)
    # Will push bound __exit__
    loc = LOC(item.context_expr)
    ADDOP_I(c, loc, COPY, 1)
    ADDOP_I(c, loc, LOAD_SPECIAL, SPECIAL___EXIT__)
    ADDOP_I(c, loc, SWAP, 2)
    ADDOP_I(c, loc, SWAP, 3)
    ADDOP_I(c, loc, LOAD_SPECIAL, SPECIAL___ENTER__)
    ADDOP_I(c, loc, CALL, 0)
    ADDOP_JUMP(c, loc, SETUP_WITH, final)
    # SETUP_WITH pushes a finally block.
    USE_LABEL(c, block)
    _PyCompile_PushFBlock(c, loc, COMPILE_FBLOCK_WITH, block, final, s)
    ov = item.optional_vars
    if ov is not None:
        codegen_visit_expr(c, ov)
    else:
        # Discard result from context.__enter__()
        ADDOP(c, loc, POP_TOP)
    pos += 1
    if pos == len(s.items):
        VISIT_SEQ_stmt(c, s.body)
    else:
        codegen_with_inner(c, s, pos)
    ADDOP(c, NO_LOCATION, POP_BLOCK)
    _PyCompile_PopFBlock(c, COMPILE_FBLOCK_WITH, block)
    # End of body; start the cleanup. Successful outcome: __exit__(None, None, None).
    codegen_call_exit_with_nones(c, loc)
    ADDOP(c, loc, POP_TOP)
    ADDOP_JUMP(c, loc, JUMP, exit)
    # Exceptional outcome:
    USE_LABEL(c, final)
    ADDOP_JUMP(c, loc, SETUP_CLEANUP, cleanup)
    ADDOP(c, loc, PUSH_EXC_INFO)
    ADDOP(c, loc, WITH_EXCEPT_START)
    codegen_with_except_finish(c, cleanup)
    USE_LABEL(c, exit)


def codegen_with(c: compiler, s: ast.With) -> None:
    """CPython: Python/codegen.c:codegen_with"""
    codegen_with_inner(c, s, 0)


def codegen_visit_expr(c: compiler, e: ast.expr) -> None:
    """CPython: Python/codegen.c:codegen_visit_expr

    The ``Py_EnterRecursiveCall(" during compilation")`` guard (a level of the
    C stack model) around the visit.
    """
    _Py_EnterRecursiveCall(" during compilation")
    try:
        _codegen_visit_expr_body(c, e)
    finally:
        _Py_LeaveRecursiveCall()


def _codegen_visit_expr_body(c: compiler, e: ast.expr) -> None:
    """pyvm: the body of ``codegen_visit_expr``, inside its recursion guard."""
    loc = LOC(e)
    if isinstance(e, ast.NamedExpr):
        codegen_visit_expr(c, e.value)
        ADDOP_I(c, loc, COPY, 1)
        codegen_visit_expr(c, e.target)
    elif isinstance(e, ast.BoolOp):
        codegen_boolop(c, e)
    elif isinstance(e, ast.BinOp):
        codegen_visit_expr(c, e.left)
        codegen_visit_expr(c, e.right)
        addop_binary(c, loc, e.op, False)
    elif isinstance(e, ast.UnaryOp):
        codegen_visit_expr(c, e.operand)
        if isinstance(e.op, ast.UAdd):
            ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_UNARY_POSITIVE)
        elif isinstance(e.op, ast.Not):
            ADDOP(c, loc, TO_BOOL)
            ADDOP(c, loc, UNARY_NOT)
        else:
            ADDOP(c, loc, unaryop(e.op))
    elif isinstance(e, ast.Lambda):
        codegen_lambda(c, e)
    elif isinstance(e, ast.IfExp):
        codegen_ifexp(c, e)
    elif isinstance(e, ast.Dict):
        codegen_dict(c, e)
    elif isinstance(e, ast.Set):
        codegen_set(c, e)
    elif isinstance(e, ast.GeneratorExp):
        codegen_genexp(c, e)
    elif isinstance(e, ast.ListComp):
        codegen_listcomp(c, e)
    elif isinstance(e, ast.SetComp):
        codegen_setcomp(c, e)
    elif isinstance(e, ast.DictComp):
        codegen_dictcomp(c, e)
    elif isinstance(e, ast.Yield):
        if not _PyST_IsFunctionLike(_PyCompile_SymtableEntry(c)):
            _PyCompile_Error(c, loc, "'yield' outside function")
        yv = e.value
        if yv is not None:
            codegen_visit_expr(c, yv)
        else:
            ADDOP_LOAD_CONST(c, loc, None)
        codegen_addop_yield(c, loc)
    elif isinstance(e, ast.YieldFrom):
        if not _PyST_IsFunctionLike(_PyCompile_SymtableEntry(c)):
            _PyCompile_Error(c, loc, "'yield from' outside function")
        if _PyCompile_ScopeType(c) == COMPILE_SCOPE_ASYNC_FUNCTION:
            _PyCompile_Error(c, loc, "'yield from' inside async function")
        codegen_visit_expr(c, e.value)
        ADDOP(c, loc, GET_YIELD_FROM_ITER)
        ADDOP_LOAD_CONST(c, loc, None)
        codegen_add_yield_from(c, loc, 0)
    elif isinstance(e, ast.Await):
        codegen_visit_expr(c, e.value)
        ADDOP_I(c, loc, GET_AWAITABLE, 0)
        ADDOP_LOAD_CONST(c, loc, None)
        codegen_add_yield_from(c, loc, 1)
    elif isinstance(e, ast.Compare):
        codegen_compare(c, e)
    elif isinstance(e, ast.Call):
        codegen_call(c, e)
    elif isinstance(e, ast.Constant):
        ADDOP_LOAD_CONST(c, loc, e.value)
    elif isinstance(e, ast.JoinedStr):
        codegen_joined_str(c, e)
    elif isinstance(e, ast.TemplateStr):
        codegen_template_str(c, e)
    elif isinstance(e, ast.FormattedValue):
        codegen_formatted_value(c, e)
    elif isinstance(e, ast.Interpolation):
        codegen_interpolation(c, e)
    # The following exprs can be assignment targets.
    elif isinstance(e, ast.Attribute):
        ctx = _ctx(e.ctx)
        if ctx == Load:
            if can_optimize_super_call(c, e):
                sup = e.value
                assert isinstance(sup, ast.Call)
                load_args_for_super(c, sup)
                opcode = LOAD_SUPER_ATTR if len(sup.args) else LOAD_ZERO_SUPER_ATTR
                ADDOP_NAME_names(c, loc, opcode, e.attr)
                loc = update_start_location_to_match_attr(c, loc, e)
                ADDOP(c, loc, NOP)
                return
        _PyCompile_MaybeAddStaticAttributeToClass(c, e)
        codegen_visit_expr(c, e.value)
        loc = update_start_location_to_match_attr(c, LOC(e), e)
        if ctx == Load:
            ADDOP_NAME_names(c, loc, LOAD_ATTR, e.attr)
        elif ctx == Store:
            ADDOP_NAME_names(c, loc, STORE_ATTR, e.attr)
        else:
            ADDOP_NAME_names(c, loc, DELETE_ATTR, e.attr)
    elif isinstance(e, ast.Subscript):
        codegen_subscript(c, e)
    elif isinstance(e, ast.Starred):
        if _ctx(e.ctx) == Store:
            # In all legitimate cases, codegen_list/codegen_tuple already
            # replaced the Starred node.
            _PyCompile_Error(c, loc, "starred assignment target must be in a list or tuple")
        else:
            _PyCompile_Error(c, loc, "can't use starred expression here")
    elif isinstance(e, ast.Slice):
        codegen_slice(c, e)
    elif isinstance(e, ast.Name):
        codegen_nameop(c, loc, e.id, _ctx(e.ctx))
    # child nodes of List and Tuple will have expr_context set
    elif isinstance(e, ast.List):
        codegen_list(c, e)
    elif isinstance(e, ast.Tuple):
        codegen_tuple(c, e)


def is_constant_slice(s: ast.expr) -> bool:
    """CPython: Python/codegen.c:is_constant_slice"""
    return (isinstance(s, ast.Slice)
            and (s.lower is None or isinstance(s.lower, ast.Constant))
            and (s.upper is None or isinstance(s.upper, ast.Constant))
            and (s.step is None or isinstance(s.step, ast.Constant)))


def should_apply_two_element_slice_optimization(s: ast.expr) -> bool:
    """CPython: Python/codegen.c:should_apply_two_element_slice_optimization"""
    return not is_constant_slice(s) and isinstance(s, ast.Slice) and s.step is None


def codegen_augassign(c: compiler, s: ast.AugAssign) -> None:
    """CPython: Python/codegen.c:codegen_augassign"""
    e = s.target
    loc = LOC(e)
    if isinstance(e, ast.Attribute):
        codegen_visit_expr(c, e.value)
        ADDOP_I(c, loc, COPY, 1)
        loc = update_start_location_to_match_attr(c, loc, e)
        ADDOP_NAME_names(c, loc, LOAD_ATTR, e.attr)
    elif isinstance(e, ast.Subscript):
        codegen_visit_expr(c, e.value)
        if should_apply_two_element_slice_optimization(e.slice):
            sl = e.slice
            assert isinstance(sl, ast.Slice)
            codegen_slice_two_parts(c, sl)
            ADDOP_I(c, loc, COPY, 3)
            ADDOP_I(c, loc, COPY, 3)
            ADDOP_I(c, loc, COPY, 3)
            ADDOP(c, loc, BINARY_SLICE)
        else:
            codegen_visit_expr(c, e.slice)
            ADDOP_I(c, loc, COPY, 2)
            ADDOP_I(c, loc, COPY, 2)
            ADDOP_I(c, loc, BINARY_OP, NB_SUBSCR)
    elif isinstance(e, ast.Name):
        codegen_nameop(c, loc, e.id, Load)
    else:
        _raise_system_error("invalid node type for augmented assignment")
    loc = LOC(s)
    codegen_visit_expr(c, s.value)
    addop_binary(c, loc, s.op, True)
    loc = LOC(e)
    if isinstance(e, ast.Attribute):
        loc = update_start_location_to_match_attr(c, loc, e)
        ADDOP_I(c, loc, SWAP, 2)
        ADDOP_NAME_names(c, loc, STORE_ATTR, e.attr)
    elif isinstance(e, ast.Subscript):
        if should_apply_two_element_slice_optimization(e.slice):
            ADDOP_I(c, loc, SWAP, 4)
            ADDOP_I(c, loc, SWAP, 3)
            ADDOP_I(c, loc, SWAP, 2)
            ADDOP(c, loc, STORE_SLICE)
        else:
            ADDOP_I(c, loc, SWAP, 3)
            ADDOP_I(c, loc, SWAP, 2)
            ADDOP(c, loc, STORE_SUBSCR)
    elif isinstance(e, ast.Name):
        codegen_nameop(c, loc, e.id, Store)


def codegen_check_ann_expr(c: compiler, e: ast.expr) -> None:
    """CPython: Python/codegen.c:codegen_check_ann_expr"""
    codegen_visit_expr(c, e)
    ADDOP(c, LOC(e), POP_TOP)


def codegen_check_annotation(c: compiler, s: ast.AnnAssign) -> None:
    """CPython: Python/codegen.c:codegen_check_annotation"""
    # Annotations of complex targets produce nothing under the future import.
    if _PyCompile_FutureFeatures(c) & CO_FUTURE_ANNOTATIONS:
        return
    # Annotations are only evaluated in a module or class.
    if _PyCompile_ScopeType(c) in (COMPILE_SCOPE_MODULE, COMPILE_SCOPE_CLASS):
        codegen_check_ann_expr(c, s.annotation)


def codegen_check_ann_subscr(c: compiler, e: ast.expr) -> None:
    """CPython: Python/codegen.c:codegen_check_ann_subscr

    Checks that everything in a subscript is defined at run time.
    """
    if isinstance(e, ast.Slice):
        if e.lower is not None:
            codegen_check_ann_expr(c, e.lower)
        if e.upper is not None:
            codegen_check_ann_expr(c, e.upper)
        if e.step is not None:
            codegen_check_ann_expr(c, e.step)
    elif isinstance(e, ast.Tuple):
        # extended slice
        for elt in e.elts:
            codegen_check_ann_subscr(c, elt)
    else:
        codegen_check_ann_expr(c, e)


def codegen_annassign(c: compiler, s: ast.AnnAssign) -> None:
    """CPython: Python/codegen.c:codegen_annassign

    The assignment happens first. A simple name's annotation in a module or
    class is deferred to ``__annotate__`` (PEP 649), or stored in
    ``__annotations__`` as a string under ``from __future__ import annotations``.
    """
    loc = LOC(s)
    targ = s.target
    future_annotations = bool(_PyCompile_FutureFeatures(c) & CO_FUTURE_ANNOTATIONS)
    if s.value is not None:
        codegen_visit_expr(c, s.value)
        codegen_visit_expr(c, targ)
    if isinstance(targ, ast.Name):
        # A simple name in a module or class: store the annotation.
        if s.simple and _PyCompile_ScopeType(c) in (COMPILE_SCOPE_MODULE, COMPILE_SCOPE_CLASS):
            if future_annotations:
                codegen_visit_annexpr(c, s.annotation)
                ADDOP_NAME_names(c, loc, LOAD_NAME, "__annotations__")
                mangled = _PyCompile_MaybeMangle(c, targ.id)
                ADDOP_LOAD_CONST(c, loc, mangled)
                ADDOP(c, loc, STORE_SUBSCR)
            else:
                conditional_annotation_index = _PyCompile_AddDeferredAnnotation(c, s)
                if conditional_annotation_index is not None:
                    if _PyCompile_ScopeType(c) == COMPILE_SCOPE_CLASS:
                        codegen_addop_name(c, loc, LOAD_DEREF, _PyCompile_Metadata(c).u_cellvars,
                                           "__conditional_annotations__")
                    else:
                        ADDOP_NAME_names(c, loc, LOAD_NAME, "__conditional_annotations__")
                    ADDOP_LOAD_CONST(c, loc, conditional_annotation_index)
                    ADDOP_I(c, loc, SET_ADD, 1)
                    ADDOP(c, loc, POP_TOP)
    elif isinstance(targ, ast.Attribute):
        if s.value is None:
            codegen_check_ann_expr(c, targ.value)
    elif isinstance(targ, ast.Subscript):
        if s.value is None:
            codegen_check_ann_expr(c, targ.value)
            codegen_check_ann_subscr(c, targ.slice)
    else:
        _raise_system_error("invalid node type for annotated assignment")
    # Annotation is evaluated last.
    if future_annotations and not s.simple:
        codegen_check_annotation(c, s)


def codegen_subscript(c: compiler, e: ast.Subscript) -> None:
    """CPython: Python/codegen.c:codegen_subscript

    ``a[i]`` is ``BINARY_OP NB_SUBSCR`` in 3.14; ``a[x:y]`` with a non-constant
    two-part slice uses BINARY_SLICE / STORE_SLICE.
    """
    loc = LOC(e)
    ctx = _ctx(e.ctx)
    if ctx == Load:
        check_subscripter(c, e.value)
        check_index(c, e.value, e.slice)
    codegen_visit_expr(c, e.value)
    if should_apply_two_element_slice_optimization(e.slice) and ctx != Del:
        sl = e.slice
        assert isinstance(sl, ast.Slice)
        codegen_slice_two_parts(c, sl)
        if ctx == Load:
            ADDOP(c, loc, BINARY_SLICE)
        else:
            assert ctx == Store
            ADDOP(c, loc, STORE_SLICE)
    else:
        codegen_visit_expr(c, e.slice)
        if ctx == Load:
            ADDOP_I(c, loc, BINARY_OP, NB_SUBSCR)
        elif ctx == Store:
            ADDOP(c, loc, STORE_SUBSCR)
        else:
            ADDOP(c, loc, DELETE_SUBSCR)


def codegen_slice_two_parts(c: compiler, s: ast.Slice) -> None:
    """CPython: Python/codegen.c:codegen_slice_two_parts"""
    if s.lower is not None:
        codegen_visit_expr(c, s.lower)
    else:
        ADDOP_LOAD_CONST(c, LOC(s), None)
    if s.upper is not None:
        codegen_visit_expr(c, s.upper)
    else:
        ADDOP_LOAD_CONST(c, LOC(s), None)


def _const_value(e: Optional[ast.expr]) -> object:
    """pyvm: the value of an optional Constant node (None when absent)."""
    if e is None:
        return None
    assert isinstance(e, ast.Constant)
    return e.value


def codegen_slice(c: compiler, s: ast.Slice) -> None:
    """CPython: Python/codegen.c:codegen_slice

    A slice of constants is itself a constant (a host ``slice``).
    """
    n = 2
    if is_constant_slice(s):
        sl = slice(_const_value(s.lower), _const_value(s.upper), _const_value(s.step))
        ADDOP_LOAD_CONST(c, LOC(s), sl)
        return
    codegen_slice_two_parts(c, s)
    if s.step is not None:
        n += 1
        codegen_visit_expr(c, s.step)
    ADDOP_I(c, LOC(s), BUILD_SLICE, n)


# --- PEP 634: structural pattern matching ------------------------------------
#
# All codegen_pattern_* routines consume TOS (the subject of the pattern) and
# call jump_to_fail_pop on failure (no match). pc.on_top counts the items on
# top of the stack in use: they are popped on failure, and name captures are
# stored *underneath* them on success, so that all names are stored only once
# the *entire* pattern matched.


class pattern_context:
    """pyvm: the struct ``pattern_context`` of Python/codegen.c.

    ``stores``: the names captured so far (repeated names, different names in
    alternatives, and the order of captures); ``allow_irrefutable``: if false,
    a capture of the whole subject is an error; ``fail_pop[i]``: the label
    that pops i items and fails; ``on_top``: the items on top of the stack
    that must stay there (captures go beneath them).
    """

    stores: list[str]
    allow_irrefutable: bool
    fail_pop: list[_PyJumpTargetLabel]
    on_top: int

    def __init__(self) -> None:
        self.stores = []
        self.allow_irrefutable = False
        self.fail_pop = []
        self.on_top = 0

    def copy(self) -> pattern_context:
        """pyvm: C copies the struct by value (``old_pc = *pc``)."""
        pc = pattern_context()
        pc.stores = self.stores
        pc.allow_irrefutable = self.allow_irrefutable
        pc.fail_pop = self.fail_pop
        pc.on_top = self.on_top
        return pc


def WILDCARD_CHECK(n: ast.pattern) -> bool:
    """CPython: Python/codegen.c:WILDCARD_CHECK"""
    return isinstance(n, ast.MatchAs) and n.name is None


def WILDCARD_STAR_CHECK(n: ast.pattern) -> bool:
    """CPython: Python/codegen.c:WILDCARD_STAR_CHECK"""
    return isinstance(n, ast.MatchStar) and n.name is None


def MATCH_VALUE_EXPR(n: ast.expr) -> bool:
    """CPython: Python/codegen.c:MATCH_VALUE_EXPR"""
    return isinstance(n, (ast.Constant, ast.Attribute))


def ensure_fail_pop(c: compiler, pc: pattern_context, n: int) -> None:
    """CPython: Python/codegen.c:ensure_fail_pop"""
    size = n + 1
    while len(pc.fail_pop) < size:
        pc.fail_pop.append(NEW_JUMP_TARGET_LABEL(c))


def jump_to_fail_pop(c: compiler, loc: Location, pc: pattern_context, op: int) -> None:
    """CPython: Python/codegen.c:jump_to_fail_pop

    Pops the items on top of the stack plus the captures we were going to
    store on success.
    """
    pops = pc.on_top + len(pc.stores)
    ensure_fail_pop(c, pc, pops)
    ADDOP_JUMP(c, loc, op, pc.fail_pop[pops])


def emit_and_reset_fail_pop(c: compiler, loc: Location, pc: pattern_context) -> None:
    """CPython: Python/codegen.c:emit_and_reset_fail_pop"""
    if not pc.fail_pop:
        return
    size = len(pc.fail_pop) - 1
    while size:
        USE_LABEL(c, pc.fail_pop[size])
        codegen_addop_noarg(INSTR_SEQUENCE(c), POP_TOP, loc)
        size -= 1
    USE_LABEL(c, pc.fail_pop[0])
    pc.fail_pop = []


def codegen_error_duplicate_store(c: compiler, loc: Location, n: str) -> None:
    """CPython: Python/codegen.c:codegen_error_duplicate_store"""
    _PyCompile_Error(c, loc, f"multiple assignments to name {n!r} in pattern")


def codegen_pattern_helper_rotate(c: compiler, loc: Location, count: int) -> None:
    """CPython: Python/codegen.c:codegen_pattern_helper_rotate

    3.10's ROT_* instructions, with SWAPs.
    """
    while 1 < count:
        ADDOP_I(c, loc, SWAP, count)
        count -= 1


def codegen_pattern_helper_store_name(c: compiler, loc: Location, n: Optional[str],
                                      pc: pattern_context) -> None:
    """CPython: Python/codegen.c:codegen_pattern_helper_store_name"""
    if n is None:
        ADDOP(c, loc, POP_TOP)
        return
    # Can't assign to the same name twice.
    if n in pc.stores:
        codegen_error_duplicate_store(c, loc, n)
    # Rotate this object underneath any items we need to preserve.
    rotations = pc.on_top + len(pc.stores) + 1
    codegen_pattern_helper_rotate(c, loc, rotations)
    pc.stores.append(n)


def codegen_pattern_unpack_helper(c: compiler, loc: Location, elts: list[ast.pattern]) -> None:
    """CPython: Python/codegen.c:codegen_pattern_unpack_helper"""
    n = len(elts)
    seen_star = False
    for i in range(n):
        elt = elts[i]
        if isinstance(elt, ast.MatchStar) and not seen_star:
            if i >= (1 << 8) or n - i - 1 >= (0x7FFFFFFF >> 8):
                _PyCompile_Error(c, loc, "too many expressions in star-unpacking sequence pattern")
            ADDOP_I(c, loc, UNPACK_EX, i + ((n - i - 1) << 8))
            seen_star = True
        elif isinstance(elt, ast.MatchStar):
            _PyCompile_Error(c, loc, "multiple starred expressions in sequence pattern")
    if not seen_star:
        ADDOP_I(c, loc, UNPACK_SEQUENCE, n)


def pattern_helper_sequence_unpack(c: compiler, loc: Location, patterns: list[ast.pattern],
                                   star: int, pc: pattern_context) -> None:
    """CPython: Python/codegen.c:pattern_helper_sequence_unpack"""
    codegen_pattern_unpack_helper(c, loc, patterns)
    size = len(patterns)
    # The new subjects on the stack remain there after each subpattern match.
    pc.on_top += size
    for pattern in patterns:
        # One less item to keep track of each time we loop through.
        pc.on_top -= 1
        codegen_pattern_subpattern(c, pattern, pc)


def pattern_helper_sequence_subscr(c: compiler, loc: Location, patterns: list[ast.pattern],
                                   star: int, pc: pattern_context) -> None:
    """CPython: Python/codegen.c:pattern_helper_sequence_subscr

    Like pattern_helper_sequence_unpack, but with BINARY_OP NB_SUBSCR: better
    for patterns with a starred wildcard like [first, *_, last].
    """
    # Keep the subject around for extracting elements.
    pc.on_top += 1
    size = len(patterns)
    for i in range(size):
        pattern = patterns[i]
        if WILDCARD_CHECK(pattern):
            continue
        if i == star:
            assert WILDCARD_STAR_CHECK(pattern)
            continue
        ADDOP_I(c, loc, COPY, 1)
        if i < star:
            ADDOP_LOAD_CONST(c, loc, i)
        else:
            # The subject may not support negative indexing: compute a
            # nonnegative index.
            ADDOP(c, loc, GET_LEN)
            ADDOP_LOAD_CONST(c, loc, size - i)
            addop_binary(c, loc, ast.Sub(), False)
        ADDOP_I(c, loc, BINARY_OP, NB_SUBSCR)
        codegen_pattern_subpattern(c, pattern, pc)
    # Pop the subject, we're done with it.
    pc.on_top -= 1
    ADDOP(c, loc, POP_TOP)


def codegen_pattern_subpattern(c: compiler, p: ast.pattern, pc: pattern_context) -> None:
    """CPython: Python/codegen.c:codegen_pattern_subpattern

    Like codegen_pattern, with the irrefutability checks off.
    """
    allow_irrefutable = pc.allow_irrefutable
    pc.allow_irrefutable = True
    codegen_pattern(c, p, pc)
    pc.allow_irrefutable = allow_irrefutable


def codegen_pattern_as(c: compiler, p: ast.MatchAs, pc: pattern_context) -> None:
    """CPython: Python/codegen.c:codegen_pattern_as"""
    sub = p.pattern
    if sub is None:
        # An irrefutable match.
        if not pc.allow_irrefutable:
            if p.name is not None:
                _PyCompile_Error(c, LOC(p), f"name capture {p.name!r} makes remaining "
                                 "patterns unreachable")
            _PyCompile_Error(c, LOC(p), "wildcard makes remaining patterns unreachable")
        codegen_pattern_helper_store_name(c, LOC(p), p.name, pc)
        return
    # Make a copy for (possibly) storing later.
    pc.on_top += 1
    ADDOP_I(c, LOC(p), COPY, 1)
    codegen_pattern(c, sub, pc)
    # Success! Store it.
    pc.on_top -= 1
    codegen_pattern_helper_store_name(c, LOC(p), p.name, pc)


def codegen_pattern_star(c: compiler, p: ast.MatchStar, pc: pattern_context) -> None:
    """CPython: Python/codegen.c:codegen_pattern_star"""
    codegen_pattern_helper_store_name(c, LOC(p), p.name, pc)


def validate_kwd_attrs(c: compiler, attrs: list[str], patterns: list[ast.pattern]) -> None:
    """CPython: Python/codegen.c:validate_kwd_attrs"""
    nattrs = len(attrs)
    for i in range(nattrs):
        attr = attrs[i]
        for j in range(i + 1, nattrs):
            if attr == attrs[j]:
                _PyCompile_Error(c, LOC(patterns[j]),
                                 f"attribute name repeated in class pattern: {attr}")


def codegen_pattern_class(c: compiler, p: ast.MatchClass, pc: pattern_context) -> None:
    """CPython: Python/codegen.c:codegen_pattern_class"""
    patterns = p.patterns
    kwd_attrs = p.kwd_attrs
    kwd_patterns = p.kwd_patterns
    nargs = len(patterns)
    nattrs = len(kwd_attrs)
    nkwd_patterns = len(kwd_patterns)
    if nattrs != nkwd_patterns:
        _PyCompile_Error(c, LOC(p), f"kwd_attrs ({nattrs}) / kwd_patterns ({nkwd_patterns}) "
                         "length mismatch in class pattern")
    if nattrs:
        validate_kwd_attrs(c, kwd_attrs, kwd_patterns)
    codegen_visit_expr(c, p.cls)
    ADDOP_LOAD_CONST(c, LOC(p), tuple(kwd_attrs))
    ADDOP_I(c, LOC(p), MATCH_CLASS, nargs)
    ADDOP_I(c, LOC(p), COPY, 1)
    ADDOP_LOAD_CONST(c, LOC(p), None)
    ADDOP_I(c, LOC(p), IS_OP, 1)
    # TOS is now a tuple of (nargs + nattrs) attributes (or None).
    pc.on_top += 1
    jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE)
    ADDOP_I(c, LOC(p), UNPACK_SEQUENCE, nargs + nattrs)
    pc.on_top += nargs + nattrs - 1
    for i in range(nargs + nattrs):
        pc.on_top -= 1
        if i < nargs:
            pattern = patterns[i]  # positional
        else:
            pattern = kwd_patterns[i - nargs]  # keyword
        if WILDCARD_CHECK(pattern):
            ADDOP(c, LOC(p), POP_TOP)
            continue
        codegen_pattern_subpattern(c, pattern, pc)
    # Success! Pop the tuple of attributes.


def codegen_pattern_mapping_key(c: compiler, seen: list[object], p: ast.MatchMapping,
                                i: int) -> None:
    """CPython: Python/codegen.c:codegen_pattern_mapping_key

    ``seen`` holds the constant keys so far (duplicates are a SyntaxError).
    """
    keys = p.keys
    key = keys[i]
    if isinstance(key, ast.Constant):
        # pyvm: C's set compares with ==, so 1 and 1.0 and True collide as in C.
        v = key.value
        for s in seen:
            if type(s) is type(v) or (isinstance(s, (int, float, complex))
                                      and isinstance(v, (int, float, complex))):
                if s == v:
                    _PyCompile_Error(c, LOC(p), f"mapping pattern checks duplicate key ({v!r})")
        _ = _PyCode_ConstantKey
        seen.append(v)
    elif not isinstance(key, ast.Attribute):
        _PyCompile_Error(c, LOC(p),
                         "mapping pattern keys may only match literals and attribute lookups")
    codegen_visit_expr(c, key)


def codegen_pattern_mapping(c: compiler, p: ast.MatchMapping, pc: pattern_context) -> None:
    """CPython: Python/codegen.c:codegen_pattern_mapping"""
    keys = p.keys
    patterns = p.patterns
    size = len(keys)
    npatterns = len(patterns)
    if size != npatterns:
        _PyCompile_Error(c, LOC(p), f"keys ({size}) / patterns ({npatterns}) length mismatch "
                         "in mapping pattern")
    # We have a double-star target if "rest" is set.
    star_target = p.rest
    # Keep the subject on top during the mapping and length checks.
    pc.on_top += 1
    ADDOP(c, LOC(p), MATCH_MAPPING)
    jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE)
    if not size and star_target is None:
        # If the pattern is just "{}", we're done! Pop the subject.
        pc.on_top -= 1
        ADDOP(c, LOC(p), POP_TOP)
        return
    if size:
        # If the pattern has any keys in it, perform a length check.
        ADDOP(c, LOC(p), GET_LEN)
        ADDOP_LOAD_CONST(c, LOC(p), size)
        codegen_addcompare(c, LOC(p), ast.GtE())
        jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE)
    # Collect all of the keys into a tuple for MATCH_KEYS and **rest. They can
    # either be dotted names or literals; the constant ones are checked for
    # duplicates.
    seen: list[object] = []
    for i in range(size):
        codegen_pattern_mapping_key(c, seen, p, i)
    ADDOP_I(c, LOC(p), BUILD_TUPLE, size)
    ADDOP(c, LOC(p), MATCH_KEYS)
    # There's now a tuple of keys and a tuple of values on top of the subject.
    pc.on_top += 2
    ADDOP_I(c, LOC(p), COPY, 1)
    ADDOP_LOAD_CONST(c, LOC(p), None)
    ADDOP_I(c, LOC(p), IS_OP, 1)
    jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE)
    # Use that tuple of values on the stack to match sub-patterns against.
    ADDOP_I(c, LOC(p), UNPACK_SEQUENCE, size)
    pc.on_top += size - 1
    for i in range(size):
        pc.on_top -= 1
        codegen_pattern_subpattern(c, patterns[i], pc)
    # A match! Whatever happens next should consume the tuple of keys and the subject.
    pc.on_top -= 2
    if star_target is not None:
        # Bind a dict of the remaining items: rest = dict(TOS1); for key in
        # TOS: del rest[key]
        ADDOP_I(c, LOC(p), BUILD_MAP, 0)  # [subject, keys, empty]
        ADDOP_I(c, LOC(p), SWAP, 3)  # [empty, keys, subject]
        ADDOP_I(c, LOC(p), DICT_UPDATE, 2)  # [copy, keys]
        ADDOP_I(c, LOC(p), UNPACK_SEQUENCE, size)  # [copy, keys...]
        while size:
            ADDOP_I(c, LOC(p), COPY, 1 + size)  # [copy, keys..., copy]
            size -= 1
            ADDOP_I(c, LOC(p), SWAP, 2)  # [copy, keys..., copy, key]
            ADDOP(c, LOC(p), DELETE_SUBSCR)  # [copy, keys...]
        codegen_pattern_helper_store_name(c, LOC(p), star_target, pc)
    else:
        ADDOP(c, LOC(p), POP_TOP)  # Tuple of keys.
        ADDOP(c, LOC(p), POP_TOP)  # Subject.


def codegen_pattern_or(c: compiler, p: ast.MatchOr, pc: pattern_context) -> None:
    """CPython: Python/codegen.c:codegen_pattern_or

    Every alternative must bind the same names; captures are reordered on the
    stack to match the order of the first alternative ("control").
    """
    end = NEW_JUMP_TARGET_LABEL(c)
    size = len(p.patterns)
    assert size > 1
    # We're going to be messing with pc. Keep the original info handy.
    old_pc = pc.copy()
    control: Optional[list[str]] = None
    for i in range(size):
        alt = p.patterns[i]
        pc.stores = []
        # An irrefutable sub-pattern must be last, if it is allowed at all.
        pc.allow_irrefutable = (i == size - 1) and old_pc.allow_irrefutable
        pc.fail_pop = []
        pc.on_top = 0
        codegen_addop_i(INSTR_SEQUENCE(c), COPY, 1, LOC(alt))
        codegen_pattern(c, alt, pc)
        # Success!
        nstores = len(pc.stores)
        if not i:
            # The first alternative: its stores are the "control" for the
            # others (they can't bind a different set of names, and might
            # need to be reordered).
            control = pc.stores
        else:
            assert control is not None
            if nstores != len(control):
                _PyCompile_Error(c, LOC(p), "alternative patterns bind different names")
            elif nstores:
                # There were captures. Check to see if we differ from control.
                icontrol = nstores
                while icontrol:
                    icontrol -= 1
                    name = control[icontrol]
                    if name not in pc.stores:
                        _PyCompile_Error(c, LOC(p), "alternative patterns bind different names")
                    istores = pc.stores.index(name)
                    if icontrol != istores:
                        # Reorder the names on the stack to match the order of
                        # the names in control (the peephole optimizer cleans
                        # up the rotations).
                        assert istores < icontrol
                        rotations = istores + 1
                        # Perform the same rotation on pc.stores.
                        rotated = pc.stores[0:rotations]
                        del pc.stores[0:rotations]
                        pc.stores[icontrol - istores:icontrol - istores] = rotated
                        # Do the same thing to the stack, using several rotations.
                        while rotations:
                            rotations -= 1
                            codegen_pattern_helper_rotate(c, LOC(alt), icontrol + 1)
        assert control is not None
        codegen_addop_j(INSTR_SEQUENCE(c), LOC(alt), JUMP, end)
        emit_and_reset_fail_pop(c, LOC(alt), pc)
    assert control is not None
    pc.stores = old_pc.stores
    pc.allow_irrefutable = old_pc.allow_irrefutable
    pc.fail_pop = old_pc.fail_pop
    pc.on_top = old_pc.on_top
    # No match. Pop the remaining copy of the subject and fail.
    codegen_addop_noarg(INSTR_SEQUENCE(c), POP_TOP, LOC(p))
    jump_to_fail_pop(c, LOC(p), pc, JUMP)
    USE_LABEL(c, end)
    nstores = len(control)
    # Between the new stores and where they need to be: the other stores, a
    # copy of the subject, anything else on top of the stack, and the
    # previous stores already stashed away.
    nrots = nstores + 1 + pc.on_top + len(pc.stores)
    for i in range(nstores):
        # Rotate this capture to its proper place on the stack.
        codegen_pattern_helper_rotate(c, LOC(p), nrots)
        # Update the list of previous stores with this new name, checking for
        # duplicates.
        name = control[i]
        if name in pc.stores:
            codegen_error_duplicate_store(c, LOC(p), name)
        pc.stores.append(name)
    # Pop the copy of the subject.
    ADDOP(c, LOC(p), POP_TOP)


def codegen_pattern_sequence(c: compiler, p: ast.MatchSequence, pc: pattern_context) -> None:
    """CPython: Python/codegen.c:codegen_pattern_sequence"""
    patterns = p.patterns
    size = len(patterns)
    star = -1
    only_wildcard = True
    star_wildcard = False
    # Find a starred name, if it exists. There may be at most one.
    for i in range(size):
        pattern = patterns[i]
        if isinstance(pattern, ast.MatchStar):
            if star >= 0:
                _PyCompile_Error(c, LOC(p), "multiple starred names in sequence pattern")
            star_wildcard = WILDCARD_STAR_CHECK(pattern)
            only_wildcard = only_wildcard and star_wildcard
            star = i
            continue
        only_wildcard = only_wildcard and WILDCARD_CHECK(pattern)
    # Keep the subject on top during the sequence and length checks.
    pc.on_top += 1
    ADDOP(c, LOC(p), MATCH_SEQUENCE)
    jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE)
    if star < 0:
        # No star: len(subject) == size
        ADDOP(c, LOC(p), GET_LEN)
        ADDOP_LOAD_CONST(c, LOC(p), size)
        codegen_addcompare(c, LOC(p), ast.Eq())
        jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE)
    elif size > 1:
        # Star: len(subject) >= size - 1
        ADDOP(c, LOC(p), GET_LEN)
        ADDOP_LOAD_CONST(c, LOC(p), size - 1)
        codegen_addcompare(c, LOC(p), ast.GtE())
        jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE)
    # Whatever comes next should consume the subject.
    pc.on_top -= 1
    if only_wildcard:
        # Patterns like: [] / [_] / [_, _] / [*_] / [_, *_] / [_, _, *_] / etc.
        ADDOP(c, LOC(p), POP_TOP)
    elif star_wildcard:
        pattern_helper_sequence_subscr(c, LOC(p), patterns, star, pc)
    else:
        pattern_helper_sequence_unpack(c, LOC(p), patterns, star, pc)


def codegen_pattern_value(c: compiler, p: ast.MatchValue, pc: pattern_context) -> None:
    """CPython: Python/codegen.c:codegen_pattern_value"""
    value = p.value
    if not MATCH_VALUE_EXPR(value):
        _PyCompile_Error(c, LOC(p), "patterns may only match literals and attribute lookups")
    codegen_visit_expr(c, value)
    codegen_addcompare(c, LOC(p), ast.Eq())
    ADDOP(c, LOC(p), TO_BOOL)
    jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE)


def codegen_pattern_singleton(c: compiler, p: ast.MatchSingleton, pc: pattern_context) -> None:
    """CPython: Python/codegen.c:codegen_pattern_singleton"""
    ADDOP_LOAD_CONST(c, LOC(p), p.value)
    codegen_addcompare(c, LOC(p), ast.Is())
    jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE)


def codegen_pattern(c: compiler, p: ast.pattern, pc: pattern_context) -> None:
    """CPython: Python/codegen.c:codegen_pattern"""
    if isinstance(p, ast.MatchValue):
        codegen_pattern_value(c, p, pc)
    elif isinstance(p, ast.MatchSingleton):
        codegen_pattern_singleton(c, p, pc)
    elif isinstance(p, ast.MatchSequence):
        codegen_pattern_sequence(c, p, pc)
    elif isinstance(p, ast.MatchMapping):
        codegen_pattern_mapping(c, p, pc)
    elif isinstance(p, ast.MatchClass):
        codegen_pattern_class(c, p, pc)
    elif isinstance(p, ast.MatchStar):
        codegen_pattern_star(c, p, pc)
    elif isinstance(p, ast.MatchAs):
        codegen_pattern_as(c, p, pc)
    elif isinstance(p, ast.MatchOr):
        codegen_pattern_or(c, p, pc)
    else:
        _PyCompile_Error(c, LOC(p), "invalid match pattern node in AST")


def codegen_match_inner(c: compiler, s: ast.Match, pc: pattern_context) -> None:
    """CPython: Python/codegen.c:codegen_match_inner"""
    codegen_visit_expr(c, s.subject)
    end = NEW_JUMP_TARGET_LABEL(c)
    cases = len(s.cases)
    assert cases > 0
    m = s.cases[cases - 1]
    has_default = 1 if (WILDCARD_CHECK(m.pattern) and 1 < cases) else 0
    for i in range(cases - has_default):
        m = s.cases[i]
        # Only copy the subject if we're *not* on the last case.
        if i != cases - has_default - 1:
            ADDOP_I(c, LOC(m.pattern), COPY, 1)
        pc.stores = []
        # Irrefutable cases must be either guarded, last, or both.
        pc.allow_irrefutable = m.guard is not None or i == cases - 1
        pc.fail_pop = []
        pc.on_top = 0
        codegen_pattern(c, m.pattern, pc)
        assert not pc.on_top
        # It's a match! Store all of the captured names (they're on the stack).
        for name in pc.stores:
            codegen_nameop(c, LOC(m.pattern), name, Store)
        guard = m.guard
        if guard is not None:
            ensure_fail_pop(c, pc, 0)
            codegen_jump_if(c, LOC(m.pattern), guard, pc.fail_pop[0], 0)
        # Success! Pop the subject off, we're done with it.
        if i != cases - has_default - 1:
            # The next location gives better locations for branch events.
            ADDOP(c, NEXT_LOCATION, POP_TOP)
        VISIT_SEQ_stmt(c, m.body)
        ADDOP_JUMP(c, NO_LOCATION, JUMP, end)
        # If the pattern fails to match, the line number of the cleanup is
        # the failed pattern's, not the last line of the body.
        emit_and_reset_fail_pop(c, LOC(m.pattern), pc)
    if has_default:
        # A trailing "case _" is common, and saves a bit of redundant pushing
        # and popping in the loop above.
        m = s.cases[cases - 1]
        if cases == 1:
            # No matches. Done with the subject.
            ADDOP(c, LOC(m.pattern), POP_TOP)
        else:
            # Show line coverage for default case (it doesn't create bytecode).
            ADDOP(c, LOC(m.pattern), NOP)
        guard = m.guard
        if guard is not None:
            codegen_jump_if(c, LOC(m.pattern), guard, end, 0)
        VISIT_SEQ_stmt(c, m.body)
    USE_LABEL(c, end)


def codegen_match(c: compiler, s: ast.Match) -> None:
    """CPython: Python/codegen.c:codegen_match"""
    pc = pattern_context()
    codegen_match_inner(c, s, pc)


def _PyCodegen_AddReturnAtEnd(c: compiler, addNone: bool) -> None:
    """CPython: Python/codegen.c:_PyCodegen_AddReturnAtEnd

    Every instruction stream that falls off the end returns None (this also
    keeps jump targets in bounds).
    """
    if addNone:
        ADDOP_LOAD_CONST(c, NO_LOCATION, None)
    ADDOP(c, NO_LOCATION, RETURN_VALUE)
