"""Read a record once into its findings: sentences with their roles, and what each result sentence states.

``read_record(rec)`` is a pure function of the record and the data files (vocabulary, findings, roles,
negation). It gives:

- **sentences**: the title and every sentence of the abstract, each with its role (title, background, objective,
  methods, results, conclusions) and the reason for the role (section label, or cue words and position);
- **abbreviations** defined in the abstract (Schwartz-Hearst), expanded before anything is matched;
- **findings**: for each result or conclusion sentence, per clause and outcome: the outcome and its words, the arm
  the finding is about (ketamine, another drug) and what it is compared with (placebo, another drug, baseline),
  the direction (lower, higher, better, worse, same, occurred, absent), whether significant, the time points,
  negation and hedging triggers, serious-harm words, and the rule that produced it;
- **study**: record-level context: which comparators, which population (setting tags), regimen (single dose,
  infusion, repeated) and exposure (analgesic dose, sedation, repeated, recreational).

The result is stored with the record (field ``findings``) with the version of the rules that made it; when the
record or any of the data files changes, ``reading_of`` reads it again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from .._compat import tomllib
from ..records import Record
from ..tagging.tagger import Matcher, Vocabulary, default_vocabulary, lower_same_length, word_starts
from . import roles as role_rules
from .negation import Context
from .text import TimeMention, abbreviations, expand, split_sentences, time_labels, times

DATA_FILES = ("vocabulary.toml", "findings.toml", "roles.toml", "negation.toml")
CODE_FILES = ("findings.py", "roles.py", "negation.py", "text.py")  # the reader itself: any change reads again
RESULT_ROLES = ("results", "conclusions")
DIRECTIONS = ("lower", "higher", "better", "worse", "same", "occurred", "absent")


@lru_cache(maxsize=1)
def findings_version() -> str:
    """A hash of the reader (its code) and every data file it reads: stored findings with another are stale."""
    h = hashlib.sha1()
    for name in DATA_FILES:
        h.update(resources.files("ketalit").joinpath(f"data/{name}").read_bytes())
    for name in CODE_FILES:
        h.update(resources.files("ketalit").joinpath(f"claims/{name}").read_bytes())
    return h.hexdigest()[:12]


# -- the lexicon -----------------------------------------------------------------------------------------------------


def _rx(patterns: Iterable[str]) -> re.Pattern[str]:
    pats = list(patterns)
    if not pats:
        return re.compile(r"(?!x)x")
    return re.compile("|".join(f"(?:{p})" for p in pats), re.I)


@dataclass(frozen=True)
class Lexicon:
    direction: dict[str, re.Pattern[str]]
    unsaid: re.Pattern[str]
    safe: re.Pattern[str]
    sig_yes: re.Pattern[str]
    sig_no: re.Pattern[str]
    ketamine: re.Pattern[str]
    placebo: re.Pattern[str]
    baseline: re.Pattern[str]
    comparators: re.Pattern[str]
    comparison: re.Pattern[str]
    add_on: re.Pattern[str]
    estimates: re.Pattern[str]
    all_arms: re.Pattern[str]
    active_placebo: re.Pattern[str]
    other_treatments: re.Pattern[str]
    setting_matchers: dict[str, list[Matcher]]
    outcome_matchers: dict[str, list[Matcher]]
    outcome_words: dict[str, re.Pattern[str]]
    implied_pain: re.Pattern[str]
    not_after: dict[str, re.Pattern[str]]
    ignore: re.Pattern[str]
    methods_sentences: re.Pattern[str]
    parenteral: re.Pattern[str]
    parenteral_routes: frozenset[str]
    descriptions: re.Pattern[str]
    higher_is_better: frozenset[str]
    relief_words: re.Pattern[str]
    indications: frozenset[str]
    falls_are_harm: re.Pattern[str]
    harms: frozenset[str]
    serious: re.Pattern[str]
    low_certainty: re.Pattern[str]
    future_research: re.Pattern[str]
    course: dict[str, re.Pattern[str]]
    exposure: list[tuple[str, re.Pattern[str]]]
    size: list[re.Pattern[str]]
    regimen: list[tuple[str, re.Pattern[str]]]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = tomllib.loads(resources.files("ketalit").joinpath("data/findings.toml").read_text(encoding="utf-8"))
    vocab: Vocabulary = default_vocabulary()
    d, arms, out = data["direction"], data["arms"], data["outcomes"]
    known = set(vocab.ids("outcome"))
    for section in ("higher_is_better", "harms"):
        for o in out[section]:
            if o not in known:
                raise ValueError(f"data/findings.toml: [outcomes] {section}: {o!r} is not a vocabulary outcome")
    for o in out["words"]:
        if o not in known and o != "implied_pain":
            raise ValueError(f"data/findings.toml: [outcomes.words] {o!r} is not a vocabulary outcome")
    ketamine_src = vocab.ketamine.pattern
    return Lexicon(
        direction={k: _rx(d[k]) for k in ("lower", "higher", "better", "worse", "same", "occurred")},
        unsaid=_rx(d["unsaid"]),
        safe=_rx(d["safe"]),
        sig_yes=_rx(data["significance"]["yes"]),
        sig_no=_rx(data["significance"]["no"]),
        ketamine=re.compile(f"(?:{ketamine_src})|" + "|".join(f"(?:{p})" for p in arms["ketamine_groups"]), re.I),
        placebo=_rx(arms["placebo"]),
        baseline=_rx(arms["baseline"]),
        comparators=re.compile(
            "|".join(p for p in vocab.comparators.pattern.split("|") if "placebo" not in p and "saline" not in p)
            + "|"
            + vocab.carriers.pattern,
            re.I,
        ),
        comparison=_rx(arms["comparison"]),
        add_on=_rx(arms["add_on"]),
        estimates=_rx(arms["estimates"]),
        all_arms=_rx(arms["all_arms"]),
        active_placebo=_rx(arms["active_placebo"]),
        other_treatments=_rx(arms["other_treatments"]),
        setting_matchers={t.id: t.regexes for t in vocab.tags["setting"]},
        outcome_matchers={t.id: t.regexes for t in vocab.tags["outcome"]},
        outcome_words={k: _rx(v) for k, v in out["words"].items() if k != "implied_pain"},
        implied_pain=_rx(out["words"].get("implied_pain", [])),
        not_after={
            k: re.compile(r"(?:" + "|".join(re.escape(w) for w in v) + r")[\s-]*$", re.I)
            for k, v in out.get("not_after", {}).items()
            if v
        },
        ignore=_rx(data["ignore"]["clauses"]),
        methods_sentences=_rx(data["ignore"]["methods_sentences"]),
        parenteral=_rx(data["routes"]["parenteral"]),
        parenteral_routes=frozenset(data["routes"]["parenteral_routes"]),
        descriptions=_rx(data["ignore"]["descriptions"]),
        higher_is_better=frozenset(out["higher_is_better"]),
        relief_words=_rx(out["relief_words"]),
        indications=frozenset(out["indications"]),
        falls_are_harm=_rx(out["falls_are_harm"]),
        harms=frozenset(out["harms"]),
        serious=_rx(data["severity"]["serious"]),
        low_certainty=_rx(data["certainty"]["low"]),
        future_research=_rx(data["certainty"]["future_research"]),
        course={k: _rx(v) for k, v in data["course"].items()},
        exposure=[(k, _rx(v)) for k, v in data["exposure"].items()],
        size=[re.compile(p, re.I) for p in data["size"]["patterns"]],
        regimen=[(k, _rx(v)) for k, v in data["regimen"].items()],
    )


# -- the reading -----------------------------------------------------------------------------------------------------


@dataclass
class Sentence:
    section: int  # -1: the title; else the index of the abstract section
    start: int
    end: int
    role: str
    why: str
    cut: bool = False  # the last sentence of an abstract cut short in its source


@dataclass
class Finding:
    """What one clause of a result or conclusion sentence states about one outcome."""

    s: int  # sentence index
    outcome: str
    words: str = ""  # the outcome's words in the sentence
    direction: str | None = None  # lower, higher, better, worse, same, occurred, absent (None: none stated)
    cue: str = ""  # the words that gave the direction
    arm: str | None = None  # "ketamine" or another drug's name; None when the sentence names none
    vs: str | None = None  # "placebo", "baseline", another drug's name, "ketamine"; None when not stated
    arm_by_context: bool = False  # the sentence names no drug: the arm is the study's ketamine arm
    significant: bool | None = None
    times: list[tuple[float, float | None, str, str]] = field(default_factory=list)  # (days, upper, kind, words)
    negation: str | None = None
    hedge: str | None = None
    serious: str | None = None
    population: list[str] = field(default_factory=list)  # settings the sentence itself names
    course: str | None = None  # "transient" or "persistent", with the words after a colon
    rule: str = ""

    def as_dict(self) -> dict[str, Any]:
        """Compact: empty fields left out (``significant`` False is a value, not an empty field)."""
        out = {k: v for k, v in asdict(self).items() if v is not None and v != "" and v != []}
        if not self.arm_by_context:
            del out["arm_by_context"]
        return out


@dataclass
class Study:
    ketamine: bool = False
    in_all_arms: str | None = None  # every group got ketamine: the comparison is about something else
    placebo: str | None = None  # the placebo/control words, when the record has a placebo or untreated arm
    placebo_drugs: list[str] = field(default_factory=list)  # drugs given as an active placebo
    comparators: list[str] = field(default_factory=list)  # active drugs named in the title or methods
    add_on: list[str] = field(default_factory=list)  # the drugs ketamine is given on top of (compared with them alone)
    population: list[str] = field(default_factory=list)
    size: int | None = None  # the largest number of people the abstract says were studied
    regimen: tuple[str, str] | None = None  # (single | infusion | repeated, words)
    exposure: tuple[str, str] | None = None  # (analgesic | sedation | repeated | recreational, words)
    focus: list[tuple[str, str]] = field(default_factory=list)  # (pharmacokinetic | secondary_analysis, words)
    certainty: str | None = None  # the words of a result or conclusion that rate the evidence as weak


def source_hash(rec: Record) -> str:
    """What the findings are read from (title, abstract, tags): when it changes, the findings are read again."""
    h = hashlib.sha1((rec.get("title") or "").encode())
    for sec in rec.get("abstract") or []:
        h.update(f"\x00{sec.get('label') or ''}\x01{sec.get('category') or ''}\x02{sec.get('text') or ''}".encode())
    tags = rec.get("tags") or {}
    h.update(repr((sorted(tags.get("setting") or []), tags.get("design") or [])).encode())
    h.update(b"1" if rec.get("abstract_complete", True) else b"0")
    return h.hexdigest()[:12]


@dataclass
class Reading:
    version: str
    sentences: list[Sentence]
    findings: list[Finding]
    study: Study
    abbreviations: dict[str, str] = field(default_factory=dict)
    source: str = ""

    def text(self, rec: Record, i: int) -> str:
        s = self.sentences[i]
        src = rec.get("title") or "" if s.section < 0 else (rec.get("abstract") or [])[s.section].get("text") or ""
        return src[s.start : s.end]

    def explained(self, rec: Record) -> dict[str, Any]:
        """The reading as a person or a script reads it: each sentence with its text, role, the reason for the
        role and its findings; the study context; the abbreviations."""
        by_sentence: dict[int, list[dict[str, Any]]] = {}
        for f in self.findings:
            by_sentence.setdefault(f.s, []).append({k: v for k, v in f.as_dict().items() if k != "s"})
        return {
            "version": self.version,
            "study": asdict(self.study),
            "abbreviations": self.abbreviations,
            "sentences": [
                {
                    "text": self.text(rec, i),
                    "role": s.role,
                    "why": s.why,
                    "cut": s.cut,
                    "findings": by_sentence.get(i, []),
                }
                for i, s in enumerate(self.sentences)
            ],
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "source": self.source,
            "sentences": [[s.section, s.start, s.end, s.role, s.why, int(s.cut)] for s in self.sentences],
            "findings": [f.as_dict() for f in self.findings],
            "study": asdict(self.study),
            "abbreviations": self.abbreviations,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Reading:
        st = d["study"]
        return cls(
            version=d["version"],
            sentences=[Sentence(a, b, c, r, w, bool(cut)) for a, b, c, r, w, cut in d["sentences"]],
            findings=[
                Finding(**{**f, "times": [tuple(t) for t in f.get("times", [])]})  # type: ignore[arg-type]
                for f in d["findings"]
            ],
            study=Study(
                **{**st, "regimen": tuple(st["regimen"]) if st.get("regimen") else None}
                | {"exposure": tuple(st["exposure"]) if st.get("exposure") else None}
                | {"focus": [tuple(x) for x in st.get("focus", [])]}
            ),
            abbreviations=d.get("abbreviations", {}),
            source=d.get("source", ""),
        )


def _sentences(rec: Record) -> list[Sentence]:
    out = [Sentence(-1, 0, len(rec.get("title") or ""), "title", "the title")]
    sections = rec.get("abstract") or []
    complete = bool(rec.get("abstract_complete", True))
    labelled = [
        role_rules.label_role(sec.get("category") or "") or role_rules.label_role(sec.get("label") or "")
        for sec in sections
    ]
    structured = len(sections) > 1 and all(labelled)
    pending: list[tuple[int, int, int, str]] = []  # unlabelled sentences, read together
    for k, sec in enumerate(sections):
        text = sec.get("text") or ""
        spans = split_sentences(text)
        if structured:
            label = sec.get("category") or sec.get("label") or ""
            for a, b in spans:
                out.append(Sentence(k, a, b, labelled[k] or "results", f"section label {label!r}"))
        else:
            pending.extend((k, a, b, text[a:b]) for a, b in spans)
    if pending:
        design = ((rec.get("tags") or {}).get("design") or [""])[0]
        assigned = role_rules.unstructured_roles([p[3] for p in pending], complete, design)
        for (k, a, b, _), (role, why) in zip(pending, assigned, strict=True):
            out.append(Sentence(k, a, b, role, why))
    if not complete and len(out) > 1:
        out[-1].cut = True
    return out


_CLAUSE = re.compile(r";|,\s*(?:but|whereas|while|although|however|yet)\b|\s(?:but|whereas)\s(?!also)|\bhowever,", re.I)


def _clauses(sentence: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _CLAUSE.finditer(sentence):
        before = sentence[: m.start()]
        if before.count("(") + before.count("[") > before.count(")") + before.count("]"):
            continue  # "(0.04; 95% CI ...)" is inside one clause
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(sentence)))
    return [(a, b) for a, b in spans if sentence[a:b].strip()]


@dataclass
class _Mention:
    start: int
    end: int
    kind: str  # ketamine | drug | placebo | baseline
    name: str


_ADDED_TO = re.compile(
    r"\b(?:added to|addition of (?:\w+[- ]){0,3}ketamine to|adding (?:\w+[- ]){0,3}ketamine to|in addition to|"
    r"adjunct to|plus|combined with|combining (?:\w+[- ]){0,3}ketamine (?:to|with)|with or without)"
    r"\s+(?:\w+[- ]){0,3}\w+",
    re.I,
)
_BOTH_ARMS = re.compile(
    r"\bin (?:both|all|each of the) (?:\w+ )?(?:arms|groups)\b|\bin (?:the )?\S+ and \S+ (?:arms|groups)\b", re.I
)
# "less than 1 h", "more than 50%": a bound on a number, not a change
_BOUND = re.compile(
    r"\s+than\s+(?:about\s+|approximately\s+|around\s+)?(?:\d|half\b|an?\b|one\b|two\b|three\b|four\b|five\b|"
    r"six\b|seven\b|eight\b|nine\b|ten\b|twenty\b|thirty\b|several\b|a few\b)",
    re.I,
)
_SAME_CHANGE = re.compile(
    r"\b(?:similar|comparable|equivalent|no (?:significant |statistically significant )?differences? in)(?: the)? "
    r"(?:\w+ )?(?:reductions?|decreases?|changes?|improvements?)\b",
    re.I,
)
# "(that is, acute pain in the emergency department, prevention of persistent postoperative pain, ...)": examples
# of where, not outcomes
_EXAMPLES = re.compile(r"\((?:that is|i\.e\.|e\.g\.|such as|including|for example|for instance),?\s[^()]*\)", re.I)
# A change that something stopped: "attenuated the opioid-induced reduction in ventilation"
_REVERSED = re.compile(
    r"\b((?:attenuat|counter|revers|prevent|blunt|mitigat|abolish|offset|antagoni[sz])\w*)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}$",
    re.I,
)
_REVERSED_AFTER = re.compile(
    r"[^.;]{0,80}?\b(?:was|were)\s+(?:significantly\s+|partly\s+|partially\s+)?"
    r"(attenuated|reversed|prevented|blunted|abolished|counteracted|mitigated|offset)\b",
    re.I,
)
# "Both treatments decreased oxygen saturation similarly": a change in each arm, no difference between them
_BOTH_SIMILAR = re.compile(
    r"\bboth (?:treatments|groups|arms|regimens|drugs)\b"
    r"(?=[^.;]*\b(?:similarly|equally|to a similar (?:extent|degree))\b)",
    re.I,
)
# "ketamine for severe agitation/excited delirium": what it was given for, not what it did
_GIVEN_FOR = re.compile(
    r"(?<!scores )(?<!scored )(?<!screened )(?<!tested )\b(?:for|to treat|in the treatment of|to manage)\s+"
    r"(?:the\s+)?(?:severe\s+|acute\s+|refractory\s+)?(?:[A-Za-z][\w-]*[/ ]){0,2}$",
    re.I,
)
# "dissociative sedation ketamine", "sedative-dose ketamine": a name for the dose, not an effect
_NAMES_THE_DOSE = re.compile(
    r"[\s-]*(?:(?:sedation|sedative|analgesic|an(?:a)?esthetic)[\s-]+)?(?:-?doses?\s+)?(?:of\s+)?"
    r"(?:(?:es|s-)?ketamine|SDDK|SDK)\b",
    re.I,
)
_NOUN_CUE = re.compile(r"(?:ion|ions|ment|ments|ance|ence|ase|ases)$", re.I)
_CHANGE_NOUN = re.compile(r"^(?:reductions?|decreases?|increases?|improvements?|changes?)$", re.I)
_NOUN_BEFORE = re.compile(r"\b(?:in|of|and|the|its|regarding|terms of)\s+$", re.I)
_BINDS = re.compile(r"\s*(?:in|of|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_CHANGE_WORDS = re.compile(r"differ|increas|decreas|reduc|improv|lower|higher|prevent|attenuat", re.I)
_ARM_WORDS = re.compile(
    r"\b(?:versus|vs\.?|compared?|comparing|comparison|or|either|randomi[sz]ed|allocated|assigned|groups?|arms?)\b",
    re.I,
)
_DRUG_AS_UNIT = re.compile(
    r"[\s-]*(?:milligram )?(?:equivalents?|consumption|requirements?|use|doses?|dosage|intake|sparing|needs?|"
    r"administration|demands?|titration|-induced|induced|tolerance|dependence|withdrawal|"
    r"-?(?:dependent|tolerant|naive|naïve|experienced|exposed|using)|-related)\b",
    re.I,
)


def _drug_mentions(clause: str, lex: Lexicon) -> list[_Mention]:
    found: list[_Mention] = []

    def add(rx: re.Pattern[str], kind: str) -> None:
        for m in rx.finditer(clause):
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            if clause[max(0, m.start() - 4) : m.start()].lower() in ("non-", "non "):
                continue  # "non-opioid controls" are not opioids
            if kind == "drug" and _DRUG_AS_UNIT.match(clause, m.end()):
                continue  # "morphine-equivalent intake", "opioid consumption": an outcome, not an arm
            name = "ketamine" if kind == "ketamine" else m.group(0).lower()
            found.append(_Mention(m.start(), m.end(), kind, name))

    add(lex.ketamine, "ketamine")
    add(lex.comparators, "drug")
    add(lex.other_treatments, "drug")
    add(lex.placebo, "placebo")
    add(lex.baseline, "baseline")
    found.sort(key=lambda x: x.start)
    return found


_RESPECTIVELY = re.compile(
    r"\brespectively\b|\bbetween (?:the )?(?:two|three|four|2|3|4|treatment|study) groups\b", re.I
)


# A control arm named as such (not a letter code such as "group S", which some trials give a ketamine arm)
_NAMED_CONTROL = re.compile(r"placebo|control|ctrl|saline|sham", re.I)


def _an_arm(drug: str, study: Study) -> bool:
    """Whether a drug named beside ketamine, with no comparison between them ("no significant effect for ketamine IV
    in CRPS, oral memantine in postherpetic neuralgia"), is an arm of the study (its title or design sets it against
    ketamine, or ketamine is added to it): a review's other drug is another result, not ketamine's comparator."""
    arms = [*study.comparators, *study.add_on, *study.placebo_drugs]
    return any(drug in a or a in drug for a in arms)


def _arms(clause: str, lex: Lexicon, study: Study) -> tuple[str | None, str | None, bool]:
    """(arm, comparator, arm_by_context) of a clause: who the finding is about and against what."""
    mentions = _drug_mentions(clause, lex)
    split = lex.comparison.search(clause)
    # "ketamine and fentanyl ... 45 and 40 mm, respectively": a symmetric comparison, no side comes first
    symmetric = _RESPECTIVELY.search(re.sub(r"\([^()]*\)", "", clause))  # "(P = 0.01 and 0.02, respectively)" is not
    cut = split.start() if split and not symmetric else len(clause)
    left = [m for m in mentions if m.start < cut]
    right = [m for m in mentions if m.start >= cut]

    def label(m: _Mention) -> str:
        return {"placebo": "placebo", "baseline": "baseline"}.get(m.kind, m.name)

    ket_left = [m for m in left if m.kind == "ketamine"]
    others_left = [m for m in left if m.kind != "ketamine"]
    if mentions and mentions[0].kind == "drug" and mentions[0].start < 25 and _BOTH_ARMS.search(clause):
        return mentions[0].name, None, False  # "Remifentanil reduced ventilation in the esketamine and placebo arms"
    kets = [m for m in mentions if m.kind == "ketamine"]
    if len(kets) >= 2 and not [m for m in mentions if m.kind in ("drug", "placebo")]:
        texts = {clause[m.start : m.end].lower() for m in kets}
        if len(texts) >= 2 or lex.comparison.search(clause) or re.search(r"\bbetween\b|\brespectively\b", clause):
            return "ketamine", "ketamine", False  # two forms, routes or doses of ketamine compared
    if ket_left:
        arm = "ketamine"
        # placebo is the comparison that says most about ketamine's own effect; then another drug; then baseline
        pool = right or sorted(
            (m for m in others_left if m.kind != "drug" or _an_arm(m.name, study)),
            key=lambda m: {"placebo": 0, "drug": 1, "baseline": 2}[m.kind],
        )
        vs = label(pool[0]) if pool else None
        if vs == "ketamine":
            vs = None
        added = _ADDED_TO.search(clause)
        if vs is not None and vs not in ("placebo", "baseline") and added and vs in added.group(0).lower():
            vs = "placebo"  # ketamine added to X, compared with X alone
        return arm, vs, False
    drugs_left = [m for m in others_left if m.kind == "drug"]
    if (
        split
        and not symmetric
        and not drugs_left
        and any(m.kind == "placebo" and _NAMED_CONTROL.search(clause[m.start : m.end]) for m in others_left)
        and all(m.kind == "ketamine" for m in right)
    ):
        # "a higher rate of nausea was observed in the CTRL group compared with the PERI group": about the control
        # arm, against the study's ketamine arm
        return "placebo", "ketamine", not right
    if drugs_left:
        vs_m = next((m for m in right if label(m) != label(drugs_left[0])), None)
        return label(drugs_left[0]), label(vs_m) if vs_m else None, False
    # no drug before the comparison: the clause is about the study's ketamine arm
    if right:
        vs = label(right[0])
        if vs == "ketamine":
            return None, None, False
        return ("ketamine" if study.ketamine else None), vs, True
    ctrl = next((label(m) for m in others_left), None)
    return ("ketamine" if study.ketamine else None), ctrl, True


def _nearest(matches: list[re.Match[str]], start: int, end: int) -> re.Match[str] | None:
    best, dist = None, None
    for m in matches:
        d = start - m.end() if m.end() <= start else (m.start() - end if m.start() >= end else 0)
        if dist is None or d < dist:
            best, dist = m, d
    return best


# The vocabulary tags a record "onset" or "duration" from any early or late time point; in a sentence, the time
# points are read as such (Finding.times), and these outcomes need their own words.
OWN_WORDS_ONLY = ("onset", "duration_of_relief")
COURSE_REACH = 60  # characters: "transient" says how long an effect lasted only close to the effect's words


def _outcome_mentions(text: str, lex: Lexicon) -> list[tuple[str, int, int]]:
    low = lower_same_length(text)
    present = word_starts(low)  # a pattern whose first word cannot be here is not run (the tagger's prefilter)
    found: list[tuple[str, int, int]] = []
    for outcome, matchers in lex.outcome_matchers.items():
        spans = (
            []
            if outcome in OWN_WORDS_ONLY
            else [
                (m.start(), m.end())
                for rx in matchers
                if rx.keys is None or not rx.keys.isdisjoint(present)
                for m in rx.finditer(text, low)
            ]
        )
        extra = lex.outcome_words.get(outcome)
        if extra is not None:
            spans.extend((m.start(), m.end()) for m in extra.finditer(text))
        before = lex.not_after.get(outcome)
        for a, b in spans:
            if before is not None and before.search(text[max(0, a - 20) : a]):
                continue  # "opioid dependence" is not ketamine's
            found.append((outcome, a, b))
    # "time to first analgesic request" is how long relief lasted, and "the need for analgesics" how many were
    # needed: pain words inside them are not pain
    chronic = [(a, b) for o, a, b in found if o == "persistent_postsurgical_pain"]  # "long-term postoperative pain"
    found = [x for x in found if x[0] != "duration_of_relief" or not any(a <= x[1] and x[2] <= b for a, b in chronic)]
    lasting = [(a, b) for o, a, b in found if o == "duration_of_relief"]
    found = [x for x in found if x[0] == "duration_of_relief" or not any(a <= x[1] < b for a, b in lasting)]
    wider = [
        (a, b)
        for o, a, b in found
        if o in ("opioid_consumption", "onset", "duration_of_relief", "persistent_postsurgical_pain")
    ]
    found = [x for x in found if x[0] != "pain_intensity" or not any(a <= x[1] and x[2] <= b for a, b in wider)]
    found.sort(key=lambda x: (x[1], -x[2]))
    return found


_INDUCED = re.compile(r"\b[A-Za-z]+-induced\s+$")


def _induced_by(clause: str, a: int) -> str:
    """What an outcome's words say caused it, when the words before them do ("remifentanil-induced respiratory
    depression"): kept with the words, so that lessening it reads as lessening another drug's harm."""
    m = _INDUCED.search(clause, max(0, a - 40), a)
    return m.group(0) if m else ""


def _reach(clause: str, a: int, b: int, c: int, d: int) -> int:
    """How far apart two spans of a clause are, not counting what is in parentheses between them."""
    lo, hi = (b, c) if c >= b else (d, a)
    if hi <= lo:
        return 0
    gap = clause[lo:hi]
    return len(gap) - sum(len(m.group(0)) for m in re.finditer(r"\([^()]*\)", gap))


def _previous_stop(clause: str, at: int) -> int:
    """Where the part of a clause that ``at`` is in begins: after the last comma or semicolon before it."""
    return max(clause.rfind(",", 0, at), clause.rfind(";", 0, at), 0)


def _first_significance(text: str, lex: Lexicon) -> bool | None:
    """The significance said first: "8 vs. 3 (P<0.05), at t=180min 6 vs. 2 (ns)" is significant at 15 min."""
    no, yes = lex.sig_no.search(text), lex.sig_yes.search(text)
    if no is None or yes is None:
        return False if no else (True if yes else None)
    return no.start() > yes.start() if no.start() != yes.start() else False


def _significance(clause: str, lex: Lexicon) -> bool | None:
    if lex.sig_no.search(clause):
        return False
    if lex.sig_yes.search(clause):
        return True
    return None


def _direction(
    outcome: str,
    a: int,
    b: int,
    clause: str,
    ctx: Context,
    off: int,
    lex: Lexicon,
    clause_cues: dict[str, list[re.Match[str]]],
) -> tuple[str | None, str, str, int | None]:
    """(direction, cue words, rule, where the cue starts) for an outcome mention at [a, b) of the clause."""
    # the outcome's own words are not its direction when they name it ("efficacy was limited": "efficacy" is the
    # outcome); a change inside them is ("reduced pain")
    cues = {
        k: [
            m
            for m in ms
            if (
                k not in ("better", "occurred")
                or not (a <= m.start() and m.end() <= b)
                or (m.end() - m.start()) < b - a
            )
            and not (k == "better" and _NOUN_BEFORE.search(clause[: m.start()]))  # "similar in effectiveness"
        ]
        for k, ms in clause_cues.items()
    }
    same_spans = [(m.start(), m.end()) for m in cues["same"]]

    def outside_same(ms: list[re.Match[str]]) -> list[re.Match[str]]:
        return [m for m in ms if not any(s <= m.start() and m.end() <= e for s, e in same_spans)]

    harm = outcome in lex.harms
    neg = ctx.negation(a + off, b + off) if b > a else None  # an outcome carried over has no words to negate
    if harm and neg:
        # a trigger after the outcome ("nausea was not significantly different") reaches the words after it
        lo, hi = (neg[0] - off, a) if neg[0] - off < a else (b, neg[1] - off + 40)
        # "did not reduce the incidence of PONV" or "no difference in nausea" deny a change: no difference;
        # "not associated with hallucinations" or "no patient had apnoea" deny the harm itself
        changed = [
            m
            for k in ("same", "lower", "higher")
            for m in cues[k]
            if m.start() >= lo and m.end() <= hi and (k != "same" or _CHANGE_WORDS.search(m.group(0)))
        ]
        head = clause[lo : min(hi, lo + 40)] if lo < a else ""  # "did not detect a large difference in ..."
        if not changed and _CHANGE_WORDS.search(head):
            changed = [_CHANGE_WORDS.search(head)]  # type: ignore[list-item]
        if not changed:  # "no patient had apnoea"; but "did not reduce the incidence of PONV" is no difference
            return "absent", neg[2], "harm negated", None
        return "same", f"{neg[2]} ... {changed[0].group(0)}", "change negated", None
    order = ("same", "lower", "higher", "worse", "better") if not harm else ("same", "lower", "higher", "worse")
    found = [(k, m) for k in order for m in (cues[k] if k == "same" else outside_same(cues[k]))]
    # of overlapping cues the longest speaks ("less effective" is worse, not lower)
    candidates = [
        (k, m)
        for k, m in found
        if not any(
            o is not m
            and o.start() <= m.start()
            and m.end() <= o.end()
            and (o.end() - o.start()) > (m.end() - m.start())
            for _, o in found
        )
    ]
    # "analgesic effect is well documented, with a reduction in chronic pain": a change noun after the outcome that
    # names its own object is not about this outcome
    candidates = [
        (k, m)
        for k, m in candidates
        if not (
            m.start() >= b
            and _CHANGE_NOUN.match(m.group(0))
            and re.match(r"\s+(?:of|in)\s", clause[m.end() : m.end() + 5])
        )
    ]
    if candidates:
        # the cue closest to the outcome's words speaks of it ("pain was reduced, with no difference in nausea")
        def distance(km: tuple[str, re.Match[str]]) -> tuple[int, int]:
            m = km[1]
            if m.end() <= a:
                gap = clause[m.end() : a]
                d = 0 if _BINDS.match(gap) else a - m.end()  # "a reduction in total opioid consumption"
                if km[0] == "same" and len(gap) <= 3:
                    d = -1  # "similar pain reduction", "no pain relief": the denial right before the outcome
            else:
                d = m.start() - b if m.start() >= b else 0
                if (
                    d > 0
                    and _NOUN_CUE.search(m.group(0))
                    and re.match(r"\s+(?:of|in)\s", clause[m.end() : m.end() + 5])
                ):
                    d += 60  # "analgesia, due to inhibition of NMDA receptors": that cue is about its own object
            return d, order.index(km[0])

        k, m = min(candidates, key=distance)
        if re.search(r"\b(?:in|at)\s+$", clause[max(0, m.start() - 4) : m.start()]):
            # "noninferior to morphine in reducing pain": the comparison before the gerund speaks
            outer = [
                (k2, m2)
                for k2, m2 in candidates
                if m2.end() <= m.start() and m.start() - m2.end() <= 50 and m2 is not m
            ]
            if outer:
                k, m = max(outer, key=lambda km: km[1].end())
        if k == "same":
            return "same", m.group(0), "no-difference cue", m.start()
        trig = ctx.negated(m.start() + off, m.end() + off)
        if trig:
            return "same", f"{trig} ... {m.group(0)}", f"{k} cue negated", m.start()
        if k in ("lower", "higher") and _BOTH_SIMILAR.search(clause):
            return "same", f"{m.group(0)} ... similarly in both", f"{k} cue in both arms alike", m.start()
        undo = _REVERSED.search(clause[max(0, m.start() - 60) : m.start()]) if k in ("lower", "higher") else None
        if undo is None and k in ("lower", "higher") and _CHANGE_NOUN.match(m.group(0)):
            undo = _REVERSED_AFTER.match(clause, m.end())
        if undo and not ctx.negated(m.start() - len(undo.group(0)) + off, m.start() + off):
            # "attenuated the fentanyl-induced reduction in ventilation": the change did not happen, or less
            flipped = "higher" if k == "lower" else "lower"
            return flipped, f"{undo.group(1)} ... {m.group(0)}", f"{k} cue reversed", m.start()
        return k, m.group(0), f"{k} cue", m.start()
    if not harm:
        unsaid = lex.unsaid.search(clause)
        if unsaid and not ctx.negated(unsaid.start() + off, unsaid.end() + off):
            return "better", unsaid.group(0), "significant difference, direction unsaid", None
    if harm:
        occ = _nearest(cues["occurred"], a, b)
        if occ is not None:
            return "occurred", occ.group(0), "occurrence cue", None
    return None, "", "no direction", None


def _times_of(
    found: list[TimeMention], cue_spans: list[tuple[int, int]], a: int, b: int, at: int | None, cue: str
) -> list[TimeMention]:
    """The time points of one finding: those between the cue before it and the cue after it, when the clause has
    several ("lower at 24 h, and no difference at 4, 8 and 48 h")."""
    if at is None:
        return found
    start, end = min(a, at), max(b, at + len(cue))
    lo = max((e for s, e in cue_spans if e <= start), default=0)
    hi = min((s for s, e in cue_spans if s >= end), default=10**9)
    return [t for t in found if lo <= t.start < hi]


_HAPPENED = ("occurred", "higher", "worse")  # directions that say a harm happened (or happened more)


def _serious_words(m: re.Match[str] | None, outcome: str, lex: Lexicon) -> str | None:
    return m.group(0) if m and outcome in lex.harms else None


def _sentence_findings(
    i: int,
    sentence: str,
    study: Study,
    lex: Lexicon,
    abbrevs: dict[str, str],
    previous: list[str],
    cut: bool = False,
    labels: dict[str, float] | None = None,
) -> list[Finding]:
    """The findings of one result or conclusion sentence; ``previous``: the outcomes of the sentence before, for
    a sentence that names none ("No benefit was found versus placebo"); ``labels``: the time-point labels the
    abstract defines ("4 weeks postinfusion (T2)"), read where a result uses them ("At T2, ...")."""
    full = expand(sentence, abbrevs)
    low = lower_same_length(full)
    present = word_starts(low)
    population = [
        t
        for t, ms in lex.setting_matchers.items()
        if any((rx.keys is None or not rx.keys.isdisjoint(present)) and rx.search(full, low) for rx in ms)
    ]
    text = lex.descriptions.sub(lambda m: " " * len(m.group(0)), full)  # who was treated, not what happened
    ctx = Context(text)
    out: list[Finding] = []
    for c0, c1 in _clauses(text):
        clause = text[c0:c1]
        if lex.ignore.search(clause):
            previous = []  # nor is the rest of the sentence about the outcome before it
            continue  # groups compared at baseline or by subgroup, a correlation, a call for research
        examples = [(m.start(), m.end()) for m in _EXAMPLES.finditer(clause)]
        mentions = [
            x
            for x in _outcome_mentions(clause, lex)
            if not any(s <= x[1] < e for s, e in examples)
            and not (x[0] in lex.indications and _GIVEN_FOR.search(clause, 0, x[1]))
            and not (x[0] in lex.indications and _NAMES_THE_DOSE.match(clause, x[2]))
        ]
        safe = lex.safe.search(clause)
        inherited = implied = False
        if not mentions and not safe:
            outside = _EXAMPLES.sub(lambda m: " " * len(m.group(0)), clause)
            implied_at = lex.implied_pain.search(outside)
            implied = bool(implied_at and lex.ketamine.search(clause))
            if implied_at and implied:
                mentions = [("pain_intensity", implied_at.start(), implied_at.end())]
            elif previous and not cut and any(lex.direction[k].search(clause) for k in ("same", "better", "worse")):
                mentions = [(o, 0, 0) for o in previous]
                inherited = True
            else:
                continue
        elif mentions:
            previous = list(dict.fromkeys(o for o, _, _ in mentions))  # "higher X in opioids; however, this was not
            # significant": the clause after is about X
        arm, vs, by_context = _arms(clause, lex, study)
        if vs is None and arm == "ketamine" and not (study.placebo or study.comparators) and lex.estimates.search(text):
            vs = "placebo"  # a pooled or between-group estimate, in a report that names no control: against one
        elif vs is None and arm == "ketamine" and len(study.comparators) == 1 and not study.placebo:
            # ... and in a report that names one comparator, a clause that names no other drug: against it (not
            # "ketamine+morphine was more effective than ketamine alone")
            if lex.estimates.search(text) and all(m.kind != "drug" for m in _drug_mentions(clause, lex)):
                vs = study.comparators[0]
        split_cmp = bool(lex.comparison.search(clause))
        clause_cues = {
            k: [m for m in rx.finditer(clause) if not _BOUND.match(clause, m.end())] for k, rx in lex.direction.items()
        }
        clause_sig = _significance(clause, lex)
        clause_times = [t for t in times(clause, labels) if t.kind not in ("regimen", "interval", "age")]
        cue_spans = sorted((m.start(), m.end()) for k, ms in clause_cues.items() if k != "occurred" for m in ms)
        serious_words = list(lex.serious.finditer(clause))
        serious = serious_words[0] if serious_words else None
        # a harm said to happen is serious by the clause's serious words that are not denied: "a higher risk of
        # non-serious adverse events, and no patients receiving ketamine had a serious adverse event"
        serious_asserted = next((m for m in serious_words if not ctx.negated(c0 + m.start(), c0 + m.end())), None)
        courses = [(k, m) for k, rx in lex.course.items() for m in rx.finditer(clause)]
        seen: dict[str, set[str | None]] = {}
        for outcome, a, b in mentions:
            # the p-value of this outcome, not of the next one in the clause ("lower (P<0.001), with comparable
            # adverse events (P>0.05)")
            nxt = next((x for o, x, _ in mentions if x > a and o != outcome), len(clause))
            direction, cue, rule, at = _direction(outcome, a, b, clause, ctx, c0, lex, clause_cues)
            sig = None
            lost_at = None  # where the significance is lost at later time points ("(P<0.05), at 180 min (ns)")
            if at is not None and direction in ("lower", "higher", "better", "worse"):
                # the p-value after a change is its own, up to the next cue ("lower at 24 h (P=0.016), and no
                # significant difference at 48 h")
                end = at + len(cue)
                upto = min((s for s, _ in cue_spans if s >= end), default=len(clause))
                sig = _first_significance(clause[at:upto], lex)
                later = lex.sig_no.search(clause, end, upto) if sig else None
                lost_at = later.start() if later else None
            if sig is None:
                sig = _significance(clause[a:nxt], lex)
            if sig is None:
                sig = clause_sig
            mine = _times_of(clause_times, cue_spans, a, b, at, cue)
            gone = [t for t in mine if lost_at is not None and t.start > _previous_stop(clause, lost_at)]
            when = [(t.days, t.upper, t.kind, t.text) for t in mine if t not in gone]
            if direction is None and implied and lex.direction["better"].fullmatch(clause[a:b]):
                direction, cue, rule = "better", clause[a:b], "better cue naming the effect"  # "may be useful"
                trig = ctx.negated(a + c0, b + c0)
                if trig:  # "no unifying effective regimen has emerged"
                    direction, cue, rule = "same", f"{trig} ... {cue}", "better cue negated"
            if outcome in seen and not (
                rule == "no-difference cue"
                and at is not None
                and at < a
                and seen[outcome] - {"same", None}
                and "same" not in seen[outcome]
            ):
                continue  # the outcome named again is the same finding, unless a change is followed by "no
                # difference in" it ("lower at 24 h (P=0.016), and no difference in resting pain at 48 h")
            seen.setdefault(outcome, set()).add(direction)
            this_vs = vs
            if (
                direction in ("lower", "higher", "better")
                and vs not in (None, "baseline")
                and not split_cmp
                and _CHANGE_NOUN.search(cue)
            ):
                this_vs = "baseline"  # "reductions were 1.0 for ketamine and 2.0 for placebo": a change in each arm
            elif direction == "same" and vs == "baseline" and _SAME_CHANGE.search(clause):
                this_vs = None  # "similar reductions from baseline": no difference between the groups
            near = [(k, m) for k, m in courses if _reach(clause, a, b, m.start(), m.end()) <= COURSE_REACH]
            course = f"{near[0][0]}: {near[0][1].group(0)}" if near else None
            if safe and outcome == "adverse_events" and direction in (None, "occurred", "same"):
                direction, cue, rule = "absent", safe.group(0), "safety statement"
            out.append(
                Finding(
                    s=i,
                    outcome=outcome,
                    words=_induced_by(clause, a) + clause[a:b],
                    direction=direction,
                    cue=cue,
                    arm=arm,
                    vs=this_vs,
                    arm_by_context=by_context,
                    significant=False if direction == "same" and sig is None else sig,
                    times=when,
                    negation=ctx.negated(a + c0, b + c0),
                    hedge=ctx.possible(a + c0, b + c0),
                    serious=_serious_words(serious_asserted if direction in _HAPPENED else serious, outcome, lex),
                    population=population,
                    course=course,
                    rule=rule + ("; outcome named just before" if inherited else ""),
                )
            )
            if gone and when:
                seen[outcome].add("same")
                out.append(
                    replace(
                        out[-1],
                        direction="same",
                        significant=False,
                        times=[(t.days, t.upper, t.kind, t.text) for t in gone],
                        rule="not significant at the later time points",
                    )
                )
        if safe and "adverse_events" not in seen:
            out.append(
                Finding(
                    s=i, outcome="adverse_events", words=safe.group(0), direction="absent", cue=safe.group(0), arm=arm,
                    vs=vs, arm_by_context=by_context, significant=clause_sig, population=population,
                    times=[(t.days, t.upper, t.kind, t.text) for t in clause_times],
                    rule="safety statement",
                )
            )  # fmt: skip
    return out


def _study(rec: Record, sentences: list[Sentence], texts: list[str], lex: Lexicon) -> Study:
    whole = " ".join(texts)
    study = Study(ketamine=bool(lex.ketamine.search(whole)))
    all_arms = lex.all_arms.search(whole)
    study.in_all_arms = all_arms.group(0) if all_arms else None
    design_text = " ".join(
        t for s, t in zip(sentences, texts, strict=True) if s.role in ("title", "objective", "methods")
    )
    design_text = design_text or whole
    # a placebo named only in a call for future trials is not an arm of this study
    present = " ".join(t for t in texts if not lex.future_research.search(t))
    placebo = lex.placebo.search(design_text) or lex.placebo.search(present)
    study.placebo = placebo.group(0) if placebo else None
    # a comparator arm is a drug the title names, or that a design sentence sets against ketamine; a drug given
    # to everyone (premedication, rescue) is not one
    seen: list[str] = []
    arm_text = " ".join(
        t
        for s, t in zip(sentences, texts, strict=True)
        if s.role == "title" or (s.role in ("objective", "methods") and _ARM_WORDS.search(t))
    )
    for m in lex.comparators.finditer(arm_text):
        name = m.group(0).lower()
        if name not in seen and not _DRUG_AS_UNIT.match(arm_text, m.end()):
            seen.append(name)
    placebo_drugs = []
    for m in lex.active_placebo.finditer(whole):
        drug = (m.group("drug") or m.group("drug2") or "").lower()
        if drug in seen:
            placebo_drugs.append(drug)
    study.placebo_drugs = placebo_drugs
    study.comparators = [d for d in seen if d not in placebo_drugs]
    # ketamine added to a drug: the drugs named near the words that say so ("morphine plus ketamine"), not a drug
    # given with ketamine against another ("ketamine combined with midazolam versus morphine")
    study.add_on = [
        d
        for d in study.comparators
        if any(
            re.search(rf"\b{re.escape(d)}", design_text[max(0, m.start() - 40) : m.end() + 40], re.I)
            for m in lex.add_on.finditer(design_text)
        )
    ]
    sizes = [int(m.group(1).replace(",", "")) for rx in lex.size for m in rx.finditer(whole)]
    study.size = max(sizes) if sizes else None
    tags = rec.get("tags") or {}
    study.population = list(tags.get("setting") or [])
    for name, rx in lex.regimen:
        hit = rx.search(design_text) or rx.search(whole)
        if hit:
            study.regimen = (name, hit.group(0))
            break
    for name, rx in lex.exposure:
        hit = rx.search(whole)
        if hit:
            study.exposure = (name, hit.group(0))
            break
    study.focus = _focus(texts)
    rated = (lex.low_certainty.search(t) for s, t in zip(sentences, texts, strict=True) if s.role in RESULT_ROLES)
    study.certainty = next((m.group(0) for m in rated if m), None)
    return study


def _focus(texts: list[str]) -> list[tuple[str, str]]:
    """What the report is about beyond its design (vocabulary.toml [focus]): from its title, or from what the
    abstract says of itself."""
    out = []
    title, abstract = texts[0], texts[1:]
    for td in default_vocabulary().tags.get("focus", []):
        where = [title] if td.title_only else [title, *abstract]
        hit = next(
            (m.group(0) for t in where for rx in td.regexes for m in [rx.search(t, lower_same_length(t))] if m), None
        )
        hit = hit or next(
            (m.group(0) for t in abstract for rx in td.self_regexes for m in [rx.search(t, lower_same_length(t))] if m),
            None,
        )
        if hit:
            out.append((td.id, hit))
    return out


def read_record(rec: Record) -> Reading:
    """The findings of one record (pure: the record and the data files decide)."""
    lex = lexicon()
    sentences = _sentences(rec)
    reading = Reading(
        version=findings_version(), sentences=sentences, findings=[], study=Study(), source=source_hash(rec)
    )
    texts = [reading.text(rec, i) for i in range(len(sentences))]
    abstract = " ".join(texts[1:])
    reading.abbreviations = abbreviations(f"{texts[0]} {abstract}") if "(" in abstract or "(" in texts[0] else {}
    reading.study = _study(rec, sentences, texts, lex)
    previous: list[str] = []
    labels = time_labels(texts) if any("(T" in t for t in texts) else {}
    for i, s in enumerate(sentences):
        if s.role in RESULT_ROLES and not lex.methods_sentences.search(texts[i]):
            found = _sentence_findings(i, texts[i], reading.study, lex, reading.abbreviations, previous, s.cut, labels)
            reading.findings.extend(found)
            previous = list(dict.fromkeys(f.outcome for f in found)) or previous
    return reading


def reading_of(rec: Record) -> Reading:
    """The record's stored findings if they are current, else a fresh reading."""
    stored = rec.get("findings")
    if isinstance(stored, str):
        import orjson

        stored = orjson.loads(stored)
    if is_current(stored, rec):
        return Reading.from_dict(stored)  # type: ignore[arg-type]
    return read_record(rec)


def is_current(stored: Any, rec: Record) -> bool:
    """Whether stored findings were read by these rules from this record as it is now."""
    return (
        isinstance(stored, dict)
        and stored.get("version") == findings_version()
        and stored.get("source") == source_hash(rec)
    )
