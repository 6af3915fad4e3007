x = 1
s = t'{x}' 'plain'
