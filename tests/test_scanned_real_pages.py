"""Real statement pages printed and scanned, read through Swedish tesseract, scored against their gold.

`benchmarks/table_variants.py --variant scan` measures every dev page this way; these pages hold
what OCR did to the reading once: a note cell misread as a row label ('23, Li' for '2, 3, 17')
took four verified figures from 'Verksamhetens kostnader', and a block heading whose '(%)' was
read '(960)' put the soliditet rows under the block above as amounts in mkr.
"""
from __future__ import annotations

import json
import zlib

import pytest
import regex

from arsred.pipeline import process_document
from tests.helpers import ROOT
from tests.test_ocr import require_tesseract
from tests.test_pipeline import eval_gold
from tools.render_report import render_text_pdf, scan_pdf

REAL = ROOT / "tests" / "real"
MARKUP = regex.compile(r"<[^<>\n]*>")


def _scanned(stem: str, tmp_path):
    """The page printed as a PDF and scanned at 300 dpi, seeded as the benchmark seeds it."""
    printed, scanned = tmp_path / f"{stem}.text.pdf", tmp_path / f"{stem}.pdf"
    render_text_pdf(MARKUP.sub("", (REAL / "pages" / f"{stem}.txt").read_text(encoding="utf-8")), printed)
    scan_pdf(printed, scanned, seed=zlib.crc32(stem.encode()) % 1000, dpi=300)
    return process_document(str(scanned))


def _score(stem: str, result) -> dict:
    gold = json.loads((REAL / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
    rows = [{k: ("" if v is None else str(v)) for k, v in f.to_dict().items()} for f in result.facts]
    return eval_gold.score_document(dict(gold, source=f"{stem}.pdf"), rows, [c.to_dict() for c in result.checks])


@pytest.mark.ocr
@pytest.mark.slow
def test_a_garbled_note_cell_is_no_row_label(tmp_path):
    require_tesseract()
    result = _scanned("goteborg_2018_rr_balanskrav", tmp_path)
    assert result.record.input_kind == "pdf-ocr"
    labels = {f.label for f in result.facts}
    assert all(regex.search(r"\p{L}{3}", label) for label in labels), labels
    costs = sorted(f.value_sek for f in result.facts if f.label == "Verksamhetens kostnader")
    assert costs == [-49_878_000_000, -48_294_000_000, -39_658_000_000, -38_339_000_000]
    score = _score("goteborg_2018_rr_balanskrav", result)
    assert score["wrong"] == 0 and score["verified"] == score["verified_right"]
    assert score["found"] >= score["gold"] - 2


@pytest.mark.ocr
@pytest.mark.slow
def test_a_block_heading_with_a_misread_unit_still_heads_its_scope_rows(tmp_path):
    require_tesseract()
    result = _scanned("goteborg_2014_snabbfakta", tmp_path)
    score = _score("goteborg_2014_snabbfakta", result)
    assert score["wrong"] == 0
    # the soliditet rows are a ratio in both scopes, never balansomslutning in mkr
    assert not [f for f in result.facts if "BALANSOMSLUTNING" in f.label and abs(f.value_sek) < 1_000_000_000]
    assert [m for m in result.measures if m["label"].upper().startswith("SOLIDITET")]
    assert score["found"] >= 21
