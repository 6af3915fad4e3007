"""Writes the tier-1 dispatch of pyvm's eval loop from bytecodes.py.

pyvm: the port of CPython's Tools/cases_generator/tier1_generator.py (with
the stack handling of stack.py and the macro expansion of
generators_common.py). CPython writes ``generated_cases.c.h``, which
``ceval.c`` includes inside ``_PyEval_EvalFrameDefault``'s dispatch switch;
pyvm writes the same thing into a marked region of ``pyvm/eval/ceval.py``
(Python has no ``#include``), plus a second region holding the imports the
instruction bodies need.

What one instruction becomes (compare ``TARGET(op)`` in generated_cases.c.h):

* ``frame.instr_ptr = this_instr`` when the instruction can run user code or
  raise (C stores ``frame->instr_ptr`` before every instruction), so
  ``f_lineno`` and tracebacks are right;
* ``next_instr = this_instr + 1 + <cache size>``, the size computed from the
  declared cache layout;
* for each micro-op: its named cache entries read from the code units, its
  scalar inputs read from the stack (``localsplus[sp - k]``) and narrowed to
  the declared parameter type, its arrays bound to the index of their first
  slot, the body, then its outputs written and ``sp`` moved. Between
  micro-ops the stack is written back, so an exception raised by a later
  micro-op finds every live value on the stack, where the error path
  releases it.

Dispatch: mypyc compiles an if-chain to a linear sequence of compares (no
jump table), so the hot instructions come first, in the order of HOT, and a
balanced binary tree on the opcode number holds the rest: any instruction is
reached in at most ~8 compares after the hot ones.
"""

from __future__ import annotations

import re
from typing import Optional

from analyzer import (MACROS, Analysis, Expr, Instruction, Uop, total)

#: The instructions tested first, most frequent first (dynamic counts over
#: bench/ in 2026-12: loads, stores, arithmetic, calls, branches, loops).
HOT = [
    "LOAD_FAST_BORROW", "LOAD_FAST_BORROW_LOAD_FAST_BORROW", "STORE_FAST",
    "LOAD_CONST", "LOAD_SMALL_INT", "POP_TOP", "BINARY_OP", "LOAD_ATTR",
    "LOAD_GLOBAL", "CALL", "POP_JUMP_IF_FALSE", "TO_BOOL", "COMPARE_OP",
    "RETURN_VALUE", "RESUME", "POP_JUMP_IF_TRUE", "FOR_ITER", "JUMP_BACKWARD",
    "STORE_ATTR", "PUSH_NULL", "NOT_TAKEN", "LOAD_FAST",
]

#: Calls that cannot run user code nor raise: an instruction whose bodies make
#: only these does not save ``frame.instr_ptr`` first.
PURE_CALLS = {"Py_INCREF", "isinstance", "len", "range", "JUMPBY", "PyLong_FromLong",
              "PyBool_FromLong"}

STATE = ("sp", "localsplus", "frame", "tstate", "oparg", "opcode", "this_instr",
         "next_instr", "units", "code", "names", "consts", "entry_frame")


class Emitter:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.level = 0
        # names already annotated in the function: a second annotation of
        # the same local is an error for mypy, so later ones are dropped
        self.declared: set[str] = set()

    def emit(self, text: str) -> None:
        self.lines.append(("    " * self.level + text) if text else "")

    def indent(self) -> None:
        self.level += 1

    def dedent(self) -> None:
        self.level -= 1


def _sp_minus(e: Expr) -> str:
    """``sp - e`` as Python text."""
    if not e.terms:
        if e.const == 0:
            return "sp"
        return f"sp - {e.const}" if e.const > 0 else f"sp + {-e.const}"
    r = e.render()
    if e.const or len(e.terms) > 1 or not re.fullmatch(r"\w+", e.terms[0]):
        return f"sp - ({r})"
    return f"sp - {r}"


def _sp_plus(base: str, e: Expr) -> str:
    """``base + e`` as Python text."""
    if not e.terms:
        if e.const == 0:
            return base
        return f"{base} + {e.const}" if e.const > 0 else f"{base} - {-e.const}"
    r = e.render()
    if e.const or len(e.terms) > 1 or not re.fullmatch(r"\w+", e.terms[0]):
        return f"{base} + ({r})"
    return f"{base} + {r}"


def _sub(a: Expr, b: Expr) -> Optional[Expr]:
    """a - b when b's terms are a sub-multiset of a's."""
    terms = list(a.terms)
    for t in b.terms:
        if t in terms:
            terms.remove(t)
        else:
            return None
    return Expr(a.const - b.const, tuple(terms))


def _narrow(name: str, ann: str) -> Optional[str]:
    if ann.startswith("Optional["):
        return None
    if ann == "PyObject":
        return f"assert {name} is not None"
    return f"assert isinstance({name}, {ann})"


def escapes(inst: Instruction) -> bool:
    for u in inst.uops:
        for line in u.body:
            code = line.split("#", 1)[0]
            for m in re.finditer(r"\b([A-Za-z_]\w*)\s*\(", code):
                if m.group(1) not in PURE_CALLS:
                    return True
            if re.search(r"\braise\b", code):
                return True
    return False


def emit_uop(out: Emitter, inst: Instruction, u: Uop, caches: dict[str, tuple[int, int]]) -> None:
    if u.is_empty:
        return
    out.emit(f"# {u.name}" if inst.kind == "macro" else "")
    if out.lines and out.lines[-1] == "":
        out.lines.pop()
    for cname, (off, size) in caches.items():
        if u.uses(cname):
            parts = [f"units[this_instr + {1 + off + k}]" + (f" << {16 * k}" if k else "")
                     for k in range(size)]
            out.emit(f"{cname} = " + " | ".join(f"({p})" if "<<" in p else p for p in parts))
    in_total = total(u.inputs)
    out_total = total(u.outputs)
    decref = u.uses_macro("DECREF_INPUTS")
    # inputs, top of stack last
    above = Expr()
    positions: dict[str, Expr] = {}
    for item in reversed(u.inputs):
        above = above + Expr.of(item.size)
        positions[item.name] = above
        if item.is_unused:
            continue
        if item.is_array:
            out.emit(f"{item.name} = {_sp_minus(above)}")
        elif u.uses(item.name) or decref:
            out.emit(f"{item.name} = localsplus[{_sp_minus(above)}]")
            check = _narrow(item.name, u.params.get(item.name, "PyObject"))
            if check:
                out.emit(check)
    # array outputs: the index of their first slot
    off = Expr()
    out_pos: dict[str, Expr] = {}
    for item in u.outputs:
        out_pos[item.name] = off
        if item.is_array and not item.is_unused:
            rel = _sub(in_total, off)
            if rel is not None:
                out.emit(f"{item.name} = {_sp_minus(rel)}")
            else:
                out.emit(f"{item.name} = {_sp_plus(_sp_minus(in_total), off)}")
        off = off + Expr.of(item.size)
    dead = False          # INPUTS_DEAD() at the top level: sp is below the inputs
    dead_top = Expr()     # DEAD(x): the top inputs consumed so far
    top_inputs = [i for i in u.inputs]
    for line in u.body:
        stripped = line.strip()
        indent = line[:len(line) - len(line.lstrip())]
        m = re.match(r"^(\w+)\((.*)\)\s*(#.*)?$", stripped)
        if stripped.startswith("global "):
            continue   # only for the type checker of bytecodes.py
        if not (m and m.group(1) in MACROS):
            ann = re.match(r"^(\s*)(\w+): [^=]+?( = .*)$", line)
            if ann and not line.strip().startswith("#"):
                if ann.group(2) in out.declared:
                    line = ann.group(1) + ann.group(2) + ann.group(3)
                else:
                    out.declared.add(ann.group(2))
            out.emit(line)
            continue
        name, arg = m.group(1), m.group(2)
        exp: list[str]
        if name == "JUMPBY":
            exp = [f"next_instr += {arg}"]
        elif name == "INPUTS_DEAD":
            if not indent:
                dead = True
            exp = [] if in_total.is_zero() else [_sp_adjust(Expr(), in_total)]
        elif name == "DEAD":
            if not top_inputs or top_inputs[-1].name != arg or top_inputs[-1].is_array:
                raise SystemExit(f"{u.name}: DEAD({arg}) must name the topmost scalar input")
            top_inputs.pop()
            if not indent:
                dead_top = dead_top + Expr(1)
            exp = ["sp -= 1"]
        elif name == "DECREF_INPUTS":
            exp = []
            for item in u.inputs:
                if item.is_unused:
                    continue
                if item.is_array:
                    exp.append(f"for _i in range({item.name}, "
                               f"{_sp_plus(item.name, Expr.of(item.size))}):")
                    exp.append("    Py_XDECREF(localsplus[_i])")
                elif u.params.get(item.name, "PyObject").startswith("Optional["):
                    exp.append(f"Py_XDECREF({item.name})")
                else:
                    exp.append(f"Py_DECREF({item.name})")
        elif name == "SAVE_STACK":
            exp = ["frame.stackpointer = sp"]
        elif name == "DISPATCH":
            exp = ["continue"]
        elif name == "DISPATCH_INLINED":
            exp = ["frame.stackpointer = sp", f"_start_frame(tstate, {arg})",
                   f"frame = {arg}", "break"]
        elif name == "RELOAD_FRAME":
            exp = ["break"]
        else:  # EXCEPTION_UNWIND
            exp = ["frame.stackpointer = sp", f"pending = {arg}", "pending_tb = False",
                   "unwind_index = this_instr", "break"]
        for e in exp:
            out.emit(indent + e)
    if u.exits:
        return
    # outputs
    base_in = Expr() if dead else (_sub(in_total, dead_top) or in_total)
    for item in u.outputs:
        if item.is_unused or item.is_array:
            continue
        pos_in = positions.get(item.name)
        o = out_pos[item.name]
        if not dead and dead_top.is_zero() and pos_in is not None \
                and item.name not in u.assigned and _sub(in_total, o) is not None \
                and _sub(in_total, o).key() == pos_in.key():  # type: ignore[union-attr]
            continue   # unchanged: the value stays where it was
        rel = _sub(base_in, o)
        target = _sp_minus(rel) if rel is not None else _sp_plus(_sp_minus(base_in), o)
        out.emit(f"localsplus[{target}] = {item.name}")
    adj = _sp_adjust(out_total, base_in)
    if adj:
        out.emit(adj)


def _sp_adjust(new: Expr, old: Expr) -> str:
    """The statement moving ``sp`` from ``old`` items to ``new`` items."""
    delta = _sub(new, old)
    if delta is not None:
        if delta.is_zero():
            return ""
        if not delta.terms:
            return f"sp += {delta.const}" if delta.const > 0 else f"sp -= {-delta.const}"
        return f"sp += {delta.render()}"
    neg = _sub(old, new)
    assert neg is not None, (old.render(), new.render())
    if not neg.terms:
        return f"sp -= {neg.const}"
    r = neg.render()
    return f"sp -= {r}" if re.fullmatch(r"\w+", r) else f"sp -= ({r})"


def emit_instruction(out: Emitter, a: Analysis, inst: Instruction) -> None:
    cite = "inst" if inst.kind == "inst" else "macro"
    out.emit(f"# {inst.name} ({cite}, bytecodes.py line {inst.lineno})")
    if escapes(inst):
        out.emit("frame.instr_ptr = this_instr")
    out.emit(f"next_instr = this_instr + {1 + inst.cache_size}")
    for u, caches in inst.cache_offsets():
        emit_uop(out, inst, u, caches)


def _leaf(out: Emitter, a: Analysis, insts: list[tuple[int, Instruction]]) -> None:
    for k, (num, inst) in enumerate(insts):
        out.emit(f"{'if' if k == 0 else 'elif'} opcode == {inst.name}:")
        out.indent()
        emit_instruction(out, a, inst)
        out.dedent()
    out.emit("else:")
    out.indent()
    out.emit("_unknown_opcode(opcode, this_instr)")
    out.dedent()


def _tree(out: Emitter, a: Analysis, insts: list[tuple[int, Instruction]]) -> None:
    """A balanced binary search on the opcode number, leaves of <= 3 tests."""
    if len(insts) <= 3:
        _leaf(out, a, insts)
        return
    mid = len(insts) // 2
    out.emit(f"if opcode < {insts[mid][0]}:")
    out.indent()
    _tree(out, a, insts[:mid])
    out.dedent()
    out.emit("else:")
    out.indent()
    _tree(out, a, insts[mid:])
    out.dedent()


def generate_dispatch(a: Analysis, opmap: dict[str, int], indent: int) -> list[str]:
    """The body of the dispatch loop: fetch and decode, EXTENDED_ARG, then
    the hot instructions in order and the tree of the others."""
    out = Emitter()
    out.level = indent
    # Every body shares this one scope: the stack items are declared once,
    # scalars as stack slots (narrowed where a body reads them), arrays as
    # indexes into localsplus.
    scalars: set[str] = set()
    arrays: set[str] = set()
    for u in a.uops.values():
        for item in u.inputs + u.outputs:
            if not item.is_unused:
                (arrays if item.is_array else scalars).add(item.name)
    both = scalars & arrays
    if both:
        raise SystemExit(f"stack items used both as scalars and arrays: {sorted(both)}")
    for n in sorted(scalars):
        out.emit(f"{n}: Optional[PyObject]")
    for n in sorted(arrays):
        out.emit(f"{n}: int")
    out.declared = set(scalars) | set(arrays)
    ext = a.instructions["EXTENDED_ARG"]
    out.emit("word = units[next_instr]")
    out.emit("opcode = word & 255")
    out.emit("oparg = word >> 8")
    out.emit("this_instr = next_instr")
    out.emit("while opcode == EXTENDED_ARG:")
    out.indent()
    out.emit(f"# EXTENDED_ARG (inst, bytecodes.py line {ext.lineno})")
    for line in ext.uops[0].body:
        out.emit(line)
    out.dedent()
    tier1 = {n: i for n, i in a.instructions.items() if n != "EXTENDED_ARG"}
    hot = [tier1[n] for n in HOT if n in tier1]
    rest = sorted((opmap[n], i) for n, i in tier1.items() if n not in HOT)
    for k, inst in enumerate(hot):
        out.emit(f"{'if' if k == 0 else 'elif'} opcode == {inst.name}:")
        out.indent()
        emit_instruction(out, a, inst)
        out.dedent()
    out.emit("else:")
    out.indent()
    _tree(out, a, rest)
    out.dedent()
    return out.lines


def generate_imports(a: Analysis) -> list[str]:
    """bytecodes.py's imports (but its own import of ceval) and the opcode
    names the dispatch compares."""
    lines: list[str] = []
    for imp in a.imports:
        if imp.startswith("from pyvm.eval.ceval import") or imp.startswith("from __future__") \
                or imp.startswith("from typing"):
            continue
        lines.extend(imp.split("\n"))
    lines.append("from pyvm.compile.opcode import (  # the opcodes the dispatch compares")
    row = "   "
    for n in sorted(a.instructions):
        if len(row) + len(n) + 2 > 88:
            lines.append(row.rstrip())
            row = "   "
        row += f" {n},"
    lines.append(row.rstrip())
    lines.append(")")
    return lines
