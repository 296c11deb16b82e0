"""Figures in news-item prose: a nämnd's surplus in more forms, the nämnder's total, and the year of a news item's
lead taken only by sentences of that year's outcome. Each case is the real sentence it came from (tests/real pages)."""
from __future__ import annotations

import pytest
from arsred.extract.document import Line
from arsred.extract.text_figures import lead_year, read_text_figures


def read(text: str, year: int | None = 2019, doc_type: str = "arsredovisning") -> dict:
    lines = [Line(1, k + 1, t) for k, t in enumerate(text.split("\n"))]
    return {(f.statement, f.label, f.period, f.column): round(f.meant_sek)
            for f in read_text_figures(lines, year, doc_type)}


@pytest.mark.parametrize("text, expected", [
    # uddevalla_2017_preliminart_resultat: the surplus with no article, and a deficit printed with its minus
    ("Kommunstyrelsen visar överskott på 5 mkr medan övriga nämnder visar underskott.",
     {("driftredovisning", "Kommunstyrelsen", 2019, "avvikelse"): 5_000_000}),
    ("Socialnämnden redovisar underskott på -16 mkr där det allra största ekonomiska bekymret finns inom "
     "ersättningssystemet till hemtjänst.", {("driftredovisning", "Socialnämnden", 2019, "avvikelse"): -16_000_000}),
    # … a relative clause opened by 'vilken' after the amount
    ("Samhällsbyggnadsnämnden har en negativ avvikelse på -3 mkr vilken främst orsakas av finansiering för projekt "
     "som inte varit budgeterat.", {("driftredovisning", "Samhällsbyggnadsnämnden", 2019, "avvikelse"): -3_000_000}),
    # the surplus as subject after the unit's genitive (uddevalla_2017 and _2019)
    ("Barn- och utbildningsnämndens underskott är -5 mkr och återfinns inom grundskola/barnomsorg och gymnasieskolan.",
     {("driftredovisning", "Barn- och utbildningsnämnden", 2019, "avvikelse"): -5_000_000}),
    ("Socialnämndens överskott mot budget är 25 mkr.", {("driftredovisning", "Socialnämnden", 2019, "avvikelse"): 25_000_000}),
    ("Kommunstyrelsens överskott uppgår till 13 mkr.", {("driftredovisning", "Kommunstyrelsen", 2019, "avvikelse"): 13_000_000}),
    # the nämnder's total (uddevalla_2019, varnamo_2021)
    ("Nämnderna redovisar ett sammanlagt resultat på +61 mkr.", {("driftredovisning", "Nämnderna totalt", 2019, "avvikelse"): 61_000_000}),
    ("En annan bidragande faktor till det starka resultatet är att nämnderna sammantaget visar en positiv "
     "budgetavvikelse med 12 miljoner kronor.", {("driftredovisning", "Nämnderna totalt", 2019, "avvikelse"): 12_000_000}),
])
def test_a_namnds_surplus_in_more_forms(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text", [
    "Socialnämnden redovisar ett resultat på 16 mkr.",                  # a result with no sign: not a deviation said
    "Kommunstyrelsen visar överskott på -5 mkr.",                       # a surplus printed negative: words and print disagree
    "Socialnämndens underskott är 5 mkr jämfört med 2 mkr i fjol.",     # a comparison after the amount
    "Nämnderna har en positiv avvikelse på 12 mkr inom äldreomsorgen.",  # a part of the total
    "Nämnden redovisar ett överskott på 3 mkr.",                        # no name
])
def test_a_namnds_surplus_not_said(text):
    assert read(text) == {}


@pytest.mark.parametrize("title, year", [
    ("Uddevalla kommuns preliminära resultat för 2017 +91 mkr", 2017),
    ("Värnamo kommuns preliminära bokslut för 2021 visar ett positivt resultat på 121 miljoner kronor.", 2021),
    ("Resultatet är bättre än det preliminära resultatet för 2016", None),       # after a yardstick
    ("Stort överskott för kommunen 2021", None),                                  # no result named for the year
    ("Borlänge kommun redovisar ett resultat för 2023 på 99 miljoner", 2023),
])
def test_a_news_items_lead_year(title, year):
    assert lead_year([Line(1, 1, "Publicerat:"), Line(1, 2, title)]) == year


LEAD = "Uddevalla kommuns preliminära resultat för 2017 +91 mkr\n\n"


@pytest.mark.parametrize("sentence, expected", [
    # a sentence in the present with no time of its own: the lead's year (uddevalla_2017_preliminart_resultat)
    ("Socialnämnden redovisar underskott på -16 mkr där det allra största ekonomiska bekymret finns inom hemtjänsten.",
     {("driftredovisning", "Socialnämnden", 2017, "avvikelse"): -16_000_000}),
    # another time, a forecast or the past: no year said (vimmerby_2023: 'Då låg socialnämnden på ett minus …')
    ("Förra året redovisade socialnämnden ett underskott på 14,1 miljoner kronor.", {}),
    ("Då hade socialnämnden ett underskott på 14,1 miljoner kronor.", {}),
    ("Socialnämnden har ett prognostiserat överskott på 12,3 miljoner kronor.", {}),
    ("Nämnderna redovisar ett sammanlagt resultat på +61 mkr, vilket är bättre än tidigare prognoser under året.", {}),
    # a year of its own wins (varnamo_2021: 'Kommunens investeringar uppgick till 258 miljoner kronor under 2021')
    ("Kommunstyrelsen visar överskott på 5 mkr för 2016.", {("driftredovisning", "Kommunstyrelsen", 2016, "avvikelse"): 5_000_000}),
])
def test_the_lead_year_only_for_a_sentence_of_that_years_outcome(sentence, expected):
    assert read(LEAD + sentence, year=None) == expected


@pytest.mark.parametrize("text, expected", [
    # varnamo_2021_preliminart_bokslut: the organisation's accounts as the agent, then the result named again as subject
    ("Värnamo kommuns preliminära bokslut för 2021 visar ett positivt resultat på 121 miljoner kronor. Resultatet är 63 "
     "miljoner högre än budgeterat.", {("oversikt", "Årets resultat", 2021, "utfall"): 121_000_000,
                                       ("oversikt", "Årets resultat", 2021, "avvikelse"): 63_000_000}),
    # uddevalla_2019_preliminart_resultat: the organisation's genitive before the subject
    ("Uddevalla kommuns preliminära resultat för 2019 är +9 mkr", {("oversikt", "Årets resultat", 2019, "utfall"): 9_000_000}),
    # another party's accounts or result: nothing
    ("Bolagets bokslut visar ett resultat på 12 mkr.", {}),
    ("Uddevallahems resultat för 2019 är +9 mkr", {}),
    # the subject named again refers only to a result just read
    ("Skatteintäkterna uppgick till 900 mkr. Resultatet är 63 miljoner högre än budgeterat.",
     {("oversikt", "Skatteintäkter", 2019, "utfall"): 900_000_000}),
])
def test_the_organisations_accounts_and_genitive(text, expected):
    assert read(text) == expected
