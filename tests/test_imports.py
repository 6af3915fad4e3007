"""Function-level imports in pyvm/ guard real import cycles, and say so.

A ``from pyvm.x import y`` inside a function body runs at every call (about
630 ns under mypyc), so CONTRIBUTING.md allows one only where a module-top
import would form a cycle. This test parses every module of ``pyvm/`` with the
host's ``ast``, builds the graph of module-top imports (imports under
``if TYPE_CHECKING:`` excluded: they never run) and checks, for every
function-level ``from pyvm.X import ...`` / ``import pyvm.X`` in module M:

* that it guards a real cycle: X imports M, directly or through module-top
  imports (otherwise: "no cycle: move it to the top");
* that its line carries a ``# cycle`` (or ``# cycle: ...``) comment.

It also checks that the module-top imports themselves form no cycle (but for
the few listed in ``BOTTOM_IMPORTS``), which is what makes a hoisted import safe
in any import order.

"X imports M" counts the imports a module runs while it loads: its module-top
imports, and the function-level imports of the functions its module-level code
calls (``_init_type()`` at the bottom of a module runs its imports then), since
either way M would be loading when X needs it.

Run: ``python3 -m pytest -q tests/test_imports.py``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Optional, Union

import pytest

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "pyvm"

# Modules whose function-level imports are deliberate for another reason than a
# cycle, with that reason. The launcher is not compiled and must choose the
# build (compiled or interpreted) before any other pyvm module is loaded.
EXEMPT: dict[str, str] = {
    "pyvm.launcher": "chooses the build before loading any pyvm module",
}

# Module-top imports that close a cycle on purpose, with the reason. They sit at
# the bottom of the importing module, after everything the other side needs.
BOTTOM_IMPORTS: dict[tuple[str, str], str] = {
    ("pyvm.objects.longobject", "pyvm.objects.boolobject"):
        "bool's slots are set whenever ints exist",
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PKG.rglob("*.py"))}


MODULES = _modules()

ImportNode = Union[ast.Import, ast.ImportFrom]

_CYCLE_COMMENT = re.compile(r"#\s*cycle\b")


def _is_type_checking(test: ast.expr) -> bool:
    return ((isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
            or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"))


def _targets(node: ImportNode) -> list[str]:
    """The pyvm modules (and their packages) an import statement loads."""
    named: list[str] = []
    if isinstance(node, ast.Import):
        named = [a.name for a in node.names if a.name.split(".")[0] == "pyvm"]
    elif node.level == 0 and node.module and node.module.split(".")[0] == "pyvm":
        for a in node.names:
            sub = f"{node.module}.{a.name}"
            named.append(sub if sub in MODULES else node.module)
    out: list[str] = []
    for name in named:
        parts = name.split(".")
        for i in range(1, len(parts) + 1):
            m = ".".join(parts[:i])
            if m in MODULES and m not in out:
                out.append(m)
    return out


class _Scan:
    """The module-top imports of every module and its function-level imports.

    An import inside a function still runs while a module loads when module-level
    code calls that function (``_init_type()`` at the bottom of a module, a type
    readied at import). Such an import counts as a load-time edge of the module
    whose loading ran it: the calls are followed by name (a local def, a name
    imported at module top or in the function, ``module.name``, a class's
    ``__init__``), which is what matters for the order modules load in.
    """

    def __init__(self) -> None:
        self.top: dict[str, set[str]] = {m: set() for m in MODULES}
        self.local: list[tuple[str, ImportNode, list[str]]] = []
        self.lines: dict[str, list[str]] = {}
        self._loaded: dict[str, set[str]] = {}
        self._trees: dict[str, ast.Module] = {}
        # (module, qualified name) -> function node; per module, name -> (module, name)
        self._defs: dict[tuple[str, str], ast.AST] = {}
        self._names: dict[str, dict[str, tuple[str, str]]] = {}
        for mod, path in MODULES.items():
            src = path.read_text(encoding="utf-8")
            self.lines[mod] = src.splitlines()
            tree = ast.parse(src, str(path))
            self._trees[mod] = tree
            self._walk(mod, tree, False, False)
            self._index(mod, tree)
        self.load: dict[str, set[str]] = {
            mod: self._load_time_imports(mod, tree) | self.top[mod]
            for mod, tree in self._trees.items()}

    def _walk(self, mod: str, node: ast.AST, in_func: bool, in_tc: bool) -> None:
        for ch in ast.iter_child_nodes(node):
            if isinstance(ch, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                self._walk(mod, ch, True, in_tc)
            elif isinstance(ch, ast.If) and _is_type_checking(ch.test):
                self._walk(mod, ch, in_func, True)
            elif isinstance(ch, (ast.Import, ast.ImportFrom)):
                targets = _targets(ch)
                if in_func:
                    if targets:
                        self.local.append((mod, ch, targets))
                elif not in_tc:
                    self.top[mod].update(targets)
            else:
                self._walk(mod, ch, in_func, in_tc)

    def _index(self, mod: str, tree: ast.Module) -> None:
        names: dict[str, tuple[str, str]] = {}
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self._defs[(mod, node.name)] = node
                names[node.name] = (mod, node.name)
            elif isinstance(node, ast.ClassDef):
                names[node.name] = (mod, node.name)
                for item in node.body:
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        self._defs[(mod, f"{node.name}.{item.name}")] = item
            elif isinstance(node, ast.ImportFrom):
                self._bind_import(names, node)
        self._names[mod] = names

    def _bind_import(self, names: dict[str, tuple[str, str]], node: ast.ImportFrom) -> None:
        if node.level != 0 or not node.module or node.module.split(".")[0] != "pyvm":
            return
        for a in node.names:
            sub = f"{node.module}.{a.name}"
            names[a.asname or a.name] = (sub, "") if sub in MODULES else (node.module, a.name)

    def _load_time_imports(self, mod: str, tree: ast.Module) -> set[str]:
        """The pyvm modules that function-level imports load while ``mod`` loads."""
        out: set[str] = set()
        seen: set[tuple[str, str]] = set()
        work: list[tuple[str, ast.AST, dict[str, tuple[str, str]]]] = []
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                roots: list[ast.AST] = [*node.decorator_list, node.args]
            elif isinstance(node, ast.ClassDef):
                roots = [*node.decorator_list, *node.bases,
                         *(b for b in node.body
                           if not isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef)))]
            else:
                roots = [node]
            for r in roots:
                work.append((mod, r, self._names[mod]))
        while work:
            m, node, names = work.pop()
            for call in ast.walk(node):
                if not isinstance(call, ast.Call):
                    continue
                f = call.func
                key: Optional[tuple[str, str]] = None
                if isinstance(f, ast.Name) and f.id in names:
                    key = names[f.id]
                elif (isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name)
                      and f.value.id in names and names[f.value.id][1] == ""):
                    key = (names[f.value.id][0], f.attr)
                if key is None:
                    continue
                for k in (key, (key[0], f"{key[1]}.__init__")):
                    fn = self._defs.get(k)
                    if fn is None or k in seen:
                        continue
                    seen.add(k)
                    inner = dict(self._names[k[0]])
                    for sub in ast.walk(fn):
                        if isinstance(sub, (ast.Import, ast.ImportFrom)):
                            out.update(t for t in _targets(sub) if t != mod)
                            if isinstance(sub, ast.ImportFrom):
                                self._bind_import(inner, sub)
                    work.append((k[0], fn, inner))
        return out

    def reaches(self, src: str, dst: str) -> bool:
        """Does loading ``src`` load ``dst`` (module-top and load-time imports)?"""
        loaded = self._loaded.get(src)
        if loaded is None:
            loaded = set()
            stack = [src]
            while stack:
                for nxt in self.load[stack.pop()]:
                    if nxt not in loaded:
                        loaded.add(nxt)
                        stack.append(nxt)
            self._loaded[src] = loaded
        return dst in loaded

    def cycle_through(self, mod: str) -> Optional[list[str]]:
        """A path of module-top imports from ``mod`` back to itself, if any."""
        prev: dict[str, str] = {}
        stack = [mod]
        seen = {mod}
        while stack:
            cur = stack.pop()
            for nxt in sorted(self.top[cur]):
                if (cur, nxt) in BOTTOM_IMPORTS:
                    continue
                if nxt == mod:
                    path = [cur]
                    while path[-1] != mod:
                        path.append(prev[path[-1]])
                    return path[::-1] + [mod]
                if nxt not in seen:
                    seen.add(nxt)
                    prev[nxt] = cur
                    stack.append(nxt)
        return None


SCAN = _Scan()


def _describe(node: ImportNode) -> str:
    if isinstance(node, ast.ImportFrom):
        names = ", ".join(a.name + (f" as {a.asname}" if a.asname else "") for a in node.names)
        return f"from {node.module} import {names}"
    return "import " + ", ".join(a.name for a in node.names)


def _has_cycle_comment(lines: list[str], node: ImportNode) -> bool:
    end = node.end_lineno if node.end_lineno is not None else node.lineno
    return any(_CYCLE_COMMENT.search(lines[i]) for i in range(node.lineno - 1, end))


@pytest.mark.parametrize("mod", sorted(MODULES))
def test_module_top_imports_form_no_cycle(mod: str) -> None:
    cycle = SCAN.cycle_through(mod)
    assert cycle is None, "module-top import cycle: " + " -> ".join(cycle)


@pytest.mark.parametrize("mod", sorted(MODULES))
def test_function_level_imports_guard_a_cycle(mod: str) -> None:
    if mod in EXEMPT:
        pytest.skip(EXEMPT[mod])
    rel = MODULES[mod].relative_to(ROOT)
    failures: list[str] = []
    for m, node, targets in SCAN.local:
        if m != mod:
            continue
        where = f"{rel}:{node.lineno}: {_describe(node)}"
        if not any(SCAN.reaches(t, mod) for t in targets):
            failures.append(f"{where}: no cycle: move it to the top")
        elif not _has_cycle_comment(SCAN.lines[mod], node):
            failures.append(f"{where}: guards a cycle but says nothing: add '# cycle'")
    assert not failures, "\n".join(failures)


# The host's parser and its front ends: pyvm tokenizes, parses and builds its
# symbol tables itself (pyvm/compile/), so no module of it may use the host's.
HOST_PARSER_MODULES = {"ast", "_ast", "tokenize", "_tokenize", "symtable", "_symtable",
                       "_peg_parser", "parser"}


@pytest.mark.parametrize("mod", sorted(MODULES))
def test_no_host_parser_module_is_imported(mod: str) -> None:
    found = []
    for node in ast.walk(SCAN._trees[mod]):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found += [f"line {node.lineno}: {n}" for n in names
                  if n.split(".")[0] in HOST_PARSER_MODULES]
    assert not found, f"{MODULES[mod]} imports the host's parser: {found}"
