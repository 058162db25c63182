total = 0
log = []
def add(n):
    global total
    total += n
    log.append(n)
def reset():
    global total, log
    total = 0
    log = []
for i in range(5):
    add(i)
print(total, log)
reset()
add(100)
print(total, log)
def read_only():
    return total * 2
print(read_only())
