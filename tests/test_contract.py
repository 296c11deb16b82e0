"""benchmarks/contract.py: an `ok` document holding a wrong verified figure is named; one whose
wrong figure is unverified, or that is not `ok`, is not."""
from __future__ import annotations

import csv
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLUG = "lulea_2018_rr"          # a real page with gold (tests/real/gold, from ../shared/real)


def _contract():
    spec = importlib.util.spec_from_file_location("contract", ROOT / "benchmarks/contract.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["contract"] = module              # its dataclass looks its module up by name
    spec.loader.exec_module(module)
    return module.contract


def _run(tmp: Path, status: str, wrong_verified: bool) -> Path:
    """An extraction run that read every gold figure right and verified it, but one."""
    gold = json.loads((ROOT / f"tests/real/gold/{SLUG}.json").read_text(encoding="utf-8"))
    out = tmp / "out"
    out.mkdir()
    rows = []
    for k, g in enumerate(gold["facts"]):
        value = g["value_sek"] + (1000 if k == 0 else 0)       # the first figure read a thousand off
        rows.append({"doc_id": SLUG, "statement": g["statement"], "note": g.get("note") or "",
                     "label": g["label"], "period": g["period"], "column": g["column"],
                     "scope": g.get("scope", ""), "value_sek": value,
                     "verified": str(k != 0 or wrong_verified)})
    with (out / "facts.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    (out / "documents.csv").write_text(f"doc_id,status\n{SLUG},{status}\n", encoding="utf-8")
    return out


def test_an_ok_document_with_a_wrong_verified_figure_breaks_the_contract(tmp_path):
    result = _contract()(ROOT / "tests/real/gold", _run(tmp_path, "ok", wrong_verified=True))
    assert list(result.breaches) == [SLUG] and len(result.breaches[SLUG]) == 1
    assert result.n_ok == 1 and result.verified_share == 1.0
    assert "ok_with_wrong_verified 1 of 1" in result.summary()


def test_a_wrong_figure_left_unverified_or_a_flagged_document_keeps_it(tmp_path):
    unverified = _contract()(ROOT / "tests/real/gold", _run(tmp_path, "ok", wrong_verified=False))
    assert not unverified.breaches and unverified.verified_share < 1.0
    (tmp_path / "out").rename(tmp_path / "first")
    flagged = _contract()(ROOT / "tests/real/gold", _run(tmp_path, "flagged", wrong_verified=True))
    assert not flagged.breaches and flagged.n_ok == 0
