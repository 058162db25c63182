class InsufficientFunds(Exception):
    pass
class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amt):
        if amt <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amt
        self.history.append(("dep", amt))
        return self
    def withdraw(self, amt):
        if amt > self.balance:
            raise InsufficientFunds(f"{self.owner}: balance {self.balance}, wanted {amt}")
        self.balance -= amt
        self.history.append(("wd", amt))
        return self
    def apply_interest(self):
        self.balance = round(self.balance * (1 + self.interest), 2)
    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"
class Savings(Account):
    interest = 0.05
accts = [Account("ann", 100), Savings("bob", 1000)]
accts[0].deposit(50).withdraw(30)
for a in accts:
    a.apply_interest()
print(accts, accts[0].history)
try:
    accts[0].withdraw(10**6)
except InsufficientFunds as e:
    print("error:", e)
try:
    accts[1].deposit(-5)
except ValueError as e:
    print("error:", e)
print(sum(a.balance for a in accts), max(accts, key=lambda a: a.balance).owner)
