"""Benchmark for normalize.repair (issue 4): word accuracy, numbers untouched, gold labels, speed.

(a) clean corpus texts with every diacritic stripped -> repaired, word by word;
(b) clean corpus texts rendered to page images and OCR'd with tesseract's English model
    -> word accuracy against the clean text before and after repair (aligned by difflib);
(c) 001's gold labels against their damaged forms in 001's text;
(d) speed: lexicon load, and a 20-page report (about 10 000 words) cold and warm.

    .venv/bin/python benchmarks/repair_accuracy.py [--no-ocr] [--ocr-pages N]

Prints a table and writes benchmarks/results/repair_accuracy.md.
"""
from __future__ import annotations

import argparse
import difflib
import hashlib
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arsred.normalize import repair  # noqa: E402
from arsred.normalize.lexicon import get_lexicon  # noqa: E402

from tools.label_pairs import damaged_label_pairs  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
CLEAN = ["002_beb5154270de7dff", "004_3cec9309cdf15549"]
OCR_DOC = "001_417f4babd9b8cbcc"
STRIP = str.maketrans("åäöÅÄÖéÉüÜ", "aaoAAOeEuU")
CACHE = Path(tempfile.gettempdir()) / "arsred_repair_ocr_cache"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
NUMERIC = re.compile(r"\d")
LETTER = re.compile(r"[^\W\d_]")   # a token with letters is a word (OCR's "f6r" may change)


def word_accuracy(truth: list[str], got: list[str]) -> float:
    """Share of the truth's words that the other text has, in order (difflib alignment)."""
    if len(truth) == len(got):
        return sum(a == b for a, b in zip(truth, got, strict=False)) / len(truth)
    sm = difflib.SequenceMatcher(a=truth, b=got, autojunk=False)
    return sum(b.size for b in sm.get_matching_blocks()) / len(truth)


def bench_stripped() -> list[dict]:
    rows = []
    for name in CLEAN:
        clean = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
        stripped = clean.translate(STRIP)
        fixed = repair.repair_text(stripped).text
        t, s, f = clean.split(), stripped.split(), fixed.split()
        nums = [(a, b) for a, b in zip(s, f, strict=False) if NUMERIC.search(a) and not LETTER.search(a)]
        rows.append({"text": name, "words": len(t), "before": word_accuracy(t, s),
                     "after": word_accuracy(t, f), "numeric": len(nums),
                     "numeric_changed": sum(a != b for a, b in nums),
                     "clean_identical": repair.repair_text(clean).text == clean,
                     "damage_clean": repair.damage_score(clean),
                     "damage_stripped": repair.damage_score(stripped)})
    return rows


def _render_pages(text: str, max_pages: int) -> list:
    """Plain A4 pages at 200 dpi: DejaVu Sans, wrapped lines (simple, like a printed report)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(FONT, 30)
    width, height, margin, leading = 1654, 2339, 120, 44
    lines: list[str] = []
    for para in text.splitlines():
        para = re.sub(r"<[^>]+>|\*\*", " ", para).replace("\t", "    ").rstrip()
        words, cur = para.split(" "), ""
        for w in words:
            if len(cur) + len(w) + 1 > 88:
                lines.append(cur)
                cur = w
            else:
                cur = f"{cur} {w}" if cur else w
        lines.append(cur)
    per_page = (height - 2 * margin) // leading
    pages = []
    for start in range(0, len(lines), per_page):
        if len(pages) >= max_pages:
            break
        img = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(img)
        for i, line in enumerate(lines[start:start + per_page]):
            draw.text((margin, margin + i * leading), line, font=font, fill=0)
        pages.append((img, "\n".join(lines[start:start + per_page])))
    return pages


def _ocr(img) -> str:
    """tesseract --eng on one image, cached by image hash (reruns are fast)."""
    CACHE.mkdir(exist_ok=True)
    digest = hashlib.sha256(img.tobytes()).hexdigest()[:24]
    hit = CACHE / f"{digest}.txt"
    if hit.exists():
        return hit.read_text(encoding="utf-8")
    png = CACHE / f"{digest}.png"
    img.save(png)
    out = subprocess.run(["tesseract", str(png), "stdout", "-l", "eng", "--psm", "6"],
                         capture_output=True, text=True, check=True).stdout
    hit.write_text(out, encoding="utf-8")
    png.unlink()
    return out


def bench_ocr(max_pages: int) -> list[dict]:
    rows = []
    for name in CLEAN:
        clean = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
        truth_all, ocr_all = [], []
        for img, page_text in _render_pages(clean, max_pages):
            truth_all.append(page_text)
            ocr_all.append(_ocr(img))
        truth = "\n".join(truth_all).split()
        ocr = "\n".join(ocr_all)
        fixed = repair.repair_text(ocr).text
        o, f = ocr.split(), fixed.split()
        nums = [(a, b) for a, b in zip(o, f, strict=False) if NUMERIC.search(a) and not LETTER.search(a)]
        rows.append({"text": name, "pages": len(truth_all), "words": len(truth),
                     "before": word_accuracy(truth, o), "after": word_accuracy(truth, f),
                     "detected": repair.needs_repair(ocr), "damage": repair.damage_score(ocr),
                     "numeric": len(nums), "numeric_changed": sum(a != b for a, b in nums)})
    return rows


def bench_labels() -> dict:
    """001's gold labels against their damaged forms (found by diacritic-free key)."""
    labels, pairs = damaged_label_pairs(CORPUS / f"{OCR_DOC}.txt", CORPUS / "gold" / f"{OCR_DOC}.json")
    exact = sum(repair.repair_label(d) == g for d, g in pairs)
    ci = sum(repair.repair_label(d).lower() == g.lower() for d, g in pairs)
    damaged = sum(d != g for d, g in pairs)
    return {"labels": len(labels), "pairs": len(pairs), "damaged": damaged,
            "exact": exact / len(pairs), "casefold": ci / len(pairs),
            "unrepaired_exact": sum(d == g for d, g in pairs) / len(pairs)}


def bench_speed() -> dict:
    repair._choose.cache_clear()
    get_lexicon.cache_clear()
    t = time.perf_counter()
    get_lexicon()
    load = time.perf_counter() - t
    texts = [(CORPUS / f"{n}.txt").read_text(encoding="utf-8").translate(STRIP) for n in CLEAN]
    texts.append((CORPUS / f"{OCR_DOC}.txt").read_text(encoding="utf-8"))
    big = "\n\n".join(texts)
    words = big.split()
    report = " ".join(words[:10_000])               # ~20 pages of an annual report
    t = time.perf_counter()
    repair.repair_text(report)
    cold = time.perf_counter() - t
    t = time.perf_counter()
    repair.repair_text(report)
    warm = time.perf_counter() - t
    labels = [line.strip() for line in big.splitlines() if 3 < len(line.strip()) < 60][:2000]
    t = time.perf_counter()
    for label in labels:
        repair.repair_label(label)
    per_label = (time.perf_counter() - t) / len(labels)
    return {"load_s": load, "words": 10_000, "cold_s": cold, "warm_s": warm,
            "label_us": per_label * 1e6}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-ocr", action="store_true", help="skip (b), which runs tesseract")
    ap.add_argument("--ocr-pages", type=int, default=6, help="pages per text to OCR in (b)")
    args = ap.parse_args(argv)

    speed = bench_speed()
    a = bench_stripped()
    c = bench_labels()
    b = [] if args.no_ocr else bench_ocr(args.ocr_pages)

    out = ["# Repair accuracy (normalize.repair, issue 4)", "",
           "Produced by `benchmarks/repair_accuracy.py`. Word accuracy = share of the clean "
           "text's words reproduced exactly (whitespace tokens, punctuation attached).", "",
           "## (a) clean texts with all diacritics stripped", "",
           "| text | words | before | after | numeric tokens | numeric changed | clean text identical "
           "| damage score clean / stripped |", "|---|---|---|---|---|---|---|---|"]
    for r in a:
        out.append(f"| {r['text']} | {r['words']} | {r['before']:.2%} | {r['after']:.2%} | {r['numeric']} "
                   f"| {r['numeric_changed']} | {r['clean_identical']} | {r['damage_clean']:.3f} / "
                   f"{r['damage_stripped']:.3f} |")
    tw = sum(r["words"] for r in a)
    out.append(f"| **all** | {tw} | {sum(r['before'] * r['words'] for r in a) / tw:.2%} | "
               f"**{sum(r['after'] * r['words'] for r in a) / tw:.2%}** | "
               f"{sum(r['numeric'] for r in a)} | {sum(r['numeric_changed'] for r in a)} | | |")
    if b:
        out += ["", "## (b) clean texts rendered to images, OCR'd with tesseract `-l eng`", "",
                "| text | pages | words | before repair | after repair | detected | damage score "
                "| numeric tokens changed |", "|---|---|---|---|---|---|---|---|"]
        for r in b:
            out.append(f"| {r['text']} | {r['pages']} | {r['words']} | {r['before']:.2%} | {r['after']:.2%} "
                       f"| {r['detected']} | {r['damage']:.3f} | {r['numeric_changed']} of {r['numeric']} |")
    out += ["", "## (c) gold labels of the OCR'd report 001", "",
            f"{c['pairs']} (damaged form, gold label) pairs found by key for {c['labels']} distinct labels "
            f"({c['damaged']} damaged). Exact after repair: **{c['exact']:.2%}** "
            f"(case-insensitive {c['casefold']:.2%}; without repair {c['unrepaired_exact']:.2%}).", "",
            "## (d) speed", "",
            f"Lexicon load (once per process): {speed['load_s']:.2f} s. A 20-page report "
            f"({speed['words']} words, stripped/OCR'd): {speed['cold_s']:.2f} s cold (first sight of each "
            f"word), {speed['warm_s']:.2f} s warm. One label: {speed['label_us']:.0f} µs on average.", ""]
    md = "\n".join(out)
    print(md)
    res = ROOT / "benchmarks" / "results"
    res.mkdir(parents=True, exist_ok=True)
    (res / "repair_accuracy.md").write_text(md, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
