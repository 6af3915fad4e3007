# An uncaught ValueError from int()
for s in ("1", "22", "-333"):
    print(int(s) * 2)
print(int("12abc"))
