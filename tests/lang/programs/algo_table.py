rows = [("Process", "PID", "CPU%"), ("python3", 1234, 97.5), ("bash", 1, 0.0), ("worker", 56789, 12.25)]
for name, pid, cpu in rows:
    if isinstance(pid, str):
        print(f"{name:<10}{pid:>8}{cpu:>8}")
    else:
        print(f"{name:<10}{pid:>8d}{cpu:>8.1f}")
print("-" * 26)
total = sum(r[2] for r in rows[1:])
print(f"{'total':<10}{'':>8}{total:>8.2f}")
for i in range(1, 4):
    print(" ".join(f"{i * j:3d}" for j in range(1, 6)))
