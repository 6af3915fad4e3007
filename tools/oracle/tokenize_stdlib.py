"""Tokenize every .py file of the oracle's Lib with CPython 3.14 and with pyvm.

pyvm: a check tool (host python3, stdlib only), not run by CI. The oracle
(``node tools/oracle/py314.mjs``) tokenizes each file of its own
``python_stdlib.zip`` with ``_tokenize.TokenizerIter(readline,
extra_tokens=False)`` and reports the token count, a sha256 of the token list
(``[type, string, lineno, col, end_lineno, end_col]`` each), the error and the
SyntaxWarnings; pyvm/compile/tokenizer.py does the same from the same zip
(``tools/oracle/node_modules/pyodide/python_stdlib.zip``) and every file is
compared, with ``extra_tokens`` false (the parser's stream) and true. It also prints pyvm's throughput: the raw ``_PyTokenizer_Get`` loop
(what the parser does) and the ``TokenizerIter`` loop, in CPU seconds.

    python3 tools/oracle/tokenize_stdlib.py [NAME.py ...]
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, ROOT)
sys.path.insert(0, HERE)
STDLIB_ZIP = os.path.join(HERE, "node_modules", "pyodide", "python_stdlib.zip")

ORACLE_SCRIPT = r'''
import _tokenize, hashlib, io, json, tokenize, warnings, zipfile
z = zipfile.ZipFile("/lib/python314.zip")
names = json.loads(NAMES) or sorted(n for n in z.namelist() if n.endswith(".py"))
res = {}
for name in names:
    raw = z.read(name)
    enc, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
    src = raw.decode(enc)
    if src.startswith("\ufeff"):
        src = src[1:]
    rec = {"enc": enc}
    for extra in (False, True):
        out = []
        error = None
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            try:
                for t in _tokenize.TokenizerIter(io.StringIO(src).readline, extra_tokens=extra):
                    out.append([t[0], t[1], t[2][0], t[2][1], t[3][0], t[3][1]])
            except SyntaxError as e:
                error = [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text]
        rec["extra" if extra else "raw"] = {
            "count": len(out), "sha256": hashlib.sha256(json.dumps(out).encode()).hexdigest(),
            "error": error, "warnings": [[str(x.message), x.lineno] for x in w]}
    res[name] = rec
print(json.dumps(res))
'''


def oracle(names: list[str]) -> dict[str, Any]:
    from regen import ensure_node_modules  # tools/oracle/regen.py: npm ci if needed

    ensure_node_modules()
    with tempfile.TemporaryDirectory() as d:
        script = os.path.join(d, "tokenize_stdlib.py")
        with open(script, "w") as f:
            f.write(ORACLE_SCRIPT.replace("NAMES", repr(json.dumps(names)), 1))
        out_path = os.path.join(d, "out.json")
        # stdout goes to a file: node's process.exit() may cut a pipe short.
        with open(out_path, "w") as out:
            subprocess.run(["node", os.path.join(HERE, "py314.mjs"), script], stdout=out, check=True)
        with open(out_path) as f:
            result: dict[str, Any] = json.load(f)
    return result


def main() -> None:
    from pyvm.compile import tokenizer as T
    from pyvm.objects.object import PyErr

    want = oracle(sys.argv[1:])
    mismatches: list[str] = []
    raw_tokens = iter_tokens = 0
    raw_time = iter_time = 0.0
    with zipfile.ZipFile(STDLIB_ZIP) as z:
        for name, rec in sorted(want.items()):
            src = z.read(name).decode(rec["enc"])
            if src.startswith("\ufeff"):
                src = src[1:]
            t0 = time.process_time()
            tok = T._PyTokenizer_FromUTF8(src, True, False, "<string>")
            token = T.Token()
            try:
                while True:
                    raw_tokens += 1
                    kind = T._PyTokenizer_Get(tok, token)
                    if kind == T.ENDMARKER or kind == T.ERRORTOKEN:
                        break
            except PyErr:
                pass
            raw_time += time.process_time() - t0
            for key in ("raw", "extra"):
                t0 = time.process_time()
                tok = T._PyTokenizer_FromReadline(src, "<string>")
                it = T.TokenizerIter(tok, key == "extra")
                out: list[list[Any]] = []
                error = None
                try:
                    while True:
                        t = it.next_token()
                        if t is None:
                            break
                        out.append([t[0], t[1], t[2][0], t[2][1], t[3][0], t[3][1]])
                except PyErr as e:
                    exc: Any = e.normalize()
                    error = [exc.ob_type.tp_name, exc.msg.value]
                if key == "raw":
                    iter_time += time.process_time() - t0
                    iter_tokens += len(out)
                want_rec = rec[key]
                got = {"count": len(out),
                       "sha256": hashlib.sha256(json.dumps(out).encode()).hexdigest(),
                       "warnings": [list(w) for w in tok.warnings]}
                if any(got[k] != want_rec[k] for k in got) or \
                        (error is None) != (want_rec["error"] is None) or \
                        (error is not None and error[1] != want_rec["error"][1]):
                    mismatches.append(f"{name} ({key})")
    print(f"{len(want)} files, {len(mismatches)} differ from CPython 3.14: {mismatches[:20]}")
    print(f"_PyTokenizer_Get: {raw_tokens} tokens, {raw_time:.1f} s CPU, "
          f"{raw_tokens / max(raw_time, 1e-9):.0f} tokens/s")
    print(f"TokenizerIter:    {iter_tokens} tokens, {iter_time:.1f} s CPU, "
          f"{iter_tokens / max(iter_time, 1e-9):.0f} tokens/s")
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
