"""Repair of Swedish text damaged by OCR (issue 4): words, sentences, context, what must stay."""
from __future__ import annotations

from pathlib import Path

import pytest
from arsred.normalize.repair import Change, Repaired, damage_score, needs_repair, repair_label, repair_text

from tools.label_pairs import damaged_label_pairs

CORPUS = Path(__file__).parent / "corpus"
STRIP = str.maketrans("åäöÅÄÖéÉ", "aaoAAOeE")


@pytest.mark.parametrize("damaged, expected", [
    ("Forvaltningsberattelse", "Förvaltningsberättelse"),
    ("en 6versiktlig redogorelse", "en översiktlig redogörelse"),
    ("Arets resultat", "Årets resultat"),
    ("Intdkter", "Intäkter"),
    ("Sollefted kommun", "Sollefteå kommun"),
    ("Region Vasternorrland", "Region Västernorrland"),
    ("tjdnstekdps", "tjänsteköps"),
    ("Arbetsféormedlingen", "Arbetsförmedlingen"),
    ("Forsdkringskassan", "Försäkringskassan"),
    ("intékter", "intäkter"),
    ("Resultatriakning", "Resultaträkning"),
    ("anstillda", "anställda"),
    ("vilket &r samma", "vilket är samma"),
    ("Ovrigt eget kapital", "Övrigt eget kapital"),
    ("Avsattningar for pensioner", "Avsättningar för pensioner"),
    ("Okning/minskning kortfristiga fordringar", "Ökning/minskning kortfristiga fordringar"),
    ("Likvida medel vid arets borjan", "Likvida medel vid årets början"),
    ("Driftbidrag fran Solleftea kommun", "Driftbidrag från Sollefteå kommun"),
    ("Lansgemensamt", "Länsgemensamt"),
    ("Ranteintdkter", "Ränteintäkter"),
    ("SFI pa modersmal", "SFI på modersmål"),
])
def test_damaged_words_and_labels(damaged: str, expected: str) -> None:
    assert repair_label(damaged) == expected


@pytest.mark.parametrize("damaged, expected", [
    ("det ar viktigt", "det är viktigt"),
    ("under ar 2024", "under år 2024"),
    ("Resultatet for ar 2024 ar positivt", "Resultatet för år 2024 är positivt"),
    ("insatser for att stodja personer", "insatser för att stödja personer"),
    ("2024 ars tilldelning", "2024 års tilldelning"),
    ("[ samband med antagandet", "I samband med antagandet"),
    ("Det dr dock relevant", "Det är dock relevant"),
])
def test_context(damaged: str, expected: str) -> None:
    assert repair_text(damaged).text == expected


@pytest.mark.parametrize("compound, expected", [
    ("samordningsforbundets", "samordningsförbundets"),
    ("verksamhetsaret", "verksamhetsåret"),
    ("kanslikostnaderna", "kanslikostnaderna"),
    ("forbundsmedlemmarnas", "förbundsmedlemmarnas"),
])
def test_compounds(compound: str, expected: str) -> None:
    assert repair_label(compound) == expected


@pytest.mark.parametrize("text", [
    "tkr", "FK", "AF", "SFI", "NNS", "ESF-medel", "2 832", "1 236,30", "-17 329", "2024-12-31",
    "(2018:597)", "the report for the year", "Loksam", "Premicare", "Kempe", "SamCoach",
    "Kassa och bank", "Summa", "Psykiatriveckan",
])
def test_words_that_stay(text: str) -> None:
    r = repair_text(text)
    assert r.text == text and r.changes == ()


def test_english_keeps_for() -> None:
    assert repair_text("funding for the project").text == "funding for the project"


def test_case_and_punctuation_kept() -> None:
    assert repair_text("ARETS RESULTAT:").text == "ÅRETS RESULTAT:"
    assert repair_text("(Arets resultat, tkr)").text == "(Årets resultat, tkr)"


def test_numbers_never_touched() -> None:
    text = "Intdkter 2832000 | 2838000 -2 649 734 82% 1 236,30 P4 2024-12-31 0,00"
    repaired = repair_text(text).text
    assert [t for t in repaired.split() if any(c.isdigit() for c in t) and t != "P4"] == \
        [t for t in text.split() if any(c.isdigit() for c in t) and t != "P4"]


def test_changes_point_into_original() -> None:
    text = "Samordningsforbundet ar en fristdende organisation"
    r = repair_text(text)
    assert isinstance(r, Repaired) and all(isinstance(c, Change) for c in r.changes)
    for c in r.changes:
        assert text[c.start:c.end] == c.before
    assert r.text == "Samordningsförbundet är en fristående organisation"


@pytest.mark.parametrize("name", ["002_beb5154270de7dff", "004_3cec9309cdf15549"])
def test_clean_text_left_byte_identical(name: str) -> None:
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    r = repair_text(text)
    assert r.text == text and r.changes == ()
    assert not needs_repair(text)
    assert damage_score(text) < 0.01


@pytest.mark.parametrize("name", ["002_beb5154270de7dff", "004_3cec9309cdf15549"])
def test_stripped_text_is_detected_and_mostly_restored(name: str) -> None:
    clean = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    stripped = clean.translate(STRIP)
    assert needs_repair(stripped) and damage_score(stripped) > 0.15
    words, got = clean.split(), repair_text(stripped).text.split()
    assert len(words) == len(got)
    assert sum(a == b for a, b in zip(words, got, strict=False)) / len(words) >= 0.985


def test_ocr_report_detected() -> None:
    assert needs_repair((CORPUS / "001_417f4babd9b8cbcc.txt").read_text(encoding="utf-8"))


def test_gold_labels_of_ocr_report() -> None:
    """Each gold label of 001 whose damaged form appears in the text (same key) is restored."""
    _, pairs = damaged_label_pairs(CORPUS / "001_417f4babd9b8cbcc.txt", CORPUS / "gold" / "001_417f4babd9b8cbcc.json")
    assert len(pairs) >= 40
    wrong = [(d, repair_label(d), g) for d, g in pairs if repair_label(d).lower() != g.lower()]
    assert not wrong


@pytest.mark.parametrize("damaged,clean", [
    ("Fokus PsyKkisk hadlsa", "Fokus Psykisk hälsa"),      # a doubled letter, an inserted one
])
def test_one_letter_ocr_slips_become_the_common_word(damaged, clean):
    assert repair_text(damaged).text == clean


@pytest.mark.parametrize("name", ["Premicare", "Loksam", "Kempe", "Qvarnlöf"])
def test_unknown_names_are_not_pulled_to_a_near_word(name):
    assert repair_text(f"Styrelsen och {name} deltog").text == f"Styrelsen och {name} deltog"
