print(b'\400')
