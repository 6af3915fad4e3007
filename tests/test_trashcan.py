"""The trashcan (Objects/object.c:_Py_Dealloc): freeing chains far deeper than
the host stack could nest deallocations.

tests/programs/trashcan_chains.py builds chains of lists, tuples, dicts,
frozensets, instances (``__slots__`` and ``__dict__``), functions (defaults and
closure cells), exceptions (``__context__``), generators (their frames) and
bound methods, each ending in an object whose ``__del__`` reports it, drops
them and prints what was freed. Its output does not depend on the depth, so a
run at a depth no host stack could recurse through is compared with the
oracle's output for the program's default depth (tests/expected/, the
differential program; the oracle is a wasm build whose stack frees only
shallow chains). The debug mode's ``[refs, blocks]`` at exit must equal the
shallow run's: every object of the deep chains was really deallocated.

The depth is ``PYVM_TRASH_DEPTH`` when set, else 10**6 for the compiled build
and 20,000 interpreted (a 20,000-deep list chain was beyond the host's
recursion limit before the trashcan; 10**6 interpreted takes many minutes).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pyvm_runner import MODES, run_pyvm

ROOT = Path(__file__).resolve().parent.parent
PROGRAM = "tests/programs/trashcan_chains.py"
DEFAULT_DEPTH = {"compiled": 10**6, "interpreted": 20_000}


def depth_for(mode: str) -> int:
    env = os.environ.get("PYVM_TRASH_DEPTH", "")
    return int(env) if env else DEFAULT_DEPTH[mode]


def refcount_line(stderr: str) -> str:
    """The ``[N refs, M blocks]`` line ``-X showrefcount`` prints at exit."""
    lines = [ln for ln in stderr.splitlines() if ln.startswith("[") and "blocks]" in ln]
    assert lines, f"no showrefcount line in stderr: {stderr[-2000:]!r}"
    return lines[-1]


@pytest.mark.parametrize("mode", MODES)
def test_deep_chains_are_freed(mode: str) -> None:
    depth = depth_for(mode)
    expected = json.loads((ROOT / "tests" / "expected" / "trashcan_chains.json")
                          .read_text(encoding="utf-8"))
    deep = run_pyvm(mode, ["-X", "showrefcount", PROGRAM, str(depth)], timeout=1800)
    assert deep.returncode == 0, deep.stderr[-3000:]
    assert deep.stdout == expected["stdout"]
    shallow = run_pyvm(mode, ["-X", "showrefcount", PROGRAM, "10"])
    assert shallow.returncode == 0, shallow.stderr[-3000:]
    assert shallow.stdout == expected["stdout"]
    assert refcount_line(deep.stderr) == refcount_line(shallow.stderr)
