# expect-exit: 2
# expect-stderr: {file}:3:7: error: SyntaxError: invalid syntax. Perhaps you forgot a comma?
print("a" "b" value)
