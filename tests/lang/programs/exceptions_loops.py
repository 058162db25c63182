results = []
for value in ["1", "x", "3", None, "5"]:
    try:
        results.append(int(value))
    except ValueError:
        results.append("bad")
    except TypeError:
        results.append("none")
print(results)
def first_negative(xs):
    for i, x in enumerate(xs):
        try:
            if x < 0:
                raise StopIteration(i)
        except StopIteration as e:
            return e.value
    return -1
print(first_negative([3, 1, -2, 5]), first_negative([1]))
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise ConnectionError(f"attempt {attempts} failed")
        print("connected after", attempts)
        break
    except ConnectionError as e:
        print("retry:", e)
total = 0
for i in range(5):
    try:
        total += 10 // (i - 2)
    except ZeroDivisionError:
        continue
    finally:
        total += 1
print(total)
