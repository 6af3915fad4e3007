d = {}
print(**d, 'a')
