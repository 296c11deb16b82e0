"""The municipal identities of checks.toml on real statement pages (tests/real/pages): a kommun's
Resultaträkning runs nettokostnader → verksamhetens resultat → resultat efter finansiella poster,
and its balanskravsutredning runs from årets resultat to the balanskravsresultat."""
from __future__ import annotations

from pathlib import Path

from arsred.pipeline import process_document

PAGES = Path(__file__).resolve().parent / "real/pages"


def _statuses(slug: str, check: str) -> dict[tuple[int, str], str]:
    result = process_document(str(PAGES / f"{slug}.txt"))
    return {(c.period, "group" if "@group" in c.facts[0] else "entity"): c.status
            for c in result.checks if c.check == check}


def test_a_kommuns_verksamhetens_resultat_adds_taxes_and_equalisation_to_its_net_costs():
    # Luleå 2018: Verksamhetens nettokostnader −4 520 = 1 268 − 5 455 − 332; Verksamhetens resultat
    # −32 = −4 520 + 3 998 + 490 — the net costs were read as Verksamhetens resultat before, so the
    # two lines shared one item and neither identity could be told apart
    both = {(y, s): "pass" for y in (2017, 2018) for s in ("entity", "group")}
    assert _statuses("lulea_2018_rr", "rr.verksamhetens_nettokostnader") == both
    assert _statuses("lulea_2018_rr", "rr.verksamhetens_resultat") == both
    assert _statuses("lulea_2018_rr", "rr.resultat_efter_finansiella_poster") == both


def test_before_2019_the_chain_runs_from_net_costs_to_the_result_after_financial_items():
    # Värmdö 2014 prints no Verksamhetens resultat: Resultat efter skatter och finansnetto =
    # nettokostnader + skatteintäkter + utjämning − avgifter + finansnetto
    got = _statuses("varmdo_2014_rr", "rr.resultat_efter_finansiella_poster")
    assert got and set(got.values()) == {"pass"}


def test_the_balanskrav_chain_from_arets_resultat_to_balanskravsresultat():
    # Göteborg 2017: 2 128 − 824 = 1 304 efter balanskravsjusteringar; 1 304 − 1 000 (medel till
    # RUR) = 304 balanskravsresultat, for 2015–2017
    years = {(y, "entity"): "pass" for y in (2015, 2016, 2017)}
    assert _statuses("goteborg_2017_rr_balanskrav", "bk.resultat_efter_balanskravsjusteringar") == years
    assert _statuses("goteborg_2017_rr_balanskrav", "bk.balanskravsresultat") == years


def test_an_overviews_total_is_a_sum_only_where_the_rows_above_add_up_every_year():
    # Borås 2014 (Tio år i sammandrag): SUMMA 3 825 = anläggningstillgångar 3 181 +
    # omsättningstillgångar 644, and so on for all ten years — proven; ÅRETS RESULTAT, whose parts'
    # labels the page lost, under NETTOINVESTERINGAR … is skipped, never failed
    result = process_document(str(PAGES / "boras_2014_tio_ar_i_sammandrag.txt"))
    sums = [c for c in result.checks if c.check == "sum_rows"]
    assert {c.status for c in sums} == {"pass", "skipped"}
    assert len([c for c in sums if c.status == "pass" and c.message.startswith("SUMMA")]) == 10
    verified = {f.label for f in result.facts if f.verified}
    assert {"SUMMA", "Anläggningstillgångar", "Omsättningstillgångar"} <= verified


def test_a_block_after_a_subtotal_is_decided_by_the_one_combination_that_adds_up():
    # Helsingborg 2016 (Resultaträkning, koncern), glued rows: 'Resultat efter finansiella
    # poster710496720' and 'Årets resultat623409628' each read with and without a note (7, 6) and cut
    # several ways; the block after the fixed subtotal Finansnetto (Resultat efter finansiella poster,
    # Skatt på årets resultat −87 −86 −92, Årets resultat) adds up in every column one way only
    result = process_document(str(PAGES / "helsingborg_2016_rr_koncern.txt"))
    got = {(f.label, f.period): f.value_sek for f in result.facts}
    assert [got[("Resultat efter finansiella poster", y)] for y in (2016, 2015, 2014)] == [710e6, 496e6, 720e6]
    assert [got[("Årets resultat", y)] for y in (2016, 2015, 2014)] == [623e6, 409e6, 628e6]
    assert {(c.period, c.status) for c in result.checks if c.check == "rr.arets_resultat"} == {
        (2016, "pass"), (2015, "pass"), (2014, "pass")}


def test_a_glued_header_bears_out_its_years_and_finansnetto_sums_its_parts():
    # Helsingborg 2016 (Resultaträkning, koncern): the header is "Not201620152014"; Finansnetto
    # −128 = 36 − 164 and Skattenetto 6 161 = 5 100 + 1 054 + 197 − 190 (2014)
    result = process_document(str(PAGES / "helsingborg_2016_rr_koncern.txt"))
    assert {c.status for c in result.checks if c.check == "rr.finansnetto"} == {"pass"}
    assert ("rr.skattenetto", 2014, "pass") in {(c.check, c.period, c.status) for c in result.checks}
    assert {f.period for f in result.facts if f.label == "Finansnetto" and f.verified} == {2014, 2015, 2016}


def test_the_result_chain_decides_the_glued_tax_rows():
    # Helsingborg 2016 (Resultaträkning, koncern): 'Skatteintäkter65 5985 3585 100' reads as note 6 with
    # 5 598 or as note 65 with 598, and Skattenetto sums its parts either way (6 868 or 868); only
    # Resultat före finansiella poster 838 = Verksamhetens nettokostnad −6 029 + Skattenetto 6 868 holds
    result = process_document(str(PAGES / "helsingborg_2016_rr_koncern.txt"))
    got = {(f.label, f.period): f.value_sek for f in result.facts}
    assert [got[("Skatteintäkter", y)] for y in (2016, 2015, 2014)] == [5598e6, 5358e6, 5100e6]
    assert [got[("Skattenetto", y)] for y in (2016, 2015, 2014)] == [6868e6, 6433e6, 6161e6]
    assert [got[("Resultat före finansiella poster", y)] for y in (2016, 2015, 2014)] == [838e6, 564e6, 874e6]
    assert not [c for c in result.checks if c.status == "fail"]
