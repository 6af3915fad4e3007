def f():
    try:
        pass
    finally:
        return 1
print(f())
