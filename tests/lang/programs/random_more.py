import random
random.seed(99)
print([random.randrange(0, 100, 7) for _ in range(5)])
print(random.sample("abcdefghij", 4), random.sample(range(1000), 3))
deck = [f"{r}{s}" for s in "SH" for r in "A23"]
random.shuffle(deck)
print(deck)
random.seed("not an int")
x = random.random()
print(0 <= x < 1)
random.seed(5)
a = [random.random() for _ in range(3)]
random.seed(5)
b = [random.random() for _ in range(3)]
print(a == b, len(set(a)))
print(random.choice([42]), random.randint(3, 3))
