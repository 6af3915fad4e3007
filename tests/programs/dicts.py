# Dicts: literals, lookup, mutation, iteration and methods
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"])
d["a"] = 10
print(d)
print(d.get("b"), d.get("zz"), d.get("zz", "default"))
print("a" in d, "q" in d, "q" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
for k, v in d.items():
    print(k, "->", v)
del d["b"]
print(d)
print(d.pop("c"), d.pop("missing", None), d)
d.update({"x": 1, "y": 2})
d.update(z=3)
print(d)
print(d.setdefault("x", 99), d.setdefault("w", 99), d)
e = dict(one=1, two=2)
print(e, dict([("k", "v")]), dict())
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
nested = {"outer": {"inner": [1, 2]}}
print(nested["outer"]["inner"][1])
keys = {1: "int", 2.5: "float", (1, 2): "tuple", None: "none", True: "bool?"}
print(keys)
print(d.copy() == d, d.copy() is d)
print(d.popitem(), d)
d.clear()
print(d, len(d))
print({1: "a", 1.0: "b"})
print(sorted({"b": 1, "a": 2}), dict.fromkeys(["p", "q"], 0))
