x = 0
whlie x < 3:
    x += 1
