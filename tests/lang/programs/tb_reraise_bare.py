def risky():
    raise LookupError("nothing here")
try:
    risky()
except LookupError:
    print("logging and re-raising")
    raise
