class Task:
    count = 0
    def __init__(self, name, interval):
        Task.count += 1
        self.name = name
        self.interval = interval
        self.pid = 1000 + Task.count
    def run(self):
        for i in range(3):
            print(f"{self.name}[{self.pid}] tick {i} (every {self.interval}s)")
    def __repr__(self):
        return f"<Task {self.name} pid={self.pid}>"
tasks = [Task("sing", 1), Task("dance", 2)]
for t in tasks:
    t.run()
print(tasks, Task.count)
