"""Columns a header names in a caption line, and columns no header names.

Upplands-Bro 2021 (tests/real/pages, gold beside it) prints its balanskrav header as one line
that mixes the label column's caption with footnoted years ("Balanskravet i Kommunallagens 8:e
kapitel  2021*)  2020**)  2019  2018  2017") and glues most rows' figures to their labels.
"""
from __future__ import annotations

import json
from pathlib import Path

from arsred.extract.reading.read import read_document
from arsred.extract.sections import content_lines, find_sections
from arsred.extract.tables.header import build_columns, header_tokens
from arsred.extract.tables.lines import is_header_line
from arsred.extract.tables.proof import choose
from arsred.extract.tables.statements import read_tables
from arsred.extract.tables.stream import read_stream_tables, section_lines_are_flat
from arsred.normalize.items import heading_labels

from arsred.pipeline import process_document
from tests.helpers import text_document

REAL = Path(__file__).resolve().parent / "real"
CAPTIONED = "Balanskravet i Kommunallagens 8:e kapitel  2021*)  2020**)  2019  2018  2017"


def test_a_caption_before_footnoted_years_is_a_header_line():
    toks = header_tokens(CAPTIONED)
    assert [t.value for t in toks if t.kind == "period"] == [2021, 2020, 2019, 2018, 2017]
    assert not any(t.kind == "other" for t in toks)
    assert [c.period for c in build_columns(toks, 2021, "utfall").columns] == [2021, 2020, 2019, 2018, 2017]
    line = text_document(f"Balanskravsutredningen\n{CAPTIONED}\n").lines[1]
    assert is_header_line(line)


def test_a_label_ending_in_a_year_is_no_header():
    for text in ("Resultat före 1998  2 000  1 500", "Årets resultat 2019", "Prognos för 2021 och avvikelse"):
        assert any(t.kind == "other" for t in header_tokens(text)) or \
            sum(t.kind == "period" for t in header_tokens(text)) < 2, text


def _section(slug: str):
    doc = read_document(REAL / f"pages/{slug}.txt")
    lines = content_lines(doc)
    return next(s for s in find_sections(doc, lines) if s.kind == "balanskrav")


def test_upplandsbro_the_printed_header_is_read_and_the_reading_that_adds_up_kept():
    # both readers now read the five printed years; the line reader, placing figures by
    # positions a glued layout does not keep, proves nothing, the stream reader five sums
    section = _section("upplandsbro_2021_balanskrav")
    by_lines = read_tables(section, 2021, heading_labels("balanskrav"), frozenset(), {}, "balanskrav")
    by_stream = read_stream_tables(section.lines, "balanskrav", 2021, section.title)
    for tables in (by_lines, by_stream):
        assert [[c.period for c in t.header.columns] for t in tables] == [[2021, 2020, 2019, 2018, 2017]]
    chosen = choose(by_lines, by_stream, section_lines_are_flat(section.lines))
    assert chosen == by_stream
    rows = {r.label: r for r in chosen[0].rows}
    realisation = rows["Avgår realisationsvinster vid försäljning av anläggningstillgångar"]
    assert [v.amount.printed if v else None for v in realisation.values] == [None, None, "-4 644", "-6 602", "-1 077"]


def test_upplandsbro_no_figure_is_read_in_a_guessed_unit():
    # no unit is declared anywhere and its largest figure, 107 666, reads as well in kronor as in
    # tkr (the gold: tkr): the figures are left out, and the document says why
    slug = "upplandsbro_2021_balanskrav"
    gold = json.loads((REAL / f"gold/{slug}.json").read_text(encoding="utf-8"))
    printed = {(g["label"], g["period"]): g["value_sek"] for g in gold["facts"]}
    result = process_document(str(REAL / f"pages/{slug}.txt"))
    for f in result.facts:
        assert printed.get((f.label, f.period), f.value_sek) == f.value_sek, (f.label, f.period, f.value_sek)
    assert "read as well in kronor as in tkr" in (result.record.error + result.record.warnings)


def test_columns_whose_years_no_header_prints_are_not_read(tmp_path):
    # no header: two columns whose years are printed nowhere. Taking them for the report's year and
    # the one before is a convention, not a reading (it invented 2021 for a column of a two-year
    # table whose header the reader missed), so the table is not read in either reader
    path = tmp_path / "assumed.txt"
    path.write_text("Årsredovisning 2024\n\nResultaträkning\n\nVerksamhetens intäkter\t3 754\t3 600\n"
                    "Verksamhetens kostnader\t-3 500\t-3 400\nVerksamhetens resultat\t254\t200\n", encoding="utf-8")
    result = process_document(str(path))
    assert not [f for f in result.facts if f.statement == "resultatrakning"]
    # the same table under a printed header: its sums prove its figures
    path.write_text(path.read_text(encoding="utf-8").replace("Resultaträkning\n", "Resultaträkning\n\tTkr\t2024\t2023\n"),
                    encoding="utf-8")
    headed = [f for f in process_document(str(path)).facts if f.statement == "resultatrakning"]
    assert headed and all(f.verified for f in headed)
