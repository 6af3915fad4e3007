# comment
   # indented comment
x = 1
  y = 2
