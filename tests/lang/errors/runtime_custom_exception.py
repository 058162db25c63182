# expect-exit: 1
# expect-stderr:   File "{file}", line 9, in check
# expect-stderr:     raise InvalidOrder(f"quantity {qty} must be positive")
# expect-stderr: InvalidOrder: quantity -2 must be positive
class InvalidOrder(Exception):
    pass
def check(qty):
    if qty <= 0:
        raise InvalidOrder(f"quantity {qty} must be positive")
check(3)
check(-2)
