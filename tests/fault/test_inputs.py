"""Hostile inputs, one document at a time through the real pipeline: pathological text is
bounded work, real encodings and PDFs with leading junk are read, a crashing check is a row.

These are the regression tests of issue 11's findings; the batch-level campaign is
tests/fault/test_campaign.py (small sample) and benchmarks/fuzz.py (full size).
"""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from arsred.options import Options
from arsred.pipeline import process_document

REPORT = """Samordningsförbundet Provby
Årsredovisning 2023

RESULTATRÄKNING (tkr)             Not        2023        2022
Verksamhetens intäkter              1       4 100       3 950
Verksamhetens kostnader             2      -3 870      -4 020
Årets resultat                                230         -70

BALANSRÄKNING (tkr)                    2023-12-31  2022-12-31
Kassa och bank                              2 410       2 180
Summa tillgångar                            2 410       2 180
"""
OPTIONS = Options(ocr="never", jobs=1)


def _facts(path: Path) -> set[tuple]:
    res = process_document(str(path), OPTIONS)
    assert res.record.status != "error", res.record.error
    return {(f.statement, f.item, f.period, f.column, f.value_sek) for f in res.facts}


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> set[tuple]:
    p = tmp_path_factory.mktemp("plain") / "plain.txt"
    p.write_text(REPORT, encoding="utf-8")
    facts = _facts(p)
    assert len(facts) == 10
    return facts


# --------------------------------------------------------------------------- pathological text

def test_a_line_of_ten_thousand_numbers_loses_nothing(tmp_path: Path, plain: set[tuple]) -> None:
    """It used to end as 'internal error: RecursionError' and lose every fact of the report."""
    p = tmp_path / "long_line.txt"
    p.write_text(REPORT + "Summa " + " ".join(str(i % 997) for i in range(10_000)) + "\n", encoding="utf-8")
    assert plain <= _facts(p)


@pytest.mark.parametrize("digits", [19, 25, 400])
def test_numbers_of_more_than_18_digits_are_not_amounts(tmp_path: Path, plain: set[tuple], digits: int) -> None:
    """An amount of more than 18 digits is not an amount (25 digits became facts of 1e28 kr; a 170 kB
    text of 400-digit numbers was reported to use more than 2 GB)."""
    huge = "9" * digits
    rows = "".join(f"Övriga intäkter {chr(97 + i % 26)}{chr(97 + i // 26)}\t\t{huge}\t-{huge}\n" for i in range(200))
    p = tmp_path / "huge.txt"
    p.write_text(REPORT.replace("Årets resultat", rows + "Årets resultat"), encoding="utf-8")
    facts = _facts(p)
    assert plain <= facts
    assert all(abs(f[4]) < 1e19 for f in facts)


def test_lines_of_year_headers_are_linear_work(tmp_path: Path, plain: set[tuple]) -> None:
    """4 000 lines of '2024 2023' took 23 s (quadratic); well inside a short document budget now."""
    import arsred
    p = tmp_path / "in" / "years.txt"
    p.parent.mkdir()
    p.write_text(REPORT + "2024 2023\n" * 4000, encoding="utf-8")
    res = arsred.extract_reports([p.parent], options=Options(ocr="never", jobs=1, timeout=20))
    assert list(res.documents.status) != ["error"], list(res.documents.error)


# --------------------------------------------------------------------------- encodings and kinds

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be", "utf-8-sig"])
def test_unicode_with_a_bom_is_text(tmp_path: Path, plain: set[tuple], encoding: str) -> None:
    boms = {"utf-16-be": b"\xfe\xff", "utf-32-be": b"\x00\x00\xfe\xff"}
    p = tmp_path / f"{encoding}.txt"
    p.write_bytes(boms.get(encoding, b"") + REPORT.encode(encoding))
    assert _facts(p) == plain


@pytest.fixture(scope="module")
def pdf_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    from tools.render_report import render_text_pdf
    out = tmp_path_factory.mktemp("pdf") / "report.pdf"
    render_text_pdf(REPORT, out)
    return out.read_bytes()


@pytest.mark.parametrize("junk", [b"\xef\xbb\xbf", b"\xfe\xff", b"From: mail archive\r\n\r\n" * 20, b"\x00" * 1000])
def test_a_pdf_with_junk_before_its_header_is_read_as_pdf_readers_do(tmp_path: Path, pdf_bytes: bytes,
                                                                     plain: set[tuple], junk: bytes) -> None:
    clean = tmp_path / "clean.pdf"
    clean.write_bytes(pdf_bytes)
    for suffix in (".pdf", ".txt"):           # a PDF is a PDF whatever its name says
        p = tmp_path / f"junk{suffix}"
        p.write_bytes(junk + pdf_bytes)
        assert _facts(p) == _facts(clean)


def test_a_header_past_1024_bytes_is_not_a_pdf(tmp_path: Path, pdf_bytes: bytes) -> None:
    p = tmp_path / "late.pdf"
    p.write_bytes(b" " * 1100 + pdf_bytes)
    res = process_document(str(p), OPTIONS)
    assert res.record.status == "error" and "not a PDF" in res.record.error


def test_a_crashing_check_is_a_row_not_a_traceback(tmp_path: Path, monkeypatch, caplog) -> None:
    from arsred.normalize.reconcile import document

    def broken(check, ctx):  # noqa: ANN001
        raise ZeroDivisionError("division by zero in a rule")

    kind = next(iter(document.RUNNERS))
    monkeypatch.setitem(document.RUNNERS, kind, broken)
    p = tmp_path / "report.txt"
    p.write_text(REPORT, encoding="utf-8")
    with caplog.at_level(logging.INFO):
        res = process_document(str(p), OPTIONS)
    assert res.record.status != "error"
    rows = [c for c in res.checks if "ZeroDivisionError" in c.message]
    assert rows and all(c.status == "skipped" for c in rows)
    assert not [r for r in caplog.records if r.exc_info], "a traceback was logged"


def test_superscript_digits_in_a_line_are_text(tmp_path: Path, plain: set[tuple]) -> None:
    """'90¹' is digits to str.isdigit() but not to int(): it ended a bit-flipped report as an internal error."""
    p = tmp_path / "footnote.txt"
    p.write_text(REPORT.replace("Årsredovisning 2023", "Årsredovisning 2023\nInnehåll sidan 90¹"), encoding="utf-8")
    assert plain <= _facts(p)
