#!/usr/bin/env python3
"""Runs a program that must fail under taskscope-pyrun and checks the exit code and the
stderr lines declared in its header:
    # expect-exit: 2
    # expect-stderr: name.py:3:5: error: ...
Every expect-stderr line must appear verbatim as a line of stderr; {file} stands for the
program's absolute path (CPython and taskscope-pyrun report the main script that way)."""
import argparse
import os
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrun", required=True)
    ap.add_argument("program")
    a = ap.parse_args()
    cwd, name = os.path.split(os.path.abspath(a.program))
    want_exit = None
    want_lines = []
    with open(a.program, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# expect-exit:"):
                want_exit = int(line.split(":", 1)[1])
            elif line.startswith("# expect-stderr: "):
                want_lines.append(line[len("# expect-stderr: "):].rstrip("\n").replace("{file}", os.path.abspath(a.program)))
    p = subprocess.run([a.pyrun, name], cwd=cwd, capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
    err = p.stderr.decode("utf-8", "replace")
    lines = err.splitlines()
    ok = True
    if want_exit is not None and p.returncode != want_exit:
        print(f"exit code {p.returncode}, expected {want_exit}")
        ok = False
    for w in want_lines:
        if w not in lines:
            print(f"missing stderr line: {w!r}")
            ok = False
    if not want_lines:
        print("test declares no expect-stderr lines")
        ok = False
    if not ok:
        print("---- stderr was:\n" + err)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
