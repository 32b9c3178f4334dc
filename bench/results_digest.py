"""What the library's commands answer, to compare before and after a change meant to make them faster only.

    python bench/results_digest.py OUT.json [--library DIR]   # default: a copy of the shipped library

On a copy of the library (the original is never written): `ketalit tag --all`, `ketalit claims link`, then writes
to OUT.json every record's tags and tag reasons, `ketalit claims list --json` (the time of linking left out), and the
PMIDs `ketalit search` returns, in order, for a fixed set of queries. Two files from two source trees should be
identical: `cmp before.json after.json`. The commands run as a user runs them (`python -m ketalit`), so the source
tree measured is the one on PYTHONPATH, or the installed one.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import QUERIES  # noqa: E402


def ketalit(lib: Path, *args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "ketalit", "--library", str(lib), *args], capture_output=True)
    if proc.returncode != 0:
        raise SystemExit(f"ketalit {' '.join(args)} failed: {proc.stderr.decode()[-2000:]}")
    return proc.stdout.decode()


def digest(lib: Path) -> dict:
    ketalit(lib, "tag", "--all")
    ketalit(lib, "claims", "link")
    claims = json.loads(ketalit(lib, "claims", "list", "--json"))
    records = [json.loads(line) for line in ketalit(lib, "export", "jsonl").splitlines() if line.strip()]
    tags = {r["pmid"] or r["doi"] or r["title"]: [r.get("tags"), r.get("tag_reasons")] for r in records}
    searches = {q: ketalit(lib, "search", q, "--ids", "--limit", "100").split() for q in QUERIES}
    return {"claims": claims, "tags": tags, "searches": searches}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--library", type=Path, default=ROOT / "library")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        lib = Path(tmp) / "library"
        shutil.copytree(args.library, lib, ignore=shutil.ignore_patterns(".index", "*.lock", ".ketalit.state"))
        data = digest(lib)
    text = json.dumps(data, indent=1, sort_keys=True, default=str)
    text = "\n".join(line for line in text.splitlines() if '"linked_at"' not in line)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{args.out}: {len(data['claims'])} claims, {len(data['tags'])} records, {len(data['searches'])} searches")


if __name__ == "__main__":
    main()
