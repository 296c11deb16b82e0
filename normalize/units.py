"""Units to kronor, and tables whose declared unit the document itself contradicts.

A statement that says "Belopp i kr." over 3 754 while the same report states 3 754 000
kronor in prose or in its kronor overview is in tkr: the evidence is counted, and the
warning names it. Tables that declare nothing take the unit of the report's statements; in a
report that declares none, the figures' size decides where it can (KRONOR_FROM, TKR_BELOW), or
a line whose size a kommun's accounts bound (data/unit_bounds.toml: Skatteintäkter) fits only one
unit; a table whose size fits both is left out.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

import regex
import tomllib
from arsred.extract.document import Line
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


# Without a declared unit, the report's unit or kronor in its text, a table whose largest figure
# is at least KRONOR_FROM reads as kronor and one below TKR_BELOW as tkr; between them (107 666:
# a förbund's result in kronor, or a kommun's in tkr) the size tells nothing, and the figures are
# left out rather than read a thousandfold wrong.
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


def decide_units(tables: list[tuple[Table, str | None]], evidence: list[tuple[int, Line]]) -> list[UnitDecision]:
    """One decision per (table, declared unit), in order."""
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
        elif declared:
            decisions[i] = UnitDecision(declared, declared)
        elif table.statement in ("oversikt", "budget"):
            decisions[i] = UnitDecision(None, "kr" if big or not report_unit else report_unit)
        elif big and not report_unit and not evidence and max(vals) < KRONOR_FROM and bounded \
                and table.statement in STATEMENTS_IN_REPORT_UNIT:
            decisions[i] = UnitDecision(None, bounded[0], f"{table.statement}: no unit declared; read as "
                                                          f"{bounded[0]}: {bounded[1]}")
        elif big and not report_unit and not evidence and max(vals) < KRONOR_FROM \
                and table.statement in STATEMENTS_IN_REPORT_UNIT:
            largest = f"{max(vals):,}".replace(",", " ")
            decisions[i] = UnitDecision(None, None, f"{table.statement}: no unit declared, and its figures (the "
                                                    f"largest {largest}) read as well in kronor as in tkr: left out")
        elif big:
            decisions[i] = UnitDecision(None, "kr")
        elif report_unit:
            decisions[i] = UnitDecision(None, report_unit)
        elif any(v.amount.decimals for r in table.rows for v in r.values if v is not None):
            # tkr are printed whole; a statement printed with decimals and no unit is in millions
            decisions[i] = UnitDecision(None, "mkr", f"{table.statement}: no unit declared; read as mnkr "
                                                     f"(its figures carry decimals, as amounts in millions do)")
        else:
            largest_figure = max(vals, default=0)
            decisions[i] = UnitDecision(None, "tkr", f"{table.statement}: no unit declared; read as tkr "
                                                     f"(its largest figure, {largest_figure:,}, is too small for kronor)"
                                        .replace(",", " "))
    return [d for d in decisions if d is not None]


BOUNDS_TOML = Path(__file__).parent / "data" / "unit_bounds.toml"


@cache
def _bounds() -> dict[str, tuple[float, float]]:
    with BOUNDS_TOML.open("rb") as fh:
        rows = tomllib.load(fh).get("line", [])
    return {r["item"]: (float(r["min_sek"]), float(r["max_sek"])) for r in rows}


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
