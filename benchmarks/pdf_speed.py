"""Text-layer PDF speed: arsred against bare pdfplumber on the same pages.

    python benchmarks/pdf_speed.py [--repeat 3]   -> benchmarks/results/pdf_speed.md

Bare pdfplumber is `page.extract_words()` on every page, the least any word-position
reader must do. arsred adds layout, sections, tables, units, items, reconciliation and
goals; the ratio says what that costs. Both run in this process, after one warm-up run,
best of --repeat.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402

from arsred.pipeline import process_document  # noqa: E402
from tools.render_report import render_report  # noqa: E402


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def bare_pdfplumber(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return sum(len(page.extract_words()) for page in pdf.pages)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "pdf_speed.md"))
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for text in sorted((ROOT / "tests" / "corpus").glob("*.txt")):
            pdf = render_report(text, Path(tmp) / text.stem)
            with pdfplumber.open(pdf) as doc:
                pages = len(doc.pages)
            process_document(str(pdf))                     # warm-up: imports, lexicon, caches
            bare = best_of(lambda p=pdf: bare_pdfplumber(p), args.repeat)
            ours = best_of(lambda p=pdf: process_document(str(p)), args.repeat)
            rows.append((text.stem, pages, bare / pages, ours / pages, ours / bare))
    lines = ["# Text-layer PDF speed", "",
             f"Seconds per page, best of {args.repeat} runs on this machine (2 cores, shared).", "",
             "| report | pages | bare pdfplumber s/page | arsred s/page | ratio |", "| --- | --- | --- | --- | --- |"]
    for stem, pages, bare, ours, ratio in rows:
        lines.append(f"| {stem} | {pages} | {bare:.3f} | {ours:.3f} | {ratio:.2f}× |")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
