"""Round 55 (in-sample, from the fiftieth set): a page that gives ketamine a short name ("subdissociative-dose
ketamine (SDK)") goes on to claim things of SDK ("At 15 minutes after it was given, SDK relieved pain more than
morphine did"), and those sentences were not read as about ketamine: the emergency pharmacist's review (p291) lost 11
of its 13 claims. A short name defined for ketamine on the page names ketamine in every sentence of that page.
"""

from __future__ import annotations

from ketalit.claims.extract import abbreviations

from conftest import readings

DEFINED = "Subdissociative-dose ketamine (SDK) is given as a slow intravenous infusion in the emergency department."
FASTER = "At 15 minutes, SDK relieved pain more than morphine did."
OPTION = "Even so, SDK may be regarded as an effective option for managing pain in older patients."


def test_a_short_name_the_page_gives_ketamine_names_ketamine() -> None:
    quotes = list(readings("Ketamine in the emergency department", DEFINED, FASTER, OPTION))
    assert FASTER in quotes and OPTION in quotes, quotes


def test_a_short_name_names_ketamine_only_on_the_page_that_defines_it() -> None:
    quotes = list(
        readings(
            "Ketamine in the emergency department",
            "Ketamine is given as a slow intravenous infusion in the emergency department.",
            FASTER,
            OPTION,
        )
    )
    assert FASTER not in quotes, quotes


def test_only_a_short_name_of_ketamine_is_read_as_one() -> None:
    assert abbreviations("low-dose ketamine (LDK), ketamine infusion therapy (KIT)") == ("KIT", "LDK")
    # a route, or a name with no K in it, is not a name for ketamine
    assert abbreviations("ketamine (IV), ketamine (NMDA antagonist), ketamine (PCA)") == ()
