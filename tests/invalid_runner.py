"""Runs many ``pyvm FILE`` commands in one process, for tests/test_invalid_programs.py.

    python3 tests/invalid_runner.py JOB_JSON OUT_JSON

``JOB_JSON`` is ``{"files": [[NAME, PATH], ...]}``; ``OUT_JSON`` receives
``{NAME: {"stdout", "stderr", "status"}}``.

pyvm: test tooling (host python3, stdlib only), not part of the pyvm package.
Starting pyvm costs most of a second in interpreted mode (importing its
sources); a few hundred programs would take minutes. So this process does the
start-up once -- the launcher's choice of build (``PYVM_INTERPRETED``, as the
``pyvm`` command makes it) and the import of ``pyvm.cli`` -- and then forks one
child per program. Each child runs the unchanged command path,
``pyvm.launcher.main()`` with ``sys.argv = ["pyvm", PATH]``, its file
descriptors 1 and 2 sent to temporary files, and ends with the status that
``main`` passes to ``sys.exit``. A child is a fresh ``pyvm`` process in all
but the already-imported modules: nothing one program does reaches the next.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import tempfile

CHILD_TIMEOUT = 60


def run_child(path: str, out_fd: int, err_fd: int) -> None:
    """In the forked child: run ``pyvm PATH`` and leave with its status."""
    os.dup2(out_fd, 1)
    os.dup2(err_fd, 2)
    # A program that hangs is killed (SIGALRM) and reported by its status.
    signal.alarm(CHILD_TIMEOUT)
    sys.argv = ["pyvm", path]
    status = 70
    try:
        from pyvm.launcher import main
        main()
        status = 0
    except SystemExit as e:
        code = e.code
        status = code if isinstance(code, int) else (0 if code is None else 1)
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(status)


def main() -> int:
    job_file, out_file = sys.argv[1], sys.argv[2]
    with open(job_file, encoding="utf-8") as f:
        job = json.load(f)
    # The launcher's start-up, as `pyvm` does it before it imports pyvm.cli.
    from pyvm.launcher import _take_interpreted_flag, use_interpreted_mode
    if _take_interpreted_flag([])[0]:
        use_interpreted_mode()
    import pyvm.cli  # noqa: F401 (imported once, before the forks)

    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in job["files"]:
            out_path = os.path.join(tmp, "out")
            err_path = os.path.join(tmp, "err")
            out_fd = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            err_fd = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:
                run_child(path, out_fd, err_fd)
            os.close(out_fd)
            os.close(err_fd)
            _, wait_status = os.waitpid(pid, 0)
            status = os.waitstatus_to_exitcode(wait_status)
            with open(out_path, encoding="utf-8", errors="replace", newline="") as f:
                stdout = f.read()
            with open(err_path, encoding="utf-8", errors="replace", newline="") as f:
                stderr = f.read()
            results[name] = {"stdout": stdout, "stderr": stderr, "status": status}
    with open(out_file, "w", encoding="utf-8") as f:
        json.dump(results, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
