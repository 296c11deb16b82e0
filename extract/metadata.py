"""Who published the report, what kind it is, and which year it covers."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex
import tomllib
from arsred.extract.document import Line
from arsred.extract.sections import YEAR, Section, fold
from arsred.extract.tables import is_header_line
from arsred.extract.tables.header import build_columns, header_tokens, is_header_text, unglue
from arsred.extract.text_figures import stated_year

_NAME = r"[A-ZÅÄÖ][\wåäöéü-]+"
_LINK = r"(?:och|i|län|läns|lan|lans|stad|stads)"
_ORG_AFTER = regex.compile(rf"\b[Ss]amordningsf\w*rbund(?:et)?\s+((?:i\s+)?(?:{_NAME})(?:(?:,\s*|\s+)(?:{_NAME}|{_LINK})){{0,5}})")
_ORG_BEFORE = regex.compile(rf"((?:{_NAME}\s+)(?:(?:{_NAME}|{_LINK})\s+){{0,4}})Samordningsf\w*rbund\b")
_STOP = {"och", "i", "Arbetsförmedlingen", "Försäkringskassan", "Region", "Under", "Det", "Den", "Samordningsförbundet",
         "Årsredovisning", "Arsredovisning", "Verksamhetsplan", "Delårsrapport", "Delarsrapport", "Budget", "Sida",
         "Verksamhetsberättelse", "Styrelse", "Styrelsen", "Förvaltningsberättelse", "Forvaltningsberattelse",
         "Ordförande", "Bildades", "Har", "Är", "Ar", "Finansierar", "Redovisar"}


@dataclass(frozen=True)
class Metadata:
    organisation: str
    doc_type: str
    fiscal_year: int | None
    year_stated: bool = False      # the year is printed as the report's (a title, a statement header,
                                   # "för år 2024"), not only the commonest year of the text
    year_from_name: bool = False   # the text names no year: the file name's (the weakest evidence)


def detect_metadata(lines: list[Line], sections: list[Section], name: str = "") -> Metadata:
    """`name` is the input file's name (or path), whose year is the weakest evidence of the fiscal year."""
    named = named_doc_type(lines)
    kind = named or "arsredovisning"
    year, stated, from_name = _fiscal_year(lines, sections, name, kind, named is not None)
    return Metadata(organisation(lines), kind, year, stated, from_name)


@cache
def _data(name: str) -> dict:
    with resources.files("arsred.extract").joinpath(f"data/{name}").open("rb") as fh:
        return tomllib.load(fh)


@dataclass(frozen=True)
class _DocWords:
    opening: regex.Pattern          # words that name the kind anywhere in the opening lines
    title: regex.Pattern            # words that name it only in a title
    kinds: dict[str, str]           # folded word -> kind
    compared: regex.Pattern         # words before a kind word that make it a yardstick ("bättre än budget")
    lines: int
    title_lines: int
    title_words: int


@cache
def _doc_type_words() -> _DocWords:
    """The doc_types.toml words as whole-word patterns (a compound head may have a prefix)."""
    data = _data("doc_types.toml")
    endings = "|".join(regex.escape(e) for e in sorted(data["endings"], key=len, reverse=True))
    heads = {fold(w) for w in data["compound_heads"]}

    def pattern(table: dict[str, list[str]]) -> regex.Pattern:
        words = sorted({fold(w) for ws in table.values() for w in ws}, key=len, reverse=True)
        alts = "|".join(rf"\w*{regex.escape(w)}" if w in heads else regex.escape(w) for w in words)
        return regex.compile(rf"\b(?:{alts})(?:{endings})\b")

    opening, title = _by_month(data["kinds"]), _by_month(data["title_kinds"])
    kinds = {fold(w): kind for table in (opening, title) for kind, ws in table.items() for w in ws}
    compared = "|".join(regex.escape(fold(w)) for w in sorted(data["compared_after"], key=len, reverse=True))
    return _DocWords(pattern(opening), pattern(title), kinds,
                     regex.compile(rf"\b(?:{compared})\s+$"), int(data["opening_lines"]),
                     int(data["title_lines"]), int(data["title_words"]))


def _by_month(table: dict[str, list[str]]) -> dict[str, list[str]]:
    """The kind words with each '{month}' word once for every month that closes part of a year
    (table_words.toml [months] names but December): "augustirapport", "per mars"."""
    months = _data("table_words.toml")["months"]["names"][:-1]
    return {kind: [w.replace("{month}", m) for w in words for m in (months if "{month}" in w else [""])]
            for kind, words in table.items()}


def doc_type(lines: list[Line]) -> str:
    """The kind the opening lines name (`named_doc_type`); an annual report when none is."""
    return named_doc_type(lines) or "arsredovisning"


def named_doc_type(lines: list[Line]) -> str | None:
    """The kind named first by a whole word in the opening lines (a title word only in a title, not
    in a column header), or None. A word the text measures against ("bättre än budget", "jämfört med
    budget") names no document."""
    d = _doc_type_words()
    worded = [line for line in lines if regex.search(r"\p{L}", line.text)][:d.lines]
    for i, line in enumerate(worded):
        f = fold(line.text)
        title = i < d.title_lines and len(f.split()) <= d.title_words
        titled = [m for m in d.title.finditer(f) if title and (m.start() == 0 or not is_header_text(line.text))]
        found = [m for m in (*d.opening.finditer(f), *titled) if not d.compared.search(f[:m.start()])]
        if found:
            word = min(found, key=lambda m: m.start()).group(0)
            return next(kind for w, kind in sorted(d.kinds.items(), key=lambda t: -len(t[0])) if w in word)
    return None


def _fiscal_year(lines: list[Line], sections: list[Section], name: str = "",
                 kind: str = "", kind_named: bool = True) -> tuple[int | None, bool, bool]:
    """The year, whether the report states it as its own (False: only the commonest year) and
    whether it is the file name's (the text names no year it reports on). In a budget, years printed
    as often as each other beyond two are its plan years ("Bokslut 2020 Budget 2021 … Plan 2024"):
    the latest is no report year. `kind_named` False: no word names the kind (`kind` is the default),
    so the document may be a budget as well."""
    budget_like = kind == "verksamhetsplan_budget" or not kind_named
    for line in lines[:80]:
        f = fold(line.text)
        m = regex.search(r"\b(arsredovisning(?:en)?|verksamhetsplan(?: och budget)?|budget|delarsrapport)\b"
                         r"\D{0,25}((?:19|20)\d\d)", f)
        if m and len(f) < 120 and not is_header_text(line.text):   # "Bokslut 2020 Budget 2021": a column
            return int(m.group(2)), True, False
    for s in sections:
        if s.kind in ("resultatrakning", "balansrakning", "kassaflodesanalys", "oversikt", "noter"):
            years = _header_years(s.lines[:8])
            if years:
                year = _report_year_of_header(s.lines[:8], years, budget_like)
                if year is None:
                    break                   # plan years after the outcome's: the header does not say
                return year, True, False
    # "för år 2024", "budgeten för 2023", "2018 års årsredovisning"; not a column header's "Budget 2013"
    # (a budget column beside the outcome's "Bokslut 2012": the year after the report's)
    stated = stated_year([line for line in lines[:80] if not is_header_text(line.text)])
    if stated is not None:
        return stated, True, False
    named = name_year(name)
    counts = Counter(_reported_years(lines))
    if not counts:
        return named, False, named is not None
    top = max(counts.values())
    tied = [y for y, n in counts.items() if n == top]
    if named in tied:                   # the text prints it as often as any: the name settles a tie
        return named, False, False
    if named is not None or (budget_like and len(tied) > 2):
        return None, False, False       # the text's commonest year and the name's disagree: undecided
    # years printed as often as each other are a report's year and its comparison year: the later
    return max(tied), False, False


def name_year(name: str) -> int | None:
    """The one year a file name prints as a word of its own ("malmo_2014_prognosavvikelse"), or None.
    A date ("2019-05-16_protokoll") is when the file was made, as a publication date is (see
    `_reported_years`): no year."""
    stem = regex.sub(r"\.\w+$", "", regex.split(r"[/\\]", name)[-1])
    stem = regex.sub(r"(?<!\d)(?:19|20)\d\d[-_.]?[01]\d[-_.]?[0-3]\d(?!\d)", " ", stem)
    years = {int(m.group()) for m in regex.finditer(r"(?<![\p{L}\d])(?:19[5-9]\d|20[0-4]\d)(?![\p{L}\d])", stem)}
    return years.pop() if len(years) == 1 else None


@cache
def _year_words() -> tuple[regex.Pattern, regex.Pattern, int, frozenset[str]]:
    """(a date that ends no period, a comparison word, its window, the reference words) from
    doc_types.toml [fiscal_year] and text_figures.toml [years]."""
    data = _data("doc_types.toml")["fiscal_year"]
    month_words = _data("table_words.toml")["months"]
    months = "|".join(regex.escape(m) for m in [*month_words["abbreviations"], *data["date_months_english"]])
    day = int(data["period_end_day"])
    early = "(?:" + "|".join(f"0?{d}" if d < 10 else str(d) for d in range(day - 1, 0, -1)) + ")"   # days before it
    year = r"(?:19|20)\d\d"
    dates = regex.compile(rf"\b{year}-\d\d-{early}\b|\b{early}\.?\s+(?:{months})\w*\.?,?\s+{year}\b"
                          rf"|\b(?:{months})\w*\.?\s+{early},?\s+{year}\b", regex.I)
    compared = "|".join(regex.escape(fold(w)) for w in data["compared_before"])
    refs = frozenset(fold(w) for w in _data("text_figures.toml")["years"]["reference_before"])
    return dates, regex.compile(rf"\b(?:{compared})\b"), int(data["compared_window"]), refs


# a footnote under a table ("*Inkl reavinst pga försäljning 2010 av SFAB, 64,0 mkr."): to its full stop
_FOOTNOTE = regex.compile(r"(?:^|(?<=\s))\*{1,3}\)?\s?\p{L}[^.]*")


def _reported_years(lines: list[Line]) -> list[int]:
    """Every printed year that may be the one the text reports on: not a date that ends no period
    (publication, meeting), not a comparison ("Jämförelse, resultat per augusti 2015") or reference
    ("med 2018 års siffror", "sedan 2011"), not in a footnote's remark on one figure."""
    dates, compared, window, refs = _year_words()
    out = []
    for line in lines:
        text = fold(_FOOTNOTE.sub(" ", dates.sub(" ", line.text)))
        for m in YEAR.finditer(text):
            before = regex.findall(r"[\p{L}\d]+", text[:m.start()])
            if (before and before[-1] in refs) or any(compared.fullmatch(w) for w in before[-window:]):
                continue
            out.append(int(m.group()))
    return out


def title_year(lines: list[Line]) -> int | None:
    """The one year a short first line prints outside a date ("Var kommer kommunens pengar ifrån?
    … 2012"): the page's own title year, or None."""
    first = next((line.text.strip() for line in lines if line.text.strip()), "")
    if len(first) >= 120:
        return None
    years = set(YEAR.findall(regex.sub(r"\d{4}-\d{2}(?:-\d{2})?|\d{1,2}\s+\p{L}+\s+\d{4}", " ", first)))
    return int(years.pop()) if len(years) == 1 else None


def _report_year_of_header(lines: list[Line], years: list[int], budget_like: bool) -> int | None:
    """The report's year by a statement header's years: the latest, unless the header names budget or
    forecast columns of years after its outcome columns' ("Bokslut 2020 Budget 2021 Budget 2022 Plan
    2023 Plan 2024"): then an annual report's is its latest outcome year, and a budget's is not said
    (which of the later years it budgets, the header alone does not tell), nor is it when the kind
    may be a budget (`budget_like`: a budget, or no word names the kind)."""

    toks = [t for line in lines for t in header_tokens(line.text)]
    columns = [c for c in build_columns(toks, None, "utfall").columns if c.period is not None]
    outcome = [c.period for c in columns if c.kind == "utfall"]
    later = [c.period for c in columns if c.kind in ("budget", "prognos") and c.period > max(outcome, default=0)]
    if not later or not any(t.kind == "kind" for t in toks):
        return max(years)
    return max(outcome) if outcome and not budget_like else None


def _header_years(lines: list[Line]) -> list[int]:
    """The years of a statement's column header: a header line, or lines that print no figure but
    years ("Belopp i mnkr Not 2018 2019 2018 2019", or one year a line in a flattened table; two
    years at least, as one year alone may be a row's figure)."""
    years: list[int] = []
    header = False
    for line in lines:
        text = unglue(line.text)                    # 'Not201620152014'
        found = [int(y) for y in YEAR.findall(text)]
        if not found:
            continue
        if is_header_line(line) or not regex.search(r"\d", YEAR.sub(" ", text)):
            years += found
            header = header or is_header_line(line)
        else:
            break                                   # a row with figures: the header is over
    return years if header or len(years) >= 2 else []


def organisation(lines: list[Line]) -> str:
    """The most often named 'Samordningsförbundet X' (or 'X Samordningsförbund'), else the name a
    title-like opening line gives ("Luleå kommun", "Region Kalmar län"), else the one organisation the
    text makes the subject of its accounts ("Region Västmanland redovisar ett resultat …"), else none.
    A samordningsförbund named once outside the title is weak evidence (a body the publisher is a
    member of, in its organisation chart): a title name wins over it."""
    forbund, strong = _samordningsforbund(lines)
    if strong:
        return forbund
    return _title_organisation(lines) or forbund or _reporting_organisation(lines)


def organisation_kind(name: str) -> str:
    """'kommun', 'region' or 'forbund' by the words of the name (extract/data/organisations.toml); '' unknown."""
    folded = f" {fold(name)} "
    for kind, form in _data("organisations.toml")["kinds"].items():
        if (any(f" {fold(w)} " in folded for w in form.get("after", []) + form.get("words", []))
                or any(folded.startswith(f" {fold(w)} ") for w in form.get("before", []))
                or any(w.endswith(fold(e)) for w in folded.split() for e in form.get("ending", []))):
            return kind
    return ""


_CAP = r"[A-ZÅÄÖ][\wåäöéü]*(?:-[A-ZÅÄÖ]?[\wåäöéü]+)*"


@cache
def _org_patterns() -> list[regex.Pattern]:
    """One pattern per name form; group 'name' is the name as it should read."""
    out = []
    for form in _data("organisations.toml")["kinds"].values():
        for w in form.get("after", []):
            words = r"\s+".join(regex.escape(x) for x in w.split())
            out.append(regex.compile(rf"(?<![\w-])(?P<name>(?:{_CAP}\s+){{0,2}}{_CAP}\s+(?i:{words}))s?(?![\w-])"))
        for w in form.get("before", []):
            out.append(regex.compile(rf"(?<![\w-])(?P<name>{regex.escape(w)}\s+{_CAP}(?:\s+{_CAP})?(?:\s+län)?)(?![\w-])"))
        for e in form.get("ending", []):
            out.append(regex.compile(rf"(?<![\w-])(?P<name>(?:{_CAP}\s+){{0,3}}[A-ZÅÄÖ][\wåäö]*{regex.escape(e)})(?![\w-])"))
    return out


def _title_organisation(lines: list[Line]) -> str:
    """The commonest name (the first on a tie) of the title-like opening lines."""
    data = _data("organisations.toml")
    not_names = {fold(w) for w in data["not_names"]}
    doc_words = _doc_type_words().opening
    names: list[str] = []
    for line in _word_lines(lines, data["title_lines"]):
        text = " ".join(regex.sub(r"<[^>]*>", " ", line.text).split())
        text = regex.sub(r"^\d{1,3}\s+", "", text)                  # a page number before the title
        for pattern in _org_patterns():
            for m in pattern.finditer(text):
                words = m.group("name").split()
                while words and fold(words[0]) in not_names:
                    words.pop(0)
                if len(words) < 2 or not _title_like(text, m.start(), m.end(), data["title_words"], doc_words):
                    continue
                names.append(" ".join(words))
    if not names:
        return ""
    counts = Counter(names)
    top = max(counts.values())
    return next(n for n in names if counts[n] == top)


def _reporting_organisation(lines: list[Line]) -> str:
    """The name that opens a sentence as the subject of a reporting verb ("Borlänge kommun redovisar",
    "Region Norrbotten gjorde", "Lidingö stad har valt"; text_figures.toml [agent_verbs]) or follows one
    ("… redovisar Uppsala kommun ett resultat"); only when the text names one organisation so."""
    from arsred.extract.text_figures import words

    verbs = {p[0] for p in words()["phrases"]["agent_verbs"]}
    not_names = {fold(w) for w in _data("organisations.toml")["not_names"]}
    names: set[str] = set()
    for line in lines:
        text = " ".join(regex.sub(r"<[^>]*>", " ", line.text).split())
        for pattern in _org_patterns():
            for m in pattern.finditer(text):
                name = m.group("name").split()
                while name and fold(name[0]) in not_names:
                    name.pop(0)
                before, after = text[:m.start()].split(), text[m.end():].split()
                opens = not before or before[-1].endswith((".", "!", "?", ":"))
                follows = bool(after) and fold(after[0]) in verbs
                inverted = bool(before) and fold(before[-1]) in verbs and bool(after) and after[0][:1].islower()
                if len(name) >= 2 and ((opens and follows) or inverted):
                    names.add(" ".join(name))
    return names.pop() if len(names) == 1 else ""


def _title_like(text: str, start: int, end: int, max_words: int, doc_words: regex.Pattern) -> bool:
    """A short line with no figure but years and dates, or a name opening the line next to a
    document title ("Östersunds kommun Delårsrapport Tertial 2 …", "Årsredovisning 2007 Arboga kommun …")."""
    bare = regex.sub(r"\b(?:19|20)\d\d(?:-\d\d-\d\d)?\b", " ", text)
    if len(text.split()) <= max_words and not regex.search(r"\d", bare) and not regex.search(r"[.!?]\s", text):
        return True
    before, after = fold(text[:start]), fold(text[end:])
    opens = not before.strip() or (doc_words.fullmatch(before.split()[0]) is not None
                                   and regex.fullmatch(r"\w+\s+(?:19|20)\d\d", before.strip()) is not None)
    return opens and (bool(before.strip()) or doc_words.match(after.strip()) is not None)


def _samordningsforbund(lines: list[Line]) -> tuple[str, bool]:
    """The commonest samordningsförbund name and whether the evidence is strong: named twice or
    more, or on the short title lines of the opening (a long line there may be a list of bodies)."""
    counts: Counter[str] = Counter()
    short = _data("organisations.toml")["title_words"]
    opening = [line for line in _word_lines(lines, 6) if len(line.text.split()) <= short]
    for line in lines:
        counts.update(_names_in(line.text))
    title = " ".join(line.text.strip() for line in opening)             # a name split over the title lines
    in_title = set(_names_in(title))
    for name in in_title:
        if not any(name in _names_in(line.text) for line in opening):
            counts[name] += 1
    if not counts:
        return "", False
    best, top = counts.most_common(1)[0]
    # a longer form of the commonest name that is also common wins ("… Härnösand Timrå" over "… Härnösand")
    longer = [n for n, c in counts.items() if n != best and n.startswith(best + " ") and c >= max(2, top // 2)]
    name = max(longer, key=lambda n: (counts[n], len(n))) if longer else best
    return name, counts[name] >= 2 or name in in_title


def _word_lines(lines: list[Line], n: int) -> list[Line]:
    """The first n lines that carry a word: a bare page number ("1", "2" … of a transcript whose
    pages were not transcribed) opens no title."""
    return [line for line in lines if regex.search(r"\p{L}", line.text)][:n]


def _names_in(text: str) -> list[str]:
    out = []
    for m in _ORG_AFTER.finditer(text):
        name = _trim(m.group(1))
        if name and not _runs_names_together(name):
            out.append(f"Samordningsförbundet {name}")
    for m in _ORG_BEFORE.finditer(text):
        name = _trim(m.group(1))
        if name and len(name.split()) >= 2 and not _runs_names_together(name):
            out.append(f"{name} Samordningsförbund")
    return out


def _runs_names_together(name: str) -> bool:
    """A word that is itself an organisation's ("… i Jämtlands län Jämtlands Räddningsförbund
    Regionförbundet", a list of bodies on one line): several names, no one name."""
    endings = tuple(fold(e) for form in _data("organisations.toml")["kinds"].values() for e in form.get("ending", []))
    return any(fold(w).endswith(endings) for w in name.split())


def _trim(name: str) -> str:
    words = name.split()
    for k, w in enumerate(words):
        if w in _STOP and w not in ("och", "i"):
            words = words[:k]
            break
    while words and words[-1].rstrip(",") in ("och", "i"):
        words.pop()
    if words:
        words[-1] = words[-1].rstrip(",")
    if not words or words[0] in _STOP and words[0] != "i" or words == ["i"]:
        return ""
    return " ".join(words)
