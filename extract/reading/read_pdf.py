"""PDF reports: text layers through pdfplumber, scanned pages through tesseract, page by page.

Each page is judged on its own, because archives hold mixed files (a scanned signature
page in a born-digital report, a born-digital cover on a scan):
- a text layer with enough readable text is used as it is (method "pdf", confidence 1.0);
- no text layer, a garbage one (unmapped glyphs "(cid:12)", control or private-use
  characters), or a poor hidden OCR layer under a full-page image is OCR'd (method "ocr");
- `--ocr always` OCRs every page, `--ocr never` none (a page without text gets a warning).
Both routes give words with boxes in PDF points, and `extract.layout` turns them into the
same lines and cells.
"""
from __future__ import annotations

import logging
import os
import unicodedata
from dataclasses import dataclass
from typing import Any

import regex
from arsred.extract.amounts import HYPHENS
from arsred.extract.document import Box, Document, Line, Page, Word
from arsred.extract.reading.layout import lines_from_words
from arsred.extract.reading.ocr import (
    OcrEngine,
    OcrResult,
    ReplayEngine,
    TesseractEngine,
    check_tesseract,
    ocr_pages,
    ocr_pages_two_pass,
)
from arsred.extract.reading.ocr_api import ApiEngine, api_engine

from arsred.errors import EncryptedPdf, UnreadableInput
from arsred.options import Options

log = logging.getLogger(__name__)

MIN_TEXT_CHARS = 20          # fewer letters/digits than this and a page with an image is a scan
MIN_GOOD_CHARS = 0.85        # share of readable characters in a usable text layer
MIN_GOOD_TOKENS = 0.75       # share of plausible tokens in a hidden OCR layer worth keeping
IMAGE_COVER = 0.6            # an image covering this share of the page makes it a scan
WORDS: dict[str, Any] = {"x_tolerance": 1.5, "y_tolerance": 2.5, "keep_blank_chars": False, "use_text_flow": False}
CID = regex.compile(r"\(cid:\d+\)")
TOKEN = regex.compile(r"^[\p{L}][\p{L}\-']*[.,:;)!?]*$|^[-−–+(]?[\d][\d\s.,:%/\-]*[)*%]*$|^\p{P}+$")


@dataclass(frozen=True)
class PageText:
    """What pdfplumber found on a page, and whether it can be used."""

    words: list[Word]
    width: float
    height: float
    usable: bool
    reason: str              # why OCR is needed ("" when usable)


def _char_ok(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return not (cat in ("Cc", "Co", "Cn", "Cs") or ch == "\ufffd")


def judge_text(words: list[Word], image_cover: float) -> tuple[bool, str]:
    """Decide whether a page's text layer is usable; the reason says why not."""
    text = "".join(w.text for w in words)
    alnum = sum(ch.isalnum() for ch in text)
    if alnum < MIN_TEXT_CHARS:
        if image_cover >= IMAGE_COVER or alnum == 0:
            return False, "no text layer"
        return True, ""  # a near-empty page (a divider, a page number) that is not a scan
    glyphs = CID.sub("\ufffd", text)  # an unmapped glyph counts as one bad character
    if sum(_char_ok(ch) for ch in glyphs) / max(1, len(glyphs)) < MIN_GOOD_CHARS:
        return False, "text layer is garbage (unmapped glyphs or control characters)"
    if image_cover >= IMAGE_COVER:
        plausible = sum(bool(TOKEN.match(w.text)) for w in words) / len(words)
        if plausible < MIN_GOOD_TOKENS:
            return False, f"hidden OCR layer of poor quality ({plausible:.0%} plausible words)"
    return True, ""


def _image_cover(page: PageObjects) -> float:
    area = float(page.width * page.height) or 1.0
    best = 0.0
    for x0, top, x1, bottom in page.images:
        w = max(0.0, min(x1, float(page.width)) - max(x0, 0.0))
        h = max(0.0, min(bottom, float(page.height)) - max(top, 0.0))
        best = max(best, w * h / area)
    return best


@dataclass(frozen=True)
class PageObjects:
    """What reading a page's words needs from pdfplumber's page: its characters (as the dicts pdfplumber's
    word extractor reads) and its images' boxes."""

    chars: list[dict]
    images: list[tuple[float, float, float, float]]
    width: float
    height: float


def page_objects(page) -> PageObjects:  # noqa: ANN001 (pdfplumber page)
    """The characters and images of pdfminer's layout of the page, with pdfplumber's coordinates (points from
    the top-left of the MediaBox; `doctop` from the top of the document).

    pdfplumber's own objects (`page.chars`) resolve every attribute of every character (colours, colour
    spaces, fonts, matrices) that words never use: a third of reading a text page. The values kept here
    are computed as pdfplumber computes them (Page.process_object), so the words are the same
    (tests/test_read_pdf.py compares them with page.extract_words)."""
    from pdfminer.layout import LTChar, LTContainer, LTImage

    height = page.height
    mb_x0, mb_top = page.mediabox[:2]
    doctop0 = page.initial_doctop
    norm = page.pdf.unicode_norm
    chars: list[dict] = []
    images: list[tuple[float, float, float, float]] = []

    def walk(objs) -> None:  # noqa: ANN001
        for obj in objs:
            if isinstance(obj, LTContainer):
                walk(obj)           # a container iterates over its objects
            elif isinstance(obj, (LTChar, LTImage)):
                top = (height - obj.y1) + mb_top
                bottom = (height - obj.y0) + mb_top
                x0, x1 = (obj.x0 + mb_x0, obj.x1 + mb_x0) if mb_x0 != 0 else (obj.x0, obj.x1)
                if isinstance(obj, LTImage):
                    images.append((float(x0), float(top), float(x1), float(bottom)))
                    continue
                text = obj.get_text().translate(HYPHENS)
                chars.append({"text": unicodedata.normalize(norm, text) if norm is not None else text,
                              "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": doctop0 + top,
                              "upright": obj.upright, "size": obj.size})

    walk(page.layout)
    return PageObjects(chars, images, float(page.width), float(page.height))


def page_text(page) -> PageText:  # noqa: ANN001
    """Words of one pdfplumber page with their boxes (points from the top-left)."""
    from pdfplumber.utils import extract_words

    objects = page_objects(page)
    words = []
    for w in extract_words(objects.chars, **WORDS):
        x0, x1 = float(w["x0"]), float(w["x1"])
        top, bottom = float(w["top"]), float(w["bottom"])
        if x1 < x0 or bottom < top:
            continue
        words.append(Word(w["text"], Box(x0, top, x1, bottom), 1.0))
    usable, reason = judge_text(words, _image_cover(objects))
    return PageText(words, objects.width, objects.height, usable, reason)


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception, what it wraps (args, __cause__, __context__), and so on down."""
    out: list[BaseException] = []
    todo: list[BaseException] = [exc]
    while todo and len(out) < 20:
        e = todo.pop()
        if e in out:
            continue
        out.append(e)
        todo.extend(a for a in e.args if isinstance(a, BaseException))
        todo.extend(c for c in (e.__cause__, e.__context__) if c is not None)
    return out


def _pdf_source(path: str):  # noqa: ANN202
    """The path, or the bytes from `%PDF-` on when a BOM or junk stands before it (PDF readers allow
    up to 1024 bytes; offsets in the file count from the header). pdfium, which renders pages
    for OCR, finds the header itself."""
    import io

    from arsred.extract.reading.read import pdf_header_offset
    with open(path, "rb") as f:
        start = pdf_header_offset(f.read(2048))
        if start <= 0:
            return path
        f.seek(start)
        return io.BytesIO(f.read())


def _open(path: str):  # noqa: ANN202
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    try:
        pdf = pdfplumber.open(_pdf_source(path))
        _ = pdf.pages  # forces the page tree: broken files fail here, not halfway
    except Exception as exc:  # noqa: BLE001 - pdfplumber wraps pdfminer's many kinds of failure
        causes = _causes(exc)
        if any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes):
            raise EncryptedPdf(path) from exc
        detail = next((f"{type(c).__name__}: {c}" for c in causes if str(c)), type(exc).__name__)
        kind = "not a readable PDF" if any(isinstance(c, PDFSyntaxError) for c in causes) else "cannot be parsed"
        raise UnreadableInput(f"{path}: {kind} ({detail}); the file may be truncated or corrupt - "
                              f"download it again or repair it (e.g. qpdf input.pdf output.pdf)") from exc
    if not pdf.pages:
        pdf.close()
        raise UnreadableInput(f"{path}: the PDF has no pages")
    return pdf


def read_pdf(path: str, doc_id: str, sha256: str, options: Options | None = None,
             engine: OcrEngine | None = None) -> Document:
    """Read every page; OCR the ones whose text layer is missing or unusable (per `options.ocr`)."""
    options = options or Options()
    texts: list[PageText] = []
    pdf = _open(path)
    try:
        for i, page in enumerate(pdf.pages):
            try:
                texts.append(page_text(page) if options.ocr != "always" else
                             PageText([], float(page.width), float(page.height), False, "--ocr always"))
            except Exception as exc:  # noqa: BLE001 - one broken page must not lose the document
                log.warning("%s page %d: text layer unreadable: %s", path, i + 1, exc)
                texts.append(PageText([], 0.0, 0.0, False, f"text layer unreadable ({type(exc).__name__})"))
            finally:
                page.close()          # drop the page's parsed objects: memory stays flat over long PDFs
    finally:
        pdf.close()

    need = [i for i, t in enumerate(texts) if not t.usable]
    results: dict[int, OcrResult] = {}
    if need and options.ocr != "never":
        engine = engine or default_engine()
        if isinstance(engine, (TesseractEngine, ApiEngine)) or isinstance(getattr(engine, "inner", None),
                                                                           (TesseractEngine, ApiEngine)):
            check_tesseract(options.ocr_lang)
        log.info("%s: OCR of %d of %d pages (%s, effort %s)", path, len(need), len(texts), options.ocr_lang,
                 options.ocr_effort)
        read = ocr_pages_two_pass if options.ocr_effort == "auto" else ocr_pages
        results = read(path, need, options.dpi, options.ocr_lang, engine, options.workers)

    pages: list[Page] = []
    doc_warnings: list[str] = []
    for i, t in enumerate(texts):
        n = i + 1
        if t.usable:
            pages.append(Page(n, tuple(lines_from_words(t.words, n, "pdf")), "pdf", t.width, t.height))
        elif i in results:
            pages.append(_ocr_page(n, results[i], t))
            doc_warnings.extend(results[i].warnings)
        else:
            msg = f"page {n} has no text layer (scanned?); run with --ocr auto" if t.reason == "no text layer" \
                else f"page {n}: {t.reason}; run with --ocr auto to OCR it"
            pages.append(Page(n, (), "pdf", t.width, t.height, (msg,)))
            doc_warnings.append(msg)
    return Document(doc_id=doc_id, path=path, sha256=sha256, input_kind=_input_kind(pages),
                    pages=pages, warnings=doc_warnings)


def default_engine() -> OcrEngine:
    """Tesseract, in-process where libtesseract loads (the command otherwise); with ARSRED_OCR_REPLAY=DIR
    its output is cached by image hash in DIR (development runs)."""
    engine: OcrEngine = api_engine() or TesseractEngine()
    cache = os.environ.get("ARSRED_OCR_REPLAY", "")
    return ReplayEngine(cache, engine) if cache else engine


def _ocr_page(n: int, r: OcrResult, t: PageText) -> Page:
    lines: list[Line] = lines_from_words(r.words, n, "ocr") if r.words else []
    warnings = list(r.warnings)
    if r.rotation:
        warnings.append(f"page {n} was turned {r.rotation} degrees; boxes refer to the upright page")
    return Page(n, tuple(lines), "ocr", r.width or t.width, r.height or t.height, tuple(warnings))


def _input_kind(pages: list[Page]) -> str:
    """How the pages that were read were read; '' when none was (a scan under --ocr never): no kind to claim."""
    ocr = sum(p.method == "ocr" for p in pages)
    text = sum(p.method == "pdf" and bool(p.lines) for p in pages)
    if ocr == 0:
        return "pdf-text" if text else ""
    return "pdf-ocr" if text == 0 else "pdf-mixed"
