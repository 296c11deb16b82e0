"""Where the CPU of a scanned page goes, and what share of its characters a stage needs (issue 14).

    python benchmarks/ocr_profile.py [--report TXT] [--pages 1-18] [--out benchmarks/results/ocr_profile.md]

The report is rendered as a scan (tools/render_report.py, 200 dpi, seed 0) and each page
rendered once at --dpi. Per page, in this process and in CPU seconds: the preparation
`--ocr-effort full` does (dust removal, skew, straightening), tesseract's layout analysis
alone (text lines and word boxes, no character recognised: `ApiEngine.layout`), the
recognition (`ApiEngine.recognize`, psm 6), the digits pass, and bare `tesseract PAGE stdout
-l swe` as a process on the same image. The full-quality words are then sorted by what a
stage needs them for: lines of a page with goal content (the goal readers take the page's
text: goal tables, assessments), figure bands (`page_triage.figure_bands`: table rows, money
lines, their column heads), headings, and the rest (prose). Recognition costs about the same
per character whatever the resolution, so the characters of the lines a stage needs bound
from below what reading only those lines can cost.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from arsred.extract.reading.layout import lines_from_words  # noqa: E402
from arsred.extract.reading.ocr import (  # noqa: E402
    _drop_noise,
    despeckle,
    estimate_skew,
    ocr_image,
    recheck_numbers,
    render_page,
    straighten,
)
from arsred.extract.reading.ocr_api import ApiEngine  # noqa: E402
from arsred.extract.reading.page_triage import (  # noqa: E402
    GOAL_CONTENT,
    _heading_kind,
    cheap_dpi,
    config,
    figure_bands,
    triage_page,
)
from ocr_report import machine  # noqa: E402
from publish import publish  # noqa: E402

from tools.render_report import render_report  # noqa: E402

CATEGORIES = ("goal page", "figure bands", "headings", "prose")


def _cpu(fn):  # noqa: ANN001, ANN202
    t = time.process_time()
    out = fn()
    return out, time.process_time() - t


def _bare_cpu(image: Path) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(["tesseract", str(image), "stdout", "-l", "swe"], capture_output=True, check=True,
                   env=dict(os.environ, OMP_THREAD_LIMIT="1"))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def _chars_by_category(words: list, dpi: int) -> dict[str, int]:
    """Characters of the page's full-quality reading by what needs them (see the module's docstring)."""
    from arsred.extract.document import Box, Word
    k = 72.0 / dpi
    pts = [Word(w.text, Box(w.box.x0 * k, w.box.top * k, w.box.x1 * k, w.box.bottom * k), w.confidence)
           for w in words if w.box is not None]
    lines = lines_from_words(pts, 1, "ocr") if pts else []
    out = dict.fromkeys(CATEGORIES, 0)
    n = sum(len(w.text) for w in pts)
    goals = config()["goals"]
    whole, goals["whole_page"] = goals["whole_page"], True   # a goal page by the triage's goal rule, whatever auto does
    try:
        verdict = triage_page(lines, sum(w.confidence for w in pts) / max(1, len(pts)), len(pts))
    finally:
        goals["whole_page"] = whole
    if verdict.reason == GOAL_CONTENT:
        out["goal page"] = n
        return out
    bands = set(figure_bands(lines))
    for k_line, ln in enumerate(lines):
        size = sum(len(w.text) for c in ln.cells for w in c.words)
        if k_line in bands:
            out["figure bands"] += size
        elif _heading_kind(ln):
            out["headings"] += size
        else:
            out["prose"] += size
    return out


def profile(report: Path, tmp: Path, dpi: int, pages: list[int] | None) -> list[dict]:
    scan = render_report(report, tmp / "scan", scan=True, seed=0)
    import pypdfium2 as pdfium
    n = len(pdfium.PdfDocument(str(scan)))
    engine = ApiEngine()
    rows = []
    for i in range(n):
        if pages and i + 1 not in pages:
            continue
        path = tmp / f"page{i + 1:03d}.pnm"
        page, render = _cpu(lambda i=i: render_page(str(scan), i, dpi))
        page.save(path)
        bare = _bare_cpu(path)

        def prepare(page=page):  # noqa: ANN001, ANN202
            clean = despeckle(page)
            return straighten(clean, estimate_skew(clean)[0])[0]
        image, prep = _cpu(prepare)
        lines, layout = _cpu(lambda image=image: engine.layout(image, "swe"))
        words, recognise = _cpu(lambda image=image: engine.recognize(image, "swe"))
        words = _drop_noise(words)
        _, digits = _cpu(lambda image=image, words=words: recheck_numbers(image, words, "swe", engine))
        chars = _chars_by_category(words, dpi)
        k = max(1, round(dpi / cheap_dpi()))       # the cheap pass of --ocr-effort auto, as it reads a page
        got, cheap = _cpu(lambda page=page, k=k: ocr_image(page.reduce(k), dpi / k, "swe", engine, effort="cheap"))
        rows.append({"page": i + 1, "render": render, "prep": prep, "layout": layout, "recognise": recognise,
                     "digits": digits, "bare": bare, "cheap": cheap, "lines": len(lines), **chars,
                     "cheap chars": sum(len(w.text) for w in got.words)})
        print(rows[-1], flush=True)
    return rows


def write(report: Path, rows: list[dict], dpi: int, out: str) -> int:
    tot = {k: sum(r[k] for r in rows) for k in rows[0] if k != "page"}
    chars = sum(tot[c] for c in CATEGORIES)
    per_char = tot["recognise"] / max(1, chars)
    lines = ["# Where the CPU of a scanned page goes", "",
             f"`benchmarks/ocr_profile.py`, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. {machine()}. "
             "CPU seconds (user + system) in one process, so the load of the shared machine disturbs them little.",
             f"Report: `{report.name}` rendered as a scan (200 dpi, seed 0), pages rendered once at {dpi} dpi; bare is "
             "`tesseract PAGE stdout -l swe` (a process: model load included, OMP_THREAD_LIMIT=1) on the same image.", "",
             f"| page | render | prep | layout alone | recognise | digits pass | bare tesseract | cheap pass ({cheap_dpi()} dpi) "
             "| text lines | " + " | ".join(f"chars: {c}" for c in CATEGORIES) + " |",
             "| " + " | ".join(["---"] * (9 + len(CATEGORIES))) + " |"]
    for r in rows + [{"page": "all", **tot}]:
        lines.append(f"| {r['page']} | {r['render']:.2f} | {r['prep']:.2f} | {r['layout']:.2f} | {r['recognise']:.2f} | "
                     f"{r['digits']:.2f} | {r['bare']:.2f} | {r['cheap']:.2f} | {r['lines']} | "
                     + " | ".join(str(r[c]) for c in CATEGORIES) + " |")
    need = tot["goal page"] + tot["figure bands"] + tot["headings"]
    floor = tot["render"] + tot["layout"] + need * per_char + tot["digits"]
    lines += ["", f"Recognition: {per_char * 1000:.2f} ms of CPU per character read ({chars} characters). "
              f"Layout analysis alone: {tot['layout']:.1f} s for the report ({tot['layout'] / max(1e-9, tot['recognise']):.2f} "
              f"of recognising it). Characters on pages with goal content: {tot['goal page'] / max(1, chars):.0%}; in figure "
              f"bands: {tot['figure bands'] / max(1, chars):.0%}; headings: {tot['headings'] / max(1, chars):.0%}; prose: "
              f"{tot['prose'] / max(1, chars):.0%}.",
              f"Floor of a reading that recognises only goal pages, figure bands and headings (render + layout + those "
              f"characters at the measured rate + digits pass, no start-up, no pipeline): {floor:.1f} s = "
              f"{floor / max(1e-9, tot['bare']):.2f}x bare tesseract ({tot['bare']:.1f} s).",
              f"The cheap pass of `--ocr-effort auto` ({cheap_dpi()} dpi, whole page: straightening and recognition): "
              f"{tot['cheap']:.1f} s = {tot['cheap'] / max(1e-9, tot['render'] + tot['prep'] + tot['recognise'] + tot['digits']):.2f} "
              f"of the full reading (render + prep + recognise + digits), {tot['cheap'] / max(1e-9, tot['bare']):.2f}x bare; "
              f"{tot['cheap'] * 1000 / max(1, tot['cheap chars']):.2f} ms per character read. Reading every page cheaply "
              f"(auto as built, before its figure bands) costs render + cheap pass = "
              f"{(tot['render'] + tot['cheap']) / max(1e-9, tot['bare']):.2f}x bare. A layout-first reading that "
              f"recognised only goal pages, figure bands and headings at the cheap pass's rate: render + layout + "
              f"those characters + digits pass = {(tot['render'] + tot['layout'] + need * tot['cheap'] / max(1, tot['cheap chars']) + tot['digits']) / max(1e-9, tot['bare']):.2f}x bare."]
    return publish(lines, out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--report", default=str(ROOT / "tests/corpus/002_beb5154270de7dff.txt"))
    ap.add_argument("--pages", default="", help="e.g. 1-5,9 (default: every page)")
    ap.add_argument("--dpi", type=int, default=300)
    ap.add_argument("--out", default=str(ROOT / "benchmarks/results/ocr_profile.md"))
    args = ap.parse_args()
    pages: list[int] = []
    for part in filter(None, args.pages.split(",")):
        a, _, b = part.partition("-")
        pages += list(range(int(a), int(b or a) + 1))
    with tempfile.TemporaryDirectory() as tmp:
        rows = profile(Path(args.report), Path(tmp), args.dpi, pages or None)
    return write(Path(args.report), rows, args.dpi, args.out)


if __name__ == "__main__":
    sys.exit(main())
