name, n, x = "Ada", 42, 3.14159
print(f"{name} has {n} items costing {x:.2f}")
print(f"{n:5d}|{n:<5}|{n:^5}|{n:>5}|{n:05d}|{n:+d}|{-n:+d}")
print(f"{x:10.3f}|{x:<10.1f}|{x:e}|{x:.3e}|{x:g}|{1234567.0:g}|{0.00001234:g}")
print(f"{1234567:,}|{1234567.891:,.2f}|{1234567:_}|{0.256:.1%}|{255:x}|{255:X}|{255:#x}|{5:b}|{8:o}|{8:#o}")
print(f"{'abc':>6}|{'abc':<6}|{'abc':^7}|{'abc':*^9}|{'abcdef':.3}")
print(f"{name!r} {name!s} {n!r}")
print(f"{n=} {x=:.1f}")
w, p = 10, 3
print(f"{x:{w}.{p}f}|")
print(f"{{literal}} {n}")
print(f"{[1, 2]} {dict(a=1)} {(1,)}")
items = ["a", "b"]
print(f"{len(items)} items: {', '.join(items)}")
print(f"{3.0}|{1e20}|{2.5:.0f}|{3.5:.0f}|{-0.0}")
print(f"{True}|{None}|{True:d}|{65:c}")
