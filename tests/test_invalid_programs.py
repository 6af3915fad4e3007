"""The invalid-programs differential set: pyvm's whole error report for bad
source, compared with CPython 3.14's (issue #8).

Each program is run as ``pyvm tests/invalid/NAME.py`` and as ``python
tests/invalid/NAME.py`` from the repository root; stdout, the WHOLE stderr
(the ``File "...", line N`` line, the source line, the caret line, the
``SyntaxError: msg`` line; the SyntaxWarnings printed before a program runs;
IndentationError, TabError) and the exit status must be equal.

The programs
    tests/invalid/NAME.py, one case each: every ``invalid_*`` rule family of
    Grammar/python.gram (``args_*``, ``expr_*``, ``assign_*``, ``del_*``,
    ``for_*``, ``comp_*``, ``with_*``, ``import_*``, ``block_*``, ``match_*``,
    ``param_*``, ``lambda_*``, ``stmt_*``), the tokenizer's errors
    (Parser/lexer/lexer.c, Parser/tokenizer/helpers.c: ``tok_*``), the string
    parser's errors and warnings (Parser/string_parser.c: ``str_*``), f- and
    t-strings (``fstr_*``, ``tstr_*``), the traceback's keyword-typo
    suggestions (``typo_*``), the SyntaxErrors of the symbol table,
    the compiler and future.c (``sym_*``, ``compile_*``, ``future_*``) and the
    SyntaxWarnings that let a program run. A program that needs bytes a text
    file would not keep (null bytes, invalid UTF-8, a BOM, ``\\r`` alone,
    coding cookies) is written from ``BYTE_PROGRAMS`` below into a temporary
    ``tests/invalid`` directory at test time.

The oracle
    ``python3 tests/test_invalid_programs.py --regen`` writes
    tests/invalid_oracle.json (``{NAME: {"stdout", "stderr", "status"}}``) from
    ONE pyodide run (tools/oracle/oracle_driver.py:invalid_all through
    ``run.mjs --job``): each program is written to
    ``/repo/tests/invalid/NAME.py`` and run by the C function
    ``PyRun_SimpleFileExFlags`` (called with ctypes), the path of ``python
    FILE`` itself: the tokenizer reads the file (encoding detection, the
    file-mode messages for null bytes and undecodable bytes) and ``PyErr_Print``
    prints the report. ``compile()`` on the text, as ``py314.mjs`` does, would
    give the string-mode messages instead (``source code string cannot
    contain null bytes``, ``(unicode error) ...``). The path of the repository
    is written ``<REPO>``. CI regenerates the file and fails on a difference.

pyvm's side
    tests/invalid_runner.py starts pyvm once (in the mode under test, as
    tests/pyvm_runner.py sets it up) and forks one child per program, which
    runs the unchanged command path (``pyvm.launcher.main`` with ``argv =
    ["pyvm", PATH]``); a few hundred interpreted runs then take seconds, not
    minutes. All programs of a mode run in one batch, the first time a test of
    that mode needs them.

``EXCLUDED`` names the programs whose oracle output is an artifact of the
oracle -- of the 32-bit pyodide build, or of its CPython being 3.14.2 where
pyvm ports 3.14.7 -- each with its reason. ``PENDING`` names
the programs pyvm does not get right yet, each with the reason: a strict
xfail, as tests/programs_pending.txt (remove the line once it passes).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
INVALID = ROOT / "tests" / "invalid"
ORACLE_FILE = ROOT / "tests" / "invalid_oracle.json"
REPO_MARK = "<REPO>"

# Programs written from bytes (see the module docstring).
BYTE_PROGRAMS: dict[str, bytes] = {
    "bytes_null_byte_line2": b"x = 1\nprint(x)\x00\n",
    "bytes_null_byte_in_string": b"s = 'a\x00b'\nprint(s)\n",
    "bytes_null_byte_in_comment": b"# note\x00\nx = 1\n",
    "bytes_null_byte_line1": b"\x00x = 1\n",
    "bytes_bad_utf8_string": b"x = 1\ns = '\xff'\n",
    "bytes_bad_utf8_comment": b"# caf\xe9\nprint(1)\n",
    "bytes_bad_utf8_truncated": b"print('ok')\ns = '\xe2\x82'\n",
    "bytes_bad_utf8_surrogate": b"s = '\xed\xa0\x80'\n",
    "bytes_unknown_encoding": b"# -*- coding: nope -*-\nx = 1\n",
    "bytes_latin1_then_error": b"# -*- coding: latin-1 -*-\ns = '\xe9t\xe9'; x = (1 +* 2)\n",
    "bytes_latin1_runs_warning": b"# coding: latin-1\ns = '\xe9\\d'\nprint(len(s))\n",
    "bytes_bom_wrong_cookie": b"\xef\xbb\xbf# coding: latin-1\nx = 1\n",
    "bytes_bom_then_error": b"\xef\xbb\xbfx = (\n",
    "bytes_ascii_cookie_non_ascii": b"#!/usr/bin/env python\n# coding: ascii\ns = '\xc3\xa9'\n",
    "bytes_cr_only_newlines": b"x = 1\ry = (\r",
    "bytes_cookie_third_line_ignored": b"\n\n# coding: latin-1\ns = '\xe9'\n",
}

# name -> why the oracle's output is not what CPython 3.14.7 prints.
# The oracle is CPython 3.14.2 (pyodide); pyvm ports the 3.14.7 sources, where
# Parser/tokenizer/helpers.c:_PyTokenizer_check_coding_spec reports a coding
# cookie whose codec fails (unknown, or the file does not decode) with
# _PyTokenizer_raise_init_error: "SyntaxError: unknown encoding: nope" (the
# codec's message, with the file name). 3.14.2 still said "encoding problem: NAME".
_CODING_SPEC_3_14_2 = ("the oracle (3.14.2) says 'encoding problem: NAME'; 3.14.7's "
                       "_PyTokenizer_check_coding_spec raises the codec's error instead")
EXCLUDED: dict[str, str] = {
    "bytes_ascii_cookie_non_ascii": _CODING_SPEC_3_14_2,
    "bytes_unknown_encoding": _CODING_SPEC_3_14_2,
}

PENDING: dict[str, str] = {}


def program_sources() -> dict[str, bytes]:
    """Every program of the set, by name: the files, then ``BYTE_PROGRAMS``."""
    progs = {p.stem: p.read_bytes() for p in sorted(INVALID.glob("*.py"))}
    for name, data in BYTE_PROGRAMS.items():
        assert name not in progs, f"{name} is both a file and a byte program"
        progs[name] = data
    return progs


def regen() -> int:
    """Rewrite tests/invalid_oracle.json from one oracle run."""
    sys.path.insert(0, str(ROOT / "tools" / "oracle"))
    import regen as oracle_regen  # tools/oracle/regen.py

    oracle_regen.ensure_node_modules()
    items = [{"name": n, "hex": data.hex()} for n, data in program_sources().items()]
    result = oracle_regen.run_job({"invalid": items})
    data = result["invalid"]
    assert isinstance(data, dict)
    text = json.dumps({n: data[n] for n in sorted(data)}, indent=1, ensure_ascii=False,
                      sort_keys=True) + "\n"
    ORACLE_FILE.write_text(text, encoding="utf-8")
    print(f"{ORACLE_FILE.relative_to(ROOT)}: {len(data)} programs")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--regen"]:
        sys.exit(regen())
    sys.exit("usage: python3 tests/test_invalid_programs.py --regen")


import pytest  # noqa: E402 (the --regen path above needs only the stdlib)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pyvm_runner import MODES, mode_env, require_mode  # noqa: E402

_batches: dict[str, dict[str, dict[str, object]]] = {}


def oracle() -> dict[str, dict[str, object]]:
    data: dict[str, dict[str, object]] = json.loads(ORACLE_FILE.read_text(encoding="utf-8"))
    return data


def run_batch(mode: str) -> dict[str, dict[str, object]]:
    """Every program run by pyvm in ``mode`` (tests/invalid_runner.py), cached;
    the paths of the checkout and of the temporary directory of the byte
    programs are written ``<REPO>/tests/invalid`` as the oracle writes them."""
    if mode in _batches:
        return _batches[mode]
    with tempfile.TemporaryDirectory() as tmp:
        byte_dir = Path(tmp) / "invalid"
        byte_dir.mkdir()
        files = [[p.stem, f"tests/invalid/{p.name}"] for p in sorted(INVALID.glob("*.py"))]
        for name, data in BYTE_PROGRAMS.items():
            (byte_dir / f"{name}.py").write_bytes(data)
            files.append([name, str(byte_dir / f"{name}.py")])
        job = Path(tmp) / "job.json"
        job.write_text(json.dumps({"files": files}), encoding="utf-8")
        out = Path(tmp) / "out.json"
        env = mode_env(mode)
        proc = subprocess.run([sys.executable, str(ROOT / "tests" / "invalid_runner.py"),
                               str(job), str(out)], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=1800)
        if proc.returncode != 0 or not out.exists():
            pytest.fail(f"tests/invalid_runner.py failed ({proc.returncode}):\n{proc.stderr}")
        results: dict[str, dict[str, object]] = json.loads(out.read_text(encoding="utf-8"))
        for r in results.values():
            for key in ("stdout", "stderr"):
                text = r[key]
                assert isinstance(text, str)
                r[key] = (text.replace(str(byte_dir), f"{REPO_MARK}/tests/invalid")
                          .replace(str(ROOT), REPO_MARK))
    _batches[mode] = results
    return results


def names() -> list[str]:
    return sorted(program_sources())


def check(name: str, actual: dict[str, object], expected: dict[str, object]) -> Optional[str]:
    """None when pyvm's run matches the oracle's, else a report."""
    diffs = []
    for key in ("status", "stdout", "stderr"):
        if actual.get(key) != expected.get(key):
            diffs.append(f"--- {key}: oracle\n{expected.get(key)}\n--- {key}: pyvm\n"
                         f"{actual.get(key)}")
    return "\n".join(diffs) if diffs else None


def test_the_set_is_complete() -> None:
    """Every program has an oracle record, and every record a program."""
    data = oracle()
    assert sorted(data) == names(), "run python3 tests/test_invalid_programs.py --regen"
    assert len(data) >= 150
    assert not (set(PENDING) | set(EXCLUDED)) - set(data)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", names())
def test_invalid_program(name: str, mode: str) -> None:
    if name in EXCLUDED:
        pytest.skip(EXCLUDED[name])
    require_mode(mode)
    expected = oracle()[name]
    actual = run_batch(mode)[name]
    report = check(name, actual, expected)
    if name in PENDING:
        if report is None:
            pytest.fail(f"{name} is in PENDING but passes: remove it")
        pytest.xfail(PENDING[name])
    assert report is None, f"tests/invalid/{name}.py ({mode}):\n{report}"
