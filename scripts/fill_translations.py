#!/usr/bin/env python3
"""Fills resources/translations/taskscope_zh_CN.ts from scripts/zh_CN_translations.py.

Usage: scripts/fill_translations.py [--check]

Only the <translation> elements that the table knows are rewritten, in lupdate's own
format, so that `cmake --build build --target taskscope_ui_lupdate` and this script leave
each other's output unchanged. Entries the table does not know (translated in Qt Linguist)
are kept. Prints the messages that still have no translation; exit status 1 when there are
any. With --check nothing is written.
"""
import html
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from zh_CN_translations import ZH  # noqa: E402

TS = os.path.join(HERE, "..", "resources", "translations", "taskscope_zh_CN.ts")

CONTEXT = re.compile(r"<context>\s*<name>(.*?)</name>(.*?)</context>", re.S)
MESSAGE = re.compile(r"(<message(?P<attrs>[^>]*)>\s*<source>(?P<source>.*?)</source>.*?)"
                     r"(?P<translation><translation[^>]*?(?:/>|>.*?</translation>))", re.S)


def escape(text):
    # lupdate's escaping
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


def main():
    check = "--check" in sys.argv
    with open(TS, encoding="utf-8") as f:
        ts = f.read()
    missing = []

    def fill_context(cm):
        name = html.unescape(cm.group(1)).split("::")[-1]

        def fill_message(mm):
            source = html.unescape(mm.group("source"))
            old = mm.group("translation")
            text = ZH.get((name, source))
            if text is None:
                inner = re.sub(r"<[^>]+>", "", old).strip()
                if 'type="unfinished"' in old or not inner:
                    missing.append((name, source))
                return mm.group(0)
            if 'numerus="yes"' in mm.group("attrs"):
                new = ("<translation>\n            <numerusform>" + escape(text) +
                       "</numerusform>\n        </translation>")
            else:
                new = "<translation>" + escape(text) + "</translation>"
            return mm.group(1) + new

        body = MESSAGE.sub(fill_message, cm.group(2))
        return cm.group(0)[: cm.start(2) - cm.start(0)] + body + "</context>"

    out = CONTEXT.sub(fill_context, ts)
    if not check and out != ts:
        with open(TS, "w", encoding="utf-8") as f:
            f.write(out)
    for name, src in missing:
        print(f"untranslated: {name}: {src!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
