#!/usr/bin/env python3
"""Builds spirit-core's split-character table from Make Me a Hanzi's dictionary.txt.

Usage: scripts/make-split-table.py path/to/makemeahanzi/dictionary.txt > \
  spirit-core/src/main/resources/dev/spirit/moderation/ids/splits.tsv

Keeps only characters whose first-level decomposition places two components side by side or one
above the other (IDS operators U+2FF0 and U+2FF1) where both components are ordinary characters,
because only those can be typed as two characters in a row (the split-character evasion, e.g.
贝者 for 赌). One line per character: the character, a tab, the two components.
"""
import json
import sys

LEFT_RIGHT, TOP_BOTTOM = "\u2ff0", "\u2ff1"


def is_component(c):
    return len(c) == 1 and c not in "？" and not ("\u2ff0" <= c <= "\u2fff")


with open(sys.argv[1], encoding="utf-8") as f:
    rows = [json.loads(line) for line in f if line.strip()]
print("# character\tcomponents; derived from Make Me a Hanzi dictionary.txt (LGPL-3.0-or-later), see README.md")
for row in sorted(rows, key=lambda r: r["character"]):
    d = row.get("decomposition", "")
    if len(d) == 3 and d[0] in (LEFT_RIGHT, TOP_BOTTOM) and is_component(d[1]) and is_component(d[2]):
        print(row["character"] + "\t" + d[1] + d[2])
