# Template and Interpolation are given to this program as globals (no
# t-string syntax: BUILD_TEMPLATE is not in pyvm's loop yet).
i1 = Interpolation(42, "x")
i2 = Interpolation("hi", "y", "r", ">5")
print(i1)
print(i2)
print(i1.value, i1.expression, i1.conversion, repr(i1.format_spec))
print(Interpolation.__match_args__)
t = Template("a", i1, "b", "c", i2)
print(t)
print(t.strings, t.values)
print(list(t))
print(list(Template(i1, i2)))
t2 = t + Template("d", i1)
print(t2.strings, len(t2.interpolations))
print(Template())
for bad in (lambda: Template(1), lambda: t + "x", lambda: Interpolation(1, "e", "q"),
            lambda: Interpolation(1, "e", 3), lambda: Interpolation(1, 2)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(type(t).__name__, type(t).__module__, type(i1).__qualname__)
