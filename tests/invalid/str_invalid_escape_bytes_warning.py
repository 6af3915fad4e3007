b = b'\d+'
print(b)
