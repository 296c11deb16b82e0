"""Table layouts of tests/real dev pages, each asserted on the page's own text."""
from __future__ import annotations

from arsred.pipeline import process_document
from tests.helpers import ROOT

PAGES = ROOT / "tests" / "real" / "pages"


def test_a_header_broken_over_lines_each_year_before_the_next_kind_is_one_header_over_an_overview() -> None:
    # Älmhult 2012: 'Bokslut' / '2010 Bokslut' / '2011 Bokslut' / '2012' / 'Budget 2013' then the key
    # figures: 'Budget 2013' opened a budget section of its own and 'Bokslut' was a row, so the header lost
    # its first kind and 2010 was read as a budget; outcomes of three years beside next year's budget,
    # over key figures, are an overview
    result = process_document(str(PAGES / "almhult_2012_arsredovisning_nyckeltal.txt"))
    got = {(f.statement, f.period, f.column): f.value_sek for f in result.facts if f.label.startswith("Årets resultat")}
    assert got == {("oversikt", 2010, "utfall"): 9_738_000, ("oversikt", 2011, "utfall"): -2_691_000,
                   ("oversikt", 2012, "utfall"): 6_869_000, ("oversikt", 2013, "budget"): 7_412_000}
    # 'Verksamhetens nettokostnad, tkr 661 495 676 469 681 509 719 928': four amounts run together that no
    # sum of the table can cut, left out
    assert not [f for f in result.facts if f.label.startswith("Verksamhetens nettokostnad")]
