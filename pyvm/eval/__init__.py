"""pyvm.eval: the interpreter (Python/ceval.c and its neighbours)."""
