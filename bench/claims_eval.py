"""Claim verdicts and cited evidence against hand labels, one label set at a time.

    python bench/claims_eval.py                       # in-sample (tests/labels/claim_verdicts.toml) and dev
    python bench/claims_eval.py --set dev             # one set: insample | dev | heldout | heldout2 (when asked)
    python bench/claims_eval.py --labels FILE         # any label file in the dev/held-out format
    python bench/claims_eval.py --library DIR         # the claims as linked in another library (default: library/)
    python bench/claims_eval.py --sample 30 --seed 1  # a random sample of cited (claim, record, sentence, stance)
    python bench/claims_eval.py --json

For each set it prints:
- verdict agreement with the reference verdicts, the confusion, and every disagreement;
- key-record recall: of the records the labellers list as settling a claim, how many ketalit cites with the same
  stance. A labelled "partial" counts as "supports" (the labellers' partial is a special case of support), and
  matches ketalit's supports or mixed; "contradicts" matches contradicts only;
- supported / contradicted verdicts that quote no result or conclusion sentence (must be 0);
- rationale sentences that are the title, a methods sentence, or a background sentence, over all cited stances of
  the set's claims (background is allowed, and counted apart, for mechanism and history claims only).
The role of a quoted sentence is looked up in the record itself (its section label, or ketalit's role rules for
unlabelled abstracts), so claims linked by any version of ketalit can be evaluated.

Label files: tests/labels/claim_verdicts.toml ([verdict."ID"] tables: verdict, reason) and the dev / held-out
format ([[claim]] with id, document, quote, lead_in, verdict, reason and [[claim.key]] record, stance, sentence).
A label is matched to a catalogue claim by id when the quotes agree, else by document and quote.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from ketalit._compat import tomllib  # noqa: E402
from ketalit.claims.findings import read_record  # noqa: E402
from ketalit.claims.store import stored_claims  # noqa: E402
from ketalit.library import Library  # noqa: E402

LABELS = ROOT / "tests" / "labels"
SETS = {
    "insample": LABELS / "claim_verdicts.toml",
    "dev": LABELS / "claims_dev.toml",
    "heldout": LABELS / "claims_heldout.toml",
    "heldout2": LABELS / "claims_heldout2.toml",
}
DEFAULT_SETS = ("insample", "dev")  # the held-out set is evaluated only when asked for by name
TEXTBOOK_KINDS = ("mechanism", "history")


def load_labels(path: Path) -> list[dict[str, Any]]:
    """Label items, each with id (may be empty), document, quote, verdict, reason and keys."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    if "verdict" in data:  # the in-sample format: [verdict."000-02"]
        return [
            {
                "id": cid,
                "document": cid[:3],
                "quote": "",
                "verdict": v["verdict"],
                "reason": v.get("reason", ""),
                "key": [],
            }
            for cid, v in data["verdict"].items()
        ]
    out = []
    for c in data.get("claim", []):
        out.append(
            {
                "id": c.get("id", ""),
                "document": c.get("document", str(c.get("id", ""))[:3]),
                "quote": c.get("quote", ""),
                "lead_in": c.get("lead_in", ""),
                "verdict": c["verdict"],
                "reason": c.get("reason", ""),
                "key": c.get("key", []),
            }
        )
    return out


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[‘’“”]", "'", s).split()).lower()


def match_claim(label: dict[str, Any], rows: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """The linked claim a label is about: by id when the quotes agree, else by document and quote."""
    q = _norm(label["quote"])
    row = rows.get(label["id"])
    if row is not None and (not q or q in _norm(row["quote"]) or _norm(row["quote"]) in q):
        return row
    same_doc = [r for r in rows.values() if r["document"] == label["document"]]
    for r in same_doc:
        if q and _norm(r["quote"]) == q:
            return r
    for r in same_doc:
        if q and (q in _norm(r["quote"]) or _norm(r["quote"]) in q):
            return r
    return None


def _ident_matches(ident: str, e: dict[str, Any]) -> bool:
    kind, _, value = ident.partition(":")
    value = value.strip().lower()
    if kind == "pmid":
        return (e.get("pmid") or "") == value
    if kind == "doi":
        return (e.get("doi") or "").lower() == value
    if kind == "citekey":
        return (e.get("citekey") or "").lower() == value
    return False


def record_of(ident: str, records: dict[Any, dict[str, Any]]) -> Any:
    """The id of the record a label's key (``pmid:...``, ``doi:...``, ``citekey:...``) names, or None."""
    return next((d for d, rec in records.items() if _ident_matches(ident, rec)), None)


STANCE_MATCH = {"supports": ("supports",), "partial": ("supports", "mixed"), "contradicts": ("contradicts",)}


class Roles:
    """The role of a quoted sentence in its record, looked up by reading the record."""

    def __init__(self, lib: Library) -> None:
        self.lib = lib
        self.cache: dict[str, list[tuple[str, str]]] = {}

    def role(self, e: dict[str, Any], sentence: str) -> str:
        key = e.get("pmid") or e.get("doi") or e.get("citekey") or ""
        if key not in self.cache:
            rec = self.lib.find(key) if key else None
            if rec is None:
                self.cache[key] = []
            else:
                reading = read_record(rec)
                self.cache[key] = [(_norm(reading.text(rec, i)), s.role) for i, s in enumerate(reading.sentences)]
        want = _norm(sentence)
        for text, role in self.cache[key]:
            if text == want:
                return role
        for text, role in self.cache[key]:
            if want and (want in text or text in want):
                return role
        return "unknown"


def evaluate(labels: list[dict[str, Any]], rows: dict[str, dict[str, Any]], roles: Roles) -> dict[str, Any]:
    agree, pairs, disagreements, unmatched = 0, Counter(), [], []
    keys_total = keys_same = keys_cited = 0
    by_stance: Counter[str] = Counter()
    by_stance_hit: Counter[str] = Counter()
    missed = []
    matched_rows = []
    for item in labels:
        row = match_claim(item, rows)
        if row is None:
            unmatched.append(item["id"] or item["quote"][:40])
            continue
        matched_rows.append(row)
        got = row["verdict"]
        pairs[(item["verdict"], got)] += 1
        if got == item["verdict"]:
            agree += 1
        else:
            disagreements.append((row["id"], item["verdict"], got, row["explanation"]))
        for key in item["key"]:
            keys_total += 1
            want = key.get("stance", "supports")
            by_stance[want] += 1
            cited = [e for e in row["evidence"] if _ident_matches(key["record"], e)]
            if cited:
                keys_cited += 1
            if any(e["stance"] in STANCE_MATCH.get(want, (want,)) for e in cited):
                keys_same += 1
                by_stance_hit[want] += 1
            else:
                got_stance = cited[0]["stance"] if cited else "not cited"
                missed.append((row["id"], key["record"], want, got_stance))

    def kind_of(row: dict[str, Any], e: dict[str, Any]) -> str:
        """The kind of the claim a cited record is for: the part's, for a sentence checked part by part."""
        m = re.match(r"for part (\d+) ", e.get("why") or "")
        parts = row.get("parts") or []
        return parts[int(m.group(1)) - 1]["kind"] if m and int(m.group(1)) <= len(parts) else row["kind"]

    unbacked = []
    bad = Counter()
    bad_examples: list[tuple[str, str, str]] = []
    for row in matched_rows:
        cited = [e for e in row["evidence"] if e["stance"] != "neutral"]
        if row["verdict"] in ("supported", "contradicted"):
            backed = any(
                roles.role(e, s) in ("results", "conclusions")
                or (kind_of(row, e) in TEXTBOOK_KINDS and roles.role(e, s) != "title")
                for e in cited
                for s in e["rationale"]
            )
            if not backed:
                unbacked.append(row["id"])
        for e in cited:
            for s in e["rationale"]:
                r = roles.role(e, s)
                if (
                    r == "title"
                    or r == "methods"
                    or (r in ("background", "objective") and kind_of(row, e) not in TEXTBOOK_KINDS)
                ):
                    bad[r] += 1
                    bad_examples.append((row["id"], r, s[:100]))
                elif r in ("background", "objective"):
                    bad["background (textbook claims, allowed)"] += 1
    n = len(labels) - len(unmatched)
    return {
        "labelled": len(labels),
        "matched": n,
        "unmatched": unmatched,
        "agree": agree,
        "agreement": agree / n if n else 0.0,
        "pairs": pairs,
        "disagreements": disagreements,
        "keys": keys_total,
        "keys_same": keys_same,
        "keys_cited": keys_cited,
        "key_recall": keys_same / keys_total if keys_total else None,
        "key_by_stance": {k: f"{by_stance_hit[k]}/{v}" for k, v in by_stance.items()},
        "missed_keys": missed,
        "unbacked": unbacked,
        "bad_rationale": dict(bad),
        "bad_examples": bad_examples,
    }


def sample(rows: dict[str, dict[str, Any]], n: int, seed: int) -> list[dict[str, Any]]:
    cited = [
        {"claim": r["id"], "claim_text": (r["lead_in"] + " " if r["lead_in"] else "") + r["quote"], "record":
         e.get("pmid") or e.get("doi") or e.get("citekey"), "stance": e["stance"], "sentence": s, "why": e["why"]}
        for r in rows.values()
        for e in r["evidence"]
        if e["stance"] != "neutral"
        for s in e["rationale"]
    ]  # fmt: skip
    return random.Random(seed).sample(cited, min(n, len(cited)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=sorted(SETS), action="append", help="label set (repeatable)")
    ap.add_argument("--labels", type=Path, help="a label file in the dev/held-out format")
    ap.add_argument(
        "--pages",
        metavar="FOLDER",
        help="the labelled pages in tests/pages/FOLDER, checked as `ketalit check` does into a copy of the library "
        "with no claims, instead of the catalogue (their propositions are then the normaliser's)",
    )
    ap.add_argument("--library", type=Path, default=ROOT / "library")
    ap.add_argument("--sample", type=int, default=0, help="print N random cited sentences for hand-checking")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.pages:
        return pages_main(args.pages, args.json)
    lib = Library.open(args.library)
    rows = {r["id"]: r for r in stored_claims(lib)}
    if args.sample:
        for item in sample(rows, args.sample, args.seed):
            print(f"{item['claim']} [{item['stance']}] {item['record']}: {item['claim_text'][:80]}")
            print(f'    "{item["sentence"]}"\n    ({item["why"]})')
        return
    roles = Roles(lib)
    files = [(str(args.labels), args.labels)] if args.labels else []
    for name in args.set or ([] if args.labels else DEFAULT_SETS):
        if SETS[name].exists():
            files.append((name, SETS[name]))
        elif not args.json:
            print(f"{name}: {SETS[name].relative_to(ROOT)} is not there yet\n")
    results = {name: evaluate(load_labels(path), rows, roles) for name, path in files}
    show(results, args.json)


def pages_main(folder: str, as_json: bool) -> None:
    """The engine on labelled pages checked from scratch: what a user checking a new page gets."""
    from claims_folds import check_pages, page_labels

    with tempfile.TemporaryDirectory() as tmp:
        lib, rows, documents = check_pages(Path(tmp), (folder,))
        labels = [x for stem in sorted(documents) for x in page_labels(documents[stem][1], documents[stem][0])]
        show({f"pages/{folder}": evaluate(labels, rows, Roles(lib))}, as_json)


def show(results: dict[str, dict[str, Any]], as_json: bool) -> None:
    if as_json:
        print(json.dumps({
            name: {k: res[k] for k in ("labelled", "matched", "agreement", "key_recall", "unbacked", "bad_rationale")}
            for name, res in results.items()
        }))  # fmt: skip
        return
    for name, res in results.items():
        print(f"== {name}: {res['matched']} of {res['labelled']} labelled claims found in the catalogue")
        if res["unmatched"]:
            print(f"   not found: {', '.join(res['unmatched'])}")
        print(f"verdict agreement: {res['agree']}/{res['matched']} ({res['agreement']:.0%})")
        for side in ("supported", "contradicted"):
            given = sum(n for (_, got), n in res["pairs"].items() if got == side)
            print(f"{side} verdicts the reviewers also gave: {res['pairs'][(side, side)]}/{given}")
        if res["keys"]:
            print(
                f"key-record recall, same stance: {res['keys_same']}/{res['keys']} ({res['key_recall']:.0%}); "
                f"cited with any stance: {res['keys_cited']}/{res['keys']}; by labelled stance: {res['key_by_stance']}"
            )
        print(f"supported/contradicted verdicts without a quoted result or conclusion sentence: {len(res['unbacked'])}"
              + (f" ({', '.join(res['unbacked'])})" if res["unbacked"] else ""))  # fmt: skip
        print(f"rationale sentences that are title / methods / background: {res['bad_rationale'] or 'none'}")
        for cid, r, s in res["bad_examples"][:10]:
            print(f"   {cid} [{r}] {s}")
        print("reference -> ketalit:")
        for (want, got), n in sorted(res["pairs"].items()):
            print(f"  {want:13} -> {got:13} {n}")
        print("disagreements:")
        for cid, want, got, why in res["disagreements"]:
            print(f"  {cid}: reference {want}, ketalit {got}: {why[:300]}")
        if res["missed_keys"]:
            print("key records not cited with the labelled stance:")
            for cid, rec, want, got in res["missed_keys"]:
                print(f"  {cid}: {rec} labelled {want}, ketalit {got}")
        print()


if __name__ == "__main__":
    main()
