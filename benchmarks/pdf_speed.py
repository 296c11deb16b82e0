"""Text-layer PDF speed and start-up: arsred against bare pdfplumber on the same pages.

    python benchmarks/pdf_speed.py [--repeat 3]   -> benchmarks/results/pdf_speed.md

Bare pdfplumber is `page.extract_words()` on every page, the least any word-position
reader must do. arsred adds layout, sections, tables, units, items, reconciliation and
goals; the ratio says what that costs. Three measures, each against the bare tool timed
in the same run, alternating, fastest of --repeat:
- in-process: `process_document` against `extract_words` (both warm, in this process, CPU seconds);
- whole process: `arsred extract PDF -o OUT --jobs 1 --no-cache` (start-up, imports,
  the document, writing every output) against `python bare_script.py PDF`;
- start-up: `arsred --help`, and what a one-document run imports (`python -X importtime`).
arsred reads a page's characters from pdfminer's layout (`page.layout`) and gives them to
pdfplumber's word extractor, without pdfplumber's per-character objects (`page.chars`, which
resolve colours, fonts and matrices words never use): so in-process it can cost less than the
bare `extract_words`. The in-process table also shows that floor: `page.layout` alone, the
pdfminer parse any pdfplumber reading pays.
The 20-page report is corpus 002 (18 pages, clean Swedish) with the first two pages of 004
appended; the three corpus reports are measured in-process as before (001 is OCR-damaged
text without å/ä/ö, so its run loads the repair lexicon).
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

import pdfplumber  # noqa: E402
from ocr_report import machine  # noqa: E402
from publish import publish  # noqa: E402

from arsred.pipeline import process_document  # noqa: E402
from tools.render_report import render_report  # noqa: E402

ARSRED = str(Path(sys.executable).with_name("arsred"))
BARE_SCRIPT = """import sys
import pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    print(sum(len(page.extract_words()) for page in pdf.pages))
"""
HEAVY = ("pandas", "pyarrow", "duckdb", "dask", "distributed", "wordfreq", "pdfplumber", "numpy", "PIL",
         "rapidfuzz", "psutil", "tqdm")


def best_of(fn, repeat: int) -> float:  # noqa: ANN001
    """Least CPU seconds of this process over `repeat` calls (the machine is shared: wall time is its load's)."""
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def bare_pdfplumber(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return sum(len(page.extract_words()) for page in pdf.pages)


def bare_layout(path: Path) -> int:
    """pdfminer's parse of every page (`page.layout`), nothing else: the floor of any pdfplumber reader."""
    with pdfplumber.open(path) as pdf:
        return sum(len(page.layout._objs) for page in pdf.pages)


def installed_env(cache: Path) -> dict[str, str]:
    """The environment of an installed arsred: Python's bytecode cache on (pip compiles an installed package;
    an editable checkout run with PYTHONDONTWRITEBYTECODE=1 compiles ~70 modules on every start, 0.3-0.5 s),
    kept in `cache` so the checkout stays clean."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def timed(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall, CPU of the process and its children) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(args, capture_output=True, check=True, env=env)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def imported(args: list[str], env: dict[str, str] | None = None) -> tuple[list[str], float]:
    """Heavy top-level packages a command imports, and its total import time (s)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True, text=True, check=False,
                          env=env)
    mods, total = set(), 0.0
    for ln in proc.stderr.splitlines():
        if not ln.startswith("import time:") or "|" not in ln:
            continue
        _, cumulative, name = (p.strip() for p in ln[len("import time:"):].split("|"))
        if not cumulative.isdigit():
            continue
        top = name.split(".")[0]
        if top in HEAVY:
            mods.add(top)
        if not name.startswith(" ") and ln.split("|")[2].startswith(" ") and not ln.split("|")[2].startswith("  "):
            total += int(cumulative) / 1e6
    return sorted(mods), total


def twenty_pages(tmp: Path) -> Path:
    import pypdfium2 as pdfium
    a = render_report(ROOT / "tests/corpus/002_beb5154270de7dff.txt", tmp / "a")
    b = render_report(ROOT / "tests/corpus/004_3cec9309cdf15549.txt", tmp / "b")
    out = pdfium.PdfDocument.new()
    out.import_pages(pdfium.PdfDocument(str(a)))
    out.import_pages(pdfium.PdfDocument(str(b)), [0, 1])
    path = tmp / "report20.pdf"
    out.save(str(path))
    return path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "pdf_speed.md"))
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        pdf20 = twenty_pages(tmp)
        script = tmp / "bare_pdfplumber.py"
        script.write_text(BARE_SCRIPT)
        whole: dict[str, tuple[float, float]] = {}
        env = installed_env(tmp / "pycache")
        for k in range(-1, args.repeat):  # alternating: bare script, arsred process; run -1 fills the bytecode cache
            for name, cmd in (("bare", [sys.executable, str(script), str(pdf20)]),
                              ("arsred", [ARSRED, "extract", str(pdf20), "-o", str(tmp / f"out{k}"), "--jobs", "1",
                                          "-q", "--no-cache"])):
                got = timed(cmd, env)
                if k >= 0:
                    whole[name] = min(whole.get(name, (float("inf"), 0.0)), got)
        help_wall = min(timed([ARSRED, "--help"], env)[0] for _ in range(args.repeat))
        help_mods, help_imp = imported([ARSRED, "--help"], env)
        one_mods, one_imp = imported([ARSRED, "extract", str(pdf20), "-o", str(tmp / "imp"), "--jobs", "1", "-q",
                                      "--no-cache"], env)
        for pdf in [pdf20] + [render_report(t, tmp / t.stem) for t in sorted((ROOT / "tests" / "corpus").glob("*.txt"))]:
            with pdfplumber.open(pdf) as doc:
                pages = len(doc.pages)
            process_document(str(pdf))                     # warm-up: imports, lexicon, caches
            bare = ours = layout = float("inf")
            for _ in range(args.repeat):
                bare = min(bare, best_of(lambda p=pdf: bare_pdfplumber(p), 1))
                ours = min(ours, best_of(lambda p=pdf: process_document(str(p)), 1))
                layout = min(layout, best_of(lambda p=pdf: bare_layout(p), 1))
            rows.append((pdf.stem, pages, bare / pages, layout / pages, ours / pages, ours / bare))
    bw, bc = whole["bare"]
    aw, ac = whole["arsred"]
    lines = ["# Text-layer PDF speed and start-up", "",
             f"`benchmarks/pdf_speed.py`, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. {machine()}; "
             f"the machine is shared with other jobs: fastest of {args.repeat} alternating runs; CPU seconds "
             "(user + system, with children) are less disturbed by the load than wall times. Processes run as an "
             "installed arsred does: with Python's bytecode cache (filled by an untimed first run).", "",
             "## One 20-page text-layer PDF as a whole process", "",
             "| run | wall s | wall ratio | CPU s | CPU ratio |", "| --- | --- | --- | --- | --- |",
             f"| bare pdfplumber script (`extract_words`, every page) | {bw:.2f} | 1.00 | {bc:.2f} | 1.00 |",
             f"| `arsred extract PDF -o OUT --jobs 1 --no-cache` | {aw:.2f} | {aw / bw:.2f} | {ac:.2f} | {ac / bc:.2f} |",
             "", "## Start-up", "",
             f"- `arsred --help`: {help_wall:.2f} s wall; imports {help_imp:.2f} s; heavy packages imported: "
             f"{', '.join(help_mods) or 'none'}.",
             f"- one-document run (the 20-page PDF): imports {one_imp:.2f} s; heavy packages imported: "
             f"{', '.join(one_mods) or 'none'} (pyarrow and duckdb write the contract's .parquet and arsred.duckdb; "
             "pandas is imported only when the Python API's DataFrames are used; the repair lexicon (wordfreq) is "
             "loaded only for a text without å/ä/ö).",
             "", "## In-process, per report", "",
             "CPU seconds per page; `process_document` against `extract_words`, both warm, alternating; "
             "pdfminer's layout alone (`page.layout`) is the parse both pay.", "",
             "| report | pages | bare pdfplumber CPU s/page | pdfminer layout alone CPU s/page | arsred CPU s/page | "
             "ratio |", "| --- | --- | --- | --- | --- | --- |"]
    for stem, pages, bare, layout, ours, ratio in rows:
        lines.append(f"| {stem} | {pages} | {bare:.3f} | {layout:.3f} | {ours:.3f} | {ratio:.2f}× |")
    return publish(lines, args.out)


if __name__ == "__main__":
    sys.exit(main())
