a = '\d'
b = '\w'
print(a, b)
