"""The settling search is bounded by counted work, not by time.

The glued Helsingborg pages (cells without separators: 'skulder359131 828-7' is note 35,
913, 1 828 and -7) allow many readings per row; a search that grows exponentially with them
took a minute a page. The work is counted (readings evaluated, states of the run search,
block combinations tried), so these bounds hold on every machine; a table that would need
more than `settle.MAX_WORK` leaves its open rows undecided rather than guessed.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from arsred.extract.tables import settle

from arsred.options import Options
from arsred.pipeline import process_document

ROOT = Path(__file__).resolve().parent.parent
PAGES, GOLD = ROOT / "tests/real/pages", ROOT / "tests/real/gold"
# measured 584 000 and 84 000 (2026-12); the search before memoisation and pruning spent
# several times as much, and an exponential one orders of magnitude more
WORK_BOUND = {"helsingborg_2016_kassaflodesanalys": 800_000, "helsingborg_2016_rr_koncern": 150_000}


def _score(slug: str, result) -> dict:
    spec = importlib.util.spec_from_file_location("eval_gold", ROOT / "tools/eval_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    gold = json.loads((GOLD / f"{slug}.json").read_text(encoding="utf-8"))
    return module.score_document(gold, [f.to_dict() for f in result.facts], [c.to_dict() for c in result.checks])


@pytest.mark.parametrize("slug", sorted(WORK_BOUND))
def test_glued_pages_settle_within_counted_work(slug: str) -> None:
    with settle.counting() as work:
        result = process_document(str(PAGES / f"{slug}.txt"), Options())
    assert not work.capped
    assert 0 < work.work <= WORK_BOUND[slug], work
    assert result.facts and _score(slug, result)["wrong"] == 0


def test_reaching_the_bound_leaves_rows_undecided_not_guessed(monkeypatch) -> None:
    slug = "helsingborg_2016_kassaflodesanalys"
    full = _score(slug, process_document(str(PAGES / f"{slug}.txt"), Options()))
    monkeypatch.setattr(settle, "MAX_WORK", 50_000)
    with settle.counting() as work:
        result = process_document(str(PAGES / f"{slug}.txt"), Options())
    capped = _score(slug, result)
    assert work.capped and work.work <= 50_000 + settle.MAX_RUN_STATES + 1
    assert "reached its bound" in result.record.warnings and "could not be read" in result.record.warnings
    assert capped["wrong"] == 0 and 0 < capped["found"] < full["found"]


def test_reaching_the_bound_while_choosing_a_start_still_decides(monkeypatch) -> None:
    """The starting points of the search may cost half the bound; past it the decisions still get
    the rest, so a table capped early decides what its identities over fixed figures prove
    (measured: 34 of Helsingborg's consolidated Resultaträkning figures at 30 000 counted steps,
    31 when the starting points could spend the whole bound), never a guess."""
    slug = "helsingborg_2016_rr_koncern"
    monkeypatch.setattr(settle, "MAX_WORK", 30_000)
    with settle.counting() as work:
        result = process_document(str(PAGES / f"{slug}.txt"), Options())
    capped = _score(slug, result)
    assert work.capped and capped["wrong"] == 0 and capped["found"] >= 34
