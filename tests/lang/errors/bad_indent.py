# expect-exit: 2
# expect-stderr: {file}:5:1: error: IndentationError: expected an indented block after 'for' statement on line 4
# expect-stderr: IndentationError: expected an indented block after 'for' statement on line 4
for i in range(3):
print(i)
