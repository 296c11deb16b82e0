"""Tables whose header names the columns' kinds but no year ("Bokslut | Delårsrapport jan-aug |
Avvikelse"), read from real dev pages: the columns take the document's evidenced year, and a glued
table is settled by each row's avvikelse identity and the column sums together."""
from __future__ import annotations

import json
import shutil

import pytest
from arsred.extract.document import Line
from arsred.extract.tables.header import header_tokens
from arsred.extract.tables.stream import read_stream_tables

from arsred.pipeline import process_document
from tests.helpers import ROOT

PAGES, GOLD = ROOT / "tests/real/pages", ROOT / "tests/real/gold"


def _facts(tmp_path, page: str, name: str | None = None, edit=None):
    text = (PAGES / f"{page}.txt").read_text(encoding="utf-8")
    path = tmp_path / (name or f"{page}.txt")
    path.write_text(edit(text) if edit else text, encoding="utf-8")
    return process_document(str(path))


def _gold(page: str) -> set[tuple]:
    gold = json.loads((GOLD / f"{page}.json").read_text(encoding="utf-8"))
    return {(g["statement"], g["label"].casefold(), g["period"], g["column"], g["value_sek"]) for g in gold["facts"]}


def _read(result) -> set[tuple]:
    return {(f.statement, f.label.casefold(), f.period, f.column, f.value_sek) for f in result.facts}


@pytest.mark.parametrize("page", ["malmo_2014_prognosavvikelse", "malmo_2015_prognosavvikelse"])
def test_a_glued_yearless_table_takes_the_documents_year_and_every_split_is_settled(tmp_path, page):
    """'Servicenämnd673235' = 67 | 32 | 35: every row's own avvikelse = bokslut − prognos, and the total
    row (last in 2015, first in 2014) adding up all the others in every column, decide every split; the
    page prints no year, so the columns take the file name's, and the document says so."""
    result = _facts(tmp_path, page)
    assert _read(result) == _gold(page)
    assert result.record.fiscal_year == int(page.split("_")[1])
    assert "from the file name only" in result.record.warnings
    assert not _table_warnings(page)               # no row read by magnitude, none left undecided


def test_a_yearless_table_with_no_year_to_take_is_left_out(tmp_path):
    """Under a file name that prints no year nothing evidences the columns' period: no figure."""
    result = _facts(tmp_path, "malmo_2015_prognosavvikelse", name="prognosavvikelse.txt")
    assert result.record.fiscal_year is None
    assert not result.facts


def _table_warnings(page: str, edit=None) -> list[str]:
    text = (PAGES / f"{page}.txt").read_text(encoding="utf-8")
    lines = [Line(1, i + 1, t) for i, t in enumerate((edit(text) if edit else text).splitlines())]
    return [w for t in read_stream_tables(lines, "budget", 2015) for w in t.warnings]


def test_a_glued_table_whose_sums_do_not_hold_is_not_settled_whole():
    """One total figure changed ('ÅRETS RESULTAT563316257', ten more than its columns' difference):
    the total breaks its own row's identity, so the whole table decides nothing; the rows the other
    identities leave open are read by magnitude alone and said to be, or left out."""
    warnings = _table_warnings("malmo_2015_prognosavvikelse",
                               lambda t: t.replace("ÅRETS RESULTAT563316247", "ÅRETS RESULTAT563316257"))
    assert any("magnitude" in w or "does not decide" in w for w in warnings)


def test_an_interim_report_names_a_column_only_beside_another_kind():
    """'Delårsrapport' is the forecast column of 'Bokslut | Delårsrapport jan-aug | Avvikelse', but a
    title alone ('Delårsrapport per april 2021' over a list of results against budget)."""
    kinds = [(t.kind, t.value) for t in header_tokens("BokslutDelårsrapp jan-augAvvikelse") if t.kind == "kind"]
    assert kinds == [("kind", "utfall"), ("kind", "prognos"), ("kind", "avvikelse")]
    assert [t.kind for t in header_tokens("Delårsrapport per april 2021")][0] == "other"


def test_a_share_in_brackets_leaves_the_row_an_amount(tmp_path):
    """'Hemlöshet (75%)-84-68-16': the share qualifies the item; its figures are amounts."""
    result = _facts(tmp_path, "malmo_2014_prognosavvikelse")
    assert {f.value_sek for f in result.facts if f.label == "Hemlöshet (75%)"} == {-84e6, -68e6, -16e6}


def test_the_same_page_under_its_own_name_in_a_folder(tmp_path):
    """The file name's year is read from the name, not from the folders above it."""
    folder = tmp_path / "2099"
    folder.mkdir()
    shutil.copy(PAGES / "malmo_2015_prognosavvikelse.txt", folder / "malmo_2015_prognosavvikelse.txt")
    assert process_document(str(folder / "malmo_2015_prognosavvikelse.txt")).record.fiscal_year == 2015


PROGNOS = ("Delårsrapport januari–augusti 2019\n\nNämndernas prognos\n\nMkr Bokslut Prognos Avvikelse\n"
           "Kommunstyrelsen 95,0 100,0 -3,0\nSocialnämnden 240,0 262,0 -12,0\nTekniska nämnden 45,0 48,0 2,0\n"
           "Summa 380,0 410,0 -13,0\n")


def test_a_yearless_table_that_breaks_its_deviation_is_left_out(tmp_path):
    """'Bokslut | Prognos | Avvikelse' in an interim report whose deviation is the forecast's against a
    budget not printed: the bokslut is the year before's, not 2019; no figure, and the warning says why."""
    path = tmp_path / "uppfoljning.txt"
    path.write_text(PROGNOS, encoding="utf-8")
    result = process_document(str(path))
    assert not result.facts
    assert "breaks its deviation on 4 of 4 rows" in result.record.warnings
    kept = PROGNOS.replace("95,0 100,0 -3,0", "97,0 100,0 -3,0").replace("240,0 262,0", "250,0 262,0") \
        .replace("45,0 48,0 2,0", "50,0 48,0 2,0").replace("380,0 410,0", "397,0 410,0")
    path.write_text(kept, encoding="utf-8")
    assert {(f.label, f.column, f.period) for f in process_document(str(path)).facts} >= \
        {("Kommunstyrelsen", "utfall", 2019), ("Summa", "avvikelse", 2019)}
