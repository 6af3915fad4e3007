a = 1
b = a + not a
