"""OCR accuracy on scanned statement pages: share of the text layer's amounts read exactly.

Renders a corpus report, scans its statement pages (as tests/test_ocr.py does), OCRs them and
compares every amount cell (spaces removed) with the text-layer PDF of the same pages. Prints
recall, the missed and extra values, and each OCR'd table line with its cells' confidence.

    python benchmarks/ocr_recall.py [--dpi 300] [--seed 7] [--lines] [--cache DIR]

--cache DIR keeps tesseract's output by image hash (extract.reading.ocr.ReplayEngine), so a re-run
after a change to the post-processing costs only the calls whose images changed.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from arsred.extract.reading.ocr import ReplayEngine, TesseractEngine  # noqa: E402
from arsred.extract.reading.read_pdf import read_pdf  # noqa: E402

from arsred.options import Options  # noqa: E402
from tools.render_report import render_report, scan_pdf  # noqa: E402

AMOUNT = regex.compile(r"^[-−–]?\s?\d{1,3}(?:\s?\d{3})*(?:,\d+)?$")


def amount_values(lines) -> list[str]:  # noqa: ANN001
    return [c.text.replace(" ", "") for ln in lines for c in ln.cells if AMOUNT.match(c.text)]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--report", default=str(ROOT / "tests/corpus/002_beb5154270de7dff.txt"))
    ap.add_argument("--dpi", type=int, default=300, help="OCR rendering resolution")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--lines", action="store_true", help="print the OCR'd lines with confidences")
    ap.add_argument("--cache", default="", help="replay cache folder for tesseract's output")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        text_pdf = render_report(args.report, tmp)
        doc = read_pdf(str(text_pdf), "text", "0", Options(ocr="never"))
        pages = [p.number for p in doc.pages if "Resultaträkning" in p.text or "Kassaflöde från" in p.text][-2:]
        scan = Path(tmp) / "scan.pdf"
        scan_pdf(text_pdf, scan, seed=args.seed, dpi=200, pages=pages)
        t = time.perf_counter()
        engine = ReplayEngine(args.cache, TesseractEngine()) if args.cache else None
        ocr = read_pdf(str(scan), "scan", "0", Options(jobs=2, dpi=args.dpi), engine=engine)
        took = time.perf_counter() - t
    want = amount_values(ln for p in doc.pages if p.number in pages for ln in p.lines)
    have = amount_values(ocr.lines)
    missed = []
    for v in want:
        if v in have:
            have.remove(v)
        else:
            missed.append(v)
    if args.lines:
        for ln in ocr.lines:
            print(" | ".join(f"{c.text} ({c.confidence:.2f})" for c in ln.cells))
    print(f"pages {pages} at {args.dpi} dpi: {took:.1f} s on 2 workers")
    print(f"amount recall {1 - len(missed) / len(want):.3f} ({len(want) - len(missed)}/{len(want)})")
    print(f"missed {missed}\nextra {have}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
