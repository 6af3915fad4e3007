# A deep recursion that fails at the bottom: identical frames are folded
# into "[Previous line repeated N more times]".
def countdown(n):
    if n == 0:
        return 10 // n
    return countdown(n - 1) + 1


def outer(k):
    return countdown(k)


print(countdown(0) if False else "start")
outer(30)
