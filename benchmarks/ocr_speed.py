"""OCR speed: arsred's OCR against bare `tesseract` on the same page images, and scaling over workers.

    python benchmarks/ocr_speed.py [--pages N] [--repeat R]   -> benchmarks/results/ocr_speed.md

The machine may be shared: bare and arsred runs alternate R times and each side keeps its
fastest run, so a burst of load during one of them does not decide the ratio.
"""
from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from arsred.extract.reading.ocr import PSM, render_page  # noqa: E402
from arsred.extract.reading.read_pdf import read_pdf  # noqa: E402

from arsred.options import Options  # noqa: E402
from tools.render_report import render_report, scan_pdf  # noqa: E402

log = logging.getLogger("ocr_speed")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--report", default=str(ROOT / "tests/corpus/002_beb5154270de7dff.txt"))
    ap.add_argument("--pages", type=int, default=6)
    ap.add_argument("--dpi", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=2, help="alternating runs of each side; the fastest counts")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    with tempfile.TemporaryDirectory() as tmp:
        text_pdf = render_report(args.report, tmp)
        scan = Path(tmp) / "scan.pdf"
        pages = list(range(1, args.pages + 1))
        scan_pdf(text_pdf, scan, seed=1, dpi=200, pages=pages)
        # bare tesseract: the same rendered page images, one process at a time, one thread each
        images = []
        for i in range(len(pages)):
            p = Path(tmp) / f"p{i}.pnm"
            render_page(str(scan), i, args.dpi).save(p)
            images.append(p)
        env = dict(os.environ, OMP_THREAD_LIMIT="1")
        bare = float("inf")
        timings = {1: float("inf"), 2: float("inf"), "auto": float("inf")}
        for _ in range(max(1, args.repeat)):
            t = time.perf_counter()
            for p in images:
                subprocess.run(["tesseract", str(p), "stdout", "-l", "swe", "--psm", str(PSM), "tsv"],
                               capture_output=True, check=True, env=env)
            bare = min(bare, (time.perf_counter() - t) / len(images))
            for jobs in (1, 2, "auto"):
                options = Options(jobs=1, dpi=args.dpi, ocr_effort="auto") if jobs == "auto" else \
                    Options(jobs=jobs, dpi=args.dpi, ocr_effort="full")
                t = time.perf_counter()
                doc = read_pdf(str(scan), "scan", "0", options)
                timings[jobs] = min(timings[jobs], time.perf_counter() - t)
                assert doc.input_kind == "pdf-ocr"
    n = len(pages)
    per_page = timings[1] / n
    lines = [
        "# OCR speed",
        "",
        f"Report: `{Path(args.report).name}`, {n} scanned pages (200 dpi scan, OCR at {args.dpi} dpi, "
        f"`--psm {PSM}`, lang swe), {os.cpu_count()} cores, shared and loaded (load average "
        f"{os.getloadavg()[0]:.1f}); fastest of {max(1, args.repeat)} alternating runs. In-process reading only "
        "(`read_pdf`); `benchmarks/ocr_report.py` measures whole `arsred extract` processes on a whole report.",
        "",
        "| measure | value |",
        "| --- | --- |",
        f"| bare `tesseract` CLI, s/page (image files given, 1 thread) | {bare:.2f} |",
        f"| arsred `--ocr-effort full`, 1 worker, s/page (render + straighten + OCR + layout) | {per_page:.2f} |",
        f"| ratio arsred full / bare | {per_page / bare:.2f} |",
        f"| arsred `--ocr-effort auto` (two passes), 1 worker, s/page | {timings['auto'] / n:.2f} |",
        f"| ratio arsred auto / bare | {timings['auto'] / n / bare:.2f} |",
        f"| arsred pages/s, 1 worker | {n / timings[1]:.2f} |",
        f"| arsred pages/s, 2 workers | {n / timings[2]:.2f} |",
        "",
    ]
    out = ROOT / "benchmarks/results/ocr_speed.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines))
    log.info("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
