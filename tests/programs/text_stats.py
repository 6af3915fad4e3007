# A small text-statistics program: word counts, frequencies, line lengths
TEXT = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair."""

def normalise(word):
    out = ""
    for ch in word.lower():
        if ch.isalpha():
            out += ch
    return out

def word_counts(text):
    counts = {}
    for line in text.splitlines():
        for raw in line.split():
            w = normalise(raw)
            if w:
                counts[w] = counts.get(w, 0) + 1
    return counts

def by_count(item):
    return (-item[1], item[0])

counts = word_counts(TEXT)
lines = TEXT.splitlines()
words = TEXT.split()
print("lines:", len(lines))
print("words:", len(words))
print("distinct words:", len(counts))
print("characters:", len(TEXT), "letters:", len(normalise(TEXT)))
print("top words:")
ranked = sorted(counts.items(), key=by_count)
for word, n in ranked[:6]:
    print(f"  {word:<8} {n:3d} {'#' * n}")
print("longest word:", max(counts, key=len))
lengths = []
for line in lines:
    lengths.append(len(line))
print("line lengths:", lengths)
print(f"mean line length: {sum(lengths) / len(lengths):.2f}")
letters = {}
for ch in TEXT.lower():
    if "a" <= ch <= "z":
        letters[ch] = letters.get(ch, 0) + 1
common = sorted(letters.items(), key=by_count)[:5]
print("common letters:", common)
hist = {}
for w in counts:
    n = len(w)
    hist[n] = hist.get(n, 0) + counts[w]
for n in sorted(hist):
    print(f"{n:2d} letters: {hist[n]}")
caps = []
for w in words:
    if w[0].isupper():
        caps.append(w.strip(",."))
print("capitalised:", caps)
