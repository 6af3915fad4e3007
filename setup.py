"""Build pyvm: every module under pyvm/ is compiled to a C extension by mypyc,
except the small uncompiled launcher (pyvm/launcher.py, pyvm/__main__.py and the
package's own __init__.py), which chooses between the compiled build and the
interpreted mode (the same sources run by the host interpreter).

Set PYVM_NO_COMPILE=1 to install the pure-Python package without compiling.
"""

import os
from pathlib import Path

from setuptools import setup

HERE = Path(__file__).parent
# bytecodes.py is read by tools/cases_generator, never imported at run time;
# eval/debug.py (--break-at) only runs in interpreted mode.
UNCOMPILED = {"pyvm/__init__.py", "pyvm/launcher.py", "pyvm/__main__.py",
              "pyvm/eval/bytecodes.py", "pyvm/eval/debug.py"}


def compiled_modules() -> list[str]:
    paths = []
    for path in sorted((HERE / "pyvm").rglob("*.py")):
        rel = path.relative_to(HERE).as_posix()
        if rel not in UNCOMPILED:
            paths.append(rel)
    return paths


if os.environ.get("PYVM_NO_COMPILE"):
    ext_modules = []
else:
    from mypyc.build import mypycify

    ext_modules = mypycify(
        ["--strict", *compiled_modules()],
        opt_level=os.environ.get("PYVM_OPT_LEVEL", "3"),
        multi_file=True,
    )

setup(ext_modules=ext_modules)
