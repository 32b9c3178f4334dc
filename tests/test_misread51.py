"""Round 51 (in-sample, from the forty-sixth set): a span of use of forty years or more is ketamine's history ("For
more than half a century, doctors have mostly given it as an anaesthetic during operations" was read as an effect on
nothing, not checkable), and having "existed" or been "established" over a span is being in use over it ("The drug has
existed for nearly fifty years" was insufficient, "existed" a word no record states).
"""

from __future__ import annotations

from conftest import page_claims_fixture

HALF_CENTURY = "For more than half a century, doctors have mostly given it as an anaesthetic during operations."
EXISTED = "The drug has existed for nearly fifty years."
ESTABLISHED = "Ketamine has been an established medicine for half a century."
# guards: an age is no span of use; a span the claim gives in other words is read as before
OLDER = "In patients over 50 years of age, ketamine relieved pain after surgery."
PROCEDURES = "For many years ketamine has served as an anesthetic during medical procedures."

claims = page_claims_fixture(
    "\n\n".join(["Ketamine: a short history", HALF_CENTURY, EXISTED, ESTABLISHED, PROCEDURES]),
    "Ketamine: a short history",
)


def test_a_span_of_half_a_century_is_history_and_supported(claims: dict[str, dict]) -> None:
    c = claims[HALF_CENTURY]
    assert c["kind"] == "history", c
    assert c["verdict"] == "supported", c["explanation"]
    assert "'used for decades'" in c["explanation"] and "'used as an anaesthetic'" in c["explanation"]


def test_existing_or_established_over_a_span_is_use_over_it(claims: dict[str, dict]) -> None:
    for sentence in (EXISTED, ESTABLISHED):
        c = claims[sentence]
        assert c["kind"] == "history", c
        assert c["verdict"] == "supported", c["explanation"]
        assert "besides them" not in c["explanation"], c["explanation"]


def test_a_span_given_otherwise_is_read_as_before(claims: dict[str, dict]) -> None:
    assert claims[PROCEDURES]["kind"] == "history"
    assert claims[PROCEDURES]["verdict"] == "supported", claims[PROCEDURES]["explanation"]


def test_an_age_over_fifty_is_not_a_span_of_use() -> None:
    from ketalit.claims.check import page_claims

    (only,) = [n for c, n in page_claims(f"Ketamine after surgery\n\n{OLDER}\n", title="Ketamine after surgery")]
    assert only.kind == "efficacy", only
