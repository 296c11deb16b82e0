"""Suspected OCR slips: a suggestion only when one corrected figure makes every check it is in pass."""
from __future__ import annotations

import dataclasses

import pytest
import reconcile_fixtures as F
from arsred.normalize.reconcile import reconcile
from arsred.normalize.reconcile.slips import candidates
from reconcile_fixtures import table


def suggested(facts, lines=()):
    results, out = reconcile(facts, lines=lines)
    return {(f.statement, f.label, f.period): f.suggested_value_sek for f in out
            if f.suggested_value_sek is not None}, results, out


def test_001_both_slips_suggested_and_printed_values_untouched():
    got, results, out = suggested(F.doc001(), F.NOTE_LINES_001)
    assert got == {("balansrakning", "Övrigt eget kapital", 2023): 701_120.0,
                   ("kassaflodesanalys", "Kassaflöde från den löpande verksamheten", 2023): -256_460.0}
    printed = {(f.statement, f.label, f.period): f.value_sek for f in out}
    assert printed[("balansrakning", "Övrigt eget kapital", 2023)] == 7_011_120.0
    rows = [r for r in results if r.status == "fail" and r.statement == "balansrakning"]
    assert rows and all("701,12" in r.suggestion for r in rows)


def test_corrected_001_adds_up_in_balance_sheet_and_cash_flow():
    results, _ = reconcile(F.doc001(ovrigt_2023="701,12", lopande_2023="-256,46"), lines=F.NOTE_LINES_001)
    failed = {(r.statement, r.period) for r in results if r.status == "fail"}
    assert not {("balansrakning", 2023), ("balansrakning", 2024), ("kassaflodesanalys", 2023)} & failed


def test_002_subtotal_misprint_is_not_explained_by_a_slip():
    got, _, _ = suggested(F.doc002(), F.NOTE_LINES_002)
    assert got == {}


def _sum_table(total: str, *lines: str):
    rows = [(f"Rad {i}", f"bu.rad_{i}", p) for i, p in enumerate(lines)]
    return table("budget", 1, [(2024, "budget")], rows + [("=Summa", "bu.summa", total)], unit="kr")


def test_control_no_suggestion_when_it_adds_up():
    got, results, _ = suggested(_sum_table("1 600", "1 000", "600"))
    assert got == {} and not [r for r in results if r.status == "fail"]


def _cross(printed_rr: str, printed_br: str, printed_kf: str):
    """Årets resultat printed in three statements: two agree, one carries the slip."""
    y = [(2024, "utfall")]
    return (table("resultatrakning", 1, y, [("=Årets resultat", "rr.arets_resultat", printed_rr)], unit="kr")
            + table("balansrakning", 2, y, [("Årets resultat", "br.arets_resultat", printed_br)], unit="kr")
            + table("kassaflodesanalys", 3, y, [("Årets resultat", "kf.arets_resultat", printed_kf)], unit="kr"))


@pytest.mark.parametrize("slip,true", [
    ("7011,12", 701.12),     # digit doubled
    ("71,12", 711.12),       # a doubled digit dropped
    ("71,12", 701.12),       # an arbitrary digit dropped: not suggested (too many ways to fit)
    ("256,46", -256.46),     # minus lost
    ("70112", 701.12),       # decimal comma lost
    ("708,12", 706.12),      # 6 read as 8
    ("705,12", 706.12),      # 6 read as 5
    ("107,12", 101.12),      # 1 read as 7
    ("108,12", 100.12),      # 0 read as 8
])
def test_slip_kinds_in_a_cross_statement_tie(slip, true):
    true_text = f"{true:.2f}".replace(".", ",")
    facts = _cross(true_text, slip, true_text)
    got, _, _ = suggested(facts)
    if (slip, true) == ("71,12", 701.12):
        assert got == {}           # inserting an arbitrary digit is not a typical slip
    else:
        assert got == {("balansrakning", "Årets resultat", 2024): pytest.approx(true)}


def test_no_suggestion_when_two_corrections_fit():
    # a two-line sum: either addend's 6→8 slip would explain it, so neither is suggested
    got, results, _ = suggested(_sum_table("1 400", "800", "800"))
    assert [r.status for r in results if r.check == "sum_rows"] == ["fail"]
    assert got == {}


def test_suggestion_must_make_every_check_pass_and_be_unique():
    y = [(2024, "utfall")]
    facts = (table("resultatrakning", 1, y, [("=Årets resultat", "rr.arets_resultat", "706")], unit="kr")
             + table("balansrakning", 2, y, [("Årets resultat", "br.arets_resultat", "708")], unit="kr"))
    got, _, _ = suggested(facts)
    assert got == {}           # RR 706→708 or BR 708→706: either fits, so neither is said
    facts += table("kassaflodesanalys", 3, y, [("Årets resultat", "kf.arets_resultat", "708")], unit="kr")
    got, _, _ = suggested(facts)
    # BR 708→706 would leave KF failing; RR 706→708 makes both ties pass
    assert got == {("resultatrakning", "Årets resultat", 2024): 708}


def test_candidates_cover_the_typical_slips():
    f = F.br001()[0]
    f = dataclasses.replace(f, printed="7011,12", value_sek=7_011_120.0, unit="tkr")
    values = {c.value_sek for c in candidates(f)}
    assert 701_120.0 in values and -7_011_120.0 in values
    assert all(v != f.value_sek for v in values)
