"""Goal reading on the real goal set (tests/real_goals): pages of förbund, kommuner and regioner.

Scored with tools/eval_goals.py's own matching. Done when (issue 13): ≥ 85 % of the gold
goals found, ≥ 85 % of those right in status, target and outcome (where the gold has them),
and precision ≥ 0.9 (output rows matched to a gold goal / output rows: no goal invented
from ordinary prose).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from arsred.extract.goals import find_goals
from arsred.extract.read import read_document

from tools.goal_score import eval_goals, score

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "real_goals"


@pytest.fixture(scope="module")
def scores() -> dict[str, int]:
    gold = eval_goals().read_gold(DEV / "gold")
    assert gold, "no real goal gold"
    rows = {}
    for stem, data in gold.items():
        found = find_goals(read_document(DEV / data["source"]), organisation=data.get("organisation", ""))
        rows[stem] = [{k: ("" if v is None else v) for k, v in r.items()} for r in found]
    return score(gold, rows)


def test_most_real_goals_are_found(scores):
    assert scores["found"] >= 0.85 * scores["total"], scores


def test_found_goals_are_right_in_status_target_and_outcome(scores):
    assert scores["full"] >= 0.85 * scores["found"], scores


def test_no_goal_is_invented_from_ordinary_prose(scores):
    assert scores["found"] >= 0.9 * scores["rows"], scores
