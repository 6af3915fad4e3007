# An uncaught exception with notes, several args, and one raised in a method
# called from a lambda inside a comprehension.
class Stack:
    def __init__(self):
        self.items = []

    def pop(self):
        if not self.items:
            err = IndexError("pop from empty stack", len(self.items))
            err.add_note("the stack was created empty")
            err.add_note("push something first")
            raise err
        return self.items.pop()


s = Stack()
ops = [lambda: s.pop()]
print([op() for op in ops])
