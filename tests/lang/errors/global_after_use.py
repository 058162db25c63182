# expect-exit: 2
# expect-stderr: {file}:6:5: error: SyntaxError: name 'counter' is used prior to global declaration
counter = 0
def bump():
    print(counter)
    global counter
