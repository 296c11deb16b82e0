"""CLI: the three commands, exit codes (--strict, usage), outputs where the summary says."""
from __future__ import annotations

import shutil
import sys
import types
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from batch_fakes import fake_process, make_corpus  # noqa: E402

import arsred  # noqa: E402
from arsred.cli import main  # noqa: E402
from arsred.errors import ExitCode  # noqa: E402
from arsred.options import Options  # noqa: E402

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("cli") / "in"
    d.mkdir()
    shutil.copy(CORPUS / "004_3cec9309cdf15549.txt", d)
    (d / "empty.txt").write_bytes(b"")
    (d / "sub").mkdir()
    (d / "sub" / "broken.pdf").write_bytes(b"%PDF-1.4\n%garbage, no objects\n")
    return d


def test_extract_writes_every_output_and_a_summary(inputs: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(inputs), "-o", str(out), "--jobs", "2", "--timeout", "120"]) == ExitCode.OK
    for name in ("documents", "facts", "checks", "goals"):
        assert (out / f"{name}.csv").exists() and (out / f"{name}.parquet").exists()
    assert (out / "arsred.duckdb").exists()
    docs = pd.read_csv(out / "documents.csv", keep_default_na=False)
    assert list(docs.doc_id) == ["004_3cec9309cdf15549", "empty", "broken"]
    assert sorted(p.stem for p in (out / "documents").glob("*.json")) == sorted(docs.doc_id)
    assert set(docs.loc[docs.doc_id != "004_3cec9309cdf15549", "status"]) == {"error"}
    assert all(docs.loc[docs.status == "error", "error"].str.len() > 0)
    text = capsys.readouterr().out
    assert "3 documents" in text and "error" in text and str(out) in text


def test_strict_exit_code(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["extract", str(inputs / "empty.txt"), "-o", str(out), "--quiet"]
    assert main(args) == ExitCode.OK
    assert main(args + ["--strict"]) == ExitCode.DOCUMENT_FAILED


@pytest.mark.parametrize("argv", [
    ["extract", "/no/such/folder", "-o", "x"],
    ["extract", "."],                                # -o missing
    ["extract", ".", "-o", "x", "--ocr", "maybe"],
    ["dataset", "/no/such/out"],
    ["check", "/no/such/out"],
    ["frobnicate"],
])
def test_usage_errors_exit_64(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        raise SystemExit(main(argv))
    assert exc.value.code == ExitCode.USAGE
    assert "arsred" in capsys.readouterr().err


def test_folder_without_reports_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("x")
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "o"), "-q"]) == ExitCode.USAGE


def test_check_calls_the_check_report(tmp_path: Path, monkeypatch) -> None:
    calls = []
    fake = types.ModuleType("arsred.check_report")
    fake.run_check = lambda out, fail_on_flag: calls.append((out, fail_on_flag)) or 1  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "arsred.check_report", fake)
    assert main(["check", str(tmp_path), "--fail-on-flag"]) == 1
    assert calls == [(tmp_path, True)]


def test_dataset_builds_the_panel(tmp_path: Path, capsys) -> None:
    make_corpus(tmp_path / "in", 8)
    arsred.extract([tmp_path / "in"], tmp_path / "out", Options(jobs=2), process_fn=fake_process)
    assert main(["dataset", str(tmp_path / "out")]) == ExitCode.OK
    panel = pd.read_csv(tmp_path / "out" / "panel.csv")
    assert len(panel) == len(panel.drop_duplicates(["org_id", "year"])) > 0
    assert "panel" in capsys.readouterr().out


def test_encrypted_and_corrupt_pdfs_are_error_rows_the_rest_completes(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    sys.path.insert(0, str(Path(__file__).parent.parent / "tools"))
    render = pytest.importorskip("render_report")
    src = tmp_path / "in"
    src.mkdir()
    text = (CORPUS / "004_3cec9309cdf15549.txt").read_text(encoding="utf-8")
    render.render_text_pdf(text, src / "locked.pdf", encrypt_password="hemligt")
    good = src / "good.pdf"
    render.render_text_pdf(text, good)
    (src / "truncated.pdf").write_bytes(good.read_bytes()[: len(good.read_bytes()) // 3])
    out = tmp_path / "out"
    assert main(["extract", str(src), "-o", str(out), "-q", "--strict", "--timeout", "120"]) == \
        ExitCode.DOCUMENT_FAILED
    docs = pd.read_csv(out / "documents.csv", keep_default_na=False).set_index("doc_id")
    assert docs.loc["good", "status"] in ("ok", "flagged") and docs.loc["good", "n_facts"] > 0
    assert docs.loc["locked", "status"] == "error" and "encrypted" in docs.loc["locked", "error"]
    assert docs.loc["truncated", "status"] == "error" and docs.loc["truncated", "error"]
