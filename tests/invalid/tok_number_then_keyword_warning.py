x = 1
print(0x1for x in [1])
print(1if x else 2)
