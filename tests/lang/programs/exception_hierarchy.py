names = ["ZeroDivisionError", "OverflowError", "IndexError", "KeyError", "UnboundLocalError",
         "NotImplementedError", "RecursionError", "FileNotFoundError", "TimeoutError", "ModuleNotFoundError",
         "StopIteration", "SystemExit", "KeyboardInterrupt", "AssertionError", "EOFError"]
for n in names:
    cls = eval_map = {
        "ZeroDivisionError": ZeroDivisionError, "OverflowError": OverflowError, "IndexError": IndexError,
        "KeyError": KeyError, "UnboundLocalError": UnboundLocalError, "NotImplementedError": NotImplementedError,
        "RecursionError": RecursionError, "FileNotFoundError": FileNotFoundError, "TimeoutError": TimeoutError,
        "ModuleNotFoundError": ModuleNotFoundError, "StopIteration": StopIteration, "SystemExit": SystemExit,
        "KeyboardInterrupt": KeyboardInterrupt, "AssertionError": AssertionError, "EOFError": EOFError}[n]
    print(n, [c.__name__ for c in cls.__mro__])
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, Exception), issubclass(SystemExit, Exception))
try:
    raise IndexError
except LookupError as e:
    print("caught via base", type(e).__name__)
try:
    try:
        raise KeyboardInterrupt
    except Exception:
        print("wrong")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
