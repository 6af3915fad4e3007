"""Start-up: ``pyvm -c pass`` does not load host modules pyvm has no use for.

Every host module pyvm imports is paid for at every start (``typing`` and the
``re`` it pulls in cost ~8 ms of CPU, more than pyvm's own initialisation of
the eval loop). pyvm's modules import ``typing`` only under
``if TYPE_CHECKING:`` (``TYPE_CHECKING = False`` at run time; mypy and mypyc
read the annotations, which ``from __future__ import annotations`` keeps
unevaluated), and use no host regular expressions.

The check runs the launcher in a fresh host process, the way the ``pyvm``
command does, and compares ``sys.modules`` before and after: it tests the
build under test (the compiled one when installed, else the sources).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pyvm_runner import MODES, TIMEOUT, from_checkout, mode_env, pyvm_command

# Host modules pyvm must not load to run an empty program, with the reason.
FORBIDDEN = {
    "typing": "annotations only: import it under `if TYPE_CHECKING:`",
    "re": "no host regular expressions on pyvm's start-up path",
    "ast": "pyvm parses with its own tokenizer and parser (pyvm/compile/)",
    "tokenize": "pyvm parses with its own tokenizer and parser (pyvm/compile/)",
    "unicodedata": "the Unicode database is loaded on first use (a non-ASCII name, \\N{...})",
}

PROBE = """
import json, sys
before = set(sys.modules)
sys.argv = ["pyvm", "-c", "pass"]
from pyvm.launcher import main
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(set(sys.modules) - before)))
"""


def _new_modules(mode: str) -> list[str]:
    if not from_checkout():
        pyvm_command()  # fails the test when pyvm is not installed
    p = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                       env=mode_env(mode), cwd="/", timeout=TIMEOUT)
    assert p.returncode == 0, p.stderr
    loaded: list[str] = json.loads(p.stdout.strip().splitlines()[-1])
    return loaded


@pytest.mark.parametrize("mode", MODES)
def test_pyvm_start_up_loads_no_forbidden_host_module(mode: str) -> None:
    loaded = _new_modules(mode)
    assert any(m.startswith("pyvm.") for m in loaded), "the probe did not load pyvm"
    bad = {m: FORBIDDEN[m] for m in loaded if m in FORBIDDEN}
    assert not bad, f"pyvm -c pass ({mode}) imported: {bad}"
