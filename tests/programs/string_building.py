# Building strings: concatenation, join, repetition, repr of escapes
parts = []
for i in range(5):
    parts.append(str(i * i))
print(",".join(parts))
line = "=" * 20
print(line)
table = ""
for row in range(1, 4):
    cells = []
    for col in range(1, 4):
        cells.append(str(row * col).rjust(3))
    table += "|".join(cells) + "\n"
print(table, end="")
print(repr("quote ' and \" both"), repr("back\\slash"), repr("\x00\x7f\u0101"))
print(repr("new\nline\ttab\r"), repr(""), repr("\u00e9\U0001F600"))
s = "abc"
print(s + s[::-1], s.upper() * 2, "-".join(s))
print(str(["a", 'b"c']), str({"k": "it's"}))
words = ["alpha", "beta", "gamma"]
sentence = ""
for i, w in enumerate(words):
    if i:
        sentence += ", "
    sentence += w
print(sentence + ".")
print("{:>8}|{:<8}|{:^8}".format("r", "l", "c"))
print("%-6s|%6.2f|%3d%%" % ("name", 2.5, 50))
