"""PEP 695 programs run by pyvm from CPython 3.14's code objects.

pyvm's parser is the host's ``ast`` (3.11), which cannot read ``def f[T]()``
or ``type X = ...``; pyvm's eval loop, intrinsics (pyvm/eval/intrinsics.py) and
type-parameter objects (pyvm/objects/typevarobject.py) can run them. So for
every program in ``tests/pep695/*.py`` the oracle (CPython 3.14 in pyodide,
``node tools/oracle/py314.mjs``) compiles the source, and records
``marshal.dumps(code)`` and what the program prints; pyvm loads the code
object with its marshal reader, runs it as ``__main__`` (as
pyvm/eval/pythonrun.py runs a module) and must print the same.

Programs named ``tstring_*`` get ``Template`` and ``Interpolation`` (PEP 750,
``string.templatelib``) as globals on both sides: pyvm's are
pyvm/objects/templateobject.py's and interpolationobject.py's (pyvm cannot
import ``string.templatelib`` yet, and its loop has no ``BUILD_TEMPLATE`` yet).

The oracle's answers are kept in ``tests/intrinsics_oracle.json``; regenerate
them with ``python3 tests/test_intrinsics_oracle.py --regen``. Expectations
are never typed by hand. Each pyvm run is a fresh process with
``PYVM_DEBUG_REFS=1``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = ROOT / "tests" / "pep695"
DATA = ROOT / "tests" / "intrinsics_oracle.json"
ORACLE_CMD = ["node", str(ROOT / "tools" / "oracle" / "py314.mjs")]

# Run in the oracle: compile, marshal, execute with stdout captured.
_DRIVER = '''
import contextlib, io, json, marshal
from string.templatelib import Interpolation, Template
src = {src!r}
code = compile(src, {path!r}, "exec")
buf = io.StringIO()
status = 0
g = {{"__name__": "__main__", "__builtins__": __builtins__}}
if {inject!r}:
    g.update(Template=Template, Interpolation=Interpolation)
with contextlib.redirect_stdout(buf):
    try:
        exec(code, g)
    except BaseException as e:
        status = 1
        print(type(e).__name__ + ": " + str(e))
print(json.dumps({{"marshal": marshal.dumps(code).hex(), "stdout": buf.getvalue(),
                  "status": status}}))
'''

# Run by the host Python with this checkout's pyvm: load the code, run it.
_RUNNER = '''
import sys
from pyvm.compile.marshal import PyMarshal_ReadObjectFromString
from pyvm.eval.pythonrun import _init_runtime, _make_main, run_mod
from pyvm.objects.object import Py_DECREF
from pyvm.objects.dictobject import PyDict_SetItem
from pyvm.objects.interpolationobject import _PyInterpolation_Type
from pyvm.objects.templateobject import _PyTemplate_Type
from pyvm.objects.unicodeobject import PyUnicode_InternFromString
b = _init_runtime([sys.argv[1]])
co = PyMarshal_ReadObjectFromString(bytes.fromhex(sys.stdin.read()))
d = _make_main(b, None)
if sys.argv[1].startswith("tests/pep695/tstring_"):
    PyDict_SetItem(d, PyUnicode_InternFromString("Template"), _PyTemplate_Type)
    PyDict_SetItem(d, PyUnicode_InternFromString("Interpolation"), _PyInterpolation_Type)
st = run_mod(co, d)
Py_DECREF(co)
sys.exit(st)
'''


def programs() -> list[str]:
    return sorted(p.stem for p in PROGRAMS.glob("*.py"))


def regen() -> None:
    data: dict[str, dict[str, object]] = {}
    for name in programs():
        path = f"tests/pep695/{name}.py"
        src = (ROOT / path).read_text(encoding="utf-8")
        driver = _DRIVER.format(src=src, path=path, inject=name.startswith("tstring_"))
        p = subprocess.run(ORACLE_CMD + ["-c", driver], cwd=ROOT, capture_output=True,
                           text=True, timeout=300, check=True)
        data[name] = json.loads(p.stdout.strip().splitlines()[-1])
        print(name, "ok")
    DATA.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def oracle_data() -> dict[str, dict[str, object]]:
    result: dict[str, dict[str, object]] = json.loads(DATA.read_text(encoding="utf-8"))
    return result


def run_pyvm(name: str, marshal_hex: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONHASHSEED="0", PYVM_DEBUG_REFS="1", PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-c", _RUNNER, f"tests/pep695/{name}.py"],
                          input=marshal_hex, cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)


def test_data_covers_every_program() -> None:
    assert sorted(oracle_data()) == programs(), \
        "tests/intrinsics_oracle.json is stale: run tests/test_intrinsics_oracle.py --regen"


@pytest.mark.parametrize("name", programs())
def test_pep695_program(name: str) -> None:
    expected = oracle_data()[name]
    assert expected["status"] == 0, "the programs must run cleanly under CPython"
    p = run_pyvm(name, str(expected["marshal"]))
    assert p.stdout == expected["stdout"], p.stderr
    assert p.returncode == 0, p.stderr


if __name__ == "__main__":
    if sys.argv[1:] == ["--regen"]:
        regen()
    else:
        sys.exit(pytest.main([__file__, "-q"]))
