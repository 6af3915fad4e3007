"""``pyvm --break-at NAME``: the host's pdb stops at an instruction's generated case
in pyvm/eval/ceval.py (pyvm/eval/debug.py).

pyvm: a debugging aid with no CPython counterpart. The program's own output comes
from the oracle (``P``); the stop location is computed here from ceval.py's text,
independently of debug.py; what pdb prints for pyvm objects is pyvm's own
``PyObject.__repr__`` format (tests/test_debug_repr.py).

Run ``python3 tests/test_break_at.py --regen`` to rewrite tests/break_at_oracle.json.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from unit_oracle import UnitOracle

ORACLE = UnitOracle(__file__)
if __name__ == "__main__":
    ORACLE.main()  # --regen runs the oracle only
    sys.exit(0)

P = ORACLE.P
ROOT = Path(__file__).resolve().parent.parent
CEVAL = ROOT / "pyvm" / "eval" / "ceval.py"

PROGRAM = "x = 40\nprint(x + 2)\n"


def run_pyvm(args: list[str], commands: str, tmp_path: Path,
             env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python3 -m pyvm ARGS`` from the checkout, pdb commands on stdin."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYVM_BREAK_AT", "PYVM_INTERPRETED", "PYTHONPATH")}
    env["HOME"] = str(tmp_path)     # no user ~/.pdbrc
    env["PYVM_DEBUG_REFS"] = "1"
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "pyvm", *args], input=commands,
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)


def marker_line(pattern: str) -> int:
    """The line after the first marker comment of ceval.py matching ``pattern``:
    where the case (or micro-op section) starts executing."""
    lines = CEVAL.read_text().splitlines()
    for i, line in enumerate(lines):
        if re.fullmatch(pattern, line.strip()):
            return i + 2    # 1-based number of the next line
    raise AssertionError(f"no marker {pattern!r} in ceval.py")


def stops(stdout: str) -> list[int]:
    """The ceval.py line of every place pdb stopped at."""
    return [int(n) for n in re.findall(r"> .*[/\\]pyvm[/\\]eval[/\\]ceval\.py\((\d+)\)", stdout)]


def test_stops_at_binary_op_and_shows_the_registers(tmp_path: Path) -> None:
    from pyvm.compile.opcode import NB_ADD

    status, expected_out, _ = P(PROGRAM)
    assert status == 0 and expected_out.strip().isdigit()
    commands = "\n".join([
        "p oparg", "p localsplus[sp - 2]", "p localsplus[sp - 1]", "instr",
        "c",                                # on to CALL print(...)
        "p localsplus[sp - 1]", "c", ""])
    p = run_pyvm(["--break-at", "BINARY_OP,CALL", "-c", PROGRAM], commands, tmp_path)
    assert (p.returncode, p.stderr) == (0, "")
    binary_op = marker_line(r"# BINARY_OP \(macro, bytecodes\.py line \d+\)")
    call = marker_line(r"# CALL \((inst|macro), bytecodes\.py line \d+\)")
    assert stops(p.stdout) == [binary_op, call]
    at_binary_op, at_call = p.stdout.split("(Pdb) > ")
    # BINARY_OP has not run yet: its operands are the top two stack slots.
    assert at_binary_op.splitlines()[2:] == [
        f"(Pdb) {NB_ADD}",
        "(Pdb) <pyvm int 40 refcnt=immortal>",
        "(Pdb) <pyvm int 2 refcnt=immortal>",
        f"(Pdb) ('BINARY_OP', {NB_ADD}, 7, <pyvm str '<module>' refcnt=immortal>)",
    ]
    # At CALL, the argument on top of the stack is the sum, which the program
    # then prints after the last `c`.
    assert at_call.splitlines()[2:] == [
        f"(Pdb) <pyvm int {expected_out.strip()} refcnt=immortal>",
        f"(Pdb) {expected_out.strip()}",
    ]
    assert p.stdout.endswith(expected_out)


def test_micro_op_and_environment_variable(tmp_path: Path) -> None:
    status, expected_out, _ = P(PROGRAM)
    assert status == 0
    p = run_pyvm(["-c", PROGRAM], "vstack\nc\n", tmp_path,
                 {"PYVM_BREAK_AT": "_binary_op"})
    assert (p.returncode, p.stderr) == (0, "")
    assert stops(p.stdout) == [marker_line(r"# _BINARY_OP")]
    # The value stack of the module frame: print, NULL, then the operands.
    assert re.search(r"\(Pdb\) \[<pyvm builtin_function_or_method print refcnt=\d+>, None, "
                     r"<pyvm int 40 refcnt=immortal>, <pyvm int 2 refcnt=immortal>\]\n",
                     p.stdout)
    assert p.stdout.endswith(expected_out)


def test_unknown_name_lists_close_matches(tmp_path: Path) -> None:
    p = run_pyvm(["--break-at", "BINARYOP", "-c", PROGRAM], "", tmp_path)
    assert p.returncode == 2
    assert p.stdout == ""
    assert p.stderr.startswith("pyvm: --break-at: no instruction or micro-op named 'BINARYOP'")
    assert "close matches: BINARY_OP, _BINARY_OP" in p.stderr


def test_every_case_line_is_executable() -> None:
    """Each line debug.py finds is a line of _PyEval_EvalFrameDefault's code, so a
    breakpoint there is reached (pdb accepts any line number silently)."""
    from pyvm.eval.debug import find_cases

    code = compile(CEVAL.read_text(), str(CEVAL), "exec")
    todo = [code]
    lines: set[int] = set()
    while todo:
        co = todo.pop()
        if co.co_name == "_PyEval_EvalFrameDefault":
            lines = {n for _, _, n in co.co_lines() if n is not None}
        todo.extend(c for c in co.co_consts if isinstance(c, type(code)))
    cases = find_cases(str(CEVAL))
    assert {"BINARY_OP", "_BINARY_OP", "RETURN_VALUE", "YIELD_VALUE", "_DO_CALL"} <= set(cases)
    bad = {name: n for name, ns in cases.items() for n in ns if n not in lines}
    assert not bad

