class Parser:
    def parse(self, text):
        return [self.item(t) for t in text.split(",")]
    def item(self, t):
        return int(t.strip())
print(Parser().parse("1, 2, 3"))
Parser().parse("4, five")
