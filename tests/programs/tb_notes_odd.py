# __notes__ that is not a list of strings.
err = ValueError("bad value")
err.__notes__ = ["a plain note", 42]
raise err
