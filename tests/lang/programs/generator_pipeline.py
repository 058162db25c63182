def read_lines():
    for line in ["10 apples", "5 pears", "bad line", "7 figs"]:
        yield line
def parse(lines):
    for line in lines:
        parts = line.split()
        if parts[0].isdigit():
            yield int(parts[0]), parts[1]
def big(items, minimum):
    for n, name in items:
        if n >= minimum:
            yield name
print(list(big(parse(read_lines()), 6)))
total = sum(n for n, _ in parse(read_lines()))
print(total)
def flatten(xs):
    for x in xs:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
