# An uncaught NameError in a function
def compute():
    return 6 * 7

print(compute())

def broken():
    return zzz_unknown_variable + 1

broken()
