def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as e:
        print("value", e.exceptions)
    except* TypeError:
        print("type")
    except* (KeyError, IndexError) as e:
        print("key", len(e.exceptions))
    else:
        print("no error")
    finally:
        print("done")


def g():
    try:
        pass
    except* OSError as e:
        raise RuntimeError("x") from e


f()
