# Mirrors the teaching examples: a shared counter updated by "workers" in turn.
counter = 0
def worker(name, n):
    global counter
    for _ in range(n):
        counter += 1
    print(f"{name} done, counter={counter}")
for i in range(4):
    worker(f"worker-{i}", 1000)
print("final", counter)
