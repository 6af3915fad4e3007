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

It also checks that the module-top imports themselves form no cycle, which is
what makes a hoisted import safe in any import order.

Run: ``python3 -m pytest -q tests/test_imports.py``.
"""

from __future__ import annotations

import ast
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


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PKG.rglob("*.py"))}


MODULES = _modules()

ImportNode = Union[ast.Import, ast.ImportFrom]


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
    """The module-top imports of every module and its function-level imports."""

    def __init__(self) -> None:
        self.top: dict[str, set[str]] = {m: set() for m in MODULES}
        self.local: list[tuple[str, ImportNode, list[str]]] = []
        self.lines: dict[str, list[str]] = {}
        self._loaded: dict[str, set[str]] = {}
        for mod, path in MODULES.items():
            src = path.read_text(encoding="utf-8")
            self.lines[mod] = src.splitlines()
            self._walk(mod, ast.parse(src, str(path)), False, False)

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

    def reaches(self, src: str, dst: str) -> bool:
        """Does loading ``src`` load ``dst`` through module-top imports?"""
        loaded = self._loaded.get(src)
        if loaded is None:
            loaded = set()
            stack = [src]
            while stack:
                for nxt in self.top[stack.pop()]:
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
    for i in range(node.lineno - 1, end):
        code, sep, comment = lines[i].partition("#")
        if sep and comment.strip().startswith("cycle"):
            return True
    return False


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
