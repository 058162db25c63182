def fmt_duration(seconds):
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f"{h:02d}:{m:02d}:{s:02d}"
for secs in [0, 59, 61, 3600, 3725, 86399]:
    print(secs, fmt_duration(secs))
ms = 123456
print(f"{ms / 1000:.3f}s", f"{ms // 60000}m {ms % 60000 / 1000:.1f}s")
print(divmod(-7, 3), divmod(7, -3), -7 // 3, -7 % 3)
