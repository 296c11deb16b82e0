"""One document from file to result: read, find sections, parse tables, normalise, reconcile.

`process_document` never raises for a bad input: it returns a result whose record has
status `error` and a message, so a batch can go on.
"""
from __future__ import annotations

import logging
import time
from dataclasses import replace
from pathlib import Path

import regex

from arsred.errors import ArsredError, NoStatementsFound
from arsred.extract.amounts import MINUS, Amount
from arsred.extract.document import Box, Cell, Document, Line
from arsred.extract.metadata import detect_metadata, organisation_kind, title_year
from arsred.extract.moneyblocks import find_money_blocks, find_year_lists
from arsred.extract.reading.read import doc_id_for, read_document
from arsred.extract.sections import Section, config, content_lines, find_sections, fold, owner_scope
from arsred.extract.sections_oneline import unfold_lines
from arsred.extract.tables import Row, Table, declared_unit
from arsred.extract.tables.header import (
    company_labels,
    group_only_labels,
    header_tokens,
    is_header_text,
    minority_labels,
    scope_named,
    sole_scope,
)
from arsred.extract.tables.proof import (
    assumed_statement,
    choose_reading,
    drop_outsized_groupings,
    proven_cells,
)
from arsred.extract.tables.statements import has_budget_header, is_total_label, read_tables, section_period
from arsred.extract.tables.stream import printed_units, read_stream_tables, section_lines_are_flat
from arsred.extract.tables.yearless import kept_off_statement, years_unsettled
from arsred.normalize.facts import UNITS, Fact, as_meant
from arsred.normalize.items import heading_labels, map_item
from arsred.normalize.units import decide_units, prose_kronor, tolerance
from arsred.options import Options
from arsred.result import DocumentRecord, DocumentResult, SectionSpan

log = logging.getLogger(__name__)
STATEMENT_KINDS = ("oversikt", "resultatrakning", "balansrakning", "kassaflodesanalys", "driftredovisning",
                   "investeringsredovisning", "noter", "balanskrav", "budget", "tillaggsupplysningar")


def process_document(path: str, options: Options | None = None) -> DocumentResult:
    options = options or Options()
    record = DocumentRecord(doc_id=doc_id_for(path), path=str(path))
    started = time.perf_counter()
    try:
        document = read_document(path, options)
        record.sha256, record.input_kind, record.pages = document.sha256, document.input_kind, len(document.pages)
        result = extract_document(document, options, record)
    except ArsredError as exc:
        record.status, record.error = "error", str(exc)
        result = DocumentResult(record=record)
    except Exception as exc:  # a bug must not stop the batch: report it on the row
        log.exception("unexpected failure on %s", path)
        record.status, record.error = "error", f"internal error: {type(exc).__name__}: {exc}"
        result = DocumentResult(record=record)
    result.timings["total_s"] = round(time.perf_counter() - started, 4)
    return result


def _repairer(document_text: str, mode: str):
    """The label/heading repair function, or identity when the text is clean (or repair is missing)."""
    if mode == "never":
        return None
    from arsred.normalize.repair import needs_repair, repair_text

    try:
        if mode == "always" or needs_repair(document_text):
            return _safe(repair_text)
    except Exception:  # repair is an improvement, never a reason to lose the amounts
        log.exception("text repair failed; labels are kept as printed")
    return None


def _safe(repair_text):
    def repair(text: str) -> str:
        try:
            return repair_text(text).text
        except Exception:
            log.exception("text repair failed on %r", text[:60])
            return text
    return repair


def extract_document(document: Document, options: Options, record: DocumentRecord) -> DocumentResult:
    lines = unfold_lines(content_lines(document))
    warnings = list(document.warnings) + [w for p in document.pages for w in p.warnings]
    repair = _repairer(document.text, options.repair)
    sections = find_sections(document, lines)
    meta = detect_metadata(lines, sections, document.path)
    if meta.year_from_name:
        warnings.append(f"fiscal year {meta.fiscal_year} from the file name only: the text names no year it reports on")
    record.organisation = repair(meta.organisation) if repair and meta.organisation else meta.organisation
    # with no text at all there is nothing to name the kind of document: not the annual report default
    record.doc_type, record.fiscal_year = (meta.doc_type if lines else ""), meta.fiscal_year

    blocks = find_money_blocks(lines, meta.fiscal_year)
    block_lines = frozenset(id(b.line) for b in blocks)
    note_titles = {s.note: s.title for s in sections if s.note is not None}
    carried_units = _carry_notes_header(sections)
    part_scopes = _part_scopes(sections)
    tables: list[tuple[Table, Section]] = []
    for section in sections:
        kind = section.kind if section.kind in STATEMENT_KINDS else (
            "budget" if has_budget_header(section, any_header=meta.doc_type == "verksamhetsplan_budget") else None)
        if kind is None:
            # a table outside the statements (member contributions in the förvaltningsberättelse):
            # kept only when its own sum proves it and its header settles its years (`kept_off_statement`)
            for table in read_stream_tables([ln for ln in section.lines if id(ln) not in block_lines], "budget",
                                            section_period(section, meta.fiscal_year), section.title):
                if not kept_off_statement(table, meta.doc_type):
                    continue
                unnamed = all(c.kind == "budget" for c in table.header.columns) and \
                    not any(t.kind == "kind" for t in _header_toks(table))
                resembled = _resembles(table) if unnamed else None
                if resembled:               # outcomes by year under no budget word: the statement they resemble
                    table.statement = resembled
                    table.header = replace(table.header, columns=tuple(replace(c, kind="utfall")
                                                                       for c in table.header.columns))
                else:
                    _overview_of_outcomes(table, meta.doc_type)
                if unnamed:                 # no heading or column word names the statement: its sums prove digits only
                    assumed_statement(table)
                tables.append((table, section))
            continue
        by_lines = read_tables(section, meta.fiscal_year, heading_labels(kind), block_lines, note_titles, kind,
                               year_stated=meta.year_stated or title_year(lines) == meta.fiscal_year)
        by_stream = read_stream_tables([ln for ln in section.lines if id(ln) not in block_lines], kind,
                                       section_period(section, meta.fiscal_year), section.title,
                                       section.heading.text if section.heading is not None else "", section.note)
        for table in choose_reading(by_lines, by_stream, section_lines_are_flat(section.lines), warnings):
            if section.kind not in STATEMENT_KINDS:
                _followed_up(table, warnings)
                _overview_of_outcomes(table, meta.doc_type)
            _statement_by_lines(table, warnings)
            if not table.unit_text and id(section) in carried_units:
                table.unit_text = carried_units[id(section)]    # the notes page's unit, above its column heads
            tables.append((table, section))
    if not tables:
        tables = _headless_tables(sections, block_lines, meta.fiscal_year, warnings)
    tables = [(t, s) for t, s in tables if not years_unsettled(t, warnings)]
    for table, _ in tables:
        drop_outsized_groupings(table, warnings)
    warnings.extend(w for table, _ in tables for w in table.warnings)     # rows read more than one way, left out
    declared = [declared_unit(t.unit_text) if t.unit_text else None for t, _ in tables]
    decisions = decide_units([(t, d) for (t, _), d in zip(tables, declared)], prose_kronor(lines),
                             organisation_kind(record.organisation))

    facts: list[Fact] = []
    measures: list[dict] = []
    for t_index, ((table, section), unit) in enumerate(zip(tables, decisions)):
        _scope_from_lines(table, section, part_scopes.get(id(section)))
        # with no unit to be told, only the figures that print their own are read (the rest warned of)
        unread: list[Row] = []
        facts.extend(_table_facts(table, t_index, unit.unit, record, repair, measures, warnings,
                                  own_units=not unit.declared, unread=unread))
        if unit.warning and (unit.unit is not None or unread):
            warnings.append(unit.warning)
    in_statements = {id(line) for _, s in tables for line in s.lines}
    facts.extend(_money_facts(blocks, record, repair, len(tables)))
    next_table = max((f.table for f in facts), default=-1) + 1
    facts.extend(_year_list_facts(lines, meta.fiscal_year, record, repair, next_table, in_statements))
    facts = _dedupe(facts)
    stated_year = meta.fiscal_year if meta.year_stated else None
    if not facts:                         # no statement table: the amounts the text states, if any
        facts = _text_facts(lines, record, stated_year, repair, warnings)
    else:                                 # the tables win; a sentence that disagrees with them is a warning
        warnings.extend(_text_disagreements(lines, record, stated_year, facts))
    facts = _within_any_body(facts, warnings)

    result = DocumentResult(record=record, facts=facts, measures=measures,
                            sections=[_span(s) for s in sections if s.heading is not None])
    _goals(result, document, repair)
    if not facts and not result.goals:
        statements = sorted({s.kind for s in sections if s.kind in STATEMENT_KINDS})
        record.warnings = "; ".join(dict.fromkeys(warnings))   # the error row keeps why pages were not read
        raise NoStatementsFound(
            f"{record.path}: no financial statement found (looked for Resultaträkning, Balansräkning, "
            f"Kassaflödesanalys, Driftredovisning, Noter, budget tables"
            + (f"; headings seen but no table under them: {', '.join(statements)}" if statements else "") + ")"
            + ", no amount in running text with its line and year, no goal table"
            + "".join(f"; {d.warning}" for d in decisions if d.unit is None) + _unread_pages(document))
    _reconcile(result, lines, {t_index: _nil_rows(table) for t_index, (table, _) in enumerate(tables)})
    _skip_checks_on_unreadable(result, [(t_index, table) for t_index, (table, _) in enumerate(tables)], warnings)
    _tie_goals(result)
    if repair:
        result.page_texts = {p.number: repair(p.text) for p in document.pages}
    from arsred.normalize.reconcile.verify import document_status, unproven_reasons, verify

    result.facts = verify(result.facts, result.checks, lines)
    proof = document_status(result.facts, result.checks)
    if proof.status == "unverified":      # the reason its figures cannot be proven, not only in docs/checks.md
        warnings.extend(unproven_reasons(result.facts, result.checks, lines))
    record.n_facts, record.n_verified, record.verified_share = len(result.facts), proof.n_verified, proof.verified_share
    record.n_failed_checks, record.status = proof.n_failed_checks, proof.status
    record.warnings = "; ".join(dict.fromkeys(warnings))
    return result


def _unread_pages(document: Document, shown: int = 1) -> str:
    """Why pages gave no text (no text layer under --ocr never, ...), for the error of a document with nothing found."""
    unread = [p for p in document.pages if not p.lines and p.warnings]
    if not unread:
        return ""
    notes = [p.warnings[0] for p in unread[:shown]]
    if len(unread) > shown:
        notes.append(f"{len(unread) - shown} more of the {len(document.pages)} pages likewise")
    return "".join(f"; {n}" for n in notes)


def _fact(record: DocumentRecord, statement: str, item: str, label: str, label_raw: str, period: int | None,
          column: str, amount: Amount, unit: str, line: Line, table: int, row: int, *, confidence: float,
          note: int | None = None, is_total: bool = False, box: Box | None = None, scope: str = "entity",
          readings: int = 1) -> Fact:
    """One printed amount as a fact: kronor, the rounding it stands for, and where it was printed."""
    return Fact(
        doc_id=record.doc_id, statement=statement, item=item, label=label, label_raw=label_raw, period=period,
        column=column, value_sek=float(amount.value * UNITS[unit]), printed=amount.printed, unit=unit,
        page=line.page, line=line.number, note=note, confidence=round(confidence, 3),
        tolerance_sek=tolerance(amount.decimals, unit), table=table, row=row, is_total=is_total,
        organisation=record.organisation, fiscal_year=record.fiscal_year, scope=scope, readings=readings,
        x0=box.x0 if box else None, top=box.top if box else None, x1=box.x1 if box else None,
        bottom=box.bottom if box else None)


def _table_facts(table: Table, t_index: int, unit: str | None, record: DocumentRecord, repair, measures,
                 warnings: list[str], own_units: bool = False, unread: list[Row] | None = None) -> list[Fact]:
    """The table's figures as facts in its unit; a row whose label names a unit ("Årets resultat, mkr") is
    in that one, and in a table that declares none (own_units) so is a row whose cells print one
    ('… ett överskott på 17 mkr.'). With no unit for the table (None) the other rows are left out (into
    unread), as are rows whose cells print units that disagree or that no Fact unit expresses; in a
    table that declares its unit, a row whose line prints another is left out with a warning."""
    out = []
    cursor: dict[int, int] = {}                  # per line: the word after the last figure found on it
    for r_index, row in enumerate(table.rows):
        if not row.has_values or not row.label:
            continue
        label = repair(row.label) if repair else row.label
        label, row_unit = _row_unit(label)
        if row_unit is None:                     # the line reader may have cut the unit already
            _, row_unit = _row_unit(" ".join(row.label_raw.split()))
            if row_unit is not None:
                label = regex.sub(r"\s+i$", "", label)
        if row_unit is None and unit is not None and not own_units:
            # a table that declares its unit: a row whose own line prints another ('… 17 mkr.' in kr) is
            # not in the table's unit, and read in it would be wrong a thousand- or millionfold
            printed = printed_units(_row_lines(row)) - {None}
            if printed - {unit}:
                warnings.append(f"{table.statement}: the figures of '{label}' on page {row.line.page} line "
                                f"{row.line.number} print {', '.join(sorted(printed))}, not the table's {unit}: not read")
                continue
        if _is_measure(label) or _is_measure(row.label_raw):
            measures.append({"doc_id": record.doc_id, "statement": table.statement, "label": label,
                             "values": [v.amount.printed if v else None for v in row.values],
                             "page": row.line.page, "line": row.line.number})
            continue
        if row_unit is None and own_units:
            printed = printed_units(_row_lines(row))
            row_unit = next(iter(printed), None) if len(printed) == 1 else None
            if printed and row_unit is None:     # '12 mkr 3,1 miljarder': no one Fact unit for the row
                if unread is not None:
                    unread.append(row)
                continue
        fact_unit = row_unit or unit
        if fact_unit is None:
            if unread is not None:
                unread.append(row)
            continue
        match = map_item(table.statement, label)
        is_total = match.kind == "total" or is_total_label(label)
        note = table.note if table.statement == "noter" else None
        for col, value in zip(table.header.columns, row.values):
            if value is None:
                continue
            box = None
            if row.line.method != "text":
                box = _cell_box(value.cell) or _printed_box(value.line or row.line, value.amount.printed, cursor)
            out.append(_fact(record, table.statement, match.item, label, row.label_raw, col.period, col.kind,
                             value.amount, fact_unit, value.line or row.line, t_index, r_index,
                             confidence=value.confidence, note=note, is_total=is_total, box=box,
                             scope=row.scope or col.scope,
                             readings=value.readings))
    return out


def _row_lines(row) -> list[Line]:
    return list({id(ln): ln for ln in [row.line, *row.extra_lines,
                                        *(v.line for v in row.values if v is not None and v.line)]}.values())


RESEMBLED = ("oversikt", "resultatrakning", "balansrakning", "kassaflodesanalys", "balanskrav",
             "tillaggsupplysningar", "driftredovisning")
MIN_KNOWN_ROWS = 2


def _headless_tables(sections: list[Section], skip: frozenset[int], fiscal_year: int | None,
                     warnings: list[str]) -> list[tuple[Table, Section]]:
    """Tables standing under no statement heading (a key-figure box, a table of jämförelsestörande
    poster), read when the document has no statement: each is the statement its rows resemble.

    A table counts when at least two of its labelled rows are lines the vocabulary knows
    (normalize/data/items.csv) for one statement, or when its header prints periods and its own
    sums hold. Its figures prove nothing beyond that: unless a caption names its statement, only a
    tie to another table verifies them (`assumed_statement`). Prose with a number in it never forms such a table (the stream reader takes a
    row only from a short label and its figures).
    """
    out: list[tuple[Table, Section]] = []
    for section in sections:
        if section.kind in STATEMENT_KINDS:
            continue
        lines = [ln for ln in section.lines if id(ln) not in skip]
        for table in read_stream_tables(lines, "oversikt", section_period(section, fiscal_year), section.title):
            labelled = [r for r in table.rows if r.has_values and r.label]
            if len(labelled) < MIN_KNOWN_ROWS:
                continue
            # the rows' line names, or what a caption over them names ("Nämnderna redovisar …")
            resembled = _resembles(table)
            statement = resembled or (table.statement if table.statement != "oversikt" else None)
            proven = bool(table.header.lines) and proven_cells(table) > 0
            if statement is None and not proven:
                continue
            if resembled and not table.header.lines and len(table.header.columns) == 1 and \
                    table.header.columns[0].scope == "entity":     # the default: no scope printed either
                # no heading, caption or header: neither the statement, the period nor the column is printed
                warnings.append(f"{resembled}: rows like its lines under no heading, caption or column header "
                                f"(page {labelled[0].line.page}): not read")
                continue
            table.statement = statement or "oversikt"
            if resembled or statement is None:      # no caption names it: its sums prove digits, not the statement
                assumed_statement(table)
            warnings.append(f"{table.statement}: a table under no statement heading (page {labelled[0].line.page}) "
                                  f"read as {table.statement} by its line names")
            out.append((table, section))
    return out


STATEMENTS_APART = ("resultatrakning", "balansrakning", "kassaflodesanalys")
MIN_MOVED_ROWS = 3


def _statement_by_lines(table: Table, warnings: list[str]) -> None:
    """A table under one statement's heading whose lines are another's (a Balansräkning printed on
    the page after the Resultaträkning heading, its own heading lost): at least MIN_MOVED_ROWS of its
    labelled rows are lines of the other statement (normalize/data/items.csv), three times as many
    as are lines of its own."""
    if table.statement not in STATEMENTS_APART:
        return
    labelled = [r.label for r in table.rows if r.has_values and r.label]
    known = {st: sum(1 for label in labelled if map_item(st, label).mapped) for st in STATEMENTS_APART}
    other = max((st for st in STATEMENTS_APART if st != table.statement), key=lambda st: known[st])
    if known[other] >= max(MIN_MOVED_ROWS, 3 * known[table.statement]):
        warnings.append(f"{table.statement}: a table (page {table.rows[0].line.page}) whose lines are the "
                        f"{other}'s read as {other}")
        table.statement = other


def _followed_up(table: Table, warnings: list[str]) -> None:
    """A table read as a budget for its header alone (no statement heading above it) that sets a year's
    outcome beside that year's budget ("Bokslut 2019 | Budget 2019 | Avvikelse 2019 | Bokslut 2018")
    follows the year up, as a statement compared with its budget does (Gnesta's 'Resultaträkning /
    Jämfört med budget 2013'): it is the statement whose lines (normalize/data/items.csv) at least
    MIN_KNOWN_ROWS of its rows are, more than any other's. A budget of years ahead ("Bokslut 2020 |
    Budget 2021 …") names no outcome of a budgeted year and stays a budget."""
    columns = table.header.columns
    if table.statement != "budget" or not ({c.period for c in columns if c.kind == "utfall"}
                                           & {c.period for c in columns if c.kind == "budget"}):
        return
    known = _known_rows(table, STATEMENTS_APART)
    best = max(STATEMENTS_APART, key=lambda st: known[st])
    if known[best] >= MIN_KNOWN_ROWS and all(known[st] < known[best] for st in STATEMENTS_APART if st != best):
        warnings.append(f"budget: a table (page {table.rows[0].line.page}) that sets the year's outcome beside "
                        f"its budget read as the {best}")
        table.statement = best


def _known_rows(table: Table, statements: tuple[str, ...]) -> dict[str, int]:
    """Per statement, how many of the table's rows with figures are its lines (normalize/data/items.csv)."""
    labels = [r.label for r in table.rows if r.has_values and r.label]
    return {st: sum(1 for label in labels if map_item(st, label).mapped) for st in statements}


def _resembles(table: Table) -> str | None:
    """The statement whose lines (normalize/data/items.csv) at least two of the table's rows are; the
    overview first, as a box of key figures holds lines of several statements."""
    known = _known_rows(table, RESEMBLED)
    if known["oversikt"] >= MIN_KNOWN_ROWS:
        return "oversikt"                # key figures of several statements in one box: an overview
    statement = max(RESEMBLED, key=lambda st: known[st])
    return statement if known[statement] >= MIN_KNOWN_ROWS else None


def _overview_of_outcomes(table: Table, doc_type: str) -> None:
    """'Bokslut 2010 | Bokslut 2011 | Bokslut 2012 | Budget 2013' over key figures (Årets resultat,
    Nettoinvesteringar, Låneskuld) outside the statements: the outcomes of several years beside next
    year's budget are an overview, not a budget table (a budget document's own tables stay budget)."""
    if table.statement != "budget" or doc_type == "verksamhetsplan_budget":
        return
    outcome_years = {c.period for c in table.header.columns if c.kind == "utfall"}
    printed = [r.label for r in table.rows if r.label and (r.has_values or r.unreadable)]
    known = sum(1 for label in printed if map_item("oversikt", label).mapped)
    if len(outcome_years) >= 2 and any(t.kind == "kind" for t in _header_toks(table)) and known >= MIN_KNOWN_ROWS:
        table.statement = "oversikt"


def _carry_notes_header(sections: list[Section]) -> dict[int, str]:
    """A notes page that prints its column heads once, above its first note ("Kommunen 2020 Kommunen 2019
    Koncernen 2020 Koncernen 2019" / "Not 1 Verksamhetens intäkter" / rows), heads every note under it that
    prints none of its own: the header line that ends the text before the first note heading is put at
    the head of each such note, until a section of another kind. The unit the caption just above it
    declares ("Noter till resultaträkning … (tkr)") is returned per note section (id) it heads."""
    carried: list[Line] = []
    unit = ""
    units: dict[int, str] = {}
    for section in sections:
        if section.kind != "noter":
            carried = _trailing_header(section.lines) if section.kind == "other" else []
            unit = next((ln.text for ln in (section.lines[-2:-1] if carried else [])
                         if declared_unit(ln.text) and not regex.search(r"\d", ln.text)), "")
            continue
        own = next((ln for ln in section.lines if is_header_text(ln.text) or _row_line(ln)), None)
        if own is not None and is_header_text(own.text):
            carried = []                  # the note prints its own columns: later notes keep to theirs
            continue
        if carried:
            section.lines = carried + section.lines
            if unit:
                units[id(section)] = unit
    return units


def _part_scopes(sections: list[Section]) -> dict[int, str]:
    """A part title that is nothing but one scope ('Sammanställda räkenskaper', 'Kommunkoncernen'), the
    last line of the text before a run of statements, names whose accounts those statements are: the
    scope per statement section (id) of the run, until the next text of another kind."""
    out: dict[int, str] = {}
    scope: str | None = None
    for section in sections:
        if section.kind not in STATEMENT_KINDS:
            titles = [sole_scope(ln.text) for ln in section.lines[-2:]]
            # two scope titles in a row ('Kommunen' / 'Koncernen') are a header's cells, not a part title
            scope = titles[-1] if titles and titles[-1] and not (len(titles) == 2 and titles[0]) else None
            continue
        if scope is not None:
            out[id(section)] = scope
    return out


def _row_line(line: Line) -> bool:
    """A line that prints a figure after words: a row of a table."""
    return bool(regex.search(r"\p{L}.*\d", line.text))


def _trailing_header(lines: list[Line]) -> list[Line]:
    """The column header line a text ends with (one that names its years), or nothing."""
    if not lines or not is_header_text(lines[-1].text) or not any(t.kind == "period" for t in header_tokens(lines[-1].text)):
        return []
    return [lines[-1]]


def _header_toks(table: Table) -> list:
    from arsred.extract.tables.header import header_tokens

    return [t for line in table.header.lines for t in header_tokens(line.text)]


def _scope_from_lines(table: Table, section: Section, part_scope: str | None = None) -> None:
    """A table that names no scope but prints a line only consolidated accounts have (income tax,
    minority share) is the group's: the organisation itself pays no income tax. A company's own
    report (a table holding a line only a company prints, such as Rörelseresultat) pays its own, but
    a minority's share makes any report's table the group's. Under a part title that names the group
    ('Sammanställda räkenskaper' over its Resultaträkning and Kassaflödesanalys) so is every table."""
    if any(c.scope != "entity" for c in table.header.columns):
        return
    named = [section.title] + [ln.text for ln in table.header.lines]
    if any(scope_named(text) or owner_scope(text) for text in named if text):
        return
    blocks = len({(c.period, c.kind) for c in table.header.columns}) < len(table.header.columns)
    if part_scope == "group" and not blocks:
        # (a table whose columns repeat a year holds two blocks, whose scopes one title cannot name)
        table.header = replace(table.header, columns=tuple(replace(c, scope="group") for c in table.header.columns))
        return
    labels = [fold(row.label) for row in table.rows if row.has_values]
    minority = any(fold(row.label).startswith(minority_labels()) for row in table.rows if row.label)
    if not minority and any(label.startswith(company_labels()) for label in labels):
        return
    if minority or any(label.startswith(group_only_labels()) for label in labels):
        table.header = replace(table.header, columns=tuple(replace(c, scope="group") for c in table.header.columns))


def _cell_box(cell: Cell | None) -> Box | None:
    """The printed figure's box on the page: the union of its words' boxes."""
    return Line(1, 1, cell.text, (cell,)).box if cell is not None else None


def _printed_box(line: Line, printed: str, cursor: dict[int, int]) -> Box | None:
    """The box of the words that print the figure, when the reader kept no cell for it (the stream
    reader: one cell a line). A row's figures are read left to right, so the search starts after
    the figure found last on this line; no run of words that prints it exactly gives no box."""
    words = [w for c in line.cells for w in c.words]
    target = "".join(printed.split())
    for i in range(cursor.get(id(line), 0), len(words)):
        text = ""
        for j in range(i, len(words)):
            text += words[j].text
            if text == target:
                run = words[i:j + 1]
                if any(w.box is None for w in run):
                    return None
                cursor[id(line)] = j + 1
                return Line(line.page, line.number, printed, (Cell(printed, 0.0, 0.0, tuple(run)),)).box
            if not target.startswith(text):
                break
    return None


def _is_measure(label: str) -> bool:
    """Ratios, head counts, tax rates, per-inhabitant figures: measures, not amounts of the accounts.
    A share in brackets qualifies the item, not its figures ("Hemlöshet (75%)": the amounts of the
    part the organisation bears)."""
    f = fold(label)
    words = config()["measures"]
    return "%" in regex.sub(r"\(\s*\d+(?:,\d+)?\s*%\s*\)", " ", label) or f.startswith(tuple(fold(w) for w in words["labels"])) or \
        any(fold(p) in f for p in words.get("phrases", ())) or \
        any(regex.search(p, f) for p in words.get("patterns", ()))


def _row_unit(label: str) -> tuple[str, str | None]:
    """A unit printed in the row's label: (label without it, unit) — "Årets resultat i mkr" → mkr."""
    m = regex.search(config()["row_units"]["pattern"], label, flags=regex.I)
    if not m:
        return label, None
    unit = declared_unit(m.group("unit")) or ("mkr" if "miljon" in m.group("unit").casefold() else None)
    if unit is None:
        return label, None
    rest = (label[:m.start()] + label[m.end():]).strip(" ,")
    if m.group().rstrip().endswith(")") and rest.count("(") > rest.count(")"):
        rest += ")"                      # "(inklusive löneskatt, mnkr)": the parenthesis stays closed
    return rest, unit


def _money_facts(blocks, record, repair, t_index) -> list[Fact]:
    out = []
    previous = None
    for r_index, block in enumerate(blocks):
        if previous is not None and (block.initiative != previous.initiative or block.line.number - previous.line.number > 8):
            t_index += 1                                   # each initiative's block is a table of its own
        previous = block
        initiative = repair(block.initiative) if repair else block.initiative
        line_label = repair(block.label) if repair else block.label
        match = map_item("budget", line_label)
        item = match.item if match.mapped else f"bu.{block.column}"
        out.append(_fact(record, "budget", item, f"{initiative}: {line_label}",
                         f"{block.initiative}: {block.line.text.strip()}", block.period, block.column,
                         block.amount, block.unit, block.line, t_index, r_index, confidence=block.line.confidence))
    return out


def _year_list_facts(lines, fiscal_year, record, repair, t_index, skip) -> list[Fact]:
    """A list of allocations by year: past years are outcomes, next year the budget, later a forecast."""
    out = []
    previous = None
    for r_index, row in enumerate(r for r in find_year_lists(lines) if id(r.line) not in skip):
        if previous is not None and (row.period <= previous.period or row.line.number - previous.line.number > 4):
            t_index += 1
        previous = row
        label = repair(row.title) if repair else row.title
        label = _row_unit(label)[0]              # "Årets resultat, mnkr": the unit is the row's, not its name
        if fiscal_year is None or row.period <= fiscal_year:
            column = "utfall"
        elif row.period == fiscal_year + 1:
            column = "budget"
        else:
            column = "prognos"
        out.append(_fact(record, "oversikt", map_item("oversikt", label).item, label, row.line.text.strip(),
                         row.period, column, row.amount, row.unit, row.line, t_index, r_index,
                         confidence=row.line.confidence))
    return out


def _text_facts(lines: list[Line], record: DocumentRecord, stated_year: int | None, repair,
                warnings: list[str]) -> list[Fact]:
    """Amounts stated in key-figure lines and sentences (extract/text_figures.py), read only when the
    document has no statement table: weaker than a table's figures, so each is marked `source = text`
    and the document warns where they came from. A sentence without a year of its own takes the
    report's year only when the report states it (a title), never the commonest year of the text. A sign
    given only in words ("ett underskott om 43 mkr") sets `meant_value_sek` and names the word in `decided_by`."""
    from arsred.extract.text_figures import read_text_figures

    out = []
    for r_index, fig in enumerate(read_text_figures(lines, stated_year, record.doc_type)):
        label = repair(fig.label) if repair else fig.label
        fact = replace(_fact(record, fig.statement, fig.item, label, fig.label_raw, fig.period, fig.column,
                             fig.amount, fig.unit, fig.line, 0, r_index, confidence=fig.line.confidence,
                             scope=fig.scope), source="text")
        if fig.sign_word:        # "ett underskott om 43 mkr": value_sek as printed, the meaning beside it
            fact = replace(fact, meant_value_sek=fig.meant_sek, decided_by=f"sign in words: {fig.sign_word}")
        out.append(fact)
    if out:
        where = ", ".join(dict.fromkeys(f"p.{f.page} l.{f.line}" for f in out))
        warnings.append(f"{len(out)} figures read from running text and key-figure lines, not from a statement "
                        f"table ({where}): weaker, unverified unless the statements' arithmetic proves them")
    return out


def _text_disagreements(lines: list[Line], record: DocumentRecord, stated_year: int | None,
                        facts: list[Fact]) -> list[str]:
    """Where the text states a known line's amount ("Årets resultat blev 12,3 mnkr") and a statement
    table prints the same line, period, column and scope, the table's figure stands; one that differs
    beyond both roundings is a warning, never a second fact."""
    from arsred.extract.text_figures import read_text_figures
    from arsred.normalize.items import is_canonical

    by_line: dict[tuple, list[Fact]] = {}
    for f in facts:
        by_line.setdefault((f.item.split(".", 1)[-1], f.period, f.column, f.scope), []).append(f)
    out = []
    for fig in read_text_figures(lines, stated_year, record.doc_type):
        if not is_canonical(fig.item):
            continue
        printed = by_line.get((fig.item.split(".", 1)[-1], fig.period, fig.column, fig.scope))
        if not printed:
            continue
        value = float(fig.amount.value * UNITS[fig.unit])
        tol = tolerance(fig.amount.decimals, fig.unit)
        if any(abs(abs(value) - abs(f.value_sek)) <= tol + f.tolerance_sek for f in printed):   # costs print either sign
            continue
        f = printed[0]
        out.append(f"text p.{fig.line.page} l.{fig.line.number} states {fig.label} {fig.period} {fig.column} = "
                   f"{fig.amount.printed} {fig.unit}, but the {f.statement} table prints {f.printed} {f.unit} "
                   f"(p.{f.page} l.{f.line}); the table's figure is kept")
    return out


def _within_any_body(facts: list[Fact], warnings: list[str]) -> list[Fact]:
    """Facts no larger than any body of the genre prints; a larger one is a misreading (cells run
    together: 'Rörelseresultat 142 702 120 772' is two years in tkr, not 142 702 billion) and is left out."""
    from arsred.normalize.units import largest_amount_sek

    largest = largest_amount_sek()
    for f in facts:
        if abs(f.value_sek) > largest:
            warnings.append(f"{f.statement}: the figure '{f.printed}' of '{f.label}' on page {f.page} line {f.line} "
                            f"is {abs(f.value_sek):.3g} kr, larger than any public body prints: a misreading, left out")
    return [f for f in facts if abs(f.value_sek) <= largest]


def _dedupe(facts: list[Fact]) -> list[Fact]:
    """A report printed twice in one file yields each fact once (the first printing).

    Two facts are one when another table of the same statement holds the same amount in
    the same period and column under a label that reads alike (the two printings may carry
    different OCR damage, so labels are compared fuzzily, never within one table).
    """
    from rapidfuzz import fuzz

    kept: dict[tuple, list[Fact]] = {}
    out = []
    for f in facts:
        key = (f.statement, f.note, f.period, f.column, f.value_sek)
        label = fold(f.label)
        twins = kept.setdefault(key, [])
        if any(t.table != f.table and fuzz.ratio(fold(t.label), label) >= 85 for t in twins):
            continue
        twins.append(f)
        out.append(f)
    return out


def _span(s: Section) -> SectionSpan:
    (sp, sl), (ep, el) = s.start, s.end
    return SectionSpan(s.kind, s.title, sp, sl, ep, el, s.note)


def _reconcile(result: DocumentResult, lines: list[Line], nil_rows: dict[int, frozenset[int]]) -> None:
    from arsred.normalize.reconcile import one_row_per_failure, reconcile

    checks, result.facts = reconcile(result.facts, lines=lines, fiscal_year=result.record.fiscal_year,
                                     doc_type=result.record.doc_type, nil_rows=nil_rows)
    result.checks = one_row_per_failure(checks)


def _nil_rows(table: Table) -> frozenset[int]:
    """Rows that print a dash and nothing else in every cell ('Förändring av periodiseringsfonder – – – –'):
    nil amounts, a line of the table and not a heading (no figure of theirs becomes a fact)."""
    out = set()
    for r_index, row in enumerate(table.rows):
        if row.has_values or not row.label:
            continue
        rest = row.line.text.replace(row.label_raw, " ", 1) if row.label_raw else row.line.text
        tokens = " ".join([rest] + [ln.text for ln in row.extra_lines]).split()
        if tokens and all(t.strip(MINUS) == "" for t in tokens):
            out.add(r_index)
    return frozenset(out)


def _skip_checks_on_unreadable(result: DocumentResult, tables: list[tuple[int, Table]], warnings: list[str]) -> None:
    """A figure OCR could not read, or one whose line name the page lost, is unknown, not missing: a
    failing check over its column is skipped, not failed — except a total of the rows above it when
    the unknown figure stands below the total: a figure printed after it is no term of it (a figure
    whose line name was lost higher up may belong to any row below it; a roll or a definition may
    take its terms from anywhere in the column)."""
    unknown: dict[tuple[int, str, int | None], list[tuple[int, str]]] = {}
    for t_index, table in tables:
        for r_index, row in enumerate(table.rows):
            if row.label and (_is_measure(row.label) or _is_measure(row.label_raw)):
                continue            # a ratio or a tax rate is no amount: the amounts of its columns are known
            where = f"page {row.line.page} line {row.line.number}"
            if row.has_values and not row.label:    # figures whose line name the page lost: not emitted
                for k, value in enumerate(row.values):
                    if value is not None and k < len(table.header.columns):
                        col = table.header.columns[k]
                        unknown.setdefault((t_index, col.kind, col.period), []).append((r_index, where))
                warnings.append(f"{table.statement}: figures on {where} have no line name and are left out")
            for k in row.unreadable:
                col = table.header.columns[k]
                unknown.setdefault((t_index, col.kind, col.period), []).append((r_index, where))
                warnings.append(f"{table.statement}: a figure of '{row.label}' ({col.kind} {col.period}) on {where} "
                                "could not be read")
    if not unknown:
        return
    checks = []
    for c in result.checks:
        hits = _unknown_within(c.facts, unknown, c.check == "sum_rows") if c.status == "fail" else []
        if hits:
            told = (f"a figure of this column on {hits[0]} could not be read" if len(hits) == 1 else
                    f"figures of this column on {', '.join(hits[:-1])} and {hits[-1]} could not be read")
            c = replace(c, status="skipped", message=f"{c.message} ({told})")
        checks.append(c)
    result.checks = checks


_FACT_KEY = regex.compile(r"^t(\d+)r(\d+)[^:]*:([^:]*):(.*)$")


def _unknown_within(fact_keys, unknown: dict[tuple[int, str, int | None], list[tuple[int, str]]],
                    total_of_rows_above: bool) -> list[str]:
    """Where the unknown figures stand in a column of a check's figures ('t3r7:utfall:2022' is table 3,
    row 7) — for a total of the rows above it, only above its last row; every one, so that the message
    names the figure that breaks the sum and not only the first unknown one of the column."""
    spans: dict[tuple[int, str, int | None], list[int]] = {}
    for key in fact_keys:
        m = _FACT_KEY.match(key)
        if not m:
            continue
        period = int(m.group(4)) if m.group(4).lstrip("-").isdigit() else None
        spans.setdefault((int(m.group(1)), m.group(3), period), []).append(int(m.group(2)))
    return list(dict.fromkeys(where for column, rows in spans.items() for r_index, where in unknown.get(column, ())
                              if r_index <= max(rows) or not total_of_rows_above))


def _goals(result: DocumentResult, document: Document, repair) -> None:
    from arsred.extract.goals import find_goals

    try:
        result.goals = find_goals(document, result.facts, organisation=result.record.organisation,
                                  fiscal_year=result.record.fiscal_year)
    except Exception as exc:  # goals are a side table: a failure there must not lose the amounts
        log.exception("goal extraction failed on %s", document.path)
        result.record.warnings = f"goal extraction failed: {exc}"


def _tie_goals(result: DocumentResult) -> None:
    """Financial goals whose outcome restates a statement amount name that fact; a mismatch is a warning check."""
    from arsred.normalize.reconcile.goal_ties import tie_goals

    try:
        result.goals, ties = tie_goals(result.goals, as_meant(result.facts), result.record.fiscal_year,
                                       existing=result.checks)      # a goal's outcome restates the meaning
        result.checks = list(result.checks) + ties
    except Exception:  # a side check: never lose the goals or the amounts over it
        log.exception("goal ties failed on %s", result.record.path)


def run_paths(paths: list[str | Path], options: Options | None = None) -> list[DocumentResult]:
    """Serial convenience for tests and notebooks (the batch runner adds parallelism and caching)."""
    return [process_document(str(p), options) for p in paths]
