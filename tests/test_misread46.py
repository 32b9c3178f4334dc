"""Round 46: the forty-first and forty-second sets' wrong claims and wrong `supported`, read for their general cause
once they were measured (in-sample since).

- A blog post's byline, date and reading time, set as a list under its title ("- Written by Hyun Hong", "- 8 August
  2023", "- A two-minute read"), were each extracted as a claim that ketamine relieves back pain: a page's furniture is
  not a claim.
- A practice's "We hold our sessions in a supportive and safe therapeutic setting" got `supported` as a safety claim:
  where the clinic holds its sessions is its setting, not a property of the drug.
- "The only approved use of ketamine is as an anaesthetic for operations; it has no approval for chronic pain" got
  `supported` from records that say ketamine is an anaesthetic used for chronic pain: an approval is a regulator's act
  that abstracts do not establish, whether or not the sentence names the regulator; so is a drug schedule given by
  its number ("a schedule 4 (part 1) controlled drug" was `supported`).
- A hospital's inpatient protocol ("You will stay at the hospital for 6 days, with the infusion running continuously
  for 5 of them"; "your doctor will try to reach the optimal dose, then keep the infusion going for a further 2-3
  days"; "the infusion is slowly tapered off across 8-12 hours") was read as how long relief lasts and contradicted,
  and "no one available to see them home safely after the infusion" as a safety claim: how long it is given and who
  takes the patient home are the visit's logistics.
- "Reasons not to have it include blood pressure that is not under control, ..." was read as a denial of those harms
  and contradicted; "Every drug has side effects" and "you may receive a short-acting sedative if you need help to
  relax" were `supported` as side-effect claims; "It works in more than one way" was `supported` by any sentence with
  "one" in it.
- A pointer to a table ("Table 1 sets out the contraindications, side effects and monitoring parameters"), another
  drug by the name "opiates" or "anti-nausea drugs", advice that "would do well to call a doctor" and how side
  effects are handled were each `supported` or contradicted as claims about ketamine; so was whom infusions are
  "usually considered for".
- "It also does not lead to dependence or addiction in patients, as other medicines such as opioids do. So there is
  no potential for drug abuse.": the second sentence, with no subject of its own, was never read; it draws what
  follows from the first and is read with it.
"""

from __future__ import annotations

from conftest import page_claims_fixture

FURNITURE = ["Written by Hyun Hong", "8 August 2023", "A two-minute read"]
BY_MECHANISM = "By blocking NMDA receptors, ketamine eases nerve pain."
SETTING = "We hold our sessions in a supportive and safe therapeutic setting that lets people return slowly."
APPROVED = "The only approved use of ketamine is as an anaesthetic for operations; it has no approval for chronic pain."
SCHEDULE = "It is a schedule 4 (part 1) controlled drug."
STAY = [
    "You will stay at the hospital for 6 days, with the infusion running continuously for 5 of them.",
    'Over the first 2-3 days your doctor will try to reach the "optimal" dose, then keep the infusion going for a '
    "further 2-3 days.",
    "At the end, the infusion is slowly tapered off across 8-12 hours, followed by several hours of observation.",
    "You may receive a short-acting sedative if you need help to relax.",
]
HOME = "no one available to see them home safely after the infusion."
NOT_FOR = "Reasons not to have it include blood pressure that is not under control or unstable heart disease."
EVERY = 'Every drug has side effects, or the possibility of what are termed "adverse events."'
WAYS = "It works in more than one way."
ASIDES = [
    "Table 1 sets out the contraindications, side effects and monitoring parameters.",
    "Opiates often fail to control pain well enough, in patients who already take them.",
    "Preventive and anti-nausea drugs may help a patient, but they bring side effects nobody wants.",
    "Even so, a patient who has any of these side effects would do well to call a doctor straight away.",
    "Side effects are usually handled by giving a medicine for the side effect, or by lowering the dose.",
    "They are usually considered for patients who have already tried the usual treatments, such as medicines.",
]
SO = (
    "It also does not lead to dependence or addiction in patients, as other medicines such as opioids do.",
    "So there is no potential for drug abuse.",
)
STILL_CLAIMS = [
    "Relief from a five-day ketamine infusion can last for months.",
    "All medications can cause side effects, and ketamine is no exception: it can raise blood pressure.",
]
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
        "",
        SCHEDULE,
        "",
        "Inpatient",
        *(f"- {line}" for line in STAY),
        "",
        "You should not have it if you have:",
        f"- {HOME}",
        "",
        f"{NOT_FOR} {EVERY}",
        "",
        f"Ketamine is an unusual painkiller. {WAYS}",
        "",
        *(f"Ketamine can cause dizziness. {line}" for line in ASIDES),
        "",
        " ".join(STILL_CLAIMS),
        "",
        f"Ketamine acts quickly. {' '.join(SO)}",
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


def test_a_schedule_by_its_number_is_not_established_by_records(claims: dict[str, dict]) -> None:
    assert claims.get(SCHEDULE, {}).get("verdict") != "supported", claims.get(SCHEDULE)


def test_the_stay_and_the_course_of_an_infusion_are_not_claims(claims: dict[str, dict]) -> None:
    for line in [*STAY, HOME, NOT_FOR, EVERY, *ASIDES]:
        assert not any(line[:40] in quote for quote in claims), (line, sorted(claims))


def test_a_count_of_ways_is_not_stated_by_any_sentence_with_one(claims: dict[str, dict]) -> None:
    assert WAYS in claims, sorted(claims)
    assert claims[WAYS]["verdict"] != "supported", claims[WAYS]["explanation"]


def test_a_relief_that_lasts_and_a_harm_named_after_every_drug_are_still_claims(claims: dict[str, dict]) -> None:
    for line in STILL_CLAIMS:
        assert any(line[:40] in quote for quote in claims), (line, sorted(claims))


def test_a_consequence_with_no_subject_of_its_own_is_read_with_the_claim_before_it(claims: dict[str, dict]) -> None:
    assert " ".join(SO) in claims, sorted(claims)
    assert claims[" ".join(SO)]["proposition"]["direction"] == "does_not_cause", claims[" ".join(SO)]["proposition"]
