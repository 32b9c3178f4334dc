"""Make a synthetic PubMed XML file of N records (and optionally import it into a ketalit library).

    python bench/make_library.py 50000                 # writes bench/out/pubmed_50000.xml
    python bench/make_library.py 50000 --library DIR   # ... and imports it into a new library at DIR

Every synthetic record is one of the shipped library's real records under a new PMID (60000000 + i), with its
abstract varied enough that indexes are honest: one sentence swapped in from another record, numbers changed,
the year shifted. So the vocabulary, lengths and tag mix are the snapshot's, but no two records are the same text.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "out"
sys.path.insert(0, str(ROOT / "src"))

from ketalit.library import Library  # noqa: E402

HEAD = (
    '<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
    '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n<PubmedArticleSet>\n'
)
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def vary(text: str, rng: random.Random, donor: str) -> str:
    sentences = _SENT.split(text)
    donor_sentences = _SENT.split(donor)
    if len(sentences) > 1 and donor_sentences:
        sentences[rng.randrange(1, len(sentences))] = rng.choice(donor_sentences)
    out = " ".join(sentences)
    return re.sub(r"\b\d+\b", lambda m: str(max(1, int(m.group(0)) + rng.randint(-3, 3))), out, count=3)


def article_xml(rec: dict, pmid: int, rng: random.Random, donor: dict) -> str:
    year = (rec.get("year") or 2015) + rng.randint(-2, 2)
    authors = "".join(
        f'<Author ValidYN="Y"><CollectiveName>{escape(a["collective"])}</CollectiveName></Author>'
        if a.get("collective")
        else f'<Author ValidYN="Y"><LastName>{escape(a["family"] or "Anon")}</LastName>'
        f"<ForeName>{escape(a['given'])}</ForeName><Initials>{escape(a['initials'])}</Initials></Author>"
        for a in rec.get("authors", [])[:12]
    )
    donor_text = " ".join(s["text"] for s in donor.get("abstract", []))
    sections = "".join(
        f'<AbstractText Label="{escape(s["label"])}">{escape(vary(s["text"], rng, donor_text))}</AbstractText>'
        if s.get("label")
        else f"<AbstractText>{escape(vary(s['text'], rng, donor_text))}</AbstractText>"
        for s in rec.get("abstract", [])
    )
    doi = f"{rec['doi']}.s{pmid}" if rec.get("doi") else f"10.99999/synthetic.{pmid}"
    volume, journal = escape(rec.get("volume") or "1"), escape(rec.get("journal") or "J")
    iso, pages = escape(rec.get("journal_iso") or "J"), escape(rec.get("pages") or "1-10")
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">{pmid}</PMID>'
        f'<Article PubModel="Print"><Journal><JournalIssue CitedMedium="Print"><Volume>{volume}</Volume>'
        f"<PubDate><Year>{year}</Year></PubDate></JournalIssue><Title>{journal}</Title></Journal>"
        f"<ArticleTitle>{escape(rec['title'])}</ArticleTitle><Pagination><MedlinePgn>{pages}</MedlinePgn></Pagination>"
        f'<ELocationID EIdType="doi" ValidYN="Y">{escape(doi)}</ELocationID>'
        f'<Abstract>{sections}</Abstract><AuthorList CompleteYN="Y">{authors}</AuthorList><Language>eng</Language>'
        '<PublicationTypeList><PublicationType UI="D016428">Journal Article</PublicationType></PublicationTypeList>'
        f"</Article><MedlineJournalInfo><MedlineTA>{iso}</MedlineTA></MedlineJournalInfo>"
        f'</MedlineCitation><PubmedData><ArticleIdList><ArticleId IdType="pubmed">{pmid}</ArticleId>'
        f'<ArticleId IdType="doi">{escape(doi)}</ArticleId></ArticleIdList></PubmedData></PubmedArticle>\n'
    )


def make_xml(n: int, path: Path, seed: int = 7) -> Path:
    templates = Library.open(ROOT / "library").records()
    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        fh.write(HEAD)
        for i in range(n):
            rec = templates[i % len(templates)]
            donor = templates[(i * 7 + 3) % len(templates)]
            fh.write(article_xml(rec, 60_000_000 + i, rng, donor))
        fh.write("</PubmedArticleSet>\n")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--library", type=Path, help="also import the file into a new library here")
    args = ap.parse_args()
    t = time.perf_counter()
    path = make_xml(args.n, OUT / f"pubmed_{args.n}.xml")
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB, {args.n} records) in {time.perf_counter() - t:.1f} s")
    if args.library:
        from ketalit.importer import import_files

        t = time.perf_counter()
        lib = Library.init(args.library)
        report = import_files(lib, [path])
        print(f"imported {report.added} records into {args.library} in {time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    main()
