#!/usr/bin/env python3
"""The folders include only downwards: app -> ui -> core, and inside core the order below.

A file in a folder may include its own folder and folders of a lower rank, never one of the
same or a higher rank (siblings stay independent). core/ includes no Qt, ui/ or app/ header;
ui/ includes no app/ header. Prints each include that breaks the order.
"""
import os
import re
import sys

# Inside core/: the higher the rank, the more it may use (README, Architecture).
CORE_RANK = {
    "util": 0,
    "os": 1, "sync": 1, "lang": 1,
    "sched": 2, "trace": 2,
    "sim": 3,
    "analysis": 4, "workload": 4,
    "runtime": 5,
    "session": 6,
}
TOP_RANK = {"core": 0, "ui": 1, "app": 2}
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^">]+)[">]')


def main(source):
    bad = []
    for top in TOP_RANK:
        for root, _dirs, files in os.walk(os.path.join(source, top)):
            for name in files:
                if not name.endswith((".h", ".cpp")):
                    continue
                path = os.path.join(root, name)
                rel = os.path.relpath(path, source)
                parts = rel.split(os.sep)
                folder = parts[1] if top == "core" and len(parts) > 2 else None
                with open(path, encoding="utf-8") as f:
                    for lineno, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if not m:
                            continue
                        inc = m.group(1)
                        head = inc.split("/")[0]
                        where = f"{rel}:{lineno}: includes {inc}"
                        if head in TOP_RANK and TOP_RANK[head] > TOP_RANK[top]:
                            bad.append(f"{where} ({top}/ may not use {head}/)")
                        elif top == "core" and re.match(r"Q[A-Za-z]", inc):
                            bad.append(f"{where} (core/ is Qt-free)")
                        elif top == "core" and head == "core" and folder:
                            other = inc.split("/")[1]
                            if other == folder:
                                continue
                            if other not in CORE_RANK or folder not in CORE_RANK:
                                bad.append(f"{where} (core/{folder if folder not in CORE_RANK else other}/ "
                                           "has no place in the order: add it to CORE_RANK and the README)")
                            elif CORE_RANK[other] >= CORE_RANK[folder]:
                                bad.append(f"{where} (core/{folder}/ is rank {CORE_RANK[folder]}, "
                                           f"core/{other}/ rank {CORE_RANK[other]}: only lower ranks)")
    for b in bad:
        print(b)
    if not bad:
        print("every include points down the layer order")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
