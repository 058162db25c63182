# expect-exit: 1
# expect-stderr:   File "{file}", line 7, in forever
# expect-stderr:     return forever(n + 1)
# expect-stderr:   [Previous line repeated 996 more times]
# expect-stderr: RecursionError: maximum recursion depth exceeded
def forever(n):
    return forever(n + 1)
forever(0)
