# _warnings.filters: error, ignore, always, once, module; messages, modules, lines
import _warnings

saved = list(_warnings.filters)


def bump():
    _warnings._acquire_lock()
    try:
        _warnings._filters_mutated_lock_held()
    finally:
        _warnings._release_lock()


_warnings.filters.insert(0, ("error", None, UserWarning, None, 0))
bump()
try:
    _warnings.warn("becomes an error")
except UserWarning as e:
    print("caught", type(e).__name__, e, e.args)
try:
    _warnings.warn(RuntimeWarning("not a UserWarning"))
    print("RuntimeWarning shown, not raised")
except RuntimeWarning:
    print("wrong")


class Custom(UserWarning):
    def __init__(self, *args):
        print("Custom made with", args)
        super().__init__(*args)


try:
    _warnings.warn("custom", Custom)
except Custom as e:
    print("caught Custom", e)

_warnings.filters[0] = ("ignore", None, Warning, None, 0)
bump()
_warnings.warn("ignored")
_warnings.warn("ignored too", RuntimeWarning)

_warnings.filters[0] = ("always", None, Warning, None, 0)
bump()
for i in range(2):
    _warnings.warn("always shown")

_warnings.filters[0] = ("once", None, Warning, None, 0)
bump()
for i in range(2):
    _warnings.warn("once only 1")
_warnings.warn("once only 1")
_warnings.warn("once only 1", RuntimeWarning)
print(sorted(_warnings._onceregistry.items(), key=repr)[-2:])

_warnings.filters[0] = ("module", None, Warning, None, 0)
bump()
_warnings.warn("per module")
_warnings.warn("per module")

# A message filter (a plain str must equal the text), a module filter and a line.
_warnings.filters[0] = ("error", "exact text", Warning, None, 0)
_warnings.filters.insert(1, ("error", None, Warning, "nomodule", 0))
_warnings.filters.insert(2, ("error", None, Warning, None, 73))
bump()
try:
    _warnings.warn("exact text")
except UserWarning as e:
    print("caught by message:", e)
_warnings.warn("exact text, longer")
try:
    _warnings.warn("on line 73")  # the line
except UserWarning as e:
    print("caught by line:", e)
_warnings.filters[1] = ("error", None, Warning, "__main__", 0)
bump()
try:
    _warnings.warn("in __main__")
except UserWarning as e:
    print("caught by module:", e)

# Bad filters.
_warnings.filters[:] = [("bogus", None, Warning, None, 0)]
bump()
try:
    _warnings.warn("x")
except RuntimeError as e:
    print(e)
_warnings.filters[:] = [("error", None, Warning)]
try:
    _warnings.warn("x")
except ValueError as e:
    print(e)
_warnings.filters[:] = [(1, None, Warning, None, 0)]
try:
    _warnings.warn("x")
except TypeError as e:
    print(e)

_warnings.filters[:] = saved
bump()
_warnings.warn("back to the defaults")
print(_warnings.filters == saved)
