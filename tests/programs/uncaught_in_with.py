# an uncaught exception raised inside a with block (the manager does not suppress)
class Manager:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, typ, val, tb):
        print("exit", typ.__name__, val)
        return False


def work(items):
    with Manager() as m:
        for k in ("a", "b", "c"):
            print("value", items[k])


work({"a": 1, "b": 2})
