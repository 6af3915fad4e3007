# An uncaught ZeroDivisionError raised two calls deep
def average(values):
    return sum(values) / len(values)

def report(name, values):
    print(name, "average:", average(values))

report("scores", [90, 80, 70])
report("empty", [])
print("not reached")
