"""Goal reading accuracy (issue 13): the corpus, the real goal set and, once, its unseen third.

Runs `arsred extract` on each set and scores goals.csv against the set's gold with
`tools/eval_goals.py` (the same matching), adding what that tool does not print:

- precision: output rows matched to a gold goal / output rows (an invented goal lowers it);
- fully right: matched goals whose status, target and outcome (where the gold has them) are
  all right / matched goals.

    .venv/bin/python benchmarks/goal_accuracy.py            # corpus + tests/real_goals
    .venv/bin/python benchmarks/goal_accuracy.py --unseen   # also tests/real_goals_unseen (totals only)

Prints a table and writes benchmarks/results/goal_accuracy.md. The unseen set is scored for
its totals only: no per-goal output, so nobody tunes on it.
"""
from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "tools" / "eval_goals.py"
SETS = {
    "corpus": (ROOT / "tests" / "corpus", ROOT / "tests" / "corpus" / "goals"),
    "real_goals": (ROOT / "tests" / "real_goals", ROOT / "tests" / "real_goals" / "gold"),
    "real_goals_unseen": (ROOT / "tests" / "real_goals_unseen", ROOT / "tests" / "real_goals_unseen" / "gold"),
}
RESULTS = ROOT / "benchmarks" / "results" / "goal_accuracy.md"


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_goals", EVAL)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)   # type: ignore[union-attr]
    return mod


def run_arsred(source: Path, out: Path) -> float:
    """arsred extract on the set's reports (one job: the machine is shared); seconds taken."""
    paths = sorted(str(p) for p in source.iterdir() if p.suffix in (".txt", ".pdf"))
    t0 = time.perf_counter()
    subprocess.run([str(ROOT / ".venv" / "bin" / "arsred"), "extract", *paths, "-o", str(out), "--jobs", "1",
                    "--no-cache", "--quiet"], check=True)
    return time.perf_counter() - t0


def score(gold_dir: Path, out: Path) -> dict:
    """Totals over the set: gold goals, found, status/target/outcome right, fully right, rows, precision."""
    ev = _eval_module()
    gold = ev.read_gold(gold_dir)
    rows = ev.read_rows(out)
    t = dict(docs=len(gold), total=0, found=0, status=0, t_n=0, t_ok=0, o_n=0, o_ok=0, full=0, rows=0, matched=0)
    for stem, data in gold.items():
        goals, doc_rows = data.get("goals", []), rows.get(stem, [])
        pairs = ev.match(goals, doc_rows)
        t["total"] += len(goals)
        t["found"] += len(pairs)
        t["rows"] += len(doc_rows)
        t["matched"] += len(pairs)
        for gi, ri in pairs.items():
            g, r = goals[gi], doc_rows[ri]
            ok = ev.norm_status(g.get("status")) == ev.norm_status(r.get("status"))
            t["status"] += ok
            for key, n, k in (("target_value", "t_n", "t_ok"), ("outcome_value", "o_n", "o_ok")):
                if ev.parse_number(g.get(key)) is not None:
                    t[n] += 1
                    right = ev.value_right(g.get(key), r.get(key))
                    t[k] += right
                    ok = ok and right
            t["full"] += ok
    return t


def pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.0f} %)" if b else "–"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--unseen", action="store_true", help="also score tests/real_goals_unseen (totals only)")
    ap.add_argument("--keep", type=Path, help="write the runs' outputs under this folder instead of a temporary one")
    args = ap.parse_args(argv)
    names = ["corpus", "real_goals"] + (["real_goals_unseen"] if args.unseen else [])
    lines = ["# Goal reading accuracy (issue 13)", "",
             "Produced by `benchmarks/goal_accuracy.py`: `arsred extract` on each set, scored with "
             "`tools/eval_goals.py`'s matching. *precision* = output rows matched to a gold goal / output rows; "
             "*fully right* = matched goals whose status, target and outcome (where the gold has them) are all right.",
             "", "| set | documents | goals found | status right | targets right | outcomes right | fully right "
             "| output rows | precision | seconds |", "|---|---|---|---|---|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        for name in names:
            source, gold = SETS[name]
            if not gold.is_dir():
                print(f"{name}: no gold at {gold}, skipped", file=sys.stderr)
                continue
            out = base / name
            secs = run_arsred(source, out)
            t = score(gold, out)
            row = (f"| {name} | {t['docs']} | {pct(t['found'], t['total'])} | {pct(t['status'], t['found'])} "
                   f"| {pct(t['t_ok'], t['t_n'])} | {pct(t['o_ok'], t['o_n'])} | {pct(t['full'], t['found'])} "
                   f"| {t['rows']} | {pct(t['matched'], t['rows'])} | {secs:.1f} |")
            print(row)
            lines.append(row)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
