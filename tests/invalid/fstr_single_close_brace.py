s = f'a } b'
