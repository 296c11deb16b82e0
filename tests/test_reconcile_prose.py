"""Amounts stated in prose, tied to the statement items they describe."""
from __future__ import annotations

import reconcile_fixtures as F
from arsred.normalize.reconcile import reconcile
from arsred.normalize.reconcile.prose import extract_prose


def amounts(text: str, fy: int = 2022):
    return {(p.target, p.period, p.value_sek) for p in extract_prose(F.lines(text), fy)}


def test_plain_statements_are_read():
    got = amounts(F.PROSE_002)
    assert ("intakter", 2022, 3_754_000) in got
    assert ("resultat", 2022, 195_356) in got
    assert ("eget_kapital", 2022, 569_043) in got and ("eget_kapital", 2022, 569_356) in got


def test_changes_other_years_and_table_rows_are_not_read():
    got = amounts(F.PROSE_002)
    assert not any(v in (8_000, 4_128_000) for _t, _p, v in got)
    assert amounts("Beslut om tilldelade medel från förbundsmedlemmarna för 2025 är 2 816 tkr. "
                   "Utgående eget kapital kr 820 526 584 026 701119", 2024) == set()


def test_units_and_ocr_without_diacritics():
    assert amounts("For 2024 fick forbundet driftbidrag fran parterna med 2 832 tkr vilket ar samma.", 2024) \
        == {("intakter", 2024, 2_832_000)}


def test_prose_ties_pass_within_the_statements_rounding_and_fail_beyond():
    ok, _ = reconcile(F.doc002(), lines=F.lines(F.PROSE_002))
    assert {r.status for r in ok if r.check == "prose"} == {"pass"}
    bad, _ = reconcile(F.doc002(), lines=F.lines("Årets resultat blev ett överskott på 295 356 kronor."))
    r = next(r for r in bad if r.check == "prose")
    assert r.status == "fail" and r.severity == "warning" and r.statement == "resultatrakning"


def test_differences_are_not_read_as_amounts():
    assert amounts("Årets resultat blev 1,2 mkr bättre än budget.", 2024) == set()
    assert amounts("Årets resultat blev ett överskott på 1,2 mkr.", 2024) == {("resultat", 2024, 1_200_000)}


def test_a_part_the_result_includes_is_not_the_result():
    """Lilla Edet (lillaedet_2019_preliminart_bokslut): 'I resultatet ingår överskott från
    exploateringsverksamheten med 5,0 mnkr' states a part of the result (-15,6 mnkr), as 'varav' does."""
    assert amounts("I resultatet ingår överskott från exploateringsverksamheten med 5,0 mnkr.", 2019) == set()
    assert amounts("Resultatet blev ett överskott på 5,0 mnkr.", 2019) == {("resultat", 2019, 5_000_000)}
