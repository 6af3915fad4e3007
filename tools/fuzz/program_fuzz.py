#!/usr/bin/env python3
"""Differential fuzzing of pyvm's compiler and interpreter with generated programs,
against CPython 3.14 (the oracle).

    python3 tools/fuzz/program_fuzz.py                      # 1000 programs, seed 0
    python3 tools/fuzz/program_fuzz.py --count 10000 --seed 3 --jobs 2
    python3 tools/fuzz/program_fuzz.py --show 17            # one program's source

pyvm: this is tooling, run by the host python3; it imports pyvm as the host
finds it (an installed build first, else this checkout) for the code objects,
and runs the ``pyvm`` command it finds (the installed one, else ``python3 -m
pyvm`` from this checkout) on the programs.

A seeded grammar-based generator (:class:`Gen`) writes small, terminating,
deterministic programs: assignments and augmented assignments over ints,
floats, strings, lists, tuples and dicts; ``if``/``for``/``while`` with
bounded counts, ``break``/``continue``/``else``; ``try``/``except``/``else``/
``finally`` and ``raise``; functions with defaults, ``*args``, keyword-only
and ``**kw`` parameters, closures with ``nonlocal``, generators, lambdas;
classes with methods, properties, ``__eq__``/``__repr__`` and inheritance;
``with`` over a context-manager class; ``match`` with literal, sequence,
mapping, class and guard patterns; comprehensions, f-strings, slicing,
walrus, unpacking, ``del``, ``assert``, ``global``. Outputs never depend on
hash order or addresses. The same seed gives the same programs.

Two comparisons per program, over chunks of ``--chunk`` programs:

* **code objects**: pyvm's ``Py_CompileString`` + marshal, in this process,
  against the oracle's ``marshal.dumps(compile(...))``, both through
  pyvm/compile/codedump.py's canonical dump (the oracle gets the whole chunk in
  one process: ``oracle_driver.fuzz_dump_all``);
* **output**: one driver program per chunk that runs every program with
  ``exec(compile(src, "<fuzzN>", "exec"), {...})`` and prints a marker, the
  program's output and its uncaught exception (type and message), run by
  ``pyvm`` and by the oracle (``oracle_driver.fuzz_run``, which runs it as
  ``python driver.py`` would); the outputs are compared program by program.

The exit status is 0 when nothing differs. A mismatch is printed with the
program's number; ``--show N`` prints its source (make it a regression test:
a differential program under tests/programs/).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent.parent
# An installed pyvm (the compiled build) compiles in process when there is one;
# this checkout's sources are the fallback.
sys.path.append(str(ROOT))
sys.path.insert(0, str(ROOT / "tools" / "oracle"))

import regen  # noqa: E402  (tools/oracle/regen.py)

NAMES = ("a", "b", "c", "d", "e")
# Ints a 32-bit build (the oracle) and a 64-bit one treat alike: an index or
# repeat count either fits in 31 bits or fits in neither (10**20); nothing big
# enough to make a sequence repeat exhaust memory.
SMALL = (0, 1, 2, 3, 5, 7, -1, -4, 10, 255, 1000, -5000, 10**20)
STRINGS = ("''", "'x'", "'ab'", "'hello'", "'A-b_c'", "'é'", "'\\n'", "'  pad '", "'3'")


class Gen:
    """pyvm: the program generator: one seeded ``random.Random``; ``program()``
    returns a source text. Depth and sizes are bounded so every program ends."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.lines: list[str] = []
        self.funcs: list[tuple[str, int]] = []   # (name, positional parameters)
        self.classes: list[str] = []
        self.loop_depth = 0
        self.fn_depth = 0
        self.counter = 0

    # -- expressions ------------------------------------------------------------

    def fresh(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    def atom(self) -> str:
        r = self.r
        k = r.randrange(12)
        if k < 4:
            return r.choice(NAMES)
        if k < 6:
            return str(r.choice(SMALL))
        if k == 6:
            return r.choice(STRINGS)
        if k == 7:
            return r.choice(("1.5", "0.1", "-2.25", "1e10", "3.0"))
        if k == 8:
            return r.choice(("True", "False", "None"))
        if k == 9:
            return "[" + ", ".join(str(r.choice(SMALL)) for _ in range(r.randrange(4))) + "]"
        if k == 10:
            return "(" + "".join(f"{r.choice(SMALL)}, " for _ in range(r.randrange(3))) + ")"
        return "{" + ", ".join(f"{r.choice(STRINGS)}: {r.choice(SMALL)}"
                               for _ in range(r.randrange(3))) + "}"

    def expr(self, depth: int = 0) -> str:
        r = self.r
        if depth > 2 or r.random() < 0.3:
            return self.atom()
        k = r.randrange(17)
        x = lambda: self.expr(depth + 1)  # noqa: E731
        if k < 3:
            op = r.choice(("+", "-", "*", "==", "!=", "<", "<=", ">", "is", "is not", "and",
                           "or", "&", "|", "^", "in", "not in"))
            return f"({x()} {op} {x()})"
        if k == 3:
            return f"({x()} {r.choice(('//', '%'))} {r.choice((2, 3, 7, -5))})"
        if k == 4:
            return f"({x()} {r.choice(('<<', '>>', '**'))} {r.randrange(4)})"
        if k == 5:
            return f"({r.choice(('-', '+', 'not ', '~'))}{x()})"
        if k == 6:
            return f"({x()} if {x()} else {x()})"
        if k == 7:
            f = r.choice(("len", "abs", "str", "repr", "bool", "sorted", "list", "tuple",
                          "min", "max", "sum", "int", "type"))
            if f in ("min", "max"):
                return f"{f}({x()}, {x()})"
            if f == "type":
                return f"type({x()}).__name__"
            return f"{f}({x()})"
        if k == 8:
            v = self.fresh("i")
            cond = f" if {v} % 2" if r.random() < 0.5 else ""
            kind = r.randrange(4)
            src = f"range({r.randrange(5)})"
            if kind == 0:
                return f"[{v} * 2 for {v} in {src}{cond}]"
            if kind == 1:
                return f"sorted({{{v} % 3 for {v} in {src}}})"
            if kind == 2:
                return f"{{{v}: {x()} for {v} in {src}{cond}}}"
            return f"sum({v} for {v} in {src}{cond})"
        if k == 9:
            # A space after each "{": "{{" would be an escaped brace.
            return f"f'{{ {x()}!r:>{r.randrange(8)}}}-{{ {x()}}}'"
        if k == 10:
            return f"{x()}[{r.choice(('0', '-1', '1:', ':2', '::-1', '1:3'))}]"
        if k == 11 and self.funcs:
            name, n = r.choice(self.funcs)
            return f"{name}({', '.join(x() for _ in range(n))})"
        if k == 12:
            v = self.fresh("p")
            return f"(lambda {v}, q=2: {v} * q)({x()})"
        if k == 13 and self.classes:
            return f"{r.choice(self.classes)}({x()})"
        if k == 14:
            return f"({self.fresh('w')} := {x()})"
        if k == 15:
            return f"str({x()}).{r.choice(('upper()', 'strip()', 'split()', 'title()'))}"
        return f"[{x()}, {x()}]"

    # -- statements -------------------------------------------------------------

    def emit(self, indent: int, text: str) -> None:
        self.lines.append("    " * indent + text)

    def block(self, indent: int, n: int) -> None:
        for _ in range(n):
            self.stmt(indent)
        self.emit(indent, "pass")

    def stmt(self, indent: int) -> None:
        r = self.r
        k = r.randrange(22 if indent < 3 else 8)
        target = r.choice(NAMES)
        if k < 3:
            self.emit(indent, f"{target} = {self.expr()}")
        elif k == 3:
            self.emit(indent, f"{target} {r.choice(('+=', '-=', '*=', '|=', '&='))} {self.expr()}")
        elif k < 6:
            self.emit(indent, f"print({self.expr()}, {self.expr()}, sep={r.choice(STRINGS)})")
        elif k == 6:
            seq = r.choice(("[1, 2, 3]", "(4, 5)", "'xyz'"))
            self.emit(indent, f"{target}, *{self.fresh('rest')} = {seq}")
        elif k == 7:
            self.emit(indent, f"assert {self.expr()}, {r.choice(STRINGS)}")
        elif k == 8:
            self.emit(indent, f"if {self.expr()}:")
            self.block(indent + 1, r.randrange(1, 3))
            if r.random() < 0.5:
                self.emit(indent, f"elif {self.expr()}:")
                self.block(indent + 1, 1)
            if r.random() < 0.5:
                self.emit(indent, "else:")
                self.block(indent + 1, 1)
        elif k == 9:
            v = self.fresh("i")
            seq = r.choice(("range(3)", "[1, 2]", "'ab'", "range(-2, 2)"))
            self.emit(indent, f"for {v} in {seq}:")
            self.loop_depth += 1
            self.block(indent + 1, r.randrange(1, 3))
            if r.random() < 0.4:
                self.emit(indent + 1, f"if {v} == 1: {r.choice(('break', 'continue'))}")
            self.loop_depth -= 1
            if r.random() < 0.3:
                self.emit(indent, "else:")
                self.emit(indent + 1, f"print('else', {v})")
        elif k == 10:
            n = self.fresh("n")
            self.emit(indent, f"{n} = 0")
            self.emit(indent, f"while {n} < {r.randrange(4)}:")
            self.emit(indent + 1, f"{n} += 1")
            self.loop_depth += 1
            self.block(indent + 1, r.randrange(1, 3))
            self.loop_depth -= 1
        elif k == 11:
            self.emit(indent, "try:")
            self.block(indent + 1, r.randrange(1, 3))
            if r.random() < 0.3:
                self.emit(indent + 1, f"raise {r.choice(('ValueError', 'KeyError', 'TypeError'))}({self.expr()})")
            exc = r.choice(("Exception", "(ValueError, TypeError)", "ArithmeticError",
                            "LookupError", "ValueError, TypeError"))
            if "," in exc and "(" not in exc:
                # PEP 758: no parentheses, so no "as".
                self.emit(indent, f"except {exc}:")
                self.emit(indent + 1, "print('caught')")
            else:
                err = self.fresh("err")
                self.emit(indent, f"except {exc} as {err}:")
                self.emit(indent + 1, f"print('caught', type({err}).__name__, {err})")
            if r.random() < 0.4:
                self.emit(indent, "else:")
                self.block(indent + 1, 1)
            if r.random() < 0.4:
                self.emit(indent, "finally:")
                self.emit(indent + 1, "print('finally')")
        elif k == 12 and self.fn_depth < 2:
            self.function(indent)
        elif k == 13 and indent == 0:
            self.klass(indent)
        elif k == 14:
            self.emit(indent, f"match {self.expr()}:")
            iv = self.fresh("iv")
            cases = [f"case {r.choice(SMALL)} | {r.choice(STRINGS)}:",
                     f"case [{self.fresh('x')}, *{self.fresh('ys')}]:",
                     f"case {{{r.choice(STRINGS)}: {self.fresh('v')}}}:",
                     f"case int({iv}) if {iv} > {r.choice(SMALL)}:",
                     f"case str() as {self.fresh('s')}:",
                     "case (1, 2) | [3, _]:",
                     "case None | True:"]
            for c in r.sample(cases, r.randrange(1, 4)):
                self.emit(indent + 1, c)
                self.emit(indent + 2, f"print('case', {r.choice(NAMES)})")
            self.emit(indent + 1, "case _:")
            self.emit(indent + 2, "print('default')")
        elif k == 15 and self.classes:
            self.emit(indent, f"with CM({self.expr()}) as {self.fresh('cm')}:")
            self.block(indent + 1, 1)
        elif k == 16:
            self.emit(indent, f"{target} = {self.expr()}")
            self.emit(indent, f"del {target}")
            self.emit(indent, f"{target} = {r.choice(SMALL)}")
        elif k == 17:
            g = self.fresh("gen")
            self.emit(indent, f"def {g}(k):")
            self.emit(indent + 1, "for j in range(k):")
            self.emit(indent + 2, f"yield j * {r.choice(SMALL)}")
            self.emit(indent + 1, "return 'done'")
            self.emit(indent, f"print(list({g}({r.randrange(4)})))")
        elif k == 18 and self.loop_depth:
            self.emit(indent, r.choice(("break", "continue")))
        else:
            self.emit(indent, f"print({self.expr()})")

    def function(self, indent: int) -> None:
        r = self.r
        name = self.fresh("f")
        n = r.randrange(3)
        params = [f"x{i}" for i in range(n)]
        extra = r.choice(("", ", *args", ", k=3", ", *, kw=1", ", **kw", ", y=(1, 2)"))
        sig = (", ".join(params) + extra).removeprefix(", ")
        self.emit(indent, f"def {name}({sig}):")
        self.fn_depth += 1
        saved = self.loop_depth
        self.loop_depth = 0
        if r.random() < 0.2:  # first: a global statement precedes every use
            self.emit(indent + 1, "global a")
            self.emit(indent + 1, "a = 'g'")
        if params:
            self.emit(indent + 1, f"{r.choice(NAMES)} = {params[0]}")
        if r.random() < 0.3:
            inner = self.fresh("g")
            self.emit(indent + 1, "cell = 0")
            self.emit(indent + 1, f"def {inner}():")
            self.emit(indent + 2, "nonlocal cell")
            self.emit(indent + 2, "cell += 1")
            self.emit(indent + 2, "return cell")
            self.emit(indent + 1, f"{inner}(); print('cell', {inner}())")
        self.block(indent + 1, r.randrange(1, 3))
        self.emit(indent + 1, f"return {self.expr()}")
        self.loop_depth = saved
        self.fn_depth -= 1
        self.funcs.append((name, n))
        self.emit(indent, f"print({name}({', '.join(self.expr() for _ in range(n))}))")

    def klass(self, indent: int) -> None:
        r = self.r
        name = self.fresh("C")
        base = f"({self.classes[-1]})" if self.classes and r.random() < 0.4 else ""
        self.emit(indent, f"class {name}{base}:")
        self.emit(indent + 1, f"tag = {r.choice(STRINGS)}")
        self.emit(indent + 1, "def __init__(self, v=0):")
        self.emit(indent + 2, "self.v = v")
        self.emit(indent + 1, "def __repr__(self):")
        self.emit(indent + 2, f"return f'{name}({{self.v!r}})'")
        self.emit(indent + 1, "def __eq__(self, other):")
        self.emit(indent + 2, "return type(other) is type(self) and other.v == self.v")
        self.emit(indent + 1, "@property")
        self.emit(indent + 1, "def twice(self):")
        self.emit(indent + 2, "return self.v * 2")
        self.emit(indent + 1, "def method(self, *a):")
        self.emit(indent + 2, f"return (self.tag, len(a), super().__class__.__name__)")
        self.classes.append(name)
        self.emit(indent, f"obj = {name}({self.expr()})")
        self.emit(indent, "print(obj, obj.twice, obj.method(1, 2), obj == obj)")

    def program(self) -> str:
        self.lines = [f"{n} = {self.r.choice(SMALL)}" for n in NAMES]
        self.lines += [
            "class CM:",
            "    def __init__(self, v): self.v = v",
            "    def __repr__(self): return 'CM(%r)' % (self.v,)",
            "    def __enter__(self): print('enter'); return self.v",
            "    def __exit__(self, t, e, tb):",
            "        print('exit', t.__name__ if t else None); return t is ValueError",
        ]
        self.classes = ["CM"]
        self.funcs = []
        for _ in range(self.r.randrange(4, 12)):
            self.stmt(0)
        return "\n".join(self.lines) + "\n"


def make_programs(seed: int, count: int) -> list[str]:
    """The programs of a round: program ``i`` comes from seed ``(seed, i)``."""
    return [Gen(seed * 1_000_003 + i).program() for i in range(count)]


# -- the two sides ------------------------------------------------------------------

DRIVER = '''\
SOURCES = {sources}
for i, src in enumerate(SOURCES):
    print("@@@", i)
    g = {{"__name__": "__main__", "__builtins__": __builtins__}}
    try:
        exec(compile(src, "<fuzz%d>" % i, "exec"), g)
    except Exception as e:
        print("!!!", type(e).__name__, e)
'''


def driver_source(sources: list[str]) -> str:
    return DRIVER.format(sources=json.dumps(sources))


def split_output(out: str, count: int) -> list[str]:
    """The driver's output cut at its markers: one text per program."""
    parts: list[list[str]] = [[] for _ in range(count)]
    cur = -1
    for line in out.splitlines():
        if line.startswith("@@@ "):
            cur = int(line[4:])
            continue
        if 0 <= cur < count:
            parts[cur].append(line)
    return ["\n".join(p) for p in parts]


def pyvm_command() -> list[str]:
    found = shutil.which("pyvm")
    return [found] if found else [sys.executable, "-m", "pyvm"]


def pyvm_run(driver: str, tmp: Path) -> tuple[str, str, int]:
    path = tmp / "driver.py"
    path.write_text(driver, encoding="utf-8")
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8",
               PYTHONPATH=str(ROOT))
    p = subprocess.run([*pyvm_command(), str(path)], capture_output=True, text=True,
                       env=env, timeout=1800, cwd=tmp)
    return p.stdout, p.stderr, p.returncode



def pyvm_dump(source: str) -> str:
    """pyvm's canonical code dump of ``source``, or ``error: Type: message``."""
    from pyvm.compile.codedump import dump_marshalled
    from pyvm.compile.compile import Py_CompileString
    from pyvm.compile.marshal import PyMarshal_WriteObjectToString
    from pyvm.objects.object import Py_DECREF, PyErr, _PyErr_Clear

    try:
        code = Py_CompileString(source, "<fuzz>", "exec")
    except PyErr as e:
        text = f"error: {e.exc_type.tp_name}"
        _PyErr_Clear(e)
        return text
    data = PyMarshal_WriteObjectToString(code, 5)
    Py_DECREF(code)
    return dump_marshalled(data)


def run_chunk(first: int, sources: list[str], tmp: Path) -> list[str]:
    """Compare one chunk; returns the mismatch descriptions."""
    driver = driver_source(sources)
    oracle = regen.run_job({"fuzz_dump": sources, "fuzz_run": driver}, timeout=1800)
    dumps = oracle["fuzz_dump"]
    assert isinstance(dumps, list)
    problems: list[str] = []
    for i, (src, theirs) in enumerate(zip(sources, dumps)):
        mine = pyvm_dump(src)
        if theirs.startswith("error:") != mine.startswith("error:") or (
                not mine.startswith("error:") and mine != theirs):
            problems.append(f"program {first + i}: code objects differ")
    run = oracle["fuzz_run"]
    assert isinstance(run, dict)
    out, err, status = pyvm_run(driver, tmp)
    if status != run["status"] or err != run["stderr"]:
        problems.append(f"programs {first}..{first + len(sources) - 1}: the driver's exit "
                        f"status or stderr differ (SyntaxWarnings included): pyvm {status}, "
                        f"CPython {run['status']}\n  pyvm:    {err[-500:]}\n"
                        f"  CPython: {str(run['stderr'])[-500:]}")
    theirs_out = split_output(str(run["stdout"]), len(sources))
    for i, (a, b) in enumerate(zip(split_output(out, len(sources)), theirs_out)):
        if a != b:
            problems.append(f"program {first + i}: output differs\n  pyvm:   "
                            + a[-300:].replace("\n", "\n          ")
                            + "\n  CPython: " + b[-300:].replace("\n", "\n          "))
    return problems


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--chunk", type=int, default=250)
    ap.add_argument("--show", type=int, help="print program N of the round and stop")
    args = ap.parse_args(argv)
    if args.show is not None:
        print(make_programs(args.seed, args.show + 1)[args.show], end="")
        return 0
    regen.ensure_node_modules()
    import pyvm.compile.compile  # noqa: F401  (pyvm's import order)
    from pyvm.modules._warningsmodule import _PyWarnings_IgnoreAll
    _PyWarnings_IgnoreAll()
    programs = make_programs(args.seed, args.count)
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for first in range(0, len(programs), args.chunk):
            problems += run_chunk(first, programs[first:first + args.chunk], Path(tmp))
            print(f"program_fuzz: {min(first + args.chunk, len(programs))}/{len(programs)} "
                  f"programs, {len(problems)} mismatches", file=sys.stderr)
    lines = sum(p.count("\n") for p in programs)
    print(f"program_fuzz: seed {args.seed}: {len(programs)} programs ({lines} lines), "
          f"{len(problems)} mismatches")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
