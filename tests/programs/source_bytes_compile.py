# compile() and exec() of source bytes go through the string tokenizer's
# decoding (Parser/tokenizer/string_tokenizer.c:decode_str): the BOM and a
# PEP 263 cookie on line 1 or 2, else strict UTF-8; a str source ignores
# its cookie.


def show(src, mode="exec"):
    try:
        code = compile(src, "<src>", mode)
    except SyntaxError as e:
        print("SyntaxError:", e.args[0], (e.lineno, e.offset, e.text, e.end_lineno, e.end_offset))
        return
    g = {}
    try:
        if mode == "eval":
            print(ascii(eval(code, g)))
        else:
            exec(code, g)
            print(sorted(ascii(v) for k, v in g.items() if k != "__builtins__"))
    except Exception as e:
        print(type(e).__name__, e)


show(b"# -*- coding: latin-1 -*-\ns = '\xe9\xe8'\n")
show(b"#!/usr/bin/env python\n# coding: latin-1\ns = '\xe9'\n")
show(b"# coding: cp1252\ns = '\x80'\n")
show(b"# coding: koi8-r\n\xd0\xd2\xc9 = 3\n")
show(b"# coding: shift_jis\ns = '\x82\xa0'\n")
show(b"\xef\xbb\xbfs = '\xc3\xa9'\n")
show(b"\xef\xbb\xbf# coding: utf-8\ns = '\xc3\xa9'\n")
show(b"\xef\xbb\xbf# coding: latin-1\ns = 1\n")
show(b"s = '\xe9'\n")
show(b"x = 1\ny = 2\ns = '\xe9'\n")
show(b"# caf\xe9\nx = 1\n")
show(b"x = 1\n# coding: latin-1\ns = '\xe9'\n")
show(b"#\n#\n# coding: latin-1\ns = '\xe9'\n")
show(b"# coding: foobar\nx = 1\n")
show(b"# coding: utf-8\ns = '\xe9'\n")
show(b"# coding: ascii\ns = '\xe9'\n")
show(b"# coding: latin-1\r\ns = '\xe9'\r\n")
show(b"# coding: latin-1\nx = '\xe9' +\n")
show(b"# coding: latin-1\n'\xe9' * 2", "eval")
show(b"'\xe9'", "eval")
show("# coding: latin-1\ns = '\xe9'\n")
show(b"s = '\xed\xa0\x80'\n")
show(b"s = '\xf0\x9f\x98\x80'\n")
show(bytearray(b"# coding: latin-1\ns = '\xe9'\n"))
show(memoryview(b"# coding: latin-1\ns = '\xe9'\n"))

g = {}
exec(b"# coding: latin-1\nt = '\xe9\xe0'\n", g)
print(ascii(g["t"]))
try:
    exec(b"t = '\xe9'\n", {})
except SyntaxError as e:
    print("exec:", e.args[0], e.lineno, e.offset)
print(ascii(eval(b"# coding: latin-1\n'\xe9'")))
try:
    compile(b"x = 1\x00\n", "<src>", "exec")
except SyntaxError as e:
    print("null:", e.args)
