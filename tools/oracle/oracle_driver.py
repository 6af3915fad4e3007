"""The Python half of the oracle: runs inside CPython 3.14 (pyodide), started by
run.mjs with cwd /repo, the programs at tests/programs/NAME.py and codedump.py
importable. ``run_all(names)`` returns one JSON text: for each program its
stdout, exit status, the last line of what CPython would print to stderr at
exit (the traceback's last line) or null, the ``python -m dis`` text and the
canonical code dump of ``marshal.dumps(compile(...))``.
"""

import builtins
import dis
import io
import json
import marshal
import re
import sys
import traceback

import codedump

_ADDR = re.compile(r"at 0x[0-9a-f]+")


def normalise_addresses(text):
    return _ADDR.sub("at 0x\u2026", text)


def last_line(text):
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return lines[-1] if lines else None


def run_program(path, source):
    """Run like ``python PATH``: __main__ globals, sys.argv = [PATH]; an uncaught
    exception prints its traceback (status 1); SystemExit as handle_system_exit."""
    out = io.StringIO()
    err = io.StringIO()
    saved = sys.stdout, sys.stderr, sys.argv
    sys.stdout, sys.stderr, sys.argv = out, err, [path]
    status = 0
    try:
        g = {"__name__": "__main__", "__builtins__": builtins, "__file__": path,
             "__cached__": None, "__doc__": None, "__package__": None,
             "__spec__": None, "__loader__": None}
        try:
            exec(compile(source, path, "exec"), g)
        except SystemExit as e:
            c = e.code
            if c is None:
                status = 0
            elif isinstance(c, int):
                status = c
            else:
                print(c, file=sys.stderr)
                status = 1
        except BaseException as e:
            # The driver's own frame is dropped so the report is what
            # `python PATH` prints.
            traceback.print_exception(type(e), e, e.__traceback__.tb_next)
            status = 1
        sys.stdout.flush()
    finally:
        sys.stdout, sys.stderr, sys.argv = saved
    stderr_text = err.getvalue()
    return out.getvalue(), status, (last_line(stderr_text) if status != 0 else None)


def run_all(names):
    results = {}
    for name in names:
        path = f"tests/programs/{name}.py"
        with open(path, "rb") as f:
            source = f.read()
        stdout, status, exception = run_program(path, source)
        try:
            code = compile(source, path, "exec")
        except SyntaxError:
            dis_text = None
            dump = None
        else:
            buf = io.StringIO()
            dis.dis(code, file=buf)
            dis_text = normalise_addresses(buf.getvalue())
            dump = codedump.dump_marshalled(marshal.dumps(code))
        results[name] = {
            "stdout": stdout,
            "exception": exception,
            "status": status,
            "dis": dis_text,
            "code": dump,
        }
    return json.dumps(results)
