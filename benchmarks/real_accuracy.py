"""Accuracy on real statement pages: recall, wrong values, hard facts, verified precision, the proof contract.

    python benchmarks/real_accuracy.py            # tests/real (dev), ../shared/real and ../shared/corpus when present
    python benchmarks/real_accuracy.py --unseen   # also tests/real_unseen: the held-out third

Each set is extracted with the CLI into a temporary folder and scored with tools/eval_gold.py
(the project's copy of the shared scorer) and benchmarks/contract.py (documents `ok` yet holding
a wrong verified figure; the share of the figures found that are verified) and
benchmarks/unmatched.py (figures the gold does not have, and the verified ones among them). The table goes to
benchmarks/results/real_accuracy.md.
"""
from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from contract import contract  # noqa: E402  (a sibling script, not a package)
from unmatched import unmatched  # noqa: E402

SETS = {
    "tests/real (dev)": (ROOT / "tests/real/pages", ROOT / "tests/real/gold"),
    "../shared/real": (ROOT.parent / "shared/real", ROOT.parent / "shared/real/gold"),
    "../shared/corpus": (ROOT.parent / "shared/corpus", ROOT.parent / "shared/corpus/gold"),
}
UNSEEN = {"tests/real_unseen (held out)": (ROOT / "tests/real_unseen/pages", ROOT / "tests/real_unseen/gold")}


def score(pages: Path, gold: Path) -> tuple[str, str]:
    """The scorer's summary line and the contract's."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([str(Path(sys.executable).parent / "arsred"), "extract", str(pages), "-o", tmp, "--quiet", "--no-cache"],
                       cwd=ROOT, check=False, capture_output=True)
        out = subprocess.run([sys.executable, str(ROOT / "tools/eval_gold.py"), str(gold), tmp],
                             capture_output=True, text=True).stdout
        docs = Path(tmp) / "documents.csv"
        statuses = [line.split(",")[8] for line in docs.read_text(encoding="utf-8").splitlines()[1:]] \
            if docs.exists() else []
        proof = (f"{contract(gold, Path(tmp)).summary()}; {unmatched(gold, Path(tmp)).summary()}"
                 if (Path(tmp) / "facts.csv").exists() else "no facts")
    last = out.strip().splitlines()[-1] if out.strip() else "no output"
    if last.startswith("no facts.csv"):
        n_gold = len(list(gold.glob("*.json")))
        last = f"recall 0.000: no figure read; {statuses.count('error')} of {n_gold} documents end as error"
    return last, proof


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--unseen", action="store_true", help="also score the held-out pages")
    args = ap.parse_args()
    sets = dict(SETS, **(UNSEEN if args.unseen else {}))
    rows = []
    for name, (pages, gold) in sets.items():
        if not pages.is_dir():
            continue
        started = time.perf_counter()
        line, proof = score(pages, gold)
        rows.append((name, line, proof, time.perf_counter() - started))
        print(f"{name}: {line}\n  contract: {proof}", flush=True)
    report = ["# Real statement pages", "",
              f"Machine: {platform.machine()}, {platform.python_version()}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
              "", "| set | score (tools/eval_gold.py) | proof contract (benchmarks/contract.py) | seconds |",
              "| --- | --- | --- | --- |"]
    report += [f"| {n} | {line} | {proof} | {s:.0f} |" for n, line, proof, s in rows]
    (ROOT / "benchmarks/results/real_accuracy.md").write_text("\n".join(report) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
