print(1 == not 2)
