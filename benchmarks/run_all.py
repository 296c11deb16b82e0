"""Run every benchmark (`make bench`); each writes its table to benchmarks/results/.

Speed is measured here, never in timed tests: ratios against bare pdfplumber and bare
tesseract on the same pages, throughput and memory of the batch runner, repair accuracy.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = [
    ["pdf_speed.py"],
    ["repair_accuracy.py"],
    ["real_accuracy.py"],
    ["table_speed.py"],
    ["ocr_speed.py", "--pages", "4"],
    ["batch_throughput.py", "--n", "1000"],
]


def main() -> int:
    failed = 0
    for run in RUNS:
        print(f"== {' '.join(run)}", flush=True)
        failed += subprocess.call([sys.executable, str(HERE / run[0]), *run[1:]], cwd=HERE.parent) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
