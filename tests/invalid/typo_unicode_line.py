café = 1
print(café) improt
