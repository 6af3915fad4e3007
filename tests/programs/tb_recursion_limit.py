# Unbounded recursion: RecursionError, with the repeated frames folded.
def walk(node):
    return walk(node + 1)


print("go")
walk(0)
