"""Real pages of the fourth eye audit (Swedish public bodies): each held a figure arsred presented
wrongly, or a statement it did not read, before the fix its test guards."""
from __future__ import annotations

from arsred.errors import NoStatementsFound
from arsred.pipeline import process_document
from tests.helpers import ROOT

PAGES = ROOT / "tests" / "fixtures" / "audit4"


def test_statements_under_the_part_title_sammanstallda_rakenskaper_are_the_groups() -> None:
    # 'Sammanställda räkenskaper' / 'Resultaträkning' / 'RESULTATRÄKNING, mnkr Not 2020 2019': the columns
    # name no scope, the part title above the statements does (the site's notes print Koncernen 2020
    # Verksamhetens intäkter 402 508 tkr); all 84 figures came out as the kommun's, 24 of them verified
    result = process_document(str(PAGES / "burlov_2020_sammanstallda_rakenskaper.txt"))
    assert result.facts and all(f.scope == "group" for f in result.facts)
    got = {(f.statement, f.label, f.period): f.value_sek for f in result.facts}
    assert got[("resultatrakning", "Verksamhetens intäkter", 2020)] == 402_500_000
    assert got[("resultatrakning", "Skattekostnader", 2020)] == -4_100_000
    assert got[("resultatrakning", "Årets resultat", 2019)] == -23_600_000
    assert got[("kassaflodesanalys", "Medel från investeringsverksamheten", 2020)] == -368_500_000


def test_a_line_of_tax_costs_makes_an_unscoped_income_statement_the_groups() -> None:
    # 'Skattekostnader -4,1 -3,2': a kommun pays no income tax, so without the part title the table
    # is still the group's (table_words.toml [group_only])
    from arsred.extract.tables.header import group_only_labels

    assert "skattekostnader".startswith(group_only_labels())
    assert not "skatteintakter".startswith(group_only_labels())


def test_a_change_column_between_two_years_is_read_and_left_out() -> None:
    # 'Not Bokslut 2020 Bokslut 2019 Förändring 2019–2020 Budget 2020 Budgetavvikelse': the change word
    # made the line no header, and the kommun's Resultaträkning and Kassaflödesanalys were not read at all
    result = process_document(str(PAGES / "burlov_2020_ekonomisk_redovisning_kommunen.txt"))
    rr = {(f.label, f.period, f.column): f.value_sek for f in result.facts if f.statement == "resultatrakning"}
    assert rr[("Verksamhetens intäkter", 2020, "utfall")] == 182_600_000
    assert rr[("Verksamhetens intäkter", 2019, "utfall")] == 189_200_000
    assert rr[("Verksamhetens intäkter", 2020, "budget")] == 215_300_000
    assert rr[("Verksamhetens intäkter", 2020, "avvikelse")] == -32_700_000
    assert rr[("Årets resultat", 2020, "utfall")] == 40_100_000
    assert all(f.scope == "entity" for f in result.facts)
    # the change (-6,6; 56,2) is no figure of the output
    assert -6_600_000 not in {f.value_sek for f in result.facts if f.label == "Verksamhetens intäkter"}
    assert 56_200_000 not in {f.value_sek for f in result.facts if f.label == "Årets resultat"}
    kf = {(f.label, f.period, f.column): f.value_sek for f in result.facts if f.statement == "kassaflodesanalys"}
    assert kf[("Medel från den löpande verksamheten", 2020, "utfall")] == 133_000_000
    assert kf[("Investeringar, brutto", 2019, "utfall")] == -86_800_000


def test_a_notes_page_header_printed_once_heads_every_note_under_it() -> None:
    # '(tkr)' caption, then 'Kommunen 2020 Kommunen 2019 Koncernen 2020 Koncernen 2019' once, then
    # 'Not 1 Verksamhetens intäkter' / rows, 'Not 2 …': no note printed a header, none was read
    result = process_document(str(PAGES / "burlov_2020_noter_kommun_koncern.txt"))
    got = {(f.note, f.label, f.scope, f.period): f.value_sek for f in result.facts if f.statement == "noter"}
    assert got[(1, "Summa verksamhetens intäkter", "entity", 2020)] == 182_569_000
    assert got[(1, "Summa verksamhetens intäkter", "group", 2020)] == 402_508_000
    assert got[(1, "Taxor och avgifter", "group", 2019)] == 89_046_000
    assert got[(2, "Summa verksamhetens kostnader", "entity", 2019)] == 1_167_809_000
    assert got[(3, "Summa avskrivningar", "group", 2020)] == 81_056_000
    assert got[(4, "Reavinst försäljning fastighet och mark", "group", 2019)] == 3_820_000


def test_contents_lists_mandates_and_tax_rates_give_no_figures() -> None:
    # pages with no statement: a contents list of page numbers, party mandates, 'UTDEBITERING 2009 …
    # 22,82 10,60 0,47', an OCR'd cover; none of their numbers is an amount of the accounts
    for name in ("harjedalen_2009_arsredovisning", "tranas_2010_delarsrapport_ocr",
                 "sodra_roslagen_2014_samordningsforbund_ocr", "jamtland_rtj_2018_delarsrapport"):
        try:
            result = process_document(str(PAGES / f"{name}.txt"))
        except NoStatementsFound:      # nothing read at all, as it should be
            continue
        assert not result.facts, name  # a page with goals only returns them, and no figure
