"""Read a statement section as a stream of tokens, whatever its layout.

Real reports reach archives as one row per line with single spaces between columns, as a
table flattened to one cell per line (with or without blank lines for empty cells), or
with every cell glued to the next. This reader makes no assumption about which: a line
with letters starts a row (its trailing figures are the row's first group), each line of
figures below it adds a group, and `readings` lists how the groups can be cut and placed
in the header's columns; `settle` keeps the reading under which the table adds up.
"""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field, replace

import regex
from arsred.extract.amounts import MINUS, parse_amount
from arsred.extract.document import Line
from arsred.extract.sections import config, fold, owner_scope
from arsred.extract.sections_oneline import year_run
from arsred.extract.tables.chains import named_chains
from arsred.extract.tables.header import (
    DATE_RE,
    HeaderModel,
    HeaderToken,
    block_scope_words,
    build_columns,
    caption_kind,
    caption_statement,
    cell_units,
    column_identities,
    group_only_labels,
    header_tokens,
    month_words,
    part_scope,
    sole_scope,
    year_and_year_before,
    year_in_label_words,
    year_runs,
)
from arsred.extract.tables.lines import (
    OPERATORS,
    Column,
    Header,
    Row,
    Table,
    Value,
    declared_unit,
    name_sub_rows,
    running_text,
    stated_unit,
    upper_wrapped_label,
)
from arsred.extract.tables.readings import Grammar, Reading, placements, row_readings
from arsred.extract.tables.settle import Candidate, RowChoice, settle
from arsred.normalize.items import map_item

log = logging.getLogger(__name__)

# a dot between digits is a thousands separator ("1.214.100"), never a figure's end
_FIGURES = regex.compile(r"(?:[\d\s\u00a0\u202f,\-−–—+()*|\x00]|(?<=\d)\.(?=\d{3}))+$")
_FIGURE_LINE = regex.compile(
    r"^(?:[\-−–—+(]?\s?\d(?:[\d\s\u00a0\u202f,\-−–—+()*]|(?<=\d)\.(?=\d{3}))*|[\-−–—.…]+(?:\s+[\-−–—.…]+)*)$")
# 'not 20 »', 'not 12, 13', and a cell that repeats the word for each note ('not 34 not 35')
_NOTE_LINK = regex.compile(r"^(?:not|note)\s*(\d{1,2}(?:\s*(?:,|not|note)\s*\d{1,2})*)\s*»?$", regex.I)
_YEAR_LINE = regex.compile(r"^(?:19[6-9]\d|20[0-4]\d)$")
# '2020-12-31', '2023-01-01–2023-08-31': a column's period printed as a date, never an amount
_DATE_LINE = regex.compile(rf"^(?:{DATE_RE.pattern})(?:\s*[-–—]?\s*(?:{DATE_RE.pattern}))*$")
_GLUED = regex.compile(r"\p{L}[\-−–]?\d")
_DOTTED = regex.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,])")     # "1.214.100": thousands by dots
_DOT_DECIMAL = regex.compile(r"(?<![\d.])\d+\.\d{1,2}(?![\d.])")           # "2.5": a decimal dot
MAX_OTHER_WORDS = 1        # a header line may carry its table's title word ("Resultaträkning 2018 2017")


@dataclass
class StreamRow:
    label_lines: list[Line]
    groups: list[tuple[str, Line]] = field(default_factory=list)     # figure text, its line
    note_link: str | None = None
    label_suffix: str = ""          # a year the label ends in, read from its figures' side
    item_heading: str = ""          # the heading that names the item of a row named by its scope
    scope: str | None = None
    orphan: bool = False            # figures whose label the page lost: they add up, never output
    joined: str = ""                # a label wrapped over lines of its own, joined ("VERKSAMHETENS NETTOKOSTNAD")

    @property
    def label(self) -> str:
        if self.orphan:
            return ""
        if self.item_heading:
            return self.item_heading
        if self.joined:
            return self.joined
        text = " ".join(_label_part(line.text)[0] for line in self.label_lines).strip()
        return f"{text} {self.label_suffix}" if self.label_suffix else text


_CELL_UNIT = regex.compile(r"(?<=\d)\s*(?:" + "|".join(regex.escape(u).replace("\\ ", r"\s+") for u in cell_units())
                           + r")(?!\p{L})\.?", regex.I)


_FIGURE_GLUED_TO_LABEL = regex.compile(
    rf"^(?P<figure>[{MINUS}]?\d{{1,3}}(?: \d{{3}})*(?:,\d+)?)(?P<label>\p{{Lu}}(?:\p{{Ll}}{{2,}}|\p{{Lu}}{{3,}}).*)$")


def _label_part(text: str) -> tuple[str, str]:
    """'Verksamhetens intäkter16 0435 3905 327' → ('Verksamhetens intäkter', '16 0435 3905 327')."""
    s = _CELL_UNIT.sub("\x00", text).rstrip()     # a unit in a cell ends the cell: '312 mnkr 158 mnkr'
    m = _FIGURES.search(s)
    if not m:
        return s.replace("\x00", " ").strip(), ""
    start = m.start()
    tail = s[start:]
    # the tail begins at a figure: a digit, a sign or an opening parenthesis
    lead = regex.search(r"[\d\-−–—+(]", tail)
    if not lead:
        return s.replace("\x00", " ").strip(), ""
    start += lead.start()
    label = s[:start].replace("\x00", " ").rstrip()
    # a wide gap (a tab, two spaces or more) stays a wide gap: it parts cells, and no amount's thousands
    # space is one ('4  700 500' is a note and an amount, never 4 700 500)
    tail = regex.sub(r"\s{2,}|\t", "  ", regex.sub(r"[^\S\t]", " ", s[start:].replace("|", "  "))
                     ).replace("\x00", "  ").strip()
    ref = regex.match(r"\d{1,2}(?:\s*,\s*\d{1,2})*\)", tail) if regex.search(r"\(\s*not(?:er)?$", label, flags=regex.I) else None
    if ref:                              # 'poster (Not 25) – 51': the note reference closes the label
        label, tail = f"{label} {ref.group()}", tail[ref.end():].strip()
        if not tail:
            return label, ""
    if not regex.search(r"\p{L}", label):
        return s.replace("\x00", " ").strip(), ""
    if label.endswith(("(", "-")) and not tail[:1].isdigit():
        return s.replace("\x00", " ").strip(), ""
    words = fold(label).split()
    if _YEAR_LINE.match(tail) and words and words[-1] in year_in_label_words():
        return f"{label} {tail}", ""     # 'Preliminärt bokslut för 2019': the period of the heading, no figure
    return label, tail


def _kind(line: Line) -> str:
    text = line.text.strip()
    if not text:
        return "blank"
    if _NOTE_LINK.match(text):
        return "note"
    if line.method == "ocr" and text[:1].isdigit() and not regex.search(r"\p{L}{3}", text) \
            and not _FIGURE_LINE.match(text):
        return "note"       # a note cell OCR garbled ('23, Li' for '2, 3, 17'): a figure's cell, never a row label
    bare = _CELL_UNIT.sub("", regex.sub(r"(?<=\d)\s*%$", "", text)).strip()     # '9 896 tkr', '17,5 %'
    if bare and (_FIGURE_LINE.match(text) or bare != text and _FIGURE_LINE.match(bare)):
        toks = text.split()
        if _YEAR_LINE.match(text) or _DATE_LINE.match(text) or year_run(toks, repeated=True) == len(toks):
            return "year"
        glued = _glued_years(text)
        return "year" if glued and year_run(glued) == len(glued) else "figures"
    return "label"


def _years_only(text: str) -> bool:
    """A line of two or more years and nothing else, in any order ('2023 2023 2022 2023 2022')."""
    toks = text.split()
    return len(toks) >= 2 and all(_YEAR_LINE.match(t) for t in toks)


def _glued_years(text: str) -> list[str]:
    """'201520142013': a header of consecutive years printed without spaces, cut into its years."""
    if not regex.fullmatch(r"\d{8,}", text):
        return []
    parts = [text[k:k + 4] for k in range(0, len(text), 4)]
    return parts if len(text) % 4 == 0 and all(_YEAR_LINE.match(p) for p in parts) else []


def _is_header(text: str) -> bool:
    toks = header_tokens(text)
    if not toks:
        return False
    others = sum(1 for t in toks if t.kind == "other")
    columns = sum(1 for t in toks if t.kind in ("period", "kind", "scope", "note"))
    return columns > 0 and others <= MAX_OTHER_WORDS and (others == 0 or columns >= 1 and len(toks) <= 12)


def read_stream_tables(lines: list[Line], statement: str, fiscal_year: int | None, title: str = "",
                       heading_text: str = "", note: int | None = None) -> list[Table]:
    """The tables of one section's lines, each row settled by the table's arithmetic."""
    default_kind = "budget" if statement == "budget" else "utfall"
    out: list[Table] = []
    i = 0
    lines = [ln for ln in lines]
    unit_text = heading_text if declared_unit(heading_text) else ""
    # the heading may name the scope or kind of every column ("Resultaträkning – sammanställd redovisning")
    heading_toks = header_tokens(heading_text) if heading_text else []
    if sum(1 for t in heading_toks if t.kind == "period") < 2:   # a heading that is not also the header
        heading_toks = [t for t in heading_toks if t.kind in ("scope", "kind")]
    owned = owner_scope(heading_text) if heading_text else None
    if owned is not None and not any(t.kind == "scope" for t in heading_toks):
        heading_toks.append(HeaderToken("scope", owned[0], heading_text))    # "Koncernens resultaträkning"
    while i < len(lines):
        header_toks = list(heading_toks)
        header_lines: list[Line] = []
        # the header: lines of column words and periods before the first row
        while i < len(lines):
            line = lines[i]
            kind = _kind(line)
            text = line.text.strip()
            if kind == "blank":
                i += 1
                continue
            if kind == "label" and stated_unit(text):
                unit_text = stated_unit(text)   # "… Belopp anges i miljoner kronor i löpande priser." above the table
                i += 1
                continue
            if kind == "year" or (kind == "label" and _is_header(text)) or (kind == "figures" and header_lines
                                                                            and _years_only(text)):
                # "2023 2023 2022 2023 2022" under a line of column words: the years of those columns
                qualified = _qualifies(header_lines[-1].text, text) if header_lines else None
                header_toks = header_toks[:-1] + qualified if qualified else header_toks + header_tokens(text)
                header_lines.append(line)
                if declared_unit(text):
                    unit_text = text
                i += 1
                continue
            if kind == "label" and not _label_part(text)[1] and declared_unit(text) and len(text.split()) <= 6 \
                    and _next_kind(lines, i) != "figures":     # "Årets resultat (mnkr)" / "1 390": a row
                unit_text = text
                header_lines.append(line)
                i += 1
                continue
            if kind == "label" and not _label_part(text)[1] and _next_kind(lines, i) == "label" and \
                    _header_ahead(lines, i + 1):
                i += 1                          # a caption or title above the header
                continue
            break
        start = i
        rows, i = _rows(lines, i)
        if not rows:
            i = max(i, start + 1)
            continue
        rows = _join_upper_wrapped(rows, statement)
        header_toks = _scopes_printed_below(rows, header_toks, i >= len(lines))
        model = build_columns(header_toks, fiscal_year, default_kind)
        scopes = [t for t in header_toks if t.kind == "scope"]
        if not model.columns and len(scopes) >= 2 and not any(t.kind == "period" for t in header_toks):
            # 'Koncernen Kommunen' over a key-figure box: one column per scope, in the report's year
            model = HeaderModel(tuple(Column(fiscal_year, default_kind, scope=str(t.value)) for t in scopes),
                                model.has_note, model.tokens)
        table = _table(rows, model, statement, title, unit_text, note, header_lines, fiscal_year, default_kind,
                       cut_off=i >= len(lines))
        if table is not None:
            out.append(table)
        else:   # 'Jämfört med budget 2013' / 'Tkr' / 'Utfall' / '2013' …: lines that made no table still declare its unit
            unit_text = next((r.label for r in rows if not r.groups and _unit_only(r.label)), unit_text)
            # … or a caption that declares it ('Driftbudget 2019 … (belopp i tusen kronor, tkr).')
            unit_text = next((u for r in rows if not r.groups and (u := stated_unit(r.label))), unit_text)
    return out


def _qualifies(above: str, text: str) -> list | None:
    """'Avvikelse' / 'Budget-Utfall': a header printed one word per line whose second word only says
    what the first reckons; the one column the two lines name together (a phrase of the first's
    kind), or None where they name two columns ('Budget' / 'Utfall', 'Bokslut' / 'Bokslut')."""
    first, second, joined = header_tokens(above), header_tokens(text), header_tokens(f"{above} {text}")
    if not (len(first) == len(second) == len(joined) == 1 and first[0].kind == second[0].kind == "kind"):
        return None
    return joined if joined[0].kind == "kind" and joined[0].value == first[0].value else None


def _scopes_printed_below(rows: list[StreamRow], header_toks: list, at_end: bool) -> list:
    """Column blocks named only under the table ('2021 2020 2021 2020' … 'KONCERNEN REGION ÖREBRO
    LÄN' at the foot of the page): the scope words of a last line without figures name the blocks
    in order. Only where the header names no scope and the line ends the section."""
    if not at_end or any(t.kind == "scope" for t in header_toks):
        return header_toks
    periods = [t for t in header_toks if t.kind == "period"]
    for k in range(len(rows) - 1, max(-1, len(rows) - 4), -1):
        if rows[k].groups:
            break                        # only lines without figures after the last row count
        scopes = [t for t in header_tokens(rows[k].label) if t.kind == "scope"]
        if len(scopes) >= 2 and len({str(t.value) for t in scopes}) >= 2 and periods \
                and len(periods) % len(scopes) == 0:
            del rows[k]
            first = next(j for j, t in enumerate(header_toks) if t.kind == "period")
            return header_toks[:first] + scopes + header_toks[first:]
    return header_toks


def _names_columns(text: str) -> bool:
    """'Koncernen Kommunen': a line of two or more column words and nothing else."""
    toks = header_tokens(text)
    return len(toks) >= 2 and all(t.kind in ("scope", "kind") for t in toks)


def _dated_header_next(lines: list[Line], i: int) -> bool:
    """Is the next line with text a header line of column words and a year ('Bokslut' / '2010 Bokslut' /
    '2011 Bokslut'): then the column word above it begins that header, not a row."""
    nxt = next((lines[k].text.strip() for k in range(i + 1, len(lines)) if lines[k].text.strip()), "")
    return _is_header(nxt) and any(t.kind == "period" for t in header_tokens(nxt)) and \
        any(t.kind == "kind" for t in header_tokens(nxt))


def _next_kind(lines: list[Line], i: int) -> str:
    for line in lines[i + 1:]:
        kind = _kind(line)
        if kind != "blank":
            return kind
    return "end"


# A line of more words than this is running text, never a row label: a paragraph above a table,
# wrapped over any number of lines by a PDF, is not a block of labels whose figures follow.
LABEL_WORDS = 9


def _header_ahead(lines: list[Line], i: int, within: int = 4) -> bool:
    """Is there a header line (periods, column words) among the next few lines, before any figures?
    Lines of running text between do not count: they are the paragraph above the table."""
    seen = 0
    for line in lines[i:]:
        kind = _kind(line)
        if kind == "blank":
            continue
        if kind in ("figures", "note"):
            return False
        if kind == "year" or (kind == "label" and _is_header(line.text.strip())):
            return True
        if len(line.text.split()) > LABEL_WORDS:
            continue
        seen += 1
        if seen >= within:
            return False
    return False


def _rows(lines: list[Line], i: int) -> tuple[list[StreamRow], int]:
    """Rows until the next header (a line of periods after figures) or the end."""
    rows: list[StreamRow] = []
    while i < len(lines):
        line = lines[i]
        kind = _kind(line)
        text = line.text.strip()
        if kind == "blank":
            i += 1
            continue
        if kind == "label" and _is_header(text) and rows and any(r.groups for r in rows) and \
                (any(t.kind == "period" for t in header_tokens(text)) or _next_kind(lines, i) == "year"
                 or _names_columns(text) or _dated_header_next(lines, i)):
            break                                   # a new table's header ("Umeå kommunkoncern" / "2017" / …)
        glued = _FIGURE_GLUED_TO_LABEL.match(text) if kind == "label" and rows and rows[-1].groups else None
        if glued:
            # '43Kommunens ekonomi': a row's last cell run into the next line's label by the flattening
            rows[-1].groups.append((glued.group("figure").strip(), line))
            line = replace(line, text=glued.group("label"), cells=())
            text = line.text
        if kind == "label":
            label, tail = _label_part(text)
            row = StreamRow([line])
            if tail:
                row.groups.append((tail, line))
            rows.append(row)
        elif kind == "note" and rows:
            m = _NOTE_LINK.match(text)
            rows[-1].note_link = m.group(1) if m else None
        elif kind in ("figures", "year") and rows:
            # '9 896 tkr', '17,5 %': the unit or percent sign printed in the cell is not part of the figure
            rows[-1].groups.append((_CELL_UNIT.sub("  ", regex.sub(r"(?<=\d)\s*%$", "", text)).strip(), line))
        i += 1
    return _scope_rows(_join_wrapped(rows)), i


BLOCK_HEADING_WORDS = 6


def _block_scope(heading: StreamRow) -> str | None:
    """The scope a block heading names ("Kommunkoncernens ekonomi", "Koncernen"): its one scope
    word, with no period or column word beside it (that would be a header), in a short line (a
    paragraph naming 'koncernens' is no block heading)."""
    if len(heading.label.split()) > BLOCK_HEADING_WORDS:
        return None
    toks = header_tokens(heading.label)
    if any(t.kind in ("period", "kind", "year", "date") for t in toks):
        return None
    padded = f" {' '.join(fold(heading.label).split())} "
    scopes = {str(t.value) for t in toks if t.kind == "scope"} | {
        scope for scope, names in block_scope_words().items() if any(f" {n} " in padded for n in names)}
    return scopes.pop() if len(scopes) == 1 else None


_PAREN_TOKEN = regex.compile(r"^\(\S{1,6}\)$")


def _scope_rows(rows: list[StreamRow]) -> list[StreamRow]:
    """Rows named only by a scope ("Kommunen", "Sammanställd redovisning") under an item heading
    ("ÅRETS RESULTAT (mkr)"): the item is the heading's, the row says whose figures they are.
    A row between them that names a part of the group ("Bolagen": table_words.toml [parts]) is
    the heading's item for that part ("ÅRETS RESULTAT, Bolagen"), in the heading's unit.
    Under a block heading that names a scope ("Kommunkoncernens ekonomi" in a five-year overview
    whose columns are years only), every row is that scope's until a heading names another."""
    for row, nxt in zip(rows, rows[1:]):
        if len(row.groups) == 1 and _PAREN_TOKEN.match(row.groups[0][0]) and sole_scope(nxt.label):
            # 'SOLIDITET (960)' over 'Kommunen 20 35 32': the rows below say whose figures they
            # are, so the line is their item heading and its parenthesis a unit OCR misread ('(%)')
            row.label_suffix = row.groups[0][0]
            row.groups = []
    blocks: list[list[StreamRow]] = []
    heading: StreamRow | None = None
    for row in rows:
        if not row.groups:
            heading = row
            blocks.append([row])
        elif heading is not None:
            blocks[-1].append(row)
    for heading, *members in blocks:
        named = []
        for row in members:
            scope = sole_scope(row.label)
            if scope is not None:
                row.item_heading = heading.label
                row.scope = scope
                named.append(row)
        if not named:
            continue
        for row in members:
            part = part_scope(row.label)
            if row.item_heading or part is None:
                continue
            m = regex.search(config()["row_units"]["pattern"], heading.label, flags=regex.I)
            base, unit = (heading.label[:m.start()] + heading.label[m.end():], m.group()) if m else (heading.label, "")
            row.item_heading = f"{base.strip(' ,')}, {row.label}{unit}"
            row.scope = part
    block_scope: str | None = None
    for heading, *members in blocks:
        block_scope = _block_scope(heading) or block_scope
        if block_scope is None:
            continue
        for row in members:
            if row.scope is None:
                row.scope = block_scope
    return rows


def _join_wrapped(rows: list[StreamRow]) -> list[StreamRow]:
    """A label line starting in lower case continues the label above it."""
    out: list[StreamRow] = []
    for row in rows:
        first = row.label_lines[0].text.strip()
        if out and first[:1].islower() and len(first) <= 60:
            prev = out[-1]
            if not prev.groups or not row.groups:
                prev.label_lines += row.label_lines
                prev.groups += row.groups
                prev.note_link = prev.note_link or row.note_link
                continue
        out.append(row)
    return out


def _join_upper_wrapped(rows: list[StreamRow], statement: str) -> list[StreamRow]:
    """An upper-case label wrapped over lines of its own above its figures ("VERKSAMHETENS" /
    "NETTOKOSTNAD -657 564"), joined where the synonym table knows the joined line
    (`lines.upper_wrapped_label`). A line ending in a hyphen ("RESULTAT EFTER SKATTE-") is a
    label line, not a figure."""
    out: list[StreamRow] = []
    for row in rows:
        above: list[StreamRow] = []
        for prev in reversed(out[-3:]):
            text = prev.label_lines[0].text.strip()
            if len(prev.label_lines) != 1 or prev.orphan or prev.item_heading or \
                    (prev.groups and not (len(prev.groups) == 1 and text.endswith("-") and prev.groups[0][0] == "-")):
                break
            above.insert(0, prev)
        joined = upper_wrapped_label([r.label_lines[0].text.strip() for r in above], row.label, statement) \
            if row.groups and above else None
        if joined:
            text, k = joined
            taken = above[len(above) - k:]
            del out[len(out) - k:]
            row.label_lines = [r.label_lines[0] for r in taken] + row.label_lines
            row.joined = text
            row.note_link = row.note_link or next((r.note_link for r in taken if r.note_link), None)
        out.append(row)
    return out


def _grammar(rows: list[StreamRow], has_note: bool) -> Grammar:
    labelled = [r for r in rows if r.groups and r.groups[0][1] is r.label_lines[0]]
    glued = sum(1 for r in labelled if _GLUED.search(r.label_lines[0].text))
    # '12406', '-1072' and a minus standing apart, '– 1072': long figures without thousands spaces
    plain = any(regex.search(r"(?:(?<![\d ])|(?<=[\-−–] ))\d{4,}(?:,\d+)?(?![\d])", g) and not regex.fullmatch(r"\s*(?:19|20)\d\d\s*", g)
                for r in rows for g, _ in r.groups)
    is_glued = bool(labelled) and glued >= max(2, 0.3 * len(labelled))
    with_figures = [r for r in rows if r.groups]
    own_lines = sum(1 for r in with_figures if len(r.groups) >= 2 and r.groups[0][1] is not r.label_lines[0])
    cell_per_line = bool(with_figures) and own_lines >= 0.5 * len(with_figures)
    texts = [g for r in rows for g, _ in r.groups]
    dotted = sum(len(_DOTTED.findall(g)) for g in texts) >= 2 and not any(_DOT_DECIMAL.search(g) for g in texts)
    return Grammar(glued=is_glued, plain=plain and not is_glued, has_note=has_note, cell_per_line=cell_per_line,
                   dotted=dotted)


def _money_unit(text: str) -> str | None:
    """The unit a money word printed after a figure stands for ('miljoner kronor' -> mkr, 'kr' -> kr), from
    the money units of extract/data/text_figures.toml; None for any other text."""
    from arsred.extract.text_figures import words as money_words
    key = tuple(fold(text.strip(" .")).split())
    return next((unit for words, unit in money_words()["units"] if words == key), None)


def printed_units(lines: list[Line]) -> set[str | None]:
    """The money units printed right after a figure on these lines ('… ett överskott på 17 mkr.' -> {'mkr'});
    None stands for a unit word no Fact unit expresses ('2,3 miljarder')."""
    return {_money_unit(m.group()) for ln in lines for m in _CELL_UNIT.finditer(ln.text)}


def _rows_in_the_tables_unit(rows: list[StreamRow], unit_text: str, statement: str,
                             warnings: list[str]) -> list[StreamRow]:
    """The rows whose cells print no unit other than the table's: a row printing '20,4 miljoner kronor'
    among rows of '76 kr' is not in kronor, and read in the table's unit it would be wrong a millionfold;
    it is left out with a warning."""
    table_unit = (declared_unit(unit_text) or _money_unit(unit_text)) if unit_text else None
    if table_unit is None:
        return rows
    kept = []
    for row in rows:
        printed = printed_units([ln for _, ln in row.groups])
        if printed - {None, table_unit}:
            where = (row.label_lines or [row.groups[0][1]])[0]
            warnings.append(f"{statement}: the figures of '{row.label}' on page {where.page} line {where.number} "
                            f"print another unit than their table's ({unit_text}): not read")
            continue
        kept.append(row)
    return kept


def _ends_a_sentence(text: str) -> bool:
    """A line that ends in a figure, its unit and a full stop ('Det ger ett budgeterat resultat på + 20,1
    miljoner kronor.') is a sentence: a cell of a table ends in no full stop."""
    units = "|".join(regex.escape(u) for u in cell_units())
    return bool(regex.search(rf"\d\s*(?:{units})\s*\.\s*$", text, flags=regex.I))


def _rows_not_running_text(rows: list[StreamRow], statement: str, warnings: list[str]) -> list[StreamRow]:
    """A paragraph that ends in a figure ('… innebär en ökad upplåning med cirka 170 mnkr.') is prose
    the table's lines run past, not a row: its figures are left out, with a warning."""
    kept = []
    for row in rows:
        if row.groups and row.label_lines and (any(running_text(row.label, ln.text) for ln in row.label_lines)
                                               or _ends_a_sentence(row.groups[-1][1].text)):
            where = row.label_lines[0]
            warnings.append(f"{statement}: running text on page {where.page} line {where.number} ends in a figure; "
                            "it is no row of the table: not read")
            continue
        kept.append(row)
    return kept


def _table(rows: list[StreamRow], model: HeaderModel, statement: str, title: str, unit_text: str,
           note: int | None, header_lines: list[Line], fiscal_year: int | None, default_kind: str,
           cut_off: bool = False) -> Table | None:
    columns = list(model.columns)
    has_note = model.has_note
    row_lines = {id(ln): ln for r in rows for ln in r.label_lines + [g[1] for g in r.groups]}
    seen_units = Counter(m.group().strip(" .").casefold() for ln in row_lines.values()
                         for m in _CELL_UNIT.finditer(ln.text))
    if seen_units and not unit_text:
        unit_text = seen_units.most_common(1)[0][0]       # "12 832 tkr": the unit printed in each cell
    if not unit_text:                   # "(mkr)" on a line of its own below the figures: the table's unit
        unit_text = next((r.label for r in rows if not r.groups and _unit_only(r.label)), "")
    grammar = _grammar(rows, has_note)
    caption = _caption(rows) if statement == "oversikt" else None
    if not columns:
        columns = _implicit_columns(rows, grammar, fiscal_year, default_kind, header_lines)
        if not columns:
            return None
    kind = caption_kind(caption.label) if caption is not None else None
    if kind and len(columns) == 1 and not any(t.kind == "kind" for t in model.tokens):
        # "Nämnderna redovisar följande budgetavvikelse" over one figure a row: the caption names the column
        columns = [Column(columns[0].period, kind, scope=columns[0].scope)]
    n = len(columns)
    apart_not_sign = _empty_dashes(rows)
    signs = _sign_dashes(rows)
    choices: list[RowChoice] = []
    kept: list[StreamRow] = []
    warnings: list[str] = []
    rows = _rows_in_the_tables_unit(rows, unit_text, statement, warnings)
    rows = _rows_not_running_text(rows, statement, warnings)
    for row in rows:
        if not row.groups:
            choices.append(RowChoice([Candidate(row.note_link, tuple([None] * n), 0.0)]))
            kept.append(row)
            continue
        texts = [g for g, _ in row.groups]
        readings = [r for r in row_readings(texts, n, grammar)
                    if not _apart_sign_is_empty(r, apart_not_sign) and not _sign_read_as_empty(r, texts, signs)]
        cands = _candidates(readings, n, row, grammar)
        if not cands and regex.search(r"\d,(?:\s|$)|(?:^|\s),\d*(?:\s|$)", " ".join(texts)):
            # '758, ,0 705,2 720,2 687,2': figures the transcript cut still take their columns
            cands = _candidates(row_readings(texts, n, replace(grammar, cut=True)), n, row, grammar)
        year = regex.match(r"(?:19|20)\d\d(?:\s+\((?:19|20)\d\d\))?(?=\d|\s|$)", texts[0]) if texts else None
        if not cands and year and row.groups[0][1] is row.label_lines[0]:
            # the label itself ends in a year ("… före 1998") glued to the figures
            rest = texts[0][year.end():]
            cands = _candidates(row_readings([rest] + texts[1:], n, grammar), n, row, grammar)
            if cands:
                row.label_suffix = year.group()
                row.groups[0] = (rest, row.groups[0][1])
        surplus = _surplus_rows(row, rows, n, grammar) if not cands else []
        if surplus:
            # figures beyond what the row can hold: rows whose labels the page lost ("Eget kapital"
            # followed by the figures of two unlabelled rows); the row keeps its own, the rest add up
            row.groups = row.groups[:len(row.groups) - sum(len(o.groups) for o in surplus)]
            cands = _candidates(row_readings([g for g, _ in row.groups], n, grammar), n, row, grammar)
            choices.append(RowChoice(cands) if cands else
                           RowChoice([Candidate(row.note_link, tuple([None] * n), 0.0)], undecided=True))
            kept.append(row)
            for orphan in surplus:
                ocands = _candidates(row_readings([g for g, _ in orphan.groups], n, grammar), n, orphan, grammar)
                if ocands and not (grammar.cell_per_line and len(orphan.groups) < n):
                    choices.append(RowChoice(ocands))
                    kept.append(orphan)
            continue
        if not cands:
            warnings.append(f"{statement}: the figures of '{row.label}' on page {row.label_lines[0].page} line "
                            f"{row.label_lines[0].number} could not be read into {n} columns")
            choices.append(RowChoice([Candidate(row.note_link, tuple([None] * n), 0.0)], undecided=True))
            kept.append(row)
            continue
        choices.append(RowChoice(_in_group_columns(cands, row, columns)))
        kept.append(row)
    if cut_off and grammar.cell_per_line:
        _cut_last_row(kept, choices, n)
    scale = 10 ** max((c.cells[k][0].decimals for ch in choices for c in ch.candidates for k in range(n)
                       if c.cells[k] is not None and c.cells[k][0] is not None), default=0)
    chains = named_chains(statement, [_item(statement, row) for row in kept], [row.label for row in kept],
                          [row.scope for row in kept], [bool(row.groups) for row in kept])
    if settle(choices, tuple(columns), scale, _column_pairs(columns), strict=grammar.glued,
              chains=tuple(chains)).capped:
        warnings.append(f"{statement}: the table reads so many ways that the search reached its bound; "
                        "rows it had not decided are left out")
    guessed = [f"'{row.label}' ({' or '.join(_alternatives(choice, n))})" for row, choice in zip(kept, choices)
               if choice.by_magnitude and not row.orphan]
    if guessed:
        warnings.append(f"{statement}: read by the magnitude of their columns alone, not by the table's arithmetic "
                        f"(figures not verified by it): {'; '.join(guessed[:6])}")
    out_rows: list[Row] = []
    for row, choice in zip(kept, choices):
        out_rows.append(_row(row, choice, n, warnings, statement))
    name_sub_rows(out_rows)
    keep = [k for k, c in enumerate(columns) if c.kind != "measure"]     # shares and ratios: not amounts
    if len(keep) < n:
        columns = [columns[k] for k in keep]
        for r in out_rows:
            r.values = [r.values[k] for k in keep]
            r.unreadable = [keep.index(k) for k in r.unreadable if k in keep]
    explicit = any(t.kind == "period" for t in model.tokens)
    header = Header(tuple(columns), has_note=has_note, lines=tuple(header_lines) if explicit else ())
    named = caption_statement(caption.label) if caption is not None and len(columns) == 1 else None
    if named == "budget" and caption is not None:
        if any(t.kind == "kind" for t in header_tokens(caption.label)) or any(t.kind == "kind" for t in model.tokens):
            named = None                 # "Avvikelse mot driftsbudgeten": figures against the budget, not it
        else:
            # "Ramarna för driftsbudgeten nästa år blir:" over one figure a row: the column is the budget
            header = replace(header, columns=(replace(columns[0], kind="budget"),))
    table = Table(named or statement, title, header, out_rows, unit_text, note, warnings)
    return table if any(r.has_values for r in out_rows) else None


def _in_group_columns(cands: list[Candidate], row: StreamRow, columns: list[Column]) -> list[Candidate]:
    """A line only consolidated accounts have ('Minoritetsintresse', income tax: table_words.toml
    [group_only]) in a table of the organisation's and the group's columns prints its figures in the
    group's: the organisation itself has no minority owners and pays no income tax. Placements that
    put a figure in the organisation's columns are no reading of it (all are kept where none is left)."""
    group = {k for k, c in enumerate(columns) if c.scope == "group"}
    if not group or len(group) == len(columns) or not fold(row.label).startswith(group_only_labels()):
        return cands
    inside = [c for c in cands if all(cell is None or cell[0] is None or k in group for k, cell in enumerate(c.cells))]
    return inside or cands


def _item(statement: str, row: StreamRow) -> str | None:
    """The canonical item the row's label names (normalize/data/items.csv), None where it names none."""
    if row.orphan or not row.label:
        return None
    match = map_item(statement, _clean(row.label))
    return match.item if match.mapped else None


def _unit_only(text: str) -> bool:
    """A line that only declares a unit: "(mkr)", "Belopp i tkr", "Mnkr"."""
    return declared_unit(text) is not None and all(t.kind == "filler" for t in header_tokens(text))


def _dated(row: StreamRow) -> bool:
    """Does the row print only a year after a day and a month ('… 24 juni 2024')?"""
    words = fold(row.label).split()
    return len(row.groups) == 1 and bool(_YEAR_LINE.match(row.groups[0][0].strip())) and len(words) >= 2 \
        and words[-1] in month_words() and words[-2].isdigit()


def _caption(rows: list[StreamRow]) -> StreamRow | None:
    """The line without figures directly above a table's first row of figures, when it is a phrase
    ("Nämnderna redovisar följande resultat mot budget:"), not a column word. A line that ends in a
    date ('Artikeln publicerades 24 juni 2024') is no row of figures: the table starts below it."""
    first = next((k for k, r in enumerate(rows) if r.groups and not _dated(r)), None)
    if not first or rows[first - 1].groups:
        return None
    row = rows[first - 1]
    return row if any(t.kind == "other" for t in header_tokens(row.label)) else None


def _cut_last_row(kept: list[StreamRow], choices: list[RowChoice], n: int) -> None:
    """A table of one cell per line that the page excerpt ends mid-row: where every other row reads
    one way and fills all its columns (the table drops no empty cell), the last row's figures are
    its first cells, printed left to right until the excerpt ended."""
    rows = [k for k, r in enumerate(kept) if r.groups and not r.orphan]
    if len(rows) < 3:
        return
    last = rows[-1]
    # a row no reading fits ('Utdebitering 32:68 …') says nothing about empty cells either way
    others = [k for k in rows[:-1] if not (choices[k].undecided and all(
        cell is None for c in choices[k].candidates for cell in c.cells))]
    if len(others) < 2:
        return
    if not all(len(choices[k].candidates) == 1 and all(c is not None for c in choices[k].candidates[0].cells)
               for k in others):
        return
    prefix = [c for c in choices[last].candidates
              if all(cell is not None for cell in c.cells[:sum(cell is not None for cell in c.cells)])]
    if prefix and len(prefix) < len(choices[last].candidates):
        choices[last].candidates = prefix
        choices[last].cut_off = True


def _surplus_rows(row: StreamRow, rows: list[StreamRow], n: int, grammar: Grammar) -> list[StreamRow]:
    """Lines of figures after a row that the row cannot hold, as the rows they were printed as.

    One cell per line: where every other row prints exactly one line per column (the table drops
    no empty cell), the row holds its first n lines and each further n lines are a row whose
    label the page lost; a last, shorter run (the page excerpt ends mid-table) is no row. Rows
    apart: a row whose label line holds its figures keeps them, and the lines below it are a row
    without a label. None when the row's own figures cannot be told."""
    groups = row.groups
    if len(groups) < 2:
        return []
    if grammar.cell_per_line:
        others = [len(r.groups) for r in rows if r is not row and r.groups]
        if len(groups) <= n or len(others) < 2 or any(k != n for k in others):
            return []
        chunks = [groups[k:k + n] for k in range(n, len(groups) - n + 1, n)]
    else:
        if groups[0][1] is not row.label_lines[0] or not row_readings([groups[0][0]], n, grammar):
            return []
        chunks = [groups[1:]]
    out = [StreamRow([chunk[0][1]], list(chunk), orphan=True) for chunk in chunks]
    dropped = len(groups) - n - sum(len(c) for c in chunks) if grammar.cell_per_line else 0
    if dropped:                              # the cut-off run is no row, and not the row's either
        out.append(StreamRow([groups[-dropped][1]], list(groups[-dropped:]), orphan=True))
    return out


def _empty_dashes(rows: list[StreamRow]) -> frozenset[str]:
    """Dashes the table uses only as empty cells: where negatives are printed glued with one dash
    ('-219', '-1 178') and another dash stands alone ('9 – 9 –'), that other dash before a figure
    ('– 51') is an empty cell and the figure, not a minus sign apart from its digits. The glued dash
    itself standing apart only before a zero ('-14 - 0 0 0') is an empty cell too: no sign turns a
    zero negative, and the table prints its signs glued."""
    texts = [g for r in rows for g, _ in r.groups]
    glued = Counter(m.group(1) for t in texts for m in regex.finditer(r"(?<![\d\S])([\-−–—])\d", t))
    if sum(glued.values()) < 3:
        return frozenset()
    alone = {m.group(1) for t in texts for m in regex.finditer(r"(?:^|\s)([\-−–—])(?=\s|$)", t)}
    return frozenset(d for d in alone if d not in glued or d not in _signs_apart(texts))


def _sign_dashes(rows: list[StreamRow]) -> frozenset[str]:
    """Dashes the table never prints as an empty cell: standing apart before a figure ('- 41 mnkr')
    such a dash is the figure's minus sign, not an empty cell followed by 41."""
    texts = [g for r in rows for g, _ in r.groups]
    apart = _signs_apart(texts)
    empty = {m.group(1) for t in texts for m in regex.finditer(r"(?:^|\s)([\-−–—])(?=\s*$|\s+[^\d\s])", t)}
    return frozenset(apart - empty)


def _signs_apart(texts: list[str]) -> set[str]:
    """Dashes standing apart before a figure other than zero ('- 41'): a sign apart before a zero
    ('- 0') signs nothing, so it does not show how the table prints its signs."""
    return {m.group(1) for t in texts
            for m in regex.finditer(r"(?:^|\s)([\-−–—])\s+(?!0(?:,0*)?(?![\d,]))\d", t)}


def _sign_read_as_empty(reading: Reading, texts: list[str], signs: frozenset[str]) -> bool:
    """Does the reading take a minus sign standing apart for an empty cell?"""
    for t in reading.tokens:
        if t.amount is None and signs:
            text = texts[t.group]
            if text[t.start:t.end] in signs and regex.match(r"\s+\d", text[t.end:]):
                return True
    return False


def _apart_sign_is_empty(reading: Reading, dashes: frozenset[str]) -> bool:
    """Does the reading take one of the table's empty-cell dashes for a minus sign?"""
    return bool(dashes) and any(t.amount is not None and t.amount.printed[:1] in dashes
                                and t.amount.printed[1:2].isspace() for t in reading.tokens)


def _candidates(readings: list[Reading], n: int, row: StreamRow, grammar: Grammar) -> list[Candidate]:
    out: list[Candidate] = []
    for reading in readings:
        k = len(reading.tokens)
        if k == 0:
            if reading.note is not None and grammar.has_note:
                # 'Verksamhets intäkter 2': a heading that prints only its note reference
                out.append(Candidate(reading.note, tuple([None] * n), -1.0 * n + 0.5))
            continue
        for place in placements(k, n):
            cells: list = [None] * n
            for pos, tok in zip(place, reading.tokens):
                cells[pos] = (tok.amount, tok)
            prior = 0.0
            prior -= (n - k) * 1.0                       # a row prints all its columns, as a rule
            if reading.note is not None:
                prior += 0.5 if grammar.has_note else -3.0
            prior -= 0.01 * sum(place)                    # figures fill columns from the left
            out.append(Candidate(reading.note or row.note_link, tuple(cells), prior))
    return out


def _column_pairs(columns: list[Column]) -> list[tuple[int, int, int]]:
    pairs = []
    ids = column_identities()
    for r, col in enumerate(columns):
        for a_kind, b_kind in ids.get(col.kind, ()):
            a = next((k for k, c in enumerate(columns) if c.kind == a_kind and c.scope == col.scope
                      and c.period == col.period), None)
            b = next((k for k, c in enumerate(columns) if c.kind == b_kind and c.scope == col.scope
                      and c.period == col.period), None)
            if a is not None and b is not None:
                pairs.append((r, a, b))
                break
    return pairs


def _implicit_columns(rows: list[StreamRow], grammar: Grammar, fiscal_year: int | None,
                      default_kind: str, header_lines: list[Line]) -> list[Column]:
    """No header model: as many columns as most rows print. One column is the report's year; several
    take the years of a run of years printed above or among the rows ('2014 2013201220112010'),
    in their order; without one the table is not read: newest first is a
    convention, not a reading (Sala's 'Bokslut Bokslut' runs oldest first)."""
    counts: Counter[int] = Counter()
    for row in rows:
        if not row.groups:
            continue
        texts = [g for g, _ in row.groups]
        readings = row_readings(texts, 8, grammar)
        if len(readings) >= 1:
            counts[min(len(r.tokens) for r in readings)] += 1
    if not counts:
        return []
    n = max(1, min(counts.most_common(1)[0][0], 6))
    if n == 1:
        return [Column(fiscal_year, default_kind)]
    texts = [ln.text for ln in header_lines] + [t for row in rows for t in [row.label, *(g for g, _ in row.groups)]]
    runs = (run for t in texts for run in year_runs(t))
    years: list[str] = next((run for run in runs if len(run) >= n), [])
    if n == 2 and not years and fiscal_year and year_and_year_before(
            [f"{row.label} {row.groups[0][0]}" for row in rows if row.groups], fiscal_year):
        years = [str(fiscal_year), str(fiscal_year - 1)]
    if len(years) < n or len(set(years)) != len(years):
        log.info("a table of %d columns whose years are printed nowhere above its rows: left unread", n)
        return []
    return [Column(int(year), default_kind) for year in years[:n]]


def _row(row: StreamRow, choice: RowChoice, n: int, warnings: list[str], statement: str) -> Row:
    first = row.label_lines[0]
    label = row.label
    chosen = choice.candidates[choice.chosen]
    values: list[Value | None] = [None] * n
    unknown: list[int] = []                      # columns whose figure no reading settles
    if choice.undecided and len(choice.candidates) == 1:
        unknown = list(range(n))                 # figures printed but unreadable: every column is in doubt
    for c in range(n):
        cell = chosen.cells[c]
        if cell is not None and cell[1] is not None and cell[1].cut:
            unknown.append(c)                    # printed, but the transcript cut it: unreadable
            continue
        if choice.undecided:
            tied_values = {(choice.candidates[k].cells[c][0].value
                            if choice.candidates[k].cells[c] is not None and choice.candidates[k].cells[c][0] is not None
                            else None) for k in choice.tied}
            if len(tied_values) > 1:
                unknown.append(c)                # the readings disagree on this figure (or on whether the column
                continue                         # prints one): not emitted, and checks over it are skipped, not failed
        if cell is None or cell[0] is None:
            continue
        amount, tok = cell
        seen = {(cand.cells[c][0].value if cand.cells[c] is not None and cand.cells[c][0] is not None else None)
                for cand in choice.candidates}
        line = row.groups[tok.group][1]
        values[c] = Value(amount, None, line.confidence, line=line, readings=len(seen))
    if choice.undecided and not row.orphan and \
            any(v is None for v, cc in zip(values, chosen.cells) if cc is not None and cc[0] is not None):
        alts = sorted({" | ".join(_printed(choice.candidates[k].cells[c]) for c in range(n)) for k in choice.tied})
        warnings.append(f"{statement}: '{label}' on page {first.page} line {first.number} reads more than one way "
                        f"and the table's arithmetic does not decide: {'; '.join(alts[:4])}")
    note_ref = None
    if chosen.note:
        m = regex.match(r"\d+", chosen.note)
        note_ref = int(m.group()) if m else None
    extra = [ln for ln in row.label_lines[1:]] + [ln for _, ln in row.groups if ln is not first]
    raw = "" if row.orphan else " ".join(_label_part(ln.text)[0].rstrip(" |") for ln in row.label_lines).strip()
    return Row(label=_clean(label), label_raw=raw, line=first,
               values=values, note_ref=note_ref, extra_lines=extra, unreadable=unknown, scope=row.scope)


def _alternatives(choice: RowChoice, n: int) -> list[str]:
    """The chosen reading first, then the others, each as its figures column by column."""
    order = [choice.chosen] + [k for k in range(len(choice.candidates)) if k != choice.chosen]
    texts = [" | ".join(_printed(choice.candidates[k].cells[c]) for c in range(n)) for k in order]
    return list(dict.fromkeys(texts))[:3]


def _printed(cell) -> str:
    return "·" if cell is None or cell[0] is None else cell[0].printed


def _clean(label: str) -> str:
    """The label without layout marks: pipes, and the operator a reckoning prints before it ("= ", "-/+ ")."""
    label = regex.sub(r"\s+", " ", label.replace("|", " ")).strip(" :").lstrip("•▪◦● ")
    label = regex.sub(r"\s*\(\s*not(?:er)?\s*\d{1,2}(?:\s*,\s*\d{1,2})*\s*\)$", "", label, flags=regex.I)
    return OPERATORS.sub("", label).strip()


def section_lines_are_flat(lines: list[Line]) -> bool:
    """Lines without cells apart (no tab, no wide gap): a flattened or single-space layout."""
    multi = sum(1 for ln in lines if len(ln.cells) > 1)
    return multi <= 0.2 * max(1, sum(1 for ln in lines if ln.text.strip()))


__all__ = ["read_stream_tables", "section_lines_are_flat", "fold", "parse_amount"]
