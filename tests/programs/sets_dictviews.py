# Set operations on dict views (keys and items behave as sets).
d = {1: 'a', 2: 'b', 3: 'c'}
e = {2: 'b', 3: 'x', 4: 'd'}
print(d.keys() & e.keys(), d.keys() | e.keys(), d.keys() - e.keys(), d.keys() ^ e.keys())
print(sorted(d.items() & e.items()), sorted(d.items() ^ e.items()), sorted(d.items() - e.items()))
print(d.keys() & {1, 5}, {1, 5} & d.keys(), {1, 5} - d.keys(), [1, 7] | d.keys(), d.keys() == {1, 2, 3}, d.keys() < {1, 2, 3, 4}, {1,2,3} == d.keys())
print(d.keys() - [1], d.keys() ^ (3, 9))
try:
    d.keys() & 5
except TypeError as e: print(e)
