x = [1 for 1 in range(3)]
