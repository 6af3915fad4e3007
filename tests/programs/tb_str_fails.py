# An exception whose __str__ itself fails, raised from a class body.
class Broken(Exception):
    def __str__(self):
        raise ValueError("no text")


class Config:
    size = 3
    if size > 2:
        raise Broken()
