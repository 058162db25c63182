# expect-exit: 2
# expect-stderr: {file}:4:1: error: SyntaxError: 'return' outside function
x = 1
return x
