"""Reconciliation checks on small hand-written tables: pass, fail, rounding edges, skipped inputs."""
from __future__ import annotations

import reconcile_fixtures as F
from arsred.normalize.reconcile import reconcile
from arsred.normalize.reconcile.checks import holds, load_checks
from reconcile_fixtures import Y2, table


def run(facts, lines=(), fy=None):
    return reconcile(facts, lines=lines, fiscal_year=fy)[0]


def fails(results):
    return [r for r in results if r.status == "fail"]


def keyed(results, check):
    return {(r.statement, r.period, r.column): r.status for r in results if r.check == check}


# --- tolerance -----------------------------------------------------------------------------

def test_touching_intervals_pass():
    # 002: Kassa och bank 2 181 vs Likvida medel vid årets slut 2 182, both ±500 kr
    assert holds(2_182_000, 500, 2_181_000, 500)
    assert not holds(2_182_000, 500, 2_180_999, 500)


def test_decimal_tkr_difference_passes_within_rounding():
    facts = table("kassaflodesanalys", 1, [(2023, "utfall")], [
        ("=Årets kassaflöde", "kf.arets_kassaflode", "-256,46"),
        ("Likvida medel vid årets början", "kf.likvida_medel_arets_borjan", "1492,77"),
        ("=Likvida medel vid årets slut", "kf.likvida_medel_arets_slut", "1 236,30")])
    res = run(facts)
    assert keyed(res, "kf.likvida_medel")[("kassaflodesanalys", 2023, "utfall")] == "pass"
    assert not fails(res)


def test_subtotal_that_leaves_out_a_line_fails():
    # 195 + 37 - 909 = -677, printed -872 (002)
    facts = table("kassaflodesanalys", 1, [(2022, "utfall")], [
        ("Årets resultat", "kf.arets_resultat", "195"),
        ("=Medel från verksamheten före förändring av rörelsekapital", "kf.medel_fore_rorelsekapital", "195"),
        ("Ökning/minskning kortfristiga fordringar", "kf.forandring_fordringar", "37"),
        ("Ökning/minskning kortfristiga skulder", "kf.forandring_skulder", "-909"),
        ("=Kassaflöde från den löpande verksamheten", "kf.kassaflode_lopande_verksamheten", "-872")])
    res = run(facts)
    failed = {(r.check, r.period) for r in fails(res)}
    assert ("sum_rows", 2022) in failed and ("kf.kassaflode_lopande", 2022) in failed


def test_sum_of_many_tkr_lines_passes_within_summed_rounding():
    # twelve lines each rounded to whole tkr; their true sum may differ from the printed total by up to 6.5 tkr
    rows = [(f"Insats {i}", f"dr.insats_{i}", "-1") for i in range(12)]
    rows.append(("=Summa insatser", "dr.summa", "-17"))
    res = run(table("driftredovisning", 1, [(2024, "utfall_netto")], rows))
    assert keyed(res, "sum_rows")[("driftredovisning", 2024, "utfall_netto")] == "pass"
    rows[-1] = ("=Summa insatser", "dr.summa", "-19")       # 7 tkr off: beyond 12 × 0.5 + 0.5
    res = run(table("driftredovisning", 1, [(2024, "utfall_netto")], rows))
    assert keyed(res, "sum_rows")[("driftredovisning", 2024, "utfall_netto")] == "fail"


# --- sum rows: structure -------------------------------------------------------------------

def test_budget_plan_with_unlabelled_and_nested_subtotals_passes():
    res = run(F.doc004())
    sums = [r for r in res if r.check == "sum_rows"]
    assert len(sums) == 5 and all(r.status == "pass" for r in sums)
    assert not fails(res)


def test_unlabelled_subtotal_not_marked_total_is_understood():
    res = run(F.doc004(parternas_marked_total=False))
    assert not fails(res) and len([r for r in res if r.check == "sum_rows"]) == 4


def test_total_right_under_a_heading_is_skipped_not_failed():
    facts = table("balansrakning", 1, Y2, [
        ("Kassa och bank", "br.kassa_och_bank", "10", "10"),
        ("=Summa tillgångar", "br.summa_tillgangar", "10", "10"),
        ("Eget kapital och skulder", "br.eget_kapital_avsattningar_och_skulder"),
        ("=Eget kapital", "br.eget_kapital", "4", "3"),
        ("Övrigt eget kapital", "br.ovrigt_eget_kapital", "6", "7"),
        ("=Summa eget kapital och skulder", "br.summa_eget_kapital_avsattningar_och_skulder", "10", "10")])
    res = run(facts)
    assert not fails(res)
    assert any(r.status == "skipped" and "heading" in r.message for r in res)


def test_varav_rows_are_not_summed():
    res = run(F.dr001())
    assert ("driftredovisning", 2024, "utfall_kostnad") in keyed(res, "sum_rows")
    assert keyed(res, "sum_rows")[("driftredovisning", 2024, "utfall_kostnad")] == "pass"


def test_balanskrav_label_signs():
    facts = table("balanskrav", 1, [(2024, "utfall")], [
        ("Årets resultat enligt resultaträkningen", "bk.arets_resultat", "237"),
        ("- Samtliga realisationsvinster", "bk.samtliga_realisationsvinster", "37"),
        ("=Balanskravsresultat", "bk.balanskravsresultat", "200")])
    assert keyed(run(facts), "sum_rows")[("balanskrav", 2024, "utfall")] == "pass"


def test_costs_printed_positive_in_a_note_are_compared_by_magnitude():
    res = run(F.doc002(), F.NOTE_LINES_002)
    notes = [r for r in res if r.check == "note_to_line"]
    assert len(notes) == 8 and all(r.status == "pass" for r in notes)


def test_note_total_that_disagrees_with_its_line_fails():
    facts = F.rr001() + table("noter", 5, Y2, [
        ("Driftbidrag från staten", "not.a", "1416", "1416"),
        ("Driftbidrag från kommun", "not.b", "708", "708"),
        ("=Summa", "not.summa", "2124", "2124")], note=2, page=19, first_line=933)
    res = run(facts, F.NOTE_LINES_001)
    assert keyed(res, "note_to_line") == {("noter", 2024, "utfall"): "fail", ("noter", 2023, "utfall"): "fail"}


def test_note_without_title_is_skipped():
    res = run(F.rr001() + F.notes001())
    assert {r.status for r in res if r.check == "note_to_line"} == {"skipped"}


# --- equations, cross-statement, roll-forward ------------------------------------------------

def test_result_chain_passes_and_fails():
    assert not [r for r in fails(run(F.rr001()))]
    bad = [f if not (f.item == "rr.verksamhetens_resultat" and f.period == 2024) else
           f.__class__(**{**f.__dict__, "value_sek": 192_000.0, "printed": "192"}) for f in F.rr001()]
    assert ("rr.verksamhetens_resultat", 2024) in {(r.check, r.period) for r in fails(run(bad))}


def test_missing_inputs_are_skipped_with_reason_never_passed():
    res = run(table("balansrakning", 1, Y2, [("Årets resultat", "br.arets_resultat", "5", "4")]))
    r = next(r for r in res if r.check == "br.arets_resultat_vs_rr")
    assert r.status == "skipped" and "rr.arets_resultat" in r.message


def test_overview_with_financial_income_in_intakter_ties_either_way():
    res = run(F.doc002())
    assert keyed(res, "ov.intakter_vs_rr")[("oversikt", 2022, "utfall")] == "pass"
    assert keyed(res, "ov.kostnader_vs_rr")[("oversikt", 2022, "utfall")] == "pass"
    assert keyed(res, "ov.result_chain")[("oversikt", 2022, "utfall")] == "pass"


def test_overview_excluding_financial_items_is_skipped_without_rr():
    res = run(F.ov001())
    r = [r for r in res if r.check == "ov.result_chain" and r.period == 2022][0]
    assert r.status == "skipped" and "financial" in r.message


def test_overview_roll_forward_2021_fails_others_pass():
    got = keyed(run(F.ov001()), "ov.eget_kapital_roll")
    assert got[("oversikt", 2021, "utfall")] == "fail"
    assert got[("oversikt", 2022, "utfall")] == got[("oversikt", 2024, "utfall")] == "pass"
    assert got[("oversikt", 2020, "utfall")] == "skipped"


def test_closing_cash_equals_balance_sheet_cash_at_the_rounding_boundary():
    got = keyed(run(F.doc002()), "kf.likvida_medel_vs_br")
    assert got[("kassaflodesanalys", 2021, "utfall")] == "pass"       # 2 182 vs 2 181


# --- Driftredovisning and money blocks -----------------------------------------------------

def test_driftredovisning_identities():
    res = run(F.dr001())
    rows = {(r.period, r.message.split(" ")[0]) for r in fails(res) if r.check == "dr.row"}
    assert rows == {(2023, "Driftbidrag"), (2023, "Verksamhet"), (2023, "Resultat"), (2024, "Resultat")}
    assert not [r for r in res if r.check == "dr.variance" and r.status == "fail"]


def test_variance_with_opposite_convention_passes():
    cols = [(2024, "utfall_netto"), (2024, "budget_netto"), (2024, "avvikelse")]
    facts = table("driftredovisning", 1, cols, [("Kansli", "dr.kansli", "-648", "-667", "-19"),
                                                ("Styrelse", "dr.styrelse", "-102", "-65", "37")])
    assert {r.status for r in run(facts) if r.check == "dr.variance"} == {"pass"}


def test_money_blocks_tie_to_the_initiatives_row_by_name():
    res = run(F.dr001() + F.blocks001())
    failed = sorted(r.message.split(":")[0] for r in fails(res) if r.check == "money_block_vs_dr")
    assert failed == ["Fokus Psykisk hälsa (Psykiatriveckan)"] * 2 + ["Loksam idéverkstad"] * 2
    assert not [r for r in res if r.check == "money_block" and r.status == "fail"]


def test_money_block_without_matching_row_is_skipped():
    res = run(F.blocks001())
    assert {r.status for r in res if r.check == "money_block_vs_dr"} == {"skipped"}


# --- domain rules are information, never failures --------------------------------------------

def test_equity_ratio_above_recommendation_is_information_not_failure():
    res = run(F.doc001(), F.NOTE_LINES_001, fy=2024)
    r = next(r for r in res if r.check == "info.eget_kapital_ratio")
    assert r.status == "pass" and r.severity == "info" and "above" in r.message


def test_negative_balanskrav_without_reason_is_information():
    facts = table("balanskrav", 1, [(2024, "utfall")], [
        ("Årets resultat", "bk.arets_resultat", "-50"), ("=Balanskravsresultat", "bk.balanskravsresultat", "-50")])
    r = next(r for r in run(facts) if r.check == "info.negative_balanskrav")
    assert r.status == "pass" and r.severity == "info" and "no reason" in r.message


# --- the corpus reports, hand-typed ----------------------------------------------------------

def _flags(results, gold_failures, tolerated=()):
    failed = {(r.statement, r.period) for r in fails(results)}
    missed = [e for e in gold_failures if e not in failed]
    false = failed - set(gold_failures) - set(tolerated)
    return missed, false


def test_report_001_flags_every_expected_failure_and_nothing_else():
    expected = [("oversikt", 2021), ("balansrakning", 2023), ("balansrakning", 2024), ("kassaflodesanalys", 2023),
                ("driftredovisning", 2024), ("driftredovisning", 2023), ("budget", 2024)]
    missed, false = _flags(run(F.doc001(), F.NOTE_LINES_001), expected, [("oversikt", 2022)])
    assert not missed and not false


def test_report_002_flags_only_the_cash_flow_subtotals():
    res = run(F.doc002(), F.NOTE_LINES_002 + F.lines(F.PROSE_002))
    missed, false = _flags(res, [("kassaflodesanalys", 2022), ("kassaflodesanalys", 2021)])
    assert not missed and not false
    assert any(r.check == "prose" and r.status == "pass" for r in res)


def test_every_check_id_is_documented():
    doc = (F.__file__.rsplit("/tests/", 1)[0] + "/docs/checks.md")
    text = open(doc, encoding="utf-8").read()
    assert all(f"`{c.id}`" in text for c in load_checks())


def test_costs_printed_without_minus_in_a_statement_pass():
    facts = table("resultatrakning", 1, Y2, [
        ("Verksamhetens intäkter", "rr.verksamhetens_intakter", "100", "90"),
        ("Verksamhetens kostnader", "rr.verksamhetens_kostnader", "80", "85"),
        ("Avskrivningar", "rr.avskrivningar", "5", "5"),
        ("=Verksamhetens resultat", "rr.verksamhetens_resultat", "15", "0")])
    res = run(facts)
    assert not fails(res)
    assert {r.status for r in res if r.check in ("sum_rows", "rr.verksamhetens_resultat")} == {"pass"}


def test_initiative_name_garbled_by_ocr_still_finds_its_row():
    from arsred.normalize.reconcile.check_rules import _match_row
    rows = {"SFI på modersmål Extra läs- och skrivstöd": [], "Folkhälsa": [], "Loksam": []}
    assert (
        _match_row("SFI på modersmål/SFI med extra lids- och skrivstöd", rows)[0] or "").startswith("SFI")
    assert _match_row("Fokus Psykisk hälsa (Psykiatriveckan)", rows)[0] is None
    assert _match_row("Löksam idéverkstad", {"Löksam": []})[0] == "Löksam"
