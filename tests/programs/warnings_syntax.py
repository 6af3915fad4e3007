# The compiler's SyntaxWarnings go through the warnings filters
import _warnings

code = compile("x = 1\nprint(x is 1)\n", "<warned>", "exec")
exec(code)
compile("assert (1, 'always true')\n", "<assert>", "exec")
_warnings.filters.insert(0, ("error", None, SyntaxWarning, None, 0))
try:
    compile("x = 1\nx is 'text'\n", "<error>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e, e.filename, e.lineno, e.offset, e.end_lineno, e.end_offset)
_warnings.filters[0] = ("ignore", None, SyntaxWarning, None, 0)
compile("x is 1", "<ignored>", "eval")
del _warnings.filters[0]
compile("x is 1", "<again>", "eval")
compile("x is 1", "<again>", "eval")
print("done")
