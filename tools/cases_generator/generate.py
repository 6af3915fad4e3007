#!/usr/bin/env python3
"""Regenerates what the cases generator writes from pyvm/eval/bytecodes.py.

    python3 tools/cases_generator/generate.py           # rewrite the outputs
    python3 tools/cases_generator/generate.py --check   # exit 1 if any is stale

pyvm: the driver of CPython's Tools/cases_generator (CPython runs one script
per output from its Makefile's ``regen-cases`` target). Outputs:

* pyvm/eval/ceval.py, the two marked regions: the imports of the instruction
  bodies, and the tier-1 dispatch inside ``_PyEval_EvalFrameDefault``
  (tier1_generator.py);
* pyvm/eval/opcode_metadata.py: cache sizes, stack effects, flags and the
  deopt table of every instruction bytecodes.py defines (CPython's
  pycore_opcode_metadata.h, written by opcode_metadata_generator.py).
  tests/test_cases_generator.py checks them against the tables the compiler
  uses, which come from CPython 3.14's own generated headers.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from analyzer import analyze  # noqa: E402
from opcode_metadata_generator import generate_metadata  # noqa: E402
from tier1_generator import generate_dispatch, generate_imports  # noqa: E402

BYTECODES = ROOT / "pyvm" / "eval" / "bytecodes.py"
CEVAL = ROOT / "pyvm" / "eval" / "ceval.py"
METADATA = ROOT / "pyvm" / "eval" / "opcode_metadata.py"

NOTE = "tools/cases_generator from pyvm/eval/bytecodes.py: do not edit"


def splice(text: str, tag: str, body: list[str]) -> str:
    lines = text.split("\n")
    begin = [i for i, ln in enumerate(lines) if ln.strip().startswith(f"# BEGIN GENERATED {tag}")]
    end = [i for i, ln in enumerate(lines) if ln.strip().startswith(f"# END GENERATED {tag}")]
    if len(begin) != 1 or len(end) != 1 or end[0] < begin[0]:
        raise SystemExit(f"ceval.py: expected one '# BEGIN/END GENERATED {tag}' pair")
    return "\n".join(lines[:begin[0] + 1] + body + lines[end[0]:])


def region_indent(text: str, tag: str) -> int:
    for ln in text.split("\n"):
        if ln.strip().startswith(f"# BEGIN GENERATED {tag}"):
            return (len(ln) - len(ln.lstrip())) // 4
    raise SystemExit(f"ceval.py: no '# BEGIN GENERATED {tag}' marker")


def outputs() -> dict[Path, str]:
    from pyvm.compile.opcode import opmap
    a = analyze(BYTECODES)
    missing = [n for n in a.instructions if n not in opmap]
    if missing:
        raise SystemExit(f"bytecodes.py defines instructions with no opcode number: {missing}")
    ceval = CEVAL.read_text()
    new = splice(ceval, "IMPORTS", generate_imports(a))
    new = splice(new, "CASES", generate_dispatch(a, opmap, region_indent(new, "CASES")))
    return {CEVAL: new, METADATA: generate_metadata(a, opmap)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if an output is stale")
    args = ap.parse_args()
    stale = 0
    for path, text in outputs().items():
        old = path.read_text() if path.exists() else ""
        if old == text:
            continue
        if args.check:
            stale += 1
            diff = difflib.unified_diff(old.splitlines(), text.splitlines(),
                                        str(path), "regenerated", lineterm="", n=1)
            print("\n".join(list(diff)[:60]))
        else:
            path.write_text(text)
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print(f"{stale} generated file(s) are stale: run python3 tools/cases_generator/generate.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
