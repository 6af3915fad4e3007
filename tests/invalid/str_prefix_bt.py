s = bt'x'
