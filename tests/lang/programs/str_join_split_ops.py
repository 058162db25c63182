csv = "name,age,city\nann,31,paris\nbob,25,rome"
rows = [line.split(",") for line in csv.splitlines()]
header, *records = rows
print(header, records)
people = [dict(zip(header, r)) for r in records]
print(people)
print(";".join(p["name"].upper() for p in people))
sentence = "  many   spaces   here  "
print(sentence.split(), "_".join(sentence.split()), sentence.strip().split(" "))
path = "/usr/local/bin/python3"
print(path.split("/"), path.rsplit("/", 1)[-1], path.rpartition("/")[0])
print("a,b;c d".replace(";", ",").replace(" ", ",").split(","))
print(" | ".join(f"{k}={v}" for k, v in sorted({"b": 2, "a": 1}.items())))
