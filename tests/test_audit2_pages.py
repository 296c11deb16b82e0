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


def test_a_figure_with_a_thousands_comma_is_left_out_not_read_a_thousandfold_small() -> None:
    # 'Betalda skatter -2,689 -3 918' in a tkr table of whole numbers: 38 821 - 2 689 = 36 132
    result = process_document(str(PAGES / "hfab_2017_kassaflodesanalys.txt"))
    got = {(f.label, f.period): f.value_sek for f in result.facts}
    assert ("Betalda skatter", 2017) not in got
    assert got[("Betalda skatter", 2016)] == -3_918_000
    assert got[("Resultat efter finansiella poster", 2017)] == 10_854_000
    assert got[("Kassaflöde från den löpande verksamheten", 2017)] == 45_717_000
    assert got[("Likvida medel vid årets slut", 2017)] == 30_000
    assert not any(abs(f.value_sek) < 1_000 and f.value_sek for f in result.facts)
    assert any("Betalda skatter" in w and "could not be read" in w for w in result.record.warnings.split("; "))
    # the skipped sum names the figure that breaks it (line 10), not only the column's first unknown one (line 9)
    assert any(c.status == "skipped" and "page 1 line 10 could not be read" in c.message for c in result.checks)


def test_a_list_under_a_later_lead_in_is_not_the_goals_a_sentence_introduced() -> None:
    # '… de sju övergripande målen i budgeten som är:' lists the goals; 'Budgeten 2024 ger bland annat:'
    # lists what the budget gives ('Oförändrad skatt', '44,6 miljoner kronor mer till utbildning')
    result = process_document(str(PAGES / "upplandsbro_2024_budget_nyhet.txt"))
    assert [g["goal"] for g in result.goals] == [
        "Stärkt invånarnytta", "Service, valfrihet och konkurrensneutralitet", "Värdigt åldrande",
        "Livslångt lärande", "Social hållbarhet", "Småskaligt och attraktivt samhällsbyggande",
        "Minskat klimatavtryck"]


def test_a_non_breaking_hyphen_before_a_figure_is_its_minus_sign() -> None:
    # SCB prints '‑672 783' (U+2011): unread, the rows vanished and the page that adds up was flagged
    # with 15 failed sums; read as minus signs, every row and sum stands
    result = process_document(str(PAGES / "scb_2021_resultatrakning_kommuner.txt"))
    got = {(f.label, f.period): f.value_sek for f in result.facts}
    assert got[("Verksamhetens kostnader", 2017)] == -672_783_000_000
    assert got[("Verksamhetens nettokostnader", 2021)] == -606_785_000_000
    assert got[("Extraordinära poster", 2019)] == 1_760_000_000 and got[("Extraordinära poster", 2021)] == -1_733_000_000
    assert got[("Årets resultat", 2021)] == 45_645_000_000
    assert result.record.status == "ok" and result.record.n_failed_checks == 0


def test_a_superscript_footnote_mark_after_a_figure_is_a_mark_not_a_lost_row(tmp_path) -> None:
    # the SCB page with a footnote's number printed as a superscript after a figure ('514 363¹'):
    # unread, the whole Skatteintäkter row vanished and the page was flagged with 5 failed sums
    page = (PAGES / "scb_2021_resultatrakning_kommuner.txt").read_text(encoding="utf-8")
    marked = page.replace("486 100 514 363\n", "486 100 514 363¹\n")
    assert marked != page
    path = tmp_path / "scb_superscript.txt"
    path.write_text(marked, encoding="utf-8")
    result = process_document(str(path))
    got = {(f.label, f.period): f.value_sek for f in result.facts}
    assert got[("Skatteintäkter", 2021)] == 514_363_000_000 and got[("Skatteintäkter", 2017)] == 453_322_000_000
    assert result.record.status == "ok" and result.record.n_failed_checks == 0
