#!/usr/bin/env python3
"""Runs one program under python3 and under taskscope-pyrun; fails if stdout, the exit
code, or stderr (ignoring CPython 3.11's ^^^^ marker lines) differ."""
import argparse
import os
import re
import subprocess
import sys

MARKER = re.compile(r"^\s*[\^~]+\s*$")


def run(cmd, cwd):
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=120, env=env, stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def clean(err):
    return "\n".join(line for line in err.splitlines() if not MARKER.match(line))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrun", required=True)
    ap.add_argument("--python", default="python3")
    ap.add_argument("program")
    a = ap.parse_args()
    cwd, name = os.path.split(os.path.abspath(a.program))
    code_py, out_py, err_py = run([a.python, name], cwd)
    code_ts, out_ts, err_ts = run([a.pyrun, name], cwd)
    ok = True
    if out_py != out_ts:
        ok = False
        import difflib
        sys.stdout.write("stdout differs (--- python3, +++ taskscope):\n")
        sys.stdout.writelines(difflib.unified_diff(out_py.splitlines(True), out_ts.splitlines(True), "python3", "taskscope"))
    if code_py != code_ts:
        ok = False
        print(f"exit code differs: python3={code_py} taskscope={code_ts}")
    if clean(err_py) != clean(err_ts):
        ok = False
        print("stderr differs:\n--- python3\n" + err_py + "\n+++ taskscope\n" + err_ts)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
