import random
random.seed(3)
def task(tid):
    cost = random.randint(1, 9)
    return tid, cost, cost * cost
results = [task(i) for i in range(6)]
for tid, cost, sq in results:
    print(f"task {tid}: cost={cost} result={sq}")
print("total cost", sum(r[1] for r in results))
chunks = [results[i:i + 2] for i in range(0, len(results), 2)]
print([[t for t, *_ in c] for c in chunks])
