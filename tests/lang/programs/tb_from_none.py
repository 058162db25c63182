def convert(s):
    try:
        return float(s)
    except ValueError:
        raise ValueError(f"not a number: {s!r}") from None
convert("abc")
