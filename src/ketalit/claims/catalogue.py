"""The claims catalogue: a reviewed TOML data file of claims with exact quotes and offsets into their sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._compat import tomllib
from ..errors import KetalitError

KINDS = (
    "efficacy",
    "onset",
    "duration",
    "safety",
    "side_effect",
    "mechanism",
    "dependence",
    "comparative",
    "dosing",
    "history",
)
CATALOGUE = "claims.toml"


@dataclass
class Claim:
    id: str
    document: str
    file: str
    quote: str
    start: int
    end: int
    kind: str
    routes: list[str]
    outcomes: list[str]
    settings: list[str]
    assertion: str
    polarity: str = "positive"
    lead_in: str = ""
    lead_start: int | None = None
    lead_end: int | None = None
    measure: dict[str, Any] | None = None
    topic: str = ""
    terms: str = ""
    checkable: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The claim as a reader understands it: a list item together with its lead-in."""
        return f"{self.lead_in} {self.quote}".strip() if self.lead_in else self.quote

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document,
            "file": self.file,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "lead_in": self.lead_in,
            "lead_start": self.lead_start,
            "lead_end": self.lead_end,
            "kind": self.kind,
            "routes": self.routes,
            "outcomes": self.outcomes,
            "settings": self.settings,
            "assertion": self.assertion,
            "polarity": self.polarity,
            "measure": self.measure,
            "topic": self.topic,
            "checkable": self.checkable,
        }


def load_catalogue(library_root: Path, verify: bool = True) -> list[Claim]:
    """Read ``claims.toml`` of a library; with ``verify``, check every quote against its source file."""
    path = Path(library_root) / CATALOGUE
    if not path.exists():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise KetalitError(f"{path}: not valid TOML ({exc})") from exc
    docs = data.get("documents", {})
    texts: dict[str, str] = {}
    claims = []
    for item in data.get("claim", []):
        cid = item["id"]
        doc = cid.split("-")[0]
        if doc not in docs:
            raise KetalitError(f'{path}: claim {cid}: no [documents."{doc}"] entry')
        if item.get("kind") not in KINDS:
            raise KetalitError(f"{path}: claim {cid}: kind {item.get('kind')!r} is not one of {', '.join(KINDS)}")
        claim = Claim(
            id=cid,
            document=doc,
            file=docs[doc]["file"],
            quote=item["quote"],
            start=item["start"],
            end=item["end"],
            kind=item["kind"],
            routes=item.get("routes", []),
            outcomes=item.get("outcomes", []),
            settings=item.get("settings", []),
            assertion=item.get("assertion", ""),
            polarity=item.get("polarity", "positive"),
            lead_in=item.get("lead_in", ""),
            lead_start=item.get("lead_start"),
            lead_end=item.get("lead_end"),
            measure=item.get("measure"),
            topic=item.get("topic", ""),
            terms=item.get("terms", ""),
            checkable=item.get("checkable", True),
        )
        if verify:
            if doc not in texts:
                texts[doc] = (Path(library_root) / docs[doc]["file"]).read_text(encoding="utf-8")
            text = texts[doc]
            if text[claim.start : claim.end] != claim.quote:
                raise KetalitError(
                    f"{path}: claim {cid}: the quote is not at {claim.start}..{claim.end} of "
                    f"{docs[doc]['file']} (was the source edited?)"
                )
            if claim.lead_in and text[claim.lead_start : claim.lead_end] != claim.lead_in:
                raise KetalitError(f"{path}: claim {cid}: the lead-in is not at its offsets")
        claims.append(claim)
    return claims
