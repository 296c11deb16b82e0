"""Overview and budget tables that declare no unit: read in a unit only where the report gives evidence
for it (normalize/units.py `_evidenced_unit`), otherwise their figures are left out with a warning
naming the table; a row printing its own unit ('… överskott på 17 mkr.') keeps it."""
from __future__ import annotations

from pathlib import Path

import pytest

from arsred.pipeline import process_document
from tests.helpers import CORPUS

PAGES = Path(__file__).resolve().parent / "real/pages"

OVERVIEW = """{opening}

Fem år i sammandrag

                              2023        2022        2021
Verksamhetens intäkter     {income}
Verksamhetens kostnader   {costs}
Årets resultat                45 120      38 200      12 455
"""
BIG_INCOME = "1 234 567   1 198 004   1 150 320"
BIG_COSTS = "-3 456 789  -3 301 456  -3 150 980"
STATEMENT_TKR = """
Resultaträkning
Belopp i tkr                          2023        2022
Verksamhetens intäkter              412 567     398 004
Verksamhetens kostnader            -456 789    -431 456
Avskrivningar                        -20 000     -19 000
Verksamhetens nettokostnad           -64 222     -52 452
Skatteintäkter                       100 000      85 000
Finansiella intäkter                   9 342       5 652
Årets resultat                        45 120      38 200
"""


def _run(tmp_path: Path, text: str):
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return process_document(str(path))


def test_a_small_budget_with_no_unit_anywhere_is_left_out_not_read_as_kronor(tmp_path):
    # '12,5' under 'Budget 2024' with no unit on the page: 12,50 kr, 12 500 kr or 12,5 mnkr alike
    result = _run(tmp_path, """Samordningsförbundet Västra Norrland
Årsredovisning 2023

Budget 2024

                            Budget 2024    Budget 2023
Medlemsavgifter                    12,5           11,0
Verksamhetens kostnader           -10,0           -9,5
Årets resultat                      2,5            1,5
""")
    assert not [f for f in result.facts if f.statement == "budget"]
    assert "'Budget 2024' (page 1 line 7) declares no unit" in result.record.error
    assert "left out" in result.record.error


def test_a_kommuns_overview_of_seven_digits_with_no_unit_is_left_out(tmp_path):
    # 1 234 567 is 1,2 mnkr in kronor or 1,2 billion in tkr: a kommun of 25 000 inhabitants prints the
    # latter every year, so its size tells nothing
    result = _run(tmp_path, OVERVIEW.format(opening="Årsredovisning 2023 Exempelby kommun",
                                            income=BIG_INCOME, costs=BIG_COSTS))
    assert not result.facts
    assert "'Fem år i sammandrag' (page 1 line 6) declares no unit" in result.record.error


def test_a_forbunds_overview_of_seven_digits_is_in_kronor(tmp_path):
    # the same table from a samordningsförbund: in tkr it would be a billion, beyond any förbund
    result = _run(tmp_path, OVERVIEW.format(opening="Årsredovisning 2023 Samordningsförbundet Exempelby",
                                            income=BIG_INCOME, costs=BIG_COSTS))
    income = {f.period: f.value_sek for f in result.facts if f.label == "Verksamhetens intäkter"}
    assert income == {2023: 1_234_567, 2022: 1_198_004, 2021: 1_150_320}
    assert "too large for a forbund's figures in tkr" in result.record.warnings


def test_an_overview_takes_the_unit_of_the_statement_that_prints_its_figures_again(tmp_path):
    # a kommun's overview printing 412 567 with no unit, its Resultaträkning 'Belopp i tkr' the same
    text = OVERVIEW.format(opening="Årsredovisning 2023 Exempelby kommun",
                           income="412 567     398 004     350 320",
                           costs="-456 789    -431 456    -410 980") + STATEMENT_TKR
    result = _run(tmp_path, text)
    overview = {(f.label, f.period): f for f in result.facts if f.statement == "oversikt"}
    assert overview[("Verksamhetens intäkter", 2021)].value_sek == 350_320_000
    assert {f.unit for f in overview.values()} == {"tkr"}
    assert "its Verksamhetens intäkter 412 567 is 412 567 tkr in a table that declares its unit" \
        in result.record.warnings


@pytest.mark.parametrize("doc, evidence, item, value", [
    # the overview's Årets resultat 236 500 beside the Resultaträkning's 237 tkr
    ("001_417f4babd9b8cbcc", "its Arets resultat 236 500 is 237 tkr", "Årets resultat", 236_500),
    # '3 754 000' in the overview, 'intäkter på 3 754 000 kronor' in the text
    ("002_beb5154270de7dff", "its 3 754 000 is the 3 754 000 kronor stated on page 2 line 77",
     "Verksamhetens intäkter", 3_754_000),
    # a samordningsförbund's budget summing to 1 722 000 with no unit and nothing else to tell it
    ("004_3cec9309cdf15549", "its largest figure, 1 722 000, is too large for a forbund's figures in tkr",
     "Summa intäkter", 1_722_000),
])
def test_the_corpus_overviews_and_budgets_are_read_in_the_unit_their_evidence_gives(doc, evidence, item, value):
    result = process_document(str(CORPUS / f"{doc}.txt"))
    assert evidence in result.record.warnings
    assert value in {f.value_sek for f in result.facts if f.label == item and f.statement in ("oversikt", "budget")}


def test_a_row_printing_its_unit_is_read_in_it_where_its_table_declares_none():
    # Tanum's budget news: 'Sammantaget visar budgeten ett överskott på 17 mkr.' was read as 17 kr
    result = process_document(str(PAGES / "tanum_2014_budget_ledningsbloggen.txt"))
    budget = [f for f in result.facts if f.statement == "budget"]
    assert [(f.printed, f.unit, f.value_sek) for f in budget] == [("17", "mkr", 17_000_000)]


KOMMUN_RR = """Årsredovisning 2023 Storby kommun

Resultaträkning
                                      2023          2022
Verksamhetens intäkter             1 412 567     1 398 004
Verksamhetens kostnader           -5 456 789    -5 231 456
Avskrivningar                       -220 000      -219 000
Verksamhetens nettokostnad        -4 264 222    -4 052 452
{tax}
Generella statsbidrag och utjämning  500 000       480 000
Verksamhetens resultat               135 778       177 548
Finansiella intäkter                  19 342        15 652
Finansiella kostnader                -30 000       -28 000
Resultat efter finansiella poster    125 120       165 200
Årets resultat                       125 120       165 200
"""


def test_a_kommuns_statement_of_seven_digits_with_no_unit_is_read_in_the_unit_its_tax_income_fits(tmp_path):
    # was read in kronor for its size (5 456 789 kr): Skatteintäkter 3 900 000 is a kommun's tax income
    # only in tkr (unit_bounds.toml)
    result = _run(tmp_path, KOMMUN_RR.format(tax="Skatteintäkter                     3 900 000     3 750 000"))
    assert {f.unit for f in result.facts} == {"tkr"}
    costs = {f.period: f.value_sek for f in result.facts if f.label == "Verksamhetens kostnader"}
    assert costs == {2023: -5_456_789_000, 2022: -5_231_456_000}
    assert not any(f.verified for f in result.facts)


def test_a_kommuns_statement_of_seven_digits_with_nothing_to_tell_its_unit_is_left_out(tmp_path):
    # the same statement without its tax income: kronor or tkr alike, and no förbund
    result = _run(tmp_path, KOMMUN_RR.format(tax=""))
    assert not [f for f in result.facts if f.statement == "resultatrakning"]
    assert "resultatrakning: 'Resultaträkning' (page 1 line 5) declares no unit" in result.record.error


def test_one_short_figure_that_the_text_states_in_kronor_by_chance_tells_no_unit(tmp_path):
    # '120 000 kronor' in a sentence about something else: the overview's 120 might be tkr, or chance
    text = OVERVIEW.format(opening="Årsredovisning 2023 Exempelby kommun\n\nFöreningen fick 120 000 kronor i bidrag.",
                           income="412 567     398 004     120", costs="-456 789    -431 456    -410 980")
    result = _run(tmp_path, text)
    assert not [f for f in result.facts if f.statement == "oversikt"]
    assert "none stated in kronor in the text" in result.record.error


def test_two_figures_the_text_states_in_kronor_tell_the_unit(tmp_path):
    text = OVERVIEW.format(opening="Årsredovisning 2023 Exempelby kommun\n\nIntäkterna var 412 567 000 kronor "
                                   "och året innan 398 004 000 kronor.",
                           income="412 567     398 004     350 320", costs="-456 789    -431 456    -410 980")
    result = _run(tmp_path, text)
    income = {f.period: f.value_sek for f in result.facts if f.statement == "oversikt"
              and f.label == "Verksamhetens intäkter"}
    assert income == {2023: 412_567_000, 2022: 398_004_000, 2021: 350_320_000}
