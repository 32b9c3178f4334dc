"""Check a folder of pNN.txt + pNN.labels.toml: every quote and lead-in occurs in its page, and every
kind is one of the catalogue's kinds.

    python bench/labelling/check_labels.py DIR
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
from ketalit._compat import tomllib  # noqa: E402
from ketalit.claims.catalogue import KINDS  # noqa: E402

bad = 0


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


for lab in sorted(Path(sys.argv[1]).glob("p*.labels.toml")):
    d = tomllib.loads(lab.read_text())
    page = norm((lab.parent / f"{d['page']['id']}.txt").read_text())
    for c in d.get("claim", []):
        for f in ("quote", "lead_in"):
            if c.get(f) and norm(c[f]) not in page:
                print(lab.name, c["n"], f, "not in page:", c[f][:80])
                bad += 1
        if c.get("kind") not in KINDS:
            print(lab.name, c["n"], "kind?", c.get("kind"))
            bad += 1
    for c in d.get("nonclaim", []):
        if norm(c["quote"]) not in page:
            print(lab.name, "nonclaim not in page:", c["quote"][:80])
            bad += 1
    print(lab.name, len(d.get("claim", [])), "claims", len(d.get("nonclaim", [])), "nonclaims")
print("problems:", bad)
sys.exit(1 if bad else 0)
