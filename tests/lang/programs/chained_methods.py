text = "  The Quick Brown Fox  "
print(text.strip().lower().replace(" ", "_"))
print("-".join(sorted(set(text.lower().split()))))
words = text.split()
print(" ".join(reversed(words)).upper())
class Builder:
    def __init__(self):
        self.parts = []
    def add(self, p):
        self.parts.append(p)
        return self
    def build(self):
        return "/".join(self.parts)
print(Builder().add("usr").add("local").add("bin").build())
print(", ".join(map(str, sorted(map(len, words)))))
