# AttributeError suggestion on an instance and on a module-level class.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return abs(self.x) + abs(self.y)


p = Point(3, -4)
print(p.norm())
print(p.nrom())
