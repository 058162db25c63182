# expect-exit: 2
# expect-stderr: {file}:3:7: error: SyntaxError: unterminated string literal (detected at line 3)
print("hello)
