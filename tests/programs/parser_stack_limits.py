# Sources too deep for the parser: MemoryError from the parser's MAXSTACK
# (Parser/parser.c), SyntaxError from the tokenizer's parenthesis limit, and
# nestings just inside both limits.

def attempt(label, source, mode="eval"):
    try:
        if mode == "eval":
            r = eval(source)
        else:
            r = compile(source, "<deep>", mode)
        print(label, "ok", type(r).__name__)
    except (MemoryError, SyntaxError, RecursionError) as e:
        print(label, type(e).__name__, e)


attempt("unary minus", "-" * 100000 + "1")
attempt("unary minus 500", "-" * 500 + "1")
attempt("not 300", "not " * 300 + "True")
attempt("parens 190", "(" * 190 + ")" * 190)
attempt("parens 200", "(" * 200 + ")" * 200)
attempt("lists 5000", "[" * 5000 + "]" * 5000)
attempt("lists 150", "[" * 150 + "]" * 150)
attempt("power", "2" + "**2" * 100000)
attempt("attribute chain", "a" + ".b" * 100, "exec")
attempt("calls", "a" + "()" * 100, "exec")
attempt("lambda", "lambda: " * 3000 + "1")
attempt("fstring", "f'{" * 3 + "1" + "}'" * 3)
attempt("fstring deep", "f'{" * 200 + "1" + "}'" * 200)
