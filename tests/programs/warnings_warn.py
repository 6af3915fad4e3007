# _warnings.warn: categories, stacklevel, the registries of "default"
import _warnings


class MyWarning(UserWarning):
    pass


_warnings.warn("plain text")
_warnings.warn("a runtime warning", RuntimeWarning)
_warnings.warn("deprecated in __main__", DeprecationWarning)
_warnings.warn("pending: ignored", PendingDeprecationWarning)
_warnings.warn("resource: ignored", ResourceWarning)
_warnings.warn("import: ignored", ImportWarning)
_warnings.warn("future", FutureWarning)
_warnings.warn("mine", MyWarning)
_warnings.warn(MyWarning("an instance"))
_warnings.warn(RuntimeWarning("instance wins"), UserWarning)
_warnings.warn(42, SyntaxWarning)


def helper(level):
    _warnings.warn(f"stacklevel {level}", stacklevel=level)


def outer(level):
    helper(level)


outer(1)
outer(2)
outer(3)
helper(0)
helper(-5)

# The same warning twice from one line: shown once ("default" action).
for i in range(3):
    _warnings.warn("from one line")
# ... and from two lines: shown twice.
_warnings.warn("from two lines")
_warnings.warn("from two lines")

reg = globals()["__warningregistry__"]
print("version" in reg)
for key in sorted((k for k in reg if k != "version"), key=repr):
    print(key, reg[key])

# A function's warnings go to its own module's registry, keyed by line.
def twice():
    for i in range(2):
        _warnings.warn("in a loop", RuntimeWarning)


twice()
twice()
print(len([k for k in reg if k != "version"]))

print(_warnings.warn("x", stacklevel=1, category=None, source=None) is None)
print(_warnings.filters[:2])
print(_warnings._defaultaction, type(_warnings._onceregistry).__name__)
print(_warnings.__doc__)
