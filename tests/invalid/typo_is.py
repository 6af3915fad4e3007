x = None
if x si None:
    pass
