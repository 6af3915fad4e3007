"""The corpus check on its fixed CI samples: pyvm's compiler against CPython 3.14.

``tools/corpus/check.py --sample tools/corpus/sample.txt`` compiles 44 files of
CPython 3.14's standard library (pyodide's ``python_stdlib.zip``, the one the
oracle runs), among them the nine written in 3.12+ syntax (``typing.py``,
``dataclasses.py``, ``site.py`` ...), with pyvm and with the oracle, and
compares the canonical dumps of the marshalled code objects;
``sample-host.txt`` (``--root host``) does the same for files of the host's
``Lib`` that pyodide does not ship, its test suite above all. Every sample file
both accept must be identical; the full corpus (``check.py`` without
``--sample``) is reported, not asserted (tools/corpus/README.md).

pyvm runs as the check finds it: the installed package when there is one (the
compiled build in CI), else this checkout's sources. Skipped, with the reason,
when node or tools/oracle's pyodide is not available, or (the host sample) when
the host's ``Lib`` lacks a sample file (another Python version).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tools" / "corpus"
SAMPLES = {"lib314": ("sample.txt", None), "host": ("sample-host.txt", "host")}

sys.path.insert(0, str(CORPUS))
try:
    import check as corpus_check  # tools/corpus/check.py
finally:
    sys.path.remove(str(CORPUS))


@pytest.mark.parametrize("which", sorted(SAMPLES))
def test_corpus_sample(which: str, tmp_path: Path) -> None:
    why = corpus_check.oracle_available()
    if why is not None:
        pytest.skip(f"the CPython 3.14 oracle cannot run: {why}")
    name, root = SAMPLES[which]
    sample = CORPUS / name
    if root is None:
        corpus_check.ensure_oracle()
        lib = corpus_check.default_root()
        root_args: list[str] = []
    else:
        lib = corpus_check.host_lib()
        root_args = ["--root", root]
    files = corpus_check.sample_files(sample, lib)
    missing = [str(f.relative_to(lib)) for f in files if not f.exists()]
    if missing:
        assert root is not None, f"3.14's Lib lacks sample files: {missing}"
        pytest.skip(f"the sample lists files of CPython 3.11's Lib that this host's Lib "
                    f"({lib}) lacks: {', '.join(missing[:5])}")
    report = tmp_path / "sample.json"
    proc = subprocess.run([sys.executable, str(CORPUS / "check.py"), "--quiet", *root_args,
                           "--sample", str(sample), "--jobs", "2", "--report", str(report)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=600)
    if not report.exists():
        pytest.fail(f"check.py wrote no report (exit {proc.returncode}):\n"
                    f"{proc.stdout}\n{proc.stderr[-3000:]}")
    summary = json.loads(report.read_text(encoding="utf-8"))
    print(proc.stdout)
    failing = "\n".join(f"  {f['path']}: {f['status']}: {f['reason']}"
                        for f in summary["failing"])
    assert summary["files"] == len(files)
    assert summary["compared"] > 0
    assert summary["oracle_errors"] == 0, failing
    assert summary["pyvm_failures"] == 0, failing
    assert summary["mismatches"] == 0, failing
    assert summary["identical"] == summary["compared"], failing
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]


def test_first_difference_names_code_object_and_field() -> None:
    """The mismatch report locates the first differing line of two dumps: the
    innermost code object it belongs to (by qualname) and that object's field."""
    import marshal

    sys.path.insert(0, str(ROOT))
    try:
        from pyvm.compile.codedump import dump_marshalled
    finally:
        sys.path.remove(str(ROOT))
    src = ("def f(x):\n"
           "    class C:\n"
           "        def m(self): return (1, 2)\n"
           "    return C\n"
           "def g(): pass\n")
    # The host's 3.11 marshal writes code objects with the fields codedump reads.
    dump = dump_marshalled(marshal.dumps(compile(src, "t.py", "exec")))
    lines = dump.splitlines()

    def changed(i: int) -> dict[str, object]:
        other = lines[:]
        other[i] += " X"
        return corpus_check.first_difference(dump, "\n".join(other))

    stacksizes = [i for i, ln in enumerate(lines) if ln.strip().startswith("stacksize:")]
    quals = [changed(i)["qualname"] for i in stacksizes]
    assert quals == ["<module>", "f", "f.<locals>.C", "f.<locals>.C.m", "g"]
    assert all(changed(i)["field"] == "stacksize" for i in stacksizes)
    tup = next(i for i, ln in enumerate(lines) if ln.strip() == "1: (1, 2)")
    assert (changed(tup)["qualname"], changed(tup)["field"]) == ("f.<locals>.C.m", "consts")
    last = changed(len(lines) - 1)
    assert last["qualname"] == "<module>" and last["dump_line"] == len(lines)
