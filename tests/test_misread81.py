"""Round 81 (in-sample, from the sixty-sixth set): the list item "A feeling of leaving the body" under "Possible side
effects of ketamine infusions include:" named no harm the rules knew, so it was side effects in general, weighed on
records that name it (none do) and `insufficient`. Leaving the body is an out-of-body experience, a dissociative
effect ([normalise.outcome_words] psychotomimetic, as "out-of-body" already was), and the two are one harm in lay and
clinical words ([harm] synonyms in weighing.toml).
"""

from __future__ import annotations

from ketalit.claims.weighing import harm_synonym_words

from conftest import readings

TITLE = "Ketamine infusion therapy"
LEAD = "Possible side effects of ketamine infusions include:"


def test_leaving_the_body_is_a_dissociative_effect() -> None:
    r = readings(TITLE, f"{LEAD}\n\n- A feeling of leaving the body\n- Nausea")
    got = {q.split(": ", 1)[-1]: n for q, n in r.items()}
    item = next(n for q, n in got.items() if "leaving the body" in q)
    assert item.kind == "side_effect" and item.outcomes == ["psychotomimetic"], (item.kind, item.outcomes)
    nausea = next(n for q, n in got.items() if q.startswith("Nausea"))
    assert nausea.outcomes == ["nausea_vomiting"], nausea.outcomes  # guard: another item keeps its own harm


def test_an_out_of_body_experience_is_searched_for_by_its_other_words() -> None:
    assert any("out" in w and "body" in w for w in harm_synonym_words("A feeling of leaving the body"))
