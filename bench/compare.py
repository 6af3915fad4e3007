"""Compare several pyvm builds in one run: before/after a change, or variants.

    python bench/compare.py base=/path/to/venv-a/bin/pyvm new=/path/to/venv-b/bin/pyvm
    python bench/compare.py --only nbody,richards --runs 5 a=... b=...

Each build's compiled mode runs every selected workload at its full size, the
host CPython beside it, interleaved workload by workload so that a machine
whose speed drifts treats every build alike; start-up is measured as
``-c pass``. The table gives each build's time and its ratio to the host
CPython measured in the same run, and the geometric mean of the ratios, the
figure bench/results.md reports. Nothing is written: the output is for a
change's notes (e.g. the dispatch variants of the eval loop, see
docs/eval-loop.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import (WORKLOAD_LIST, Interp, Measure, _fmt_time, geomean,  # noqa: E402
                 interpreters, measure, measure_startup)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("builds", nargs="+", metavar="LABEL=PYVM",
                    help="a label and the path of a pyvm command (compiled build)")
    ap.add_argument("--only", help="comma-separated workload names")
    ap.add_argument("--runs", type=int, default=3, help="measured runs per timing")
    args = ap.parse_args()
    builds: list[Interp] = []
    for spec in args.builds:
        label, sep, path = spec.partition("=")
        if not sep or not Path(path).exists():
            ap.error(f"expected LABEL=PATH of an existing pyvm command, got {spec!r}")
        builds.append(Interp(label, [path], {"PYVM_INTERPRETED": "0"}))
    selected = WORKLOAD_LIST
    if args.only:
        names = set(args.only.split(","))
        selected = [w for w in WORKLOAD_LIST if w.name in names]
    host = interpreters()[0]
    header = ["workload", host.label] + [f"{b.label}" for b in builds]
    rows: list[list[str]] = []
    ratios: list[list[float]] = [[] for _ in builds]
    s_ref = measure_startup(host, args.runs)
    cells = ["start-up (-c pass)", _fmt_time(s_ref.mean)]
    for b in builds:
        m = measure_startup(b, args.runs)
        cells.append(f"{_fmt_time(m.mean)} ({m.mean / s_ref.mean:.2f}x)" if m.ok
                     else f"N/A: {m.reason}")
    rows.append(cells)
    print(" | ".join(cells), flush=True)
    for w in selected:
        ref = measure(host, w, w.full, args.runs, 1, None, 120)
        if not ref.ok:
            continue
        cells = [w.name, _fmt_time(ref.mean)]
        for k, b in enumerate(builds):
            m: Measure = measure(b, w, w.full, args.runs, 1, ref.checksum, 300)
            if m.ok:
                ratios[k].append(m.mean / ref.mean)
                cells.append(f"{_fmt_time(m.mean)} ({m.mean / ref.mean:.1f}x)")
            else:
                cells.append(f"N/A: {m.reason}")
        rows.append(cells)
        print(" | ".join(cells), flush=True)
    rows.append(["geomean", ""] + [f"{geomean(r):.2f}x ({len(r)})" if r else "-"
                                   for r in ratios])
    print()
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for r in rows:
        print("| " + " | ".join(r) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
