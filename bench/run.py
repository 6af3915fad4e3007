"""pyvm's benchmark runner.

Runs each workload of ``bench/workloads/`` under the host CPython, pyvm's compiled
build and pyvm's interpreted mode, timing whole processes with ``pyperf command``
(warm-up runs first, then measured runs), and writes ``bench/results.md``: the
mean time per interpreter, the pyvm/CPython ratio, the geometric mean of the
ratios over the workloads that ran, and peak memory (pyperf's ``command_max_rss``).
A workload pyvm cannot run yet gets ``N/A`` and the reason (the last line pyvm
printed), never a silent gap. Every run's checksum line is compared with
CPython's, so a run that computes something else is caught.

Interpreted mode is hundreds of times slower, so it runs a reduced size; its
ratio is taken against CPython at that same reduced size (stated in the table).

    python bench/run.py                  # full run -> bench/results.md (< 15 min)
    python bench/run.py --smoke          # tiny sizes, checksums only (CI)
    python bench/run.py --pyperformance  # also pyperformance's own benchmarks
    python bench/run.py --only nbody,fannkuch

Times include process start-up, the same way for every interpreter.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional



HERE = Path(__file__).resolve().parent
WORKLOADS = HERE / "workloads"


@dataclass(frozen=True)
class Workload:
    name: str
    full: str         # size argument of the full run
    reduced: str      # size for interpreted mode (and CPython beside it)
    smoke: str        # size for the smoke mode


# Full sizes: pyperformance's, or smaller where pyvm's compiled build would make the
# whole run exceed 15 minutes. Reduced sizes keep interpreted runs to seconds while
# staying well above process start-up.
WORKLOAD_LIST = [
    Workload("call_method", "5000", "500", "5"),
    Workload("fannkuch", "9", "7", "5"),
    Workload("json_dumps", "20", "2", "1"),
    Workload("nbody", "20000", "1000", "20"),
    Workload("pidigits", "2000", "500", "30"),
    Workload("regex_compile", "100", "5", "1"),
    Workload("richards", "2", "1", "1"),
    Workload("unpack_sequence", "20000", "1000", "5"),
]


@dataclass
class Interp:
    label: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)


@dataclass
class Measure:
    ok: bool
    mean: float = 0.0
    rss: int = 0
    checksum: str = ""
    reason: str = ""


def _pyvm_command() -> Optional[str]:
    here = Path(sys.executable).parent / "pyvm"
    if here.exists():
        return str(here)
    return shutil.which("pyvm")


def interpreters() -> tuple[Interp, Optional[Interp], Optional[Interp]]:
    host = Interp("CPython " + ".".join(map(str, sys.version_info[:3])), [sys.executable])
    pyvm = _pyvm_command()
    if pyvm is None:
        return host, None, None
    env_c = {"PYVM_INTERPRETED": "0"}
    env_i = {"PYVM_INTERPRETED": "1"}
    return host, Interp("pyvm compiled", [pyvm], env_c), Interp("pyvm interpreted", [pyvm], env_i)


def _env(extra: dict[str, str]) -> dict[str, str]:
    env = dict(os.environ)
    env.update(extra)
    env["PYTHONHASHSEED"] = "0"
    return env


def check_run(interp: Interp, script: Path, size: str, timeout: float) -> Measure:
    """One plain run: does it work, and what checksum does it print?"""
    try:
        p = subprocess.run(interp.argv + [str(script), size], capture_output=True, text=True,
                           timeout=timeout, env=_env(interp.env), cwd=HERE.parent)
    except subprocess.TimeoutExpired:
        return Measure(False, reason=f"no result within {timeout:.0f} s")
    lines = [ln for ln in p.stdout.splitlines() if ln.startswith("checksum")]
    if p.returncode != 0 or not lines:
        err = [ln for ln in p.stderr.strip().splitlines() if ln.strip()]
        reason = err[-1].strip() if err else f"exit status {p.returncode}, no checksum"
        return Measure(False, reason=reason)
    return Measure(True, checksum=lines[-1])


def timed_runs(interp: Interp, args: list[str], values: int, warmups: int,
               timeout: float) -> Measure:
    """Time the whole process ``interp ARGS`` with ``pyperf command`` (loops fixed to 1)."""
    import pyperf  # only the timed runs need it, not --smoke

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        cmd = [sys.executable, "-m", "pyperf", "command", "--quiet", "-p", "1",
               "-n", str(values), "-w", str(warmups), "-l", "1",
               "--inherit-environ", ",".join(sorted(set(interp.env) | {"PYTHONHASHSEED"})),
               "-o", str(out), "--"] + interp.argv + args
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                               env=_env(interp.env), cwd=HERE.parent)
        except subprocess.TimeoutExpired:
            return Measure(False, reason=f"timing runs exceeded {timeout:.0f} s")
        if p.returncode != 0 or not out.exists():
            return Measure(False, reason=(p.stderr.strip().splitlines() or ["pyperf failed"])[-1])
        suite = pyperf.BenchmarkSuite.load(str(out))
    values_s: list[float] = []
    rss = 0
    for bench in suite.get_benchmarks():
        values_s.extend(bench.get_values())
        for run in bench.get_runs():
            rss = max(rss, int(run.get_metadata().get("command_max_rss", 0)))
    if not values_s:
        return Measure(False, reason="pyperf recorded no values")
    return Measure(True, mean=sum(values_s) / len(values_s), rss=rss)


def measure(interp: Interp, w: Workload, size: str, values: int, warmups: int,
            expected: Optional[str], timeout: float) -> Measure:
    script = WORKLOADS / f"{w.name}.py"
    first = check_run(interp, script, size, timeout)
    if not first.ok:
        return first
    if expected is not None and first.checksum != expected:
        return Measure(False, reason=f"wrong checksum: {first.checksum!r}, CPython: {expected!r}")
    m = timed_runs(interp, [str(script), size], values, warmups, timeout * (values + warmups))
    m.checksum = first.checksum
    return m


def measure_startup(interp: Interp, values: int) -> Measure:
    """Start-up and shut-down: the whole process of ``-c pass`` (5 values per run)."""
    return timed_runs(interp, ["-c", "pass"], values * 5, 2, 300)


def _fmt_time(s: float) -> str:
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


def _fmt_rss(b: int) -> str:
    return f"{b / 2**20:.0f} MiB" if b else "?"


def geomean(xs: list[float]) -> float:
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def run_smoke(selected: list[Workload]) -> int:
    host, comp, interp = interpreters()
    if comp is None or interp is None:
        print("smoke: pyvm is not installed beside this Python", file=sys.stderr)
        return 1
    failures = 0
    for w in selected:
        script = WORKLOADS / f"{w.name}.py"
        ref = check_run(host, script, w.smoke, 120)
        if not ref.ok:
            print(f"{w.name:16} CPython failed: {ref.reason}")
            failures += 1
            continue
        for it in (comp, interp):
            m = check_run(it, script, w.smoke, 300)
            if m.ok and m.checksum == ref.checksum:
                status = "ok"
            elif m.ok:
                status = f"WRONG CHECKSUM {m.checksum!r} (CPython {ref.checksum!r})"
                failures += 1
            else:
                status = f"N/A: {m.reason}"
            print(f"{w.name:16} {it.label:17} {status}")
    print(f"smoke: {failures} checksum mismatches")
    return 1 if failures else 0


def run_full(selected: list[Workload], out: Path, with_pyperformance: bool) -> int:
    host, comp, interp = interpreters()
    started = time.time()
    rows: list[str] = []
    ratios_c: list[float] = []
    ratios_i: list[float] = []
    for w in selected:
        print(f"== {w.name}", flush=True)
        ref = measure(host, w, w.full, 3, 1, None, 120)
        ref_small = measure(host, w, w.reduced, 3, 1, None, 120)
        cells = [w.name, f"{w.full} / {w.reduced}"]
        if not ref.ok or not ref_small.ok:
            rows.append(f"| {w.name} | | N/A: CPython failed: {ref.reason or ref_small.reason} "
                        "| | | | | |")
            continue
        cells.append(_fmt_time(ref.mean))
        if comp is None or interp is None:
            cells += ["N/A: pyvm not installed"] * 2 + ["", ""]
        else:
            mc = measure(comp, w, w.full, 3, 1, ref.checksum, 300)
            if mc.ok:
                ratio = mc.mean / ref.mean
                ratios_c.append(ratio)
                cells += [_fmt_time(mc.mean), f"{ratio:.1f}x"]
            else:
                cells += [f"N/A: {mc.reason}", ""]
            mi = measure(interp, w, w.reduced, 1, 1, ref_small.checksum, 600)
            if mi.ok:
                ratio_i = mi.mean / ref_small.mean
                ratios_i.append(ratio_i)
                cells += [f"{_fmt_time(mi.mean)} (CPython {_fmt_time(ref_small.mean)})",
                          f"{ratio_i:.0f}x"]
            else:
                cells += [f"N/A: {mi.reason}", ""]
            cells.append(" / ".join(_fmt_rss(m.rss) if m.ok else "-" for m in (ref, mc, mi)))
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    startup = ""
    if comp is not None and interp is not None:
        s_ref, s_c, s_i = (measure_startup(i, 3) for i in (host, comp, interp))
        if s_ref.ok and s_c.ok and s_i.ok:
            startup = (f"Start-up (`-c pass`, mean of 15 runs): CPython {_fmt_time(s_ref.mean)}, "
                       f"pyvm compiled {_fmt_time(s_c.mean)} ({s_c.mean / s_ref.mean:.2f}x), "
                       f"interpreted {_fmt_time(s_i.mean)} ({s_i.mean / s_ref.mean:.1f}x).")
    elapsed = time.time() - started
    lines = [
        "# pyvm benchmarks",
        "",
        f"Generated by `python bench/run.py` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
        f" ({os.cpu_count()} cores, {elapsed / 60:.1f} minutes). Host: {host.label}.",
        "Each time is the mean of 3 measured runs after 1 warm-up (interpreted mode: 1 and 1),",
        "of the whole process (start-up included), timed by `pyperf command`. The ratio is",
        "pyvm's time over CPython's on the same workload and size in the same run;",
        "interpreted mode runs the reduced size (second number of the size column), and its",
        "ratio is against CPython at that reduced size. Memory is peak RSS:",
        "CPython / pyvm compiled / pyvm interpreted.",
        "",
        "| workload | size (full / reduced) | CPython | pyvm compiled | ratio | "
        "pyvm interpreted (reduced size) | ratio | peak memory |",
        "|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        f"Geometric mean of the ratios over the workloads that ran: compiled "
        f"{geomean(ratios_c):.1f}x ({len(ratios_c)} of {len(selected)}), interpreted "
        f"{geomean(ratios_i):.0f}x ({len(ratios_i)} of {len(selected)}).",
    ]
    if startup:
        lines += ["", startup]
    if with_pyperformance:
        from pyperformance_runner import run_pyperformance

        lines += ["", *run_pyperformance(host, comp)]
    kept = _kept_section(out)
    out.write_text("\n".join(lines) + "\n" + kept)
    print("\n".join(lines))
    return 0


def _kept_section(out: Path) -> str:
    """The section bench/compile_throughput.py wrote into ``out``, kept as it is."""
    from compile_throughput import BEGIN, END
    text = out.read_text() if out.exists() else ""
    if BEGIN not in text or END not in text:
        return ""
    return "\n" + BEGIN + text.split(BEGIN, 1)[1].split(END, 1)[0] + END + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--smoke", action="store_true", help="tiny sizes, compare checksums only")
    ap.add_argument("--only", help="comma-separated workload names")
    ap.add_argument("--pyperformance", action="store_true",
                    help="also run the benchmarks of the installed pyperformance package")
    ap.add_argument("-o", "--output", default=str(HERE / "results.md"))
    args = ap.parse_args()
    selected = WORKLOAD_LIST
    if args.only:
        names = set(args.only.split(","))
        unknown = names - {w.name for w in WORKLOAD_LIST}
        if unknown:
            ap.error(f"unknown workloads: {', '.join(sorted(unknown))}")
        selected = [w for w in WORKLOAD_LIST if w.name in names]
    if args.smoke:
        return run_smoke(selected)
    return run_full(selected, Path(args.output), args.pyperformance)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.exit(main())
