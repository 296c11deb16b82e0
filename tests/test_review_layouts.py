"""Statement layouts a fresh-eyes review wrote in imitation of real reports (tests/fixtures/review/),
each once read into wrong figures: a Not column and years on the header line with the unit
('Belopp i mnkr Not 2023 2022') over rows whose cells stand two spaces apart; scope words over
kinds and years on one line or three; a delårsrapport's date ranges beside 'Budget 2023',
'Helår 2022' and 'Prognos 2023'. Every figure output must be the printed one under its printed
column; no year the header does not print may appear."""
from __future__ import annotations

import pytest

import arsred
from arsred.options import Options
from tests.helpers import ROOT

FIXTURES = ROOT / "tests/fixtures/review"
RR = ["Verksamhetens intäkter", "Verksamhetens kostnader", "Avskrivningar", "Verksamhetens nettokostnader",
      "Skatteintäkter", "Generella statsbidrag och utjämning", "Verksamhetens resultat", "Finansiella intäkter",
      "Finansiella kostnader", "Resultat efter finansiella poster", "Årets resultat"]
KOMMUN = [("310,2", "280,0", "295,1", "512,4", "490,3"), ("-1 850,6", "-1 820,0", "-1 760,2", "-2 001,3", "-1 905,8"),
          ("-60,1", "-62,0", "-55,3", "-120,4", "-110,2"), ("-1 600,5", "-1 602,0", "-1 520,4", "-1 609,3", "-1 525,7"),
          ("1 250,0", "1 240,0", "1 190,0", "1 250,0", "1 190,0"), ("390,0", "385,0", "360,0", "390,0", "360,0"),
          ("39,5", "23,0", "29,6", "30,7", "24,3"), ("8,0", "5,0", "6,0", "4,0", "3,0"),
          ("-4,5", "-6,0", "-3,6", "-12,5", "-10,1"), ("43,0", "22,0", "32,0", "22,2", "17,2"),
          ("43,0", "22,0", "32,0", "22,2", "17,2")]
SCOPED = [("entity", "utfall", 2023), ("entity", "budget", 2023), ("entity", "utfall", 2022),
          ("group", "utfall", 2023), ("group", "utfall", 2022)]
DEL = ["Verksamhetens intäkter", "Verksamhetens kostnader", "Verksamhetens resultat", "Finansiella intäkter",
       "Årets resultat"]
INTERIM = [("2 000", "1 900"), ("-1 800", "-1 950"), ("200", "-50"), ("4", "1"), ("204", "-49")]
THIRD = {"del_budget_column": ("budget", ["3 000", "-2 950", "50", "6", "56"]),
         "del_helar_prognos": ("prognos", ["3 000", "-2 950", "50", "6", "56"])}


def _expected(doc: str) -> dict[tuple, str]:
    """(statement, scope, column, period, label) -> the printed figure."""
    if doc == "rr_note_two_spaces":
        return {("resultatrakning", "entity", "utfall", period, label): row[k]
                for label, row in zip(RR, KOMMUN) for k, period in ((0, 2023), (2, 2022))}
    if doc in ("rr_scopes_oneline", "rr_scopes_three_rows"):
        return {("resultatrakning", scope, column, period, label): row[k]
                for label, row in zip(RR, KOMMUN) for k, (scope, column, period) in enumerate(SCOPED)}
    if doc.startswith("del_"):
        out = {("resultatrakning", "entity", "utfall", period, label): row[k]
               for label, row in zip(DEL, INTERIM) for k, period in ((0, 2023), (1, 2022))}
        if doc in THIRD:
            column, printed = THIRD[doc]
            out.update({("resultatrakning", "entity", column, 2023, label): p for label, p in zip(DEL, printed)})
        return out
    return {}


@pytest.fixture(scope="module")
def run():
    docs = sorted(FIXTURES.glob("*.txt"))
    res = arsred.extract_reports(docs, options=Options(jobs=1), use_cache=False)
    return res


@pytest.mark.parametrize("doc", ["rr_note_two_spaces", "rr_scopes_oneline", "rr_scopes_three_rows",
                                 "del_budget_column", "del_helar_column", "del_helar_prognos"])
def test_every_figure_is_the_printed_one_under_its_printed_column(run, doc) -> None:
    expected = _expected(doc)
    facts = run.facts[run.facts.doc_id == doc]
    got = {(f.statement, f.scope, f.column, f.period, f.label): f.printed for f in facts.itertuples()}
    wrong = {k: v for k, v in got.items() if expected.get(k) != v}
    assert not wrong, wrong
    # 'Årets resultat 43,0 32,0' too: once read also as the notes '43,0' (no note is numbered 0), and
    # a figure of a row far above seemed to break 'Årets resultat = Resultat efter finansiella poster'
    missed = [k for k in expected if k not in got]
    assert not missed, missed
    assert all(f.unit == "mkr" if doc.startswith("rr_") else f.unit == "tkr" for f in facts.itertuples())


def test_a_full_year_column_beside_interim_columns_is_left_unread_with_a_warning(run) -> None:
    """'Helår 2022' beside '2022-01-01–2022-08-31': both are utfall 2022 for the output, so the whole
    year is not read (its figures 2 850 … never appear) rather than mixed with the interim period."""
    for doc in ("del_helar_column", "del_helar_prognos"):
        facts = run.facts[run.facts.doc_id == doc]
        assert "2 850" not in set(facts.printed)
        warnings = run.documents.set_index("doc_id").loc[doc, "warnings"]
        assert "whole year" in warnings


def test_repeated_columns_no_scope_tells_apart_are_not_read_and_the_warning_holds(run) -> None:
    """'Utfall Budget Utfall Utfall Utfall' over '2023 2023 2022 2023 2022' with no scope word: two
    columns would be utfall 2023; nothing of the table is output."""
    doc = run.documents.set_index("doc_id").loc["rr_blocks_no_scope"]
    assert doc.status == "error" or not len(run.facts[run.facts.doc_id == "rr_blocks_no_scope"])


def test_a_warning_that_a_table_is_not_read_means_none_of_its_figures_is_output(run) -> None:
    for doc in run.documents.itertuples():
        if "its figures are not read" in (doc.warnings or ""):
            assert not len(run.facts[(run.facts.doc_id == doc.doc_id) & (run.facts.statement == "resultatrakning")])


def test_a_whole_year_range_after_a_forecast_is_no_forecast(run) -> None:
    """'Prognos 2023  2022-01-01–2022-12-31': the range is the year 2022's outcome, not a second
    forecast (it came out as prognos 2022, verified by the table's sums). Beside the interim
    '2022-01-01–2022-08-31' it is left unread, as 'Helår 2022' is."""
    facts = run.facts[run.facts.doc_id == "del_prognos_whole_year_range"]
    got = {(f.column, f.period, f.label): f.printed for f in facts.itertuples()}
    assert got[("prognos", 2023, "Verksamhetens intäkter")] == "310,0"
    assert got[("budget", 2023, "Skatteintäkter")] == "1 290,0"
    assert got[("utfall", 2022, "Verksamhetens kostnader")] == "-1 005,1"
    assert not {"305,2", "-1 545,2", "1 227,7"} & set(facts.printed)
    assert all(f.period == 2023 for f in facts.itertuples() if f.column == "prognos")


def test_a_wide_gap_is_never_a_thousands_space(run) -> None:
    """'Skatteintäkter  4  700 500  672 100  700 500  672 100' (Koncernen, Kommunen; tkr; cells two
    spaces apart): the stream reader joined the whole tail with single spaces, so '4 700 500' was a
    reading too and the row stayed undecided in an `ok` document. Every row is read, scope by scope."""
    facts = run.facts[run.facts.doc_id == "rr_scopes_tkr_two_spaces"]
    got = {(f.label, f.scope, f.period): f.printed for f in facts.itertuples()}
    for scope, (y23, y22) in (("group", ("700 500", "672 100")), ("entity", ("700 500", "672 100"))):
        assert got[("Skatteintäkter", scope, 2023)] == y23 and got[("Skatteintäkter", scope, 2022)] == y22
    assert got[("Generella statsbidrag och utjämning", "group", 2023)] == "180 200"
    assert got[("Verksamhetens intäkter", "group", 2023)] == "310 500"
    assert got[("Verksamhetens intäkter", "entity", 2022)] == "142 800"
    assert got[("Årets resultat", "entity", 2023)] == "22 300"
    assert len(facts) == 12 * 4


def test_a_closed_year_beside_the_interim_column_of_that_year_costs_that_column_only(run) -> None:
    """'Utfall 2022 … Bokslut 2022': both are utfall 2022 for the output; the whole table was lost
    ('headings seen but no table under them'). Bokslut names the closed year, as Helår does: that
    column alone is left unread, with a warning, and the other four are read."""
    facts = run.facts[run.facts.doc_id == "del_bokslut_beside_utfall"]
    got = {(f.column, f.period, f.label): f.printed for f in facts.itertuples()}
    assert got[("utfall", 2022, "Verksamhetens intäkter")] == "198,6"
    assert got[("prognos", 2023, "Skatteintäkter")] == "1 055,0"
    assert not {"305,2", "-1 480,7", "1 001,3"} & set(facts.printed)
    assert "whole year" in run.documents.set_index("doc_id").loc["del_bokslut_beside_utfall", "warnings"]
