"""pyvm: the package of the built-in modules (Python/bltinmodule.c, Python/sysmodule.c, Modules/*.c)."""
