# A failure inside a generator driven by a for loop, and the empty-message
# exception line.
def numbers(limit):
    n = 0
    while True:
        if n > limit:
            raise RuntimeError
        yield n
        n += 1


total = 0
for x in numbers(3):
    total += x
    print(total)
