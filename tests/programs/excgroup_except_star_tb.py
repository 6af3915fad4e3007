# except* whose clauses raise: the uncaught result (a new group holding the raised
# exception and the re-raised part) printed with its chains.


def check(item):
    if item % 2:
        raise ValueError(f"odd item {item}")
    raise TypeError(f"even item {item}")


def process(items):
    errors = []
    for item in items:
        try:
            check(item)
        except Exception as e:
            errors.append(e)
    if errors:
        raise ExceptionGroup("processing", errors)


def handle():
    try:
        process([1, 2, 3])
    except* ValueError as eg:
        print("retrying", len(eg.exceptions), "odd items")
        raise RuntimeError("retry failed")
    except* TypeError:
        print("re-raising the TypeErrors")
        raise


handle()
