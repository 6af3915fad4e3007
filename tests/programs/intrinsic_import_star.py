# `from m import *` (CALL_INTRINSIC_1 INTRINSIC_IMPORT_STAR): without __all__
# the public names of the module's dict, with __all__ exactly those names.
from _typing import *
print(TypeVar, ParamSpec, TypeVarTuple, NoDefault)
print("_idfunc" in globals(), "__name__" in globals())

import _typing
_typing.__all__ = ["TypeAliasType", "_idfunc"]
del TypeAliasType
from _typing import *
print(TypeAliasType.__name__, _idfunc(7))
del _typing.__all__

# (pyvm's _typing has no Union yet: types.Union is not ported)
print(sorted([name for name in globals() if not name.startswith("__") and name != "Union"]))

for bad in ([1], ["missing_name"]):
    _typing.__all__ = bad
    try:
        from _typing import *
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
del _typing.__all__

print(+5, +True, -(-3))
print(tuple([1, 2, 3]), (*[4, 5],))
