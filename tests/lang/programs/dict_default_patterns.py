text = "the cat and the hat and the bat"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
groups = {}
for w in text.split():
    groups.setdefault(len(w), set()).add(w)
print({k: sorted(v) for k, v in sorted(groups.items())})
first_letter = {}
for w in text.split():
    if w[0] not in first_letter:
        first_letter[w[0]] = []
    first_letter[w[0]].append(w)
print(first_letter)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0])
merged = {**counts, **{"dog": 1}}
print(len(merged), merged.pop("dog"), len(merged))
