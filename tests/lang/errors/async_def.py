# expect-exit: 2
# expect-stderr: {file}:5:1: error: 'async def' is not supported by Taskscope yet
# expect-stderr:   hint: use threading or multiprocessing for concurrency
import time
async def main():
    pass
