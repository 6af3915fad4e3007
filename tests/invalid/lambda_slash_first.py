f = lambda /, a: a
