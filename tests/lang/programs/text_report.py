sales = [("north", "q1", 120.5), ("south", "q1", 99.0), ("north", "q2", 130.25), ("south", "q2", 110.0)]
by_region = {}
for region, q, amount in sales:
    by_region.setdefault(region, []).append(amount)
print(f"{'Region':<8}{'Total':>10}{'Avg':>10}")
for region in sorted(by_region):
    amounts = by_region[region]
    print(f"{region:<8}{sum(amounts):>10.2f}{sum(amounts) / len(amounts):>10.2f}")
grand = sum(a for *_, a in sales)
print(f"{'ALL':<8}{grand:>10.2f}")
print("=" * 28)
best = max(sales, key=lambda s: s[2])
print("best: {0} in {1} with {2:,.1f}".format(*best))
print("%-8s%10s" % ("count", len(sales)))
