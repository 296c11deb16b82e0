"""CLI: the three commands, exit codes (--strict, usage), outputs where the summary says."""
from __future__ import annotations

import shutil
import sys
import types
from pathlib import Path

import duckdb
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
    arsred.extract_reports([tmp_path / "in"], tmp_path / "out", Options(jobs=2), process_fn=fake_process)
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
    # read (its budget declares no unit, so its figures are not proven: unverified), not an error
    assert docs.loc["good", "status"] in ("ok", "flagged", "unverified") and docs.loc["good", "n_facts"] > 0
    assert docs.loc["locked", "status"] == "error" and "encrypted" in docs.loc["locked", "error"]
    assert docs.loc["truncated", "status"] == "error" and docs.loc["truncated", "error"]
    # nothing was put to the proof and no page was read: empty, not a share of 0 % or 0 pages
    assert docs.loc["locked", "verified_share"] == "" and docs.loc["locked", "pages"] == ""
    assert docs.loc["good", "verified_share"] != "" and int(docs.loc["good", "pages"]) > 0


@pytest.mark.parametrize("extra", [
    ["--cache-dir", "/proc/nope"],
    ["--timeout", "0"],
    ["--timeout", "-5"],
    ["--jobs", "-1"],
    ["--dpi", "50"],
    ["--max-memory", "0"],
    ["--ocr-lang", "xx_no_such_model"],
])
def test_bad_options_are_one_line_usage_errors(extra: list[str], tmp_path: Path, capsys) -> None:
    if "--ocr-lang" in extra and not shutil.which("tesseract"):
        pytest.skip("tesseract not installed")
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(CORPUS / "004_3cec9309cdf15549.txt", src)
    (src / "a.pdf").write_bytes(b"%PDF-1.4\n%garbage\n")
    assert main(["extract", str(src), "-o", str(tmp_path / "out"), "-q", *extra]) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert err.startswith("arsred: ") and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "out" / "documents.csv").exists()


def test_out_that_is_a_file_is_a_usage_error(tmp_path: Path, capsys) -> None:
    (tmp_path / "in.txt").write_text((CORPUS / "004_3cec9309cdf15549.txt").read_text(encoding="utf-8"))
    (tmp_path / "out").write_text("I am a file")
    assert main(["extract", str(tmp_path / "in.txt"), "-o", str(tmp_path / "out"), "-q"]) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert err.startswith("arsred: ") and "not a folder" in err and len(err.strip().splitlines()) == 1


@pytest.fixture()
def not_a_scheduler():
    """Addresses that are not a Dask scheduler: a real HTTP server, a socket that accepts and never talks, a closed port."""
    import http.server
    import socket
    import threading

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(4)
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))   # bound, never listening: connections are refused
    try:
        yield {"http": f"tcp://127.0.0.1:{httpd.server_address[1]}",
               "silent": f"tcp://127.0.0.1:{silent.getsockname()[1]}",
               "closed": f"tcp://127.0.0.1:{closed.getsockname()[1]}"}
    finally:
        httpd.shutdown()
        httpd.server_close()
        silent.close()
        closed.close()


@pytest.mark.parametrize("kind", ["http", "silent", "closed"])
def test_a_scheduler_that_is_not_dask_is_one_usage_line_in_bounded_time(kind: str, not_a_scheduler, tmp_path: Path,
                                                                        capsys) -> None:
    """An HTTP server used to hang the run, a proxy's answer gave a 48-line traceback: now one line, exit 64."""
    import time
    pytest.importorskip("distributed")
    address = not_a_scheduler[kind]
    (tmp_path / "in.txt").write_text("x")
    t = time.monotonic()
    assert main(["extract", str(tmp_path / "in.txt"), "-o", str(tmp_path / "out"), "-q",
                 "--scheduler", address, "--scheduler-timeout", "1"]) == ExitCode.USAGE
    assert time.monotonic() - t < 5
    err = capsys.readouterr().err
    assert err.startswith(f"arsred: cannot use the Dask scheduler at {address}: ")
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out" / "documents").exists()    # stopped before any work


def test_the_scheduler_is_checked_even_when_every_input_is_cached(not_a_scheduler, tmp_path: Path, capsys) -> None:
    pytest.importorskip("distributed")
    (tmp_path / "in.txt").write_text((CORPUS / "004_3cec9309cdf15549.txt").read_text(encoding="utf-8"))
    out = tmp_path / "out"
    assert main(["extract", str(tmp_path / "in.txt"), "-o", str(out), "-q"]) == ExitCode.OK
    assert main(["extract", str(tmp_path / "in.txt"), "-o", str(out), "-q",
                 "--scheduler", not_a_scheduler["http"], "--scheduler-timeout", "1"]) == ExitCode.USAGE
    assert "cannot use the Dask scheduler" in capsys.readouterr().err


def test_a_scheduler_address_of_a_scheme_dask_has_not_is_a_usage_line(not_a_scheduler, tmp_path: Path, capsys) -> None:
    """'http://…' (the dashboard's address, an easy slip) was accepted and the run exited 0."""
    pytest.importorskip("distributed")
    (tmp_path / "in.txt").write_text("x")
    address = "http://" + not_a_scheduler["http"].split("://")[-1]
    assert main(["extract", str(tmp_path / "in.txt"), "-o", str(tmp_path / "out"), "-q",
                 "--scheduler", address]) == ExitCode.USAGE
    assert "http:// is no Dask scheduler address" in capsys.readouterr().err


def test_scheduler_timeout_must_be_positive(tmp_path: Path, capsys) -> None:
    (tmp_path / "in.txt").write_text("x")
    assert main(["extract", str(tmp_path / "in.txt"), "-o", str(tmp_path / "out"),
                 "--scheduler-timeout", "0"]) == ExitCode.USAGE
    assert "--scheduler-timeout must be more than 0" in capsys.readouterr().err


def _fake_extract(monkeypatch) -> None:
    import arsred.api
    real = arsred.api.extract_reports
    monkeypatch.setattr(arsred.api, "extract_reports", lambda *a, **k: real(*a, **{"process_fn": fake_process, **k}))


def test_summary_grammar_and_non_canonical_rows(tmp_path: Path, capsys, monkeypatch) -> None:
    _fake_extract(monkeypatch)
    src = tmp_path / "in"
    make_corpus(src, 1)
    with (src / "r0000.txt").open("a") as f:
        f.write("rr.egen_rad_ur_etiketten 2015 12\n")   # not from the synonym table
    assert main(["extract", str(src), "-o", str(tmp_path / "out")]) == ExitCode.OK
    text = capsys.readouterr().out
    assert "arsred: 1 document (0 from cache)" in text and "1 check," in text and "1 goal" in text
    assert "1 row without a canonical item (see item_coverage where not canonical)" in text
    # the summary's pointer leads to that row: the view says which items are not from the synonym table
    con = duckdb.connect(str(tmp_path / "out" / "arsred.duckdb"), read_only=True)
    rows = con.execute("SELECT item, facts FROM item_coverage WHERE NOT canonical").fetchall()
    assert rows == [("rr.egen_rad_ur_etiketten", 1)]
    assert con.execute("SELECT count(*) FROM item_coverage WHERE canonical").fetchone()[0] >= 1
    con.close()
    assert "1 documents" not in text and "1 checks" not in text
    assert "arsred dataset" in text
    res = arsred.extract_reports([src], None, Options(jobs=1), process_fn=fake_process)
    assert res.stats.non_canonical_rows == 1


def test_quiet_prints_nothing_on_success_and_only_errors_otherwise(tmp_path: Path, capsys, monkeypatch) -> None:
    _fake_extract(monkeypatch)
    src = tmp_path / "in"
    make_corpus(src, 2)
    assert main(["extract", str(src), "-o", str(tmp_path / "out"), "-q"]) == ExitCode.OK
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
    (src / "empty.txt").write_bytes(b"")
    (src / "gone.txt").symlink_to(src / "missing.txt")
    assert main(["extract", str(src), "-o", str(tmp_path / "out"), "-q"]) == ExitCode.OK
    captured = capsys.readouterr()
    assert captured.out == ""
    # only the summary: no `WARNING arsred.runner: …` line repeating each failure before it
    lines = captured.err.splitlines()
    assert lines[0] == "arsred: 2 documents could not be read (status error):"
    assert [ln.split(":")[0] for ln in lines[1:]] == ["  error empty", "  error gone"]


def test_check_reports_documents_that_could_not_be_read(tmp_path: Path, capsys) -> None:
    src = tmp_path / "in"
    make_corpus(src, 2)
    (src / "empty.txt").write_bytes(b"")
    arsred.extract_reports([src], tmp_path / "out", Options(jobs=1), process_fn=fake_process)
    assert main(["check", str(tmp_path / "out")]) == ExitCode.OK
    text = capsys.readouterr().out
    assert "1 document could not be read (status error): empty" in text
    assert main(["check", str(tmp_path / "out"), "--fail-on-flag"]) == ExitCode.FLAGGED
    capsys.readouterr()
    (src / "empty.txt").unlink()
    arsred.extract_reports([src], tmp_path / "out", Options(jobs=1), process_fn=fake_process)
    assert main(["check", str(tmp_path / "out"), "--fail-on-flag"]) == ExitCode.OK
    assert "could not be read" not in capsys.readouterr().out


@pytest.mark.slow
def test_the_wheel_installs_only_the_arsred_package(tmp_path: Path) -> None:
    """extract/ and normalize/ stay at the repository's top but install as arsred.extract, arsred.normalize."""
    import shutil
    import subprocess
    import zipfile
    root = Path(__file__).resolve().parent.parent
    # built from a copy of the sources alone: a checkout's stale build/ would fill the gaps
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(root / name, src / name)
    for top in ("arsred", "extract", "normalize"):
        shutil.copytree(root / top, src / top, ignore=shutil.ignore_patterns("__pycache__"))
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", str(src), "-w", str(tmp_path), "-q"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    names = zipfile.ZipFile(next(tmp_path.glob("arsred-*.whl"))).namelist()
    assert {n.split("/")[0] for n in names if ".dist-info/" not in n} == {"arsred"}
    # every module of the three source folders is in the wheel: a sub-package missing from
    # pyproject's hand-kept list would import in the editable checkout and fail when installed
    sources = {f"arsred/{p.relative_to(root / top).as_posix()}" if top == "arsred"
               else f"arsred/{top}/{p.relative_to(root / top).as_posix()}"
               for top in ("arsred", "extract", "normalize") for p in (root / top).rglob("*.py")}
    assert sources <= set(names), sorted(sources - set(names))
    assert any(n.startswith("arsred/extract/data/") for n in names)


def test_the_summary_says_what_was_skipped_and_why(tmp_path: Path, capsys) -> None:
    src = tmp_path / "in"
    (src / "reports").mkdir(parents=True)
    (src / "reports" / "empty.txt").write_bytes(b"")
    (src / "linked").symlink_to(src / "reports")
    (src / "gone.txt").symlink_to(src / "missing.txt")
    for quiet in ([], ["--quiet"]):
        assert main(["extract", str(src), "-o", str(tmp_path / "out"), "--jobs", "1", *quiet]) == ExitCode.OK
        printed = capsys.readouterr()
        text = printed.err if quiet else printed.out
        assert "skipped" in text and "linked: a link to a folder, not followed" in text
        assert "gone" in text and "a symbolic link to a missing file" in text


def test_a_failure_caught_below_the_cli_is_one_line_not_a_traceback(inputs: Path, tmp_path: Path, capfd,
                                                                     monkeypatch) -> None:
    import arsred.pipeline

    def broken(*a, **k):
        raise ValueError("invalid literal for int() with base 10: '90¹'")

    monkeypatch.setattr(arsred.pipeline, "extract_document", broken)   # forked children inherit it
    src = inputs / "004_3cec9309cdf15549.txt"
    assert main(["extract", str(src), "-o", str(tmp_path / "out"), "--jobs", "1", "--quiet", "--no-cache"]) == 0
    err = capfd.readouterr().err
    assert "Traceback" not in err and "ValueError: invalid literal" in err
    assert main(["extract", str(src), "-o", str(tmp_path / "out"), "--jobs", "1", "--quiet", "--no-cache",
                 "--verbose"]) == 0
    assert "Traceback" in capfd.readouterr().err


def test_summary_counts_every_status(tmp_path: Path, capsys) -> None:
    """The closing summary names unverified documents too, so its counts add up to the batch."""
    import re
    src = tmp_path / "in"
    src.mkdir()
    for name in ("001_417f4babd9b8cbcc.txt", "004_3cec9309cdf15549.txt"):   # 004 declares no unit: unverified
        shutil.copy(CORPUS / name, src / name)
    (src / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    main(["extract", str(src), "-o", str(out), "--no-cache"])
    summary = capsys.readouterr().out
    counts = {k: int(v) for k, v in re.findall(r"\b(ok|flagged|unverified|error) (\d+)", summary)}
    statuses = pd.read_csv(out / "documents.csv")["status"].value_counts().to_dict()
    assert counts == {s: statuses.get(s, 0) for s in ("ok", "flagged", "unverified", "error")}
    assert sum(counts.values()) == 3 and counts["unverified"] >= 1 and counts["error"] == 1


def test_check_into_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    """`arsred check OUT | head -1`: the reader leaves early; no BrokenPipeError traceback."""
    import subprocess

    src = tmp_path / "in"
    make_corpus(src, 3)
    arsred.extract_reports([src], tmp_path / "out", Options(jobs=1), process_fn=fake_process)
    arsred_bin = Path(sys.executable).parent / "arsred"
    proc = subprocess.run(f"'{arsred_bin}' check '{tmp_path / 'out'}' | head -c 1", shell=True,
                          capture_output=True, text=True, check=False)
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr, proc.stderr


def test_check_names_figures_from_running_text_and_of_the_group(tmp_path: Path) -> None:
    from arsred.check_report import figure_origins

    (tmp_path / "facts.csv").write_text("doc_id,scope,source\na,entity,text\na,group,table\na,group,table\n"
                                        "b,entity,table\n", encoding="utf-8")
    got = figure_origins(tmp_path / "facts.csv", {"a", "b"})
    assert got == {"a": "; of which 1 from running text (source text), 2 the group's (scope group)", "b": ""}


@pytest.mark.parametrize("tool", ["eval_gold.py", "eval_goals.py"])
def test_a_tools_help_names_only_files_that_exist(tool: str) -> None:
    """eval_gold.py --help pointed at ../DESIGN.md and ../corpus/GOLD_FORMAT.md, outside the repository."""
    import re
    import subprocess
    root = Path(__file__).resolve().parent.parent
    if not (root / "tools" / tool).exists():
        pytest.skip(f"no tools/{tool}")
    proc = subprocess.run([sys.executable, str(root / "tools" / tool), "--help"], capture_output=True, text=True,
                          check=True)
    named = re.findall(r"[\w./-]+\.md\b", proc.stdout)
    assert all((root / n).exists() for n in named), named


HEAVY = ("pandas", "pyarrow", "duckdb", "dask", "distributed", "numpy", "pdfplumber", "psutil", "rapidfuzz",
         "wordfreq", "tqdm", "PIL")
IMPORTED = """import sys
from arsred.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(code, ' '.join(sorted({m.split('.')[0] for m in sys.modules} & set(HEAVY))))
"""


def _imports(argv: list[str]) -> tuple[str, set[str]]:
    """Run the CLI in a fresh interpreter: its exit code and the heavy packages it imported."""
    import subprocess
    proc = subprocess.run([sys.executable, "-c", f"HEAVY = {HEAVY!r}\n" + IMPORTED, *argv], capture_output=True,
                          text=True, check=True, cwd=Path(__file__).parent.parent)
    code, _, mods = proc.stdout.strip().splitlines()[-1].partition(" ")
    return code, set(mods.split())


def test_help_and_a_one_document_run_import_only_what_they_need(tmp_path: Path) -> None:
    """`arsred --help` imports none of the heavy packages; a one-document run writes CSV, Parquet and DuckDB
    without pandas (Arrow tables), and a clean text loads no repair lexicon."""
    code, mods = _imports(["--help"])
    assert code == "0" and mods == set()
    code, mods = _imports(["extract", str(CORPUS / "004_3cec9309cdf15549.txt"), "-o", str(tmp_path / "out"),
                           "--jobs", "1", "-q", "--no-cache"])
    assert code == "0" and (tmp_path / "out" / "facts.parquet").exists()
    assert "pandas" not in mods and "wordfreq" not in mods and "dask" not in mods
    assert {"pyarrow", "duckdb"} <= mods        # what writes the contract's Parquet and arsred.duckdb


def test_the_summary_rate_of_a_slow_batch_is_not_zero() -> None:
    """Two scanned reports OCR'd in 170 s on a shared machine: the summary said '0.0 docs/s, 0.0 pages/s'."""
    from arsred.cli import per_second
    assert per_second(2, 169.6, "docs") == "0.012 docs/s"
    assert per_second(7, 169.6, "pages") == "0.041 pages/s"
    assert per_second(19, 21.2, "docs") == "0.9 docs/s"
    assert per_second(22, 0.3, "pages") == "73.3 pages/s"
    assert per_second(0, 5.0, "docs") == "0.0 docs/s"
