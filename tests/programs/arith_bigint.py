# Arbitrary-precision integers
big = 2 ** 100
print(big)
print(big + 1, big - 1)
print(big * big)
print(-big)
print(big // 3, big % 3)
print(10 ** 30 // 7, 10 ** 30 % 7)
print(-(10 ** 25) // 7, -(10 ** 25) % 7)
f = 1
n = 1
while n <= 30:
    f = f * n
    n = n + 1
print("30! =", f)
print(len(str(f)))
print(2 ** 64 - 1, 2 ** 63, -(2 ** 63))
print(123456789012345678901234567890 * 987654321098765432109876543210)
print(big >> 50, big << 3, (big - 1) & 0xFFFF, big | 1, big ^ (big - 1))
print(big == 2 ** 100, big > 2 ** 99, big < -big)
print(abs(-big), pow(2, 100, 10 ** 9 + 7))
print(int("123456789123456789123456789"))
print(hex(2 ** 70), oct(2 ** 40), bin(2 ** 20))
print(0xFFFFFFFFFFFFFFFFFFFF)
