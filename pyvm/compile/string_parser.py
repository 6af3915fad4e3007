"""Ports Parser/string_parser.c: the value of a string or bytes literal.

``_PyPegen_parse_string`` takes a STRING token (prefix, quotes and body) and
returns its value; the f/t-string helpers of action_helpers.py decode their
literal parts through ``_PyPegen_decode_string``. The escapes themselves are
decoded by ``_PyUnicode_DecodeUnicodeEscapeInternal2``
(pyvm/objects/unicodeobject.py) and ``_PyBytes_DecodeEscape2``
(pyvm/objects/bytesobject.py), which report the first invalid escape back;
``warn_invalid_escape_sequence`` turns it into the SyntaxWarning (a
SyntaxError at the escape when the warning filters make it an error).

As in C, a str literal's body is first rewritten so that every non-ASCII
character becomes a ``\\UXXXXXXXX`` escape (the escape decoder reads bytes as
Latin-1) and a backslash before one (or at the end) a ``\\u005c``; the
warning's column is counted in that rewritten buffer, as C counts it.

pyvm: the token text is a host ``str`` (C keeps bytes); it is encoded back to
UTF-8 here, and the values returned are host ``str``/``bytes``, which the
AST's ``Constant`` holds (see pyvm/compile/ast.py). Errors are raised
(``PyErr``); the caller (``_PyPegen_constant_from_string``) turns a decoding
error into a SyntaxError, as C's does.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, Optional

from pyvm.compile.pegen import Parser, Token
from pyvm.compile.tokenizer import FSTRING_END, FSTRING_MIDDLE, TSTRING_END, TSTRING_MIDDLE
from pyvm.objects.bytesobject import _PyBytes_DecodeEscape2
from pyvm.objects.exceptions import (
    PyExc_DeprecationWarning, PyExc_OverflowError, PyExc_SyntaxError, PyExc_SyntaxWarning,
    PyExc_SystemError,
)
from pyvm.objects.object import PyErr, PyErr_SetString, _PyErr_Clear
from pyvm.objects.unicodeobject import _PyUnicode_DecodeUnicodeEscapeInternal2

# C's INT_MAX: the longest literal C parses.
INT_MAX: Final = 0x7FFFFFFF


def _token_bytes(t: Token) -> bytes:
    """pyvm: C's ``t->bytes``: the token's text as UTF-8."""
    return t.string.encode("utf-8", "surrogatepass")


def warn_invalid_escape_sequence(p: Parser, buffer: bytes, first_invalid_escape: int,
                                 t: Token) -> None:
    """CPython: Parser/string_parser.c:warn_invalid_escape_sequence

    Warns about the invalid escape that starts at ``buffer[first_invalid_escape]``
    (after its backslash) in the literal of token ``t``, on the line C
    computes from the newlines before it. When the filters turn the warning
    into an error, raises a SyntaxError at the escape instead."""
    if p.call_invalid_rules:
        # Do not report warnings if we are in the second pass of the parser
        # to avoid showing the warning twice.
        return
    c = buffer[first_invalid_escape]
    if ((t.type == FSTRING_MIDDLE or t.type == FSTRING_END or t.type == TSTRING_MIDDLE
         or t.type == TSTRING_END) and (c == 0x7B or c == 0x7D)):
        # in this case the tokenizer has already emitted a warning,
        # see Parser/tokenizer/helpers.c:warn_invalid_escape_sequence
        return

    octal = 0x34 <= c <= 0x37
    esc = buffer[first_invalid_escape:first_invalid_escape + 3].decode("latin-1")
    ch = chr(c)
    if octal:
        msg = (f'"\\{esc}" is an invalid octal escape sequence. '
               "Such sequences will not work in the future. "
               f'Did you mean "\\\\{esc}"? A raw string is also an option.')
    else:
        msg = (f'"\\{ch}" is an invalid escape sequence. '
               "Such sequences will not work in the future. "
               f'Did you mean "\\\\{ch}"? A raw string is also an option.')
    category = PyExc_SyntaxWarning if p.feature_version >= 12 else PyExc_DeprecationWarning

    # Calculate the lineno and the col_offset of the invalid escape sequence
    lineno = t.lineno
    col_offset = t.col_offset
    for i in range(first_invalid_escape):
        if buffer[i] == 0x0A:
            lineno += 1
            col_offset = 0
        else:
            col_offset += 1

    # Count the number of quotes in the token
    if lineno == t.lineno:
        quote_count = 0
        first_quote = 0
        for b in _token_bytes(t):
            if b == 0x27 or b == 0x22:
                if quote_count == 0:
                    first_quote = b
                if b == first_quote:
                    quote_count += 1
            else:
                break
        col_offset += quote_count

    from pyvm.modules._warningsmodule import PyErr_WarnExplicit  # cycle: it imports the compiler
    try:
        PyErr_WarnExplicit(category, msg, p.tok.filename, lineno, None, None)
    except PyErr as e:
        if not e.matches(category):
            raise
        # Replace the Syntax/DeprecationWarning exception with a SyntaxError
        # to get a more accurate error report
        _PyErr_Clear(e)
        # This is needed, in order for the SyntaxError to point to the token
        # t, since _PyPegen_raise_error uses p->tokens[p->fill - 1] for the
        # error location, if p->known_err_token is not set.
        p.known_err_token = t
        if octal:
            p.RAISE_ERROR_KNOWN_LOCATION(
                PyExc_SyntaxError, lineno, col_offset - 1, lineno, col_offset + 1,
                f'"\\{esc}" is an invalid octal escape sequence. '
                f'Did you mean "\\\\{esc}"? A raw string is also an option.')
        p.RAISE_ERROR_KNOWN_LOCATION(
            PyExc_SyntaxError, lineno, col_offset - 1, lineno, col_offset + 1,
            f'"\\{ch}" is an invalid escape sequence. '
            f'Did you mean "\\\\{ch}"? A raw string is also an option.')


def decode_utf8(s: bytes, pos: int, end: int) -> tuple[str, int]:
    """CPython: Parser/string_parser.c:decode_utf8

    Decodes the run of non-ASCII bytes at ``s[pos:end]``; returns the text
    and the position after the run."""
    t = pos
    while pos < end and s[pos] & 0x80:
        pos += 1
    return s[t:pos].decode("utf-8", "surrogatepass"), pos


def decode_unicode_with_escapes(parser: Parser, s: bytes, t: Optional[Token]) -> str:
    """CPython: Parser/string_parser.c:decode_unicode_with_escapes

    The value of a str literal's body ``s`` (UTF-8, with escapes); warns
    about its first invalid escape, on token ``t``."""
    buf = bytearray()
    end = len(s)
    i = 0
    while i < end:
        if s[i] == 0x5C:
            buf.append(0x5C)
            i += 1
            if i >= end or s[i] & 0x80:
                buf += b"u005c"
                if i >= end:
                    break
        if s[i] & 0x80:
            w, i = decode_utf8(s, i, end)
            for chr_ in w:
                buf += b"\\U%08x" % ord(chr_)
        else:
            buf.append(s[i])
            i += 1
    converted = bytes(buf)

    v, _first_invalid_escape_char, first_invalid_escape_pos = \
        _PyUnicode_DecodeUnicodeEscapeInternal2(converted)

    # HACK: later we can simply pass the line no, since we don't preserve the tokens
    # when we are decoding the string but we preserve the line numbers.
    if first_invalid_escape_pos >= 0 and t is not None:
        warn_invalid_escape_sequence(parser, converted, first_invalid_escape_pos, t)
    return v


def decode_bytes_with_escapes(p: Parser, s: bytes, t: Token) -> bytes:
    """CPython: Parser/string_parser.c:decode_bytes_with_escapes"""
    result, _first_invalid_escape_char, first_invalid_escape_pos = _PyBytes_DecodeEscape2(s)
    if first_invalid_escape_pos >= 0:
        warn_invalid_escape_sequence(p, s, first_invalid_escape_pos, t)
    return result


def _PyPegen_decode_string(p: Parser, raw: bool, s: bytes, t: Optional[Token]) -> str:
    """CPython: Parser/string_parser.c:_PyPegen_decode_string"""
    if raw:
        return s.decode("utf-8", "surrogatepass")
    return decode_unicode_with_escapes(p, s, t)


def _PyPegen_parse_string(p: Parser, t: Token) -> object:
    """CPython: Parser/string_parser.c:_PyPegen_parse_string

    The value (a host ``str`` or ``bytes``) of the STRING token ``t``, which
    includes the bracketing quote characters, the r/b/u prefixes (if any)
    and the escape sequences (if any); f-strings are handled by the parser."""
    s = _token_bytes(t)
    pos = 0
    quote = s[pos]
    bytesmode = False
    rawmode = False

    if (0x41 <= quote <= 0x5A) or (0x61 <= quote <= 0x7A):
        while not bytesmode or not rawmode:
            if quote == 0x62 or quote == 0x42:      # b B
                pos += 1
                quote = s[pos]
                bytesmode = True
            elif quote == 0x75 or quote == 0x55:    # u U
                pos += 1
                quote = s[pos]
            elif quote == 0x72 or quote == 0x52:    # r R
                pos += 1
                quote = s[pos]
                rawmode = True
            else:
                break

    if quote != 0x27 and quote != 0x22:
        PyErr_SetString(PyExc_SystemError, "bad argument to internal function")

    # Skip the leading quote char.
    pos += 1
    body_end = len(s)
    length = body_end - pos
    # gh-120155: 's' contains at least the trailing quote,
    # so the code '--len' below is safe.
    assert length >= 1

    if length > INT_MAX:
        PyErr_SetString(PyExc_OverflowError, "string to parse is too long")
    length -= 1
    if s[pos + length] != quote:
        # Last quote char must match the first.
        PyErr_SetString(PyExc_SystemError, "bad argument to internal function")
    if length >= 4 and s[pos] == quote and s[pos + 1] == quote:
        # A triple quoted string. We've already skipped one quote at
        # the start and one at the end of the string. Now skip the
        # two at the start.
        pos += 2
        length -= 2
        # And check that the last two match.
        if s[pos + length - 1] != quote or s[pos + length - 2] != quote:
            PyErr_SetString(PyExc_SystemError, "bad argument to internal function")
        length -= 2
    body = s[pos:pos + length]

    # Avoid invoking escape decoding routines if possible.
    rawmode = rawmode or 0x5C not in body
    if bytesmode:
        # Disallow non-ASCII characters.
        if not body.isascii():
            p.RAISE_SYNTAX_ERROR_KNOWN_LOCATION(
                t, "bytes can only contain ASCII literal characters")
        if rawmode:
            return body
        return decode_bytes_with_escapes(p, body, t)
    return _PyPegen_decode_string(p, rawmode, body, t)
