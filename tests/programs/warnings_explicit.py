# _warnings.warn_explicit, argument errors, skip_file_prefixes
import _warnings

_warnings.warn_explicit("explicit", UserWarning, "nofile.py", 12)
_warnings.warn_explicit("explicit, with module", RuntimeWarning, "nofile.py", 13, "mymod")
_warnings.warn_explicit("shows the source line", UserWarning, __file__, 2)
reg = {}
_warnings.warn_explicit("into a registry", UserWarning, "f.py", 5, registry=reg)
_warnings.warn_explicit("into a registry", UserWarning, "f.py", 5, registry=reg)
print(sorted((k for k in reg if k != "version"), key=repr))
_warnings.warn_explicit(UserWarning("instance"), RuntimeWarning, "f.py", 6)
_warnings.warn_explicit("module None: dropped", UserWarning, "f.py", 7, None)
_warnings.warn_explicit("with source", ResourceWarning, "f.py", 8, source=reg,
                        module="notmain")
_warnings.warn_explicit("empty file name", UserWarning, "", 9)
_warnings.warn_explicit("globals without a loader", UserWarning, "g.py", 10,
                        module_globals={})


def attempt(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__, e)


attempt(_warnings.warn)
attempt(_warnings.warn, "x", 1)
attempt(_warnings.warn, "x", int)
attempt(_warnings.warn, "x", skip_file_prefixes=["a"])
attempt(_warnings.warn, "x", skip_file_prefixes=(1,))
attempt(_warnings.warn, "x", stacklevel="a")
attempt(_warnings.warn, "x", UserWarning, 1, None, 5)
attempt(_warnings.warn, "x", bogus=1)
attempt(_warnings.warn, category=UserWarning)
attempt(_warnings.warn_explicit, "x", UserWarning, 1, 2)
attempt(_warnings.warn_explicit, "x", UserWarning, "f.py")
attempt(_warnings.warn_explicit, "x", UserWarning, "f.py", "a")
attempt(_warnings.warn_explicit, "x", UserWarning, "f.py", 1, registry=[])
attempt(_warnings.warn_explicit, "x", UserWarning, "f.py", 1, module_globals=[])
attempt(_warnings.warn_explicit, "x", int, "f.py", 1)
attempt(_warnings._release_lock)
attempt(_warnings._filters_mutated_lock_held)

# Frames from files starting with a prefix are skipped (stacklevel at least 2).
ns = {"_warnings": _warnings}
exec(compile("def inner(prefixes):\n"
             "    _warnings.warn('skipping', skip_file_prefixes=prefixes)\n",
             "<skipme>", "exec"), ns)


def caller():
    ns["inner"](("<skip",))


caller()
ns["inner"](("<skip", "nothing"))
ns["inner"](())
