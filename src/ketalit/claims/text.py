"""Reading abstracts as plain text: sentences, abbreviations, numbers and time expressions.

Pure functions over strings, no data files. Sentence splitting is a regular expression tuned for abstracts
(a library such as syntok is ten times slower and gains nothing on PubMed prose); abbreviations follow Schwartz
and Hearst (Pac Symp Biocomput 2003): a short form in parentheses is matched, letter by letter from the end,
against the words before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# A sentence ends at . ! or ? followed by space and a capital, digit or opening bracket, unless the word before
# the full stop is an abbreviation that does not end sentences.
_BOUNDARY = re.compile(r"[.!?](?=\s+[\"“(\[A-Z0-9])")
_NO_END = re.compile(
    r"(?:\b(?:vs|e\.g|i\.e|et al|al|approx|fig|figs|no|nos|dr|ca|cf|resp|incl|i\.v|i\.m|s\.c|p\.o|i\.n|min|max|"
    r"mo|yr|yrs|wk|wks|st|ref|refs|eq|vol|pp)|\b[A-Z])$",
    re.I,
)


def with_lead_in(lead_in: str, quote: str) -> str:
    """A claim as a reader understands it: a list item together with its lead-in."""
    return f"{lead_in} {quote}".strip() if lead_in else quote


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences of ``text`` (end exclusive, trailing space excluded)."""
    spans: list[tuple[int, int]] = []
    start = 0
    depth = 0
    last = 0
    for m in _BOUNDARY.finditer(text):
        # no boundary inside parentheses or brackets ("(P < .001. Data ...)" is rare; unbalanced text resets)
        seg = text[last : m.start()]
        depth += seg.count("(") + seg.count("[") - seg.count(")") - seg.count("]")
        last = m.start()
        if depth > 0:
            continue
        depth = 0
        before = text[start : m.start()]
        if _NO_END.search(before[-12:]) and not re.search(r"\d$", before):
            # "vs. Placebo" or "Fig. 2" are not ends; a single capital before the stop is an initial ("J. Pain")
            word = re.search(r"(\S+)$", before)
            if word and len(word.group(1)) <= 6:
                continue
        end = m.end()
        if text[start:end].strip():
            spans.append(_strip(text, start, end))
        start = end
    if text[start:].strip():
        spans.append(_strip(text, start, len(text)))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# -- abbreviations (Schwartz-Hearst) -----------------------------------------------------------------------------------

_PAREN = re.compile(r"\(([^()]{1,12})\)")


def _valid_short(sf: str) -> bool:
    sf = sf.strip()
    if not (2 <= len(sf) <= 10) or len(sf.split()) > 2 or any(c in sf for c in ",=/;:<>%±"):
        return False
    if not sf[0].isalpha() or not any(c.isupper() for c in sf):  # "0.5 mg/kg" and "n = 12" are not short forms
        return False
    if not sf[0].isalnum() or not any(c.isalpha() for c in sf):
        return False
    if re.fullmatch(r"[a-z]+", sf) and len(sf) > 3:  # a lower-case word in brackets is a gloss, not a short form
        return False
    if re.fullmatch(r"T\d{1,3}", sf):  # a time-point label ("30 minutes (T30)"): see time_labels
        return False
    return not re.fullmatch(r"(?:n|p|ns|vs|i|ii|iii|iv|a|b|c|d|e|f)\b.*", sf, re.I) or len(sf) > 3


def _best_long_form(sf: str, words_before: str) -> str | None:
    """Schwartz-Hearst: walk the short form from its last character, finding each in the text right-to-left;
    the first character must start a word."""
    s = sf.lower()
    lf = words_before
    low = lf.lower()
    si, li = len(s) - 1, len(low) - 1
    while si >= 0:
        c = s[si]
        if not c.isalnum():
            si -= 1
            continue
        while li >= 0 and (low[li] != c or (si == 0 and li > 0 and low[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return None
        si -= 1
        li -= 1
    out = lf[li + 1 :].strip()
    return out or None


def abbreviations(text: str) -> dict[str, str]:
    """Short form -> long form, for every "long form (SF)" definition in ``text``."""
    found: dict[str, str] = {}
    for m in _PAREN.finditer(text):
        sf = m.group(1).strip()
        if not _valid_short(sf) or sf in found:
            continue
        n_words = min(len(sf) + 5, len(sf) * 2)
        before = text[: m.start()].rstrip()
        words = re.findall(r"\S+", before)[-n_words:]
        window = " ".join(words)
        cut = max(window.rfind(";"), window.rfind(":"), window.rfind(". "))
        if cut >= 0:
            window = window[cut + 1 :]
        lf = _best_long_form(sf, window)
        if not lf or len(lf) <= len(sf) or lf.lower().startswith(sf.lower() + " "):
            continue
        lf = lf.strip(" ,(")
        if len(lf.split()) > min(len(sf) + 5, len(sf) * 2):
            continue
        found[sf] = lf
    return found


def expand(sentence: str, abbrevs: dict[str, str]) -> str:
    """The sentence with each defined short form (outside its own definition) followed by its long form."""
    if not abbrevs:
        return sentence
    rx = re.compile(
        r"(?<![\w(-])(" + "|".join(re.escape(k) for k in sorted(abbrevs, key=len, reverse=True)) + r")(?![\w)-])"
    )
    return rx.sub(lambda m: f"{m.group(1)} ({abbrevs[m.group(1)]})", sentence)


# -- numbers and time expressions ------------------------------------------------------------------------------------

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "half an": 0.5, "several": 3, "a few": 3,
}  # fmt: skip
# Compound number words, hyphenated or not: "twenty-four hours" is 24 h, not a range of 20 to 4 h
NUMBER_WORDS.update(
    {
        f"{tens}{joint}{unit}": NUMBER_WORDS[tens] + NUMBER_WORDS[unit]
        for tens in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
        for unit in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
        for joint in ("-", " ")
    }
)
# A spaced compound is one number only when its unit does not hang on its last word: "twenty four hours" is 24 h,
# "twenty four-hour infusions" twenty infusions of four hours
_NUM = (
    r"(?:\d+(?:[.,]\d+)?|"
    + "|".join(
        re.escape(w) + (r"(?!-)" if re.fullmatch(r"[a-z]+ty [a-z]+", w) else "")
        for w in sorted(NUMBER_WORDS, key=len, reverse=True)
    )
    + r")"
)
# A whole number in words, as a pattern's alternatives ("three", "fifteen", "eighty-five", "twenty four"; not "a",
# "an", "half an", "several" or "a few"): what a pattern in the data files writes as {number}
WORDED_NUMBER = (
    "(?:"
    + "|".join(
        re.escape(w)
        for w in sorted(NUMBER_WORDS, key=len, reverse=True)
        if float(NUMBER_WORDS[w]).is_integer() and w not in ("a", "an", "several", "a few")
    )
    + ")"
)
# the units a dose is given in, and those of a dose or of the time it is given over, as a pattern's alternatives
DOSE_UNIT = r"mg|µg|μg|mcg|ug|ml"
GIVEN_UNIT = rf"{DOSE_UNIT}|minutes?|mins?|hours?|hrs?|h|days?|weeks?"
# a dose or time in figures: "0.5 mg", "40-minute", "2 h"
GIVEN_FIGURE = re.compile(rf"\d[\s-]*(?:{GIVEN_UNIT})(?![a-z])", re.I)
_UNIT = r"(?P<unit>min(?:ute)?s?|h(?:ours?|rs?)?|days?|weeks?|wks?|months?|mos?|years?|yrs?)"
_TIME = re.compile(
    rf"(?<![\w.])(?P<a>{_NUM})(?:\s*(?:±|\+/-)\s*\d+(?:\.\d+)?)?(?:\s*(?:-|–|to|and)\s*(?P<b>{_NUM}))?"
    rf"(?:\s+or\s+(?:more|longer))?(?:\s*|-){_UNIT}\b",  # "two or more weeks": the lower end
    re.I,
)
# Several time points sharing one unit: "at 1, 3 and 6 months", "at 4, 8 or 48 h" (each a point; "between 3 and 6
# months" is a range, read by _TIME).
_WORDS = sorted((re.escape(w) for w in NUMBER_WORDS if len(w) > 2 and " " not in w), key=len, reverse=True)
_LIST_ITEM = r"(?:\d+(?:\.\d+)?|" + "|".join(_WORDS) + r")"
_TIME_LIST = re.compile(
    rf"(?<![\w.,])(?P<list>{_LIST_ITEM}(?:\s*,\s*{_LIST_ITEM})*\s*,?\s*(?:and|or)\s+{_LIST_ITEM})(?:\s*|-){_UNIT}\b",
    re.I,
)
_LIST_NUMBER = re.compile(_LIST_ITEM, re.I)
# Two arms' values side by side: "time to onset (14.3 ± 11.2 v. 8.9 ± 5.6 min)"
_SD = r"(?:\s*(?:±|\+/-)\s*\d+(?:\.\d+)?)?"
_TIME_PAIR = re.compile(
    rf"(?<![\w.])(?P<a>\d+(?:\.\d+)?){_SD}\s*(?:v\.|vs\.?|versus)\s*(?P<b>\d+(?:\.\d+)?){_SD}(?:\s*|-){_UNIT}\b",
    re.I,
)
# An ordinal: "at the first week", "the fourth week", "at the end of 60th minute" (the n-th week ends at n weeks)
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "twelfth": 12}  # fmt: skip
_TIME_ORDINAL = re.compile(
    r"\b(?P<a>" + "|".join(ORDINALS) + r"|\d+(?:st|nd|rd|th))\s+(?P<unit>minute|hour|day|week|month|year)\b", re.I
)
# A time-point label an abstract defines ("approximately 4 weeks postinfusion (T2)", "after 30 minutes (T30)") and
# uses later ("At T2, 48% remained a responder")
_LABEL_DEF = re.compile(r"^\s*(?:[\w-]+\s+){0,2}\((?P<label>T\d{1,3})\)")
_LABEL_USE = re.compile(r"(?<![\w(])T(?P<n>\d{1,3})(?![\w)])")
_TIME_UNIT_FIRST = re.compile(r"\b(?P<unit>day|week|month|year)\s*-?\s*(?P<a>\d+(?:\.\d+)?)\b", re.I)
_TIME_T = re.compile(r"\bt\s*=\s*(?P<a>\d+(?:\.\d+)?)\s*(?P<unit>min|h)\b", re.I)
UNIT_DAYS = {"min": 1 / 1440, "h": 1 / 24, "day": 1.0, "week": 7.0, "wk": 7.0, "month": 30.0, "mo": 30.0,
             "year": 365.0, "yr": 365.0}  # fmt: skip


def number(word: str) -> float:
    w = word.lower().replace(",", ".")
    if w in NUMBER_WORDS:
        return float(NUMBER_WORDS[w])
    return float(w)


def unit_days(unit: str) -> float:
    u = unit.lower()
    for key in ("min", "mo", "month", "wk", "week", "day", "yr", "year", "h"):
        if u.startswith(key):
            return UNIT_DAYS[key]
    return 1.0


@dataclass(frozen=True)
class TimeMention:
    """A time expression: value (and upper value of a range) in days, where it is, and how the sentence uses it."""

    days: float
    upper: float | None
    start: int
    end: int
    text: str
    kind: str  # point | window | within | time_to | lasting | regimen | interval | age | other


# How the words around a time expression say what it is. First matching rule wins; each is (kind, before, after)
# with regular expressions for the text just before and just after.
_KIND_RULES: list[tuple[str, re.Pattern[str] | None, re.Pattern[str] | None]] = [
    (
        "age",
        re.compile(r"\b(?:younger than|older than|aged|age[sd]?|age of|median age|mean age)\s*(?:of\s*)?$", re.I),
        None,
    ),
    ("age", None, re.compile(r"^\s*(?:-|\s)?(?:old|of age)\b", re.I)),
    (
        "regimen",
        None,
        re.compile(
            r"^(?:-|\s)(?:(?:intravenous|continuous|i\.v\.|iv|ketamine|s\(\+\)-ketamine|subcutaneous|"
            r"daily|low-dose|bolus|infusion of)\s)?(?:infusions?|administration|course|sessions?|"
            r"regimen|treatment period|ketamine|intravenous|exposure)\b",
            re.I,
        ),
    ),
    ("regimen", re.compile(r"(?:mg|µg|mcg|ml)(?:/kg)?(?:/h)?\s+(?:\w+\s+){0,2}(?:over|during)\s*$", re.I), None),
    (
        "regimen",
        re.compile(
            r"\b(?:infused|infusions?|administered|given|received|treated)\s+(?:\w+\s+){0,3}(?:over|for)\s*$", re.I
        ),
        None,
    ),
    ("interval", re.compile(r"\b(?:every|each|per|once|twice)\s*$", re.I), None),
    (
        "time_to",
        re.compile(
            r"\b(?:time (?:to|until|required|needed)|onset|latency|took|tmax|t ?max|peak)\b[^.;]{0,80}?"
            r"(?:was|were|of|at|:|=|in)?\s*(?:a )?(?:median|mean|average)?\s*(?:of\s*)?\(?\s*$",
            re.I,
        ),
        None,
    ),
    ("window", None, re.compile(r"^\s*(?:-|\s)?(?:follow-?up|study period|observation|period|trial)\b", re.I)),
    (
        "window",
        re.compile(
            r"\b(?:over|during|throughout|across|in the|for the (?:first|entire))\s+"
            r"(?:the\s+)?(?:first\s+|entire\s+|whole\s+)?$",
            re.I,
        ),
        None,
    ),
    ("within", re.compile(r"\b(?:within|by|as early as|less than|under|<)\s*(?:the first\s*)?$", re.I), None),
    (
        "lasting",
        re.compile(
            r"\b(?:lasted|lasting|lasts|persisted|persisting|sustained|maintained|remained|continued|"
            r"duration of|up to|until|for(?: at least)?|beyond|more than|longer than|>)"
            r"\s*(?:about\s+|approximately\s+|at least\s+)?$",
            re.I,
        ),
        None,
    ),
    (
        "point",
        re.compile(
            r"(?:\b(?:at|after|on|in|post|following|by the end of|end of|day|week|month)\s*(?:the\s+)?(?:end of\s+)?"
            r"(?:first\s+)?|\bt\s*=\s*|\bfrom\s+(?:[\w-]+\s+){0,2}to\s+|\bbetween baseline and\s+"
            # the time of a named visit, in brackets: "at visit 1 (mean, 38.1 days)"
            r"|\bat\s+(?:[\w-]+\s+){0,2}[\w-]*\s*\(\s*(?:mean|median)?,?\s*)$",
            re.I,
        ),
        None,
    ),
    (
        "point",
        None,
        re.compile(
            r"^\s*(?:\((?:mean|median)\)\s*)?(?:after|post|later|following|into|postoperatively|post-?infusion|"
            r"after (?:the )?(?:infusion|treatment|dosing|administration))\b",
            re.I,
        ),
    ),
]


def _kind(sentence: str, start: int, end: int) -> str:
    before = sentence[max(0, start - 90) : start]
    after = sentence[end : end + 40]
    for kind, b, a in _KIND_RULES:
        if b is not None and not b.search(before):
            continue
        if a is not None and not a.search(after):
            continue
        return kind
    return "other"


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in taken)


# What may stand between two time points of one list ("at 4 h, 8 h, and 48 h", "the first week, the second week or
# the fourth week"): the later ones are of the same kind as the first.
_LIST_GAP = re.compile(r"^\s*,?\s*(?:(?:and|or)\s+)?(?:at\s+)?(?:the\s+)?(?:end of\s+)?$", re.I)
_LISTED_KINDS = ("point", "window", "within", "time_to", "lasting")


def times(sentence: str, labels: dict[str, float] | None = None) -> list[TimeMention]:
    """Every time expression in a sentence, in days: "15 min", "fifteen minutes", "12-week", "week 12", "t=180min",
    "at 1, 3 and 6 months" (three points), "two or more weeks", "the fourth week", "(14.3 v. 8.9 min)", and the
    time-point labels the abstract defines (``labels``: "T2" -> 28 days, from ``time_labels``)."""
    out: list[TimeMention] = []
    taken: list[tuple[int, int]] = []

    def add(days: float, upper: float | None, start: int, end: int, text: str, kind: str) -> None:
        out.append(TimeMention(days, upper, start, end, text, kind))

    for m in _TIME_PAIR.finditer(sentence):
        u = unit_days(m.group("unit"))
        kind = _kind(sentence, m.start(), m.end())
        for g in ("a", "b"):
            add(float(m.group(g)) * u, None, m.start(g), m.end() if g == "b" else m.end(g), m.group(0), kind)
        taken.append((m.start(), m.end()))
    for m in _TIME_LIST.finditer(sentence):
        if _overlaps(taken, m.start(), m.end()) or re.search(r"(?:between|[=<>])\s*$", sentence[: m.start()], re.I):
            continue  # "between 3 and 6 months" is a range; "P = 0.03, 12 and 24 h" no list
        u = unit_days(m.group("unit"))
        kind = _kind(sentence, m.start(), m.end())
        for n in _LIST_NUMBER.finditer(m.group("list")):
            value = number(n.group(0))
            if value > 0:  # a time point 0 is the baseline
                start = m.start("list") + n.start()
                end = m.end() if n.end() == len(m.group("list")) else start + len(n.group(0))
                add(value * u, None, start, end, f"{n.group(0)} {m.group('unit')}", kind)
        taken.append((m.start(), m.end()))
    for m in _TIME_ORDINAL.finditer(sentence):
        if _overlaps(taken, m.start(), m.end()):
            continue
        word = m.group("a").lower()
        nth = ORDINALS.get(word) or int(re.sub(r"\D", "", word))
        add(nth * unit_days(m.group("unit")), None, m.start(), m.end(), m.group(0), _kind(sentence, m.start(), m.end()))
        taken.append((m.start(), m.end()))
    for rx in (_TIME, _TIME_UNIT_FIRST, _TIME_T):
        for m in rx.finditer(sentence):
            if _overlaps(taken, m.start(), m.end()):
                continue
            try:
                a = number(m.group("a"))
                b = number(m.group("b")) if "b" in m.groupdict() and m.group("b") else None
            except ValueError:
                continue
            if a > 10000:
                continue
            u = unit_days(m.group("unit"))
            upper = b * u if b is not None and b > a else None
            kind = _kind(sentence, m.start(), m.end())
            if rx is _TIME_UNIT_FIRST and kind == "other":
                kind = "point"
            add(a * u, upper, m.start(), m.end(), m.group(0), kind)
            taken.append((m.start(), m.end()))
    for m in _LABEL_USE.finditer(sentence) if labels else ():
        days = labels.get(f"T{m.group('n')}") if labels else None
        if days and not _overlaps(taken, m.start(), m.end()):
            add(days, None, m.start(), m.end(), f"{m.group(0)} ({fmt_days(days)})", _kind(sentence, m.start(), m.end()))
    out.sort(key=lambda t: t.start)
    for i in range(1, len(out)):
        prev, cur = out[i - 1], out[i]
        if cur.kind == "other" and prev.kind in _LISTED_KINDS and _LIST_GAP.match(sentence[prev.end : cur.start]):
            out[i] = replace(cur, kind=prev.kind)
    return out


def time_labels(sentences: list[str]) -> dict[str, float]:
    """The time-point labels an abstract defines, in days: "approximately 4 weeks postinfusion (T2)" gives T2;
    "at baseline (T0) and 10, 20 and 30 min after" gives T10, T20, T30 (labels named by their minutes). A label for
    an event with no time ("end of infusion (T1)") is not one."""
    out: dict[str, float] = {}
    for sentence in sentences:
        found = times(sentence)
        defined = False
        for t in found:
            m = _LABEL_DEF.match(sentence[t.end : t.end + 40])
            if m and t.days > 0:
                out.setdefault(m.group("label"), t.days)
                defined = True
        if "(T0)" in sentence and not defined:
            for t in found:
                n = re.match(r"\d+(?![.,]\d)", sentence[t.start : t.end])
                # only a label named by its minutes ("10 min" is T10): not "0.5 h" (T0 is the baseline) nor "1 month"
                if n and t.days > 0 and round(t.days * 1440) == int(n.group(0)):
                    out.setdefault(f"T{n.group(0)}", t.days)
    return out


def fmt_days(d: float) -> str:
    """A duration in days, in the unit a reader expects: 15 min, 6 h, 3 days, 5 weeks, 3 months, 2 years."""
    if d < 1 / 24:
        return f"{round(d * 1440, 1):g} min"
    if d < 1:
        return f"{round(d * 24, 1):g} h"
    if d < 14:
        return f"{round(d, 1):g} day" + ("" if round(d, 1) == 1 else "s")
    if d < 60 or (d <= 182 and d % 7 == 0):
        return f"{round(d / 7, 1):g} weeks"
    if d < 365:
        return f"{round(d / 30, 1):g} months"
    return f"{round(d / 365, 1):g} years"
