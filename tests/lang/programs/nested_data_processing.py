orders = [
    {"id": 1, "items": [("pen", 2, 1.5), ("book", 1, 12.0)]},
    {"id": 2, "items": [("pen", 10, 1.4)]},
    {"id": 3, "items": []},
]
def total(order):
    return sum(q * p for _, q, p in order["items"])
for o in orders:
    print(o["id"], f"{total(o):.2f}", len(o["items"]))
qty = {}
for o in orders:
    for name, q, _ in o["items"]:
        qty[name] = qty.get(name, 0) + q
print(qty, max(orders, key=total)["id"])
print([o["id"] for o in orders if not o["items"]])
