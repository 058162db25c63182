def make_account(balance):
    history = []
    def deposit(x):
        nonlocal balance
        balance += x
        history.append(("+", x))
        return balance
    def withdraw(x):
        nonlocal balance
        if x > balance:
            raise ValueError("insufficient")
        balance -= x
        history.append(("-", x))
        return balance
    def report():
        return balance, list(history)
    return deposit, withdraw, report
dep, wd, rep = make_account(100)
dep(50); wd(30)
try:
    wd(1000)
except ValueError as e:
    print("error", e)
print(rep())
