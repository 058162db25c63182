# expect-exit: 2
# expect-stderr: {file}:4:12: error: SyntaxError: '(' was never closed
values = [1, 2, 3]
total = sum(values
print(total)
