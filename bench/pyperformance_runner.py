"""Runs the benchmarks that ship inside the installed ``pyperformance`` package,
from their own unmodified sources, under the host CPython and pyvm, with the
pyperf stand-in (``bench/pyperf_standin``) first on the path for both, and
returns the Markdown section of ``bench/results.md`` that reports them.

A benchmark whose run fails gets ``N/A`` and the last line it printed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Optional

HERE = Path(__file__).resolve().parent
STANDIN = HERE / "pyperf_standin"


def benchmarks_dir() -> Optional[Path]:
    try:
        import pyperformance  # type: ignore[import-not-found]  # optional extra
    except ImportError:
        return None
    d = Path(pyperformance.__file__).parent / "data-files" / "benchmarks"
    return d if d.is_dir() else None


def _run(argv: list[str], script: Path, env_extra: dict[str, str],
         timeout: float) -> tuple[Optional[float], str]:
    env = dict(os.environ)
    env.update(env_extra)
    env["PYTHONPATH"] = str(STANDIN)
    env["PYPERF_STANDIN_VALUES"] = "1"
    try:
        p = subprocess.run(argv + [str(script)], capture_output=True, text=True,
                           timeout=timeout, env=env, cwd=script.parent)
    except subprocess.TimeoutExpired:
        return None, f"no result within {timeout:.0f} s"
    times = [float(ln.split()[2]) for ln in p.stdout.splitlines()
             if ln.startswith("STANDIN-RESULT")]
    if p.returncode != 0 or not times:
        err = [ln for ln in p.stderr.strip().splitlines() if ln.strip()]
        return None, (err[-1].strip() if err else f"exit status {p.returncode}")
    return sum(times), ""


def run_pyperformance(host: Any, pyvm: Any) -> list[str]:
    d = benchmarks_dir()
    if d is None:
        return ["## pyperformance", "", "N/A: the pyperformance package is not installed "
                "(`pip install pyperformance`)."]
    rows = []
    ran = 0
    scripts = sorted(d.glob("bm_*/run_benchmark.py"))
    for script in scripts:
        name = script.parent.name[3:]
        t_host, why_host = _run(host.argv, script, host.env, 120)
        if t_host is None:
            rows.append(f"| {name} | N/A: {why_host} | | |")
            continue
        if pyvm is None:
            rows.append(f"| {name} | {t_host * 1000:.1f} ms | N/A: pyvm not installed | |")
            continue
        t_vm, why_vm = _run(pyvm.argv, script, pyvm.env, 120)
        if t_vm is None:
            rows.append(f"| {name} | {t_host * 1000:.1f} ms | N/A: {why_vm} | |")
        else:
            ran += 1
            rows.append(f"| {name} | {t_host * 1000:.1f} ms | {t_vm * 1000:.1f} ms "
                        f"| {t_vm / t_host:.1f}x |")
        print(rows[-1], flush=True)
    return ["## pyperformance's own benchmarks", "",
            f"From the installed pyperformance package ({len(scripts)} benchmarks, "
            f"{ran} run under pyvm compiled), unmodified, with the pyperf stand-in; "
            "one measured call after one warm-up call.", "",
            "| benchmark | CPython | pyvm compiled | ratio |", "|---|---|---|---|", *rows]
