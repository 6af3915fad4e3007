"""pyvm: ``pyvm --break-at NAME``, stopping the host debugger at one instruction.

It has no CPython counterpart: to watch CPython execute ``BINARY_OP`` one runs a C
debugger on ``Python/generated_cases.c.h``. pyvm's eval loop is Python source run by
the host interpreter in interpreted mode, so the host's ``pdb`` can stop in it; this
module only finds *where*. The dispatch cases in ``pyvm/eval/ceval.py`` are generated
by ``tools/cases_generator`` and move whenever ``bytecodes.py`` changes, so the line
is looked up each time from the generator's marker comments:

* ``# NAME (inst, bytecodes.py line N)`` (or ``macro``) opens the case of
  instruction ``NAME``;
* ``# _UOPNAME`` opens the section of micro-op ``_UOPNAME`` inside a macro's case
  (a micro-op shared by several macros gets a breakpoint in each); an instruction
  used as a part of a macro (``# POP_TOP`` in ``POP_ITER``) stops there too.

The breakpoint goes on the first executable line after the marker, set by file name
and line number: ``pdb`` then stops in the ``.py`` source that interpreted mode
runs, and the compiled build is never imported (the launcher forces interpreted
mode before it imports this module). Stopped there, the registers of the loop are
locals of ``_PyEval_EvalFrameDefault``: ``frame``, ``localsplus``, ``sp``,
``opcode``, ``oparg``, ``this_instr``, ``next_instr``; pyvm objects print as
``<pyvm int 42 refcnt=3>`` (``PyObject.__repr__``). Two pdb aliases are defined:
``vstack`` prints the value stack of the running frame (bottom first) and
``instr`` the instruction being executed.

This module is not compiled by mypyc: it only runs in interpreted mode.
"""

from __future__ import annotations

import difflib
import os
import pdb
import re
import sys
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Final, Optional

CEVAL_PATH: Final = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ceval.py")

_BEGIN: Final = "# BEGIN GENERATED CASES"
_END: Final = "# END GENERATED CASES"
_CASE: Final = re.compile(r"#\s([A-Z][A-Z0-9_]*) \((?:inst|macro|op), bytecodes\.py line \d+\)$")
_PART: Final = re.compile(r"#\s(_?[A-Z][A-Z0-9_]*)$")

# pdb commands run at the first stop, before the breakpoints: two aliases for
# reading the loop's state, then `continue` to run the program up to a breakpoint.
PDB_ALIASES: Final = (
    "alias vstack p localsplus[frame.f_executable.co_nlocalsplus:sp]",
    "alias instr p opname[opcode], oparg, this_instr, frame.f_executable.co_qualname",
)


def find_cases(path: str = CEVAL_PATH) -> dict[str, list[int]]:
    """pyvm: every instruction and micro-op of the generated dispatch, with the
    line numbers (1-based) of the first executable line of its case or section."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    cases: dict[str, list[int]] = {}
    inside = False
    waiting: list[str] = []     # markers seen, no executable line since
    for lineno, line in enumerate(lines, 1):
        text = line.strip()
        if text.startswith(_BEGIN):
            inside = True
            continue
        if text.startswith(_END):
            break
        if not inside or not text:
            continue
        if text.startswith("#"):
            m = _CASE.match(text) or _PART.match(text)
            if m is not None:
                waiting.append(m.group(1))
            continue
        for name in waiting:
            cases.setdefault(name, []).append(lineno)
        waiting = []
    return cases


def resolve_names(spec: str, cases: dict[str, list[int]]) -> tuple[list[int], list[str]]:
    """pyvm: the breakpoint lines for ``NAME[,NAME...]`` (case-insensitive), and
    an error message for each unknown name (with the close matches)."""
    lines: list[int] = []
    errors: list[str] = []
    for raw in spec.split(","):
        name = raw.strip().upper()
        if not name:
            continue
        if name in cases:
            lines.extend(n for n in cases[name] if n not in lines)
            continue
        close = difflib.get_close_matches(name, list(cases), n=6, cutoff=0.6)
        hint = f"; close matches: {', '.join(close)}" if close else ""
        errors.append(f"pyvm: --break-at: no instruction or micro-op named "
                      f"{raw.strip()!r} in pyvm/eval/ceval.py{hint}")
    return sorted(lines), errors


def run_with_breakpoints(spec: str, run: Callable[[], int]) -> int:
    """pyvm: run ``run`` (the program) under ``pdb`` with a breakpoint at every
    instruction of ``spec``; returns its exit status, or 2 for an unknown name."""
    cases = find_cases()
    lines, errors = resolve_names(spec, cases)
    if errors or not lines:
        for message in errors or [f"pyvm: --break-at: no instruction named in {spec!r}"]:
            sys.stderr.write(message + "\n")
        return 2
    debugger = pdb.Pdb()
    for lineno in lines:
        refused = debugger.set_break(CEVAL_PATH, lineno)
        assert refused is None, refused
    # The first stop is the entry of `run` itself: define the aliases and continue
    # silently (as `python -m pdb -c continue` does), so the first prompt is at a
    # breakpoint in ceval.py.
    debugger.rcLines.extend([*PDB_ALIASES, "continue"])
    status: Optional[int] = debugger.runcall(run)
    # None: the user quit the debugger (`q`) before the program ended; like
    # `python -m pdb`, that is not an error.
    return 0 if status is None else status
