# A program that does not compile: the SyntaxError report has no traceback,
# only the file, the line, the caret and the message.
def ok():
    return 1

print(ok())
values = [1, 2, 3
print(values)
