#!/usr/bin/env python3
"""Differential fuzzing of pyvm's marshal reader (pyvm/compile/marshal.py)
against CPython 3.14's (Python/marshal.c, run by the oracle).

    python3 tools/fuzz/marshal_fuzz.py                    # 10000 blobs, seed 0
    python3 tools/fuzz/marshal_fuzz.py --count 2000 --seed 7
    python3 tools/fuzz/marshal_fuzz.py --show 123         # one blob, full dumps
    python3 tools/fuzz/marshal_fuzz.py --record           # add the mismatches to
                                                          # tests/marshal_fuzz_oracle.json

pyvm: this is tooling, run by the host python3; it imports pyvm from this
checkout and is not part of the package.

Where the oracle raises MemoryError or an OverflowError about a size and pyvm
another error, the blob is not counted: the oracle is a 32-bit build that
allocates what a size field asks for before reading the items, and a 64-bit
CPython then fails as pyvm does.

The blobs are CPython 3.14's ``marshal.dumps(compile(...))`` of a few test
files (tests/compile_expected/_marshal_cpython.json, written by the oracle),
each mutated by one to three seeded edits: a byte set to a random value or to a
marshal type code, a bit flipped, a 32-bit field overwritten with a boundary
value, a byte inserted or deleted, the data truncated. The same seed gives the
same blobs. Each blob is loaded by pyvm in this process and by CPython in ONE
oracle process for the whole batch (tools/oracle/oracle_driver.py's
``marshal_fuzz_result``); both describe the outcome the same way:
``"Type: message"`` of the exception, or ``"ok"`` and the canonical dump
(pyvm/compile/codedump.py) of ``marshal.dumps`` of the loaded object, so that a
re-dump that differs (e.g. inline caches not zeroed) is a mismatch too.

With ``--record`` the mismatching blobs (the first ``--record-max``) join the
regression data of tests/test_marshal_fuzz.py: their hex and CPython's full
result, asked of the oracle again (never typed by hand).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools" / "oracle"))

import regen  # noqa: E402  (tools/oracle/regen.py)

from pyvm.compile.codedump import dump_marshalled  # noqa: E402
from pyvm.compile.marshal import (PyMarshal_ReadObjectFromString,  # noqa: E402
                                  PyMarshal_WriteObjectToString)
from pyvm.objects.codeobject import PyCodeObject, _PyCode_Quicken  # noqa: E402
from pyvm.objects.dictobject import PyDict_Next, PyDictObject  # noqa: E402
from pyvm.objects.listobject import PyListObject  # noqa: E402
from pyvm.objects.object import (Py_DECREF, PyErr, PyObject,  # noqa: E402
                                 PyObject_Str)
from pyvm.objects.setobject import PySetObject, _PySet_Items  # noqa: E402
from pyvm.objects.sliceobject import PySliceObject  # noqa: E402
from pyvm.objects.tupleobject import PyTupleObject  # noqa: E402
from pyvm.objects.unicodeobject import PyUnicodeObject  # noqa: E402

MARSHAL_DATA = ROOT / "tests" / "compile_expected" / "_marshal_cpython.json"
REGRESSIONS = ROOT / "tests" / "marshal_fuzz_oracle.json"

# The files whose CPython marshal data are mutated: small, and between them
# every constant kind the compiler emits (ints, floats, complex, bytes, str,
# tuples, frozensets, slices, nested code, kw-only/positional-only counts).
SEED_FILES = (
    "tests/programs/tb_notes_odd.py",
    "tests/programs/const_literals.py",
    "tests/compile_programs/loops.py",
    "tests/compile_programs/fstrings.py",
    "tests/compile_programs/lambdas.py",
    "tests/compile_programs/scopes.py",
)

# Bytes worth planting: every type code, with and without FLAG_REF.
TYPE_CODES = b"0NFT.SEifglyxzcrsu)([]<>{}tAaZz:"
INTERESTING_LONGS = (0, 1, 2, -1, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0x7FFFFFFF,
                     -0x80000000, 0x10000, 1000)

UNDUMPABLE_OPCODES = (255, 254, 238)  # see oracle_driver._UNDUMPABLE_OPCODES


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to three seeded edits of ``data``."""
    b = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        if not b:
            b.append(rng.randrange(256))
            continue
        op = rng.randrange(8)
        i = rng.randrange(len(b))
        if op == 0:
            b[i] = rng.randrange(256)
        elif op == 1:
            c = TYPE_CODES[rng.randrange(len(TYPE_CODES))]
            b[i] = c | (0x80 if rng.random() < 0.5 else 0)
        elif op == 2:
            b[i] ^= 1 << rng.randrange(8)
        elif op == 3:
            v = INTERESTING_LONGS[rng.randrange(len(INTERESTING_LONGS))]
            b[i:i + 4] = (v & 0xFFFFFFFF).to_bytes(4, "little")
        elif op == 4:
            b.insert(i, rng.randrange(256))
        elif op == 5:
            del b[i]
        elif op == 6:
            del b[i:]
        else:
            b[i] = rng.choice((0, 0xFF, 0x7F, 0x80, 1))
    return bytes(b)


def make_blobs(seed: int, count: int) -> list[bytes]:
    data = json.loads(MARSHAL_DATA.read_text(encoding="utf-8"))
    seeds = [bytes.fromhex(data[f]) for f in SEED_FILES]
    rng = random.Random(seed)
    return [mutate(seeds[rng.randrange(len(seeds))], rng) for _ in range(count)]


def _code_objects(obj: PyObject) -> list[PyCodeObject]:
    """Every pyvm code object reachable from ``obj`` (as oracle_driver's walk)."""
    seen: set[int] = set()
    stack = [obj]
    found: list[PyCodeObject] = []
    while stack:
        o = stack.pop()
        if id(o) in seen:
            continue
        seen.add(id(o))
        if isinstance(o, PyCodeObject):
            found.append(o)
            stack.extend(o.co_consts_items)
        elif isinstance(o, (PyTupleObject, PyListObject)):
            stack.extend(o.ob_item)
        elif isinstance(o, PySetObject):
            stack.extend(_PySet_Items(o))
        elif isinstance(o, PyDictObject):
            pos = 0
            while True:
                nxt = PyDict_Next(o, pos)
                if nxt is None:
                    break
                pos, k, v = nxt
                stack.extend((k, v))
        elif isinstance(o, PySliceObject):
            stack.extend((o.start, o.stop, o.step))
    return found


def exception_text(e: PyErr) -> str:
    """``Type: message`` as ``f"{type(e).__name__}: {e}"`` gives it."""
    v = e.normalize()
    s = PyObject_Str(v)
    assert isinstance(s, PyUnicodeObject)
    text = f"{v.ob_type.tp_name.rsplit('.', 1)[-1]}: {s.value}"
    Py_DECREF(s)
    return text


def pyvm_result(data: bytes, full: bool) -> str:
    """pyvm's counterpart of oracle_driver.marshal_fuzz_result."""
    try:
        obj = PyMarshal_ReadObjectFromString(data)
    except PyErr as e:
        return exception_text(e)
    try:
        for co in _code_objects(obj):
            # The oracle looks at the code as C executes it: quickened.
            units = bytearray()
            for u in co.co_code_adaptive:
                units += bytes((u & 0xFF, u >> 8))
            _PyCode_Quicken(units)
            if any(units[i] in UNDUMPABLE_OPCODES for i in range(0, len(units), 2)):
                return ("ok (not re-dumped: a code object holds an opcode it "
                        "cannot de-optimise)")
        try:
            back = PyMarshal_WriteObjectToString(obj, 5)
        except PyErr as e:
            return f"ok (dumps fails: {exception_text(e)})"
    finally:
        Py_DECREF(obj)
    try:
        dump = dump_marshalled(back)
    except Exception as e:  # noqa: BLE001 -- reported as the oracle reports it
        return f"ok (the dump fails: {type(e).__name__}: {e})"
    if full:
        return "ok\n" + dump
    return "ok " + hashlib.sha256(dump.encode("utf-8")).hexdigest()[:20]


ORACLE_CRASHED: str = "(the oracle crashed or hung)"
# Seconds an oracle process may take beyond 20 ms a blob (loading pyodide takes
# a few); bad data can also make CPython loop.
ORACLE_TIMEOUT: float = 30.0
CHUNK: int = 2500


def _oracle_chunk(blobs: list[bytes], full: bool) -> list[str]:
    """CPython's results for ``blobs`` from one oracle process; when that
    process dies or hangs (bad data can crash CPython: a half-built tuple
    hashed, a code object's caches written past its end), the chunk is split
    in two and retried, down to the one blob that crashes it."""
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            result = regen.run_job({"marshal_fuzz": {"hexes": [b.hex() for b in blobs],
                                                     "full": full}},
                                   timeout=ORACLE_TIMEOUT + 0.02 * len(blobs))
    except SystemExit:
        if len(blobs) == 1:
            return [ORACLE_CRASHED]
        half = len(blobs) // 2
        return _oracle_chunk(blobs[:half], full) + _oracle_chunk(blobs[half:], full)
    out: list[str] = result["marshal_fuzz"]  # type: ignore[assignment]
    return out


def oracle_results(blobs: list[bytes], full: bool) -> list[str]:
    """CPython's results for ``blobs``, one oracle process per chunk."""
    regen.ensure_node_modules()
    out: list[str] = []
    for start in range(0, len(blobs), CHUNK):
        out += _oracle_chunk(blobs[start:start + CHUNK], full)
    return out


# What the oracle, a 32-bit build, raises where it cannot allocate what a size
# field asks for before reading the items (C allocates first): a 64-bit
# CPython goes on reading and fails as pyvm does (EOFError, bad data).
PLATFORM_ERRORS = ("MemoryError", "OverflowError: byte string is too large",
                   "OverflowError: too many digits in integer")


def kind(result: str) -> str:
    """A mismatch class: "ok", or the exception type and the start of its
    message (without the quoted text, numbers and positions that vary)."""
    if result.startswith("ok"):
        return "ok" if result.startswith(("ok ", "ok\n")) else result
    return re.sub(r"'.*|\d+", "#", result)[:70]


def load_regressions() -> dict[str, str]:
    if not REGRESSIONS.exists():
        return {}
    data: dict[str, str] = json.loads(REGRESSIONS.read_text(encoding="utf-8"))
    return data


def save_regressions(data: dict[str, str]) -> None:
    REGRESSIONS.write_text(json.dumps(dict(sorted(data.items())), indent=1,
                                      ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--show", type=int, action="append", default=[],
                    help="print blob N of the batch with both full results")
    ap.add_argument("--record", action="store_true",
                    help="add mismatching blobs to tests/marshal_fuzz_oracle.json")
    ap.add_argument("--record-max", type=int, default=40)
    ap.add_argument("--record-index", type=int, action="append", default=[],
                    help="record blob N of the batch (whether it matches or not)")
    ap.add_argument("--record-hex", action="append", default=[],
                    help="record this blob (hex), e.g. one written to test a case")
    ap.add_argument("--record-kinds", type=int, default=0,
                    help="record up to N blobs of each kind of CPython result")
    ap.add_argument("--examples", type=int, default=2,
                    help="examples shown per mismatch class")
    args = ap.parse_args(argv)
    blobs = make_blobs(args.seed, args.count)
    if args.record_index or args.record_hex:
        record([blobs[i] for i in args.record_index]
               + [bytes.fromhex(h) for h in args.record_hex])
        return 0
    if args.show:
        chosen = [blobs[i] for i in args.show]
        theirs = oracle_results(chosen, True)
        for i, b, t in zip(args.show, chosen, theirs):
            mine = pyvm_result(b, True)
            print(f"=== blob {i} ({len(b)} bytes): {b.hex()}")
            print("--- pyvm:\n" + mine)
            print("--- CPython:\n" + t)
            print("SAME" if mine == t else "DIFFERENT")
        return 0
    mine = [pyvm_result(b, False) for b in blobs]
    theirs = oracle_results(blobs, False)
    classes: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[int]] = {}
    bad: list[int] = []
    platform = 0
    crashed = [i for i, t in enumerate(theirs) if t == ORACLE_CRASHED]
    for i, (m, t) in enumerate(zip(mine, theirs)):
        if m == t or t == ORACLE_CRASHED:
            continue
        if t.startswith(PLATFORM_ERRORS) and not m.startswith("ok"):
            platform += 1
            continue
        bad.append(i)
        key = (kind(m), kind(t)) if kind(m) != kind(t) else ("ok, other dump", "ok")
        classes[key] += 1
        examples.setdefault(key, []).append(i)
    print(f"{len(blobs)} blobs (seed {args.seed}): {len(bad)} mismatches, "
          f"{sum(1 for t in theirs if t.startswith('ok'))} accepted by CPython, "
          f"{platform} where the 32-bit oracle cannot allocate (ignored)")
    if crashed:
        print(f"the oracle crashed on blob(s) {crashed} (not compared)")
    for key, n in classes.most_common():
        shown = ", ".join(str(i) for i in examples[key][:args.examples])
        print(f"{n:6d}  pyvm {key[0]!r:.90}\n        CPython {key[1]!r:.90}  (e.g. {shown})")
    if args.record and bad:
        picked: list[bytes] = []
        for key in classes:
            picked += [blobs[i] for i in examples[key][:3]]
        record(picked[:args.record_max])
    if args.record_kinds:
        by_kind: dict[str, list[bytes]] = {}
        for b, t in zip(blobs, theirs):
            if t == ORACLE_CRASHED or t.startswith(PLATFORM_ERRORS):
                continue
            by_kind.setdefault(kind(t), []).append(b)
        record([b for k in sorted(by_kind) for b in by_kind[k][:args.record_kinds]])
    return 1 if bad else 0


def record(blobs: list[bytes]) -> None:
    """Add ``blobs`` with CPython's full results to the regression data."""
    full = oracle_results(blobs, True)
    data = load_regressions()
    n = 0
    for b, t in zip(blobs, full):
        if t != ORACLE_CRASHED and not t.startswith(PLATFORM_ERRORS):
            data[b.hex()] = t
            n += 1
    save_regressions(data)
    print(f"recorded {n} blobs in {REGRESSIONS.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
