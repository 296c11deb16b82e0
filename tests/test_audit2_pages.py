"""Real pages of the second eye audit: each held a figure arsred presented wrongly (issue 10)."""
from __future__ import annotations

from arsred.pipeline import process_document
from tests.helpers import ROOT

PAGES = ROOT / "tests" / "fixtures" / "audit2"


def test_a_table_in_billions_of_kronor_is_left_out_not_read_as_kronor() -> None:
    # 'Resultaträkning för landsting 2011–2013, miljarder kronor': 40,6 is 40,6 billion kronor, a unit
    # no fact carries; read as kronor it was 40.6 kr
    result = process_document(str(PAGES / "landstingen_2013_resultatrakning_blogg.txt"))
    assert not result.facts and result.record.status == "error"
    assert "'Resultaträkning för landsting 2011–2013, miljarder kronor' declares its amounts in mdkr" in result.record.error


def test_a_notes_heading_on_a_line_of_its_own_is_no_row_with_an_amount() -> None:
    # 'Noter' / 'Not 1' / 'REDOVISNINGSPRINCIPER': the 1 is the note's number, not 1 tkr
    result = process_document(str(PAGES / "trollhattanenergi_2019_noter.txt"))
    assert not result.facts and result.record.status == "error"
