"""Build pyvm: every module under pyvm/ is compiled to a C extension by mypyc,
except the small uncompiled launcher (pyvm/launcher.py, pyvm/__main__.py and the
package's own __init__.py), which chooses between the compiled build and the
interpreted mode (the same sources run by the host interpreter).

Set PYVM_NO_COMPILE=1 to install the pure-Python package without compiling.

mypyc writes one C file per module into a single extension, and setuptools
compiles an extension's C files one after another: nine tenths of the build.
``ParallelBuildExt`` compiles them on every core (``PYVM_BUILD_JOBS`` to
choose how many), the largest first, so the longest file starts at once.
"""

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

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



def _parallel_compile(self: Any, sources: list[str], output_dir: Any = None,
                      macros: Any = None, include_dirs: Any = None, debug: int = 0,
                      extra_preargs: Any = None, extra_postargs: Any = None,
                      depends: Any = None) -> list[str]:
    """distutils' CCompiler.compile, with the object files made in parallel."""
    macros, objects, extra_postargs, pp_opts, build = self._setup_compile(
        output_dir, macros, include_dirs, sources, depends, extra_postargs)
    cc_args = self._get_cc_args(pp_opts, debug, extra_preargs)

    def one(obj: str) -> None:
        src, ext = build[obj]
        self._compile(obj, src, ext, cc_args, extra_postargs, pp_opts)

    # Threads suffice: each compile is a compiler process.
    order = sorted(build, key=lambda o: -os.path.getsize(build[o][0]))
    jobs = int(os.environ.get("PYVM_BUILD_JOBS", "0")) or os.cpu_count() or 1
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(one, order))
    return objects


class ParallelBuildExt(build_ext):
    """pyvm: build_ext whose compiler compiles an extension's sources in parallel."""

    def build_extension(self, ext: Any) -> None:
        compiler = self.compiler
        compiler.compile = _parallel_compile.__get__(compiler)
        super().build_extension(ext)


setup(ext_modules=ext_modules, cmdclass={"build_ext": ParallelBuildExt})
