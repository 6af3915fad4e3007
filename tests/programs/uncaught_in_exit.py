# an uncaught exception raised by __exit__ while another one propagates
class Failing:
    def __enter__(self):
        return self

    def __exit__(self, typ, val, tb):
        raise RuntimeError("exit failed while handling " + typ.__name__)


def run():
    with Failing():
        [][0]


run()
