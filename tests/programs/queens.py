# N-queens: count and show solutions with recursive backtracking
def solve(n):
    solutions = []
    cols = [0] * n
    used_cols = [False] * n
    diag1 = [False] * (2 * n)
    diag2 = [False] * (2 * n)

    def place(row):
        if row == n:
            solutions.append(cols[:])
            return
        for c in range(n):
            if used_cols[c] or diag1[row + c] or diag2[row - c + n]:
                continue
            cols[row] = c
            used_cols[c] = diag1[row + c] = diag2[row - c + n] = True
            place(row + 1)
            used_cols[c] = diag1[row + c] = diag2[row - c + n] = False

    place(0)
    return solutions

def show(sol):
    n = len(sol)
    for c in sol:
        row = ""
        for k in range(n):
            row += "Q " if k == c else ". "
        print(row.rstrip())

for n in range(1, 9):
    print(n, "queens:", len(solve(n)), "solutions")
six = solve(6)
print("first 6-queens solution:", six[0])
show(six[0])
eight = solve(8)
print("first and last 8-queens:", eight[0], eight[-1])
count = 0
for s in eight:
    mirrored = []
    for c in s:
        mirrored.append(len(s) - 1 - c)
    if mirrored in eight:
        count += 1
print("solutions whose mirror is also listed:", count)
