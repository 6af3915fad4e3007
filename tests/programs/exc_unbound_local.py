# NameError and UnboundLocalError
def uses_before_assign():
    print(value)
    value = 1

value = "global"
try:
    uses_before_assign()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
print(isinstance(UnboundLocalError("x"), NameError))

def maybe(flag):
    if flag:
        result = "set"
    return result

print(maybe(True))
try:
    maybe(False)
except NameError as e:
    print(type(e).__name__, "-", e)

def deleted():
    x = 1
    del x
    return x

try:
    deleted()
except UnboundLocalError as e:
    print("after del:", e)

try:
    print(not_defined_anywhere)
except NameError as e:
    print("NameError:", e)

def closure_unbound():
    def inner():
        return cell_var
    r = None
    try:
        r = inner()
    except NameError as e:
        print("free variable:", e)
    cell_var = 5
    return inner()

print(closure_unbound())
maybe(0)
