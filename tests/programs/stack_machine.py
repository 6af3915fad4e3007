# A tiny stack-machine interpreter with labels, jumps and calls
PROGRAM = """
    push 10
    store n
    push 0
    store acc
loop:
    load n
    jz done
    load acc
    load n
    add
    store acc
    load n
    push 1
    sub
    store n
    jmp loop
done:
    load acc
    print
    push 6
    call fact
    print
    push 7
    push 3
    mod
    print
    push 2
    push 0
    div
    print
    halt
fact:
    dup
    push 1
    gt
    jz fact_base
    dup
    push 1
    sub
    call fact
    mul
    ret
fact_base:
    pop
    push 1
    ret
"""

def parse(text):
    code = []
    labels = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.endswith(":"):
            labels[line[:-1]] = len(code)
            continue
        parts = line.split()
        op = parts[0]
        arg = None
        if len(parts) > 1:
            arg = parts[1]
            if arg.lstrip("-").isdigit():
                arg = int(arg)
        code.append((op, arg))
    return code, labels

def run(code, labels):
    stack = []
    calls = []
    env = {}
    pc = 0
    steps = 0
    while True:
        op, arg = code[pc]
        pc += 1
        steps += 1
        if op == "push":
            stack.append(arg)
        elif op == "pop":
            stack.pop()
        elif op == "dup":
            stack.append(stack[-1])
        elif op == "load":
            stack.append(env[arg])
        elif op == "store":
            env[arg] = stack.pop()
        elif op in ("add", "sub", "mul", "div", "mod", "gt"):
            b = stack.pop()
            a = stack.pop()
            if op == "add":
                stack.append(a + b)
            elif op == "sub":
                stack.append(a - b)
            elif op == "mul":
                stack.append(a * b)
            elif op == "gt":
                stack.append(1 if a > b else 0)
            else:
                try:
                    stack.append(a // b if op == "div" else a % b)
                except ZeroDivisionError as e:
                    print("machine error at", pc - 1, ":", e)
                    stack.append(0)
        elif op == "jmp":
            pc = labels[arg]
        elif op == "jz":
            if stack.pop() == 0:
                pc = labels[arg]
        elif op == "call":
            calls.append(pc)
            pc = labels[arg]
        elif op == "ret":
            pc = calls.pop()
        elif op == "print":
            print("out:", stack.pop())
        elif op == "halt":
            return steps, env
        else:
            raise ValueError("unknown op " + op)

code, labels = parse(PROGRAM)
print(len(code), "instructions; labels:", labels)
steps, env = run(code, labels)
print("halted after", steps, "steps; env =", env)
bad, bad_labels = parse("push 1\nfrobnicate\n")
run(bad, bad_labels)
