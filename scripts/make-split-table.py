#!/usr/bin/env python3
"""Builds spirit-core's split-character table from Gavin Grover's CJK Decomposition Data.

Usage: scripts/make-split-table.py path/to/cjk-decomp.txt > \
  spirit-core/src/main/resources/dev/spirit/moderation/ids/splits.tsv

Keeps the characters whose decomposition is exactly two Unicode characters flowing across ("a")
or downwards ("d"), with or without a join suffix such as "/t": only those can be typed as two
characters in a row (贝者 for 赌). Components that are the data's 5-digit intermediate forms have
no character to type and are skipped. One line per character: the character, a tab, the two
components.
"""
import re
import sys

RECORD = re.compile(r"^(\S):([ad])(?:/[tmso])?\(([^,()]+),([^,()]+)\)$")

text = open(sys.argv[1], encoding="utf-8").read()
rows = []
for line in text.splitlines():
    m = RECORD.match(line.strip().strip("`;"))
    if not m:
        continue
    char, _, first, second = m.groups()
    parts = char + first + second
    if len(first) == 1 and len(second) == 1 and all(ord(c) < 0x10000 for c in parts) \
            and not first.isdigit() and not second.isdigit():
        rows.append((char, first + second))
print("# character\tcomponents; from the CJK Decomposition Data by Gavin Grover (Apache-2.0), see README.md")
for char, parts in sorted(rows):
    print(char + "\t" + parts)
