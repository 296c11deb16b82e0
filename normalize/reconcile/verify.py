"""The proof each figure carries: which passing checks prove it, and what that makes the document.

A check row proves the figures it uses when it passed with severity `error` and uses at least
two figures printed in different places, each figure larger than the rounding the check allows
(a figure inside that slack passes with any value near it). A figure read more than one way (`readings` > 1) is
proven only by a check that brings in a figure from outside its own table and is not among the
identities that chose its reading (`decided_by`): the table reader sees one table, so every
identity it can have used lies inside it. That outside figure must be printed on another line
(a page transcribed as one line, split into "tables" by the reader, is one print) and be settled
itself — read one way, or its reading chosen by an identity: two figures each read more than one
way tie under wrong readings as readily as under right ones. A figure is verified when a check row proves it, no
check that uses it fails, and its column's reading is not contradicted: a column read as a
year whose figures are, row by row, the sum or difference of two other columns is a misread
header (an Avvikelse or Netto column taken for a year); and a figure whose row label declares
another unit than it was read in, or whose table's printed header does not bear out its year or
unit, or whose unit the report declares nowhere, is not verified either; nor is a column whose
ties to other tables fail while none that could tell its year holds (a header with its years
swapped: sums inside one table hold under any year). The rules and the document threshold
are stated in docs/checks.md ("Verified figures").
"""
from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from arsred.extract.document import Line
from arsred.normalize.facts import CheckResult, Fact, as_meant, as_printed

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
    than one way needs one from outside its table, printed on another line and itself settled
    (read one way, or its reading chosen by an identity), and never a check that chose its reading."""
    others = [g for g in used if _place(g) != _place(f)]
    if not others or check.check in _ids(f.decided_by):
        return False
    if f.value_sek != 0 and abs(f.value_sek) <= (check.tolerance_sek or 0.0):
        return False
    if f.readings > 1 or f.decided_by:
        return any(_table(g) != _table(f) and _settled(g) and _source_line(g) != _source_line(f) for g in others)
    return True


def _settled(g: Fact) -> bool:
    """A figure whose own reading is not in doubt: read one way, or its reading chosen by an
    identity. Two figures each read more than one way tie under a wrong pair of readings as well
    as the right one: the tie proves neither."""
    return g.readings <= 1 or bool(g.decided_by)


def _source_line(f: Fact) -> tuple[int, int]:
    """The printed line a figure stands on. Another "table" on the same line is the same run of
    words split by the reader (a page transcribed as one line): no independent print."""
    return (f.page, f.line)


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
    tables: dict[tuple[str, int], dict[tuple[int | None, str, str], dict[int, Fact]]] = defaultdict(
        lambda: defaultdict(dict))
    for f in facts:
        tables[_table(f)][(f.period, f.column, f.scope)][f.row] = f
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
                        out |= {(statement, table, k[0], k[1]) for k in (a, b, c)}
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


def unit_contradicted(f: Fact) -> bool:
    """The row's own label declares another unit than the figure was read in ("Årets resultat i
    mkr" read in kr). Every check over one table holds at any common scale, so the arithmetic
    proves the digits, not a unit the label contradicts."""
    declared = _declared_unit(f.label_raw or f.label)
    return declared is not None and declared != f.unit


YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
GLUED_DIGITS = re.compile(r"(?<=\d)(?=[^\W\d_])|(?<=[^\W\d_])(?=\d)")
# the one override normalize/units.py makes on evidence: a statement declared "Belopp i kr."
# whose figures the report states in thousands elsewhere is read in tkr (and says so)
UNIT_OVERRIDES = {("kr", "tkr")}


def unread_headers(facts: Sequence[Fact], lines: Sequence[Line]) -> set[tuple[str, int, int | None]]:
    """(statement, table, period) whose period, or whose unit, the table's own text does not bear
    out: the year is printed nowhere on the table's page from the end of the table above it to
    its last row (a year the reader inferred: "2018 2019 2018 2019" read as 2018 … 2015), or the
    last unit declared there is not the unit the figures were read in ("Belopp i mnkr" read as
    tkr). Arithmetic inside one table proves digits, not the header."""
    if not lines:
        return set()
    by_page: dict[int, list[Line]] = defaultdict(list)
    for ln in lines:
        by_page[ln.page].append(ln)
    tables: dict[tuple[str, int], list[Fact]] = defaultdict(list)
    for f in facts:
        tables[_table(f)].append(f)
    spans = {t: (min((f.page, f.line) for f in fs), max((f.page, f.line) for f in fs)) for t, fs in tables.items()}
    out: set[tuple[str, int, int | None]] = set()
    for t, fs in tables.items():
        (page, first), (last_page, last) = spans[t]
        above = max((e[1] for u, (s0, e) in spans.items() if u != t and e[0] == page and e[1] < first
                     and s0 < (page, first)), default=0)
        region = [ln for ln in by_page.get(page, []) if above < ln.number <= (last if last_page == page else 10**9)]
        printed = {int(y) for ln in region for y in _printed_years(ln.text)}
        declared = [u for ln in region if ln.number < first and (u := _declared_unit(AMOUNT_IN_UNIT.sub(" ", ln.text)))]
        unit_ok = not declared or all(declared[-1] == f.unit or (declared[-1], f.unit) in UNIT_OVERRIDES for f in fs)
        for period in {f.period for f in fs}:
            if not unit_ok or (period is not None and period not in printed):
                out.add((*t, period))
    return out


# an amount stated in a unit ("beviljades … med 998 tkr", "775 000 kr") gives that amount's unit,
# not the table's: a text without page breaks has running text between tables, and an amount in it
# is no header (a year followed by the unit, "Utfall 2023 tkr", still declares it)
AMOUNT_IN_UNIT = re.compile(r"(?<![\d,])(?!(?:19|20)\d\d\b)\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d+)?\s*"
                            r"(?:tkr|kkr|mkr|mnkr|kr|kronor|tusen kronor|miljoner kronor)\b", re.IGNORECASE)
GLUED_YEARS = re.compile(r"(?<!\d)(?:(?:19|20)\d\d){2,6}(?!\d)")


def _printed_years(text: str) -> list[str]:
    """The years a line prints, also when a header glued them ("Not201620152014")."""
    glued = [run[i:i + 4] for run in GLUED_YEARS.findall(text) for i in range(0, len(run), 4)]
    return YEAR_RE.findall(text) + glued


def guessed_units(facts: Sequence[Fact], lines: Sequence[Line]) -> set[str]:
    """Keys of the figures read in a unit the report declares nowhere — not in a header, a row
    label, its text or its cells ("Berg12 832 tkr10,44"): a unit taken from the figures' size
    (107 666 may be kronor or tkr), which no sum can test."""
    if not lines:
        return set()
    anywhere = {u for ln in lines if (u := _declared_unit(GLUED_DIGITS.sub(" ", ln.text)))}
    allowed = anywhere | {read for declared, read in UNIT_OVERRIDES if declared in anywhere}
    return {f.key for f in facts if f.unit not in allowed}


def _declared_unit(text: str) -> str | None:
    try:
        from arsred.extract.tables import declared_unit
    except ImportError:          # the table reader moved it: no declaration can be seen
        return None
    return declared_unit(text)


Column = tuple[str, int, int | None, str, str]      # statement, table, period, column, scope


def _column(f: Fact) -> Column:
    return (f.statement, f.table, f.period, f.column, f.scope)


def doubted_columns(facts: Sequence[Fact], checks: Sequence[CheckResult]) -> set[Column]:
    """Columns whose period the report's ties contradict. Sums inside one table hold whichever
    year its column is (a Resultaträkning with its header's years swapped still adds up), so only
    a tie to another table speaks for the year. A column is in doubt when an error-level tie
    between its table and another fails over it and no passing tie stands for its year: one whose
    figures from the column differ from the same rows in the table's other periods (a tie over
    "Verksamhetens intäkter 3 754 3 754" holds with either year and proves neither)."""
    by_key = {f.key: f for f in facts}
    siblings: dict[tuple, dict[int | None, float]] = defaultdict(dict)
    for f in facts:
        siblings[(f.statement, f.table, f.row, f.column, f.scope)][f.period] = f.value_sek
    failing: set[Column] = set()
    standing: set[Column] = set()
    for c in checks:
        if c.severity not in PROVING_SEVERITIES or c.status not in ("pass", "fail"):
            continue
        used = [by_key[k] for k in dict.fromkeys(c.facts) if k in by_key]
        if len({_table(f) for f in used}) < 2:
            continue
        for col in {_column(f) for f in used}:
            own = [f for f in used if _column(f) == col]
            if c.status == "fail":
                failing.add(col)
            elif any(v != f.value_sek for f in own
                     for p, v in siblings[(f.statement, f.table, f.row, f.column, f.scope)].items() if p != f.period) \
                    or all(len(siblings[(f.statement, f.table, f.row, f.column, f.scope)]) == 1 for f in own):
                standing.add(col)
    return failing - standing


# Why a figure that a passing check proves is still not verified: the document's warnings say it, so an
# `unverified` document names the reason its figures cannot be proven (docs/checks.md, "Verified figures").
UNPROVEN = "that pass their checks are not verified"
BLOCKS = {
    "failed": "a check that uses them fails",
    "misread": "their column, read as a year, is the sum or difference of two others (a misread header)",
    "label_unit": "their row label declares another unit than they were read in",
    "header": "their table's printed header does not bear out their year or unit",
    "guessed": "the report declares no unit for them (a unit taken from the figures' size, which no sum can test)",
    "doubted": "ties of their column to other tables fail and none passes that could tell its year",
}


def _blocks(facts: Sequence[Fact], checks: Sequence[CheckResult],
            lines: Sequence[Line]) -> tuple[dict[str, set[str]], dict[str, str]]:
    """The proving check ids per fact key, and the BLOCKS key that keeps a fact unverified all the same."""
    proven = proving_checks(facts, checks)
    unread = unread_headers(facts, lines)
    guessed = guessed_units(facts, lines)
    failed = {k for c in checks if c.status == "fail" for k in c.facts}
    misread = misread_columns(facts)
    doubted = doubted_columns(facts, checks)
    if doubted:
        log.info("%s: %d columns' periods contradicted by failing ties to other tables; their figures are "
                 "not verified", facts[0].doc_id, len(doubted))
    if misread:
        log.info("%s: %d columns read as years reckon two others (a misread header); their figures are "
                 "not verified", facts[0].doc_id, len(misread))
    blocked: dict[str, str] = {}
    for f in facts:
        for key, hit in (("failed", f.key in failed),
                         ("misread", (f.statement, f.table, f.period, f.column) in misread),
                         ("label_unit", unit_contradicted(f)),
                         ("header", (f.statement, f.table, f.period) in unread),
                         ("guessed", f.key in guessed),
                         ("doubted", _column(f) in doubted)):
            if hit:
                blocked[f.key] = key
                break
    return proven, blocked


def verify(facts: Sequence[Fact], checks: Sequence[CheckResult], lines: Sequence[Line] = ()) -> list[Fact]:
    """The facts with `verified` and `checked_by` set from the document's check rows (and, given
    the document's lines, only where the table's printed header bears out period and unit). A figure whose
    sign is given in words is judged by its meaning (`meant_value_sek`), the value its checks used."""
    printed = list(facts)
    facts = as_meant(printed)
    proven, blocked = _blocks(facts, checks, lines)
    out = []
    for f in facts:
        ids = proven.get(f.key, set())
        ok = bool(ids) and f.key not in blocked
        out.append(replace(f, verified=ok, checked_by=";".join(sorted(ids)) if ok else ""))
    return as_printed(out, printed)


def unproven_reasons(facts: Sequence[Fact], checks: Sequence[CheckResult], lines: Sequence[Line] = ()) -> list[str]:
    """'12 figures that pass their checks are not verified: the report declares no unit for them (…)',
    one per reason other than a failing check (a flagged document lists those itself)."""
    facts = as_meant(facts)
    proven, blocked = _blocks(facts, checks, lines)
    counts: dict[str, int] = defaultdict(int)
    for f in facts:
        if proven.get(f.key) and blocked.get(f.key, "failed") != "failed":
            counts[blocked[f.key]] += 1
    return [f"{n} figure{'s' if n != 1 else ''} {UNPROVEN}: {BLOCKS[key]}"
            for key in BLOCKS if (n := counts.get(key, 0))]


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
