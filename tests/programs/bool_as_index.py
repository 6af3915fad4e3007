# bool is an int subclass: every place that takes an index (nb_index) takes a
# bool too. The first line uses bool's inherited nb_index before anything else
# touches the bool type.
print(True * [7], [7] * True, False * [7])
print([1, 2][False], [1, 2][True], range(3)[True], (1, 2)[True], b'ab'[True])
print(repr(''[False:]), 'ab'[True], [1, 2][True:], 'ab' * True, 'ab' * False)
print(bytearray(b'ab') * True, True * bytearray(b'ab'), b'x' * True, (1,) * True)
print(slice(True, 3).indices(5), slice(None, None, True).indices(True))
print(repr('%c' % True), repr('%c' % False), '%x' % True, '%d' % False)
print(bytes(True), bytearray(True), float(True), complex(True, False))
l = [1, 2, 3]
l[True] = 9
del l[False]
print(l, l.pop(False), l)
x = [1]
x *= True
print(x, [0, 1, 2][True:3:True], range(10)[True::2])
for bad in ("[1, 2][1.0]", "[1] * 1.0", "slice(1.0).indices(3)", "'%c' % 1.5"):
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "->", e)
