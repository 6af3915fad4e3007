# Integer arithmetic: + - * // % ** and unary operators
a = 17
b = 5
print(a + b, a - b, a * b)
print(a // b, a % b, a ** 2)
print(-a // b, -a % b, a // -b, a % -b, -a // -b, -a % -b)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2)
print(2 ** 10, 2 ** 0, (-2) ** 3, -2 ** 2)
print(+a, -a, -(-a), ~a, ~-1)
print(a & b, a | b, a ^ b, a << 3, a >> 2, -a >> 1)
print(abs(-12), abs(12), abs(0))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5))
print(pow(3, 4), pow(2, 10, 1000), pow(7, 2, 5))
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x %= 3
print(x)
y = 3
y **= 3
y <<= 1
y >>= 2
y |= 64
y &= 0x7F
y ^= 5
print(y)
print(1 + 2 * 3 - 4 // 2, (1 + 2) * (3 - 4) // 2)
print(round(7), round(-3))
