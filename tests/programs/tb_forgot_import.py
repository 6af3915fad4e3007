# NameError for a standard-library module name that was never imported.
def area(r):
    return math.pi * r * r


print("circle")
print(area(2))
