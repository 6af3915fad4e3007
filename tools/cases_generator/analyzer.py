"""Reads pyvm/eval/bytecodes.py and analyses its instruction definitions.

pyvm: the port of CPython's Tools/cases_generator/{lexer,parser,analyzer}.py.
CPython parses a C-like DSL; pyvm's definitions are ordinary typed Python, so
the host's ``ast`` module is the parser (this is tooling, run by the host: the
rule that pyvm does not import the host ``ast`` is about the package, not its
tools). What it recognises in bytecodes.py:

``@inst("(unused/1, lhs, rhs -- res)")`` / ``@op("(...)")`` on a function
    An instruction (``inst``) or a micro-op (``op``) named as the function.
    The string is C's stack effect, verbatim: inputs ``--`` outputs, each a
    name, ``name[size]`` (an array: its name is bound to the index of its
    first slot in ``localsplus``), ``name/N`` (N cache units, inputs only) or
    ``unused``. The function's parameters name the scalar inputs and give
    their types; the body assigns the scalar outputs.
``macro("NAME", "_OP1 + unused/2 + _OP2")``
    An instruction made of micro-ops and cache entries.
``family("NAME", "SIZE_NAME", ["MEMBER", ...])``
    An adaptive instruction and its specialized members.
``pseudo("NAME", "(stack effect)", ["TARGET", ...])``
    A pseudo-instruction for the compiler.

The analysis gives each instruction its parts, its cache layout and size,
its stack effect (popped and pushed counts as expressions of ``oparg``) and
its flags.
"""

from __future__ import annotations

import ast
import builtins
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

#: Calls in a body that the generator expands (Python/ceval_macros.h's role).
MACROS = ("JUMPBY", "INPUTS_DEAD", "DEAD", "DECREF_INPUTS", "SAVE_STACK", "DISPATCH",
          "DISPATCH_INLINED", "RELOAD_FRAME", "EXCEPTION_UNWIND")
#: Macros after which control never reaches the end of the body.
EXITS = ("DISPATCH_INLINED", "RELOAD_FRAME", "EXCEPTION_UNWIND")


#: Names a stack item may not have: every body is inlined into one function,
#: so an item called ``len`` would shadow the builtin in all of them.
RESERVED = set(dir(builtins)) | {
    "sp", "localsplus", "frame", "tstate", "oparg", "opcode", "this_instr", "next_instr",
    "units", "code", "names", "consts", "entry_frame", "pending", "pending_tb",
    "unwind_index", "word"}


class AnalysisError(Exception):
    pass


@dataclass
class StackItem:
    name: str
    size: str          # "" for a scalar, else the array size expression
    cache: int = 0     # >0 for a cache entry ``name/N``

    @property
    def is_array(self) -> bool:
        return self.size != ""

    @property
    def is_unused(self) -> bool:
        return self.name == "unused"


@dataclass
class CacheEntry:
    name: str
    size: int


@dataclass
class Uop:
    name: str
    kind: str                       # "inst" or "op"
    inputs: list[StackItem]         # bottom to top, caches removed
    outputs: list[StackItem]
    caches: list[CacheEntry]        # in order
    params: dict[str, str]          # scalar input name -> annotation text
    body: list[str]                 # dedented source lines
    doc: str
    lineno: int

    @property
    def assigned(self) -> set[str]:
        """Names the body assigns (a peeked input it assigns is written back)."""
        try:
            tree = ast.parse("\n".join(self.body) or "pass")
        except SyntaxError:
            return set()
        return {n.id for n in ast.walk(tree)
                if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}

    def uses(self, name: str) -> bool:
        pat = re.compile(r"\b%s\b" % re.escape(name))
        return any(pat.search(line.split("#", 1)[0]) for line in self.body)

    def uses_macro(self, macro: str) -> bool:
        return any(line.strip().startswith(macro + "(") for line in self.body)

    @property
    def is_empty(self) -> bool:
        return all(not ln.strip() or ln.strip().startswith("#") or ln.strip() == "pass"
                   for ln in self.body)

    @property
    def exits(self) -> bool:
        """The body's last statement leaves the instruction (no epilogue)."""
        code = [ln for ln in self.body if ln.strip() and not ln.strip().startswith("#")]
        if not code:
            return False
        last = code[-1]
        if last.startswith((" ", "\t")):
            return False
        s = last.strip()
        return s.startswith("return ") or s == "return" or s.startswith("raise ") or \
            any(s.startswith(m + "(") for m in EXITS)


Part = Union[Uop, CacheEntry]


@dataclass
class Instruction:
    name: str
    parts: list[Part]
    kind: str               # "inst" or "macro"
    family: str = ""        # the family head, if a member
    lineno: int = 0

    @property
    def uops(self) -> list[Uop]:
        return [p for p in self.parts if isinstance(p, Uop)]

    @property
    def cache_size(self) -> int:
        n = 0
        for p in self.parts:
            if isinstance(p, CacheEntry):
                n += p.size
            else:
                n += sum(c.size for c in p.caches)
        return n

    def cache_offsets(self) -> list[tuple[Uop, dict[str, tuple[int, int]]]]:
        """For each uop, its named cache entries: name -> (offset, size)."""
        out: list[tuple[Uop, dict[str, tuple[int, int]]]] = []
        off = 0
        for p in self.parts:
            if isinstance(p, CacheEntry):
                off += p.size
                continue
            named: dict[str, tuple[int, int]] = {}
            for c in p.caches:
                if c.name != "unused":
                    named[c.name] = (off, c.size)
                off += c.size
            out.append((p, named))
        return out


@dataclass
class Family:
    name: str
    size: str
    members: list[str]


@dataclass
class Pseudo:
    name: str
    inputs: list[StackItem]
    outputs: list[StackItem]
    targets: list[str]


@dataclass
class Analysis:
    uops: dict[str, Uop] = field(default_factory=dict)
    instructions: dict[str, Instruction] = field(default_factory=dict)
    families: dict[str, Family] = field(default_factory=dict)
    pseudos: dict[str, Pseudo] = field(default_factory=dict)
    imports: list[str] = field(default_factory=list)   # import statements (source)
    source: str = ""


# ---------------------------------------------------------------------------
# Stack effects


ITEM_RE = re.compile(r"^(\w+)\s*(?::\s*[^/\[]+?)?\s*(?:/(\d+)|\[(.+)\])?$")


def parse_items(text: str) -> list[StackItem]:
    items: list[StackItem] = []
    depth = 0
    cur = ""
    parts: list[str] = []
    for ch in text:
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    for p in parts:
        p = p.strip()
        if not p:
            continue
        m = ITEM_RE.match(p)
        if not m:
            raise AnalysisError(f"bad stack item {p!r}")
        name, cache, size = m.group(1), m.group(2), m.group(3)
        items.append(StackItem(name, (size or "").strip(), int(cache) if cache else 0))
    return items


def parse_effect(effect: str) -> tuple[list[StackItem], list[StackItem]]:
    e = effect.strip()
    if not (e.startswith("(") and e.endswith(")")) or "--" not in e:
        raise AnalysisError(f"bad stack effect {effect!r}")
    left, right = e[1:-1].split("--")
    return parse_items(left), parse_items(right)


# ---------------------------------------------------------------------------
# Parsing bytecodes.py


def _str_arg(node: ast.expr) -> str:
    if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
        raise AnalysisError(f"line {node.lineno}: expected a string literal")
    return node.value


def _list_arg(node: ast.expr) -> list[str]:
    if not isinstance(node, (ast.List, ast.Tuple)):
        raise AnalysisError(f"line {node.lineno}: expected a list of names")
    return [_str_arg(e) for e in node.elts]


def _body_lines(lines: list[str], fn: ast.FunctionDef) -> tuple[list[str], str]:
    """The body's source (comments kept), dedented, without its docstring."""
    stmts = fn.body
    doc = ""
    first = stmts[0]
    start = first.lineno
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
            and isinstance(first.value.value, str):
        doc = first.value.value
        start = (first.end_lineno or first.lineno) + 1
    else:
        # keep comment lines right above the first statement
        while start - 2 >= 0 and lines[start - 2].strip().startswith("#"):
            start -= 1
    end = fn.end_lineno or start
    body = lines[start - 1:end]
    text = textwrap.dedent("\n".join(body))
    out = text.split("\n") if text.strip() else []
    while out and not out[-1].strip():
        out.pop()
    return out, doc


def analyze(path: Path) -> Analysis:
    src = path.read_text()
    lines = src.split("\n")
    tree = ast.parse(src, str(path))
    a = Analysis(source=src)
    macros: list[tuple[str, str, int]] = []
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            a.imports.append(ast.get_source_segment(src, node) or "")
        elif isinstance(node, ast.FunctionDef) and node.decorator_list:
            dec = node.decorator_list[0]
            if not (isinstance(dec, ast.Call) and isinstance(dec.func, ast.Name)
                    and dec.func.id in ("inst", "op")):
                continue
            kind = dec.func.id
            effect = _str_arg(dec.args[0])
            raw_in, outputs = parse_effect(effect)
            for item in raw_in + outputs:
                if item.name in RESERVED:
                    raise AnalysisError(
                        f"{node.name} (line {node.lineno}): stack item {item.name!r} would "
                        f"shadow a builtin or the machine state: call it {item.name}_")
            caches = [CacheEntry(i.name, i.cache) for i in raw_in if i.cache]
            inputs = [i for i in raw_in if not i.cache]
            params: dict[str, str] = {}
            for arg in node.args.args:
                ann = ast.get_source_segment(src, arg.annotation) if arg.annotation else ""
                params[arg.arg] = ann or "PyObject"
            scalar_in = [i.name for i in inputs if not i.is_array and not i.is_unused]
            arrays = [i.name for i in inputs + outputs if i.is_array and not i.is_unused]
            wrong = [p for p in params if p not in scalar_in and p not in arrays]
            if wrong:
                raise AnalysisError(
                    f"{node.name} (line {node.lineno}): parameters {wrong} are not "
                    f"inputs (the scalar inputs are {scalar_in})")
            body, doc = _body_lines(lines, node)
            uop = Uop(node.name, kind, inputs, outputs, caches, params, body, doc, node.lineno)
            if node.name in a.uops:
                raise AnalysisError(f"{node.name} defined twice")
            a.uops[node.name] = uop
            if kind == "inst":
                a.instructions[node.name] = Instruction(node.name, [uop], "inst",
                                                        lineno=node.lineno)
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) \
                and isinstance(node.value.func, ast.Name):
            call = node.value
            fname = call.func.id
            if fname == "macro":
                macros.append((_str_arg(call.args[0]), _str_arg(call.args[1]), node.lineno))
            elif fname == "family":
                name = _str_arg(call.args[0])
                a.families[name] = Family(name, _str_arg(call.args[1]),
                                          _list_arg(call.args[2]))
            elif fname == "pseudo":
                name = _str_arg(call.args[0])
                pin, pout = parse_effect(_str_arg(call.args[1]))
                a.pseudos[name] = Pseudo(name, pin, pout, _list_arg(call.args[2]))
    for name, expr, lineno in macros:
        parts: list[Part] = []
        for piece in expr.split("+"):
            piece = piece.strip()
            m = re.fullmatch(r"(\w+)/(\d+)", piece)
            if m:
                parts.append(CacheEntry(m.group(1), int(m.group(2))))
            elif piece in a.uops:
                parts.append(a.uops[piece])
            else:
                raise AnalysisError(f"macro {name}: unknown part {piece!r}")
        if name in a.instructions:
            raise AnalysisError(f"{name} defined twice")
        a.instructions[name] = Instruction(name, parts, "macro", lineno=lineno)
    for fam in a.families.values():
        for m in fam.members:
            if m in a.instructions:
                a.instructions[m].family = fam.name
    return a


# ---------------------------------------------------------------------------
# Stack effects of whole instructions


class Expr:
    """A size: a constant plus symbolic terms (each an expression of oparg)."""

    def __init__(self, const: int = 0, terms: tuple[str, ...] = ()) -> None:
        self.const = const
        self.terms = terms

    @staticmethod
    def of(size: str) -> Expr:
        if size == "":
            return Expr(1)
        if re.fullmatch(r"\d+", size):
            return Expr(int(size))
        return Expr(0, (size,))

    def __add__(self, other: Expr) -> Expr:
        return Expr(self.const + other.const, tuple(sorted(self.terms + other.terms)))

    def key(self) -> tuple[int, tuple[str, ...]]:
        return self.const, tuple(sorted(self.terms))

    def render(self) -> str:
        parts = [f"({t})" if not re.fullmatch(r"\w+", t) else t for t in self.terms]
        if self.const or not parts:
            parts.append(str(self.const))
        return " + ".join(parts)

    def is_zero(self) -> bool:
        return self.const == 0 and not self.terms


def total(items: list[StackItem]) -> Expr:
    e = Expr()
    for i in items:
        e = e + Expr.of(i.size)
    return e


def instruction_effect(inst: Instruction) -> tuple[str, str]:
    """``(popped, pushed)`` as Python expressions of ``oparg``, simulating the
    uops in order as CPython's analyzer does (a uop's inputs are taken from
    what the earlier ones pushed first)."""
    popped: list[str] = []   # sizes taken from below the instruction's entry level
    stack: list[str] = []    # sizes pushed so far (symbolic)
    for u in inst.uops:
        for item in reversed(u.inputs):
            size = item.size or "1"
            if stack and stack[-1] == size:
                stack.pop()
            elif stack:
                # sizes differ: fall back to arithmetic on the whole
                stack.append(f"-({size})")
            else:
                popped.append(size)
        for item in u.outputs:
            stack.append(item.size or "1")
    pos = [s for s in stack if not s.startswith("-(")]
    neg = [s[2:-1] for s in stack if s.startswith("-(")]
    pop_e = Expr()
    for s in popped + neg:
        pop_e = pop_e + Expr.of(s if s != "1" else "")
    push_e = Expr()
    for s in pos:
        push_e = push_e + Expr.of(s if s != "1" else "")
    return pop_e.render(), push_e.render()
