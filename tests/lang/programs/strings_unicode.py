s = "你好，世界! héllo"
print(len(s), s[0], s[1], s[-5:], s[::-1])
print(s.upper(), repr(s), s.find("世"), s.count("l"))
for ch in "añ中":
    print(ch, ord(ch))
print("多进程".center(10, "-"))
print(f"{'中文':>6}|{'ab':^6}|")
print(sorted("cabé"), "é" > "e", "中" > "z")
print([c for c in "日本語"], list("αβγ"))
print("\u4e2d\u6587", "\x41\x42", "tab\there")
