# title: os.getpid, os.getppid and sys.exit(message)
# title_zh: 进程相关函数:os.getpid、os.getppid 与 sys.exit(info)
# seed: 003
# topic: processes
# watch: Process tree: the children end early at their sys.exit() calls and become Terminated; each exit code is shown in the ps table. Console: sys.exit("message") prints the message on stderr (coloured as an error); the lines after sys.exit() never run, but finally blocks do.
# watch_zh: 进程树:子进程在 sys.exit() 处提前结束并进入终止状态;ps 表中可以看到各自的退出码。控制台:sys.exit("信息") 把信息打印到标准错误(以错误颜色显示);sys.exit() 之后的语句不会执行,但 finally 块会执行。
# expect: sys.exit("...") prints the text and exits with status 1, sys.exit(3) exits with 3, returning normally gives 0; the parent reads the codes from exitcode; finally the main process itself calls sys.exit("main: bye"), so the program's exit status is 1
# expect_zh: sys.exit("...") 打印文字并以状态 1 退出,sys.exit(3) 以 3 退出,正常返回为 0;父进程从 exitcode 读到这些值;最后主进程自己调用 sys.exit("main: bye"),所以整个程序的退出状态为 1
# views: processes, console

import os
import sys
from multiprocessing import Process


def quits_with_message():
    print(f"child A: pid={os.getpid()} ppid={os.getppid()}", flush=True)
    try:
        sys.exit("child A: stopping with a message")  # message goes to stderr, exit code 1
    finally:
        print("child A: finally still runs", flush=True)
    print("child A: never printed")


def quits_with_number():
    print(f"child B: pid={os.getpid()} ppid={os.getppid()}", flush=True)
    sys.exit(3)


def returns():
    print(f"child C: pid={os.getpid()} ppid={os.getppid()}", flush=True)


if __name__ == '__main__':
    print(f"main: pid={os.getpid()}", flush=True)
    kids = [Process(target=f) for f in (quits_with_message, quits_with_number, returns)]
    for p in kids:
        p.start()
        p.join()  # one at a time, so the output stays in order
    print("exit codes:", [p.exitcode for p in kids], flush=True)
    sys.exit("main: bye")
    print("never printed")
