s = b'raw' t'{x}'
