print(f'\{6}')
