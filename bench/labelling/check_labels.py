"""Check a folder of pNN.txt + pNN.labels.toml: every quote and lead-in occurs in its page, and every field of
every claim holds a value the evaluation can score (kind, routes, regimen, population, outcome, direction,
polarity, quantity: the values label_vocab.py reads from their homes).

    python bench/labelling/check_labels.py DIR

Exits 1 when anything is wrong. A field problem is printed as file, claim number and value only (not the quote).
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from label_vocab import allowed, problems  # noqa: E402

from ketalit._compat import tomllib  # noqa: E402

bad = 0


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


table = allowed()
for lab in sorted(Path(sys.argv[1]).glob("p*.labels.toml")):
    d = tomllib.loads(lab.read_text())
    page = norm((lab.parent / f"{d['page']['id']}.txt").read_text())
    for c in d.get("claim", []):
        for f in ("quote", "lead_in"):
            if c.get(f) and norm(c[f]) not in page:
                print(lab.name, c["n"], f, "not in page:", c[f][:80])
                bad += 1
        for p in problems(c, table):
            print(lab.name, c["n"], "not a label value:", p)
            bad += 1
    for c in d.get("nonclaim", []):
        if norm(c["quote"]) not in page:
            print(lab.name, "nonclaim not in page:", c["quote"][:80])
            bad += 1
    print(lab.name, len(d.get("claim", [])), "claims", len(d.get("nonclaim", [])), "nonclaims")
print("problems:", bad)
sys.exit(1 if bad else 0)
