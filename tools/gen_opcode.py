"""Generate pyvm/compile/opcode.py from CPython 3.14's opcode headers.

pyvm: CPython generates its opcode tables from Python/bytecodes.c with
Tools/cases_generator; pyvm reads the *generated C headers* instead, so the
numbers, flags, cache sizes and stack effects are exactly those the 3.14
compiler and interpreter use. Inputs (under the CPython tree, default
/work/cpython):

* Include/opcode_ids.h                       -- opcode numbers, HAVE_ARGUMENT ...
* Include/internal/pycore_opcode_metadata.h  -- _PyOpcode_num_popped/_pushed,
  _PyOpcode_opcode_metadata (flags), _PyOpcode_OpName, _PyOpcode_Caches,
  _PyOpcode_Deopt, _PyOpcode_PseudoTargets
* Include/opcode.h                           -- NB_* (BINARY_OP opargs)
* Include/internal/pycore_opcode_utils.h     -- MAKE_FUNCTION_*, CONSTANT_*, RESUME_*
* Include/internal/pycore_intrinsics.h       -- INTRINSIC_*
* Include/ceval.h                            -- FVC_* / FVS_*
* Include/internal/pycore_ceval.h            -- SPECIAL_*
* Include/internal/pycore_code.h             -- COMPARISON_*

Usage: python3 tools/gen_opcode.py [CPYTHON_DIR] > pyvm/compile/opcode.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path


def read(root: Path, rel: str) -> str:
    return (root / rel).read_text()


DEFINE_RE = re.compile(r"^#define\s+([A-Za-z_][A-Za-z0-9_]*)\s+(\(?-?(?:0x[0-9A-Fa-f]+|\d+)\)?)\s*(?://.*|/\*.*)?$", re.M)


def int_defines(text: str) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for m in DEFINE_RE.finditer(text):
        out.append((m.group(1), int(m.group(2).strip("()"), 0)))
    return out


def c_expr_to_py(expr: str) -> str:
    # The generated switch only uses + - * & >> on oparg and literals; these
    # have the same meaning in Python for the opargs the compiler produces.
    e = expr.strip()
    assert re.fullmatch(r"[0-9a-fA-Fx opargOPARG+\-*&>()]+", e), e
    return e


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/cpython")
    ids_h = read(root, "Include/opcode_ids.h")
    meta_h = read(root, "Include/internal/pycore_opcode_metadata.h")

    ids = int_defines(ids_h)
    num: dict[str, int] = {}
    opcodes: list[tuple[str, int]] = []
    extra_ids: list[tuple[str, int]] = []
    for name, val in ids:
        if name in ("HAVE_ARGUMENT", "MIN_SPECIALIZED_OPCODE", "MIN_INSTRUMENTED_OPCODE"):
            extra_ids.append((name, val))
        else:
            opcodes.append((name, val))
            num[name] = val
    nops = max(v for _, v in opcodes) + 1

    def resolve(tok: str) -> int:
        tok = tok.strip()
        if tok in num:
            return num[tok]
        return int(tok, 0)

    # _PyOpcode_num_popped / _PyOpcode_num_pushed
    def parse_switch(fname: str) -> dict[int, str]:
        start = meta_h.index(f"int {fname}(int opcode, int oparg)  {{")
        end = meta_h.index("default:", start)
        body = meta_h[start:end]
        res: dict[int, str] = {}
        for m in re.finditer(r"case (\w+):\s*return ([^;]+);", body):
            res[resolve(m.group(1))] = c_expr_to_py(m.group(2))
        return res

    popped = parse_switch("_PyOpcode_num_popped")
    pushed = parse_switch("_PyOpcode_num_pushed")

    # metadata flags
    flag_names = [(m.group(1), int(m.group(2))) for m in re.finditer(r"#define (HAS_\w+_FLAG) \((\d+)\)", meta_h)]
    flag_val = dict(flag_names)
    start = meta_h.index("const struct opcode_metadata _PyOpcode_opcode_metadata[")
    end = meta_h.index("};", start)
    valid = [False] * nops
    flags = [0] * nops
    fmt = [0] * nops
    fmt_names = {m.group(1): int(m.group(2)) for m in re.finditer(r"(INSTR_FMT_\w+) = (\d+)", meta_h)}
    for m in re.finditer(r"\[(\w+)\] = \{ (\w+), ([\w-]+), ([^}]*)\}", meta_h[start:end]):
        op = resolve(m.group(1))
        valid[op] = m.group(2) == "true"
        f = m.group(3)
        fmt[op] = fmt_names[f] if f in fmt_names else int(f)
        bits = 0
        for tok in m.group(4).split("|"):
            tok = tok.strip()
            if tok and tok != "0":
                bits |= flag_val[tok]
        flags[op] = bits

    # opname
    start = meta_h.index("const char *_PyOpcode_OpName[")
    end = meta_h.index("};", start)
    opname = [f"<{i}>" for i in range(nops)]
    for m in re.finditer(r'\[(\w+)\] = "(\w+)"', meta_h[start:end]):
        opname[resolve(m.group(1))] = m.group(2)

    def table(cname: str, size: int) -> list[int]:
        start = meta_h.index(f"const uint8_t {cname}[{size}] = {{")
        end = meta_h.index("};", start)
        t = [0] * size
        for m in re.finditer(r"\[(\w+)\] = (\w+),", meta_h[start:end]):
            t[resolve(m.group(1))] = resolve(m.group(2))
        return t

    caches = table("_PyOpcode_Caches", 256)
    deopt = table("_PyOpcode_Deopt", 256)

    start = meta_h.index("const struct pseudo_targets _PyOpcode_PseudoTargets[")
    end = meta_h.index("};", start)
    pseudo: dict[int, tuple[int, list[int]]] = {}
    for m in re.finditer(r"\[(\w+)-256\] = \{ (\d+), \{ ([^}]*) \} \}", meta_h[start:end]):
        targets = [resolve(t) for t in m.group(3).split(",")]
        while targets and targets[-1] == 0:
            targets.pop()
        pseudo[resolve(m.group(1))] = (int(m.group(2)), targets)
    npseudo = max(pseudo) - 256 + 1

    pm = re.search(r"#define IS_PSEUDO_INSTR\(OP\)  \((.*?)0\)", meta_h, re.S)
    assert pm
    pseudo_ops = re.findall(r"\(\(OP\) == (\w+)\)", pm.group(1))

    # specialisation families, from the deopt table: an op whose deopt target
    # differs from itself is a specialised form of that target.
    specialized: dict[str, list[str]] = {}
    for op in range(256):
        if opname[op].startswith("<"):
            continue
        d = deopt[op]
        if d != op and d != 0:
            specialized.setdefault(opname[d], []).append(opname[op])

    w = sys.stdout.write
    w('"""Ports Include/opcode_ids.h, Include/internal/pycore_opcode_metadata.h,\n')
    w("Include/opcode.h, Include/internal/pycore_opcode_utils.h,\n")
    w("Include/internal/pycore_intrinsics.h and the oparg constants of Include/ceval.h,\n")
    w("Include/internal/pycore_ceval.h and Include/internal/pycore_code.h: CPython 3.14's\n")
    w("opcode tables.\n\n")
    w("GENERATED by tools/gen_opcode.py from the C headers above -- do not edit by hand;\n")
    w("change the generator and run it again.\n\n")
    w("CPython generates these headers from Python/bytecodes.c (Tools/cases_generator);\n")
    w("pyvm reads the generated headers, so every number here is the one CPython 3.14\n")
    w("compiles with. Opcodes below 256 are real instructions (those below\n")
    w("HAVE_ARGUMENT ignore their oparg); 256 and above are *pseudo-instructions* that\n")
    w("only exist inside the compiler (SETUP_FINALLY, JUMP, LOAD_CLOSURE ...) and are\n")
    w("replaced by real ones before assembly (see _PyOpcode_PseudoTargets).\n\n")
    w("Per-opcode properties (has an argument, names a constant, jumps ...) are the\n")
    w("flags of C's ``_PyOpcode_opcode_metadata``, tested with functions named as the\n")
    w("C macros (``OPCODE_HAS_ARG(op)``). The stack effects ``_PyOpcode_num_popped`` /\n")
    w("``_PyOpcode_num_pushed`` are the generated C switches, stored as a table of\n")
    w("constants plus a small set of oparg-dependent formulas.\n")
    w('"""\n\n')
    w("from __future__ import annotations\n\n")
    w("from typing import Final\n\n")
    w("# ---- Include/opcode_ids.h: instruction opcodes (real, specialised, instrumented, pseudo)\n")
    for name, val in opcodes:
        w(f"{name}: Final = {val}\n")
    w("\n")
    for name, val in extra_ids:
        w(f"{name}: Final = {val}\n")
    w(f"\n# pyvm: one past the largest opcode (the C tables' size, 267 in 3.14).\nNUM_OPCODES: Final = {nops}\n")

    # other headers' constants
    def emit_defines(rel: str, prefixes: tuple[str, ...], title: str) -> None:
        text = read(root, rel)
        w(f"\n# ---- {rel}: {title}\n")
        for name, val in int_defines(text):
            if name.startswith(prefixes):
                w(f"{name}: Final = {val}\n")

    emit_defines("Include/opcode.h", ("NB_",), "BINARY_OP opargs")
    emit_defines("Include/internal/pycore_opcode_utils.h",
                 ("MAX_REAL_OPCODE", "MAKE_FUNCTION_", "CONSTANT_", "NUM_COMMON_CONSTANTS", "RESUME_"),
                 "SET_FUNCTION_ATTRIBUTE flags, LOAD_COMMON_CONSTANT and RESUME opargs")
    emit_defines("Include/internal/pycore_intrinsics.h", ("INTRINSIC_", "MAX_INTRINSIC_"),
                 "CALL_INTRINSIC_1 / CALL_INTRINSIC_2 opargs")
    emit_defines("Include/ceval.h", ("FVC_", "FVS_"), "CONVERT_VALUE / FORMAT_* opargs")
    emit_defines("Include/internal/pycore_ceval.h", ("SPECIAL_",), "LOAD_SPECIAL opargs")
    emit_defines("Include/internal/pycore_code.h", ("COMPARISON_",), "COMPARE_OP oparg mask bits")
    w("COMPARISON_NOT_EQUALS: Final = COMPARISON_UNORDERED | COMPARISON_LESS_THAN | COMPARISON_GREATER_THAN\n")

    w("\n# ---- Include/internal/pycore_opcode_metadata.h: metadata flags\n")
    for name, val in flag_names:
        w(f"{name}: Final = {val}\n")
    w("\n# enum InstructionFormat\n")
    for name, val in sorted(fmt_names.items(), key=lambda kv: kv[1]):
        w(f"{name}: Final = {val}\n")

    def emit_list(name: str, typ: str, items: list[str], per_line: int) -> None:
        w(f"\n{name}: Final[{typ}] = [\n")
        for i in range(0, len(items), per_line):
            w("    " + ", ".join(items[i:i + per_line]) + ",\n")
        w("]\n")

    w("\n# _PyOpcode_opcode_metadata[op].valid_entry / .instr_format / .flags")
    emit_list("_PyOpcode_opcode_metadata_valid", "list[bool]", [str(v) for v in valid], 12)
    emit_list("_PyOpcode_opcode_metadata_format", "list[int]", [str(v) for v in fmt], 20)
    emit_list("_PyOpcode_opcode_metadata_flags", "list[int]", [str(v) for v in flags], 12)

    w("\n\ndef IS_VALID_OPCODE(op: int) -> bool:\n")
    w('    """pyvm: the macro IS_VALID_OPCODE of Include/internal/pycore_opcode_metadata.h."""\n')
    w(f"    return 0 <= op < {nops} and _PyOpcode_opcode_metadata_valid[op]\n")
    for name, _ in flag_names:
        short = name[len("HAS_"):-len("_FLAG")]
        w(f"\n\ndef OPCODE_HAS_{short}(op: int) -> bool:\n")
        w(f'    """pyvm: the macro OPCODE_HAS_{short} of Include/internal/pycore_opcode_metadata.h."""\n')
        w(f"    return (_PyOpcode_opcode_metadata_flags[op] & {name}) != 0\n")

    # stack effects
    def emit_effect(fname: str, effects: dict[int, str]) -> None:
        formulas: list[str] = []
        codes = [-1] * nops
        for op, e in effects.items():
            if re.fullmatch(r"\d+", e):
                codes[op] = int(e)
            else:
                if e not in formulas:
                    formulas.append(e)
                codes[op] = -2 - formulas.index(e)
        tname = fname + "_table"
        w("\n# pyvm: the constant results of the C switch; -1 is the switch's default\n")
        w("# (unknown opcode) and -2 - k means formula k of the function below.")
        emit_list(tname, "list[int]", [str(c) for c in codes], 20)
        w(f"\n\ndef {fname}(opcode: int, oparg: int) -> int:\n")
        w(f'    """pyvm: the generated function {fname} of\n')
        w("    Include/internal/pycore_opcode_metadata.h (a switch over opcode), stored as a\n")
        w('    table of constants plus the oparg-dependent formulas."""\n')
        w(f"    if opcode < 0 or opcode >= {nops}:\n        return -1\n")
        w(f"    k = {tname}[opcode]\n")
        w("    if k >= -1:\n        return k\n")
        for i, e in enumerate(formulas):
            w(f"    if k == {-2 - i}:\n        return {e}\n")
        w("    return -1\n")

    emit_effect("_PyOpcode_num_popped", popped)
    emit_effect("_PyOpcode_num_pushed", pushed)

    w("\n# _PyOpcode_OpName (index -> name; '<N>' where no opcode has the number N)")
    emit_list("opname", "list[str]", [repr(n) for n in opname], 4)
    w("\n# Lib/opcode.py's opmap: every opcode that is not a specialisation,\n")
    w("# including the instrumented and pseudo-instructions.\n")
    w("opmap: Final[dict[str, int]] = {\n")
    spec_names = {n for v in specialized.values() for n in v}
    for name, val in opcodes:
        if name not in spec_names:
            w(f"    {name!r}: {val},\n")
    w("}\n")
    w("\n# The specialised instructions (quickening), name -> number.\n")
    w("_specialized_opmap: Final[dict[str, int]] = {\n")
    for name, val in opcodes:
        if name in spec_names:
            w(f"    {name!r}: {val},\n")
    w("}\n")
    w("\n# pyvm: family -> its specialised forms, derived from _PyOpcode_Deopt.\n")
    w("_specializations: Final[dict[str, list[str]]] = {\n")
    for fam, members in specialized.items():
        w(f"    {fam!r}: {members!r},\n")
    w("}\n")

    w("\n# _PyOpcode_Caches: inline CACHE code units after each opcode")
    emit_list("_PyOpcode_Caches", "list[int]", [str(c) for c in caches], 20)
    w("\n# _PyOpcode_Deopt: the base (unspecialised) opcode of each opcode")
    emit_list("_PyOpcode_Deopt", "list[int]", [str(c) for c in deopt], 16)

    w("\n# _PyOpcode_PseudoTargets[op - 256] = (as_sequence, targets)\n")
    w("_PyOpcode_PseudoTargets: Final[list[tuple[int, list[int]]]] = [\n")
    for i in range(npseudo):
        seq, targets = pseudo.get(256 + i, (0, []))
        names = "[" + ", ".join(opname[t] for t in targets) + "]"
        w(f"    ({seq}, {names}),  # {opname[256 + i]}\n")
    w("]\n")

    w("\n\ndef IS_PSEUDO_INSTR(op: int) -> bool:\n")
    w('    """pyvm: the macro IS_PSEUDO_INSTR of Include/internal/pycore_opcode_metadata.h."""\n')
    w("    return (" + "\n            or ".join(f"op == {n}" for n in pseudo_ops) + ")\n")
    w(f"""

def is_pseudo_target(pseudo: int, target: int) -> bool:
    \"\"\"pyvm: the inline function is_pseudo_target of
    Include/internal/pycore_opcode_metadata.h.\"\"\"
    if pseudo < 256 or pseudo >= {nops}:
        return False
    return target in _PyOpcode_PseudoTargets[pseudo - 256][1]
""")
    sys.stdout.write(TAIL)


TAIL = """

# ---- Include/internal/pycore_opcode_utils.h: opcode classes (macros)


def IS_WITHIN_OPCODE_RANGE(opcode: int) -> bool:
    \"\"\"pyvm: the macro IS_WITHIN_OPCODE_RANGE of Include/internal/pycore_opcode_utils.h.\"\"\"
    return (0 <= opcode <= MAX_REAL_OPCODE) or IS_PSEUDO_INSTR(opcode)


def IS_BLOCK_PUSH_OPCODE(opcode: int) -> bool:
    \"\"\"pyvm: the macro IS_BLOCK_PUSH_OPCODE of Include/internal/pycore_opcode_utils.h.\"\"\"
    return opcode == SETUP_FINALLY or opcode == SETUP_WITH or opcode == SETUP_CLEANUP


def HAS_TARGET(opcode: int) -> bool:
    \"\"\"pyvm: the macro HAS_TARGET of Include/internal/pycore_opcode_utils.h.\"\"\"
    return OPCODE_HAS_JUMP(opcode) or IS_BLOCK_PUSH_OPCODE(opcode)


def IS_SCOPE_EXIT_OPCODE(opcode: int) -> bool:
    \"\"\"pyvm: the macro IS_SCOPE_EXIT_OPCODE of Include/internal/pycore_opcode_utils.h.\"\"\"
    return opcode == RETURN_VALUE or opcode == RAISE_VARARGS or opcode == RERAISE


def IS_TERMINATOR_OPCODE(opcode: int) -> bool:
    \"\"\"pyvm: the macro IS_TERMINATOR_OPCODE of Include/internal/pycore_opcode_utils.h:
    opcodes that must be last in their basic block.\"\"\"
    return OPCODE_HAS_JUMP(opcode) or IS_SCOPE_EXIT_OPCODE(opcode)


def IS_ASSEMBLER_OPCODE(opcode: int) -> bool:
    \"\"\"pyvm: the macro IS_ASSEMBLER_OPCODE of Include/internal/pycore_opcode_utils.h:
    opcodes only the assembler emits, never codegen.\"\"\"
    return opcode == JUMP_FORWARD or opcode == JUMP_BACKWARD or opcode == JUMP_BACKWARD_NO_INTERRUPT


def IS_BACKWARDS_JUMP_OPCODE(opcode: int) -> bool:
    \"\"\"pyvm: the macro IS_BACKWARDS_JUMP_OPCODE of Include/internal/pycore_opcode_utils.h.\"\"\"
    return opcode == JUMP_BACKWARD or opcode == JUMP_BACKWARD_NO_INTERRUPT


def IS_UNCONDITIONAL_JUMP_OPCODE(opcode: int) -> bool:
    \"\"\"pyvm: the macro IS_UNCONDITIONAL_JUMP_OPCODE of Include/internal/pycore_opcode_utils.h.\"\"\"
    return (opcode == JUMP or opcode == JUMP_NO_INTERRUPT or opcode == JUMP_FORWARD
            or opcode == JUMP_BACKWARD or opcode == JUMP_BACKWARD_NO_INTERRUPT)


def IS_CONDITIONAL_JUMP_OPCODE(opcode: int) -> bool:
    \"\"\"pyvm: the macro IS_CONDITIONAL_JUMP_OPCODE of Include/internal/pycore_opcode_utils.h.\"\"\"
    return (opcode == POP_JUMP_IF_FALSE or opcode == POP_JUMP_IF_TRUE
            or opcode == POP_JUMP_IF_NONE or opcode == POP_JUMP_IF_NOT_NONE)


def IS_RETURN_OPCODE(opcode: int) -> bool:
    \"\"\"pyvm: the macro IS_RETURN_OPCODE of Include/internal/pycore_opcode_utils.h.\"\"\"
    return opcode == RETURN_VALUE


def IS_RAISE_OPCODE(opcode: int) -> bool:
    \"\"\"pyvm: the macro IS_RAISE_OPCODE of Include/internal/pycore_opcode_utils.h.\"\"\"
    return opcode == RAISE_VARARGS or opcode == RERAISE


def COMPARISON_BIT(x: float, y: float) -> int:
    \"\"\"pyvm: the macro COMPARISON_BIT of Include/internal/pycore_code.h.\"\"\"
    return 1 << (2 * int(x >= y) + int(x <= y))


# ---- Lib/opcode.py's companions of the tables above (what `dis` prints).




# Lib/opcode.py:cmp_op -- indexed by oparg >> 5 of COMPARE_OP (Py_LT .. Py_GE).
cmp_op: Final[tuple[str, ...]] = ('<', '<=', '==', '!=', '>', '>=')

# Modules/_opcode.c:_opcode_get_nb_ops_impl -- (name, symbol) per BINARY_OP oparg.
_nb_ops: Final[list[tuple[str, str]]] = [
    ('NB_ADD', '+'), ('NB_AND', '&'), ('NB_FLOOR_DIVIDE', '//'), ('NB_LSHIFT', '<<'),
    ('NB_MATRIX_MULTIPLY', '@'), ('NB_MULTIPLY', '*'), ('NB_REMAINDER', '%'),
    ('NB_OR', '|'), ('NB_POWER', '**'), ('NB_RSHIFT', '>>'), ('NB_SUBTRACT', '-'),
    ('NB_TRUE_DIVIDE', '/'), ('NB_XOR', '^'), ('NB_INPLACE_ADD', '+='),
    ('NB_INPLACE_AND', '&='), ('NB_INPLACE_FLOOR_DIVIDE', '//='),
    ('NB_INPLACE_LSHIFT', '<<='), ('NB_INPLACE_MATRIX_MULTIPLY', '@='),
    ('NB_INPLACE_MULTIPLY', '*='), ('NB_INPLACE_REMAINDER', '%='),
    ('NB_INPLACE_OR', '|='), ('NB_INPLACE_POWER', '**='), ('NB_INPLACE_RSHIFT', '>>='),
    ('NB_INPLACE_SUBTRACT', '-='), ('NB_INPLACE_TRUE_DIVIDE', '/='),
    ('NB_INPLACE_XOR', '^='), ('NB_SUBSCR', '[]'),
]

# Python/intrinsics.c:_PyIntrinsics_UnaryFunctions[i].name
_intrinsic_1_descs: Final[list[str]] = [
    'INTRINSIC_1_INVALID', 'INTRINSIC_PRINT', 'INTRINSIC_IMPORT_STAR',
    'INTRINSIC_STOPITERATION_ERROR', 'INTRINSIC_ASYNC_GEN_WRAP',
    'INTRINSIC_UNARY_POSITIVE', 'INTRINSIC_LIST_TO_TUPLE', 'INTRINSIC_TYPEVAR',
    'INTRINSIC_PARAMSPEC', 'INTRINSIC_TYPEVARTUPLE', 'INTRINSIC_SUBSCRIPT_GENERIC',
    'INTRINSIC_TYPEALIAS',
]

# Python/intrinsics.c:_PyIntrinsics_BinaryFunctions[i].name
_intrinsic_2_descs: Final[list[str]] = [
    'INTRINSIC_2_INVALID', 'INTRINSIC_PREP_RERAISE_STAR', 'INTRINSIC_TYPEVAR_WITH_BOUND',
    'INTRINSIC_TYPEVAR_WITH_CONSTRAINTS', 'INTRINSIC_SET_FUNCTION_TYPE_PARAMS',
    'INTRINSIC_SET_TYPEPARAM_DEFAULT',
]

# Python/ceval.c:_Py_SpecialMethods[i].name (LOAD_SPECIAL oparg)
_special_method_names: Final[list[str]] = ['__enter__', '__exit__', '__aenter__', '__aexit__']

# Python/bytecodes.c / Lib/opcode.py: the builtins LOAD_COMMON_CONSTANT loads, by name.
_common_constants: Final[list[str]] = [
    'AssertionError', 'NotImplementedError', 'tuple', 'all', 'any',
]

# Python/ceval.c:_PyEval_ConversionFuncs -- CONVERT_VALUE oparg -> conversion name
# (index FVC_STR, FVC_REPR, FVC_ASCII; dis prints them).
_conversion_names: Final[list[str]] = ['', 'str', 'repr', 'ascii']

# Python/bytecodes.c: LOAD_GLOBAL's oparg is (name index << 1) | push NULL,
# LOAD_ATTR's is (name index << 1) | method, LOAD_SUPER_ATTR's is
# (name index << 2) | (two-argument form << 1) | method. Those shifts are open-coded
# in C; codegen.c marks the method forms with these out-of-range pseudo opcodes.
LOAD_METHOD: Final = -1
LOAD_SUPER_METHOD: Final = -2
LOAD_ZERO_SUPER_ATTR: Final = -3
LOAD_ZERO_SUPER_METHOD: Final = -4

# Lib/opcode.py's lists, for dis.
hasarg: Final[list[int]] = [op for op in opmap.values() if IS_VALID_OPCODE(op) and OPCODE_HAS_ARG(op)]
hasconst: Final[list[int]] = [op for op in opmap.values() if IS_VALID_OPCODE(op) and OPCODE_HAS_CONST(op)]
hasname: Final[list[int]] = [op for op in opmap.values() if IS_VALID_OPCODE(op) and OPCODE_HAS_NAME(op)]
hasjump: Final[list[int]] = [op for op in opmap.values() if IS_VALID_OPCODE(op) and OPCODE_HAS_JUMP(op)]
hasfree: Final[list[int]] = [op for op in opmap.values() if IS_VALID_OPCODE(op) and OPCODE_HAS_FREE(op)]
haslocal: Final[list[int]] = [op for op in opmap.values() if IS_VALID_OPCODE(op) and OPCODE_HAS_LOCAL(op)]
hasexc: Final[list[int]] = [op for op in opmap.values() if IS_VALID_OPCODE(op) and IS_BLOCK_PUSH_OPCODE(op)]
hascompare: Final[list[int]] = [COMPARE_OP]
"""


if __name__ == "__main__":
    main()
