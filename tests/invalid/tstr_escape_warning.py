x = 1
t = t'\d{x}'
print(type(t).__name__)
