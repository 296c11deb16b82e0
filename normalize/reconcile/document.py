"""Reconcile one document: run every check of data/checks.toml, then explain failures by OCR slips.

`reconcile` returns every check row — pass, fail, or skipped with the reason — and the facts,
where one printed figure off by a typical slip explains a failure, with `suggested_value_sek`
set (the printed `value_sek` is never changed). A slip is suggested only when correcting that
one figure makes every check it takes part in pass and creates no new failure, and no other
single correction explains as many of the document's failures.

Domain rules (eget kapital above 20 % of medlemsbidrag, a negative balanskravsresultat without
a reason) are information: status `pass` with severity `info` and the finding in the message,
because `fail` means "the printed figures do not add up".
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from arsred.extract import metadata
from arsred.extract.document import Line
from arsred.normalize.facts import CheckResult, Fact, as_meant, as_printed
from arsred.normalize.reconcile import check_rules, check_tables, prose
from arsred.normalize.reconcile.checks import (
    EQUATION_KINDS,
    CheckDef,
    Context,
    Runner,
    fmt_sek,
    load_checks,
    run_equation,
)
from arsred.normalize.reconcile.slips import Slip, candidates

log = logging.getLogger(__name__)

RUNNERS: dict[str, Runner] = {
    **{kind: run_equation for kind in EQUATION_KINDS},
    "sum_rows": check_tables.run_sum_rows,
    "dr_row": check_tables.run_dr_row,
    "dr_variance": check_tables.run_dr_variance,
    "note_to_line": check_tables.run_note_to_line,
    "note_roll": check_tables.run_note_roll,
    "money_block": check_rules.run_money_block,
    "money_block_vs_dr": check_rules.run_money_block_vs_dr,
    "ek_ratio": check_rules.run_ek_ratio,
    "balanskrav_reason": check_rules.run_balanskrav_reason,
    "prose": prose.run_prose,
}
MAX_SLIP_FACTS = 60


def reconcile(facts: list[Fact], *, lines: Sequence[Line] = (), fiscal_year: int | None = None,
              doc_type: str = "", nil_rows: dict[int, frozenset[int]] | None = None,
              ) -> tuple[list[CheckResult], list[Fact]]:
    """Every check row for one document, and the facts with OCR-slip suggestions where found.

    `doc_type` ("arsredovisning", "delarsrapport", "verksamhetsplan_budget") decides which columns
    describe the same date; when not given it is read from the document's opening lines. A figure whose
    sign is given in words (`meant_value_sek`) takes part with its meaning, never with its bare print."""
    if not facts:
        return [], list(facts)
    if not doc_type and lines:
        doc_type = metadata.doc_type(list(lines))
    scopes = sorted({f.scope for f in facts}, key=lambda s: s != "entity")
    checks, out = _reconcile_scopes(as_meant(facts), scopes, lines, fiscal_year, doc_type, nil_rows or {})
    return checks, as_printed(out, facts)      # the checks add up the meaning; value_sek stays as printed


def _reconcile_scopes(facts: list[Fact], scopes: list[str], lines: Sequence[Line], fiscal_year: int | None,
                      doc_type: str, nil_rows: dict[int, frozenset[int]]) -> tuple[list[CheckResult], list[Fact]]:
    """The organisation's own accounts and the group's (Koncernen, Sammanställd redovisning) each
    add up on their own: their checks run apart, each check only on the accounts its `scopes` in
    checks.toml names (amounts in the text, the domain rules and the equity roll-forward hold for
    the organisation's own figures only: a group's equity moves by more than its result).
    `nil_rows`: per table, the rows that print a dash in every cell — lines whose amounts are nil,
    printed like any other, not headings that cut the rows above a total off from it."""
    results: list[CheckResult] = []
    by_key: dict[str, Fact] = {}
    printed: dict[tuple[str, int], set[int]] = {}
    for f in facts:
        printed.setdefault((f.statement, f.table), set()).add(f.row)
    for (_, table), rows in printed.items():
        rows.update(nil_rows.get(table, ()))
    printed_rows = {key: frozenset(rows) for key, rows in printed.items()}
    for scope in scopes:
        checks = tuple(c for c in load_checks() if c.applies_to(scope))
        got, scoped = _reconcile_one([f for f in facts if f.scope == scope], lines, fiscal_year, doc_type, checks,
                                     printed_rows)
        results.extend(got)
        by_key.update((f.key, f) for f in scoped)
    return results, [by_key.get(f.key, f) for f in facts]


def _reconcile_one(facts: list[Fact], lines: Sequence[Line], fiscal_year: int | None, doc_type: str,
                   checks: Sequence[CheckDef], printed_rows: dict[tuple[str, int], frozenset[int]] | None = None,
                   ) -> tuple[list[CheckResult], list[Fact]]:
    memo: dict = {"doc_type": doc_type, "printed_rows": printed_rows}
    results = run_checks(checks, facts, lines, fiscal_year, memo)
    suggestions = _suggest(checks, facts, lines, fiscal_year, results, memo)
    if suggestions:
        by_key = {f.key: f for f in facts}
        results = [_with_suggestion(r, suggestions, by_key) for r in results]
        facts = [replace(f, suggested_value_sek=suggestions[f.key].value_sek) if f.key in suggestions else f
                 for f in facts]
    n_fail = sum(r.status == "fail" for r in results)
    log.info("%s: %d checks, %d failed, %d slips suggested", facts[0].doc_id, len(results), n_fail,
             len(suggestions))
    return results, facts


def one_row_per_failure(results: list[CheckResult]) -> list[CheckResult]:
    """A sum row that a named check already tests on the very same figures fails once, under the
    named check; the generic `sum_rows` row is kept as `skipped` and says which check carries it."""
    named: dict[frozenset[str], str] = {}
    for r in results:
        if r.status == "fail" and r.check != "sum_rows" and r.facts:
            named.setdefault(frozenset(r.facts), r.check)
    out = []
    for r in results:
        twin = named.get(frozenset(r.facts)) if r.check == "sum_rows" and r.status == "fail" else None
        if twin:
            r = replace(r, status="skipped", message=f"{r.message} (the same figures fail {twin})")
        out.append(r)
    return out


def run_checks(checks: Sequence[CheckDef], facts: Sequence[Fact], lines: Sequence[Line] = (),
               fiscal_year: int | None = None, memo: dict | None = None) -> list[CheckResult]:
    ctx = Context(facts, lines, fiscal_year, memo, (memo or {}).get("doc_type", ""))
    out: list[CheckResult] = []
    for check in checks:
        runner = RUNNERS.get(check.kind)
        if runner is None:
            raise ValueError(f"check {check.id}: unknown kind {check.kind!r}")
        try:
            out.extend(runner(check, ctx))
        except Exception as exc:   # one broken rule must not lose the document's other checks
            why = f"{type(exc).__name__}: {exc}"
            log.warning("%s: check %s failed to run (%s)", ctx.doc_id, check.id, why)
            log.debug("check %s", check.id, exc_info=True)
            out.append(CheckResult(doc_id=ctx.doc_id, check=check.id, statement=check.statement.strip("*"),
                                   period=None, column="", status="skipped", severity="warning",
                                   message=f"the check could not run ({why}); nothing is known about it"))
    return out


# --- OCR slips -----------------------------------------------------------------------------

def _identity(r: CheckResult) -> tuple:
    return (r.check, r.statement, r.period, r.column, r.facts[0] if r.facts else "")


def _suggest(checks: Sequence[CheckDef], facts: list[Fact], lines: Sequence[Line], fiscal_year: int | None,
             results: list[CheckResult], memo: dict) -> dict[str, Slip]:
    failed = [r for r in results if r.status == "fail"]
    if not failed:
        return {}
    by_key = {f.key: f for f in facts}
    by_id = {c.id: c for c in checks}
    old_fails = {_identity(r) for r in failed}
    verdicts: dict[tuple[str, float], int] = {}     # failures fixed (0: not a valid correction)
    chosen: dict[str, Slip] = {}
    involved = {k for r in failed for k in r.facts}
    if len(involved) > MAX_SLIP_FACTS * 4:
        log.info("%s: too many failing figures to look for slips", facts[0].doc_id)
        return {}
    tables: dict[tuple[str, int], list[Fact]] = {}
    for f in facts:
        tables.setdefault((f.statement, f.table), []).append(f)
    for r in failed:
        # the failed check is first re-run on the tables its figures come from only (cheap)
        scope = {(by_key[k].statement, by_key[k].table) for k in r.facts if k in by_key}
        local_facts = [f for t in sorted(scope) for f in tables[t]]
        valid: list[tuple[int, Fact, Slip]] = []
        for key in dict.fromkeys(r.facts):
            fact = by_key.get(key)
            if fact is None:
                continue
            for slip in candidates(fact):
                local = run_checks([by_id[r.check]], _swap(local_facts, fact, slip), lines, fiscal_year, memo)
                if not any(_identity(x) == _identity(r) and x.status == "pass" for x in local):
                    continue
                vkey = (key, slip.value_sek)
                if vkey not in verdicts:
                    full = run_checks(checks, _swap(facts, fact, slip), lines, fiscal_year, memo)
                    new_fails = {_identity(x) for x in full if x.status == "fail"}
                    ok = (not (new_fails - old_fails) and len(new_fails) < len(old_fails)
                          and not any(x.status == "fail" and key in x.facts for x in full))
                    verdicts[vkey] = len(old_fails) - len(new_fails) if ok else 0
                if verdicts[vkey]:
                    valid.append((verdicts[vkey], fact, slip))
        # the correction that explains the most failures, when no other explains as many
        best = [v for v in valid if v[0] == max((v[0] for v in valid), default=0)]
        if len(best) == 1:
            _n, fact, slip = best[0]
            chosen.setdefault(fact.key, slip)
    return chosen


def _swap(facts: list[Fact], fact: Fact, slip: Slip) -> list[Fact]:
    new = replace(fact, value_sek=slip.value_sek, tolerance_sek=slip.tolerance_sek, printed=slip.printed)
    return [new if f is fact else f for f in facts]


def _with_suggestion(r: CheckResult, suggestions: dict[str, Slip], by_key: dict[str, Fact]) -> CheckResult:
    if r.status != "fail":
        return r
    parts = []
    for key in r.facts:
        if key in suggestions:
            f, s = by_key[key], suggestions[key]
            parts.append(f"{f.label} {f.period}: {f.printed} → {s.printed} ({s.reason}) = {fmt_sek(s.value_sek)} kr; "
                         "every check it is in then passes")
    return replace(r, suggestion="; ".join(parts)) if parts else r
