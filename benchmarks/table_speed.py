"""Table reading on real pages: arsred's table readers against a bare scan of the same lines.

    python benchmarks/table_speed.py [--repeat 3] [PAGES_DIR]   -> benchmarks/results/table_speed.md

For each page (default ../shared/real), `process_document` runs with its table readers
timed: the line reader (`read_tables`), the stream reader (`read_stream_tables`: readings,
settlement by the table's arithmetic) and the choice between them (`choose`). The bare
baseline is a plain regex scan of the amounts of the same lines, timed in the same run; the
ratio says what reading the tables costs over merely finding their figures. CPU seconds of
this process (less disturbed by a shared machine than wall time), fastest of --repeat.

The counted work of the settling search (`settle.counting`) is given beside it: readings
evaluated against the identities, states of the run search, block combinations tried, and
whether the bound (`settle.MAX_WORK`) stopped a table. Counts are the same on every machine.
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent

from arsred.extract.tables import settle  # noqa: E402

import arsred.pipeline as pipeline  # noqa: E402
from arsred.options import Options  # noqa: E402

AMOUNT = regex.compile(r"[-−–]?\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d+)?")
BARE_ROUNDS = 200            # the scan is repeated so that its time is well above the clock's grain


class Timed:
    """Wraps the pipeline's table readers: CPU seconds spent in them, and the lines they read."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.lines: dict[int, str] = {}
        self.originals = {name: getattr(pipeline, name) for name in ("read_tables", "read_stream_tables", "choose")}

    def __enter__(self) -> Timed:
        for name, fn in self.originals.items():
            setattr(pipeline, name, self._wrap(name, fn))
        return self

    def __exit__(self, *exc: object) -> None:
        for name, fn in self.originals.items():
            setattr(pipeline, name, fn)

    def _wrap(self, name: str, fn):  # noqa: ANN202
        def timed(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            if name == "read_stream_tables":
                self.lines.update((id(ln), ln.text) for ln in args[0])
            started = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds += time.process_time() - started
        return timed


def bare_scan(texts: list[str]) -> float:
    """CPU seconds of one regex scan of the amounts of the lines."""
    started = time.process_time()
    for _ in range(BARE_ROUNDS):
        for text in texts:
            AMOUNT.findall(text)
    return (time.process_time() - started) / BARE_ROUNDS


def measure(page: Path, repeat: int) -> dict:
    best: dict | None = None
    for _ in range(repeat):
        with settle.counting() as work, Timed() as timed:
            started = time.process_time()
            result = pipeline.process_document(str(page), Options())
            whole = time.process_time() - started
        bare = bare_scan(list(timed.lines.values()))
        run = {"tables": timed.seconds, "whole": whole, "bare": bare, "lines": len(timed.lines),
               "facts": len(result.facts), "work": work}
        if best is None or run["tables"] < best["tables"]:
            best = run
    assert best is not None
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pages", nargs="?", default=str(ROOT.parent / "shared" / "real"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "table_speed.md"))
    args = ap.parse_args()
    pages = sorted(Path(args.pages).glob("*.txt"))
    if not pages:
        print(f"no pages in {args.pages}", file=sys.stderr)
        return 1
    pipeline.process_document(str(pages[0]), Options())          # warm: imports, word tables
    rows = []
    for page in pages:
        m = measure(page, args.repeat)
        w = m["work"]
        rows.append((page.stem, m))
        print(f"{page.stem}: tables {m['tables']:.3f} s, bare {m['bare'] * 1000:.3f} ms, "
              f"ratio {m['tables'] / max(m['bare'], 1e-9):.0f}, readings {w.evaluations}, work {w.work}"
              + (" CAPPED" if w.capped else ""), flush=True)
    shown = os.path.relpath(args.pages, ROOT) if Path(args.pages).is_absolute() else args.pages
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    total_tables = sum(m["tables"] for _, m in rows)
    total_bare = sum(m["bare"] for _, m in rows)
    report = [
        "# Table reading speed on real pages", "",
        f"`benchmarks/table_speed.py`, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, on "
        f"{platform.node() or 'this machine'} ({os.cpu_count()} cores, {platform.machine()}, Python "
        f"{platform.python_version()}), load average {load} when written; CPU seconds of this process, "
        f"fastest of {args.repeat} runs. Pages: `{shown}` ({len(rows)}).", "",
        "`tables`: CPU seconds in the table readers (line reader, stream reader with its settlement, the "
        "choice between them); `bare`: one regex scan of the amounts of the same lines, timed in the same "
        "run; `whole`: the whole `process_document`. `readings`: readings of a row evaluated against the "
        "table's identities; `work`: the counted work of the settling search (readings + run-search states "
        f"+ block combinations), bounded per table by `settle.MAX_WORK` = {settle.MAX_WORK:,}.", "",
        "| page | lines | tables s | bare ms | ratio | whole s | readings | run states | block combinations | work | capped |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for stem, m in rows:
        w = m["work"]
        report.append(f"| {stem} | {m['lines']} | {m['tables']:.3f} | {m['bare'] * 1000:.3f} | "
                      f"{m['tables'] / max(m['bare'], 1e-9):,.0f}× | {m['whole']:.3f} | {w.evaluations:,} | "
                      f"{w.steps:,} | {w.combinations:,} | {w.work:,} | {'yes' if w.capped else ''} |")
    report.append(f"| **all {len(rows)} pages** | | {total_tables:.2f} | {total_bare * 1000:.2f} | "
                  f"{total_tables / max(total_bare, 1e-9):,.0f}× | {sum(m['whole'] for _, m in rows):.2f} | "
                  f"{sum(m['work'].evaluations for _, m in rows):,} | {sum(m['work'].steps for _, m in rows):,} | "
                  f"{sum(m['work'].combinations for _, m in rows):,} | {sum(m['work'].work for _, m in rows):,} | |")
    Path(args.out).write_text("\n".join(report) + "\n", encoding="utf-8")
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
