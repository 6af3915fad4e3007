# NameError suggestions: a local, a global and a builtin close to the name.
import_count = 3


def total(values):
    result = 0
    for value in values:
        result += value
    return reslt


print(import_count)
print(total([1, 2]))
