#!/usr/bin/env python3
"""Builds src/ArchiveSearch.Engine/Generation/english-words.txt: common English words with counts.

Source: the English edition of The Debian Administrator's Handbook, as installed by
`apt-get install -y debian-handbook` (/usr/share/doc/debian-handbook/html/en-US/*.html).
Markup, scripts and styles are stripped; words are lowercase alphabetic tokens of 2-15 letters
(plus "a" and "i"); the most frequent 4,000 that occur at least 3 times are kept, one
`word<TAB>count` per line, most frequent first (ties by word), so the output is reproducible.
"""
import collections
import glob
import html
import re
import sys

SOURCE = "/usr/share/doc/debian-handbook/html/en-US"
OUT = "src/ArchiveSearch.Engine/Generation/english-words.txt"
KEEP = 4000

counts = collections.Counter()
for path in sorted(glob.glob(f"{SOURCE}/*.html")):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"(?is)<(script|style|pre|code)[^>]*>.*?</\1>", " ", text)
    text = html.unescape(re.sub(r"(?s)<[^>]+>", " ", text))
    for word in re.findall(r"[A-Za-z]+(?:'[a-z]+)?", text):
        w = word.lower()
        if "'" in w:
            continue
        if (2 <= len(w) <= 15) or w in ("a", "i"):
            counts[w] += 1

top = sorted((item for item in counts.items() if item[1] >= 3), key=lambda kv: (-kv[1], kv[0]))[:KEEP]
if len(top) < 1000:
    sys.exit(f"only {len(top)} words found under {SOURCE}; is debian-handbook installed?")
with open(OUT, "w", encoding="utf-8", newline="\n") as f:
    for word, count in top:
        f.write(f"{word}\t{count}\n")
print(f"{len(top)} words written to {OUT}")
