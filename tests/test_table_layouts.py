"""Layout kinds real reports print, each read by a generic mechanism and tested on the dev pages
that show it (tests/real): every normal figure of the page is found, none is wrong."""
from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from arsred.extract.amounts import Amount
from arsred.extract.document import Line
from arsred.extract.tables.lines import Column, Row, Value, settle_ambiguous_rows
from arsred.extract.tables.settle import Arithmetic, Candidate, RowChoice, settle
from arsred.extract.tables.stream import read_stream_tables

import arsred
from arsred.options import Options
from tests.helpers import ROOT

PAGES, GOLD = ROOT / "tests/real/pages", ROOT / "tests/real/gold"
# page -> the layout kind it shows
KINDS = {
    "malmo_2015_balanskrav": "a header of years glued into one figure ('201520142013')",
    "boras_2014_tio_ar_i_sammandrag": "one cell per line, a row followed by rows whose labels the page lost",
    "samiljo_2017_kassaflodesanalys": "figures on the line below their label, one figure orphaned",
    "regionvasterbotten_2021_namnder_delar_april": "a list of nämnder under a caption naming the column "
                                                   "('… följande resultat mot budget:')",
    "regionvasterbotten_2021_namnder_budgetavvikelse": "the same, units in the cells ('- 165 miljoner kronor')",
    "goteborg_2014_snabbfakta": "a key-figure box: item headings over Kommunen / Bolagen / Sammanställd redovisning",
    "sollentuna_2017_rr_br_koncern_delar": "a Balansräkning under the Resultaträkning's heading, its unit "
                                           "'(mkr)' printed below the figures, the scope in the heading",
    "nybro_2003_rr_br": "upper-case labels wrapped over lines of their own ('RESULTAT EFTER SKATTE-' / "
                        "'INTÄKTER OCH' / 'FINANSNETTO A 55 021')",
    "kalmar_2014_femarsoversikt": "one cell per line, cut mid-row, above it a row no reading fits ('32:68')",
    "norrvatten_2020_resultatrakning": "a Not column running into the first amount ('Mätaravgifter 8 231 7 230'), "
                                       "a heading printing only its note ('Verksamhets intäkter 2'): the block's sum "
                                       "decides the rows every adding combination reads alike",
}
# pages whose hard figures (damaged transcripts) must be found too
HARD_TOO = {
    "lulea_2016_rr": "one cell per line, the note glued to a signed figure ('8-20,9') where empty cells are dropped",
    "goteborg_2019_noter_1_2": "one '-' standing for two empty columns, the figures wrapped onto the next line",
    "goteborg_2019_kassaflodesanalys": "a Not column running into the first amount ('kortfristiga skulder 15 746 562 "
                                       "727 -180') of a block a subtotal opens ('Kassaflöde ... före förändring av "
                                       "rörelsekapital' + the changes = 'Kassaflöde från den löpande verksamheten')",
}
# damaged transcripts read without a wrong figure; their hard figures are not all found: a table of
# several columns whose years the page prints nowhere is not read (newest first would be a guess)
KINDS.update({
    "kalmar_2014_femarsoversikt_oneline": "a decimal figure glued to the next one's sign ('125,8-87,3')",
    "kalmar_2016_femarsoversikt_oneline": "figures the transcript cut ('758, ,0 705,2 720,2 687,2') keep their columns",
    "kalmar_2017_femarsoversikt_oneline": "the same",
    "hultsfred_2012_noter": "slides run into one line each: note headings inside the words ('Not 3 Skatteintäkter "
                            "Preliminär …'), slide numbers around the cells, labels ending in '2011 (2010)'",
})
KINDS.update(HARD_TOO)
# pages read only in part: the statements whose every figure must be found
ONLY = {"sollentuna_2017_rr_br_koncern_delar": "balansrakning", "hultsfred_2012_noter": "noter"}


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict[str, dict]:
    sys.path.insert(0, str(ROOT / "tools"))
    import eval_gold

    out = tmp_path_factory.mktemp("layouts")
    res = arsred.extract_reports([PAGES / f"{p}.txt" for p in KINDS], out_dir=out, options=Options(jobs=1),
                                 use_cache=False)
    facts = eval_gold.read_csv(out / "facts.csv")
    checks = eval_gold.read_csv(out / "checks.csv")
    assert len(res.documents) == len(KINDS)
    scored = {}
    for page in KINDS:
        gold = json.loads((GOLD / f"{page}.json").read_text(encoding="utf-8"))
        doc = Path(gold["source"]).stem
        scored[page] = eval_gold.score_document(gold, [r for r in facts if r.get("doc_id") == doc],
                                                [c for c in checks if c.get("doc_id") == doc])
    return scored


@pytest.mark.parametrize("page", list(KINDS))
def test_layout_kind_is_read_without_a_wrong_figure(scores, page) -> None:
    s = scores[page]
    normal_missed = [m for m in s["missed"] if (m.get("difficulty") != "hard" or page in HARD_TOO)
                     and m["statement"] == ONLY.get(page, m["statement"])]
    assert s["wrong"] == 0, (KINDS[page], s)
    assert not normal_missed, (KINDS[page], normal_missed)


def test_glued_years_are_the_header() -> None:
    """Malmö's balanskravsutredning prints its years as '201520142013': three columns, not a figure."""
    s = (PAGES / "malmo_2015_balanskrav.txt").read_text(encoding="utf-8")
    lines = [Line(1, i + 1, t) for i, t in enumerate(s.splitlines())]
    tables = read_stream_tables(lines[2:], "balanskrav", None)
    assert [c.period for c in tables[0].header.columns] == [2015, 2014, 2013]


def _lines(text: str) -> list[Line]:
    return [Line(1, i + 1, t) for i, t in enumerate(text.splitlines())]


def test_rows_that_lost_their_labels_add_up_and_are_never_output() -> None:
    """One cell per line, no cell dropped: 'Eget kapital' holds its first two lines; the four after
    it are two rows whose labels the page lost (their sum proves the reading); a last, cut-off
    line is no row."""
    text = "\n".join(["mnkr", "2014", "2013", "Tillgångar", "90", "80", "Summa", "100", "90",
                      "Eget kapital", "60", "50", "40", "40", "100", "90", "7"])
    (table,) = read_stream_tables(_lines(text), "oversikt", 2014)
    labelled = [(r.label, [v.amount.printed if v else None for v in r.values]) for r in table.rows if r.label]
    assert labelled == [("Tillgångar", ["90", "80"]), ("Summa", ["100", "90"]), ("Eget kapital", ["60", "50"])]
    assert not any("7" == (v.amount.printed if v else None) for r in table.rows for v in r.values)


def _choice(*readings: tuple) -> RowChoice:
    cands = []
    for cells in readings:
        cands.append(Candidate(None, tuple((Amount(str(v), Decimal(v), 0), None) if v is not None else None
                                           for v in cells)))
    return RowChoice(cands)


def test_magnitude_alone_decides_only_by_a_wide_margin() -> None:
    """No identity ties the last row. One order of magnitude between its readings (665 or 8 665 under
    figures of tens of thousands: 665 is implausible, but not by far) does not decide: the row stays
    undecided. Three orders do, marked as read by magnitude."""
    cols = (Column(2020, "utfall"), Column(2019, "utfall"))
    fixed = [_choice((40000, 50000)), _choice((30000, 30000)), _choice((20000, 80000))]
    close = fixed + [_choice((665, 11197), (8665, 11197))]
    settle(close, cols, 1, [])
    assert close[-1].undecided and not close[-1].by_magnitude
    far = fixed + [_choice((6, 11197), (8665, 11197))]
    settle(far, cols, 1, [])
    assert not far[-1].undecided and far[-1].by_magnitude and far[-1].chosen == 1


def test_a_small_total_within_a_long_runs_rounding_proves_nothing() -> None:
    """Six parts may round to ±3 of their total, so a total of 3 "held" by them is chance (Göteborg's
    page cut after a note '15', which a run of eighteen rows once placed in a column): the row stays
    undecided. A total well beyond the rounding (30) is proven."""
    cols = (Column(2020, "utfall"), Column(2019, "utfall"))
    parts = [_choice((100, 100)), _choice((-50, 60)), _choice((-48, 30)), _choice((5, 7)), _choice((-4, 9)),
             _choice((-2, 4))]
    small = parts + [_choice((3, None), (None, 3))]
    settle(small, cols, 1, [])
    assert small[-1].undecided
    parts[1] = _choice((-23, 60))
    large = parts + [_choice((30, None), (None, 30))]
    settle(large, cols, 1, [])
    assert not large[-1].undecided and large[-1].chosen == 0 and large[-1].decided_by


def test_a_run_never_counts_a_subtotal_and_its_parts() -> None:
    """'Verksamhetens nettokostnad' (30) totals the two rows above it; a run below that counts it may go on
    above its parts, never into them: 55 = 5 + 30 + 20 would count 20 twice, so it is no identity."""
    cols = (Column(2020, "utfall"),)
    rows = [_choice((10,)), _choice((20,)), _choice((30,)), _choice((5,))]
    twice = Arithmetic(rows + [_choice((55,))], cols, 1, [])
    assert not any(k.startswith("run:4:") for k in twice.holds_for(4, 0))
    once = Arithmetic(rows + [_choice((35,))], cols, 1, [])
    assert "run:4:0:2,3" in once.holds_for(4, 0)


def test_cash_flow_subtotals_sum_their_own_rows_and_a_doubtful_cell_is_unknown() -> None:
    """Helsingborg's Kassaflödesanalys: 'Kassaflöde från förändring av rörelsekapital' sums the three
    changes above it (a subtotal the checks know by its words, checks.toml total_labels), and the glued
    '115' of 'Försäljning av/utdelning från finansiella anläggningstillgångar' (1 | 1 | 5, or 1 | 5 | ·, …)
    leaves 2014 in doubt too, where one reading prints nothing: its checks are skipped, never failed."""
    from arsred.pipeline import process_document

    result = process_document(str(PAGES / "helsingborg_2016_kassaflodesanalys.txt"))
    subtotal = {c.period for c in result.checks if c.check == "sum_rows" and c.status == "pass"
                and c.message.startswith("Kassaflöde från förändring av rörelsekapital")}
    assert subtotal == {2014, 2015, 2016}
    assert "'Försäljning av/utdelning från finansiella anläggningstillgångar' (utfall 2014) on page 1 line 25 " \
           "could not be read" in result.record.warnings
    assert not [c for c in result.checks if c.status == "fail"]


def test_two_glued_rows_far_apart_are_read_together() -> None:
    """Helsingborg's glued Kassaflödesanalys: 'Kassaflöde från den löpande verksamheten1 3801 962465' and
    'Kassaflöde efter investeringsverksamheten4471 201-144' ten rows below each enter the other's sums
    (1 380 − 933 = 447, 447 + 259 = Årets kassaflöde 706): neither decides alone, together they do; the
    '115' no sum decides stays unread, and no figure is wrong."""
    from arsred.pipeline import process_document

    result = process_document(str(PAGES / "helsingborg_2016_kassaflodesanalys.txt"))
    got = {(f.label, f.period): f.value_sek for f in result.facts}
    for label, values in (("Kassaflöde från den löpande verksamheten", (1380e6, 1962e6, 465e6)),
                          ("Kassaflöde efter investeringsverksamheten", (447e6, 1201e6, -144e6))):
        assert [got.get((label, p)) for p in (2016, 2015, 2014)] == list(values), label
    assert not [f for f in result.facts if f.label.startswith("Försäljning av/utdelning")]
    gold = json.loads((GOLD / "helsingborg_2016_kassaflodesanalys.json").read_text(encoding="utf-8"))
    printed = {(g["label"], g["period"]): g["value_sek"] for g in gold["facts"]}
    assert all(printed.get(k, v) == v for k, v in got.items())


def test_a_row_identity_settles_merged_figures_in_the_line_reader() -> None:
    """'0 -1900 -1900 -2 095 195': Netto = Intäkt + Kostnad and Avvikelse = Netto − Budget decide
    that '-2 095' is one figure, where magnitudes alone could not (no other row to compare with)."""
    cols = (Column(2024, "utfall_intakt"), Column(2024, "utfall_kostnad"), Column(2024, "utfall_netto"),
            Column(2024, "budget_netto"), Column(2024, "avvikelse"))

    def vals(*printed: str) -> list[Value | None]:
        return [Value(Amount(p, Decimal(p.replace(" ", "")), 0), None) for p in printed]
    right = vals("0", "-1900", "-1900", "-2 095", "195")
    wrong = vals("0", "-1900", "-1900", "-2", "095")
    row = Row("Verksamhet", "Verksamhet", _lines("x")[0], list(wrong), alternatives=[(None, right)])
    assert settle_ambiguous_rows([row], cols) == []
    assert [v.amount.printed for v in row.values] == ["0", "-1900", "-1900", "-2 095", "195"]
    assert row.values[3].readings > 1 and row.values[0].readings == 1


def test_thousands_separated_by_dots() -> None:
    """'1.214.100': a table that separates thousands by dots (and prints no decimal dot) reads them as
    one figure each; the chain (intäkter + kostnader = nettokostnader) holds under that reading."""
    text = "\n".join(["Tkr 2021 2020", "Verksamhetens intäkter 1.214.100 1.100.200",
                      "Verksamhetens kostnader -3.000.100 -2.900.200",
                      "Verksamhetens nettokostnader -1.786.000 -1.800.000"])
    (table,) = read_stream_tables(_lines(text), "resultatrakning", 2021)
    assert [[v.amount.value for v in r.values] for r in table.rows] == [
        [1214100, 1100200], [-3000100, -2900200], [-1786000, -1800000]]


def test_html_markup_of_a_web_transcript_is_no_part_of_the_page() -> None:
    """Nybro's statements came through a web page: 'Resultaträkning <strong>kommun</strong>en<br />',
    figures ending in '<br />'. Without the markup the statement headings and rows are found."""
    from arsred.extract.reading.read import read_document
    from arsred.extract.reading.read_text import table_text
    from arsred.extract.sections import find_sections
    from arsred.extract.sections_oneline import unfold_lines

    assert table_text("Resultaträkning <strong>kommun</strong>en<br />") == "Resultaträkning kommunen"
    assert table_text("Summa 1 486 1 354<br />") == "Summa 1 486 1 354"
    assert table_text("A &amp; B") == "A & B"
    doc = read_document(str(PAGES / "nybro_2003_rr_br.txt"))
    kinds = {s.kind for s in find_sections(doc, unfold_lines(list(doc.pages[0].lines)))}
    assert {"resultatrakning", "balansrakning"} <= kinds


DRIFT = """Årsredovisning 2021 Exempels kommun

Driftredovisning
Mnkr Budget 2021 Utfall 2021 Avvikelse
Kommunstyrelsen
Intäkter 5 120 5 305 185
Kostnader -45 300 -45 100 200
Nettokostnad -40 180 -39 795 385
Barn- och utbildningsnämnden
Intäkter 12 400 12 150 -250
Kostnader -402 000 -404 100 -2 100
Nettokostnad -389 600 -391 950 -2 350
"""


def test_a_driftredovisning_repeats_its_lines_under_each_namnd(tmp_path) -> None:
    """Intäkter / Kostnader / Nettokostnad under each nämnd: each line is named with its nämnd, the
    single spaces are cut where Avvikelse = Utfall − Budget and Nettokostnad = Intäkter + Kostnader
    hold ('5 120 5 305 185' is 5 120, 5 305 and 185, not 5, 120 and 5 305 185)."""
    page = tmp_path / "exempel_2021_drift.txt"
    page.write_text(DRIFT, encoding="utf-8")
    res = arsred.extract_reports([page], options=Options(jobs=1), use_cache=False)
    got = {(f.label, f.column): f.printed for f in res.facts.itertuples() if f.statement == "driftredovisning"}
    assert got[("Kommunstyrelsen: Intäkter", "budget")] == "5 120"
    assert got[("Kommunstyrelsen: Intäkter", "utfall")] == "5 305"
    assert got[("Kommunstyrelsen: Intäkter", "avvikelse")] == "185"
    assert got[("Barn- och utbildningsnämnden: Kostnader", "avvikelse")] == "-2 100"
    assert got[("Barn- och utbildningsnämnden: Nettokostnad", "utfall")] == "-391 950"
    assert len(got) == 18


def test_a_cut_figure_keeps_its_column_unread() -> None:
    """'758, ,0 705,2 720,2 687,2' under five years: two figures the transcript cut, then three whole
    ones, which stand in the last three columns; the cut ones are not read (and not guessed)."""
    text = "\n".join(["Mnkr 2016 2015 2014 2013 2012", "Investeringar 442,6 335,7 276,8 343,5 296,5",
                      "Låneskuld 758, ,0 705,2 720,2 687,2"])
    (table,) = read_stream_tables(_lines(text), "oversikt", 2016)
    row = table.rows[1]
    assert [v.amount.printed if v else None for v in row.values] == [None, None, "705,2", "720,2", "687,2"]
    assert row.unreadable == [0, 1]


def test_a_table_cut_off_mid_row_reads_the_last_row_from_the_left() -> None:
    """One cell per line, every row printing both years (blank lines for the empty note cells), and
    the page excerpt ending after the first figure of 'Skatteintäkter': that figure is the first
    column's; the note reference before it is no figure; the row is marked read by magnitude."""
    text = "\n".join(["Belopp i tkr", "Not", "2021", "2020", "Verksamhetens intäkter", "1", "12 000", "11 000",
                      "Verksamhetens kostnader", "", "-8 000", "-7 500", "Avskrivningar", "-1 000", "-900",
                      "Verksamhetens nettokostnader", "3 000", "2 600", "Skatteintäkter", "2", "20 000"])
    (table,) = read_stream_tables(_lines(text), "resultatrakning", 2021)
    last = table.rows[-1]
    assert last.label == "Skatteintäkter" and [v.amount.printed if v else None for v in last.values] == ["20 000", None]
    assert last.values[0].readings > 1
    assert any("magnitude" in w for w in table.warnings)


def test_upper_case_labels_join_only_into_a_known_line() -> None:
    """Nybro's wrapped upper-case labels join where items.csv knows the joined line, never a heading
    into a label that is already a line of its own."""
    from arsred.extract.tables.lines import upper_wrapped_label

    assert upper_wrapped_label(["RESULTAT EFTER SKATTE-", "INTÄKTER OCH"], "FINANSNETTO A", "resultatrakning") == \
        ("RESULTAT EFTER SKATTEINTÄKTER OCH FINANSNETTO", 2)
    assert upper_wrapped_label(["VERKSAMHETENS"], "NETTOKOSTNAD", "resultatrakning") == \
        ("VERKSAMHETENS NETTOKOSTNAD", 1)
    assert upper_wrapped_label(["TILLGÅNGAR"], "SUMMA TILLGÅNGAR", "balansrakning") is None
    assert upper_wrapped_label(["Verksamhetens"], "NETTOKOSTNAD", "resultatrakning") is None


def test_columns_whose_years_are_printed_nowhere_get_no_years() -> None:
    """Sala's 'Snabbfakta, 4 år i sammandrag' heads its columns 'Bokslut Bokslut' and runs oldest
    first: reading them newest first put 79,3 under 2009 and 17,9 under 2010 (both wrong). A table
    of several columns takes its years from a run of years printed above or among its rows, or is
    not read; Kalmar's one-cell-per-line overview, whose years stand among the rows, still is."""
    from arsred.pipeline import process_document

    sala = process_document(str(ROOT / "tests/real/pages/sala_2012_snabbfakta.txt"))
    assert not [f for f in sala.facts if f.statement == "oversikt" and "resultat" in f.label.casefold()]
    kalmar = process_document(str(ROOT / "tests/real/pages/kalmar_2014_femarsoversikt.txt"))
    years = sorted({f.period for f in kalmar.facts if f.statement == "oversikt"})
    assert years == [2010, 2011, 2012, 2013, 2014]
