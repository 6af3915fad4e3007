def f(a,
      b,
