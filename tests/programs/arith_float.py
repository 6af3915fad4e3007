# Float arithmetic and true division
print(7 / 2, -7 / 2, 6 / 3, 1 / 3)
print(2.5 + 1.25, 2.5 - 10, 1.5 * 4, 10.0 / 4)
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2)
print(2.0 ** 10, 2 ** -1, 2.0 ** 0.5, 4 ** 0.5)
print(0.1 + 0.2, 0.1 * 3, 1.1 * 1.1)
print(1e300 * 10, -1e300 * 10)
print(float("inf"), float("-inf"), float("nan"))
print(1 + 2.0, 3 * 1.5, 10 - 0.5)
print(abs(-2.5), round(2.675, 2), round(3.14159, 3), round(2.5), round(3.5), round(-0.5))
print(divmod(7.5, 2), divmod(-7.5, 2))
print(float(3), float("2.5"), float(" -1.25 "), int(3.99), int(-3.99))
print(1e16 + 1, 2 ** 53 + 1.0)
print(3.0 == 3, 0.5 < 1, 2.0 > 1.9999)
print(-0.0, 0.0 == -0.0)
x = 1.5
x += 1
x *= 3
x /= 2
x -= 0.25
print(x)
print(100 / 7, 22 / 7, 1 / 7)
print(1e-320, 5e-324, 1.7976931348623157e308)
