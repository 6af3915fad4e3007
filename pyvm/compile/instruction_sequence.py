"""Ports Python/instruction_sequence.c, Include/internal/pycore_instruction_sequence.h
and the source-location struct of Include/internal/pycore_symtable.h.

An *instruction sequence* is the flat list of instructions that travels between the
stages of the compiler:

* codegen (``codegen.py``) appends instructions to one with
  :func:`_PyInstructionSequence_Addop`; jumps name *labels*, small integers made by
  :func:`_PyInstructionSequence_NewLabel`, and :func:`_PyInstructionSequence_UseLabel`
  binds a label to the index of the next instruction (``s_labelmap``);
* the flowgraph (``flowgraph.py``) cuts the sequence into basic blocks
  (``_PyCfg_FromInstructionSequence``), optimises them and writes the result back into
  a fresh sequence whose jump opargs are instruction *indices* and whose instructions
  carry their exception handler (``i_except_handler_info``);
* the assembler (``assemble.py``) turns that sequence into bytes.

Each instruction carries a source location (:class:`Location`, C's
``_Py_SourceLocation``). Locations are values in C (a struct copied by assignment);
here they are small immutable objects, so sharing one between instructions is safe:
never assign to a Location's fields, make a new one.

pyvm: in C the sequence is also a Python object (``_PyInstructionSequence_Type``) so
that ``_testinternalcapi`` can drive the compiler from tests. No pyvm user program
sees one, so here it is a plain native class; the instructions live in a host list.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.compile.opcode import HAS_TARGET, IS_WITHIN_OPCODE_RANGE, OPCODE_HAS_ARG, opname


class Location:
    """pyvm: the struct ``_Py_SourceLocation`` of Include/internal/pycore_symtable.h.

    Field order is C's: ``lineno, end_lineno, col_offset, end_col_offset``. A value
    object: never mutated after construction.
    """

    lineno: int
    end_lineno: int
    col_offset: int
    end_col_offset: int

    def __init__(self, lineno: int, end_lineno: int, col_offset: int, end_col_offset: int) -> None:
        self.lineno = lineno
        self.end_lineno = end_lineno
        self.col_offset = col_offset
        self.end_col_offset = end_col_offset

    def __eq__(self, other: object) -> bool:
        """pyvm: value equality, as C compares the struct fields (``same_location``)."""
        if not isinstance(other, Location):
            return NotImplemented
        return (self.lineno == other.lineno and self.end_lineno == other.end_lineno
                and self.col_offset == other.col_offset
                and self.end_col_offset == other.end_col_offset)

    def __hash__(self) -> int:
        """pyvm: hashable as a value."""
        return hash((self.lineno, self.end_lineno, self.col_offset, self.end_col_offset))

    def __repr__(self) -> str:
        """pyvm: for debugging."""
        return (f"Location({self.lineno}, {self.end_lineno}, "
                f"{self.col_offset}, {self.end_col_offset})")


# pyvm: the constants NO_LOCATION and NEXT_LOCATION of Include/internal/pycore_symtable.h.
NO_LOCATION: Final = Location(-1, -1, -1, -1)
NEXT_LOCATION: Final = Location(-2, -2, -2, -2)


def LOCATION(lno: int, end_lno: int, col: int, end_col: int) -> Location:
    """CPython: Python/flowgraph.c:LOCATION"""
    return Location(lno, end_lno, col, end_col)


def same_location(a: Location, b: Location) -> bool:
    """CPython: Python/assemble.c:same_location"""
    return (a.lineno == b.lineno and a.end_lineno == b.end_lineno
            and a.col_offset == b.col_offset and a.end_col_offset == b.end_col_offset)


class _PyJumpTargetLabel:
    """pyvm: the struct ``_PyJumpTargetLabel`` of
    Include/internal/pycore_instruction_sequence.h: a label id (``-1`` is
    ``NO_LABEL``). A value object: never mutated.
    """

    id: int

    def __init__(self, id: int) -> None:
        self.id = id

    def __repr__(self) -> str:
        """pyvm: for debugging."""
        return f"_PyJumpTargetLabel({self.id})"


NO_LABEL: Final = _PyJumpTargetLabel(-1)


def SAME_JUMP_TARGET_LABEL(l1: _PyJumpTargetLabel, l2: _PyJumpTargetLabel) -> bool:
    """pyvm: the macro SAME_JUMP_TARGET_LABEL of Include/internal/pycore_instruction_sequence.h."""
    return l1.id == l2.id


def IS_JUMP_TARGET_LABEL(l: _PyJumpTargetLabel) -> bool:
    """pyvm: the macro IS_JUMP_TARGET_LABEL of Include/internal/pycore_instruction_sequence.h."""
    return l.id != NO_LABEL.id


class _PyExceptHandlerInfo:
    """pyvm: the struct ``_PyExceptHandlerInfo`` of
    Include/internal/pycore_instruction_sequence.h: the handler an instruction's
    exceptions go to (``h_label`` is an instruction index once labels are applied,
    ``-1`` for none), the stack depth at the handler, and whether the handler wants
    the offset of the raising instruction pushed (``h_preserve_lasti``).

    The fields start at 0 as C's zero-filled instruction array does.
    """

    h_label: int
    h_startdepth: int
    h_preserve_lasti: int

    def __init__(self, h_label: int = 0, h_startdepth: int = 0, h_preserve_lasti: int = 0) -> None:
        self.h_label = h_label
        self.h_startdepth = h_startdepth
        self.h_preserve_lasti = h_preserve_lasti

    def copy(self) -> _PyExceptHandlerInfo:
        """pyvm: C copies the struct by assignment."""
        return _PyExceptHandlerInfo(self.h_label, self.h_startdepth, self.h_preserve_lasti)


class _PyInstruction:
    """pyvm: the struct ``_PyInstruction`` of Include/internal/pycore_instruction_sequence.h.

    ``i_target`` and ``i_offset`` are scratch fields of the assembler (the jump
    target's instruction index and this instruction's offset in code units).
    """

    i_opcode: int
    i_oparg: int
    i_loc: Location
    i_except_handler_info: _PyExceptHandlerInfo
    i_target: int
    i_offset: int

    def __init__(self, opcode: int, oparg: int, loc: Location) -> None:
        self.i_opcode = opcode
        self.i_oparg = oparg
        self.i_loc = loc
        self.i_except_handler_info = _PyExceptHandlerInfo()
        self.i_target = 0
        self.i_offset = 0

    def __repr__(self) -> str:
        """pyvm: for debugging."""
        return f"_PyInstruction({opname[self.i_opcode]}, {self.i_oparg}, {self.i_loc!r})"


# CPython: Python/instruction_sequence.c:INITIAL_INSTR_SEQUENCE_SIZE
INITIAL_INSTR_SEQUENCE_SIZE: Final = 100
# CPython: Python/instruction_sequence.c:INITIAL_INSTR_SEQUENCE_LABELS_MAP_SIZE
INITIAL_INSTR_SEQUENCE_LABELS_MAP_SIZE: Final = 10
# CPython: Python/instruction_sequence.c:MAX_OPCODE
MAX_OPCODE: Final = 511


class _PyInstructionSequence:
    """pyvm: the struct ``_PyInstructionSequence`` of
    Include/internal/pycore_instruction_sequence.h.

    ``s_instrs`` is a host list, so ``s_used`` is its length and ``s_allocated`` is
    not needed. ``s_labelmap`` maps a label id to the index of the instruction it
    names; ``None`` means labels are already instruction indices (after
    :func:`_PyInstructionSequence_ApplyLabelMap`).
    """

    s_instrs: list[_PyInstruction]
    s_next_free_label: int
    s_labelmap: Optional[list[int]]
    s_nested: Optional[list[_PyInstructionSequence]]
    s_annotations_code: Optional[_PyInstructionSequence]

    def __init__(self) -> None:
        """CPython: Python/instruction_sequence.c:inst_seq_create"""
        self.s_instrs = []
        self.s_next_free_label = 0
        self.s_labelmap = None
        self.s_nested = None
        self.s_annotations_code = None

    @property
    def s_used(self) -> int:
        """pyvm: C's count of used entries of ``s_instrs``."""
        return len(self.s_instrs)

    @property
    def s_labelmap_size(self) -> int:
        """pyvm: C's allocated size of ``s_labelmap``."""
        lm = self.s_labelmap
        return 0 if lm is None else len(lm)


def _PyInstructionSequence_New() -> _PyInstructionSequence:
    """CPython: Python/instruction_sequence.c:_PyInstructionSequence_New"""
    return _PyInstructionSequence()


def instr_sequence_next_inst(seq: _PyInstructionSequence) -> int:
    """CPython: Python/instruction_sequence.c:instr_sequence_next_inst

    Appends a blank instruction and returns its index.
    """
    seq.s_instrs.append(_PyInstruction(0, 0, NO_LOCATION))
    return len(seq.s_instrs) - 1


def _PyInstructionSequence_NewLabel(seq: _PyInstructionSequence) -> _PyJumpTargetLabel:
    """CPython: Python/instruction_sequence.c:_PyInstructionSequence_NewLabel"""
    seq.s_next_free_label += 1
    return _PyJumpTargetLabel(seq.s_next_free_label)


def _PyInstructionSequence_UseLabel(seq: _PyInstructionSequence, lbl: int) -> None:
    """CPython: Python/instruction_sequence.c:_PyInstructionSequence_UseLabel

    The label names the next instruction to be added. Unused slots of the map hold
    -111, as in C (a value no index can have).
    """
    lm = seq.s_labelmap
    if lm is None:
        lm = []
        seq.s_labelmap = lm
    if lbl >= len(lm):
        # C grows the map by doubling from INITIAL_INSTR_SEQUENCE_LABELS_MAP_SIZE;
        # only the -111 filler of the new slots is observable.
        new_size = max(INITIAL_INSTR_SEQUENCE_LABELS_MAP_SIZE, len(lm))
        while new_size <= lbl:
            new_size *= 2
        lm.extend([-111] * (new_size - len(lm)))
    lm[lbl] = len(seq.s_instrs)


def _PyInstructionSequence_ApplyLabelMap(instrs: _PyInstructionSequence) -> None:
    """CPython: Python/instruction_sequence.c:_PyInstructionSequence_ApplyLabelMap

    Rewrites the jump opargs and handler labels from label ids to instruction
    indices, then drops the map.
    """
    lm = instrs.s_labelmap
    if lm is None:
        return
    n = len(lm)
    for instr in instrs.s_instrs:
        if HAS_TARGET(instr.i_opcode):
            assert instr.i_oparg < n
            instr.i_oparg = lm[instr.i_oparg]
        hi = instr.i_except_handler_info
        if hi.h_label >= 0:
            assert hi.h_label < n
            hi.h_label = lm[hi.h_label]
    instrs.s_labelmap = None


def _PyInstructionSequence_Addop(seq: _PyInstructionSequence, opcode: int, oparg: int,
                                 loc: Location) -> None:
    """CPython: Python/instruction_sequence.c:_PyInstructionSequence_Addop"""
    assert 0 <= opcode <= MAX_OPCODE
    assert IS_WITHIN_OPCODE_RANGE(opcode)
    assert OPCODE_HAS_ARG(opcode) or HAS_TARGET(opcode) or oparg == 0
    assert 0 <= oparg < (1 << 30)
    seq.s_instrs.append(_PyInstruction(opcode, oparg, loc))


def _PyInstructionSequence_InsertInstruction(seq: _PyInstructionSequence, pos: int,
                                             opcode: int, oparg: int, loc: Location) -> None:
    """CPython: Python/instruction_sequence.c:_PyInstructionSequence_InsertInstruction

    Inserts before index ``pos`` and moves every label at or after ``pos`` along.
    """
    assert 0 <= pos <= len(seq.s_instrs)
    seq.s_instrs.insert(pos, _PyInstruction(opcode, oparg, loc))
    lm = seq.s_labelmap
    if lm is not None:
        for lbl in range(len(lm)):
            if lm[lbl] >= pos:
                lm[lbl] += 1


def _PyInstructionSequence_SetAnnotationsCode(seq: _PyInstructionSequence,
                                              annotations: _PyInstructionSequence) -> None:
    """CPython: Python/instruction_sequence.c:_PyInstructionSequence_SetAnnotationsCode"""
    assert seq.s_annotations_code is None
    seq.s_annotations_code = annotations


def _PyInstructionSequence_AddNested(seq: _PyInstructionSequence,
                                     nested: _PyInstructionSequence) -> None:
    """CPython: Python/instruction_sequence.c:_PyInstructionSequence_AddNested"""
    if seq.s_nested is None:
        seq.s_nested = []
    seq.s_nested.append(nested)


def PyInstructionSequence_Fini(seq: _PyInstructionSequence) -> None:
    """CPython: Python/instruction_sequence.c:PyInstructionSequence_Fini"""
    seq.s_nested = None
    seq.s_labelmap = None
    seq.s_instrs = []
    ann = seq.s_annotations_code
    if ann is not None:
        PyInstructionSequence_Fini(ann)
        seq.s_annotations_code = None


def InstructionSequenceType_get_instructions_impl(
        seq: _PyInstructionSequence) -> list[tuple[int, Optional[int], int, int, int, int]]:
    """CPython: Python/instruction_sequence.c:InstructionSequenceType_get_instructions_impl

    pyvm: returns host tuples ``(opcode, oparg or None, lineno, end_lineno,
    col_offset, end_col_offset)`` for tests and debugging dumps.
    """
    _PyInstructionSequence_ApplyLabelMap(seq)
    out: list[tuple[int, Optional[int], int, int, int, int]] = []
    for instr in seq.s_instrs:
        loc = instr.i_loc
        arg: Optional[int] = instr.i_oparg if OPCODE_HAS_ARG(instr.i_opcode) else None
        out.append((instr.i_opcode, arg, loc.lineno, loc.end_lineno,
                    loc.col_offset, loc.end_col_offset))
    return out
