"""Round 46: the forty-first and forty-second sets' wrong claims and wrong `supported`, read for their general cause
once they were measured (in-sample since).

- A blog post's byline, date and reading time, set as a list under its title ("- Written by Hyun Hong", "- 8 August
  2023", "- A two-minute read"), were each extracted as a claim that ketamine relieves back pain: a page's furniture is
  not a claim.
- A practice's "We hold our sessions in a supportive and safe therapeutic setting" got `supported` as a safety claim:
  where the clinic holds its sessions is its setting, not a property of the drug.
- "The only approved use of ketamine is as an anaesthetic for operations; it has no approval for chronic pain" got
  `supported` from records that say ketamine is an anaesthetic used for chronic pain: an approval is a regulator's act
  that abstracts do not establish, whether or not the sentence names the regulator.
"""

from __future__ import annotations

from conftest import page_claims_fixture

FURNITURE = ["Written by Hyun Hong", "8 August 2023", "A two-minute read"]
BY_MECHANISM = "By blocking NMDA receptors, ketamine eases nerve pain."
SETTING = "We hold our sessions in a supportive and safe therapeutic setting that lets people return slowly."
APPROVED = "The only approved use of ketamine is as an anaesthetic for operations; it has no approval for chronic pain."
PAGE = "\n".join(
    [
        "Ketamine for Pain in the Lower Back",
        *(f"- {line}" for line in FURNITURE),
        "",
        f"For some chronic pain conditions, ketamine offers a distinctive way to manage the pain. {BY_MECHANISM}",
        "",
        SETTING,
        "",
        APPROVED,
    ]
)
claims = page_claims_fixture(PAGE, "Ketamine for Pain in the Lower Back")


def test_a_pages_byline_date_and_reading_time_are_not_claims(claims: dict[str, dict]) -> None:
    for line in FURNITURE:
        assert not any(line in quote for quote in claims), sorted(claims)


def test_a_sentence_opening_with_by_is_still_read(claims: dict[str, dict]) -> None:
    assert BY_MECHANISM in claims, sorted(claims)


def test_where_the_clinic_holds_its_sessions_is_not_a_claim(claims: dict[str, dict]) -> None:
    assert not any(quote.startswith("We hold our sessions") for quote in claims), sorted(claims)


def test_an_approval_is_not_established_by_records_of_use(claims: dict[str, dict]) -> None:
    c = claims[APPROVED]
    assert c["verdict"] != "supported", c["explanation"]
