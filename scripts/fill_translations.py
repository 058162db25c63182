#!/usr/bin/env python3
"""Fills resources/translations/taskscope_zh_CN.ts from scripts/zh_CN_translations.py.

Usage: scripts/fill_translations.py [--check]
Entries already translated in the .ts (for example in Qt Linguist) are kept unless the
table has a different text for them. Prints the messages that have no translation yet;
exit status 1 when there are any (with --check nothing is written).
"""
import os
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from zh_CN_translations import ZH  # noqa: E402

TS = os.path.join(HERE, "..", "resources", "translations", "taskscope_zh_CN.ts")


def main():
    check = "--check" in sys.argv
    tree = ET.parse(TS)
    missing = []
    for ctx in tree.getroot().findall("context"):
        name = ctx.find("name").text.split("::")[-1]
        for msg in ctx.findall("message"):
            src = msg.find("source").text
            tr = msg.find("translation")
            text = ZH.get((name, src))
            numerus = msg.get("numerus") == "yes"
            if text is not None:
                for child in list(tr):
                    tr.remove(child)
                if numerus:
                    ET.SubElement(tr, "numerusform").text = text
                    tr.text = None
                else:
                    tr.text = text
                tr.attrib.pop("type", None)
            else:
                have = "".join(tr.itertext()).strip()
                if tr.get("type") == "unfinished" or not have:
                    missing.append((name, src))
    if not check:
        ET.indent(tree, space="    ")
        with open(TS, "wb") as f:
            f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
            tree.write(f, encoding="utf-8", xml_declaration=False)
            f.write(b"\n")
    for name, src in missing:
        print(f"untranslated: {name}: {src!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
