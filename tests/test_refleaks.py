"""Reference-leak check: every differential program releases what it allocated.

What is measured
----------------
pyvm's debug mode (``PYVM_DEBUG_REFS=1``, as the whole suite runs) keeps two
counters, as a debug build of CPython does: ``ref_total`` (the references held
to mortal objects, ``sys.gettotalrefcount()``) and ``blocks`` (mortal objects
allocated and not yet deallocated). Immortal objects (None, small ints,
interned strings, static types, and every class: pyvm keeps heap types
immortal for now) are in neither counter.

The programs run in-process in one host process per worker (two workers, one
per core), through pyvm's own API, the way ``pyvm FILE`` runs them
(``pythonrun._compile``, ``_make_main``, ``run_mod``), with a teardown that is
pyvm's finalization of ``__main__`` (``_PyRun_FinalizeMain``: the module
leaves ``sys.modules`` and its globals are cleared as ``_PyModule_ClearDict``
does). ``sys`` and ``builtins`` stay, as they are shared by the programs.

Each program runs twice in the same process, CPython's ``regrtest -R`` idea:
the first run fills the caches that legitimately outlive a program (the
descriptors pyvm creates lazily in a static type's dict on first use, strings
interned at run time, which become immortal and so never count, the free
lists, whose objects count as deallocated: their count was decremented in
``_Py_Dealloc`` and goes up again when ``_Py_NewReference`` reuses them;
pyvm has no method cache holding references). The second run is measured:
``ref_total`` and ``blocks`` are read just before its compilation and again
after its teardown. When both are unchanged the program passes.

When they are not, the residue is explained object by object (a host-level
walk over every live pyvm object, ``gc.get_objects()``):

* **leaked references**: a live mortal object whose ``ob_refcnt`` exceeds the
  number of host references to it (every pyvm reference is a host reference,
  so a count that no holder explains is a missing ``Py_DECREF``). This is
  checked over the new objects and the old ones whose count grew during the
  run, so it also catches a leak on a long-lived object (a module, the
  builtins dict) and blames the run that made it. A holder storing a
  borrowed pointer can hide a leak, never invent one;
* **kept by a class**: new objects reachable from an object that became
  immortal during the run (a class statement's type and its dict, mro,
  methods, code): pyvm never frees classes yet;
* **cyclic garbage**: new objects whose counts are all explained by
  references from other new objects and that nothing outside holds (a
  recursive closure, a frame and its traceback): what a cycle collector would
  free; pyvm has none yet, so they are allowed;
* **retained**: anything else, new objects held from outside the run
  (``sys``, ``builtins``, a static type): a leak as far as this check goes.

A program passes when nothing is leaked or retained, and the blocks counter
agrees with the new live objects it found (``blocks`` delta = number of new
live mortal objects). ``EXPECTED_LEAKS`` lists the programs that cannot pass
yet, with the reason.

The planted-leak and double-DECREF tests check that the measurement sees a
leak and that the debug mode fails loudly.
"""

from __future__ import annotations

import contextlib
import gc
import io
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = ROOT / "tests" / "programs"

# Programs measured on a single run (no warm-up run) because one run is slow
# in-process; their caches are warmed by the programs run before them.
SINGLE_RUN = {"loop_heavy"}

# name -> reason: programs whose leak is known and not fixed yet. Not strict: the
# programs of one worker share the interpreter, so a leak can show in a
# neighbour's run; a listed program that passes is reported as XPASS.
EXPECTED_LEAKS: dict[str, str] = {}


def _pending() -> set[str]:
    names = set()
    for line in (ROOT / "tests" / "programs_pending.txt").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            names.add(line)
    return names


def program_names() -> list[str]:
    pending = _pending()
    return sorted(p.stem for p in PROGRAMS.glob("*.py") if p.stem not in pending)


# ---------------------------------------------------------------------------
# The worker (runs in a host process started with PYVM_DEBUG_REFS=1)


def _worker_setup() -> Any:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    assert os.environ.get("PYVM_DEBUG_REFS") == "1"
    # The host's cycle collector stays off: pyvm's cyclic garbage is host
    # cyclic garbage too, and collecting it would drop the host references
    # that explain the counts of the objects it points at.
    gc.disable()
    from pyvm.eval import pythonrun
    import pyvm.eval.ceval  # noqa: F401  (installs the eval loop)
    return pythonrun


def _run_once(pythonrun: Any, path: str, src: str) -> None:
    """Compile and run ``src`` as ``__main__`` the way ``pyvm FILE`` does, then
    finalize ``__main__``; output is discarded."""
    from pyvm.modules.bltinmodule import _PyBuiltin_Init
    from pyvm.objects.object import Py_DECREF
    builtins = _PyBuiltin_Init()  # made by _init_runtime, before the run
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        co = pythonrun._compile(src, path)
        if co is not None:
            d = pythonrun._make_main(builtins, path)
            pythonrun.run_mod(co, d)
            Py_DECREF(co)
        pythonrun._PyRun_FinalizeMain()


def _pyvm_refs(o: Any, PyObject: type) -> list[Any]:
    """The pyvm objects ``o``'s host fields point at, through host containers
    and pyvm's non-object helper classes (not through other pyvm objects)."""
    out = []
    stack = list(gc.get_referents(o))
    seen: set[int] = set()
    while stack:
        x = stack.pop()
        if isinstance(x, PyObject):
            out.append(x)
            continue
        if id(x) in seen or isinstance(x, type):
            continue
        tp = type(x)
        if tp in (list, tuple, dict, set, frozenset) or (tp.__module__ or "").startswith("pyvm."):
            seen.add(id(x))
            stack.extend(gc.get_referents(x))
    return out


def measure(path: str, src: str, warm: bool = True, record: bool = False) -> dict[str, Any]:
    """Run ``src`` (twice when ``warm``) and explain what the measured run left.

    With ``record``, every object the measured run allocates is also kept in a
    host list, so that an object whose every holder is gone but whose count
    was never released (a leak the host heap no longer shows) is found and
    named; this costs memory, so it is only the second look at a program
    whose counters did not balance."""
    pythonrun = _worker_setup()
    from pyvm.objects.object import _Py_IMMORTAL_REFCNT as IMM, PyObject, _debug
    pythonrun._init_runtime([path])
    if warm:
        _run_once(pythonrun, path, src)
    pythonrun._init_runtime([path])  # sys.argv, set outside the measured run
    before = [o for o in gc.get_objects() if isinstance(o, PyObject)]
    live_before = {id(o): o.ob_refcnt for o in before if 0 < o.ob_refcnt < IMM}
    registry: list[Any] = []
    real_init = PyObject.__init__
    if record:
        def recording_init(self: Any, tp: Any) -> None:
            real_init(self, tp)
            registry.append(self)
        PyObject.__init__ = recording_init  # type: ignore[method-assign]
    r0, b0 = _debug.ref_total, _debug.blocks
    try:
        _run_once(pythonrun, path, src)
    finally:
        PyObject.__init__ = real_init  # type: ignore[method-assign]
    r1, b1 = _debug.ref_total, _debug.blocks
    res: dict[str, Any] = {"refs": r1 - r0, "blocks": b1 - b0}
    if r1 == r0 and b1 == b0:
        res.update(leaked=[], retained={}, kept=0, cyclic=0, new=0, unaccounted_refs=0)
        return res
    allnow = [o for o in gc.get_objects() if isinstance(o, PyObject)]
    old_ids = {id(o) for o in before}
    reg_ids = {id(o) for o in registry}
    new = [o for o in allnow if id(o) not in live_before and 0 < o.ob_refcnt]
    newm = [o for o in new if o.ob_refcnt < IMM]
    newimm = [o for o in new if o.ob_refcnt >= IMM]
    newm_ids = {id(o) for o in newm}
    # The refs delta must be what the live objects hold: new objects' counts
    # plus the change of old objects' counts (a freed old object counts 0).
    now = {id(o): o.ob_refcnt for o in allnow}
    explained = sum(o.ob_refcnt for o in newm)
    for i, c0 in live_before.items():
        c = now.get(i, 0)
        explained += (c if 0 < c < IMM else 0) - c0
    res["unaccounted_refs"] = res["refs"] - explained
    # Leaked references: counts no host holder explains. The host references
    # this function itself holds: allnow, the loop variable, getrefcount's
    # argument, and ``before`` / ``new`` + ``newm`` / ``registry`` lists.
    leaked = []
    probe = [object()]
    for o in probe:
        # What the loop variable and getrefcount's argument add (the host
        # version decides whether a loaded local is a counted reference).
        loop_overhead = sys.getrefcount(o) - 1
    # A freed object that the host still holds (a free list, ``registry``)
    # keeps its stale fields: they are not references.
    stale: Counter[int] = Counter()
    for o in allnow:
        if o.ob_refcnt <= 0:
            for y in _pyvm_refs(o, PyObject):
                stale[id(y)] += 1
    for o in allnow:
        c = o.ob_refcnt
        if not 0 < c < IMM:
            continue
        own = stale[id(o)] + 1 + loop_overhead + (1 if id(o) in old_ids else 0) + (2 if id(o) in newm_ids else 0)
        own += 1 if id(o) in reg_ids else 0
        if id(o) not in newm_ids and c <= live_before.get(id(o), c):
            # An old object whose count did not grow during this run: a leak
            # it shows was made (and reported) by an earlier run.
            continue
        held = sys.getrefcount(o) - own
        if c > held:
            leaked.append(f"{o!r}: {c - held} unexplained")
    byid = {id(o): o for o in newm}
    kept: set[int] = set()
    stack = list(newimm)
    while stack:
        x = stack.pop()
        for y in _pyvm_refs(x, PyObject):
            if id(y) in byid and id(y) not in kept:
                kept.add(id(y))
                stack.append(y)
    internal: Counter[int] = Counter()
    for o in new:
        for y in _pyvm_refs(o, PyObject):
            if id(y) in byid:
                internal[id(y)] += 1
    rest = [o for o in newm if id(o) not in kept]
    held_out = [o for o in rest if o.ob_refcnt - internal[id(o)] > 0]
    reach = {id(o) for o in held_out}
    stack = list(held_out)
    while stack:
        x = stack.pop()
        for y in _pyvm_refs(x, PyObject):
            if id(y) in byid and id(y) not in kept and id(y) not in reach:
                reach.add(id(y))
                stack.append(y)
    retained = [o for o in rest if id(o) in reach]
    res.update(leaked=leaked[:20], new=len(newm), kept=len(kept),
               cyclic=len(rest) - len(retained),
               retained=dict(Counter(o.ob_type.tp_name for o in retained)),
               retained_roots=[repr(o) for o in held_out[:10]])
    return res


def verdict(res: dict[str, Any]) -> Optional[str]:
    """None when the measured run released everything (see the docstring)."""
    if "error" in res:
        return f"host error: {res['error']}"
    problems = []
    if res["leaked"]:
        problems.append("leaked references: " + "; ".join(res["leaked"]))
    if res["retained"]:
        problems.append(f"retained after teardown: {res['retained']} "
                        f"(held from outside: {res.get('retained_roots')})")
    if res["blocks"] != res["new"] or res["unaccounted_refs"]:
        problems.append(f"{res['blocks'] - res['new']} blocks and {res['unaccounted_refs']} "
                        "refs not held by any live object (leaked, then dropped by every "
                        "holder)")
    return "; ".join(problems) or None


def worker_main(names: list[str]) -> None:
    for name in names:
        path = f"tests/programs/{name}.py"
        try:
            from_bytes = (ROOT / path).read_bytes()
            _worker_setup()
            from pyvm.eval.traceback import _decode_source
            src = _decode_source(from_bytes)
            res = measure(path, src, warm=name not in SINGLE_RUN)
            if verdict(res) is not None and not res["leaked"]:
                # A second look that keeps every allocated object visible.
                res = measure(path, src, warm=False, record=True)
        except BaseException as e:  # a fatal error of the debug mode, say
            res = {"error": f"{type(e).__name__}: {e}"}
        print(json.dumps({"name": name, **res}), flush=True)


def planted_main(kind: str) -> None:
    """Run a tiny program under a deliberately broken pyvm helper."""
    _worker_setup()
    from pyvm.objects import funcobject
    from pyvm.objects.object import Py_DECREF, PyObject
    real: Callable[[PyObject], None] = funcobject.func_dealloc

    if kind == "leak":
        def broken(op: PyObject) -> None:
            # func_dealloc without its Py_DECREF(op.func_code).
            assert isinstance(op, funcobject.PyFunctionObject)
            Py_DECREF_orig = funcobject.Py_DECREF
            code = op.func_code
            funcobject.Py_DECREF = lambda o: None if o is code else Py_DECREF_orig(o)
            try:
                real(op)
            finally:
                funcobject.Py_DECREF = Py_DECREF_orig
    else:
        def broken(op: PyObject) -> None:
            # func_dealloc with one Py_DECREF(op.func_code) too many.
            assert isinstance(op, funcobject.PyFunctionObject)
            Py_DECREF(op.func_code)
            real(op)
    src = "def f(x):\n    return x + 1\nfor i in range(3):\n    g = lambda: f(i)\n    g()\n"
    path = f"<planted {kind}>"
    funcobject.PyFunction_Type.tp_dealloc = broken
    try:
        res = measure(path, src)
        if verdict(res) is not None and not res["leaked"]:
            res = measure(path, src, warm=False, record=True)
    except BaseException as e:
        res = {"error": f"{type(e).__name__}: {e}"}
    finally:
        funcobject.PyFunction_Type.tp_dealloc = real
    print(json.dumps(res), flush=True)


# ---------------------------------------------------------------------------
# The tests

if __name__ != "__main__":
    import pytest

    def _spawn(args: list[str]) -> subprocess.Popen[str]:
        env = dict(os.environ, PYVM_DEBUG_REFS="1", PYTHONHASHSEED="0")
        env.pop("PYVM_INTERPRETED", None)
        return subprocess.Popen([sys.executable, __file__, *args], cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    @pytest.fixture(scope="module")
    def results() -> dict[str, dict[str, Any]]:
        names = program_names()
        slow = [n for n in names if n in SINGLE_RUN]
        rest = [n for n in names if n not in SINGLE_RUN]
        # Two workers (two cores): the slow programs and the rest, the
        # cheap half of the rest going with the slow ones' worker.
        groups = [slow + rest[: len(rest) // 4], rest[len(rest) // 4:]]
        procs = [_spawn(["--worker", *g]) for g in groups if g]
        out: dict[str, dict[str, Any]] = {}
        for p in procs:
            stdout, stderr = p.communicate(timeout=600)
            for line in stdout.splitlines():
                if line.startswith("{"):
                    d = json.loads(line)
                    out[d.pop("name")] = d
            if p.returncode != 0:
                out.setdefault("<worker>", {"error": stderr[-2000:]})
        return out

    @pytest.mark.parametrize("name", [
        pytest.param(n, marks=pytest.mark.xfail(reason=EXPECTED_LEAKS[n], strict=False))
        if n in EXPECTED_LEAKS else n
        for n in program_names()
    ])
    def test_program_releases_everything(results: dict[str, dict[str, Any]], name: str) -> None:
        assert "<worker>" not in results, results["<worker>"]
        res = results.get(name)
        assert res is not None, f"{name}: no result from the worker"
        problem = verdict(res)
        assert problem is None, f"{name}: {problem} [{res}]"

    def _planted(kind: str) -> dict[str, Any]:
        p = _spawn(["--planted", kind])
        stdout, stderr = p.communicate(timeout=120)
        lines = [ln for ln in stdout.splitlines() if ln.startswith("{")]
        assert lines, stderr
        return json.loads(lines[-1])

    def test_planted_leak_is_reported() -> None:
        res = _planted("leak")
        assert res["refs"] > 0, res
        problem = verdict(res)
        assert problem is not None and "leaked references" in problem, res
        assert any("pyvm code f" in entry or "<lambda>" in entry for entry in res["leaked"]), res

    def test_planted_double_decref_is_fatal() -> None:
        res = _planted("double")
        err = res.get("error", "")
        assert err.startswith("PyFatalError: Fatal Python error:"), res
        assert "code object" in err, res

    def test_negative_refcount_and_use_after_free_are_fatal() -> None:
        from pyvm.objects.listobject import PyList_New
        from pyvm.objects.object import (
            Py_DECREF, Py_INCREF, PyFatalError, PyObject_Repr, _debug, _PyRefDebug_Enable,
        )
        was = _debug.enabled
        _PyRefDebug_Enable(True)
        try:
            lst = PyList_New(0)
            Py_DECREF(lst)
            with pytest.raises(PyFatalError, match="negative ref count.*freed list object"):
                Py_DECREF(lst)
            # Every path into a freed object is fatal (its type's slots all are).
            from pyvm.objects.longobject import PyLong_FromLong
            from pyvm.objects.object import (
                Py_EQ, PyObject_GetAttr, PyObject_Hash, PyObject_IsTrue, PyObject_RichCompare,
            )
            from pyvm.objects.unicodeobject import PyUnicode_FromString
            one = PyLong_FromLong(1)
            uses = [
                ("repr", lambda: PyObject_Repr(lst)),
                ("hash", lambda: PyObject_Hash(lst)),
                ("compare", lambda: PyObject_RichCompare(lst, one, Py_EQ)),
                ("getattr", lambda: PyObject_GetAttr(lst, PyUnicode_FromString("append"))),
                ("bool", lambda: PyObject_IsTrue(lst)),
            ]
            for what, use in uses:
                with pytest.raises(PyFatalError, match="use of a freed list object"):
                    use()
            Py_INCREF(lst)  # an INCREF of a freed object is caught by the next DECREF
        finally:
            _PyRefDebug_Enable(was)

    def _cli(*args: str, debug: bool) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ)
        env.pop("PYVM_INTERPRETED", None)
        env["PYVM_DEBUG_REFS"] = "1" if debug else "0"
        return subprocess.run([sys.executable, "-m", "pyvm", *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)

    def test_showrefcount_prints_totals_at_exit() -> None:
        import re
        code = "import sys\nprint(hasattr(sys, 'gettotalrefcount'))\nx = [[1], (2, 3)]\n"
        p = _cli("-X", "showrefcount", "-c", code, debug=True)
        assert p.stdout == "True\n"
        assert re.fullmatch(r"\[-?\d+ refs, -?\d+ blocks\]\n", p.stderr), p.stderr
        # The same run through -X refdebug instead of the environment variable.
        p = _cli("-X", "refdebug", "-X", "showrefcount", "-c", code, debug=False)
        assert p.stdout == "True\n" and re.fullmatch(r"\[-?\d+ refs, -?\d+ blocks\]\n", p.stderr)
        # Only when asked, and only in the debug mode (a release build has
        # neither the line nor sys.gettotalrefcount).
        assert _cli("-c", code, debug=True).stderr == ""
        p = _cli("-X", "showrefcount", "-c", code, debug=False)
        assert p.stdout == "False\n" and p.stderr == ""

    def test_gettotalrefcount_counts_references() -> None:
        code = ("import sys\nbefore = sys.gettotalrefcount()\nx = [[], []]\n"
                "after = sys.gettotalrefcount()\ndel x\n"
                "print(after - before > 0, sys.gettotalrefcount() - after < 0)\n")
        p = _cli("-c", code, debug=True)
        assert p.stdout == "True True\n", p.stderr


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        worker_main(sys.argv[2:])
    elif sys.argv[1:2] == ["--planted"]:
        planted_main(sys.argv[2])
