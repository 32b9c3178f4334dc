"""Marketing pages (documents): read a page (text or HTML), keep it under ``sources/``, and name it everywhere by its
title, clinic, URL and date, never by its file name.

HTML is turned into text by trafilatura (main-content extraction: menus, cookie banners, sidebars, footers and
scripts are dropped; headings and list items are kept one per line). The page's title, canonical URL and site name
are taken from the HTML when the command line does not give them.

A page's entry in ``claims.toml`` (``[documents."NNN"]``): ``file``, ``title``, ``clinic``, ``url``, ``accessed``
(the date the page was read), ``format`` (text or html) and ``sha256`` of the text kept. Checking a page again
finds its entry by URL, else by identical text, else by title and clinic, and keeps its number.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import BadInput
from .catalogue import id_order, parse_catalogue

_HTML = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body|<meta|<!--)|<(?:p|div|article|li|h1|h2)[\s>]", re.I)


@dataclass
class PageText:
    text: str
    format: str  # text | html
    title: str = ""
    url: str = ""
    site: str = ""


def _decode(data: bytes, name: str) -> str:
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise BadInput(f"{name}: cannot read it as text (not UTF-8); save the page as UTF-8 and try again")


def is_html(data: bytes) -> bool:
    return bool(_HTML.search(data[:4096]))


def page_text(data: bytes, name: str = "page") -> PageText:
    """The readable text of a page, from plain text or HTML."""
    if not data.strip():
        raise BadInput(f"{name}: the page is empty")
    raw = _decode(data, name)
    if not is_html(data):
        return PageText(text=raw.replace("\r\n", "\n").replace("\r", "\n"), format="text")
    import trafilatura

    text = trafilatura.extract(
        raw, include_comments=False, include_tables=True, favor_recall=True, include_formatting=False
    )
    if not text or not text.strip():
        raise BadInput(f"{name}: no article text found in this HTML (is it the page itself, not a redirect?)")
    meta = trafilatura.extract_metadata(raw)
    title = (meta.title or "") if meta else ""
    url = (meta.url or "") if meta else ""
    site = (meta.sitename or "") if meta else ""
    return PageText(text=_blank_lines(text), format="html", title=title, url=url, site=site)


@dataclass
class Page:
    """A page as read, with what names it: what the command line gives, else what the HTML says (its title, canonical
    URL and site name), else its first line for the title and the address's host for the clinic."""

    text: str
    format: str
    title: str
    url: str
    clinic: str


def read_page(
    data: bytes, name: str = "page", title: str | None = None, url: str | None = None, clinic: str | None = None
) -> Page:
    """The page's text and names, as `ketalit check` and `ketalit claims extract` both read them."""
    pt = page_text(data, name)
    url = (url or pt.url or "").strip()
    host = urlsplit(url).netloc.removeprefix("www.") if "://" in url else ""
    return Page(
        text=pt.text,
        format=pt.format,
        title=(title or pt.title or first_heading(pt.text)).strip(),
        url=url,
        clinic=(clinic or pt.site or host).strip(),
    )


def read_source(page: str) -> tuple[bytes, str]:
    """The bytes of PAGE as given on the command line (a file, or - for stdin) and the name to report it by. Only a
    regular file is read: a named pipe, a device or a folder is refused rather than waited on."""
    from ..inputs import STDIN, read_input

    return read_input(page, page, "give - to read stdin"), "stdin" if page == STDIN else page


def _blank_lines(text: str) -> str:
    """trafilatura gives one line per paragraph; a blank line between paragraphs reads like a saved page."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if out and not (line.lstrip().startswith("- ") and out[-1].lstrip().startswith("- ")):
            out.append("")
        out.append(line)
    return "\n".join(out) + "\n"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def first_heading(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""


def describe(doc_id: str, doc: dict[str, Any]) -> str:
    """How a document is named for people: title, clinic, URL, date (never the file name)."""
    parts = [doc.get("title") or f"document {doc_id}"]
    if doc.get("clinic"):
        parts.append(doc["clinic"])
    parts.append(doc.get("url") or "URL not recorded")
    if doc.get("accessed"):
        parts.append(f"read {doc['accessed']}")
    return ", ".join(parts)


# -- the documents of a library (claims.toml) --------------------------------------------------------------------------

CATALOGUE_HEADER = """\
# ketalit claims catalogue: what `ketalit check` found in each marketing page under sources/.
#
# Written by `ketalit check` (do not edit by hand: correct a claim with `ketalit claims edit`, `claims remove` or
# `claims add`, which keep who decided what and when, and survive checking the page again).
# [documents."NNN"]: the page's title, clinic, URL, the date it was read, the file its text is kept in, and the
# last claim number given out (numbers are never reused).
# [[claim]]: id (document-number), exact quote with character offsets [start, end) into the page's text, the
# lead-in of a list item (with its offsets), and the normalised proposition: kind, routes, outcomes and settings
# (vocabulary ids), direction, polarity, regimen, comparator, severity, exposure, measure (onset_minutes or
# duration_days, both ends), the topic (claims of two pages on one topic are checked for contradictions), the words
# searched for, a one-line assertion, and why (which rule, which words).
"""


def read_catalogue(root: Path) -> dict[str, Any]:
    """claims.toml as data (documents and claims), or an empty catalogue."""
    from .._compat import tomllib

    path = Path(root) / "claims.toml"
    if not path.exists():
        return {"documents": {}, "claim": []}
    try:
        data = parse_catalogue(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise BadInput(f"{path}: not valid TOML ({exc})") from exc
    data.setdefault("documents", {})
    data.setdefault("claim", [])
    return data


def write_catalogue(root: Path, data: dict[str, Any]) -> None:
    import tomli_w

    from ..library.storage import atomic_write_bytes

    def clean(d: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in d.items() if v is not None}

    out = {
        "documents": {k: clean(v) for k, v in sorted(data["documents"].items())},
        "claim": [clean(c) for c in sorted(data["claim"], key=lambda c: id_order(c["id"]))],
    }
    text = CATALOGUE_HEADER + "\n" + tomli_w.dumps(out, multiline_strings=False)
    atomic_write_bytes(Path(root) / "claims.toml", text.encode("utf-8"))


def documents(root: Path) -> dict[str, dict[str, Any]]:
    return read_catalogue(root)["documents"]


def last_claim_number(lib: Any, catalogue: dict[str, Any], document: str) -> int:
    """The highest claim number ever given out in a document (by `check` or a reviewer): numbers are not reused."""
    from .review import reviews

    used = [int(c["id"].split("-")[1]) for c in catalogue["claim"] if c["id"].startswith(f"{document}-")]
    used += [int(r["claim"].split("-")[1]) for r in reviews(lib) if r.get("claim", "").startswith(f"{document}-")]
    used.append(int(catalogue["documents"].get(document, {}).get("last_claim", 0)))
    return max(used)


def next_claim_id(lib: Any, document: str) -> str:
    return f"{document}-{last_claim_number(lib, read_catalogue(lib.root), document) + 1:02d}"
