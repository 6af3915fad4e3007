"""Oracle data for the unit tests that check a value, a message or a program's output.

pyvm: test tooling (stdlib only), shared by tests/test_objects_a.py,
tests/test_objects_b.py, tests/test_eval_unit.py and tests/test_classes_unit.py.

A test file makes one ``UnitOracle(__file__)`` and writes each expected result
as a *snippet* of Python source, the code whose outcome under CPython 3.14 is
the expectation:

* ``O("7 // 2")``: the snippet runs (its statements, then its last line is
  evaluated as an expression, as at the prompt); the result is ``repr()`` of
  that value.
* ``E("1 // 0")``: the snippet must raise; the result is ``"Type: message"``.
* ``P("print(1)\\n")``: the snippet is a program run as ``python -c``; the
  result is ``(status, stdout, stderr)``.

Addresses (``at 0x1a2b``) are written ``at 0x…`` in every result; ``addr()``
does the same to a pyvm string before it is compared.

``python tests/test_X.py --regen`` collects every ``O``/``E``/``P`` call of the
test file (the argument is a string literal, or a name bound once to one in
the same function, as in ``src = "..."; assert run(src) == P(src)``), runs all the
snippets in one oracle process (``node tools/oracle/py314.mjs``) and writes
``tests/X_oracle.json``, one snippet a line. The tests compare what pyvm
computes (through the ported C API, or by running the program in-process)
with these records; expectations are never typed by hand. CI regenerates the
files and fails on any difference.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from typing import Any, Optional

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ORACLE_DIR = os.path.join(ROOT, "tools", "oracle")
ORACLE_CMD = ["node", os.path.join(ORACLE_DIR, "py314.mjs")]

KINDS = {"O": "value", "E": "error", "P": "program"}

_ADDR = re.compile(r"at 0x[0-9a-fA-F]+")


def addr(text: str) -> str:
    """``at 0x1a2b`` written ``at 0x…``, as the oracle's records have it."""
    return _ADDR.sub("at 0x\u2026", text)


# The oracle side: runs under CPython 3.14 (pyodide). DATA is replaced by the
# snippets, a JSON text {source: kind}; one JSON record is printed a line.
ORACLE_SCRIPT = r'''
import ast, builtins, io, json, linecache, re, sys, traceback
_ADDR = re.compile(r"at 0x[0-9a-fA-F]+")
def addr(text):
    return _ADDR.sub("at 0x\u2026", text)
def describe(e):
    return addr(f"{type(e).__name__}: {e}")
def value(src):
    """The REPL's rule: the statements run, the last one is evaluated."""
    tree = ast.parse(src, "<snippet>", "exec")
    g = {"__name__": "__main__", "__builtins__": builtins}
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    saved = sys.stdout
    sys.stdout = io.StringIO()  # a snippet's prints must not mix with the records
    try:
        exec(compile(tree, "<snippet>", "exec"), g)
        v = None if last is None else eval(
            compile(ast.Expression(last.value), "<snippet>", "eval"), g)
        return {"value": addr(repr(v))}
    except Exception as e:
        return {"error": describe(e)}
    finally:
        sys.stdout = saved
def program(src):
    """As `python -c SRC`: linecache gets the source (Python/pythonrun.c:run_mod
    calls linecache._register_code), __main__ globals, an uncaught exception
    prints its traceback (status 1), SystemExit as handle_system_exit."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr, sys.argv
    sys.stdout, sys.stderr, sys.argv = out, err, ["-c"]
    status = 0
    try:
        g = {"__name__": "__main__", "__builtins__": builtins, "__doc__": None,
             "__package__": None, "__spec__": None, "__loader__": None}
        try:
            code = compile(src, "<string>", "exec")
            linecache._register_code(code, src, "<string>")
            exec(code, g)
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
            # This frame is dropped: the report is what `python -c` prints.
            traceback.print_exception(type(e), e, e.__traceback__.tb_next)
            status = 1
        sys.stdout.flush()
    finally:
        sys.stdout, sys.stderr, sys.argv = saved
    return {"status": status, "stdout": out.getvalue(), "stderr": addr(err.getvalue())}
for src, kind in json.loads(DATA).items():
    rec = program(src) if kind == "program" else value(src)
    print(json.dumps([src, rec]))
'''


def _literals(scope: ast.AST) -> dict[str, str]:
    """Names bound exactly once in ``scope`` (not in nested functions), each to a
    string literal: ``src = ("..." "...")``."""
    counts: dict[str, int] = {}
    values: dict[str, str] = {}
    todo: list[ast.AST] = list(ast.iter_child_nodes(scope))
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        todo.extend(ast.iter_child_nodes(node))
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            counts[node.id] = counts.get(node.id, 0) + 1
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and \
                isinstance(node.targets[0], ast.Name) and \
                isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            values[node.targets[0].id] = node.value.value
    return {k: v for k, v in values.items() if counts.get(k) == 1}


def collect(test_file: str) -> dict[str, str]:
    """Every snippet of ``test_file``: {source: kind}, from the ``O``, ``E`` and
    ``P`` calls (or ``ORACLE.O`` etc.) found in its syntax tree. The snippet is
    a string literal, or a name bound once to one in the same function."""
    with open(test_file) as f:
        tree = ast.parse(f.read(), test_file)
    found: dict[str, str] = {}
    scopes: list[tuple[ast.AST, dict[str, str]]] = [(tree, _literals(tree))]
    while scopes:
        scope, names = scopes.pop()
        todo: list[ast.AST] = list(ast.iter_child_nodes(scope))
        while todo:
            node = todo.pop()
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                scopes.append((node, {**names, **_literals(node)}))
                continue
            todo.extend(ast.iter_child_nodes(node))
            if not isinstance(node, ast.Call):
                continue
            fn = node.func
            name = fn.id if isinstance(fn, ast.Name) else \
                fn.attr if isinstance(fn, ast.Attribute) else ""
            if name not in KINDS:
                continue
            arg = node.args[0] if node.args else None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                src = arg.value
            elif isinstance(arg, ast.Name) and arg.id in names:
                src = names[arg.id]
            else:
                raise SystemExit(f"{test_file}:{node.lineno}: {name}() needs a string literal, "
                                 "or a name bound once to one")
            kind = "program" if name == "P" else "value"  # E and O both run as values
            if found.get(src, kind) != kind:
                raise SystemExit(f"{test_file}:{node.lineno}: snippet used as a value and a program")
            found[src] = kind
    return found


class UnitOracle:
    """pyvm: the oracle records of one test file and their lookups."""

    path: str
    test_file: str
    data: Optional[dict[str, Any]]

    def __init__(self, test_file: str) -> None:
        self.test_file = os.path.abspath(test_file)
        stem = os.path.basename(self.test_file)[len("test_"):-len(".py")]
        self.path = os.path.join(HERE, f"{stem}_oracle.json")
        self.data = None

    def record(self, src: str) -> Optional[dict[str, Any]]:
        if self.data is None:
            if os.path.exists(self.path):
                with open(self.path) as f:
                    self.data = json.load(f)
            else:
                self.data = {}
        rec: Optional[dict[str, Any]] = self.data.get(src)
        return rec

    def missing(self, src: str) -> str:
        rel = os.path.relpath(self.test_file, ROOT)
        return f"<no oracle record for {src!r}: run python3 {rel} --regen>"

    def O(self, src: str) -> str:  # noqa: E743 -- the short name keeps the tests readable
        """repr() of the value of ``src`` under CPython 3.14."""
        rec = self.record(src)
        if rec is None:
            return self.missing(src)
        if "value" not in rec:
            return f"<the oracle raised {rec['error']}>"
        v: str = rec["value"]
        return v

    def E(self, src: str) -> str:
        """``"Type: message"`` of the exception ``src`` raises under CPython 3.14."""
        rec = self.record(src)
        if rec is None:
            return self.missing(src)
        if "error" not in rec:
            return f"<the oracle raised nothing: value {rec['value']}>"
        v: str = rec["error"]
        return v

    def P(self, src: str) -> tuple[int, str, str]:
        """(status, stdout, stderr) of ``python -c src`` under CPython 3.14."""
        rec = self.record(src)
        if rec is None:
            return (-1, self.missing(src), "")
        return (rec["status"], rec["stdout"], rec["stderr"])

    def regen(self) -> None:
        """Run every snippet of the test file in the oracle; write the records."""
        sys.path.insert(0, ORACLE_DIR)
        from regen import ensure_node_modules  # tools/oracle/regen.py: npm ci if needed

        ensure_node_modules()
        snippets = collect(self.test_file)
        # The oracle cannot see this machine's files: the snippets travel
        # inside the script, the records come back on stdout.
        code = ORACLE_SCRIPT.replace("DATA", repr(json.dumps(snippets)), 1)
        script = self.path + ".tmp.py"
        with open(script, "w") as f:
            f.write(code)
        out_path = script + ".out"
        try:
            # stdout goes to a file: node's process.exit() may cut a pipe short.
            with open(out_path, "w") as out:
                subprocess.run(ORACLE_CMD + [script], stdout=out, check=True)
            with open(out_path) as f:
                lines = f.read().splitlines()
        finally:
            for p in (script, out_path):
                if os.path.exists(p):
                    os.remove(p)
        data = dict(json.loads(line) for line in lines if line.strip())
        missing = set(snippets) - set(data)
        if missing:
            raise SystemExit(f"the oracle returned no record for {sorted(missing)}")
        # One snippet a line, so that a change shows as a readable diff.
        with open(self.path, "w") as f:
            f.write("{\n")
            f.write(",\n".join(f"{json.dumps(k)}: {json.dumps(data[k], sort_keys=True)}"
                                for k in sorted(data)))
            f.write("\n}\n")
        print(f"wrote {os.path.relpath(self.path, ROOT)} ({len(data)} snippets)")

    def main(self) -> None:
        """``python tests/test_X.py --regen``."""
        if sys.argv[1:] != ["--regen"]:
            sys.exit(f"usage: python3 {os.path.relpath(self.test_file, ROOT)} --regen")
        self.regen()
