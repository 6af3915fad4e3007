t = t'{x!z}'
