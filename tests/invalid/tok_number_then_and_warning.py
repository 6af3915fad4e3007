print(1and 2)
