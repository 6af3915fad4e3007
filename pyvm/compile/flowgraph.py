"""Ports Python/flowgraph.c and Include/internal/pycore_flowgraph.h: the control-flow
graph of a code unit and the optimizer that runs on it.

Codegen hands over a flat instruction sequence whose jumps name labels. This module

1. cuts it into *basic blocks* (:class:`basicblock`, a run of instructions entered
   only at the top and left only at the bottom), linked in layout order by
   ``b_next``; a jump's ``i_target`` is the block it goes to, and after
   ``label_exception_targets`` each instruction's ``i_except`` is the block its
   exceptions go to (the handler pushed by the innermost ``SETUP_*``);
2. optimizes the graph (``_PyCfg_OptimizeCodeUnit``): inlining of small exit blocks,
   dead-block removal, constant folding (tuples, lists/sets of constants, unary
   and binary operations within CPython 3.14's size limits), jump threading,
   ``SWAP`` elimination, NOP and redundant-jump removal, ``LOAD_FAST_CHECK``
   insertion where a local may be unbound, super-instructions, moving cold
   (exception-only) blocks to the end, line-number propagation (PEP 626);
3. lowers it (``_PyCfg_OptimizedCfgToInstructionSequence``): pseudo-instructions
   become real ones, the maximal stack depth is computed, the frame prefix
   (``MAKE_CELL``, ``COPY_FREE_VARS``, ``RETURN_GENERATOR``) is inserted, cell
   offsets are fixed, backward conditional jumps are normalized,
   ``LOAD_FAST`` is strength-reduced to ``LOAD_FAST_BORROW`` where the borrowed
   reference provably dies first, and the blocks are written back to an
   instruction sequence for the assembler.

Representation. A C block holds an array of ``cfg_instr`` structs that passes copy
by value; here ``b_instr`` is a host list of :class:`cfg_instr` objects, so every
place where C copies an instruction into another slot makes a new object
(:meth:`cfg_instr.copy`), and ``b_iused`` is ``len(b_instr)``. ``b_list`` still
chains every block ever allocated, as C frees them through it.

Constants. While compiling, constants are host values (see the docstring of
``pyvm/compile/compile.py``); ``consts`` is the unit's host list of them and
``const_cache`` the compiler-wide dict keyed by ``_PyCode_ConstantKey``. New
constants made by folding are canonicalized through
``compile._PyCompile_ConstCacheMergeOne`` and found in ``consts`` by identity, as C's
pointer-keyed ``consts_index`` does. Folding evaluates host operations and, as C
clears the error and leaves the code alone when an operation raises, skips any fold
whose host operation raises; the size limits (``MAX_INT_SIZE`` ...) are checked
first, as in C, so no fold builds a huge object.

Errors are raised as ``PyErr`` (C's ``return ERROR``).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, Optional

from pyvm.compile.instruction_sequence import (
    NO_LABEL,
    NO_LOCATION,
    Location,
    _PyInstructionSequence,
    _PyInstructionSequence_Addop,
    _PyInstructionSequence_ApplyLabelMap,
    _PyInstructionSequence_New,
    _PyInstructionSequence_UseLabel,
    _PyJumpTargetLabel,
)
from pyvm.compile.opcode import (
    BINARY_OP, BUILD_LIST, BUILD_SET, BUILD_TUPLE, CALL_INTRINSIC_1, CHECK_EXC_MATCH,
    COMPARE_OP, CONTAINS_OP, COPY, COPY_FREE_VARS, DELETE_DEREF, DELETE_FAST, DICT_MERGE,
    DICT_UPDATE, END_ASYNC_FOR, END_SEND, EXTENDED_ARG, FOR_ITER, FORMAT_SIMPLE, GET_ANEXT,
    GET_ITER, GET_LEN, GET_YIELD_FROM_ITER, HAS_TARGET, IMPORT_FROM,
    INTRINSIC_LIST_TO_TUPLE, INTRINSIC_UNARY_POSITIVE, IS_ASSEMBLER_OPCODE,
    IS_BLOCK_PUSH_OPCODE, IS_CONDITIONAL_JUMP_OPCODE, IS_OP, IS_SCOPE_EXIT_OPCODE,
    IS_TERMINATOR_OPCODE, IS_UNCONDITIONAL_JUMP_OPCODE, IS_WITHIN_OPCODE_RANGE, JUMP,
    JUMP_IF_FALSE, JUMP_IF_TRUE, JUMP_NO_INTERRUPT, LIST_APPEND, LIST_EXTEND, LOAD_ATTR,
    LOAD_CLOSURE, LOAD_CONST, LOAD_DEREF, LOAD_FAST, LOAD_FAST_AND_CLEAR, LOAD_FAST_BORROW,
    LOAD_FAST_BORROW_LOAD_FAST_BORROW, LOAD_FAST_CHECK, LOAD_FAST_LOAD_FAST,
    LOAD_FROM_DICT_OR_DEREF, LOAD_GLOBAL, LOAD_SMALL_INT, LOAD_SPECIAL, LOAD_SUPER_ATTR,
    MAKE_CELL, MAP_ADD, MATCH_KEYS, MATCH_MAPPING, MATCH_SEQUENCE, MAX_REAL_OPCODE, NB_ADD,
    NB_AND, NB_FLOOR_DIVIDE, NB_LSHIFT, NB_MATRIX_MULTIPLY, NB_MULTIPLY, NB_OR, NB_POWER,
    NB_REMAINDER, NB_RSHIFT, NB_SUBSCR, NB_SUBTRACT, NB_TRUE_DIVIDE, NB_XOR, NOP,
    NOT_TAKEN, OPCODE_HAS_ARG, OPCODE_HAS_CONST, OPCODE_HAS_EVAL_BREAK, OPCODE_HAS_JUMP,
    POP_JUMP_IF_FALSE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE, POP_JUMP_IF_TRUE, POP_BLOCK,
    POP_TOP, PUSH_EXC_INFO, PUSH_NULL, RERAISE, RESUME, RESUME_AT_FUNC_START,
    RESUME_OPARG_DEPTH1_MASK, RETURN_GENERATOR, SEND, SET_ADD, SET_FUNCTION_ATTRIBUTE,
    SET_UPDATE, SETUP_CLEANUP, SETUP_WITH, STORE_DEREF, STORE_FAST, STORE_FAST_LOAD_FAST,
    STORE_FAST_MAYBE_NULL, STORE_FAST_STORE_FAST, SWAP, TO_BOOL, UNARY_INVERT,
    UNARY_NEGATIVE, UNARY_NOT, UNPACK_SEQUENCE, WITH_EXCEPT_START, YIELD_VALUE,
    _PyOpcode_Deopt, _PyOpcode_num_popped, _PyOpcode_num_pushed, opname,
    ANNOTATIONS_PLACEHOLDER,
)
from pyvm.objects.codeobject import CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR
from pyvm.objects.complexobject import _Errno, _Py_c_prod, _Py_c_quot, _Py_rc_quot
from pyvm.objects.exceptions import PyExc_SystemError, PyExc_ValueError, PyExc_OverflowError
from pyvm.objects.object import PyErr_SetString, PyErr_Format
from pyvm.compile.assemble import _PyAssemble_NoteFrozenSetOrder

if TYPE_CHECKING:
    from pyvm.compile.compile import _PyCompile_CodeUnitMetadata


# CPython: Python/flowgraph.c:DEFAULT_BLOCK_SIZE
DEFAULT_BLOCK_SIZE: Final = 16
# CPython: Python/flowgraph.c:MAX_COPY_SIZE
MAX_COPY_SIZE: Final = 4
# CPython: Python/flowgraph.c:MIN_CONST_SEQUENCE_SIZE
MIN_CONST_SEQUENCE_SIZE: Final = 3
# CPython: Python/flowgraph.c:MAX_INT_SIZE
MAX_INT_SIZE: Final = 128  # bits
# CPython: Python/flowgraph.c:MAX_COLLECTION_SIZE
MAX_COLLECTION_SIZE: Final = 256  # items
# CPython: Python/flowgraph.c:MAX_STR_SIZE
MAX_STR_SIZE: Final = 4096  # characters
# CPython: Python/flowgraph.c:MAX_TOTAL_ITEMS
MAX_TOTAL_ITEMS: Final = 1024  # including nested collections
# CPython: Python/flowgraph.c:VISITED
VISITED: Final = -1
# CPython: Python/flowgraph.c:NOT_LOCAL
NOT_LOCAL: Final = -1
# CPython: Python/flowgraph.c:DUMMY_INSTR
DUMMY_INSTR: Final = -1

# pyvm: _PY_STACK_USE_GUIDELINE of Include/internal/pycore_compile.h.
_PY_STACK_USE_GUIDELINE: Final = 30
# pyvm: CO_MAXBLOCKS of Include/cpython/code.h.
CO_MAXBLOCKS: Final = 21
# pyvm: PY_INVALID_STACK_EFFECT of Include/cpython/compile.h (INT_MAX).
PY_INVALID_STACK_EFFECT: Final = 0x7FFFFFFF
# pyvm: C's INT_MIN, the "not yet reached" start depth of calculate_stackdepth.
_INT_MIN: Final = -0x80000000

# optimize_load_fast's per-instruction flags (LoadFastInstrFlag).
SUPPORT_KILLED: Final = 1
STORED_AS_LOCAL: Final = 2
REF_UNCONSUMED: Final = 4


def _raise_system_error(msg: str) -> NoReturn:
    """pyvm: ``PyErr_SetString(PyExc_SystemError, msg); return ERROR``."""
    PyErr_SetString(PyExc_SystemError, msg)


def _raise_value_error(msg: str) -> NoReturn:
    """pyvm: ``PyErr_SetString(PyExc_ValueError, msg); return ERROR``."""
    PyErr_SetString(PyExc_ValueError, msg)


# ---------------------------------------------------------------------------
# Instructions and blocks


class cfg_instr:
    """pyvm: the struct ``_PyCfgInstruction`` (``cfg_instr``) of Python/flowgraph.c
    (structs are not in the citation index; the fields are C's members).

    ``i_target`` is the block a jump (or ``SETUP_*``) goes to; ``i_except`` the
    handler block of the instruction's exceptions (None: propagate out).
    """

    i_opcode: int
    i_oparg: int
    i_loc: Location
    i_target: Optional[basicblock]
    i_except: Optional[basicblock]

    def __init__(self, opcode: int, oparg: int, loc: Location,
                 target: Optional[basicblock] = None,
                 except_: Optional[basicblock] = None) -> None:
        self.i_opcode = opcode
        self.i_oparg = oparg
        self.i_loc = loc
        self.i_target = target
        self.i_except = except_

    def copy(self) -> cfg_instr:
        """pyvm: C copies the struct by assignment."""
        return cfg_instr(self.i_opcode, self.i_oparg, self.i_loc, self.i_target, self.i_except)

    def __repr__(self) -> str:
        """pyvm: for debugging (C's ``dump_instr``)."""
        return f"<{opname[self.i_opcode]} {self.i_oparg} line {self.i_loc.lineno}>"


class _PyCfgExceptStack:
    """pyvm: the struct ``_PyCfgExceptStack`` of Python/flowgraph.c.

    ``handlers[0]`` is None (no handler); ``handlers[depth]`` is the innermost.
    """

    handlers: list[Optional[basicblock]]
    depth: int

    def __init__(self) -> None:
        self.handlers = [None]
        self.depth = 0


class basicblock:
    """pyvm: the struct ``_PyCfgBasicblock`` (``basicblock``) of Python/flowgraph.c.

    The bit fields of C are ints (0/1). A new block is zeroed (C allocates it
    with ``PyMem_Calloc``), so ``b_startdepth`` starts at 0.

    ``b_ghost_except`` (pyvm) models the C array's slots beyond ``b_iused``:
    when a block shrinks, C leaves the removed instructions in the array, and
    ``basicblock_addop`` writes a new instruction into the next slot without
    setting ``i_except``, so the new instruction inherits the stale handler of
    the slot (or NULL if the slot was never used). ``NOT_TAKEN`` after a
    conditional jump gets its handler that way. ``b_ghost_except[k]`` is the
    ``i_except`` left in slot ``k``.
    """

    b_list: Optional[basicblock]
    b_label: _PyJumpTargetLabel
    b_exceptstack: Optional[_PyCfgExceptStack]
    b_instr: list[cfg_instr]
    b_next: Optional[basicblock]
    b_unsafe_locals_mask: int
    b_predecessors: int
    b_startdepth: int
    b_preserve_lasti: int
    b_visited: int
    b_except_handler: int
    b_cold: int
    b_warm: int
    b_ghost_except: list[Optional[basicblock]]

    def __init__(self) -> None:
        self.b_list = None
        self.b_label = NO_LABEL
        self.b_exceptstack = None
        self.b_instr = []
        self.b_next = None
        self.b_unsafe_locals_mask = 0
        self.b_predecessors = 0
        self.b_startdepth = 0
        self.b_preserve_lasti = 0
        self.b_visited = 0
        self.b_except_handler = 0
        self.b_cold = 0
        self.b_warm = 0
        self.b_ghost_except = []

    @property
    def b_iused(self) -> int:
        """pyvm: C's count of used instruction slots."""
        return len(self.b_instr)

    def __repr__(self) -> str:
        """pyvm: for debugging (C's ``dump_basicblock``)."""
        return f"<basicblock label={self.b_label.id} n={len(self.b_instr)}>"


class cfg_builder:
    """pyvm: the struct ``_PyCfgBuilder`` (``cfg_builder``) of Python/flowgraph.c."""

    g_entryblock: basicblock
    g_block_list: Optional[basicblock]
    g_curblock: basicblock
    g_current_label: _PyJumpTargetLabel

    def __init__(self) -> None:
        """CPython: Python/flowgraph.c:init_cfg_builder"""
        self.g_block_list = None
        block = cfg_builder_new_block(self)
        self.g_curblock = block
        self.g_entryblock = block
        self.g_current_label = NO_LABEL


def SAME_LABEL(l1: _PyJumpTargetLabel, l2: _PyJumpTargetLabel) -> bool:
    """CPython: Python/flowgraph.c:SAME_LABEL"""
    return l1.id == l2.id


def IS_LABEL(lbl: _PyJumpTargetLabel) -> bool:
    """CPython: Python/flowgraph.c:IS_LABEL"""
    return lbl.id != NO_LABEL.id


def is_block_push(i: cfg_instr) -> bool:
    """CPython: Python/flowgraph.c:is_block_push"""
    return IS_BLOCK_PUSH_OPCODE(i.i_opcode)


def is_jump(i: cfg_instr) -> bool:
    """CPython: Python/flowgraph.c:is_jump"""
    return OPCODE_HAS_JUMP(i.i_opcode)


def INSTR_SET_OP1(i: cfg_instr, op: int, arg: int) -> None:
    """CPython: Python/flowgraph.c:INSTR_SET_OP1"""
    assert OPCODE_HAS_ARG(op)
    i.i_opcode = op
    i.i_oparg = arg


def INSTR_SET_OP0(i: cfg_instr, op: int) -> None:
    """CPython: Python/flowgraph.c:INSTR_SET_OP0"""
    assert not OPCODE_HAS_ARG(op)
    i.i_opcode = op
    i.i_oparg = 0


def INSTR_SET_LOC(i: cfg_instr, loc: Location) -> None:
    """CPython: Python/flowgraph.c:INSTR_SET_LOC"""
    i.i_loc = loc


def basicblock_last_instr(b: basicblock) -> Optional[cfg_instr]:
    """CPython: Python/flowgraph.c:basicblock_last_instr"""
    if b.b_instr:
        return b.b_instr[-1]
    return None


def cfg_builder_new_block(g: cfg_builder) -> basicblock:
    """CPython: Python/flowgraph.c:cfg_builder_new_block"""
    b = basicblock()
    # Extend the singly linked list of blocks with the new block.
    b.b_list = g.g_block_list
    g.g_block_list = b
    b.b_label = NO_LABEL
    return b


def basicblock_addop(b: basicblock, opcode: int, oparg: int, loc: Location) -> None:
    """CPython: Python/flowgraph.c:basicblock_addop"""
    assert IS_WITHIN_OPCODE_RANGE(opcode)
    assert not IS_ASSEMBLER_OPCODE(opcode)
    assert OPCODE_HAS_ARG(opcode) or HAS_TARGET(opcode) or oparg == 0
    assert 0 <= oparg < (1 << 30)
    off = len(b.b_instr)
    ghost = b.b_ghost_except
    # i_except is not written: the slot keeps what it held (see basicblock).
    exc = ghost[off] if off < len(ghost) else None
    b.b_instr.append(cfg_instr(opcode, oparg, loc, None, exc))


def _basicblock_truncate(b: basicblock, n: int) -> None:
    """pyvm: C's ``b->b_iused = n``: the slots from ``n`` keep their contents
    (see :class:`basicblock`)."""
    instrs = b.b_instr
    ghost = b.b_ghost_except
    old = len(instrs)
    if old > len(ghost):
        ghost.extend([None] * (old - len(ghost)))
    for k in range(n, old):
        ghost[k] = instrs[k].i_except
    del instrs[n:]


def basicblock_add_jump(b: basicblock, opcode: int, target: basicblock, loc: Location) -> None:
    """CPython: Python/flowgraph.c:basicblock_add_jump"""
    last = basicblock_last_instr(b)
    if last is not None and is_jump(last):
        _raise_system_error("cannot add a jump after a jump")
    basicblock_addop(b, opcode, target.b_label.id, loc)
    b.b_instr[-1].i_target = target


def basicblock_append_instructions(to: basicblock, frm: basicblock) -> None:
    """CPython: Python/flowgraph.c:basicblock_append_instructions"""
    for instr in frm.b_instr:
        to.b_instr.append(instr.copy())


def basicblock_nofallthrough(b: basicblock) -> bool:
    """CPython: Python/flowgraph.c:basicblock_nofallthrough"""
    last = basicblock_last_instr(b)
    return (last is not None
            and (IS_SCOPE_EXIT_OPCODE(last.i_opcode)
                 or IS_UNCONDITIONAL_JUMP_OPCODE(last.i_opcode)))


def BB_NO_FALLTHROUGH(b: basicblock) -> bool:
    """CPython: Python/flowgraph.c:BB_NO_FALLTHROUGH"""
    return basicblock_nofallthrough(b)


def BB_HAS_FALLTHROUGH(b: basicblock) -> bool:
    """CPython: Python/flowgraph.c:BB_HAS_FALLTHROUGH"""
    return not basicblock_nofallthrough(b)


def copy_basicblock(g: cfg_builder, block: basicblock) -> basicblock:
    """CPython: Python/flowgraph.c:copy_basicblock

    A block with a fallthrough cannot be copied: a block has at most one
    fallthrough predecessor.
    """
    assert BB_NO_FALLTHROUGH(block)
    result = cfg_builder_new_block(g)
    basicblock_append_instructions(result, block)
    return result


def basicblock_insert_instruction(block: basicblock, pos: int, instr: cfg_instr) -> None:
    """CPython: Python/flowgraph.c:basicblock_insert_instruction

    ``instr`` must be a fresh object (C copies the struct).
    """
    block.b_instr.insert(pos, instr)


def cfg_builder_use_next_block(g: cfg_builder, block: basicblock) -> basicblock:
    """CPython: Python/flowgraph.c:cfg_builder_use_next_block"""
    g.g_curblock.b_next = block
    g.g_curblock = block
    return block


def basicblock_exits_scope(b: basicblock) -> bool:
    """CPython: Python/flowgraph.c:basicblock_exits_scope"""
    last = basicblock_last_instr(b)
    return last is not None and IS_SCOPE_EXIT_OPCODE(last.i_opcode)


def basicblock_has_eval_break(b: basicblock) -> bool:
    """CPython: Python/flowgraph.c:basicblock_has_eval_break"""
    for instr in b.b_instr:
        if OPCODE_HAS_EVAL_BREAK(instr.i_opcode):
            return True
    return False


def cfg_builder_current_block_is_terminated(g: cfg_builder) -> bool:
    """CPython: Python/flowgraph.c:cfg_builder_current_block_is_terminated"""
    last = basicblock_last_instr(g.g_curblock)
    if last is not None and IS_TERMINATOR_OPCODE(last.i_opcode):
        return True
    if IS_LABEL(g.g_current_label):
        if last is not None or IS_LABEL(g.g_curblock.b_label):
            return True
        # The current block is empty: label it.
        g.g_curblock.b_label = g.g_current_label
        g.g_current_label = NO_LABEL
    return False


def cfg_builder_maybe_start_new_block(g: cfg_builder) -> None:
    """CPython: Python/flowgraph.c:cfg_builder_maybe_start_new_block"""
    if cfg_builder_current_block_is_terminated(g):
        b = cfg_builder_new_block(g)
        b.b_label = g.g_current_label
        g.g_current_label = NO_LABEL
        cfg_builder_use_next_block(g, b)


def _PyCfgBuilder_New() -> cfg_builder:
    """CPython: Python/flowgraph.c:_PyCfgBuilder_New"""
    return cfg_builder()


def _PyCfgBuilder_Free(g: Optional[cfg_builder]) -> None:
    """CPython: Python/flowgraph.c:_PyCfgBuilder_Free

    pyvm: the host collects the blocks; this only breaks the links.
    """
    if g is None:
        return
    b = g.g_block_list
    while b is not None:
        nxt = b.b_list
        b.b_instr = []
        b.b_list = None
        b.b_next = None
        b = nxt


def _PyCfgBuilder_CheckSize(g: cfg_builder) -> None:
    """CPython: Python/flowgraph.c:_PyCfgBuilder_CheckSize

    pyvm: a host list cannot overflow the way C's size computation can.
    """


def _PyCfgBuilder_UseLabel(g: cfg_builder, lbl: _PyJumpTargetLabel) -> None:
    """CPython: Python/flowgraph.c:_PyCfgBuilder_UseLabel"""
    g.g_current_label = lbl
    cfg_builder_maybe_start_new_block(g)


def _PyCfgBuilder_Addop(g: cfg_builder, opcode: int, oparg: int, loc: Location) -> None:
    """CPython: Python/flowgraph.c:_PyCfgBuilder_Addop"""
    cfg_builder_maybe_start_new_block(g)
    basicblock_addop(g.g_curblock, opcode, oparg, loc)


def next_nonempty_block(b: Optional[basicblock]) -> Optional[basicblock]:
    """CPython: Python/flowgraph.c:next_nonempty_block"""
    while b is not None and not b.b_instr:
        b = b.b_next
    return b


# ---------------------------------------------------------------------------
# CFG preprocessing (jump targets and exceptions)


def normalize_jumps_in_block(g: cfg_builder, b: basicblock) -> None:
    """CPython: Python/flowgraph.c:normalize_jumps_in_block

    A forward conditional jump gets a ``NOT_TAKEN`` after it; a backward one is
    reversed to jump forward over a new block holding ``NOT_TAKEN`` and a
    backward ``JUMP`` (only unconditional jumps go backwards in 3.14 bytecode).
    """
    last = basicblock_last_instr(b)
    if last is None or not IS_CONDITIONAL_JUMP_OPCODE(last.i_opcode):
        return
    assert not IS_ASSEMBLER_OPCODE(last.i_opcode)
    target = last.i_target
    assert target is not None
    is_forward = target.b_visited == 0
    if is_forward:
        basicblock_addop(b, NOT_TAKEN, 0, last.i_loc)
        return

    reversed_opcode = 0
    op = last.i_opcode
    if op == POP_JUMP_IF_NOT_NONE:
        reversed_opcode = POP_JUMP_IF_NONE
    elif op == POP_JUMP_IF_NONE:
        reversed_opcode = POP_JUMP_IF_NOT_NONE
    elif op == POP_JUMP_IF_FALSE:
        reversed_opcode = POP_JUMP_IF_TRUE
    elif op == POP_JUMP_IF_TRUE:
        reversed_opcode = POP_JUMP_IF_FALSE
    # transform 'conditional jump T' to
    # 'reversed_jump b_next' followed by 'jump_backwards T'
    backwards_jump = cfg_builder_new_block(g)
    basicblock_addop(backwards_jump, NOT_TAKEN, 0, last.i_loc)
    basicblock_add_jump(backwards_jump, JUMP, target, last.i_loc)
    backwards_jump.b_startdepth = target.b_startdepth
    last.i_opcode = reversed_opcode
    last.i_target = b.b_next

    backwards_jump.b_cold = b.b_cold
    backwards_jump.b_next = b.b_next
    b.b_next = backwards_jump


def normalize_jumps(g: cfg_builder) -> None:
    """CPython: Python/flowgraph.c:normalize_jumps"""
    entryblock = g.g_entryblock
    b: Optional[basicblock] = entryblock
    while b is not None:
        b.b_visited = 0
        b = b.b_next
    b = entryblock
    while b is not None:
        b.b_visited = 1
        normalize_jumps_in_block(g, b)
        b = b.b_next


def check_cfg(g: cfg_builder) -> None:
    """CPython: Python/flowgraph.c:check_cfg

    Raises SystemError if a jump or exit is not the last instruction of its block.
    """
    b: Optional[basicblock] = g.g_entryblock
    while b is not None:
        n = len(b.b_instr)
        for i in range(n):
            opcode = b.b_instr[i].i_opcode
            assert not IS_ASSEMBLER_OPCODE(opcode)
            if IS_TERMINATOR_OPCODE(opcode) and i != n - 1:
                _raise_system_error("malformed control flow graph.")
        b = b.b_next


def get_max_label(entryblock: basicblock) -> int:
    """CPython: Python/flowgraph.c:get_max_label"""
    lbl = -1
    b: Optional[basicblock] = entryblock
    while b is not None:
        if b.b_label.id > lbl:
            lbl = b.b_label.id
        b = b.b_next
    return lbl


def translate_jump_labels_to_targets(entryblock: basicblock) -> None:
    """CPython: Python/flowgraph.c:translate_jump_labels_to_targets

    Calculates each jump's target block from its label.
    """
    max_label = get_max_label(entryblock)
    label2block: list[Optional[basicblock]] = [None] * (max_label + 1)
    b: Optional[basicblock] = entryblock
    while b is not None:
        if b.b_label.id >= 0:
            label2block[b.b_label.id] = b
        b = b.b_next
    b = entryblock
    while b is not None:
        for instr in b.b_instr:
            assert instr.i_target is None
            if HAS_TARGET(instr.i_opcode):
                lbl = instr.i_oparg
                assert 0 <= lbl <= max_label
                t = label2block[lbl]
                assert t is not None and t.b_label.id == lbl
                instr.i_target = t
        b = b.b_next


def mark_except_handlers(entryblock: basicblock) -> None:
    """CPython: Python/flowgraph.c:mark_except_handlers"""
    b: Optional[basicblock] = entryblock
    while b is not None:
        for instr in b.b_instr:
            if is_block_push(instr):
                t = instr.i_target
                assert t is not None
                t.b_except_handler = 1
        b = b.b_next


def push_except_block(stack: _PyCfgExceptStack, setup: cfg_instr) -> basicblock:
    """CPython: Python/flowgraph.c:push_except_block"""
    assert is_block_push(setup)
    opcode = setup.i_opcode
    target = setup.i_target
    assert target is not None
    if opcode == SETUP_WITH or opcode == SETUP_CLEANUP:
        target.b_preserve_lasti = 1
    assert stack.depth <= CO_MAXBLOCKS
    stack.depth += 1
    if stack.depth < len(stack.handlers):
        stack.handlers[stack.depth] = target
    else:
        stack.handlers.append(target)
    return target


def pop_except_block(stack: _PyCfgExceptStack) -> Optional[basicblock]:
    """CPython: Python/flowgraph.c:pop_except_block"""
    assert stack.depth > 0
    stack.depth -= 1
    return stack.handlers[stack.depth]


def except_stack_top(stack: _PyCfgExceptStack) -> Optional[basicblock]:
    """CPython: Python/flowgraph.c:except_stack_top"""
    return stack.handlers[stack.depth]


def make_except_stack() -> _PyCfgExceptStack:
    """CPython: Python/flowgraph.c:make_except_stack"""
    return _PyCfgExceptStack()


def copy_except_stack(stack: _PyCfgExceptStack) -> _PyCfgExceptStack:
    """CPython: Python/flowgraph.c:copy_except_stack"""
    copy = _PyCfgExceptStack()
    copy.handlers = list(stack.handlers)
    copy.depth = stack.depth
    return copy


def make_cfg_traversal_stack(entryblock: basicblock) -> list[basicblock]:
    """CPython: Python/flowgraph.c:make_cfg_traversal_stack

    Clears ``b_visited`` on every block and returns an empty work stack.
    """
    b: Optional[basicblock] = entryblock
    while b is not None:
        b.b_visited = 0
        b = b.b_next
    return []


def get_stack_effects(opcode: int, oparg: int, jump: int) -> int:
    """CPython: Python/flowgraph.c:get_stack_effects

    The net stack effect, or ``PY_INVALID_STACK_EFFECT`` (C returns -1).
    ``jump``: 0 when not jumping, 1 when jumping, -1 for the maximum.
    """
    if opcode < 0:
        return PY_INVALID_STACK_EFFECT
    if opcode <= MAX_REAL_OPCODE and _PyOpcode_Deopt[opcode] != opcode:
        # Specialized instructions are not supported.
        return PY_INVALID_STACK_EFFECT
    popped = _PyOpcode_num_popped(opcode, oparg)
    pushed = _PyOpcode_num_pushed(opcode, oparg)
    if popped < 0 or pushed < 0:
        return PY_INVALID_STACK_EFFECT
    if IS_BLOCK_PUSH_OPCODE(opcode) and not jump:
        return 0
    return pushed - popped


def stackdepth_push(sp: list[basicblock], b: basicblock, depth: int) -> None:
    """CPython: Python/flowgraph.c:stackdepth_push"""
    if not (b.b_startdepth < 0 or b.b_startdepth == depth):
        _raise_value_error("Invalid CFG, inconsistent stackdepth")
    if b.b_startdepth < depth and b.b_startdepth < 100:
        assert b.b_startdepth < 0
        b.b_startdepth = depth
        sp.append(b)


def calculate_stackdepth(g: cfg_builder) -> int:
    """CPython: Python/flowgraph.c:calculate_stackdepth

    Finds the flow path that needs the largest stack, assuming that cycles in
    the graph have no net effect on the depth. Sets every reachable block's
    ``b_startdepth``.
    """
    entryblock = g.g_entryblock
    b0: Optional[basicblock] = entryblock
    while b0 is not None:
        b0.b_startdepth = _INT_MIN
        b0 = b0.b_next
    sp = make_cfg_traversal_stack(entryblock)

    maxdepth = 0
    stackdepth_push(sp, entryblock, 0)
    while sp:
        b = sp.pop()
        depth = b.b_startdepth
        assert depth >= 0
        nxt = b.b_next
        for instr in b.b_instr:
            effect = get_stack_effects(instr.i_opcode, instr.i_oparg, 0)
            if effect == PY_INVALID_STACK_EFFECT:
                PyErr_Format(PyExc_SystemError,
                             f"Invalid stack effect for opcode={instr.i_opcode}, arg={instr.i_oparg}")
            new_depth = depth + effect
            if new_depth < 0:
                _raise_value_error("Invalid CFG, stack underflow")
            maxdepth = max(maxdepth, depth)
            if HAS_TARGET(instr.i_opcode) and instr.i_opcode != END_ASYNC_FOR:
                effect = get_stack_effects(instr.i_opcode, instr.i_oparg, 1)
                if effect == PY_INVALID_STACK_EFFECT:
                    PyErr_Format(PyExc_SystemError,
                                 f"Invalid stack effect for opcode={instr.i_opcode}, arg={instr.i_oparg}")
                target_depth = depth + effect
                assert target_depth >= 0
                maxdepth = max(maxdepth, depth)
                t = instr.i_target
                assert t is not None
                stackdepth_push(sp, t, target_depth)
            depth = new_depth
            assert not IS_ASSEMBLER_OPCODE(instr.i_opcode)
            if (IS_UNCONDITIONAL_JUMP_OPCODE(instr.i_opcode)
                    or IS_SCOPE_EXIT_OPCODE(instr.i_opcode)):
                # remaining code is dead
                nxt = None
                break
        if nxt is not None:
            assert BB_HAS_FALLTHROUGH(b)
            stackdepth_push(sp, nxt, depth)
    return maxdepth


def label_exception_targets(entryblock: basicblock) -> None:
    """CPython: Python/flowgraph.c:label_exception_targets

    Walks the graph with the stack of active handlers, setting each instruction's
    ``i_except``, turning ``POP_BLOCK`` into ``NOP`` and marking the ``RESUME``
    after a ``YIELD_VALUE`` that runs inside exactly one handler.
    """
    todo = make_cfg_traversal_stack(entryblock)
    except_stack: Optional[_PyCfgExceptStack] = make_except_stack()
    todo.append(entryblock)
    entryblock.b_visited = 1
    entryblock.b_exceptstack = except_stack
    while todo:
        b = todo.pop()
        assert b.b_visited == 1
        except_stack = b.b_exceptstack
        assert except_stack is not None
        b.b_exceptstack = None
        handler = except_stack_top(except_stack)
        last_yield_except_depth = -1
        n = len(b.b_instr)
        for i in range(n):
            instr = b.b_instr[i]
            if is_block_push(instr):
                t = instr.i_target
                assert t is not None and except_stack is not None
                if not t.b_visited:
                    t.b_exceptstack = copy_except_stack(except_stack)
                    todo.append(t)
                    t.b_visited = 1
                handler = push_except_block(except_stack, instr)
            elif instr.i_opcode == POP_BLOCK:
                assert except_stack is not None
                handler = pop_except_block(except_stack)
                INSTR_SET_OP0(instr, NOP)
            elif is_jump(instr):
                instr.i_except = handler
                assert i == n - 1
                t = instr.i_target
                assert t is not None
                if not t.b_visited:
                    assert except_stack is not None
                    if BB_HAS_FALLTHROUGH(b):
                        t.b_exceptstack = copy_except_stack(except_stack)
                    else:
                        t.b_exceptstack = except_stack
                        except_stack = None
                    todo.append(t)
                    t.b_visited = 1
            elif instr.i_opcode == YIELD_VALUE:
                instr.i_except = handler
                assert except_stack is not None
                last_yield_except_depth = except_stack.depth
            elif instr.i_opcode == RESUME:
                instr.i_except = handler
                if instr.i_oparg != RESUME_AT_FUNC_START:
                    assert last_yield_except_depth >= 0
                    if last_yield_except_depth == 1:
                        instr.i_oparg |= RESUME_OPARG_DEPTH1_MASK
                    last_yield_except_depth = -1
            else:
                instr.i_except = handler
        nb = b.b_next
        if BB_HAS_FALLTHROUGH(b) and nb is not None and not nb.b_visited:
            assert except_stack is not None
            nb.b_exceptstack = except_stack
            todo.append(nb)
            nb.b_visited = 1


# ---------------------------------------------------------------------------
# CFG optimizations


def remove_unreachable(entryblock: basicblock) -> None:
    """CPython: Python/flowgraph.c:remove_unreachable

    Counts each block's predecessors and empties the blocks nothing reaches.
    """
    b0: Optional[basicblock] = entryblock
    while b0 is not None:
        b0.b_predecessors = 0
        b0 = b0.b_next
    stack = make_cfg_traversal_stack(entryblock)
    entryblock.b_predecessors = 1
    stack.append(entryblock)
    entryblock.b_visited = 1
    while stack:
        b = stack.pop()
        nb = b.b_next
        if nb is not None and BB_HAS_FALLTHROUGH(b):
            if not nb.b_visited:
                assert nb.b_predecessors == 0
                stack.append(nb)
                nb.b_visited = 1
            nb.b_predecessors += 1
        for instr in b.b_instr:
            if is_jump(instr) or is_block_push(instr):
                target = instr.i_target
                assert target is not None
                if not target.b_visited:
                    stack.append(target)
                    target.b_visited = 1
                target.b_predecessors += 1

    # Delete unreachable instructions
    b0 = entryblock
    while b0 is not None:
        if b0.b_predecessors == 0:
            _basicblock_truncate(b0, 0)
            b0.b_except_handler = 0
        b0 = b0.b_next


def basicblock_remove_redundant_nops(bb: basicblock) -> int:
    """CPython: Python/flowgraph.c:basicblock_remove_redundant_nops

    Removes the NOPs that carry no line number of their own. Returns how many.
    """
    instrs = bb.b_instr
    n = len(instrs)
    dest = 0
    prev_lineno = -1
    for src in range(n):
        lineno = instrs[src].i_loc.lineno
        if instrs[src].i_opcode == NOP:
            # Eliminate no-op if it doesn't have a line number
            if lineno < 0:
                continue
            # or, if the previous instruction had the same line number.
            if prev_lineno == lineno:
                continue
            # or, if the next instruction has same line number or no line number
            if src < n - 1:
                next_lineno = instrs[src + 1].i_loc.lineno
                if next_lineno == lineno:
                    continue
                if next_lineno < 0:
                    instrs[src + 1].i_loc = instrs[src].i_loc
                    continue
            else:
                nxt = next_nonempty_block(bb.b_next)
                # or if last instruction in BB and next BB has same line number
                if nxt is not None:
                    next_loc = NO_LOCATION
                    for instr in nxt.b_instr:
                        if instr.i_opcode == NOP and instr.i_loc.lineno < 0:
                            # Skip over NOPs without a location, they will be removed
                            continue
                        next_loc = instr.i_loc
                        break
                    if lineno == next_loc.lineno:
                        continue
        if dest != src:
            instrs[dest] = instrs[src]
        dest += 1
        prev_lineno = lineno
    num_removed = n - dest
    if num_removed:
        _basicblock_truncate(bb, dest)
    return num_removed


def remove_redundant_nops(g: cfg_builder) -> int:
    """CPython: Python/flowgraph.c:remove_redundant_nops"""
    changes = 0
    b: Optional[basicblock] = g.g_entryblock
    while b is not None:
        changes += basicblock_remove_redundant_nops(b)
        b = b.b_next
    return changes


def remove_redundant_nops_and_pairs(entryblock: basicblock) -> None:
    """CPython: Python/flowgraph.c:remove_redundant_nops_and_pairs

    Also removes ``LOAD_CONST``/``LOAD_SMALL_INT``/``COPY 1`` followed by
    ``POP_TOP``, across block boundaries that are not jump targets.
    """
    done = False
    while not done:
        done = True
        prev_instr: Optional[cfg_instr] = None
        instr: Optional[cfg_instr] = None
        b: Optional[basicblock] = entryblock
        while b is not None:
            basicblock_remove_redundant_nops(b)
            if IS_LABEL(b.b_label):
                # this block is a jump target, forget instr
                instr = None
            for cur in b.b_instr:
                prev_instr = instr
                instr = cur
                prev_opcode = prev_instr.i_opcode if prev_instr is not None else 0
                prev_oparg = prev_instr.i_oparg if prev_instr is not None else 0
                opcode = instr.i_opcode
                is_redundant_pair = False
                if opcode == POP_TOP:
                    if prev_opcode == LOAD_CONST or prev_opcode == LOAD_SMALL_INT:
                        is_redundant_pair = True
                    elif prev_opcode == COPY and prev_oparg == 1:
                        is_redundant_pair = True
                if is_redundant_pair:
                    assert prev_instr is not None
                    INSTR_SET_OP0(prev_instr, NOP)
                    INSTR_SET_OP0(instr, NOP)
                    done = False
            if (instr is not None and is_jump(instr)) or not BB_HAS_FALLTHROUGH(b):
                instr = None
            b = b.b_next


def remove_redundant_jumps(g: cfg_builder) -> int:
    """CPython: Python/flowgraph.c:remove_redundant_jumps

    A block ending with an unconditional jump to the next non-empty block in
    layout order does not need the jump. Returns the number of changes.
    """
    changes = 0
    b: Optional[basicblock] = g.g_entryblock
    while b is not None:
        last = basicblock_last_instr(b)
        if last is not None:
            assert not IS_ASSEMBLER_OPCODE(last.i_opcode)
            if IS_UNCONDITIONAL_JUMP_OPCODE(last.i_opcode):
                jump_target = next_nonempty_block(last.i_target)
                if jump_target is None:
                    _raise_system_error("jump with NULL target")
                nxt = next_nonempty_block(b.b_next)
                if jump_target is nxt:
                    changes += 1
                    INSTR_SET_OP0(last, NOP)
        b = b.b_next
    return changes


def basicblock_has_no_lineno(b: basicblock) -> bool:
    """CPython: Python/flowgraph.c:basicblock_has_no_lineno"""
    for instr in b.b_instr:
        if instr.i_loc.lineno >= 0:
            return False
    return True


def basicblock_inline_small_or_no_lineno_blocks(bb: basicblock) -> int:
    """CPython: Python/flowgraph.c:basicblock_inline_small_or_no_lineno_blocks

    If this block ends with an unconditional jump to a small exit block or to a
    block without line numbers (and no fallthrough), replaces the jump by a copy
    of the target. Returns 1 if it did.
    """
    last = basicblock_last_instr(bb)
    if last is None:
        return 0
    if not IS_UNCONDITIONAL_JUMP_OPCODE(last.i_opcode):
        return 0
    target = last.i_target
    assert target is not None
    small_exit_block = basicblock_exits_scope(target) and len(target.b_instr) <= MAX_COPY_SIZE
    no_lineno_no_fallthrough = basicblock_has_no_lineno(target) and not BB_HAS_FALLTHROUGH(target)
    if small_exit_block or no_lineno_no_fallthrough:
        assert is_jump(last)
        removed_jump_opcode = last.i_opcode
        INSTR_SET_OP0(last, NOP)
        basicblock_append_instructions(bb, target)
        if no_lineno_no_fallthrough:
            last2 = basicblock_last_instr(bb)
            assert last2 is not None
            if IS_UNCONDITIONAL_JUMP_OPCODE(last2.i_opcode) and removed_jump_opcode == JUMP:
                # Make sure we don't lose eval breaker checks
                last2.i_opcode = JUMP
        target.b_predecessors -= 1
        return 1
    return 0


def inline_small_or_no_lineno_blocks(entryblock: basicblock) -> None:
    """CPython: Python/flowgraph.c:inline_small_or_no_lineno_blocks"""
    changes = True
    while changes:
        # every change removes a jump, ensuring convergence
        changes = False
        b: Optional[basicblock] = entryblock
        while b is not None:
            if basicblock_inline_small_or_no_lineno_blocks(b):
                changes = True
            b = b.b_next


def jump_thread(bb: basicblock, inst: cfg_instr, target: cfg_instr, opcode: int) -> bool:
    """CPython: Python/flowgraph.c:jump_thread

    Makes ``inst`` (the last instruction of ``bb``) jump straight to where the
    jump ``target`` goes, using ``opcode``. Returns whether anything changed.
    """
    assert is_jump(inst)
    assert is_jump(target)
    assert inst is basicblock_last_instr(bb)
    # bpo-45773: If inst->i_target == target->i_target, then nothing actually
    # changes (and we fall into an infinite loop):
    if inst.i_target is not target.i_target:
        # Change inst to NOP and append a jump to target->i_target. The
        # NOP will be removed later if it's not needed for the lineno.
        INSTR_SET_OP0(inst, NOP)
        tt = target.i_target
        assert tt is not None
        basicblock_add_jump(bb, opcode, tt, target.i_loc)
        return True
    return False


def loads_const(opcode: int) -> bool:
    """CPython: Python/flowgraph.c:loads_const"""
    return OPCODE_HAS_CONST(opcode) or opcode == LOAD_SMALL_INT


def get_const_value(opcode: int, oparg: int, co_consts: list[object]) -> object:
    """CPython: Python/flowgraph.c:get_const_value"""
    assert loads_const(opcode)
    if opcode == LOAD_CONST:
        n = len(co_consts)
        if oparg < 0 or oparg >= n:
            _raise_value_error(
                f"LOAD_CONST index {oparg} is out of range for consts (len={n})")
        return co_consts[oparg]
    if opcode == LOAD_SMALL_INT:
        return oparg
    _raise_system_error("Internal error: failed to get value of a constant")


class _ConstsIndex:
    """pyvm: C's ``consts_index``, a hashtable from a constant's *address* to its
    index in ``consts``. Keyed here by ``id()``; the objects stay alive in
    ``consts`` while the table is in use.
    """

    index: dict[int, int]

    def __init__(self) -> None:
        self.index = {}


def add_const(newconst: object, consts: list[object], const_cache: dict[object, object],
              consts_index: _ConstsIndex) -> int:
    """CPython: Python/flowgraph.c:add_const

    The index of ``newconst`` in ``consts`` (after merging it with an equal
    constant of ``const_cache``), appending it if it is new.
    """
    # compile.py imports this module; importing it at the top would be a cycle.
    from pyvm.compile.compile import _PyCompile_ConstCacheMergeOne  # cycle: compile -> flowgraph

    newconst = _PyCompile_ConstCacheMergeOne(const_cache, newconst)
    found = consts_index.index.get(id(newconst))
    if found is not None:
        return found
    index = len(consts)
    if index >= 0x7FFFFFFF - 1:
        PyErr_SetString(PyExc_OverflowError, "too many constants")
    consts.append(newconst)
    consts_index.index[id(newconst)] = index
    return index


def get_const_loading_instrs(bb: basicblock, start: int, size: int) -> Optional[list[cfg_instr]]:
    """CPython: Python/flowgraph.c:get_const_loading_instrs

    Walks back from ``start`` over NOPs collecting ``size`` consecutive
    constant loads; returns them in order, or None if there are not so many.
    """
    assert start < len(bb.b_instr)
    assert 0 <= size <= _PY_STACK_USE_GUIDELINE
    instrs: list[Optional[cfg_instr]] = [None] * size
    while start >= 0 and size > 0:
        instr = bb.b_instr[start]
        start -= 1
        if instr.i_opcode == NOP:
            continue
        if not loads_const(instr.i_opcode):
            return None
        size -= 1
        instrs[size] = instr
    if size != 0:
        return None
    out: list[cfg_instr] = []
    for x in instrs:
        assert x is not None
        out.append(x)
    return out


def nop_out(instrs: list[cfg_instr]) -> None:
    """CPython: Python/flowgraph.c:nop_out"""
    for instr in instrs:
        assert instr.i_opcode != NOP
        INSTR_SET_OP0(instr, NOP)
        INSTR_SET_LOC(instr, NO_LOCATION)


def maybe_instr_make_load_smallint(instr: cfg_instr, newconst: object) -> bool:
    """CPython: Python/flowgraph.c:maybe_instr_make_load_smallint

    Turns ``instr`` into ``LOAD_SMALL_INT`` if ``newconst`` is an exact int in
    0..255.
    """
    if type(newconst) is int:
        val = newconst
        if 0 <= val <= 255:
            INSTR_SET_OP1(instr, LOAD_SMALL_INT, val)
            return True
    return False


def instr_make_load_const(instr: cfg_instr, newconst: object, consts: list[object],
                          const_cache: dict[object, object], consts_index: _ConstsIndex) -> None:
    """CPython: Python/flowgraph.c:instr_make_load_const"""
    if maybe_instr_make_load_smallint(instr, newconst):
        return
    oparg = add_const(newconst, consts, const_cache, consts_index)
    INSTR_SET_OP1(instr, LOAD_CONST, oparg)


def fold_tuple_of_constants(bb: basicblock, i: int, consts: list[object],
                            const_cache: dict[object, object], consts_index: _ConstsIndex) -> None:
    """CPython: Python/flowgraph.c:fold_tuple_of_constants

    ``LOAD_CONST c1 ... LOAD_CONST cn, BUILD_TUPLE n`` becomes
    ``LOAD_CONST (c1, ..., cn)``.
    """
    instr = bb.b_instr[i]
    assert instr.i_opcode == BUILD_TUPLE
    seq_size = instr.i_oparg
    if seq_size > _PY_STACK_USE_GUIDELINE:
        return
    const_instrs = get_const_loading_instrs(bb, i - 1, seq_size)
    if const_instrs is None:
        # not a const sequence
        return
    items: list[object] = []
    for inst in const_instrs:
        assert loads_const(inst.i_opcode)
        items.append(get_const_value(inst.i_opcode, inst.i_oparg, consts))
    const_tuple = tuple(items)
    nop_out(const_instrs)
    instr_make_load_const(instr, const_tuple, consts, const_cache, consts_index)


def fold_constant_intrinsic_list_to_tuple(bb: basicblock, i: int, consts: list[object],
                                          const_cache: dict[object, object],
                                          consts_index: _ConstsIndex) -> None:
    """CPython: Python/flowgraph.c:fold_constant_intrinsic_list_to_tuple

    ``BUILD_LIST 0, (LOAD_CONST c, LIST_APPEND 1)*, CALL_INTRINSIC_1
    INTRINSIC_LIST_TO_TUPLE`` becomes ``LOAD_CONST (c1, ..., cN)``.
    """
    intrinsic = bb.b_instr[i]
    assert intrinsic.i_opcode == CALL_INTRINSIC_1
    assert intrinsic.i_oparg == INTRINSIC_LIST_TO_TUPLE
    consts_found = 0
    expect_append = True
    pos = i - 1
    while pos >= 0:
        instr = bb.b_instr[pos]
        opcode = instr.i_opcode
        oparg = instr.i_oparg
        if opcode == NOP:
            pos -= 1
            continue
        if opcode == BUILD_LIST and oparg == 0:
            if not expect_append:
                # Not a sequence start.
                return
            # Sequence start, we are done.
            newconst: list[object] = [None] * consts_found
            newpos = i - 1
            while newpos >= pos:
                instr = bb.b_instr[newpos]
                newpos -= 1
                if instr.i_opcode == NOP:
                    continue
                if loads_const(instr.i_opcode):
                    constant = get_const_value(instr.i_opcode, instr.i_oparg, consts)
                    assert consts_found > 0
                    consts_found -= 1
                    newconst[consts_found] = constant
                nop_out([instr])
            assert consts_found == 0
            instr_make_load_const(intrinsic, tuple(newconst), consts, const_cache, consts_index)
            return
        if expect_append:
            if opcode != LIST_APPEND or oparg != 1:
                return
        else:
            if not loads_const(opcode):
                return
            consts_found += 1
        expect_append = not expect_append
        pos -= 1
    # Did not find sequence start.


def optimize_lists_and_sets(bb: basicblock, i: int, nextop: int, consts: list[object],
                            const_cache: dict[object, object], consts_index: _ConstsIndex) -> None:
    """CPython: Python/flowgraph.c:optimize_lists_and_sets

    1. Before ``GET_ITER`` / ``CONTAINS_OP``: a list or set of constants becomes
       a constant tuple or frozenset; a list of non-constants becomes a tuple.
    2. A constant list/set of at least MIN_CONST_SEQUENCE_SIZE items becomes
       ``BUILD_LIST 0, LOAD_CONST (c1, ..., cN), LIST_EXTEND 1`` (or
       ``BUILD_SET``/``SET_UPDATE``).
    """
    instr = bb.b_instr[i]
    assert instr.i_opcode == BUILD_LIST or instr.i_opcode == BUILD_SET
    contains_or_iter = nextop == GET_ITER or nextop == CONTAINS_OP
    seq_size = instr.i_oparg
    if (seq_size > _PY_STACK_USE_GUIDELINE
            or (seq_size < MIN_CONST_SEQUENCE_SIZE and not contains_or_iter)):
        return
    const_instrs = get_const_loading_instrs(bb, i - 1, seq_size)
    if const_instrs is None:
        # not a const sequence
        if contains_or_iter and instr.i_opcode == BUILD_LIST:
            # iterate over a tuple instead of list
            INSTR_SET_OP1(instr, BUILD_TUPLE, instr.i_oparg)
        return
    items: list[object] = []
    for inst in const_instrs:
        assert loads_const(inst.i_opcode)
        items.append(get_const_value(inst.i_opcode, inst.i_oparg, consts))
    const_result: object
    if instr.i_opcode == BUILD_SET:
        try:
            const_result = frozenset(items)
        except TypeError:
            # pyvm: a host 3.11 slice is unhashable (3.14's are hashable); leave
            # such a set alone.
            return
    else:
        const_result = tuple(items)
    index = add_const(const_result, consts, const_cache, consts_index)
    if isinstance(const_result, frozenset):
        # pyvm: a host frozenset forgets the insertion order CPython's has.
        canon = consts[index]
        if canon is const_result:
            _PyAssemble_NoteFrozenSetOrder(const_cache, const_result, tuple(items))
    nop_out(const_instrs)

    if contains_or_iter:
        INSTR_SET_OP1(instr, LOAD_CONST, index)
    else:
        assert i >= 2
        build_op = instr.i_opcode
        INSTR_SET_LOC(bb.b_instr[i - 2], instr.i_loc)
        INSTR_SET_OP1(bb.b_instr[i - 2], build_op, 0)
        INSTR_SET_OP1(bb.b_instr[i - 1], LOAD_CONST, index)
        INSTR_SET_OP1(bb.b_instr[i], LIST_EXTEND if build_op == BUILD_LIST else SET_UPDATE, 1)


def const_folding_check_complexity(obj: object, limit: int) -> int:
    """CPython: Python/flowgraph.c:const_folding_check_complexity

    Whether the total number of items of the (possibly nested) tuple ``obj``
    exceeds ``limit``: negative if it does.
    """
    if isinstance(obj, tuple):
        limit -= len(obj)
        i = 0
        while limit >= 0 and i < len(obj):
            limit = const_folding_check_complexity(obj[i], limit)
            if limit < 0:
                return limit
            i += 1
    return limit


class _FoldFailed(Exception):
    """pyvm: a fold that C abandons (its helper returns NULL)."""


def _num_bits(v: int) -> int:
    """pyvm: ``_PyLong_NumBits``."""
    return abs(v).bit_length()


def _as_long(v: int) -> int:
    """pyvm: ``PyLong_AsLong``: -1 (with an error C clears) on overflow."""
    if -(1 << 63) <= v < (1 << 63):
        return v
    return -1


def const_folding_safe_multiply(v: object, w: object) -> object:
    """CPython: Python/flowgraph.c:const_folding_safe_multiply"""
    if isinstance(v, int) and isinstance(w, int) and v != 0 and w != 0:
        vbits = _num_bits(v)
        wbits = _num_bits(w)
        if vbits + wbits > MAX_INT_SIZE:
            raise _FoldFailed()
    elif isinstance(v, int) and isinstance(w, tuple):
        size = len(w)
        if size:
            n = _as_long(v)
            if n < 0 or n > MAX_COLLECTION_SIZE // size:
                raise _FoldFailed()
            if n and const_folding_check_complexity(w, MAX_TOTAL_ITEMS // n) < 0:
                raise _FoldFailed()
    elif isinstance(v, int) and isinstance(w, (str, bytes)):
        size = len(w)
        if size:
            n = _as_long(v)
            if n < 0 or n > MAX_STR_SIZE // size:
                raise _FoldFailed()
    elif isinstance(w, int) and isinstance(v, (tuple, str, bytes)):
        return const_folding_safe_multiply(w, v)
    return _host_binop(NB_MULTIPLY, v, w)


def const_folding_safe_power(v: object, w: object) -> object:
    """CPython: Python/flowgraph.c:const_folding_safe_power"""
    if isinstance(v, int) and isinstance(w, int) and v != 0 and w > 0:
        vbits = _num_bits(v)
        if w >= (1 << 64):
            # PyLong_AsSize_t overflows
            raise _FoldFailed()
        wbits = w
        if vbits > MAX_INT_SIZE // wbits:
            raise _FoldFailed()
    return _host_binop(NB_POWER, v, w)


def const_folding_safe_lshift(v: object, w: object) -> object:
    """CPython: Python/flowgraph.c:const_folding_safe_lshift"""
    if isinstance(v, int) and isinstance(w, int) and v != 0 and w != 0:
        vbits = _num_bits(v)
        if w < 0 or w >= (1 << 64):
            # PyLong_AsSize_t fails on negative or huge values
            raise _FoldFailed()
        wbits = w
        if wbits > MAX_INT_SIZE or vbits > MAX_INT_SIZE - wbits:
            raise _FoldFailed()
    return _host_binop(NB_LSHIFT, v, w)


def const_folding_safe_mod(v: object, w: object) -> object:
    """CPython: Python/flowgraph.c:const_folding_safe_mod

    ``%`` on str and bytes is formatting: never folded.
    """
    if isinstance(v, (str, bytes)):
        raise _FoldFailed()
    return _host_binop(NB_REMAINDER, v, w)


_FOLDABLE_TYPES: Final = (bool, int, float, complex, str, bytes, tuple, frozenset,
                          slice, type(None), type(Ellipsis))


def _check_operand(o: object) -> None:
    """pyvm: only host constant values take part in folding (a nested code
    object, the one pyvm object among constants, has no arithmetic; C's
    operation would raise TypeError and the fold would be skipped)."""
    if not isinstance(o, _FOLDABLE_TYPES):
        raise _FoldFailed()
    if isinstance(o, tuple):
        for x in o:
            _check_operand(x)


def _real_to_double(o: object) -> float:
    """pyvm: ``real_to_double`` of Objects/complexobject.c (an int too large
    for a double raises, and the fold is skipped)."""
    if isinstance(o, float):
        return o
    if isinstance(o, int):
        try:
            return float(o)
        except OverflowError:
            raise _FoldFailed()
    raise _FoldFailed()


def _c_prod(a: float, b: float, c: float, d: float) -> complex:
    """pyvm: complexobject's _Py_c_prod (3.14's C11 Annex G.5.1 recovery of
    infinities, which the 3.11 host lacks) on host floats, as a host complex.
    """
    rr, ri = _Py_c_prod(a, b, c, d)
    return complex(rr, ri)


def _c_quot(ar: float, ai: float, br: float, bi: float) -> complex:
    """pyvm: complexobject's _Py_c_quot on host floats, as a host complex.

    Division by zero is a failed fold (C: ZeroDivisionError).
    """
    try:
        rr, ri = _Py_c_quot(ar, ai, br, bi)
    except _Errno:
        raise _FoldFailed()
    return complex(rr, ri)


def _rc_quot(a: float, br: float, bi: float) -> complex:
    """pyvm: complexobject's _Py_rc_quot on host floats, as a host complex.

    Division by zero is a failed fold (C: ZeroDivisionError).
    """
    try:
        rr, ri = _Py_rc_quot(a, br, bi)
    except _Errno:
        raise _FoldFailed()
    return complex(rr, ri)


def _complex_binop(op: int, v: object, w: object) -> object:
    """CPython: Objects/complexobject.c:COMPLEX_BINOP

    3.14's complex ``+ - * /``, whose mixed-mode rules (a real operand is not
    first made complex) give other signed zeros than the 3.11 host, e.g.
    ``3 - 0j == (3-0j)``.
    """
    if isinstance(w, complex):
        if isinstance(v, complex):
            if op == NB_ADD:
                return complex(v.real + w.real, v.imag + w.imag)
            if op == NB_SUBTRACT:
                return complex(v.real - w.real, v.imag - w.imag)
            if op == NB_MULTIPLY:
                return _c_prod(v.real, v.imag, w.real, w.imag)
            return _c_quot(v.real, v.imag, w.real, w.imag)
        a = _real_to_double(v)
        if op == NB_ADD:
            return complex(w.real + a, w.imag)
        if op == NB_SUBTRACT:
            return complex(a - w.real, -w.imag)
        if op == NB_MULTIPLY:
            return complex(w.real * a, w.imag * a)
        return _rc_quot(a, w.real, w.imag)
    assert isinstance(v, complex)
    b = _real_to_double(w)
    if op == NB_ADD:
        return complex(v.real + b, v.imag)
    if op == NB_SUBTRACT:
        return complex(v.real - b, v.imag)
    if op == NB_MULTIPLY:
        return complex(v.real * b, v.imag * b)
    if b == 0.0:
        raise _FoldFailed()
    return complex(v.real / b, v.imag / b)


def _host_binop(op: int, left: object, right: object) -> object:
    """pyvm: the ``PyNumber_*`` call of ``eval_const_binop`` done on host values.

    Any host exception is a failed fold (C clears the error and skips).
    """
    _check_operand(left)
    _check_operand(right)
    lf: object = left
    rt: object = right
    if ((isinstance(lf, complex) or isinstance(rt, complex))
            and (op == NB_ADD or op == NB_SUBTRACT or op == NB_MULTIPLY or op == NB_TRUE_DIVIDE)
            and isinstance(lf, (bool, int, float, complex))
            and isinstance(rt, (bool, int, float, complex))):
        return _complex_binop(op, lf, rt)
    try:
        if op == NB_ADD:
            return lf + rt  # type: ignore[operator]  # host value of any constant type
        if op == NB_SUBTRACT:
            return lf - rt  # type: ignore[operator]  # see above
        if op == NB_MULTIPLY:
            return lf * rt  # type: ignore[operator]  # see above
        if op == NB_TRUE_DIVIDE:
            return lf / rt  # type: ignore[operator]  # see above
        if op == NB_FLOOR_DIVIDE:
            return lf // rt  # type: ignore[operator]  # see above
        if op == NB_REMAINDER:
            return lf % rt  # type: ignore[operator]  # see above
        if op == NB_POWER:
            return pow(lf, rt)  # type: ignore[call-overload]  # see above
        if op == NB_LSHIFT:
            return lf << rt  # type: ignore[operator]  # see above
        if op == NB_RSHIFT:
            return lf >> rt  # type: ignore[operator]  # see above
        if op == NB_OR:
            return lf | rt  # type: ignore[operator]  # see above
        if op == NB_XOR:
            return lf ^ rt  # type: ignore[operator]  # see above
        if op == NB_AND:
            return lf & rt  # type: ignore[operator]  # see above
        if op == NB_SUBSCR:
            return lf[rt]  # type: ignore[index]  # see above
    except Exception:
        raise _FoldFailed()
    raise _FoldFailed()


def _check_result(result: object) -> object:
    """pyvm: results that 3.14 would compute differently from the 3.11 host are
    not folded (none known for the operations above); every folded result must
    be a host constant type."""
    if not isinstance(result, _FOLDABLE_TYPES):
        raise _FoldFailed()
    return result


def eval_const_binop(left: object, op: int, right: object) -> object:
    """CPython: Python/flowgraph.c:eval_const_binop

    Raises ``_FoldFailed`` where C returns NULL.
    """
    if op == NB_MULTIPLY:
        result = const_folding_safe_multiply(left, right)
    elif op == NB_REMAINDER:
        result = const_folding_safe_mod(left, right)
    elif op == NB_POWER:
        result = const_folding_safe_power(left, right)
    elif op == NB_LSHIFT:
        result = const_folding_safe_lshift(left, right)
    elif op == NB_MATRIX_MULTIPLY:
        # No builtin constants implement matrix multiplication
        raise _FoldFailed()
    elif (op == NB_ADD or op == NB_SUBTRACT or op == NB_TRUE_DIVIDE or op == NB_FLOOR_DIVIDE
          or op == NB_RSHIFT or op == NB_OR or op == NB_XOR or op == NB_AND or op == NB_SUBSCR):
        result = _host_binop(op, left, right)
    else:
        raise _FoldFailed()
    return _check_result(result)


def fold_const_binop(bb: basicblock, i: int, consts: list[object],
                     const_cache: dict[object, object], consts_index: _ConstsIndex) -> None:
    """CPython: Python/flowgraph.c:fold_const_binop"""
    binop = bb.b_instr[i]
    assert binop.i_opcode == BINARY_OP
    operands_instrs = get_const_loading_instrs(bb, i - 1, 2)
    if operands_instrs is None:
        # not a const sequence
        return
    lhs_instr = operands_instrs[0]
    lhs = get_const_value(lhs_instr.i_opcode, lhs_instr.i_oparg, consts)
    rhs_instr = operands_instrs[1]
    rhs = get_const_value(rhs_instr.i_opcode, rhs_instr.i_oparg, consts)
    try:
        newconst = eval_const_binop(lhs, binop.i_oparg, rhs)
    except _FoldFailed:
        return
    nop_out(operands_instrs)
    instr_make_load_const(binop, newconst, consts, const_cache, consts_index)


def eval_const_unaryop(operand: object, opcode: int, oparg: int) -> object:
    """CPython: Python/flowgraph.c:eval_const_unaryop

    Raises ``_FoldFailed`` where C returns NULL.
    """
    _check_operand(operand)
    o: object = operand
    try:
        if opcode == UNARY_NEGATIVE:
            result = -o  # type: ignore[operator]  # host value of any constant type
        elif opcode == UNARY_INVERT:
            # XXX: This should be removed once the ~bool depreciation expires.
            if isinstance(o, bool):
                raise _FoldFailed()
            result = ~o  # type: ignore[operator]  # see above
        elif opcode == UNARY_NOT:
            result = not o
        elif opcode == CALL_INTRINSIC_1 and oparg == INTRINSIC_UNARY_POSITIVE:
            result = +o  # type: ignore[operator]  # see above
        else:
            raise _FoldFailed()
    except _FoldFailed:
        raise
    except Exception:
        raise _FoldFailed()
    return _check_result(result)


def fold_const_unaryop(bb: basicblock, i: int, consts: list[object],
                       const_cache: dict[object, object], consts_index: _ConstsIndex) -> None:
    """CPython: Python/flowgraph.c:fold_const_unaryop"""
    unaryop = bb.b_instr[i]
    operand_instrs = get_const_loading_instrs(bb, i - 1, 1)
    if operand_instrs is None:
        # not a const
        return
    operand_instr = operand_instrs[0]
    operand = get_const_value(operand_instr.i_opcode, operand_instr.i_oparg, consts)
    try:
        newconst = eval_const_unaryop(operand, unaryop.i_opcode, unaryop.i_oparg)
    except _FoldFailed:
        return
    if unaryop.i_opcode == UNARY_NOT:
        assert isinstance(newconst, bool)
    nop_out(operand_instrs)
    instr_make_load_const(unaryop, newconst, consts, const_cache, consts_index)


def swaptimize(block: basicblock, ix: int) -> int:
    """CPython: Python/flowgraph.c:swaptimize

    Replaces the run of SWAPs and NOPs starting at ``ix`` by an optimal run with
    the same effect; returns the index of the run's last instruction (C updates
    ``*ix``).
    """
    instrs = block.b_instr
    assert ix < len(instrs)
    # Find the length of the current sequence of SWAPs and NOPs, and record the
    # maximum depth of the stack manipulations:
    assert instrs[ix].i_opcode == SWAP
    depth = instrs[ix].i_oparg
    length = 0
    more = False
    limit = len(instrs) - ix
    length += 1
    while length < limit:
        opcode = instrs[ix + length].i_opcode
        if opcode == SWAP:
            depth = max(depth, instrs[ix + length].i_oparg)
            more = True
        elif opcode != NOP:
            break
        length += 1
    # It's already optimal if there's only one SWAP:
    if not more:
        return ix
    # Create an array with elements {0, 1, 2, ..., depth - 1}:
    stack = list(range(depth))
    # Simulate the combined effect of these instructions by "running" them on
    # our "stack":
    for i in range(length):
        if instrs[ix + i].i_opcode == SWAP:
            oparg = instrs[ix + i].i_oparg
            top = stack[0]
            # SWAPs are 1-indexed:
            stack[0] = stack[oparg - 1]
            stack[oparg - 1] = top
    # Un-shuffle the stack cycle by cycle, writing the moves from the end of the
    # run backwards (https://cs.stackexchange.com/a/13938); the solution is
    # optimal, so it never runs out of room.
    current = length - 1
    for i in range(depth):
        # Skip items that have already been visited, or just happen to be in
        # the correct location:
        if stack[i] == VISITED or stack[i] == i:
            continue
        # Traverse the cycle through item i, swapping each item with the next;
        # 0 is inserted into every cycle since we can only swap from there.
        j = i
        while True:
            # Skip the actual swap if our item is zero, since swapping the top
            # item with itself is pointless:
            if j:
                assert 0 <= current
                # SWAPs are 1-indexed:
                instrs[ix + current].i_opcode = SWAP
                instrs[ix + current].i_oparg = j + 1
                current -= 1
            if stack[j] == VISITED:
                # Completed the cycle:
                assert j == i
                break
            next_j = stack[j]
            stack[j] = VISITED
            j = next_j
    # NOP out any unused instructions:
    while 0 <= current:
        INSTR_SET_OP0(instrs[ix + current], NOP)
        current -= 1
    return ix + length - 1


def SWAPPABLE(opcode: int) -> bool:
    """CPython: Python/flowgraph.c:SWAPPABLE

    Opcodes that can be reordered: they cannot affect control flow, cannot run
    arbitrary code (besides finalizers) and only touch (and pop) the TOS.
    """
    return opcode == STORE_FAST or opcode == STORE_FAST_MAYBE_NULL or opcode == POP_TOP


def STORES_TO(instr: cfg_instr) -> int:
    """CPython: Python/flowgraph.c:STORES_TO"""
    if instr.i_opcode == STORE_FAST or instr.i_opcode == STORE_FAST_MAYBE_NULL:
        return instr.i_oparg
    return -1


def next_swappable_instruction(block: basicblock, i: int, lineno: int) -> int:
    """CPython: Python/flowgraph.c:next_swappable_instruction"""
    n = len(block.b_instr)
    i += 1
    while i < n:
        instruction = block.b_instr[i]
        if 0 <= lineno and instruction.i_loc.lineno != lineno:
            # Optimizing across this instruction could cause user-visible
            # changes in the names bound between line tracing events!
            return -1
        if instruction.i_opcode == NOP:
            i += 1
            continue
        if SWAPPABLE(instruction.i_opcode):
            return i
        return -1
    return -1


def apply_static_swaps(block: basicblock, i: int) -> None:
    """CPython: Python/flowgraph.c:apply_static_swaps

    Applies SWAPs statically by swapping *instructions* rather than stack items,
    e.g. ``SWAP 2, POP_TOP, STORE_FAST x`` becomes ``NOP, STORE_FAST x, POP_TOP``.
    """
    # SWAPs are to our left, and potential swaperands are to our right:
    while 0 <= i:
        assert i < len(block.b_instr)
        swap = block.b_instr[i]
        if swap.i_opcode != SWAP:
            if swap.i_opcode == NOP or SWAPPABLE(swap.i_opcode):
                # Nope, but we know how to handle these. Keep looking:
                i -= 1
                continue
            # We can't reason about what this instruction does. Bail:
            return
        j = next_swappable_instruction(block, i, -1)
        if j < 0:
            return
        k = j
        lineno = block.b_instr[j].i_loc.lineno
        count = swap.i_oparg - 1
        while 0 < count:
            k = next_swappable_instruction(block, k, lineno)
            if k < 0:
                return
            count -= 1
        # The reordering is not safe if the two instructions to be swapped
        # store to the same location, or if any intervening instruction stores
        # to the same location as either of them.
        store_j = STORES_TO(block.b_instr[j])
        store_k = STORES_TO(block.b_instr[k])
        if store_j >= 0 or store_k >= 0:
            if store_j == store_k:
                return
            for idx in range(j + 1, k):
                store_idx = STORES_TO(block.b_instr[idx])
                if store_idx >= 0 and (store_idx == store_j or store_idx == store_k):
                    return
        # Success!
        INSTR_SET_OP0(swap, NOP)
        temp = block.b_instr[j]
        block.b_instr[j] = block.b_instr[k]
        block.b_instr[k] = temp
        i -= 1


def PyCompile_OpcodeStackEffectWithJump(opcode: int, oparg: int, jump: int) -> int:
    """CPython: Python/flowgraph.c:PyCompile_OpcodeStackEffectWithJump"""
    return get_stack_effects(opcode, oparg, jump)


def PyCompile_OpcodeStackEffect(opcode: int, oparg: int) -> int:
    """CPython: Python/flowgraph.c:PyCompile_OpcodeStackEffect"""
    return get_stack_effects(opcode, oparg, -1)


def _const_is_true(o: object) -> bool:
    """pyvm: ``PyObject_IsTrue`` of a host constant (pyvm code objects are true)."""
    if isinstance(o, _FOLDABLE_TYPES):
        return bool(o)
    return True


def basicblock_optimize_load_const(const_cache: dict[object, object], bb: basicblock,
                                   consts: list[object], consts_index: _ConstsIndex) -> None:
    """CPython: Python/flowgraph.c:basicblock_optimize_load_const

    Small ints become ``LOAD_SMALL_INT``; a constant followed by a conditional
    jump decides the jump; ``None`` with ``IS_OP`` and a jump becomes
    ``POP_JUMP_IF_[NOT_]NONE``; a constant followed by ``TO_BOOL`` becomes the
    constant bool.
    """
    opcode = 0
    oparg = 0
    n = len(bb.b_instr)
    for i in range(n):
        inst = bb.b_instr[i]
        if inst.i_opcode == LOAD_CONST:
            constant = get_const_value(inst.i_opcode, inst.i_oparg, consts)
            maybe_instr_make_load_smallint(inst, constant)
        is_copy_of_load_const = (opcode == LOAD_CONST and inst.i_opcode == COPY
                                 and inst.i_oparg == 1)
        if not is_copy_of_load_const:
            opcode = inst.i_opcode
            oparg = inst.i_oparg
        assert not IS_ASSEMBLER_OPCODE(opcode)
        if opcode != LOAD_CONST and opcode != LOAD_SMALL_INT:
            continue
        nextop = bb.b_instr[i + 1].i_opcode if i + 1 < n else 0
        if (nextop == POP_JUMP_IF_FALSE or nextop == POP_JUMP_IF_TRUE
                or nextop == JUMP_IF_FALSE or nextop == JUMP_IF_TRUE):
            # Remove LOAD_CONST const; conditional jump
            cnt = get_const_value(opcode, oparg, consts)
            is_true = _const_is_true(cnt)
            if PyCompile_OpcodeStackEffect(nextop, 0) == -1:
                # POP_JUMP_IF_FALSE or POP_JUMP_IF_TRUE
                INSTR_SET_OP0(inst, NOP)
            jump_if_true = nextop == POP_JUMP_IF_TRUE or nextop == JUMP_IF_TRUE
            if is_true == jump_if_true:
                bb.b_instr[i + 1].i_opcode = JUMP
            else:
                INSTR_SET_OP0(bb.b_instr[i + 1], NOP)
        elif nextop == IS_OP:
            # Fold to POP_JUMP_IF_NONE:
            # - LOAD_CONST(None) IS_OP(0) POP_JUMP_IF_TRUE
            # - LOAD_CONST(None) IS_OP(1) POP_JUMP_IF_FALSE
            # - LOAD_CONST(None) IS_OP(0) TO_BOOL POP_JUMP_IF_TRUE
            # - LOAD_CONST(None) IS_OP(1) TO_BOOL POP_JUMP_IF_FALSE
            # Fold to POP_JUMP_IF_NOT_NONE:
            # - LOAD_CONST(None) IS_OP(0) POP_JUMP_IF_FALSE
            # - LOAD_CONST(None) IS_OP(1) POP_JUMP_IF_TRUE
            # - LOAD_CONST(None) IS_OP(0) TO_BOOL POP_JUMP_IF_FALSE
            # - LOAD_CONST(None) IS_OP(1) TO_BOOL POP_JUMP_IF_TRUE
            cnt = get_const_value(opcode, oparg, consts)
            if cnt is not None:
                continue
            if n <= i + 2:
                continue
            is_instr = bb.b_instr[i + 1]
            jump_instr = bb.b_instr[i + 2]
            # Get rid of TO_BOOL regardless:
            if jump_instr.i_opcode == TO_BOOL:
                INSTR_SET_OP0(jump_instr, NOP)
                if n <= i + 3:
                    continue
                jump_instr = bb.b_instr[i + 3]
            invert = is_instr.i_oparg != 0
            if jump_instr.i_opcode == POP_JUMP_IF_FALSE:
                invert = not invert
            elif jump_instr.i_opcode != POP_JUMP_IF_TRUE:
                continue
            INSTR_SET_OP0(inst, NOP)
            INSTR_SET_OP0(is_instr, NOP)
            jump_instr.i_opcode = POP_JUMP_IF_NOT_NONE if invert else POP_JUMP_IF_NONE
        elif nextop == TO_BOOL:
            cnt = get_const_value(opcode, oparg, consts)
            is_true = _const_is_true(cnt)
            index = add_const(is_true, consts, const_cache, consts_index)
            INSTR_SET_OP0(inst, NOP)
            INSTR_SET_OP1(bb.b_instr[i + 1], LOAD_CONST, index)


def optimize_load_const(const_cache: dict[object, object], g: cfg_builder,
                        consts: list[object], consts_index: _ConstsIndex) -> None:
    """CPython: Python/flowgraph.c:optimize_load_const"""
    b: Optional[basicblock] = g.g_entryblock
    while b is not None:
        basicblock_optimize_load_const(const_cache, b, consts, consts_index)
        b = b.b_next


def optimize_basic_block(const_cache: dict[object, object], bb: basicblock,
                         consts: list[object], consts_index: _ConstsIndex) -> None:
    """CPython: Python/flowgraph.c:optimize_basic_block

    The peephole pass over one block: constant folding, jump threading and the
    small rewrites (see the comments), then SWAP optimisation.
    """
    nop = cfg_instr(NOP, 0, NO_LOCATION)
    i = 0
    while i < len(bb.b_instr):
        inst = bb.b_instr[i]
        opcode = inst.i_opcode
        oparg = inst.i_oparg
        if HAS_TARGET(opcode):
            t = inst.i_target
            assert t is not None and len(t.b_instr) > 0
            target = t.b_instr[0]
            assert not IS_ASSEMBLER_OPCODE(target.i_opcode)
        else:
            target = nop
        n = len(bb.b_instr)
        nextop = bb.b_instr[i + 1].i_opcode if i + 1 < n else 0
        assert not IS_ASSEMBLER_OPCODE(opcode)
        if opcode == BUILD_TUPLE:
            # Skip over BUILD_TUPLE(1) UNPACK_SEQUENCE(1).
            # Replace BUILD_TUPLE(2) UNPACK_SEQUENCE(2) with SWAP(2).
            # Replace BUILD_TUPLE(3) UNPACK_SEQUENCE(3) with SWAP(3).
            # Otherwise try to fold a tuple of constants.
            if nextop == UNPACK_SEQUENCE and oparg == bb.b_instr[i + 1].i_oparg:
                if oparg == 1:
                    INSTR_SET_OP0(inst, NOP)
                    INSTR_SET_OP0(bb.b_instr[i + 1], NOP)
                    i += 1
                    continue
                if oparg == 2 or oparg == 3:
                    INSTR_SET_OP0(inst, NOP)
                    bb.b_instr[i + 1].i_opcode = SWAP
                    i += 1
                    continue
            fold_tuple_of_constants(bb, i, consts, const_cache, consts_index)
        elif opcode == BUILD_LIST or opcode == BUILD_SET:
            optimize_lists_and_sets(bb, i, nextop, consts, const_cache, consts_index)
        elif opcode == POP_JUMP_IF_NOT_NONE or opcode == POP_JUMP_IF_NONE:
            if target.i_opcode == JUMP:
                if jump_thread(bb, inst, target, inst.i_opcode):
                    i -= 1
        elif opcode == POP_JUMP_IF_FALSE:
            if target.i_opcode == JUMP:
                if jump_thread(bb, inst, target, POP_JUMP_IF_FALSE):
                    i -= 1
        elif opcode == POP_JUMP_IF_TRUE:
            if target.i_opcode == JUMP:
                if jump_thread(bb, inst, target, POP_JUMP_IF_TRUE):
                    i -= 1
        elif opcode == JUMP_IF_FALSE:
            top = target.i_opcode
            if top == JUMP or top == JUMP_IF_FALSE:
                if jump_thread(bb, inst, target, JUMP_IF_FALSE):
                    i -= 1
            elif top == JUMP_IF_TRUE:
                # No need to check for loops here, a block's b_next
                # cannot point to itself.
                t = inst.i_target
                assert t is not None and t is not t.b_next
                inst.i_target = t.b_next
                i -= 1
        elif opcode == JUMP_IF_TRUE:
            top = target.i_opcode
            if top == JUMP or top == JUMP_IF_TRUE:
                if jump_thread(bb, inst, target, JUMP_IF_TRUE):
                    i -= 1
            elif top == JUMP_IF_FALSE:
                t = inst.i_target
                assert t is not None and t is not t.b_next
                inst.i_target = t.b_next
                i -= 1
        elif opcode == JUMP or opcode == JUMP_NO_INTERRUPT:
            top = target.i_opcode
            if top == JUMP:
                if jump_thread(bb, inst, target, JUMP):
                    i -= 1
            elif top == JUMP_NO_INTERRUPT:
                if jump_thread(bb, inst, target, opcode):
                    i -= 1
        elif opcode == FOR_ITER:
            # Jump threading FOR_ITER to a JUMP is disabled in C: the jump at
            # the target could be backward and FOR_ITER only jumps forward.
            pass
        elif opcode == STORE_FAST:
            if (opcode == nextop and oparg == bb.b_instr[i + 1].i_oparg
                    and bb.b_instr[i].i_loc.lineno == bb.b_instr[i + 1].i_loc.lineno):
                bb.b_instr[i].i_opcode = POP_TOP
                bb.b_instr[i].i_oparg = 0
        elif opcode == SWAP:
            if oparg == 1:
                INSTR_SET_OP0(inst, NOP)
        elif opcode == LOAD_GLOBAL:
            if nextop == PUSH_NULL and (oparg & 1) == 0:
                INSTR_SET_OP1(inst, LOAD_GLOBAL, oparg | 1)
                INSTR_SET_OP0(bb.b_instr[i + 1], NOP)
        elif opcode == COMPARE_OP:
            if nextop == TO_BOOL:
                INSTR_SET_OP0(inst, NOP)
                INSTR_SET_OP1(bb.b_instr[i + 1], COMPARE_OP, oparg | 16)
        elif opcode == CONTAINS_OP or opcode == IS_OP:
            if nextop == TO_BOOL:
                INSTR_SET_OP0(inst, NOP)
                INSTR_SET_OP1(bb.b_instr[i + 1], opcode, oparg)
            elif nextop == UNARY_NOT:
                INSTR_SET_OP0(inst, NOP)
                inverted = oparg ^ 1
                assert inverted == 0 or inverted == 1
                INSTR_SET_OP1(bb.b_instr[i + 1], opcode, inverted)
        elif opcode == TO_BOOL:
            if nextop == TO_BOOL:
                INSTR_SET_OP0(inst, NOP)
        elif opcode == UNARY_NOT:
            if nextop == TO_BOOL:
                INSTR_SET_OP0(inst, NOP)
                INSTR_SET_OP0(bb.b_instr[i + 1], UNARY_NOT)
            elif nextop == UNARY_NOT:
                INSTR_SET_OP0(inst, NOP)
                INSTR_SET_OP0(bb.b_instr[i + 1], NOP)
            else:
                fold_const_unaryop(bb, i, consts, const_cache, consts_index)
        elif opcode == UNARY_INVERT or opcode == UNARY_NEGATIVE:
            fold_const_unaryop(bb, i, consts, const_cache, consts_index)
        elif opcode == CALL_INTRINSIC_1:
            if oparg == INTRINSIC_LIST_TO_TUPLE:
                if nextop == GET_ITER:
                    INSTR_SET_OP0(inst, NOP)
                else:
                    fold_constant_intrinsic_list_to_tuple(bb, i, consts, const_cache,
                                                          consts_index)
            elif oparg == INTRINSIC_UNARY_POSITIVE:
                fold_const_unaryop(bb, i, consts, const_cache, consts_index)
        elif opcode == BINARY_OP:
            fold_const_binop(bb, i, consts, const_cache, consts_index)
        i += 1

    i = 0
    while i < len(bb.b_instr):
        if bb.b_instr[i].i_opcode == SWAP:
            i = swaptimize(bb, i)
            apply_static_swaps(bb, i)
        i += 1


def remove_redundant_nops_and_jumps(g: cfg_builder) -> None:
    """CPython: Python/flowgraph.c:remove_redundant_nops_and_jumps

    Converges because the number of redundant jumps and nops only decreases.
    """
    while True:
        removed_nops = remove_redundant_nops(g)
        removed_jumps = remove_redundant_jumps(g)
        if removed_nops + removed_jumps == 0:
            break


def optimize_cfg(g: cfg_builder, consts: list[object], const_cache: dict[object, object],
                 consts_index: _ConstsIndex, firstlineno: int) -> None:
    """CPython: Python/flowgraph.c:optimize_cfg

    ``consts`` is still a list so that new constants can be appended.
    Transformations that shrink the code leave NOPs, removed at the end.
    """
    check_cfg(g)
    inline_small_or_no_lineno_blocks(g.g_entryblock)
    remove_unreachable(g.g_entryblock)
    resolve_line_numbers(g, firstlineno)
    optimize_load_const(const_cache, g, consts, consts_index)
    b: Optional[basicblock] = g.g_entryblock
    while b is not None:
        optimize_basic_block(const_cache, b, consts, consts_index)
        b = b.b_next
    remove_redundant_nops_and_pairs(g.g_entryblock)
    remove_unreachable(g.g_entryblock)
    remove_redundant_nops_and_jumps(g)


def make_super_instruction(inst1: cfg_instr, inst2: cfg_instr, super_op: int) -> None:
    """CPython: Python/flowgraph.c:make_super_instruction"""
    line1 = inst1.i_loc.lineno
    line2 = inst2.i_loc.lineno
    # Skip if instructions are on different lines
    if line1 >= 0 and line2 >= 0 and line1 != line2:
        return
    if inst1.i_oparg >= 16 or inst2.i_oparg >= 16:
        return
    INSTR_SET_OP1(inst1, super_op, (inst1.i_oparg << 4) | inst2.i_oparg)
    INSTR_SET_OP0(inst2, NOP)


def insert_superinstructions(g: cfg_builder) -> None:
    """CPython: Python/flowgraph.c:insert_superinstructions"""
    b: Optional[basicblock] = g.g_entryblock
    while b is not None:
        n = len(b.b_instr)
        for i in range(n):
            inst = b.b_instr[i]
            nextop = b.b_instr[i + 1].i_opcode if i + 1 < n else 0
            if inst.i_opcode == LOAD_FAST:
                if nextop == LOAD_FAST:
                    make_super_instruction(inst, b.b_instr[i + 1], LOAD_FAST_LOAD_FAST)
            elif inst.i_opcode == STORE_FAST:
                if nextop == LOAD_FAST:
                    make_super_instruction(inst, b.b_instr[i + 1], STORE_FAST_LOAD_FAST)
                elif nextop == STORE_FAST:
                    make_super_instruction(inst, b.b_instr[i + 1], STORE_FAST_STORE_FAST)
        b = b.b_next
    remove_redundant_nops(g)


# ---------------------------------------------------------------------------
# optimize_load_fast: the 3.14 borrowed-reference analysis


class ref_stack_t:
    """pyvm: the struct ``ref_stack`` of Python/flowgraph.c (renamed ``ref_stack_t``:
    mypyc names the clear function of a class ``ref_stack`` like C's ``ref_stack_clear``).

    The abstract operand stack: for each slot, the index of the instruction that
    pushed it (``instr``, or DUMMY_INSTR) and the local it is a reference to
    (``local``, or NOT_LOCAL). Two parallel host lists.
    """

    instrs: list[int]
    locals: list[int]

    def __init__(self) -> None:
        self.instrs = []
        self.locals = []


def ref_stack_push(stack: ref_stack_t, instr: int, local: int) -> None:
    """CPython: Python/flowgraph.c:ref_stack_push"""
    stack.instrs.append(instr)
    stack.locals.append(local)


def ref_stack_pop(stack: ref_stack_t) -> tuple[int, int]:
    """CPython: Python/flowgraph.c:ref_stack_pop"""
    assert stack.instrs
    return stack.instrs.pop(), stack.locals.pop()


def ref_stack_swap_top(stack: ref_stack_t, off: int) -> None:
    """CPython: Python/flowgraph.c:ref_stack_swap_top"""
    size = len(stack.instrs)
    idx = size - off
    assert 0 <= idx < size
    ins = stack.instrs
    loc = stack.locals
    ins[idx], ins[size - 1] = ins[size - 1], ins[idx]
    loc[idx], loc[size - 1] = loc[size - 1], loc[idx]


def ref_stack_clear(stack: ref_stack_t) -> None:
    """CPython: Python/flowgraph.c:ref_stack_clear"""
    stack.instrs.clear()
    stack.locals.clear()


def kill_local(instr_flags: list[int], refs: ref_stack_t, local: int) -> None:
    """CPython: Python/flowgraph.c:kill_local"""
    loc = refs.locals
    for i in range(len(loc)):
        if loc[i] == local:
            r_instr = refs.instrs[i]
            assert r_instr >= 0
            instr_flags[r_instr] |= SUPPORT_KILLED


def store_local(instr_flags: list[int], refs: ref_stack_t, local: int, r_instr: int) -> None:
    """CPython: Python/flowgraph.c:store_local"""
    kill_local(instr_flags, refs, local)
    if r_instr != DUMMY_INSTR:
        instr_flags[r_instr] |= STORED_AS_LOCAL


def load_fast_push_block(sp: list[basicblock], target: basicblock, start_depth: int) -> None:
    """CPython: Python/flowgraph.c:load_fast_push_block"""
    assert target.b_startdepth >= 0 and target.b_startdepth == start_depth
    if not target.b_visited:
        target.b_visited = 1
        sp.append(target)


def optimize_load_fast(g: cfg_builder) -> None:
    """CPython: Python/flowgraph.c:optimize_load_fast

    Strength-reduces ``LOAD_FAST{_LOAD_FAST}`` into the ``_BORROW`` forms that
    push a borrowed reference, where abstract interpretation of each block shows
    that the reference is consumed before its local is killed, is not stored
    into a local, and is not left on the stack at the end of the block.
    """
    refs = ref_stack_t()
    max_instrs = 0
    entryblock = g.g_entryblock
    b0: Optional[basicblock] = entryblock
    while b0 is not None:
        max_instrs = max(max_instrs, len(b0.b_instr))
        b0 = b0.b_next
    # C allocates max_instrs flags once; indexes below b_iused are reset per
    # block. (A quirk of C is kept: refs pushed by the "consume no inputs"
    # opcodes below carry the loop counter as their instruction index.)
    instr_flags = [0] * max(max_instrs, 1)
    sp = make_cfg_traversal_stack(entryblock)
    sp.append(entryblock)
    entryblock.b_startdepth = 0
    entryblock.b_visited = 1

    while sp:
        block = sp.pop()
        assert block.b_startdepth > -1
        instrs = block.b_instr
        n = len(instrs)
        # Reset per-block state.
        for k in range(n):
            instr_flags[k] = 0
        # Reset the stack of refs. References are not tracked across blocks,
        # but the bytecode expects them: add dummies.
        ref_stack_clear(refs)
        for _ in range(block.b_startdepth):
            ref_stack_push(refs, DUMMY_INSTR, NOT_LOCAL)

        for i in range(n):
            instr = instrs[i]
            opcode = instr.i_opcode
            oparg = instr.i_oparg
            assert opcode != EXTENDED_ARG
            if opcode == DELETE_FAST:
                kill_local(instr_flags, refs, oparg)
            elif opcode == LOAD_FAST:
                ref_stack_push(refs, i, oparg)
            elif opcode == LOAD_FAST_AND_CLEAR:
                kill_local(instr_flags, refs, oparg)
                ref_stack_push(refs, i, oparg)
            elif opcode == LOAD_FAST_LOAD_FAST:
                ref_stack_push(refs, i, oparg >> 4)
                ref_stack_push(refs, i, oparg & 15)
            elif opcode == STORE_FAST:
                r_instr, _r_local = ref_stack_pop(refs)
                store_local(instr_flags, refs, oparg, r_instr)
            elif opcode == STORE_FAST_LOAD_FAST:
                # STORE_FAST
                r_instr, _r_local = ref_stack_pop(refs)
                store_local(instr_flags, refs, oparg >> 4, r_instr)
                # LOAD_FAST
                ref_stack_push(refs, i, oparg & 15)
            elif opcode == STORE_FAST_STORE_FAST:
                r_instr, _r_local = ref_stack_pop(refs)
                store_local(instr_flags, refs, oparg >> 4, r_instr)
                r_instr, _r_local = ref_stack_pop(refs)
                store_local(instr_flags, refs, oparg & 15, r_instr)
            # Opcodes that shuffle values on the stack
            elif opcode == COPY:
                assert oparg > 0
                idx = len(refs.instrs) - oparg
                ref_stack_push(refs, refs.instrs[idx], refs.locals[idx])
            elif opcode == SWAP:
                assert oparg >= 2
                ref_stack_swap_top(refs, oparg)
            # Opcodes that consume no inputs
            elif (opcode == FORMAT_SIMPLE or opcode == GET_ANEXT or opcode == GET_LEN
                  or opcode == GET_YIELD_FROM_ITER or opcode == IMPORT_FROM
                  or opcode == MATCH_KEYS or opcode == MATCH_MAPPING
                  or opcode == MATCH_SEQUENCE or opcode == WITH_EXCEPT_START):
                num_popped = _PyOpcode_num_popped(opcode, oparg)
                num_pushed = _PyOpcode_num_pushed(opcode, oparg)
                net_pushed = num_pushed - num_popped
                assert net_pushed >= 0
                for j in range(net_pushed):
                    # C's loop variable shadows the instruction index here.
                    ref_stack_push(refs, j, NOT_LOCAL)
            # Opcodes that consume some inputs and push no new values
            elif (opcode == DICT_MERGE or opcode == DICT_UPDATE or opcode == LIST_APPEND
                  or opcode == LIST_EXTEND or opcode == MAP_ADD or opcode == RERAISE
                  or opcode == SET_ADD or opcode == SET_UPDATE):
                num_popped = _PyOpcode_num_popped(opcode, oparg)
                num_pushed = _PyOpcode_num_pushed(opcode, oparg)
                net_popped = num_popped - num_pushed
                assert net_popped > 0
                for _ in range(net_popped):
                    ref_stack_pop(refs)
            elif opcode == END_SEND or opcode == SET_FUNCTION_ATTRIBUTE:
                tos_instr, tos_local = ref_stack_pop(refs)
                ref_stack_pop(refs)
                ref_stack_push(refs, tos_instr, tos_local)
            # Opcodes that consume some inputs and push new values
            elif opcode == CHECK_EXC_MATCH:
                ref_stack_pop(refs)
                ref_stack_push(refs, i, NOT_LOCAL)
            elif opcode == FOR_ITER:
                t = instr.i_target
                assert t is not None
                load_fast_push_block(sp, t, len(refs.instrs) + 1)
                ref_stack_push(refs, i, NOT_LOCAL)
            elif opcode == LOAD_ATTR or opcode == LOAD_SUPER_ATTR:
                self_instr, self_local = ref_stack_pop(refs)
                if opcode == LOAD_SUPER_ATTR:
                    ref_stack_pop(refs)
                    ref_stack_pop(refs)
                ref_stack_push(refs, i, NOT_LOCAL)
                if oparg & 1:
                    # A method call; conservatively assume that self is pushed
                    # back onto the stack
                    ref_stack_push(refs, self_instr, self_local)
            elif opcode == LOAD_SPECIAL or opcode == PUSH_EXC_INFO:
                tos_instr, tos_local = ref_stack_pop(refs)
                ref_stack_push(refs, i, NOT_LOCAL)
                ref_stack_push(refs, tos_instr, tos_local)
            elif opcode == SEND:
                t = instr.i_target
                assert t is not None
                load_fast_push_block(sp, t, len(refs.instrs))
                ref_stack_pop(refs)
                ref_stack_push(refs, i, NOT_LOCAL)
            else:
                # Opcodes that consume all of their inputs
                num_popped = _PyOpcode_num_popped(opcode, oparg)
                num_pushed = _PyOpcode_num_pushed(opcode, oparg)
                if HAS_TARGET(instr.i_opcode):
                    t = instr.i_target
                    assert t is not None
                    load_fast_push_block(sp, t, len(refs.instrs) - num_popped + num_pushed)
                if not IS_BLOCK_PUSH_OPCODE(instr.i_opcode):
                    # Block push opcodes only affect the stack when jumping
                    # to the target.
                    for _ in range(num_popped):
                        ref_stack_pop(refs)
                    for _ in range(num_pushed):
                        ref_stack_push(refs, i, NOT_LOCAL)

        # Push fallthrough block
        term = basicblock_last_instr(block)
        nb = block.b_next
        if (term is not None and nb is not None
                and not (IS_UNCONDITIONAL_JUMP_OPCODE(term.i_opcode)
                         or IS_SCOPE_EXIT_OPCODE(term.i_opcode))):
            assert BB_HAS_FALLTHROUGH(block)
            load_fast_push_block(sp, nb, len(refs.instrs))

        # Mark instructions that produce values that are on the stack at the
        # end of the basic block
        for r_instr in refs.instrs:
            if r_instr != -1:
                instr_flags[r_instr] |= REF_UNCONSUMED

        # Optimize instructions
        for i in range(n):
            if not instr_flags[i]:
                instr = instrs[i]
                if instr.i_opcode == LOAD_FAST:
                    instr.i_opcode = LOAD_FAST_BORROW
                elif instr.i_opcode == LOAD_FAST_LOAD_FAST:
                    instr.i_opcode = LOAD_FAST_BORROW_LOAD_FAST_BORROW


# ---------------------------------------------------------------------------
# add_checks_for_loads_of_uninitialized_variables


_U64_MASK: Final = (1 << 64) - 1


def maybe_push(b: basicblock, unsafe_mask: int, sp: list[basicblock]) -> None:
    """CPython: Python/flowgraph.c:maybe_push

    Pushes ``b`` if the unsafe mask gives new information; ``b_visited`` means
    "currently on the stack", so each block is on it at most once.
    """
    both = b.b_unsafe_locals_mask | unsafe_mask
    if b.b_unsafe_locals_mask != both:
        b.b_unsafe_locals_mask = both
        # More work left to do.
        if not b.b_visited:
            # not on the stack, so push it.
            sp.append(b)
            b.b_visited = 1


def scan_block_for_locals(b: basicblock, sp: list[basicblock]) -> None:
    """CPython: Python/flowgraph.c:scan_block_for_locals"""
    # bit i is set if local i is potentially uninitialized
    unsafe_mask = b.b_unsafe_locals_mask
    for instr in b.b_instr:
        assert instr.i_opcode != EXTENDED_ARG
        exc = instr.i_except
        if exc is not None:
            maybe_push(exc, unsafe_mask, sp)
        if instr.i_oparg >= 64:
            continue
        assert instr.i_oparg >= 0
        bit = 1 << instr.i_oparg
        op = instr.i_opcode
        if op == DELETE_FAST or op == LOAD_FAST_AND_CLEAR or op == STORE_FAST_MAYBE_NULL:
            unsafe_mask |= bit
        elif op == STORE_FAST:
            unsafe_mask &= ~bit & _U64_MASK
        elif op == LOAD_FAST_CHECK:
            # If this doesn't raise, then the local is defined.
            unsafe_mask &= ~bit & _U64_MASK
        elif op == LOAD_FAST:
            if unsafe_mask & bit:
                instr.i_opcode = LOAD_FAST_CHECK
            unsafe_mask &= ~bit & _U64_MASK
    nb = b.b_next
    if nb is not None and BB_HAS_FALLTHROUGH(b):
        maybe_push(nb, unsafe_mask, sp)
    last = basicblock_last_instr(b)
    if last is not None and is_jump(last):
        t = last.i_target
        assert t is not None
        maybe_push(t, unsafe_mask, sp)


def fast_scan_many_locals(entryblock: basicblock, nlocals: int) -> None:
    """CPython: Python/flowgraph.c:fast_scan_many_locals

    Locals beyond the first 64 are analysed one block at a time:
    ``states[i - 64] == blocknum`` if local i is known to be bound there.
    """
    assert nlocals > 64
    states = [0] * (nlocals - 64)
    blocknum = 0
    b: Optional[basicblock] = entryblock
    while b is not None:
        blocknum += 1
        for instr in b.b_instr:
            assert instr.i_opcode != EXTENDED_ARG
            arg = instr.i_oparg
            if arg < 64:
                continue
            op = instr.i_opcode
            if op == DELETE_FAST or op == LOAD_FAST_AND_CLEAR or op == STORE_FAST_MAYBE_NULL:
                states[arg - 64] = blocknum - 1
            elif op == STORE_FAST:
                states[arg - 64] = blocknum
            elif op == LOAD_FAST:
                if states[arg - 64] != blocknum:
                    instr.i_opcode = LOAD_FAST_CHECK
                states[arg - 64] = blocknum
        b = b.b_next


def remove_unused_consts(entryblock: basicblock, consts: list[object]) -> None:
    """CPython: Python/flowgraph.c:remove_unused_consts

    Drops the constants no instruction loads (the first, a possible docstring,
    always stays) and renumbers the loads.
    """
    nconsts = len(consts)
    if nconsts == 0:
        return
    index_map = [-1] * nconsts
    # The first constant may be docstring; keep it always.
    index_map[0] = 0
    # mark used consts
    b: Optional[basicblock] = entryblock
    while b is not None:
        for instr in b.b_instr:
            if OPCODE_HAS_CONST(instr.i_opcode):
                index = instr.i_oparg
                index_map[index] = index
        b = b.b_next
    # now index_map[i] == i if consts[i] is used, -1 otherwise
    # condense consts
    n_used_consts = 0
    for i in range(nconsts):
        if index_map[i] != -1:
            assert index_map[i] == i
            index_map[n_used_consts] = index_map[i]
            n_used_consts += 1
    if n_used_consts == nconsts:
        return
    # move all used consts to the beginning of the consts list
    for i in range(n_used_consts):
        old_index = index_map[i]
        assert i <= old_index < nconsts
        if i != old_index:
            consts[i] = consts[old_index]
    # truncate the consts list at its new size
    del consts[n_used_consts:]
    # adjust const indices in the bytecode
    reverse_index_map = [-1] * nconsts
    for i in range(n_used_consts):
        assert index_map[i] != -1
        assert reverse_index_map[index_map[i]] == -1
        reverse_index_map[index_map[i]] = i
    b = entryblock
    while b is not None:
        for instr in b.b_instr:
            if OPCODE_HAS_CONST(instr.i_opcode):
                index = instr.i_oparg
                assert 0 <= reverse_index_map[index] < n_used_consts
                instr.i_oparg = reverse_index_map[index]
        b = b.b_next


def add_checks_for_loads_of_uninitialized_variables(entryblock: basicblock, nlocals: int,
                                                    nparams: int) -> None:
    """CPython: Python/flowgraph.c:add_checks_for_loads_of_uninitialized_variables

    Uses ``LOAD_FAST_CHECK`` for every ``LOAD_FAST`` whose local may be unbound.
    """
    if nlocals == 0:
        return
    if nlocals > 64:
        # To avoid O(nlocals**2) compilation, locals beyond the first
        # 64 are only analyzed one basicblock at a time: initialization
        # info is not passed between basicblocks.
        fast_scan_many_locals(entryblock, nlocals)
        nlocals = 64
    sp = make_cfg_traversal_stack(entryblock)
    # First origin of being uninitialized:
    # The non-parameter locals in the entry block.
    start_mask = 0
    for i in range(nparams, nlocals):
        start_mask |= 1 << i
    maybe_push(entryblock, start_mask, sp)
    # Second origin of being uninitialized:
    # There could be DELETE_FAST somewhere, so
    # be sure to scan each basicblock at least once.
    b: Optional[basicblock] = entryblock
    while b is not None:
        scan_block_for_locals(b, sp)
        b = b.b_next
    # Now propagate the uncertainty from the origins we found: Use
    # LOAD_FAST_CHECK for any LOAD_FAST where the local could be undefined.
    while sp:
        bb = sp.pop()
        # mark as no longer on stack
        bb.b_visited = 0
        scan_block_for_locals(bb, sp)


# ---------------------------------------------------------------------------
# Cold blocks, pseudo-instructions and line numbers


def mark_warm(entryblock: basicblock) -> None:
    """CPython: Python/flowgraph.c:mark_warm"""
    stack = make_cfg_traversal_stack(entryblock)
    stack.append(entryblock)
    entryblock.b_visited = 1
    while stack:
        b = stack.pop()
        assert not b.b_except_handler
        b.b_warm = 1
        nxt = b.b_next
        if nxt is not None and BB_HAS_FALLTHROUGH(b) and not nxt.b_visited:
            stack.append(nxt)
            nxt.b_visited = 1
        for instr in b.b_instr:
            t = instr.i_target
            if is_jump(instr) and t is not None and not t.b_visited:
                stack.append(t)
                t.b_visited = 1


def mark_cold(entryblock: basicblock) -> None:
    """CPython: Python/flowgraph.c:mark_cold

    Cold blocks are those reached only from exception handlers.
    """
    mark_warm(entryblock)
    stack = make_cfg_traversal_stack(entryblock)
    b0: Optional[basicblock] = entryblock
    while b0 is not None:
        if b0.b_except_handler:
            assert not b0.b_warm
            stack.append(b0)
            b0.b_visited = 1
        b0 = b0.b_next
    while stack:
        b = stack.pop()
        b.b_cold = 1
        nxt = b.b_next
        if nxt is not None and BB_HAS_FALLTHROUGH(b):
            if not nxt.b_warm and not nxt.b_visited:
                stack.append(nxt)
                nxt.b_visited = 1
        n = len(b.b_instr)
        for i in range(n):
            instr = b.b_instr[i]
            if is_jump(instr):
                assert i == n - 1
                target = instr.i_target
                assert target is not None
                if not target.b_warm and not target.b_visited:
                    stack.append(target)
                    target.b_visited = 1


def push_cold_blocks_to_end(g: cfg_builder) -> None:
    """CPython: Python/flowgraph.c:push_cold_blocks_to_end"""
    entryblock = g.g_entryblock
    if entryblock.b_next is None:
        # single basicblock, no need to reorder
        return
    mark_cold(entryblock)

    next_lbl = get_max_label(g.g_entryblock) + 1

    # If we have a cold block with fallthrough to a warm block, add
    # an explicit jump instead of fallthrough
    b0: Optional[basicblock] = entryblock
    while b0 is not None:
        nb = b0.b_next
        if b0.b_cold and BB_HAS_FALLTHROUGH(b0) and nb is not None and nb.b_warm:
            explicit_jump = cfg_builder_new_block(g)
            if not IS_LABEL(nb.b_label):
                nb.b_label = _PyJumpTargetLabel(next_lbl)
                next_lbl += 1
            basicblock_addop(explicit_jump, JUMP_NO_INTERRUPT, nb.b_label.id, NO_LOCATION)
            explicit_jump.b_cold = 1
            explicit_jump.b_next = nb
            explicit_jump.b_predecessors = 1
            b0.b_next = explicit_jump
            # set target
            explicit_jump.b_instr[-1].i_target = explicit_jump.b_next
        b0 = b0.b_next

    assert not entryblock.b_cold  # First block can't be cold
    cold_blocks: Optional[basicblock] = None
    cold_blocks_tail: Optional[basicblock] = None

    # pyvm: the links are read into locals before they are tested (mypyc keeps
    # a narrowed ``b.b_next`` across the reassignment of ``b``).
    b = entryblock
    while True:
        nb = b.b_next
        if nb is None:
            break
        assert not b.b_cold
        while True:
            nb = b.b_next
            if nb is None or nb.b_cold:
                break
            b = nb
        first_cold = b.b_next
        if first_cold is None:
            # no more cold blocks
            break
        # b->b_next is the beginning of a cold streak
        assert not b.b_cold and first_cold.b_cold
        b_end = first_cold
        while True:
            ne = b_end.b_next
            if ne is None or not ne.b_cold:
                break
            b_end = ne
        # b_end is the end of the cold streak
        assert b_end.b_cold
        if cold_blocks is None:
            cold_blocks = first_cold
        else:
            assert cold_blocks_tail is not None
            cold_blocks_tail.b_next = first_cold
        cold_blocks_tail = b_end
        b.b_next = b_end.b_next
        b_end.b_next = None
    assert b.b_next is None
    b.b_next = cold_blocks

    if cold_blocks is not None:
        remove_redundant_nops_and_jumps(g)


def convert_pseudo_conditional_jumps(g: cfg_builder) -> None:
    """CPython: Python/flowgraph.c:convert_pseudo_conditional_jumps

    ``JUMP_IF_FALSE`` / ``JUMP_IF_TRUE`` (which keep the value) become
    ``COPY 1, TO_BOOL, POP_JUMP_IF_FALSE/TRUE``.
    """
    b: Optional[basicblock] = g.g_entryblock
    while b is not None:
        i = 0
        while i < len(b.b_instr):
            instr = b.b_instr[i]
            if instr.i_opcode == JUMP_IF_FALSE or instr.i_opcode == JUMP_IF_TRUE:
                assert i == len(b.b_instr) - 1
                instr.i_opcode = (POP_JUMP_IF_FALSE if instr.i_opcode == JUMP_IF_FALSE
                                  else POP_JUMP_IF_TRUE)
                loc = instr.i_loc
                exc = instr.i_except
                basicblock_insert_instruction(b, i, cfg_instr(COPY, 1, loc, None, exc))
                i += 1
                basicblock_insert_instruction(b, i, cfg_instr(TO_BOOL, 0, loc, None, exc))
                i += 1
            i += 1
        b = b.b_next


def convert_pseudo_ops(g: cfg_builder) -> None:
    """CPython: Python/flowgraph.c:convert_pseudo_ops"""
    b: Optional[basicblock] = g.g_entryblock
    while b is not None:
        for instr in b.b_instr:
            if is_block_push(instr):
                INSTR_SET_OP0(instr, NOP)
            elif instr.i_opcode == LOAD_CLOSURE:
                instr.i_opcode = LOAD_FAST
            elif instr.i_opcode == STORE_FAST_MAYBE_NULL:
                instr.i_opcode = STORE_FAST
        b = b.b_next
    remove_redundant_nops_and_jumps(g)


def is_exit_or_eval_check_without_lineno(b: basicblock) -> bool:
    """CPython: Python/flowgraph.c:is_exit_or_eval_check_without_lineno"""
    if basicblock_exits_scope(b) or basicblock_has_eval_break(b):
        return basicblock_has_no_lineno(b)
    return False


def duplicate_exits_without_lineno(g: cfg_builder) -> None:
    """CPython: Python/flowgraph.c:duplicate_exits_without_lineno

    PEP 626: every exiting instruction needs a line number. Exit blocks without
    one that several jumps reach are copied so that each copy has a single
    predecessor whose line number it can take.
    """
    next_lbl = get_max_label(g.g_entryblock) + 1

    # Copy all exit blocks without line number that are targets of a jump.
    entryblock = g.g_entryblock
    b: Optional[basicblock] = entryblock
    while b is not None:
        last = basicblock_last_instr(b)
        if last is not None and is_jump(last):
            target = next_nonempty_block(last.i_target)
            assert target is not None
            if is_exit_or_eval_check_without_lineno(target) and target.b_predecessors > 1:
                new_target = copy_basicblock(g, target)
                new_target.b_instr[0].i_loc = last.i_loc
                last.i_target = new_target
                target.b_predecessors -= 1
                new_target.b_predecessors = 1
                new_target.b_next = target.b_next
                new_target.b_label = _PyJumpTargetLabel(next_lbl)
                next_lbl += 1
                target.b_next = new_target
        b = b.b_next

    # Any remaining reachable exit blocks without line number can only be reached by
    # fall through, and thus can only have a single predecessor
    b = entryblock
    while b is not None:
        nb = b.b_next
        if BB_HAS_FALLTHROUGH(b) and nb is not None and b.b_instr:
            if is_exit_or_eval_check_without_lineno(nb):
                last = basicblock_last_instr(b)
                assert last is not None
                nb.b_instr[0].i_loc = last.i_loc
        b = b.b_next


def propagate_line_numbers(entryblock: basicblock) -> None:
    """CPython: Python/flowgraph.c:propagate_line_numbers

    An instruction without a line number takes its predecessor's in the block;
    a successor block with one predecessor and no line number at its start
    inherits it.
    """
    b: Optional[basicblock] = entryblock
    while b is not None:
        last = basicblock_last_instr(b)
        if last is None:
            b = b.b_next
            continue
        prev_location = NO_LOCATION
        for instr in b.b_instr:
            if instr.i_loc.lineno == NO_LOCATION.lineno:
                instr.i_loc = prev_location
            else:
                prev_location = instr.i_loc
        nb = b.b_next
        if BB_HAS_FALLTHROUGH(b) and nb is not None and nb.b_predecessors == 1:
            if nb.b_instr:
                if nb.b_instr[0].i_loc.lineno == NO_LOCATION.lineno:
                    nb.b_instr[0].i_loc = prev_location
        if is_jump(last):
            target = last.i_target
            assert target is not None
            # pyvm: C reads slot 0 even of an empty target; what it may write
            # there is a stale slot nobody reads, so an empty target is skipped.
            if target.b_predecessors == 1 and target.b_instr:
                if target.b_instr[0].i_loc.lineno == NO_LOCATION.lineno:
                    target.b_instr[0].i_loc = prev_location
        b = b.b_next


def resolve_line_numbers(g: cfg_builder, firstlineno: int) -> None:
    """CPython: Python/flowgraph.c:resolve_line_numbers"""
    duplicate_exits_without_lineno(g)
    propagate_line_numbers(g.g_entryblock)


def _PyCfg_OptimizeCodeUnit(g: cfg_builder, consts: list[object],
                            const_cache: dict[object, object], nlocals: int, nparams: int,
                            firstlineno: int) -> None:
    """CPython: Python/flowgraph.c:_PyCfg_OptimizeCodeUnit

    ``consts`` (the unit's constants, a host list) is updated in place: folding
    appends to it, and unused constants are removed.
    """
    assert len(g.g_entryblock.b_instr) > 0
    # Preprocessing: map labels to targets and mark exception handlers
    translate_jump_labels_to_targets(g.g_entryblock)
    mark_except_handlers(g.g_entryblock)
    label_exception_targets(g.g_entryblock)

    # Optimization
    consts_index = _ConstsIndex()
    for i in range(len(consts)):
        item = consts[i]
        if id(item) in consts_index.index:
            continue
        consts_index.index[id(item)] = i

    optimize_cfg(g, consts, const_cache, consts_index, firstlineno)

    remove_unused_consts(g.g_entryblock, consts)
    add_checks_for_loads_of_uninitialized_variables(g.g_entryblock, nlocals, nparams)
    insert_superinstructions(g)

    push_cold_blocks_to_end(g)
    resolve_line_numbers(g, firstlineno)


# ---------------------------------------------------------------------------
# Frame layout: cells, free variables, generator prefix


def build_cellfixedoffsets(umd: _PyCompile_CodeUnitMetadata) -> list[int]:
    """CPython: Python/flowgraph.c:build_cellfixedoffsets

    For each cell and free variable (by its index among them), its offset in
    ``localsplus``: after the locals, except cells of arguments, which reuse the
    argument's slot.
    """
    nlocals = len(umd.u_varnames)
    ncellvars = len(umd.u_cellvars)
    nfreevars = len(umd.u_freevars)
    noffsets = ncellvars + nfreevars
    fixed = [nlocals + i for i in range(noffsets)]
    for varname, cellindex in umd.u_cellvars.items():
        varindex = umd.u_varnames.get(varname)
        if varindex is None:
            continue
        fixed[cellindex] = varindex
    return fixed


def IS_GENERATOR(cf: int) -> bool:
    """CPython: Python/flowgraph.c:IS_GENERATOR"""
    return (cf & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) != 0


def insert_prefix_instructions(umd: _PyCompile_CodeUnitMetadata, entryblock: basicblock,
                               fixed: list[int], nfreevars: int, code_flags: int) -> None:
    """CPython: Python/flowgraph.c:insert_prefix_instructions

    ``RETURN_GENERATOR, POP_TOP`` for generators, ``MAKE_CELL`` per cell (in
    offset order) and ``COPY_FREE_VARS``.
    """
    assert umd.u_firstlineno > 0

    # Add the generator prefix instructions.
    if IS_GENERATOR(code_flags):
        # RETURN_GENERATOR + POP_TOP have a net stack effect of 0: RETURN_GENERATOR
        # pushes an element with _PyFrame_StackPush before switching stacks.
        loc = Location(umd.u_firstlineno, umd.u_firstlineno, -1, -1)
        basicblock_insert_instruction(entryblock, 0, cfg_instr(RETURN_GENERATOR, 0, loc))
        basicblock_insert_instruction(entryblock, 1, cfg_instr(POP_TOP, 0, loc))

    # Set up cells for any variable that escapes, to be put in a closure.
    ncellvars = len(umd.u_cellvars)
    if ncellvars:
        # umd->u_cellvars has the cells out of order so we sort them
        # before adding the MAKE_CELL instructions.  Note that we
        # adjust for arg cells, which come first.
        nvars = ncellvars + len(umd.u_varnames)
        sorted_ = [0] * nvars
        for i in range(ncellvars):
            sorted_[fixed[i]] = i + 1
        i = 0
        ncellsused = 0
        while ncellsused < ncellvars:
            oldindex = sorted_[i] - 1
            i += 1
            if oldindex == -1:
                continue
            # The oparg is fixed in fix_cell_offsets().
            basicblock_insert_instruction(entryblock, ncellsused,
                                          cfg_instr(MAKE_CELL, oldindex, NO_LOCATION))
            ncellsused += 1

    if nfreevars:
        basicblock_insert_instruction(entryblock, 0,
                                      cfg_instr(COPY_FREE_VARS, nfreevars, NO_LOCATION))


def fix_cell_offsets(umd: _PyCompile_CodeUnitMetadata, entryblock: basicblock,
                     fixedmap: list[int]) -> int:
    """CPython: Python/flowgraph.c:fix_cell_offsets

    Rewrites the cell/free opargs from cell indexes to ``localsplus`` offsets.
    Returns how many cells were dropped (cells of arguments).
    """
    nlocals = len(umd.u_varnames)
    ncellvars = len(umd.u_cellvars)
    nfreevars = len(umd.u_freevars)
    noffsets = ncellvars + nfreevars

    # First deal with duplicates (arg cells).
    numdropped = 0
    for i in range(noffsets):
        if fixedmap[i] == i + nlocals:
            fixedmap[i] -= numdropped
        else:
            # It was a duplicate (cell/arg).
            numdropped += 1

    # Then update offsets, either relative to locals or by cell2arg.
    b: Optional[basicblock] = entryblock
    while b is not None:
        for inst in b.b_instr:
            # This is called before extended args are generated.
            assert inst.i_opcode != EXTENDED_ARG
            oldoffset = inst.i_oparg
            op = inst.i_opcode
            if (op == MAKE_CELL or op == LOAD_CLOSURE or op == LOAD_DEREF or op == STORE_DEREF
                    or op == DELETE_DEREF or op == LOAD_FROM_DICT_OR_DEREF):
                assert 0 <= oldoffset < noffsets
                assert fixedmap[oldoffset] >= 0
                inst.i_oparg = fixedmap[oldoffset]
        b = b.b_next
    return numdropped


def prepare_localsplus(umd: _PyCompile_CodeUnitMetadata, g: cfg_builder, code_flags: int) -> int:
    """CPython: Python/flowgraph.c:prepare_localsplus

    Returns ``nlocalsplus``.
    """
    nlocals = len(umd.u_varnames)
    ncellvars = len(umd.u_cellvars)
    nfreevars = len(umd.u_freevars)
    nlocalsplus = nlocals + ncellvars + nfreevars
    cellfixedoffsets = build_cellfixedoffsets(umd)
    # This must be called before fix_cell_offsets().
    insert_prefix_instructions(umd, g.g_entryblock, cellfixedoffsets, nfreevars, code_flags)
    numdropped = fix_cell_offsets(umd, g.g_entryblock, cellfixedoffsets)
    nlocalsplus -= numdropped
    return nlocalsplus


# ---------------------------------------------------------------------------
# Conversions between sequences and graphs


def _PyCfg_FromInstructionSequence(seq: _PyInstructionSequence) -> cfg_builder:
    """CPython: Python/flowgraph.c:_PyCfg_FromInstructionSequence

    Builds the graph: a new block starts at every jump target (label = the
    target's instruction index) and after every terminator. The annotations
    code (PEP 649) is spliced in at ``ANNOTATIONS_PLACEHOLDER``.
    """
    _PyInstructionSequence_ApplyLabelMap(seq)
    g = _PyCfgBuilder_New()
    instrs = seq.s_instrs
    n = len(instrs)
    for instr in instrs:
        instr.i_target = 0
    for instr in instrs:
        if HAS_TARGET(instr.i_opcode):
            assert 0 <= instr.i_oparg < n
            instrs[instr.i_oparg].i_target = 1
    offset = 0
    for i in range(n):
        instr = instrs[i]
        if instr.i_opcode == ANNOTATIONS_PLACEHOLDER:
            ann = seq.s_annotations_code
            if ann is not None:
                assert ann.s_labelmap_size == 0 and ann.s_nested is None
                for ann_instr in ann.s_instrs:
                    assert not HAS_TARGET(ann_instr.i_opcode)
                    _PyCfgBuilder_Addop(g, ann_instr.i_opcode, ann_instr.i_oparg, ann_instr.i_loc)
                offset += len(ann.s_instrs) - 1
            else:
                offset -= 1
            continue
        if instr.i_target:
            _PyCfgBuilder_UseLabel(g, _PyJumpTargetLabel(i + offset))
        opcode = instr.i_opcode
        oparg = instr.i_oparg
        if HAS_TARGET(opcode):
            oparg += offset
        _PyCfgBuilder_Addop(g, opcode, oparg, instr.i_loc)
    _PyCfgBuilder_CheckSize(g)
    return g


def _PyCfg_ToInstructionSequence(g: cfg_builder, seq: _PyInstructionSequence) -> None:
    """CPython: Python/flowgraph.c:_PyCfg_ToInstructionSequence

    Writes the blocks in layout order; jump opargs and handler labels become
    instruction indices, and each instruction records its handler's start
    depth and ``preserve_lasti``.
    """
    lbl = 0
    b: Optional[basicblock] = g.g_entryblock
    while b is not None:
        b.b_label = _PyJumpTargetLabel(lbl)
        lbl += 1
        b = b.b_next
    b = g.g_entryblock
    while b is not None:
        _PyInstructionSequence_UseLabel(seq, b.b_label.id)
        for instr in b.b_instr:
            if HAS_TARGET(instr.i_opcode):
                # Set oparg to the label id (it will later be mapped to an offset)
                t = instr.i_target
                assert t is not None
                instr.i_oparg = t.b_label.id
            _PyInstructionSequence_Addop(seq, instr.i_opcode, instr.i_oparg, instr.i_loc)
            hi = seq.s_instrs[-1].i_except_handler_info
            exc = instr.i_except
            if exc is not None:
                hi.h_label = exc.b_label.id
                hi.h_startdepth = exc.b_startdepth
                hi.h_preserve_lasti = exc.b_preserve_lasti
            else:
                hi.h_label = -1
        b = b.b_next
    _PyInstructionSequence_ApplyLabelMap(seq)


def _PyCfg_OptimizedCfgToInstructionSequence(g: cfg_builder, umd: _PyCompile_CodeUnitMetadata,
                                             code_flags: int,
                                             seq: _PyInstructionSequence) -> tuple[int, int]:
    """CPython: Python/flowgraph.c:_PyCfg_OptimizedCfgToInstructionSequence

    Returns ``(stackdepth, nlocalsplus)`` (C's out-parameters).
    """
    convert_pseudo_conditional_jumps(g)

    stackdepth = calculate_stackdepth(g)

    # prepare_localsplus adds instructions for generators that push and pop an
    # item on the stack; a generator always has stack space for that.
    assert not (IS_GENERATOR(code_flags) and stackdepth == 0)

    nlocalsplus = prepare_localsplus(umd, g, code_flags)

    convert_pseudo_ops(g)

    # Order of basic blocks must have been determined by now
    normalize_jumps(g)

    # Can't modify the bytecode after inserting instructions that produce
    # borrowed references.
    optimize_load_fast(g)

    # Can't modify the bytecode after computing jump offsets.
    _PyCfg_ToInstructionSequence(g, seq)
    return stackdepth, nlocalsplus


def _PyCfg_JumpLabelsToTargets(g: cfg_builder) -> None:
    """CPython: Python/flowgraph.c:_PyCfg_JumpLabelsToTargets

    Fills in the jump and exception targets of a synthetic CFG (used by
    ``_PyCompile_Assemble``).
    """
    translate_jump_labels_to_targets(g.g_entryblock)
    label_exception_targets(g.g_entryblock)


def cfg_to_instruction_sequence(g: cfg_builder) -> _PyInstructionSequence:
    """CPython: Python/flowgraph.c:cfg_to_instruction_sequence"""
    seq = _PyInstructionSequence_New()
    _PyCfg_ToInstructionSequence(g, seq)
    return seq


def _PyCompile_OptimizeCfg(seq: _PyInstructionSequence, consts: list[object],
                           nlocals: int) -> _PyInstructionSequence:
    """CPython: Python/flowgraph.c:_PyCompile_OptimizeCfg

    The test entry point (``_testinternalcapi.optimize_cfg``): builds the CFG of
    ``seq``, optimizes it with a fresh constant cache and returns the resulting
    sequence (still with pseudo-instructions).
    """
    const_cache: dict[object, object] = {}
    g = _PyCfg_FromInstructionSequence(seq)
    nparams = 0
    firstlineno = 1
    _PyCfg_OptimizeCodeUnit(g, consts, const_cache, nlocals, nparams, firstlineno)
    calculate_stackdepth(g)
    optimize_load_fast(g)
    res = cfg_to_instruction_sequence(g)
    _PyCfgBuilder_Free(g)
    return res
