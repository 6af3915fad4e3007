s = '\777'
print(len(s))
