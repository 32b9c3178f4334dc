"""What the quicker paths must keep: linking again with nothing changed rewrites no file of records and gives the same
claims; a vocabulary pattern that does not compile is still refused when the vocabulary loads, though patterns are
compiled only when tagging needs them; record text prints as written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ketalit import api
from ketalit.errors import BadInput
from ketalit.library import Library
from ketalit.tagging.vocabulary import load_vocabulary

from conftest import ROOT, run_cli, store_as_is


def _claims(lib: Library) -> list[dict]:
    return [dict(r) for r in Library.open(lib.root).table("claims").all()]


def test_linking_again_rewrites_no_record_file_and_gives_the_same_claims(tmp_path: Path, linked_library: Path) -> None:
    root = tmp_path / "library"  # the shipped library, linked once already
    shutil.copytree(linked_library, root, ignore=shutil.ignore_patterns("*.lock", ".index"))
    lib = api.open_library(root)
    before = Library.open(root).shard_generations()
    first = _claims(lib)
    api.link_claims(api.open_library(root))
    assert Library.open(root).shard_generations() == before  # the findings read the first time are kept, not re-read
    assert _claims(lib) == first
    from ketalit.claims.store import link_state

    assert link_state(Library.open(root))["stale"] is False


def test_linking_again_judges_only_the_records_that_changed(
    tmp_path: Path, linked_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A relink takes each record's judgement on each claim from the last link (kept in the index folder) unless
    the record changed: with nothing changed it reads no record's stance again and gives the same claims; after
    one record's title is corrected, that record alone is judged again."""
    from ketalit.claims import link
    from ketalit.curation import edit_record

    root = tmp_path / "library"  # the shipped library, linked once already, with what that link kept
    shutil.copytree(linked_library, root, ignore=shutil.ignore_patterns("*.lock"))
    first = _claims(Library.open(root))
    judged: list[tuple[str, str]] = []  # (claim, record) whose stance was read
    candidates: set[tuple[str, str]] = set()  # (claim, record) whose evidence was made, read or kept
    stance, evidence = link.stance_of, link.evidence_for

    def stance_of(claim, rec, reading):
        judged.append((claim.id, rec["citekey"]))
        return stance(claim, rec, reading)

    def evidence_for(claim, rec, *args):
        candidates.add((claim.id, rec["citekey"]))
        return evidence(claim, rec, *args)

    monkeypatch.setattr(link, "stance_of", stance_of)
    monkeypatch.setattr(link, "evidence_for", evidence_for)
    api.link_claims(api.open_library(root))
    assert candidates and judged == []
    assert _claims(Library.open(root)) == first
    before = set(candidates)
    cited = next(e["citekey"] for row in first for e in row["evidence"] if e["stance"] != "neutral")
    edit_record(Library.open(root), cited, [f"title={Library.open(root).find(cited)['title']} (corrected)"])
    api.link_claims(api.open_library(root))
    assert {key for _, key in judged} >= {cited}
    # a record judged again for a claim it was judged for before is the one corrected (the new title may make
    # other records candidates of a claim for the first time)
    assert {key for claim_id, key in judged if (claim_id, key) in before} == {cited}


def test_a_kept_judgement_is_read_only_by_the_engine_that_made_it(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The judgements a link keeps are for the engine's code, data and year that made them: another engine reads
    none of them, and a damaged file counts as none."""
    from ketalit.claims import judged

    kept = judged.Judgements(lib)
    kept.put("claim:record", {"stance": "supports", "rationale": [2]})
    kept.save(keep_unused=False)
    assert judged.Judgements(lib).get("claim:record") == {"stance": "supports", "rationale": [2]}
    monkeypatch.setattr(judged, "engine_version", lambda: "another engine")
    assert judged.Judgements(lib).get("claim:record") is None
    monkeypatch.undo()
    (lib.root / ".index" / judged.FILE).write_bytes(b"not what was written")
    assert judged.Judgements(lib).get("claim:record") is None


def test_a_pattern_that_does_not_compile_is_refused_when_the_vocabulary_loads(tmp_path: Path) -> None:
    text = (ROOT / "src" / "ketalit" / "data" / "vocabulary.toml").read_text(encoding="utf-8")
    bad = tmp_path / "vocabulary.toml"
    bad.write_text(text.replace("[route.intranasal]\n", "[route.intranasal]\nself_patterns = ['(unclosed']\n", 1))
    assert bad.read_text() != text
    with pytest.raises(BadInput, match=r"route\.intranasal.*does not compile"):
        load_vocabulary(bad)


def test_tagging_with_lazily_compiled_patterns_finds_the_route(lib: Library) -> None:
    from ketalit.tagging.tagger import default_tagger

    rec = default_tagger().apply({"title": "Intranasal ketamine for acute pain", "abstract": []})
    assert "intranasal" in rec["tags"]["route"]


@pytest.mark.e2e
def test_record_text_prints_as_written_not_as_emoji(runner, lib: Library) -> None:
    store_as_is(lib, [{"pmid": "1", "title": "Ketamine :pill: or :smile: for pain", "year": 2020}])
    res = run_cli(runner, lib.root, "show", "1")
    assert res.exit_code == 0, res.output
    assert ":pill: or :smile:" in res.output


def test_every_match_of_every_vocabulary_pattern_contains_one_of_its_required_literals() -> None:
    """A pattern is not run on a text lacking its required literals: sound only if no match could lack them. Checked
    on the text of every shipped record, pattern by pattern, with the regex run regardless."""
    from ketalit.tagging.patterns import required_literals
    from ketalit.tagging.tagger import _fields, default_vocabulary

    vocab = default_vocabulary()
    matchers = [
        m for tags in vocab.tags.values() for td in tags for m in (*td.regexes, *td.title_regexes, *td.self_regexes)
    ]
    assert sum(bool(m.needles) for m in matchers) > len(matchers) // 2  # most patterns have some
    fields = [f for _, r in Library.open(ROOT / "library").iter_records() for f in _fields(r)]
    checked = 0
    for m in matchers:
        for _name, _label, text, lowered in fields if m.needles else ():
            for hit in m.regex.finditer(text if m.case_sensitive else lowered):
                checked += 1
                assert any(n in hit.group(0) for n in m.needles), (m.regex.pattern, hit.group(0), m.needles)
    assert checked > 1000
    assert required_literals(r"(?:level|degree) of sedation\b") == ("degree of sedation", "level of sedation")
    assert required_literals(r"opioids? (?:consumption|requirements?)") == (
        "opioid consumption",
        "opioid requirement",  # "opioid requirements" contains it
        "opioids consumption",
        "opioids requirement",
    )
    assert required_literals(r"(?i)sedation") == ()  # a flag changes what literals match: none claimed
    assert required_literals(r"x+y") == ()  # single characters are not worth a check


def test_tags_with_the_literal_index_equal_the_tags_without_it() -> None:
    from ketalit.tagging.tagger import Tagger, default_tagger, default_vocabulary

    plain = Tagger(default_vocabulary(), prefilter=False)
    assert plain.literals is None and default_tagger().literals is not None
    records = [r for _, r in Library.open(ROOT / "library").iter_records()]
    assert len(records) > 200
    keep = ("tags", "tag_reasons", "comparator_routes")
    for rec in records:
        fast, slow = default_tagger().apply(rec), plain.apply(rec)
        assert {k: fast[k] for k in keep} == {k: slow[k] for k in keep}, rec.get("pmid")


def test_a_library_no_longer_used_is_freed_at_once(shipped_copy: Path) -> None:
    """A library dropped (its records, claims and tables read) is freed when its last reference goes, not left for
    the cyclic garbage collector, which would walk every record and claim it had loaded first."""
    import gc
    import weakref

    lib = Library.open(shipped_copy)
    assert lib.records() and lib.table("claims").all() and lib.find("19604642")
    gone = weakref.ref(lib)
    was = gc.isenabled()
    gc.disable()
    try:
        del lib
        assert gone() is None
    finally:
        if was:
            gc.enable()
