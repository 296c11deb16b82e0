"""The hand-made gold of the real statement pages (tests/real, tests/real_unseen) passes its own checker:
schema, printed figures on the page, value_sek = printed x unit, no fact twice, every tie of the
table holding except the expected failures, coverage of one-cell-per-line pages."""
from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
REAL = TESTS / "real"
SETS = [REAL, TESTS / "real_unseen"]


def _load_verify():
    spec = importlib.util.spec_from_file_location("real_verify", REAL / "verify.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


verify = _load_verify().verify


@pytest.mark.parametrize("folder", [s for s in SETS if (s / "gold").is_dir()], ids=lambda p: p.name)
def test_real_gold_agrees_with_its_pages(folder: Path) -> None:
    assert list((folder / "gold").glob("*.json")), "no gold files"
    assert verify(str(folder), quiet=True) == []


def test_real_set_holds_the_shared_pages() -> None:
    slugs = {p.stem for p in (REAL / "gold").glob("*.json")}
    assert {"gnesta_2013_rr_budget", "helsingborg_2016_kassaflodesanalys", "varmdo_2018_rr"} <= slugs
    assert len(slugs) >= 18


def _copy(tmp_path: Path, slug: str) -> tuple[Path, dict]:
    for sub in ("pages", "gold"):
        (tmp_path / sub).mkdir()
    shutil.copy(REAL / "pages" / (slug + ".txt"), tmp_path / "pages")
    gold = json.loads((REAL / "gold" / (slug + ".json")).read_text(encoding="utf-8"))
    return tmp_path, gold


def _write(folder: Path, slug: str, gold: dict) -> list[str]:
    (folder / "gold" / (slug + ".json")).write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return verify(str(folder), quiet=True)


def test_checker_passes_an_intact_copy(tmp_path: Path) -> None:
    folder, gold = _copy(tmp_path, "gnesta_2013_rr_budget")
    assert _write(folder, "gnesta_2013_rr_budget", gold) == []


def test_checker_catches_a_wrong_figure(tmp_path: Path) -> None:
    slug = "gnesta_2013_rr_budget"
    folder, gold = _copy(tmp_path, slug)
    fact = next(f for f in gold["facts"] if f["label"] == "Skatteintäkter" and f["column"] == "utfall")
    fact["printed"], fact["value_sek"] = "430 150", 430150000     # digits swapped: the chain breaks
    problems = _write(folder, slug, gold)
    assert any("not in text" in p for p in problems)
    assert any("tie failure not in expected_failures" in p for p in problems)


def test_checker_catches_a_wrong_unit_a_duplicate_and_a_misspelt_tie(tmp_path: Path) -> None:
    slug = "gnesta_2013_rr_budget"
    folder, gold = _copy(tmp_path, slug)
    gold["facts"][0]["value_sek"] *= 1000
    gold["facts"].append(dict(gold["facts"][1]))
    gold["ties"].append({"kind": "sum", "statement": "resultatrakning", "note": None, "scope": "*",
                         "total": "Årets resultat", "parts": [[1, "Resultat före extraordinära poster"],
                                                              [1, "Extraordinära intäkter"], [1, "Extraordinär kostnad"]]})
    problems = _write(folder, slug, gold)
    assert any("value_sek" in p for p in problems)
    assert any("fact given twice" in p for p in problems)
    assert any("'Extraordinär kostnad' is no label" in p for p in problems)


def test_checker_catches_an_expected_failure_that_holds_and_a_missed_amount(tmp_path: Path) -> None:
    slug = "varmdo_2014_rr"
    folder, gold = _copy(tmp_path, slug)
    gold["expected_failures"].append({"statement": "resultatrakning", "period": 2014, "printed": 1,
                                      "computed": 2, "rule": "made up", "why": "made up"})
    dropped = gold["facts"].pop(3)                               # coverage: its amount line is left over
    problems = _write(folder, slug, gold)
    assert any("expected failure does not fail" in p for p in problems)
    assert any(repr(dropped["printed"]) in p and "is not a fact" in p for p in problems)


def test_checker_reads_column_sums_and_the_same_line_in_two_statements(tmp_path: Path) -> None:
    for sub in ("pages", "gold"):
        (tmp_path / sub).mkdir()
    (tmp_path / "pages" / "t.txt").write_text("Tkr Intäkter Kostnader Netto\nBarn 10 -25 -15\n"
                                              "Årets resultat 7\nBalanskrav Årets resultat 7\n", encoding="utf-8")

    def fact(statement, label, column, printed):
        return {"statement": statement, "note": None, "label": label, "period": 2022, "column": column,
                "printed": printed, "value_sek": int(printed) * 1000, "true_value_sek": None, "difficulty": "normal"}

    gold = {"source": "t.txt", "organisation": "x", "doc_type": "arsredovisning", "fiscal_year": 2022,
            "url": "https://example.org", "layout": "one row per line",
            "units": {"driftredovisning": {"declared": "tkr", "actual": "tkr"},
                      "resultatrakning": {"declared": "tkr", "actual": "tkr"},
                      "balanskrav": {"declared": "tkr", "actual": "tkr"}},
            "facts": [fact("driftredovisning", "Barn", "utfall_intakt", "10"),
                      fact("driftredovisning", "Barn", "utfall_kostnad", "-25"),
                      fact("driftredovisning", "Barn", "utfall_netto", "-15"),
                      fact("resultatrakning", "Årets resultat", "utfall", "7"),
                      fact("balanskrav", "Årets resultat", "utfall", "7")],
            "expected_failures": [],
            "ties": [{"kind": "colsum", "statement": "driftredovisning", "total": "utfall_netto",
                      "parts": [[1, "utfall_intakt"], [1, "utfall_kostnad"]]},
                     {"kind": "same", "scope": "*", "a": {"statement": "resultatrakning", "label": "Årets resultat"},
                      "b": {"statement": "balanskrav", "label": "Årets resultat"}}]}
    assert _write(tmp_path, "t", gold) == []
    gold["facts"][2].update(printed="-25", value_sek=-25000)
    gold["facts"][4].update(printed="10", value_sek=10000)
    problems = _write(tmp_path, "t", gold)
    assert sum("tie failure not in expected_failures" in p for p in problems) == 2


def test_checker_rolls_a_figure_forward_from_the_previous_period(tmp_path: Path) -> None:
    slug = "kalmar_2006_femarsoversikt"
    folder, gold = _copy(tmp_path, slug)
    assert _write(folder, slug, gold) == []
    fact = next(f for f in gold["facts"] if f["label"] == "Årets resultat" and f["period"] == 2006)
    fact["printed"], fact["value_sek"] = "34,9", 34900000         # a figure of the page, in the wrong year
    problems = _write(folder, slug, gold)
    assert any("tie failure not in expected_failures: ('oversikt', 2006" in p for p in problems)
