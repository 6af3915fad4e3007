t = t'{x'
