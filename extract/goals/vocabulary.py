"""Shared text helpers for goal extraction: folding, phrases, headings, numbers.

Kept apart from the layout parsers so each parser reads as layout logic only; the domain
words themselves live in `extract/data/goal_phrases.toml`.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex
import tomllib
from arsred.extract.amounts import parse_amount

PHRASES_PATH = Path(__file__).parents[1] / "data" / "goal_phrases.toml"


@lru_cache(maxsize=1 << 16)   # the same labels and headings are folded many times over
def fold(text: str) -> str:
    """Casefolded, diacritics dropped, OCR digit-for-letter 'ö' (6) left alone, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class Phrases:
    """The goal vocabulary, folded, loaded once from TOML."""

    goal_words: frozenset[str]
    not_goal_words: frozenset[str]
    generic_sections: frozenset[str]
    col_goal: tuple[str, ...]
    col_assessment: tuple[str, ...]
    col_reasons: tuple[str, ...]
    col_initiative: tuple[str, ...]
    col_yes: tuple[str, ...]
    col_no: tuple[str, ...]
    col_partly: tuple[str, ...]
    plan_goal_labels: tuple[str, ...]
    plan_followup_labels: tuple[str, ...]
    assessment_labels: tuple[str, ...]
    measure_labels: tuple[str, ...]
    goal_intro: tuple[str, ...]
    bullets: tuple[str, ...]
    speech_dashes: tuple[str, ...]
    speech_pronouns: tuple[str, ...]
    status_cell: dict[str, str]
    status_prose: dict[str, str]
    negations: frozenset[str]
    upper_bound: tuple[str, ...]
    units: dict[str, str]
    lower_is_better: tuple[str, ...] = ()
    benchmark: tuple[str, ...] = ()
    outcome_labels: tuple[str, ...] = ()
    goal_suffixes: tuple[str, ...] = ()
    goal_phrases: tuple[str, ...] = ()
    money_units: dict[str, int] = field(default_factory=dict)
    comparators: tuple[str, ...] = ()
    list_intro_meta: tuple[str, ...] = ()
    aim_holders: frozenset[str] = frozenset()
    outside_holders: frozenset[str] = frozenset()
    navigation_labels: tuple[str, ...] = ()
    financial_measures: tuple[str, ...] = ()
    financial_bounds: tuple[str, ...] = ()
    financial_subject_stops: frozenset[str] = frozenset()
    example_headings: tuple[str, ...] = ()
    subordinators: tuple[str, ...] = ()
    about_prepositions: tuple[str, ...] = ()
    means_headings: tuple[str, ...] = ()
    conditionals: tuple[str, ...] = ()
    symbols: dict[str, str] = field(default_factory=dict)
    outcome_columns: tuple[str, ...] = ()
    indicator_columns: tuple[str, ...] = ()
    trend_words: tuple[str, ...] = ()
    icon_words: tuple[str, ...] = ()
    target_prefixes: tuple[str, ...] = ()
    indicator_labels: tuple[str, ...] = ()
    value_labels: tuple[str, ...] = ()
    condition_openers: frozenset[str] = frozenset()
    assessment_words: tuple[str, ...] = ()
    one_letter_words: frozenset[str] = frozenset()
    goal_verbs: tuple[str, ...] = ()
    contents_headings: tuple[str, ...] = ()
    change_verbs: tuple[str, ...] = ()
    item_own_words: tuple[str, ...] = ()
    not_goal_name_words: frozenset[str] = frozenset()
    name_links: tuple[str, ...] = ()
    name_periods: tuple[str, ...] = ()
    done_auxiliaries: frozenset[str] = frozenset()
    done_endings: tuple[str, ...] = ()
    judgement_verbs: frozenset[str] = frozenset()
    reach_verbs: dict[str, str] = field(default_factory=dict)   # as printed, casefolded (not diacritics-folded)
    not_name_words: frozenset[str] = frozenset()
    reach_links: frozenset[str] = frozenset()
    verdict_links: frozenset[str] = frozenset()
    below_words: frozenset[str] = frozenset()
    requirement_words: frozenset[str] = frozenset()
    above_words: frozenset[str] = frozenset()
    body_words: frozenset[str] = frozenset()
    number_words: dict[str, int] = field(default_factory=dict)
    goal_counts: tuple[str, ...] = ()
    all_goals_words: tuple[str, ...] = ()
    no_goals_words: tuple[str, ...] = ()
    footnote_marks: tuple[str, ...] = ()
    credit_labels: tuple[str, ...] = ()
    relative_words: frozenset[str] = frozenset()
    heading_phrases: tuple[str, ...] = ()
    adopt_verbs: tuple[str, ...] = ()
    sentence_openers: frozenset[str] = frozenset()
    bound_clause_ends: tuple[str, ...] = ()
    verdict_clause_ends: tuple[str, ...] = ()
    goal_is_stops: tuple[str, ...] = ()
    called_determiners: tuple[str, ...] = ()

    @property
    def header_words(self) -> tuple[str, ...]:
        return self.col_assessment + self.col_reasons


@lru_cache(maxsize=4)
def load_phrases(path: str = str(PHRASES_PATH)) -> Phrases:
    with open(path, "rb") as fh:
        d = tomllib.load(fh)

    def f(xs: list[str]) -> tuple[str, ...]:
        return tuple(sorted({fold(x) for x in xs}, key=len, reverse=True))

    return Phrases(
        goal_words=frozenset(fold(x) for x in d["sections"]["goal_words"]),
        not_goal_words=frozenset(fold(x) for x in d["sections"]["not_goal_words"]),
        generic_sections=frozenset(fold(x) for x in d["sections"]["generic"]),
        col_goal=f(d["columns"]["goal"]), col_assessment=f(d["columns"]["assessment"]),
        col_reasons=f(d["columns"]["reasons"]), col_initiative=f(d["columns"]["initiative"]),
        col_yes=f(d["columns"]["yes"]), col_no=f(d["columns"]["no"]), col_partly=f(d["columns"]["partly"]),
        plan_goal_labels=f(d["plan"]["goal_labels"]), plan_followup_labels=f(d["plan"]["followup_labels"]),
        assessment_labels=f(d["prose"]["assessment_labels"]), measure_labels=f(d["prose"]["measure_labels"]),
        goal_intro=f(d["prose"]["goal_intro"]), bullets=tuple(d["prose"]["bullets"]),
        speech_dashes=tuple(d["prose"]["speech_dashes"]),
        speech_pronouns=f(d["prose"]["speech_pronouns"]),
        status_cell={fold(k): v for k, v in d["status"]["cell"].items()},
        status_prose={fold(k): v for k, v in d["status"]["prose"].items()},
        negations=frozenset(fold(x) for x in d["inference"]["negations"]),
        upper_bound=f(d["inference"]["upper_bound"]),
        lower_is_better=f(d["inference"].get("lower_is_better", [])),
        units={fold(k): v for k, v in d["units"].items()},
        benchmark=f(d.get("indicator", {}).get("benchmark", [])),
        outcome_labels=f(d["prose"].get("outcome_labels", [])),
        goal_suffixes=f(d["sections"].get("goal_suffixes", [])),
        goal_phrases=f(d["sections"].get("goal_phrases", [])),
        money_units={fold(k): int(v) for k, v in d.get("money_units", {}).items()},
        comparators=f(d.get("targets", {}).get("comparators", [])),
        list_intro_meta=f(d["prose"].get("not_goal_sentences", [])),
        aim_holders=frozenset(fold(x) for x in d["prose"].get("aim_holders", [])),
        outside_holders=frozenset(fold(x) for x in d["prose"].get("outside_holders", [])),
        navigation_labels=f(d["sections"].get("navigation_labels", [])),
        financial_measures=f(d.get("financial", {}).get("measures", [])),
        financial_bounds=f(d.get("financial", {}).get("bounds", [])),
        financial_subject_stops=frozenset(fold(x) for x in d.get("financial", {}).get("subject_stops", [])),
        example_headings=f(d["prose"].get("example_headings", [])),
        subordinators=f(d["prose"].get("subordinators", [])),
        about_prepositions=f(d["prose"].get("about_prepositions", [])),
        means_headings=f(d["sections"].get("means_headings", [])),
        conditionals=f(d["prose"].get("conditionals", [])),
        symbols={k: v for k, v in d.get("status", {}).get("symbols", {}).items()},
        outcome_columns=f(d.get("indicator", {}).get("outcome_columns", [])),
        indicator_columns=f(d.get("indicator", {}).get("indicator_columns", [])),
        trend_words=tuple(d.get("indicator", {}).get("trend_words", [])),
        icon_words=f(d.get("indicator", {}).get("icon_words", [])),
        target_prefixes=f(d.get("indicator", {}).get("target_prefixes", [])),
        indicator_labels=f(d.get("indicator", {}).get("labels", [])),
        value_labels=f(d.get("indicator", {}).get("value_labels", [])),
        condition_openers=frozenset(fold(x) for x in d["prose"].get("condition_openers", [])),
        assessment_words=f(d["prose"].get("assessment_words", [])),
        one_letter_words=frozenset(fold(x) for x in d["prose"].get("one_letter_words", [])),
        goal_verbs=f(d["prose"].get("goal_verbs", [])),
        contents_headings=f(d["prose"].get("contents_headings", [])),
        change_verbs=f(d["prose"].get("change_verbs", [])),
        item_own_words=f(d["prose"].get("item_own_words", [])),
        not_goal_name_words=frozenset(fold(x) for x in d["prose"].get("not_goal_name_words", [])),
        done_auxiliaries=frozenset(fold(x) for x in d["inference"].get("done_auxiliaries", [])),
        done_endings=f(d["inference"].get("done_endings", [])),
        judgement_verbs=frozenset(fold(x) for x in d["inference"].get("judgement_verbs", [])),
        name_links=tuple(d.get("judged", {}).get("name_links", [])),
        name_periods=tuple(fold(x) for x in d.get("judged", {}).get("name_periods", [])),
        reach_verbs={k.casefold(): v for k, v in d.get("judged", {}).get("reach_verbs", {}).items()},
        not_name_words=frozenset(fold(x) for x in d.get("judged", {}).get("not_name_words", [])),
        above_words=frozenset(fold(x) for x in d.get("judged", {}).get("above_words", [])),
        reach_links=frozenset(fold(x) for x in d.get("judged", {}).get("reach_links", [])),
        verdict_links=frozenset(fold(x) for x in d.get("judged", {}).get("verdict_links", [])),
        below_words=frozenset(fold(x) for x in d.get("judged", {}).get("below_words", [])),
        requirement_words=frozenset(fold(x) for x in d.get("judged", {}).get("requirement_words", [])),
        body_words=frozenset(fold(x) for x in d.get("judged", {}).get("body_words", [])),
        number_words={fold(k): int(v) for k, v in d.get("number_words", {}).items()},
        goal_counts=f(d["prose"].get("goal_counts", [])),
        all_goals_words=f(d["prose"].get("all_goals_words", [])),
        no_goals_words=f(d["prose"].get("no_goals_words", [])),
        footnote_marks=tuple(d["prose"].get("footnote_marks", [])),
        credit_labels=tuple(d["prose"].get("credit_labels", [])),
        relative_words=frozenset(fold(x) for x in d["prose"].get("relative_words", [])),
        heading_phrases=f(d["prose"].get("heading_phrases", [])),
        adopt_verbs=f(d["prose"].get("adopt_verbs", [])),
        sentence_openers=frozenset(fold(x) for x in d["prose"].get("sentence_openers", [])),
        bound_clause_ends=tuple(d["prose"]["bound_clause_ends"]),
        verdict_clause_ends=tuple(d["judged"]["clause_ends"]),
        goal_is_stops=f(d["prose"]["goal_is_stops"]),
        called_determiners=f(d["sections"]["called_determiners"]),
    )


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return _alternation_of(tuple(words))


@lru_cache(maxsize=64)
def _alternation_of(words: tuple[str, ...]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=64)
def _words_pattern(template: str, words: tuple[str, ...]) -> regex.Pattern:
    """`template` with WORDS replaced by the alternation of `words`, compiled once: the readers ask
    for the same phrase patterns on every line of every page."""
    return regex.compile(template.replace("WORDS", _alternation_of(words)))


@lru_cache(maxsize=8)
def clause_end(words: tuple[str, ...]) -> regex.Pattern:
    """Where a clause ends: ';', ':', a comma outside a figure, a sentence's end, or one of `words` between spaces
    (a conjunction opening the next clause: `[prose] bound_clause_ends`, `[judged] clause_ends`)."""
    return regex.compile(r"[;:]|,(?!\d)|\s(?:" + (_alternation(words) or "(?!)") + r")\s|[.!?](?=\s|$)")


def is_goal_column(folded: str, ph: Phrases) -> bool:
    """A table header cell naming the goal column: `[columns] goal`, or 'Mål' with a year ('Mål 2026')."""
    return folded in ph.col_goal or bool(regex.fullmatch(r"mal(?: \d{4})?", folded))


def leading_status(text: str, ph: Phrases) -> tuple[str, str] | None:
    """A printed assessment opening a cell: 'Ja. …', 'Nej, …', 'Till viss del …' -> (printed, status)."""
    m = _words_pattern(r"\s*(WORDS)(?=$|[\s.,:;!)])", tuple(ph.status_cell)).match(fold(text))
    if not m:
        return None
    printed = " ".join(text.split())[: len(m.group(1))]
    return printed, ph.status_cell[m.group(1)]


def find_cell_status(text: str, ph: Phrases) -> tuple[int, int, str] | None:
    """A capitalised stand-alone assessment inside an OCR line ('… fungerande Till viss del Loksam …').

    Only multi-word phrases or capitalised single words count, so prose words do not split lines.
    Returns (start, end, status) in `text`.
    """
    folded = fold(text)
    if len(folded) != len(" ".join(text.split())):
        return None
    plain = " ".join(text.split())
    for phrase in sorted(ph.status_cell, key=len, reverse=True):
        for m in regex.finditer(r"(?<=\s)" + regex.escape(phrase) + r"(?=\s|$)", folded):
            word = plain[m.start():m.end()]
            if not word[:1].isupper():
                continue
            if " " not in phrase and len(phrase) < 4:
                continue  # "Ja"/"Nej" mid-line are too risky in running text
            return m.start(), m.end(), ph.status_cell[phrase]
    return None


def goal_verdicts(text: str, ph: Phrases) -> list[tuple[int, int]]:
    """Where a verdict on the goal before it stands in a text: 'Målet är delvis uppfyllt', 'Målet har inte uppnåtts'
    (capitalised 'Målet', an auxiliary, then a `[status.prose]` phrase); spans in `text`, empty when folding changes
    its length."""
    folded = fold(text)
    if len(folded) != len(text):
        return []
    pattern = _words_pattern(r"(?:^|(?<=\s))malet\s+(?:(?:ar|har|blev)\s+)?(?:WORDS)(?=$|[\s.,;:!])",
                             tuple(ph.status_prose))
    return [m.span() for m in pattern.finditer(folded) if text[m.start()] == "M"]


def prose_status(text: str, ph: Phrases) -> tuple[str, str] | None:
    """The leftmost status phrase in an assessment sentence that speaks of a goal (mål), as printed."""
    plain = " ".join(text.split())
    folded = fold(plain)
    if len(folded) != len(plain):
        plain = folded
    pattern = _words_pattern(r"(?<![\w])(WORDS)(?![\w])", tuple(ph.status_prose))
    spans, start = [], 0
    for sentence in regex.split(r"(?<=[.!?])\s+", folded):
        begin = folded.index(sentence, start)
        start = begin + len(sentence)
        if not _scale(sentence, pattern, ph):     # "… har uppfyllts helt, delvis eller ej": the scale, no assessment
            spans.append((begin, sentence))
    for begin, sentence in spans:
        m = _asserted(sentence, pattern, ph) if regex.search(r"\bmal", sentence) else None
        if m:
            return plain[begin + m.start():begin + m.end()], ph.status_prose[m.group(1)]
    for begin, sentence in spans:
        m = _asserted(sentence, pattern, ph)
        if m and " " in m.group(1):
            return plain[begin + m.start():begin + m.end()], ph.status_prose[m.group(1)]
    return None


def _asserted(sentence: str, pattern: regex.Pattern, ph: Phrases) -> regex.Match | None:
    """The leftmost status phrase the sentence asserts: not one under a condition ('Om målet nås kan …', 'för att
    målet ska uppnås'; `[prose] conditionals` within two words before it)."""
    for m in pattern.finditer(sentence):
        before = " ".join(sentence[:m.start()].split()[-3:])
        if not any(regex.search(rf"(?:^|\s){regex.escape(c)}(?:\s+\w+){{0,2}}$", before) for c in ph.conditionals):
            return m
    return None


def _scale(sentence: str, pattern: regex.Pattern, ph: Phrases) -> bool:
    """A sentence naming the assessment's alternatives ('uppfyllts helt, delvis eller ej') judges nothing."""
    if not regex.search(r"\beller\b", sentence):
        return False
    found = {ph.status_prose[m.group(1)] for m in pattern.finditer(sentence)}
    alternatives = regex.search(r"\b(?:helt|delvis|ej|inte)\s*,?\s+(?:delvis\s+)?(?:eller|och)\s+(?:ej|inte|delvis)\b", sentence)
    return len(found) > 1 or bool(alternatives)


def strip_numbering(text: str) -> str:
    return regex.sub(r"^\s*(?:\d+(?:\.\d+)*\.?)\s+(?=\p{L})", "", text).strip()


def nice_heading(text: str) -> str:
    """'1.5.2 Verksamhetens mål 2022' -> 'Verksamhetens mål 2022'; 'MÅL 1: X Y' -> 'Mål 1: X y'."""
    t = strip_numbering(" ".join(text.replace("\t", " ").split()))
    letters = [c for c in t if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        t = t[:1] + t[1:].lower()
    return t


def is_goal_word(word: str, ph: Phrases) -> bool:
    """'mål', 'målen', or a compound ending in one: 'inriktningsmål', 'verksamhetsmålen' (folded)."""
    if word in ph.not_goal_words:
        return False
    return word in ph.goal_words or any(word.endswith(s) and len(word) > len(s) + 3 for s in ph.goal_suffixes)


def about_the_goals(intro: str, ph: Phrases) -> bool:
    """'Följande skall också gälla för målen:', '… insatser för att nå målen:': a list introduction naming the goals
    only after a preposition or verb (`[prose] about_prepositions`), in their definite form: its list says something
    about goals stated elsewhere (rules, activities), it does not state them."""
    words = regex.findall(r"\w+", fold(intro))
    hits = [k for k, w in enumerate(words) if is_goal_word(w, ph)]
    return bool(hits) and all(words[k].endswith(("en", "et")) and k and words[k - 1] in ph.about_prepositions
                              and words[k + 1:k + 2] != ["ar"] and words[k + 1:k + 3] != ["som", "ar"]
                              for k in hits)      # '… mot huvudmålet som är att:' names the goal it lists


def means_heading(text: str, ph: Phrases) -> bool:
    """'Strategier för att nå målet', 'Aktiviteter för att uppnå målen': a heading over the means to goals stated
    elsewhere (`[sections] means_headings`, naming the goal only in its definite form after `[prose] about_prepositions`); its
    items are no goals."""
    words = regex.findall(r"\w+", fold(text))
    named = [k for k, w in enumerate(words) if k and (is_goal_word(w, ph) or w[:-2] in ph.goal_words)
             and w.endswith(("en", "et"))]           # 'målet' / 'målen': the definite goal, stated elsewhere
    return bool(words) and words[0] in ph.means_headings and bool(named) and \
        all(words[k - 1] in ph.about_prepositions for k in named)


def is_goal_heading(text: str, ph: Phrases) -> bool:
    f = fold(text)
    words = set(regex.findall(r"[\w/]+", f))
    if words & ph.not_goal_words:
        return False
    return any(is_goal_word(w, ph) for w in words) or any(p in f for p in ph.goal_phrases)


# a line ending in one of these is wrapped prose, not a heading
TRAILING_STOPWORDS = frozenset("""att och i av for med till som en ett de den det pa om fran vid eller
men samt under over efter innan mot hos ar har ska skall kan hur vad sin sina sitt""".split())
AMOUNT_END = regex.compile(r"(?:-?\d[\d\s]*(?:kr|kronor|tkr)?|\d+\s*%)\s*$")
YEAR_END = regex.compile(r"(?:19|20)\d\d\s*$")
LABEL = regex.compile(r"^[\p{L}][\p{L} /-]{1,30}:\s*\S")


def heading_like(text: str) -> bool:
    """Short, capitalised, unpunctuated: the shape of a heading, not of a prose line."""
    t = " ".join(text.replace("\t", " ").split())
    if not t or len(t) > 75:
        return False
    body = strip_numbering(t)
    if not body or not body[0].isupper() or body[-1] in ".,;:!?-":
        return False
    words = body.split()
    if len(words) > 10 or fold(words[-1]) in TRAILING_STOPWORDS or fold(words[0]) == "att":
        return False
    if AMOUNT_END.search(body) and not YEAR_END.search(body):
        return False
    if body == t:  # unnumbered: no commas, no figures but a closing year or "Mål 2", "Målområde 1"
        core = regex.sub(r"(?i)(?:\b\w*m[aå]l(?:område\w*)?\s*\d+(?:[.:]\d+)?|(?:19|20)\d\d\s*$)", "", body)   # 'Målområde 1 – …'
        if "," in core or regex.search(r"\d", core):
            return False
    if LABEL.match(body) and not regex.match(r"(?i)m[aå]l\s*\d+\s*:", body):
        return False
    return True


NUMBER = regex.compile(r"(?<![\w,.])(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:,(\d+))?(?![\d])")


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str
    start: int
    upper_bound: bool = False


def quantities(text: str, ph: Phrases, *, loose: bool = False) -> list[Quantity]:
    """Numbers with a unit ('80 %', 'minst 30 möten', '12 st anställningar'), in text order.

    Years, week numbers and amounts without a unit are skipped; `loose` also accepts a
    bare number after 'minst'/'högst'/'max' as a count.
    """
    out = []
    folded = fold(text)
    for m in NUMBER.finditer(folded):
        amount = parse_amount(m.group(0))
        if amount is None:
            continue
        value = float(amount.value)
        before = folded[max(0, m.start() - 30):m.start()]
        after = folded[m.end():m.end() + 40]
        if regex.search(r"\b(?:v|vecka|nr|kap|§|sid|sida)\.?\s*$", before):
            continue
        if regex.search(r"\bfran\s*$", before) and regex.match(r"\s*(?:%|\p{L}+)?\s*till\s+\d", after):
            continue        # 'ökar från 52 % till 62 %': where the measure starts from, not what it aims at
        um = regex.match(r"\s*(%|[\p{L}][\p{L}-]*)", after)
        word = um.group(1) if um else ""
        if word in ("st", "stycken"):
            nxt = regex.match(r"\s*(?:st|stycken)\s+([\p{L}][\p{L}-]*)", after)
            word = "st" if not nxt else "st"
        unit = ph.units.get(word)
        factor = money_factor(after, ph)
        if factor is not None:
            unit, value = "kr", float(amount.value * factor)
        if unit is None and word.endswith("-moten"):
            unit = "antal"
        if unit is None and loose and regex.search(r"\b(?:minst|hogst|max|maximalt|cirka|ca)\s*$", before):
            unit = "antal"
        if unit is None:
            continue
        if unit != "%" and m.group(2) is None and 1900 <= value <= 2100:
            continue
        upper = any(regex.search(r"(?<!\w)" + regex.escape(u) + r"\s+(?:\p{L}+\s+)?$", before + " ")
                    for u in ph.upper_bound)
        out.append(Quantity(value, unit, m.start(), upper))
    return sorted(out + _worded(folded, ph), key=lambda q: q.start)


def _worded(folded: str, ph: Phrases) -> list[Quantity]:
    """'två procents överskott' -> 2 %: a number written as a word (`[number_words]`), only before a percent or
    money unit (a word number before other words is an article or a count nobody printed as a figure)."""
    if not ph.number_words:
        return []
    out = []
    words = "|".join(regex.escape(w) for w in sorted(ph.number_words, key=len, reverse=True))
    for m in regex.finditer(r"(?<!\w)(" + words + r")\s+(%|[\p{L}][\p{L}-]*)", folded):
        value = ph.number_words[m.group(1)]
        factor = money_factor(folded[m.start(2):], ph)
        if factor is not None:
            out.append(Quantity(float(value * factor), "kr", m.start()))
        elif ph.units.get(m.group(2)) == "%" or ph.units.get(m.group(2).split("-")[0]) == "%":
            before = folded[max(0, m.start() - 30):m.start()]
            upper = any(regex.search(r"(?<!\w)" + regex.escape(u) + r"\s+(?:\p{L}+\s+)?$", before + " ")
                        for u in ph.upper_bound)
            out.append(Quantity(float(value), "%", m.start(), upper))
    return out


def money_factor(after: str, ph: Phrases) -> int | None:
    """The factor to kronor when a money unit follows a figure ('16,4 mnkr' -> 1 000 000), else None."""
    m = _words_pattern(r"\s*(WORDS)(?!\w)", tuple(ph.money_units)).match(after)
    return ph.money_units[m.group(1)] if m else None


def first_sentence(text: str) -> str:
    parts = regex.split(r"(?<=[.!?])\s+(?=[\p{Lu}\d])", text.strip(), maxsplit=1)
    return parts[0] if parts else text


def sentences(text: str) -> list[str]:
    return [s for s in regex.split(r"(?<=[.!?])\s+(?=[\p{Lu}\d\"”])", text.strip()) if s]
