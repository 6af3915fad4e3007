x = 5
y = "big" if x > 3 else "small"
z = 1 if x else 2 if y else 3
s = "abcdefgh"
parts = s[1:3], s[::2], s[:-1], s[1:], s[:], s[::-1], s[x - 4:x:1]
lst = list(range(10))
lst[2:4] = [0]
lst[::3] = [9, 9, 9]
cmp = 1 < x <= 10 != 11
logic = x and y or z
neg = not x, -x, +x, ~x
power = 2 ** -1
bits = x << 2 | x >> 1 & 3 ^ 7
chained = x.bit_length().real
sub = {"a": [1, 2]}["a"][-1]
print(y, z, parts, lst, cmp, logic, neg, power, bits, chained, sub)
