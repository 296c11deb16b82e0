"""`arsred check OUT`: flagged documents and their failing checks as a table."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from arsred.check_report import run_check
from arsred.errors import ArsredError


def write(path: Path, rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


def out_dir(tmp_path: Path, flagged: bool) -> Path:
    write(tmp_path / "documents.csv", [{"doc_id": "a", "status": "flagged" if flagged else "ok"},
                                       {"doc_id": "b", "status": "ok"}])
    write(tmp_path / "checks.csv", [
        {"doc_id": "a", "check": "kf.kassaflode_lopande", "statement": "kassaflodesanalys", "period": "2022",
         "status": "fail" if flagged else "pass", "difference_sek": "-195000", "severity": "error",
         "message": "Kassaflöde från den löpande verksamheten -872 000 ≠ 195 000 + 37 000 + -909 000 = -677 000",
         "suggestion": ""},
        {"doc_id": "b", "check": "sum_rows", "statement": "balansrakning", "period": "2022", "status": "pass",
         "difference_sek": "0", "severity": "error", "message": "ok", "suggestion": ""}])
    return tmp_path


def test_flagged_document_is_listed_and_exit_code_guards(tmp_path, capsys):
    assert run_check(out_dir(tmp_path, True), fail_on_flag=True) == 1
    text = capsys.readouterr().out
    assert "kassaflodesanalys" in text and "2022" in text and "-195 000" in text and "-872 000" in text
    assert run_check(tmp_path, fail_on_flag=False) == 0


def test_clean_run_exits_zero(tmp_path, capsys):
    assert run_check(out_dir(tmp_path, False), fail_on_flag=True) == 0
    assert "flagged: none" in capsys.readouterr().out


def test_missing_outputs_say_what_to_do(tmp_path):
    with pytest.raises(ArsredError, match="arsred extract"):
        run_check(tmp_path, fail_on_flag=True)


def test_long_document_ids_are_shown_whole(tmp_path, capsys):
    """An archive's ids differ at their end (the year): the table wraps an id longer than its column
    instead of cutting it, so two flagged reports of one förbund can be told apart."""
    ids = ["samordningsforbundet_harnosand_timra_arsredovisning_2021",
           "samordningsforbundet_harnosand_timra_arsredovisning_2022"]
    write(tmp_path / "documents.csv", [{"doc_id": d, "status": "flagged"} for d in ids])
    write(tmp_path / "checks.csv", [
        {"doc_id": d, "check": "kf.kassaflode_lopande", "statement": "kassaflodesanalys", "period": d[-4:],
         "status": "fail", "difference_sek": "-195000", "severity": "error",
         "message": "Kassaflöde från den löpande verksamheten -872 000 ≠ -677 000", "suggestion": ""} for d in ids])
    run_check(tmp_path, fail_on_flag=False)
    table = capsys.readouterr().out.split("\n\n", 1)[1]
    cells = [line[:28].strip() for line in table.splitlines()[2:]]
    joined = "".join(cells)
    assert ids[0] in joined and ids[1] in joined and "…" not in table
