# expect-exit: 1
# expect-stderr: KeyError: 'port'
# expect-stderr: During handling of the above exception, another exception occurred:
# expect-stderr: RuntimeError: config incomplete
settings = {}
try:
    settings["port"]
except KeyError:
    raise RuntimeError("config incomplete")
