s = f'{x= y}'
