"""How much of a table its own arithmetic proves, and which reading of a section stands: the one whose
columns are told apart and whose figures the arithmetic proves more of."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from decimal import Decimal

import regex
from arsred.extract.sections import YEAR
from arsred.extract.tables.lines import Table
from arsred.extract.tables.settle import Arithmetic, Candidate, RowChoice, identity_holds, participants


def proven_cells(table: Table) -> int:
    """Figures that are the total of a run of rows above them, or a column reckoned from two others.

    Only identities among labelled rows count: a figure left without its label never reaches the
    output, so a sum over it proves nothing the reading delivers (a reader that split "Ökning av
    fordringar" from its figure on the next line must not win by the sums of the orphans)."""
    from arsred.extract.tables.stream import _column_pairs

    n = len(table.header.columns)
    rows = []
    for row in table.rows:
        cells = tuple((v.amount, None) if v is not None else None for v in (list(row.values) + [None] * n)[:n])
        rows.append(RowChoice([Candidate(None, cells)]))
    if not rows:
        return 0
    decimals = max((v.amount.decimals for r in table.rows for v in r.values if v is not None), default=0)
    arith = Arithmetic(rows, table.header.columns, 10 ** decimals, _column_pairs(list(table.header.columns)))
    labelled = {r for r, row in enumerate(table.rows) if row.label}
    keys: set[str] = set()
    for r in range(len(rows)):
        keys |= {k for k in arith.holds_for(r, 0) if not k.startswith("!") and participants(k, r) <= labelled}
    return len(keys)


def column_identity_rows(table: Table) -> tuple[int, int]:
    """(rows whose column identity holds, rows that print all its figures and break it): avvikelse =
    utfall − prognos holding row by row shows the columns it links are one year's."""
    from arsred.extract.tables.stream import _column_pairs

    pairs = _column_pairs(list(table.header.columns))
    held = broken = 0
    for row in table.rows:
        if not row.label:
            continue
        for x, a, b in pairs:
            vals = [row.values[k] if k < len(row.values) else None for k in (x, a, b)]
            if any(v is None for v in vals):
                continue
            tol = max(Decimal(1).scaleb(-v.amount.decimals) for v in vals)      # type: ignore[union-attr]
            r, y, z = (v.amount.value for v in vals)                            # type: ignore[union-attr]
            if identity_holds(r, y, z, tol):
                held += 1
            else:
                broken += 1
    return held, broken


def figures(tables: list[Table]) -> int:
    return sum(1 for t in tables for r in t.rows if r.label for v in r.values if v is not None)


YEAR_IN_TEXT = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
ASSUMED_READINGS = 2      # a column the header did not print could have stood for another year


def choose(line_tables: list[Table], stream_tables: list[Table], flat: bool) -> list[Table]:
    """The reading the arithmetic proves more of, its assumed columns marked unproven (`assumed`)."""
    return [assumed(t) for t in _choose(line_tables, stream_tables, flat)]


def assumed(table: Table) -> Table:
    """A table whose columns no printed header names (the report's year and the ones before it,
    as many as most rows print) was read under an assumption that no sum inside it can test:
    every check over one table holds whichever years its columns stand for. Its figures carry
    `readings` ≥ 2, so that only a tie to another table proves them (normalize/reconcile/verify.py).
    Years the table's title prints name its columns."""
    if table.header.lines or _titled(table):
        return table
    return _unproven_inside(table)


def assumed_statement(table: Table) -> Table:
    """A table under no statement heading whose header names no kind of column either (years alone):
    its statement and its columns' kind are taken from what its rows resemble or from the default
    for such tables (budget), an assumption no sum inside it can test (a note's rows add up as a
    budget table's would). Its figures carry `readings` ≥ 2, so that only a tie to another table
    proves them (normalize/reconcile/verify.py)."""
    return _unproven_inside(table)


def _unproven_inside(table: Table) -> Table:
    """Every figure of the table carries `readings` ≥ 2: no check inside the table proves it."""
    for row in table.rows:
        row.values = [replace(v, readings=max(v.readings, ASSUMED_READINGS)) if v is not None else None
                      for v in row.values]
    return table


def _titled(table: Table) -> bool:
    """Columns whose years the table's title prints ("BUDGET 2022", "RESULTATRÄKNING Not 2020
    2019", the heading that is also the header): named, not assumed."""
    printed = set(YEAR_IN_TEXT.findall(table.title or ""))
    return bool(printed) and all(str(c.period) in printed for c in table.header.columns)


def _choose(line_tables: list[Table], stream_tables: list[Table], flat: bool) -> list[Table]:
    """The reading the arithmetic proves more of; on a tie in a flat layout the stream reader's.

    Where the layout keeps cells apart (tabs, aligned columns, PDF positions) the line
    reader knows each figure's column from its place; the stream reader, which does not,
    competes on flat layouts (one cell per line, single spaces, glued cells), and elsewhere
    only where both read the same printed header and its reading proves more: a page whose
    header stands apart but whose rows glue label and figures ("…resultaträkningen3 000-11 708")
    gives the line reader positions that say nothing. Splitting a figure ("13 840" as 13 and
    840) keeps every sum true, so the column count must come from a printed header, not from
    the arithmetic.
    """
    if not stream_tables:
        return line_tables
    if not line_tables or figures(line_tables) == 0:
        return stream_tables
    if not flat:
        return stream_tables if _proves_more_of_the_same_columns(line_tables, stream_tables) else line_tables
    if 2 * figures(line_tables) < figures(stream_tables):
        return stream_tables        # the line reader left most figures without their label: it misread the layout
    if _headed(stream_tables) < _headed(line_tables):
        return line_tables          # columns the line reader found printed, the stream reader only assumed
    if _headed(line_tables) < _headed(stream_tables):
        return stream_tables        # and the other way round
    a = sum(proven_cells(t) for t in line_tables)
    b = sum(proven_cells(t) for t in stream_tables)
    if b > a or (b == a and figures(stream_tables) >= figures(line_tables)):
        return stream_tables
    return line_tables


def _proves_more_of_the_same_columns(line_tables: list[Table], stream_tables: list[Table]) -> bool:
    """Both readers found the same printed columns (count and years) and the stream reader's
    reading proves more figures."""
    if len(line_tables) != len(stream_tables) or not all(t.header.lines for t in line_tables + stream_tables):
        return False
    if any([c.period for c in a.header.columns] != [c.period for c in b.header.columns]
           for a, b in zip(line_tables, stream_tables)):
        return False
    return sum(proven_cells(t) for t in stream_tables) > sum(proven_cells(t) for t in line_tables)


def _headed(tables: list[Table]) -> int:
    """Tables whose columns stand in a printed header (not assumed from the report's year) and
    that read at least one labelled figure under it."""
    return sum(1 for t in tables if t.header.lines and figures([t]))


def choose_reading(line_tables: list[Table], stream_tables: list[Table], flat: bool, warnings: list[str]) -> list[Table]:
    """The tables of a section as read: each reader's tables whose columns are told apart, the reading
    the arithmetic proves more of (`choose`), and a warning for each table left unread."""
    unread: list[tuple[Table, str]] = []
    chosen = choose(_distinct_columns(line_tables, unread), _distinct_columns(stream_tables, unread), flat)
    return _not_read_elsewhere(chosen, unread, warnings)


def _distinct_columns(tables: list[Table], unread: list[tuple[Table, str]]) -> list[Table]:
    """Tables whose columns are told apart. Two columns of one scope, kind and period ('2021 2020
    2021 2020' with no scope named) would put two figures in one place: such a table is not read
    by this reader (added to `unread` with the reason)."""
    out = []
    for table in tables:
        keys = [(c.scope, c.kind, c.period) for c in table.header.columns]
        printed = {int(y) for ln in table.header.lines for y in YEAR.findall(ln.text)}
        if printed and any(c.period not in printed for c in table.header.columns):
            unread.append((table, f"{table.statement}: the table '{table.title}' has more columns than the years "
                                  f"its header prints; its figures are not read"))
            continue
        if len(set(keys)) < len(keys):
            table = _without_full_year(table, keys, table.warnings)
            keys = [(c.scope, c.kind, c.period) for c in table.header.columns]
        if len(set(keys)) < len(keys):
            unread.append((table, f"{table.statement}: the columns of the table '{table.title}' repeat their "
                                  f"periods and name no scope that tells them apart; its figures are not read"))
            continue
        out.append(table)
    return out


def _not_read_elsewhere(chosen: list[Table], unread: list[tuple[Table, str]], warnings: list[str]) -> list[Table]:
    """The warning that a table's figures are not read holds: where one reader left a table unread
    and the other read its rows under a printed header whose columns are told apart, that reading
    stands and nothing is warned; a reading of those rows under columns no header printed (assumed
    from the report's year) is dropped with them, and the warning stands."""
    out = list(chosen)
    for table, message in unread:
        rows = {id(r.line) for r in table.rows if r.has_values}
        overlapping = [t for t in out if rows & {id(r.line) for r in t.rows if r.has_values}]
        if overlapping and all(t.header.lines for t in overlapping):
            continue
        out = [t for t in out if t not in overlapping]
        warnings.append(message)
    return out


def _without_full_year(table: Table, keys: list[tuple], warnings: list[str]) -> Table:
    """A column named as the whole year ("Helår 2022") beside the interim column of the same year
    ("2022-01-01–2022-08-31"): both are that year's utfall, and the output cannot tell them apart,
    so the full-year column is left unread (warned) rather than mixed with the interim one."""
    counts = Counter(keys)
    drop = [k for k, c in enumerate(table.header.columns) if c.full_year and counts[keys[k]] > 1]
    if not drop:
        return table
    keep = [k for k in range(len(keys)) if k not in drop]
    for row in table.rows:
        row.values = [row.values[k] for k in keep if k < len(row.values)]
        row.unreadable = [keep.index(k) for k in row.unreadable if k in keep]
    names = ", ".join(f"{table.header.columns[k].kind} {table.header.columns[k].period}" for k in drop)
    warnings.append(f"{table.statement}: the table '{table.title}' prints the whole year ({names}) beside an "
                    f"interim period of the same year; that column is not read")
    return replace(table, header=replace(table.header, columns=tuple(table.header.columns[k] for k in keep)))


OUTSIZED = 1000     # a figure this many times the largest other figure of its row and its column


def drop_outsized_groupings(table: Table, warnings: list[str]) -> Table:
    """Figures read as one thousands-grouped amount whose groups could each stand as a figure of their
    own ('97 103 103'), a thousand times or more the largest other figure of their row and of their
    column ('Finansiella intäkter 88 87 97 103 103' under a header read as three columns): the row
    prints more figures than the header has columns, not an amount of millions beside two of tens. The
    grouping only fits a column count in doubt, so no figure of the row is read (its figures stand in
    columns that count is wrong about), with a warning."""
    by_column: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)
    for r, row in enumerate(table.rows):
        for k, v in enumerate(row.values):
            if v is not None and v.amount.value:
                by_column[k].append((r, abs(v.amount.value)))
    for r, row in enumerate(table.rows):
        for k, v in enumerate(row.values):
            if v is None or not _groups_stand_alone(v.amount.printed):
                continue
            others = [abs(w.amount.value) for j, w in enumerate(row.values) if j != k and w is not None and w.amount.value]
            others += [x for r2, x in by_column[k] if r2 != r]
            if others and abs(v.amount.value) >= OUTSIZED * max(others):
                row.values = [None] * len(row.values)
                warnings.append(f"{table.statement}: '{row.label}' on page {row.line.page} line {row.line.number} "
                                f"reads '{v.amount.printed}' as one amount, a thousandfold its row's and column's "
                                f"other figures, though each group could be a figure of its own: the row prints "
                                f"more figures than the header has columns; left unread")
                break
    return table


def _groups_stand_alone(printed: str) -> bool:
    """'97 103 103': thousands groups, each of which could be printed as a figure alone (no group after
    the first opens with a 0, as in '1 000 000')."""
    groups = printed.strip().lstrip("-−–+ ").split()
    return len(groups) >= 2 and all(g[:1].isdigit() and not g.startswith("0") for g in groups)
