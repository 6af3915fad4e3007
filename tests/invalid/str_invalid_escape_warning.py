s = 'a\qb'
print(len(s))
