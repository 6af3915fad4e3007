# raise SystemExit with a string: printed to stderr, status 1
print("about to exit")
raise SystemExit("exiting: bad configuration")
