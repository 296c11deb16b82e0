"""Goal audit 6: real pages nobody tuned for (tests/fixtures/goal_audit6), each pinning a general form."""
from __future__ import annotations

from pathlib import Path

import pytest
from arsred.extract.goals import find_goals
from arsred.extract.reading.read import read_document

AUDIT = Path(__file__).resolve().parent / "fixtures" / "goal_audit6"


def _rows(name: str) -> list[dict]:
    return find_goals(read_document(AUDIT / name), organisation="Test")


def test_a_link_line_under_a_list_item_is_no_goal_heading():
    """Räddningstjänsten Östra Götaland's list of its steering documents: '• Inriktningsmålen är … Här hittar du våra
    övergripande mål:' / '  Förbundsdirektionens övergripande inriktningsmål' (a link, indented under the item) /
    '• Verksamhetsplanen …'. The link is part of the item above, not a goal heading: the list's next items
    ('Verksamhetsplanen …', 'Jämställdhet och mångfald.') are no goals."""
    assert _rows("rtog_undated_styrdokument.txt") == []


def test_a_heading_between_list_items_of_another_mark_still_opens_its_area(tmp_path):
    """The sub-line rule needs the same list going on after the line: a heading followed by its own goal list
    still opens the goal area."""
    page = tmp_path / "p.txt"
    page.write_text("Om förbundet\n\n • Förbundet bildades 2010.\n  Verksamhetens mål\n1. Minst 80 % av deltagarna "
                    "ska vara nöjda.\n2. Vi ska hålla budgeten.\n", encoding="utf-8")
    goals = [r["goal"] for r in find_goals(read_document(page))]
    assert "Vi ska hålla budgeten." in goals


def test_goals_named_by_label_and_number_in_a_contents_run_into_one_line():
    """Linköping's evaluation report: 'Innehåll … Ett företagsammare Linköping politisk vision... 5 Mål 10.
    Linköpings kommun erbjuder en service som är lättillgänglig, effektiv och hjälpsam.... 5 …'. An entry opening
    with a goal label and its number is a goal whatever its chapter; where the stored line cut 'Mål' from '13.' the
    lone label above the entry gives it. Not followed up on the page: ej_bedomt, no status source."""
    rows = _rows("linkoping_2012_mal_utvardering_omsorg.txt")
    assert [(r["goal_no"], r["goal"][:40], r["status"], r["status_source"]) for r in rows] == [
        (10, "Linköpings kommun erbjuder en service so", "ej_bedomt", ""),
        (13, "Linköping erbjuder välfärdstjänster med ", "ej_bedomt", ""),
        (14, "Människor har stora möjligheter att göra", "ej_bedomt", ""),
    ]
    assert rows[0]["section"] == "Ett företagsammare Linköping politisk vision"


def test_a_goal_not_yet_followed_up_is_not_judged():
    """miljömål.se: 'Andelen persontransporter … ska vara minst 25 procent år 2025 …' / 'Nås etappmålet?' / 'Målet
    har ännu inte följts upp.': one goal, target 25 %, ej_bedomt (read before this audit; kept)."""
    rows = _rows("miljomal_undated_etappmal_gang_cykel_kollektivtrafik.txt")
    assert [(r["target_value"], r["target_unit"], r["status"]) for r in rows] == [(25, "%", "ej_bedomt")]


def test_a_line_labelled_a_goal_states_one():
    """Skånes miljömål: 'MÅL: Luften ska vara så ren att människors hälsa … inte skadas.' under 'Frisk luft'; NSR's
    indicator page: 'Mål: Utvecklingen av Nöjd Kund Index (NKI) ska redovisas'. The label and a goal sentence (a goal
    verb, not in a relative clause) state a goal. Nothing on the page judges it in words the readers trust (Skåne's
    verdict is a picture's description, NSR's target line '4,4 (2020)' is older than its latest value): ej_bedomt,
    never a derived status. The skip link 'Gå direkt till sidans innehåll' names no section."""
    skane = _rows("skane_2024_miljomal_frisk_luft.txt")
    assert [(r["goal"][:40], r["status"], r["status_source"], r["section"]) for r in skane] == [
        ("Luften ska vara så ren att människors hä", "ej_bedomt", "", "Frisk luft")]
    nsr = _rows("nsr_2022_nojd_kund_index.txt")
    assert [(r["goal"], r["status"], r["target_value"]) for r in nsr] == [
        ("Utvecklingen av Nöjd Kund Index (NKI) ska redovisas", "ej_bedomt", None)]
    assert "Gå direkt" not in nsr[0]["section"]


def test_a_labelled_value_or_relative_clause_is_no_goal(tmp_path):
    """'Mål: 80 %' is a target cell, 'Mål: Indikatorer som ska följas upp' a relative lead-in: no goal sentence."""
    page = tmp_path / "p.txt"
    page.write_text("Nöjdhet\n\nMål: 80 %\nMål: Indikatorer som ska följas upp årligen\n", encoding="utf-8")
    assert find_goals(read_document(page)) == []


@pytest.mark.parametrize("name", [
    "gavle_2025_ks_delarsrapport.txt",                 # 'klara 3 av 4 finansiella mål': a count, no goal named
    "vastragotaland_undated_miljomal_bedomningar.txt",  # the legend of an assessment scale (JA / NÄRA / NEJ)
    "norrabohuslan_2010_arsredovisning.txt",           # 'Syfte Att samordna …': a förbund's purpose, no goal
    "hbs_2018_vi_gor_skillnad.txt",                    # a result without a goal
    "bjurholm_2023_medborgarundersokning.txt",         # survey results under 'Resultat 2023'
    "karlstad_2019_malanalys.txt",                     # how goals are followed up, no goal
    "regionostergotland_2016_mal_och_uppfoljningsdokument.txt",  # about målnivåer, none stated
    "borgholm_2015_malstyrning_revision.txt",          # an audit's questions about goals in its contents
    "vaxholm_2023_skotsel_allmanna_platser.txt",       # an indicator with its latest value, no target
    "vallentuna_undated_un_tertialrapport.txt",        # minutes approving a report on the goals
])
def test_pages_about_goals_state_none(name):
    """Goal-adjacent pages of the audit: every row would be an invented goal."""
    assert _rows(name) == []
