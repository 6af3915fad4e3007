# Dict iteration order (insertion order), deletes and re-inserts, nested dicts
d = {}
for word in ["pear", "apple", "fig", "kiwi"]:
    d[word] = len(word)
print(d)
del d["apple"]
d["apple"] = 5
print(list(d))
d["pear"] = 40
print(d)
for k in d:
    print(k, d[k])
for v in d.values():
    print("value", v)
by_len = {}
for w in ["a", "bb", "cc", "d", "eee"]:
    n = len(w)
    if n not in by_len:
        by_len[n] = []
    by_len[n].append(w)
print(by_len)
for k, v in sorted(by_len.items(), reverse=True):
    print(k, v)
people = {"ann": {"age": 31, "city": "Oslo"}, "bob": {"age": 25, "city": "Rome"}}
for name, info in people.items():
    print(name, info["age"], info["city"])
people["bob"]["age"] += 1
print(people["bob"])
keys = list(d.keys())
for k in keys:
    if len(k) > 3:
        del d[k]
print(d)
inverted = {}
for k, v in {"x": 1, "y": 2, "z": 1}.items():
    inverted[v] = inverted.get(v, "") + k
print(inverted)
