"""pyvm: the generated PEG parser (pyvm/compile/python.gram) over the 3.14
standard library, against pyvm/compile/parse.py (the host-``ast`` parser).

    python3 tools/peg_generator/compare_corpus.py [-j N] [--limit N] [--match TEXT]
                                                  [--show N] [--zip PATH] [--oracle]
                                                  [--dir DIR ...]

Every ``.py`` file of the stdlib zip that pyodide ships
(tools/oracle/node_modules/pyodide/python_stdlib.zip) is parsed twice: by
``parse(source, filename, "exec")`` of pyvm/compile/parse.py and by the parser
generated from python.gram over pyvm's tokenizer
(``_PyTokenizer_FromString(source_bytes, True, False, filename)`` through
``TokStateSource``). Files the host (3.11) cannot parse are counted and
skipped; for the others the two trees are compared field by field with
positions (the ``dump`` of tests/test_peg_generator.py). The report gives the
counts, then for each mismatch the file and the first differing path.

``--dir DIR`` takes the ``.py`` files under DIR instead of the zip (e.g.
tests/programs). With ``--oracle``, the files the host rejects are compared with CPython 3.14's
own trees instead (``ast.parse`` in the oracle, ``node tools/oracle/py314.mjs``).

Warnings are silenced (both parsers emit the invalid-escape SyntaxWarnings
through pyvm's warnings). ``-j`` runs the files in N processes.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import zipfile
from typing import Any, Optional

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
for _p in (HERE, ROOT):
    if _p not in sys.path:
        sys.path.insert(0, _p)

STDLIB_ZIP = os.path.join(ROOT, "tools", "oracle", "node_modules", "pyodide",
                          "python_stdlib.zip")

_PARSER: Any = None


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


def first_difference(a: object, b: object, path: str = "") -> Optional[str]:
    """pyvm: where two dumps first differ, as a readable path."""
    if type(a) is not type(b):
        return f"{path}: {_short(a)} != {_short(b)}"
    if isinstance(a, tuple) and len(a) == 3 and isinstance(a[0], str) and isinstance(b, tuple):
        if a[0] != b[0]:
            return f"{path}: {a[0]} != {b[0]}"
        here = f"{path}/{a[0]}"
        for (fa, va), (_fb, vb) in zip(a[1], b[1]):
            d = first_difference(va, vb, f"{here}.{fa}")
            if d:
                return d
        if a[2] != b[2]:
            return f"{here} at {a[2]} != {b[2]}"
        return None
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{path}[{i}]")
            if d:
                return d
        if len(a) != len(b):
            return f"{path}: length {len(a)} != {len(b)}"
        return None
    if a != b:
        return f"{path}: {_short(a)} != {_short(b)}"
    return None


def _short(v: object) -> str:
    r = repr(v)
    return r if len(r) < 120 else r[:117] + "..."


def _silence_warnings() -> None:
    from pyvm.modules import _warningsmodule as W
    from pyvm.objects.exceptions import PyExc_Warning
    from pyvm.objects.listobject import _PyList_FromArraySteal
    st = W._PyWarnings_InitState()
    st.filters = _PyList_FromArraySteal([W.create_filter(PyExc_Warning, "ignore", None)])
    st.filters_version += 1


def _init(parser_path: str) -> None:
    global _PARSER
    import importlib.util
    spec = importlib.util.spec_from_file_location("corpus_python_parser", parser_path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["corpus_python_parser"] = mod
    spec.loader.exec_module(mod)
    _PARSER = mod.PythonParser
    _silence_warnings()


def _describe(err: BaseException) -> str:
    from build import describe_error
    return describe_error(err)


def compare_one(item: tuple[str, bytes]) -> tuple[str, str, str]:
    """pyvm: (name, status, detail) for one file; status is "match",
    "mismatch", "host-rejects", "peg-error" or "both-error"."""
    name, data = item
    from pyvm.compile import parse as pyvm_parse
    from pyvm.compile.pegen import TokStateSource
    from pyvm.compile.tokenizer import _PyTokenizer_FromString
    from pyvm.objects.object import PyErr
    try:
        reference = pyvm_parse.parse(data, name, "exec")
    except PyErr as e:
        return name, "host-rejects", _describe(e)
    try:
        tok = _PyTokenizer_FromString(data, True, False, name)
        mine = _PARSER(TokStateSource(tok))._PyPegen_run_parser()
    except PyErr as e:
        return name, "peg-error", _describe(e)
    except RecursionError:
        return name, "peg-error", "RecursionError"
    a, b = dump(mine), dump(reference)
    if a == b:
        return name, "match", ""
    return name, "mismatch", first_difference(a, b) or "?"


# Runs under CPython 3.14 in the oracle: the trees of the files (name, source)
# in SOURCES, with the dump above.
ORACLE_SCRIPT = '''
import ast, json
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
        out = repr(dump(ast.parse(src, name)))
    except SyntaxError as e:
        out = repr((type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset))
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
        return None

    def v(o: object) -> object:
        return None if o is None else getattr(o, "value", getattr(o, "ob_ival", o))
    return (exc.ob_type.tp_name, v(exc.msg), v(exc.lineno), v(exc.offset), v(exc.end_lineno),
            v(exc.end_offset))


def compare_with_oracle(names: list[str], items: dict[str, bytes]) -> list[tuple[str, str, str]]:
    """pyvm: (name, status, detail) for files checked against CPython 3.14's
    ``ast.parse`` (in the oracle) rather than parse.py."""
    import json
    sys.path.insert(0, os.path.join(ROOT, "tools", "oracle"))
    from regen import ensure_node_modules, run_script  # tools/oracle/regen.py
    from pyvm.compile.pegen import TokStateSource
    from pyvm.compile.tokenizer import _PyTokenizer_FromString
    from pyvm.objects.object import PyErr
    ensure_node_modules()
    sources = [(n, items[n].decode("utf-8")) for n in names]
    script = os.path.join(tempfile.mkdtemp(prefix="pyvm_corpus_"), "oracle.py")
    out = run_script(ORACLE_SCRIPT.replace("SOURCES", repr(json.dumps(sources))), script)
    expected = dict(json.loads(line) for line in out.splitlines() if line.strip())
    results = []
    for n in names:
        try:
            tok = _PyTokenizer_FromString(items[n], True, False, n)
            mine = repr(dump(_PARSER(TokStateSource(tok))._PyPegen_run_parser()))
        except PyErr as e:
            rec = _error_record(e)
            if rec is not None and repr(rec) == expected[n]:
                results.append((n, "oracle-match", ""))  # the same SyntaxError
            else:
                results.append((n, "oracle-peg-error", f"{_describe(e)}; CPython: {expected[n]}"))
            continue
        if mine == expected[n]:
            results.append((n, "oracle-match", ""))
        else:
            i = next((k for k, (x, y) in enumerate(zip(mine, expected[n])) if x != y),
                     min(len(mine), len(expected[n])))
            results.append((n, "oracle-mismatch",
                            f"at char {i}: {mine[max(0, i - 60):i + 60]!r} != "
                            f"{expected[n][max(0, i - 60):i + 60]!r}"))
    return results


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-j", type=int, default=1, help="processes")
    ap.add_argument("--limit", type=int, default=0, help="only the first N files")
    ap.add_argument("--match", default="", help="only files whose name contains this")
    ap.add_argument("--show", type=int, default=50, help="list at most N files per status")
    ap.add_argument("--zip", default=STDLIB_ZIP, help="the stdlib zip")
    ap.add_argument("--dir", action="append", default=[],
                    help="the .py files under DIR instead of the stdlib zip")
    ap.add_argument("--oracle", action="store_true",
                    help="check the files the host rejects against CPython 3.14")
    args = ap.parse_args(argv)

    import build
    tmp = tempfile.mkdtemp(prefix="pyvm_corpus_")
    parser_path = os.path.join(tmp, "python_parser.py")
    build.generate_file(os.path.join(ROOT, "pyvm", "compile", "python.gram"), parser_path)

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
    results: list[tuple[str, str, str]] = []
    if args.j > 1:
        import multiprocessing
        with multiprocessing.Pool(args.j, _init, (parser_path,)) as pool:
            for r in pool.imap_unordered(compare_one, items, chunksize=4):
                results.append(r)
    else:
        _init(parser_path)
        for item in items:
            results.append(compare_one(item))
    if args.oracle:
        rejected = [n for n, status, _ in results if status == "host-rejects"]
        if rejected:
            if _PARSER is None:
                _init(parser_path)
            results += compare_with_oracle(rejected, dict(items))
    elapsed = time.time() - start

    by_status: dict[str, list[tuple[str, str]]] = {}
    for name, status, detail in sorted(results):
        by_status.setdefault(status, []).append((name, detail))
    accepted = len(items) - len(by_status.get("host-rejects", []))
    print(f"{len(items)} files in {elapsed:.0f}s; host accepts {accepted}; "
          f"match {len(by_status.get('match', []))}, "
          f"mismatch {len(by_status.get('mismatch', []))}, "
          f"PEG parser error {len(by_status.get('peg-error', []))}, "
          f"host rejects {len(by_status.get('host-rejects', []))}")
    if args.oracle:
        print(f"host-rejected files against CPython 3.14: "
              f"match {len(by_status.get('oracle-match', []))}, "
              f"mismatch {len(by_status.get('oracle-mismatch', []))}, "
              f"PEG parser error {len(by_status.get('oracle-peg-error', []))}")
    for status in ("mismatch", "peg-error", "oracle-mismatch", "oracle-peg-error",
                   "host-rejects"):
        rows = by_status.get(status, [])
        if not rows:
            continue
        print(f"\n{status} ({len(rows)}):")
        for name, detail in rows[:args.show]:
            print(f"  {name}: {detail}")
    bad = ("mismatch", "peg-error", "oracle-mismatch", "oracle-peg-error")
    return 1 if any(by_status.get(b) for b in bad) else 0


if __name__ == "__main__":
    sys.exit(main())
