# An exception raised while another is handled: both tracebacks, joined by
# "During handling of the above exception, another exception occurred:".
def parse(text):
    return int(text)


def load(items):
    out = []
    for item in items:
        try:
            out.append(parse(item))
        except ValueError:
            out.append(fallback[item])
    return out


fallback = {"x": 0}
print(load(["1", "x"]))
print(load(["2", "y"]))
