"""pyvm: the package of the interpreter (Python/ceval.c and its neighbours)."""
