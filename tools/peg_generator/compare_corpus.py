"""pyvm: pyvm's parser over a corpus, against CPython 3.14's ``ast.parse``.

    python3 tools/peg_generator/compare_corpus.py [--limit N] [--match TEXT]
                                                  [--show N] [--zip PATH] [--batch N]
                                                  [--dir DIR ...]

Every ``.py`` file of the stdlib zip that pyodide ships
(tools/oracle/node_modules/pyodide/python_stdlib.zip), or under the ``--dir``
directories, is parsed by pyvm (``_PyParser_ASTFromString(source_bytes,
name, "exec")``: pyvm's tokenizer and the parser generated from python.gram)
and by CPython 3.14 in the oracle (``ast.parse(source, name)``, files sent in
batches of ``--batch`` to ``node tools/oracle/py314.mjs``). The two trees are
compared with their positions (the ``dump`` of tests/test_peg_generator.py),
and a file both reject must give the same SyntaxError (type, message, line
and offsets). The report gives the counts, then for each mismatch the file
and where the dumps first differ. Warnings are silenced on both sides.

This checks the trees, positions included, which the code objects of the
compile corpus (tools/corpus/check.py) show only in part.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import zipfile
from typing import Optional

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

STDLIB_ZIP = os.path.join(ROOT, "tools", "oracle", "node_modules", "pyodide",
                          "python_stdlib.zip")


def dump(node: object) -> object:
    """pyvm: a node as nested tuples of its fields and location attributes (the
    test's ``dump``)."""
    from pyvm.compile import ast
    if isinstance(node, ast.AST):
        fields = tuple((f, dump(getattr(node, f))) for f in node._fields)
        attrs = tuple((a, getattr(node, a)) for a in node._attributes)
        return (type(node).__name__, fields, attrs)
    if isinstance(node, list):
        return [dump(x) for x in node]
    return node



# Runs under CPython 3.14 in the oracle: the trees of the files (name, source)
# in SOURCES, with the dump above.
ORACLE_SCRIPT = '''
import ast, json, warnings
warnings.simplefilter("ignore")
def dump(node):
    if isinstance(node, ast.AST):
        return (type(node).__name__,
                tuple((f, dump(getattr(node, f, None))) for f in node._fields),
                tuple((a, getattr(node, a, None)) for a in node._attributes))
    if isinstance(node, list):
        return [dump(x) for x in node]
    return node
for name, src in json.loads(SOURCES):
    try:
        out = repr(dump(ast.parse(src.encode("utf-8", "surrogateescape"), name)))
    except SyntaxError as e:
        out = repr((type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset))
    except Exception as e:
        out = repr((type(e).__name__, str(e)))
    print(json.dumps([name, out]))
'''


def _error_record(err: BaseException) -> Optional[tuple[object, ...]]:
    """pyvm: (type name, msg, lineno, offset, end_lineno, end_offset) of a
    pyvm SyntaxError, as the oracle script prints CPython's."""
    from pyvm.objects.exceptions import PySyntaxErrorObject
    from pyvm.objects.object import PyErr
    if not isinstance(err, PyErr):
        return None
    exc = err.normalize()
    if not isinstance(exc, PySyntaxErrorObject):
        return (exc.ob_type.tp_name, str(err))

    def v(o: object) -> object:
        return None if o is None else getattr(o, "value", getattr(o, "ob_ival", o))
    return (exc.ob_type.tp_name, v(exc.msg), v(exc.lineno), v(exc.offset), v(exc.end_lineno),
            v(exc.end_offset))


def oracle_dumps(items: list[tuple[str, bytes]], batch: int) -> dict[str, str]:
    """pyvm: CPython 3.14's dump (or error record) of each file."""
    sys.path.insert(0, os.path.join(ROOT, "tools", "oracle"))
    from regen import ensure_node_modules, run_script  # tools/oracle/regen.py
    ensure_node_modules()
    script = os.path.join(tempfile.mkdtemp(prefix="pyvm_corpus_"), "oracle.py")
    expected: dict[str, str] = {}
    for i in range(0, len(items), batch):
        sources = [(n, data.decode("utf-8", "surrogateescape")) for n, data in items[i:i + batch]]
        out = run_script(ORACLE_SCRIPT.replace("SOURCES", repr(json.dumps(sources))), script)
        expected.update(json.loads(line) for line in out.splitlines() if line.strip())
    return expected


def compare_one(name: str, data: bytes, expected: str) -> tuple[str, str]:
    """pyvm: (status, detail) for one file: "match", "mismatch" or "error"
    (pyvm raised where CPython did not, or another error)."""
    from pyvm.compile.peg_api import _PyParser_ASTFromString
    from pyvm.objects.object import PyErr
    try:
        mine = repr(dump(_PyParser_ASTFromString(data, name, "exec")))
    except PyErr as e:
        rec = _error_record(e)
        if repr(rec) == expected:
            return "match", ""  # the same SyntaxError
        return "error", f"{rec}; CPython: {expected[:200]}"
    except RecursionError:
        return "error", "host RecursionError"
    if mine == expected:
        return "match", ""
    i = next((k for k, (x, y) in enumerate(zip(mine, expected)) if x != y),
             min(len(mine), len(expected)))
    return "mismatch", (f"at char {i}: {mine[max(0, i - 60):i + 60]!r} != "
                        f"{expected[max(0, i - 60):i + 60]!r}")


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="only the first N files")
    ap.add_argument("--match", default="", help="only files whose name contains this")
    ap.add_argument("--show", type=int, default=50, help="list at most N files per status")
    ap.add_argument("--zip", default=STDLIB_ZIP, help="the stdlib zip")
    ap.add_argument("--batch", type=int, default=100, help="files per oracle run")
    ap.add_argument("--dir", action="append", default=[],
                    help="the .py files under DIR instead of the stdlib zip")
    args = ap.parse_args(argv)

    items: list[tuple[str, bytes]] = []
    if args.dir:
        for d in args.dir:
            for dirpath, _dirs, files in os.walk(d):
                for f in files:
                    path = os.path.join(dirpath, f)
                    if f.endswith(".py") and args.match in path:
                        with open(path, "rb") as fp:
                            items.append((path, fp.read()))
        items.sort()
    else:
        with zipfile.ZipFile(args.zip) as z:
            names = sorted(n for n in z.namelist() if n.endswith(".py") and args.match in n)
            items = [(n, z.read(n)) for n in names]
    if args.limit:
        items = items[:args.limit]

    start = time.time()
    expected = oracle_dumps(items, args.batch)
    oracle_time = time.time() - start
    from pyvm.modules._warningsmodule import _PyWarnings_IgnoreAll
    _PyWarnings_IgnoreAll()
    start = time.time()
    by_status: dict[str, list[tuple[str, str]]] = {}
    for name, data in items:
        status, detail = compare_one(name, data, expected[name])
        by_status.setdefault(status, []).append((name, detail))
    elapsed = time.time() - start
    print(f"{len(items)} files (oracle {oracle_time:.0f}s, pyvm {elapsed:.0f}s): "
          f"match {len(by_status.get('match', []))}, "
          f"mismatch {len(by_status.get('mismatch', []))}, "
          f"error {len(by_status.get('error', []))}")
    for status in ("mismatch", "error"):
        rows = by_status.get(status, [])
        if rows:
            print(f"\n{status} ({len(rows)}):")
            for name, detail in rows[:args.show]:
                print(f"  {name}: {detail}")
    return 1 if by_status.get("mismatch") or by_status.get("error") else 0


if __name__ == "__main__":
    sys.exit(main())
