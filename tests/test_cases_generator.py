"""The eval loop is generated from pyvm/eval/bytecodes.py (tools/cases_generator).

* The generated outputs (the dispatch in ceval.py, opcode_metadata.py) are
  current: regenerating them changes nothing.
* What the generator derives from the definitions agrees with CPython 3.14's
  own opcode metadata, which the compiler's tables (pyvm/compile/opcode.py,
  made from CPython's generated headers) carry: cache sizes, stack effects,
  the HAS_ARG / HAS_JUMP flags and the deopt table.
* Every tier-1 instruction of 3.14 is defined (those not yet ported are
  listed here and the list may only shrink).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GEN = ROOT / "tools" / "cases_generator"
sys.path.insert(0, str(GEN))

from analyzer import AnalysisError, analyze  # noqa: E402

from pyvm.compile import opcode as C  # noqa: E402
from pyvm.eval import opcode_metadata as M  # noqa: E402

#: 3.14 tier-1 instructions not defined in bytecodes.py yet.
NOT_YET: set[str] = set()


def test_generated_files_are_current() -> None:
    proc = subprocess.run([sys.executable, str(GEN / "generate.py"), "--check"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _tier1_opcodes() -> list[str]:
    names = []
    for name, num in C.opmap.items():
        if name.startswith("INSTRUMENTED_") or name == "ENTER_EXECUTOR":
            continue
        if num >= 256 or name in C._specialized_opmap:
            continue
        names.append(name)
    return names


def test_every_tier1_instruction_is_defined() -> None:
    defined = {name for name, _, _ in M._PyOpcode_Defined.values()}
    missing = set(_tier1_opcodes()) - defined
    assert missing == NOT_YET, (
        f"defined now (remove from NOT_YET): {sorted(NOT_YET - missing)}; "
        f"missing: {sorted(missing - NOT_YET)}")


@pytest.mark.parametrize("op", sorted(M._PyOpcode_Defined), ids=lambda o: C.opname[o])
def test_metadata_agrees_with_cpython(op: int) -> None:
    name, caches, flags = M._PyOpcode_Defined[op]
    assert C.opname[op] == name
    assert caches == C._PyOpcode_Caches[op], "cache size"
    assert bool(flags & M.HAS_ARG_FLAG) == C.OPCODE_HAS_ARG(op), "HAS_ARG"
    assert bool(flags & M.HAS_JUMP_FLAG) == C.OPCODE_HAS_JUMP(op), "HAS_JUMP"
    for oparg in (1, 2, 3, 4, 5, 258, 513):
        assert M._PyOpcode_num_popped(op, oparg) == C._PyOpcode_num_popped(op, oparg), \
            f"popped, oparg={oparg}"
        assert M._PyOpcode_num_pushed(op, oparg) == C._PyOpcode_num_pushed(op, oparg), \
            f"pushed, oparg={oparg}"


def test_deopt_table_agrees_with_cpython() -> None:
    """Each declared family has exactly 3.14's members, deoptimizing to its head."""
    numbers = {**C.opmap, **C._specialized_opmap}
    assert M._PyOpcode_Deopt
    for member, head in M._PyOpcode_Deopt.items():
        assert C.opname[C._PyOpcode_Deopt[numbers[member]]] == head, member
    declared: dict[str, set[str]] = {}
    for member, head in M._PyOpcode_Deopt.items():
        declared.setdefault(head, set()).add(member)
    for head, members in declared.items():
        assert members == set(C._specializations[head]), head


def _analyze_text(tmp_path: Path, body: str) -> None:
    p = tmp_path / "bytecodes.py"
    p.write_text(textwrap.dedent(body))
    analyze(p)


def test_generator_rejects_shadowing_names(tmp_path: Path) -> None:
    with pytest.raises(AnalysisError, match="shadow"):
        _analyze_text(tmp_path, '''
            @inst("(obj -- obj, len)")
            def GET_LEN(obj: PyObject) -> None:
                len = 1
        ''')


def test_generator_rejects_parameters_that_are_not_inputs(tmp_path: Path) -> None:
    with pytest.raises(AnalysisError, match="not inputs"):
        _analyze_text(tmp_path, '''
            @inst("(value -- res)")
            def UNARY_X(other: PyObject) -> None:
                res = other
        ''')
