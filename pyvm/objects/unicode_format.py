"""Ports Python/formatter_unicode.c (the format-spec mini-language behind
``format(x, spec)`` for str, int and float) and Objects/stringlib/unicode_format.h
(``str.format``: the markup iterator, field names, conversions and nested specs).

The spec is parsed exactly as ``parse_internal_render_format_spec`` does, and
every check that C makes before rendering is made here with C's messages
("Unknown format code 'd' for object of type 'float'", "Cannot specify ',' with
's'.", …). The rendering of a validated spec is bridged to the host's
``format()`` on the host value: the host (3.11) implements the same
mini-language with the same rounding (``PyOS_double_to_string``) and padding
rules. The one 3.14 addition the host lacks, grouping of the fractional digits
(``'.3,f'``), is done here on the host's output.

``str.format`` (``do_string_format``) is a straight port of the markup parser of
``unicode_format.h``; the header is not in the CPython index, so its functions
cite it in ``pyvm:`` lines.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final, NoReturn, Optional

from pyvm.objects.object import (
    Py_DECREF,
    Py_INCREF,
    PyErr_SetObject,
    PyErr_SetString,
    PyObject,
    PyObject_ASCII,
    PyObject_GetAttr,
    PyObject_Repr,
    PyObject_Str,
)
from pyvm.objects.unicodeobject import (
    _PyUnicode_AsString,
    PyUnicode_FromString,
    PyUnicode_Type,
    PyUnicodeObject,
)
from pyvm.objects.abstract import (
    PyObject_Format,
    PyObject_GetItem,
)
from pyvm.objects.exceptions import (
    PyExc_IndexError,
    PyExc_KeyError,
    PyExc_OverflowError,
    PyExc_TypeError,
    PyExc_ValueError,
)
from pyvm.objects.floatobject import (
    PyFloatObject,
    PyFloat_Type,
)
from pyvm.objects.longobject import (
    PyLongObject,
    PyLong_FromLong,
    PyLong_Type,
)


def _value_error(msg: str) -> NoReturn:
    """pyvm: raise a pyvm ValueError."""
    PyErr_SetString(PyExc_ValueError, msg)


def _type_error(msg: str) -> NoReturn:
    """pyvm: raise a pyvm TypeError."""
    PyErr_SetString(PyExc_TypeError, msg)


def _overflow_error(msg: str) -> NoReturn:
    """pyvm: raise a pyvm OverflowError."""
    PyErr_SetString(PyExc_OverflowError, msg)


# pyvm: the LocaleType values of Python/formatter_unicode.c.
LT_NO_LOCALE: Final = 0
LT_DEFAULT_LOCALE: Final = ord(",")
LT_UNDERSCORE_LOCALE: Final = ord("_")
LT_UNDER_FOUR_LOCALE: Final = 1
LT_CURRENT_LOCALE: Final = 2


class InternalFormatSpec:
    """pyvm: C's ``InternalFormatSpec`` struct of Python/formatter_unicode.c.

    ``type`` and ``align``/``sign`` are host one-character strings ("" is C's
    ``'\\0'``)."""

    fill_char: str
    align: str
    alternate: bool
    no_neg_0: bool
    sign: str
    width: int
    thousands_separators: int
    frac_thousands_separator: int
    precision: int
    type: str

    def __init__(self, default_type: str, default_align: str) -> None:
        self.fill_char = " "
        self.align = default_align
        self.alternate = False
        self.no_neg_0 = False
        self.sign = ""
        self.width = -1
        self.thousands_separators = LT_NO_LOCALE
        self.frac_thousands_separator = LT_NO_LOCALE
        self.precision = -1
        self.type = default_type


def is_alignment_token(c: str) -> bool:
    """CPython: Python/formatter_unicode.c:is_alignment_token"""
    return c in ("<", ">", "=", "^")


def is_sign_element(c: str) -> bool:
    """CPython: Python/formatter_unicode.c:is_sign_element"""
    return c in (" ", "+", "-")


def invalid_thousands_separator_type(specifier: int, presentation_type: str) -> NoReturn:
    """CPython: Python/formatter_unicode.c:invalid_thousands_separator_type"""
    sp = chr(specifier)
    if presentation_type and 32 < ord(presentation_type) < 128:
        _value_error(f"Cannot specify '{sp}' with '{presentation_type}'.")
    code = ord(presentation_type) if presentation_type else 0
    _value_error(f"Cannot specify '{sp}' with '\\x{code:x}'.")


def invalid_comma_and_underscore() -> NoReturn:
    """CPython: Python/formatter_unicode.c:invalid_comma_and_underscore"""
    _value_error("Cannot specify both ',' and '_'.")


def unknown_presentation_type(presentation_type: str, type_name: str) -> NoReturn:
    """CPython: Python/formatter_unicode.c:unknown_presentation_type"""
    code = ord(presentation_type) if presentation_type else 0
    if 32 < code < 128:
        _value_error(f"Unknown format code '{presentation_type}' for object of type '{type_name}'")
    _value_error(f"Unknown format code '\\x{code:x}' for object of type '{type_name}'")


def get_integer(spec: str, pos: int) -> tuple[int, int]:
    """CPython: Python/formatter_unicode.c:get_integer

    ``(value, new_pos)``; the number of digits consumed is ``new_pos - pos``."""
    acc = 0
    i = pos
    n = len(spec)
    while i < n:
        c = spec[i]
        if not c.isdecimal():
            break
        acc = acc * 10 + int(c)
        if acc > (1 << 63) - 1:
            _value_error("Too many decimal digits in format string")
        i += 1
    return acc, i


def parse_internal_render_format_spec(obj: PyObject, spec: str, default_type: str,
                                      default_align: str) -> InternalFormatSpec:
    """CPython: Python/formatter_unicode.c:parse_internal_render_format_spec"""
    f = InternalFormatSpec(default_type, default_align)
    pos = 0
    end = len(spec)
    align_specified = False
    fill_char_specified = False
    if end - pos >= 2 and is_alignment_token(spec[pos + 1]):
        f.align = spec[pos + 1]
        f.fill_char = spec[pos]
        fill_char_specified = True
        align_specified = True
        pos += 2
    elif end - pos >= 1 and is_alignment_token(spec[pos]):
        f.align = spec[pos]
        align_specified = True
        pos += 1
    if end - pos >= 1 and is_sign_element(spec[pos]):
        f.sign = spec[pos]
        pos += 1
    if end - pos >= 1 and spec[pos] == "z":
        f.no_neg_0 = True
        pos += 1
    if end - pos >= 1 and spec[pos] == "#":
        f.alternate = True
        pos += 1
    if not fill_char_specified and end - pos >= 1 and spec[pos] == "0":
        f.fill_char = "0"
        if not align_specified and default_align == ">":
            f.align = "="
        pos += 1
    width, npos = get_integer(spec, pos)
    f.width = width if npos > pos else -1
    pos = npos
    if end - pos and spec[pos] == ",":
        f.thousands_separators = LT_DEFAULT_LOCALE
        pos += 1
    if end - pos and spec[pos] == "_":
        if f.thousands_separators != LT_NO_LOCALE:
            invalid_comma_and_underscore()
        f.thousands_separators = LT_UNDERSCORE_LOCALE
        pos += 1
    if end - pos and spec[pos] == ",":
        if f.thousands_separators == LT_UNDERSCORE_LOCALE:
            invalid_comma_and_underscore()
    if end - pos and spec[pos] == ".":
        pos += 1
        prec, npos = get_integer(spec, pos)
        consumed = npos - pos
        f.precision = prec
        pos = npos
        if end - pos and spec[pos] == ",":
            if consumed == 0:
                f.precision = -1
            f.frac_thousands_separator = LT_DEFAULT_LOCALE
            pos += 1
            consumed += 1
        if end - pos and spec[pos] == "_":
            if f.frac_thousands_separator != LT_NO_LOCALE:
                invalid_comma_and_underscore()
            if consumed == 0:
                f.precision = -1
            f.frac_thousands_separator = LT_UNDERSCORE_LOCALE
            pos += 1
            consumed += 1
        if end - pos and spec[pos] == ",":
            if f.frac_thousands_separator == LT_UNDERSCORE_LOCALE:
                invalid_comma_and_underscore()
        if consumed == 0:
            _value_error("Format specifier missing precision")
    if end - pos > 1:
        _value_error(f"Invalid format specifier '{spec}' for object of type "
                     f"'{obj.ob_type.tp_name}'")
    if end - pos == 1:
        f.type = spec[pos]
        pos += 1
    if f.thousands_separators:
        t = f.type
        if t in ("d", "e", "f", "g", "E", "G", "%", "F", ""):
            pass
        elif t in ("b", "o", "x", "X") and f.thousands_separators == LT_UNDERSCORE_LOCALE:
            f.thousands_separators = LT_UNDER_FOUR_LOCALE
        else:
            invalid_thousands_separator_type(f.thousands_separators, t)
    if f.type == "n" and f.frac_thousands_separator != LT_NO_LOCALE:
        invalid_thousands_separator_type(f.frac_thousands_separator, f.type)
    return f


def _host_spec(f: InternalFormatSpec, with_frac: bool) -> str:
    """pyvm: the spec text for the host ``format()`` (see the module docstring)."""
    s = ""
    if f.align:
        s += f.fill_char + f.align
    s += f.sign
    if f.no_neg_0:
        s += "z"
    if f.alternate:
        s += "#"
    if f.width >= 0:
        s += str(f.width)
    if f.thousands_separators == LT_DEFAULT_LOCALE:
        s += ","
    elif f.thousands_separators in (LT_UNDERSCORE_LOCALE, LT_UNDER_FOUR_LOCALE):
        s += "_"
    if f.precision >= 0:
        s += "." + str(f.precision)
    return s + f.type


def _group_fraction(text: str, sep: str) -> str:
    """pyvm: insert ``sep`` every three fractional digits (3.14's ``'.3,f'``,
    C's ``frac_thousands_separator`` in ``fill_number``)."""
    dot = text.find(".")
    if dot < 0:
        return text
    j = dot + 1
    while j < len(text) and text[j].isdigit():
        j += 1
    digits = text[dot + 1:j]
    grouped = sep.join(digits[k:k + 3] for k in range(0, len(digits), 3))
    return text[:dot + 1] + grouped + text[j:]


def _pad(text: str, f: InternalFormatSpec) -> str:
    """CPython: Python/formatter_unicode.c:calc_padding"""
    if f.width <= len(text):
        return text
    total = f.width - len(text)
    if f.align == "<":
        return text + f.fill_char * total
    if f.align == "^":
        left = total // 2
        return f.fill_char * left + text + f.fill_char * (total - left)
    if f.align == "=":
        k = 0
        if text and text[0] in "+- ":
            k = 1
        return text[:k] + f.fill_char * total + text[k:]
    return f.fill_char * total + text


def format_string_internal(value: str, f: InternalFormatSpec) -> str:
    """CPython: Python/formatter_unicode.c:format_string_internal"""
    if f.sign:
        if f.sign == " ":
            _value_error("Space not allowed in string format specifier")
        _value_error("Sign not allowed in string format specifier")
    if f.no_neg_0:
        _value_error("Negative zero coercion (z) not allowed in string format specifier")
    if f.alternate:
        _value_error("Alternate form (#) not allowed in string format specifier")
    if f.align == "=":
        _value_error("'=' alignment not allowed in string format specifier")
    if f.precision >= 0 and len(value) > f.precision:
        value = value[:f.precision]
    if f.width <= len(value):
        return value
    return _pad(value, f)


def format_long_internal(value: int, f: InternalFormatSpec) -> str:
    """CPython: Python/formatter_unicode.c:format_long_internal"""
    if f.precision != -1:
        _value_error("Precision not allowed in integer format specifier")
    if f.no_neg_0:
        _value_error("Negative zero coercion (z) not allowed in integer format specifier")
    if f.type == "c":
        if f.sign:
            _value_error("Sign not allowed with integer format specifier 'c'")
        if f.alternate:
            _value_error("Alternate form (#) not allowed with integer format specifier 'c'")
        if value < 0 or value > 0x10FFFF:
            _overflow_error("%c arg not in range(0x110000)")
    return format(value, _host_spec(f, False))


def format_float_internal(value: float, f: InternalFormatSpec) -> str:
    """CPython: Python/formatter_unicode.c:format_float_internal"""
    if f.precision > 0x7FFFFFFF:
        _value_error("precision too big")
    frac = f.frac_thousands_separator
    if frac == LT_NO_LOCALE:
        return format(value, _host_spec(f, False))
    # Render without padding, group the fraction, then pad.
    width = f.width
    align = f.align
    f.width = -1
    f.align = ""
    text = format(value, _host_spec(f, False))
    f.width = width
    f.align = align
    text = _group_fraction(text, "," if frac == LT_DEFAULT_LOCALE else "_")
    if f.align == "" or (f.align == "=" and f.fill_char == "0" and f.thousands_separators):
        f.align = ">"
    return _pad(text, f)


def _str_of(obj: PyObject) -> PyObject:
    """pyvm: ``PyObject_Str``."""
    return PyObject_Str(obj)


def _PyUnicode_FormatAdvancedWriter(obj: PyObject, spec: str) -> PyObject:
    """CPython: Python/formatter_unicode.c:_PyUnicode_FormatAdvancedWriter

    ``str.__format__``: default type ``s``, left-aligned."""
    assert isinstance(obj, PyUnicodeObject)
    if not spec:
        return _str_of(obj)
    f = parse_internal_render_format_spec(obj, spec, "s", "<")
    if f.type != "s":
        unknown_presentation_type(f.type, obj.ob_type.tp_name)
    return PyUnicode_FromString(format_string_internal(obj.value, f))


def _PyLong_FormatAdvancedWriter(obj: PyObject, spec: str) -> PyObject:
    """CPython: Python/formatter_unicode.c:_PyLong_FormatAdvancedWriter

    ``int.__format__``: integer types, or the float types on the converted
    value."""
    assert isinstance(obj, PyLongObject)
    if not spec:
        return _str_of(obj)
    f = parse_internal_render_format_spec(obj, spec, "d", ">")
    t = f.type
    if t in ("b", "c", "d", "o", "x", "X", "n"):
        return PyUnicode_FromString(format_long_internal(obj.ob_ival, f))
    if t in ("e", "E", "f", "F", "g", "G", "%"):
        try:
            fv = float(obj.ob_ival)
        except OverflowError:
            _overflow_error("int too large to convert to float")
        return PyUnicode_FromString(format_float_internal(fv, f))
    unknown_presentation_type(t, obj.ob_type.tp_name)


def _PyFloat_FormatAdvancedWriter(obj: PyObject, spec: str) -> PyObject:
    """CPython: Python/formatter_unicode.c:_PyFloat_FormatAdvancedWriter"""
    assert isinstance(obj, PyFloatObject)
    if not spec:
        return _str_of(obj)
    f = parse_internal_render_format_spec(obj, spec, "", ">")
    t = f.type
    if t in ("", "e", "E", "f", "F", "g", "G", "n", "%"):
        return PyUnicode_FromString(format_float_internal(obj.ob_fval, f))
    unknown_presentation_type(t, obj.ob_type.tp_name)


def format_str(obj: PyObject, spec: str) -> PyObject:
    """pyvm: short name of :func:`_PyUnicode_FormatAdvancedWriter`."""
    return _PyUnicode_FormatAdvancedWriter(obj, spec)


def format_long(obj: PyObject, spec: str) -> PyObject:
    """pyvm: short name of :func:`_PyLong_FormatAdvancedWriter`."""
    return _PyLong_FormatAdvancedWriter(obj, spec)


def format_float(obj: PyObject, spec: str) -> PyObject:
    """pyvm: short name of :func:`_PyFloat_FormatAdvancedWriter`."""
    return _PyFloat_FormatAdvancedWriter(obj, spec)


def render_field(obj: PyObject, spec: str) -> PyObject:
    """pyvm: port of unicode_format.h's ``render_field``: exact str, int and
    float go straight to their formatter (skipping the ``__format__`` lookup),
    anything else through ``PyObject_Format``. Returns a new str."""
    tp = obj.ob_type
    if tp is PyUnicode_Type:
        if not spec:
            Py_INCREF(obj)
            return obj
        return _PyUnicode_FormatAdvancedWriter(obj, spec)
    if tp is PyLong_Type:
        return _PyLong_FormatAdvancedWriter(obj, spec)
    if tp is PyFloat_Type:
        return _PyFloat_FormatAdvancedWriter(obj, spec)
    sp = PyUnicode_FromString(spec)
    try:
        return PyObject_Format(obj, sp)
    finally:
        Py_DECREF(sp)


# ---------------------------------------------------------------------------
# str.format (Objects/stringlib/unicode_format.h)

# pyvm: ANS_INIT / ANS_AUTO / ANS_MANUAL of unicode_format.h's AutoNumberState.
ANS_INIT: Final = 0
ANS_AUTO: Final = 1
ANS_MANUAL: Final = 2


class AutoNumber:
    """pyvm: port of unicode_format.h's ``AutoNumber`` (automatic field
    numbering state)."""

    an_state: int
    an_field_number: int

    def __init__(self) -> None:
        self.an_state = ANS_INIT
        self.an_field_number = 0


class _FormatCall:
    """pyvm: the arguments of one ``str.format`` call: positional items and
    keyword names/values (borrowed)."""

    args: Optional[list[PyObject]]
    kwnames: list[str]
    kwvalues: list[PyObject]
    mapping: Optional[PyObject]

    def __init__(self, args: Optional[list[PyObject]], kwnames: list[str],
                 kwvalues: list[PyObject], mapping: Optional[PyObject] = None) -> None:
        self.args = args
        self.kwnames = kwnames
        self.kwvalues = kwvalues
        self.mapping = mapping


def _decimal_or_minus1(s: str) -> int:
    """pyvm: port of unicode_format.h's ``get_integer``: -1 unless all digits."""
    if not s:
        return -1
    acc = 0
    for c in s:
        if not c.isdecimal():
            return -1
        acc = acc * 10 + int(c)
        if acc > (1 << 63) - 1:
            _value_error("Too many decimal digits in format string")
    return acc


def _field_name_split(name: str, auto: AutoNumber) -> tuple[str, int, int]:
    """pyvm: port of unicode_format.h's ``field_name_split``: ``(first,
    first_idx, rest_start)``."""
    i = 0
    n = len(name)
    while i < n and name[i] not in ".[":
        i += 1
    first = name[:i]
    first_idx = _decimal_or_minus1(first)
    empty = first == ""
    using_numeric = empty or first_idx != -1
    if auto.an_state == ANS_INIT and using_numeric:
        auto.an_state = ANS_AUTO if empty else ANS_MANUAL
    if using_numeric:
        if auto.an_state == ANS_MANUAL:
            if empty:
                _value_error("cannot switch from manual field specification to "
                             "automatic field numbering")
        elif not empty:
            _value_error("cannot switch from automatic field numbering to "
                         "manual field specification")
    if empty:
        first_idx = auto.an_field_number
        auto.an_field_number += 1
    return first, first_idx, i


def _first_object(first: str, index: int, call: _FormatCall) -> PyObject:
    """pyvm: the head of unicode_format.h's ``get_field_object``: the keyword
    (or mapping) value named ``first``, or positional argument ``index``; a new
    reference."""
    m = call.mapping
    if index == -1 and m is not None:
        key = PyUnicode_FromString(first)
        try:
            return PyObject_GetItem(m, key)
        finally:
            Py_DECREF(key)
    if index == -1:
        for k in range(len(call.kwnames)):
            if call.kwnames[k] == first:
                v = call.kwvalues[k]
                Py_INCREF(v)
                return v
        PyErr_SetObject(PyExc_KeyError, PyUnicode_FromString(first))
    args = call.args
    if args is None:
        _value_error("Format string contains positional fields")
    if index >= len(args):
        PyErr_SetString(PyExc_IndexError,
                        f"Replacement index {index} out of range for positional args tuple")
    v = args[index]
    Py_INCREF(v)
    return v


def _get_field_object(name: str, call: _FormatCall, auto: AutoNumber) -> PyObject:
    """pyvm: port of unicode_format.h's ``get_field_object`` (with
    ``FieldNameIterator_next``): a new reference."""
    first, index, pos = _field_name_split(name, auto)
    obj = _first_object(first, index, call)
    n = len(name)
    try:
        while pos < n:
            c = name[pos]
            pos += 1
            if c == ".":
                start = pos
                while pos < n and name[pos] not in ".[":
                    pos += 1
                part = name[start:pos]
                if not part:
                    _value_error("Empty attribute in format string")
                attr = PyUnicode_FromString(part)
                try:
                    tmp = PyObject_GetAttr(obj, attr)
                finally:
                    Py_DECREF(attr)
            elif c == "[":
                start = pos
                while pos < n and name[pos] != "]":
                    pos += 1
                if pos >= n:
                    _value_error("Missing ']' in format string")
                part = name[start:pos]
                pos += 1
                if not part:
                    _value_error("Empty attribute in format string")
                idx = _decimal_or_minus1(part)
                if idx == -1:
                    key = PyUnicode_FromString(part)
                else:
                    key = PyLong_FromLong(idx)
                try:
                    tmp = PyObject_GetItem(obj, key)
                finally:
                    Py_DECREF(key)
            else:
                _value_error("Only '.' or '[' may follow ']' in format field specifier")
            Py_DECREF(obj)
            obj = tmp
    except BaseException:
        Py_DECREF(obj)
        raise
    return obj


def _do_conversion(obj: PyObject, conversion: str) -> PyObject:
    """pyvm: port of unicode_format.h's ``do_conversion``."""
    if conversion == "r":
        return PyObject_Repr(obj)
    if conversion == "s":
        return PyObject_Str(obj)
    if conversion == "a":
        return PyObject_ASCII(obj)
    code = ord(conversion)
    if 32 < code < 127:
        _value_error(f"Unknown conversion specifier {conversion}")
    _value_error(f"Unknown conversion specifier \\x{code:x}")


def _render_field(obj: PyObject, spec: str, out: list[str]) -> None:
    """pyvm: :func:`render_field` appending the text to ``out``."""
    if obj.ob_type is PyUnicode_Type and not spec:
        assert isinstance(obj, PyUnicodeObject)
        out.append(obj.value)
        return
    r = render_field(obj, spec)
    out.append(_PyUnicode_AsString(r))
    Py_DECREF(r)


def _parse_field(s: str, pos: int) -> tuple[str, str, str, bool, int]:
    """pyvm: port of unicode_format.h's ``parse_field``: after a ``{``, returns
    ``(field_name, conversion, format_spec, spec_needs_expanding, new_pos)``."""
    n = len(s)
    start = pos
    c = ""
    while pos < n:
        c = s[pos]
        pos += 1
        if c == "{":
            _value_error("unexpected '{' in field name")
        if c == "[":
            while pos < n and s[pos] != "]":
                pos += 1
            c = ""
            continue
        if c in "}:!":
            break
        c = ""
    if c == "":
        _value_error("expected '}' before end of string")
    field_name = s[start:pos - 1]
    conversion = ""
    if c == "!" or c == ":":
        if c == "!":
            if pos >= n:
                _value_error("end of string while looking for conversion specifier")
            conversion = s[pos]
            pos += 1
            if pos < n:
                c2 = s[pos]
                pos += 1
                if c2 == "}":
                    return field_name, conversion, "", False, pos
                if c2 != ":":
                    _value_error("expected ':' after conversion specifier")
        spec_start = pos
        count = 1
        expanding = False
        while pos < n:
            c3 = s[pos]
            pos += 1
            if c3 == "{":
                expanding = True
                count += 1
            elif c3 == "}":
                count -= 1
                if count == 0:
                    return field_name, conversion, s[spec_start:pos - 1], expanding, pos
        _value_error("unmatched '{' in format spec")
    return field_name, conversion, "", False, pos


def _build_string(s: str, call: _FormatCall, depth: int, auto: AutoNumber) -> str:
    """pyvm: port of unicode_format.h's ``build_string`` / ``do_markup`` /
    ``MarkupIterator_next`` / ``output_markup``."""
    if depth <= 0:
        _value_error("Max string recursion exceeded")
    out: list[str] = []
    n = len(s)
    pos = 0
    while pos < n:
        start = pos
        c = ""
        markup = False
        while pos < n:
            c = s[pos]
            pos += 1
            if c == "{" or c == "}":
                markup = True
                break
        at_end = pos >= n
        length = pos - start
        if markup and c == "}" and (at_end or s[pos] != "}"):
            _value_error("Single '}' encountered in format string")
        if markup and at_end and c == "{":
            _value_error("Single '{' encountered in format string")
        if markup and not at_end:
            if s[pos] == c:
                pos += 1
                markup = False
            else:
                length -= 1
        out.append(s[start:start + length])
        if not markup:
            continue
        field_name, conversion, spec, expanding, pos = _parse_field(s, pos)
        obj = _get_field_object(field_name, call, auto)
        try:
            if conversion:
                tmp = _do_conversion(obj, conversion)
                Py_DECREF(obj)
                obj = tmp
            if expanding:
                spec = _build_string(spec, call, depth - 1, auto)
            _render_field(obj, spec, out)
        finally:
            Py_DECREF(obj)
    return "".join(out)


def do_string_format(self: PyObject, args: list[PyObject], kwnames: list[str],
                     kwvalues: list[PyObject]) -> PyObject:
    """pyvm: port of unicode_format.h's ``do_string_format`` (``str.format``);
    the arguments are borrowed."""
    assert isinstance(self, PyUnicodeObject)
    call = _FormatCall(args, kwnames, kwvalues)
    return PyUnicode_FromString(_build_string(self.value, call, 2, AutoNumber()))


def do_string_format_map(self: PyObject, mapping: PyObject) -> PyObject:
    """pyvm: port of unicode_format.h's ``do_string_format_map``
    (``str.format_map``): names are looked up in ``mapping``."""
    assert isinstance(self, PyUnicodeObject)
    call = _FormatCall(None, [], [], mapping)
    return PyUnicode_FromString(_build_string(self.value, call, 2, AutoNumber()))
