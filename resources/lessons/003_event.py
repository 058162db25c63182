# title: threading.Event: one thread waits until another sets the event
# title_zh: 线程同步:Event 事件
# seed: 003
# topic: locks
# watch: Sync objects: the Event is unset, then set by the other thread. States: the main thread is Waiting (reason event) in e.wait() until the set(), and a wait(timeout) on a cleared event returns after 0.2 s. Timeline: the set marker and the wake-up of the waiter at the same instant.
# watch_zh: 同步对象:Event 先是未设置,随后被另一个线程设置。状态图:主线程在 e.wait() 中等待(原因是事件),直到 set();清除后带超时的 wait(0.2) 在 0.2 秒后返回。时间线:set 标记与等待者被唤醒发生在同一时刻。
# expect: e.wait() blocks until the thread sets the password and calls e.set(); then is_set() is True; after clear(), wait(0.2) returns False after 0.2 s
# expect_zh: e.wait() 一直阻塞,直到线程写好口令并调用 e.set();之后 is_set() 为 True;clear() 之后,wait(0.2) 在 0.2 秒后返回 False
# views: syncObjects

import time
from threading import Event, Thread

s = None
e = Event()  # created unset


def yang_zirong():
    print("杨子荣前来拜山头 (the visitor arrives)")
    time.sleep(0.5)
    global s
    s = "天王盖地虎"  # the password
    e.set()          # set the event: whoever waits on it may go on


t = Thread(target=yang_zirong)
t.start()
print("说对口令就是自己人 (say the password and you are one of us)")
print("is_set before:", e.is_set())
e.wait()  # blocks until e is set
print("is_set after :", e.is_set())
if s == "天王盖地虎":
    print("宝塔镇河妖 (the answer): the password is right")
else:
    print("打死他 (wrong password)")
t.join()

e.clear()  # back to unset
start = time.time()
result = e.wait(0.2)  # wait at most 0.2 s
print(f"after clear(): wait(0.2) -> {result} after {time.time() - start:.1f} s")
