f = lambda *, a, /: a
