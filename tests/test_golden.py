"""Golden outputs: every fact of every corpus and genre report, compared exactly.

Regenerate after an intended change with `ARSRED_UPDATE_GOLDEN=1 pytest tests/test_golden.py`;
the run that regenerates fails on purpose, so the switch cannot be left on unnoticed.
"""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from arsred.pipeline import process_document
from tests.helpers import ROOT

GOLDEN = ROOT / "tests" / "golden"
COLUMNS = ["statement", "note", "item", "label", "label_raw", "period", "column", "value_sek", "printed",
           "unit", "page", "line", "suggested_value_sek"]
INPUTS = [p for folder in ("corpus", "genre", "genre2", "genre3") for p in sorted((ROOT / "tests" / folder).glob("*.txt"))]
UPDATE = os.environ.get("ARSRED_UPDATE_GOLDEN") == "1"


def render(path: Path) -> str:
    result = process_document(str(path))
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for fact in result.facts:
        row = fact.to_dict()
        writer.writerow({k: "" if row[k] is None else row[k] for k in COLUMNS})
    return out.getvalue()


@pytest.mark.parametrize("path", INPUTS, ids=[p.stem for p in INPUTS])
def test_facts_match_golden(path):
    golden = GOLDEN / f"{path.stem}.facts.csv"
    got = render(path)
    if UPDATE:
        golden.write_text(got, encoding="utf-8")
        pytest.fail(f"regenerated {golden.name}; unset ARSRED_UPDATE_GOLDEN and run again")
    assert golden.exists(), f"no golden file {golden.name}: run with ARSRED_UPDATE_GOLDEN=1 once"
    expected = golden.read_text(encoding="utf-8")
    if got != expected:
        exp, new = expected.splitlines(), got.splitlines()
        gone = [line for line in exp if line not in set(new)][:5]
        added = [line for line in new if line not in set(exp)][:5]
        pytest.fail(f"{path.stem}: facts differ from golden\n  missing: {gone}\n  new: {added}")
