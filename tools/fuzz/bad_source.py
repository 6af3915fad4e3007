#!/usr/bin/env python3
"""The bad-source fuzzer (issue #10): mutated programs, compiled by pyvm and by
CPython 3.14 (the oracle), must be accepted or rejected alike, and rejected
with the same exception.

    python3 tools/fuzz/bad_source.py --seed 1 --count 1000
    python3 tools/fuzz/bad_source.py --seed 7 --count 300 --show 5 --json out.json

pyvm: tooling (host python3), not part of the pyvm package.

Sources
    Windows of 1 to 8 consecutive lines of the compile set
    (tests/compile_programs/*.py), dedented, each
    mutated 1 to 3 times. The mutations work on a small, host-independent
    lexer's tokens (names, numbers, strings, operators, spaces, newlines) or on
    characters: delete / duplicate a token, swap a bracket for another, insert
    a keyword or an operator, break the indentation of a line, cut a string
    (drop its closing quote), insert a tab, a ``\\``, a newline or a random
    character, replace a token by another of the same source. Everything
    derives from ``random.Random(seed)``: a seed and a count give the same
    sources on any host.

Comparison
    pyvm compiles each source in-process, as bytes
    (``Py_CompileString(source, "<fuzz>", "exec")``, so the coding cookie and
    UTF-8 checks run), with SyntaxWarnings ignored (``-W ignore``); the oracle
    runs ``compile(source, "<fuzz>", "exec")`` on the same bytes
    (tools/oracle/oracle_driver.py:syntax_all), all sources of a chunk in one
    pyodide run. The results are ``None`` (accepted) or ``[type, msg, lineno,
    offset, end_lineno, end_offset]``; a host exception escaping pyvm's
    compiler is reported as ``["pyvm crash", ...]``. Any difference is a
    mismatch, printed with its source.

tests/test_bad_source_fuzz.py keeps a short seeded round's oracle answers
(``--regen``) and checks pyvm against them.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import textwrap
import time
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parent.parent.parent
# The compile set only: the differential programs grow every session, and the
# regression round of tests/test_bad_source_fuzz.py would pick new sources each
# time one is added (its stored oracle answers would go stale in CI).
SEED_DIRS = (ROOT / "tests" / "compile_programs",)
CHUNK = 2000

Result = Optional[list[object]]

# A rough lexer: enough to cut a source into tokens to mutate. Strings first
# (triple-quoted, then one-line, with any prefix), then comments, numbers,
# names, three/two/one-character operators, newlines and other whitespace.
_TOKEN = re.compile(r"""
    (?P<str>[rRbBfFtTuU]{0,2}(?:'''[\s\S]*?'''|\"\"\"[\s\S]*?\"\"\"|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"))
  | (?P<comment>\#[^\n]*)
  | (?P<num>\d[\w.]*)
  | (?P<name>[^\W\d]\w*)
  | (?P<op>\*\*=|//=|>>=|<<=|\.\.\.|->|:=|==|!=|<=|>=|\*\*|//|<<|>>|[-+*/%@&|^~<>]=?|[()\[\]{}.,:;=!])
  | (?P<nl>\n)
  | (?P<ws>[ \t\f]+)
  | (?P<other>.)
""", re.VERBOSE)

KEYWORDS = ("False", "None", "True", "and", "as", "assert", "async", "await", "break",
            "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
            "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
            "pass", "raise", "return", "try", "while", "with", "yield", "match", "case",
            "type", "_")
OPERATORS = ("(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "=", "==", "*", "**", "+",
             "-", "/", "//", "%", "@", "->", ":=", "!", "<", ">", "|", "&", "~", "...",
             "'", '"', "f'", "t'", "\\", "#", "$", "?", "`")
BRACKETS = "()[]{}"
CHARS = "()[]{}:;,.=+-*/\\'\"#@!$?` \t\nabcxyz019_\u00e9\u540d"


def tokens(src: str) -> list[str]:
    """The source cut into tokens; their concatenation is the source."""
    return [m.group(0) for m in _TOKEN.finditer(src)]


def seed_programs() -> list[list[str]]:
    """The lines of every differential program, in a fixed order."""
    progs: list[list[str]] = []
    for d in SEED_DIRS:
        for p in sorted(d.glob("*.py")):
            text = p.read_text(encoding="utf-8", errors="replace")
            progs.append(text.splitlines(keepends=True))
    return progs


def pick_window(rng: random.Random, progs: list[list[str]]) -> str:
    """1 to 8 consecutive non-empty lines of a random program, dedented; three
    times in four the window starts at a line of the program's top level, so
    that most windows are whole statements before they are mutated."""
    for _ in range(20):
        lines = progs[rng.randrange(len(progs))]
        if not lines:
            continue
        n = rng.randint(1, 8)
        starts = [i for i, ln in enumerate(lines) if ln[:1] not in ("", " ", "\t", "\n", "#")]
        if starts and rng.randrange(4):
            start = starts[rng.randrange(len(starts))]
        else:
            start = rng.randrange(len(lines))
        window = "".join(lines[start:start + n])
        if window.strip():
            text = textwrap.dedent(window)
            return text if text.endswith("\n") else text + "\n"
    return "x = 1\n"


# -- the mutations: each takes (rng, tokens) and returns new tokens --------------


def _index(rng: random.Random, toks: list[str], pred: Callable[[str], bool]) -> int:
    idx = [i for i, t in enumerate(toks) if pred(t)]
    return idx[rng.randrange(len(idx))] if idx else -1


def _significant(t: str) -> bool:
    return bool(t.strip())


def m_delete(rng: random.Random, toks: list[str]) -> list[str]:
    i = _index(rng, toks, _significant)
    return toks[:i] + toks[i + 1:] if i >= 0 else toks


def m_duplicate(rng: random.Random, toks: list[str]) -> list[str]:
    i = _index(rng, toks, _significant)
    return toks[:i + 1] + [toks[i]] + toks[i + 1:] if i >= 0 else toks


def m_swap_bracket(rng: random.Random, toks: list[str]) -> list[str]:
    i = _index(rng, toks, lambda t: len(t) == 1 and t in BRACKETS)
    if i < 0:
        return toks
    return toks[:i] + [BRACKETS[rng.randrange(len(BRACKETS))]] + toks[i + 1:]


def m_insert_keyword(rng: random.Random, toks: list[str]) -> list[str]:
    i = rng.randrange(len(toks) + 1)
    kw = KEYWORDS[rng.randrange(len(KEYWORDS))]
    return toks[:i] + [" " + kw + " "] + toks[i:]


def m_insert_operator(rng: random.Random, toks: list[str]) -> list[str]:
    i = rng.randrange(len(toks) + 1)
    return toks[:i] + [OPERATORS[rng.randrange(len(OPERATORS))]] + toks[i:]


def m_replace_token(rng: random.Random, toks: list[str]) -> list[str]:
    i = _index(rng, toks, _significant)
    j = _index(rng, toks, _significant)
    if i < 0:
        return toks
    return toks[:i] + [toks[j]] + toks[i + 1:]


def _lines(toks: list[str]) -> list[str]:
    return "".join(toks).splitlines(keepends=True)


def m_break_indent(rng: random.Random, toks: list[str]) -> list[str]:
    lines = _lines(toks)
    if not lines:
        return toks
    k = rng.randrange(len(lines))
    line = lines[k]
    stripped = line.lstrip(" \t")
    indent = line[:len(line) - len(stripped)]
    choice = rng.randrange(3)
    if choice == 0:
        line = " " * rng.randint(1, 6) + line
    elif choice == 1 and indent:
        line = indent[:rng.randrange(len(indent))] + stripped
    else:
        line = indent + " " * rng.randint(1, 3) + stripped
    lines[k] = line
    return tokens("".join(lines))


def m_insert_tab(rng: random.Random, toks: list[str]) -> list[str]:
    lines = _lines(toks)
    if not lines:
        return toks
    k = rng.randrange(len(lines))
    lines[k] = ("\t" if rng.randrange(2) else " \t") + lines[k]
    return tokens("".join(lines))


def m_cut_string(rng: random.Random, toks: list[str]) -> list[str]:
    i = _index(rng, toks, lambda t: t[-1:] in ("'", '"'))
    if i < 0:
        return toks
    t = toks[i]
    cut = 3 if t.endswith(("'''", '"""')) and len(t) >= 6 else 1
    return toks[:i] + [t[:-cut]] + toks[i + 1:]


def m_insert_char(rng: random.Random, toks: list[str]) -> list[str]:
    src = "".join(toks)
    i = rng.randrange(len(src) + 1)
    return tokens(src[:i] + CHARS[rng.randrange(len(CHARS))] + src[i:])


def m_delete_char(rng: random.Random, toks: list[str]) -> list[str]:
    src = "".join(toks)
    if not src:
        return toks
    i = rng.randrange(len(src))
    return tokens(src[:i] + src[i + 1:])


def m_backslash(rng: random.Random, toks: list[str]) -> list[str]:
    src = "".join(toks)
    nls = [i for i, c in enumerate(src) if c == "\n"]
    if not nls:
        return tokens(src + "\\")
    i = nls[rng.randrange(len(nls))]
    tail = "\\" + ("" if rng.randrange(3) else " ")
    return tokens(src[:i] + tail + src[i:] if rng.randrange(4) else src[:i] + tail)


def m_truncate(rng: random.Random, toks: list[str]) -> list[str]:
    if len(toks) < 2:
        return toks
    return toks[:rng.randrange(1, len(toks))]


MUTATIONS: tuple[Callable[[random.Random, list[str]], list[str]], ...] = (
    m_delete, m_duplicate, m_swap_bracket, m_insert_keyword, m_insert_operator,
    m_replace_token, m_break_indent, m_insert_tab, m_cut_string, m_insert_char,
    m_delete_char, m_backslash, m_truncate,
)


def generate(seed: int, count: int) -> list[str]:
    """``count`` mutated sources, from ``seed`` alone."""
    rng = random.Random(seed)
    progs = seed_programs()
    out: list[str] = []
    for _ in range(count):
        toks = tokens(pick_window(rng, progs))
        for _ in range(rng.randint(1, 3)):
            toks = MUTATIONS[rng.randrange(len(MUTATIONS))](rng, toks)
        out.append("".join(toks))
    return out


# -- the two compilers ------------------------------------------------------------


def encode(src: str) -> bytes:
    return src.encode("utf-8", "surrogatepass")


def oracle_results(sources: list[str]) -> list[Result]:
    """The oracle's result for each source, one pyodide run per CHUNK."""
    sys.path.insert(0, str(ROOT / "tools" / "oracle"))
    import regen  # tools/oracle/regen.py

    regen.ensure_node_modules()
    out: list[Result] = []
    for i in range(0, len(sources), CHUNK):
        chunk = [encode(s).hex() for s in sources[i:i + CHUNK]]
        data = regen.run_job({"syntax": chunk})["syntax"]
        assert isinstance(data, list)
        out.extend(data)
    return out


class PyvmCompiler:
    """pyvm's compiler, in this process: the runtime made once, warnings ignored."""

    def __init__(self) -> None:
        if str(ROOT) not in sys.path:
            sys.path.insert(0, str(ROOT))
        from pyvm.eval import pythonrun
        from pyvm.modules._warningsmodule import _PyWarnings_ProcessOptions
        from pyvm.modules.sysmodule import _PySys_AddWarnOptionWithError

        pythonrun._init_runtime(["<fuzz>"])
        _PySys_AddWarnOptionWithError("ignore")
        _PyWarnings_ProcessOptions(["ignore"])

    def result(self, src: str) -> Result:
        from pyvm.compile.compile import Py_CompileString
        from pyvm.objects.exceptions import PySyntaxErrorObject
        from pyvm.objects.object import Py_DECREF, PyErr, PyObject, PyObject_Str, _PyErr_Clear

        def value(o: Optional[PyObject]) -> object:
            if o is None:
                return None
            return getattr(o, "value", getattr(o, "ob_ival", o))

        try:
            co = Py_CompileString(encode(src), "<fuzz>", "exec")
        except PyErr as err:
            exc = err.normalize()
            try:
                if isinstance(exc, PySyntaxErrorObject):
                    return [exc.ob_type.tp_name, value(exc.msg), value(exc.lineno),
                            value(exc.offset), value(exc.end_lineno), value(exc.end_offset)]
                s = PyObject_Str(exc)
                r: list[object] = [exc.ob_type.tp_name, value(s)]
                Py_DECREF(s)
                return r
            finally:
                _PyErr_Clear(err)
        except RecursionError:
            return ["pyvm crash", "host RecursionError"]
        except Exception as e:  # noqa: BLE001 -- a crash of pyvm's compiler is a finding
            return ["pyvm crash", f"{type(e).__name__}: {e}"]
        Py_DECREF(co)
        return None


def compare(sources: list[str], expected: list[Result],
            compiler: Optional[PyvmCompiler] = None) -> tuple[list[tuple[str, Result, Result]], dict[str, int]]:
    """The mismatches (source, oracle, pyvm) and the counts."""
    comp = compiler or PyvmCompiler()
    mismatches: list[tuple[str, Result, Result]] = []
    counts = {"sources": len(sources), "accepted": 0, "rejected": 0, "mismatches": 0}
    for src, exp in zip(sources, expected):
        got = comp.result(src)
        if exp is None:
            counts["accepted"] += 1
        else:
            counts["rejected"] += 1
        if got != exp:
            counts["mismatches"] += 1
            mismatches.append((src, exp, got))
    return mismatches, counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--show", type=int, default=20, help="mismatches to print (default 20)")
    ap.add_argument("--json", help="write the mismatches to this file")
    args = ap.parse_args()
    t0 = time.monotonic()
    sources = generate(args.seed, args.count)
    expected = oracle_results(sources)
    t1 = time.monotonic()
    mismatches, counts = compare(sources, expected)
    t2 = time.monotonic()
    print(f"bad_source: seed {args.seed}, {counts['sources']} sources: "
          f"{counts['accepted']} accepted and {counts['rejected']} rejected by CPython; "
          f"{counts['mismatches']} mismatches (oracle {t1 - t0:.1f} s, pyvm {t2 - t1:.1f} s)")
    for src, exp, got in mismatches[:args.show]:
        print(f"--- source: {src!r}\n    oracle: {exp}\n    pyvm:   {got}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump([{"source": s, "oracle": e, "pyvm": g} for s, e, g in mismatches], f,
                      indent=1, ensure_ascii=False)
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
