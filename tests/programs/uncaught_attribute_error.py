# An uncaught AttributeError
items = [3, 1, 2]
items.sort()
print(items)
text = "abc"
print(text.upper())
text.push("d")
