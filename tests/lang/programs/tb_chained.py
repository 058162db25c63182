def load():
    try:
        return {}["missing"]
    except KeyError:
        raise RuntimeError("could not load")
load()
