buffer = []
capacity = 3
produced = consumed = 0
log = []
for step in range(12):
    if step % 3 != 2 and len(buffer) < capacity:
        buffer.append(produced)
        log.append(f"put {produced}")
        produced += 1
    elif buffer:
        item = buffer.pop(0)
        log.append(f"get {item}")
        consumed += 1
    else:
        log.append("idle")
print("\n".join(log))
print("produced", produced, "consumed", consumed, "left", buffer)
