"""The full fault-injection campaign: ≥ 1 000 seeded hostile inputs through `arsred extract`.

    .venv/bin/python benchmarks/fuzz.py [--n 1000] [--seed 2026] [--jobs 2] [--timeout 60]
                                        [--kill-rounds 3] [--kill-subset 150] [--work DIR]

Writes the inputs (tests/fault/hostile.py: truncated, bit-flipped, encrypted, empty, binary,
odd encodings, pathological and huge texts, heavy PDFs, junk before %PDF-, odd names, paths
that are not regular files), runs one batch over all of them, checks the invariants (one row
per input, a message on every error row, no hang, no traceback, unique doc_ids, the same
row counts in CSV, Parquet and DuckDB, nothing written outside OUT, no process left behind),
then kills a batch over a subset with SIGKILL at random moments and checks that a re-run
ends with the tables of a clean run. Figures go to benchmarks/results/fuzz.md; the exit
code is 1 when an invariant is broken.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fault.hostile import (  # noqa: E402
    Figures,
    Material,
    _snapshot,
    campaign,
    check_run,
    fresh,
    kill_and_resume,
    run_extract,
    write_campaign,
)

RESULTS = ROOT / "benchmarks" / "results" / "fuzz.md"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="hostile files (paths that are not files come on top)")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60.0, help="--timeout per document")
    ap.add_argument("--kill-rounds", type=int, default=3)
    ap.add_argument("--kill-subset", type=int, default=150, help="inputs of the kill -9 and resume check")
    ap.add_argument("--work", default="", help="working folder (default /tmp/arsred-fuzz-SEED)")
    ap.add_argument("--results", default=str(RESULTS))
    args = ap.parse_args(argv)

    work = fresh(Path(args.work or f"/tmp/arsred-fuzz-{args.seed}"))
    t0 = time.monotonic()
    inputs = campaign(args.n, args.seed, Material(work / "material"), heavy=True, specials=9)
    src = work / "src"
    write_campaign(src, inputs)
    print(f"{len(inputs)} inputs written in {time.monotonic() - t0:.0f} s", flush=True)
    opts = ["--jobs", str(args.jobs), "--timeout", f"{args.timeout:g}", "--quiet"]
    before = _snapshot(src)
    deadline = 3 * 3600
    run = run_extract(src, work / "out", opts, deadline, work / "scratch")
    figures = check_run(inputs, src, work / "out", run, work / "scratch", before)
    (work / "stderr.txt").write_text(run.stderr, encoding="utf-8")
    print(f"batch: {figures.rows} rows for {figures.inputs} inputs in {figures.seconds:.0f} s; "
          f"violations: {figures.violations or 'none'}", flush=True)

    # without the inputs that only a budget stops (a timed-out document is recomputed on the re-run, and
    # may then finish), and with a budget no other input comes near: the tables must then be identical
    light = [h for h in inputs if h.kind not in ("heavy_pdf", "huge_text", "pathological")][: args.kill_subset]
    kill_problems: list[str] = []
    if args.kill_rounds and light:
        sub = work / "subset"
        write_campaign(sub, light)
        kill_opts = ["--jobs", str(args.jobs), "--timeout", "900", "--quiet"]
        clean = run_extract(sub, work / "subset_clean", kill_opts, deadline, work / "scratch_clean")
        kill_problems = [f"clean run of the subset ended with {clean.returncode}"] if clean.returncode != 0 else \
            kill_and_resume(sub, work / "subset_killed", kill_opts, args.kill_rounds, random.Random(args.seed),
                            work / "scratch_kill", work / "subset_clean", deadline,
                            max_wait=max(2.0, clean.seconds * 0.8))
        print(f"kill -9 x{args.kill_rounds} then resume on {len(light)} inputs: {kill_problems or 'identical tables'}",
              flush=True)
    report = render(args, figures, len(light), kill_problems, time.monotonic() - t0)
    Path(args.results).write_text(report, encoding="utf-8")
    print(report)
    return 1 if figures.violations or kill_problems else 0


def render(args: argparse.Namespace, f: Figures, n_kill: int, kill_problems: list[str], total_s: float) -> str:
    rows = [
        ("inputs (files + paths that are not regular files)", f"{f.inputs}"),
        ("rows in documents.csv", f"{f.rows}"),
        ("status ok / flagged / error", f"{f.ok} / {f.flagged} / {f.errors}"),
        ("error rows with a message", f"{f.errors_with_message} of {f.errors}"),
        ("… of which timed out / over the memory budget", f"{f.timeouts} / {f.memory_kills}"),
        ("crashes: internal errors caught at the row / tracebacks", f"{f.internal_errors} / {f.tracebacks}"),
        ("failures caught below the CLI and logged (one line each)", f"{len(f.caught)}"),
        ("hangs", f"{f.hangs}"),
        ("duplicate doc_ids", f"{f.duplicate_doc_ids}"),
        ("rows CSV / Parquet / DuckDB", "; ".join(f"{t} {c[0]}/{c[1]}/{c[2]}" for t, c in f.row_counts.items())),
        ("files written outside OUT", f"{len(f.written_outside)}"),
        ("processes left behind", f"{f.orphans}"),
        ("batch time", f"{f.seconds:.0f} s with --jobs {args.jobs} --timeout {args.timeout:g}"),
        ("peak memory (largest process, RSS)", f"{f.peak_rss_mb:.0f} MB"),
        (f"kill -9 ×{args.kill_rounds} at random moments, then a re-run ({n_kill} inputs)",
         ("tables byte-identical to a clean run's" if not kill_problems else "; ".join(kill_problems))
         if args.kill_rounds else "not run (--kill-rounds 0)"),
    ]
    kinds = sorted(f.by_kind)
    out = [
        "# Fault-injection campaign",
        "",
        f"`.venv/bin/python benchmarks/fuzz.py --n {args.n} --seed {args.seed} --jobs {args.jobs} "
        f"--timeout {args.timeout:g}` on a 2-core machine shared with other jobs; {total_s / 60:.0f} min in all. "
        "Inputs from `tests/fault/hostile.py` (seeded: the same seed writes the same files).",
        "",
        "| what | figure |",
        "| --- | --- |",
        *[f"| {a} | {b} |" for a, b in rows],
        "",
        f"Invariants broken: {'; '.join(f.violations) if f.violations else 'none'}.",
        "",
        *([ "Failures caught and logged:", "", *[f"- `{ln[:200]}`" for ln in f.caught[:20]], ""] if f.caught else []),
        "## Rows by kind of input",
        "",
        "| kind | inputs | ok | flagged | error |",
        "| --- | --- | --- | --- | --- |",
        *[f"| {k} | {sum(f.by_kind[k].values())} | {f.by_kind[k]['ok']} | {f.by_kind[k]['flagged']} | "
          f"{f.by_kind[k]['error']} |" for k in kinds],
        "",
    ]
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
