print(int("0b1010", 0), int("0o17", 0), int("0xff", 0), int("  -42  "), int("+7"))
print(int("z", 36), int("777", 8), int("1" * 30))
print(int(7.99), int(-7.99), int(True), int(False))
print(bin(10), oct(64), hex(255), bin(-3), hex(2 ** 70))
print(format(255, "x"), format(255, "#010b"), format(1234567, ",d"), format(-5, "+d"), format(3, "03d"))
print(str(12345)[::-1], len(str(2 ** 200)), (2 ** 64).bit_length(), (255).bit_length())
for bad in ["12a", "", "1.5", "0x", " "]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("12", 1)
except ValueError as e:
    print(e)
print(float("1e3"), float("-inf"), float(" .5 "), float("1_0.5"))
try:
    float("abc")
except ValueError as e:
    print(e)
