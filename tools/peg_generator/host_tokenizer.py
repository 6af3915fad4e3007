"""pyvm: a TokenSource (pyvm/compile/pegen.py) over the host's ``tokenize``.

The generator reads grammar files with it, and the tests feed it to the
parsers they generate; pyvm itself never uses it (its parser reads pyvm's
tokenizer). It gives the tokens as 3.14's tokenizer types them: every operator
its exact type (the host says OP), numbers from Tools' ``Tokens`` table (3.14's
numbering, not the host 3.11's), columns in UTF-8 bytes. NL and COMMENT tokens
are dropped, as C's tokenizer never returns them to the parser. An operator
3.14 does not know (``$``, ``?``) is an OP token (grammar files use them).

The host's tokenize errors become C's: "EOF in multi-line statement" is an
ERRORTOKEN with ``done == E_EOF`` (the parser reports the unclosed bracket),
a dedent to no outer level an ERRORTOKEN with ``done == E_DEDENT``.
"""

from __future__ import annotations

import io
import token as host_token
import tokenize
from typing import Iterator, Optional

from pyvm.compile.pegen import Token, TokenSource
from pyvm.compile.tokenizer import E_DEDENT, E_EOF, E_OK, ERRORTOKEN
from typed_python_generator import read_tokens

ALL_TOKENS, EXACT_TOKENS, _ = read_tokens()
OP_TYPE = ALL_TOKENS["OP"]


class HostTokenSource(TokenSource):
    """pyvm: the host's tokenize as the parser's token source (tools and tests)."""

    def __init__(self, source: str, filename: str = "<string>") -> None:
        super().__init__(filename)
        self.text = source
        self.lines = source.splitlines(keepends=True)
        self._gen: Iterator[tokenize.TokenInfo] = tokenize.generate_tokens(
            io.StringIO(source).readline)
        self._parens: list[tuple[int, int, str]] = []
        self._last_newline = False
        self._last_end = (1, 0)
        self._finished: Optional[Token] = None

    def _bytecol(self, row: int, col: int) -> int:
        if 1 <= row <= len(self.lines):
            return len(self.lines[row - 1][:col].encode("utf-8"))
        return col

    def get(self) -> Token:
        if self._finished is not None:
            return self._finished
        while True:
            try:
                tok = next(self._gen)
            except tokenize.TokenError:
                self.done = E_EOF
                row, col = self._last_end
                self._finished = Token(ERRORTOKEN, "", row, col, row, col, len(self._parens))
                return self._finished
            except IndentationError as e:
                self.done = E_DEDENT
                self.lineno = e.lineno or self.lineno
                self._finished = Token(ERRORTOKEN, "", self.lineno, 0, self.lineno, 0,
                                       len(self._parens))
                return self._finished
            if tok.type in (tokenize.NL, tokenize.COMMENT):
                continue
            if tok.type == host_token.ERRORTOKEN and tok.string.isspace():
                continue
            if tok.type == host_token.NEWLINE and self._last_newline:
                continue
            self._last_newline = tok.type == host_token.NEWLINE
            break
        name = host_token.tok_name[tok.type]
        if tok.type in (host_token.OP, host_token.ERRORTOKEN):
            type = EXACT_TOKENS.get(tok.string, OP_TYPE)
        else:
            type = ALL_TOKENS[name]
        (srow, scol), (erow, ecol) = tok.start, tok.end
        if tok.string in ("(", "[", "{"):
            self._parens.append((srow, self._bytecol(srow, scol), tok.string))
        elif tok.string in (")", "]", "}") and self._parens:
            self._parens.pop()
        self.lineno = erow
        self._last_end = (erow, self._bytecol(erow, ecol))
        t = Token(type, tok.string, srow, self._bytecol(srow, scol), erow,
                  self._bytecol(erow, ecol), len(self._parens))
        if tok.type == host_token.ENDMARKER:
            self.done = E_EOF
            self._finished = t
        else:
            self.done = E_OK
        self.level = len(self._parens)
        return t

    def paren(self) -> tuple[int, int, str]:
        return self._parens[-1]

    def error_line(self, lineno: int) -> str:
        if 1 <= lineno <= len(self.lines):
            return self.lines[lineno - 1]
        return ""

    def current_col(self) -> int:
        return self._last_end[1]

    def source(self) -> Optional[str]:
        return self.text
