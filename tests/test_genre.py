"""Reports of the genre beyond the corpus (tests/genre): extraction scored against their gold."""
from __future__ import annotations

import json

import pytest

from arsred.pipeline import process_document
from tests.helpers import ROOT
from tests.test_pipeline import eval_gold

GENRE = ROOT / "tests" / "genre"
SETS = [ROOT / "tests" / "genre", ROOT / "tests" / "genre2", ROOT / "tests" / "genre3"]
PATHS = {p.stem: p for folder in SETS for p in sorted(folder.glob("*.txt"))}


@pytest.fixture(scope="module")
def scores():
    out = {}
    for doc, path in PATHS.items():
        gold = json.loads((path.parent / "gold" / f"{doc}.json").read_text(encoding="utf-8"))
        result = process_document(str(path))
        rows = [{k: ("" if v is None else str(v)) for k, v in f.to_dict().items()} for f in result.facts]
        out[doc] = (result, eval_gold.score_document(gold, rows, [c.to_dict() for c in result.checks]))
    return out


def test_recall_and_precision_on_unseen_layouts(scores):
    found = sum(s["found"] for _, s in scores.values())
    gold = sum(s["gold"] for _, s in scores.values())
    out = sum(s["output"] for _, s in scores.values())
    matched = sum(s["precision"] * s["output"] for _, s in scores.values())
    assert found / gold >= 0.98
    assert matched / out >= 0.98


def test_every_planted_inconsistency_is_flagged(scores):
    assert sum(s["flagged"] for _, s in scores.values()) == sum(s["expected_failures"] for _, s in scores.values())


def test_no_false_alarms_where_the_reports_add_up(scores):
    assert {doc: s["false_alarms"] for doc, (_, s) in scores.items() if s["false_alarms"]} == {}


@pytest.mark.parametrize("doc,doc_type,year", [
    ("g06_kalmar_lan_vp_2018", "verksamhetsplan_budget", 2018),
    ("g07_uppsala_lan_delar_2023", "delarsrapport", 2023),
    ("g02_norra_vastmanland_2019", "arsredovisning", 2019),
])
def test_document_type_and_year(scores, doc, doc_type, year):
    record = scores[doc][0].record
    assert (record.doc_type, record.fiscal_year) == (doc_type, year)


def test_mislabelled_unit_found_from_the_reports_own_prose(scores):
    result = scores["g04_goteborg_nordost_2021"][0]
    assert "declares kr" in result.record.warnings


def test_organisation_names_as_a_person_writes_them(scores):
    for doc, (result, _) in scores.items():
        gold = json.loads((PATHS[doc].parent / "gold" / f"{doc}.json").read_text(encoding="utf-8"))
        assert result.record.organisation == gold["organisation"], doc
