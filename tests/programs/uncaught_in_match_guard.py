# an uncaught exception raised inside a match guard
class Rec:
    __match_args__ = ("kind", "size")

    def __init__(self, kind, size):
        self.kind = kind
        self.size = size


def ratio(total, part):
    return total / part


def classify(rec):
    match rec:
        case Rec("big", s) if s > 100:
            return "big"
        case Rec(k, s) if ratio(100, s) > 10:
            return "small " + k
        case _:
            return "other"


print(classify(Rec("big", 500)))
print(classify(Rec("tiny", 2)))
print(classify(Rec("empty", 0)))
