# User exception hierarchies.


class AppError(Exception):
    pass


class ConfigError(AppError):
    def __init__(self, key, reason):
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason


class NetError(AppError):
    def __str__(self):
        return "network down (" + ", ".join([str(a) for a in self.args]) + ")"


class Retry(NetError):
    pass


def check(n):
    if n == 0:
        raise ConfigError("port", "missing")
    if n == 1:
        raise NetError("eth0", 3)
    if n == 2:
        raise Retry()
    if n == 3:
        raise AppError
    return n


for i in range(5):
    try:
        print("ok", check(i))
    except ConfigError as e:
        print("config", e, e.key, e.reason, e.args)
    except Retry as e:
        print("retry", repr(e), str(e))
    except NetError as e:
        print("net", e, repr(e), e.args)
    except AppError as e:
        print("app", type(e).__name__, repr(e), isinstance(e, Exception))

try:
    try:
        check(0)
    except AppError as e:
        raise NetError("wrapped") from e
except NetError as e:
    print(e, type(e.__cause__).__name__, e.__cause__)

print(issubclass(Retry, AppError), issubclass(ConfigError, NetError))
print([c.__name__ for c in Retry.__mro__])


class WithAttrs(ValueError):
    code = 7


try:
    raise WithAttrs("bad value")
except ValueError as e:
    print(e, e.code, e.args)
    e.extra = 1
    print(e.extra)

err = ConfigError("a", "b")
print(str(err), repr(err), err.args)


def deep(n):
    if n == 0:
        raise Retry("deep", n)
    deep(n - 1)


try:
    deep(3)
except AppError as e:
    print("deep:", e)

raise ConfigError("timeout", "must be positive")
