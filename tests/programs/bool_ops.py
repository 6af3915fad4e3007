# and / or / not with short-circuit and their values
print(True and False, True or False, not True, not 0)
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or 0)
print([] or [1], [0] and "x", 0 or None or "last")
def t(v):
    print("called", v)
    return v
print(t(0) and t(1))
print(t(1) and t(2))
print(t(0) or t(3))
print(t(4) or t(5))
print(not (1 < 2 and 2 < 3), not 1 < 2 or 3 < 4)
x = 7
if x > 5 and x % 2 == 1:
    print("big odd")
if not x == 8 or x / 0:
    print("short-circuited")
y = x > 3 and "yes" or "no"
print(y)
z = "yes" if x < 3 else "no"
print(z)
print(1 if True else 2, 1 if 0 else 2 if 0 else 3)
