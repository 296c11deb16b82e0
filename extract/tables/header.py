"""The header model: the lines above a table's first row read into ordered columns.

A header may stand on one line ("Tkr Utfall 2013 Budget 2013 Avvikelse"), over several
("Kommunen" / "Kommunala koncernen" / "Belopp i mnkr Not 2018 2019 2018 2019"), one word
per line ("Utfall" / "2021" / "Budget" / "2021"), or glued ("Not201620152014"). Each
column is (scope, kind, period); the words that name them are in
`extract/data/table_words.toml`.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

import regex
import tomllib
from arsred.extract.sections import fold
from arsred.extract.tables.lines import Column

YEAR_RE = regex.compile(r"(?:19[6-9]\d|20[0-4]\d)")
# 2021-12-31, 31/12/2021, 12/31/2021, 2021.12.31, "31 dec 2021"; a range keeps its end.
DATE_RE = regex.compile(r"(?:(?:19|20)\d\d[-./]\d\d[-./]\d\d|\d{1,2}/\d{1,2}/(?:19|20)\d\d|\d{1,2}\.\d{1,2}\.(?:19|20)\d\d)")

# compiled once: header_tokens runs on every candidate header line
_CASE_STEP = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})")
_LETTER_DIGIT = regex.compile(r"(?<=\p{L})(?=\d)|(?<=\d)(?=\p{L})")
_LONG_DIGITS = regex.compile(r"\d{8,}")
_OPEN_RANGE = regex.compile(rf"(?:{DATE_RE.pattern})\s*[-–—]\s*$")
_WHOLE_YEAR_RANGE = regex.compile(r"\b((?:19|20)\d\d)-01-01\s*[-–—]\s*\1-12-31\b")
_YEAR_RANGE = regex.compile(r"@(\d{4})~?\s*[-–—]\s*@(\d{4}~?)")
_TWO_YEARS = regex.compile(r"((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)?\d\d)")


@dataclass(frozen=True)
class HeaderToken:
    """One meaningful piece of a header: a period, a kind or scope word, the note word."""

    kind: str            # period | kind | scope | note | filler | caption | other
    value: str | int     # the year for a period, the canonical name for words
    text: str


@dataclass(frozen=True)
class HeaderModel:
    columns: tuple[Column, ...]
    has_note: bool
    tokens: tuple[HeaderToken, ...]


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Folded phrase -> (token kind, canonical value), longest phrases first."""
    data = _words()
    phrases: list[tuple[str, str, str]] = []
    for kind, words in data["kinds"].items():
        phrases += [(fold(w), "kind", kind) for w in words]
    for scope, words in data["scopes"].items():
        phrases += [(fold(w), "scope", scope) for w in words]
    phrases += [(fold(w), "note", "not") for w in data["note"]["words"]]
    phrases += [(fold(w), "filler", "") for w in data["filler"]["words"]]
    phrases += [(fold(w), "kind", "measure") for w in data["measure_columns"]["words"]]
    # a change between two columns is no figure of the output either: read and left out as a measure is
    phrases += [(fold(w), "kind", "measure") for w in data.get("change_columns", {}).get("words", [])]
    for kind, words in data.get("companion_kinds", {}).items():
        phrases += [(fold(w), "companion", kind) for w in words]
    phrases.sort(key=lambda p: (-len(p[0].split()), -len(p[0])))
    return {"phrases": tuple(phrases)}


@lru_cache(maxsize=1)
def _phrase_index() -> dict[str, tuple[str, str]]:
    """Folded phrase -> (kind, value) of its first entry in `vocabulary()`."""
    index: dict[str, tuple[str, str]] = {}
    for p, kind, value in vocabulary()["phrases"]:
        index.setdefault(p, (kind, value))
    return index


@lru_cache(maxsize=1)
def month_words() -> frozenset[str]:
    """Month names, folded (table_words.toml [months])."""
    return _months()


def _months() -> frozenset[str]:
    return frozenset(fold(m) for key in ("names", "abbreviations") for m in _words()["months"][key])


@lru_cache(maxsize=1)
def column_identities() -> dict[str, tuple[tuple[str, str], ...]]:
    data = _words()
    return {k: tuple((p[0], p[1]) for p in v) for k, v in data["identities"].items()}


@lru_cache(maxsize=1)
def column_sums() -> dict[str, tuple[tuple[str, str], ...]]:
    """Columns that add two others (Netto = Intäkt + Kostnad), from table_words.toml [sums]."""
    data = _words()
    return {k: tuple((p[0], p[1]) for p in v) for k, v in data.get("sums", {}).items()}


def unglue(text: str) -> str:
    """Put spaces where a layout glued header words: 'ResultaträkningKommunen', 'Not201620152014'."""
    text = _CASE_STEP.sub(" ", text)
    text = _LETTER_DIGIT.sub(" ", text)

    def years(m: regex.Match) -> str:
        run = m.group()
        parts = [run[i:i + 4] for i in range(0, len(run), 4)]
        return " ".join(parts) if all(YEAR_RE.fullmatch(p) for p in parts) else run
    return _LONG_DIGITS.sub(years, text)


_YEAR_RUN = regex.compile(rf"(?<![\d,])(?:{YEAR_RE.pattern}\s+)+{YEAR_RE.pattern}(?![\d,])")


_YEAR_THEN_BRACKETED = regex.compile(r"(?<!\d)((?:19|20)\d\d)\s+\(((?:19|20)\d\d)\)")


def year_and_year_before(texts: list[str], fiscal_year: int) -> bool:
    """Two columns no header names, where a row prints the report's year with the year before in brackets
    ('Preliminär slutavräkning 2012 (2011) 6,1 10,0'): the bracket is the year before's figure, as
    'siffror inom parentes avser föregående år', so the columns are this year and the year before, in
    that order. No row may print a pair the other way round."""
    pairs = [(int(m.group(1)), int(m.group(2))) for t in texts for m in _YEAR_THEN_BRACKETED.finditer(t)]
    return (fiscal_year, fiscal_year - 1) in pairs and all(a == b + 1 for a, b in pairs)


def year_runs(text: str) -> list[list[str]]:
    """Runs of two or more years printed in a line ('2014 2013201220112010' → one run of five)."""
    return [m.group().split() for m in _YEAR_RUN.finditer(unglue(text))]


def header_tokens(text: str) -> list[HeaderToken]:
    """Tokens of one header line; words outside the vocabulary are `other`."""
    return list(_header_tokens(text))


@lru_cache(maxsize=4096)
def _header_tokens(text: str) -> tuple[HeaderToken, ...]:
    """header_tokens, kept per text: the table readers ask about the same lines many times (issue 14)."""
    text = unglue(text)
    text = _OPEN_RANGE.sub(" ", text)   # a range whose end is on the next line
    # a range over a whole calendar year beside interim ranges is the year's outcome: named so, as "Helår" names it
    text = _WHOLE_YEAR_RANGE.sub(r" helår \1-12-31 ", text)
    text = DATE_RE.sub(lambda m: f" @{_date_year(m.group())}{'' if _year_end(m.group()) else '~'} ", text)
    # a period range "2021-01-01 – 2021-12-31" or "jan–dec 2021" keeps its end
    text = _YEAR_RANGE.sub(r"@\2", text)
    out: list[HeaderToken] = []
    # a phrase never spans a cell boundary (a tab, a bar, a wide gap): "Utfall   Budget" over two
    # columns is two kinds, not the phrase "utfall budget"
    cells = [c.split() for c in regex.split(r"\t|\||\s{3,}", text)]
    words = [w for c in cells for w in c]
    cell_of = [k for k, c in enumerate(cells) for _ in c]
    i = 0
    phrases = _phrase_index()
    while i < len(words):
        w = words[i]
        if w.startswith("@"):
            out.append(HeaderToken("period", int(w[1:5]), w))     # '@2023', '@2023~' (a date inside the year)
            i += 1
            continue
        core = w.strip("()[],;:*")
        year = year_of_token(w)
        if year is not None:
            out.append(HeaderToken("period", year, w))
            i += 1
            continue
        m = _TWO_YEARS.fullmatch(core)
        if m:                                   # "2020–2021", "2020/21": the later year
            end = m.group(2)
            out.append(HeaderToken("period", int(end if len(end) == 4 else m.group(1)[:2] + end), w))
            i += 1
            continue
        hit = None
        for n in (4, 3, 2, 1):
            if i + n > len(words) or cell_of[i + n - 1] != cell_of[i]:
                continue
            phrase = fold(" ".join(words[i:i + n]))
            if phrase and phrase in phrases:
                hit = (n, *phrases[phrase])
                break
        if hit:
            n, kind, value = hit
            out.append(HeaderToken(kind, value, " ".join(words[i:i + n])))
            i += n
            continue
        f = fold(w)
        if f and all(part in _months() for part in f.split()):
            out.append(HeaderToken("filler", f, w))        # "jan–aug", "januari-december"
            i += 1
            continue
        out.append(HeaderToken("filler" if len(f) <= 1 else "other", f, w))
        i += 1
    # a companion kind word names a column only beside another kind word ([companion_kinds])
    beside = any(t.kind == "kind" for t in out)
    out = [HeaderToken("kind" if beside else "other", t.value if beside else fold(t.text), t.text)
           if t.kind == "companion" else t for t in out]
    return tuple(with_caption(out))


# what may follow a year in a header: footnote marks ("2021*)", "2020**)", "2019¹", "2018 a)")
FOOTNOTE_RE = regex.compile(r"^((?:19[6-9]\d|20[0-4]\d))(?:\*+\)?|\p{No}+|\)|[a-d]\))$")
MIN_CAPTION_PERIODS = 2


def year_of_token(token: str) -> int | None:
    """The year a header token names, footnote marks after it allowed ("2021*)" → 2021)."""
    core = token.strip("([,;:")
    if YEAR_RE.fullmatch(core):
        return int(core)
    m = FOOTNOTE_RE.match(core)
    return int(m.group(1)) if m else None


def with_caption(tokens: list[HeaderToken]) -> list[HeaderToken]:
    """A caption of the label column before the header's periods, read as a caption.

    "Balanskravet i Kommunallagens 8:e kapitel  2021*)  2020**)  2019  2018  2017": the words
    before the first period title the label column; the line is a header when every token from
    the first period on names a column (period, kind, scope, note or filler) and at least two
    periods follow. A row whose label ends in one year ("… före 1998") is not a header.
    """
    first = next((i for i, t in enumerate(tokens) if t.kind == "period"), None)
    if not first or not any(t.kind == "other" for t in tokens[:first]):
        return tokens
    rest = tokens[first:]
    if sum(1 for t in rest if t.kind == "period") < MIN_CAPTION_PERIODS or any(t.kind == "other" for t in rest):
        return tokens
    return [HeaderToken("caption", t.value, t.text) if t.kind == "other" else t for t in tokens[:first]] + rest


def _date_year(text: str) -> int:
    years = regex.findall(r"(?:19|20)\d\d", text)
    return int(years[-1])


def _year_end(text: str) -> bool:
    """'2023-12-31', '31/12/2023', '12/31/2023': a date on the last day of the year (day and month 31 and 12)."""
    return sorted(int(p) for p in regex.findall(r"\d+", text) if len(p) <= 2) == [12, 31]


def _interim_beside_year(tokens: list[HeaderToken]) -> bool:
    """'2024-06-30 2023 2023-06-30 2022 …': a date inside a year (header_tokens marks it '@2023~') beside
    that year's own column (a bare year or its year-end), with no kind word to tell them apart: the
    date is an interim balance or period, not the year's outcome, and both would be read as that year."""
    if any(t.kind == "kind" or _full_year(t) for t in tokens):
        return False        # 'Helår 2022' beside '2022-01-01–2022-08-31': told apart (build_columns, full_year)
    periods = [t for t in tokens if t.kind == "period"]
    interim = {t.value for t in periods if t.text.endswith("~")}
    return bool(interim & {t.value for t in periods if not t.text.endswith("~")})


def is_header_text(text: str) -> bool:
    """A line made only of header words and periods, with at least one period or column word."""
    toks = header_tokens(text)
    if not toks or any(t.kind == "other" for t in toks):
        return False
    return any(t.kind in ("period", "kind", "scope", "note") for t in toks)


def build_columns(tokens: list[HeaderToken], default_period: int | None, default_kind: str) -> HeaderModel:
    """Ordered columns from the header's tokens, in reading order.

    A kind or scope word directly before (or, for a trailing word, after) a period names
    that column; a run of several scope (or kind) words before a run of periods is a
    group line: the periods split evenly among them. A kind word with no period of its
    own (Avvikelse) is a column of its own, in the period of its neighbours.
    """
    has_note = any(t.kind == "note" for t in tokens)
    if _interim_beside_year(tokens):
        return HeaderModel((), has_note, tuple(tokens))     # no column can be named: the table is not read
    toks = [t for t in tokens if t.kind in ("period", "kind", "scope") or _full_year(t)]
    columns: list[Column] = []
    i = 0
    pending: list[HeaderToken] = []
    full = False
    while i < len(toks):
        t = toks[i]
        if _full_year(t):
            full = True                      # "Helår 2022": the period after it is the whole year
            i += 1
            continue
        if t.kind != "period":
            pending.append(t)
            i += 1
            continue
        # a run of periods is of one form: a dated period ("2022-01-01–2022-12-31", "2022-12-31") after a
        # bare year names its own column and does not take the kind word before the year ("Prognos 2023
        # 2022-01-01–2022-12-31" is a forecast and a year's outcome, not two forecasts)
        run_end = i
        while run_end < len(toks) and toks[run_end].kind == "period" and \
                _dated(toks[run_end]) == _dated(toks[i]):
            run_end += 1
        periods = [int(p.value) for p in toks[i:run_end]]
        scopes = [p for p in pending if p.kind == "scope"]
        kinds = [p for p in pending if p.kind == "kind"]
        groups = scopes if len(scopes) > 1 else kinds if len(kinds) > 1 else []
        if len(kinds) > 1 and len(kinds) == len(periods):
            # "Utfall Budget Utfall" over "2023 2023 2022": a line of kinds stacked over a line of
            # periods, column by column; scope words over them name blocks (_scope_blocks)
            scope = str(scopes[-1].value) if scopes else (columns[-1].scope if columns else "entity")
            columns += [Column(period, str(k.value), scope=scope) for k, period in zip(kinds, periods)]
        elif groups and len(periods) % len(groups) == 0 and len(periods) >= len(groups):
            per = len(periods) // len(groups)
            other = kinds if groups is scopes else scopes
            for g_index, g in enumerate(groups):
                for period in periods[g_index * per:(g_index + 1) * per]:
                    scope = str(g.value) if g.kind == "scope" else (str(other[-1].value) if other else "entity")
                    kind = str(g.value) if g.kind == "kind" else (str(other[-1].value) if other else default_kind)
                    columns.append(Column(period, kind, scope=scope))
        else:
            scope = str(scopes[-1].value) if scopes else (columns[-1].scope if columns else "entity")
            kind = str(kinds[-1].value) if kinds else default_kind
            # "Utfall 2021 Budget 2021", "Bokslut 2022 2021": a run of periods takes the words before it
            for period in periods:
                columns.append(Column(period, kind, scope=scope))
        if full or any(fold(k.text) in full_year_kinds() for k in kinds[-1:]):
            columns[-(run_end - i):] = [replace(c, full_year=True) for c in columns[-(run_end - i):]]
        pending, full = [], False
        i = run_end
    for t in pending:                        # words after the last period: their own columns
        if t.kind == "kind":
            last = columns[-1].period if columns else default_period
            columns.append(Column(last, str(t.value), scope=columns[-1].scope if columns else "entity"))
    if not columns:
        kinds = [t for t in toks if t.kind == "kind"]
        columns = [Column(default_period, str(k.value)) for k in kinds]
    columns = _scope_blocks(_blocks_without_scope(columns, toks), toks)
    return HeaderModel(tuple(_inherit(columns, default_period)), has_note, tuple(tokens))


def _dated(t: HeaderToken) -> bool:
    """A period printed as a date or a date range (header_tokens marks it '@')."""
    return t.text.startswith("@")


def _blocks_without_scope(columns: list[Column], toks: list[HeaderToken]) -> list[Column]:
    """Periods printed twice over ("2018 2019 2018 2019") with fewer scope words than blocks: the
    blocks are the organisation and its group, in the order municipal statements print them."""
    periods = [c.period for c in columns]
    n = len(periods)
    if n < 2 or n % 2 or periods[: n // 2] != periods[n // 2:] or len(set(periods)) != n // 2:
        return columns
    scopes = [t for t in toks if t.kind == "scope"]
    if len({str(t.value) for t in scopes}) >= 2:
        return columns
    half = n // 2
    return [replace(c, scope="entity" if k < half else "group") for k, c in enumerate(columns)]


@lru_cache(maxsize=1)
def line_filler_words() -> frozenset[str]:
    """Words a header line may hold without naming a column (table_words.toml [line_filler])."""
    return frozenset(_words()["line_filler"]["words"])


@lru_cache(maxsize=1)
def full_year_words() -> frozenset[str]:
    """Words that name a column as the whole year (table_words.toml [full_year])."""
    return frozenset(fold(w) for w in _words().get("full_year", {}).get("words", ()))


@lru_cache(maxsize=1)
def full_year_kinds() -> frozenset[str]:
    """Kind words that also name the closed year (table_words.toml [full_year] kinds: "Bokslut")."""
    return frozenset(fold(w) for w in _words().get("full_year", {}).get("kinds", ()))


def _full_year(t: HeaderToken) -> bool:
    return t.kind == "filler" and fold(t.text) in full_year_words()


def _scope_blocks(columns: list[Column], toks: list[HeaderToken]) -> list[Column]:
    """Scope words printed over a header whose columns repeat ("Kommunen Koncernen" over "Utfall
    2023 Budget 2023 Utfall 2022 Utfall 2023 Utfall 2022"): each scope's block begins where the
    (kind, period) columns begin again. Only where the blocks are as many as the scopes named."""
    keys = [(c.scope, c.kind, c.period) for c in columns]
    scopes = list(dict.fromkeys(str(t.value) for t in toks if t.kind == "scope"))
    if len(set(keys)) == len(keys) or len(scopes) < 2:
        return columns
    blocks: list[list[Column]] = [[]]
    for c in columns:
        if any((o.kind, o.period) == (c.kind, c.period) for o in blocks[-1]):
            blocks.append([])
        blocks[-1].append(c)
    if len(blocks) != len(scopes):
        return columns
    return [replace(c, scope=scope) for block, scope in zip(blocks, scopes) for c in block]


def _inherit(columns: list[Column], default_period: int | None) -> list[Column]:
    out = []
    for k, c in enumerate(columns):
        if c.period is None:
            near = next((o.period for o in columns[k::-1] if o.period is not None), None) or \
                next((o.period for o in columns[k:] if o.period is not None), default_period)
            c = replace(c, period=near)
        out.append(c)
    return out


@lru_cache(maxsize=1)
def group_only_labels() -> tuple[str, ...]:
    """Folded lines only consolidated accounts print: the income tax and the minority's share
    (table_words.toml [group_only] labels and minority_labels)."""
    return tuple(fold(w) for w in _words()["group_only"]["labels"]) + minority_labels()


@lru_cache(maxsize=1)
def company_labels() -> tuple[str, ...]:
    """Folded lines only a company's accounts print (table_words.toml [group_only] company_labels)."""
    return tuple(fold(w) for w in _words()["group_only"].get("company_labels", []))


@lru_cache(maxsize=1)
def minority_labels() -> tuple[str, ...]:
    """Folded lines of a minority's share: a group's in any report (table_words.toml [group_only])."""
    return tuple(fold(w) for w in _words()["group_only"].get("minority_labels", []))


@lru_cache(maxsize=1)
def block_scope_words() -> dict[str, tuple[str, ...]]:
    """Scope -> folded genitives a block heading names it by (table_words.toml [block_scopes])."""
    return {k: tuple(fold(w) for w in v) for k, v in _words().get("block_scopes", {}).items()}


def sole_scope(text: str) -> str | None:
    """The scope a text names when it is nothing but one scope word or phrase ("Kommunen",
    "Sammanställd redovisning", a part title "Sammanställda räkenskaper"), else None."""
    toks = header_tokens(text) if text.strip() else []
    return str(toks[0].value) if len(toks) == 1 and toks[0].kind == "scope" else None


def scope_named(text: str) -> bool:
    """Does the text name a scope (Kommunen, Koncernen, Sammanställd redovisning …)?"""
    return any(t.kind == "scope" for t in header_tokens(text))


@lru_cache(maxsize=1)
def _words() -> dict:
    """table_words.toml, read once: every table of words below is drawn from it."""
    with resources.files("arsred.extract").joinpath("data/table_words.toml").open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def cell_units() -> tuple[str, ...]:
    """Units printed inside a cell after its figure, longest first (table_words.toml [cell_units])."""
    return tuple(sorted((w.casefold() for w in _words()["cell_units"]["words"]), key=len, reverse=True))


def caption_statement(text: str) -> str | None:
    """The statement a caption's words name ("Nämnderna redovisar …" → driftredovisning), or None."""
    f = f" {fold(text)} "
    for statement, phrases in _words().get("caption_statements", {}).items():
        if any(f" {fold(p)} " in f for p in phrases):
            return str(statement)
    return None


def row_statement(labels: list[str]) -> str | None:
    """The statement most of a table's row labels name by their last word ("Servicenämnd",
    "Kommunstyrelse" → driftredovisning; table_words.toml [row_statements]), or None."""
    last = [fold(label).split()[-1] for label in labels if fold(label)]
    for statement, endings in _words().get("row_statements", {}).items():
        if last and 2 * sum(w.endswith(tuple(endings)) for w in last) >= len(last):
            return str(statement)
    return None


def caption_kind(text: str) -> str | None:
    """The kind of figure a caption ends by naming ("… följande budgetavvikelse:" → avvikelse)."""
    toks = [t for t in header_tokens(text.rstrip(" :")) if t.kind != "filler"]
    return str(toks[-1].value) if toks and toks[-1].kind == "kind" and toks[-1].value != "measure" else None


def part_scope(label: str) -> str | None:
    """The scope of a row that names a part of the group ("Bolagen"): table_words.toml [parts]."""
    f = fold(label).strip(" :")
    return next((str(scope) for scope, words in _words().get("parts", {}).items()
                 if f in {fold(w) for w in words}), None)


@lru_cache(maxsize=1)
def year_in_label_words() -> frozenset[str]:
    """Words after which a label's closing year names its period (table_words.toml [year_in_label])."""
    return frozenset(fold(w) for w in _words().get("year_in_label", {}).get("words", ()))


@lru_cache(maxsize=1)
def sub_row_words() -> frozenset[str]:
    """Lines a budget follow-up repeats under each nämnd (table_words.toml [sub_rows]), folded."""
    return frozenset(fold(w) for w in _words().get("sub_rows", {}).get("words", ()))
