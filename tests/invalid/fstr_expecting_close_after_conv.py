s = f'{x!r y}'
