"""pyvm: CPython 3.14 re-told in strictly typed Python.

pyvm: this package's ``__init__`` stays uncompiled and empty of code, so that
``pyvm.launcher`` can decide, before any compiled module is loaded, whether to run
the mypyc-compiled build or the interpreted mode (see ``pyvm/launcher.py``).
"""

__version__ = "0.1.0"
