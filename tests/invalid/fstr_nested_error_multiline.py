x = 1
s = f'''first
{x +
}
'''
