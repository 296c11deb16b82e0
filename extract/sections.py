"""Find the report's sections by their headings, also when numbered, upper-case or OCR-garbled.

A section runs from its heading to the next heading of any known kind. Tables of contents
(dotted leaders, trailing page numbers) and page furniture (footers, signature initials)
never open or hold a section.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import regex
import tomllib
from arsred.extract.document import Document, Line
from rapidfuzz import fuzz

YEAR = regex.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")


@dataclass
class Section:
    kind: str                      # a statement name, or "other"
    title: str
    heading: Line | None
    lines: list[Line] = field(default_factory=list)
    note: int | None = None

    @property
    def start(self) -> tuple[int, int]:
        first = self.heading or (self.lines[0] if self.lines else None)
        return (first.page, first.number) if first else (0, 0)

    @property
    def end(self) -> tuple[int, int]:
        last = self.lines[-1] if self.lines else self.heading
        return (last.page, last.number) if last else (0, 0)


_NOT_WORD = regex.compile(r"[^\w\s/]")


@lru_cache(maxsize=1 << 16)   # the same labels and headings are folded many times over
def fold(text: str) -> str:
    """Case, diacritics and punctuation folded away: what headings and labels are compared on."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _NOT_WORD.sub(" ", text)
    return " ".join(text.split())


@lru_cache(maxsize=1)
def config() -> dict:
    with resources.files("arsred.extract").joinpath("data/headings.toml").open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def _furniture() -> list[regex.Pattern]:
    return [regex.compile(p, regex.I if not p.startswith("^(?:\\*?[A-Z") else 0)
            for p in config()["furniture"]["patterns"]]


def is_furniture(text: str) -> bool:
    s = text.strip().strip("|").strip()
    if fold(s) in _column_words():
        return False                    # "NOT", "TKR": a column header, not signature initials
    return any(p.match(s) for p in _furniture())


@lru_cache(maxsize=1)
def _table_words() -> dict:
    """extract/data/table_words.toml (the table readers load it through header.py, which imports this module)."""
    with resources.files("arsred.extract").joinpath("data/table_words.toml").open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def _column_words() -> frozenset[str]:
    """Single header words a flattened table puts on a line of their own (extract/data/table_words.toml)."""
    data = _table_words()
    words = list(data["note"]["words"]) + list(data["filler"]["words"])
    for group in ("kinds", "scopes"):
        for names in data[group].values():
            words += names
    return frozenset(fold(w) for w in words if len(fold(w)) >= 2)


@lru_cache(maxsize=1)
def _owner_words() -> tuple[tuple[str, str], ...]:
    """(folded word, scope) for the words that name whose accounts a heading's statement holds: the
    genitives and adjectives of table_words.toml [block_scopes] ('Kommunens', 'Sammanställd'), longest
    first. A bare scope noun is not one: 'Kommun | Budget 2018' is a column header, not a heading."""
    pairs = {(fold(w), scope) for scope, names in _table_words()["block_scopes"].items() for w in names}
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def owner_scope(text: str) -> tuple[str, str] | None:
    """'Koncernens resultaträkning' → ('group', 'resultatrakning'): the scope a heading's first
    words name and the folded rest, or None when it opens with no scope word."""
    key = fold(text)
    for word, scope in _owner_words():
        if key.startswith(word + " ") and len(key) > len(word) + 1:
            return scope, key[len(word) + 1:]
    return None


def running_lines(document: Document) -> set[str]:
    """Texts printed at the top or bottom of three or more pages: running headers and footers.

    A line counts when the same text stands on the edge of three pages, or when it differs
    only by a number that runs with the page number ("Årsredovisning 2024 | 7").
    """
    if len(document.pages) < 3:
        return set()
    same: dict[str, set[int]] = {}
    numbered: dict[str, set[tuple[int, int]]] = {}
    for page in document.pages:
        for line in list(page.lines[:2]) + list(page.lines[-2:]):
            text = " ".join(line.text.split())
            if not 0 < len(text) <= 90:
                continue
            same.setdefault(text, set()).add(page.number)
            numbers = regex.findall(r"\d+", text)
            if numbers:
                key = regex.sub(r"\d+(?!.*\d)", "#", text)
                numbered.setdefault(key, set()).add((page.number, int(numbers[-1])))
    out = {t for t, pages in same.items() if len(pages) >= 3}
    for key, pairs in numbered.items():
        offsets = {n - p for p, n in pairs}
        if len(pairs) >= 3 and len(offsets) == 1:
            out.add(key)
    return out


def _running_key(text: str, running: set[str]) -> bool:
    t = " ".join(text.split())
    return t in running or regex.sub(r"\d+(?!.*\d)", "#", t) in running


def content_lines(document: Document) -> list[Line]:
    """All lines but page furniture (and lone page numbers next to it), OCR specks and a table of
    contents laid out one entry, or one title and one page number, a line."""
    lines = document.lines
    running = running_lines(document)
    furniture = [is_furniture(line.text) or (bool(running) and _running_key(line.text, running)) for line in lines]
    out = []
    contents_end = 0
    for i, line in enumerate(lines):
        contents_end = max(contents_end, contents_span(lines, i))
        if furniture[i] or _ocr_speck(line) or i < contents_end:
            continue
        if regex.fullmatch(r"\s*[1-9]\d{0,2}\s*", line.text) and not _in_a_column_of_figures(lines, i, furniture):
            near = furniture[max(0, i - 3): i] + furniture[i + 1: i + 4]
            if any(near):
                continue
        out.append(line)
    return out


_LONE_FIGURE = regex.compile(r"\s*(?:[-−–+]?\s?\d[\d\s]*(?:,\d+)?|[-−–])\s*")


def _in_a_column_of_figures(lines: list[Line], i: int, furniture: list[bool]) -> bool:
    """A lone number with another lone figure directly above or below it (blank lines and page
    furniture skipped) is a cell of a table flattened one cell per line that a page break cuts, not
    a page number: a page prints its number once ('Försäljning av immateriella anläggningstillgångar'
    / '9' / '0' / '0' / '0' / '0' / 'Sida 3'; '181' / 'Sida 2' / '226' / 'Skatt')."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and (furniture[j] or not lines[j].text.strip()):
            j += step
        if 0 <= j < len(lines) and _LONE_FIGURE.fullmatch(lines[j].text):
            return True
    return False


def _ocr_speck(line: Line) -> bool:
    """A recognised line of one or two letters or marks ("I", "l.") that is no unit ("kr"): a rule,
    a border or a speck the OCR read as a letter. Taken for a row label it would carry the figures
    of the label above it."""
    text = line.text.strip()
    if line.method != "ocr" or not 0 < len(text) <= 2 or not regex.fullmatch(r"[\p{L}\p{P}\p{S}]+", text) \
            or not regex.search(r"\p{L}", text):
        return False
    from arsred.extract.tables.header import cell_units  # tables import this module

    return text.casefold() not in {u.casefold() for u in cell_units()}


_NUMBERING = regex.compile(r"^\s*(?:(?:bilaga|avsnitt|del|kapitel)\s+\d{1,2}\s*[.:–-]?\s*|\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+)",
                           regex.I)
_LEADERS = regex.compile(r"\.{4,}|…{2,}|(?:\.\s){4,}")


def heading_text(line: Line) -> tuple[str, bool]:
    """The heading words of a line (numbering removed) and whether it was numbered."""
    text = regex.sub(r"(?<=\p{Ll}{3})(?=\p{Lu}\p{Ll})", " ", line.text.strip())   # "ResultaträkningKommunen"
    numbered = bool(_NUMBERING.match(text))
    text = regex.sub(r"\((?:belopp i )?[tm]?kr\.?\)|\b(?:belopp i )?[tm]?kr\.?$", "", _NUMBERING.sub("", text), flags=regex.I)
    return text.strip().rstrip(":").strip(), numbered


def has_leaders(line: Line) -> bool:
    """Dotted leaders ("Resultaträkning ........ 17"): a table-of-contents entry."""
    return bool(_LEADERS.search(line.text))


# a contents entry: a title, leader dots glued to it, its page number or page range ("Noter... 21 27")
_CONTENTS_ENTRY = regex.compile(r"\p{L}\)?(?:\.{3,}|…+)\s*\d{1,3}(?:\s*[-–]\s*\d{1,3}|\s+\d{1,3})?(?!\S)")
MIN_CONTENTS_ENTRIES = 3


def is_contents_list(text: str) -> bool:
    """A table of contents run onto one line ("Innehåll Kommunfakta... 4 Noter... 21 27 …", or with
    no leader dots after its heading: "Innehållsförteckning 2 Kommunstyrelsens ordförande 3 …"):
    its numbers are page numbers, never amounts."""
    if len(_CONTENTS_ENTRY.findall(text)) >= MIN_CONTENTS_ENTRIES:
        return True
    folded = fold(text)
    for heading in _contents_headings():
        at = regex.search(rf"\b{regex.escape(heading)}\b", folded)
        if at is None:
            continue
        tokens = folded[at.end():].split()
        pages = [int(t) for i, t in enumerate(tokens) if t.isdecimal() and len(t) <= 3
                 and (i == 0 or not tokens[i - 1].isdecimal())]
        run = _rising_run(pages)
        # the page numbers rise through (nearly) all the entries: a list of titles and pages
        if run >= _contents_min() and run >= 0.8 * len(pages):
            return True
    return False


def _rising_run(pages: list[int]) -> int:
    """How many of the numbers, from the first, never decrease."""
    n = 0
    for i, page in enumerate(pages):
        if i and page < pages[i - 1]:
            break
        n += 1
    return n


@lru_cache(maxsize=1)
def _contents_headings() -> tuple[str, ...]:
    return tuple(sorted((fold(h) for h in config()["contents"]["headings"]), key=len, reverse=True))


def _contents_min() -> int:
    return int(config()["contents"]["min_entries"])


def contents_span(lines: list[Line], start: int) -> int:
    """Where a table of contents whose heading stands alone on line `start` ends (the index after
    its last page number), or `start` when no contents list follows: titles and page numbers, each
    on a line of its own or together, while the page numbers do not decrease."""
    if fold(lines[start].text) not in _contents_headings():
        return start
    pages: list[int] = []
    end = start
    for i in range(start + 1, len(lines)):
        tokens = lines[i].text.split()
        if not tokens or len(lines[i].text) > 90:
            break
        last = tokens[-1]
        if last.isdecimal() and len(last) <= 3 and (len(tokens) == 1 or not tokens[-2].replace(",", "").isdecimal()):
            if pages and int(last) < pages[-1]:
                break
            pages.append(int(last))
            end = i + 1
        elif not regex.search(r"\p{L}", lines[i].text):
            break                        # a line of figures: no title of a contents list
    return end if len(pages) >= _contents_min() else start


def is_toc_line(line: Line) -> bool:
    text = line.text.strip()
    if _LEADERS.search(text):
        return True
    last = text.split()[-1] if text.split() else ""
    return last.isdecimal() and int(last) < 400 and len(text.split()) > 1 and not text.split()[0].isdigit() \
        or (len(line.cells) > 1 and line.cells[-1].text.isdecimal() and int(line.cells[-1].text) < 400
            and not any(c.text.replace(" ", "").isdigit() for c in line.cells[:-1]))


@lru_cache(maxsize=1)
def _names() -> list[tuple[str, str]]:
    out = []
    for kind, names in config()["statements"].items():
        for name in names:
            out.append((kind, fold(name.replace("{year}", ""))))
    for name in config()["other"]["names"]:
        out.append(("other", fold(name)))
    return out


_DATES = regex.compile(r"\b(?:19|20)\d\d-\d\d-\d\d\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\w*"
                       r"(?:\s+(?:19|20)\d\d)?\b", regex.I)
_PERIOD_WORDS = regex.compile(r"\b(?:för|for|per|den|perioden|period|år|ar|räkenskapsåret|verksamhetsåret|avseende|"
                              r"tiden|januari|december|belopp|i|tkr|kr|mkr|tusen|tusental|kronor|miljoner)\b")


def classify_heading(text: str) -> str | None:
    """The section kind a heading names, or None.

    Dates and period words after the name ("Balansräkning per 2024-12-31", "Resultaträkning
    för perioden 2024-01-01 – 2024-12-31") do not hide it.
    """
    head = regex.split(r"\s+[–—-]\s+|,\s+|\s+\(|:\s*", text, maxsplit=1)[0]
    if head != text and head.strip():
        kind = classify_heading(head)                  # "Resultaträkning – belopp i tusen kronor"
        if kind and kind != "other":
            return kind
    key = fold(YEAR.sub("", _DATES.sub("", text)))
    if not key or len(key) > 70:
        return None
    bare = " ".join(_PERIOD_WORDS.sub(" ", key).split())
    if bare != key and bare:
        kind = classify_heading(bare)
        if kind:
            return kind
    owned = owner_scope(key)
    if owned is not None:
        kind = classify_heading(owned[1])          # "Kommunens driftredovisning", "Koncernens balansräkning"
        if kind and kind != "other":
            return kind
    for kind, name in _names():
        # "Driftredovisning per verksamhetsområde": the statement's name, then a few words of scope
        if kind != "other" and len(name) > 8 and key.startswith(name + " ") and len(key.split()) <= len(name.split()) + 4:
            return kind
    best, best_score = None, 0.0
    for kind, name in _names():
        if key == name:
            return kind
        if len(name) <= 8 or len(key) <= 8:
            continue
        score = fuzz.ratio(key, name)
        if score > best_score:
            best, best_score = kind, score
    return best if best_score >= config()["min_ratio"] else None


@lru_cache(maxsize=1)
def _note_pattern() -> regex.Pattern:
    return regex.compile(config()["notes"]["pattern"], regex.I)


def note_heading(line: Line) -> tuple[int, str] | None:
    """("Not 2. Verksamhetens intäkter") → (2, "Verksamhetens intäkter")."""
    text = line.text.strip()
    if len(text) > 90:
        return None
    m = _note_pattern().match(text)
    if not m:
        return None
    title = m["title"].strip().strip(".:").strip()
    if title and title[0].isdigit():
        return None
    if title and not title[:1].isalpha():
        return None                      # "not 20 »": a link to a note from a table row
    if not title and not text[:1].isupper():
        return None
    return int(m["no"]), title


def find_sections(document: Document, lines: list[Line] | None = None) -> list[Section]:
    """Split content lines into sections. Lines before the first heading go to an 'other' section."""
    lines = content_lines(document) if lines is None else lines
    sections: list[Section] = [Section("other", "", None)]
    seen_statement = False
    for k, line in enumerate(lines):
        kind = _line_kind(line, seen_statement, sections[-1], _row_follows(lines, k) or _header_follows(lines, k))
        if kind is not None and kind[0] not in ("note", "other") and _header_goes_on(lines, k):
            kind = None                  # 'Bokslut' / '2020 Budget' / '2021 Budget': a header broken over lines
        if kind is None:
            sections[-1].lines.append(line)
            continue
        if kind[0] == "note":
            sections.append(Section("noter", kind[2], line, note=kind[1]))
            continue
        title, _ = heading_text(line)
        sections.append(Section(kind[0], title, line))
        seen_statement = seen_statement or kind[0] != "other"
    _years_above_heading(sections)
    return [s for s in sections if s.heading is not None or s.lines]


def _years_above_heading(sections: list[Section]) -> None:
    """Column years printed above a statement's or note's heading ('2021 2020 2021 2020' / 'NOT 8
    FINANSIELLA KOSTNADER' / rows): the header belongs to the section below, not the one above."""
    for above, below in zip(sections, sections[1:]):
        if not above.lines or below.kind == "other" or below.heading is None:
            continue
        toks = above.lines[-1].text.split()
        if len(toks) >= 2 and all(YEAR.fullmatch(t) for t in toks):
            below.lines.insert(0, above.lines.pop())


def _column_header(text: str) -> bool:
    """A line of column words and two periods or more, nothing else: a table's header whose column
    word ("Budget 2023") also names a section, not that section's heading."""
    from arsred.extract.tables.header import header_tokens

    toks = header_tokens(text)
    return all(t.kind in ("period", "kind", "scope", "note", "filler") for t in toks) and \
        any(t.kind == "kind" for t in toks) and sum(1 for t in toks if t.kind == "period") >= 2


def _row_follows(lines: list[Line], k: int) -> bool:
    """Is the next line with text a table row (a label, then figures)?"""
    nxt = next((ln.text.strip() for ln in lines[k + 1:k + 3] if ln.text.strip()), "")
    label = regex.match(r"\p{L}\D*", nxt)
    tail = nxt[label.end():].split() if label and len(nxt) <= 120 else []
    return 0 < len(tail) <= 16 and all(regex.fullmatch(r"[-−–]?\d+(?:,\d+)?", t) for t in tail)


def _header_follows(lines: list[Line], k: int) -> bool:
    """Is the next line with text a table's header: a unit ("mkr", "Belopp i mnkr"), a year, or column
    words ("Kommunen", "Bokslut 2020"), nothing else? A note heading over a table's header opens the
    note (a note page of its own: 'Not 2 Verksamhetens kostnader' / 'mkr' / '2014' / '2015')."""
    nxt = next((ln.text.strip() for ln in lines[k + 1:k + 4] if ln.text.strip()), "")
    return bool(_header_words(nxt))


def _header_goes_on(lines: list[Line], k: int) -> bool:
    """Is line `k` column words ("2020 Budget") under a line of column words that names a kind of
    column ("Bokslut")? Then it continues a header broken over lines, though its words ("Budget
    2020") also name a section."""
    if not _header_words(lines[k].text):
        return False
    above = [ln.text.strip() for ln in reversed(lines[max(0, k - 6):k]) if ln.text.strip()]
    for text in above[:4]:           # 'Bokslut' / '2010 Bokslut' / '2011 Bokslut' / '2012' / 'Budget 2013'
        words = _header_words(text)
        if not words:
            return False
        if any(t.kind == "kind" for t in words):
            return True
    return False


def _header_words(text: str) -> list:
    """The header tokens of a short line of column words alone (units, years, kinds of column,
    scopes), or [] for any other line."""
    from arsred.extract.tables.header import header_tokens

    toks = header_tokens(text.strip()) if len(text.strip()) <= 60 else []
    return toks if all(t.kind in ("period", "kind", "scope", "filler") for t in toks) else []


def _line_kind(line: Line, seen_statement: bool, current: Section, table_follows: bool = False):
    text = line.text.strip()
    if not text or len(text) > 90 or is_toc_line(line):
        return None
    letters = regex.sub(r"[^\p{L}]", "", text)
    # 'Not 3 Skatteintäkter' over rows of figures, or over a table's header, opens a note even before
    # any statement heading
    if seen_statement or current.kind == "noter" or (len(letters) > 6 and letters.isupper()) or table_follows:
        note = note_heading(line)        # 'NOT 8 FINANSIELLA KOSTNADER': a note page of its own
        if note:
            return ("note", note[0], note[1])
    words, numbered = heading_text(line)
    if current.kind == "noter" and numbered and words[:1].isupper() and len(words.split()) <= 8 \
            and classify_heading(words) is None:
        number = regex.match(r"\s*(\d{1,2})\.?\s", text)     # "1. Verksamhetens intäkter" under Noter
        if number and not regex.search(r"\d", words):
            return ("note", int(number.group(1)), words)
    if regex.search(r"\p{L}[\-–]?\d{3,}|\d{3,}\p{L}", words):
        return None                      # figures glued to a label: a table row, not a heading
    if not words or len(words.split()) > 9:
        return None
    if any(tok.strip("()%*,.-").isdigit() for tok in YEAR.sub("", words).split()):
        return None                      # amounts on the line: a table row, not a heading
    kind = classify_heading(words)
    if kind == "budget" and fold(words) == "budget" and not (numbered or words.isupper()):
        kind = None                      # a lone "Budget" is a column header, not a section
    if kind and _column_header(text):
        kind = None                      # "Belopp i tkr 2023-01-01–2023-08-31 … Budget 2023": a table's header
    if kind == "other" and not (words[:1].isupper() or numbered):
        kind = None
    if kind:
        return (kind,)
    if numbered and len(words.split()) <= 8 and words[:1].isupper() and not words.endswith((".", ",")):
        return ("other",)
    return None
