"""Goal audit 5 (issue 13): real pages nobody tuned for, each pinning a general form (tests/fixtures/goal_audit5)."""
from __future__ import annotations

from pathlib import Path

from arsred.extract.goals import find_goals
from arsred.extract.reading.read import read_document

AUDIT = Path(__file__).resolve().parent / "fixtures" / "goal_audit5"


def _rows(name: str) -> list[dict]:
    return find_goals(read_document(AUDIT / name), organisation="Test")


def test_bulleted_goals_each_judged_by_the_sentence_after_it():
    """Älvsbyn's seven financial goals run into one line, each bullet followed by its verdict: 'Målet är uppnått då …'
    (a verdict with 'då', no criterion), 'Målet bedöms uppnås då …' printed two sentences on, 'Målet uppnås inte då …';
    'Älvsbyns Kommunföretag AB ska …' is one name, not an item cut after 'Älvsbyns'."""
    rows = _rows("alvsbyn_2021_finansiella_mal.txt")
    assert [(r["goal"][:40], r["status"]) for r in rows] == [
        ("Resultatet ska över tid uppgå till minst", "uppfyllt"),
        ("Investeringsbudgeten bör inte uppgå till", "uppfyllt"),
        ("Investeringar ska finansieras med egna m", "uppfyllt"),
        ("Soliditeten inklusive pensionsåtaganden ", "uppfyllt"),
        ("Oförändrad utdebitering (kommunalskatt).", "uppfyllt"),
        ("Årligen avsätta 3 mkr för att möta pensi", "uppfyllt"),
        ("Älvsbyns Kommunföretag AB ska genom dött", "ej_uppfyllt"),
    ]
    assert (rows[0]["target_value"], rows[0]["outcome_value"]) == (2, 6.3)
    assert rows[3]["outcome_value"] == 16.4


def test_the_levels_of_an_assessment_scale_are_no_goals():
    """'… följs upp i årsredovisningen genom skalan:' / '• uppnått' / '• uppnått till minst 80 %' / '• uppnått till
    mindre än 80 %.': items opening with a verdict and setting nothing are the scale's levels; and 'planer för vad
    verksamheterna ska jobba med' is an indirect question's 'ska', no goal."""
    assert _rows("enkoping_2019_verksamheternas_mal.txt") == []


def test_quoted_speech_under_a_goal_heading_states_no_goal(tmp_path):
    """A news page headed 'Hjo uppfyller inte de egna målen': '– Det ser jag som helt naturligt …' and '– Ja det kommer
    vi att göra. …' are a politician speaking (a speech dash, several sentences in the speaker's words, among prose),
    not list items. A dash list after a lead-in is still read."""
    assert _rows("hjo_undated_ks_mal_radio.txt") == []
    listed = tmp_path / "listed.txt"
    listed.write_text("Mål för verksamheten\n\nStyrelsen har beslutat följande mål:\n\n"
                      "– Vi ska ha nöjda deltagare. Minst 80 % ska vara nöjda.\n– Vi ska hålla budgeten.\n",
                      encoding="utf-8")
    assert [r["goal"] for r in find_goals(read_document(listed))] == [
        "Vi ska ha nöjda deltagare. Minst 80 % ska vara nöjda.", "Vi ska hålla budgeten."]


def test_goals_named_by_area_and_judged_together_in_a_news_paragraph():
    """'Tre av målen, Samhälle, Utbildning och Vård och omsorg bedöms vara delvis uppfyllda. Målet för Medarbetare
    uppfylls inte … Målet Ekonomi bedöms vara uppfyllt.': five goals, each its own status (read before this audit;
    kept)."""
    assert [(r["goal"], r["status"]) for r in _rows("strangnas_2017_arsredovisning_nyhet.txt")] == [
        ("Samhälle", "delvis"), ("Utbildning", "delvis"), ("Vård och omsorg", "delvis"),
        ("Medarbetare", "ej_uppfyllt"), ("Ekonomi", "uppfyllt")]
