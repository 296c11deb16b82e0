"""The section finder: numbered, upper-case and OCR-garbled headings; ToC and furniture are not sections."""
from __future__ import annotations

import pytest
from arsred.extract.sections import classify_heading, content_lines, find_sections, is_furniture

from arsred.pipeline import process_document
from tests.helpers import text_document


@pytest.mark.parametrize("heading,kind", [
    ("Resultaträkning", "resultatrakning"), ("2. Resultatriakning", "resultatrakning"),
    ("RESULTATRÄKNING", "resultatrakning"), ("3. Balansrakning", "balansrakning"),
    ("4. Kassaflodesanalys", "kassaflodesanalys"), ("Finansieringsanalys", "kassaflodesanalys"),
    ("5. Driftredovisning", "driftredovisning"), ("6. Noter", "noter"),
    ("1.1. Oversikt 6ver verksamhetens utveckling", "oversikt"), ("Flerårsöversikt", "oversikt"),
    ("1.5.8 Balanskravsresultat", "balanskrav"), ("Balanskravsutredning", "balanskrav"),
    ("BUDGET 2022", "budget"), ("Tilläggsupplysningar", "tillaggsupplysningar"),
])
def test_statement_headings(heading, kind):
    doc = text_document(f"Inledning\n\n{heading}\n\nBelopp i tkr\t2024\t2023\nRad\t1\t2\n")
    kinds = [s.kind for s in find_sections(doc)]
    assert kind in kinds


@pytest.mark.parametrize("heading,kind", [
    ("Kommunens driftredovisning", "driftredovisning"), ("Koncernens resultaträkning", "resultatrakning"),
    ("Regionens balansräkning", "balansrakning"), ("Förbundets resultaträkning", "resultatrakning"),
    ("Sammanställd resultaträkning", "resultatrakning"), ("Kommunkoncernens kassaflödesanalys", "kassaflodesanalys"),
])
def test_a_heading_may_name_whose_statement_it_is(heading, kind):
    """Reports name the owner first ('Kommunens driftredovisning', goteborg.se 2019); the fuzzy match of
    the whole line misses such headings, so the owner word (table_words.toml [scopes], [block_scopes]) is
    read apart."""
    assert classify_heading(heading) == kind


@pytest.mark.parametrize("text", ["Kommunens resultat", "Stadens ekonomi", "Kommunen i siffror", "Kommun\tBudget 2018",
                                  "Koncernen Resultaträkning Kommunen"])
def test_an_owner_word_before_no_statement_name_is_no_heading(text):
    assert classify_heading(text) in (None, "other")


def test_the_owner_a_heading_names_is_the_scope_of_its_columns(tmp_path):
    path = tmp_path / "koncern.txt"
    path.write_text("Årsredovisning 2019\n\nKoncernens resultaträkning\nBelopp i mnkr Not 2019 2018\n"
                    "Verksamhetens intäkter 1 1 200 1 100\nVerksamhetens kostnader 2 -1 000 -950\n"
                    "Avskrivningar -50 -40\nVerksamhetens nettokostnader 150 110\n", encoding="utf-8")
    facts = process_document(str(path)).facts
    assert {(f.scope, f.period, f.value_sek) for f in facts if f.label == "Verksamhetens nettokostnader"} == {
        ("group", 2019, 150e6), ("group", 2018, 110e6)}


@pytest.mark.parametrize("text", ["Verksamhetens resultat", "Årets resultat enligt resultaträkningen",
                                  "Samordningsförbundet följer lagen om kommunal redovisning"])
def test_ordinary_lines_are_not_headings(text):
    assert classify_heading(text) in (None, "other")


def test_table_of_contents_is_not_a_section():
    doc = text_document(
        "Innehållsförteckning sidor\n\n2.\tRESULTATRÄKNING.....\t17\n3.\tBALANSRÄKNING\t18\n"
        "1.5.8 Balanskravsresultat.....\t17\nBUDGET 2022\t9\n\nInledning\n\nText här.\n")
    assert [s.kind for s in find_sections(doc) if s.kind != "other"] == []


def test_lone_budget_column_header_is_not_a_section():
    doc = text_document("5. Driftredovisning\nUtfall Budget\n2024 2024\nBudget\nnetto\nRad 1 2\n")
    assert [s.kind for s in find_sections(doc)].count("budget") == 0


def test_notes_are_split_by_number_with_titles():
    doc = text_document("6. Noter\n\nNot 1. Redovisningsprinciper\n\nText.\n\nNot 2. Verksamhetens intäkter\n"
                        "\t2022\t2021\nDriftbidrag\t1\t2\nNot 3 Kostnader\nKansli\t3\t4\n")
    notes = [(s.note, s.title) for s in find_sections(doc) if s.note]
    assert notes == [(1, "Redovisningsprinciper"), (2, "Verksamhetens intäkter"), (3, "Kostnader")]


@pytest.mark.parametrize("text", ["Signering av justerare på varje sida", "Sida 17", ". . . Sida 17",
                                  "MJ", "NS *LE* *HS*", "pa varje sida", "Sida 7 (12)"])
def test_page_furniture(text):
    assert is_furniture(text)


@pytest.mark.parametrize("text", ["Kansli", "Årets resultat 195", "AF-handläggare 253", "SIP/SKIP"])
def test_content_is_not_furniture(text):
    assert not is_furniture(text)


def test_lone_page_number_beside_furniture_is_dropped():
    doc = text_document("Rad ett\n\nSignering av justerare på varje sida\n\nMH\nNS\n20\nHS\n\nRad två\n")
    assert [line.text for line in content_lines(doc)] == ["Rad ett", "Rad två"]


@pytest.mark.parametrize("heading,kind", [
    ("Balansräkning per 2024-12-31", "balansrakning"),
    ("Resultaträkning för perioden 2024-01-01 – 2024-12-31", "resultatrakning"),
    ("Resultaträkning – belopp i tusen kronor", "resultatrakning"),
    ("Driftredovisning per verksamhetsområde 2022 (tkr)", "driftredovisning"),
    ("Bilaga 1 Resultaträkning", "resultatrakning"),
    ("Noter till resultat- och balansräkning", "noter"),
    ("Budget och utfall 2024", "driftredovisning"),
])
def test_headings_with_periods_scopes_and_annex_numbers(heading, kind):
    doc = text_document(f"Inledning\n\n{heading}\n\nBelopp i tkr\t2024\t2023\nRad\t1\t2\n")
    assert kind in [s.kind for s in find_sections(doc)]


def test_an_ocr_speck_between_a_label_and_its_figures_is_no_line():
    """A scan of tests/real/pages/varmdo_2018_rr.txt (tools/render_report.py --scan): OCR reads a
    mark between 'Avgifter i utjämningssystemen' and its figures as a line 'I', which the stream
    reader took for the figures' label (item rr.i). One or two letters read by OCR are a speck,
    unless a unit; the same text in a text report stays."""
    from arsred.extract.document import Document, Line, Page

    texts = ["Avgifter i utjämningssystemen", "I", "-43 735", "-34 452", "kr", "-"]
    scan = Document("d", "d.pdf", "", "pdf-ocr",
                    [Page(2, tuple(Line(2, 46 + 2 * i, t, method="ocr") for i, t in enumerate(texts)), "ocr")])
    assert [ln.text for ln in content_lines(scan)] == ["Avgifter i utjämningssystemen", "-43 735", "-34 452", "kr", "-"]
    text = Document("d", "d.txt", "", "text", [Page(2, tuple(Line(2, 46 + 2 * i, t) for i, t in enumerate(texts)))])
    assert [ln.text for ln in content_lines(text)] == texts


def _gnosjo_contents() -> list[tuple[str, str]]:
    """(title, page) of the real contents list on Gnosjö's 2019 cover page (tests/real/pages)."""
    from pathlib import Path
    text = (Path(__file__).parent / "real" / "pages" / "gnosjo_2019_omslag.txt").read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        title, dots, page = line.rpartition("...")
        if dots and page.strip().isdecimal():
            entries.append((title.strip(), page.strip()))
    assert len(entries) >= 20
    return entries


def test_a_contents_list_flattened_to_one_title_and_one_page_number_a_line_is_no_content():
    """The same real contents list as a PDF's text flattens it: every title and every page number on a
    line of its own, no leader dots. Its 'Resultaträkning' / '35' must be no heading and no row."""
    entries = _gnosjo_contents()
    body = ["Årsredovisning 2019", "Innehåll", *[x for title, page in entries for x in (title, page)],
            "Förvaltningsberättelse", "Kommunens resultat för året uppgick till 29,7 miljoner kronor, vilket är bättre än budget."]
    kept = [ln.text for ln in content_lines(text_document("\n".join(body)))]
    assert kept == ["Årsredovisning 2019", "Förvaltningsberättelse", body[-1]]


def test_a_contents_list_run_onto_one_line_without_leaders_is_a_contents_list():
    from arsred.extract.sections import is_contents_list
    entries = _gnosjo_contents()
    line = "ÅRSREDOVISNING 2019 Innehållsförteckning " + " ".join(f"{t} {p}" for t, p in entries)
    assert is_contents_list(line)
    # a statement run onto one line is not: its numbers are amounts that do not rise like page numbers
    assert not is_contents_list("Innehåll Verksamhetens intäkter 1 48 210 47 305 Verksamhetens kostnader 2 -412 -398")


@pytest.mark.parametrize("page,note", [("goteborg_2015_not2_verksamhetens_kostnader", 2),
                                       ("goteborg_2017_not2_verksamhetens_kostnader", 2),
                                       ("goteborg_2018_not6_skatteintakter", 6)])
def test_a_note_heading_over_a_tables_header_opens_the_note(page, note):
    """Göteborg's note pages print 'Not 2 Verksamhetens kostnader' over the unit ('mkr') or the scope
    headings ('Kommunen', 'Sammanställd redovisning'), not over a row: still the note's heading (the
    pages were read as a budget table and a resultaträkning by what their rows resemble)."""
    from pathlib import Path
    text = (Path(__file__).parent / "real" / "pages" / f"{page}.txt").read_text(encoding="utf-8")
    sections = [s for s in find_sections(text_document(text)) if s.heading is not None]
    assert [(s.kind, s.note) for s in sections] == [("noter", note)]


def test_a_note_named_in_running_text_opens_no_note():
    doc = text_document("Förvaltningsberättelse\n\nNot 3 Skatteintäkter\n\nSkatteintäkterna ökade under året.\n")
    assert [s.kind for s in find_sections(doc)] == ["other"]


def test_a_header_broken_over_lines_opens_no_budget_sections():
    """Region Västernorrland's resultatbudget breaks its header over five lines so that each year
    stands before the next column's kind ('Bokslut' / '2020 Budget' / '2021 Budget' / '2022 Plan' /
    '2023 Plan 2024'): '2020 Budget' is no heading 'Budget 2020' there; it split the header over three
    sections, and the last two lines were read as the header of three columns."""
    from pathlib import Path
    text = (Path(__file__).parent / "real" / "pages" / "regionvasternorrland_2022_resultatbudget.txt").read_text(
        encoding="utf-8")
    sections = [s for s in find_sections(text_document(text)) if s.heading is not None]
    assert [(s.kind, s.title) for s in sections] == [("other", "Ekonomi"), ("budget", "Resultatbudget")]
    # a heading 'Budget 2022' under prose still opens its section
    doc = text_document("Inledning\n\nBudget 2022\n\nBelopp i tkr\t2022\t2021\nRad\t1\t2\n")
    assert "budget" in [s.kind for s in find_sections(doc)]
