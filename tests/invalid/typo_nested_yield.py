class A:
    def m(self):
        for i in range(3):
            yeild i
