"""The Python half of the corpus oracle: runs inside CPython 3.14 (pyodide),
started by run.mjs with the host directories mounted at their own paths.

``run(list_file, out_file)`` compiles every path of ``list_file`` (one a line)
with ``compile(source_bytes, path, "exec")`` and appends one JSON line per file
to ``out_file``:

    {"path": P, "ok": true,  "marshal": base64 of marshal.dumps(code)}
    {"path": P, "ok": false, "error": "SyntaxError: ... (line N)"}
    {"path": P, "ok": false, "unreadable": true, "error": "..."}   (not compiled)

The host (tools/corpus/check.py) turns the marshalled bytes into the canonical
dump with pyvm/compile/codedump.py, the same file the oracle of the
differential tests runs: codedump works on the bytes only, so the text does not
depend on which Python renders it.
"""

import base64
import json
import marshal
import warnings


def describe(exc):
    """One line: the exception type and message, with the line for a SyntaxError."""
    msg = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, SyntaxError) and exc.lineno is not None and "line" not in str(exc):
        msg += f" (line {exc.lineno})"
    return msg.splitlines()[0] if msg else type(exc).__name__


def run(list_file, out_file):
    with open(list_file, encoding="utf-8") as f:
        paths = [ln.rstrip("\n") for ln in f if ln.strip()]
    warnings.simplefilter("ignore")
    with open(out_file, "a", encoding="utf-8") as out:
        for path in paths:
            rec = {"path": path}
            try:
                with open(path, "rb") as f:
                    source = f.read()
            except OSError as e:
                rec["ok"] = False
                rec["unreadable"] = True
                rec["error"] = describe(e)
                out.write(json.dumps(rec) + "\n")
                continue
            try:
                code = compile(source, path, "exec")
                rec["ok"] = True
                rec["marshal"] = base64.b64encode(marshal.dumps(code)).decode("ascii")
            except Exception as e:  # SyntaxError, ValueError (NUL bytes), RecursionError...
                rec["ok"] = False
                rec["error"] = describe(e)
            out.write(json.dumps(rec) + "\n")
            out.flush()
