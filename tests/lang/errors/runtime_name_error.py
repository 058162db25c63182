# expect-exit: 1
# expect-stderr:   File "{file}", line 6, in <module>
# expect-stderr:     print(undefined_variable)
# expect-stderr: NameError: name 'undefined_variable' is not defined
print("start")
print(undefined_variable)
