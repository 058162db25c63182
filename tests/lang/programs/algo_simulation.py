import random
random.seed(2024)
procs = [{"pid": 100 + i, "burst": random.randint(1, 10)} for i in range(5)]
print(procs)
time = 0
waits = []
for p in sorted(procs, key=lambda p: p["burst"]):
    waits.append(time)
    time += p["burst"]
print("SJF waits", waits, "avg", sum(waits) / len(waits))
quantum = 3
queue = [dict(p) for p in procs]
clock = 0
order = []
while queue:
    p = queue.pop(0)
    run = min(quantum, p["burst"])
    clock += run
    p["burst"] -= run
    order.append((p["pid"], clock))
    if p["burst"] > 0:
        queue.append(p)
print(order)
