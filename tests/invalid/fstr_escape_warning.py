x = 1
s = f'\d{x}'
print(s)
