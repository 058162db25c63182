parts = []
for i in range(5):
    parts.append(str(i) * i)
print(parts, "".join(parts), len("".join(parts)))
s = ""
for ch in "abc":
    s = ch + s + ch
print(s)
banner = "*" * 10
print(banner + "\n" + "*" + "hi".center(8) + "*\n" + banner)
words = ["alpha", "beta", "gamma"]
print(", ".join(words[:-1]) + " and " + words[-1])
print("%s has %d chars" % (words[0], len(words[0])), "{0:^9}|".format(words[1]))
acronym = "".join(w[0].upper() for w in "portable network graphics".split())
print(acronym)
