a = set("programming")
b = set("language")
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b))
seen = set()
dupes = set()
for ch in "mississippi":
    if ch in seen:
        dupes.add(ch)
    seen.add(ch)
print(sorted(seen), sorted(dupes))
graph = {1: {2, 3}, 2: {4}, 3: {4}, 4: set()}
visited = set()
order = []
def dfs(n):
    if n in visited:
        return
    visited.add(n)
    order.append(n)
    for m in sorted(graph[n]):
        dfs(m)
dfs(1)
print(order)
print({1, 2, 3} <= {1, 2, 3, 4}, {1, 2} < {1, 2}, frozenset("ab") == frozenset("ba"))
print(len({i % 7 for i in range(100)}))
