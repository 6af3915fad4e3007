x = [1 for y = 2 in z]
