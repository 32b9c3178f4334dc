"""Screening: decisions by stage and reviewer, conflicts between reviewers, their resolution, and agreement (kappa).

Every decision is one ``ScreeningDecision`` row: which record, at which stage, by whom, what, why, when. A reviewer
has one decision per record and stage (screening again replaces it). The *final* decision of a record at a stage is
a resolution if there is one, else the reviewers' common decision, else ``conflict``. All reads and writes of
decisions go through this module (they live in the library's ``screening`` table today), so the storage below can
change without touching the callers.

The record itself carries a summary of its screening (``record["screening"]``: the final decision at the furthest
stage reached) for display, search and exports; it is refreshed whenever the record's decisions change.
"""

from __future__ import annotations

import getpass
import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any, TypedDict

from tinydb import Query

from .errors import BadInput, NotFound
from .library import Library
from .lookup import find_record
from .records import now_iso

DECISIONS = ("include", "exclude", "maybe")
STATUSES = (*DECISIONS, "conflict", "unscreened")
TABLE = "screening"


class ScreeningDecision(TypedDict):
    record: int  # the record's id in the library
    stage: str  # title_abstract | full_text
    reviewer: str
    decision: str  # include | exclude | maybe
    reason: str
    at: str  # ISO 8601, UTC
    resolution: bool  # True: a decision that settles the reviewers' conflict at this stage


class StageStatus(TypedDict):
    decision: str  # include | exclude | maybe | conflict
    reason: str
    reviewers: list[str]


# -- configuration -----------------------------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _load_config(path: str | None) -> dict[str, Any]:
    from ._compat import tomllib  # here: the TOML parser costs every command's start-up when imported at the top

    if path is None:
        raw = resources.files("ketalit").joinpath("data/screening.toml").read_bytes()
        source = "ketalit/data/screening.toml"
    else:
        from .inputs import read_input

        raw, source = read_input(path, path, stdin=False), path
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BadInput(f"{source}: not valid TOML ({exc}); fix the file") from exc
    if not isinstance(data.get("reasons"), list) or not isinstance(data.get("stages"), list):
        raise BadInput(f"{source}: needs `stages = [...]` and `reasons = [...]`")
    return data


def config(lib: Library) -> dict[str, Any]:
    """The library's screening.toml if it has one, else the default (stages and exclusion reasons)."""
    own = lib.root / "screening.toml"
    return _load_config(str(own) if own.exists() else None)


def stages(lib: Library) -> list[str]:
    return list(config(lib)["stages"])


def reasons(lib: Library) -> list[str]:
    return list(config(lib)["reasons"])


def check_stage(lib: Library, stage: str) -> None:
    if stage not in stages(lib):
        raise BadInput(f"unknown stage {stage!r}; stages: {', '.join(stages(lib))}", options=("stage",))


def default_reviewer() -> str:
    """$KETALIT_REVIEWER, else the login name."""
    name = os.environ.get("KETALIT_REVIEWER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "reviewer"


# -- reading -----------------------------------------------------------------------------------------------------------


def _as_decision(row: dict[str, Any]) -> ScreeningDecision:
    return ScreeningDecision(
        record=int(row["record"]),
        stage=row["stage"],
        reviewer=row.get("reviewer") or "",
        decision=row["decision"],
        reason=row.get("reason") or "",
        at=row.get("at") or "",
        resolution=bool(row.get("resolution")),
    )


def decisions(lib: Library, record: int | None = None, stage: str | None = None) -> list[ScreeningDecision]:
    """Every stored decision (of one record, at one stage), oldest first."""
    rows = [_as_decision(r) for r in lib.table(TABLE).all() if record is None or int(r["record"]) == record]
    rows += _legacy(lib, {r["record"] for r in rows}, record)
    return [r for r in rows if (record is None or r["record"] == record) and (stage is None or r["stage"] == stage)]


def _legacy(lib: Library, seen: set[int], record: int | None = None) -> list[ScreeningDecision]:
    """Libraries made before stages and reviewers kept one decision on the record: read it as a title/abstract
    decision by an unnamed reviewer (of every record, or of ``record`` alone)."""
    out = []
    every: Iterable[tuple[int, dict[str, Any]]]
    if record is None:
        every = lib.user_fields().items()
    else:  # one record's: not every record's user fields gathered, once per decision of a screening session
        own = lib.user_fields_of(record)
        every = [(record, own)] if own else []
    for doc_id, fields in every:
        s = fields.get("screening")
        if s and doc_id not in seen and "stage" not in s and s.get("decision") in DECISIONS:
            out.append(
                ScreeningDecision(
                    record=doc_id,
                    stage="title_abstract",
                    reviewer="",
                    decision=s["decision"],
                    reason=s.get("reason") or "",
                    at=s.get("at") or "",
                    resolution=False,
                )
            )
    return out


def stage_status(rows: Iterable[ScreeningDecision]) -> StageStatus | None:
    """The final decision at one stage from that stage's rows (of one record)."""
    rows = sorted(rows, key=lambda r: r["at"])
    if not rows:
        return None
    resolutions = [r for r in rows if r["resolution"]]
    votes = {r["reviewer"]: r for r in rows if not r["resolution"]}  # the latest per reviewer
    reviewers = sorted(votes)
    if resolutions:
        last = resolutions[-1]
        return StageStatus(decision=last["decision"], reason=last["reason"], reviewers=reviewers)
    kinds = {v["decision"] for v in votes.values()}
    if len(kinds) == 1:
        decision = kinds.pop()
        why = "; ".join(dict.fromkeys(v["reason"] for v in votes.values() if v["reason"]))
        return StageStatus(decision=decision, reason=why, reviewers=reviewers)
    return StageStatus(decision="conflict", reason="", reviewers=reviewers)


def record_stages(lib: Library) -> dict[int, dict[str, StageStatus]]:
    """For every screened record: its final decision at each stage it has decisions for."""
    by: dict[int, dict[str, list[ScreeningDecision]]] = defaultdict(lambda: defaultdict(list))
    for d in decisions(lib):
        by[d["record"]][d["stage"]].append(d)
    out: dict[int, dict[str, StageStatus]] = {}
    for rec_id, per_stage in by.items():
        out[rec_id] = {st: s for st, rows in per_stage.items() if (s := stage_status(rows)) is not None}
    return out


def summary(per_stage: dict[str, StageStatus], stage_order: list[str]) -> dict[str, Any] | None:
    """A record's screening in one line: the final decision at the furthest stage it reached."""
    reached = [s for s in stage_order if s in per_stage] or sorted(per_stage)
    if not reached:
        return None
    stage = reached[-1]
    st = per_stage[stage]
    return {"stage": stage, "decision": st["decision"], "reason": st["reason"], "reviewers": st["reviewers"]}


def statuses(lib: Library) -> dict[int, dict[str, Any]]:
    """Every screened record's summary (see ``summary``), plus the reviewers who screened it at any stage."""
    order = stages(lib)
    by_record: dict[int, set[str]] = defaultdict(set)
    for d in decisions(lib):
        if not d["resolution"]:
            by_record[d["record"]].add(d["reviewer"])
    out = {}
    for rec_id, per_stage in record_stages(lib).items():
        s = summary(per_stage, order)
        if s is not None:
            s["reviewers"] = sorted(by_record[rec_id])
            out[rec_id] = s
    return out


# -- writing -----------------------------------------------------------------------------------------------------------


def _check(lib: Library, decision: str, reason: str, stage: str) -> None:
    if decision not in DECISIONS:
        raise BadInput(f"screening decision must be include, exclude or maybe, not {decision!r}")
    check_stage(lib, stage)
    if decision == "exclude" and not reason.strip():
        raise BadInput(
            "an exclusion needs a reason, e.g. reason 'wrong population' (PRISMA reports reasons; "
            "`ketalit screen reasons` lists them)",
            options=("reason",),
        )
    if reason and reason not in reasons(lib):
        raise BadInput(
            f"unknown reason {reason!r}; use one of: {', '.join(reasons(lib))} "
            f"(or list your own in {lib.root / 'screening.toml'})"
        )


def refresh_summary(lib: Library, doc_id: int) -> None:
    """Recompute the screening summary stored on the record (inside a transaction)."""
    rec = lib.record(doc_id)
    mine = decisions(lib, record=doc_id)  # read once: each read goes through every decision of the library
    per_stage = {}
    for st in stages(lib):
        s = stage_status([d for d in mine if d["stage"] == st])
        if s is not None:
            per_stage[st] = s
    brief = summary(per_stage, stages(lib))
    if brief is not None:
        brief["at"] = max((d["at"] for d in mine), default="")
    rec["screening"] = brief
    lib.put(doc_id, rec)


def _write(lib: Library, row: ScreeningDecision, replace: bool) -> None:
    q = Query()
    table = lib.table(TABLE)
    if replace:
        table.remove(
            (q.record == row["record"])
            & (q.stage == row["stage"])
            & (q.reviewer == row["reviewer"])
            & (q.resolution == row["resolution"])
        )
    table.insert(dict(row))


def _migrate_legacy(lib: Library, doc_id: int) -> None:
    """Move a pre-stages decision off the record into the table before the record's decisions change."""
    for old in _legacy(lib, set(), doc_id):
        if old["record"] == doc_id:
            lib.table(TABLE).insert(dict(old))


def screen(
    lib: Library,
    ident: str,
    decision: str,
    reason: str = "",
    stage: str = "title_abstract",
    reviewer: str | None = None,
) -> ScreeningDecision:
    """Record one reviewer's decision on one record at one stage (replacing that reviewer's earlier one)."""
    return _decide(lib, ident, decision, reason, stage, reviewer, resolution=False)


def _decide(
    lib: Library, ident: str, decision: str, reason: str, stage: str, reviewer: str | None, resolution: bool
) -> ScreeningDecision:
    reason = reason.strip()
    _check(lib, decision, reason, stage)
    with lib.transaction():
        rec = find_record(lib, ident)
        if resolution and stage_status(decisions(lib, record=rec["_id"], stage=stage)) is None:
            raise NotFound(f"{ident}: nobody has screened it at {stage}; nothing to resolve")
        if not resolution and not lib.table(TABLE).search(Query().record == rec["_id"]):
            _migrate_legacy(lib, rec["_id"])
        row = ScreeningDecision(
            record=rec["_id"],
            stage=stage,
            reviewer=reviewer if reviewer is not None else default_reviewer(),
            decision=decision,
            reason=reason,
            at=now_iso(),
            resolution=resolution,
        )
        _write(lib, row, replace=not resolution)  # a reviewer's new decision replaces their last; resolutions add up
        refresh_summary(lib, rec["_id"])
    return row


def conflicts(lib: Library, stage: str | None = None) -> list[dict[str, Any]]:
    """Records on which the reviewers disagree at a stage and that nobody has resolved, with every vote."""
    out = []
    for rec_id, per_stage in sorted(record_stages(lib).items()):
        for st, s in per_stage.items():
            if s["decision"] != "conflict" or (stage and st != stage):
                continue
            votes = {d["reviewer"]: d for d in decisions(lib, record=rec_id, stage=st) if not d["resolution"]}
            rec = lib.record(rec_id)
            out.append(
                {
                    "record": rec_id,
                    "id": rec.get("pmid") or rec.get("doi") or rec.get("citekey"),
                    "title": rec.get("title") or "",
                    "stage": st,
                    "votes": [
                        {"reviewer": r, "decision": v["decision"], "reason": v["reason"]}
                        for r, v in sorted(votes.items())
                    ],
                }
            )
    return out


def resolve(
    lib: Library,
    ident: str,
    decision: str,
    reason: str = "",
    stage: str = "title_abstract",
    reviewer: str | None = None,
) -> ScreeningDecision:
    """Settle a conflict: a resolution is the record's final decision at that stage, whatever the votes."""
    return _decide(lib, ident, decision, reason, stage, reviewer, resolution=True)


def forget(lib: Library, doc_ids: Iterable[int]) -> None:
    """Drop the decisions on records that leave the library (inside a transaction)."""
    gone = set(doc_ids)
    lib.table(TABLE).remove(Query().record.one_of(list(gone)))


def move(lib: Library, source: int, target: int) -> None:
    """Give ``source``'s decisions to ``target`` (merging duplicates; inside a transaction). Where both have a
    decision by the same reviewer at the same stage, the later one is kept."""
    q = Query()
    _migrate_legacy(lib, source)
    _migrate_legacy(lib, target)
    table = lib.table(TABLE)
    mine = {(d["stage"], d["reviewer"], d["resolution"]): d for d in decisions(lib, record=target)}
    for d in decisions(lib, record=source):
        key = (d["stage"], d["reviewer"], d["resolution"])
        if key in mine and not d["resolution"]:
            if mine[key]["at"] >= d["at"]:
                continue
            table.remove((q.record == target) & (q.stage == d["stage"]) & (q.reviewer == d["reviewer"]))
        table.insert(dict(d, record=target))
    table.remove(q.record == source)


# -- agreement ---------------------------------------------------------------------------------------------------------


def cohen_kappa(a: list[str], b: list[str]) -> float | None:
    """Cohen's kappa of two raters' labels on the same items; None when it is undefined (no items, or both raters
    gave one and the same label to everything: chance agreement is then 1)."""
    n = len(a)
    if n == 0 or n != len(b):
        return None
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def agreement(lib: Library) -> list[dict[str, Any]]:
    """Cohen's kappa for every pair of reviewers at every stage, over the records both of them screened."""
    votes: dict[str, dict[str, dict[int, str]]] = defaultdict(lambda: defaultdict(dict))
    for d in sorted(decisions(lib), key=lambda d: d["at"]):
        if not d["resolution"]:
            votes[d["stage"]][d["reviewer"]][d["record"]] = d["decision"]
    out = []
    for st in stages(lib):
        names = sorted(votes.get(st, {}))
        for i, ra in enumerate(names):
            for rb in names[i + 1 :]:
                common = sorted(set(votes[st][ra]) & set(votes[st][rb]))
                if not common:
                    continue
                a = [votes[st][ra][r] for r in common]
                b = [votes[st][rb][r] for r in common]
                k = cohen_kappa(a, b)
                out.append(
                    {
                        "stage": st,
                        "reviewers": [ra, rb],
                        "records": len(common),
                        "agreement": round(sum(x == y for x, y in zip(a, b, strict=True)) / len(common), 4),
                        "kappa": None if k is None else round(k, 4),
                    }
                )
    return out
