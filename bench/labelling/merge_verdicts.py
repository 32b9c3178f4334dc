"""Merge two blind verdict labellings (and an adjudication) into final page labels.

    python bench/labelling/merge_verdicts.py disagree PACKET V1.toml V2.toml
    python bench/labelling/merge_verdicts.py final PACKET PAGES V1 V2 ADJ DEST SETNAME

`disagree` prints the reviewers' agreement and Cohen's kappa and writes PACKET/disagreements.md for the third
reviewer; `final` writes DEST/pNN.txt and pNN.labels.toml with each claim's verdict (the two reviewers' where they
agree, with the records both cited on the same side; the third's where they do not; ADJ may be `-` when they
agreed on every claim).
"""

import collections
import shutil
import sys
from pathlib import Path

import tomli_w

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
from ketalit._compat import tomllib  # noqa: E402


def load(p):
    return {c["id"]: c for c in tomllib.loads(Path(p).read_text())["claim"]}


def ids(packet):
    out = {}
    for line in (Path(packet) / "ids.tsv").read_text().splitlines():
        cid, pid, n = line.split("\t")
        out[cid] = (pid, int(n))
    return out


def kappa(a, b, keys):
    n = len(keys)
    po = sum(a[k] == b[k] for k in keys) / n
    ca, cb = collections.Counter(a[k] for k in keys), collections.Counter(b[k] for k in keys)
    pe = sum(ca[v] * cb[v] for v in set(ca) | set(cb)) / n / n
    return po, (po - pe) / (1 - pe)


def same_side(c1, c2):
    s2 = {(k["record"].lower(), k["stance"]) for k in c2.get("key", [])}
    return [k for k in c1.get("key", []) if (k["record"].lower(), k["stance"]) in s2]


mode = sys.argv[1] if len(sys.argv) > 1 else ""
if mode not in ("disagree", "final") or len(sys.argv) != {"disagree": 5, "final": 9}[mode]:
    sys.exit(__doc__)
if mode == "disagree":
    packet, v1, v2 = sys.argv[2], load(sys.argv[3]), load(sys.argv[4])
    keys = sorted(ids(packet))
    missing = [k for k in keys if k not in v1 or k not in v2]
    assert not missing, f"missing labels: {missing}"
    po, k = kappa({c: v1[c]["verdict"] for c in keys}, {c: v2[c]["verdict"] for c in keys}, keys)
    dis = [c for c in keys if v1[c]["verdict"] != v2[c]["verdict"]]
    print(f"agreed {len(keys) - len(dis)}/{len(keys)} ({po:.2f}), kappa {k:.2f}; disagreements: {dis}")
    md = ["# Claims on which the two reviewers disagreed\n"]
    for c in dis:
        md.append(f"## {c}\n")
        for name, v in (("Reviewer 1", v1[c]), ("Reviewer 2", v2[c])):
            md.append(f"### {name}: {v['verdict']} (confidence {v.get('confidence', '?')})\n{v.get('reason', '')}\n")
            for key in v.get("key", []):
                md.append(f"- {key['record']} ({key['stance']}): {key.get('sentence', '')}")
            md.append("")
    (Path(packet) / "disagreements.md").write_text("\n".join(md))
elif mode == "final":
    packet, pages, v1, v2, adj, dest, setname = (
        sys.argv[2],
        Path(sys.argv[3]),
        load(sys.argv[4]),
        load(sys.argv[5]),
        load(sys.argv[6]) if sys.argv[6] != "-" else {},
        Path(sys.argv[7]),
        sys.argv[8],
    )
    dest.mkdir(parents=True, exist_ok=True)
    by_page = collections.defaultdict(dict)
    for cid, (pid, n) in ids(packet).items():
        by_page[pid][n] = cid
    for lab in sorted(pages.glob("p*.labels.toml")):
        d = tomllib.loads(lab.read_text())
        pid = d["page"]["id"]
        for c in d.get("claim", []):
            cid = by_page[pid][c["n"]]
            a, b = v1[cid], v2[cid]
            if a["verdict"] == b["verdict"]:
                c["verdict"] = a["verdict"]
                c["verdict_how"] = "two reviewers agreed; key records are those both cited on the same side"
                c["verdict_reason"] = a.get("reason", "")
                keys = same_side(a, b)
            else:
                j = adj[cid]
                c["verdict"] = j["verdict"]
                c["verdict_how"] = (
                    f"reviewers disagreed ({a['verdict']} / {b['verdict']}); adjudicated by a third reviewer"
                )
                c["verdict_reason"] = j.get("reason", "")
                keys = j.get("key", [])
            c["key"] = [{"record": k["record"], "stance": k["stance"], "sentence": k.get("sentence", "")} for k in keys]
        head = (
            f"# Hand labels for {pid}.txt (held-out, {setname}): claims (with their normalised form) and verdicts.\n"
            "# See tests/pages/README.md for how they were made.\n\n"
        )
        (dest / lab.name).write_text(head + tomli_w.dumps(d))
        shutil.copy(pages / f"{pid}.txt", dest / f"{pid}.txt")
    print("written", dest)
