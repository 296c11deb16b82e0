"""Units to kronor, and tables whose declared unit the document itself contradicts.

A statement that says "Belopp i kr." over 3 754 while the same report states 3 754 000
kronor in prose or in its kronor overview is in tkr: the evidence is counted, and the
warning names it. A table that declares nothing is read only in a unit the report gives evidence
for: its figures printed again in a table that declares its unit, amounts the text states in kronor,
the unit of the report's statements (for statements and notes, which it covers), a line whose size
a kommun's accounts bound (data/unit_bounds.toml: Skatteintäkter), or a size that fits one unit
(TKR_BELOW for statements; a förbund's million, KRONOR_FROM). A table without such evidence is left
out (its rows that print their own unit are still read), with a warning naming it.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

import regex
import tomllib
from arsred.extract.document import Line
from arsred.extract.sections import fold
from arsred.extract.tables import Table
from arsred.normalize.facts import UNITS

PROSE_KR = regex.compile(r"(?<![\d,])(\d{1,3}(?:[ \u00a0]\d{3})+|\d{4,})(?![\d,])\s*(?:kr\b|kronor\b|sek\b)", regex.I)
STATEMENTS_IN_REPORT_UNIT = ("resultatrakning", "balansrakning", "kassaflodesanalys", "noter",
                             "driftredovisning", "balanskrav")


@dataclass(frozen=True)
class UnitDecision:
    declared: str | None
    unit: str | None     # None: the unit cannot be told, and the table's figures are left out
    warning: str = ""


# Without a declared unit, the report's unit or evidence in its text, a statement whose largest figure
# is below TKR_BELOW reads as tkr; above it (107 666: a förbund's result in kronor, or a kommun's in
# tkr) the size tells nothing, and the figures are left out rather than read a thousandfold wrong —
# unless the body is a förbund and its largest figure at least KRONOR_FROM (a billion in tkr).
TKR_BELOW = 100_000
KRONOR_FROM = 1_000_000


def prose_kronor(lines: list[Line]) -> list[tuple[int, Line]]:
    """Amounts the text states in kronor (≥ 10 000), with their line."""
    out = []
    for line in lines:
        for m in PROSE_KR.finditer(line.text):
            v = int(regex.sub(r"\D", "", m.group(1)))
            if v >= 10_000:
                out.append((v, line))
    return out


def _values(table: Table) -> list[Decimal]:
    return [v.amount.value for r in table.rows for v in r.values if v is not None]


def decide_units(tables: list[tuple[Table, str | None]], evidence: list[tuple[int, Line]],
                 kind: str = "") -> list[UnitDecision]:
    """One decision per (table, declared unit), in order; kind is the organisation's ('forbund', 'kommun',
    'region', '' unknown)."""
    decisions: list[UnitDecision | None] = [None] * len(tables)
    mislabelled_reason = ""
    for i, (table, declared) in enumerate(tables):
        if declared != "kr" or table.statement not in STATEMENTS_IN_REPORT_UNIT:
            continue
        vals = [abs(v) for v in _values(table) if abs(v) >= 100 and v == v.to_integral_value()]
        as_tkr, as_kr = [], []
        for v in vals:
            for amount, line in evidence:
                if abs(int(v) * 1000 - amount) <= 500:
                    as_tkr.append((v, amount, line))
                if int(v) == amount:
                    as_kr.append(v)
        if as_tkr and len(as_tkr) > len(as_kr):
            v, amount, line = as_tkr[0]
            mislabelled_reason = (f"declares kr but its {v:,} matches {amount:,} kronor stated on page "
                                  f"{line.page} line {line.number}; read as tkr").replace(",", " ")
            decisions[i] = UnitDecision("kr", "tkr", f"{table.statement}: {mislabelled_reason}")
    report_unit = _report_unit(tables, decisions)
    bounded = _bounded_unit(tables)
    for i, (table, declared) in enumerate(tables):
        if decisions[i] is not None:
            continue
        vals = [abs(v) for v in _values(table)]
        big = bool(vals) and max(vals) >= TKR_BELOW
        if declared == "kr" and mislabelled_reason and table.statement in STATEMENTS_IN_REPORT_UNIT and not big:
            decisions[i] = UnitDecision("kr", "tkr", f"{table.statement}: declares kr like the statement that "
                                                     f"{mislabelled_reason}")
        elif declared and declared not in UNITS:       # billions: no fact carries the unit
            decisions[i] = UnitDecision(declared, None, f"{table.statement}: '{table.title}' declares its amounts in "
                                                        f"{declared}, a unit facts are not read in: its figures are left out")
        elif declared:
            decisions[i] = UnitDecision(declared, declared)
        elif table.statement not in STATEMENTS_IN_REPORT_UNIT:
            decisions[i] = _evidenced_unit(table, tables, evidence, kind)
        elif big:
            decisions[i] = _statement_unit(table, tables, evidence, kind, report_unit, bounded)
        elif report_unit:
            decisions[i] = UnitDecision(None, report_unit)
        elif any(v.amount.decimals for r in table.rows for v in r.values if v is not None):
            # tkr are printed whole; a statement printed with decimals and no unit is in millions
            decisions[i] = UnitDecision(None, "mkr", f"{table.statement}: no unit declared; read as mnkr "
                                                     f"(its figures carry decimals, as amounts in millions do)")
        elif bounded:
            decisions[i] = UnitDecision(None, bounded[0], f"{table.statement}: no unit declared; read as "
                                                          f"{bounded[0]}: {bounded[1]}")
        else:
            # whole figures under 100 000 are too small for kronor but fit tkr and mkr alike (a company's
            # 'Hyresintäkter 1 103' is 1,1 billion): without the report's word the unit is unknown
            largest_figure = max(vals, default=0)
            decisions[i] = UnitDecision(None, None, f"{table.statement}: no unit declared, and its whole figures "
                                                    f"(the largest {largest_figure:,}) read as well in tkr as in mkr: "
                                                    "its figures that print no unit of their own are left out"
                                        .replace(",", " "))
    return [d for d in decisions if d is not None]


def _statement_unit(table: Table, tables: list[tuple[Table, str | None]], evidence: list[tuple[int, Line]],
                    kind: str, report_unit: str | None, bounded: tuple[str, str] | None) -> UnitDecision:
    """The unit of a statement or note with figures of 100 000 or more that declares none: the evidence of
    `_evidenced_unit`; failing it, the unit the report's statements declare (it covers their notes), or
    the one unit in which the lines a body's size bounds fit (unit_bounds.toml); else left out."""
    decided = _evidenced_unit(table, tables, evidence, kind)
    if decided.unit is not None:
        return decided
    if report_unit:
        return UnitDecision(None, report_unit, f"{table.statement}: no unit declared; read as {report_unit}, "
                                               "the unit the report's statements declare")
    if bounded:
        return UnitDecision(None, bounded[0], f"{table.statement}: no unit declared; read as {bounded[0]}: "
                                              f"{bounded[1]}")
    return decided


def _evidenced_unit(table: Table, tables: list[tuple[Table, str | None]],
                    evidence: list[tuple[int, Line]], kind: str) -> UnitDecision:
    """The unit of an overview or budget table that declares none, from evidence only: its figures
    printed again under the same label and year in a table that declares its unit (the overview's
    Årets resultat 236 500 beside the statement's 237 tkr), figures the text states in kronor, or a
    size no unit but kronor gives a förbund's accounts (KRONOR_FROM; unit_bounds.toml [kronor_by_size]:
    in tkr 1 722 000 would be a billion). Without evidence the unit is None:
    the figures that print no unit of their own are left out, and the warning says why."""
    where = f"'{table.title}'" + (f" (page {table.rows[0].line.page} line {table.rows[0].line.number})"
                                   if table.rows else "")
    tied = _tied_units(table, tables)
    if len(tied) == 1:
        unit, (label, printed, other) = next(iter(tied.items()))
        return UnitDecision(None, unit, f"{table.statement}: {where} declares no unit; read as {unit}: its "
                                        f"{label} {printed} is {other} in a table that declares its unit")
    stated = _stated_units(table, evidence)
    if not tied and len(stated) == 1:
        unit, (printed, amount, line) = next(iter(stated.items()))
        return UnitDecision(None, unit, f"{table.statement}: {where} declares no unit; read as {unit}: its "
                                        f"{printed} is the {amount:,} kronor stated on page {line.page} line "
                                        f"{line.number}".replace(",", " "))
    vals = [abs(v) for v in _values(table)]
    largest = max((v.amount for r in table.rows for v in r.values if v is not None),
                  key=lambda a: abs(a.value), default=None)
    largest_printed = largest.printed.lstrip("-−– ") if largest is not None else "0"
    by_size = kind in _kronor_by_size()
    if not tied and not stated and vals and max(vals) >= KRONOR_FROM and by_size:
        return UnitDecision(None, "kr", f"{table.statement}: {where} declares no unit; read as kr (its largest "
                                        f"figure, {largest_printed}, is too large for a {kind}'s figures in tkr)")
    why = ("its figures tie to tables in different units" if len(tied) > 1 else
           "its figures match amounts the text states in different units" if len(stated) > 1 else
           f"nothing in the report tells it (no figure printed again in a table that declares a unit, none "
           f"stated in kronor in the text, and its largest figure, {largest_printed}, can be read as well in kronor "
           "as in tkr" + ("" if by_size or max(vals, default=0) < KRONOR_FROM else
                          " for a body not known to be a förbund") + ")")
    return UnitDecision(None, None, f"{table.statement}: {where} declares no unit, and {why}: its figures that "
                                    "print no unit of their own are left out")


def _tied_units(table: Table, tables: list[tuple[Table, str | None]]) -> dict[str, tuple[str, str, str]]:
    """Units under which a non-zero figure of the table equals, within the rounding of both, the figure
    printed under the same label, year and column in a table that declares its unit; one example each."""
    own = {(fold(r.label), c.period, c.kind): v.amount for r in table.rows if r.label
           for c, v in zip(table.header.columns, r.values) if v is not None and v.amount.value != 0}
    out: dict[str, tuple[str, str, str]] = {}
    for other, declared in tables:
        if other is table or declared is None or declared not in UNITS:
            continue
        for r in other.rows:
            for c, v in zip(other.header.columns, r.values):
                mine = own.get((fold(r.label), c.period, c.kind)) if r.label and v is not None else None
                if mine is None or v is None:
                    continue
                theirs = float(v.amount.value) * UNITS[declared]
                slack = tolerance(v.amount.decimals, declared)
                for unit, scale in UNITS.items():
                    if abs(float(mine.value) * scale - theirs) <= slack + tolerance(mine.decimals, unit):
                        out.setdefault(unit, (r.label, mine.printed, f"{v.amount.printed} {declared}"))
    return out


def _stated_units(table: Table, evidence: list[tuple[int, Line]]) -> dict[str, tuple[str, int, Line]]:
    """Units under which figures of the table are amounts the text states in kronor (within the figure's
    rounding), with one example each: two figures, or one of four significant digits or more
    ('3 754 000' is no coincidence; '120' beside '120 000 kronor' may be)."""
    found: dict[str, dict[str, tuple[str, int, Line]]] = {}
    for r in table.rows:
        for v in r.values:
            if v is None or abs(v.amount.value) < 100:
                continue
            for amount, line in evidence:
                for unit, scale in UNITS.items():
                    if abs(abs(float(v.amount.value)) * scale - amount) <= tolerance(v.amount.decimals, unit):
                        found.setdefault(unit, {}).setdefault(v.amount.printed, (v.amount.printed, amount, line))
    return {unit: next(iter(figures.values())) for unit, figures in found.items()
            if len(figures) >= 2 or any(len(_digits(p).rstrip("0")) >= STATED_DIGITS for p in figures)}


STATED_DIGITS = 4


def _digits(printed: str) -> str:
    return regex.sub(r"\D", "", printed).lstrip("0")


BOUNDS_TOML = Path(__file__).parent / "data" / "unit_bounds.toml"


@cache
def _bounds_data() -> dict:
    """unit_bounds.toml, read once."""
    with BOUNDS_TOML.open("rb") as fh:
        return tomllib.load(fh)


@cache
def _bounds() -> dict[str, tuple[float, float]]:
    return {r["item"]: (float(r["min_sek"]), float(r["max_sek"])) for r in _bounds_data().get("line", [])}


def largest_amount_sek() -> float:
    """The bound no amount of the genre reaches (unit_bounds.toml [any_amount])."""
    return float(_bounds_data()["any_amount"]["max_sek"])


@cache
def _kronor_by_size() -> frozenset[str]:
    return frozenset(_bounds_data().get("kronor_by_size", {}).get("kinds", []))


def _bounded_unit(tables: list[tuple[Table, str | None]]) -> tuple[str, str] | None:
    """The one unit in which every line of known size the report's undeclared statements print
    (unit_bounds.toml: a kommun's or region's Skatteintäkter) has a size such a body can have:
    "Skatteintäkter 541 311" is 0,5 mnkr in kronor, 541 mnkr in tkr, 541 billion in mnkr — only
    tkr is a kommun's tax income. None when no such line is printed or more than one unit fits."""
    from arsred.normalize.items import map_item

    bounds = _bounds()
    fits: set[str] | None = None
    seen: list[str] = []
    for table, declared in tables:
        if declared or table.statement not in STATEMENTS_IN_REPORT_UNIT:
            continue
        for row in table.rows:
            item = map_item(table.statement, row.label).item if row.label else ""
            if item not in bounds:
                continue
            lo, hi = bounds[item]
            for v in row.values:
                if v is None or v.amount.value == 0:
                    continue
                ok = {u for u in ("kr", "tkr", "mkr") if lo <= abs(float(v.amount.value)) * UNITS[u] <= hi}
                fits = ok if fits is None else fits & ok
                seen.append(f"{row.label} {v.amount.printed}")
    if fits is None or len(fits) != 1:
        return None
    unit = fits.pop()
    return unit, (f"{', '.join(seen[:2])} is the size of a kommun's or region's line only in {unit} "
                  "(normalize/data/unit_bounds.toml)")


def _report_unit(tables, decisions) -> str | None:
    for (table, declared), d in zip(tables, decisions):
        if table.statement in ("resultatrakning", "balansrakning") and (d or declared):
            return d.unit if d else declared
    return None


def tolerance(decimals: int, unit: str) -> float:
    """Half a unit of the last printed digit, in kronor."""
    from arsred.normalize.facts import UNITS
    return 0.5 * UNITS[unit] / (10 ** decimals)
