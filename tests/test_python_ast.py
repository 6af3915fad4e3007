"""The generated AST modules (pyvm/compile/ast.py, the compiler's nodes, and
pyvm/compile/python_ast.py, the ``_ast`` module) are current, and the latter's
conversions round-trip the compiler's trees of the differential programs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("tool", ["gen_ast.py", "gen_python_ast.py"])
def test_generated_ast_modules_are_current(tool: str) -> None:
    """ast.py and python_ast.py are what their generators make of
    pyvm/compile/Python.asdl."""
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / tool), "--check"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mod2obj_obj2mod_round_trip() -> None:
    import pyvm.compile.compile  # noqa: F401 (the import order pyvm starts with)
    from pyvm.compile.ast_validate import _PyAST_Validate
    from pyvm.compile.peg_api import _PyParser_ASTFromString
    from pyvm.compile.python_ast import PyAST_mod2obj, PyAST_obj2mod
    from pyvm.objects.object import Py_DECREF, PyErr

    for path in sorted((ROOT / "tests" / "programs").glob("*.py"))[::6]:
        try:
            tree = _PyParser_ASTFromString(path.read_bytes(), str(path), "exec")
        except PyErr:
            continue  # a program about syntax errors
        obj = PyAST_mod2obj(tree)
        back = PyAST_obj2mod(obj, 0)
        _PyAST_Validate(back)
        obj2 = PyAST_mod2obj(back)
        Py_DECREF(obj)
        Py_DECREF(obj2)
        assert repr(tree) == repr(back), path.name
