# Iterating over strings and building new ones
text = "The quick brown fox jumps over the lazy dog"
vowels = 0
consonants = 0
spaces = 0
for ch in text:
    if ch in "aeiouAEIOU":
        vowels += 1
    elif ch == " ":
        spaces += 1
    else:
        consonants += 1
print(vowels, consonants, spaces)
rev = ""
for ch in "stressed":
    rev = ch + rev
print(rev)
caps = ""
for i, ch in enumerate("alternating"):
    if i % 2 == 0:
        caps += ch.upper()
    else:
        caps += ch
print(caps)
words = text.split()
longest = ""
for w in words:
    if len(w) > len(longest):
        longest = w
print(longest, len(words))
acronym = ""
for w in "portable network graphics".split():
    acronym += w[0].upper()
print(acronym)
def rot13(s):
    out = []
    for ch in s:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - ord("a") + 13) % 26 + ord("a")))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - ord("A") + 13) % 26 + ord("A")))
        else:
            out.append(ch)
    return "".join(out)
print(rot13("Hello, World!"), rot13(rot13("Hello, World!")))
digits = ""
for ch in "a1b22c333":
    if ch.isdigit():
        digits += ch
print(digits, int(digits) + 1)
print(list("abc"), tuple("de"), "x".join("123"))
