"""``pyvm FILE`` reads the file's bytes as ``python FILE`` does: the file
tokenizer (Parser/tokenizer/file_tokenizer.c) with the BOM, the PEP 263
coding cookie on line 1 or 2, "Non-UTF-8 code starting with ..." for bytes
that are not UTF-8 without a declaration, decoding errors, null bytes.

Source files with such bytes do not sit well in git, so each case of
``CASES`` is written to a temporary directory and run with pyvm
(tests/pyvm_runner.py; ``PYVM_FROM_CHECKOUT=1`` runs this checkout). The
expected stdout, stderr and status are CPython 3.14's for the same bytes:
the oracle (``node tools/oracle/py314.mjs``) writes each file in its own file
system and runs it with ``PyRun_SimpleFileExFlags`` (through ctypes), the C
path of ``python FILE`` (``_PyRun_AnyFileObject`` -> ``pyrun_file`` ->
``_PyParser_ASTFromFile``). The records are ``tests/source_encoding_oracle.json``,
regenerated with ``python tests/test_source_encoding.py --regen``; nothing is
typed by hand. The oracle's directory becomes ``<DIR>`` in the records, the
temporary directory in pyvm's output. ``STDIN_CASES`` are piped into
``pyvm -``; the oracle runs them as files named ``<stdin>``, which is how
the file tokenizer knows stdin.

The oracle is CPython 3.14.2 (the pinned pyodide), pyvm ports 3.14.7: where
a cookie names an encoding the decoding stream cannot use (``fp_setreadl``
fails), 3.14.2 raised ``SyntaxError: encoding problem: NAME`` and 3.14.7
raises the codec's error through ``_PyTokenizer_raise_init_error``
(``SyntaxError: unknown encoding: NAME`` at line 0). For those cases
(``INIT_ERROR_CASES``) the record is what the oracle's string tokenizer
says of the same bytes (``compile(data, path, "exec")``), which reports an
unknown encoding through the same ``_PyTokenizer_raise_init_error``; the
cases whose 3.14.7 message no oracle path gives are skipped
(``ORACLE_TOO_OLD``), saying why.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from typing import Any

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from pyvm_runner import (  # noqa: E402
    MODES, TIMEOUT, mode_env, pyvm_argv, require_mode, run_pyvm,
)

ORACLE_JSON = os.path.join(HERE, "source_encoding_oracle.json")
ORACLE_DIR = os.path.join(ROOT, "tools", "oracle")

CASES: dict[str, bytes] = {
    # coding cookies
    "latin1_cookie": b"# -*- coding: latin-1 -*-\nprint('\xe9', len('\xe9\xe8'))\n",
    "latin1_cookie_line2": b"#!/usr/bin/env python\n# coding: latin-1\nprint('caf\xe9')\n",
    "cookie_line2_after_blank": b"\n# coding: latin-1\nprint('\xe9')\n",
    "vim_cookie": b"# vim: set fileencoding=iso-8859-15 :\nprint('\xa4')\n",
    "utf8_cookie": b"# coding: utf-8\nprint('\xc3\xa9')\n",
    "utf8_cookie_spelling": b"# coding: UTF_8\nprint('\xc3\xa9')\n",
    "cp1252_cookie": b"# coding: cp1252\nprint(ascii('\x80\x93'))\n",
    "shift_jis_cookie": b"# coding: shift_jis\ns = '\x82\xa0'\nprint(ascii(s), len(s))\n",
    "koi8_cookie_identifier": b"# coding: koi8-r\n\xd0\xd2\xc9 = 3\nprint(\xd0\xd2\xc9)\n",
    "cookie_after_code": b"print(1)\n# coding: latin-1\nprint('\xe9')\n",
    "cookie_line3": b"#\n#\n# coding: latin-1\nprint('\xe9')\n",
    "cookie_after_code_valid": b"x = 1\n# coding: latin-1\nprint(x)\n",
    "latin1_crlf": b"# coding: latin-1\r\nprint('\xe9')\r\nprint(2)\r\n",
    "latin1_cr_only": b"# coding: latin-1\rprint('\xe9')\rprint(2)\r",
    "latin1_no_final_newline": b"# coding: latin-1\nprint('\xe9')",
    "latin1_multiline_string": b"# coding: latin-1\ns = '''\xe9\n\xe8'''\nprint(ascii(s))\n",
    "latin1_fstring": b"# coding: latin-1\nx = '\xe9'\nprint(f'{x}\xe8{x!r}')\n",
    "latin1_traceback": b"# coding: latin-1\ns = '\xe9'\nraise ValueError(s + '\xe8')  # \xe9\n",
    "latin1_syntax_error": b"# coding: latin-1\nx = '\xe9\xe9' +\n",
    "latin1_unclosed_paren": b"# coding: latin-1\nx = ('\xe9',\ny = 2\n",
    "latin1_indent_error": b"# coding: latin-1\nif 1:\n  x = '\xe9'\n    y = 1\n",
    # no declaration: UTF-8 or "Non-UTF-8 code"
    "utf8_plain": b"s = '\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80'\nprint(ascii(s))\n\xc3\xa9t\xc3\xa9 = 1\n",
    "no_cookie_line1": b"print('\xe9')\n",
    "no_cookie_line2": b"print(1)\nprint('\xe9')\n",
    "no_cookie_line5": b"print(1)\nx = 2\ny = 3\n# hi\nprint('\xe9')\n",
    "comment_then_bad": b"# comment\nprint('\xe9')\n",
    "bad_in_comment": b"# caf\xe9\nprint(1)\n",
    "bad_in_late_comment": b"print(1)\nx = 2\ny = 3  # caf\xe9\n",
    "bad_in_string_line3": b"x = 1\ny = 2\nz = 'ab\xe9'\n",
    "bad_in_triple_string": b"s = '''abc\ndef\n\xe9'''\n",
    "surrogate_bytes": b"x = 1\ny = 2\ns = '\xed\xa0\x80'\n",
    "overlong": b"x = 1\ny = 2\ns = '\xc0\x80'\n",
    "truncated_at_eof": b"x = 1\ny = 2\ns = '\xe2\x82",
    "syntax_error_then_bad": b"x = = 1\ny = '\xe9'\n",
    "specific_error_then_bad": b"1 = x\ny = 2\nz = '\xe9'\n",
    "bad_after_runtime_error": b"print(1)\nx = 1\n1/0\n# \xe9\n",
    # BOM
    "bom_utf8": b"\xef\xbb\xbfprint('\xc3\xa9')\n",
    "bom_utf8_cookie": b"\xef\xbb\xbf# coding: utf-8\nprint('\xc3\xa9')\n",
    "bom_latin1_cookie": b"\xef\xbb\xbf# coding: latin-1\nprint(1)\n",
    "bom_bad_utf8": b"\xef\xbb\xbfprint('\xe9')\n",
    "bom_bad_utf8_line3": b"\xef\xbb\xbfx = 1\ny = 2\nz = '\xe9'\n",
    "only_bom": b"\xef\xbb\xbf",
    "empty": b"",
    "utf16_bom": "print('h\xe9')\n".encode("utf-16"),
    "utf16_no_bom": "print('h\xe9')\n".encode("utf-16-le"),
    # decoding errors with a declared encoding
    "utf8_cookie_bad": b"# coding: utf-8\nprint('\xe9')\n",
    "ascii_cookie_late_chunk": b"# coding: ascii\n" + b"x = 1\n" * 2000 + b"print('\xe9')\n",
    "unknown_encoding": b"# coding: foobar\nprint(1)\n",
    "unknown_encoding_line2": b"#!/bin/sh\n# -*- coding: no-such-codec -*-\nprint(1)\n",
    "nontext_encoding": b"# coding: hex\nprint(1)\n",
    "ascii_cookie_first_chunk": b"# coding: ascii\nprint('\xe9')\n",
    # null bytes
    "null_byte": b"print(1)\nx = 1\x00\n",
}

# Programs piped in: ``python -`` reads stdin with the same file tokenizer,
# as the file ``<stdin>`` (Modules/main.c:pymain_run_stdin).
STDIN_CASES: dict[str, bytes] = {
    "stdin_file_and_traceback": b"print(__file__)\nx = 1\n1/0\n",
    "stdin_no_cookie_bad": b"x = 1\nprint('\xe9')\n",
    "stdin_bad_line4": b"x = 1\ny = 2\nz = 3\nprint('\xe9')\n",
    "stdin_latin1_cookie": b"# coding: latin-1\nprint('\xe9')\n",
    "stdin_unclosed_paren": b"x = (1,\n2\ny = = 3\n",
    "stdin_syntax_error": b"x = 1\ny = = 2\n",
}

# The cookie names an unknown encoding: 3.14.7's file tokenizer reports it
# through _PyTokenizer_raise_init_error, as the string tokenizer does.
INIT_ERROR_CASES = ("unknown_encoding", "unknown_encoding_line2")

ORACLE_TOO_OLD: dict[str, str] = {
    "nontext_encoding": "3.14.2 says 'encoding problem: hex'; 3.14.7 raises io.open's "
                        "LookupError ('hex' is not a text encoding; use codecs.open() ...) "
                        "as a SyntaxError at line 0",
    "ascii_cookie_first_chunk": "3.14.2 says 'encoding problem: ascii'; 3.14.7 raises the "
                                "UnicodeDecodeError of fp_setreadl's first read as a "
                                "SyntaxError at line 0",
}

# ---------------------------------------------------------------------------
# The oracle side (runs under CPython 3.14 in node)

ORACLE_SCRIPT = r'''
import ctypes, io, json, os, sys, traceback
libc = ctypes.CDLL(None)
libc.fopen.restype = ctypes.c_void_p
libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
api = ctypes.pythonapi
api.PyRun_SimpleFileExFlags.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int,
                                        ctypes.c_void_p]
api.PyRun_SimpleFileExFlags.restype = ctypes.c_int
DIR = "/tmp/srcenc"
os.makedirs(DIR, exist_ok=True)
data = json.loads(DATA)
result = {}
def capture(fn):
    out, err = io.StringIO(), io.StringIO()
    sys.stdout, sys.stderr = out, err
    try:
        status = fn()
    finally:
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    return {"stdout": out.getvalue(), "stderr": err.getvalue().replace(DIR, "<DIR>"),
            "status": status}
for name, hexsrc in data["cases"].items():
    path = DIR + "/" + name + ".py"
    with open(path, "wb") as f:
        f.write(bytes.fromhex(hexsrc))
    def run_file():
        fp = libc.fopen(path.encode(), b"rb")
        return 0 if api.PyRun_SimpleFileExFlags(fp, path.encode(), 1, None) == 0 else 1
    def compile_file():
        try:
            compile(bytes.fromhex(hexsrc), path, "exec")
        except SyntaxError as e:
            traceback.print_exception(e.with_traceback(None))
            return 1
        return 0
    result[name] = capture(compile_file if name in data["init_error"] else run_file)
for name, hexsrc in data["stdin"].items():
    path = DIR + "/" + name
    with open(path, "wb") as f:
        f.write(bytes.fromhex(hexsrc))
    def run_stdin():
        # The file tokenizer reads the file as it reads stdin when the
        # name is "<stdin>" (Parser/pegen.c:_PyPegen_run_parser_from_file_pointer).
        fp = libc.fopen(path.encode(), b"rb")
        return 0 if api.PyRun_SimpleFileExFlags(fp, b"<stdin>", 1, None) == 0 else 1
    result[name] = capture(run_stdin)
# python DIR (Modules/main.c:pymain_run_module): runpy with DIR first on sys.path.
import runpy
adir = DIR + "/adir"
os.makedirs(adir, exist_ok=True)
sys.path.insert(0, adir)
try:
    runpy._run_module_as_main("__main__", alter_argv=False)
    result["<directory>"] = {"status": 0}
except SystemExit as e:
    result["<directory>"] = {"status": 1 if isinstance(e.code, str) else e.code,
                             "stderr": str(e.code).replace(sys.executable, "<EXECUTABLE>", 1)
                                       .replace(adir, "<DIR>") + "\n"}
finally:
    del sys.path[0]
print(json.dumps(result))
'''


def regen() -> None:
    sys.path.insert(0, ORACLE_DIR)
    from regen import ensure_node_modules, run_script  # tools/oracle/regen.py

    ensure_node_modules()
    data = {"cases": {k: v.hex() for k, v in CASES.items()},
            "stdin": {k: v.hex() for k, v in STDIN_CASES.items()},
            "init_error": list(INIT_ERROR_CASES)}
    code = ORACLE_SCRIPT.replace("DATA", repr(json.dumps(data)), 1)
    script = os.path.join(HERE, "_source_encoding_oracle_tmp.py")
    result = json.loads(run_script(code, script))
    with open(ORACLE_JSON, "w") as f:
        f.write("{\n")
        f.write(",\n".join(f"{json.dumps(k)}: {json.dumps(result[k], sort_keys=True)}"
                           for k in sorted(result)))
        f.write("\n}\n")
    print(f"wrote {os.path.relpath(ORACLE_JSON, ROOT)}")


# ---------------------------------------------------------------------------
# The pyvm side

_ORACLE: dict[str, Any] = {}


def oracle() -> dict[str, Any]:
    if not _ORACLE:
        if not os.path.exists(ORACLE_JSON):
            pytest.skip("no oracle data: run python tests/test_source_encoding.py --regen")
        with open(ORACLE_JSON) as f:
            _ORACLE.update(json.load(f))
    return _ORACLE


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", sorted(CASES))
def test_run_file(name: str, mode: str) -> None:
    if name in ORACLE_TOO_OLD:
        pytest.skip(ORACLE_TOO_OLD[name])
    want = oracle().get(name)
    if want is None:
        pytest.skip("case not in oracle data; regenerate")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = os.path.realpath(tmp)
        path = os.path.join(tmp, name + ".py")
        with open(path, "wb") as f:
            f.write(CASES[name])
        proc = run_pyvm(mode, [path])
    got = {"stdout": proc.stdout, "stderr": proc.stderr.replace(tmp, "<DIR>"),
           "status": proc.returncode}
    assert got == want


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", sorted(STDIN_CASES))
def test_run_stdin(name: str, mode: str) -> None:
    want = oracle().get(name)
    if want is None:
        pytest.skip("case not in oracle data; regenerate")
    require_mode(mode)
    proc = subprocess.run(pyvm_argv(["-"]), input=STDIN_CASES[name], capture_output=True,
                          env=mode_env(mode), cwd=ROOT, timeout=TIMEOUT)
    got = {"stdout": proc.stdout.decode("utf-8", "replace"),
           "stderr": proc.stderr.decode("utf-8", "replace"), "status": proc.returncode}
    assert got == want


@pytest.mark.parametrize("mode", MODES)
def test_directory_without_main(mode: str) -> None:
    """``python DIR`` runs ``DIR/__main__.py`` through runpy; without one,
    runpy exits (the oracle's record: its message, with the executable's name
    in it as ``<EXECUTABLE>``, which is ``pyvm`` here as in pyvm's other
    messages)."""
    want = oracle().get("<directory>")
    if want is None:
        pytest.skip("case not in oracle data; regenerate")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = os.path.realpath(tmp)
        proc = run_pyvm(mode, [tmp])
    got = {"status": proc.returncode,
           "stderr": proc.stderr.replace("pyvm", "<EXECUTABLE>", 1).replace(tmp, "<DIR>")}
    assert got == want
    assert proc.stdout == ""


if __name__ == "__main__":
    if sys.argv[1:] == ["--regen"]:
        regen()
    else:
        sys.exit("usage: python tests/test_source_encoding.py --regen")
