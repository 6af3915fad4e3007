x = 1
s = f'outer {f"inner {x!q}"} end'
