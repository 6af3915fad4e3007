"""Writes the course notebooks from the cell sources below (so that their text is
reviewed as code), and with --execute runs every notebook with nbclient against
the installed pyvm, failing on the first cell that raises. CI runs --execute.

    python notebooks/make_notebooks.py            # (re)write notebooks/*.ipynb
    python notebooks/make_notebooks.py --execute  # run them
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent

FIRST_LOOK = [
    ("md", """# A first look inside pyvm

pyvm is CPython 3.14 written in typed Python. This notebook drives the real
package: it compiles a function with pyvm's compiler, disassembles the code
object, looks at its fields, and runs a program on pyvm's eval loop."""),
    ("code", """import pyvm.eval.ceval as ceval
print("eval loop loaded from", ceval.__file__)"""),
    ("md", """## Compiling

`Py_CompileString` runs the whole compiler: parse, symbol table, code
generation, the flow-graph optimizer and the assembler."""),
    ("code", """from pyvm.compile.compile import Py_CompileString
from pyvm.compile.dis import dis_code_text

source = '''
def add(a, b):
    return a + b
'''
module_code = Py_CompileString(source, "example.py", "exec")
print(dis_code_text(module_code))"""),
    ("md", """The function's code object is a constant of the module's. Its fields are
CPython's: the bytecode with its inline `CACHE` units, the names of the frame's
`localsplus` slots, the stack depth the eval loop must reserve."""),
    ("code", """from pyvm.objects.codeobject import PyCodeObject

add_code = next(c for c in module_code.co_consts_items if isinstance(c, PyCodeObject))
code = add_code.co_code
units = [(code[i], code[i + 1]) for i in range(0, len(code), 2)]
print("code units (opcode, oparg):", units)
print("co_stacksize:", add_code.co_stacksize)
print("co_nlocalsplus:", add_code.co_nlocalsplus)"""),
    ("md", """## Running

`pyvm` runs whole programs the way `python` does; here through the command,
as a student would use it."""),
    ("code", """import subprocess, sys, pathlib, tempfile
prog = pathlib.Path(tempfile.mkdtemp()) / "hello.py"
prog.write_text("print(sum([1, 4, 9]))\\n")
pyvm = pathlib.Path(sys.executable).parent / "pyvm"
result = subprocess.run([str(pyvm), str(prog)], capture_output=True, text=True)
print(result.stdout, result.stderr)
assert result.stdout == "14\\n\""""),
]

NOTEBOOKS = {"01-first-look.ipynb": FIRST_LOOK}


def write() -> None:
    for name, cells in NOTEBOOKS.items():
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                     "language": "python"}
        nb.cells = [nbformat.v4.new_markdown_cell(src) if kind == "md"
                    else nbformat.v4.new_code_cell(src) for kind, src in cells]
        nbformat.write(nb, HERE / name)


def execute() -> int:
    from nbclient import NotebookClient

    for name in NOTEBOOKS:
        nb = nbformat.read(HERE / name, as_version=4)
        NotebookClient(nb, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": "/"}}).execute()
        print(f"{name}: {sum(c.cell_type == 'code' for c in nb.cells)} code cells ran")
    return 0


if __name__ == "__main__":
    if "--execute" in sys.argv:
        sys.exit(execute())
    write()
