"""Financial goals tied to the statements (normalize/reconcile/goal_ties.py): matched_fact, and a warning on a mismatch."""
from __future__ import annotations

from pathlib import Path

import pytest
from arsred.normalize.facts import Fact
from arsred.normalize.reconcile.goal_ties import tie_goals

from arsred.pipeline import run_paths

ROOT = Path(__file__).resolve().parents[1]


def _fact(item: str, value: float, row: int, statement: str = "balansrakning") -> Fact:
    return Fact(doc_id="d", statement=statement, item=item, label=item, label_raw=item, period=2024,
                column="utfall", value_sek=value, printed=str(value), unit="kr", page=3, line=10 + row,
                table=1, row=row)


def _goal(outcome: str) -> dict:
    return {"goal": "Det egna kapitalet ska vara minst 10 % av intäkterna.", "outcome": outcome,
            "status": "uppfyllt", "page": 2, "line": 40}


FACTS = [_fact("br.summa_eget_kapital", 812_400, 1), _fact("rr.arets_resultat", 95_000, 2, "resultatrakning")]


def test_a_goal_outcome_restating_the_equity_names_the_fact():
    goals, checks = tie_goals([_goal("Det egna kapitalet uppgick vid årets slut till 812 400 kronor.")], FACTS, 2024)
    assert goals[0]["matched_fact"] == "br.summa_eget_kapital/2024"
    assert checks == []


def test_a_goal_outcome_that_differs_from_the_statements_is_a_warning():
    goals, checks = tie_goals([_goal("Det egna kapitalet uppgick vid årets slut till 912 400 kronor.")], FACTS, 2024)
    assert goals[0]["matched_fact"] is None
    (check,) = checks
    assert (check.check, check.severity, check.status) == ("goal_tie", "warning", "fail")
    assert (check.expected_sek, check.actual_sek) == (812_400, 912_400)
    assert check.message.startswith("goal outcome p.2 l.40")


def test_goals_without_amounts_are_left_alone():
    goals, checks = tie_goals([_goal("Målet är uppnått."), _goal("")], FACTS, 2024)
    assert [g["matched_fact"] for g in goals] == [None, None] and checks == []


@pytest.mark.slow
def test_corpus_equity_goal_is_tied_to_the_balance_sheet():
    (result,) = run_paths([ROOT / "tests" / "corpus" / "002_beb5154270de7dff.txt"])
    equity = [g for g in result.goals if g["goal"].startswith("Överskott av kapital")]
    assert equity and equity[0]["matched_fact"] and equity[0]["matched_fact"].endswith("/2022")
