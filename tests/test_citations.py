"""The literate rules, checked (CONTRIBUTING.md, DESIGN.md §7).

* Every module's docstring opens with ``Ports <files>.`` naming CPython source files
  (or ``pyvm:`` for a module with no counterpart), and the files exist in
  CPython 3.14.7's file list.
* Every ``CPython: <file>:<name>`` reference names a file of that list and, where
  the index covers the file (C sources, headers and Python sources), a name the
  index lists for it. The ASDL grammar is not indexed: for it the file is checked.
* Every function, method and class says where it came from: ``CPython:`` or
  ``pyvm:`` in its docstring. Functions nested inside functions, and ``__init__``
  (described by its class), are exempt.

The lists are the project's copy of ``shared/cpython-3.14`` (``pyvm/data``).
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "pyvm"
FILES = set((PKG / "data" / "cpython_files.txt").read_text().split())
INDEX: dict[str, set[str]] = defaultdict(set)
for line in (PKG / "data" / "cpython_index.tsv").read_text().splitlines()[1:]:
    path, name, _kind = line.split("\t")
    INDEX[path].add(name)

CITATION = re.compile(r"CPython: ([\w./-]+):([\w.]+)")
PORTS = re.compile(r"^Ports ([^.]+(?:\.[a-z]+[^.]*)*?)(?:\.\s|\.$|:)", re.S)
MODULES = sorted(p for p in PKG.rglob("*.py"))


def _rel(p: Path) -> str:
    return p.relative_to(ROOT).as_posix()


def _module_files(doc: str) -> list[str]:
    """The CPython paths named in a ``Ports …`` opening sentence."""
    first = doc.split("\n\n")[0]
    return re.findall(r"[A-Za-z_]+(?:/[\w.-]+)+\.(?:c|h|py|asdl|gram)", first)


def test_index_copy_is_present() -> None:
    assert len(FILES) > 1000 and len(INDEX) > 500


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_module_docstring(path: Path) -> None:
    tree = ast.parse(path.read_text(), str(path))
    doc = ast.get_docstring(tree, clean=True)
    assert doc, f"{_rel(path)}: no module docstring"
    if doc.startswith("pyvm:"):
        return
    assert doc.startswith("Ports "), \
        f"{_rel(path)}: the docstring must open with 'Ports <CPython files>' or 'pyvm:'"
    files = _module_files(doc)
    assert files, f"{_rel(path)}: the opening sentence names no CPython file"
    missing = [f for f in files if f not in FILES]
    assert not missing, f"{_rel(path)}: not CPython 3.14 files: {missing}"


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_citations_resolve(path: Path) -> None:
    bad = []
    for m in CITATION.finditer(path.read_text()):
        file, name = m.group(1), m.group(2)
        if file not in FILES:
            bad.append(f"{file} (no such file)")
        elif file in INDEX and name not in INDEX[file]:
            bad.append(f"{file}:{name} (not in the index)")
    assert not bad, f"{_rel(path)}: unresolved citations: {bad}"


def _undocumented(tree: ast.Module) -> list[str]:
    out: list[str] = []

    def visit(body: list[ast.stmt], prefix: str) -> None:
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                if node.name == "__init__":
                    continue  # the class's docstring speaks for its constructor
                doc = ast.get_docstring(node) or ""
                if "CPython:" not in doc and "pyvm:" not in doc:
                    out.append(f"{prefix}{node.name} (line {node.lineno})")
                if isinstance(node, ast.ClassDef):
                    visit(node.body, f"{prefix}{node.name}.")

    visit(tree.body, "")
    return out


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_every_definition_says_where_it_came_from(path: Path) -> None:
    missing = _undocumented(ast.parse(path.read_text(), str(path)))
    assert not missing, (f"{_rel(path)}: definitions without a 'CPython:' or 'pyvm:' "
                         f"line: {missing[:20]}{' …' if len(missing) > 20 else ''}")
