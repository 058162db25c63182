# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr:   File "{file}", line 11, in <module>
# expect-stderr:     average([])
# expect-stderr:   File "{file}", line 9, in average
# expect-stderr:     return sum(xs) / len(xs)
# expect-stderr: ZeroDivisionError: division by zero
def average(xs):
    return sum(xs) / len(xs)
print(average([1, 2, 3]))
average([])
