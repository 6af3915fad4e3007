"""pyvm's marshal against CPython 3.14's, both ways, through the oracle.

* CPython -> pyvm: tests/compile_expected/_marshal_cpython.json (written only by
  tools/oracle/regen.py) holds CPython 3.14's ``marshal.dumps(compile(...))`` of
  every file of tests/programs and tests/compile_programs that compiles. pyvm's
  ``PyMarshal_ReadObjectFromString`` loads each, ``PyMarshal_WriteObjectToString
  (obj, 5)`` writes it back, and the canonical dumps (pyvm/compile/codedump.py)
  of the two byte strings must be equal.
* pyvm -> CPython: pyvm compiles and marshals every such file; ONE node process
  (tools/oracle/run.mjs --job) loads each with ``marshal.loads``, compares the
  dump of the loaded code with the dump of its own compile, and executes the
  loaded code of each tests/programs file, whose output must be
  tests/expected's. The same process checks .pyc files written with pyvm's
  marshal (16-byte header: magic 3627, flags, mtime, source size) as
  importlib's SourceLoader does.
* Malformed data: truncated and corrupted marshal data makes pyvm's reader
  raise the pyvm ``EOFError``/``ValueError`` that CPython raises, with its
  message (asked of the oracle), never a host exception.

pyvm runs in this process (the package this Python imports). The oracle parts
are skipped, with the reason, when node or tools/oracle's pyodide is missing.
"""

from __future__ import annotations

import json
import shutil
import struct
import sys
from pathlib import Path
from typing import Optional

import pytest

ROOT = Path(__file__).resolve().parent.parent
ORACLE = ROOT / "tools" / "oracle"
MARSHAL_DATA = ROOT / "tests" / "compile_expected" / "_marshal_cpython.json"
EXPECTED = ROOT / "tests" / "expected"
MAGIC = (3627).to_bytes(2, "little") + b"\r\n"

sys.path.insert(0, str(ORACLE))
try:
    import regen  # tools/oracle/regen.py
finally:
    sys.path.remove(str(ORACLE))

from pyvm.compile.codedump import dump_marshalled  # noqa: E402
from pyvm.compile.compile import Py_CompileString  # noqa: E402
from pyvm.compile.marshal import (PyMarshal_ReadObjectFromString,  # noqa: E402
                                  PyMarshal_WriteObjectToString)
from pyvm.objects.object import Py_DECREF, PyErr  # noqa: E402

sys.path.insert(0, str(ROOT / "tools" / "fuzz"))
try:
    from marshal_fuzz import exception_text  # tools/fuzz/marshal_fuzz.py
finally:
    sys.path.remove(str(ROOT / "tools" / "fuzz"))


def cpython_data() -> dict[str, str]:
    data: dict[str, str] = json.loads(MARSHAL_DATA.read_text(encoding="utf-8"))
    return data


def oracle_missing() -> Optional[str]:
    if shutil.which("node") is None:
        return "node is not installed"
    if not (ORACLE / "node_modules" / "pyodide" / "package.json").exists():
        try:
            regen.ensure_node_modules()
        except (SystemExit, Exception) as e:
            return f"tools/oracle/node_modules cannot be installed: {e}"
    return None


def pyvm_error(data: bytes) -> str:
    """``"Type: message"`` of the pyvm exception pyvm's reader raises, or "ok"."""
    try:
        obj = PyMarshal_ReadObjectFromString(data)
    except PyErr as e:
        if e.msg is not None:
            return f"{e.exc_type.tp_name}: {e.msg}"
        return exception_text(e)
    Py_DECREF(obj)
    return "ok"


def pyvm_marshal(path: str) -> bytes:
    source = (ROOT / path).read_bytes()
    co = Py_CompileString(source, path, "exec")
    return PyMarshal_WriteObjectToString(co, 5)


def pyc_header(flags: int, mtime: int, size: int) -> bytes:
    """pyvm: the 16-byte .pyc header (Lib/importlib/_bootstrap_external.py's
    layout: magic, flags, then mtime and source size for a timestamp pyc)."""
    return MAGIC + struct.pack("<III", flags, mtime, size)


def parse_pyc(data: bytes) -> tuple[int, int, int, bytes]:
    assert data[:4] == MAGIC, data[:4]
    flags, mtime, size = struct.unpack("<III", data[4:16])
    return flags, mtime, size, data[16:]


# ---------------------------------------------------------------------------
# CPython -> pyvm


@pytest.mark.parametrize("path", sorted(cpython_data()))
def test_pyvm_reads_cpython_marshal(path: str) -> None:
    data = bytes.fromhex(cpython_data()[path])
    obj = PyMarshal_ReadObjectFromString(data)
    try:
        back = PyMarshal_WriteObjectToString(obj, 5)
    finally:
        Py_DECREF(obj)
    assert dump_marshalled(back) == dump_marshalled(data)


def test_marshal_data_covers_every_program() -> None:
    """The oracle file names every compilable file of both sets."""
    paths = set(cpython_data())
    # A differential program that does not compile (its expected ``dis`` is
    # null, e.g. tb_syntax_error) has no marshal data.
    programs = {f"tests/programs/{p.name}" for p in (ROOT / "tests" / "programs").glob("*.py")
                if json.loads((ROOT / "tests" / "expected" / f"{p.stem}.json")
                              .read_text(encoding="utf-8"))["dis"] is not None}
    compile_programs = {f"tests/compile_programs/{p.name}"
                        for p in (ROOT / "tests" / "compile_programs").glob("*.py")
                        if not p.name.startswith("err_")}
    assert programs | compile_programs == paths, "run python3 tools/oracle/regen.py"


def test_pyc_round_trip() -> None:
    """A .pyc of CPython's marshal data: header written and parsed here, body
    read by pyvm, written again and wrapped in the same header."""
    for path, hexdata in sorted(cpython_data().items())[:10]:
        body = bytes.fromhex(hexdata)
        size = len((ROOT / path).read_bytes())
        pyc = pyc_header(0, 1700000000, size) + body
        flags, mtime, got_size, got_body = parse_pyc(pyc)
        assert (flags, mtime, got_size) == (0, 1700000000, size)
        obj = PyMarshal_ReadObjectFromString(got_body)
        try:
            again = pyc_header(flags, mtime, got_size) + PyMarshal_WriteObjectToString(obj, 5)
        finally:
            Py_DECREF(obj)
        assert again[:16] == pyc[:16]
        assert dump_marshalled(again[16:]) == dump_marshalled(body)


# ---------------------------------------------------------------------------
# pyvm -> CPython, and malformed data


def malformed_cases() -> list[bytes]:
    small = bytes.fromhex(cpython_data()["tests/compile_programs/lambdas.py"])
    cases = [b"", b"\xff", b"\x00", b"i\x01\x00", b"r\x05\x00\x00\x00",
             b"l\x01\x00\x00\x00\xff\xff", b"l\x02\x00\x00\x00\x01\x00\x00\x00",
             b"(\xff\xff\xff\xff", b")\x02N", b"\xda\x05ab", b"u\x03\x00\x00\x00\xff\xfe\xfd",
             b"g\x00\x00", b"\xfb\x01\x00\x00\x00N", b"c\x00"]
    cases += [small[:n] for n in range(0, len(small), max(1, len(small) // 40))]
    for i in (1, 5, 17, 40, len(small) // 2):
        corrupt = bytearray(small)
        corrupt[i] = 0x00
        cases.append(bytes(corrupt))
    return cases


# Malformed data on which pyvm still differs from CPython (data, what to fix);
# test_known_marshal_differences fails as soon as one of them is fixed.
KNOWN_DIFFERENCES: dict[bytes, str] = {}


class OracleRun:
    """pyvm: what the one oracle process of this module reported."""

    def __init__(self, items: list[dict[str, object]], pycs: list[dict[str, object]],
                 cases: list[bytes], result: dict[str, object]) -> None:
        self.items = items
        self.pycs = pycs
        self.cases = cases
        self.result = result


@pytest.fixture(scope="module")
def oracle_run(tmp_path_factory: pytest.TempPathFactory) -> OracleRun:
    why = oracle_missing()
    if why is not None:
        pytest.skip(f"the CPython 3.14 oracle cannot run: {why}")
    tmp_path = tmp_path_factory.mktemp("pyvm_marshal")
    items: list[dict[str, object]] = []
    pycs: list[dict[str, object]] = []
    for path in sorted(cpython_data()):
        data = pyvm_marshal(path)
        (tmp_path / (path.replace("/", "_") + ".marshal")).write_bytes(data)
        items.append({"path": path, "hex": data.hex(),
                      "run": path.startswith("tests/programs/")})
        if len(pycs) < 10:
            size = len((ROOT / path).read_bytes())
            pycs.append({"path": path, "mtime": 1700000000, "size": size,
                         "hex": (pyc_header(0, 1700000000, size) + data).hex()})
    cases = malformed_cases() + list(KNOWN_DIFFERENCES)
    result = regen.run_job({"loads": items, "pyc": pycs,
                            "malformed": [c.hex() for c in cases]})
    return OracleRun(items, pycs, cases, result)


def test_pyvm_marshal_loaded_by_cpython(oracle_run: OracleRun) -> None:
    items, pycs, cases, result = (oracle_run.items, oracle_run.pycs, oracle_run.cases,
                                  oracle_run.result)
    loads: dict[str, dict[str, object]] = result["loads"]  # type: ignore[assignment]
    problems = []
    for item in items:
        path = str(item["path"])
        res = loads[path]
        if not res["loaded"] or not res["same_code"]:
            problems.append(f"{path}: {res['error']}")
            continue
        if item["run"]:
            name = Path(path).stem
            expected = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
            for key in ("stdout", "status", "exception"):
                if res[key] != expected[key]:
                    problems.append(f"{path}: running the loaded code: {key} "
                                    f"{res[key]!r:.300} != expected {expected[key]!r:.300}")
    pyc_results: dict[str, str] = result["pyc"]  # type: ignore[assignment]
    problems += [f"{p}: .pyc: {r}" for p, r in sorted(pyc_results.items()) if r != "ok"]
    cpython_errors: list[str] = result["malformed"]  # type: ignore[assignment]
    for data, expected_error in zip(cases, cpython_errors):
        if data in KNOWN_DIFFERENCES:
            continue
        got = pyvm_error(data)
        if got != expected_error:
            problems.append(f"malformed {data[:24].hex()}... (len {len(data)}): "
                            f"pyvm {got!r}, CPython {expected_error!r}")
    print(f"{len(items)} files loaded by CPython, {len(pycs)} .pyc files, "
          f"{len(cases)} malformed inputs")
    assert not problems, "\n".join(problems)


@pytest.mark.skipif(not KNOWN_DIFFERENCES, reason="no known differences")
@pytest.mark.xfail(strict=True, reason="known differences: see KNOWN_DIFFERENCES")
def test_known_marshal_differences(oracle_run: OracleRun) -> None:
    cpython_errors: list[str] = oracle_run.result["malformed"]  # type: ignore[assignment]
    for data, expected_error in zip(oracle_run.cases, cpython_errors):
        if data in KNOWN_DIFFERENCES:
            assert pyvm_error(data) == expected_error, KNOWN_DIFFERENCES[data]


def test_malformed_messages_without_oracle() -> None:
    """The messages CPython's Python/marshal.c gives, raised as pyvm exceptions."""
    assert pyvm_error(b"") == "EOFError: EOF read where object expected"
    assert pyvm_error(b"\xff") == "ValueError: bad marshal data (unknown type code)"
    assert pyvm_error(b"r\x05\x00\x00\x00") == "ValueError: bad marshal data (invalid reference)"
    assert pyvm_error(b"(\xff\xff\xff\xff").startswith("ValueError: bad marshal data (")
    small = bytes.fromhex(cpython_data()["tests/compile_programs/lambdas.py"])
    for n in range(1, len(small), 3):
        got = pyvm_error(small[:n])
        assert got.startswith(("EOFError: ", "ValueError: bad marshal data (")), (n, got)
