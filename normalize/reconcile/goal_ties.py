"""Financial goals tied to the statements: a goal's outcome that restates an amount of them.

"Förbundets egna kapital var vid årets slut 569 043 kronor … därmed har målet uppnåtts" states
the balance sheet's equity in a goal's follow-up. The amounts of a goal's outcome are read
and compared exactly as amounts in running text are (`normalize.prose`: the same keywords,
number grammar, tolerance and statement items: årets resultat, eget kapital, intäkter).
A goal whose outcome matches names the fact in `matched_fact` (`item/period`); a mismatch
is a `prose`-style warning check, `goal_tie`, unless the text check already reported the
same sentence against the same fact.

    goals, checks = tie_goals(goals, facts, fiscal_year=2024, existing=checks)
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from arsred.extract.document import Line
from arsred.normalize.facts import CheckResult, Fact
from arsred.normalize.reconcile.checks import CheckDef, Context
from arsred.normalize.reconcile.prose import run_prose

log = logging.getLogger(__name__)

GOAL_TIE = CheckDef(id="goal_tie", kind="prose", statement="*", severity="warning",
                    definition="an amount a goal's outcome states = the statement item it describes")


def tie_goals(goals: list[dict], facts: Sequence[Fact], fiscal_year: int | None = None,
              existing: Sequence[CheckResult] = ()) -> tuple[list[dict], list[CheckResult]]:
    """Goals with `matched_fact` filled where their outcome restates a statement amount, and the mismatches."""
    by_key = {f.key: f for f in facts}
    seen = {(c.facts, round(c.actual_sek or 0)) for c in existing if c.facts}
    out_goals, checks = [], []
    for goal in goals:
        goal = dict(goal)
        goal.setdefault("matched_fact", None)
        outcome = goal.get("outcome") or ""
        if not facts or not any(ch.isdigit() for ch in outcome):
            out_goals.append(goal)
            continue
        line = Line(int(goal.get("page") or 1), int(goal.get("line") or 1), outcome, (), "text")
        ctx = Context(facts, [line], fiscal_year)
        for c in run_prose(GOAL_TIE, ctx):
            if c.status == "pass" and c.facts and not goal["matched_fact"]:
                used = [by_key[k] for k in c.facts if k in by_key]
                if used:     # a sum where the statement prints no total: "br.arets_resultat+br.ovrigt_eget_kapital"
                    goal["matched_fact"] = "+".join(f.item for f in used) + f"/{used[0].period}"
            elif c.status == "fail" and (c.facts, round(c.actual_sek or 0)) not in seen:
                checks.append(replace(c, message="goal outcome " + c.message.removeprefix("text ")))
        out_goals.append(goal)
    if checks:
        log.info("%s: %d goal amount(s) differ from the statements", checks[0].doc_id, len(checks))
    return out_goals, checks
