"""Longest run of words shared by a paraphrase and its original; fails when it is 9 or more.

python bench/labelling/overlap.py PARAPHRASE.txt ORIGINAL.txt
"""

import re
import sys


def words(p):
    return re.findall(r"[a-z0-9]+", open(p).read().lower())


a, b = words(sys.argv[1]), words(sys.argv[2])
grams = {tuple(b[i : i + 9]) for i in range(len(b) - 8)}
hits = [" ".join(a[i : i + 9]) for i in range(len(a) - 8) if tuple(a[i : i + 9]) in grams]
print(f"{sys.argv[1]}: {len(hits)} runs of 9 words shared with the original")
for h in hits[:20]:
    print("  ", h)
sys.exit(1 if hits else 0)
