"""Ports Parser/lexer/lexer.c, Parser/lexer/state.c, Parser/lexer/state.h, Parser/lexer/buffer.c, Parser/tokenizer/helpers.c, Parser/tokenizer/string_tokenizer.c, Parser/tokenizer/utf8_tokenizer.c, Parser/tokenizer/readline_tokenizer.c, Parser/token.c, Include/internal/pycore_token.h, Python/Python-tokenize.c.

The tokenizer of CPython 3.14: the state machine the PEG parser pulls tokens
from (``_PyTokenizer_Get``), with its two modes -- the regular mode
(``tok_get_normal_mode``: names, numbers, strings, operators, indentation) and
the f-string/t-string mode (``tok_get_fstring_mode``, PEP 701/750: the literal
parts of an f-string become FSTRING_MIDDLE tokens and its replacement fields
are tokenized in the regular mode, one ``tokenizer_mode`` per nesting level).

The C tokenizer works on a UTF-8 byte buffer; so does this port. The input is
one ``bytes`` object (``tok.input``: the newline-translated, UTF-8 source) and
every C pointer into it (``buf``, ``cur``, ``inp``, ``start``,
``line_start``, ``multi_line_start``, a token's ``start``/``end``) is an index
into it, ``-1`` standing for ``NULL``. Indexing ``bytes`` gives an ``int``, so
``tok_nextc`` allocates nothing. The string tokenizers are ported
(``_PyTokenizer_FromString`` for bytes, with the BOM and the PEP 263 coding
cookie; ``_PyTokenizer_FromUTF8`` for str): the whole source is in memory,
and ``tok_underflow_string`` just moves ``inp`` to the end of the next line.
``_PyTokenizer_FromReadline`` is the readline tokenizer's behaviour over a
str (its buffer restarts at each line, which shows in some error offsets),
for ``TokenizerIter``.

Columns are what C reports: a token's ``col_offset``/``end_col_offset`` are
UTF-8 byte offsets in its line (the PEG parser turns them into character
offsets with the line's text, ``_PyPegen_byte_offset_to_character_offset``);
``TokenizerIter`` (Python/Python-tokenize.c) does that conversion as the
``_tokenize`` module does and is what the tests compare with CPython.

Errors. Where C sets a SyntaxError, marks ``tok->done = E_ERROR`` and returns
ERRORTOKEN, this port raises the SyntaxError (a ``PyErr``, built as C's
``_syntaxerror_range`` builds it). The errors C leaves to its caller --
``tok->done`` set to E_TABSPACE, E_DEDENT, E_TOODEEP, E_LINECONT or E_EOF
and ERRORTOKEN returned with no exception -- stay so: the caller (the PEG
parser's ``_Pypegen_tokenizer_error``, or ``_tokenizer_error`` here) raises
TabError/IndentationError/SyntaxError from ``tok.done``.

Type comments (TYPE_COMMENT, TYPE_IGNORE) are recognised when
``tok.type_comments`` is set, as for ``ast.parse(type_comments=True)``; the
``tokenize`` module's extra tokens (COMMENT, NL) when ``tok.tok_extra_tokens``
is. Interactive input (prompts, ``E_INTERACT_STOP``), the file tokenizer
(``_PyTokenizer_FromFile``) and the column-overflow check
(``E_COLUMNOVERFLOW``) are not ported. Identifier characters and
printability are the host's Unicode database's.

Warnings (``_PyTokenizer_parser_warn``, ``_PyTokenizer_warn_invalid_escape_sequence``)
go through pyvm's warnings filters when ``tok.emit_warnings`` is set (the
parser sets it); otherwise they are collected in ``tok.warnings`` as
``(message, lineno)``, which the tests compare with CPython's.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, Optional

from pyvm.objects.exceptions import (
    PyExc_IndentationError, PyExc_SyntaxError, PyExc_SyntaxWarning, PyExc_TabError,
    PySyntaxErrorObject,
)
from pyvm.objects.longobject import PyLong_FromLong
from pyvm.objects.object import Py_DECREF, Py_None, PyErr, PyObject, PyTypeObject, _PyErr_Clear
from pyvm.objects.tupleobject import _PyTuple_FromArraySteal
from pyvm.objects.unicodeobject import PyUnicode_FromString

# ---------------------------------------------------------------------------
# Token types (Include/internal/pycore_token.h, generated from Grammar/Tokens)

ENDMARKER: Final = 0
NAME: Final = 1
NUMBER: Final = 2
STRING: Final = 3
NEWLINE: Final = 4
INDENT: Final = 5
DEDENT: Final = 6
LPAR: Final = 7
RPAR: Final = 8
LSQB: Final = 9
RSQB: Final = 10
COLON: Final = 11
COMMA: Final = 12
SEMI: Final = 13
PLUS: Final = 14
MINUS: Final = 15
STAR: Final = 16
SLASH: Final = 17
VBAR: Final = 18
AMPER: Final = 19
LESS: Final = 20
GREATER: Final = 21
EQUAL: Final = 22
DOT: Final = 23
PERCENT: Final = 24
LBRACE: Final = 25
RBRACE: Final = 26
EQEQUAL: Final = 27
NOTEQUAL: Final = 28
LESSEQUAL: Final = 29
GREATEREQUAL: Final = 30
TILDE: Final = 31
CIRCUMFLEX: Final = 32
LEFTSHIFT: Final = 33
RIGHTSHIFT: Final = 34
DOUBLESTAR: Final = 35
PLUSEQUAL: Final = 36
MINEQUAL: Final = 37
STAREQUAL: Final = 38
SLASHEQUAL: Final = 39
PERCENTEQUAL: Final = 40
AMPEREQUAL: Final = 41
VBAREQUAL: Final = 42
CIRCUMFLEXEQUAL: Final = 43
LEFTSHIFTEQUAL: Final = 44
RIGHTSHIFTEQUAL: Final = 45
DOUBLESTAREQUAL: Final = 46
DOUBLESLASH: Final = 47
DOUBLESLASHEQUAL: Final = 48
AT: Final = 49
ATEQUAL: Final = 50
RARROW: Final = 51
ELLIPSIS: Final = 52
COLONEQUAL: Final = 53
EXCLAMATION: Final = 54
OP: Final = 55
TYPE_IGNORE: Final = 56
TYPE_COMMENT: Final = 57
SOFT_KEYWORD: Final = 58
FSTRING_START: Final = 59
FSTRING_MIDDLE: Final = 60
FSTRING_END: Final = 61
TSTRING_START: Final = 62
TSTRING_MIDDLE: Final = 63
TSTRING_END: Final = 64
COMMENT: Final = 65
NL: Final = 66
ERRORTOKEN: Final = 67
ENCODING: Final = 68
N_TOKENS: Final = 69
NT_OFFSET: Final = 256

# Parser/token.c:_PyParser_TokenNames (the index is the token type).
_PyParser_TokenNames: Final[tuple[str, ...]] = (
    "ENDMARKER", "NAME", "NUMBER", "STRING", "NEWLINE", "INDENT", "DEDENT",
    "LPAR", "RPAR", "LSQB", "RSQB", "COLON", "COMMA", "SEMI", "PLUS", "MINUS",
    "STAR", "SLASH", "VBAR", "AMPER", "LESS", "GREATER", "EQUAL", "DOT",
    "PERCENT", "LBRACE", "RBRACE", "EQEQUAL", "NOTEQUAL", "LESSEQUAL",
    "GREATEREQUAL", "TILDE", "CIRCUMFLEX", "LEFTSHIFT", "RIGHTSHIFT",
    "DOUBLESTAR", "PLUSEQUAL", "MINEQUAL", "STAREQUAL", "SLASHEQUAL",
    "PERCENTEQUAL", "AMPEREQUAL", "VBAREQUAL", "CIRCUMFLEXEQUAL",
    "LEFTSHIFTEQUAL", "RIGHTSHIFTEQUAL", "DOUBLESTAREQUAL", "DOUBLESLASH",
    "DOUBLESLASHEQUAL", "AT", "ATEQUAL", "RARROW", "ELLIPSIS", "COLONEQUAL",
    "EXCLAMATION", "OP", "TYPE_IGNORE", "TYPE_COMMENT", "SOFT_KEYWORD",
    "FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END", "TSTRING_START",
    "TSTRING_MIDDLE", "TSTRING_END", "COMMENT", "NL", "<ERRORTOKEN>",
    "<ENCODING>", "<N_TOKENS>",
)


def ISTERMINAL(x: int) -> bool:
    """CPython: Include/internal/pycore_token.h:ISTERMINAL"""
    return x < NT_OFFSET


def ISNONTERMINAL(x: int) -> bool:
    """CPython: Include/internal/pycore_token.h:ISNONTERMINAL"""
    return x >= NT_OFFSET


def ISEOF(x: int) -> bool:
    """CPython: Include/internal/pycore_token.h:ISEOF"""
    return x == ENDMARKER


def ISWHITESPACE(x: int) -> bool:
    """CPython: Include/internal/pycore_token.h:ISWHITESPACE"""
    return x == ENDMARKER or x == NEWLINE or x == INDENT or x == DEDENT


def ISSTRINGLIT(x: int) -> bool:
    """CPython: Include/internal/pycore_token.h:ISSTRINGLIT"""
    return x == STRING or x == FSTRING_MIDDLE or x == TSTRING_MIDDLE


# One-character operators, indexed by the byte (Parser/token.c:_PyToken_OneChar).
_ONE_CHAR: Final[dict[int, int]] = {
    ord("!"): EXCLAMATION, ord("%"): PERCENT, ord("&"): AMPER, ord("("): LPAR,
    ord(")"): RPAR, ord("*"): STAR, ord("+"): PLUS, ord(","): COMMA,
    ord("-"): MINUS, ord("."): DOT, ord("/"): SLASH, ord(":"): COLON,
    ord(";"): SEMI, ord("<"): LESS, ord("="): EQUAL, ord(">"): GREATER,
    ord("@"): AT, ord("["): LSQB, ord("]"): RSQB, ord("^"): CIRCUMFLEX,
    ord("{"): LBRACE, ord("|"): VBAR, ord("}"): RBRACE, ord("~"): TILDE,
}

# Two-character operators, keyed by ``c1 << 8 | c2``.
_TWO_CHARS: Final[dict[int, int]] = {
    ord("!") << 8 | ord("="): NOTEQUAL,
    ord("%") << 8 | ord("="): PERCENTEQUAL,
    ord("&") << 8 | ord("="): AMPEREQUAL,
    ord("*") << 8 | ord("*"): DOUBLESTAR,
    ord("*") << 8 | ord("="): STAREQUAL,
    ord("+") << 8 | ord("="): PLUSEQUAL,
    ord("-") << 8 | ord("="): MINEQUAL,
    ord("-") << 8 | ord(">"): RARROW,
    ord("/") << 8 | ord("/"): DOUBLESLASH,
    ord("/") << 8 | ord("="): SLASHEQUAL,
    ord(":") << 8 | ord("="): COLONEQUAL,
    ord("<") << 8 | ord("<"): LEFTSHIFT,
    ord("<") << 8 | ord("="): LESSEQUAL,
    ord("<") << 8 | ord(">"): NOTEQUAL,
    ord("=") << 8 | ord("="): EQEQUAL,
    ord(">") << 8 | ord("="): GREATEREQUAL,
    ord(">") << 8 | ord(">"): RIGHTSHIFT,
    ord("@") << 8 | ord("="): ATEQUAL,
    ord("^") << 8 | ord("="): CIRCUMFLEXEQUAL,
    ord("|") << 8 | ord("="): VBAREQUAL,
}

# Three-character operators, keyed by ``c1 << 16 | c2 << 8 | c3``.
_THREE_CHARS: Final[dict[int, int]] = {
    ord("*") << 16 | ord("*") << 8 | ord("="): DOUBLESTAREQUAL,
    ord(".") << 16 | ord(".") << 8 | ord("."): ELLIPSIS,
    ord("/") << 16 | ord("/") << 8 | ord("="): DOUBLESLASHEQUAL,
    ord("<") << 16 | ord("<") << 8 | ord("="): LEFTSHIFTEQUAL,
    ord(">") << 16 | ord(">") << 8 | ord("="): RIGHTSHIFTEQUAL,
}


def _PyToken_OneChar(c1: int) -> int:
    """CPython: Parser/token.c:_PyToken_OneChar"""
    return _ONE_CHAR.get(c1, OP)


def _PyToken_TwoChars(c1: int, c2: int) -> int:
    """CPython: Parser/token.c:_PyToken_TwoChars"""
    if c1 < 0 or c2 < 0:
        return OP
    return _TWO_CHARS.get(c1 << 8 | c2, OP)


def _PyToken_ThreeChars(c1: int, c2: int, c3: int) -> int:
    """CPython: Parser/token.c:_PyToken_ThreeChars"""
    if c1 < 0 or c2 < 0 or c3 < 0:
        return OP
    return _THREE_CHARS.get(c1 << 16 | c2 << 8 | c3, OP)


# ---------------------------------------------------------------------------
# Error codes (Include/errcode.h) and the state (Parser/lexer/state.h)

E_OK: Final = 10
E_EOF: Final = 11
E_INTR: Final = 12
E_TOKEN: Final = 13
E_SYNTAX: Final = 14
E_NOMEM: Final = 15
E_DONE: Final = 16
E_ERROR: Final = 17
E_TABSPACE: Final = 18
E_OVERFLOW: Final = 19
E_TOODEEP: Final = 20
E_DEDENT: Final = 21
E_DECODE: Final = 22
E_EOFS: Final = 23
E_EOLS: Final = 24
E_LINECONT: Final = 25
E_BADSINGLE: Final = 27
E_INTERACT_STOP: Final = 28
E_COLUMNOVERFLOW: Final = 29

EOF: Final = -1

MAXINDENT: Final = 100
MAXLEVEL: Final = 200
MAXFSTRINGLEVEL: Final = 150
MAX_EXPR_NESTING: Final = 3
TABSIZE: Final = 8
ALTTABSIZE: Final = 1

STATE_INIT: Final = 0
STATE_SEEK_CODING: Final = 1
STATE_NORMAL: Final = 2

TOK_REGULAR_MODE: Final = 0
TOK_FSTRING_MODE: Final = 1

FSTRING: Final = 0
TSTRING: Final = 1

_NL: Final = 10        # '\n'
_CR: Final = 13        # '\r'
_SPACE: Final = 32
_TAB: Final = 9
_FF: Final = 12        # '\014'
_BSLASH: Final = 92    # '\\'
_HASH: Final = 35      # '#'
_SQUOTE: Final = 39
_DQUOTE: Final = 34
_LBRACE: Final = 123
_RBRACE: Final = 125
_DOT: Final = 46
_UNDERSCORE: Final = 95


class tokenizer_mode:
    """CPython: Parser/lexer/state.h:_tokenizer_mode
    CPython: Parser/lexer/state.h:tokenizer_mode

    One level of the f-string stack. ``start`` and ``multi_line_start`` are
    indices into ``tok.input``. C keeps a copy of the source from the ``{``
    of the current replacement field (``last_expr_buffer``, its length
    ``last_expr_size``, and ``last_expr_end``, the length of the part after
    the expression); here ``last_expr_buffer`` is the index of that copy's
    start in ``tok.input`` (``-1`` for NULL) and the two lengths are kept
    as C computes them, relative to the end of the input.
    """

    kind: int
    curly_bracket_depth: int
    curly_bracket_expr_start_depth: int
    quote: int
    quote_size: int
    raw: bool
    start: int
    multi_line_start: int
    first_line: int
    last_expr_size: int
    last_expr_end: int
    last_expr_buffer: int
    in_debug: bool
    in_format_spec: bool
    string_kind: int

    def __init__(self) -> None:
        self.kind = TOK_REGULAR_MODE
        self.curly_bracket_depth = 0
        self.curly_bracket_expr_start_depth = 0
        self.quote = 0
        self.quote_size = 0
        self.raw = False
        self.start = -1
        self.multi_line_start = -1
        self.first_line = 0
        self.last_expr_size = 0
        self.last_expr_end = -1
        self.last_expr_buffer = -1
        self.in_debug = False
        self.in_format_spec = False
        self.string_kind = FSTRING


class Token:
    """CPython: Parser/lexer/state.h:token

    What ``_PyTokenizer_Get`` fills in. ``start``/``end`` are indices into
    ``tok.input`` (``-1`` for NULL: DEDENT, INDENT, ENDMARKER and error
    tokens carry no text); the columns are UTF-8 byte offsets in the line.
    ``metadata`` is the source text of an f-string replacement field's
    expression (for ``{x=}`` and t-strings), set on its ``!``/``:``/``}``.
    """

    level: int
    lineno: int
    col_offset: int
    end_lineno: int
    end_col_offset: int
    start: int
    end: int
    metadata: Optional[str]

    def __init__(self) -> None:
        _PyToken_Init(self)


def _PyToken_Init(token: Token) -> None:
    """CPython: Parser/lexer/state.c:_PyToken_Init"""
    token.level = 0
    token.lineno = 0
    token.col_offset = -1
    token.end_lineno = 0
    token.end_col_offset = -1
    token.start = -1
    token.end = -1
    token.metadata = None


def _PyToken_Free(token: Token) -> None:
    """CPython: Parser/lexer/state.c:_PyToken_Free"""
    token.metadata = None


class tok_state:
    """CPython: Parser/lexer/state.h:tok_state

    ``input`` is the whole newline-translated UTF-8 source; the C pointers
    are indices into it (``buf <= cur <= inp``; ``-1`` for NULL).
    ``warnings`` collects ``(message, lineno)`` of the SyntaxWarnings the
    tokenizer issues. ``underflow_readline`` chooses ``tok_underflow_readline``
    and ``underflow_file`` ``tok_underflow_file`` over ``tok_underflow_string``
    (C's ``tok->underflow`` function pointer); ``fp_recoded`` is the file
    tokenizer's ``tok->decoding_readline != NULL`` (the rest of the file was
    decoded with the coding cookie's codec);
    ``fake_newline`` is the index of the newline the readline tokenizer
    added to a last line without one (-1: none).
    """

    input: bytes
    buf: int
    cur: int
    inp: int
    end: int
    start: int
    done: int
    tabsize: int
    indent: int
    indstack: list[int]
    atbol: int
    pendin: int
    lineno: int
    first_lineno: int
    starting_col_offset: int
    col_offset: int
    level: int
    parenstack: list[int]
    parenlinenostack: list[int]
    parencolstack: list[int]
    filename: Optional[str]
    altindstack: list[int]
    decoding_state: int
    decoding_erred: bool
    encoding: Optional[str]
    cont_line: int
    line_start: int
    multi_line_start: int
    enc: Optional[str]
    type_comments: bool
    report_warnings: bool
    tok_mode_stack: list[tokenizer_mode]
    tok_mode_stack_index: int
    tok_extra_tokens: bool
    comment_newline: int
    implicit_newline: int
    underflow_readline: bool
    underflow_file: bool
    fp_recoded: bool
    fake_newline: int
    emit_warnings: bool
    warnings: list[tuple[str, int]]

    def __init__(self) -> None:
        """CPython: Parser/lexer/state.c:_PyTokenizer_tok_new"""
        self.input = b""
        self.buf = self.cur = self.inp = 0
        self.end = 0
        self.start = -1
        self.done = E_OK
        self.tabsize = TABSIZE
        self.indent = 0
        self.indstack = [0] * MAXINDENT
        self.atbol = 1
        self.pendin = 0
        self.lineno = 0
        self.first_lineno = 0
        self.starting_col_offset = -1
        self.col_offset = -1
        self.level = 0
        self.parenstack = [0] * MAXLEVEL
        self.parenlinenostack = [0] * MAXLEVEL
        self.parencolstack = [0] * MAXLEVEL
        self.filename = None
        self.altindstack = [0] * MAXINDENT
        self.decoding_state = STATE_INIT
        self.decoding_erred = False
        self.encoding = None
        self.cont_line = 0
        self.line_start = -1
        self.multi_line_start = -1
        self.enc = None
        self.type_comments = False
        self.report_warnings = True
        self.tok_mode_stack = [tokenizer_mode()]
        self.tok_mode_stack_index = 0
        self.tok_extra_tokens = False
        self.comment_newline = 0
        self.implicit_newline = 0
        self.underflow_readline = False
        self.underflow_file = False
        self.fp_recoded = False
        self.fake_newline = -1
        self.emit_warnings = False
        self.warnings = []


def _PyTokenizer_tok_new() -> tok_state:
    """CPython: Parser/lexer/state.c:_PyTokenizer_tok_new"""
    return tok_state()


def _PyTokenizer_Free(tok: tok_state) -> None:
    """CPython: Parser/lexer/state.c:_PyTokenizer_Free
    CPython: Parser/lexer/state.c:free_fstring_expressions

    pyvm: nothing is owned by malloc; the f-string expression buffers are reset.
    """
    for i in range(tok.tok_mode_stack_index, -1, -1):
        mode = tok.tok_mode_stack[i]
        if mode.last_expr_buffer >= 0:
            mode.last_expr_buffer = -1
            mode.last_expr_size = 0
            mode.last_expr_end = -1
            mode.in_format_spec = False


def _PyLexer_token_setup(tok: tok_state, token: Token, type: int, start: int, end: int) -> int:
    """CPython: Parser/lexer/state.c:_PyLexer_token_setup"""
    token.level = tok.level
    if type == STRING or type == FSTRING_MIDDLE or type == TSTRING_MIDDLE:
        token.lineno = tok.first_lineno
    else:
        token.lineno = tok.lineno
    token.end_lineno = tok.lineno
    token.col_offset = token.end_col_offset = -1
    token.start = start
    token.end = end
    if start >= 0 and end >= 0:
        token.col_offset = tok.starting_col_offset
        token.end_col_offset = tok.col_offset
    return type


def _PyLexer_type_comment_token_setup(tok: tok_state, token: Token, type: int, col_offset: int,
                                      end_col_offset: int, start: int, end: int) -> int:
    """CPython: Parser/lexer/state.c:_PyLexer_type_comment_token_setup"""
    token.level = tok.level
    token.lineno = token.end_lineno = tok.lineno
    token.col_offset = col_offset
    token.end_col_offset = end_col_offset
    token.start = start
    token.end = end
    return type


def TOK_GET_MODE(tok: tok_state) -> tokenizer_mode:
    """CPython: Parser/lexer/lexer.c:TOK_GET_MODE"""
    return tok.tok_mode_stack[tok.tok_mode_stack_index]


def TOK_NEXT_MODE(tok: tok_state) -> tokenizer_mode:
    """CPython: Parser/lexer/lexer.c:TOK_NEXT_MODE

    pyvm: the stack grows on demand (C's is a fixed array of MAXFSTRINGLEVEL).
    """
    tok.tok_mode_stack_index += 1
    if tok.tok_mode_stack_index == len(tok.tok_mode_stack):
        tok.tok_mode_stack.append(tokenizer_mode())
    return tok.tok_mode_stack[tok.tok_mode_stack_index]


def _string_prefix(tok: tok_state) -> str:
    """CPython: Parser/lexer/lexer.c:TOK_GET_STRING_PREFIX"""
    return "t" if TOK_GET_MODE(tok).string_kind == TSTRING else "f"


def _ftstring_middle(mode: tokenizer_mode) -> int:
    """CPython: Parser/lexer/lexer.c:FTSTRING_MIDDLE"""
    return TSTRING_MIDDLE if mode.string_kind == TSTRING else FSTRING_MIDDLE


def _ftstring_end(mode: tokenizer_mode) -> int:
    """CPython: Parser/lexer/lexer.c:FTSTRING_END"""
    return TSTRING_END if mode.string_kind == TSTRING else FSTRING_END


# ---------------------------------------------------------------------------
# Errors and warnings (Parser/tokenizer/helpers.c)


def _syntaxerror_range(tok: tok_state, msg: str, col_offset: int, end_col_offset: int,
                       done: int = E_ERROR) -> NoReturn:
    """CPython: Parser/tokenizer/helpers.c:_syntaxerror_range

    Raises ``SyntaxError(msg, (filename, lineno, offset, text, lineno,
    end_offset))`` as C's ``PyErr_SetObject(PyExc_SyntaxError, args)`` does
    (the shape of C's ``Py_BuildValue("(O(OiiNii))", ...)``): the
    text is the current line, the default offset the number of characters
    read on it. pyvm: ``done`` is what C's caller stores in ``tok->done``
    right after the call (E_EOFS/E_EOLS for unterminated strings).
    """
    data = tok.input
    ls = tok.line_start
    errtext = data[ls:tok.cur].decode("utf-8", "replace")
    if col_offset == -1:
        col_offset = len(errtext)
    if end_col_offset == -1:
        end_col_offset = col_offset
    # strcspn(line_start, "\n"): the line ends at its newline or a NUL byte.
    nl = data.find(b"\n", ls)
    line_end = len(data) if nl < 0 else nl
    nul = data.find(b"\0", ls, line_end)
    if nul >= 0:
        line_end = nul
    if line_end != tok.cur:
        errtext = data[ls:line_end].decode("utf-8", "replace")
    tok.done = done
    loc = _PyTuple_FromArraySteal([
        Py_None if tok.filename is None else PyUnicode_FromString(tok.filename),
        PyLong_FromLong(tok.lineno),
        PyLong_FromLong(col_offset),
        PyUnicode_FromString(errtext),
        PyLong_FromLong(tok.lineno),
        PyLong_FromLong(end_col_offset),
    ])
    _raise_with_args(PyExc_SyntaxError, msg, loc)


def _raise_with_args(tp: PyTypeObject, msg: str, loc: PyObject) -> NoReturn:
    """pyvm: ``PyErr_SetObject(tp, (msg, loc))``, stealing ``loc``: the exception is
    created now, as in pyvm/compile/pegen.py:_raise_syntax_error_object, so that it holds
    the only reference to the arguments."""
    args = _PyTuple_FromArraySteal([PyUnicode_FromString(msg), loc])
    err = PyErr(tp, None, None, args)
    try:
        err.normalize()
    finally:
        Py_DECREF(args)
    raise err


def _PyTokenizer_syntaxerror(tok: tok_state, msg: str, done: int = E_ERROR) -> NoReturn:
    """CPython: Parser/tokenizer/helpers.c:_PyTokenizer_syntaxerror"""
    _syntaxerror_range(tok, msg, -1, -1, done)


def _PyTokenizer_syntaxerror_known_range(tok: tok_state, col_offset: int, end_col_offset: int,
                                         msg: str) -> NoReturn:
    """CPython: Parser/tokenizer/helpers.c:_PyTokenizer_syntaxerror_known_range"""
    _syntaxerror_range(tok, msg, col_offset, end_col_offset)


def _PyTokenizer_indenterror(tok: tok_state) -> int:
    """CPython: Parser/tokenizer/helpers.c:_PyTokenizer_indenterror"""
    tok.done = E_TABSPACE
    tok.cur = tok.inp
    return ERRORTOKEN


def _PyTokenizer_error_ret(tok: tok_state) -> None:
    """CPython: Parser/tokenizer/helpers.c:_PyTokenizer_error_ret"""
    tok.decoding_erred = True
    tok.buf = tok.cur = tok.inp = 0
    tok.input = b""
    tok.start = -1
    tok.done = E_DECODE


def _PyTokenizer_parser_warn(tok: tok_state, msg: str, error_msg: str = "") -> None:
    """CPython: Parser/tokenizer/helpers.c:_PyTokenizer_parser_warn

    The SyntaxWarning goes through the warnings filters now (with
    ``tok.emit_warnings``, as for the parser); one the filters make an error
    becomes a SyntaxError at the tokenizer's position (``error_msg``, or the
    warning's text). pyvm: without ``emit_warnings`` the warning is recorded
    in ``tok.warnings``, for the tests that compare the tokenizer with
    CPython's ``_tokenize``.
    """
    if not tok.report_warnings:
        return
    if not tok.emit_warnings:
        tok.warnings.append((msg, tok.lineno))
        return
    from pyvm.modules._warningsmodule import PyErr_WarnExplicit  # cycle: it imports the compiler
    try:
        PyErr_WarnExplicit(PyExc_SyntaxWarning, msg,
                           "<string>" if tok.filename is None else tok.filename, tok.lineno,
                           None, None)
    except PyErr as e:
        if e.matches(PyExc_SyntaxWarning):
            # Replace the SyntaxWarning with a SyntaxError for a more accurate report
            _PyErr_Clear(e)
            _PyTokenizer_syntaxerror(tok, error_msg or msg)
        raise


def _PyTokenizer_warn_invalid_escape_sequence(tok: tok_state, first_invalid_escape_char: int) -> None:
    """CPython: Parser/tokenizer/helpers.c:_PyTokenizer_warn_invalid_escape_sequence"""
    ch = chr(first_invalid_escape_char)
    _PyTokenizer_parser_warn(
        tok,
        f'"\\{ch}" is an invalid escape sequence. Such sequences will not work in the '
        f'future. Did you mean "\\\\{ch}"? A raw string is also an option.',
        f'"\\{ch}" is an invalid escape sequence. Did you mean "\\\\{ch}"? A raw string '
        f'is also an option.')


def _PyTokenizer_raise_init_error(filename: str, exc: Exception) -> NoReturn:
    """CPython: Parser/tokenizer/helpers.c:_PyTokenizer_raise_init_error

    pyvm: ``exc`` is the host codec's LookupError/UnicodeDecodeError (pyvm
    decodes the source with the host's codecs); it becomes
    ``SyntaxError(str(exc), (filename, 0, -1, None))``.
    """
    loc = _PyTuple_FromArraySteal([
        PyUnicode_FromString(filename), PyLong_FromLong(0), PyLong_FromLong(-1), Py_None,
    ])
    _raise_with_args(PyExc_SyntaxError, str(exc), loc)


# ---------------------------------------------------------------------------
# Input: newlines, encodings (Parser/tokenizer/helpers.c), the string tokenizers


def _PyTokenizer_translate_newlines(s: bytes, exec_input: bool, preserve_crlf: bool) -> bytes:
    """CPython: Parser/tokenizer/helpers.c:_PyTokenizer_translate_newlines

    ``\\r\\n`` and ``\\r`` become ``\\n`` (unless ``preserve_crlf``), and exec
    input gets a final newline. pyvm: C stops at the first NUL byte; here
    NUL bytes stay, and ``tok_nextc`` rejects them ("source code cannot
    contain null bytes") as it does for file input.
    """
    if not preserve_crlf and b"\r" in s:
        s = s.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    if exec_input and len(s) > 0 and s[len(s) - 1] != _NL:
        s = s + b"\n"
    return s


def _PyTokenizer_check_bom(tok: tok_state, data: bytes) -> int:
    """CPython: Parser/tokenizer/helpers.c:_PyTokenizer_check_bom

    Returns the number of bytes of the UTF-8 BOM at the start of ``data``
    (0 or 3); a BOM sets ``tok.encoding`` to "utf-8".
    """
    tok.decoding_state = STATE_SEEK_CODING
    if data.startswith(b"\xef\xbb\xbf"):
        tok.encoding = "utf-8"
        return 3
    return 0


def get_normal_name(s: str) -> str:
    """CPython: Parser/tokenizer/helpers.c:get_normal_name"""
    buf = s[:12].lower().replace("_", "-")
    if buf == "utf-8" or buf.startswith("utf-8-"):
        return "utf-8"
    if (buf == "latin-1" or buf == "iso-8859-1" or buf == "iso-latin-1"
            or buf.startswith("latin-1-") or buf.startswith("iso-8859-1-")
            or buf.startswith("iso-latin-1-")):
        return "iso-8859-1"
    return s


def _isalnum(c: int) -> bool:
    """pyvm: ``Py_ISALNUM`` of a byte (ASCII letters and digits only)."""
    return (48 <= c <= 57) or (65 <= c <= 90) or (97 <= c <= 122)


def get_coding_spec(s: bytes, start: int, size: int) -> Optional[str]:
    """CPython: Parser/tokenizer/helpers.c:get_coding_spec

    The coding spec of the line ``s[start:start + size]``, or None. It must
    be in a comment that is the only thing on the line.
    """
    i = 0
    while i < size - 6:
        c = s[start + i]
        if c == _HASH:
            break
        if c != _SPACE and c != _TAB and c != _FF:
            return None
        i += 1
    while i < size - 6:
        t = start + i
        if s.startswith(b"coding", t):
            t += 6
            if s[t] != 58 and s[t] != 61:  # ':' or '='
                i += 1
                continue
            t += 1
            while t < len(s) and (s[t] == _SPACE or s[t] == _TAB):
                t += 1
            begin = t
            while t < len(s) and (_isalnum(s[t]) or s[t] == 45 or s[t] == 95 or s[t] == 46):
                t += 1
            if begin < t:
                return get_normal_name(s[begin:t].decode("latin-1"))
        i += 1
    return None


def _PyTokenizer_check_coding_spec(tok: tok_state, s: bytes, start: int, size: int) -> bool:
    """CPython: Parser/tokenizer/helpers.c:_PyTokenizer_check_coding_spec

    pyvm: the string tokenizer's ``set_readline`` (``buf_setreadl``) is
    inlined: a spec other than UTF-8 is recorded in ``tok.enc``. A spec
    that contradicts the BOM raises SyntaxError (C returns 0 with it set).
    """
    if tok.cont_line:
        tok.decoding_state = STATE_NORMAL
        return True
    cs = get_coding_spec(s, start, size)
    if cs is None:
        for i in range(size):
            c = s[start + i]
            if c == _HASH or c == _NL or c == _CR:
                break
            if c != _SPACE and c != _TAB and c != _FF:
                tok.decoding_state = STATE_NORMAL
                break
        return True
    tok.decoding_state = STATE_NORMAL
    if tok.encoding is None:
        if cs != "utf-8":
            tok.enc = cs  # CPython: Parser/tokenizer/string_tokenizer.c:buf_setreadl
        tok.encoding = cs
    elif tok.encoding != cs:
        tok.input = s
        tok.line_start = start
        tok.cur = start
        _PyTokenizer_syntaxerror_known_range(tok, 0, size, f"encoding problem: {cs} with BOM")
    return True


def valid_utf8(s: bytes, i: int) -> int:
    """CPython: Parser/tokenizer/helpers.c:valid_utf8

    The length of the valid UTF-8 sequence at ``s[i]``, or 0.
    """
    n = len(s)
    c = s[i]
    if c < 0x80:
        return 1
    nxt = s[i + 1] if i + 1 < n else 0
    if c < 0xE0:
        if c < 0xC2:
            return 0
        expected = 1
    elif c < 0xF0:
        if c == 0xE0 and nxt < 0xA0:
            return 0
        if c == 0xED and nxt >= 0xA0:
            return 0
        expected = 2
    elif c < 0xF5:
        if (c == 0xF0) if nxt < 0x90 else (c == 0xF4):
            return 0
        expected = 3
    else:
        return 0
    for k in range(1, expected + 1):
        b = s[i + k] if i + k < n else 0
        if b < 0x80 or b >= 0xC0:
            return 0
    return expected + 1


def _PyTokenizer_ensure_utf8(tok: tok_state, s: bytes, lineno: int) -> None:
    """CPython: Parser/tokenizer/helpers.c:_PyTokenizer_ensure_utf8

    Raises the "Non-UTF-8 code starting with ..." SyntaxError at the first
    invalid byte. The common all-valid case is checked by the host codec.
    """
    try:
        s.decode("utf-8")
        return
    except UnicodeDecodeError:
        pass
    i = 0
    col_offset = 0
    line_start = 0
    n = len(s)
    while i < n:
        length = valid_utf8(s, i)
        if length == 0:
            break
        col_offset += 1
        if s[i] == _NL:
            lineno += 1
            col_offset = 0
            line_start = i + 1
        i += length
    if i >= n:
        return
    tok.input = s
    tok.lineno = lineno
    tok.line_start = line_start
    tok.cur = i
    infile = "" if tok.filename is None else f" in file {tok.filename}"
    _PyTokenizer_syntaxerror_known_range(
        tok, col_offset + 1, col_offset + 1,
        f"Non-UTF-8 code starting with '\\x{s[i]:02x}'{infile} on line {lineno}, "
        f"but no encoding declared; see https://peps.python.org/pep-0263/ for details")


def decode_str(tok: tok_state, data: bytes, single: bool, preserve_crlf: bool,
               filename: str = "<string>") -> bytes:
    """CPython: Parser/tokenizer/string_tokenizer.c:decode_str

    The source as UTF-8: the BOM and a coding cookie in the first two lines
    are honoured (the cookie's codec is the host's). pyvm: an unknown
    encoding or undecodable bytes raise the SyntaxError the parser makes of
    the codec's error (``_PyPegen_raise_tokenizer_init_error``) with
    ``filename``.
    """
    s = _PyTokenizer_translate_newlines(data, single, preserve_crlf)
    # (C resets tok->enc here; a new tok_state has none, and not assigning
    # None keeps mypy from narrowing tok.enc for the rest of the function.)
    s = s[_PyTokenizer_check_bom(tok, s):]
    nl0 = s.find(b"\n")
    if nl0 >= 0:
        tok.lineno = 1
        _PyTokenizer_check_coding_spec(tok, s, 0, nl0)
        if tok.enc is None and tok.decoding_state != STATE_NORMAL:
            nl1 = s.find(b"\n", nl0 + 1)
            if nl1 >= 0:
                tok.lineno = 2
                _PyTokenizer_check_coding_spec(tok, s, nl0 + 1, nl1 - nl0)
    tok.lineno = 0
    enc = tok.enc
    if enc is not None:
        try:
            text = s.decode(enc)  # CPython: Parser/tokenizer/helpers.c:_PyTokenizer_translate_into_utf8
        except (LookupError, ValueError) as e:
            _PyTokenizer_raise_init_error(filename, e)
        s = _PyTokenizer_translate_newlines(text.encode("utf-8", "surrogatepass"),
                                            single, preserve_crlf)
    else:
        _PyTokenizer_ensure_utf8(tok, s, 1)
    tok.enc = None
    return s


def _PyTokenizer_FromString(data: bytes, exec_input: bool, preserve_crlf: bool,
                            filename: Optional[str] = None) -> tok_state:
    """CPython: Parser/tokenizer/string_tokenizer.c:_PyTokenizer_FromString

    A tokenizer over source bytes (BOM and coding cookie honoured).
    pyvm: ``filename`` is set at once (C's callers set ``tok->filename``
    after creating the tokenizer; decoding errors then say no file name).
    """
    tok = _PyTokenizer_tok_new()
    decoded = decode_str(tok, data, exec_input, preserve_crlf,
                         "<string>" if filename is None else filename)
    tok.filename = filename
    tok.input = decoded
    tok.buf = tok.cur = tok.inp = 0
    tok.end = len(decoded)
    return tok


def _PyTokenizer_FromUTF8(text: str, exec_input: bool, preserve_crlf: bool,
                          filename: Optional[str] = None) -> tok_state:
    """CPython: Parser/tokenizer/utf8_tokenizer.c:_PyTokenizer_FromUTF8

    A tokenizer over a str (already decoded: no cookie is looked for).
    """
    tok = _PyTokenizer_tok_new()
    translated = _PyTokenizer_translate_newlines(text.encode("utf-8", "surrogatepass"),
                                                 exec_input, preserve_crlf)
    tok.decoding_state = STATE_NORMAL
    tok.enc = None
    tok.encoding = "utf-8"
    tok.filename = filename
    tok.input = translated
    tok.buf = tok.cur = tok.inp = 0
    tok.end = len(translated)
    return tok


def tok_underflow_readline(tok: tok_state) -> bool:
    """CPython: Parser/tokenizer/readline_tokenizer.c:tok_underflow_readline
    CPython: Parser/tokenizer/readline_tokenizer.c:tok_readline_string

    The readline tokenizer's underflow, over lines already in ``tok.input``:
    outside a token (and outside an f-string) the buffer restarts at the
    new line -- also at the end of the input, so that ``buf == inp`` there.
    """
    if tok.start < 0 and tok.tok_mode_stack_index == 0:
        tok.buf = tok.cur
    data = tok.input
    end = data.find(b"\n", tok.inp)
    if end >= 0:
        end += 1
    else:
        end = len(data)
        if end == tok.inp:
            tok.done = E_EOF
            return False
    tok.line_start = tok.cur
    tok.inp = end
    # The last line had no newline: one was added (see _PyTokenizer_FromReadline).
    tok.implicit_newline = 1 if end - 1 == tok.fake_newline else 0
    tok.lineno += 1  # ADVANCE_LINENO
    tok.col_offset = 0
    return True


def _PyTokenizer_FromReadline(source: str, filename: Optional[str] = None) -> tok_state:
    """CPython: Parser/tokenizer/readline_tokenizer.c:_PyTokenizer_FromReadline

    pyvm: the lines of ``source`` (a str, as ``io.StringIO(source).readline``
    gives them to ``_tokenize.TokenizerIter``) are read up front; CRLF is
    preserved and a last line without a newline gets one, as there.
    """
    tok = _PyTokenizer_FromUTF8(source, True, True, filename)
    tok.underflow_readline = True
    if source and not source.endswith("\n"):
        tok.fake_newline = len(tok.input) - 1
    return tok


def _PyTokenizer_FromFile(data: bytes, filename: str) -> tok_state:
    """CPython: Parser/tokenizer/file_tokenizer.c:_PyTokenizer_FromFile
    CPython: Parser/tokenizer/file_tokenizer.c:tok_readline_raw

    The tokenizer of a script file, as ``python FILE`` reads it. pyvm:
    ``data`` is the whole file, read by the caller. C reads it a line at a
    time (``_Py_UniversalNewlineFgetsWithSize``: ``\r\n`` and ``\r`` end a
    line as ``\n``) into a buffer it empties between tokens; here ``input``
    is the whole newline-translated file up front (the BOM dropped, a last
    line without a newline given one, as ``tok_underflow_file`` fakes it) and
    ``tok_underflow_file`` moves ``inp`` a line further each time, with C's
    per-line encoding checks and its buffer restarts (``buf`` moves to the
    new line), which decide the columns of some errors.
    """
    tok = _PyTokenizer_tok_new()
    tok.filename = filename
    tok.underflow_file = True
    s = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n") if b"\r" in data else data
    s = s[_PyTokenizer_check_bom(tok, s):]
    if len(s) > 0 and s[len(s) - 1] != _NL:
        tok.fake_newline = len(s)
        s = s + b"\n"
    tok.input = s
    tok.buf = tok.cur = tok.inp = 0
    tok.end = len(s)
    return tok


def fp_setreadl(tok: tok_state, enc: str) -> None:
    """CPython: Parser/tokenizer/file_tokenizer.c:fp_setreadl
    CPython: Parser/tokenizer/file_tokenizer.c:tok_readline_recode

    The coding cookie names a codec other than UTF-8: the rest of the file,
    after the current line, is read through it from now on. pyvm: it is
    decoded at once (C's first ``readline`` decodes the first 8 KiB chunk);
    an unknown codec or undecodable bytes raise the SyntaxError of
    ``_PyTokenizer_raise_init_error``, as ``_PyTokenizer_check_coding_spec``
    does when ``set_readline`` fails.
    """
    rest_end = tok.fake_newline if tok.fake_newline >= tok.inp else len(tok.input)
    try:
        text = tok.input[tok.inp:rest_end].decode(enc)
    except (LookupError, ValueError) as e:
        _PyTokenizer_error_ret(tok)
        _PyTokenizer_raise_init_error(tok.filename if tok.filename is not None else "<string>", e)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    rest = text.encode("utf-8", "surrogatepass")
    head = tok.input[:tok.inp]
    tok.fake_newline = -1
    if len(rest) > 0 and rest[len(rest) - 1] != _NL:
        tok.fake_newline = len(head) + len(rest)
        rest = rest + b"\n"
    tok.input = head + rest
    tok.end = len(tok.input)
    tok.fp_recoded = True


def tok_underflow_file(tok: tok_state) -> bool:
    """CPython: Parser/tokenizer/file_tokenizer.c:tok_underflow_file

    The next line of the file becomes readable. Outside a token and an
    f-string the buffer restarts at it (``buf = cur``; at the end of the file
    too, so an error there has column 0) -- except while the encoding of a
    raw file is still sought (lines 1 and 2), whose lines stay in the buffer
    to be checked together. The first two lines may hold a coding cookie; a
    raw line is then checked as UTF-8 (or decoded with the BOM's or the
    cookie's UTF-8): an error on line 1 or 2 is reported on "line 1", the
    buffer's first line, as C does.
    """
    raw = not tok.fp_recoded
    if raw and tok.decoding_state != STATE_NORMAL:
        pass  # keep the first line in the buffer to validate it later
    elif tok.start < 0 and tok.tok_mode_stack_index == 0:
        tok.buf = tok.cur
    if tok.inp >= len(tok.input):
        tok.done = E_EOF
        return False
    line_begin = tok.inp
    end = tok.input.find(b"\n", tok.inp) + 1
    tok.implicit_newline = 1 if end - 1 == tok.fake_newline else 0
    tok.inp = end
    tok.lineno += 1  # ADVANCE_LINENO
    tok.col_offset = 0
    if tok.decoding_state != STATE_NORMAL:
        _PyTokenizer_check_coding_spec(tok, tok.input, line_begin, end - line_begin)
        enc = tok.enc
        if enc is not None:
            tok.enc = None
            fp_setreadl(tok, enc)
        if tok.lineno >= 2:
            tok.decoding_state = STATE_NORMAL
    if raw and tok.decoding_state == STATE_NORMAL:
        line = tok.buf if tok.lineno <= 2 else line_begin
        lineno = 1 if tok.lineno <= 2 else tok.lineno
        data = tok.input[line:tok.inp]
        nul = data.find(b"\0")
        if nul >= 0:
            data = data[:nul]  # C's strlen
        encoding = tok.encoding
        if encoding is None:
            _PyTokenizer_ensure_utf8(tok, data, lineno)
        else:
            try:
                data.decode(encoding)
            except (LookupError, ValueError) as e:
                _PyTokenizer_error_ret(tok)
                _PyTokenizer_raise_init_error(
                    tok.filename if tok.filename is not None else "<string>", e)
    return True


def tok_underflow_string(tok: tok_state) -> bool:
    """CPython: Parser/tokenizer/string_tokenizer.c:tok_underflow_string
    CPython: Parser/tokenizer/utf8_tokenizer.c:tok_underflow_string

    The next line becomes readable: ``inp`` moves past its newline.
    """
    data = tok.input
    end = data.find(b"\n", tok.inp)
    if end >= 0:
        end += 1
    else:
        end = len(data)
        if end == tok.inp:
            tok.done = E_EOF
            return False
    if tok.start < 0:
        tok.buf = tok.cur
    tok.line_start = tok.cur
    tok.lineno += 1  # ADVANCE_LINENO
    tok.col_offset = 0
    tok.inp = end
    return True


# ---------------------------------------------------------------------------
# The lexer (Parser/lexer/lexer.c)


def _is_potential_identifier_start(c: int) -> bool:
    """CPython: Parser/lexer/lexer.c:is_potential_identifier_start"""
    return (97 <= c <= 122) or (65 <= c <= 90) or c == _UNDERSCORE or c >= 128


def _is_potential_identifier_char(c: int) -> bool:
    """CPython: Parser/lexer/lexer.c:is_potential_identifier_char"""
    return (97 <= c <= 122) or (65 <= c <= 90) or (48 <= c <= 57) or c == _UNDERSCORE or c >= 128


def _isdigit(c: int) -> bool:
    """pyvm: ``Py_ISDIGIT``."""
    return 48 <= c <= 57


def _isxdigit(c: int) -> bool:
    """pyvm: ``Py_ISXDIGIT``."""
    return (48 <= c <= 57) or (97 <= c <= 102) or (65 <= c <= 70)


def _tolower(c: int) -> int:
    """pyvm: ``Py_TOLOWER`` of a byte."""
    return c + 32 if 65 <= c <= 90 else c


def tok_nextc(tok: tok_state) -> int:
    """CPython: Parser/lexer/lexer.c:tok_nextc
    CPython: Parser/lexer/lexer.c:contains_null_bytes

    The next byte, or EOF (-1) with the reason in ``tok.done``.
    """
    while True:
        cur = tok.cur
        if cur != tok.inp:
            tok.col_offset += 1
            tok.cur = cur + 1
            return tok.input[cur]
        if tok.done != E_OK:
            return EOF
        if tok.underflow_file:
            more = tok_underflow_file(tok)
        elif tok.underflow_readline:
            more = tok_underflow_readline(tok)
        else:
            more = tok_underflow_string(tok)
        if not more:
            tok.cur = tok.inp
            return EOF
        tok.line_start = tok.cur
        if tok.input.find(b"\0", tok.line_start, tok.inp) >= 0:
            # (C moves cur to inp after setting the error: the error's
            # offset is the start of the line.)
            _PyTokenizer_syntaxerror(tok, "source code cannot contain null bytes")


def tok_backup(tok: tok_state, c: int) -> None:
    """CPython: Parser/lexer/lexer.c:tok_backup"""
    if c != EOF:
        tok.cur -= 1
        if tok.cur < tok.buf:
            raise AssertionError("tokenizer beginning of buffer")  # C: Py_FatalError
        if tok.input[tok.cur] != c:
            raise AssertionError("tok_backup: wrong character")  # C: Py_FatalError
        tok.col_offset -= 1


def set_ftstring_expr(tok: tok_state, token: Token, c: int) -> None:
    """CPython: Parser/lexer/lexer.c:set_ftstring_expr

    The text of the replacement field's expression becomes the token's
    metadata (for ``{x=}`` and t-strings), comments removed.
    """
    tok_mode = TOK_GET_MODE(tok)
    if not (tok_mode.in_debug or tok_mode.string_kind == TSTRING) or token.metadata is not None:
        return
    start = tok_mode.last_expr_buffer
    n = tok_mode.last_expr_size - tok_mode.last_expr_end
    expr = tok.input[start:start + n]
    hash_detected = False
    in_string = False
    quote_char = 0
    i = 0
    while i < n:
        ch = expr[i]
        if ch == _BSLASH:
            i += 2
            continue
        if ch == _DQUOTE or ch == _SQUOTE:
            if not in_string:
                in_string = True
                quote_char = ch
            elif ch == quote_char:
                in_string = False
            i += 1
            continue
        if ch == _HASH and not in_string:
            hash_detected = True
            break
        i += 1
    if hash_detected:
        result = bytearray()
        i = 0
        in_string = False
        quote_char = 0
        while i < n:
            ch = expr[i]
            if ch == _DQUOTE or ch == _SQUOTE:
                if not in_string:
                    in_string = True
                    quote_char = ch
                elif ch == quote_char:
                    in_string = False
                result.append(ch)
            elif ch == _HASH and not in_string:
                while i < n and expr[i] != _NL:
                    i += 1
                if i < n:
                    result.append(_NL)
            else:
                result.append(ch)
            i += 1
        token.metadata = bytes(result).decode("utf-8")
    else:
        token.metadata = expr.decode("utf-8")


def _PyLexer_update_ftstring_expr(tok: tok_state, cur: int) -> int:
    """CPython: Parser/lexer/lexer.c:_PyLexer_update_ftstring_expr

    C copies the rest of the buffer from the ``{`` on; here the copy is the
    index where it starts, and the sizes are C's (lengths to the end of the
    input, the string tokenizer's ``strlen``). The ``cur == 0`` case (the
    readline tokenizer appending a new line to the copy) cannot happen.
    """
    tok_mode = TOK_GET_MODE(tok)
    total = len(tok.input)
    if cur == _LBRACE:
        tok_mode.last_expr_buffer = tok.cur
        tok_mode.last_expr_size = total - tok.cur
        tok_mode.last_expr_end = -1
    elif cur == _RBRACE or cur == 33:  # '}' or '!'
        tok_mode.last_expr_end = total - tok.start
    elif cur == 58:  # ':'
        if tok_mode.last_expr_end == -1:
            tok_mode.last_expr_end = total - tok.start
    return 1


def lookahead(tok: tok_state, test: bytes) -> bool:
    """CPython: Parser/lexer/lexer.c:lookahead"""
    s = 0
    n = len(test)
    while True:
        c = tok_nextc(tok)
        res = False
        if s == n:
            res = not _is_potential_identifier_char(c)
        elif c == test[s]:
            s += 1
            continue
        tok_backup(tok, c)
        while s != 0:
            s -= 1
            tok_backup(tok, test[s])
        return res


def verify_end_of_number(tok: tok_state, c: int, kind: str) -> None:
    """CPython: Parser/lexer/lexer.c:verify_end_of_number

    A number directly followed by a keyword that can follow it in valid
    code (``1if x else y``) gets a SyntaxWarning; by another letter, a
    SyntaxError "invalid ... literal".
    """
    if tok.tok_extra_tokens:
        return
    r = False
    if c == 97:  # 'a'
        r = lookahead(tok, b"nd")
    elif c == 101:  # 'e'
        r = lookahead(tok, b"lse")
    elif c == 102:  # 'f'
        r = lookahead(tok, b"or")
    elif c == 105:  # 'i'
        c2 = tok_nextc(tok)
        if c2 == 102 or c2 == 110 or c2 == 115:
            r = True
        tok_backup(tok, c2)
    elif c == 111:  # 'o'
        r = lookahead(tok, b"r")
    elif c == 110:  # 'n'
        r = lookahead(tok, b"ot")
    if r:
        tok_backup(tok, c)
        _PyTokenizer_parser_warn(tok, f"invalid {kind} literal")
        tok_nextc(tok)
    elif c < 128 and _is_potential_identifier_char(c):
        tok_backup(tok, c)
        _PyTokenizer_syntaxerror(tok, f"invalid {kind} literal")


def _PyUnicode_ScanIdentifier(s: str) -> int:
    """CPython: Objects/unicodeobject.c:_PyUnicode_ScanIdentifier

    The index of the first character that cannot be in an identifier
    (XID_Start or ``_`` first, XID_Continue after); the host's Unicode
    database decides.
    """
    if not s[0].isidentifier():
        return 0
    for i in range(1, len(s)):
        if not ("a" + s[i]).isidentifier():
            return i
    return len(s)


def verify_identifier(tok: tok_state) -> bool:
    """CPython: Parser/lexer/lexer.c:verify_identifier"""
    if tok.tok_extra_tokens:
        return True
    if tok.decoding_erred:
        return False
    s = tok.input[tok.start:tok.cur].decode("utf-8", "surrogatepass")
    invalid = _PyUnicode_ScanIdentifier(s)
    if invalid < len(s):
        ch = s[invalid]
        if invalid + 1 < len(s):
            tok.cur = tok.start + len(s[:invalid + 1].encode("utf-8", "surrogatepass"))
        if ch.isprintable():
            _PyTokenizer_syntaxerror(tok, f"invalid character '{ch}' (U+{ord(ch):04X})")
        else:
            _PyTokenizer_syntaxerror(tok, f"invalid non-printable character U+{ord(ch):04X}")
    return True


def tok_decimal_tail(tok: tok_state) -> int:
    """CPython: Parser/lexer/lexer.c:tok_decimal_tail"""
    while True:
        c = tok_nextc(tok)
        while _isdigit(c):
            c = tok_nextc(tok)
        if c != _UNDERSCORE:
            break
        c = tok_nextc(tok)
        if not _isdigit(c):
            tok_backup(tok, c)
            _PyTokenizer_syntaxerror(tok, "invalid decimal literal")
    return c


def tok_continuation_line(tok: tok_state) -> int:
    """CPython: Parser/lexer/lexer.c:tok_continuation_line"""
    c = tok_nextc(tok)
    if c == _CR:
        c = tok_nextc(tok)
    if c != _NL:
        tok.done = E_LINECONT
        return -1
    c = tok_nextc(tok)
    if c == EOF:
        tok.done = E_EOF
        tok.cur = tok.inp
        return -1
    tok_backup(tok, c)
    return c


def maybe_raise_syntax_error_for_string_prefixes(tok: tok_state, saw_b: bool, saw_r: bool,
                                                 saw_u: bool, saw_f: bool, saw_t: bool) -> None:
    """CPython: Parser/lexer/lexer.c:maybe_raise_syntax_error_for_string_prefixes
    CPython: Parser/lexer/lexer.c:RETURN_SYNTAX_ERROR"""
    pair = ""
    if saw_u and saw_b:
        pair = "'u' and 'b'"
    elif saw_u and saw_r:
        pair = "'u' and 'r'"
    elif saw_u and saw_f:
        pair = "'u' and 'f'"
    elif saw_u and saw_t:
        pair = "'u' and 't'"
    elif saw_b and saw_f:
        pair = "'b' and 'f'"
    elif saw_b and saw_t:
        pair = "'b' and 't'"
    elif saw_f and saw_t:
        pair = "'f' and 't'"
    if pair:
        _PyTokenizer_syntaxerror_known_range(tok, tok.start + 1 - tok.line_start,
                                             tok.cur - tok.line_start,
                                             f"{pair} prefixes are incompatible")


# Entry points of the number scanner after the integer part (C's labels).
_NUM_AFTER_INT: Final = 0
_NUM_FRACTION: Final = 1
_NUM_EXPONENT: Final = 2
_NUM_IMAGINARY: Final = 3


def _tok_number(tok: tok_state, token: Token, c: int) -> int:
    """CPython: Parser/lexer/lexer.c:tok_get_normal_mode

    pyvm: the number part of ``tok_get_normal_mode`` (``c`` is its first
    digit), with its ``fraction``/``exponent``/``imaginary`` labels in
    ``_tok_number_tail``.
    """
    if c == 48:  # '0'
        c = tok_nextc(tok)
        if c == 120 or c == 88:  # 'x'
            c = tok_nextc(tok)
            while True:
                if c == _UNDERSCORE:
                    c = tok_nextc(tok)
                if not _isxdigit(c):
                    tok_backup(tok, c)
                    _PyTokenizer_syntaxerror(tok, "invalid hexadecimal literal")
                c = tok_nextc(tok)
                while _isxdigit(c):
                    c = tok_nextc(tok)
                if c != _UNDERSCORE:
                    break
            verify_end_of_number(tok, c, "hexadecimal")
        elif c == 111 or c == 79:  # 'o'
            c = tok_nextc(tok)
            while True:
                if c == _UNDERSCORE:
                    c = tok_nextc(tok)
                if c < 48 or c >= 56:
                    if _isdigit(c):
                        _PyTokenizer_syntaxerror(tok, f"invalid digit '{chr(c)}' in octal literal")
                    tok_backup(tok, c)
                    _PyTokenizer_syntaxerror(tok, "invalid octal literal")
                c = tok_nextc(tok)
                while 48 <= c < 56:
                    c = tok_nextc(tok)
                if c != _UNDERSCORE:
                    break
            if _isdigit(c):
                _PyTokenizer_syntaxerror(tok, f"invalid digit '{chr(c)}' in octal literal")
            verify_end_of_number(tok, c, "octal")
        elif c == 98 or c == 66:  # 'b'
            c = tok_nextc(tok)
            while True:
                if c == _UNDERSCORE:
                    c = tok_nextc(tok)
                if c != 48 and c != 49:
                    if _isdigit(c):
                        _PyTokenizer_syntaxerror(tok, f"invalid digit '{chr(c)}' in binary literal")
                    tok_backup(tok, c)
                    _PyTokenizer_syntaxerror(tok, "invalid binary literal")
                c = tok_nextc(tok)
                while c == 48 or c == 49:
                    c = tok_nextc(tok)
                if c != _UNDERSCORE:
                    break
            if _isdigit(c):
                _PyTokenizer_syntaxerror(tok, f"invalid digit '{chr(c)}' in binary literal")
            verify_end_of_number(tok, c, "binary")
        else:
            nonzero = False
            # Maybe old-style octal; in any case allow '0' as a literal.
            while True:
                if c == _UNDERSCORE:
                    c = tok_nextc(tok)
                    if not _isdigit(c):
                        tok_backup(tok, c)
                        _PyTokenizer_syntaxerror(tok, "invalid decimal literal")
                if c != 48:
                    break
                c = tok_nextc(tok)
            zeros_end = tok.cur
            if _isdigit(c):
                nonzero = True
                c = tok_decimal_tail(tok)
            if c == _DOT:
                c = tok_nextc(tok)
                return _tok_number_tail(tok, token, c, _NUM_FRACTION)
            elif c == 101 or c == 69:  # 'e'
                return _tok_number_tail(tok, token, c, _NUM_EXPONENT)
            elif c == 106 or c == 74:  # 'j'
                return _tok_number_tail(tok, token, c, _NUM_IMAGINARY)
            elif nonzero and not tok.tok_extra_tokens:
                # Old-style octal: now disallowed.
                tok_backup(tok, c)
                _PyTokenizer_syntaxerror_known_range(
                    tok, tok.start + 1 - tok.line_start, zeros_end - tok.line_start,
                    "leading zeros in decimal integer literals are not permitted; "
                    "use an 0o prefix for octal integers")
            verify_end_of_number(tok, c, "decimal")
        tok_backup(tok, c)
        return _PyLexer_token_setup(tok, token, NUMBER, tok.start, tok.cur)
    # Decimal
    c = tok_decimal_tail(tok)
    return _tok_number_tail(tok, token, c, _NUM_AFTER_INT)


def _tok_number_tail(tok: tok_state, token: Token, c: int, entry: int) -> int:
    """CPython: Parser/lexer/lexer.c:tok_get_normal_mode

    pyvm: the end of a decimal number, entered where C jumps: after the
    integer part, at ``fraction`` (``c`` is the byte after the dot), at
    ``exponent`` (``c`` is the ``e``) or at ``imaginary`` (``c`` is the ``j``).
    """
    if entry == _NUM_AFTER_INT and c == _DOT:
        c = tok_nextc(tok)
        entry = _NUM_FRACTION
    if entry == _NUM_FRACTION:
        if _isdigit(c):
            c = tok_decimal_tail(tok)
    if entry == _NUM_EXPONENT or (entry != _NUM_IMAGINARY and (c == 101 or c == 69)):
        e = c
        c = tok_nextc(tok)
        if c == 43 or c == 45:  # '+' or '-'
            c = tok_nextc(tok)
            if not _isdigit(c):
                tok_backup(tok, c)
                _PyTokenizer_syntaxerror(tok, "invalid decimal literal")
        elif not _isdigit(c):
            tok_backup(tok, c)
            verify_end_of_number(tok, e, "decimal")
            tok_backup(tok, e)
            return _PyLexer_token_setup(tok, token, NUMBER, tok.start, tok.cur)
        c = tok_decimal_tail(tok)
    if entry == _NUM_IMAGINARY or c == 106 or c == 74:  # 'j'
        c = tok_nextc(tok)
        verify_end_of_number(tok, c, "imaginary")
    else:
        verify_end_of_number(tok, c, "decimal")
    tok_backup(tok, c)
    return _PyLexer_token_setup(tok, token, NUMBER, tok.start, tok.cur)


def _tok_fstring_start(tok: tok_state, token: Token, c: int) -> int:
    """CPython: Parser/lexer/lexer.c:tok_get_normal_mode

    pyvm: the ``f_string_quote`` part of ``tok_get_normal_mode``: an f- or
    t-string prefix and its opening quote; pushes a new tokenizer mode.
    """
    quote = c
    quote_size = 1
    tok.first_lineno = tok.lineno
    tok.multi_line_start = tok.line_start
    after_quote = tok_nextc(tok)
    if after_quote == quote:
        after_after_quote = tok_nextc(tok)
        if after_after_quote == quote:
            quote_size = 3
        else:
            tok_backup(tok, after_after_quote)
            tok_backup(tok, after_quote)
    if after_quote != quote:
        tok_backup(tok, after_quote)
    p_start = tok.start
    p_end = tok.cur
    if tok.tok_mode_stack_index + 1 >= MAXFSTRINGLEVEL:
        _PyTokenizer_syntaxerror(tok, "too many nested f-strings or t-strings")
    the_current_tok = TOK_NEXT_MODE(tok)
    the_current_tok.kind = TOK_FSTRING_MODE
    the_current_tok.quote = quote
    the_current_tok.quote_size = quote_size
    the_current_tok.start = tok.start
    the_current_tok.multi_line_start = tok.line_start
    the_current_tok.first_line = tok.lineno
    the_current_tok.last_expr_buffer = -1
    the_current_tok.last_expr_size = 0
    the_current_tok.last_expr_end = -1
    the_current_tok.in_format_spec = False
    the_current_tok.in_debug = False
    data = tok.input
    first = _tolower(data[tok.start])
    second = _tolower(data[tok.start + 1])
    string_kind = FSTRING
    if first == 116:  # 't'
        the_current_tok.raw = second == 114
        string_kind = TSTRING
    elif first == 102:  # 'f'
        the_current_tok.raw = second == 114
    else:  # 'r'
        the_current_tok.raw = True
        if second == 116:
            string_kind = TSTRING
    the_current_tok.string_kind = string_kind
    the_current_tok.curly_bracket_depth = 0
    the_current_tok.curly_bracket_expr_start_depth = -1
    return _PyLexer_token_setup(tok, token, TSTRING_START if string_kind == TSTRING else FSTRING_START,
                                p_start, p_end)


def _tok_string(tok: tok_state, token: Token, c: int) -> int:
    """CPython: Parser/lexer/lexer.c:tok_get_normal_mode

    pyvm: the ``letter_quote`` part of ``tok_get_normal_mode``: a whole
    string literal (prefix already read), or its unterminated-string error
    reported from the opening quote.
    """
    quote = c
    quote_size = 1
    end_quote_size = 0
    has_escaped_quote = False
    tok.first_lineno = tok.lineno
    tok.multi_line_start = tok.line_start
    c = tok_nextc(tok)
    if c == quote:
        c = tok_nextc(tok)
        if c == quote:
            quote_size = 3
        else:
            end_quote_size = 1  # empty string found
    if c != quote:
        tok_backup(tok, c)
    data = tok.input
    while end_quote_size != quote_size:
        cur = tok.cur
        if cur != tok.inp:  # tok_nextc's fast path, inlined
            tok.col_offset += 1
            tok.cur = cur + 1
            c = data[cur]
        else:
            c = tok_nextc(tok)
        if tok.done == E_DECODE:
            break
        if c == EOF or (quote_size == 1 and c == _NL):
            # Report the error from the initial quote character.
            tok.cur = tok.start + 1
            tok.line_start = tok.multi_line_start
            start = tok.lineno
            tok.lineno = tok.first_lineno
            if tok.tok_mode_stack_index > 0:
                # Inside an f-string, a quote like the f-string's own
                # means a missing '}'.
                the_current_tok = TOK_GET_MODE(tok)
                if the_current_tok.quote == quote and the_current_tok.quote_size == quote_size:
                    _PyTokenizer_syntaxerror(tok, f"{_string_prefix(tok)}-string: expecting '}}'")
            if quote_size == 3:
                _PyTokenizer_syntaxerror(
                    tok, f"unterminated triple-quoted string literal (detected at line {start})",
                    E_EOFS if c != _NL else E_ERROR)
            if has_escaped_quote:
                _PyTokenizer_syntaxerror(
                    tok, f"unterminated string literal (detected at line {start}); "
                    "perhaps you escaped the end quote?", E_EOLS if c != _NL else E_ERROR)
            _PyTokenizer_syntaxerror(
                tok, f"unterminated string literal (detected at line {start})",
                E_EOLS if c != _NL else E_ERROR)
        if c == quote:
            end_quote_size += 1
        else:
            end_quote_size = 0
            if c == _BSLASH:
                c = tok_nextc(tok)  # skip escaped char
                if c == quote:
                    has_escaped_quote = True
                if c == _CR:
                    c = tok_nextc(tok)
    return _PyLexer_token_setup(tok, token, STRING, tok.start, tok.cur)


# Spaces in this constant are "zero or more spaces or tabs" when tokenizing.
type_comment_prefix: Final = b"# type: "


def _type_comment(tok: tok_state, token: Token, c: int, blankline: bool) -> int:
    """CPython: Parser/lexer/lexer.c:tok_get_normal_mode
    CPython: Parser/lexer/lexer.c:MAKE_TYPE_COMMENT_TOKEN

    pyvm: the type-comment part of ``tok_get_normal_mode`` (``tok.start``
    is the ``#`` of a comment read up to ``c``, its newline or EOF): a
    TYPE_IGNORE or TYPE_COMMENT token when the comment starts with
    ``# type:``, else -1 (an ordinary comment).
    """
    data = tok.input
    n = len(data)
    p = tok.start
    current_starting_col_offset = tok.starting_col_offset
    k = 0
    while k < len(type_comment_prefix) and p < tok.cur:
        ch = type_comment_prefix[k]
        if ch == _SPACE:
            while p < n and (data[p] == _SPACE or data[p] == _TAB):
                p += 1
                current_starting_col_offset += 1
        elif p < n and data[p] == ch:
            p += 1
            current_starting_col_offset += 1
        else:
            break
        k += 1
    # A type comment if all of type_comment_prefix matched.
    if k < len(type_comment_prefix):
        return -1
    ignore_end = p + 6  # skip the word 'ignore'
    ignore_end_col_offset = current_starting_col_offset + 6
    tok_backup(tok, c)  # don't eat the newline or EOF
    type_start = p
    # A TYPE_IGNORE is "type: ignore" followed by the end of the token or
    # anything ASCII and non-alphanumeric.
    is_type_ignore = (tok.cur >= ignore_end and data.startswith(b"ignore", p)
                      and not (tok.cur > ignore_end
                               and (data[ignore_end] >= 128 or _isalnum(data[ignore_end]))))
    if is_type_ignore:
        p_start = ignore_end
        p_end = tok.cur
        # A type ignore alone on its line consumes the newline too.
        if blankline:
            tok_nextc(tok)
            tok.atbol = 1
        return _PyLexer_type_comment_token_setup(tok, token, TYPE_IGNORE, ignore_end_col_offset,
                                                 tok.col_offset, p_start, p_end)
    return _PyLexer_type_comment_token_setup(tok, token, TYPE_COMMENT, current_starting_col_offset,
                                             tok.col_offset, type_start, tok.cur)


def tok_get_normal_mode(tok: tok_state, current_tok: tokenizer_mode, token: Token) -> int:
    """CPython: Parser/lexer/lexer.c:tok_get_normal_mode"""
    data = tok.input
    while True:  # nextline:
        tok.start = -1
        tok.starting_col_offset = -1
        blankline = False

        # Get indentation level
        if tok.atbol:
            col = 0
            altcol = 0
            tok.atbol = 0
            cont_line_col = 0
            while True:
                c = tok_nextc(tok)
                if c == _SPACE:
                    col += 1
                    altcol += 1
                elif c == _TAB:
                    col = (col // tok.tabsize + 1) * tok.tabsize
                    altcol = (altcol // ALTTABSIZE + 1) * ALTTABSIZE
                elif c == _FF:  # Control-L (formfeed), for Emacs users
                    col = altcol = 0
                elif c == _BSLASH:
                    # Indentation cannot be split over several physical
                    # lines: the first backslash after the whitespace
                    # fixes the indentation of what follows.
                    cont_line_col = cont_line_col if cont_line_col else col
                    c = tok_continuation_line(tok)
                    if c == -1:
                        return _PyLexer_token_setup(tok, token, ERRORTOKEN, -1, -1)
                else:
                    break
            tok_backup(tok, c)
            if c == _HASH or c == _NL or c == _CR:
                # Lines with only whitespace and/or comments do not affect
                # the indentation and are not NEWLINE tokens (no
                # interactive mode here: tok->prompt is always NULL).
                blankline = True
            if not blankline and tok.level == 0:
                col = cont_line_col if cont_line_col else col
                altcol = cont_line_col if cont_line_col else altcol
                if col == tok.indstack[tok.indent]:
                    # No change
                    if altcol != tok.altindstack[tok.indent]:
                        return _PyLexer_token_setup(tok, token, _PyTokenizer_indenterror(tok), -1, -1)
                elif col > tok.indstack[tok.indent]:
                    # Indent -- always one
                    if tok.indent + 1 >= MAXINDENT:
                        tok.done = E_TOODEEP
                        tok.cur = tok.inp
                        return _PyLexer_token_setup(tok, token, ERRORTOKEN, -1, -1)
                    if altcol <= tok.altindstack[tok.indent]:
                        return _PyLexer_token_setup(tok, token, _PyTokenizer_indenterror(tok), -1, -1)
                    tok.pendin += 1
                    tok.indent += 1
                    tok.indstack[tok.indent] = col
                    tok.altindstack[tok.indent] = altcol
                else:
                    # Dedent -- any number, must be consistent
                    while tok.indent > 0 and col < tok.indstack[tok.indent]:
                        tok.pendin -= 1
                        tok.indent -= 1
                    if col != tok.indstack[tok.indent]:
                        tok.done = E_DEDENT
                        tok.cur = tok.inp
                        return _PyLexer_token_setup(tok, token, ERRORTOKEN, -1, -1)
                    if altcol != tok.altindstack[tok.indent]:
                        return _PyLexer_token_setup(tok, token, _PyTokenizer_indenterror(tok), -1, -1)

        tok.start = tok.cur
        tok.starting_col_offset = tok.col_offset

        # Return pending indents/dedents
        if tok.pendin != 0:
            if tok.pendin < 0:
                p = tok.cur if tok.tok_extra_tokens else -1
                tok.pendin += 1
                return _PyLexer_token_setup(tok, token, DEDENT, p, p)
            else:
                p_start = tok.buf if tok.tok_extra_tokens else -1
                p_end = tok.cur if tok.tok_extra_tokens else -1
                tok.pendin -= 1
                return _PyLexer_token_setup(tok, token, INDENT, p_start, p_end)

        # Peek ahead at the next character
        c = tok_nextc(tok)
        tok_backup(tok, c)

        while True:  # again:
            tok.start = -1
            # Skip spaces
            c = tok_nextc(tok)
            while c == _SPACE or c == _TAB or c == _FF:
                c = tok_nextc(tok)

            # Set start of current token
            tok.start = tok.cur - 1
            tok.starting_col_offset = tok.col_offset - 1

            # Skip comment, unless it's a type comment
            if c == _HASH:
                # The rest of the line is read at once (the comment cannot
                # go past the newline that ends the buffered line).
                cur = tok.cur
                nl = data.find(b"\n", cur, tok.inp)
                if nl >= 0:
                    cr = data.find(b"\r", cur, nl)
                    if cr >= 0:
                        nl = cr
                    tok.col_offset += nl + 1 - cur
                    tok.cur = nl + 1
                    c = data[nl]
                while c != EOF and c != _NL and c != _CR:
                    c = tok_nextc(tok)
                p = tok.start if tok.tok_extra_tokens else -1
                if tok.type_comments:
                    kind = _type_comment(tok, token, c, blankline)
                    if kind >= 0:
                        return kind
                if tok.tok_extra_tokens:
                    tok_backup(tok, c)  # don't eat the newline or EOF
                    tok.comment_newline = 1 if blankline else 0
                    return _PyLexer_token_setup(tok, token, COMMENT, p, tok.cur)

            # Check for EOF and errors now
            if c == EOF:
                if tok.level:
                    return _PyLexer_token_setup(tok, token, ERRORTOKEN, -1, -1)
                return _PyLexer_token_setup(tok, token, ENDMARKER if tok.done == E_EOF else ERRORTOKEN,
                                            -1, -1)

            # Identifier (most frequent token!)
            goto = 0  # 1: f_string_quote, 2: letter_quote
            if _is_potential_identifier_start(c):
                # Process the various legal combinations of b"", r"", u"", f"", t"".
                saw_b = saw_r = saw_u = saw_f = saw_t = False
                while True:
                    if not saw_b and (c == 98 or c == 66):
                        saw_b = True
                    # u"" is backwards compatibility support: not in any order
                    elif not saw_u and (c == 117 or c == 85):
                        saw_u = True
                    # ur"" and ru"" are not supported
                    elif not saw_r and (c == 114 or c == 82):
                        saw_r = True
                    elif not saw_f and (c == 102 or c == 70):
                        saw_f = True
                    elif not saw_t and (c == 116 or c == 84):
                        saw_t = True
                    else:
                        break
                    c = tok_nextc(tok)
                    if c == _DQUOTE or c == _SQUOTE:
                        maybe_raise_syntax_error_for_string_prefixes(
                            tok, saw_b, saw_r, saw_u, saw_f, saw_t)
                        goto = 1 if (saw_f or saw_t) else 2
                        break
                if goto == 0:
                    nonascii = False
                    while _is_potential_identifier_char(c):
                        if c >= 128:
                            nonascii = True
                        cur = tok.cur
                        if cur != tok.inp:  # tok_nextc's fast path, inlined
                            tok.col_offset += 1
                            tok.cur = cur + 1
                            c = data[cur]
                        else:
                            c = tok_nextc(tok)
                    tok_backup(tok, c)
                    if nonascii and not verify_identifier(tok):
                        return _PyLexer_token_setup(tok, token, ERRORTOKEN, -1, -1)
                    return _PyLexer_token_setup(tok, token, NAME, tok.start, tok.cur)

            if goto == 0:
                if c == _CR:
                    c = tok_nextc(tok)

                # Newline
                if c == _NL:
                    tok.atbol = 1
                    if blankline or tok.level > 0:
                        if tok.tok_extra_tokens:
                            if tok.comment_newline:
                                tok.comment_newline = 0
                            return _PyLexer_token_setup(tok, token, NL, tok.start, tok.cur)
                        break  # goto nextline
                    if tok.comment_newline and tok.tok_extra_tokens:
                        tok.comment_newline = 0
                        return _PyLexer_token_setup(tok, token, NL, tok.start, tok.cur)
                    tok.cont_line = 0
                    # Leave '\n' out of the string
                    return _PyLexer_token_setup(tok, token, NEWLINE, tok.start, tok.cur - 1)

                # Period or number starting with period?
                if c == _DOT:
                    c = tok_nextc(tok)
                    if _isdigit(c):
                        return _tok_number_tail(tok, token, c, _NUM_FRACTION)
                    elif c == _DOT:
                        c = tok_nextc(tok)
                        if c == _DOT:
                            return _PyLexer_token_setup(tok, token, ELLIPSIS, tok.start, tok.cur)
                        tok_backup(tok, c)
                        tok_backup(tok, _DOT)
                    else:
                        tok_backup(tok, c)
                    return _PyLexer_token_setup(tok, token, DOT, tok.start, tok.cur)

                # Number
                if _isdigit(c):
                    return _tok_number(tok, token, c)

            # f_string_quote:
            if goto != 2 and (c == _SQUOTE or c == _DQUOTE):
                first = _tolower(data[tok.start])
                if first == 102 or first == 114 or first == 116:  # 'f', 'r', 't'
                    return _tok_fstring_start(tok, token, c)

            # letter_quote: String
            if c == _SQUOTE or c == _DQUOTE:
                return _tok_string(tok, token, c)

            # Line continuation
            if c == _BSLASH:
                c = tok_continuation_line(tok)
                if c == -1:
                    return _PyLexer_token_setup(tok, token, ERRORTOKEN, -1, -1)
                tok.cont_line = 1
                continue  # goto again: read next line

            return _tok_operator(tok, current_tok, token, c)


def _tok_operator(tok: tok_state, current_tok: tokenizer_mode, token: Token, c: int) -> int:
    """CPython: Parser/lexer/lexer.c:tok_get_normal_mode

    pyvm: the punctuation part of ``tok_get_normal_mode``: operators, the
    bracket stack and its errors, and the f-string bookkeeping of ``{``,
    ``}``, ``!``, ``:`` and ``=`` inside a replacement field.
    """
    inside_fstring = tok.tok_mode_stack_index > 0
    is_punctuation = c == 58 or c == _RBRACE or c == 33 or c == _LBRACE
    if is_punctuation and inside_fstring and current_tok.curly_bracket_expr_start_depth >= 0:
        # Before the `{` case increments curly_bracket_depth: adjust to
        # know whether we are on the 0th level.
        cursor = current_tok.curly_bracket_depth - (0 if c == _LBRACE else 1)
        in_format_spec = current_tok.in_format_spec
        cursor_in_format_with_debug = cursor == 1 and (current_tok.in_debug or in_format_spec)
        cursor_valid = cursor == 0 or cursor_in_format_with_debug
        if cursor_valid:
            _PyLexer_update_ftstring_expr(tok, c)
        if cursor_valid and c != _LBRACE:
            set_ftstring_expr(tok, token, c)
        if c == 58 and cursor == current_tok.curly_bracket_expr_start_depth:
            current_tok.kind = TOK_FSTRING_MODE
            current_tok.in_format_spec = True
            return _PyLexer_token_setup(tok, token, _PyToken_OneChar(c), tok.start, tok.cur)

    # Check for two-character token
    c2 = tok_nextc(tok)
    current_token = _PyToken_TwoChars(c, c2)
    if current_token != OP:
        c3 = tok_nextc(tok)
        current_token3 = _PyToken_ThreeChars(c, c2, c3)
        if current_token3 != OP:
            current_token = current_token3
        else:
            tok_backup(tok, c3)
        return _PyLexer_token_setup(tok, token, current_token, tok.start, tok.cur)
    tok_backup(tok, c2)

    # Keep track of parentheses nesting level
    if c == 40 or c == 91 or c == _LBRACE:  # ( [ {
        if tok.level >= MAXLEVEL:
            _PyTokenizer_syntaxerror(tok, "too many nested parentheses")
        tok.parenstack[tok.level] = c
        tok.parenlinenostack[tok.level] = tok.lineno
        tok.parencolstack[tok.level] = tok.start - tok.line_start
        tok.level += 1
        if inside_fstring:
            current_tok.curly_bracket_depth += 1
    elif c == 41 or c == 93 or c == _RBRACE:  # ) ] }
        if inside_fstring and not current_tok.curly_bracket_depth and c == _RBRACE:
            _PyTokenizer_syntaxerror(tok, f"{_string_prefix(tok)}-string: single '}}' is not allowed")
        if not tok.tok_extra_tokens and not tok.level:
            _PyTokenizer_syntaxerror(tok, f"unmatched '{chr(c)}'")
        if tok.level > 0:
            tok.level -= 1
            opening = tok.parenstack[tok.level]
            if not tok.tok_extra_tokens and not ((opening == 40 and c == 41) or
                                                 (opening == 91 and c == 93) or
                                                 (opening == _LBRACE and c == _RBRACE)):
                # An opening bracket of an f-string's expression part
                # (f"{)}") closed by another bracket: unmatched.
                if inside_fstring and opening == _LBRACE:
                    previous_bracket = current_tok.curly_bracket_depth - 1
                    if previous_bracket == current_tok.curly_bracket_expr_start_depth:
                        _PyTokenizer_syntaxerror(
                            tok, f"{_string_prefix(tok)}-string: unmatched '{chr(c)}'")
                if tok.parenlinenostack[tok.level] != tok.lineno:
                    _PyTokenizer_syntaxerror(
                        tok, f"closing parenthesis '{chr(c)}' does not match opening "
                        f"parenthesis '{chr(opening)}' on line {tok.parenlinenostack[tok.level]}")
                _PyTokenizer_syntaxerror(
                    tok, f"closing parenthesis '{chr(c)}' does not match opening "
                    f"parenthesis '{chr(opening)}'")
        if inside_fstring:
            current_tok.curly_bracket_depth -= 1
            if current_tok.curly_bracket_depth < 0:
                _PyTokenizer_syntaxerror(tok, f"{_string_prefix(tok)}-string: unmatched '{chr(c)}'")
            if c == _RBRACE and \
                    current_tok.curly_bracket_depth == current_tok.curly_bracket_expr_start_depth:
                current_tok.curly_bracket_expr_start_depth -= 1
                current_tok.kind = TOK_FSTRING_MODE
                current_tok.in_format_spec = False
                current_tok.in_debug = False

    # Only ASCII reaches here (bytes >= 128 start identifiers).
    if c < 32 or c == 127:
        _PyTokenizer_syntaxerror(tok, f"invalid non-printable character U+{c:04X}")

    if c == 61 and current_tok.curly_bracket_depth - current_tok.curly_bracket_expr_start_depth == 1:
        current_tok.in_debug = True

    # Punctuation character
    return _PyLexer_token_setup(tok, token, _PyToken_OneChar(c), tok.start, tok.cur)


def tok_get_fstring_mode(tok: tok_state, current_tok: tokenizer_mode, token: Token) -> int:
    """CPython: Parser/lexer/lexer.c:tok_get_fstring_mode

    The literal part of an f-string (FSTRING_MIDDLE, with ``{{``/``}}``
    reported as one brace), its end (FSTRING_END), or, at a ``{``, a switch
    to the regular mode for the replacement field.
    """
    end_quote_size = 0
    unicode_escape = False

    tok.start = tok.cur
    tok.first_lineno = tok.lineno
    tok.starting_col_offset = tok.col_offset

    # A bracket first: nothing to tokenize before it, the regular mode does it.
    start_char = tok_nextc(tok)
    if start_char == _LBRACE:
        peek1 = tok_nextc(tok)
        tok_backup(tok, peek1)
        tok_backup(tok, start_char)
        if peek1 != _LBRACE:
            current_tok.curly_bracket_expr_start_depth += 1
            if current_tok.curly_bracket_expr_start_depth >= MAX_EXPR_NESTING:
                _PyTokenizer_syntaxerror(
                    tok, f"{_string_prefix(tok)}-string: expressions nested too deeply")
            TOK_GET_MODE(tok).kind = TOK_REGULAR_MODE
            return tok_get_normal_mode(tok, current_tok, token)
    else:
        tok_backup(tok, start_char)

    # Check if we are at the end of the string
    at_end = True
    for _ in range(current_tok.quote_size):
        quote = tok_nextc(tok)
        if quote != current_tok.quote:
            tok_backup(tok, quote)
            at_end = False
            break

    if at_end:
        if current_tok.last_expr_buffer >= 0:
            current_tok.last_expr_buffer = -1
            current_tok.last_expr_size = 0
            current_tok.last_expr_end = -1
        p_start = tok.start
        p_end = tok.cur
        tok.tok_mode_stack_index -= 1
        return _PyLexer_token_setup(tok, token, _ftstring_end(current_tok), p_start, p_end)

    # f_string_middle:
    tok.multi_line_start = tok.line_start
    while end_quote_size != current_tok.quote_size:
        c = tok_nextc(tok)
        if tok.done == E_ERROR or tok.done == E_DECODE:
            return _PyLexer_token_setup(tok, token, ERRORTOKEN, -1, -1)
        in_format_spec = current_tok.in_format_spec and \
            current_tok.curly_bracket_expr_start_depth >= 0

        if c == EOF or (current_tok.quote_size == 1 and c == _NL):
            if tok.decoding_erred:
                return _PyLexer_token_setup(tok, token, ERRORTOKEN, -1, -1)
            # In a format spec, a newline ends the spec: back to the regular mode.
            if in_format_spec and c == _NL:
                if current_tok.quote_size == 1:
                    p = _string_prefix(tok)
                    _PyTokenizer_syntaxerror(
                        tok, f"{p}-string: newlines are not allowed in format specifiers "
                        f"for single quoted {p}-strings")
                tok_backup(tok, c)
                TOK_GET_MODE(tok).kind = TOK_REGULAR_MODE
                current_tok.in_format_spec = False
                return _PyLexer_token_setup(tok, token, _ftstring_middle(current_tok),
                                            tok.start, tok.cur)
            # Report the error from the initial quote character.
            tok.cur = current_tok.start + 1
            tok.line_start = current_tok.multi_line_start
            start = tok.lineno
            tok.lineno = TOK_GET_MODE(tok).first_line
            p = _string_prefix(tok)
            if current_tok.quote_size == 3:
                _PyTokenizer_syntaxerror(
                    tok, f"unterminated triple-quoted {p}-string literal (detected at line {start})",
                    E_EOFS if c != _NL else E_ERROR)
            _PyTokenizer_syntaxerror(
                tok, f"unterminated {p}-string literal (detected at line {start})")

        if c == current_tok.quote:
            end_quote_size += 1
            continue
        end_quote_size = 0

        if c == _LBRACE:
            _PyLexer_update_ftstring_expr(tok, c)
            peek = tok_nextc(tok)
            if peek != _LBRACE or in_format_spec:
                tok_backup(tok, peek)
                tok_backup(tok, c)
                current_tok.curly_bracket_expr_start_depth += 1
                if current_tok.curly_bracket_expr_start_depth >= MAX_EXPR_NESTING:
                    _PyTokenizer_syntaxerror(
                        tok, f"{_string_prefix(tok)}-string: expressions nested too deeply")
                TOK_GET_MODE(tok).kind = TOK_REGULAR_MODE
                current_tok.in_format_spec = False
                p_start = tok.start
                p_end = tok.cur
            else:
                p_start = tok.start
                p_end = tok.cur - 1
            return _PyLexer_token_setup(tok, token, _ftstring_middle(current_tok), p_start, p_end)
        elif c == _RBRACE:
            if unicode_escape:
                return _PyLexer_token_setup(tok, token, _ftstring_middle(current_tok),
                                            tok.start, tok.cur)
            peek = tok_nextc(tok)
            # Only outside a format spec and at the top level can `}}` be
            # an escaped brace (format specs cannot use double brackets).
            cursor = current_tok.curly_bracket_depth
            if peek == _RBRACE and not in_format_spec and cursor == 0:
                p_start = tok.start
                p_end = tok.cur - 1
            else:
                tok_backup(tok, peek)
                tok_backup(tok, c)
                TOK_GET_MODE(tok).kind = TOK_REGULAR_MODE
                current_tok.in_format_spec = False
                p_start = tok.start
                p_end = tok.cur
            return _PyLexer_token_setup(tok, token, _ftstring_middle(current_tok), p_start, p_end)
        elif c == _BSLASH:
            peek = tok_nextc(tok)
            if peek == _CR:
                peek = tok_nextc(tok)
            # A backslash right before a brace: the brace is seen again
            # by the next iteration.
            if peek == _LBRACE or peek == _RBRACE:
                if not current_tok.raw:
                    _PyTokenizer_warn_invalid_escape_sequence(tok, peek)
                tok_backup(tok, peek)
                continue
            if not current_tok.raw:
                if peek == 78:  # 'N': named unicode escape \N{BULLET}
                    peek = tok_nextc(tok)
                    if peek == _LBRACE:
                        unicode_escape = True
                    else:
                        tok_backup(tok, peek)
            # else: the escaped character is skipped

    # Back up the quotes to emit a final FSTRING_MIDDLE; the FSTRING_END
    # with them comes next.
    for _ in range(current_tok.quote_size):
        tok_backup(tok, current_tok.quote)
    return _PyLexer_token_setup(tok, token, _ftstring_middle(current_tok), tok.start, tok.cur)


def tok_get(tok: tok_state, token: Token) -> int:
    """CPython: Parser/lexer/lexer.c:tok_get"""
    current_tok = TOK_GET_MODE(tok)
    if current_tok.kind == TOK_REGULAR_MODE:
        return tok_get_normal_mode(tok, current_tok, token)
    return tok_get_fstring_mode(tok, current_tok, token)


def _PyTokenizer_Get(tok: tok_state, token: Token) -> int:
    """CPython: Parser/lexer/lexer.c:_PyTokenizer_Get

    The next token's type; ``token`` gets its position and text range.
    Raises SyntaxError for the errors C reports with an exception set;
    returns ERRORTOKEN (with ``tok.done`` saying why) for the others.
    """
    result = tok_get(tok, token)
    if tok.decoding_erred:
        result = ERRORTOKEN
        tok.done = E_DECODE
    return result


# ---------------------------------------------------------------------------
# The _tokenize iterator (Python/Python-tokenize.c), without the extra tokens


def _char_count(data: bytes, start: int, end: int) -> int:
    """CPython: Parser/pegen.c:_PyPegen_byte_offset_to_character_offset_line

    The number of characters in the UTF-8 bytes ``data[start:end]``.
    """
    if end <= start:
        return 0
    n = 0
    i = start
    while i < end:
        ch = data[i] if i < len(data) else 0
        if ch < 0x80:
            i += 1
        elif (ch & 0xE0) == 0xC0:
            i += 2
        elif (ch & 0xF0) == 0xE0:
            i += 3
        else:
            i += 4
        n += 1
    return n


class TokenizerIter:
    """CPython: Python/Python-tokenize.c:tokenizeriter_new_impl

    ``_tokenize.TokenizerIter(readline, extra_tokens=...)`` over a tokenizer
    (``_PyTokenizer_FromReadline(source)`` is what
    ``TokenizerIter(io.StringIO(source).readline)`` reads): each
    ``next_token()`` is ``(type, string, (lineno, col), (end_lineno,
    end_col))`` with character columns, as CPython's iterator makes them
    from the C token; None at the end. Errors raise as there (a pyvm
    SyntaxError, TabError or IndentationError). With ``extra_tokens`` the
    tokenizer also reports COMMENT and NL tokens and the iterator makes its
    adjustments for the ``tokenize`` module (operators as OP, NEWLINE
    strings, the trailing tokens on the line after the last). pyvm: host
    values, for tests and tools; a ``_tokenize`` module would wrap it.
    """

    tok: tok_state
    done: bool
    last_lineno: int
    last_end_lineno: int
    byte_col_offset_diff: int
    last_line_start: int

    def __init__(self, tok: tok_state, extra_tokens: bool = False) -> None:
        self.tok = tok
        if extra_tokens:
            tok.tok_extra_tokens = True
        self.done = False
        self.last_lineno = 0
        self.last_end_lineno = 0
        self.byte_col_offset_diff = 0
        self.last_line_start = -1

    def next_token(self) -> Optional[tuple[int, str, tuple[int, int], tuple[int, int]]]:
        """CPython: Python/Python-tokenize.c:tokenizeriter_next
        CPython: Python/Python-tokenize.c:_get_current_line
        CPython: Python/Python-tokenize.c:_get_col_offsets"""
        if self.done:
            return None
        tok = self.tok
        token = Token()
        type = _PyTokenizer_Get(tok, token)
        if type == ERRORTOKEN:
            _tokenizer_error(tok)
        data = tok.input
        if token.start < 0 or token.end < 0:
            s = ""
        else:
            s = data[token.start:token.end].decode("utf-8", "surrogatepass")
        if type == ENDMARKER:
            self.done = True
        is_trailing_token = type == ENDMARKER or (type == DEDENT and tok.done == E_EOF)
        stringlit = type == STRING or type == FSTRING_MIDDLE or type == TSTRING_MIDDLE
        line_start = tok.multi_line_start if stringlit else tok.line_start
        line_changed = True
        # The line's text, cached while the line number stays: here the
        # index where the cached line starts.
        if tok.tok_extra_tokens and is_trailing_token:
            pass  # C gives these tokens an empty line
        elif tok.lineno != self.last_lineno:
            self.byte_col_offset_diff = 0
            self.last_line_start = line_start
        elif self.last_line_start < 0:
            # No line cached yet (an empty source: the ENDMARKER is on line
            # 0, the iterator's initial last_lineno): C's last_line is NULL
            # and the iteration ends without a token.
            self.done = True
            return None
        else:
            line_changed = False
        cached = self.last_line_start
        lineno = tok.first_lineno if stringlit else tok.lineno
        end_lineno = tok.lineno
        col_offset = -1
        end_col_offset = -1
        byte_offset = -1
        if token.start >= 0 and token.start >= line_start:
            byte_offset = token.start - line_start
            if line_changed:
                col_offset = _char_count(data, cached, cached + byte_offset)
                self.byte_col_offset_diff = byte_offset - col_offset
            else:
                col_offset = byte_offset - self.byte_col_offset_diff
        if token.end >= 0 and token.end >= tok.line_start:
            end_byte_offset = token.end - tok.line_start
            if lineno == end_lineno:
                token_col_offset = _char_count(data, cached + byte_offset, cached + end_byte_offset)
                end_col_offset = col_offset + token_col_offset
                self.byte_col_offset_diff += token.end - token.start - token_col_offset
            else:
                end_col_offset = _char_count(data, tok.line_start, tok.line_start + end_byte_offset)
                self.byte_col_offset_diff += end_byte_offset - end_col_offset
        self.last_lineno = lineno
        self.last_end_lineno = end_lineno
        if tok.tok_extra_tokens:
            if is_trailing_token:
                lineno = end_lineno = lineno + 1
                col_offset = end_col_offset = 0
            # Adjustments to match the original Python tokenize
            if DEDENT < type < OP:
                type = OP
            elif type == NEWLINE:
                if not tok.implicit_newline:
                    s = "\r\n" if data[tok.start] == _CR else "\n"
                end_col_offset += 1
            elif type == NL:
                if tok.implicit_newline:
                    s = ""
        return (type, s, (lineno, col_offset), (end_lineno, end_col_offset))


def _tokenizer_error(tok: tok_state) -> NoReturn:
    """CPython: Python/Python-tokenize.c:_tokenizer_error

    The error of an ERRORTOKEN returned without an exception, from
    ``tok.done``: the line read so far is the text, the offset its end.
    """
    tp = PyExc_SyntaxError
    done = tok.done
    data = tok.input
    if done == E_EOF:
        err = PyErr(PyExc_SyntaxError, None, "unexpected EOF in multi-line statement", None)
        exc = err.normalize()
        _set_location(exc, tok.filename, tok.lineno, max(0, tok.inp - tok.buf))
        raise err
    if done == E_TOKEN:
        msg = "invalid token"
    elif done == E_DEDENT:
        msg = "unindent does not match any outer indentation level"
        tp = PyExc_IndentationError
    elif done == E_TABSPACE:
        tp = PyExc_TabError
        msg = "inconsistent use of tabs and spaces in indentation"
    elif done == E_TOODEEP:
        tp = PyExc_IndentationError
        msg = "too many levels of indentation"
    elif done == E_LINECONT:
        msg = "unexpected character after line continuation character"
    else:
        msg = "unknown tokenization error"
    size = tok.inp - tok.buf - 1  # the line without its newline
    error_line = data[tok.buf:tok.buf + size].decode("utf-8", "replace")
    # _PyPegen_byte_offset_to_character_offset(error_line, inp - buf)
    line_bytes = error_line.encode("utf-8", "surrogatepass")
    off = tok.inp - tok.buf
    if off > len(line_bytes) + 1:
        off = len(line_bytes) + 1
    offset = len((line_bytes + b"\0")[:off].decode("utf-8", "replace"))
    loc = _PyTuple_FromArraySteal([
        Py_None if tok.filename is None else PyUnicode_FromString(tok.filename),
        PyLong_FromLong(tok.lineno), PyLong_FromLong(offset),
        PyUnicode_FromString(error_line), Py_None, Py_None,
    ])
    _raise_with_args(tp, msg, loc)


def _set_location(exc: PyObject, filename: Optional[str], lineno: int, col_offset: int) -> None:
    """CPython: Python/errors.c:PyErr_SyntaxLocationObject
    CPython: Python/errors.c:PyErr_SyntaxLocationObjectEx

    The location attributes set on the current SyntaxError: ``lineno``,
    ``offset`` (``col_offset`` as given), ``end_lineno`` (the same line),
    no ``end_offset``; the source text is not looked up (the tokenizer's
    file name is ``<string>``).
    """
    if not isinstance(exc, PySyntaxErrorObject):
        return
    exc.lineno = PyLong_FromLong(lineno)
    exc.offset = PyLong_FromLong(col_offset) if col_offset >= 0 else Py_None
    exc.end_lineno = PyLong_FromLong(lineno)
    exc.end_offset = Py_None
    exc.filename = Py_None if filename is None else PyUnicode_FromString(filename)
