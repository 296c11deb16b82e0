"""One document end to end: the corpus against its gold, units, bad inputs, provenance."""
from __future__ import annotations

import importlib.util
import json

import pytest

from arsred.options import Options
from arsred.pipeline import process_document
from tests.helpers import CORPUS, CORPUS_DOCS, ROOT

spec = importlib.util.spec_from_file_location("eval_gold", ROOT / "tools" / "eval_gold.py")
eval_gold = importlib.util.module_from_spec(spec)
spec.loader.exec_module(eval_gold)


@pytest.fixture(scope="module")
def corpus_results():
    return {doc: process_document(str(CORPUS / f"{doc}.txt")) for doc in CORPUS_DOCS}


def _rows(result):
    return [{k: ("" if v is None else str(v)) for k, v in f.to_dict().items()} for f in result.facts]


def test_corpus_recall_and_precision(corpus_results):
    found = normal = out = matched = 0.0
    for doc, result in corpus_results.items():
        gold = json.loads((CORPUS / "gold" / f"{doc}.json").read_text(encoding="utf-8"))
        s = eval_gold.score_document(gold, _rows(result), [c.to_dict() for c in result.checks])
        hard = [g for g in gold["facts"] if g.get("difficulty") == "hard"]
        normal += s["gold"] - len(hard)
        found += s["found"] - s["hard_found"]
        out += s["output"]
        matched += s["precision"] * s["output"]
    assert found / normal >= 0.98
    assert matched / out >= 0.95


def test_every_fact_points_at_the_line_it_was_printed_on(corpus_results):
    for doc, result in corpus_results.items():
        lines = (CORPUS / f"{doc}.txt").read_text(encoding="utf-8").split("\n")
        for fact in result.facts:
            assert fact.printed in " ".join(lines[fact.line - 1].split()), (doc, fact)


def test_a_report_printed_twice_yields_each_fact_once(corpus_results):
    facts = corpus_results["001_417f4babd9b8cbcc"].facts
    rr = [f for f in facts if f.statement == "resultatrakning"]
    assert len(rr) == 18                          # nine lines, two years, once


def test_mislabelled_kr_statement_is_read_as_tkr_with_the_evidence(corpus_results):
    result = corpus_results["002_beb5154270de7dff"]
    income = next(f for f in result.facts if f.item == "rr.verksamhetens_intakter" and f.period == 2022)
    assert income.value_sek == 3_754_000 and income.unit == "tkr"
    assert "declares kr" in result.record.warnings and "3 754 000" in result.record.warnings


def test_metadata(corpus_results):
    r = corpus_results["002_beb5154270de7dff"].record
    assert (r.organisation, r.doc_type, r.fiscal_year) == ("Samordningsförbundet Härnösand Timrå", "arsredovisning", 2022)
    r = corpus_results["004_3cec9309cdf15549"].record
    assert (r.organisation, r.doc_type, r.fiscal_year) == ("Samordningsförbundet Ånge", "verksamhetsplan_budget", 2022)


def test_percentages_and_head_counts_are_not_facts(corpus_results):
    labels = {f.label for f in corpus_results["002_beb5154270de7dff"].facts}
    assert "Soliditet" not in labels and "Antal anställda" not in labels
    assert any(m["label"] == "Antal anställda" for m in corpus_results["002_beb5154270de7dff"].measures)


def test_money_blocks_become_budget_rows(corpus_results):
    facts = [f for f in corpus_results["001_417f4babd9b8cbcc"].facts if f.statement == "budget"]
    assert len(facts) == 18
    used = {f.label.split(":")[0]: f.value_sek for f in facts if f.column == "utfall"}
    assert used["SamCoach"] == 775_000


def test_latin1_file_reads_like_utf8(tmp_path):
    text = (CORPUS / "002_beb5154270de7dff.txt").read_text(encoding="utf-8")
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("cp1252", errors="replace"))
    a = process_document(str(CORPUS / "002_beb5154270de7dff.txt"), Options(repair="never"))
    b = process_document(str(path), Options(repair="never"))
    assert [(f.label, f.value_sek) for f in a.facts] == [(f.label, f.value_sek) for f in b.facts]


@pytest.mark.parametrize("name,content,needle", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"   \n\n", "empty"),
    ("binary.txt", bytes(range(256)) * 20, "binary"),
    ("fake.pdf", b"this is not a pdf", "not a PDF"),
    ("prose.txt", "Styrelsen har haft fyra möten under året.\nInga siffror här.\n".encode(), "no financial statement"),
    # the running text was read too: the message says so, not only that no statement table was seen
    ("prose2.txt", "Styrelsen har haft fyra möten under året.\nInga siffror här.\n".encode(),
     "no amount in running text with its line and year, no goal table"),
])
def test_bad_input_is_an_error_row_with_a_message(tmp_path, name, content, needle):
    path = tmp_path / name
    path.write_bytes(content)
    result = process_document(str(path))
    assert result.record.status == "error"
    assert needle in result.record.error
    assert result.record.doc_id == path.stem


def test_missing_file_is_an_error_row(tmp_path):
    result = process_document(str(tmp_path / "nope.txt"))
    assert result.record.status == "error" and "cannot be read" in result.record.error


def test_ocr_slips_are_suggested_beside_the_printed_figure(corpus_results):
    """The two slips in 001's gold: 7011,12 for 701,12 and 256,46 for -256,46 (tkr)."""
    gold = json.loads((CORPUS / "gold" / "001_417f4babd9b8cbcc.json").read_text(encoding="utf-8"))
    slips = {(g["statement"], g["period"], g["value_sek"]): g["true_value_sek"] for g in gold["facts"]
             if g.get("true_value_sek") is not None}
    assert len(slips) == 2
    facts = corpus_results["001_417f4babd9b8cbcc"].facts
    for (statement, period, printed), true in slips.items():
        fact = next(f for f in facts if (f.statement, f.period, f.value_sek) == (statement, period, printed))
        assert fact.value_sek == printed                 # the printed figure is never overwritten
        assert fact.suggested_value_sek == true


def test_checks_over_a_column_with_an_unreadable_ocr_figure_are_skipped_not_failed():
    from arsred.extract.document import Line
    from arsred.extract.tables import Column, Header, Row, Table
    from arsred.normalize.facts import CheckResult

    from arsred.pipeline import _skip_checks_on_unreadable
    from arsred.result import DocumentRecord, DocumentResult

    header = Header((Column(2022, "utfall_kostnad"), Column(2022, "utfall_netto")))
    row = Row("Styrelsearvode", "Styrelsearvode", Line(16, 19, "Styrelsearvode SI) -117", (), "ocr"), unreadable=[0])
    table = Table("driftredovisning", "Driftredovisning", header, [row])
    failed = CheckResult("d", "sum_rows", "driftredovisning", 2022, "utfall_kostnad", "fail",
                         facts=("t0r5:utfall_kostnad:2022", "t0r9:utfall_kostnad:2022"))
    other = CheckResult("d", "sum_rows", "driftredovisning", 2022, "utfall_netto", "fail",
                        facts=("t0r5:utfall_netto:2022",))
    result = DocumentResult(DocumentRecord("d", "d.pdf"), checks=[failed, other])
    warnings: list[str] = []
    _skip_checks_on_unreadable(result, [(0, table)], warnings)
    assert [c.status for c in result.checks] == ["skipped", "fail"]
    assert "page 16 line 19" in result.checks[0].message and warnings


def test_a_table_under_no_statement_heading_is_read_as_the_statement_it_resembles(tmp_path):
    """No heading names a statement: a key-figure box whose lines the vocabulary knows is an overview,
    a table of jämförelsestörande poster by year is a tilläggsupplysning; both unverified. Prose with
    figures is no table: only the sentence figure with one reading comes out, from the text reader."""
    box = tmp_path / "box.txt"
    box.write_text("Årsredovisning 2015 för Exempelby kommun\nEkonomiskt utfall och ställning 50 Koncernen Kommunen "
                   "Årets resultat 312 mnkr 158 mnkr Skattekostnad - 41 mnkr Nettoinvesteringar 1 105 mnkr 604 mnkr "
                   "Soliditet 38 % 52 % Eget kapital 5 410 mnkr 4 012 mnkr\n", encoding="utf-8")
    result = process_document(str(box))
    assert result.record.status == "unverified"
    got = {(f.statement, f.scope, f.item, f.period, f.value_sek) for f in result.facts}
    assert ("oversikt", "group", "ov.arets_resultat", 2015, 312e6) in got
    assert ("oversikt", "entity", "ov.eget_kapital", 2015, 4012e6) in got
    assert not any(f.label == "Skattekostnad" for f in result.facts)       # one figure of two columns
    table = tmp_path / "jmf.txt"
    table.write_text("Finansiell analys 2015\nMnkr 2011 2012 2013 2014 2015\nÅterbetalning AFA-premier 0 55 48 0 0\n"
                     "Nedskrivningar -10 0 0 -22 0\nSumma jämförelsestörande poster -10 55 48 -22 0\n", encoding="utf-8")
    facts = process_document(str(table)).facts
    assert {(f.statement, f.column, f.period, f.value_sek) for f in facts if f.item == "tu.afa_aterbetalning"} >= {
        ("tillaggsupplysningar", "utfall", 2012, 55e6), ("tillaggsupplysningar", "utfall", 2013, 48e6)}
    prose = tmp_path / "prose.txt"
    prose.write_text("Årsredovisning 2015\nKommunen redovisar ett resultat på 158 mnkr, 40 mnkr bättre än budget. "
                     "Nettoinvesteringarna uppgick till 604 mnkr.\n", encoding="utf-8")
    result = process_document(str(prose))
    assert result.record.status == "unverified"
    # "158 mnkr, 40 mnkr bättre än budget": the comparison is the second amount's, the result's deviation
    assert [(f.item, f.period, f.column, f.value_sek, f.source) for f in result.facts] == [
        ("ov.arets_resultat", 2015, "utfall", 158e6, "text"), ("ov.arets_resultat", 2015, "avvikelse", 40e6, "text"),
        ("ov.nettoinvesteringar", 2015, "utfall", 604e6, "text")]
