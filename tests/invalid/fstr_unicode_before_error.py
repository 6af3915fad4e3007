s = f'über {été !x}'
