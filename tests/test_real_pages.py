"""Real statement pages (tests/real, dev set): recall, and no wrong figure.

The held-out third (tests/real_unseen) is scored by `benchmarks/real_accuracy.py --unseen`,
never here: a test over it would invite tuning to it.
"""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

import arsred
from arsred.options import Options

ROOT = Path(__file__).resolve().parent.parent
PAGES, GOLD = ROOT / "tests/real/pages", ROOT / "tests/real/gold"
# the 18 pages copied from ../shared/real (prose left out): every figure read must be right
SHARED_COPIES = ("gnesta_", "goteborg_", "helsingborg_", "lulea_", "malmo_", "rtjamtland_", "samiljo_",
                 "stockholm_", "varmdo_")


@pytest.fixture(scope="module")
def scored(tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("real")
    arsred.extract_reports([PAGES], out_dir=out, options=Options(jobs=2), use_cache=False)
    text = subprocess.run([sys.executable, str(ROOT / "tools/eval_gold.py"), str(GOLD), str(out)],
                          capture_output=True, text=True, check=True).stdout
    last = text.strip().splitlines()[-1].split()
    return {"text": text, "out": str(out),
            **{last[i]: last[i + 1] for i in range(0, len(last) - 1) if not last[i][0].isdigit()}}


@pytest.mark.slow
def test_no_figure_on_a_real_page_is_wrong(scored) -> None:
    assert int(scored["wrong_values"]) == 0, scored["text"]
    shared_copies = [line for line in scored["text"].splitlines() if line.startswith(SHARED_COPIES)]
    assert shared_copies and all("wrong values 0" in line for line in shared_copies), scored["text"]


def _normal_recall(text: str, skip: tuple[str, ...]) -> float:
    """Recall over the normal facts of the pages of eval_gold's per-document lines, less `skip`."""
    found = gold = 0
    for line in text.splitlines():
        if ": found " not in line or line.startswith(skip):
            continue
        f, g = map(int, line.split(": found ")[1].split()[0].split("/"))
        hf, hg = map(int, line.split(" hard ")[1].split(",")[0].split("/"))
        found, gold = found + f - hf, gold + g - hg
    return found / gold if gold else 0.0


# pages added after the 0.85 floor was measured on the 45 pages before them (SOURCES.md, section
# 'realtables'): scored by benchmarks/real_accuracy.py and held to no wrong figure above, but not to
# the floor, which they would lower only because nothing reads them yet
ADDED_AFTER_FLOOR = ("nybro_", "krokom_", "orust_", "laxa_", "hoor_", "uppsala_", "stromsund_", "hagfors_",
                     "ekero_", "sala_", "arboga_", "enkoping_", "haninge_", "mora_", "gnosjo_",
                     # section 'realtables, fourth round' of SOURCES.md (first look: none of their 56 facts read)
                     "lidingo_", "laholm_", "regionkalmar_", "regionnorrbotten_", "regionvastmanland_", "falun_",
                     "soderkoping_", "varberg_", "oxelosund_", "borlange_",
                     # section 'Fifth round (material helper)' of SOURCES.md (first look: 381 of 418 normal facts read)
                     "goteborg_2015_kfa_kommunen", "lulea_2018_kassaflodesanalys", "malmo_2014_prognosavvikelse",
                     "malmo_2015_prognosavvikelse", "katrineholm_", "solna_", "tanum_", "kalmar_2020_arets_resultat",
                     "kommunstyrelsen_2019_",
                     # section 'Sixth round (material helper)' of SOURCES.md (first look at 837439c: 60 of their 259 normal
                     # facts read, 59 on Göteborg's resultaträkning 2018, which is not in this list)
                     "ragunda_",
                     "malmo_2015_delarsrapport_", "malmo_2016_delarsrapport_", "ssbf_",
                     "gymnasieforbundet_", "tidaholm_",
                     "goteborg_2015_not2_", "goteborg_2017_not2_", "goteborg_2018_not6_",
                     "regionvasternorrland_", "munkedal_2022_",
                     # section 'Seventh round (material helper)' of SOURCES.md (first look at e89ca9c: 1 of their 19 normal
                     # facts read, Flen's period result; none of the 18 hard ones; no wrong value)
                     "sormland_", "kommun_2015_", "ljl_", "malungsalen_", "svenljunga_", "flen_", "osthammar_",
                     "falkenberg_",
                     # section 'Eleventh round' of SOURCES.md (first look at 8b6ff72: none of their 182 normal facts
                     # read, none of the 10 hard; 9 of the 10 pages "no financial statement found"; no wrong value)
                     "goteborg_2019_driftredovisning_kommunen", "kommun_2008_", "gr_", "regionkronoberg_",
                     "regionjh_", "regiongavleborg_")


@pytest.mark.slow
def test_recall_on_real_pages(scored) -> None:
    assert _normal_recall(scored["text"], ADDED_AFTER_FLOOR) >= 0.85, scored["text"]


@pytest.mark.slow
def test_figures_stated_in_running_text_are_read_and_none_is_wrong(scored) -> None:
    """The pages read only from running text and key-figure lines (press texts, delårsrapport summaries,
    chairman's letters, budget news; no statement table): at least the normal facts measured when the
    sentence shapes of issue 10 were added (32 before), and no wrong figure among them."""
    import csv

    with open(Path(scored["out"]) / "facts.csv", newline="", encoding="utf-8") as fh:
        sources: dict[str, set[str]] = {}
        for row in csv.DictReader(fh):
            sources.setdefault(row["doc_id"], set()).add(row["source"])
    text_only = tuple(f"{doc}:" for doc, kinds in sources.items() if kinds == {"text"})
    lines = [line for line in scored["text"].splitlines() if line.startswith(text_only)]
    assert len(lines) >= 20 and all("wrong values 0" in line for line in lines), scored["text"]
    found = sum(int(line.split(": found ")[1].split("/")[0]) - int(line.split(" hard ")[1].split("/")[0])
                for line in lines)
    assert found >= 46, scored["text"]


@pytest.mark.slow
def test_tables_transcribed_on_one_line_are_read(scored) -> None:
    """Region Örebro län's page edition prints each page as one line, its scopes at the foot; Umeå's
    and Brandkåren Norra Dalarna's pages put a unit in each row label or cell: every figure is found,
    none is wrong."""
    lines = {line.split(":")[0]: line for line in scored["text"].splitlines() if ": found " in line}
    for page in ("regionorebro_2021_kassaflodesanalys", "regionorebro_2021_not8_finansiella_kostnader",
                 "umea_2017_femarssammandrag", "bnd_2019_medlemsavgifter", "bnd_2021_medlemsavgifter"):
        found, gold = lines[page].split(": found ")[1].split()[0].split("/")
        assert found == gold and "wrong values 0" in lines[page], lines[page]


@pytest.mark.slow
def test_verified_figures_are_right(scored) -> None:
    assert float(scored.get("verified_precision", "1")) >= 0.95, scored["text"]


@pytest.mark.slow
def test_every_verified_figure_stands_in_the_gold(scored) -> None:
    """eval_gold's verified precision sees only figures where a gold fact stands; a verified figure
    the gold does not have (Krokom 2017's scrambled '0,0 = 0,0') is a proof to review: either gold
    the annotator left out, or a proof that proves nothing (benchmarks/unmatched.py lists them)."""
    spec = importlib.util.spec_from_file_location("unmatched", ROOT / "benchmarks/unmatched.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["unmatched"] = module        # its dataclass looks its module up
    spec.loader.exec_module(module)          # type: ignore[union-attr]
    result = module.unmatched(GOLD, Path(scored["out"]))
    assert result.counts()["verified_unmatched"] == 0, [
        (doc, r["statement"], r["label"], r["period"], r["value_sek"]) for doc, _, r in result.rows
        if r["verified"] == "True"]


def test_a_table_no_heading_names_proves_no_statement(tmp_path) -> None:
    """Göteborg's note 2 and note 6 pages with their note heading cut off: the rows are read under a
    statement taken from what they resemble (a budget table, a resultaträkning), and their sums hold
    under that statement as under the right one. Such sums prove digits, not the statement: no figure
    of them is verified (they were: 117 figures verified in the wrong statement)."""
    from arsred.pipeline import process_document

    for page in ("goteborg_2015_not2_verksamhetens_kostnader", "goteborg_2018_not6_skatteintakter"):
        lines = (PAGES / f"{page}.txt").read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("Not ")
        cut = tmp_path / f"{page}.txt"
        cut.write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")
        facts = process_document(str(cut)).facts
        assert facts and all(f.statement != "noter" for f in facts)
        assert not [f for f in facts if f.verified]
        whole = process_document(str(PAGES / f"{page}.txt")).facts
        assert {f.statement for f in whole} == {"noter"} and any(f.verified for f in whole)


def test_a_header_broken_over_lines_and_a_unit_stated_in_the_text_above() -> None:
    """Region Västernorrland's resultatbudget: its header broken over five lines ('Bokslut' / '2020
    Budget' / … / '2023 Plan 2024') names five columns, and its unit is stated only in the paragraph
    above ('Belopp anges i miljoner kronor i löpande priser'). Read as three columns, the row
    'Finansiella intäkter 88 87 97 103 103' gave 2024 = 97 103 103 kr; in kronor every figure was wrong."""
    from arsred.pipeline import process_document

    facts = process_document(str(PAGES / "regionvasternorrland_2022_resultatbudget.txt")).facts
    income = {(f.period, f.column): f.value_sek for f in facts if f.label == "Finansiella intäkter"}
    assert income == {(2020, "utfall"): 88e6, (2021, "budget"): 87e6, (2022, "budget"): 97e6,
                      (2023, "budget"): 103e6, (2024, "budget"): 103e6}
    assert {f.unit for f in facts} == {"mkr"}


def test_a_dash_apart_before_a_zero_in_a_table_that_glues_its_signs_is_an_empty_cell() -> None:
    """Region Västernorrland's 'Orealiserade kursförändringar -14 - 0 0 0': the table glues every minus
    sign to its figure ('-7 796'), so the dash standing apart before a zero is the empty 2021 cell, not
    a sign of zero; taken either way the row read four ways and none of its figures came out."""
    from arsred.pipeline import process_document

    facts = process_document(str(PAGES / "regionvasternorrland_2022_resultatbudget.txt")).facts
    row = {(f.period, f.column): f.value_sek for f in facts if f.label == "Orealiserade kursförändringar"}
    assert row == {(2020, "utfall"): -14e6, (2022, "budget"): 0, (2023, "budget"): 0, (2024, "budget"): 0}


def test_a_row_glued_into_an_outsized_amount_to_fit_the_header_stays_unread(tmp_path) -> None:
    """The same page with the first three lines of its header lost ('2022 Plan' / '2023 Plan 2024' left:
    three columns): 'Finansiella intäkter 88 87 97 103 103' fits them only as 88, 87 and 97 103 103, an
    amount a millionfold its neighbours whose groups could each be a figure. The row prints more figures
    than the header has columns: none of them is read (it gave 2022 = 88, 2023 = 87, 2024 = 97 103 103)."""
    from arsred.pipeline import process_document

    lines = (PAGES / "regionvasternorrland_2022_resultatbudget.txt").read_text(encoding="utf-8").splitlines()
    lost = [k for k, line in enumerate(lines) if line.strip() in ("Bokslut", "2020 Budget", "2021 Budget")]
    assert len(lost) == 3
    cut = tmp_path / "resultatbudget.txt"
    cut.write_text("\n".join(line for k, line in enumerate(lines) if k not in lost) + "\n", encoding="utf-8")
    result = process_document(str(cut))
    assert not [f for f in result.facts if f.label == "Finansiella intäkter"]
    assert "97 103 103" in result.record.warnings


def test_columns_no_header_names_take_only_a_year_the_page_states() -> None:
    """Sala's 'Snabbfakta, 4 år i sammandrag' heads its columns 'Bokslut Bokslut' (2009 and 2010, oldest
    first) and prints no year but a footnote's 'försäljning 2010' in a delårsrapport 2012: no column
    takes that commonest year (it read 943,8 as 2010 and 995,8 as 2009, the gold's 2009 and 2010).
    Hultsfred's slide deck titles its first line '… andel i procent 2012' over headerless notes of two
    columns: 2012 is printed, the year of the second column nowhere in notes 1 and 4, so no column of
    theirs is given a year (the line reader read them as 2012 and 2011, newest first: a convention, not a
    reading); only note 3 prints it ('Preliminär slutavräkning 2012 (2011)')."""
    from arsred.pipeline import process_document

    assert not process_document(str(PAGES / "sala_2012_snabbfakta.txt")).facts
    hultsfred = process_document(str(PAGES / "hultsfred_2012_noter.txt")).facts
    assert {f.note for f in hultsfred if f.period == 2011} == {3}
    assert not [f for f in hultsfred if f.note != 3]


def test_a_statement_naming_no_scope_is_the_groups_only_by_a_line_only_groups_print(tmp_path) -> None:
    """Helsingborg's koncern Resultaträkning names no scope on its page, but prints 'Skatt på årets
    resultat': a municipality pays no income tax, so every column is the group's. Its staden
    Kassaflödesanalys prints no such line and stays the entity's -- until a 'Betald skatt' line
    (the same tax in a cash flow, table_words.toml [group_only]) stands in it."""
    from arsred.pipeline import process_document

    group = process_document(str(PAGES / "helsingborg_2016_rr_koncern.txt")).facts
    assert group and {f.scope for f in group} == {"group"}
    entity_page = (PAGES / "helsingborg_2016_kassaflodesanalys.txt").read_text(encoding="utf-8")
    assert {f.scope for f in process_document(str(PAGES / "helsingborg_2016_kassaflodesanalys.txt")).facts} == {"entity"}
    lines = entity_page.splitlines()
    at = next(i for i, ln in enumerate(lines) if ln.startswith("Förändring av avsättningar"))
    taxed = tmp_path / "kfa_with_tax.txt"
    taxed.write_text("\n".join(lines[:at] + ["Betald skatt-12-10-9"] + lines[at:]) + "\n", encoding="utf-8")
    assert {f.scope for f in process_document(str(taxed)).facts} == {"group"}


def test_rows_like_a_statements_lines_under_no_heading_caption_or_header_are_not_read() -> None:
    """Trollhättan's August report 2022 (a news item): the site's opening hours ('Måndag–fredag: 8:00–16:30')
    and bullets of budget deviations ('• Finansnetto, 7 miljoner kronor', '• Avskrivningar, 3 miljoner
    kronor') resemble resultaträkning lines, but nothing prints their statement, period or column: they were
    read as the resultaträkning's outcome (30, 7 and 3 mnkr), three wrong figures."""
    from arsred.pipeline import process_document

    result = process_document(str(PAGES / "trollhattan_2022_augustirapport_nyhet.txt"))
    assert not [f for f in result.facts if f.statement == "resultatrakning"]
    assert not [f for f in result.facts if "8:00" in f.label_raw]
    assert "not read" in result.record.warnings


def test_a_line_only_the_group_has_stands_in_the_groups_columns() -> None:
    """Göteborg's Balansräkning, one cell per line with empty cells dropped: 'MINORITETSINTRESSE' prints
    two figures under Kommunen 2015 | 2016 | Sammanställd redovisning 2015 | 2016, which no sum places.
    The municipality has no minority owners (table_words.toml [group_only]): they are the group's."""
    from arsred.pipeline import process_document

    facts = process_document(str(PAGES / "goteborg_2016_balansrakning.txt")).facts
    minority = {(f.scope, f.period): f.value_sek for f in facts if f.label.casefold() == "minoritetsintresse"}
    assert minority == {("group", 2015): 253e6, ("group", 2016): 255e6}


def test_a_column_whose_one_part_equals_the_sum_places_the_rows_beside_it() -> None:
    """Göteborg's note 3, empty cells dropped: 'Återbetalning av AFA Fora 171 176' and '… infrastruktur
    28 29' print two figures of four columns; 'Återföring utvecklingsfond 120 106 120 106' and 'Summa
    jämförelsestörande intäkter 319 106 325 106' leave only 171 + 28 + 120 = 319 and 176 + 29 + 120 = 325.
    The 2016 columns, a sum of one part (106 = 106), bar the other placements."""
    from arsred.pipeline import process_document

    facts = process_document(str(PAGES / "goteborg_2016_not3_jamforelsestorande_poster.txt")).facts
    afa = {(f.scope, f.period): f.value_sek for f in facts if f.label == "Återbetalning av AFA Fora"}
    assert afa == {("entity", 2015): 171e6, ("group", 2015): 176e6}


def test_a_list_under_a_caption_naming_the_budget_frames_is_the_budget() -> None:
    """Vara's news item: 'Artikeln publicerades 24 juni 2024' (a date, no row of figures), then 'Ramarna för
    driftsbudgeten nästa år blir:' over bullets 'Kommunstyrelsen: 107,9 miljoner'. The caption names the
    budget (table_words.toml [caption_statements]): one budget column of the report's year; the sentence
    after the list ('Det ger ett budgeterat resultat på + 20,1 miljoner kronor.') is no row of it."""
    from arsred.pipeline import process_document

    facts = process_document(str(PAGES / "vara_2025_driftsbudgetramar.txt")).facts
    table = {(f.label, f.statement, f.period, f.column): f.value_sek for f in facts if f.source == "table"}
    assert table == {("Kommunstyrelsen", "budget", 2025, "budget"): 107.9e6,
                     ("Bildningsnämnden", "budget", 2025, "budget"): 513.4e6,
                     ("Socialnämnden", "budget", 2025, "budget"): 473.9e6,
                     ("Tekniska nämnden", "budget", 2025, "budget"): 34.7e6,
                     ("Miljö- och byggnadsnämnden", "budget", 2025, "budget"): 5.7e6}


def test_a_label_printing_the_year_and_the_year_before_in_brackets_orders_two_yearless_columns() -> None:
    """Hultsfred's slide of notes 3 and 4, no year header: 'Preliminär slutavräkning 2012 (2011) 6,1 10,0'
    prints the report's year and the year before in brackets, so note 3's two columns are 2012 and 2011
    in that order; note 4 beside it prints no such label and stays unread (newest first is a convention)."""
    from arsred.pipeline import process_document

    facts = process_document(str(PAGES / "hultsfred_2012_noter.txt")).facts
    total = {(f.period, f.column): f.value_sek for f in facts if f.label == "Summa skatteintäkter"}
    assert total == {(2012, "utfall"): 488.5e6, (2011, "utfall"): 483.9e6}
    assert {f.note for f in facts} == {3}


def test_a_caption_naming_a_kind_against_the_budget_does_not_make_the_list_the_budget(tmp_path) -> None:
    """The same page captioned 'Avvikelse mot driftsbudgeten:': the figures stand against the budget, so the
    caption's budget word names no budget column; no figure of the list is read as a budget."""
    from arsred.pipeline import process_document

    text = (PAGES / "vara_2025_driftsbudgetramar.txt").read_text(encoding="utf-8")
    assert "Ramarna för driftsbudgeten nästa år blir:" in text
    page = tmp_path / "vara_2025_avvikelse.txt"
    page.write_text(text.replace("Ramarna för driftsbudgeten nästa år blir:", "Avvikelse mot driftsbudgeten:"),
                    encoding="utf-8")
    facts = process_document(str(page)).facts
    assert not [f for f in facts if f.source == "table" and f.column == "budget"]


def test_a_year_the_heading_closes_with_is_no_amount_and_a_follow_up_is_the_statement() -> None:
    """Lilla Edet's news item (lillaedet_2019_preliminart_bokslut): the heading 'Preliminärt bokslut för
    2019' under the publication dates was a row whose figure was 2 019 mnkr; a year after 'för' is the
    heading's period. Its table 'Bokslut 2019 | Budget 2019 | Avvikelse 2019 | Bokslut 2018' under no
    statement heading sets the year's outcome beside its budget: the resultaträkning followed up, not a
    budget (it was filed as budget). The 2018 column does not add up on the page (16,6 against the printed
    7,6): the document is flagged and no 2018 figure is verified; the 2019 columns add up and are."""
    from arsred.pipeline import process_document

    result = process_document(str(PAGES / "lillaedet_2019_preliminart_bokslut.txt"))
    facts = result.facts
    assert not [f for f in facts if f.printed == "2019" or "bokslut för" in f.label.casefold()]
    assert {f.statement for f in facts} == {"resultatrakning"} and len(facts) == 16
    assert not [f for f in facts if f.period == 2018 and f.verified]
    assert all(f.verified for f in facts if f.period == 2019)
    assert result.record.status == "flagged"
