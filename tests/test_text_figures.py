"""Amounts stated outside tables (extract/text_figures.py), on real dev pages of tests/real.

Each test shows one form on the page that prints it, and what must stay unread beside it.
"""
from __future__ import annotations

from dataclasses import replace

import pytest
from arsred.extract.document import Line
from arsred.extract.reading.read import read_document
from arsred.extract.sections import content_lines
from arsred.extract.sections_oneline import unfold_lines
from arsred.extract.text_figures import read_text_figures

from arsred.options import Options
from arsred.pipeline import process_document
from tests.helpers import ROOT

PAGES = ROOT / "tests" / "real" / "pages"


def figures(stem: str, year: int | None, doc_type: str = "arsredovisning"):
    """The page's text figures in kronor as meant (a sign given in words included: "ett underskott om 43 mkr" is -43e6)."""
    lines = unfold_lines(content_lines(read_document(str(PAGES / f"{stem}.txt"), Options())))
    return {(f.label, f.period, f.column, f.scope): round(f.meant_sek)
            for f in read_text_figures(lines, year, doc_type)}


def test_cover_key_figures_are_read_and_counts_tax_rates_and_contents_are_not():
    result = process_document(str(PAGES / "gnosjo_2019_omslag.txt"))
    got = {(f.label, f.period, f.column): f.value_sek for f in result.facts}
    assert got == {("Balansomslutning", 2019, "utfall"): 607_500_000,
                   ("Investeringar", 2019, "utfall"): 51_200_000,
                   ("Resultat", 2019, "utfall"): -19_300_000}      # not "922 st", "9 713 st", "22:24", page numbers
    assert all(f.source == "text" and not f.verified and f.statement == "oversikt" for f in result.facts)
    assert result.facts[0].line == 3                                  # provenance: the line it was printed on
    assert "running text" in result.record.warnings
    assert result.record.status != "error"


def test_key_figure_lines_with_a_link_word_and_bullets_but_no_approximations():
    got = figures("roslagen_2022_arsredovisning_i_korthet", 2022)
    assert got[("Kostnader", 2022, "utfall", "entity")] == 10_300_000                        # "Kostnader på 10,3 m.kr"
    assert got[("Administrativa kansli kostnader", 2022, "utfall", "entity")] == 2_000_000   # "• … på 2 m.kr"
    assert got[("Intäkter", 2022, "utfall", "entity")] == 8_200_000                          # "Intäkter med 8,2 m.kr"
    assert got[("Medlemsavgift", 2022, "utfall", "entity")] == 6_000_000                     # "• 6 m.kr i medlemsavgift"
    assert 7_200_000 not in got.values()          # "7.2 m.kr": a dot is no decimal comma of this genre
    assert 2_200_000 not in [v for k, v in got.items() if k[0] != "Strukturpåverkande insatser"]   # "Ca 2,2 m.kr"


def test_sentence_with_a_comparative_in_parentheses_names_the_group_and_the_year_before():
    got = figures("uppsala_2015_arsredovisning_arendet", 2015)
    # "Kommunkoncernens ekonomiska resultat efter skatt är -39 miljoner kronor (att jämföra med -110 … 2014)"
    assert got == {("Årets resultat", 2015, "utfall", "group"): -39_000_000,
                   ("Årets resultat", 2014, "utfall", "group"): -110_000_000}
    # "… blev 74 miljoner kronor lägre än beräknat" (a difference) and "på totalt -154" (a sum of parts) are not read


def test_the_year_a_sentence_of_the_report_states_is_the_period_of_sentences_without_one():
    """No title prints the year; "Verksamhetsåret 2015 presenteras i bifogade årsredovisningar" states it."""
    result = process_document(str(PAGES / "uppsala_2015_arsredovisning_arendet.txt"))
    got = {(f.item, f.period, f.scope): f.value_sek for f in result.facts}
    assert got == {("ov.arets_resultat", 2015, "group"): -39_000_000, ("ov.arets_resultat", 2014, "group"): -110_000_000}
    assert all(f.source == "text" for f in result.facts)


def test_a_sign_only_in_words_is_read_as_meant_and_listed_parts_are_left_out():
    # "Årets resultat för kommunen blev minus 1,3 mkr": printed 1,3, meant -1,3 (the word gives the sign);
    # "Nämnderna överskred totalt sina budgetar med 6,9 mkr": a total over parts; "byggnationen av
    # Vasahallen 19,9 mkr samt energisparåtgärder 28,7 mkr": no line names
    assert figures("arboga_2007_snabba_fakta", 2007) == {
        ("Årets resultat", 2007, "utfall", "entity"): -1_300_000,
        ("Nettoinvesteringar", 2007, "utfall", "entity"): 67_400_000}   # "Årets nettoinvesteringar uppgick till 67,4 mkr."


def test_sentence_columns_from_their_words_and_subjects_that_are_other_items_left_alone():
    got = figures("ekero_2018_verksamhetsredovisning_mars", 2018, "delarsrapport")
    # "Budgeterat resultat är 9,2 mnkr (0,6 %)": budget, and the percentage is no comparative figure;
    # "Det balanserade resultatet prognosticeras till 19,9 mnkr" is not the year's result, and
    # "Exklusive försäkringsersättningen är årets resultat negativt -15,9 mnkr" is an adjusted figure;
    # "Resultatet för perioden är positivt 2,2 mnkr" is the period's result, not the year's
    assert got == {("Årets resultat", 2018, "budget", "entity"): 9_200_000,
                   ("Periodens resultat", 2018, "utfall", "entity"): 2_200_000}
    assert figures("mora_2024_uppfoljning_kvartal1", 2024, "delarsrapport") == {
        ("Årets resultat", 2024, "prognos", "entity"): -98_000_000}     # "prognosen för årets resultat -98 …"


def test_list_under_a_caption_takes_its_column_from_the_caption():
    got = figures("ostersund_2016_delarsrapport_sammanfattning", 2016, "delarsrapport")
    # "Större avvikelser mot budget … - Socialnämnden -16,9 mnkr - … - Kommunstyrelsen + 22,6 mnkr"
    assert got == {("Socialnämnden", 2016, "avvikelse", "entity"): -16_900_000,
                   ("Barn- och utbildningsnämnden", 2016, "avvikelse", "entity"): -18_900_000,
                   ("Kommunstyrelsen", 2016, "avvikelse", "entity"): 22_600_000}
    # the headline figures run together before it ("Budget + 167,5 mnkr + 169,1 mnkr …") name no line


def test_a_year_the_report_does_not_state_is_not_given_to_its_sentences():
    """The page prints only "resultat per augusti 2015" (a comparison): the commonest year is no period."""
    result = process_document(str(PAGES / "ostersund_2016_delarsrapport_sammanfattning.txt"))
    assert not result.facts


@pytest.mark.parametrize("stem, value", [
    ("regionvastmanland_2018_bokslut_press", 215e6),   # "Resultatet är bättre än budget tack vare …"
    ("regionnorrbotten_2022_ekonomiskt_resultat", 272e6),   # "… 1 184 miljoner kronor bättre än budget"
    ("regionkalmar_2022_bokslut_press", 197.9e6),      # "Det är tre miljoner bättre än budget."
])
def test_a_budget_the_press_release_compares_with_does_not_make_it_a_budget(stem, value):
    """The word "budget" in "bättre än budget" is the yardstick, not the document's kind: these press
    releases on the annual accounts are annual reports, and their year's result is read as an outcome."""
    result = process_document(str(PAGES / f"{stem}.txt"))
    assert result.record.doc_type == "arsredovisning"
    assert [(f.item, f.column, f.value_sek) for f in result.facts] == [("ov.arets_resultat", "utfall", value)]


def test_budget_bullets_with_a_budget_verb_and_a_trailing_share():
    got = figures("ornskoldsvik_2023_budget_namnder", 2023, "verksamhetsplan_budget")
    assert got[("Välfärdsnämnden", 2023, "budget", "entity")] == 1_613_000_000   # "tilldelas 1 613 miljoner kronor, vilket motsvarar 41 procent"
    assert len(got) == 5                                                          # not "4,0 miljarder", not "41 procent"


@pytest.mark.parametrize("stem, year", [
    ("laxa_2023_budgetramar", 2023),              # "från 144 mnkr till 154 mnkr": two amounts, neither said to be which
    ("medelpad_2024_ramhojning", 2024),           # "Ökningen består av: • Årlig löneöversyn: 4 000 000 kronor": parts of a change
    ("hagfors_2010_ordforande", 2010),            # "Räknar vi bort omställningskostnader är resultatet hela 20 Mkr": adjusted
    ("enkoping_2021_delarsrapport_eposten", 2021),  # "36 miljoner, eller 1,3 procentenheter, bättre än": a difference
])
def test_uncertain_statements_yield_nothing(stem, year):
    assert figures(stem, year, "verksamhetsplan_budget") == {}


def test_text_figures_are_not_checked_against_other_sentences():
    """Falun: "kommunens resultat för 2019 uppgår till 53 miljoner kronor" is read; the prose check must
    not hold it against "ett underskott på 89 miljoner kronor" of the socialnämnd (text against text)."""
    result = process_document(str(PAGES / "falun_2019_bokslut_dalademokraten.txt"))
    assert [(f.item, f.period, f.value_sek, f.source) for f in result.facts] == [
        ("ov.arets_resultat", 2019, 53e6, "text")]     # not "5 miljoner kronor högre", "cirka 78", "underskott på 89"
    assert not [c for c in result.checks if c.status == "fail"]


def test_the_organisation_as_the_agent_and_a_comparative_before_the_unit():
    # "För verksamhet i förvaltningsform redovisar Uppsala kommun ett resultat på 381 (56) miljoner kronor."
    # and "… högre än det för 2016 budgeterade resultatet på 99 miljoner kronor"; "Årets resultat i Uppsala
    # kommunkoncern är positivt och uppgår till 381(-39) miljoner kronor" is the group's (the name of the
    # organisation's group between subject and link); not "Justerat för jämförelsestörande poster uppgick årets
    # resultat till 440 (-50)", not the companies' "77 (58)"
    assert figures("uppsala_2016_resultat_och_kapacitet", 2016) == {
        ("Årets resultat", 2016, "utfall", "group"): 381_000_000,
        ("Årets resultat", 2015, "utfall", "group"): -39_000_000,
        ("Årets resultat", 2016, "utfall", "entity"): 381_000_000,
        ("Årets resultat", 2015, "utfall", "entity"): 56_000_000,
        ("Årets resultat", 2016, "budget", "entity"): 99_000_000}
    # "Region Norrbotten gjorde ett ekonomiskt resultat 2022 på 272 miljoner kronor."; the comparison
    # "Det kan jämföras med 2021 när Region Norrbotten gjorde … 1 693 miljoner kronor" is not read
    assert figures("regionnorrbotten_2022_ekonomiskt_resultat", 2022) == {
        ("Årets resultat", 2022, "utfall", "entity"): 272_000_000}


def test_a_result_set_against_the_year_before_states_the_report_year():
    """Uppsala's 'Resultat och kapacitet' names its year only in "ett starkare resultat 2016 än
    föregående år": that is the report's year, so "redovisar Uppsala kommun ett resultat på 381 (56)
    miljoner kronor" is 2016 and 2015."""
    result = process_document(str(PAGES / "uppsala_2016_resultat_och_kapacitet.txt"))
    assert {(f.item, f.period, f.column, f.scope, f.value_sek) for f in result.facts} == {
        ("ov.arets_resultat", 2016, "utfall", "entity", 381e6), ("ov.arets_resultat", 2015, "utfall", "entity", 56e6),
        ("ov.arets_resultat", 2016, "budget", "entity", 99e6),
        ("ov.arets_resultat", 2016, "utfall", "group", 381e6), ("ov.arets_resultat", 2015, "utfall", "group", -39e6)}


def test_a_follow_up_per_a_month_states_its_year_and_a_comparison_per_a_month_does_not():
    """Ekerö's "Verksamhetsredovisning per mars 2018" names the report's year: "Resultatet för perioden
    är positivt 2,2 mnkr (0,6 %)" is the period's result 2018 (not the year's: normalize/data/items.csv
    ov.periodens_resultat), "Budgeterat resultat är 9,2 mnkr (0,6 %)" the budget 2018 (Östersund's
    "Jämförelse, resultat per augusti 2015" states none: test_a_year_the_report_does_not_state_is_not_given_to_its_sentences)."""
    result = process_document(str(PAGES / "ekero_2018_verksamhetsredovisning_mars.txt"))
    assert [(f.item, f.period, f.column, f.value_sek) for f in result.facts] == [
        ("ov.periodens_resultat", 2018, "utfall", 2.2e6), ("ov.arets_resultat", 2018, "budget", 9.2e6)]


def test_the_municipality_itself_as_the_agent_with_a_sign_word_before_the_subject():
    """Varberg: "Årets resultat i kommunkoncernen uppgick till 157 miljoner kronor" is the group's;
    "Primärkommunen bidrog med ett positivt resultat på 78 miljoner kronor" the municipality's own
    (the sign word before the subject agrees with the unsigned figure)."""
    assert figures("varberg_2023_sa_gick_ekonomin", 2023) == {
        ("Årets resultat", 2023, "utfall", "group"): 157_000_000,
        ("Årets resultat", 2023, "utfall", "entity"): 78_000_000}


@pytest.mark.parametrize("sentence, warned", [("Årets resultat blev 150,0 mkr.", True),
                                              ("Årets resultat blev 143 mkr.", False)])
def test_the_table_wins_over_a_sentence_and_a_disagreement_is_a_warning(tmp_path, sentence, warned):
    """Luleå's real Resultaträkning (2016: 143,0 mnkr) under a sentence stating the year's result."""
    page = tmp_path / "lulea.txt"
    page.write_text(f"Årsredovisning 2016 Luleå kommun\n\n{sentence}\n\n"
                    + (PAGES / "lulea_2016_rr.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = process_document(str(page))
    assert not [f for f in result.facts if f.source == "text"]           # the table's figures only
    assert [f.value_sek for f in result.facts if f.item == "rr.arets_resultat" and f.period == 2016
            and f.scope == "entity"] == [143e6]
    assert ("states Årets resultat 2016 utfall = 150,0 mkr" in result.record.warnings) is warned


def test_a_copula_and_a_sign_word_between_the_subject_and_its_link():
    """Solna's delårsrapport per april 2017: "Prognosen för årets resultat är positiv och uppgår till 87,7 mkr"
    is the forecast of the year's result ("är", a sign word and "och" between subject and link); "vilket är en
    positiv budgetavvikelse på 2,7 mkr" is that forecast's deviation from the budget; "Resultatet för perioden
    januari - april är positivt och uppgår till 60,9 mkr" the period's result. "Prognosen för resultatet enligt
    balanskravet uppgår till 125,2 mkr, vilket är en positiv avvikelse mot budget på 40,2 mkr" names no item, and
    its deviation has nothing to refer back to. A sign word signs the figure: "negativt och uppgick till 5,2 mkr"
    printed unsigned means -5,2, read as printed with its meaning beside it, never as 5,2 meant."""
    assert figures("solna_2017_delarsrapport_april", 2017, "delarsrapport") == {
        ("Årets resultat", 2017, "prognos", "entity"): 87_700_000,
        ("Årets resultat", 2017, "avvikelse", "entity"): 2_700_000,
        ("Periodens resultat januari–april", 2017, "utfall", "entity"): 60_900_000}
    def read(sentence: str) -> list[tuple[str, str]]:
        return [(f.label, f.amount.printed) for f in read_text_figures([Line(1, 1, sentence)], 2020, "arsredovisning")
                if not f.sign_word]

    assert read("Årets resultat för kommunen är negativt och uppgick till 5,2 mkr.") == []    # meant -5,2: below
    assert read("Årets resultat för kommunen är positivt och uppgick till 6,1 mkr.") == [("Årets resultat", "6,1")]


def read(text: str, year: int | None = 2020, doc_type: str = "arsredovisning") -> dict:
    """Synthetic paragraphs of the shapes press texts and delårsrapporter print, one Line per paragraph line; the
    figures in kronor as meant."""
    lines = [Line(1, k + 1, t) for k, t in enumerate(text.split("\n"))]
    return {(f.label, f.period, f.column, f.scope): round(f.meant_sek)
            for f in read_text_figures(lines, year, doc_type)}


@pytest.mark.parametrize("text, expected", [
    # the organisation's own name and "år" between the subject and its link
    ("Det ekonomiska resultatet för Vallby kommun år 2020 är 41,5 miljoner.", {("Årets resultat", 2020, "utfall", "entity"): 41_500_000}),
    # a relative clause after a yardstick ("utöver", "jämfört med", "då" start the figure's own clause)
    ("Det är 12,0 miljoner utöver det budgeterade resultatet som var 9,5 miljoner.",
     {("Årets resultat", 2020, "budget", "entity"): 9_500_000}),
    ("Jämfört med budgeterat resultat på 7,7 mnkr är utfallet bättre.", {("Årets resultat", 2020, "budget", "entity"): 7_700_000}),
    # "årsresultat" and "visar på", and a forecast "pekar mot"
    ("Det prognostiserade årsresultatet visar på plus 18,4 miljoner kronor.",
     {("Årets resultat", 2020, "prognos", "entity"): 18_400_000}),
    ("Prognosen för helåret pekar mot ett resultat om 4,6 mnkr.", {("Årets resultat", 2020, "prognos", "entity"): 4_600_000}),
])
def test_press_text_shapes_of_the_years_result(text, expected):
    assert read(text) == expected


def test_a_part_of_the_year_makes_the_result_the_periods_and_a_span_of_months_stays_in_its_label():
    assert read("Kommunens resultat för perioden januari – juni uppgår till 11,4 mnkr (9,8 mnkr).") == {
        ("Periodens resultat januari–juni", 2020, "utfall", "entity"): 11_400_000,
        ("Periodens resultat januari–juni", 2019, "utfall", "entity"): 9_800_000}
    assert read("Resultatet för årets första sex månader uppgår till plus 12,2 miljoner kronor.") == {
        ("Periodens resultat", 2020, "utfall", "entity"): 12_200_000}
    # another item for a part of the year has no item of its own here; "fyra år" is no part of a year
    assert read("Nettoinvesteringarna för januari–augusti uppgick till 55 mkr.") == {}
    assert read("Resultatet för fyra år uppgår till 35 mkr.") == {}


def test_a_deviation_from_the_budget_refers_back_to_the_figure_just_read():
    assert read("Prognosen för årets resultat uppgår till 51,0 mkr, vilket är en positiv budgetavvikelse på 3,1 mkr.") == {
        ("Årets resultat", 2020, "prognos", "entity"): 51_000_000, ("Årets resultat", 2020, "avvikelse", "entity"): 3_100_000}
    # the next sentence "Det innebär …", and the figure after it in that sentence keeps its own column
    got = read("Det prognostiserade årsresultatet visar på plus 30,5 miljoner kronor. Det innebär en positiv avvikelse "
               "mot budget med 10,5 miljoner kronor, då årets budgeterade resultat uppgår till 20,0 miljoner kronor.")
    assert got == {("Årets resultat", 2020, "prognos", "entity"): 30_500_000,
                   ("Årets resultat", 2020, "avvikelse", "entity"): 10_500_000,
                   ("Årets resultat", 2020, "budget", "entity"): 20_000_000}


@pytest.mark.parametrize("text", [
    # a negative word over an unsigned deviation: meant -2,7, printed 2,7
    # a sentence between the figure and "Det innebär": the deviation refers to that sentence
    "Prognosen för årets resultat uppgår till 87,7 mkr. Det beror på skatterna. Det innebär en avvikelse mot budget med 3 mkr.",
    # a deviation of a budget figure, of a figure not read, or against something else than the budget
    "Det budgeterade resultatet uppgår till 87,7 mkr, vilket är en budgetavvikelse på 2,7 mkr.",
    "Prognosen för resultatet enligt balanskravet uppgår till 125 mkr, vilket är en positiv avvikelse mot budget på 40 mkr.",
    "Resultatet blev 40 mkr, vilket är en positiv avvikelse mot prognosen på 5 mkr.",
])
def test_deviations_without_a_sure_reference_yield_nothing_of_their_own(text):
    assert not [k for k in read(text) if k[2] == "avvikelse"]


def test_column_words_of_an_earlier_figure_do_not_give_a_later_one_its_column():
    # "avvikelse" belongs to the first figure (not read: no item); the second names no column of its own
    assert read("Kommunen redovisar en avvikelse mot budget med 23,5 miljoner kronor, då resultatet uppgår till 16,7 miljoner kronor.") == {}


def test_a_comparison_in_a_relative_clause_after_the_amount_leaves_the_amount_the_subjects():
    assert read("Årets resultat för 2020 uppgår till 10,3 mnkr vilket är lägre än det budgeterade resultatet på 14,9 mnkr.") == {
        ("Årets resultat", 2020, "utfall", "entity"): 10_300_000, ("Årets resultat", 2020, "budget", "entity"): 14_900_000}
    # without the relative clause the amount itself is the difference
    assert read("Årets resultat blev 36 miljoner, eller 1,3 procentenheter, bättre än målet.") == {}
    assert read("Årets resultat blev 36 miljoner bättre än budget.") == {}


def test_a_budget_sentence_read_as_a_row_in_kronor_is_not_a_figure_in_kronor(tmp_path):
    """A budget blog post: the stream reader takes "… ett överskott på 17 mkr." for a row of a budget table
    that declares no unit (the tax rate "21,56 kr" in the text is no evidence of one); its line prints mkr after
    the figure, so the row is read in mkr or left out, never as 17 kr."""
    page = tmp_path / "budget.txt"
    page.write_text("Budget 2014\n\nVid måndagens sammanträde fastställde kommunfullmäktige budgeten för 2014.\n\n"
                    "Utdebiteringen kommer att hållas oförändrad 21,56 kr.\n\n"
                    "Sammantaget visar budgeten ett överskott på 17 mkr.\n", encoding="utf-8")
    result = process_document(str(page))
    assert not [f for f in result.facts if f.value_sek == 17]
    assert all(f.unit == "mkr" and f.value_sek == 17e6 for f in result.facts if f.printed == "17")


def test_a_subject_showing_a_deviation_and_a_word_broken_at_a_line_end():
    # "årets resul-tat" broken at a line end; "en positiv avvikelse på" between the subject and its amount
    assert read("Jämfört med budgeterat resultat på 12,0 mnkr visar därmed årets resul-tat en positiv avvikelse på 30,4 mnkr.") == {
        ("Årets resultat", 2020, "budget", "entity"): 12_000_000, ("Årets resultat", 2020, "avvikelse", "entity"): 30_400_000}
    # against the forecast or against the year before: not the budget deviation; signed in words: meant negative
    assert read("Årets resultat visar en positiv avvikelse mot prognosen på 5 mkr.") == {}
    assert read("Årets resultat visar en negativ avvikelse på 5 mkr.") == {("Årets resultat", 2020, "avvikelse", "entity"): -5_000_000}
    assert read("Årets resultat visar en avvikelse på 5 mkr jämfört med föregående år.") == {}


def test_a_year_over_a_unit_is_a_header_not_an_amount():
    assert read("Kassaflödesanalys 2017 tKr") == {}


@pytest.mark.parametrize("text, expected", [
    ("Helårsprognosen pekar på ett resultat om 14,2 mnkr.", ("Årets resultat", 2020, "prognos", "entity")),
    ("Resultatet beräknas bli 14,2 mnkr.", ("Årets resultat", 2020, "prognos", "entity")),          # not a key figure "Resultatet beräknas bli"
    ("Periodens resultat landade på 14,2 mnkr.", ("Periodens resultat", 2020, "utfall", "entity")),  # nor "… landade"
    ("Resultatet för helåret beräknas till 14,2 mnkr.", ("Årets resultat", 2020, "prognos", "entity")),
    ("Resultatet per den 31 augusti uppgår till 14,2 mnkr.", ("Periodens resultat", 2020, "utfall", "entity")),
])
def test_forecast_verbs_and_a_date_within_the_year(text, expected):
    assert read(text, doc_type="delarsrapport") == {expected: 14_200_000}


@pytest.mark.parametrize("text", [
    "Resultatet per den 31 december uppgår till 14,2 mnkr.",        # the year's end: the whole year, not a part
    "Resultatet för januari–december uppgår till 14,2 mnkr.",
    "Resultatet per invånare uppgår till 14,2 mnkr.",               # a rate
])
def test_a_span_to_the_years_end_or_a_rate_is_not_the_periods_result(text):
    assert read(text, doc_type="delarsrapport") == {}


def test_a_key_figure_line_naming_its_year():
    assert read("Årets resultat 2019: 25,3 mkr") == {("Årets resultat", 2019, "utfall", "entity"): 25_300_000}
    # a label the vocabulary does not know keeps no year; two years on one line do not say which is which
    assert read("Budget 2021: 25 mkr") == {}
    assert read("Resultat 2020: 25,3 mkr, 2019: 12,1 mkr") == {}
    assert read("Nettoinvesteringar 2019 150 mkr") == {}         # a year and a figure run together


def test_a_report_on_part_of_the_year_states_no_outcome_of_the_whole_year():
    def partial(text: str) -> dict:
        return read(text, doc_type="delarsrapport")
    # no period words: the period's result or the year's? Left out, and its comparative with it
    assert partial("Kommunen redovisar ett resultat på 25,3 mnkr (18,2 mnkr).") == {}
    # a year before the report's own, a forecast, the period's result: said by the words
    assert partial("Årets resultat 2019 blev 25,3 mnkr.") == {("Årets resultat", 2019, "utfall", "entity"): 25_300_000}
    assert partial("Prognosen för årets resultat är 25,3 mnkr.") == {("Årets resultat", 2020, "prognos", "entity"): 25_300_000}
    assert partial("Delårsresultatet uppgår till 25,3 mnkr.") == {("Periodens resultat", 2020, "utfall", "entity"): 25_300_000}
    # the annual report's own sentence is its year's outcome
    assert read("Kommunen redovisar ett resultat på 25,3 mnkr.") == {("Årets resultat", 2020, "utfall", "entity"): 25_300_000}


@pytest.mark.parametrize("text, value", [
    ("Kommunen redovisar ett överskott på 45,2 miljoner kronor.", 45_200_000),
    ("För 2020 redovisar Vallby kommun ett överskott på 45,2 miljoner kronor.", 45_200_000),
    ("Kommunen redovisar ett underskott på -45,2 miljoner kronor.", -45_200_000),     # the sign printed
    ("Kommunen redovisar ett underskott på 45,2 miljoner kronor.", -45_200_000),      # printed 45,2, meant -45,2
    ("Resultatet blev ett överskott på 25,3 mnkr.", 25_300_000),
    ("Årets resultat visar ett överskott på 25,3 mnkr.", 25_300_000),
])
def test_a_surplus_the_organisation_reports_is_its_years_result(text, value):
    assert read(text) == {("Årets resultat", 2020, "utfall", "entity"): value}


@pytest.mark.parametrize("text", [
    "Bolaget redovisar ett överskott på 45,2 miljoner kronor.",
    "Kommunen redovisar ett överskott på 45,2 miljoner kronor jämfört med budget.",
    "Kommunen redovisar ett volymöverskott på 45,2 miljoner kronor.",
    "Kommunen fick ett överskott på 45,2 miljoner kronor i balanskravsutredningen.",
    "Skatteintäkterna visar ett överskott på 57 mnkr.",                     # a deviation, not the tax income
])
def test_surpluses_of_others_or_against_a_yardstick_yield_nothing(text):
    assert read(text) == {}


def test_the_namnders_surplus_is_their_total_deviation_not_the_years_result():
    """The nämnder together report their deviation from their budgets (tests/test_prose6.py), never the year's result."""
    assert read("Nämnderna redovisar ett överskott på 45,2 miljoner kronor.") == {
        ("Nämnderna totalt", 2020, "avvikelse", "entity"): 45_200_000}


def test_a_later_figure_of_a_sentence_takes_its_scope_from_its_own_words():
    assert read("Koncernens resultat blev 40,1 mnkr och kommunens nettoinvesteringar uppgick till 88 mnkr.") == {
        ("Årets resultat", 2020, "utfall", "group"): 40_100_000, ("Nettoinvesteringar", 2020, "utfall", "entity"): 88_000_000}
    assert read("Koncernens resultat blev 40,1 mnkr och kommunens resultat blev 25,3 mnkr.") == {
        ("Årets resultat", 2020, "utfall", "group"): 40_100_000, ("Årets resultat", 2020, "utfall", "entity"): 25_300_000}
    # the group named only for the figure before: whose investments these are is not said
    assert read("Koncernens resultat blev 40,1 mnkr och nettoinvesteringarna uppgick till 88 mnkr.") == {
        ("Årets resultat", 2020, "utfall", "group"): 40_100_000}


@pytest.mark.parametrize("text, expected", [
    ("Under 2020 blev resultatet 25,3 mnkr.", {("Årets resultat", 2020, "utfall", "entity"): 25_300_000}),
    ("Sammantaget blev resultatet 25,3 mnkr.", {("Årets resultat", 2020, "utfall", "entity"): 25_300_000}),
    ("Förra året blev resultatet 25,3 mnkr.", {}),                  # another year than the report's, not named
    ("Under budget blev resultatet 25,3 mnkr.", {}),
    ("Sammantaget blev nämndernas resultat 25,3 mnkr.", {}),        # the nämnder's, not the organisation's
])
def test_the_verb_before_its_subject(text, expected):
    assert read(text) == expected


def test_a_row_printing_another_unit_than_its_declared_table_is_left_out(tmp_path):
    # a budget table declared in kr; one line prints its figure in mkr: read in kr it would be a
    # millionfold wrong, so it is left out with a warning
    page = tmp_path / "budget.txt"
    page.write_text("Budget 2014\n\nBelopp i kr                 Budget 2014   Budget 2013\n"
                    "Medlemsavgifter                1 200 000     1 150 000\n"
                    "Statens bidrag                 1 200 000     1 150 000\n"
                    "Summa intäkter                 2 400 000     2 300 000\n"
                    "Budgeterat överskott            17 mkr          15 mkr\n", encoding="utf-8")
    result = process_document(str(page))
    assert any(f.value_sek == 2_400_000 for f in result.facts)
    assert not [f for f in result.facts if f.printed == "17"]
    assert "not the table's kr: not read" in result.record.warnings


def test_a_budget_change_in_a_list_item_is_no_budget():
    # a list of a budget's changes per nämnd: a moved or added amount is a change, not the nämnd's budget
    assert read("• Kommunstyrelsen flytt av heltidsresan -0,4 mnkr, effektivisering -2,0 mnkr personal.",
                2021, "verksamhetsplan_budget") == {}
    assert read("• Samhällsbyggnadsnämnden utökning 0,7 mnkr, planhandläggare.", 2021, "verksamhetsplan_budget") == {}
    # the nämnd's own frame on a line of its own is still read
    assert read("• Kommunstyrelsen 51,6 mnkr.", 2021, "verksamhetsplan_budget") == {
        ("Kommunstyrelsen", 2021, "budget", "entity"): 51_600_000}


def test_a_deviation_stated_as_a_comparison_after_its_amount():
    """Tidaholm 2022: 'Det ekonomiska resultatet … är 63,2 miljoner. Det är 44,3 miljoner utöver det budgeterade
    resultatet som var 18,9 miljoner.' The second sentence refers back to the result and compares its amount
    with the budget: the result's deviation, above the budget, so positive as printed."""
    got = figures("tidaholm_2022_arsredovisning_nyhet", 2022)
    assert got[("Årets resultat", 2022, "avvikelse", "entity")] == 44_300_000
    assert got[("Årets resultat", 2022, "utfall", "entity")] == 63_200_000


@pytest.mark.parametrize("text, expected", [
    ("Årets resultat blev 13,2 mnkr, vilket är 7,2 mnkr över budget.", 7_200_000),
    ("Årets resultat blev 290 mnkr, 90 mnkr bättre än budget.", 90_000_000),
    ("Årets resultat blev 13,2 mnkr, vilket är 7,2 mnkr sämre än budget.", -7_200_000),   # printed 7,2, meant -7,2
    ("Årets resultat blev 13,2 mnkr, vilket är -7,2 mnkr sämre än budget.", None),   # signed and worse: not said twice
    ("Årets resultat blev 13,2 mnkr, vilket är 7,2 mnkr över förra året.", None),   # another yardstick
    ("Årets resultat blev 13,2 mnkr, och kommunen lånade 7,2 mnkr över budget.", None),   # no reference back
    ("Nettoinvesteringarna blev 13,2 mnkr, vilket är 7,2 mnkr över budget.", None),   # a cost: over is worse
])
def test_a_comparison_after_the_amount_only_for_a_result_above_its_budget(text, expected):
    got = read(text)
    assert got.get(("Årets resultat", 2020, "avvikelse", "entity")) == expected
    assert not [k for k in got if k[2] == "avvikelse" and k[0] != "Årets resultat"]


@pytest.mark.parametrize("text, expected", [
    ("För perioden januari–augusti redovisas ett överskott om +1 074 Mkr.", ("Periodens resultat januari–augusti", 1_074_000_000)),
    ("För 2020 redovisas ett överskott på 12,5 mnkr.", ("Årets resultat", 12_500_000)),
    ("Redovisas ett överskott på 12,5 mnkr.", ("Årets resultat", 12_500_000)),
    ("För socialnämnden redovisas ett överskott på 12,5 mnkr.", None),       # a nämnd's surplus against its budget
    ("För perioden redovisas ett överskott på 12,5 mnkr.", None),             # which period, it does not say
    ("Inom äldreomsorgen redovisas ett överskott på 12,5 mnkr.", None),
    ("För 2020 redovisas ett underskott på 12,5 mnkr.", ("Årets resultat", -12_500_000)),   # printed 12,5
])
def test_a_surplus_reported_in_the_passive_is_the_organisations(text, expected):
    """Malmö's delårsrapport 2016: 'För perioden januari–augusti redovisas ett överskott om +1 074 Mkr, vilket
    innebär en positiv avvikelse gentemot budget om +284 Mkr' names no agent: the report's own organisation,
    when the clause before the verb names only a part of the year or a year."""
    got = {(k[0], v) for k, v in read(text).items() if k[2] == "utfall"}
    assert got == ({expected} if expected else set())


def test_the_passive_surplus_and_its_deviation_on_malmos_page():
    got = figures("malmo_2016_delarsrapport_budgetutfall", 2016, "delarsrapport")
    assert {(k[2], v) for k, v in got.items() if k[0].startswith("Periodens resultat")} == \
        {("utfall", 1_074_000_000), ("avvikelse", 284_000_000)}
    assert all(k[0].startswith("Periodens resultat") for k in got)


@pytest.mark.parametrize("text, expected", [
    ("Årets resultat beräknas alltså till 245 mnkr.", {("Årets resultat", 2020, "prognos", "entity"): 245_000_000}),
    ("Årets resultat uppgick därmed till 245 mnkr.", {("Årets resultat", 2020, "utfall", "entity"): 245_000_000}),
    ("Aprilrapporten pekade mot 156 mnkr.", {}),        # a verb in a key-figure label: a sentence, no line name
])
def test_an_adverb_inside_a_link_and_a_verb_inside_a_label(text, expected):
    """Trollhättan's August report 2022: 'Årets resultat beräknas alltså till 245 miljoner kronor, vilket är 215
    miljoner kronor bättre än budget'; 'Aprilrapporten pekade mot 156 miljoner kronor' was read as a line
    'Aprilrapporten pekade mot' with the outcome 156 (it is April's forecast)."""
    assert read(text) == expected


def test_a_year_stated_as_the_reports_own_in_its_genitive():
    """Tingsryd: 'Bläddringsbar version av 2018 års årsredovisning' states the report's year, so 'Årets
    resultat uppgick till +17 mkr', which names none, is 2018's."""
    from arsred.extract.text_figures import stated_year

    assert stated_year([Line(1, 1, "Bläddringsbar version av 2018 års årsredovisning, tryck på bilden")]) == 2018
    assert stated_year([Line(1, 1, "Balanskravet har inte uppfyllts för redovisningsåret 2018.")]) == 2018
    assert stated_year([Line(1, 1, "Jämfört med 2017 års resultat och 2018 års budget.")]) == 2018   # 'års resultat' states none
    result = process_document(str(PAGES / "tingsryd_2018_arsredovisning.txt"))
    assert ("Årets resultat", 2018, "utfall", 17_000_000) in {(f.label, f.period, f.column, f.value_sek) for f in result.facts}


def test_an_amount_stated_as_an_approximation_elsewhere_is_no_figure():
    """Borlänge's heading 'redovisar ett resultat för 2023 på 99 miljoner' rounds the text's 'ett resultat om
    närmare 99 miljoner kronor plus' (the gold has no result of 99): no figure of 99 mkr is read."""
    assert 99_000_000 not in figures("borlange_2023_resultat_nyhet", 2023).values()


def test_the_surplus_of_a_year_as_its_subject():
    """Landstinget i Jönköpings län 2006: 'Överskottet för 2006 blev 290 miljoner kronor, 90 miljoner kronor bättre
    än budget': the year's surplus is its result (items.csv 'Överskott'), the comparison its deviation; a surplus
    of a nämnd or of the operations is not."""
    got = figures("ljl_2006_bokslut_press", 2006)
    assert got[("Årets resultat", 2006, "utfall", "entity")] == 290_000_000
    assert got[("Årets resultat", 2006, "avvikelse", "entity")] == 90_000_000
    assert read("Överskottet för socialnämnden blev 29 mnkr.") == {}
    assert read("Överskottet i verksamheterna blev 20 mnkr.") == {}


def test_a_nämnds_surplus_is_its_deviation_in_the_driftredovisning():
    """Borlänge's news on the accounts 2023: "Dock redovisar omsorgsnämnden ett underskott om 43 miljoner kronor,
    vilket i resultatet vägs upp av att kommunstyrelsen redovisar ett överskott på 24,5 miljoner kronor": the
    kommunstyrelse's surplus is its deviation from its budget; so is the omsorgsnämnd's deficit, printed unsigned
    and meant -43."""
    got = {k: v for k, v in figures("borlange_2023_resultat_nyhet", 2023).items() if k[0] != "Årets resultat"}
    assert got == {("Kommunstyrelsen", 2023, "avvikelse", "entity"): 24_500_000,
                   ("Omsorgsnämnden", 2023, "avvikelse", "entity"): -43_000_000}
    lines = [Line(1, 1, "Socialnämnden har ett prognostiserat överskott på 12,3 miljoner kronor.")]
    (fig,) = read_text_figures(lines, 2025, "arsredovisning")
    assert (fig.statement, fig.label, fig.column, fig.period) == ("driftredovisning", "Socialnämnden", "avvikelse", 2025)


@pytest.mark.parametrize("text, expected", [
    ("Barn- och utbildningsnämnden redovisar en positiv avvikelse på 3 mkr.",
     {("Barn- och utbildningsnämnden", 2020, "avvikelse", "entity"): 3_000_000}),
    ("Nu redovisar vård- och omsorgsnämnden ett överskott med 3 mkr för 2020.",
     {("Vård- och omsorgsnämnden", 2020, "avvikelse", "entity"): 3_000_000}),
    # the unit's genitive and its forecast; a verb of two words; a sign printed with a neutral or negative word
    ("Socialnämndens prognos visar ett överskott på 5 mkr.", {("Socialnämnden", 2020, "avvikelse", "entity"): 5_000_000}),
    ("Socialnämnden går mot ett överskott på 5 miljoner kronor.",
     {("Socialnämnden", 2020, "avvikelse", "entity"): 5_000_000}),
    ("Socialnämnden redovisar en budgetavvikelse på -5 mkr.", {("Socialnämnden", 2020, "avvikelse", "entity"): -5_000_000}),
    ("Socialnämnden redovisar ett underskott på -5 mkr 2019.", {("Socialnämnden", 2019, "avvikelse", "entity"): -5_000_000}),
    # a key-figure line is no sentence with a verb: "Socialnämnden gör ett överskott" is no line name
    ("Socialnämnden gör ett överskott på 5 miljoner kronor.",
     {("Socialnämnden", 2020, "avvikelse", "entity"): 5_000_000}),
    ("Kommunen gör ett överskott på 25 miljoner kronor.", {("Årets resultat", 2020, "utfall", "entity"): 25_000_000}),
    # a neutral deviation printed unsigned, a bare "Nämnden", a year before the verb, the year before, a condition
    ("Socialnämnden redovisar en avvikelse på 5 mkr.", {}),
    ("Nämnden redovisar ett överskott på 5 mkr.", {}),
    ("I fjol redovisade socialnämnden ett överskott på 5 mkr.", {}),
    ("Socialnämnden hade ett överskott på 5 mkr förra året.", {}),
    ("Vi ser att socialnämnden får ett överskott på 5 mkr om inget görs.", {}),
    # a part's surplus, a comparison, a part of the year, a deficit in words, a change, no name: nothing
    ("Socialnämnden redovisar ett överskott på 5 mkr inom äldreomsorgen.", {}),
    ("Socialnämnden redovisar ett överskott på 5 mkr jämfört med 2 mkr året innan.", {}),
    ("Socialnämnden redovisar ett överskott på 5 mkr för perioden januari–april.", {}),
    ("Socialnämnden redovisar ett underskott på 5 mkr.", {("Socialnämnden", 2020, "avvikelse", "entity"): -5_000_000}),
    ("Socialnämnden redovisar ett underskott på +5 mkr.", {}),
    ("Socialnämnden redovisar ett överskott på -5 mkr.", {}),
    ("Socialnämnden redovisar ett ökat överskott på 5 mkr.", {}),
    # the nämnder together: their total's line (tests/test_prose6.py), not a unit of their own
    ("Nämnderna redovisar ett överskott på 5 mkr.", {("Nämnderna totalt", 2020, "avvikelse", "entity"): 5_000_000}),
    ("Det gör att socialnämnden och bolaget redovisar ett överskott på 5 mkr.", {}),
])
def test_the_forms_of_a_nämnds_surplus(text, expected):
    assert read(text) == expected


def test_a_nämnds_surplus_in_a_report_on_part_of_the_year_only_as_a_forecast():
    assert read("Socialnämnden redovisar ett överskott på 5 mkr.", doc_type="delarsrapport") == {}
    assert read("Socialnämnden redovisar ett prognostiserat överskott på 5 mkr.", doc_type="delarsrapport") == {
        ("Socialnämnden", 2020, "avvikelse", "entity"): 5_000_000}


def test_a_budget_documents_result_is_its_budget_line_and_the_budget_as_the_agent():
    """Tanum's budget blog 2015: "Budgeten, som baseras på … att resultatet uppgår till 15 mkr": the budget statement's
    result; "Sammantaget visar budgeten ett överskott på 17 mkr" (Tanum 2014) the same with the budget as its agent."""
    lines = unfold_lines(content_lines(read_document(str(PAGES / "tanum_2015_budget_ledningsbloggen.txt"), Options())))
    got = [(f.statement, f.item, f.label, f.period, f.column, f.amount.printed)
           for f in read_text_figures(lines, 2015, "verksamhetsplan_budget")]
    assert got == [("budget", "bu.arets_resultat", "Årets resultat", 2015, "budget", "15"),
                   # "Investeringsbudgeten omfattar investeringar på cirka 90 mkr varav 60 mkr avser investeringar i
                   # va-verksamheten": the part under its own name (the approximate whole is left out)
                   ("budget", "bu.investeringar_i_va_verksamheten", "Investeringar i va-verksamheten", 2015, "budget", "60")]
    got = [(f.statement, f.item, f.column, f.amount.printed) for f in read_text_figures(
        [Line(1, 1, "Sammantaget visar budgeten ett överskott på 17 mkr.")], 2014, "verksamhetsplan_budget")]
    assert got == [("budget", "bu.arets_resultat", "budget", "17")]
    # in an annual report the budget's surplus is the budget column of the year's result
    assert read("Budgeten visar ett överskott på 17 mkr.") == {("Årets resultat", 2020, "budget", "entity"): 17_000_000}


def test_a_deviation_stated_by_a_verb_right_after_the_reported_result():
    """Tingsryd's årsredovisning 2018: "Det redovisade resultatet på +17 mkr innebär således ett överskott mot
    budgeten på +5 mkr"; "Det underliggande resultatet på -6 mkr innebär däremot ett underskott mot budgeten på -18
    mkr" names no item (and "däremot" no reference): not read."""
    got = figures("tingsryd_2018_arsredovisning", 2018)
    assert got[("Årets resultat", 2018, "avvikelse", "entity")] == 5_000_000
    assert -18_000_000 not in got.values() and -6_000_000 not in got.values()
    assert read("Årets resultat blev 17 mkr. Det redovisade resultatet på +17 mkr innebär ett underskott mot budgeten "
                "på 5 mkr.") == {("Årets resultat", 2020, "utfall", "entity"): 17_000_000,
                                 ("Årets resultat", 2020, "avvikelse", "entity"): -5_000_000}


@pytest.mark.parametrize("text, expected", [
    ("Årets resultat blev 50 mkr jämfört med 36 mkr året innan.",
     {("Årets resultat", 2020, "utfall", "entity"): 50_000_000, ("Årets resultat", 2019, "utfall", "entity"): 36_000_000}),
    ("Årets resultat för 2020 blev 50 mkr, att jämföra med 36 mkr 2018.",
     {("Årets resultat", 2020, "utfall", "entity"): 50_000_000, ("Årets resultat", 2018, "utfall", "entity"): 36_000_000}),
    ("Nettoinvesteringarna uppgick till 90 mkr mot 120 mkr i fjol.",
     {("Nettoinvesteringar", 2020, "utfall", "entity"): 90_000_000,
      ("Nettoinvesteringar", 2019, "utfall", "entity"): 120_000_000}),
    # compared with a budget, a share, a figure of no year, or the same period: a comparison, nothing read
    ("Årets resultat blev 50 mkr jämfört med 36 mkr i budget.", {}),
    ("Årets resultat blev 50 mkr jämfört med 36 mkr.", {}),
    ("Årets resultat blev 50 mkr jämfört med 36 procent året innan.", {}),
    ("Periodens resultat blev 50 mkr jämfört med 36 mkr samma period året innan.", {}),
])
def test_a_comparative_written_out_after_the_figure(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Låneskulden minskade med 100 miljoner kronor till 300 miljoner kronor.",
     {("Låneskuld", 2020, "utfall", "entity"): 300_000_000}),
    ("Nettoinvesteringarna ökade med 10 mkr till 90 mkr.", {("Nettoinvesteringar", 2020, "utfall", "entity"): 90_000_000}),
    # a possibility, a comparison after the level, a year of its own at the end is still read with it
    ("Bland annat kunde låneskulden minskas med 100 miljoner kronor till 300 miljoner kronor.", {}),
    ("Låneskulden har ökat med 100 mkr till 300 mkr jämfört med föregående år.", {}),
    ("Låneskulden ökade med 100 mkr från 200 mkr.", {}),
])
def test_a_change_to_a_new_level_states_the_level(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Investeringarna uppgick till 90 mkr, varav 60 mkr avser investeringar i va-verksamheten.",
     {("Investeringar i va-verksamheten", 2020, "utfall", "entity"): 60_000_000}),
    # the part's name does not repeat the kind of amount, goes on into another clause, or is a company
    ("Investeringarna uppgår till 90 miljoner, varav 60 miljoner avser va-verksamheten.", {}),
    ("Investeringarna uppgår till 90 miljoner, varav 60 miljoner avser investeringar i skolor och resten vägar.", {}),
    ("Investeringarna uppgår till 90 miljoner, varav 60 miljoner avser investeringar i bolaget.", {}),
])
def test_a_part_after_varav_under_its_own_name(text, expected):
    assert read(text) == expected


def test_the_forecast_as_the_agent_of_a_surplus():
    assert read("Helårsprognosen visar ett överskott på 46 mkr.", doc_type="delarsrapport") == {
        ("Årets resultat", 2020, "prognos", "entity"): 46_000_000}


def test_a_nämnd_on_a_key_figure_line_of_an_annual_report_is_left_out():
    """Uddevalla's årsredovisning 2023, a nämnd's page titled "Barn och utbildningsnämnden 13,1 mkr" (its surplus, said
    only further down): a nämnd's line outside a budget names neither a cost nor a deviation."""
    assert read("Barn och utbildningsnämnden 13,1 mkr", 2023) == {}
    assert read("Barn och utbildningsnämnden 13,1 mkr", 2023, "verksamhetsplan_budget") == {
        ("Barn och utbildningsnämnden", 2023, "budget", "entity"): 13_100_000}


def test_a_sign_in_words_is_the_meaning_beside_the_printed_figure():
    """Falkenberg's news on the accounts 2021: "… visade budgeten ett underskott med 14 miljoner kronor" and Arboga's
    snabba fakta 2007: "Årets resultat för kommunen blev minus 1,3 mkr". value_sek is signed as printed (the
    contract); the meaning is beside it in meant_value_sek, and decided_by names the word that gives it."""
    facts = process_document(str(PAGES / "falkenberg_2021_stort_overskott.txt")).facts
    (budget,) = [f for f in facts if f.column == "budget"]
    assert (budget.item, budget.period, budget.printed, budget.value_sek) == ("ov.arets_resultat", 2021, "14", 14e6)
    assert (budget.meant_value_sek, budget.value_meant, budget.decided_by) == (-14e6, -14e6, "sign in words: underskott")
    assert not budget.verified
    facts = process_document(str(PAGES / "arboga_2007_snabba_fakta.txt")).facts
    got = {f.item: (f.value_sek, f.meant_value_sek, f.decided_by) for f in facts}
    assert got == {"ov.arets_resultat": (1_300_000, -1_300_000, "sign in words: minus"),
                   "ov.nettoinvesteringar": (67_400_000, None, "")}       # the print is the meaning: nothing beside it


@pytest.mark.parametrize("text, expected", [
    # the same sentence forms as signed amounts, the sign in a word over an unsigned print: meant negative
    ("Årets resultat blev ett underskott på 1,3 mkr.", {("Årets resultat", 2020, "utfall", "entity"): -1_300_000}),
    ("Årets resultat blev minus 23 miljoner kronor.", {("Årets resultat", 2020, "utfall", "entity"): -23_000_000}),
    ("Prognosen för årets resultat är ett underskott på 1,3 mkr.",
     {("Årets resultat", 2020, "prognos", "entity"): -1_300_000}),
    ("Årets resultat blev 13,2 mnkr. Det är 7,2 mnkr sämre än budget.",
     {("Årets resultat", 2020, "utfall", "entity"): 13_200_000, ("Årets resultat", 2020, "avvikelse", "entity"): -7_200_000}),
    # the word and the print agree (Uddevalla 2017, "Socialnämnden redovisar underskott på -16 mkr"): the print stands
    ("Socialnämnden redovisar ett underskott på -16 mkr.", {("Socialnämnden", 2020, "avvikelse", "entity"): -16_000_000}),
    ("Kommunen redovisar ett underskott på 12 mkr (-5).", {("Årets resultat", 2020, "utfall", "entity"): -12_000_000,
                                                           ("Årets resultat", 2019, "utfall", "entity"): -5_000_000}),
    # … and what stays unread: an approximation, a change between years or forecasts, another yardstick, a
    # comparative whose sign the words do not give, a word and a print that disagree
    ("Årets resultat blev ett underskott på drygt 12 mkr.", {}),
    ("Kommunen redovisar ett underskott på cirka 12 mkr.", {}),
    ("Årets resultat blev en försämring med 12 mkr jämfört med föregående år.", {}),
    ("Årets resultat visar en negativ avvikelse på 12 mkr jämfört med föregående år.", {}),
    ("Prognosen för årets resultat har försämrats med 12 mkr sedan april.", {}),
    ("Prognosen för årets resultat visar ett underskott som försämrats med 12 mkr.", {}),
    ("Socialnämnden redovisar ett underskott på 12 mkr jämfört med föregående prognos.", {}),
    ("Årets resultat blev 13,2 mnkr, vilket är 7,2 mnkr sämre än prognosen.",
     {("Årets resultat", 2020, "utfall", "entity"): 13_200_000}),
    ("Kommunen redovisar ett underskott på 12 mkr (5).", {}),
    ("Årets resultat blev ett underskott på +1,3 mkr.", {}),
    # a verb of change or of a shortfall states no sign of the amount itself ([sign_words] meant)
    ("Skatteintäkterna backar 12 mkr.", {}),
    ("Eget kapital saknas 5 mkr.", {}),
    ("Finansnettot är negativt med 5 mkr.", {("Finansnetto", 2020, "utfall", "entity"): -5_000_000}),
])
def test_a_sign_given_in_words_in_the_forms_of_signed_amounts(text, expected):
    assert read(text) == expected


def test_checks_and_the_panel_use_the_meant_value_and_the_print_stays():
    """A figure whose sign is given in words adds up with its meaning: Årets kassaflöde printed 256,46 under "ett
    underskott", meant -256,46, makes Likvida medel 1 492,77 → 1 236,30 hold; read bare it would fail. Its value_sek
    stays as printed. The panel sums the meaning too."""
    from arsred.normalize.reconcile import reconcile
    from arsred.normalize.reconcile.verify import verify
    from reconcile_fixtures import table

    from arsred.panel import item_values

    printed = table("kassaflodesanalys", 1, [(2023, "utfall")], [
        ("=Årets kassaflöde", "kf.arets_kassaflode", "256,46"),
        ("Likvida medel vid årets början", "kf.likvida_medel_arets_borjan", "1492,77"),
        ("=Likvida medel vid årets slut", "kf.likvida_medel_arets_slut", "1 236,30")])

    def status(facts):
        checks, out = reconcile(facts)
        return {r.status for r in checks if r.check == "kf.likvida_medel"}, checks, out

    assert status(printed)[0] == {"fail"}                 # the bare print does not add up
    meant = [replace(f, meant_value_sek=-f.value_sek, decided_by="sign in words: underskott")
             if f.item == "kf.arets_kassaflode" else f for f in printed]
    got, checks, out = status(meant)
    assert got == {"pass"}
    assert [f.value_sek for f in out] == [f.value_sek for f in printed]           # value_sek: as printed
    assert [f.meant_value_sek for f in out] == [f.meant_value_sek for f in meant]
    assert [f.value_sek for f in verify(out, checks)] == [f.value_sek for f in printed]
    rows = [{**f.to_dict(), "period": 2023} for f in out]
    assert item_values(rows)[("kf.arets_kassaflode", 2023)].value == -256_460
    assert item_values([{**r, "meant_value_sek": float("nan")} for r in rows])[("kf.arets_kassaflode", 2023)].value \
        == 256_460                                         # an empty cell of facts.csv: the printed value


def test_the_review_shows_the_meaning_beside_the_printed_figure():
    from arsred.review.builder import _title

    facts = process_document(str(PAGES / "falkenberg_2021_stort_overskott.txt")).facts
    (budget,) = [f for f in facts if f.column == "budget"]
    title = _title(budget, "unverified", [])
    assert "(printed 14 mkr)" in title and "meant -14 000 000 kr (sign in words: underskott)" in title
