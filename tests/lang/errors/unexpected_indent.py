# expect-exit: 2
# expect-stderr: {file}:4:5: error: IndentationError: unexpected indent
x = 1
    y = 2
