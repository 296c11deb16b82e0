"""Read the tables of each statement section: header lines, rows, wrapped labels, units.

A section may hold more than one table (a new header starts a new one); rows before any
header take an implicit header whose column count is the one most rows show. Comments
("Kommentar: …", footnotes "* …") end a table.
"""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from arsred.extract.amounts import segment
from arsred.extract.document import Line
from arsred.extract.sections import YEAR, Section, fold, has_leaders, owner_scope
from arsred.extract.tables.header import header_tokens, year_and_year_before, year_runs
from arsred.extract.tables.lines import (
    Column,
    Header,
    Row,
    Table,
    _header_token_kind,
    _tokens,
    build_header,
    declared_unit,
    is_header_line,
    name_sub_rows,
    parse_row,
    realign_sparse_rows,
    settle_ambiguous_rows,
    split_label_and_numbers,
    stated_unit,
    upper_wrapped_label,
)

log = logging.getLogger(__name__)

TOTAL_PREFIXES = ("summa", "totalt", "total", "resultat", "= ", "netto")


def section_period(section: Section, fiscal_year: int | None) -> int | None:
    m = YEAR.search(section.title or "")
    return int(m.group()) if m else fiscal_year


def has_budget_header(section: Section, any_header: bool = False) -> bool:
    """Does a section outside the statements hold a table headed Budget / Utfall / Beviljat / Kvar …?

    Such tables (an insats follow-up, a verksamhetsplan's budget by insats) are budget tables
    wherever they stand; a table headed by years alone is not claimed this way.
    """
    lines = [line for line in section.lines if not has_leaders(line)]
    for i, line in enumerate(lines):
        if not is_header_line(line):
            continue
        if not (any_header or any(_header_token_kind(t) == "group" for t in _tokens(line.text))):
            continue
        below = [parse_row(nxt, build_header([line], None, "budget")) for nxt in lines[i + 1: i + 4]]
        if sum(r.has_values for r in below) >= 2:          # a header over rows of figures, not a heading
            return True
    return False


def read_tables(section: Section, fiscal_year: int | None, heading_labels: Iterable[str] = (),
                skip: frozenset[int] = frozenset(), note_titles: dict[int, str] | None = None,
                statement: str | None = None, year_stated: bool = True) -> list[Table]:
    """The tables of one section; lines in `skip` (by id: money blocks read elsewhere) are passed over.
    A table whose columns no header names takes the report's year only when the report states it
    (`year_stated`) or the section's title prints one: the commonest year of a page (Sala's
    footnote "försäljning 2010" in a delårsrapport 2012) is no column's year."""
    statement = statement or section.kind
    default_kind = "budget" if statement == "budget" else "utfall"
    section = section if section.kind == statement else Section(statement, section.title, section.heading,
                                                                section.lines, section.note)
    period = section_period(section, fiscal_year)
    assumed_period = period if year_stated or YEAR.search(section.title or "") else None
    headings = {fold(h) for h in heading_labels}
    lines = [line for line in section.lines if line.text.strip() and id(line) not in skip]
    tables: list[Table] = []
    header_lines: list[Line] = []
    heading_text = section.heading.text if section.heading is not None else ""
    unit_text = heading_text if declared_unit(heading_text) else ""
    current: Table | None = None
    closed = False
    i = 0
    while i < len(lines):
        line = lines[i]
        text = line.text.strip()
        ftext = fold(text)
        if text.startswith("*") or ftext.startswith(("kommentar", "not ", "anm ", "anmarkning")) and ":" in text[:15]:
            closed, current = True, None
            i += 1
            continue
        if _is_unit_line(line):
            unit_text = text
            if header_lines and current is None and _header_continuation(line):
                header_lines.append(line)       # "tkr Not" under the years: the unit and the Not column's heading
            if current is not None and not current.unit_text:
                current.unit_text = text        # "(mkr)" printed below the figures: still the table's unit
            title_year = YEAR.search(text)
            if title_year:                      # "Beviljade medel per insats 2016 (kr)": the table's year
                period = int(title_year.group())
            i += 1
            continue
        if current is None and not header_lines and stated_unit(text):
            unit_text = stated_unit(text)       # "… Belopp anges i miljoner kronor i löpande priser." above the table
            i += 1
            continue
        if is_header_line(line) or (header_lines and current is None and _header_continuation(line)):
            if declared_unit(text):
                unit_text = text
            header_lines.append(line)
            current, closed = None, False
            i += 1
            continue
        if header_lines:
            current = Table(statement, section.title, build_header(header_lines, period, default_kind), [],
                            unit_text, section.note)
            tables.append(current)
            header_lines = []
        if closed:
            i += 1
            continue
        if current is None:
            current = Table(statement, section.title, _implicit_header(lines[i:], assumed_period, default_kind), [],
                            unit_text, section.note)
            tables.append(current)
        row = parse_row(line, current.header, note_titles)
        if _is_prose(row, line) or _is_toc_entry(row, line):
            i += 1
            continue
        if not row.has_values:
            prev = current.rows[-1] if current.rows else None
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if prev is not None and prev.has_values and fold(prev.label) in headings and row.label \
                    and fold(row.label) not in headings:
                # OCR put a heading's neighbour figures beside the heading: "Eget kapital 236,50 / Årets resultat"
                moved = Row(row.label, row.label_raw, prev.line, prev.values, prev.note_ref, [line])
                prev.values = []
                current.rows.append(moved)
                i += 1
                continue
            if prev is not None and _continues(prev, line, nxt, current.header, headings):
                prev.label = f"{prev.label} {row.label}".strip()
                prev.label_raw = f"{prev.label_raw} {row.label_raw}".strip()
                prev.extra_lines.append(line)
                i += 1
                continue
        prev = current.rows[-1] if current.rows else None
        wrapped = _upper_case_wrap(current.rows, row, headings, statement) if row.has_values else None
        if wrapped is not None:
            # "VERKSAMHETENS / NETTOKOSTNAD -657 564": an upper-case label wrapped over lines of its own
            label, above = wrapped
            del current.rows[len(current.rows) - len(above):]
            row.label = row.label_raw = label
            row.extra_lines.extend(r.line for r in above)
        elif row.has_values and prev is not None and _joins_label_above(prev, row, headings):
            # "Upplupna kostnader och förutbetalda / intäkter 1 234 1 111": figures on the last line
            row.label = f"{prev.label} {row.label}".strip()
            row.label_raw = f"{prev.label_raw} {row.label_raw}".strip()
            row.extra_lines.append(prev.line)
            current.rows.pop()
        elif row.has_values and _is_varav(row.label):
            parent = next((r for r in reversed(current.rows) if r.has_values and not _is_varav(r.label)), None)
            if parent is not None:
                row.label = f"{parent.label}, {row.label.strip('()').strip()}"
        current.rows.append(row)
        i += 1
    titled = _title_scope(heading_text or section.title or "")
    for k, table in enumerate(tables):
        name_sub_rows(table.rows)
        if titled and all(c.scope == "entity" for c in table.header.columns) and \
                not any(t.kind == "scope" for ln in table.header.lines for t in header_tokens(ln.text)):
            # "Resultaträkning Sollentuna kommun koncern": the heading names whose accounts every column holds
            table.header = replace(table.header, columns=tuple(replace(c, scope=titled) for c in table.header.columns))
        table.warnings.extend(f"{table.statement}: {w}"
                              for w in settle_ambiguous_rows(table.rows, table.header.columns))
        if table.header.positional:
            realign_sparse_rows(table.rows, len(table.header.columns))
        if k > 0 and table.statement in ("resultatrakning", "balansrakning", "kassaflodesanalys") and \
                any(c.kind in ("budget", "avvikelse", "budget_netto") for c in table.header.columns) and \
                not any(c.kind in ("budget", "avvikelse", "budget_netto") for c in tables[0].header.columns):
            table.statement = "budget"          # a budget table printed after the statement, not part of it
        if table.statement == "oversikt" and any(c.kind in ("budget", "avvikelse", "budget_netto")
                                                 for c in table.header.columns):
            table.statement = "budget"          # budget against outcome is a budget table, not the overview
    return [t for t in tables if any(r.has_values for r in t.rows)]


def _title_scope(text: str) -> str | None:
    """The one scope a statement's heading names ("… kommun koncern", "Koncernens
    resultaträkning" → group), or None."""
    scopes = {str(t.value) for t in header_tokens(text) if t.kind == "scope"}
    owned = owner_scope(text)
    if owned is not None:
        scopes.add(owned[0])
    return scopes.pop() if len(scopes) == 1 else None


def _is_unit_line(line: Line) -> bool:
    """"Belopp i tkr", or a table title that declares its unit ("Kommunernas bidrag 2018 (kr)")."""
    toks = _tokens(line.text)
    if not (0 < len(toks) <= 8) or declared_unit(line.text) is None or len(line.cells) > 2 or is_header_line(line):
        return False
    return not any(t[:1].isdigit() and not YEAR.fullmatch(t) for t in toks)


def _header_continuation(line: Line) -> bool:
    """A wrapped header word ("Budget", "netto") — but not a row heading such as "Intäkter"."""
    toks = _tokens(line.text)
    if not (0 < len(toks) <= 3):
        return False
    kinds = [_header_token_kind(t) for t in toks]
    if any(k is None for k in kinds):
        return False
    return toks[0][:1].islower() or all(k in ("group", "filler", "year", "date") for k in kinds)


def _implicit_header(lines: list[Line], period: int | None, default_kind: str) -> Header:
    counts: Counter[int] = Counter()
    for line in lines[:60]:
        if is_header_line(line):
            break
        _, tokens, cells = split_label_and_numbers(line)
        if cells:
            counts[len(cells)] += 1
        elif tokens:
            seg = segment(tokens, None)
            if seg:
                counts[len(seg[1])] += 1
    n = counts.most_common(1)[0][0] if counts else 1
    n = max(1, min(n, 6))
    if n == 1:
        return Header((Column(period, default_kind),))
    # several columns take the years of a run printed among the rows, in order; without one the
    # table is not read: newest first is a convention, not a reading (docs/tables.md, proof.py)
    years: list[str] = next((run for ln in lines[:60] for run in year_runs(ln.text) if len(run) >= n), [])
    if n == 2 and not years and period and year_and_year_before([ln.text for ln in lines[:60]], period):
        years = [str(period), str(period - 1)]      # 'Preliminär slutavräkning 2012 (2011)' orders them
    if len(years) < n or len(set(years[:n])) != n:
        log.info("a table of %d columns whose years are printed nowhere among its rows: left unread", n)
        return Header(())
    return Header(tuple(Column(int(y), default_kind) for y in years[:n]))


def _is_prose(row: Row, line: Line) -> bool:
    words = row.label.split()
    if len(line.text) > 110:
        return True
    if row.has_values and len(words) > 9:
        return True
    vals = [v for v in row.values if v is not None]
    if len(vals) == 1 and vals[0].amount.decimals == 0 and YEAR.fullmatch(vals[0].amount.printed.strip()) \
            and (len(words) > 4 or vals[0].cell is None):
        return True                      # "Medlemsbidrag 2018": a heading with its year, not an amount
    if words and words[0][:1].islower() and len(words) > 6:
        return True
    return False


def is_total_label(label: str) -> bool:
    f = fold(label)
    return f.startswith(("summa", "totalt", "total ")) or f in ("resultat", "totalt", "summa")


def _continues(prev: Row, line: Line, nxt: Line | None, header: Header, headings: set[str]) -> bool:
    """Does a line without figures finish the label of the row above it?"""
    if not prev.has_values or prev.extra_lines:
        return False
    text = line.text.strip()
    f = fold(text)
    if not text or f in headings or len(text) > 60 or any(ch.isdigit() for ch in text):
        return False
    if text[:1].islower() or text.startswith("("):
        return True
    if prev.label_raw.endswith(("-", ",", " och", " i", " &", " samt")):   # raw: "per invånare i kr" ends in its unit
        return True
    if is_total_label(prev.label) or is_header_line(line):
        return False
    wide = len(header.columns) >= 4          # narrow label columns wrap names
    return wide and nxt is not None and parse_row(nxt, header).has_values and len(text.split()) <= 5


def _is_toc_entry(row: Row, line: Line) -> bool:
    """'Resultaträkning ........ 8': a contents line, its figure a page number."""
    if not has_leaders(line):
        return False
    values = [v for v in row.values if v is not None]
    return len(values) == 1 and values[0].amount.decimals == 0 and 0 < values[0].amount.value < 400 \
        and values[0].amount.printed.isdigit()


def _upper_case_wrap(rows: list[Row], row: Row, headings: set[str], statement: str) -> tuple[str, list[Row]] | None:
    """The rows above that an upper-case label wrapped over, and the joined label (`upper_wrapped_label`)."""
    above: list[Row] = []
    for prev in reversed(rows[-3:]):
        if prev.has_values or fold(prev.label) in headings:
            break
        above.insert(0, prev)
    joined = upper_wrapped_label([r.label for r in above], row.label, statement)
    return (joined[0], above[len(above) - joined[1]:]) if joined else None


def _is_varav(label: str) -> bool:
    return fold(label).startswith("varav")


def _joins_label_above(prev: Row, row: Row, headings: set[str]) -> bool:
    """A row whose label starts in lower case finishes a label line above that had no figures."""
    if prev.has_values or not prev.label or not row.label[:1].islower():
        return False
    return fold(prev.label) not in headings and not prev.label.endswith((":", ".")) and len(prev.label) <= 60
