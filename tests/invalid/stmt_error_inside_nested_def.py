class A:
    def m(self):
        if self:
            return self..x
