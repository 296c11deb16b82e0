"""Check definitions (read from data/checks.toml), the shared context, and the equation engine.

Tolerance follows XBRL Calculations 1.1: a printed figure stands for the interval
value ± tolerance_sek (half a unit of its last digit); a sum's interval is the sum of the
intervals; two sides disagree only when their intervals do not overlap (touching passes).
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import tomllib
from arsred.extract.document import Line
from arsred.normalize.facts import CheckResult, Fact

CHECKS_TOML = Path(__file__).parent.parent / "data" / "checks.toml"
EPSILON = 1e-6
EQUATION_KINDS = ("equation", "cross_statement", "roll_forward")


@dataclass(frozen=True)
class CheckDef:
    """One row of checks.toml: `params` keeps the kind-specific keys (terms, total, limit …)."""

    id: str
    kind: str
    statement: str
    definition: str
    severity: str = "error"
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    scopes: tuple[str, ...] = ()   # the accounts it holds for (entity, group); empty: every scope

    def applies_to(self, scope: str) -> bool:
        return not self.scopes or scope in self.scopes


@cache
def load_checks(path: Path = CHECKS_TOML) -> tuple[CheckDef, ...]:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    out = []
    for row in data.get("check", []):
        params = {k: v for k, v in row.items()
                  if k not in ("id", "kind", "statement", "definition", "severity", "scopes")}
        out.append(CheckDef(id=row["id"], kind=row["kind"], statement=row.get("statement", "*"),
                            definition=row.get("definition", ""), severity=row.get("severity", "error"),
                            params=params, scopes=tuple(row.get("scopes", ()))))
    ids = [c.id for c in out]
    if len(ids) != len(set(ids)):
        raise ValueError(f"duplicate check ids in {path}")
    return tuple(out)


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Case, diacritics and spacing folded: labels compare alike whether OCR kept å/ä/ö or not."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def fmt_sek(value: float | None) -> str:
    if value is None:
        return "?"
    if abs(value - round(value)) < 0.005:
        return f"{round(value):,}".replace(",", " ")
    return f"{value:,.2f}".replace(",", " ").replace(".", ",")


def within_rounding(ok: bool, left: float, right: float) -> str:
    """What a passing check whose two sides differ says, so that "=" never joins two different
    numbers unremarked (a 2 mnkr gap passes when four roundings of 0,5 mnkr all lean one way)."""
    return f" (within rounding, difference {fmt_sek(abs(left - right))})" if ok and abs(left - right) > EPSILON else ""


def holds(left: float, left_tol: float, right: float, right_tol: float) -> bool:
    """Intervals [left ± left_tol] and [right ± right_tol] overlap (boundary touching counts)."""
    return abs(left - right) <= left_tol + right_tol + EPSILON


# --- context -----------------------------------------------------------------------------

class Context:
    """Facts of one document indexed for look-ups; rebuilt cheaply when a value is swapped."""

    def __init__(self, facts: Sequence[Fact], lines: Sequence[Line] = (), fiscal_year: int | None = None,
                 memo: dict | None = None, doc_type: str = ""):
        self.memo: dict = memo if memo is not None else {}   # results that depend on lines only
        self.doc_type = doc_type
        self.facts = [f for f in facts if f.period is not None]
        self.lines = list(lines)
        self.doc_id = facts[0].doc_id if facts else ""
        self.fiscal_year = fiscal_year if fiscal_year is not None else next(
            (f.fiscal_year for f in facts if f.fiscal_year), None)
        ordered = sorted(self.facts, key=lambda f: (f.table, f.row))
        self.by_item: dict[tuple[str, int, str], Fact] = {}
        self.tables: dict[tuple[str, int], list[Fact]] = defaultdict(list)
        rows_of: dict[tuple, set[int]] = defaultdict(set)
        for f in ordered:
            self.by_item.setdefault((f.item, f.period, f.column), f)  # type: ignore[arg-type]
            self.tables[(f.statement, f.table)].append(f)
            rows_of[(f.statement, f.table, f.item, f.period, f.column)].add(f.row)
        self._rows_of = dict(rows_of)
        self._positive_costs: dict[tuple[int, str, str], bool] = {}
        # rows that print an amount in any scope: a report's own and the group's accounts are
        # checked apart, but a row only the other scope fills is a line of the table, not a heading
        self.printed_rows: dict[tuple[str, int], frozenset[int]] = self.memo.get("printed_rows") or {
            key: frozenset(f.row for f in rows) for key, rows in self.tables.items()}

    @property
    def interim(self) -> bool:
        return self.doc_type == "delarsrapport"

    def rows_of(self, fact: Fact) -> set[int]:
        """The rows of the fact's table that print its line (item) for its period and column."""
        return self._rows_of.get((fact.statement, fact.table, fact.item, fact.period, fact.column), set())

    def heading_between(self, statement: str, table: int, above: int, below: int) -> bool:
        """A row between rows `above` and `below` of the table prints no amount in any scope: a heading."""
        printed = self.printed_rows.get((statement, table), frozenset())
        return any(r not in printed for r in range(above + 1, below))

    def get(self, item: str, period: int, column: str = "utfall") -> Fact | None:
        return self.by_item.get((item, period, column))

    def periods(self, item: str, column: str = "utfall") -> list[int]:
        return sorted({p for (i, p, c) in self.by_item if i == item and c == column})

    def costs_printed_positive(self, fact: Fact) -> bool:
        """The table prints this cost line (or its whole kostnad column) without minus signs."""
        key = (fact.table, fact.item, fact.column)
        if key not in self._positive_costs:
            same = [f for f in self.tables[(fact.statement, fact.table)]
                    if f.item == fact.item or (fact.column == "utfall_kostnad" and f.column == fact.column)]
            self._positive_costs[key] = all(f.value_sek >= 0 for f in same) and any(f.value_sek > 0 for f in same)
        return self._positive_costs[key]

    def signed(self, fact: Fact, sign: str) -> float:
        if sign == "-":
            return -fact.value_sek
        if sign == "~" and fact.value_sek > 0 and self.costs_printed_positive(fact):
            return -fact.value_sek
        return fact.value_sek


def result(ctx: Context, check: CheckDef, statement: str, period: int | None, column: str, status: str,
           message: str, *, expected: float | None = None, actual: float | None = None,
           tolerance: float | None = None, facts: Sequence[Fact] = (), severity: str | None = None) -> CheckResult:
    diff = None if expected is None or actual is None else actual - expected
    return CheckResult(doc_id=ctx.doc_id, check=check.id, statement=statement, period=period, column=column,
                       status=status, expected_sek=expected, actual_sek=actual, difference_sek=diff,
                       tolerance_sek=tolerance, severity=severity or check.severity, message=message,
                       facts=tuple(f.key for f in facts))


# --- equation engine ----------------------------------------------------------------------

TERM_RE = re.compile(r"^(?P<sign>[+\-~])(?P<opt>\??)(?P<item>[a-z0-9_.]+)(?P<mods>(@[a-z_]+)*)$")


@dataclass(frozen=True)
class Term:
    sign: str
    item: str
    column: str = "utfall"
    shift: int = 0
    optional: bool = False

    @classmethod
    def parse(cls, text: str) -> Term:
        text = text.strip()
        if text[0] not in "+-~":
            text = "+" + text
        m = TERM_RE.match(text)
        if not m:
            raise ValueError(f"bad term {text!r} in checks.toml")
        column, shift = "utfall", 0
        for mod in filter(None, m["mods"].split("@")):
            if mod == "prev":
                shift = -1
            else:
                column = mod
        return cls(m["sign"], m["item"], column, shift, bool(m["opt"]))

    @property
    def label(self) -> str:
        name = self.item + ("" if self.column == "utfall" else f"[{self.column}]")
        return name + (" (year before)" if self.shift else "")


def _terms(values: Sequence[str]) -> list[Term]:
    return [Term.parse(v) for v in values]


def definitions(check: CheckDef) -> list[list[Term]]:
    """The check's `terms` and each of its `alternatives`, parsed: the definitions of its total."""
    return [_terms(check.params.get("terms", [])), *(_terms(a) for a in check.params.get("alternatives", []))]


def run_equation(check: CheckDef, ctx: Context) -> list[CheckResult]:
    """total = Σ terms for every period the total is printed; alternatives pass when any holds."""
    total = Term.parse(check.params["total"])
    out = []
    for period in ctx.periods(total.item, total.column):
        tfact = ctx.get(total.item, period, total.column)
        assert tfact is not None
        evaluated: list[tuple[bool, float, float, list[Fact], str]] = []
        missing_reasons = []
        for terms in definitions(check):
            ev = _evaluate(check, ctx, terms, period, tfact)
            if isinstance(ev, str):
                missing_reasons.append(ev)
                continue
            value, tol, used, text = ev
            ok = holds(ctx.signed(tfact, total.sign), tfact.tolerance_sek, value, tol)
            evaluated.append((ok, value, tol, used, text))
        lhs = ctx.signed(tfact, total.sign)
        if not evaluated:
            out.append(result(ctx, check, check.statement, period, total.column, "skipped",
                              f"{check.definition}: " + "; ".join(sorted(set(missing_reasons))), facts=[tfact]))
            continue
        best = next((e for e in evaluated if e[0]), evaluated[0])
        ok, value, tol, used, text = best
        msg = f"{tfact.label} {fmt_sek(lhs)} {'=' if ok else '≠'} {text} = {fmt_sek(value)}" \
              f"{within_rounding(ok, lhs, value)}"
        out.append(result(ctx, check, check.statement, period, total.column, "pass" if ok else "fail", msg,
                          expected=value, actual=lhs, tolerance=tol + tfact.tolerance_sek,
                          facts=[tfact, *used]))
    return out


# --- gates: when the lines a definition stands on cannot prove it --------------------------
# shared with extract/tables/chains.py, which places the same definitions on a table's rows

def leaves_out(check: CheckDef, items: Sequence[str], labels: Sequence[str]) -> bool:
    """The lines say they exclude part of what the definition needs (`excludes_pattern`:
    'exklusive finansiella poster') and none of `items` is one that would print it in the table
    itself (`excluded_unless`): the definition then needs its `excluded_terms` from elsewhere."""
    pattern = check.params.get("excludes_pattern")
    if not pattern:
        return False
    own = set(check.params.get("excluded_unless", []))
    return not any(i in own for i in items) and any(re.search(pattern, fold(x)) for x in labels)


def broader_term(check: CheckDef, total_label: str, term_labels: Sequence[str]) -> int | None:
    """Where the total names only a part (`narrow_label`: Medlemsbidrag), the index of the first
    term named more broadly (Verksamhetens intäkter, which may hold other income): the two then
    describe different things. None where there is none."""
    narrow = check.params.get("narrow_label")
    if not narrow or not re.search(narrow, fold(total_label)):
        return None
    return next((i for i, label in enumerate(term_labels) if not re.search(narrow, fold(label))), None)


def may_stand_among(check: CheckDef, named: set[str], used: set[str]) -> set[str]:
    """The items whose rows may stand among a `covers_rows` definition's terms: the ones it names
    (`named`: its total's and its terms'), and a subtotal of terms (Skattenetto
    under Skatteintäkter and Generella statsbidrag) when one of its parts is among the items
    `used`, or its parts when it is."""
    known = set(named)
    for sub, parts in check.params.get("subtotals", {}).items():
        if used & set(parts):
            known.add(sub)                   # the subtotal of parts summed one by one
        if sub in used:
            known |= set(parts)              # the parts of a subtotal summed as one
    return known


def _evaluate(check: CheckDef, ctx: Context, terms: list[Term], period: int,
              tfact: Fact) -> tuple[float, float, list[Fact], str] | str:
    facts: list[tuple[Term, Fact]] = []
    for term in terms:
        f = ctx.get(term.item, period + term.shift, term.column)
        if f is None:
            if not term.optional:
                return f"{term.label} {period + term.shift} not found"
            continue
        facts.append((term, f))
    if not facts:
        return "no terms found"
    if leaves_out(check, [f.item for _, f in facts], [f.label + " " + f.label_raw for _, f in facts + [(None, tfact)]]):
        for term in _terms(check.params.get("excluded_terms", [])):
            f = ctx.get(term.item, period + term.shift, term.column)
            if f is None:
                return (f"the lines exclude financial items and {term.label} {period + term.shift} "
                        "is not given, so the chain cannot be proven")
            facts.append((term, f))
    broad = broader_term(check, tfact.label, [f.label for _, f in facts])
    if broad is not None:
        return (f"{tfact.label} names only part of what {facts[broad][1].label} covers, "
                "so the tie cannot be proven")
    if ctx.interim:
        reason = _interim_dates_differ(ctx, [(t, f) for t, f in facts] + [(None, tfact)])
        if reason:
            return reason
    if check.params.get("covers_rows"):
        reason = _uncovered_rows(ctx, tfact, [f for _, f in facts],
                                 may_stand_among(check, {tfact.item} | {t.item for t in terms},
                                                 {f.item for _, f in facts}))
        if reason:
            return reason
    twice = _printed_twice(ctx, tfact, [f for _, f in facts])
    if twice:
        return (f"{twice[0].label} {twice[0].period}: its line ({twice[0].item}) is printed on more than one row "
                "of the table, so which one the definition means cannot be told")
    value = sum(ctx.signed(f, t.sign) for t, f in facts)
    tol = sum(f.tolerance_sek for _, f in facts)
    text = " + ".join(f"{f.label}{' (year before)' if t.shift else ''} {fmt_sek(ctx.signed(f, t.sign))}"
                      for t, f in facts)
    return value, tol, [f for _, f in facts], text


def _interim_dates_differ(ctx: Context, facts: list[tuple[Term | None, Fact]]) -> str:
    """In a delårsrapport (RKR R17) the report's own columns all end on the report date, but the
    comparison columns do not: the balance sheet's is the previous year end, the income statement's
    and cash-flow analysis's the same period a year earlier. A tie between two figures that end on
    different dates cannot be proven."""
    fy = ctx.fiscal_year
    if fy is None:
        return ""
    stock = [f for _t, f in facts if f.statement == "balansrakning" and f.period != fy]
    flow = [(t, f) for t, f in facts if f.statement != "balansrakning" and f.period != fy]
    if stock and flow:
        return (f"interim report: {flow[0][1].label} {flow[0][1].period} covers part of the year while "
                f"{stock[0].label} {stock[0].period} is at year end, so they describe different dates")
    shifted = [f for t, f in flow if t is not None and t.shift]
    if shifted:
        return (f"interim report: {shifted[0].label} {shifted[0].period} ends with that year's interim "
                "period, not at year end, so it is not the next year's opening figure")
    return ""


def _printed_twice(ctx: Context, tfact: Fact, facts: list[Fact]) -> list[Fact]:
    """Figures whose line stands on another row too among the rows the definition spans
    (Extraordinära intäkter and Extraordinära kostnader both read as extraordinära poster):
    which of them the definition means cannot be told."""
    same = [f for f in facts + [tfact] if f.table == tfact.table and f.statement == tfact.statement]
    lo, hi = min(f.row for f in same), max(f.row for f in same)
    return [f for f in same if any(r != f.row and lo <= r <= hi for r in ctx.rows_of(f))]


def _uncovered_rows(ctx: Context, tfact: Fact, facts: list[Fact], known: set[str]) -> str:
    """Rows printed among the terms whose items are not `known` (`may_stand_among`) make the
    definition unprovable."""
    same = [f for f in facts if f.table == tfact.table and f.statement == tfact.statement]
    if not same:
        return ""
    lo = min(f.row for f in same + [tfact])
    hi = max(f.row for f in same + [tfact])
    stray = sorted({f.label for f in ctx.tables[(tfact.statement, tfact.table)]
                    if lo < f.row < hi and f.item not in known and f.period == tfact.period})
    if stray:
        return "rows not part of the definition stand among its terms: " + ", ".join(stray)
    return ""


Runner = Callable[[CheckDef, Context], list[CheckResult]]
