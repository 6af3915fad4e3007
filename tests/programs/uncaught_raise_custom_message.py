# raise with a message, uncaught, after a handled one
def check(age):
    if age < 0:
        raise ValueError("age must be non-negative, got " + str(age))
    return age

try:
    check(-1)
except ValueError as e:
    print("handled:", e)
print(check(30))
raise RuntimeError("fatal: giving up after " + str(3) + " tries")
