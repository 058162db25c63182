class Node:
    def __init__(self, value):
        self.value = int(value)
nodes = [Node(v) for v in ["1", "2", "three"]]
