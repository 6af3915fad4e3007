x = 3
print(f'{lambda x: x}')
