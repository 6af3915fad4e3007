s = f'a {'
