s = '\N{no such name}'
