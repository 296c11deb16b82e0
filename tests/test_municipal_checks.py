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
