"""Words with boxes -> lines and cells: thousands spaces stay in a cell, column gaps split."""
from __future__ import annotations

from pathlib import Path

import pytest
from arsred.extract.document import Box, Word
from arsred.extract.reading.layout import lines_from_words

CORPUS = Path(__file__).parent / "corpus"


def _row(parts: list[tuple[str, float]], top: float = 100.0, size: float = 10.0,
         slope: float = 0.0) -> list[Word]:
    """Words at x positions with a char width of 0.55 em; `slope` tilts the row (points per point)."""
    words = []
    for text, x in parts:
        w = len(text) * 0.55 * size
        y = top + slope * x
        words.append(Word(text, Box(x, y, x + w, y + size)))
    return words


def test_thousands_space_and_detached_minus_stay_in_one_cell() -> None:
    # "Kassa och bank    - 17 329    1 236,30": single spaces (~0.3 em) inside, wide gaps between
    words = _row([("Kassa", 60), ("och", 93.5), ("bank", 113.2), ("-", 300), ("17", 308.5), ("329", 323),
                  ("1", 400), ("236,30", 408.5)])
    [line] = lines_from_words(words, 1, "pdf")
    assert [c.text for c in line.cells] == ["Kassa och bank", "- 17 329", "1 236,30"]
    assert line.text == "Kassa och bank  - 17 329  1 236,30"


def test_rows_are_separated_and_ordered_top_to_bottom() -> None:
    words = _row([("Summa", 60), ("3 754", 400)], top=113) + _row([("Bidrag", 60), ("1 877", 400)], top=100)
    lines = lines_from_words(words, 2, "ocr")
    assert [[c.text for c in ln.cells] for ln in lines] == [["Bidrag", "1 877"], ["Summa", "3 754"]]
    assert [(ln.page, ln.number, ln.method) for ln in lines] == [(2, 1, "ocr"), (2, 2, "ocr")]


def test_an_empty_line_between_rows_skips_a_line_number() -> None:
    """Parsers read a gap in line numbers as a blank line (a block heading after a blank), as in text."""
    tops = [100, 113.5, 127, 148.6, 162.1, 183.7, 197.2, 232.3]  # pitch 13.5; blanks 21.6; two blanks 35.1
    words = [w for k, top in enumerate(tops) for w in _row([(f"Rad{k}", 60), ("12", 400)], top=top, size=9.5)]
    lines = lines_from_words(words, 1, "pdf")
    assert [ln.number for ln in lines] == [1, 2, 3, 5, 6, 8, 9, 12]


def test_blank_lines_between_most_lines_still_count() -> None:
    """Old OCR text has a blank between nearly every line: the pitch is not the page's usual gap."""
    tops = [100 + 21.6 * k for k in range(8)]
    words = [w for k, top in enumerate(tops) for w in _row([(f"Rad{k}", 60)], top=top, size=9.5)]
    assert [ln.number for ln in lines_from_words(words, 1, "pdf")] == [1, 3, 5, 7, 9, 11, 13, 15]


def test_slightly_skewed_rows_stay_whole() -> None:
    # 0.8 degrees of skew: the row drifts 6 points over 430 points, more than half a line height
    slope = 0.014
    a = _row([("Verksamhetens", 60), ("intäkter", 140), ("3 754", 420), ("3 754", 480)], top=100, slope=slope)
    b = _row([("Verksamhetens", 60), ("kostnader", 140), ("-3 564", 420), ("-4 418", 480)], top=113, slope=slope)
    lines = lines_from_words(a + b, 1, "ocr")
    assert [[c.text for c in ln.cells] for ln in lines] == [
        ["Verksamhetens intäkter", "3 754", "3 754"], ["Verksamhetens kostnader", "-3 564", "-4 418"]]


def test_kerned_fragments_join_without_space() -> None:
    words = [Word("Års", Box(60, 100, 76, 110)), Word("redovisning", Box(76.3, 100, 135, 110))]
    [line] = lines_from_words(words, 1, "pdf")
    assert line.text == "Årsredovisning"


def test_rendered_pdf_cells_match_text_reader_cells(tmp_path: Path) -> None:
    """Every table line of the corpus comes out of a rendered text-layer PDF with the same cells."""
    from arsred.extract.reading.read_pdf import read_pdf
    from arsred.extract.reading.read_text import read_text

    from arsred.options import Options
    from tools.render_report import render_report

    for stem in ("002_beb5154270de7dff", "004_3cec9309cdf15549", "001_417f4babd9b8cbcc"):
        src = CORPUS / f"{stem}.txt"
        if not src.exists():
            pytest.skip(f"corpus file {src} missing")
        pdf = render_report(src, tmp_path, stem=stem)
        doc = read_pdf(str(pdf), stem, "0", Options(ocr="never"))
        assert doc.input_kind == "pdf-text" and not doc.warnings
        got = {tuple(c.text for c in ln.cells) for ln in doc.lines}
        raw = src.read_text(encoding="utf-8").split("\n")
        text_doc = read_text(str(src), stem, "0", src.read_bytes())
        checked = 0
        for ln in text_doc.lines:
            cells = tuple(c.text for c in ln.cells if c.text)
            line = raw[ln.number - 1]
            tabbed = "\t" in line and all(len(c) <= 60 for c in cells) and "....." not in line
            spaced = "\t" not in line and any(ch.isdigit() for ch in line) and len(line) < 70
            if tabbed or spaced:
                checked += 1
                assert cells in got, f"{stem}:{ln.number} {cells} not found in the PDF"
        assert checked > 30
