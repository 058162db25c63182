s = "the rain in spain stays mainly in the plain"
print(s.count("ain"), s.count("in", 10), s.count("in", 10, 20), s.find("ain"), s.find("ain", 10), s.rfind("ain"))
print(s.index("spain"), s.startswith("rain", 4), s.endswith("plain"), s.find(""), s.count(""))
positions = []
start = 0
while True:
    i = s.find("in", start)
    if i < 0:
        break
    positions.append(i)
    start = i + 1
print(positions)
print(s.replace("ain", "AIN", 2), s.split("ain"), s.title())
