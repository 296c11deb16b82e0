"""Figures the gold of a real page does not have, which no recall or wrong-value score sees.

Each page here once gave figures presented as amounts (or as proven) that are not: a contents
list's page numbers, a percentage, a tie between two readings of a scrambled line. The gold puts
no fact where they stood, so tools/eval_gold.py reports 0 wrong; benchmarks/unmatched.py lists them.
"""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

import arsred
from arsred.options import Options

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests/real/pages"
STEMS = ("krokom_2017_not5_finansiella_poster", "stromsund_2014_ordforande", "kalmar_2006_femarsoversikt",
         "sala_2012_snabbfakta")


@pytest.fixture(scope="module")
def facts(tmp_path_factory) -> dict[str, list[dict]]:
    pages = tmp_path_factory.mktemp("pages")
    for stem in STEMS:
        shutil.copy(PAGES / f"{stem}.txt", pages)
    out = tmp_path_factory.mktemp("out")
    arsred.extract_reports([pages], out_dir=out, options=Options(jobs=1), use_cache=False)
    by_doc: dict[str, list[dict]] = {stem: [] for stem in STEMS}
    with (out / "facts.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            by_doc[row["doc_id"]].append(row)
    return by_doc


def test_a_scrambled_line_proves_no_figure(facts) -> None:
    """Krokom 2017: note 6 and the balanskrav block are one scrambled line; its two '0,0' read as
    Årets resultat (each two ways) tie, and proved each other. The gold holds no such fact."""
    rows = facts["krokom_2017_not5_finansiella_poster"]
    assert rows
    assert not [r for r in rows if r["verified"] == "True"]


def test_a_table_of_contents_gives_no_figures(facts) -> None:
    """Strömsund 2014: the contents list on line 2 ('Noter... 21 27 … Revisionsberättelse... 85 86')
    gave 39 driftredovisning 'tkr'; the chairman's sentence on line 3 is the page's figure."""
    rows = facts["stromsund_2014_ordforande"]
    assert not [r for r in rows if r["line"] == "2"]
    assert not [r for r in rows if r["statement"] == "driftredovisning"]
    assert any(r["item"] == "ov.arets_resultat" and float(r["value_sek"]) == 24_900_000 for r in rows)


def test_a_percentage_under_a_wrapped_or_share_label_is_no_amount(facts) -> None:
    """Kalmar 2006 l.26–28 'Löpande kostnader i procent av skatteintäkter / och generella
    statsbidrag (nettokostnadsandel) 98,3 …' and Sala 2012 'Årets resultat som andel … %' 1,9:
    shares, once read as 98,3 kr and 1,9 mnkr."""
    kalmar = facts["kalmar_2006_femarsoversikt"]
    assert kalmar and not [r for r in kalmar if r["line"] == "28" or "nettokostnadsandel" in r["item"]]
    assert not [r for r in facts["sala_2012_snabbfakta"] if "andel" in r["item"]]
