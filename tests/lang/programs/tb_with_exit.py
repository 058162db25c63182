class Res:
    def __enter__(self):
        print("open")
        return self
    def __exit__(self, *a):
        print("close", a[0].__name__)
with Res():
    raise ValueError("inside with")
