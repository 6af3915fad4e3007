"""Ports Tools/peg_generator/pegen/build.py, Tools/peg_generator/pegen/__main__.py:
reading a grammar file and writing its parser.

    python3 tools/peg_generator/build.py            # regenerate every parser below
    python3 tools/peg_generator/build.py --check    # fail if one is out of date
    python3 tools/peg_generator/build.py GRAMMAR OUTPUT

The grammar files are read by ``grammar_parser.py``, itself generated from
``metagrammar.gram`` by this generator (pegen's self-hosting). ``--bootstrap``
makes it once with CPython's own pegen (from a CPython source tree given by
``--cpython``, default /work/cpython) reading pyvm's metagrammar.gram into
pyvm's grammar classes; it is never needed again unless grammar_parser.py is
broken.
"""

from __future__ import annotations

import io
import os
import sys
from typing import Optional

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
if HERE not in sys.path:
    sys.path.insert(0, HERE)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from grammar import Grammar  # noqa: E402
from typed_python_generator import TypedPythonParserGenerator  # noqa: E402
from validator import validate_grammar  # noqa: E402

# (grammar, generated parser) pairs, relative to the repository root.
TARGETS: list[tuple[str, str]] = [
    ("tools/peg_generator/metagrammar.gram", "tools/peg_generator/grammar_parser.py"),
    ("pyvm/compile/python.gram", "pyvm/compile/parser.py"),
]


def describe_error(err: BaseException) -> str:
    """pyvm: a pyvm SyntaxError (a PyErr) as text, for the tool's messages."""
    from pyvm.objects.exceptions import PySyntaxErrorObject
    from pyvm.objects.object import PyErr
    if not isinstance(err, PyErr):
        return str(err)
    exc = err.normalize()
    if not isinstance(exc, PySyntaxErrorObject):
        return str(err)
    parts = []
    for name in ("msg", "filename", "lineno", "offset", "end_lineno", "end_offset"):
        v = getattr(exc, name)
        parts.append(f"{name}={getattr(v, 'value', getattr(v, 'ob_ival', None))!r}")
    return "SyntaxError(" + ", ".join(parts) + ")"


def build_grammar(path: str) -> Grammar:
    """CPython: Tools/peg_generator/pegen/build.py:build_parser

    Parses a grammar file with the generated grammar parser."""
    from grammar_parser import GrammarParser
    from host_tokenizer import HostTokenSource
    with open(path) as f:
        text = f.read()
    parser = GrammarParser(HostTokenSource(text, path))
    try:
        result = parser._PyPegen_run_parser()
    except Exception as e:
        raise SystemExit(f"{path}: {describe_error(e)}")
    assert isinstance(result, Grammar)
    return result


def generate_text(grammar: Grammar, grammar_file: str) -> str:
    """CPython: Tools/peg_generator/pegen/build.py:build_python_generator

    The parser's source for a grammar (validated first)."""
    validate_grammar(grammar)
    out = io.StringIO()
    gen = TypedPythonParserGenerator(grammar, out)
    gen.generate(grammar_file)
    return out.getvalue()


def generate_file(grammar_file: str, output_file: str, check: bool = False,
                  grammar: Optional[Grammar] = None) -> bool:
    """CPython: Tools/peg_generator/pegen/build.py:build_python_parser_and_generator

    Writes (or with ``check`` compares) the parser; True if it was current."""
    if grammar is None:
        grammar = build_grammar(grammar_file)
    text = generate_text(grammar, grammar_file)
    try:
        with open(output_file) as f:
            current = f.read() == text
    except OSError:
        current = False
    if not current and not check:
        with open(output_file, "w") as f:
            f.write(text)
    return current


def bootstrap(cpython: str) -> Grammar:
    """pyvm: reads metagrammar.gram with CPython's own pegen grammar parser
    (its pegen.grammar replaced by pyvm's grammar module, whose classes the
    actions then build), to make grammar_parser.py the first time."""
    import importlib.util
    import types
    import grammar as pyvm_grammar
    pkg = types.ModuleType("pegen")
    pkg.__path__ = []  # a package stand-in
    sys.modules["pegen"] = pkg
    sys.modules["pegen.grammar"] = pyvm_grammar
    src = os.path.join(cpython, "Tools", "peg_generator", "pegen")
    for name in ("tokenizer", "parser", "grammar_parser"):
        spec = importlib.util.spec_from_file_location(f"pegen.{name}",
                                                      os.path.join(src, f"{name}.py"))
        assert spec is not None and spec.loader is not None
        mod = importlib.util.module_from_spec(spec)
        sys.modules[f"pegen.{name}"] = mod
        spec.loader.exec_module(mod)
    import tokenize
    tokenizer_mod = sys.modules["pegen.tokenizer"]
    parser_mod = sys.modules["pegen.grammar_parser"]
    with open(os.path.join(HERE, "metagrammar.gram")) as f:
        tokenizer = tokenizer_mod.Tokenizer(tokenize.generate_tokens(f.readline))
        result = parser_mod.GeneratedParser(tokenizer).start()
    assert isinstance(result, Grammar), "bootstrap parse failed"
    return result


def main(argv: list[str]) -> int:
    """CPython: Tools/peg_generator/pegen/__main__.py:main"""
    check = "--check" in argv
    args = [a for a in argv if not a.startswith("--")]
    if "--bootstrap" in argv:
        cpython = "/work/cpython"
        for a in argv:
            if a.startswith("--cpython="):
                cpython = a.split("=", 1)[1]
        grammar = bootstrap(cpython)
        gram, out = TARGETS[0]
        generate_file(os.path.join(ROOT, gram), os.path.join(ROOT, out), grammar=grammar)
        print(f"bootstrapped {out}")
        return 0
    targets = [(args[0], args[1])] if len(args) == 2 else [
        (os.path.join(ROOT, g), os.path.join(ROOT, o)) for g, o in TARGETS]
    stale = []
    for gram, out in targets:
        if not generate_file(gram, out, check=check):
            stale.append(out)
    if check and stale:
        print("out of date (run python3 tools/peg_generator/build.py):", *stale)
        return 1
    for out in stale:
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
