# Recursion
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)

def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append(src + dst)
    hanoi(n - 1, via, dst, src, moves)

def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)

def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)

def flatten(x, out):
    if isinstance(x, list):
        for y in x:
            flatten(y, out)
    else:
        out.append(x)
    return out

print(fact(0), fact(5), fact(20))
print(fib(15))
print(gcd(1071, 462), gcd(17, 5))
moves = []
hanoi(4, "A", "C", "B", moves)
print(len(moves), moves[:5])
print(is_even(10), is_odd(7), is_even(7))
print(flatten([1, [2, [3, [4]], 5], [[6]]], []))

def power_set(items):
    if not items:
        return [[]]
    rest = power_set(items[1:])
    result = []
    for r in rest:
        result.append(r)
        result.append([items[0]] + r)
    return result

print(power_set([1, 2, 3]))
