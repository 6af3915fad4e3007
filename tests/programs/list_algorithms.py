# Lists as stacks and queues; insertion sort, binary search, bubble sort
stack = []
for x in "abc":
    stack.append(x)
while stack:
    print("pop", stack.pop())
queue = [1, 2, 3]
queue.append(4)
while queue:
    print("dequeue", queue.pop(0))

def insertion_sort(xs):
    xs = xs[:]
    for i in range(1, len(xs)):
        key = xs[i]
        j = i - 1
        while j >= 0 and xs[j] > key:
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = key
    return xs

def bubble_sort(xs):
    xs = list(xs)
    n = len(xs)
    swapped = True
    while swapped:
        swapped = False
        for i in range(n - 1):
            if xs[i] > xs[i + 1]:
                xs[i], xs[i + 1] = xs[i + 1], xs[i]
                swapped = True
        n -= 1
    return xs

def binary_search(xs, target):
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1

data = [29, 3, 71, 11, 3, -8, 42, 0]
s = insertion_sort(data)
print(s, bubble_sort(data), data)
print(binary_search(s, 42), binary_search(s, 5), binary_search(s, -8))

def merge(a, b):
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    return out + a[i:] + b[j:]

def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    return merge(merge_sort(xs[:mid]), merge_sort(xs[mid:]))

print(merge_sort(data))
matrix = [[1, 2, 3], [4, 5, 6]]
transposed = []
for c in range(3):
    row = []
    for r in range(2):
        row.append(matrix[r][c])
    transposed.append(row)
print(transposed)
