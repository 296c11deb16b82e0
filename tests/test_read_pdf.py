"""The PDF reader: text layers, the per-page OCR decision, mixed files and bad input."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from arsred.extract.document import Box, Word
from arsred.extract.reading.read_pdf import judge_text, read_pdf

from arsred.errors import EncryptedPdf, OcrUnavailable, UnreadableInput
from arsred.options import Options
from tools.render_report import mixed_pdf, render_report, render_text_pdf

ROOT = Path(__file__).parent.parent
CORPUS = ROOT / "tests" / "corpus"
SAMPLE = ROOT / "data" / "raw" / "002_beb5154270de7dff_pdf.pdf"
REPORT = """Samordningsförbundet Provstad

Årsredovisning 2023

Resultaträkning
Belopp i tkr\tNot\t2023\t2022
Verksamhetens intäkter\t2\t2 832\t2 832
Verksamhetens kostnader\t3\t-2 650\t-2 983
Årets resultat\t\t182\t-151
Sida 1
Balansräkning
Belopp i tkr\tNot\t2023-12-31\t2022-12-31
Kassa och bank\t\t1 236,30\t980,03
Summa tillgångar\t\t- 17 329\t1 248,83
Sida 2
"""


class PageWordsEngine:
    """A stand-in OCR engine that 'reads' known words (in pixels), so no tesseract is needed."""

    def __init__(self, words: list[Word]) -> None:
        self.words = words

    def recognize(self, image, lang: str) -> list[Word]:  # noqa: ANN001
        return list(self.words)

    def orientation(self, image) -> int:  # noqa: ANN001
        return 0


class CrashingEngine:
    def recognize(self, image, lang: str) -> list[Word]:  # noqa: ANN001
        raise RuntimeError("simulated tesseract crash")

    def orientation(self, image) -> int:  # noqa: ANN001
        raise RuntimeError("simulated tesseract crash")


@pytest.fixture(scope="module")
def small_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "prov.pdf"
    render_text_pdf(REPORT, path)
    return path


def _cells(doc) -> list[list[str]]:  # noqa: ANN001
    return [[c.text for c in ln.cells] for ln in doc.lines]


def test_text_layer_pdf_gives_pages_lines_cells_and_boxes(small_pdf: Path) -> None:
    doc = read_pdf(str(small_pdf), "prov", "0", Options())
    assert doc.input_kind == "pdf-text" and len(doc.pages) == 2 and not doc.warnings
    cells = _cells(doc)
    assert ["Verksamhetens kostnader", "3", "-2 650", "-2 983"] in cells
    assert ["Kassa och bank", "1 236,30", "980,03"] in cells
    assert ["Summa tillgångar", "- 17 329", "1 248,83"] in cells
    assert ["Sida 2"] in cells
    first = doc.pages[0].lines[0]
    assert (first.page, first.number, first.method, first.confidence) == (1, 1, "pdf", 1.0)
    assert first.box is not None and 0 < first.box.top < doc.pages[0].height
    numbers = [ln.number for ln in doc.pages[1].lines]
    assert numbers[:4] == [1, 2, 3, 4]  # consecutive printed lines
    assert numbers[-1] - numbers[-2] == 4  # the footer far below: a gap (blank lines), capped


def test_sample_input_is_small_and_reads_as_text_layer() -> None:
    assert SAMPLE.exists() and SAMPLE.stat().st_size < 200_000
    doc = read_pdf(str(SAMPLE), SAMPLE.stem, "0", Options(ocr="never"))
    assert doc.input_kind == "pdf-text" and not doc.warnings
    assert any(c == ["Kassa och bank", "1 505", "2 181"] for c in _cells(doc))


def test_encrypted_pdf_raises_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    render_text_pdf(REPORT, path, encrypt_password="hemligt")
    with pytest.raises(EncryptedPdf, match="qpdf --decrypt"):
        read_pdf(str(path), "locked", "0", Options())


@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_corrupt_pdf_raises_unreadable(small_pdf: Path, tmp_path: Path, damage: str) -> None:
    data = small_pdf.read_bytes()
    bad = data[:600] if damage == "truncated" else b"%PDF-1.4\n" + bytes(range(256)) * 20
    path = tmp_path / "bad.pdf"
    path.write_bytes(bad)
    with pytest.raises(UnreadableInput) as err:
        read_pdf(str(path), "bad", "0", Options())
    assert not isinstance(err.value, EncryptedPdf)
    assert str(path) in str(err.value)


@pytest.fixture(scope="module")
def mixed(small_pdf: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("mixed") / "mixed.pdf"
    mixed_pdf(small_pdf, path, {2}, seed=3)
    return path


def test_ocr_never_warns_per_page_and_keeps_text_pages(mixed: Path) -> None:
    doc = read_pdf(str(mixed), "mixed", "0", Options(ocr="never"))
    assert doc.pages[0].lines and not doc.pages[1].lines
    assert doc.pages[1].warnings == ("page 2 has no text layer (scanned?); run with --ocr auto",)
    assert doc.warnings == ["page 2 has no text layer (scanned?); run with --ocr auto"]


def test_ocr_never_on_a_scan_claims_no_kind_no_type_and_the_error_row_says_why(tmp_path: Path) -> None:
    """A scan under --ocr never used to be input_kind pdf-text, doc_type arsredovisning (guessed from no
    text) and 'no financial statement found' without the per-page warnings docs/pdf_ocr.md promises."""
    import sys
    sys.path.insert(0, str(ROOT / "tests"))
    from batch_fakes import blank_scan_pdf

    from arsred.pipeline import process_document

    scan = blank_scan_pdf(tmp_path / "scan.pdf", 3)
    doc = read_pdf(str(scan), "scan", "0", Options(ocr="never"))
    assert doc.input_kind == ""
    assert doc.warnings == [f"page {n} has no text layer (scanned?); run with --ocr auto" for n in (1, 2, 3)]
    rec = process_document(str(scan), Options(ocr="never")).record
    assert (rec.status, rec.input_kind, rec.doc_type, rec.pages) == ("error", "", "", 3)
    assert rec.error.endswith("; page 1 has no text layer (scanned?); run with --ocr auto; "
                              "2 more of the 3 pages likewise")
    assert rec.warnings == "; ".join(doc.warnings)


def test_ocr_never_on_a_mixed_pdf_is_read_from_its_text_pages(mixed: Path) -> None:
    assert read_pdf(str(mixed), "mixed", "0", Options(ocr="never")).input_kind == "pdf-text"


def test_mixed_pdf_ocrs_only_the_scanned_page(mixed: Path, small_pdf: Path) -> None:
    text_doc = read_pdf(str(small_pdf), "prov", "0", Options())
    # the engine 'reads' page 2's text-layer words, scaled to pixels at the OCR resolution
    k = 300 / 72
    words = [Word(w.text, Box(w.box.x0 * k, w.box.top * k, w.box.x1 * k, w.box.bottom * k), 0.9)
             for w in (ww for ln in text_doc.pages[1].lines for ww in ln.words)]
    doc = read_pdf(str(mixed), "mixed", "0", Options(jobs=1), engine=PageWordsEngine(words))
    assert doc.input_kind == "pdf-mixed"
    assert [p.method for p in doc.pages] == ["pdf", "ocr"]
    assert _cells(doc)[-3:] == _cells(text_doc)[-3:]
    assert doc.pages[1].lines[0].confidence == pytest.approx(0.9)
    always = read_pdf(str(mixed), "mixed", "0", Options(ocr="always", jobs=1), engine=PageWordsEngine(words))
    assert always.input_kind == "pdf-ocr"


def test_crashing_engine_loses_a_page_not_the_document(mixed: Path) -> None:
    doc = read_pdf(str(mixed), "mixed", "0", Options(jobs=2), engine=CrashingEngine())
    assert doc.pages[0].lines and not doc.pages[1].lines
    assert "OCR failed" in doc.pages[1].warnings[0] and "simulated tesseract crash" in doc.pages[1].warnings[0]
    assert any("page 2: OCR failed" in w for w in doc.warnings)


def test_missing_tesseract_raises_with_install_hint(mixed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import arsred.extract.reading.ocr as ocr
    ocr.check_tesseract.cache_clear()
    monkeypatch.setattr(shutil, "which", lambda name: None)
    try:
        with pytest.raises(OcrUnavailable, match="apt-get install tesseract-ocr"):
            read_pdf(str(mixed), "mixed", "0", Options())
        assert read_pdf(str(mixed), "mixed", "0", Options(ocr="never")).pages[0].lines
    finally:
        ocr.check_tesseract.cache_clear()


def test_missing_language_model_raises(mixed: Path) -> None:
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract not installed")
    with pytest.raises(OcrUnavailable, match="no model for xyz"):
        read_pdf(str(mixed), "mixed", "0", Options(ocr_lang="swe+xyz"))


def _words(texts: list[str]) -> list[Word]:
    return [Word(t, Box(10.0 * i, 0, 10.0 * i + 8, 10)) for i, t in enumerate(texts)]


def test_judge_text_layers() -> None:
    prose = "Verksamhetens intäkter ökade under året till 3 754 tkr enligt budget".split()
    assert judge_text(_words(prose), image_cover=0.0) == (True, "")
    assert judge_text([], image_cover=1.0)[0] is False
    assert judge_text(_words(["(cid:12)(cid:7)(cid:99)Ar(cid:3)"] * 10), 0.0)[1].startswith("text layer is garbage")
    poor = "V3rks@mh ~~ |nt#k %%er ;: 3!7 ^^ ''a ~k".split() * 3
    assert "hidden OCR layer" in judge_text(_words(poor), image_cover=0.95)[1]
    assert judge_text(_words(poor + prose * 10), image_cover=0.95) == (True, "")
    assert judge_text(_words(["17"]), image_cover=0.0) == (True, "")  # a page number alone is no scan


def test_rendered_corpus_report_page_count_and_footers(tmp_path: Path) -> None:
    src = CORPUS / "002_beb5154270de7dff.txt"
    doc = read_pdf(str(render_report(src, tmp_path)), src.stem, "0", Options(ocr="never"))
    footers = [p.lines[-1].text for p in doc.pages]
    assert all(f.startswith("Sida ") for f in footers)
    assert len(doc.pages) >= 15


def test_ocr_effort_auto_keeps_a_prose_page_from_the_cheap_pass_and_full_reads_it_again(mixed: Path) -> None:
    """A scanned page without figures or headings keeps the cheap reading, its confidence scaled down."""
    prose = [Word(t, Box(200 + 90 * i, 400, 280 + 90 * i, 440), 0.9)
             for i, t in enumerate("Styrelsen har haft sex möten under året".split())]
    auto = read_pdf(str(mixed), "mixed", "0", Options(jobs=1, ocr_effort="auto"), engine=PageWordsEngine(prose))
    full = read_pdf(str(mixed), "mixed", "0", Options(jobs=1, ocr_effort="full"), engine=PageWordsEngine(prose))
    assert auto.pages[1].text == full.pages[1].text == "Styrelsen har haft sex möten under året"
    assert auto.pages[1].lines[0].confidence == pytest.approx(0.81) and full.pages[1].lines[0].confidence == 0.9
    with pytest.raises(ValueError, match="--ocr-effort must be auto or full"):
        Options(ocr_effort="fast")


def _odd_pdf(path: Path) -> Path:
    """Pages that test where pdfplumber puts things: text in a form XObject, rotated and vertical text, an
    image, a MediaBox that does not start at 0 0, and å/ä/ö in decomposed form."""
    import io

    import pypdfium2 as pdfium
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842))
    for page in range(2):
        c.setFont("Helvetica", 10)
        c.drawString(60, 800, "Resultaträkning (tkr)   2023   2022")
        c.drawString(60, 785, "Verksamhetens intäkter   2 832   -2 649")
        c.drawString(60, 770, "Sma\u030attt och a\u0308ndrat")           # combining ring and diaeresis
        c.beginForm(f"box{page}")
        c.drawString(300, 600, "Årets resultat   183   -151")
        c.endForm()
        c.doForm(f"box{page}")
        c.saveState()
        c.translate(40, 300)
        c.rotate(90)
        c.drawString(0, 0, "Rotated margin text 2023")
        c.restoreState()
        c.drawImage(ImageReader(Image.new("RGB", (40, 30), "gray")), 100, 100, 200, 150)
        c.showPage()
    c.save()
    doc = pdfium.PdfDocument(buf.getvalue())
    doc[1].set_mediabox(30, 20, 625, 862)
    doc.save(str(path))
    return path


def test_page_objects_give_the_words_and_images_pdfplumber_gives(small_pdf: Path, mixed: Path, tmp_path: Path) -> None:
    """read_pdf takes a page's characters from pdfminer's layout itself (not page.chars, which resolves every
    attribute of every character): the words and image boxes must be pdfplumber's own, to the last digit."""
    from arsred.extract.reading.read_pdf import WORDS, _open, page_objects
    from pdfplumber.utils import extract_words

    pages = 0
    for path in (small_pdf, mixed, _odd_pdf(tmp_path / "odd.pdf")):
        pdf = _open(str(path))
        for page in pdf.pages:
            objects = page_objects(page)
            assert extract_words(objects.chars, **WORDS) == page.extract_words(**WORDS)
            assert objects.images == [(float(i["x0"]), float(i["top"]), float(i["x1"]), float(i["bottom"]))
                                      for i in page.images]
            pages += 1
        pdf.close()
    assert pages >= 4
