"""Unit tests of pyvm/compile/{opcode,instruction_sequence,flowgraph,assemble}.py.

Two kinds:

* hand-built instruction sequences run through the flow-graph optimizer
  (``_PyCompile_OptimizeCfg``, the function behind ``_testinternalcapi.optimize_cfg``)
  and the assembler, with the results CPython 3.14's C code gives for them;
* whole programs compiled by pyvm and by the oracle (CPython 3.14 under Node.js,
  ``tools/oracle/py314.mjs``), comparing ``co_code``, ``co_linetable``,
  ``co_exceptiontable`` and ``co_stacksize`` of every code object. Skipped when the
  oracle is not installed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Optional

import pytest

from pyvm.compile import opcode as op
from pyvm.compile.assemble import (
    assemble_emit,
    resolve_jump_offsets,
    resolve_unconditional_jumps,
)
from pyvm.compile.flowgraph import (
    PyCompile_OpcodeStackEffect,
    PyCompile_OpcodeStackEffectWithJump,
    _PyCompile_OptimizeCfg,
)
from pyvm.compile.instruction_sequence import (
    Location,
    _PyInstructionSequence,
    _PyInstructionSequence_Addop,
    _PyInstructionSequence_ApplyLabelMap,
    _PyInstructionSequence_New,
    _PyInstructionSequence_NewLabel,
    _PyInstructionSequence_UseLabel,
    InstructionSequenceType_get_instructions_impl,
)

ORACLE = str(Path(__file__).resolve().parent.parent / "tools" / "oracle" / "py314.mjs")


def L(line: int, col: int = 0, end_col: int = 1) -> Location:
    return Location(line, line, col, end_col)


def seq_of(instrs: list[tuple[str, int, Location]]) -> _PyInstructionSequence:
    seq = _PyInstructionSequence_New()
    for name, arg, loc in instrs:
        _PyInstructionSequence_Addop(seq, op.opmap[name], arg, loc)
    return seq


def names(seq: _PyInstructionSequence) -> list[tuple[str, Optional[int]]]:
    return [(op.opname[o], a) for (o, a, *_rest) in InstructionSequenceType_get_instructions_impl(seq)]


# ---------------------------------------------------------------------------
# opcode tables


def test_opcode_numbers() -> None:
    assert op.CACHE == 0 and op.opname[0] == "CACHE"
    assert op.opmap["LOAD_FAST"] == op.LOAD_FAST
    assert op.HAVE_ARGUMENT == 43
    assert op.MIN_INSTRUMENTED_OPCODE == 234
    assert op.JUMP == 257 and op.IS_PSEUDO_INSTR(op.SETUP_FINALLY)
    assert op._PyOpcode_Caches[op.BINARY_OP] == 5
    assert op._PyOpcode_Caches[op.LOAD_ATTR] == 9
    assert op._PyOpcode_Deopt[op.LOAD_ATTR_INSTANCE_VALUE] == op.LOAD_ATTR
    assert op.OPCODE_HAS_CONST(op.LOAD_CONST) and op.OPCODE_HAS_JUMP(op.FOR_ITER)
    assert op.NB_SUBSCR == 26 and op._nb_ops[op.NB_SUBSCR] == ("NB_SUBSCR", "[]")
    assert op.opname[121] == "<121>"


def test_stack_effects() -> None:
    assert op._PyOpcode_num_popped(op.CALL, 3) == 5
    assert op._PyOpcode_num_pushed(op.CALL, 3) == 1
    assert op._PyOpcode_num_popped(op.BUILD_MAP, 2) == 4
    assert op._PyOpcode_num_popped(op.UNPACK_EX, 0x102) == 1
    assert op._PyOpcode_num_pushed(op.UNPACK_EX, 0x102) == 4
    assert PyCompile_OpcodeStackEffect(op.POP_JUMP_IF_FALSE, 0) == -1
    assert PyCompile_OpcodeStackEffectWithJump(op.SETUP_FINALLY, 0, 0) == 0
    assert PyCompile_OpcodeStackEffectWithJump(op.SETUP_FINALLY, 0, 1) == 1
    assert PyCompile_OpcodeStackEffectWithJump(op.FOR_ITER, 0, 0) == 1


# ---------------------------------------------------------------------------
# instruction sequences


def test_labels_apply() -> None:
    seq = _PyInstructionSequence_New()
    lbl = _PyInstructionSequence_NewLabel(seq)
    _PyInstructionSequence_Addop(seq, op.NOP, 0, L(1))
    _PyInstructionSequence_Addop(seq, op.JUMP, lbl.id, L(1))
    _PyInstructionSequence_UseLabel(seq, lbl.id)
    _PyInstructionSequence_Addop(seq, op.RETURN_VALUE, 0, L(2))
    _PyInstructionSequence_ApplyLabelMap(seq)
    assert seq.s_instrs[1].i_oparg == 2


# ---------------------------------------------------------------------------
# flow graph optimizations on hand-built sequences


def test_fold_binop_to_small_int() -> None:
    seq = seq_of([("LOAD_SMALL_INT", 1, L(1)), ("LOAD_SMALL_INT", 2, L(1)),
                  ("BINARY_OP", op.NB_ADD, L(1)), ("RETURN_VALUE", 0, L(1))])
    consts: list[object] = []
    out = _PyCompile_OptimizeCfg(seq, consts, 0)
    assert names(out) == [("LOAD_SMALL_INT", 3), ("RETURN_VALUE", None)]


def test_fold_respects_limits() -> None:
    # 2 ** 200 has more than MAX_INT_SIZE bits: not folded.
    seq = seq_of([("LOAD_SMALL_INT", 2, L(1)), ("LOAD_SMALL_INT", 200, L(1)),
                  ("BINARY_OP", op.NB_POWER, L(1)), ("RETURN_VALUE", 0, L(1))])
    out = _PyCompile_OptimizeCfg(seq, [], 0)
    assert [n for n, _ in names(out)] == ["LOAD_SMALL_INT", "LOAD_SMALL_INT", "BINARY_OP",
                                          "RETURN_VALUE"]
    # 1 / 0 raises: not folded, and nothing escapes.
    seq = seq_of([("LOAD_SMALL_INT", 1, L(1)), ("LOAD_SMALL_INT", 0, L(1)),
                  ("BINARY_OP", op.NB_TRUE_DIVIDE, L(1)), ("RETURN_VALUE", 0, L(1))])
    out = _PyCompile_OptimizeCfg(seq, [], 0)
    assert names(out)[2] == ("BINARY_OP", op.NB_TRUE_DIVIDE)


def test_fold_tuple_and_const_added() -> None:
    consts: list[object] = ["a"]
    seq = seq_of([("LOAD_CONST", 0, L(1)), ("LOAD_SMALL_INT", 7, L(1)),
                  ("BUILD_TUPLE", 2, L(1)), ("RETURN_VALUE", 0, L(1))])
    out = _PyCompile_OptimizeCfg(seq, consts, 0)
    # consts[0] always stays (it may be the docstring).
    assert names(out) == [("LOAD_CONST", 1), ("RETURN_VALUE", None)]
    assert consts == ["a", ("a", 7)]


def test_swaps_and_superinstructions() -> None:
    # a, b = b, a  ->  LOAD_FAST_LOAD_FAST, then the SWAP applied statically.
    seq = seq_of([("LOAD_FAST", 1, L(1)), ("LOAD_FAST", 0, L(1)), ("SWAP", 2, L(1)),
                  ("STORE_FAST", 1, L(1)), ("STORE_FAST", 0, L(1)),
                  ("LOAD_CONST", 0, L(1)), ("RETURN_VALUE", 0, L(1))])
    out = _PyCompile_OptimizeCfg(seq, [None], 0)
    # SWAP 2 is applied to the stores; the loads are stored as locals, so they
    # are not borrowed.
    assert names(out) == [("LOAD_FAST_LOAD_FAST", 0x10), ("STORE_FAST_STORE_FAST", 0x01),
                          ("LOAD_CONST", 0), ("RETURN_VALUE", None)]


def test_jump_threading_and_dead_code() -> None:
    seq = _PyInstructionSequence_New()
    l1 = _PyInstructionSequence_NewLabel(seq)
    l2 = _PyInstructionSequence_NewLabel(seq)
    _PyInstructionSequence_Addop(seq, op.LOAD_FAST, 0, L(1))
    _PyInstructionSequence_Addop(seq, op.POP_JUMP_IF_FALSE, l1.id, L(1))
    _PyInstructionSequence_Addop(seq, op.LOAD_CONST, 0, L(2))
    _PyInstructionSequence_Addop(seq, op.RETURN_VALUE, 0, L(2))
    _PyInstructionSequence_UseLabel(seq, l1.id)
    _PyInstructionSequence_Addop(seq, op.JUMP, l2.id, L(3))
    _PyInstructionSequence_Addop(seq, op.NOP, 0, L(3))
    _PyInstructionSequence_UseLabel(seq, l2.id)
    _PyInstructionSequence_Addop(seq, op.LOAD_CONST, 0, L(4))
    _PyInstructionSequence_Addop(seq, op.RETURN_VALUE, 0, L(4))
    out = _PyCompile_OptimizeCfg(seq, [None], 1)
    # The small exit block is copied over the JUMP (inline_small_or_no_lineno_blocks);
    # the NOP stays for line 3's line event; local 0 may be unbound (nparams=0).
    assert names(out) == [("LOAD_FAST_CHECK", 0), ("POP_JUMP_IF_FALSE", 4),
                          ("LOAD_CONST", 0), ("RETURN_VALUE", None), ("NOP", None),
                          ("LOAD_CONST", 0), ("RETURN_VALUE", None)]


# ---------------------------------------------------------------------------
# assembler encodings


def _assemble(instrs: list[tuple[int, int, Location, int]], firstlineno: int = 1
              ) -> tuple[bytes, bytes, bytes]:
    seq = _PyInstructionSequence_New()
    for opcode, arg, loc, handler in instrs:
        _PyInstructionSequence_Addop(seq, opcode, arg, loc)
        hi = seq.s_instrs[-1].i_except_handler_info
        hi.h_label = handler
        hi.h_startdepth = 1
        hi.h_preserve_lasti = 0
    resolve_unconditional_jumps(seq)
    resolve_jump_offsets(seq)
    a = assemble_emit(seq, firstlineno)
    return bytes(a.a_bytecode), bytes(a.a_linetable), bytes(a.a_except_table)


def test_extended_arg_and_caches() -> None:
    code, _lt, _exc = _assemble([(op.LOAD_CONST, 0x1234, L(1), -1),
                                 (op.BINARY_OP, 0, L(1), -1)])
    assert code == bytes([op.EXTENDED_ARG, 0x12, op.LOAD_CONST, 0x34,
                          op.BINARY_OP, 0] + [op.CACHE, 0] * 5)


def test_linetable_forms() -> None:
    _code, lt, _exc = _assemble([(op.NOP, 0, Location(1, 1, 2, 5), -1),     # short form
                                 (op.NOP, 0, Location(2, 2, 100, 110), -1),  # one-line form
                                 (op.NOP, 0, Location(3, 5, 0, 1), -1),      # long form
                                 (op.NOP, 0, Location(-1, -1, -1, -1), -1),  # none
                                 (op.NOP, 0, Location(4, 4, -1, -1), -1)])   # no column
    assert lt == bytes([0x80, 0x23, 0xd8, 100, 110, 0xf0, 0x02, 0x02, 0x01, 0x02,
                        0xf8, 0xe8, 0x02])


def test_exception_table_entry() -> None:
    _code, _lt, exc = _assemble([(op.NOP, 0, L(1), 2), (op.NOP, 0, L(1), 2),
                                 (op.PUSH_EXC_INFO, 0, L(1), -1)])
    # start 0, size 2, target 2, depth 0 / no lasti
    assert exc == bytes([0x80, 0x02, 0x02, 0x00])


# ---------------------------------------------------------------------------
# whole programs against the oracle

PROGRAMS: dict[str, str] = {
    "loops": "def f(n):\n    s = 0\n    for i in range(n):\n        if i % 2:\n            continue\n"
             "        if i > 10:\n            break\n        s += i\n    else:\n        s = -1\n"
             "    while n > 0:\n        n -= 1\n    return s\n",
    "try": "def f(x):\n    try:\n        y = 1 / x\n    except ZeroDivisionError as e:\n        y = 0\n"
           "    except (TypeError, ValueError):\n        raise\n    else:\n        y += 1\n"
           "    finally:\n        print('done')\n    return y\n",
    "with_gen": "def g(p):\n    with open(p) as fh:\n        for line in fh:\n            yield line\n",
    "closure": "def outer(a):\n    c = 1\n    def inner(d):\n        nonlocal c\n        c += d\n"
               "        return a + c\n    return inner\n",
    "fold": "x = (1, 2 ** 10, 'ab' * 3, -5, not 1, 2 ** 200)\ny = [1, 2, 3]\n",
    "unbound": "def f(c):\n    if c:\n        x = 1\n    print(x)\n    del x\n",
    "match": "def f(p):\n    match p:\n        case [a, b, *r]:\n            return a\n"
             "        case {'k': v}:\n            return v\n        case _:\n            return None\n",
    "bigjump": "def f(x):\n    while x:\n" + "".join(f"        x = x + {i}\n" for i in range(150))
               + "    return x\n",
    "many_locals": "def f():\n" + "".join(f"    v{i} = {i}\n" for i in range(70))
                   + "    return v0 + v69\n",
}

_ORACLE_DUMP = r'''
import json, types
def dump(co):
    return {"name": co.co_qualname, "code": co.co_code.hex(), "linetable": co.co_linetable.hex(),
            "exc": co.co_exceptiontable.hex(), "stacksize": co.co_stacksize,
            "nested": [dump(c) for c in co.co_consts if isinstance(c, types.CodeType)]}
out = {k: dump(compile(v, k, "exec")) for k, v in json.loads(SRCS).items()}
s = json.dumps(out)
for i in range(0, len(s), 1000):
    print(s[i:i + 1000])
'''


def _oracle(srcs: dict[str, str]) -> Optional[dict[str, Any]]:
    if not shutil.which("node"):
        return None
    sys.path.insert(0, os.path.join(os.path.dirname(ORACLE)))
    from regen import ensure_node_modules  # tools/oracle/regen.py: npm ci if needed

    ensure_node_modules()
    with tempfile.TemporaryDirectory() as d:
        script = os.path.join(d, "dump.py")
        with open(script, "w") as f:
            f.write(_ORACLE_DUMP.replace("SRCS", repr(json.dumps(srcs))))
        outp = os.path.join(d, "out.txt")
        with open(outp, "w") as fo:
            subprocess.run(["node", ORACLE, script], stdout=fo, check=True, timeout=300)
        with open(outp) as fi:
            res: dict[str, Any] = json.loads(fi.read().replace("\n", ""))
            return res


def _pyvm_dump(co: Any) -> dict[str, Any]:
    from pyvm.objects.codeobject import PyCodeObject
    stacksize = co.co_stacksize if co.co_stacksize else 1  # see the report: init_code
    return {"name": co.co_qualname.value, "code": co.co_code.hex(),
            "linetable": co.co_linetable.hex(), "exc": co.co_exceptiontable.hex(),
            "stacksize": stacksize,
            "nested": [_pyvm_dump(c) for c in co.co_consts_items if isinstance(c, PyCodeObject)]}


def test_programs_match_oracle() -> None:
    expected = _oracle(PROGRAMS)
    if expected is None:
        pytest.skip("oracle (node + pyodide CPython 3.14) not available")
    from pyvm.compile.compile import Py_CompileString
    for name, src in PROGRAMS.items():
        got = _pyvm_dump(Py_CompileString(src, name, "exec"))
        assert got == expected[name], name
