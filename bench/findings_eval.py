"""How well ketalit reads abstracts: sentence roles for unlabelled abstracts, and the cost of reading.

    python bench/findings_eval.py            # role accuracy and speed on the shipped library
    python bench/findings_eval.py --errors   # also every result or conclusion sentence read as another role

Roles: the library's structured abstracts are read as if unlabelled (their section labels hidden), and the roles
ketalit's rules give each sentence are compared with the roles their labels name. "Finding-bearing" counts a
sentence as results or conclusions (the only sentences findings are read from and quoted): its precision is how
often a sentence read as a result really is one; its recall, how many results are read.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from ketalit.claims.findings import read_record  # noqa: E402
from ketalit.claims.roles import label_role, unstructured_roles  # noqa: E402
from ketalit.claims.text import split_sentences  # noqa: E402
from ketalit.library import Library  # noqa: E402

FINDING_ROLES = {"results", "conclusions"}


def roles_hidden(lib: Library, show_errors: bool = False) -> Counter[tuple[str, str]]:
    confusion: Counter[tuple[str, str]] = Counter()
    for rec in lib.records():
        sections = rec["abstract"]
        labels = [label_role(s.get("label") or "") for s in sections]
        if len(sections) < 2 or any(x is None for x in labels):
            continue
        sentences, truth = [], []
        for sec, role in zip(sections, labels, strict=True):
            for a, b in split_sentences(sec["text"]):
                sentences.append(sec["text"][a:b])
                truth.append(role)
        design = (rec["tags"].get("design") or [""])[0]
        for text, want, (got, _why) in zip(
            sentences, truth, unstructured_roles(sentences, rec.get("abstract_complete", True), design), strict=True
        ):
            confusion[(want, got)] += 1
            if show_errors and (want in FINDING_ROLES) != (got in FINDING_ROLES):
                print(f"  {rec['citekey']}: {want} read as {got}: {text[:110]}")
    return confusion


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--library", type=Path, default=ROOT / "library")
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    lib = Library.open(args.library)
    confusion = roles_hidden(lib, args.errors)
    total = sum(confusion.values())
    exact = sum(n for (w, g), n in confusion.items() if w == g)
    tp = sum(n for (w, g), n in confusion.items() if w in FINDING_ROLES and g in FINDING_ROLES)
    fp = sum(n for (w, g), n in confusion.items() if w not in FINDING_ROLES and g in FINDING_ROLES)
    fn = sum(n for (w, g), n in confusion.items() if w in FINDING_ROLES and g not in FINDING_ROLES)
    print(f"roles of {total} sentences of structured abstracts, labels hidden: {exact / total:.1%} exact")
    print(f"finding-bearing (results or conclusions): precision {tp / (tp + fp):.3f}, recall {tp / (tp + fn):.3f}")
    for (want, got), n in sorted(confusion.items()):
        print(f"  {want:12} -> {got:12} {n}")
    records = lib.records()
    start = time.perf_counter()
    readings = [read_record(r) for r in records]
    took = time.perf_counter() - start
    findings = sum(len(r.findings) for r in readings)
    print(f"\nreading {len(records)} records: {took * 1000 / len(records):.2f} ms a record; {findings} findings")


if __name__ == "__main__":
    main()
