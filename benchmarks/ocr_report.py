"""A whole scanned report: `arsred extract` as a process against bare tesseract on the same page images.

    python benchmarks/ocr_report.py [--report TXT ...] [--repeat 2] [--out benchmarks/results/ocr_report.md]

Each report is rendered (tools/render_report.py) into a text-layer PDF and an image-only scan
(200 dpi, seeded). The scan's pages are rendered once at --dpi and given to bare
`tesseract IMG stdout -l swe` (one process per page, OMP_THREAD_LIMIT=1: what a
one-worker archive run would do). arsred runs as a whole process on the scan,
`arsred extract SCAN -o OUT --jobs 1 --no-cache`, once with `--ocr-effort auto` (two
passes) and once with `--ocr-effort full` (every page at full quality). Runs alternate
bare / auto / full, --repeat times; each keeps its fastest wall time (the machine is
shared: a burst of load during one run does not decide the ratio), and CPU seconds
(user + system of the process and its children) are reported beside it.

Recall is measured against arsred's own run on the text-layer PDF of the same report (the
facts OCR should give back): a fact counts when its statement, item, period, column and
value are all found. The auto run is also compared with the full run directly: facts,
labels and failed checks that differ.
"""
from __future__ import annotations

import argparse
import csv
import logging
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from arsred.extract.reading.ocr import render_page  # noqa: E402

from tools.render_report import render_report  # noqa: E402

log = logging.getLogger("ocr_report")
ARSRED = str(Path(sys.executable).with_name("arsred"))
FULL_PASS = re.compile(r"page (\d+): (full|bands) pass")
FACT_KEY = ("statement", "item", "period", "column", "value_sek")


def _timed(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the process and its children, its stderr)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, check=True, env=env, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), proc.stderr


def _bare(images: list[Path], env: dict[str, str]) -> tuple[float, float, list[float]]:
    wall = cpu = 0.0
    per_page = []
    for img in images:
        w, c, _ = _timed(["tesseract", str(img), "stdout", "-l", "swe"], env)
        wall, cpu = wall + w, cpu + c
        per_page.append(w)
    return wall, cpu, per_page


def _rows(out: Path, name: str) -> list[dict[str, str]]:
    path = out / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _facts(out: Path, with_label: bool = False) -> Counter:
    keys = FACT_KEY + (("label",) if with_label else ())
    return Counter(tuple(r[k] for k in keys) for r in _rows(out, "facts.csv"))


def _failed_checks(out: Path) -> Counter:
    return Counter((r["check"], r["statement"], r["period"], r["column"]) for r in _rows(out, "checks.csv")
                   if r["status"] not in ("pass", "skipped"))


def _goals(out: Path) -> Counter:
    """Goal rows by section and status: what the goal readers made of the page text."""
    return Counter((r.get("section", ""), r.get("status", "")) for r in _rows(out, "goals.csv"))


def _recall(truth: Counter, got: Counter) -> tuple[int, int]:
    return sum((truth & got).values()), sum(truth.values())


def measure(report: Path, tmp: Path, dpi: int, repeat: int, on_repeat=None) -> dict:  # noqa: ANN001
    text_pdf = render_report(report, tmp / "text")
    scan = render_report(report, tmp / "scan", scan=True, seed=0)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    env.pop("ARSRED_OCR_REPLAY", None)
    subprocess.run([ARSRED, "extract", str(text_pdf), "-o", str(tmp / "out_text"), "--jobs", "1", "-q",
                    "--no-cache", "--timeout", "7200"], check=True, env=env)
    import pypdfium2 as pdfium
    n = len(pdfium.PdfDocument(str(scan)))
    images = []
    for i in range(n):                 # the page images, made once and given to bare tesseract
        p = tmp / f"page{i + 1:03d}.pnm"
        render_page(str(scan), i, dpi).save(p)
        images.append(p)
    best: dict[str, tuple[float, float]] = {}
    per_page: list[float] = [float("inf")] * n
    full_pages: list[str] = []
    for r in range(max(1, repeat)):
        wall, cpu, pages = _bare(images, env)
        per_page = [min(a, b) for a, b in zip(per_page, pages)]
        best["bare"] = min(best.get("bare", (float("inf"), 0.0)), (wall, cpu))
        for effort in ("auto", "full"):
            out = tmp / f"out_{effort}"
            w, c, err = _timed([ARSRED, "extract", str(scan), "-o", str(out), "--jobs", "1", "-q", "--no-cache",
                                "--ocr-effort", effort, "--dpi", str(dpi), "-v", "--timeout", "7200"], env)
            best[effort] = min(best.get(effort, (float("inf"), 0.0)), (w, c))
            if effort == "auto":
                passes = [(m.group(2), m.group(1)) for m in FULL_PASS.finditer(err)]
                full_pages = [f"whole: {','.join(n for e, n in passes if e == 'full') or '-'}",
                              f"bands: {','.join(n for e, n in passes if e == 'bands') or '-'}"]
        log.info("%s run %d: %s", report.stem, r + 1, {k: f"{v[0]:.1f}s" for k, v in best.items()})
        if on_repeat is not None:   # the table so far: a long run on a loaded machine can be cut short
            on_repeat(_summary(report, tmp, n, best, per_page, full_pages, r + 1))
    return _summary(report, tmp, n, best, per_page, full_pages, max(1, repeat))


def _summary(report: Path, tmp: Path, n: int, best: dict, per_page: list[float], full_pages: list[str],
             runs: int) -> dict:
    truth = _facts(tmp / "out_text")
    for name in ("out_text", "out_auto", "out_full"):
        errors = [r["error"] for r in _rows(tmp / name, "documents.csv") if r["status"] == "error"]
        if errors:
            raise SystemExit(f"{report.stem} {name}: the document ended in error ({errors[0]}); no measurement")
    res = {"report": report.stem, "pages": n, "best": dict(best), "bare_page": list(per_page), "runs": runs}
    for effort in ("auto", "full"):
        res[f"recall_{effort}"] = _recall(truth, _facts(tmp / f"out_{effort}"))
        res[f"failed_{effort}"] = sum(_failed_checks(tmp / f"out_{effort}").values())
    fa, ff = _facts(tmp / "out_auto", True), _facts(tmp / "out_full", True)
    res["only_full"] = sum((ff - fa).values())
    res["only_auto"] = sum((fa - ff).values())
    ga, gf = _goals(tmp / "out_auto"), _goals(tmp / "out_full")
    res["goals"] = {e: f"{sum(g.values())} ({', '.join(f'{n} {k}' for k, n in sorted(Counter(st for _, st in g.elements()).items()))})"
                    for e, g in (("auto", ga), ("full", gf))}
    res["goals_diff"] = (sum((gf - ga).values()), sum((ga - gf).values()))
    res["full_pages"] = "; ".join(full_pages) or "-"
    return res


def machine() -> str:
    load = os.getloadavg()
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor())
    tess = subprocess.run(["tesseract", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    return (f"{platform.node()}: {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {tess}; "
            f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1/5/15 min) when the table was written")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--report", action="append", default=[],
                    help="corpus text report(s) (default: 001, 39 pages)")
    ap.add_argument("--dpi", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--out", default=str(ROOT / "benchmarks/results/ocr_report.md"))
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    reports = [Path(r) for r in args.report] or [ROOT / "tests/corpus/001_417f4babd9b8cbcc.txt"]
    results: list[dict] = []
    for report in reports:
        with tempfile.TemporaryDirectory() as tmp:
            res = measure(report, Path(tmp), args.dpi, args.repeat,
                          on_repeat=lambda partial: write(results + [partial], args))
            results.append(res)
    write(results, args)
    return 0


def write(results: list[dict], args: argparse.Namespace) -> None:
    lines = ["# A whole scanned report: arsred against bare tesseract", "",
             f"`benchmarks/ocr_report.py`, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. {machine()}.",
             "The machine was shared and loaded (about 8 people working, other jobs running): wall times are the "
             f"fastest of {', '.join(str(r['runs']) for r in results)} alternating runs (bare, auto, full) per report; "
             "CPU seconds beside them are less disturbed by load.",
             f"Bare: `tesseract PAGE stdout -l swe`, one process per page image rendered once at {args.dpi} dpi from "
             "the scan, OMP_THREAD_LIMIT=1. arsred: the whole `arsred extract SCAN -o OUT --jobs 1 --no-cache` "
             "process (start-up, reading, OCR, tables, checks, writing every output). Recall: facts of arsred's "
             "run on the report's text-layer PDF found with the same statement, item, period, column and value.", "",
             "| report | pages | run | wall s | wall ratio | CPU s | CPU ratio | s/page | recall | failed checks |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in results:
        bw, bc = r["best"]["bare"]
        lines.append(f"| {r['report']} | {r['pages']} | bare tesseract | {bw:.1f} | 1.00 | {bc:.1f} | 1.00 | "
                     f"{bw / r['pages']:.2f} | | |")
        for effort in ("auto", "full"):
            w, c = r["best"][effort]
            hit, total = r[f"recall_{effort}"]
            lines.append(f"| {r['report']} | {r['pages']} | arsred --ocr-effort {effort} | {w:.1f} | {w / bw:.2f} | "
                         f"{c:.1f} | {c / bc:.2f} | {w / r['pages']:.2f} | {hit}/{total} = {hit / max(1, total):.3f} | "
                         f"{r[f'failed_{effort}']} |")
    lines += ["", "| report | pages read again at full quality (auto): whole / figure bands | facts+labels only in full | only in auto | "
              "goal rows (status): full | auto | goal rows (section, status) only in full / only in auto | "
              "bare s/page: min / median / max |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in results:
        pp = sorted(r["bare_page"])
        lines.append(f"| {r['report']} | {r['full_pages']} | {r['only_full']} | {r['only_auto']} | "
                     f"{r['goals']['full']} | {r['goals']['auto']} | {r['goals_diff'][0]} / {r['goals_diff'][1]} | "
                     f"{pp[0]:.2f} / {pp[len(pp) // 2]:.2f} / {pp[-1]:.2f} |")
    text = "\n".join(lines) + "\n"
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text, flush=True)


if __name__ == "__main__":
    sys.exit(main())
