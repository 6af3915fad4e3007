# An uncaught TypeError for bad operand types
def total(items):
    t = 0
    for x in items:
        t = t + x
        print("running total", t)
    return t

print(total([1, 2, 3]))
print(total([1, "2", 3]))
