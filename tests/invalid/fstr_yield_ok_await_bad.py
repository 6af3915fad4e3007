s = f'{await}'
