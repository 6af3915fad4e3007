"""pyvm.modules: built-in modules (Python/bltinmodule.c, Python/sysmodule.c, Modules/*.c)."""
