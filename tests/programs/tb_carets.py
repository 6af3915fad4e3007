# Caret lines for a multi-line expression, a method call and a chained
# subscript inside a nested call.
def pick(grid, row, col):
    return grid[row][col]


def area(shape):
    return (shape["w"] *
            shape["h"])


data = [[1, 2], [3, 4]]
print(pick(data, 1, 1))
print(area({"w": 2, "h": 5}))
print(area({"w": 2, "h": None}))
