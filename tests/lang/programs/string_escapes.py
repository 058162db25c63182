print("tab:\tend")
print("newline:\nnext")
print("quote: \" and \'")
print('single \'quoted\'')
print("backslash: \\")
print("unicode: \u00e9 \u4e2d")
print("hex: \x41\x42\x43")
print("octal: \101\102")
print(r"raw: \n stays \t")
print(len("\n"), len(r"\n"))
s = """triple
quoted
string"""
print(s, len(s.splitlines()))
t = '''single triple
with 'quotes' inside'''
print(t)
print("implicit" " concatenation" ' works')
long_line = "a" \
    "b"
print(long_line)
