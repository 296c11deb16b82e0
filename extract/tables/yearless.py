"""Tables whose header prints no year ("Bokslut | Delårsrapport jan–aug | Avvikelse"): their columns
take the year of the section's title or the document (`statements.section_period`), which only the
table's own deviation column can confirm (`proof.column_identity_rows`), row by row."""
from __future__ import annotations

from arsred.extract.sections import YEAR
from arsred.extract.tables.header import row_statement
from arsred.extract.tables.lines import Table
from arsred.extract.tables.proof import column_identity_rows, proven_cells

OUTCOME_KINDS = ("utfall", "prognos")
MIN_IDENTITY_ROWS = 2


def kept_off_statement(table: Table, doc_type: str) -> bool:
    """A table outside the statements (member contributions in the förvaltningsberättelse) is kept
    only when its own sum proves it and it has a header, or, with none, names its columns' kinds
    and its deviation holds (`_named_without_year`). Such a yearless table of outcomes whose rows
    are the committees is read as their driftredovisning (`_yearless_statement`)."""
    yearless = not table.header.lines and _named_without_year(table)
    if not ((table.header.lines or yearless) and proven_cells(table) > 0):
        return False
    if yearless:
        _yearless_statement(table, doc_type)
    return True


def years_unsettled(table: Table, warnings: list[str]) -> bool:
    """A header that prints no year but names a deviation column, whose deviation most rows break
    ("Bokslut | Prognos | Avvikelse" in an interim report: the bokslut is the year before's, the
    deviation the forecast's against a budget not printed): its columns are not all the year they
    were given, so the table is to be left out, said so in `warnings`."""
    if any(YEAR.search(line.text) for line in table.header.lines):
        return False
    held, broken = column_identity_rows(table)
    if broken <= held:
        return False
    kinds = " | ".join(c.kind for c in table.header.columns)
    warnings.append(f"{table.statement}: a table whose header prints no year ({kinds}) breaks its deviation on "
                    f"{broken} of {held + broken} rows: its columns' years are not settled, its figures left out")
    return True


def _named_without_year(table: Table) -> bool:
    """A header that names its columns' kinds, one reckoned from two others ("Bokslut | Delårsrapport
    jan–aug | Avvikelse", "Budget | Utfall | Avvikelse"), but prints no year: its columns take the
    year of the section's title or the document (`section_period`), kept only when there is one and
    the deviation holds on every row that prints it, two at least (a "Bokslut" of the year before
    beside this year's forecast and budget would break it)."""
    held, broken = column_identity_rows(table)
    return held >= MIN_IDENTITY_ROWS and not broken and all(c.period is not None for c in table.header.columns)


def _yearless_statement(table: Table, doc_type: str) -> None:
    """A yearless table of outcomes whose rows are the committees is their driftredovisning (a
    budget's table of them stays budget)."""
    if doc_type == "verksamhetsplan_budget" or not any(c.kind in OUTCOME_KINDS for c in table.header.columns):
        return
    named = row_statement([r.label for r in table.rows if r.has_values and r.label])
    if named:
        table.statement = named
