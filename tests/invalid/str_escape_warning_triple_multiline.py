s = '''line one
line \m two
'''
print(s)
