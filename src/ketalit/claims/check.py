"""`ketalit check PAGE`: add a marketing page to the library, find and normalise its claims, link them to the
evidence, and keep every review.

1. The page (text or HTML) is turned into text (``pages.read_page``) and kept under ``sources/``, named in
   ``claims.toml`` by its title, clinic, URL and the date it was read. A page checked before (same URL, else the
   same text, else the same title and clinic) keeps its number.
2. Its claims are extracted (``extract``) and normalised into propositions (``normalise``). A claim found before
   (same quote) keeps its id; a claim a person reviewed keeps its place even if the extraction no longer finds it,
   as long as its words are still on the page.
3. The page's claims, as reviewed (``review.reviewed_catalogue``), are linked to the evidence, and the reviews are
   laid over the machine's judgement (``review.apply_reviews``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import BadInput, NotFound
from ..library import Library
from ..records import now_iso
from .catalogue import id_order
from .extract import Candidate, extract_claims
from .normalise import Normalised, normalise, page_context
from .pages import describe, last_claim_number, read_catalogue, read_page, sha256, write_catalogue
from .parts import part_entry, parts_of
from .review import apply_reviews, norm_quote, reviewed_catalogue, reviews


@dataclass
class CheckResult:
    document: str
    meta: dict[str, Any]
    text: str
    claims: list[dict[str, Any]] = field(default_factory=list)
    new: int = 0
    kept: int = 0
    dropped: int = 0
    waiting: int = 0  # reviews of claims no longer on the page
    contradictions: list[dict[str, Any]] = field(default_factory=list)  # its claims against other pages' claims

    @property
    def name(self) -> str:
        return describe(self.document, self.meta)


def _url_key(url: str) -> str:
    if not url:
        return ""
    parts = urlsplit(url.strip() if "://" in url else f"http://{url.strip()}")
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}".lower()


def _digest_of(root: Path, doc: dict[str, Any]) -> str:
    if doc.get("sha256"):
        return str(doc["sha256"])
    path = Path(root) / doc.get("file", "")
    return sha256(path.read_text(encoding="utf-8")) if doc.get("file") and path.is_file() else ""


def _find_document(
    root: Path, docs: dict[str, dict[str, Any]], url: str, digest: str, title: str, clinic: str
) -> str | None:
    if url:
        for doc_id, d in docs.items():
            if _url_key(d.get("url", "")) == _url_key(url):
                return doc_id
    for doc_id, d in docs.items():
        if _digest_of(root, d) == digest:
            return doc_id
    for doc_id, d in docs.items():
        if title and d.get("title") == title and d.get("clinic", "") == clinic and not (url and d.get("url")):
            return doc_id
    return None


def parse_accessed(value: str | None) -> str:
    if not value:
        return dt.date.today().isoformat()
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError as exc:
        raise BadInput(
            f"accessed {value!r}: give the date the page was read as YYYY-MM-DD", options=("accessed",)
        ) from exc


def check_page(
    library: Library | Path,
    data: bytes,
    name: str = "page",
    title: str | None = None,
    url: str | None = None,
    accessed: str | None = None,
    clinic: str | None = None,
    link: bool = True,
) -> CheckResult:
    """Add (or update) a page and its claims; link them; return them with the reviews laid over."""
    lib = library if isinstance(library, Library) else Library.open(library)
    title_given = bool(title)
    page = read_page(data, name, title, url, clinic)
    text, url, title, clinic = page.text, page.url, page.title, page.clinic
    digest = sha256(text)
    with lib.transaction():  # the library's lock also guards claims.toml and sources/
        catalogue = read_catalogue(lib.root)
        docs = catalogue["documents"]
        doc_id = _find_document(lib.root, docs, url, digest, title, clinic)
        if doc_id is None:
            doc_id = f"{max((int(d) for d in docs if d.isdigit()), default=-1) + 1:03d}"
        old_doc = docs.get(doc_id, {})
        if old_doc.get("file") and _digest_of(lib.root, {"file": old_doc["file"]}) == digest:
            file = old_doc["file"]  # the same text: the same file
        else:
            file = f"sources/{doc_id}_{digest[:16]}.txt"
            (lib.root / "sources").mkdir(parents=True, exist_ok=True)
            (lib.root / file).write_text(text, encoding="utf-8")
            if old_doc.get("file") and old_doc["file"] != file:
                (lib.root / old_doc["file"]).unlink(missing_ok=True)
        meta = {
            "file": file,
            "title": title if (title_given or not old_doc.get("title")) else old_doc["title"],
            "clinic": clinic or old_doc.get("clinic", ""),
            "url": url or old_doc.get("url", ""),
            "accessed": parse_accessed(accessed) if accessed or not old_doc else old_doc.get("accessed", ""),
            "format": page.format,
            "sha256": digest,
            "checked": now_iso(),
            "last_claim": int(old_doc.get("last_claim", 0)),
        }
        docs[doc_id] = meta
        result = CheckResult(doc_id, meta, text)
        _update_claims(lib, catalogue, doc_id, text, result)
        write_catalogue(lib.root, catalogue)
    if link:
        from .store import stored_contradictions

        lib.release()
        why = {c["id"]: c.get("reasons", {}).get("kind", "") for c in catalogue["claim"]}  # why each has its kind
        result.claims = [{**r, "kind_reason": why.get(r["id"], "")} for r in link_claims(lib, document=doc_id)]
        mine = {r["id"] for r in result.claims}
        result.contradictions = [c for c in stored_contradictions(lib) if mine & set(c["claims"])]
    return result


def page_claims(
    text: str, title: str = "", url: str = "", clinic: str = "", document: str = "", learned: bool = True
) -> list[tuple[Candidate, Normalised]]:
    """The claims of a page's text, each with its proposition, read in the page's context (the route and condition
    its title, address and clinic give): what `ketalit check` stores and `ketalit claims extract` prints. A sentence
    that makes several claims carries its parts in its reading (``parts.parts_of``). Without ``learned``, the kinds
    are the rules' alone (see `normalise`)."""
    context = page_context(text, title, url, clinic)

    def read(candidate: Candidate) -> Normalised:
        return normalise(candidate, text, context, learned)

    out = []
    for c in extract_claims(text, document):
        whole = read(c)
        whole.parts = [part_entry(pc, pn) for pc, pn in parts_of(c, read, whole)]
        out.append((c, whole))
    return out


def _update_claims(lib: Library, catalogue: dict[str, Any], doc_id: str, text: str, result: CheckResult) -> None:
    """The page's claims in the catalogue: extracted again, old ids kept by quote, reviewed claims kept."""
    meta = catalogue["documents"][doc_id]
    old = [c for c in catalogue["claim"] if c["id"].split("-")[0] == doc_id]
    others = [c for c in catalogue["claim"] if c["id"].split("-")[0] != doc_id]
    # a claim found before keeps its id: the one with the same quote under the same lead-in, else one with the same
    # quote (its lead-in reworded); each old id is given to one claim only, so a bare item that stands under two
    # lead-ins ("- Addiction" under "Ketamine never causes:" and under "Unlike ketamine, opioids cause:") keeps two
    old_by_quote: dict[str, list[dict[str, Any]]] = {}
    for c in old:
        old_by_quote.setdefault(norm_quote(c["quote"]), []).append(c)
    reviewed_ids = {r.get("claim") for r in reviews(lib) if r.get("document") == doc_id}
    added_by_quote = {
        norm_quote(r.get("quote", "")): r["claim"]
        for r in reviews(lib)
        if r.get("document") == doc_id and r.get("action") == "add"
    }
    from .kind_model import LEARNED_KIND

    counter = last_claim_number(lib, catalogue, doc_id)
    fresh = []
    seen_ids: set[str] = set()
    for cand, norm in page_claims(text, meta.get("title", ""), meta.get("url", ""), meta.get("clinic", ""), doc_id):
        key = norm_quote(cand.quote)
        same = [c for c in old_by_quote.get(key, []) if c["id"] not in seen_ids]
        same.sort(key=lambda c: norm_quote(c.get("lead_in", "")) != norm_quote(cand.lead_in or ""))
        if same:
            cid = same[0]["id"]
            result.kept += 1
            if cid in reviewed_ids and norm.reasons.get("kind", "").startswith(LEARNED_KIND):
                # a person reviewed the proposition the rules gave it: the trained model does not change it
                context = page_context(text, meta.get("title", ""), meta.get("url", ""), meta.get("clinic", ""))
                norm = normalise(cand, text, context, learned=False)
        elif key in added_by_quote:
            continue  # a reviewer added it already: it lives with the review
        else:
            counter += 1
            cid = f"{doc_id}-{counter:02d}"
            result.new += 1
        seen_ids.add(cid)
        entry: dict[str, Any] = {
            "id": cid,
            "quote": cand.quote,
            "start": cand.start,
            "end": cand.end,
        }
        if cand.lead_in:
            entry.update(lead_in=cand.lead_in, lead_start=cand.lead_start, lead_end=cand.lead_end)
        entry.update(norm.catalogue_fields())
        entry["why"] = cand.why
        entry["reasons"] = norm.reasons
        fresh.append(entry)
    for c in old:
        if c["id"] in seen_ids:
            continue
        start = text.find(c["quote"])
        if c["id"] in reviewed_ids and start >= 0:
            kept = dict(c, start=start, end=start + len(c["quote"]))
            if c.get("lead_in"):
                ls = text.find(c["lead_in"])
                if ls < 0:
                    kept.pop("lead_in"), kept.pop("lead_start", None), kept.pop("lead_end", None)
                else:
                    kept.update(lead_start=ls, lead_end=ls + len(c["lead_in"]))
            fresh.append(kept)  # a person reviewed it: it stays while its words are on the page
            result.kept += 1
        else:
            result.dropped += 1
            if c["id"] in reviewed_ids:
                result.waiting += 1
    meta["last_claim"] = counter
    catalogue["claim"] = others + fresh


def link_claims(lib: Library, ids: set[str] | None = None, document: str | None = None) -> list[dict[str, Any]]:
    """Link some claims (by id, or all of one document) and store them with the reviews laid over; returns them."""
    from ..records import Record
    from ..search import SearchIndex
    from .findings import Reading
    from .judged import Judgements
    from .link import contradictions, link_claim
    from .store import keep_findings, new_readings

    claims = reviewed_catalogue(lib)
    chosen = [c for c in claims if (ids is None or c.id in ids) and (document is None or c.document == document)]
    rows = []
    readings: dict[int, Reading] = {}
    records: dict[int, Record] = {}
    if chosen:
        index = SearchIndex.for_library(lib)
        judgements = Judgements(lib)
        for claim in chosen:
            linked = link_claim(claim, index, lib, readings, records, judgements=judgements)
            rows.append(
                {
                    **claim.as_dict(),
                    "verdict": linked.verdict,
                    "explanation": linked.explanation,
                    "evidence": [e.as_dict() for e in linked.evidence],
                    **({"parts": linked.parts} if linked.parts else {}),
                }
            )
        del index
        judgements.save(keep_unused=True)  # the other claims' judgements stay for their next link
    rows = apply_reviews(lib, rows, claims)
    chosen_ids = {c.id for c in chosen}
    conflicts = contradictions(claims)
    stale = new_readings(readings, records)
    del records
    lib.release()
    with lib.transaction():
        keep_findings(lib, stale)  # findings read while linking are kept with their records, as `claims link` does
        table = lib.table("claims")
        keep = [
            dict(r)
            for r in table.all()
            if r["id"] not in chosen_ids
            and (document is None or r.get("document") != document)
            and r["id"] in {c.id for c in claims}
        ]
        table.truncate()
        table.insert_multiple(sorted(keep + rows, key=lambda r: id_order(r["id"])))
        meta = lib.table("claims_meta")  # contradictions between pages: the new claims against every page's
        last = meta.all()
        meta.truncate()
        meta.insert({**(last[0] if last else {}), "contradictions": conflicts})
    return rows


def pages_summary(lib: Library) -> list[dict[str, Any]]:
    """Every page of the library with its name and how many of its claims are reviewed."""
    from .store import stored_claims

    catalogue = read_catalogue(lib.root)
    try:
        rows = stored_claims(lib)
    except NotFound:  # not linked yet
        rows = []
    out = []
    for doc_id, meta in sorted(catalogue["documents"].items()):
        mine = [r for r in rows if r["document"] == doc_id]
        out.append(
            {
                "document": doc_id,
                "name": describe(doc_id, meta),
                **{k: meta.get(k, "") for k in ("title", "clinic", "url", "accessed")},
                "claims": len(mine),
                "reviewed": sum(1 for r in mine if r.get("reviewed")),
                "claims_reviewed": sum(1 for r in mine if r.get("claim_reviewed")),
            }
        )
    return out


_DOC_ID = re.compile(r"^\d{3}$")


def resolve_document(root: Path, ident: str) -> str:
    """A document by its number, URL or (part of its) title."""
    docs = read_catalogue(root)["documents"]
    if _DOC_ID.match(ident) and ident in docs:
        return ident
    for doc_id, d in docs.items():
        if _url_key(d.get("url", "")) and _url_key(d["url"]) == _url_key(ident):
            return doc_id
    hits = [doc_id for doc_id, d in docs.items() if ident.lower() in (d.get("title") or "").lower()]
    if len(hits) == 1:
        return hits[0]
    known = "; ".join(f"{k}: {describe(k, v)}" for k, v in sorted(docs.items()))
    raise NotFound(f"no single document matches {ident!r} (give its number, URL or title; known: {known or 'none'})")
