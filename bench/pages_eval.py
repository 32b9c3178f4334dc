"""How well `ketalit check` reads clinic pages it has never seen: extraction, normalised kind, verdicts.

    python bench/pages_eval.py                     # the tuning pages (tests/pages/tuning/)
    python bench/pages_eval.py --set heldout       # the held-out pages (tests/pages/heldout/), once they are there
    python bench/pages_eval.py --html              # read the HTML copy of a page where there is one
    python bench/pages_eval.py --no-link -v        # extraction and kind only, listing every miss and extra

Each page `pNN.txt` (or `pNN.html`) is checked into a copy of the shipped library's records (no claims), exactly as
`ketalit check` does it, and compared with the hand labels in `pNN.labels.toml`.

**Matching.** Quotes are located in the page's text (the labels carry quotes, not offsets; whitespace is
normalised on both sides). A labelled claim is *found* when an extracted claim's quote overlaps it substantially:
the characters they share are at least half of the labelled quote and at least half of the extracted one (so a
claim cut in two, or one merged with its neighbours, does not count). Pairs are matched one to one, largest overlap
first. Precision = matched extracted claims / all extracted claims; recall = matched labelled claims / all
labelled claims. A list item is compared on its own text; its lead-in is not part of the quote.

**Kind** accuracy is over matched claims. **Non-claims**: each `[[nonclaim]]` quote overlapped (by the same rule)
by an extracted claim whose verdict is anything but not_checkable is counted; the target is zero. **Verdict
agreement** is over matched claims: the verdict `check` gives (the machine's; there are no reviews here) against
the label's blind verdict.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from ketalit._compat import tomllib  # noqa: E402

PAGES = ROOT / "tests" / "pages"


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("“", '"').replace("”", '"').replace("’", "'")).strip()


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """(start, end) of a quote in a text whose whitespace and quote marks are normalised."""
    i = text.find(_norm(quote))
    return None if i < 0 else (i, i + len(_norm(quote)))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def substantial(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = overlap(a, b)
    return shared * 2 >= (a[1] - a[0]) and shared * 2 >= (b[1] - b[0]) and shared > 0


def match(labels: list[tuple[int, int]], found: list[tuple[int, int]]) -> dict[int, int]:
    """label index -> found index, one to one, largest overlap first."""
    pairs = sorted(
        ((overlap(a, b), i, j) for i, a in enumerate(labels) for j, b in enumerate(found) if substantial(a, b)),
        reverse=True,
    )
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in pairs:
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


@dataclass
class PageResult:
    page: str
    labelled: int = 0
    extracted: int = 0
    matched: int = 0
    kind_right: int = 0
    nonclaims: int = 0
    nonclaims_verdict: int = 0
    verdicts: int = 0
    verdict_right: int = 0
    lines: list[str] = field(default_factory=list)


def evaluate_page(label_path: Path, use_html: bool, link: bool, library: Path | None) -> PageResult:
    from ketalit.claims.extract import extract_claims
    from ketalit.claims.normalise import normalise
    from ketalit.claims.pages import page_text

    labels = tomllib.loads(label_path.read_text(encoding="utf-8"))
    stem = label_path.name.split(".")[0]
    html = label_path.with_name(f"{stem}.html")
    source = html if use_html and html.exists() else label_path.with_name(f"{stem}.txt")
    res = PageResult(stem + (" (html)" if source.suffix == ".html" else ""))
    if link:
        from ketalit.claims.check import check_page

        page = labels.get("page", {})
        out = check_page(
            library,
            source.read_bytes(),
            name=source.name,
            title=page.get("title"),
            url=page.get("url"),
            accessed=page.get("accessed"),
        )
        text = out.text
        found = [(r["quote"], r["start"], r["end"], r["kind"], r["verdict"]) for r in out.claims]
    else:
        text = page_text(source.read_bytes(), source.name).text
        cands = extract_claims(text, stem)
        found = []
        for c in cands:
            n = normalise(c, text)
            found.append((c.quote, c.start, c.end, n.kind, ""))
    flat = _norm(text)
    # offsets in the normalised text: re-locate every extracted quote there
    found_spans = []
    for quote, *_ in found:
        span = locate(flat, quote)
        found_spans.append(span or (0, 0))
    items = labels.get("claim", [])
    label_spans = []
    for item in items:
        span = locate(flat, item["quote"])
        if span is None:
            raise SystemExit(f"{label_path}: claim {item.get('n')}: quote not found in {source.name}")
        label_spans.append(span)
    pairs = match(label_spans, found_spans)
    res.labelled, res.extracted, res.matched = len(items), len(found), len(pairs)
    for i, item in enumerate(items):
        if i not in pairs:
            res.lines.append(f"  MISSED  [{item['kind']}] {item['quote'][:110]}")
            continue
        j = pairs[i]
        kind, verdict = found[j][3], found[j][4]
        if kind == item["kind"]:
            res.kind_right += 1
        else:
            res.lines.append(f"  KIND    {kind} (label {item['kind']}): {item['quote'][:90]}")
        if link:
            res.verdicts += 1
            if verdict == item["verdict"]:
                res.verdict_right += 1
            else:
                res.lines.append(f"  VERDICT {verdict} (label {item['verdict']}): {item['quote'][:80]}")
    matched_found = set(pairs.values())
    for j, f in enumerate(found):
        if j not in matched_found:
            res.lines.append(f"  EXTRA   [{f[3]}] {f[0][:110]}")
    for nc in labels.get("nonclaim", []):
        span = locate(flat, nc["quote"])
        if span is None:
            continue
        res.nonclaims += 1
        for j, f in enumerate(found):
            if substantial(span, found_spans[j]) and link and f[4] != "not_checkable":
                res.nonclaims_verdict += 1
                res.lines.append(f"  NONCLAIM got {f[4]}: {nc['quote'][:90]}")
                break
    return res


def _pct(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "-"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("tuning", "heldout"), default="tuning")
    ap.add_argument("--html", action="store_true", help="use a page's HTML copy where there is one")
    ap.add_argument("--no-link", action="store_true", help="extraction and kind only (no verdicts; fast)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss, extra claim and disagreement")
    args = ap.parse_args()
    folder = PAGES / args.set
    label_files = sorted(folder.glob("*.labels.toml"))
    if not label_files:
        raise SystemExit(f"no labelled pages in {folder}/")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        library = None
        if not args.no_link:
            library = Path(tmp) / "library"
            library.mkdir()
            shutil.copy(ROOT / "library" / "ketalit.json", library / "ketalit.json")
            from ketalit.claims.review import forget_all_claims

            forget_all_claims(library)
        for path in label_files:
            results.append(evaluate_page(path, args.html, not args.no_link, library))
    head = (
        f"{'page':<12} {'claims':>6} {'found':>6} {'prec':>5} {'recall':>6} {'kind':>5} {'nonclaim!':>9} {'verdict':>7}"
    )
    print(head)
    total = PageResult("overall")
    for r in results:
        for f in ("labelled", "extracted", "matched", "kind_right", "nonclaims", "nonclaims_verdict", "verdicts"):
            setattr(total, f, getattr(total, f) + getattr(r, f))
        total.verdict_right += r.verdict_right
    for r in [*results, total]:
        print(
            f"{r.page:<12} {r.labelled:>6} {r.extracted:>6} {_pct(r.matched, r.extracted):>5} "
            f"{_pct(r.matched, r.labelled):>6} {_pct(r.kind_right, r.matched):>5} "
            f"{(str(r.nonclaims_verdict) + '/' + str(r.nonclaims)) if not args.no_link else '-':>9} "
            f"{_pct(r.verdict_right, r.verdicts):>7}"
        )
        if args.verbose and r.lines:
            print("\n".join(r.lines))


if __name__ == "__main__":
    main()
