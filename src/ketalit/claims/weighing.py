"""``data/weighing.toml``, how evidence is weighed on a claim: loaded once for retrieval, stance and verdicts."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .._compat import tomllib
from ..kept import Kept
from ..tagging.patterns import either
from ..tagging.tagger import default_vocabulary
from .catalogue import KINDS
from .text import WORDED_NUMBER


@lru_cache(maxsize=1)
def weighing() -> dict[str, Any]:
    """``data/weighing.toml``, its setting ids checked against the vocabulary."""
    data = tomllib.loads(resources.files("ketalit").joinpath("data/weighing.toml").read_text(encoding="utf-8"))
    vocab = default_vocabulary()
    for key, ids in data.get("population", {}).items():
        for tag in ids:
            if not vocab.has("setting", tag):
                raise ValueError(f"data/weighing.toml: [population] {key}: {tag!r} is not a vocabulary setting")
    for tag in data.get("condition", {}).get("pain", []):
        if not vocab.has("outcome", tag):
            raise ValueError(f"data/weighing.toml: [condition] pain: {tag!r} is not a vocabulary outcome")
    for kind in data.get("route", {}).get("support_kinds", []):
        if kind not in KINDS:
            raise ValueError(f"data/weighing.toml: [route] support_kinds: {kind!r} is not a kind of claim")
    return data


@lru_cache(maxsize=64)
def serious_harm(serious: str | None, outcome: str | None) -> bool:
    """Whether a finding is of a serious harm: its sentence says so ("serious", "life-threatening"), or its harm is
    serious whatever words report it ([harm] serious_outcomes: hepatotoxicity, urological)."""
    return bool(serious) or outcome in weighing()["harm"]["serious_outcomes"]


def pattern(section: str, key: str) -> re.Pattern[str]:
    """One case-insensitive pattern for ``[section] key`` of ``data/weighing.toml``: a list of patterns (any of them)
    or a single pattern; ``{number}`` in one stands for a whole number in words (``text.WORDED_NUMBER``)."""
    value = weighing()[section][key]
    patterns = [value] if isinstance(value, str) else value
    return either(p.replace("{number}", WORDED_NUMBER) for p in patterns)


@dataclass(frozen=True)
class Condition:
    """A named pain condition of ``data/weighing.toml`` [condition]: a claim about it is judged on its own records."""

    id: str
    label: str
    words: re.Pattern[str]  # the condition's name and synonyms
    setting: str | None  # the vocabulary setting that tags a record's population with it, if it has one
    broader: frozenset[str]  # the vocabulary settings it belongs to (CRPS: chronic non-cancer pain)
    outcomes: tuple[str, ...]  # the outcomes (vocabulary ids) a benefit for it is shown by
    psychiatric: bool = False  # a population of its own, not pain: records on patients in pain are indirect for it

    def named_in(self, text: str) -> str:
        """The words of ``text`` that name the condition ("" if none). Kept for the process: a record's title,
        keywords, abstract and sentences are read for each claim about the condition that it is a candidate for."""
        key = (self.words.pattern, self.words.flags, text)
        said = _NAMED.get(key)
        if said is None:
            m = self.words.search(text)
            said = _NAMED.keep(key, m.group(0) if m else "")
        return said


# what a condition's words found in a text, keyed on the words (as a pattern and its flags) and the text
_NAMED: Kept[tuple[str, int, str], str] = Kept(32768)


@lru_cache(maxsize=1)
def conditions() -> tuple[Condition, ...]:
    """The named conditions, each with its words (a vocabulary setting's patterns, or its own)."""
    vocab = default_vocabulary()
    pain = tuple(weighing()["condition"]["pain"])
    out = []
    for cid, spec in weighing().get("condition", {}).items():
        if not isinstance(spec, dict):
            continue  # a setting of the section (its pain outcomes), not a condition
        where = f"data/weighing.toml: [condition.{cid}]"
        unknown = set(spec) - {"setting", "within", "label", "patterns", "psychiatric", "outcomes", "icd11"}
        if unknown:
            raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        setting, within, psychiatric = spec.get("setting"), spec.get("within"), spec.get("psychiatric") is True
        for tag in (setting, within):
            if tag is not None and not vocab.has("setting", tag):
                raise ValueError(f"{where}: {tag!r} is not a vocabulary setting")
        outcomes = tuple(spec.get("outcomes", () if psychiatric else pain))
        for tag in outcomes:
            if not vocab.has("outcome", tag):
                raise ValueError(f"{where}: outcomes: {tag!r} is not a vocabulary outcome")
        td = vocab.tag("setting", setting) if setting is not None else None
        if td is not None:
            label, patterns, broader = td.label, list(td.patterns), set(vocab.ancestors("setting", td.id)) - {td.id}
        elif isinstance(spec.get("label"), str) and spec.get("patterns") and (within is not None or psychiatric):
            label, patterns = spec["label"], list(spec["patterns"])
            broader = set(vocab.ancestors("setting", within)) if within is not None else set()
        else:
            raise ValueError(f"{where} needs a setting, or a label, patterns and within (or psychiatric = true)")
        if psychiatric and (within is not None or setting is not None or not outcomes):
            raise ValueError(
                f"{where}: a psychiatric condition is a population of its own: no setting or within, "
                "and the outcomes that show a benefit for it"
            )
        try:
            words = either(patterns)
        except re.error as exc:
            raise ValueError(f"{where}: a pattern does not compile: {exc}") from None
        out.append(Condition(cid, label, words, setting, frozenset(broader), outcomes, psychiatric))
    return tuple(out)


@dataclass(frozen=True)
class NamedHarm:
    """A harm named more finely than its vocabulary outcome (``data/weighing.toml`` [harm.named]): blood pressure and
    heart rate are both cardiovascular."""

    id: str
    outcome: str  # the vocabulary outcome it is filed under
    words: re.Pattern[str]  # its name and synonyms, as claims and abstracts write them
    # the words of it going up and of it going down ("hypertension", "blood pressure rose"; "a drop in blood
    # pressure"), for a harm that changes either way; None for one that does not
    rise: re.Pattern[str] | None = None
    fall: re.Pattern[str] | None = None

    def change(self, text: str) -> str:
        """Which way a text says the harm goes: "rise", "fall", or "" when it names both ways or neither."""
        if self.rise is None or self.fall is None:
            return ""
        up, down = bool(self.rise.search(text)), bool(self.fall.search(text))
        return "rise" if up and not down else "fall" if down and not up else ""


@lru_cache(maxsize=1)
def named_harms() -> tuple[NamedHarm, ...]:
    """Every harm of ``data/weighing.toml`` [harm.named], its outcome checked against the vocabulary."""
    vocab = default_vocabulary()
    out = []
    for key, spec in weighing()["harm"].get("named", {}).items():
        if not vocab.has("outcome", spec["outcome"]):
            raise ValueError(f"data/weighing.toml: [harm.named.{key}] {spec['outcome']!r} is not a vocabulary outcome")
        rise, fall = (either(spec[k]) if k in spec else None for k in ("rise", "fall"))
        out.append(NamedHarm(key, spec["outcome"], either(spec["words"]), rise, fall))
    return tuple(out)


@lru_cache(maxsize=1)
def harm_synonyms() -> tuple[re.Pattern[str], ...]:
    """One pattern per group of ``data/weighing.toml`` [harm] synonyms: the words that name one harm."""
    return tuple(either(group) for group in weighing()["harm"].get("synonyms", []))


def spelled(rx: str, most: int = 8) -> tuple[str, ...]:
    """A pattern's words written out, for a search query: every choice of each group, each optional part with and
    without, a set of characters as its first ('\\bdizz(?:y|iness)\\b' is "dizzy" and "dizziness"); ``most`` of
    them at most."""
    inner = re.compile(r"\(\?:([^()]*)\)(\??)")
    out: list[str] = []
    todo = [rx.replace("\\b", "")]
    while todo and len(out) < most:
        s = todo.pop(0)
        m = inner.search(s)
        if m is None:
            word = re.sub(r"\[(.)[^\]]*\]\??", r"\1", s).replace("?", "").replace("\\", "").strip()
            out.extend([word] if word and word not in out else [])
            continue
        choices = m.group(1).split("|") + ([""] if m.group(2) else [])
        todo.extend(s[: m.start()] + c + s[m.end() :] for c in choices)
    return tuple(out)


@lru_cache(maxsize=1024)
def harm_synonym_words(quote: str) -> tuple[str, ...]:
    """Every word of each [harm] synonyms group that ``quote`` names, written out ("Light-headedness" gives
    "dizziness", "giddiness" ...): what a search for the harm looks for besides the page's own word."""
    groups = weighing()["harm"].get("synonyms", [])
    words = (
        w
        for group, g in zip(harm_synonyms(), groups, strict=True)
        if group.search(quote)
        for rx in g
        for w in spelled(rx)
    )
    return tuple(dict.fromkeys(words))


@lru_cache(maxsize=1024)
def harms_named(text: str) -> tuple[NamedHarm, ...]:
    """The harms of [harm.named] a text names."""
    return tuple(h for h in named_harms() if h.words.search(text))


@lru_cache(maxsize=1)
def psychiatric_words() -> re.Pattern[str]:
    """The words of every psychiatric diagnosis of ``data/weighing.toml`` [condition] (``psychiatric = true``), their
    one home: the normaliser reads a claim that names one as about that condition, not about pain."""
    return re.compile("|".join(f"(?:{c.words.pattern})" for c in conditions() if c.psychiatric), re.I)


@dataclass(frozen=True)
class TextbookPart:
    """One part of what a mechanism or history claim asserts (``data/weighing.toml`` [[textbook.parts]]): a sentence
    states it when it names the predicate and the object, or a phrase that says both."""

    name: str
    predicate: re.Pattern[str]
    object: re.Pattern[str]
    whole: re.Pattern[str] | None
    dated: bool
    kinds: tuple[str, ...] = ("mechanism", "history")
    only_by_parts: bool = False  # needed only of a claim read by its parts (its own words name it otherwise)
    direction: str | None = None  # the way the part's predicate acts ([textbook.actions]: "down", a receptor blocked)
    # what a statement of the part also says is blocked or changed (the NMDA receptor is glutamate's: "modulates
    # glutamate", "stops glutamate from binding"), not an amount of it ([[textbook.parts]] acts_on)
    acts_on: re.Pattern[str] | None = None

    def named_in(self, sentence: str) -> tuple[re.Match[str], re.Match[str]] | None:
        """The predicate and the object a sentence names the part with (a phrase that says both is each), or None.
        Kept for the process: a record's sentences are read for each textbook claim it is a candidate for."""
        whole = self.whole
        key = (
            self.predicate.pattern,
            self.predicate.flags,
            self.object.pattern,
            self.object.flags,
            whole.pattern if whole is not None else None,
            whole.flags if whole is not None else 0,
            sentence,
        )
        if key in _PART_NAMED:
            return _PART_NAMED[key]
        said = whole.search(sentence) if whole is not None else None
        verb, obj = said or self.predicate.search(sentence), said or self.object.search(sentence)
        return _PART_NAMED.keep(key, (verb, obj) if verb and obj else None)


# what a textbook part's patterns found in a sentence, keyed on the patterns (and their flags) and the sentence
_PART_NAMED: Kept[tuple[str, int, str, int, str | None, int, str], tuple[re.Match[str], re.Match[str]] | None] = Kept(
    32768
)


def _stems(words: list[str]) -> re.Pattern[str] | None:
    """Stems as a pattern: each word starts at a word boundary ("reduc" finds "reduced", "il-6" finds "IL-6")."""
    if not words:
        return None
    return re.compile("|".join(r"(?<![\w-])" + re.escape(w) for w in words), re.I)


PART_OPTIONS = ("object_pattern", "kinds", "only_by_parts", "direction", "acts_on")


@lru_cache(maxsize=1)
def _textbook_part_specs() -> tuple[tuple[re.Pattern[str], TextbookPart], ...]:
    out = []
    for n, spec in enumerate(weighing()["textbook"].get("parts", []), 1):
        where = f"data/weighing.toml: [[textbook.parts]] {n} ({spec.get('name', '?')})"
        unknown = set(spec) - {"name", "claim", "predicate", "object", "whole", "dated"} - set(PART_OPTIONS)
        if unknown or not (spec.get("name") and spec.get("claim") and spec.get("predicate") and spec.get("object")):
            raise ValueError(
                f"{where}: needs name, claim, predicate and object (may have whole, dated, {', '.join(PART_OPTIONS)})"
            )
        kinds = tuple(spec.get("kinds", ("mechanism", "history")))
        if not set(kinds) <= {"mechanism", "history"}:
            raise ValueError(f"{where}: kinds are mechanism and history only")
        claim = either(spec["claim"])
        predicate, obj = _stems(spec["predicate"]), _stems(spec["object"])
        assert predicate is not None and obj is not None
        if spec.get("object_pattern"):  # an object a stem cannot say ("in the 1960s", "long used", not "long-term")
            obj = re.compile(f"{obj.pattern}|{either(spec['object_pattern']).pattern}", re.I)
        whole = _stems(spec.get("whole", []))
        alone = spec.get("only_by_parts") is True
        direction = spec.get("direction")
        if direction is not None and direction not in ("up", "down"):
            raise ValueError(f"{where}: direction is up or down")
        acts_on = _stems(spec.get("acts_on", []))
        if acts_on is not None and direction != "down":
            raise ValueError(f"{where}: acts_on is what a part that blocks (direction down) blocks too")
        part = TextbookPart(
            spec["name"], predicate, obj, whole, spec.get("dated") is True, kinds, alone, direction, acts_on
        )
        out.append((claim, part))
    return tuple(out)


@lru_cache(maxsize=1024)
def textbook_parts(text: str, kind: str = "mechanism") -> tuple[TextbookPart, ...]:
    """The parts of ``data/weighing.toml`` [[textbook.parts]] a mechanism or history claim's text names, in order (a
    part of one kind only, "used as an anaesthetic" of history, is not a part of a claim of the other)."""
    return tuple(part for claim, part in _textbook_part_specs() if kind in part.kinds and claim.search(text))


@lru_cache(maxsize=4)
def general_words(kind: str) -> re.Pattern[str]:
    """The words a textbook claim of ``kind`` says nothing with (``data/weighing.toml`` [textbook] general_words; of a
    history claim also history_general_words, of a mechanism claim mechanism_general_words)."""
    keys = {
        "history": ("general_words", "history_general_words"),
        "mechanism": ("general_words", "mechanism_general_words"),
    }.get(kind, ("general_words",))
    return either([p for key in keys for p in weighing()["textbook"][key]])


def read_by_parts(kind: str, text: str, words: tuple[str, ...]) -> tuple[TextbookPart, ...]:
    """The parts a mechanism or history claim (its kind, text and own words) is read by, sentence by sentence: all of
    them when they say all the claim says but two words, or when one is a span of use (which the claim's words do not
    check: "for more than 60 years" against "first synthesized in 1962"). A claim that says more ("relieves the
    widening of blood vessels") is read on its own words; its parts are still each needed for a verdict."""
    parts = textbook_parts(text, kind) if kind in ("mechanism", "history") else ()
    if parts and joined_subject_rest(kind, text, words):
        # "blocks NMDA receptors, and it rebuilds the brain": read on its own words, the joined clause needed
        return ()
    rest = _unchecked_rest(kind, text, words)
    if kind == "mechanism" and rest and joined_besides(text, parts, rest) and not effect_on_patients(text):
        # "blocks NMDA receptors and destroys dopamine": read on its own words, the joined clause needed (a joined
        # effect on patients, "and works within seconds", caps the verdict as before)
        return ()
    return parts if len(rest) < 3 or any(p.dated for p in parts) else ()


def effect_on_patients(text: str) -> str:
    """What a mechanism claim says its mechanism does for patients (``verdict.effect_of_mechanism``,
    ``unchecked_consequence``), or ""."""
    from .verdict import _effect_of_mechanism, _unchecked_consequence  # (verdict imports this module)

    return _effect_of_mechanism(text) or _unchecked_consequence(text)


# a second predicate joined by "and" ("... and regrows damaged nerve endings"), not a consequence ("and so", "and this")
JOINED = re.compile(r",?\s+and\s+(?!(?:this|that|so|thus|therefore|then|it)\b)(?=[a-z]+s\b)", re.I)


def joined_to_part(text: str, parts: tuple[TextbookPart, ...]) -> str:
    """The second predicate joined by "and" (``JOINED``) to a clause that names one of ``parts``, when none of them
    names it ("destroys dopamine" in "blocks NMDA receptors and destroys dopamine"); "" otherwise."""
    joint = JOINED.search(text) if parts else None
    if joint is None:
        return ""
    first, second = text[: joint.start()], text[joint.end() :]
    if not any(p.named_in(first) for p in parts) or any(p.named_in(second) for p in parts):
        return ""
    return second


def joined_besides(text: str, parts: tuple[TextbookPart, ...], rest: tuple[str, ...]) -> tuple[str, ...]:
    """The words of ``rest`` in a second predicate joined by "and" to a clause that names a part, when no part names
    the second (``joined_to_part``: "blocks NMDA receptors and destroys dopamine"), less its verbs of action ("and
    alters the way" names nothing a sentence must state); () otherwise."""
    second = joined_to_part(text, parts)
    if not second:
        return ()
    low = second.lower()
    verbs = action_words()
    return tuple(w for w in rest if re.search(rf"(?<![\w-]){re.escape(w.lower())}", low) and not verbs.match(w))


def _unchecked_rest(kind: str, text: str, words: tuple[str, ...]) -> tuple[str, ...]:
    """``textbook_rest``, less the words no sentence stating the claim's parts need name: of a mechanism claim
    ``mechanism_aside``, of a history or mechanism claim the product it says holds ketamine (``holder_words``)."""
    rest = textbook_rest(text, words, general_words(kind), kind)
    if not rest:
        return rest
    aside = holder_words(text) | (mechanism_aside(text) if kind == "mechanism" else frozenset())
    return tuple(w for w in rest if w.lower() not in aside)


@lru_cache(maxsize=2048)
def holder_words(text: str) -> frozenset[str]:
    """The words with which a claim names what holds ketamine, the page's own product (``data/weighing.toml``
    [textbook] holds_ketamine: "The lozenges hold ketamine, a drug that ...", "Ketamine, the drug these troches contain,
    ..."): not what ketamine has been or does."""
    spans = pattern("textbook", "holds_ketamine").finditer(text)
    return frozenset(w.lower() for m in spans for w in re.findall(r"[\w-]+", m.group(0)))


@lru_cache(maxsize=2048)
def mechanism_aside(text: str) -> frozenset[str]:
    """The words of a mechanism claim that a sentence stating what ketamine acts on need not name, because the claim's
    verdict checks them another way or they say nothing ketamine does: what it says its target is or does in the body
    (``data/claim_text.toml`` target_role: "glutamate, a neurotransmitter linked to both pain and mood"; and
    ``data/weighing.toml`` [textbook] target_said: "glutamate, an excitatory neurotransmitter,", "NMDA receptors, which
    likewise carry out important tasks"), and each action its grammar states (``action_parts``: "modulates glutamate",
    needed of the cited sentences on its own). A claim that names a part ("acts on NMDA receptors") and says no more
    than these and two words is read by its parts, like "ketamine blocks NMDA receptors"; what it says it does for
    patients (a benefit, a consequence) is read as before, on all its words."""
    return frozenset(w.lower() for _, span in aside_spans(text) for w in re.findall(r"[\w-]+", span))


TARGET_SAID = "what its target is or does"  # why a claim's words are set aside, as an explanation says it


def _target_described(text: str) -> list[tuple[int, int]]:
    """Where a mechanism claim says what its target is or does (``aside_spans``' first two kinds), as offsets."""
    from .extract import rules  # the claim grammar's patterns, loaded with the engine

    found = [m.span() for m in either(rules()["normalise"]["target_role"]).finditer(text)]
    return found + [m.span(m.lastindex or 0) for m in pattern("textbook", "target_said").finditer(text)]


@lru_cache(maxsize=2048)
def aside_spans(text: str) -> tuple[tuple[str, str], ...]:
    """``mechanism_aside``'s words as the claim says them, each with why a statement of its parts need not name them
    (as an explanation says it)."""
    from .extract import rules  # the claim grammar's patterns, loaded with the engine

    target = TARGET_SAID
    spans = [(target, m.group(0)) for m in either(rules()["normalise"]["target_role"]).finditer(text)]
    spans += [(target, m.group(m.lastindex or 0)) for m in pattern("textbook", "target_said").finditer(text)]
    spans += [("an action, checked on its own", a.name) for a in action_parts(text)]
    return tuple((why, span.strip(" ,")) for why, span in spans if span.strip(" ,"))


# A second predicate joined with its subject said again (", and it rebuilds the brain", ", and this widens the range of
# its uses", ", and it also ..."): not "it is", "it has", which say what something is.
_JOINED_SUBJECT = re.compile(
    r",\s*and\s+(?:it|this|ketamine)\s+(?:also\s+)?(?!(?:is|was|has|does)\b)(?=[a-z]+s\b)", re.I
)


@lru_cache(maxsize=2048)
def joined_subject_rest(kind: str, text: str, words: tuple[str, ...]) -> tuple[str, ...]:
    """The claim's words (``words``, less the general ones) in a second predicate joined to a mechanism claim by ", and
    it ..." or ", and this ..." (``_JOINED_SUBJECT``), when that predicate names no textbook part and no receptor or
    transmitter ([parts] consequence_target: "and it also acts on dopamine and mu-opioid receptors" is more of the
    mechanism, read as before) and the claim says no effect on patients (capped already:
    ``verdict.effect_of_mechanism``, ``unchecked_consequence``): "Ketamine works by blocking a chemical that produces
    pain, and it rebuilds the brain" claims the rebuilding too, and a sentence that states it must name it, as one
    joined by "and" alone (``stance._joined_rest``); () otherwise."""
    joint = _JOINED_SUBJECT.search(text) if kind == "mechanism" else None
    if joint is None:
        return ()
    second = text[joint.end() :]
    if textbook_parts(second, kind) or pattern("parts", "consequence_target").search(second):
        return ()
    if effect_on_patients(text):
        return ()
    low = second.lower()
    rest = textbook_rest(text, words, general_words(kind), kind)
    return tuple(w for w in rest if re.search(rf"(?<![\w-]){re.escape(w.lower())}", low))


def unparted_words(kind: str, text: str, words: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a claim read by its parts that none of them says: a claim read by parts says more than its parts
    ("has been used in emergency departments and operating rooms for decades", "to treat depression for decades",
    "first used as an anaesthetic by the US Army"), and that is a part too (``rest_named``). Of a history claim every
    such word, however few (one word, "depression", "war", "painkiller", is what makes "used to treat depression for
    decades" false); of a mechanism claim three or more. Words of ``data/weighing.toml`` [textbook] general_words
    (function words, hedges) are none. () for any other claim."""
    if not read_by_parts(kind, text, words):
        return ()
    rest = _unchecked_rest(kind, text, words)
    if kind == "history":  # a year or a figure is a date, read by the dated part ("since 1970"), not a word to find
        return tuple(w for w in rest if not re.search(r"\d", w))
    return rest if len(rest) >= 3 else ()


def rest_needed(kind: str, rest: tuple[str, ...]) -> int:
    """How many of a claim's unparted words a sentence must name to state them: of a history claim all of them (each
    says what happened, where, to whom or by whom); of a mechanism claim the share of ``data/weighing.toml``
    [textbook] share_of_words, two at least."""
    if kind == "history":
        return len(rest)
    share = weighing()["textbook"]["share_of_words"]
    return min(len(rest), max(2, math.ceil(share * len(rest))))


def rest_named(sentence: str, rest: tuple[str, ...], kind: str) -> list[str]:
    """The claim's unparted words a sentence names (a word as a stem, a plural as its singular, or one of the technical
    words ``data/weighing.toml`` [textbook.lay_words] gives for it); of a history claim not where the sentence names
    it as what research was done in ([textbook] research_after, research_before: "animal models", "studies in
    animals" do not state "made for use in animals")."""
    low = sentence.lower()
    if kind != "history":
        return [m.group(0) for rx in _rest_patterns(rest) if (m := rx.search(low))]
    after, before = pattern("textbook", "research_after"), pattern("textbook", "research_before")
    out = []
    for rx in _rest_patterns(rest):
        m = next(
            (m for m in rx.finditer(low) if not after.search(low[m.end() :]) and not before.search(low[: m.start()])),
            None,
        )
        if m is not None:
            out.append(m.group(0))
    return out


@lru_cache(maxsize=1024)
def _rest_patterns(rest: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """One pattern per unparted word, built once per claim rather than for every sentence of every record read."""
    lay = weighing()["textbook"]["lay_words"]
    out = []
    for word in rest:
        stem = word[:-1] if len(word) >= 5 and word.endswith("s") and not word.endswith("ss") else word
        alts = (stem, *(w for key, same in lay.items() if word.startswith(key) for w in same))
        out.append(re.compile("|".join(r"(?<![\w-])" + re.escape(a) for a in alts)))
    return tuple(out)


@lru_cache(maxsize=1024)
def textbook_rest(
    text: str, words: tuple[str, ...], general: re.Pattern[str], kind: str = "mechanism"
) -> tuple[str, ...]:
    """The words of a textbook claim that none of its parts says (``words`` its own, less those in ``general``): "in
    rat and mouse pain models" of "ketamine has been shown in rat and mouse pain models to change how NMDA receptors
    are expressed"."""
    parts = textbook_parts(text, kind)
    named = " ".join(m.group(0) for rx, part in _textbook_part_specs() if part in parts for m in rx.finditer(text))
    said = set(re.findall(r"[\w-]+", named.lower()))
    patterns = [rx for p in parts for rx in (p.predicate, p.object, p.whole) if rx is not None]

    lay = weighing()["textbook"]["lay_words"]

    def covered(word: str) -> bool:
        # a word or the technical words for it ([textbook.lay_words]: "attach" is "bind", a part's predicate)
        said_as = (word, *(w for key, same in lay.items() if word.startswith(key) for w in same))
        return word in said or any(rx.search(w) for rx in patterns for w in said_as)

    return tuple(w for w in dict.fromkeys(words) if not general.fullmatch(w) and not covered(w))


ACTION_CLASSES = ("up", "down", "change")
# what a verb of each direction does, as an explanation says it
ACTION_VERBS = {"up": "raises", "down": "lowers or blocks", "change": "changes"}
# which verbs of a sentence state a claim's verb of each direction: a change is stated by any
_STATED_BY = {"up": ("up",), "down": ("down",), "change": ACTION_CLASSES}


def _actions() -> dict[str, Any]:
    return weighing()["textbook"]["actions"]


@lru_cache(maxsize=4)
def _action_rx(key: str) -> re.Pattern[str]:
    """``[textbook.actions] key`` as one pattern (a list: any of them)."""
    value = _actions()[key]
    return either([value] if isinstance(value, str) else value)


def _whole_rx(key: str) -> re.Pattern[str]:
    """``[textbook.actions] key``, a list of words, as one pattern that matches a whole word of it (with ``match``)."""
    return either([rf"(?:{w})\Z" for w in _actions()[key]])


@lru_cache(maxsize=4096)
def _object_word(word: str) -> re.Pattern[str]:
    """An object's word as a sentence may name it: its stem ("neuropathy" finds "neuropathic", "glutamate"
    "glutamatergic") or one of its technical words ([textbook.lay_words]: "brain" is named by "central")."""
    w = word.lower()
    stem = w[: max(4, len(w) - 3)] if len(w) >= 6 else w
    tail = "" if len(w) >= 6 else r"s?\b"
    lay = [x for key, same in weighing()["textbook"]["lay_words"].items() if w.startswith(key) for x in same]
    alternatives = [r"(?<![\w-])" + re.escape(stem) + tail] + [r"(?<![\w])" + re.escape(x) for x in lay]
    return re.compile("|".join(alternatives), re.I)


_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:but|whereas|while|although|though)\b", re.I)
# what joins two verbs' phrases ("decreased serotonin and increased glutamate", "..., which increased"): a subject
# before a verb is looked for only after the last of these that follows another verb
_JOIN = re.compile(r",|\b(?:and|or|which|that|then|thus)\b", re.I)


def _verbs_in(sentence: str) -> list[tuple[re.Match[str], str, bool]]:
    """The verbs of action of a sentence in order, each with its direction and whether it is a noun ("the release
    of", "glutamate release", "an NMDA antagonist", "reduction": [textbook.actions] nominal)."""
    nominal, before = _action_rx("nominal"), _action_rx("nominal_before")
    found = sorted(
        ((m, cls) for cls in ACTION_CLASSES for m in _action_rx(cls).finditer(sentence)),
        key=lambda mc: (mc[0].start(), -mc[0].end()),
    )
    out: list[tuple[re.Match[str], str, bool]] = []
    for m, cls in found:
        if out and m.start() < out[-1][0].end():
            continue
        noun = bool(nominal.fullmatch(m.group(0)) or before.search(sentence[max(0, m.start() - 40) : m.start()]))
        out.append((m, cls, noun))
    return out


def _governed(sentence: str, span: int) -> list[tuple[str, int, int]]:
    """Each verb of a sentence that governs an object, with its direction and the stretch it governs: what follows it
    up to the next verb (that is not a noun) or clause break, and what precedes it back to the last verb or the word
    that joins it to the last verb ("glutamate levels were increased"); a verb that is a noun inside another verb's
    stretch ("increased the release of glutamate") governs nothing of its own."""
    verbs = _verbs_in(sentence)
    stretches: list[tuple[str, int, int, bool]] = []
    for n, (m, cls, noun) in enumerate(verbs):
        breaks = [b.end() for b in _CLAUSE_BREAK.finditer(sentence, 0, m.start())]
        after = _CLAUSE_BREAK.search(sentence, m.end())
        start = max([*breaks, 0])
        end = after.start() if after else len(sentence)
        later = [v.start() for v, _, nn in verbs[n + 1 :] if not nn]
        earlier = [v.end() for v, _, nn in verbs[:n] if not nn and v.end() > start]
        lo = max(m.start() - span, start)
        if earlier:
            joins = [j.end() for j in _JOIN.finditer(sentence, earlier[-1], m.start())]
            lo = max(lo, joins[-1]) if joins else m.start()  # no subject of its own
        hi = min([m.end() + span, end, *later])
        stretches.append((cls, lo, hi, noun))
    # a verb's object ends where the next verb's subject begins ("decreased serotonin, and glutamate was increased")
    for k, (cls, lo, hi, noun) in enumerate(stretches):
        m = verbs[k][0]
        subjects = [o_lo for j, (_, o_lo, _, o_noun) in enumerate(stretches) if j > k and not o_noun and o_lo > m.end()]
        stretches[k] = (cls, lo, min([hi, *subjects]), noun)
    return [
        (cls, lo, hi)
        for k, (cls, lo, hi, noun) in enumerate(stretches)
        if not noun
        or not any(
            o_lo <= verbs[k][0].start() < o_hi
            for j, (_, o_lo, o_hi, o_noun) in enumerate(stretches)
            if j != k and not o_noun
        )
    ]


@dataclass(frozen=True)
class ActionPart:
    """What a mechanism claim says a mechanism does, read from its grammar (``data/weighing.toml``
    [textbook.actions]): a verb of one direction (up, down, change) and the noun phrase it acts on. A sentence states
    it when a verb that states that direction governs every specific word of the object (the object follows the verb
    before the next verb or clause break, or is the verb's subject: "decreased serotonin and increased glutamate"
    states a rise of glutamate, not of serotonin), each within ``action_span`` characters of the verb, and an amount
    when the object is one."""

    name: str  # the claim's words: "raise the amount of a neurotransmitter called glutamate"
    direction: str  # up, down or change
    words: tuple[str, ...]  # the object's specific words
    amount: bool  # the object is an amount ("the amount of", "levels of")

    def named_in(self, sentence: str) -> tuple[int, re.Match[str]] | None:
        """Where the verb that states the action starts, and the (last) object word it governs; or None."""
        if self.amount and not _action_rx("amount_said").search(sentence):
            return None
        span = int(_actions()["action_span"])
        for cls, lo, hi in _governed(sentence, span):
            if cls not in _STATED_BY[self.direction]:
                continue
            near = [_object_word(w).search(sentence, lo, hi) for w in self.words]
            if all(near):
                return lo, near[-1]  # type: ignore[return-value]
        return None


def action_stated(action: ActionPart, sentence: str) -> bool:
    """Whether a sentence states an action a mechanism claim's grammar says: it names the action's verb on its object
    (``ActionPart.named_in``), or, for an action that blocks or changes a thing ("modulates glutamate", "stops
    glutamate") and not an amount of it, it states a part that blocks what acts through that thing
    ([[textbook.parts]] acts_on: "an NMDA receptor antagonist" blocks glutamate's receptor)."""
    if action.named_in(sentence) is not None:
        return True
    if action.amount or action.direction not in ("down", "change"):
        return False
    return any(
        part.acts_on is not None
        and all(part.acts_on.search(w) for w in action.words)
        and part.named_in(sentence) is not None
        for _, part in _textbook_part_specs()
    )


def action_words() -> re.Pattern[str]:
    """A verb of action of any direction ([textbook.actions] up, down, change and absolute: "reduces", "blocks",
    "reverses", "eliminates")."""
    return either([_action_rx(key).pattern for key in ("up", "down", "change", "absolute")])


def absolute_words() -> re.Pattern[str]:
    """A verb that says a thing is done away with ([textbook.actions] absolute: "eliminates", "cures")."""
    return _action_rx("absolute")


# where a claim's verb on a part's object is looked for: its clause ("By blocking NMDA receptors, ketamine cures ...")
_PART_CLAUSE = re.compile(r"[,;:()]|\b(?:but|whereas|while|although|though|which|that)\b", re.I)
_OPPOSITE = {"up": "down", "down": "up"}


# a conjunction that starts another predicate after a mechanism part's words
_JOINED = re.compile(r"\b(?:and|but|or|then)\b", re.I)


@lru_cache(maxsize=1024)
def part_relation(text: str, kind: str, name: str) -> tuple[str, str] | None:
    """How a mechanism claim says one of its [[textbook.parts]] that has a direction (by the part's name), when it does
    not say it as the part does: ("opposite", verb) when the verb nearest where the claim names the part, in its clause,
    is of the other direction ("activates NMDA receptors", "an NMDA agonist", "inflammation is increased"); ("other",
    verb) when it says the thing is done away with ([textbook.actions] absolute: "eliminates inflammation") or is a verb
    of change that is not the part's predicate ("restores NMDA receptor function"). The verb before the part's words
    in their clause, or else the one after them ("NMDA receptors are activated"); a verb after "from" or "without" is
    what is prevented ("prevents glutamate from activating NMDA receptors" lowers). None when the claim says it as the
    part does, or names it with no such verb ("works through NMDA receptors", "has anti-inflammatory effects"), or only
    a verb of another predicate joined after it ("attaches to the NMDA receptor and sets off a surge of glutamate")."""
    if kind != "mechanism":
        return None
    spec = next(((rx, p) for rx, p in _textbook_part_specs() if p.name == name), None)
    if spec is None or spec[1].direction is None:
        return None
    rx, part = spec
    opposite = _OPPOSITE[spec[1].direction]
    span = int(_actions()["action_span"])
    absolute = _action_rx("absolute")
    for m in rx.finditer(text):
        lo = max([b.end() for b in _PART_CLAUSE.finditer(text, 0, m.start())] + [0, m.start() - span])
        hi_break = _PART_CLAUSE.search(text, m.end())
        hi = min(hi_break.start() if hi_break else len(text), m.end() + span)
        clause = text[lo:hi]
        if re.search(r"(?<![\w-])anti-?(?:inflam|nocicep)", clause, re.I):
            continue  # "raises anti-inflammatory cytokines": the clause says the part's way in the word itself
        at = m.start() - lo
        verbs = [(v.start(), v.end(), cls) for v, cls, _ in _verbs_in(clause)]
        verbs += [(v.start(), v.end(), "absolute") for v in absolute.finditer(clause)]
        # the verb before the part's words or inside them ("blocking the NMDA receptor"), else the one after
        before = [v for v in verbs if v[0] < at + len(m.group(0))]
        # (not a verb of another predicate joined after the part: "attaches to the NMDA receptor and sets off a surge
        # of glutamate" says what it sets off, not what it does to the receptor)
        after = [
            v for v in verbs if v[0] >= at + len(m.group(0)) and not _JOINED.search(clause[at + len(m.group(0)) : v[0]])
        ]
        near = max(before, key=lambda v: v[0]) if before else (min(after, key=lambda v: v[0]) if after else None)
        if near is None:
            continue
        start, end, cls = near
        verb = clause[start:end]
        if part.predicate.match(verb) or (part.whole and part.whole.search(verb)):
            continue  # the part's own verb ("blocks", "modulates")
        if cls in _OPPOSITE and re.search(r"\b(?:from|without)\s+$", clause[:start], re.I):
            cls = _OPPOSITE[cls]  # what is prevented ("stops glutamate from activating NMDA receptors")
        if cls == opposite:
            return "opposite", verb
        if cls == "change" and _action_rx("change_unspecified").match(verb):
            continue  # "influences inflammation": said of any way, so the part's way states it
        if cls in ("absolute", "change"):
            return "other", verb
    return None


@dataclass(frozen=True)
class Relation:
    """What a mechanism claim read on its own words says ketamine does (``claim_relation``): its verb, the direction
    of [textbook.actions] the verb has (up, down; None for another verb), and the first specific word of what it acts
    on (None when the object names nothing specific: "the pain signals")."""

    verb: str | None  # a verb of no direction, as the claim writes it ("shrinks"); None when its direction says it
    direction: str | None  # up, down or change
    target: str | None

    def unsaid(self, sentence: str) -> str:
        """What of the relation a sentence does not say ("" when it says it all): a verb of the direction, the verb's
        stem (or a technical word for it), the target."""
        if self.direction and not any(cls in _STATED_BY[self.direction] for _, cls, _ in _verbs_in(sentence)):
            return f"a verb that {ACTION_VERBS[self.direction]}"
        if self.verb and not _verb_word(self.verb).search(sentence):
            return self.verb
        if self.target and not _object_word(self.target).search(sentence):
            return self.target
        return ""


@lru_cache(maxsize=1024)
def _verb_word(verb: str) -> re.Pattern[str]:
    """A claim's verb as a sentence may say it: its stem ("shrinks": "shrin", "desensitizes": "desensiti") or a
    technical word of [textbook.lay_words] for it."""
    w = verb.lower()
    stem = re.sub(r"(?:es|s|ed|ing)\Z", "", w)
    stem = stem if len(stem) >= 4 else w[:4]
    lay = [x for key, same in weighing()["textbook"]["lay_words"].items() if w.startswith(key) for x in same]
    alternatives = [r"(?<![\w-])" + re.escape(x) for x in [stem, *lay]]
    if _action_rx("restore").match(verb):
        alternatives.append(_action_rx("restore").pattern)  # "reverses" by "normalised", "restoration"
    return re.compile("|".join(alternatives), re.I)


_SUBJECT = re.compile(r"\b(?:ketamine|it|this (?:drug|medicine|medication|treatment))\s+", re.I)
_PREPOSITION = re.compile(r"(?:on|upon|at|to|through|via|with|of|for)\Z", re.I)
# the pain itself as a verb's whole object ("fights pain by ...", "kills pain through ..."; not "the pain centre")
_EFFECT_OBJECT = re.compile(
    r"\s*(?:(?:the|your|their|all|any|chronic|acute|severe)\s+)*(?:pain|suffering|symptoms?|discomfort)"
    r"\s*(?:[,.;:]|\Z|\b(?:by|through|via|with|in|and|mainly|mostly|largely|when|because|so|at)\b)",
    re.I,
)
_CLAUSE_OF_OBJECT = re.compile(r"\s*(?:how|the way|what|why|where|when)\b", re.I)
_NOT_TARGET = re.compile(r"(?:less|more|very|fully|completely|entirely|\w+ly)\Z", re.I)


def _target(phrase: str) -> str | None:
    """The first specific word of the noun phrase a verb acts on (its prepositions passed over: "binds to mu-opioid
    receptors"); None for a clause ("how nerve cells behave") or a phrase of general words ("the pain signals")."""
    phrase = re.sub(r"\A\s*(?:(?:on|upon|at|to|through|via|with)\s+)+", "", phrase, flags=re.I)
    if _CLAUSE_OF_OBJECT.match(phrase):
        return None
    stop = _action_rx("object_ends").search(phrase)
    phrase = phrase[: stop.start() if stop else len(phrase)]
    skip = _whole_rx("object_skip")
    generic = _whole_rx("generic")
    measure = _whole_rx("relation_measure")
    tokens = [
        w for w in re.findall(r"[A-Za-z][\w'’-]*", phrase)[:8] if not _NOT_TARGET.match(w) and not measure.match(w)
    ]
    words = _object_words(tokens, skip, generic)
    return words[0] if words else None


@lru_cache(maxsize=1024)
def claim_relation(text: str) -> Relation | None:
    """The relation a mechanism claim read on its own words states ([textbook.actions] relation_skip, relation_being):
    "Ketamine stimulates dopamine receptors in the spinal cord" (up, dopamine); "Ketamine shrinks the pain centre of
    the brain" (shrinks, centre); "Ketamine desensitizes the nervous system" (desensitizes); "Ketamine acts on
    mu-opioid receptors" (mu-opioid); "Ketamine is an opioid receptor agonist" (up, opioid). A list item with no
    subject starts with its verb ("Stimulating NMDA receptors"). None when the claim says no relation ("Ketamine is a
    dissociative anaesthetic")."""
    subject = _SUBJECT.search(text)
    rest = text[subject.end() :] if subject else text
    skip = _whole_rx("relation_skip")
    being = _whole_rx("relation_being")
    tokens = list(re.finditer(r"[A-Za-z][\w'’-]*", rest))
    if subject is None and not (tokens and tokens[0].group(0).lower().endswith("ing")):
        return None  # no subject, and no list item that starts with its verb ("Stimulating NMDA receptors")
    n = 0
    while n < len(tokens) and skip.match(tokens[n].group(0).lower()):
        n += 1
    if n == len(tokens):
        return None
    word = tokens[n].group(0)
    if n and _PREPOSITION.match(tokens[n - 1].group(0)) and not _action_rx("up").match(word):
        # "acts on mu-opioid receptors", "works through the NMDA receptor": no verb of its own, an object
        target = _target(rest[tokens[n].start() :])
        return Relation(None, None, target) if target else None
    if being.match(word.lower()):
        # "is an opioid receptor agonist", "is an agonist at opioid receptors": the noun of action says the relation
        clause = rest[tokens[n].end() :]
        brk = _PART_CLAUSE.search(clause)
        clause = clause[: brk.start() if brk else len(clause)]
        noun = next(((m, cls, nn) for m, cls, nn in _verbs_in(clause) if cls in ("up", "down")), None)
        if noun is None:
            return None
        m, cls, nominal = noun
        # a noun of action names its object before it ("an opioid receptor agonist") or after ("an agonist at opioid
        # receptors"); a verb after it ("is able to interrupt pain signals") after it only
        target = (nominal and _target(clause[: m.start()])) or _target(clause[m.end() :])
        return Relation(None, cls, target)
    not_verb = _whole_rx("relation_not_verb")
    if general_words("mechanism").fullmatch(word) or not_verb.match(word.lower()) or "'" in word or "’" in word:
        return None  # no verb of its own ("Ketamine acts the same way", "Ketamine's action ...")
    bare = n and re.fullmatch(r"can|could|may|might|will|would|to|help|helps|does|do", tokens[n - 1].group(0), re.I)
    if not bare and not re.search(r"(?:s|ed|ing)\Z", word, re.I):
        return None  # no verb where one would stand ("Ketamine, by contrast, is ...")
    after = rest[tokens[n].end() :]
    if _EFFECT_OBJECT.match(after):
        return None  # an effect on the pain ("fights pain by ...", "kills pain mainly through ..."), not a relation
    restores = _action_rx("restore").match(word)
    direction = None if restores else next((c for c in ACTION_CLASSES if _action_rx(c).match(word)), None)
    particle = re.match(r"\s+(down|off|up)\b", after, re.I)
    if particle and not restores:  # "turns down", "shuts off", "dials up"
        direction = "up" if particle.group(1).lower() == "up" else "down"
        after = after[particle.end() :]
    elif direction is None and not restores and re.match(r"[^,;.]{0,60}?\bfrom\s+\w+ing\b", after, re.I):
        direction = "down"  # what it keeps from happening ("keeps pain signals from growing stronger")
    target = _target(after)
    if direction is not None and target is None:
        return None  # "quiets the pain signals": no specific object, nothing more to hold a sentence to
    return Relation(None if direction else word, direction, target)


@lru_cache(maxsize=2048)
def action_parts(text: str) -> tuple[ActionPart, ...]:
    """The actions a mechanism claim's words state ([textbook.actions]), each a verb and the noun phrase after it up
    to the first word that ends it: "it helps to raise the amount of a neurotransmitter called glutamate" gives
    (up, glutamate, an amount). An action whose object has no specific word ("blocks them", "changes the way
    things work") is no part: there is nothing a sentence must name; nor is one whose object is a clause ("how the
    brain handles pain")."""
    ends, skip = _action_rx("object_ends"), _whole_rx("object_skip")
    generic, amount = _whole_rx("generic"), _action_rx("amount_claim")
    verbs = sorted(
        ((m.start(), m.end(), cls, m.group(0)) for cls in ACTION_CLASSES for m in _action_rx(cls).finditer(text)),
        key=lambda v: (v[0], -v[1]),
    )
    out: list[ActionPart] = []
    taken = -1
    described = _target_described(text)
    glossed = [m.span() for m in _action_rx("gloss").finditer(text)]
    for start, end, cls, verb in verbs:
        if start < taken:
            continue  # a verb inside another's words ("set off")
        if any(lo <= start < hi for lo, hi in described):
            continue  # what the claim says its target does ("a chemical that produces the feeling of pain")
        if any(lo <= start < hi for lo, hi in glossed):
            continue  # a word said again in lay words ("sedative (it induces sleep)"): the word is what is claimed
        stop = ends.search(text, end)
        phrase = text[end : stop.start() if stop else len(text)]
        tokens = re.findall(r"[A-Za-z][\w'’-]*", phrase)[:8]
        if re.match(r"\s*(?:the way|how)\b(?!\s+(?:much|many)\b)", phrase, re.I):
            tokens = []  # a clause, not a thing ("resets the way the brain handles pain"): its words are not an object
        words = _object_words(tokens, skip, generic)
        noun = _action_rx("nominal_before").search(text[:start]) or _action_rx("nominal").fullmatch(verb)
        if not words and noun and stop and stop.group(0).lower() == "in":
            # a noun of change: what it is a change in is its object ("causing a drop in glutamate")
            stop = ends.search(text, stop.end())
            phrase = text[end : stop.start() if stop else len(text)]
            words = _object_words(re.findall(r"[A-Za-z][\w'’-]*", phrase)[1:9], skip, generic)
        taken = end
        # the verb's clause, asides left out: "prevent glutamate (an excitatory neurotransmitter) from attaching to
        # NMDA receptors" acts on the receptor
        clause = re.split(r"[,;.]", re.sub(r"\([^)]*\)", "", text[end:]), maxsplit=1)[0]
        passive = _action_rx("passive_before").search(text[:start])
        if not noun and (passive or (not words and re.fullmatch(_actions()["intransitive"], verb, re.I))):
            # its object comes first ("serotonin is increased by ketamine", "glutamate levels fall")
            lead = text[: passive.start() if passive else start]
            starts = list(_action_rx("subject_starts").finditer(lead))
            clause = lead[starts[-1].end() if starts else 0 :]
            said = [w for w in re.findall(r"[A-Za-z][\w'’-]*", clause) if not _action_rx("subject_skip").fullmatch(w)]
            subject = _object_words(said[-8:], skip, generic)
            if subject:
                name = text[len(lead) - len(clause) : end].strip()
                if not any(part.object.search(clause) for _, part in _textbook_part_specs()):
                    out.append(ActionPart(name, cls, tuple(dict.fromkeys(subject))[:2], bool(amount.search(clause))))
                continue
        if not words or any(part.object.search(clause) for _, part in _textbook_part_specs()):
            continue  # nothing a sentence must name, or what a configured part is about (a receptor, inflammation)
        objects = [(words, phrase)]
        # objects joined by "and" ("raises glutamate and serotonin levels"): an action on each, as long as what
        # follows "and" is a noun phrase, not another verb's ("raises glutamate and lowers GABA")
        while stop and stop.group(0).lower() == "and":
            after = ends.search(text, stop.end())
            more = text[stop.end() : after.start() if after else len(text)]
            also = _object_words(re.findall(r"[A-Za-z][\w'’-]*", more)[:8], skip, generic)
            if not also:
                break
            objects.append((also, more))
            stop = after
        said_amount = any(amount.search(p) for _, p in objects)
        for words, phrase in objects:
            name = text[start : end + len(objects[0][1])].strip() if len(objects) == 1 else f"{verb} {phrase.strip()}"
            out.append(ActionPart(name, cls, tuple(dict.fromkeys(words))[:2], bool(said_amount)))
    return tuple(out)


def _object_words(tokens: list[str], skip: re.Pattern[str], generic: re.Pattern[str]) -> list[str]:
    """The specific words of an action's object (its tokens up to another verb or a participle after it)."""
    words: list[str] = []
    for n, tok in enumerate(tokens):
        low = tok.lower()
        if any(_action_rx(c).fullmatch(tok) for c in ACTION_CLASSES) and not words:
            break  # another verb: this one has no object of its own ("helps reset", "block and inhibit")
        if skip.match(low) or generic.match(low):
            continue
        if "-" not in low and re.search(r"ed\Z" if n == 0 else r"(?:ed|ing)\Z", low):
            break  # a participle after the object ("pathways involved in"), or a verb's ("blocks needed")
        words.append(low)
    return words


# -- the names a textbook claim gives ----------------------------------------------------------------------------------


_NAME_TOKEN = re.compile(r"(?<![\w/])[A-Za-z0-9]+(?:/[A-Za-z0-9]+)*(?![\w/])")
# a receptor (or its system) after a family's word: "opioid receptors", "opioid-receptor", "the opioid system"
_RECEPTOR_AFTER = re.compile(r"[\s-]+(?:receptors?|system|pathways?)\b", re.I)
# what a claim sets its mechanism against, just before a receptor it names: "rather than opioid receptors"
_SET_AGAINST = re.compile(
    r"\b(?:not|nor|rather than|instead of|unlike|than)\s+(?:\w+ing\s+)?(?:(?:on|at|to|upon)\s+)?(?:the\s+)?\Z", re.I
)


@lru_cache(maxsize=1024)
def claim_names(text: str) -> tuple[str, ...]:
    """The names a mechanism or history claim gives that a sentence stating it must give too (``data/weighing.toml``
    [textbook.names]): an abbreviation of two capitals or more as the page writes it ("the AMPA receptor", "the FDA
    has cleared"), not a route or a roman numeral; none of a claim written in capitals (a heading)."""
    if not re.search(r"[a-z]{3}", text):
        return ()
    spec = weighing()["textbook"]["names"]
    skip = set(spec["not_names"])
    families = set(spec.get("families", ()))
    # a family is found as one name before the abbreviations are read (its spellings in [textbook.names.spelled])
    any_case = set(spec.get("spelled", {})) - set(spec["words_too"]) - families
    # a word of letters and digits with two capitals or more ("AMPA", "5-HT2A", "mGluR5"), or with a capital and a
    # digit after a letter ("D2"), or an abbreviation the sentence may spell out, in any case ("ampa", "nmda"); names
    # joined by a slash are one name in two words ("CRPS/RSDS"): a sentence gives it by either ("AMPA/kainate": AMPA).
    # The words are found first and their capitals counted after (one pattern that did both backtracked without end on
    # a long run of letters and digits)
    receptors = spec.get("drug_families", {})  # a family whose word names drugs too: its receptor's name
    # the other drugs' receptor, and the drugs themselves, set beside ketamine ([textbook] other_drugs_clause,
    # drugs_beside): no names of the claim's
    other, beside = pattern("textbook", "other_drugs_clause"), pattern("textbook", "drugs_beside")
    found = []
    for m in _NAME_TOKEN.finditer(text):
        family = m.group(0).lower().removesuffix("s")
        if family in families:  # "serotonin", "opioids": a family named in words, as one name (singular)
            if family in receptors and _RECEPTOR_AFTER.match(text, m.end()):
                if _SET_AGAINST.search(text[: m.start()]) or other.search(text[: m.start()]):
                    # "blocks NMDA receptors rather than opioid receptors", "instead of aiming at opioid receptors",
                    # "Opioids act mostly on opioid receptors, whereas ketamine acts on NMDA receptors": the other
                    # drugs' receptor, which the claim sets its mechanism against
                    continue
                family = receptors[family]  # "opioid receptors": the receptor, which "opioid consumption" does not name
            elif family in receptors and m.group(0).lower().endswith("s") and beside.search(text[: m.start()]):
                continue  # "Opioids act ...", "unlike opioids": the drugs the claim sets ketamine beside, not a name
            found.append(family)
            continue
        names = [_receptor_stem(one) for one in m.group(0).split("/") if _is_name(one, any_case)]
        if names:
            found.append("/".join(names))
    # a condition's name ("CRPS", "PHN") is who the claim is about, read by [condition]: a mechanism or a history
    # of use stated for pain in general is what reviewers cite for it
    return tuple(dict.fromkeys(n for n in found if n not in skip and not _condition_name(n)))


def _receptor_stem(word: str) -> str:
    """A name written with an "R" after it for its receptor ("NMDAR", "NMDARs", as abstracts and pages write it) is
    the name of what the receptor is named by ("NMDA"), which a sentence may give as "NMDA receptor" or "NMDAR"
    (``_name_rx``; round 143)."""
    stem = re.sub(r"Rs?$", "", word)
    return stem if stem != word and len(stem) >= 2 and stem.isupper() and stem.isalpha() else word


def _is_name(word: str, any_case: set[str]) -> bool:
    """Whether a word of a claim is a name (``claim_names``)."""
    capitals = sum(ch.isupper() for ch in word)
    if capitals >= 2 or word.lower() in any_case:
        return True
    return capitals == 1 and word[0].isalpha() and any(ch.isdigit() for ch in word)


@lru_cache(maxsize=256)
def _name_rx(name: str) -> re.Pattern[str]:
    """A name as a sentence gives it: itself in any case, a plural or an "R" after it ("NMDARs"), or spelled out."""
    alts = []
    for one in name.split("/"):
        alts.append(r"(?<![\w])" + re.escape(one) + r"(?:r|rs|s)?(?![a-z0-9])")
        alts += weighing()["textbook"]["names"].get("spelled", {}).get(one.lower(), [])
    return re.compile("|".join(alts), re.I)


# a name denied where the sentence gives it: "blocks NMDA receptors, not AMPA receptors", "non-NMDA", "without BDNF"
_DENIED_BEFORE = re.compile(r"(?:\b(?:not|no|nor|without)\s+(?:the\s+|an?\s+)?|\bnon-?)$", re.I)


def names_missing(text: str, sentence: str, names: tuple[str, ...] | None = None) -> list[str]:
    """The claim's names (``claim_names``, or ``names``) a sentence does not give, or gives only as denied ("not AMPA
    receptors", "non-NMDA")."""
    return [
        n
        for n in (claim_names(text) if names is None else names)
        if not any(not _DENIED_BEFORE.search(sentence[: m.start()]) for m in _name_rx(n).finditer(sentence))
    ]


@lru_cache(maxsize=256)
def _condition_name(name: str) -> bool:
    return any(c.words.search(one) for one in name.split("/") for c in conditions())


@lru_cache(maxsize=1024)
def part_names(text: str, kind: str, name: str) -> tuple[str, ...]:
    """The claim's names that belong to one of its [[textbook.parts]] (by the part's name): those within a few words of
    where the claim names the part ("blocks AMPA receptors": AMPA is the receptor's name; in "developed in the 1960s,
    it blocks NMDA receptors" NMDA is no name of the date's part)."""
    names = claim_names(text)
    if not names:
        return ()
    spans = [m.span() for rx, part in _textbook_part_specs() if part.name == name for m in rx.finditer(text)]
    near = 20
    return tuple(
        n
        for n in names
        if any(lo - near <= m.start() and m.end() <= hi + near for lo, hi in spans for m in _name_rx(n).finditer(text))
    )
