tests = ["abc", "ABC", "Abc", "123", "12.5", "", " ", "a1", "中文", "Hello World"]
for s in tests:
    print(repr(s), s.isalpha(), s.isdigit(), s.isalnum(), s.isupper(), s.islower(), s.isspace(), s.istitle() if hasattr(s, "istitle") else "-")
