# expect-exit: 2
# expect-stderr: {file}:4:9: error: SyntaxError: expected ':'
# expect-stderr: SyntaxError: expected ':'
if 1 > 0
    print("x")
