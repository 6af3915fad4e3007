# Indexing and slicing of strings
s = "abcdefghij"
print(s[0], s[5], s[-1], s[-3])
print(s[2:5], s[:3], s[7:], s[:], s[-4:-1])
print(s[::2], s[1::3], s[::-1], s[8:2:-2], s[-1:-4:-1])
print(s[100:], s[3:1], s[-100:2], repr(s[5:5]))
print(len(s), len(""), len(s[2:8]))
word = "racecar"
print(word == word[::-1])
for i in range(len(word)):
    print(i, word[i], word[:i])
i = 2
j = 7
print(s[i:j], s[i:j:2], s[j:i:-1])
print(s[slice(1, 4)], s[slice(None, None, 3)])
