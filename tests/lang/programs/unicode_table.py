rows = [("进程", 3), ("线程", 12), ("GIL", 1)]
for name, n in rows:
    print(f"{name}|{n:>3}|", len(name))
s = "多进程 vs 多线程"
print(s.split(" vs "), s.replace("多", "单"), s[::-1], s.find("线"))
print(sorted(["线程", "进程", "GIL", "队列"]))
print(",".join(c for c in "死锁"), "锁" in "死锁", ord("锁"), chr(38145))
