"""A small fault-injection campaign through the command line (the full one: benchmarks/fuzz.py).

Seeded hostile inputs of every kind (tests/fault/hostile.py) in one batch: one row per input,
a message on every error row, no hang, no traceback, unique doc_ids, the same row counts in
CSV, Parquet and DuckDB, nothing written outside OUT, no process left behind; then the same
batch killed with SIGKILL at random moments and re-run ends with the clean run's tables.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.fault.hostile import Material, campaign, check_run, kill_and_resume, run_extract, write_campaign
from tests.fault.hostile import _snapshot as snapshot

ARGS = ["--jobs", "2", "--timeout", "600", "--dpi", "72"]


@pytest.mark.slow
def test_a_small_campaign_of_hostile_inputs(tmp_path: Path) -> None:
    inputs = campaign(20, seed=11, m=Material(tmp_path / "material", n_pdfs=2), heavy=False, specials=3)
    assert len({h.kind for h in inputs}) >= 8
    src = tmp_path / "src"
    write_campaign(src, inputs)
    before = snapshot(src)
    run = run_extract(src, tmp_path / "out", ARGS, deadline=900, scratch=tmp_path / "scratch")
    figures = check_run(inputs, src, tmp_path / "out", run, tmp_path / "scratch", before)
    assert not figures.violations, figures.violations
    assert figures.rows == len(inputs) and figures.internal_errors == 0
    assert "?" not in figures.by_kind, "a row that names no input"
    assert figures.by_kind["special"]["error"] == 3
    problems = kill_and_resume(src, tmp_path / "killed", ARGS, rounds=1, rng=random.Random(5),
                               scratch=tmp_path / "scratch2", reference=tmp_path / "out", deadline=900, max_wait=4)
    assert not problems, problems
