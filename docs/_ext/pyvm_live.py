"""A Sphinx extension that shows what pyvm really does: the ``pyvm-dis`` directive
compiles its content with pyvm's compiler and inserts the disassembly,
``pyvm-run`` runs its content with pyvm and inserts what it printed, and
``pyvm-break NAME`` runs it under ``pyvm --break-at NAME`` with the pdb commands of
its ``:commands:`` option (separated by ``;;`` as on pdb's command line) and
inserts the session. ``pyvm-tokens`` shows the tokens pyvm's tokenizer gives the
parser for its content (in-process: ``pyvm`` must be importable, installed or on
``PYTHONPATH``). The pages never carry typed-in output, so they cannot drift
from the code.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective


def _pyvm() -> str:
    here = Path(sys.executable).parent / "pyvm"
    return str(here) if here.exists() else "pyvm"


def _run(args: list[str], source: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        prog = Path(tmp) / "example.py"
        prog.write_text(source)
        p = subprocess.run([_pyvm(), *args, "example.py"], capture_output=True,
                           text=True, cwd=tmp, timeout=120)
        if p.returncode not in (0, 1):
            raise RuntimeError(f"pyvm {' '.join(args)} failed:\n{p.stderr}")
        out = p.stdout + p.stderr
        # Tracebacks and warnings name the program by its full path: keep the
        # temporary directory out of the page.
        for d in {os.path.realpath(tmp), tmp}:
            out = out.replace(d + os.sep, "")
    return out


def _run_break(names: str, commands: list[str], source: str) -> str:
    """The pdb session of ``pyvm --break-at NAMES example.py``, with each command
    written after the prompt it answered, as on a terminal."""
    with tempfile.TemporaryDirectory() as tmp:
        prog = Path(tmp) / "example.py"
        prog.write_text(source)
        env = dict(os.environ, HOME=tmp)    # no user ~/.pdbrc
        p = subprocess.run([_pyvm(), "--break-at", names, "example.py"],
                           input="".join(c + "\n" for c in commands), capture_output=True,
                           text=True, cwd=tmp, timeout=300, env=env)
    if p.returncode != 0:
        raise RuntimeError(f"pyvm --break-at {names} failed:\n{p.stderr}")
    session = interleave_commands(p.stdout, commands)
    # Where pyvm is installed is beside the point: ".../pyvm/eval/ceval.py".
    session = re.sub(r"^> .*?[/\\]pyvm[/\\]eval[/\\]", "> .../pyvm/eval/", session, flags=re.M)
    return p.stderr + session


def interleave_commands(transcript: str, commands: list[str]) -> str:
    """pdb read its commands from a pipe, so its output has the prompts but not
    what was typed: put each command back after its prompt."""
    parts = transcript.split("(Pdb) ")
    out = [parts[0]]
    for k, part in enumerate(parts[1:]):
        typed = commands[k] if k < len(commands) else ""
        out.append(f"(Pdb) {typed}\n{part}" if typed else f"(Pdb) {part}")
    return "".join(out)


def tokens_table(source: str, modes: bool) -> str:
    """The token stream pyvm's tokenizer hands the parser for ``source``, one
    token a line as ``python -m tokenize -e`` prints them (but with the
    parser's view: no COMMENT or NL tokens, byte columns, no column for the
    tokens that carry no text). With ``modes``, the last column is the mode the
    *next* token is read in and the depth of the f-string mode stack."""
    from pyvm.compile import tokenizer as T

    tok = T._PyTokenizer_FromUTF8(source, True, False)
    lines = []
    while True:
        token = T.Token()
        type_ = T._PyTokenizer_Get(tok, token)
        if type_ == T.ERRORTOKEN:
            raise RuntimeError(f"pyvm-tokens: tokenizer error (done={tok.done})")
        text = "" if token.start < 0 else tok.input[token.start:token.end].decode("utf-8")
        if token.col_offset < 0:
            where = f"{token.lineno}"
        else:
            where = f"{token.lineno},{token.col_offset}-{token.end_lineno},{token.end_col_offset}"
        line = f"{where + ':':<12}{T._PyParser_TokenNames[type_]:<16}{text!r}"
        if modes:
            kind = T.TOK_GET_MODE(tok).kind
            name = "f/t-string" if kind == T.TOK_FSTRING_MODE else "regular"
            line = f"{line:<44}{name} {tok.tok_mode_stack_index}"
        lines.append(line.rstrip())
        if type_ == T.ENDMARKER:
            return "\n".join(lines) + "\n"


class PyvmTokens(SphinxDirective):
    """The program (shown), then its tokens (see ``tokens_table``); the
    ``:modes:`` flag adds the tokenizer's mode after each token."""

    has_content = True
    option_spec = {"modes": directives.flag}

    def run(self) -> list[nodes.Node]:
        source = "\n".join(self.content) + "\n"
        code = nodes.literal_block(source, source)
        code["language"] = "python"
        text = tokens_table(source, "modes" in self.options)
        table = nodes.literal_block(text, text)
        table["language"] = "text"
        return [code, table]


class PyvmDis(SphinxDirective):
    """``pyvm dis`` of the directive's content."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        source = "\n".join(self.content) + "\n"
        text = _run(["dis"], source)
        block = nodes.literal_block(text, text)
        block["language"] = "text"
        return [block]


class PyvmRun(SphinxDirective):
    """The program (shown) and what pyvm printed when it ran it."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        source = "\n".join(self.content) + "\n"
        code = nodes.literal_block(source, source)
        code["language"] = "python"
        out = _run([], source)
        result = nodes.literal_block(out, out)
        result["language"] = "text"
        return [code, result]


class PyvmBreak(SphinxDirective):
    """The program (shown), then the pdb session of ``pyvm --break-at NAME``."""

    has_content = True
    required_arguments = 1
    option_spec = {"commands": str}

    def run(self) -> list[nodes.Node]:
        source = "\n".join(self.content) + "\n"
        commands = [c.strip() for c in self.options.get("commands", "c").split(";;")]
        code = nodes.literal_block(source, source)
        code["language"] = "python"
        text = _run_break(self.arguments[0], commands, source)
        session = nodes.literal_block(text, text)
        session["language"] = "text"
        return [code, session]


def setup(app: Sphinx) -> dict[str, object]:
    app.add_directive("pyvm-dis", PyvmDis)
    app.add_directive("pyvm-run", PyvmRun)
    app.add_directive("pyvm-break", PyvmBreak)
    app.add_directive("pyvm-tokens", PyvmTokens)
    return {"parallel_read_safe": True, "version": "1"}
