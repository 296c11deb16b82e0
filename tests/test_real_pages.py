"""Real statement pages (tests/real, dev set): recall, and no wrong figure.

The held-out third (tests/real_unseen) is scored by `benchmarks/real_accuracy.py --unseen`,
never here: a test over it would invite tuning to it.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import arsred
from arsred.options import Options

ROOT = Path(__file__).resolve().parent.parent
PAGES, GOLD = ROOT / "tests/real/pages", ROOT / "tests/real/gold"
# the 18 pages copied from ../shared/real (prose left out): every figure read must be right
SHARED_COPIES = ("gnesta_", "goteborg_", "helsingborg_", "lulea_", "malmo_", "rtjamtland_", "samiljo_",
                 "stockholm_", "varmdo_")


@pytest.fixture(scope="module")
def scored(tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("real")
    arsred.extract_reports([PAGES], out_dir=out, options=Options(jobs=2), use_cache=False)
    text = subprocess.run([sys.executable, str(ROOT / "tools/eval_gold.py"), str(GOLD), str(out)],
                          capture_output=True, text=True, check=True).stdout
    last = text.strip().splitlines()[-1].split()
    return {"text": text, **{last[i]: last[i + 1] for i in range(0, len(last) - 1) if not last[i][0].isdigit()}}


@pytest.mark.slow
def test_no_figure_on_a_real_page_is_wrong(scored) -> None:
    assert int(scored["wrong_values"]) == 0, scored["text"]
    shared_copies = [line for line in scored["text"].splitlines() if line.startswith(SHARED_COPIES)]
    assert shared_copies and all("wrong values 0" in line for line in shared_copies), scored["text"]


@pytest.mark.slow
def test_recall_on_real_pages(scored) -> None:
    assert float(scored["recall"]) >= 0.70, scored["text"]


@pytest.mark.slow
def test_verified_figures_are_right(scored) -> None:
    assert float(scored.get("verified_precision", "1")) >= 0.95, scored["text"]
