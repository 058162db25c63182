data = {"users": [{"name": "ann", "roles": ["admin", "dev"]}, {"name": "bob", "roles": []}], "count": 2}
print(data)
print(data["users"][0]["roles"][1], len(data["users"][1]["roles"]))
for u in data["users"]:
    print(u["name"], ", ".join(u["roles"]) or "-")
matrix = [[0] * 3 for _ in range(3)]
matrix[1][1] = 5
print(matrix)
aliased = [[0] * 3] * 3
aliased[0][0] = 9
print(aliased)
tree = ("root", [("a", []), ("b", [("c", [])])])
def walk(node, depth=0):
    name, kids = node
    print("  " * depth + name)
    for k in kids:
        walk(k, depth + 1)
walk(tree)
s = {frozenset({1, 2}), frozenset({2, 1})}
print(len(s), {(1, 2): "tuple key"}[(1, 2)])
