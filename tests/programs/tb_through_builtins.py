# Tracebacks through builtins calling back into Python: a sort key, a
# property, __repr__ under print, __init__ under a class call.
class Item:
    def __init__(self, name, price):
        if price < 0:
            raise ValueError(f"negative price for {name}")
        self.name = name
        self.price = price

    @property
    def label(self):
        return self.name.upper() + ":" + self.price

    def __repr__(self):
        return "Item(" + self.label + ")"


items = [Item("b", 2), Item("a", 1)]
print(sorted(items, key=lambda it: it.name)[0].name)
try:
    Item("c", -1)
except ValueError as e:
    print("caught:", e)
print(sorted(items, key=lambda it: it.missing))
