s = "The Quick Brown Fox"
print(s.split(" ", 2), s.rsplit(None, 1), s.lower().count("o"), s.find("Q", 2), s.find("Q", 5))
print("a-b-c".split("-"), "".split(), "  ".split(" "), "a  b".split(" "), "x".split("x"))
print("Hello".startswith("ell", 1), "Hello".endswith("ll", 0, 4), "abc".index("c"))
print(",".join(map(str, [1, 2, 3])), " ".join(["only"]), "".join([]))
print("%-8s|%8s|" % ("left", "right"), "ab".join("xyz"))
print("CamelCaseString".lower(), "snake_case".replace("_", " ").title(), "x".upper() * 3)
print("  \t strip me \n ".strip(), "www.example.com".strip("cmow."), "aaa".lstrip("a") == "")
print("tab\tsep".expandtabs(4), "abc".removeprefix("a"), "abc".removesuffix("c"))
print("Hello World".swapcase(), "hello world".title(), "HELLO".casefold())
print("ab" < "abc", "b" > "abc", "A" < "a", "10" < "9", max("zebra", "apple"))
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError:", e)
print("0042".lstrip("0"), "3.14".split("."), "a=1&b=2".split("&")[1].split("="))
