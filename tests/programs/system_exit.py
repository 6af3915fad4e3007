# raise SystemExit with an int code: status 3, no traceback
def finish(code):
    print("finishing with", code)
    raise SystemExit(code)

try:
    raise SystemExit(5)
except SystemExit as e:
    print("caught SystemExit", e.code)
try:
    finish(3)
finally:
    print("finally runs before exit")
