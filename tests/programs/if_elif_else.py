# if / elif / else
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"

for v in (-5, 0, 7, 42, 1000):
    print(v, classify(v))

def grade(score):
    if score >= 90:
        g = "A"
    elif score >= 80:
        g = "B"
    elif score >= 70:
        g = "C"
    else:
        g = "F"
    return g

print(grade(95), grade(85), grade(75), grade(10))
x = 3
if x:
    print("truthy")
if not []:
    print("empty list is falsy")
if "":
    print("never")
else:
    print("empty string is falsy")
if x == 3:
    if x > 2:
        print("nested")
    else:
        print("not here")
if x > 1: print("one-line if")
