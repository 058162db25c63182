# expect-exit: 2
# expect-stderr: {file}:3:1: error: SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
len(x) = 5
