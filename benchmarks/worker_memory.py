"""Per-worker memory over a long batch: does a document process stay flat and under 300 MB RSS?

    python benchmarks/worker_memory.py [--n 1000] [--pdf-every 3]   -> benchmarks/results/worker_memory.md

Generates --n reports from the corpus texts (benchmarks/batch_throughput.py's generator:
other organisation names, years shifted), every --pdf-every-th of them rendered as a
text-layer PDF, and runs them as one batch with one worker (`--jobs 1`). Each document runs
in its own forked process; its peak RSS (which counts the pages it shares copy-on-write with
the warmed-up parent: imports and the repair lexicon) and its own memory (USS) are reported
for the first and the last tenth of the batch, by input kind.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from batch_throughput import generate  # noqa: E402
from publish import publish  # noqa: E402

import arsred  # noqa: E402
from arsred.options import Options  # noqa: E402
from tools.render_report import render_report  # noqa: E402

LIMIT_MB = 300.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--pdf-every", type=int, default=3)
    ap.add_argument("--every", type=int, default=50, help="write the table so far every N documents")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "worker_memory.md"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        paths = []
        for k, p in enumerate(generate(args.n, tmp / "gen")):
            paths.append(render_report(p, tmp / "pdf") if k % args.pdf_every == 0 else p)
        kinds = {Path(p).stem: Path(p).suffix for p in paths}
        peaks: list[tuple[str, float]] = []
        t = time.monotonic()

        def done(d) -> None:  # noqa: ANN001
            peaks.append((kinds.get(d.doc_id, ""), d.peak_rss_mb))
            if len(peaks) % args.every == 0:   # the table so far: a long batch can be cut short and still says something
                publish(table(args, paths, peaks, time.monotonic() - t, None), args.out)

        res = arsred.extract_reports(paths, tmp / "out", Options(jobs=1, timeout=600), use_cache=False, on_done=done)
        wall = time.monotonic() - t
    return publish(table(args, paths, peaks, wall, res.stats), args.out)


def table(args: argparse.Namespace, paths: list, peaks: list[tuple[str, float]], wall: float, st) -> list[str]:  # noqa: ANN001
    """The result so far: peak RSS per document process, for the first and the last tenth of each input kind
    (the runner does not keep the input order across kinds, so flatness is judged within a kind)."""
    load = os.getloadavg()
    done = f"{len(peaks)} of {len(paths)} documents" + ("" if st else " (batch still running when written)")
    lines = ["# Per-worker memory over a long batch", "",
             f"`benchmarks/worker_memory.py --n {args.n} --pdf-every {args.pdf_every}`, "
             f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, on {platform.node()} ({os.cpu_count()} cores), "
             f"shared (load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}). One worker; {done} "
             f"({sum(1 for p in paths if str(p).endswith('.pdf'))} of the {len(paths)} are text-layer PDFs) in {wall:.0f} s"
             + (f"; {st.pages} pages; statuses {dict(st.status_counts)}" if st else "") + ".", "",
             "| kind | documents of that kind | n | peak RSS MB: mean | max |", "| --- | --- | --- | --- | --- |"]
    for kind in (".txt", ".pdf"):
        rss = [r for k, r in peaks if k == kind]
        if not rss:
            continue
        tenth = max(1, len(rss) // 10)
        for name, part in (("first tenth", rss[:tenth]), ("last tenth", rss[-tenth:]), ("all", rss)):
            lines.append(f"| {kind[1:]} | {name} | {len(part)} | {statistics.mean(part):.0f} | {max(part):.0f} |")
    worst = max((r for _, r in peaks), default=0.0)
    lines += ["", f"Largest peak RSS of a document process: {worst:.0f} MB "
              f"({'within' if worst <= LIMIT_MB else 'over'} the {LIMIT_MB:.0f} MB target)."]
    if st and st.peak_uss_mb:
        lines.append(f"Own memory (USS) of a document process: mean {statistics.mean(st.peak_uss_mb):.0f} MB, "
                     f"max {max(st.peak_uss_mb):.0f} MB.")
    return lines


if __name__ == "__main__":
    sys.exit(main())
