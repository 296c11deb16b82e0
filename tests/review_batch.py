"""A small review batch for the review tests: a text report, the same report as a text-layer PDF,
and a scan of its cash-flow page (OCR, when tesseract is installed)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from arsred.normalize.facts import Fact

from arsred import extract_reports
from arsred.options import Options
from arsred.result import DocumentResult
from arsred.review import build_review

CORPUS = Path(__file__).parent / "corpus"
STEM = "002_beb5154270de7dff"        # flagged: its cash-flow analysis does not add up (4 failed checks)


def make_batch(folder: Path, *, scan: bool) -> Path:
    """Inputs in folder/in, extracted into folder/out with its review site; returns out."""
    from tools.render_report import render_report, scan_pdf

    inputs = folder / "in"
    inputs.mkdir(parents=True, exist_ok=True)
    shutil.copy(CORPUS / f"{STEM}.txt", inputs / "report_text.txt")
    pdf = render_report(CORPUS / f"{STEM}.txt", inputs, stem="report_pdf")
    if scan:
        from arsred.extract.reading.read_pdf import read_pdf
        doc = read_pdf(str(pdf), "x", "0", Options(ocr="never"))
        page = max(p.number for p in doc.pages if "Kassaflöde från" in p.text)
        scan_pdf(pdf, inputs / "report_scan.pdf", seed=7, dpi=200, pages=[page])
    out = folder / "out"
    extract_reports([inputs], out_dir=out, options=Options(jobs=1), use_cache=False)
    build_review(out)
    return out


def load(out: Path, doc_id: str) -> DocumentResult:
    return DocumentResult.from_dict(json.loads((out / "documents" / f"{doc_id}.json").read_text(encoding="utf-8")))


def expected_status(result: DocumentResult) -> dict[str, str]:
    failed = {k for c in result.checks if c.status == "fail" for k in c.facts}
    out: dict[str, str] = {}
    for f in result.facts:
        out[f.key] = _status(f, failed)
    return out


def _status(f: Fact, failed: set[str]) -> str:
    return "failed" if f.key in failed else ("verified" if f.verified else "unverified")
