"""Row labels to item ids: the synonym table's `*` patterns match the labels real reports print."""
from __future__ import annotations

import regex
from arsred.normalize.items import map_item, synonyms


def test_every_glob_row_matches_a_label_with_words_in_place_of_its_stars():
    # each `*` stands for one to four words; a pattern that only matches its own text without
    # the stars (the stars folded away before the pattern was built) matches nothing printed
    globs = [s for syns in synonyms().values() for s in syns if "*" in s.label]
    assert globs, "items.csv has no `*` rows left: drop this test with them"
    for s in globs:
        filled = regex.sub(r"\*", "Västra Dalarnas", s.label)
        match = map_item(s.statement, filled)
        assert match.item == s.item and match.mapped, (s.label, filled, match)


def test_member_contributions_in_notes_map_to_their_items():
    # labels as the corpus and the genre reports print them in their Medlemsbidrag notes
    cases = {
        "Driftbidrag från Timrå kommun": "not.driftbidrag_kommun",
        "Driftbidrag från Region Västernorrland": "not.driftbidrag_region",
        "Fagersta kommun": "not.driftbidrag_kommun",
        "Dals-Eds kommun": "not.driftbidrag_kommun",
        "Region Örebro län": "not.driftbidrag_region",
    }
    for label, item in cases.items():
        assert map_item("noter", label).item == item, label


def test_a_glob_needs_its_words_and_its_fixed_text():
    assert not map_item("noter", "Kommun").mapped           # the star stands for at least one word
    assert not map_item("noter", "Region").mapped
    assert map_item("balanskrav", "Synnerligt skäl enligt fullmäktiges beslut").item == "bk.synnerliga_skal"
    assert map_item("noter", "Driftbidrag från staten").item == "not.driftbidrag_staten"   # exact rows first


def test_fuzzy_matching_repairs_slips_but_never_swaps_a_word() -> None:
    # OCR damage inside words still maps to the line ...
    assert map_item("kassaflodesanalys", "Minskning/okning kortfristiga fordrlngar").item == "kf.forandring_fordringar"
    assert map_item("resultatrakning", "Verksarnhetens intäkter").item == "rr.verksamhetens_intakter"
    # ... but a line that differs by a whole word is another line, not a slip of this one
    other = map_item("kassaflodesanalys", "Minskning/ökning långfristiga fordringar")
    assert other.item != "kf.forandring_fordringar" and not other.mapped
    # the closest synonym may differ by a word while another one is a slip: the slip is taken
    assert map_item("kassaflodesanalys", "Ökning/minskning övriga kortfristiga skulder").item == "kf.forandring_skulder"
