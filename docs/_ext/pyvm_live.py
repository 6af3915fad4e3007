"""A Sphinx extension that shows what pyvm really does: the ``pyvm-dis`` directive
compiles its content with pyvm's compiler and inserts the disassembly, and
``pyvm-run`` runs its content with pyvm and inserts what it printed. The pages
never carry typed-in output, so they cannot drift from the code.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective


def _pyvm() -> str:
    here = Path(sys.executable).parent / "pyvm"
    return str(here) if here.exists() else "pyvm"


def _run(args: list[str], source: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        prog = Path(tmp) / "example.py"
        prog.write_text(source)
        p = subprocess.run([_pyvm(), *args, "example.py"], capture_output=True,
                           text=True, cwd=tmp, timeout=120)
    if p.returncode not in (0, 1):
        raise RuntimeError(f"pyvm {' '.join(args)} failed:\n{p.stderr}")
    return p.stdout + p.stderr


class PyvmDis(SphinxDirective):
    """``pyvm dis`` of the directive's content."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        source = "\n".join(self.content) + "\n"
        text = _run(["dis"], source)
        block = nodes.literal_block(text, text)
        block["language"] = "text"
        return [block]


class PyvmRun(SphinxDirective):
    """The program (shown) and what pyvm printed when it ran it."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        source = "\n".join(self.content) + "\n"
        code = nodes.literal_block(source, source)
        code["language"] = "python"
        out = _run([], source)
        result = nodes.literal_block(out, out)
        result["language"] = "text"
        return [code, result]


def setup(app: Sphinx) -> dict[str, object]:
    app.add_directive("pyvm-dis", PyvmDis)
    app.add_directive("pyvm-run", PyvmRun)
    return {"parallel_read_safe": True, "version": "1"}
