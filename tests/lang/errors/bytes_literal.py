# expect-exit: 2
# expect-stderr: {file}:3:8: error: bytes literals (b'...') is not supported by Taskscope yet
data = b"raw"
