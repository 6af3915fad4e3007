# Global and local names, the global statement
counter = 0
name = "module"

def show():
    print("global name:", name)

def shadow():
    name = "local"
    print("local name:", name)

def bump():
    global counter
    counter = counter + 1
    return counter

def make_global():
    global created
    created = "made inside a function"

show()
shadow()
show()
print(bump(), bump(), bump())
print("counter =", counter)
make_global()
print(created)

def reads_builtin():
    return len("four")

print(reads_builtin())
len = 5
print(len)
del len
print(len("restored"))

def param_shadow(counter):
    counter += 100
    return counter

print(param_shadow(1), counter)
a = b = c = 9
print(a, b, c)
a, b = b + 1, a - 1
print(a, b)
