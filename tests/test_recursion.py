"""C-level recursion bounded by pyvm's C stack model (issue #10 items 2, 3, 8).

CPython 3.14 bounds C recursion (repr, comparison, calls from built-ins back
into Python, the compiler's passes) by the machine stack
(``_Py_CheckRecursiveCall``: "Stack overflow (used N kB)" plus where it
happened), and ``tuple_hash`` has no guard at all: a 25,000-deep tuple hashes.
pyvm keeps a model of that stack (pyvm/pystate.py ``Py_C_STACK_SIZE``) and runs
in a host thread with a far larger stack (pyvm/launcher.py), so these programs
must end with the program's own RecursionError, never a host error (exit 70) or
a crash, in both builds and at any ``sys.setrecursionlimit``.

The oracle cannot check these cases: it is a wasm build whose small stack dies
("RangeError: Maximum call stack size exceeded") long before these depths, so
the expectations follow the C source (Python/ceval.c ``_Py_CheckRecursiveCall``,
Objects/object.c ``PyObject_Repr``/``do_richcompare``, Objects/tupleobject.c
``tuple_hash``); the shallow cases are in the differential programs
(tests/programs/parser_stack_limits.py). The kB figure depends on the stack,
so only the message's form is checked.

Ctrl-C during a long ``10 ** (10 ** 8)``: Objects/longobject.c checks signals
(``SIGCHECK``) in its multiplication and power loops, so the program's
KeyboardInterrupt arrives promptly.
"""

from __future__ import annotations

import re
import signal
import subprocess
import time

import pytest

from pyvm_runner import MODES, ROOT, mode_env, pyvm_argv, require_mode, run_pyvm

STACK_OVERFLOW = re.compile(r"^Stack overflow \(used \d+ kB\)(.*)$")

HELPERS = '''
import sys
def attempt(label, f):
    try:
        r = f()
    except (RecursionError, MemoryError) as e:
        print(label, type(e).__name__, str(e))
    else:
        print(label, "ok", r)
def deep_list(n):
    l = []
    for i in range(n):
        l = [l]
    return l
'''


def run(mode: str, body: str, timeout: float = 900) -> list[tuple[str, str, str]]:
    """Run HELPERS + body; every output line is ``label outcome detail``."""
    p = run_pyvm(mode, ["-c", HELPERS + body], timeout=timeout)
    assert p.returncode == 0, p.stderr[-3000:]
    assert p.stderr == ""
    rows = []
    for line in p.stdout.splitlines():
        label, outcome, detail = line.split(" ", 2)
        rows.append((label, outcome, detail))
    return rows


def overflow_where(detail: str) -> str:
    """The ``where`` of a "Stack overflow (used N kB)<where>" message."""
    m = STACK_OVERFLOW.match(detail)
    assert m is not None, detail
    return m.group(1)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("limit", [1000, 30000, 10**6])
def test_deep_containers(mode: str, limit: int) -> None:
    rows = run(mode, f'''
sys.setrecursionlimit({limit})
L = deep_list(50000)
attempt("repr-list", lambda: len(repr(L)))
A = deep_list(50000)
B = deep_list(50000)
attempt("eq-list", lambda: A == B)
D = {{}}
for i in range(50000):
    D = {{"k": D}}
attempt("repr-dict", lambda: len(repr(D)))
attempt("shallow", lambda: len(repr(deep_list(500))))
t = ()
for i in range(25000):
    t = (t,)
u = ()
for i in range(25000):
    u = (u,)
attempt("hash-25000", lambda: hash(t) == hash(u))
attempt("str-list", lambda: len(str(L)))
''')
    got = {label: (outcome, detail) for label, outcome, detail in rows}
    assert overflow_where(got["repr-list"][1]) == " while getting the repr of an object"
    assert got["repr-list"][0] == "RecursionError"
    assert overflow_where(got["eq-list"][1]) == " in comparison"
    assert overflow_where(got["repr-dict"][1]) == " while getting the repr of an object"
    shallow: list[object] = []
    for _ in range(500):
        shallow = [shallow]
    assert got["shallow"] == ("ok", str(len(repr(shallow))))
    assert got["hash-25000"] == ("ok", "True")
    assert got["str-list"][0] == "RecursionError"


@pytest.mark.parametrize("mode", MODES)
def test_deepest_tuple_hash(mode: str) -> None:
    # C would overflow its stack (crash) here; pyvm's guard raises instead.
    rows = run(mode, '''
t = ()
for i in range(200000):
    t = (t,)
attempt("hash", lambda: hash(t))
''')
    assert rows[0][1] == "RecursionError"
    assert overflow_where(rows[0][2]) == ""


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("limit", [1000, 30000, 10**6])
def test_python_through_builtins(mode: str, limit: int) -> None:
    rows = run(mode, f'''
sys.setrecursionlimit({limit})
class N:
    def __init__(self, c): self.c = c
    def __repr__(self): return "N(" + repr(self.c) + ")"
    def __eq__(self, o): return self.c == o.c
    def __hash__(self): return hash(self.c)
n = None
m = None
for i in range(50000):
    n = N(n)
    m = N(m)
attempt("repr-inst", lambda: len(repr(n)))
attempt("eq-inst", lambda: n == m)
attempt("hash-inst", lambda: hash(n) == hash(m))
def f(x):
    return sorted([x], key=f)
attempt("sorted-key", lambda: f(1))
def g(x):
    return list(map(g, [x]))
attempt("map", lambda: g(1))
def h(n):
    return h(n + 1)
if sys.getrecursionlimit() <= 30000:    # a million pyvm frames take a GB
    attempt("plain", lambda: h(0))
def e(n):
    return eval("e(n + 1)")
attempt("eval", lambda: e(0))
def small(n):
    return 0 if n == 0 else 1 + small(n - 1)
attempt("small", lambda: small(500))
''', timeout=1800)
    got = {label: (outcome, detail) for label, outcome, detail in rows}
    assert got["small"] == ("ok", "500")
    for label in ("repr-inst", "eq-inst", "hash-inst", "sorted-key", "map", "plain", "eval"):
        if label not in got:
            continue
        outcome, detail = got[label]
        if label == "eval" and outcome == "MemoryError":
            # The parser checks the stack with a margin of 16 KiB before the
            # soft limit (_Py_ReachedRecursionLimitWithMargin(tstate, 1)), so
            # eval() recursing through the stack may end in the parser, as in C.
            assert limit > 1000
            assert detail == "Parser stack overflowed - Python source too complex to parse"
            continue
        assert outcome == "RecursionError", (label, detail)
        if limit == 1000 or label == "plain":
            # The Python-level limit comes first (pure Python recursion never
            # takes C stack; at 1000 frames the C stack is far from full).
            assert detail.startswith("maximum recursion depth exceeded"), (label, detail)
        else:
            overflow_where(detail)


@pytest.mark.parametrize("mode", MODES)
def test_deep_sources(mode: str) -> None:
    rows = run(mode, '''
def attempt_compile(label, source):
    try:
        r = eval(source)
    except (RecursionError, MemoryError) as e:
        print(label, type(e).__name__, str(e))
    else:
        print(label, "ok", r)
attempt_compile("sum", "1+" * 100000 + "1")
attempt_compile("sum-20000", "1+" * 20000 + "1")
attempt_compile("not", "not " * 10000 + "x")
attempt_compile("minus", "-" * 100000 + "1")
''')
    got = {label: (outcome, detail) for label, outcome, detail in rows}
    assert got["sum"][0] == "RecursionError"
    assert overflow_where(got["sum"][1]) == " during compilation"
    assert got["sum-20000"] == ("ok", "20001")
    parser = "Parser stack overflowed - Python source too complex to parse"
    assert got["not"] == ("MemoryError", parser)
    assert got["minus"] == ("MemoryError", parser)


@pytest.mark.parametrize("mode", MODES)
def test_uncaught_recursion_error_exits_1(mode: str) -> None:
    p = run_pyvm(mode, ["-c", HELPERS + "print(len(repr(deep_list(50000))))"], timeout=900)
    assert p.returncode == 1
    last = p.stderr.splitlines()[-1]
    assert last.startswith("RecursionError: Stack overflow (used ")
    assert last.endswith(" kB) while getting the repr of an object")


@pytest.mark.parametrize("mode", MODES)
def test_ctrl_c_interrupts_a_long_power(mode: str) -> None:
    require_mode(mode)
    program = ("print('ready', flush=True)\ntry:\n    x = 10 ** (10 ** 8)\n"
               "except KeyboardInterrupt:\n    print('caught')\n")
    p = subprocess.Popen(pyvm_argv(["-c", program]), stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, env=mode_env(mode), cwd=ROOT,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        assert p.stdout is not None
        assert p.stdout.readline() == "ready\n"
        time.sleep(1.0)
        start = time.monotonic()
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=60)
        elapsed = time.monotonic() - start
    finally:
        p.kill()
    assert (p.returncode, out, err) == (0, "caught\n", "")
    assert elapsed < 10
