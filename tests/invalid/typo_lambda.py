f = lamda x: x
