"""A minimal stand-in for the parts of pyperf's API that pyperformance's
benchmarks call (``Runner.bench_func``, ``bench_time_func``, ``argparser``,
``metadata``, ``perf_counter`` …), so that their unmodified sources run under an
interpreter that cannot run pyperf itself (its worker processes, its C-level
hooks). It runs each benchmark function a fixed number of times (1 warm-up, then
``PYPERF_STANDIN_VALUES`` measured values, 3 by default) and prints one line:

    STANDIN-RESULT <name> <mean seconds per call>

The host CPython runs the same stand-in in the comparison, so the ratio compares
like with like.
"""

import argparse
import os
import sys
import time

perf_counter = time.perf_counter
__version__ = "standin"
VERSION = (0, 0, 0)


def python_implementation():
    return sys.implementation.name


def python_has_jit():
    return False


class Runner:
    def __init__(self, values=None, warmups=None, processes=None, loops=0, min_time=0.1,
                 metadata=None, show_name=True, program_args=None, add_cmdline_args=None,
                 _argparser=None, **kwargs):
        self.metadata = dict(metadata or {})
        self.argparser = _argparser or argparse.ArgumentParser()
        self.args = None
        self._values = int(os.environ.get("PYPERF_STANDIN_VALUES", "3"))

    def parse_args(self, args=None):
        if self.args is None:
            self.args, _ = self.argparser.parse_known_args(args)
        return self.args

    def _report(self, name, per_call):
        print(f"STANDIN-RESULT {name} {per_call!r}", flush=True)

    def bench_time_func(self, name, time_func, *args, inner_loops=None, **kwargs):
        self.parse_args()
        time_func(1, *args)
        total = 0.0
        for _ in range(self._values):
            total += time_func(1, *args)
        self._report(name, total / self._values / (inner_loops or 1))

    def bench_func(self, name, func, *args, inner_loops=None, **kwargs):
        self.parse_args()
        func(*args)
        total = 0.0
        for _ in range(self._values):
            t0 = perf_counter()
            func(*args)
            total += perf_counter() - t0
        self._report(name, total / self._values / (inner_loops or 1))

    def bench_async_func(self, name, func, *args, inner_loops=None, **kwargs):
        import asyncio

        def call():
            return asyncio.run(func(*args))

        self.bench_func(name, call, inner_loops=inner_loops)

    def bench_command(self, name, command):
        import subprocess

        def call():
            subprocess.run(command, check=True)

        self.bench_func(name, call)
