# raise ... from ...: "The above exception was the direct cause of the
# following exception:", and a suppressed context (from None) in the middle.
class ConfigError(Exception):
    pass


def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        raise LookupError("no " + repr(key)) from None


def read_setting(table, key):
    try:
        return lookup(table, key)
    except LookupError as e:
        raise ConfigError("setting " + key + " is missing") from e


print(read_setting({"a": 1}, "a"))
read_setting({"a": 1}, "b")
