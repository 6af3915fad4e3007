t = t'{x y}'
