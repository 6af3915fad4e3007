print(max(1, x for x in range(3)))
