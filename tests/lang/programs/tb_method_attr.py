class Account:
    def __init__(self, owner):
        self.owner = owner
    def balance(self):
        return self.amount
acct = Account("ann")
print(acct.owner)
print(acct.balance())
