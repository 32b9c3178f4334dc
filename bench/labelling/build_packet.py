"""Build a blind verdict-labelling packet from a folder of pNN.txt + pNN.labels.toml (claims labelled, no verdicts).

    python bench/labelling/build_packet.py PAGES_DIR PACKET_DIR

The packet holds what the reviewers may read and nothing else: the guide (tests/labels/CLAIMS_GUIDE.md), the
pages, the claims with their labelled propositions (claims.md, ids C001...; ids.tsv maps them back to the pages)
and every record of the shipped library as plain text (records.md: key, first author, year, title, journal,
abstract with its section labels, and whether the abstract is cut short). No tag, stance or verdict of ketalit's.
"""

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
from ketalit._compat import tomllib  # noqa: E402
from ketalit.library import Library  # noqa: E402

pages, out = Path(sys.argv[1]), Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
(out / "pages").mkdir(exist_ok=True)
shutil.copy(ROOT / "tests" / "labels" / "CLAIMS_GUIDE.md", out / "CLAIMS_GUIDE.md")
recs = {str(i): r for i, r in Library.open(ROOT / "library").iter_records()}
lines = [f"# The library: {len(recs)} records (title, year, journal, abstract)\n"]
for r in sorted(recs.values(), key=lambda r: (r.get("year") or 0, r.get("title") or "")):
    key = f"pmid:{r['pmid']}" if r.get("pmid") else f"doi:{r['doi']}" if r.get("doi") else f"citekey:{r['citekey']}"
    au = r.get("authors") or []
    first = (
        (au[0].get("family") or au[0].get("collective") or "")
        if au and isinstance(au[0], dict)
        else (au[0] if au else "")
    )
    lines.append(f"## {key}\n{first} {r.get('year') or ''}. {r.get('title') or ''} {r.get('journal') or ''}\n")
    ab = r.get("abstract") or []
    abtxt = (
        " ".join((f"{a['label']}: " if a.get("label") else "") + a.get("text", "") for a in ab)
        if isinstance(ab, list)
        else ab
    )
    lines.append(
        (abtxt or "(no abstract)") + ("" if r.get("abstract_complete", True) else " [abstract cut short]") + "\n"
    )
(out / "records.md").write_text("\n".join(lines))
cl = [
    "# Claims to judge\n",
    "Each claim is from a clinic page in `pages/` (open it for context). The proposition is how a reader "
    "of the page understands it.\n",
]
n = 0
for lab in sorted(pages.glob("p*.labels.toml")):
    d = tomllib.loads(lab.read_text())
    pid = d["page"]["id"]
    shutil.copy(pages / f"{pid}.txt", out / "pages" / f"{pid}.txt")
    for c in d.get("claim", []):
        n += 1
        c_id = f"C{n:03d}"
        cl.append(f"## {c_id} (page {pid}, claim {c['n']})")
        if c.get("lead_in"):
            cl.append(f"Lead-in: {c['lead_in']}")
        cl.append(f"Quote: {c['quote']}")
        cl.append(f"Proposition: {c.get('proposition', '')}\n")
        (out / "ids.tsv").open("a").write(f"{c_id}\t{pid}\t{c['n']}\n")
(out / "claims.md").write_text("\n".join(cl))
print(n, "claims;", len(recs), "records")
