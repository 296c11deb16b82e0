"""Statement tables: column headers, then rows of label, note reference and amounts.

Works on the cells a reader gives (tabs, wide gaps, PDF word positions); where a layout
merged the columns into one run of tokens it cuts them with `amounts.segment`, using the
header's column count. Headers may span lines (a group line "Utfall 2024 | Budget 2024"
over "Intäkt Kostnad Netto"); columns without a year inherit it from their group or, with
no header at all, from the report.
"""
from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

import regex
from arsred.extract.amounts import Amount, is_amount_token, parse_amount, readings, segment
from arsred.extract.document import Cell, Line
from arsred.extract.sections import YEAR, config, fold, note_heading
from arsred.normalize.items import map_item
from rapidfuzz import fuzz

log = logging.getLogger(__name__)

DATE = regex.compile(r"^(?:19|20)\d\d-\d\d-\d\d$")
GROUP_WORDS = {"utfall": "utfall", "bokslut": "utfall", "budget": "budget", "avvikelse": "avvikelse",
               "prognos": "prognos", "diff": "avvikelse", "differens": "avvikelse", "helarsprognos": "prognos",
               "arsbudget": "budget", "utfall budget": "avvikelse", "utfall-budget": "avvikelse",
               "plan": "budget", "aterstar": "avvikelse", "avvik": "avvikelse", "beviljat": "budget",
               "beviljade": "budget", "beviljad": "budget", "kvar": "avvikelse", "forbrukat": "utfall",
               "forbrukade": "utfall", "utbetalt": "utfall", "kvarvarande": "avvikelse"}
SUB_WORDS = {"intakt": "intakt", "intakter": "intakt", "kostnad": "kostnad", "kostnader": "kostnad",
             "netto": "netto", "nettokostnad": "netto"}
SUB_COLUMN = {"intakt": "utfall_intakt", "kostnad": "utfall_kostnad", "netto": "utfall_netto"}
OPERATORS = regex.compile(r"^(?:[=+\-−–]\s*/\s*[=+\-−–]|[=+\-−–])\s*(?=\S)")


@dataclass(frozen=True)
class Column:
    period: int | None
    kind: str
    x0: float | None = None
    x1: float | None = None
    scope: str = "entity"          # entity | group (Koncernen, Sammanställd redovisning)
    full_year: bool = False        # named as the whole year ("Helår 2022") in a header of interim periods


@dataclass(frozen=True)
class Header:
    columns: tuple[Column, ...]
    has_note: bool = False
    note_x: tuple[float, float] | None = None
    lines: tuple[Line, ...] = ()
    positional: bool = False


@dataclass(frozen=True)
class Value:
    amount: Amount
    cell: Cell | None
    confidence: float = 1.0
    line: Line | None = None       # where the figure stands when not on its row's first line
    readings: int = 1              # readings the grammar and the header allowed for it


@dataclass
class Row:
    label: str
    label_raw: str
    line: Line
    values: list[Value | None] = field(default_factory=list)
    note_ref: int | None = None
    extra_lines: list[Line] = field(default_factory=list)
    alternatives: list = field(default_factory=list)       # other readings of merged tokens
    unreadable: list[int] = field(default_factory=list)     # columns whose figure OCR could not read
    scope: str | None = None       # a row that names its scope ("Kommunen" under an item heading)

    @property
    def has_values(self) -> bool:
        return any(v is not None for v in self.values)


@dataclass
class Table:
    statement: str
    title: str
    header: Header
    rows: list[Row]
    unit_text: str = ""                    # the text the unit was declared in
    note: int | None = None
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- header


_MONTHS = "jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec"
_DAY_MONTH_YEAR = regex.compile(rf"\b(\d{{1,2}})\s+(?:{_MONTHS})\w*\.?\s+((?:19|20)\d\d)\b", regex.I)


# a date range printed with spaces around its dash ('2016-01-01 -2016-12-31') is one period, as unspaced
_SPACED_RANGE = regex.compile(r"((?:19|20)\d\d-\d\d-\d\d)\s*[-–—]\s*((?:19|20)\d\d-\d\d-\d\d)(?!\d)")


def _tokens(text: str) -> list[str]:
    text = _DAY_MONTH_YEAR.sub(lambda m: f"{m.group(2)}-12-{int(m.group(1)):02d}", text)   # "31 dec 2024"
    text = _SPACED_RANGE.sub(r"\1–\2", text)
    return [t for t in text.replace("|", " ").split() if t]


def _header_tokens(text: str) -> list[str]:
    """Header tokens without a leading title of the label column ("Kostnader, tkr Budget 2023 …")."""
    toks = _tokens(text)
    kinds = [_header_token_kind(t) for t in toks]
    first = next((i for i, k in enumerate(kinds) if k in ("year", "date", "group")), None)
    if first and first <= 3 and kinds[first - 1] == "filler" and "sub" in kinds[:first] \
            and all(k in ("sub", "filler") for k in kinds[:first]):
        return toks[first:]
    return toks


def _header_token_kind(tok: str) -> str | None:
    """year | date | group | sub | filler | None for a header line token."""
    t = tok.strip(",;:").rstrip("-–—")
    if "–" in t or (t.count("-") == 5):
        t = regex.split(r"[–]|(?<=\d\d)-(?=(?:19|20)\d\d)", t)[-1] or t   # a date range: its end
    if YEAR.fullmatch(t) or _header_model().year_of_token(t) is not None:
        return "year"                                # "2021", "2021*)": a footnote mark after the year
    if DATE.match(t):
        return "date"
    f = fold(t).strip("*").strip()
    f = f.rstrip("-")
    if not f:
        return "filler"
    from arsred.extract.tables.header import line_filler_words  # the header imports this module

    if f in line_filler_words() or t.casefold() in line_filler_words():
        return "filler"
    if _vocab(f, GROUP_WORDS) or f.startswith("utfall budget") or f.replace(" ", "-") in ("utfall-budget",):
        return "group"
    if _vocab(f, SUB_WORDS):
        return "sub"
    return None


def _header_model():
    """The header model (header.py), imported late: it builds on this module's Column."""
    from arsred.extract.tables import header
    return header


def _vocab(word: str, table: dict[str, str]) -> str | None:
    if word in table:
        return table[word]
    if len(word) >= 5:
        for k, v in table.items():
            if len(k) >= 5 and fuzz.ratio(word, k) >= 80:
                return v
    return None


def is_header_line(line: Line) -> bool:
    """Years, dates and column words only — after an optional title of the label column ("Insats")."""
    toks = _tokens(line.text)
    if not toks:
        return False
    kinds = [_header_token_kind(t) for t in toks]
    lead = 0
    if len(line.cells) > 1 and line.cells[0].text.strip():
        lead = len(_tokens(line.cells[0].text))
        captioned = any(t.kind == "caption" for t in _header_model().header_tokens(line.text))
        if (lead > 3 and not captioned) or any(k in ("year", "date", "group", "sub") for k in kinds[:lead]):
            lead = 0                     # a long caption only before a run of periods (header.with_caption)
    elif kinds and kinds[0] is None and len(toks) > 2 and toks[0][:1].isupper():
        lead = 1
    rest = kinds[lead:]
    if not rest or any(k is None for k in rest):
        return False
    # a lone "Intäkter" / "Kostnader" is a row heading, not a column header
    return any(k in ("year", "date", "group") for k in rest) or rest.count("sub") >= 2


def _year_of(tok: str) -> int | None:
    m = YEAR.search(tok)
    return int(m.group()) if m else None


def build_header(lines: list[Line], default_period: int | None, default_kind: str) -> Header:
    """Columns from one or more header lines (group line, year line, sub-column line)."""
    positional = bool(lines) and all(len(line.cells) > 1 for line in lines)
    if positional:
        return _positional_header(lines, default_period, default_kind)
    has_note = False
    subs: list[tuple[str | None, float | None, float | None]] = []
    slot_lines: list[list[tuple[str | None, int | None]]] = []     # per line: (group, year) slots
    for line in lines:
        toks = _header_tokens(line.text)
        kinds = [_header_token_kind(t) for t in toks]
        has_sub = "sub" in kinds
        slots: list[tuple[str | None, int | None]] = []
        for i, (t, k) in enumerate(zip(toks, kinds)):
            if k in ("year", "date"):
                if slots and slots[-1][0] is not None and slots[-1][1] is None and i > 0 and kinds[i - 1] in (
                        "group", "filler") and not has_sub:
                    slots[-1] = (slots[-1][0], _year_of(t))        # "Budget 2024", "Budget helår 2024"
                else:
                    slots.append((None, _year_of(t)))
            elif k == "group":
                gk = _group_of(t)
                if has_sub:   # "Intäkter Kostnader Nettokostnad Budget Avvikelse": a column of its own
                    subs.append(({"avvikelse": "avvik", "budget": "budget", "prognos": "prognos"}.get(gk), None, None))
                else:
                    slots.append((gk, None))
            elif k == "sub":
                subs.append((_vocab(fold(t).strip("*"), SUB_WORDS), None, None))
            elif k == "filler" and fold(t) in ("not", "noter"):
                has_note = True
        if slots:
            slot_lines.append(slots)
    groups, years = _zip_slots(slot_lines)
    columns = _budget_beside_net(_columns(groups, years, subs, False, default_period, default_kind))
    return Header(tuple(columns), has_note, None, tuple(lines), False)


def _zip_slots(slot_lines):
    """Stacked header lines with as many slots as each other describe the same columns.

    "Utfall Budget Avvikelse Utfall" over "2024 2024 2024 2023", or "2023-01-01– … Budget"
    over "2023-08-31 … helår 2023": slot k of every line belongs to column k.
    """
    if not slot_lines:
        return [], []
    if all(len(s) == 1 for s in slot_lines) and sum(s[0][1] is not None for s in slot_lines) >= 2:
        slot_lines = [_down_a_column(slot_lines)]
    width = max(len(s) for s in slot_lines)
    stacked = [s for s in slot_lines if len(s) == width]
    columns = []
    for k in range(width):
        group = next((s[k][0] for s in stacked if s[k][0] is not None), None)
        year = next((s[k][1] for s in reversed(stacked) if s[k][1] is not None), None)
        columns.append((group, year))
    if any(g is not None for g, _ in columns):
        return [(g or "utfall", y, None, None) for g, y in columns], []
    return [], [(y, None, None) for _, y in columns]


def _down_a_column(slot_lines):
    """A header printed one word per line ('2020-12-31' / '2019-12-31', 'Utfall' / '2019' / 'Budget' /
    '2019' / 'Avvikelse'): each year is a column of its own, named by the kind word above it, and a
    kind word with no year below it a column too; not stacked lines."""
    slots, group = [], None
    for ((g, y),) in slot_lines:
        if y is None:
            if group is not None:
                slots.append((group, None))
            group = g
        else:
            slots.append((g or group, y))
            group = None
    return slots + ([(group, None)] if group is not None else [])


def _group_of(tok: str) -> str:
    f = fold(tok).rstrip("-")
    if f.startswith("utfall") and (tok.endswith("-") or "budget" in f):
        return "avvikelse"
    return _vocab(f, GROUP_WORDS) or "utfall"


def _positional_header(lines: list[Line], default_period: int | None, default_kind: str) -> Header:
    """Header cells stacked over one another (by horizontal overlap) describe one column."""
    has_note = False
    note_x = None
    stacks: list[dict] = []        # x0, x1, group, year, sub, line order
    margin = min((line.cells[0].x0 for line in lines if line.cells), default=0.0)
    for depth, line in enumerate(lines):
        for k, cell in enumerate(line.cells):
            first_kinds = [_header_token_kind(t) for t in _tokens(cell.text)]
            if k == 0 and len(line.cells) > 1 and cell.x0 <= margin + 1e-6 and \
                    not any(kk in ("year", "date") for kk in first_kinds) and \
                    any(kk in (None, "filler") for kk in first_kinds):
                if any(fold(t) in ("not", "noter") for t in _tokens(cell.text)):
                    has_note, note_x = True, (cell.x0, cell.x1)
                continue                                   # the label column's title ("Kostnader, tkr")
            ctoks = _tokens(cell.text)
            kinds = [_header_token_kind(t) for t in ctoks]
            if any(k == "filler" and fold(t) in ("not", "noter") for t, k in zip(ctoks, kinds)):
                has_note, note_x = True, (cell.x0, cell.x1)
            if not any(k in ("year", "date", "group", "sub") for k in kinds):
                continue
            years = [_year_of(t) for t, k in zip(ctoks, kinds) if k in ("year", "date")]
            groups = [_group_of(t) for t, k in zip(ctoks, kinds) if k == "group"]
            subs = [_vocab(fold(t).strip("*"), SUB_WORDS) for t, k in zip(ctoks, kinds) if k == "sub"]
            stack = next((st for st in stacks if min(st["x1"], cell.x1) - max(st["x0"], cell.x0) > 0
                          and st["depth"] < depth), None)
            if stack is None:
                stack = {"x0": cell.x0, "x1": cell.x1, "group": None, "year": None, "sub": None, "depth": depth}
                stacks.append(stack)
            stack["depth"] = depth
            stack["x0"], stack["x1"] = min(stack["x0"], cell.x0), max(stack["x1"], cell.x1)
            if years:
                stack["year"] = years[-1]                   # a date range ends in its period
            if groups:
                if stack["group"] is None:
                    stack["group"] = groups[0]
                elif "avvikelse" in groups:
                    stack["sub"] = "avvik"
            if subs:
                stack["sub"] = subs[-1]
    stacks.sort(key=lambda st: st["x0"])
    columns = []
    owner: dict | None = None
    for st in stacks:
        if st["group"] is not None:
            owner = st
        group = st["group"] or (owner["group"] if owner and st["sub"] else None)
        year = st["year"] if st["year"] is not None else (owner["year"] if owner and st["sub"] else None)
        if group is None:
            kind = SUB_COLUMN.get(st["sub"] or "", default_kind)
        elif st["sub"] == "avvik":
            kind = "avvikelse"
        else:
            kind = _sub_kind(group, st["sub"])
        columns.append(Column(year, kind, st["x0"], st["x1"]))
    columns = _budget_beside_net(columns)
    last = default_period
    filled = []
    for c in columns:
        last = c.period if c.period is not None else last
        filled.append(Column(c.period if c.period is not None else last, c.kind, c.x0, c.x1))
    if not filled:
        filled = [Column(default_period, default_kind)]
    return Header(tuple(filled), has_note, note_x, tuple(lines), True)


def _budget_beside_net(columns: list[Column]) -> list[Column]:
    """A lone Budget column beside Intäkt / Kostnad / Netto columns budgets the net."""
    if any(c.kind.startswith("utfall_") for c in columns):
        return [Column(c.period, "budget_netto", c.x0, c.x1) if c.kind == "budget" else c for c in columns]
    return columns


def _columns(groups, years, subs, positional, default_period, default_kind) -> list[Column]:
    # Fill group years: "Avvikelse" without a year takes its neighbour's.
    filled = []
    last_year = None
    for kind, year, x0, x1 in groups:
        year = year if year is not None else last_year
        filled.append((kind, year, x0, x1))
        last_year = year if year is not None else last_year
    filled = [(k, y if y is not None else default_period, a, b) for k, y, a, b in filled]
    if subs and filled:
        return _assign_subs(filled, subs, positional)
    if filled and years and positional:
        # years in their own cells beside group cells: each is a plain column
        cols = [Column(y, k, a, b) for k, y, a, b in filled]
        cols += [Column(y, "utfall", a, b) for y, a, b in years]
        return sorted(cols, key=lambda c: c.x0 or 0.0)
    if filled:
        return [Column(y, _group_kind(k), a, b) for k, y, a, b in filled]
    if years:
        return [Column(y, "utfall" if default_kind == "utfall" else default_kind, a, b) for y, a, b in years]
    if subs:
        return [Column(default_period, SUB_COLUMN.get(s or "", "avvikelse" if s in (None, "avvik") else
                                                      "budget_netto" if s == "budget" else s or default_kind), a, b)
                for s, a, b in subs]
    return [Column(default_period, default_kind)]


def _group_kind(kind: str) -> str:
    return {"utfall": "utfall", "budget": "budget", "avvikelse": "avvikelse", "prognos": "prognos"}[kind]


def _sub_kind(group: str, sub: str | None) -> str:
    if group == "utfall":
        return {"intakt": "utfall_intakt", "kostnad": "utfall_kostnad", "netto": "utfall_netto"}.get(sub or "", "utfall")
    if group == "budget":
        return "budget_netto" if sub == "netto" else "budget"
    return _group_kind(group)


def _assign_subs(groups, subs, positional) -> list[Column]:
    cols: list[Column] = []
    if positional:
        for s, x0, x1 in subs:
            owner = None
            for g in groups:
                if g[2] is not None and x0 is not None and g[2] <= x0 + 1e-6:
                    owner = g
            owner = owner or groups[0]
            kind = "avvikelse" if s == "avvik" else _sub_kind(owner[0], s)
            cols.append(Column(owner[1], kind, x0, x1))
        return cols
    order = ["intakt", "kostnad", "netto"]
    g = 0
    used: set[str] = set()
    for s, _, _ in subs:
        while g < len(groups):
            kind = groups[g][0]
            if kind == "utfall" and s in order and s not in used and all(order.index(u) < order.index(s) for u in used):
                break
            if kind in ("budget", "prognos") and not used and s in ("netto", "intakt", "kostnad", kind):
                break
            if kind == "avvikelse" and not used and s in (None, "avvik"):
                break
            g += 1
            used = set()
        if g >= len(groups):
            break
        used.add(s or "avvik")
        kind = "avvikelse" if s in (None, "avvik") else _sub_kind(groups[g][0], s)
        cols.append(Column(groups[g][1], kind, None, None))
    return cols


# ---------------------------------------------------------------- rows


TRAILING_UNIT = regex.compile(r"[,\s]+\(?(?:tkr|kr|mkr)\)?\.?$", regex.I)
LEADERS = regex.compile(r"\s*(?:\.\s?){3,}\s*|\s*…+\s*")
NOTE_IN_LABEL = regex.compile(r"\s*\(?\bnot(?:er)?\.?\s+(\d{1,2})(?:\s*(?:,|och|&)\s*\d{1,2})*\)?\s*$", regex.I)


def clean_label(text: str) -> str:
    """The row's words: operators in front (=, +, −, +/−), marks, leaders, a note reference
    ("(not 2)") and a trailing unit ("…, tkr") removed."""
    s = " ".join(text.replace("|", " ").split())
    s = LEADERS.sub(" ", s).strip()
    s = OPERATORS.sub("", s).strip()
    s = s.strip("*").strip()
    s = NOTE_IN_LABEL.sub("", s)
    s = TRAILING_UNIT.sub("", s)
    return s.strip()


def label_note(text: str) -> int | None:
    """The note a label refers to in its own words: "Verksamhetens intäkter (not 2)" → 2."""
    m = NOTE_IN_LABEL.search(" ".join(LEADERS.sub(" ", text).split()))
    return int(m.group(1)) if m else None


UNIT_SUFFIX = regex.compile(r"\s*(?:kr|tkr|mkr|kronor|sek|:-)\.?\s*$", regex.I)


def _strip_unit(text: str) -> str:
    """'1 505 kr' → '1 505': a unit printed after a figure is not part of it."""
    stripped = UNIT_SUFFIX.sub("", text)
    return stripped if stripped and stripped[-1:].isdigit() or stripped.endswith((")", "*")) else text


# A row label of more words than this, or one in which a sentence ends, is running text: a
# paragraph that ends in a figure ('… innebär en ökad upplåning med cirka 170 mnkr.') is no table row.
RUNNING_TEXT_WORDS = 25
_SENTENCE_INSIDE = regex.compile(r"[.!?]\s+\p{Lu}")


def running_text(label: str, printed: str = "") -> bool:
    """Is this 'label' a paragraph: too long for a line name, or a sentence ends inside it or inside
    the line it was printed on ('… +0,9 mnkr. Ekonomisk ram 279,3 mnkr.')?"""
    return len(label.split()) > RUNNING_TEXT_WORDS or bool(_SENTENCE_INSIDE.search(printed or label))


def split_label_and_numbers(line: Line) -> tuple[str, list[str], list[Cell]]:
    """Label text, the trailing amount tokens, and the cells those tokens came from."""
    cells = [c if _strip_unit(c.text) == c.text else Cell(_strip_unit(c.text), c.x0, c.x1, c.words)
             for c in line.cells if c.text.strip()]
    if len(cells) > 1:
        numeric = []
        label_cells = []
        for c in cells:
            toks = _tokens(c.text)
            if toks and all(is_amount_token(t) for t in toks):
                numeric.append(c)
            elif numeric:
                # text after amounts: a trailing word ("kr") or a merged label; keep it out
                if fold(c.text) in ("kr", "tkr", "kronor"):
                    continue
                numeric.append(c)
            else:
                label_cells.append(c)
        label = " ".join(c.text for c in label_cells)
        tokens = [t for c in numeric for t in _tokens(c.text)]
        tail = LEADERS.split(label)[-1].split() if label_cells else []
        k = len(tail)
        while k > 0 and is_amount_token(tail[k - 1]):
            k -= 1
        if k < len(tail) and (LEADERS.search(label) or _figures_in_label_cell(tail[k:])):
            # "Kassa och bank ....... 2 150        2 340": the first figure sits in the label's cell
            head = label[: len(label) - len(" ".join(tail[k:]))].rstrip()
            return head, tail[k:] + tokens, []
        return label, tokens, numeric
    raw = _strip_unit(line.text).split()
    # "1 450 000 kr 1 388 412 kr": a unit after each figure is not part of the row
    toks = [t for i, t in enumerate(raw) if not (i and t.casefold().rstrip(".") in ("kr", "tkr", "mkr", "kronor")
                                                 and is_amount_token(raw[i - 1]))]
    k = len(toks)
    while k > 0 and is_amount_token(toks[k - 1]):
        k -= 1
    if 0 < k < len(toks) - 1 and fold(toks[k - 1]) in ("not", "noter") and regex.fullmatch(r"\d{1,2}\)?", toks[k]):
        k += 1                       # "Medlemsbidrag Not 2  5 400  5 200": the 2 is the note, in the label
    return " ".join(toks[:k]), toks[k:], []


def _figures_in_label_cell(tail: list[str]) -> bool:
    """A label cell that ends in a run of figures no label ends with ("Skatt på årets resultat 13 -28 490",
    then "-23 145" in a cell of its own): a signed figure or a thousands group after another figure. Its
    figures are the row's first cells (a note, an amount), not words of the label; one figure alone
    ("… före 1998", "Not 13") stays in the label."""
    if len(tail) < 2:
        return False
    return any(t[:1] in "-−–" and t[1:2].isdigit() for t in tail) or \
        any(regex.fullmatch(r"\d{3}", t) for t in tail[1:])


def parse_row(line: Line, header: Header, note_titles: dict[int, str] | None = None) -> Row:
    row = _parse_row(line, header, note_titles)
    _leave_out_comma_thousands(row)
    return row


# A figure printed with three digits after its comma ('-2,689' among '38 821' and '36 132') reads two
# ways: 2,689 with decimals, or 2 689 with a comma for the thousands space (English print). Amounts in
# a statement carry at most two decimals (the stream grammar reads no more), so the figure is left out
# as unreadable, never read a thousandfold wrong; its column's sums are then skipped, not failed.
_COMMA_THOUSANDS_DECIMALS = 3


def _leave_out_comma_thousands(row: Row) -> None:
    for k, v in enumerate(row.values):
        if v is not None and v.amount.decimals == _COMMA_THOUSANDS_DECIMALS:
            row.values[k] = None
            row.unreadable.append(k)
    row.alternatives = [(note, amts) for note, amts in row.alternatives
                        if not any(a is not None and a.amount.decimals == _COMMA_THOUSANDS_DECIMALS for a in amts)]


def _parse_row(line: Line, header: Header, note_titles: dict[int, str] | None = None) -> Row:
    label_text, tokens, num_cells = split_label_and_numbers(line)
    label = clean_label(label_text)
    row = Row(label=label, label_raw=label_text.strip(), line=line, note_ref=label_note(label_text))
    n = len(header.columns)
    if not tokens or running_text(label_text, line.text):
        return row              # a paragraph ending in a figure is prose, not a row of the table
    heading = note_heading(line)
    if heading is not None and not heading[1]:
        return row              # "Not 1" on a line of its own: a note's heading and number, no amount
    values: list[Value | None] = [None] * n
    conf = line.confidence
    if header.positional and num_cells:
        placed = _place_by_position(num_cells, header)
        if placed is not None:
            note, values, unreadable = placed
            row.note_ref = note if note is not None else row.note_ref
            row.values, row.unreadable = values, unreadable
            return row
    if num_cells and len(num_cells) in (n, n + 1) and all(parse_amount(c.text) or c.text.strip() in "-–" for c in num_cells):
        amounts = [parse_amount(c.text) for c in num_cells]
        if len(num_cells) == n + 1:
            if header.has_note and amounts[0] is not None and amounts[0].is_small_int:
                row.note_ref = int(amounts[0].value)
                amounts, cells = amounts[1:], num_cells[1:]
            else:
                return row
        else:
            cells = num_cells
        row.values = [Value(a, c, c.confidence) if a is not None else None for a, c in zip(amounts, cells)]
        return row
    seg = segment(tokens, n, allow_note=header.has_note, note_fits=_note_fits(label, note_titles))
    if seg is None and n <= 2:
        seg = segment(tokens, None, allow_note=header.has_note)
        if seg is not None and len(seg[1]) > n:
            seg = None
    if seg is None:
        row.values = []
        return row
    note, amounts = seg
    row.note_ref = note if note is not None else row.note_ref
    for i, a in enumerate(amounts[:n]):
        values[i] = Value(a, None, conf) if a is not None else None
    row.values = values
    fits = _note_fits(label, note_titles)
    settled_note = note is not None and fits is not None and fits(note) is True
    # a note the report's notes do not settle ('10 462 778' under 'Not 2017 2016': note 10 and 462 | 778,
    # or 10 462 | 778) stays open beside the readings without it: only the table's arithmetic may cut it
    alternatives = readings(tokens, n, header.has_note and (row.note_ref is not None or not settled_note))
    alternatives = [(k, amts) for k, amts in alternatives if k == row.note_ref or (
        not settled_note and (k is None or fits is None or fits(k) is not False))]
    if len(alternatives) > 1:
        row.alternatives = [(k, [Value(a, None, conf) if a is not None else None for a in amts])
                            for k, amts in alternatives]
    return row


def realign_sparse_rows(rows: list[Row], width: int) -> None:
    """Place the figures of rows with empty cells by the columns the full rows show.

    Header words are often centred or offset over right-aligned figures; the full rows of
    the same table say exactly where each column's figures stand.
    """
    full = [r for r in rows if len(r.values) == width and all(v is not None and v.cell is not None for v in r.values)]
    if len(full) < 2 or width < 2:
        return
    spans = []
    for k in range(width):
        cells = [r.values[k].cell for r in full]   # type: ignore[union-attr]
        spans.append((min(c.x0 for c in cells), max(c.x1 for c in cells)))   # type: ignore[union-attr]
    if any(spans[k][1] > spans[k + 1][0] for k in range(width - 1)):
        return                                         # columns overlap: positions say nothing
    for r in rows:
        present = [v for v in r.values if v is not None]
        if not present or len(present) == width or any(v.cell is None for v in present):
            continue
        placed: list[Value | None] = [None] * width
        for v in present:
            cell = v.cell
            assert cell is not None
            k = min(range(width), key=lambda i: (-(min(cell.x1, spans[i][1]) - max(cell.x0, spans[i][0])),
                                                 abs((cell.x0 + cell.x1) / 2 - (spans[i][0] + spans[i][1]) / 2)))
            if placed[k] is not None:
                break
            placed[k] = v
        else:
            r.values = placed


def settle_ambiguous_rows(rows: list[Row], columns: tuple[Column, ...] = ()) -> list[str]:
    """Rows whose merged tokens read several ways take the reading the row's own arithmetic
    proves (Avvikelse = Utfall − Budget, Netto = Intäkt + Kostnad); failing that, the one that
    fits the columns' magnitudes.

    The magnitudes come from the table's rows that read only one way, so `−147 107 987`
    becomes `−147 107 | 987` when the column above holds six-digit figures. Magnitude is weak
    evidence: the figures the readings disagree on carry `readings` > 1, so that no sum inside
    the table verifies them (normalize/reconcile/verify.py). Where no reading is strictly closest, or no
    row reads one way, the row is undecided: the figures all readings agree on are kept, the
    others left out (`unreadable`) and warned about.
    """
    warnings: list[str] = []
    settled = [r for r in rows if r.has_values and not r.alternatives]
    medians: list[float | None] = []
    width = max((len(r.values) for r in settled), default=0)
    for k in range(width):
        column = [r.values[k] for r in settled if k < len(r.values)]
        sizes = sorted(_log_size(v) for v in column if v is not None and v.amount.value != 0)
        medians.append(sizes[len(sizes) // 2] if sizes else None)

    def cost(values: list[Value | None]) -> float:
        total = 0.0
        for k, v in enumerate(values):
            median = medians[k] if k < len(medians) else None
            if v is None or median is None or v.amount.value == 0:
                continue
            total += abs(_log_size(v) - median)
        return total

    for r in rows:
        if not r.alternatives:
            continue
        # each reading with the note its tokens cut off (None: none; the label's 'Not 2' is no cut)
        own = next((k for k, alt in r.alternatives if _printed(alt) == _printed(r.values)), None)
        noted = [(own, r.values)] + [(k, alt) for k, alt in r.alternatives if _printed(alt) != _printed(r.values)]
        r.alternatives = []
        noted = list({_printed(o): (k, o) for k, o in noted}.values())
        if len(noted) == 1:
            continue
        notes = [k for k, _ in noted]
        options = [o for _, o in noted]
        labelled = label_note(r.label_raw)
        holds = [row_identities(o, columns) for o in options]
        if max(holds) > 0 and holds.count(max(holds)) == 1:
            best = holds.index(max(holds))
            r.note_ref = notes[best] if notes[best] is not None else labelled
            options = [options[best]] + [o for o, h in zip(options, holds) if h != max(holds)]
            r.values = _marked(options)
            continue
        costs = [cost(o) for o in options]
        best = min(range(len(options)), key=lambda k: costs[k])
        # the magnitudes never tell a note from a figure's first digits: readings that cut the note
        # differently and that no identity decides leave the row undecided
        if len(set(notes)) == 1 and all(costs[k] > costs[best] for k in range(len(options)) if k != best):
            r.values = _marked([options[best]] + [o for k, o in enumerate(options) if k != best])
        else:
            if len(set(notes)) > 1:
                r.note_ref = labelled
            warnings.append(_undecided(r, options))
    return warnings


def _marked(options: list[list[Value | None]]) -> list[Value | None]:
    """The first reading, each figure the readings disagree on marked with how many values it had."""
    out: list[Value | None] = []
    for k, v in enumerate(options[0]):
        seen = len({_printed_one(o, k) for o in options})
        out.append(replace(v, readings=max(v.readings, seen)) if v is not None and seen > 1 else v)
    return out


def row_identities(values: list[Value | None], columns: tuple[Column, ...]) -> int:
    """How many of the row's column identities hold: Avvikelse = Utfall − Budget (either sign)
    and Netto = Intäkt ± Kostnad, within the rounding of the printed figures
    (extract/data/table_words.toml [identities], [sums])."""
    from arsred.extract.tables.header import column_identities, column_sums

    def at(kind: str, like: Column) -> Decimal | None:
        for k, c in enumerate(columns):
            if c.kind == kind and c.period == like.period and c.scope == like.scope and k < len(values):
                v = values[k]
                return v.amount.value if v is not None else None
        return None
    decimals = max((v.amount.decimals for v in values if v is not None), default=0)
    tol = Decimal(1).scaleb(-decimals)
    n = 0
    for k, col in enumerate(columns[:len(values)]):
        x = values[k].amount.value if values[k] is not None else None      # type: ignore[union-attr]
        if x is None:
            continue
        for a_kind, b_kind in column_identities().get(col.kind, ()):
            a, b = at(a_kind, col), at(b_kind, col)
            if a is not None and b is not None and (abs(x - (a - b)) <= tol or abs(x + (a - b)) <= tol):
                n += 1
                break
        for a_kind, b_kind in column_sums().get(col.kind, ()):
            a, b = at(a_kind, col), at(b_kind, col)
            if a is not None and b is not None and (abs(x - (a + b)) <= tol or abs(x - (a - b)) <= tol):
                n += 1
                break
    return n


def _printed(values: list[Value | None]) -> tuple[str | None, ...]:
    return tuple(v.amount.printed if v is not None else None for v in values)


def _printed_one(values: list[Value | None], k: int) -> str | None:
    return values[k].amount.printed if k < len(values) and values[k] is not None else None   # type: ignore[union-attr]


def _undecided(r: Row, options: list[list[Value | None]]) -> str:
    """Keep the figures every reading agrees on; leave the others out, with the readings in a warning."""
    width = max(len(o) for o in options)
    values: list[Value | None] = []
    for k in range(width):
        seen = {_printed_one(o, k) for o in options}
        if len(seen) == 1:
            values.append(options[0][k] if k < len(options[0]) else None)
        else:
            values.append(None)
            r.unreadable.append(k)
    r.values = values
    alts = "; ".join(" | ".join(p or "·" for p in _printed(o)) for o in options[:4])
    return (f"'{r.label}' on page {r.line.page} line {r.line.number} reads more than one way and neither the "
            f"table's arithmetic nor its magnitudes decide: {alts}")


MIN_SUB_BLOCKS = 2


def name_sub_rows(rows: list[Row]) -> None:
    """A table that repeats the same lines under each nämnd ("Kommunstyrelsen" / "Intäkter" /
    "Kostnader" / "Nettokostnad", then "Barn- och utbildningsnämnden" / …) names each line with its
    heading ("Kommunstyrelsen: Intäkter"), so that the blocks' lines stay apart. Only where two
    headings or more each head two such lines or more (words: table_words.toml [sub_rows])."""
    from arsred.extract.tables.header import sub_row_words

    words = sub_row_words()
    blocks: list[tuple[Row, list[Row], list[Row]]] = []        # heading, its sub-rows, its other rows
    for row in rows:
        if not row.has_values and row.label and fold(row.label) not in words:
            blocks.append((row, [], []))
        elif blocks and row.has_values:
            (blocks[-1][1] if fold(row.label) in words else blocks[-1][2]).append(row)
    full = [(h, members) for h, members, others in blocks if len(members) >= 2 and not others]
    if len(full) < MIN_SUB_BLOCKS:
        return
    for heading, members in full:
        for row in members:
            row.label = f"{heading.label.rstrip(' :')}: {row.label}"
            row.label_raw = f"{heading.label_raw.rstrip(' :')}: {row.label_raw}"


def _log_size(value: Value) -> float:
    return math.log10(abs(float(value.amount.value)))


def _note_fits(label: str, note_titles: dict[int, str] | None):
    """Is 'note N' a plausible reference from this row? Judged by the notes the report has."""
    if not note_titles:
        return None
    key = fold(label)

    def fits(number: int) -> bool | None:
        title = note_titles.get(number)
        if title is None:
            return False
        t = fold(title)
        return bool(t) and (fuzz.token_set_ratio(key, t) >= 70 or fuzz.partial_ratio(key, t) >= 80)
    return fits


UNREADABLE_CONFIDENCE = 0.5


def _place_by_position(cells: list[Cell], header: Header):
    cols = header.columns
    spans = [(c.x0, c.x1) for c in cols]
    if any(a is None or b is None for a, b in spans):
        return None
    values: list[Value | None] = [None] * len(cols)
    unreadable: list[int] = []
    note = None
    for cell in cells:
        amt = parse_amount(cell.text)
        if header.note_x is not None and header.note_x[0] is not None and _overlap(cell, header.note_x) > 0 \
                and amt is not None and amt.is_small_int:
            note = int(amt.value)
            continue
        if amt is None:
            if cell.text.strip() in ("-", "–", "—", ""):
                continue
            if cell.confidence < UNREADABLE_CONFIDENCE:
                unreadable.append(_nearest_column(cell, spans))
                continue                 # OCR could not read this figure: its neighbours still stand
            return None
        best = _nearest_column(cell, spans)
        if values[best] is not None:
            return None
        values[best] = Value(amt, cell, cell.confidence)
    return note, values, unreadable


def _nearest_column(cell: Cell, spans) -> int:
    """The column a cell stands in: most horizontal overlap, then nearest centre."""
    def score(i: int):
        x0, x1 = spans[i]
        return (_overlap(cell, (x0, x1)) > 0, _overlap(cell, (x0, x1)), -abs((cell.x0 + cell.x1) / 2 - (x0 + x1) / 2))
    return max(range(len(spans)), key=score)


def _overlap(cell: Cell, span) -> float:
    a0, a1 = span
    return min(cell.x1, a1) - max(cell.x0, a0)


@lru_cache(maxsize=1)
def _unit_patterns() -> list[tuple[str, regex.Pattern]]:
    return [(unit, regex.compile(pat)) for unit in ("mdkr", "tkr", "mkr", "kr") for pat in config()["units"][unit]]


@lru_cache(maxsize=8192)
def declared_unit(text: str) -> str | None:
    """The unit a line declares ("Belopp i tkr", "(kr)", "tusental kronor", "miljarder kronor": mdkr, a unit
    no fact is read in), or None."""
    f = text.casefold()
    for unit, pat in _unit_patterns():
        if pat.search(f):
            return unit
    return None


@lru_cache(maxsize=1)
def _unit_sentences() -> list[regex.Pattern]:
    return [regex.compile(p, regex.I) for p in config()["unit_sentences"]["patterns"]]


def stated_unit(text: str) -> str:
    """The words of a sentence that declares the unit of the table below it ("Belopp anges i
    miljoner kronor"), or "": a unit named right after the declaring words, in running text of
    any length (extract/data/headings.toml, `unit_sentences`)."""
    for pattern in _unit_sentences():
        for m in pattern.finditer(text):
            words = text[m.start():m.end() + 30]
            if declared_unit(text[m.end():m.end() + 30].split(".")[0]):
                return words.split(".")[0].strip()
    return ""


def _is_upper(label: str) -> bool:
    letters = [ch for ch in label if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _known(statement: str, label: str) -> bool:
    """A label the synonym table (normalize/data/items.csv) names exactly, not by likeness."""
    return map_item(statement, label).score >= 100.0


def upper_wrapped_label(above: list[str], own: str, statement: str) -> tuple[str, int] | None:
    """An upper-case label wrapped over lines of its own above its figures ("RESULTAT EFTER SKATTE-" /
    "INTÄKTER OCH" / "FINANSNETTO A 55 021"): (the joined label, how many lines above it takes),
    where the joined label is a line the synonym table knows exactly and the figure line's own
    label is not; a word broken at a hyphen is joined, and a trailing single letter ("A") is a
    footnote mark. None when no such join is known: the lines stay as they are."""
    own = own.strip()
    if not _is_upper(own) or _known(statement, own):
        return None
    for k in range(1, min(3, len(above)) + 1):
        parts = [a.strip() for a in above[len(above) - k:]]
        if not all(_is_upper(a) and not a.endswith((":", ".")) for a in parts):
            return None
        for last in dict.fromkeys((own, regex.sub(r"\s+[A-ZÅÄÖ]$", "", own))):
            text = parts[0]
            for part in parts[1:] + [last]:
                text = text[:-1] + part if text.endswith("-") and part[:1].isalpha() else f"{text} {part}"
            if _known(statement, text):
                return text, k
    return None
