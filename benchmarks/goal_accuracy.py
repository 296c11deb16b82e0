"""Goal reading accuracy (issue 13): the corpus, the real goal set and, once, its unseen third.

Runs `arsred extract` on each set and scores goals.csv against the set's gold with
`tools/eval_goals.py` (the same matching), adding what that tool does not print:

- precision: output rows matched to a gold goal / output rows (an invented goal lowers it);
- fully right: matched goals whose status, target and outcome (where the gold has them) are
  all right / matched goals.

    .venv/bin/python benchmarks/goal_accuracy.py            # corpus + tests/real_goals (as stored, run into one line, cell blocks)
    .venv/bin/python benchmarks/goal_accuracy.py --unseen   # also tests/real_goals_unseen (totals only)

Prints a table and writes benchmarks/results/goal_accuracy.md. The unseen set is scored for
its totals only: no per-goal output, so nobody tunes on it.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "corpus": (ROOT / "tests" / "corpus", ROOT / "tests" / "corpus" / "goals"),
    "real_goals": (ROOT / "tests" / "real_goals", ROOT / "tests" / "real_goals" / "gold"),
    "real_goals_unseen": (ROOT / "tests" / "real_goals_unseen", ROOT / "tests" / "real_goals_unseen" / "gold"),
}
RESULTS = ROOT / "benchmarks" / "results" / "goal_accuracy.md"
sys.path.insert(0, str(ROOT))

from tools.goal_score import eval_goals, score  # noqa: E402


def run_arsred(source: Path, out: Path) -> float:
    """arsred extract on the set's reports (one job: the machine is shared); seconds taken."""
    paths = sorted(str(p) for p in source.iterdir() if p.suffix in (".txt", ".pdf"))
    t0 = time.perf_counter()
    subprocess.run([str(ROOT / ".venv" / "bin" / "arsred"), "extract", *paths, "-o", str(out), "--jobs", "1",
                    "--no-cache", "--quiet"], check=True)
    return time.perf_counter() - t0


def one_line_copy(source: Path, out: Path) -> Path:
    """The set's pages with every line break lost, as a stored web page often has them."""
    out.mkdir(parents=True, exist_ok=True)
    for p in source.glob("*.txt"):
        text = p.read_text(encoding="utf-8")
        (out / p.name).write_text(" ".join(ln.strip() for ln in text.splitlines() if ln.strip()) + "\n", encoding="utf-8")
    return out


def cell_blocks_copy(source: Path, out: Path) -> Path:
    """The set's pages with every line and every table cell a block of its own, blank lines between.

    How an HTML page's cells and paragraphs come out of many text exporters: no two cells share
    a line and nothing tells a table row from the next.
    """
    out.mkdir(parents=True, exist_ok=True)
    for p in source.glob("*.txt"):
        cells = [c.strip() for ln in p.read_text(encoding="utf-8").splitlines() for c in ln.split("\t")]
        (out / p.name).write_text("\n\n".join(c for c in cells if c) + "\n", encoding="utf-8")
    return out


def score_run(gold_dir: Path, out: Path) -> dict:
    """Totals over the set: gold goals, found, status/target/outcome right, fully right, output rows."""
    ev = eval_goals()
    return score(ev.read_gold(gold_dir), ev.read_rows(out))


def pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.0f} %)" if b else "–"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--unseen", action="store_true", help="also score tests/real_goals_unseen (totals only)")
    ap.add_argument("--keep", type=Path, help="write the runs' outputs under this folder instead of a temporary one")
    args = ap.parse_args(argv)
    names = ["corpus", "real_goals", "real_goals_one_line", "real_goals_cell_blocks"] + (["real_goals_unseen"] if args.unseen else [])
    lines = ["# Goal reading accuracy (issue 13)", "",
             "Produced by `benchmarks/goal_accuracy.py`: `arsred extract` on each set, scored with "
             "`tools/eval_goals.py`'s matching. *precision* = output rows matched to a gold goal / output rows; "
             "*fully right* = matched goals whose status, target and outcome (where the gold has them) are all right. "
             "*real_goals_one_line*: the same pages with every line break lost (a stored page run into one line); "
             "*real_goals_cell_blocks*: every line and table cell a block of its own, blank lines between.",
             "", "| set | documents | goals found | status right | targets right | outcomes right | fully right "
             "| output rows | precision | seconds |", "|---|---|---|---|---|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        for name in names:
            source, gold = SETS.get(name, SETS["real_goals"])
            if name == "real_goals_one_line":
                source = one_line_copy(source, base / "one_line_source")
            elif name == "real_goals_cell_blocks":
                source = cell_blocks_copy(source, base / "cell_blocks_source")
            if not gold.is_dir():
                print(f"{name}: no gold at {gold}, skipped", file=sys.stderr)
                continue
            out = base / name
            secs = run_arsred(source, out)
            t = score_run(gold, out)
            row = (f"| {name} | {t['docs']} | {pct(t['found'], t['total'])} | {pct(t['status'], t['found'])} "
                   f"| {pct(t['t_ok'], t['t_n'])} | {pct(t['o_ok'], t['o_n'])} | {pct(t['full'], t['found'])} "
                   f"| {t['rows']} | {pct(t['found'], t['rows'])} | {secs:.1f} |")
            print(row)
            lines.append(row)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
