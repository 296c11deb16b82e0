"""The proof each figure carries: which passing checks prove it, and what that makes the document.

A check row proves the figures it uses when it passed with severity `error` and uses at least
two figures printed in different places, each figure larger than the rounding the check allows
(a figure inside that slack passes with any value near it). A figure read more than one way (`readings` > 1) is
proven only by a check that brings in a figure from outside its own table and is not among the
identities that chose its reading (`decided_by`): the table reader sees one table, so every
identity it can have used lies inside it. A figure is verified when a check row proves it, no
check that uses it fails, and its column's reading is not contradicted: a column read as a
year whose figures are, row by row, the sum or difference of two other columns is a misread
header (an Avvikelse or Netto column taken for a year). The rules and the document threshold
are stated in docs/checks.md ("Verified figures").
"""
from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from arsred.normalize.facts import CheckResult, Fact

log = logging.getLogger(__name__)

OK_VERIFIED_SHARE = 0.5     # a document vouches for itself when at least this share is proven
PROVING_SEVERITIES = ("error",)


def _ids(text: str) -> set[str]:
    return {p.strip() for p in (text or "").split(";") if p.strip()}


def _place(f: Fact) -> tuple:
    """Where the figure was printed: two facts at one place are one printed figure."""
    return (f.page, f.line, f.x0, f.top, f.printed, f.row, f.table, f.column)


def _table(f: Fact) -> tuple[str, int]:
    return (f.statement, f.table)


def _proves(check: CheckResult, f: Fact, used: list[Fact]) -> bool:
    """Does a passing check over `used` prove `f`? Another printed figure must take part; the
    figure must be larger than the rounding the check allows (else the check passes with it or
    without it: a note number "2" read as 2 tkr in a sum of seven tkr lines); a figure read more
    than one way needs one from outside its table, and never a check that chose its reading."""
    others = [g for g in used if _place(g) != _place(f)]
    if not others or check.check in _ids(f.decided_by):
        return False
    if f.value_sek != 0 and abs(f.value_sek) <= (check.tolerance_sek or 0.0):
        return False
    if f.readings > 1 or f.decided_by:
        return any(_table(g) != _table(f) for g in others)
    return True


def proving_checks(facts: Sequence[Fact], checks: Sequence[CheckResult]) -> dict[str, set[str]]:
    """fact key -> ids of the check rows that prove it (before failures are taken into account)."""
    by_key = {f.key: f for f in facts}
    proven: dict[str, set[str]] = defaultdict(set)
    for c in checks:
        if c.status != "pass" or c.severity not in PROVING_SEVERITIES:
            continue
        used = [by_key[k] for k in dict.fromkeys(c.facts) if k in by_key]
        for f in used:
            if _proves(c, f, used):
                proven[f.key].add(c.check)
    return proven


def misread_columns(facts: Sequence[Fact]) -> set[tuple[str, int, int | None, str]]:
    """Columns (statement, table, period, column) read as plain years whose figures are, row by
    row, the sum or difference of two other columns of the table: the header was misread (an
    Avvikelse column, or Intäkt/Kostnad/Netto, taken for years), so none of the three is proven
    to be what its period says."""
    tables: dict[tuple[str, int], dict[tuple[int | None, str], dict[int, Fact]]] = defaultdict(
        lambda: defaultdict(dict))
    for f in facts:
        tables[_table(f)][(f.period, f.column)][f.row] = f
    out: set[tuple[str, int, int | None, str]] = set()
    for (statement, table), columns in tables.items():
        years = [c for c in columns if c[1] in YEAR_COLUMNS]
        if len(years) < 3:
            continue
        for c in years:
            rest = [k for k in years if k != c]
            for i, a in enumerate(rest):
                for b in rest[i + 1:]:
                    if _reckons(columns[c], columns[a], columns[b]):
                        out |= {(statement, table, *k) for k in (a, b, c)}
    return out


YEAR_COLUMNS = ("utfall", "budget", "prognos")
MIN_RECKONED_ROWS = 3


def _reckons(c: dict[int, Fact], a: dict[int, Fact], b: dict[int, Fact]) -> bool:
    """c = a + b, a − b or b − a on every row all three print, at least three of them non-zero."""
    rows = sorted(set(c) & set(a) & set(b))
    if sum(1 for r in rows if c[r].value_sek != 0) < MIN_RECKONED_ROWS:
        return False
    for sa, sb in ((1, 1), (1, -1), (-1, 1)):
        if all(abs(c[r].value_sek - (sa * a[r].value_sek + sb * b[r].value_sek))
               <= c[r].tolerance_sek + a[r].tolerance_sek + b[r].tolerance_sek + 1e-6 for r in rows):
            return True
    return False


def verify(facts: Sequence[Fact], checks: Sequence[CheckResult]) -> list[Fact]:
    """The facts with `verified` and `checked_by` set from the document's check rows."""
    proven = proving_checks(facts, checks)
    failed = {k for c in checks if c.status == "fail" for k in c.facts}
    misread = misread_columns(facts)
    if misread:
        log.info("%s: %d columns read as years reckon two others (a misread header); their figures are "
                 "not verified", facts[0].doc_id, len(misread))
    out = []
    for f in facts:
        ids = proven.get(f.key, set())
        ok = bool(ids) and f.key not in failed and (f.statement, f.table, f.period, f.column) not in misread
        out.append(replace(f, verified=ok, checked_by=";".join(sorted(ids)) if ok else ""))
    return out


@dataclass(frozen=True)
class DocumentProof:
    status: str          # ok | flagged | unverified
    n_verified: int
    verified_share: float
    n_failed_checks: int
    reason: str


def document_status(facts: Sequence[Fact], checks: Sequence[CheckResult]) -> DocumentProof:
    """ok / flagged / unverified for a read document (error is the pipeline's, when reading fails)."""
    n_failed = sum(1 for c in checks if c.status == "fail" and c.severity == "error")
    n_verified = sum(1 for f in facts if f.verified)
    share = round(n_verified / len(facts), 4) if facts else 0.0
    if n_failed:
        status = "flagged"
        reason = f"{n_failed} error-level check{'s' if n_failed != 1 else ''} failed"
    elif share < OK_VERIFIED_SHARE:
        status = "unverified"
        reason = (f"{n_verified} of {len(facts)} figures ({share:.0%}) proven by the report's own arithmetic; "
                  f"at least {OK_VERIFIED_SHARE:.0%} needed")
    else:
        status = "ok"
        reason = f"{n_verified} of {len(facts)} figures ({share:.0%}) proven"
    return DocumentProof(status, n_verified, share, n_failed, reason)
