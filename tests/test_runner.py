"""Batch runner: discovery, fault isolation (bad bytes, hang, crash, memory), cache, resume after kill -9."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from batch_fakes import fake_process, make_corpus, report_text  # noqa: E402

import arsred  # noqa: E402
from arsred.errors import ArsredError  # noqa: E402
from arsred.options import Options  # noqa: E402
from arsred.runner import discover  # noqa: E402

TABLES = ("documents.csv", "facts.csv", "checks.csv", "goals.csv")


def test_discover_sorted_recursive_each_file_once(tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    for rel in ("b/c/z.txt", "a.pdf", "b/y.TXT", "b/ignored.docx", "a.txt", "b/.hidden.txt"):
        (tmp_path / rel).write_text("x")
    found = discover([tmp_path, tmp_path / "a.txt", tmp_path / "b"])
    assert [f.path.relative_to(tmp_path).as_posix() for f in found] == ["a.pdf", "a.txt", "b/c/z.txt", "b/y.TXT"]
    # a.pdf and a.txt share a stem: each gets an id from its own path, never the same one
    assert [f.doc_id for f in found] == ["a__pdf", "a__txt", "z", "y"]
    with pytest.raises(ArsredError, match="no such file"):
        discover([tmp_path / "missing"])


def test_doc_ids_on_a_shared_stem_come_from_the_path_not_the_order(tmp_path: Path, caplog) -> None:
    root = tmp_path / "in"
    for rel in ("2020/arsredovisning.txt", "2021/arsredovisning.txt", "unique.txt"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("x")
    with caplog.at_level("INFO", logger="arsred.runner"):
        ids = {f.path.relative_to(root).as_posix(): f.doc_id for f in discover([root])}
    assert ids == {"2020/arsredovisning.txt": "2020__arsredovisning",
                   "2021/arsredovisning.txt": "2021__arsredovisning", "unique.txt": "unique"}
    assert not [r for r in caplog.records if r.levelname == "WARNING"]
    assert any("share the name arsredovisning" in r.getMessage() for r in caplog.records)
    # a folder that sorts first does not rename the ids that were already there
    (root / "1999").mkdir()
    (root / "1999" / "arsredovisning.txt").write_text("x")
    again = {f.path.relative_to(root).as_posix(): f.doc_id for f in discover([root])}
    assert {k: again[k] for k in ids} == ids and again["1999/arsredovisning.txt"] == "1999__arsredovisning"
    assert len(set(again.values())) == len(again)
    # a file at the top of the folder keeps its plain stem
    (root / "arsredovisning.txt").write_text("x")
    top = {f.path.relative_to(root).as_posix(): f.doc_id for f in discover([root])}
    assert top["arsredovisning.txt"] == "arsredovisning" and top["2020/arsredovisning.txt"] == "2020__arsredovisning"


def test_memory_budget_is_on_the_documents_own_memory(tmp_path: Path) -> None:
    """A child that does nothing shares the (large) parent's pages; that must not count against --max-memory."""
    ballast = bytearray(300 << 20)   # the parent is big, as a pytest process is
    ballast[::4096] = b"x" * len(ballast[::4096])
    src = tmp_path / "in"
    make_corpus(src, 2)
    res = arsred.extract_reports([src], tmp_path / "out", Options(jobs=1, max_memory_mb=100), process_fn=fake_process)
    assert list(res.documents.status) == ["ok", "ok"], list(res.documents.error)
    del ballast


def test_max_memory_mb_is_an_option_and_validated(tmp_path: Path) -> None:
    assert Options().max_memory_mb == 2048
    for bad in ({"max_memory_mb": 0}, {"timeout": 0}, {"timeout": -1}, {"jobs": -1}, {"dpi": 71}):
        with pytest.raises(ValueError):
            Options(**bad)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "eats.txt").write_text("ORG: X\nYEAR: 2020\nEAT\n")
    res = arsred.extract_reports([tmp_path / "in"], options=Options(jobs=1, max_memory_mb=150), process_fn=fake_process)
    assert "memory budget of 150 MB" in res.documents.error[0]
    assert "raise --max-memory" in res.documents.error[0]       # as the timeout's says --timeout


def test_bad_inputs_each_become_an_error_row_and_the_rest_completes(tmp_path: Path) -> None:
    src = tmp_path / "in"
    make_corpus(src, 5, {1: "HANG\n", 2: "CRASH\n", 3: "RAISE\n"})
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (src / "notapdf.pdf").write_bytes(b"<html>not a pdf</html>")
    (src / "eats.txt").write_text("ORG: X\nYEAR: 2020\nEAT\n")
    t = time.monotonic()
    res = arsred.extract_reports([src], tmp_path / "out", Options(jobs=2, timeout=2.0), process_fn=fake_process,
                         max_memory_mb=400)
    assert time.monotonic() - t < 30
    docs = res.documents.set_index("doc_id")
    assert set(docs.index) == {"r0000", "r0001", "r0002", "r0003", "r0004", "empty", "binary", "notapdf", "eats"}
    assert list(docs.loc[["r0000", "r0004"], "status"]) == ["ok", "ok"]
    msg = docs["error"]
    assert "empty" in msg["empty"]
    assert "binary" in msg["binary"]
    assert "not a PDF" in msg["notapdf"]
    assert "timed out after 2 s" in msg["r0001"]
    assert "worker crashed (killed by SIGKILL)" in msg["r0002"]
    assert "RuntimeError: fake pipeline bug" in msg["r0003"]
    assert "memory budget" in msg["eats"]
    assert (docs.drop(index=["r0000", "r0004"])["status"] == "error").all()
    assert len(res.facts) == 2 * 14
    # every input has its JSON, errors included
    assert sorted(p.stem for p in (tmp_path / "out" / "documents").glob("*.json")) == sorted(docs.index)


def test_rerun_hits_the_cache_and_redoes_only_changed_files(tmp_path: Path) -> None:
    src = tmp_path / "in"
    paths = make_corpus(src, 6)
    opts = Options(jobs=2)
    first = arsred.extract_reports([src], tmp_path / "out", opts, process_fn=fake_process)
    assert (first.stats.computed, first.stats.cached) == (6, 0)
    again = arsred.extract_reports([src], tmp_path / "out", opts, process_fn=fake_process)
    assert (again.stats.computed, again.stats.cached) == (0, 6)
    assert again.facts.equals(first.facts) and again.documents.equals(first.documents)
    paths[2].write_text(paths[2].read_text() + "rr.ovriga_intakter 2015 5\n")
    (src / "new.txt").write_text(paths[0].read_text())   # same bytes as r0000: computed once
    third = arsred.extract_reports([src], tmp_path / "out", opts, process_fn=fake_process)
    assert (third.stats.computed, third.stats.cached) == (1, 6)
    assert len(third.documents) == 7 and third.documents["doc_id"].is_unique
    assert set(third.facts.loc[third.facts.doc_id == "new", "item"]) == set(
        first.facts.loc[first.facts.doc_id == "r0000", "item"])
    # --no-cache recomputes
    fresh = arsred.extract_reports([src], tmp_path / "out", opts, process_fn=fake_process, use_cache=False)
    assert fresh.stats.computed == 6          # 7 inputs, two with the same bytes


def test_rows_of_files_no_longer_given_are_dropped(tmp_path: Path) -> None:
    src = tmp_path / "in"
    paths = make_corpus(src, 3)
    arsred.extract_reports([src], tmp_path / "out", Options(jobs=1), process_fn=fake_process)
    res = arsred.extract_reports(paths[:2], tmp_path / "out", Options(jobs=1), process_fn=fake_process)
    assert list(res.documents.doc_id) == ["r0000", "r0001"]
    assert sorted(p.stem for p in (tmp_path / "out" / "documents").glob("*.json")) == ["r0000", "r0001"]


SCRIPT = """
import sys
sys.path.insert(0, {tests!r})
from batch_fakes import fake_process
import arsred
from arsred.options import Options
arsred.extract_reports([{src!r}], {out!r}, Options(jobs=2), process_fn=fake_process)
"""


def _run_script(tmp_path: Path, src: Path, out: Path) -> subprocess.Popen:
    script = tmp_path / f"run_{out.name}.py"
    script.write_text(SCRIPT.format(tests=str(Path(__file__).parent), src=str(src), out=str(out)))
    return subprocess.Popen([sys.executable, str(script)], cwd=Path(__file__).parent.parent)


def test_resume_after_kill_9_ends_with_the_same_tables(tmp_path: Path) -> None:
    src = tmp_path / "in"
    make_corpus(src, 24, {i: "SLEEP 0.15\n" for i in range(24)})
    proc = _run_script(tmp_path, src, tmp_path / "killed")
    docs = tmp_path / "killed" / "documents"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(docs.glob("*.json"))) < 8:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done = len(list(docs.glob("*.json")))
    assert 8 <= done < 24, "the run was not killed midway"
    assert not (tmp_path / "killed" / "facts.csv").exists()   # no table that looks complete
    resumed = arsred.extract_reports([src], tmp_path / "killed", Options(jobs=2), process_fn=fake_process)
    assert resumed.stats.cached >= done - 2 and resumed.stats.computed <= 24 - done + 2
    assert _run_script(tmp_path, src, tmp_path / "whole").wait() == 0
    for name in TABLES:
        assert (tmp_path / "killed" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name
    assert resumed.documents["doc_id"].is_unique and len(resumed.documents) == 24


def test_python_api_without_out_dir_returns_frames(tmp_path: Path) -> None:
    make_corpus(tmp_path, 2)
    res = arsred.extract_reports(tmp_path, options=Options(jobs=1), process_fn=fake_process)
    assert res.out_dir is None and len(res.documents) == 2 and len(res.facts) == 28
    assert list(res.documents.columns[:15]) == ["doc_id", "path", "sha256", "organisation", "doc_type",
                                                 "fiscal_year", "pages", "input_kind", "status", "n_facts",
                                                 "n_verified", "verified_share", "n_failed_checks", "error",
                                                 "warnings"]
    with pytest.raises(ArsredError, match="no \\*.pdf or \\*.txt"):
        arsred.extract_reports(tmp_path / "nothing_here" if (tmp_path / "nothing_here").mkdir() is None else tmp_path)


HANG_SCRIPT = """
import sys
sys.path.insert(0, {tests!r})
from batch_fakes import slow_ocr_process
import arsred
from arsred.options import Options
res = arsred.extract_reports([{src!r}], {out!r}, Options(jobs=2, timeout={timeout}, dpi=72, max_memory_mb={mb}),
                             process_fn=slow_ocr_process)
print("ERROR:", res.documents.error[0])
"""


@pytest.mark.parametrize("budget", ["timeout", "memory"])
def test_a_document_past_its_budget_while_ocr_workers_run_becomes_an_error_row(tmp_path: Path, budget: str) -> None:
    """Its OCR page workers are killed with it; none is left holding the result pipe, so the batch ends."""
    from batch_fakes import blank_scan_pdf
    blank_scan_pdf(tmp_path / "scan.pdf", 12)
    pids = tmp_path / "pids"
    pids.mkdir()
    timeout, mb, eat = (3, 2048, 0) if budget == "timeout" else (300, 150, 300)
    script = tmp_path / "run.py"
    script.write_text(HANG_SCRIPT.format(tests=str(Path(__file__).parent), src=str(tmp_path / "scan.pdf"),
                                         out=str(tmp_path / "out"), timeout=timeout, mb=mb))
    env = dict(os.environ, ARSRED_TEST_PIDS=str(pids), ARSRED_TEST_EAT_MB=str(eat))
    proc = subprocess.Popen([sys.executable, str(script)], env=env, stdout=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=90)   # a guard against the hang, not a speed test
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        for p in pids.iterdir():
            _kill(int(p.name))
        pytest.fail("the batch hung on a document killed while its pages were OCR'd")
    assert proc.returncode == 0
    assert ("timed out after 3 s" if budget == "timeout" else "memory budget of 150 MB") in out
    assert list(pids.iterdir()), "no OCR worker ran"
    alive = [p.name for p in pids.iterdir() if _alive(int(p.name))]
    assert not alive, f"OCR workers outlived their document: {alive}"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _write(folder: Path, name: bytes, data: bytes) -> None:
    with open(os.path.join(os.fsencode(folder), name), "wb") as f:
        f.write(data)


ODD_NAMES = [b"r" * 246 + b".txt",                           # 250 bytes: ids and JSON names must be shorter
             "Årsredovisning 2019 åäö.txt".encode("cp1252"),    # not UTF-8: an old Windows archive
             "Årsredovisning 2019 åäö.txt".encode(),     # reads the same once decoded
             b"carriage\rreturn.txt", b"line\nfeed.txt", b"escape\x1b[31m.txt", b"tab\tand bell\x07.txt",
             b" spaces  .txt", b"quote\"comma,semicolon;.txt", b"\xff\xfe.txt"]


def test_every_file_becomes_one_row_whatever_its_name(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i, name in enumerate(ODD_NAMES):
        _write(src, name, report_text(f"Samordningsförbundet Ort{i}", 2019 + i % 3).encode())
    out = tmp_path / "out"
    res = arsred.extract_reports([src], out, Options(jobs=2), process_fn=fake_process)
    docs = res.documents
    assert len(docs) == len(ODD_NAMES) and docs["doc_id"].is_unique
    assert list(docs.status) == ["ok"] * len(ODD_NAMES), list(docs.error)
    assert all(len(d.encode()) <= 120 for d in docs.doc_id)
    assert not any(ch in d for d in docs.doc_id for ch in "\r\n\t\x1b\x07")
    # the CP1252 name reads as what it says, and so like the UTF-8 one: each then gets a hash of its path
    assert sum(d.startswith("Årsredovisning 2019 åäö__") for d in docs.doc_id) == 2
    assert sorted(p.stem for p in (out / "documents").glob("*.json")) == sorted(docs.doc_id)
    assert set(res.facts.doc_id) == set(docs.doc_id)
    _same_rows_everywhere(out)


def _same_rows_everywhere(out: Path) -> None:
    """pandas (CSV), DuckDB (CSV and its own tables) and Parquet read the same number of rows."""
    import duckdb
    import pandas as pd
    con = duckdb.connect(str(out / "arsred.duckdb"), read_only=True)
    for name in ("documents", "facts", "checks", "goals"):
        n = len(pd.read_parquet(out / f"{name}.parquet"))
        assert len(pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)) == n, name
        assert con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == n, name
        assert duckdb.sql(f"SELECT count(*) FROM read_csv('{out / name}.csv', all_varchar=true)").fetchall()[0][0] == n
    con.close()


def test_odd_names_through_the_command_line(tmp_path: Path, capsys) -> None:
    from arsred.cli import main
    src = tmp_path / "in"
    src.mkdir()
    for name in (ODD_NAMES[0], ODD_NAMES[1], ODD_NAMES[3]):
        _write(src, name, b"")
    assert main(["extract", str(src), "-o", str(tmp_path / "out"), "--jobs", "1"]) == 0
    docs = pd.read_csv(tmp_path / "out" / "documents.csv", keep_default_na=False)
    assert len(docs) == 3 and set(docs.status) == {"error"} and docs.error.str.contains("empty").all()


def test_doc_ids_are_unique_even_when_paths_make_the_same_id(tmp_path: Path) -> None:
    src = tmp_path / "in"
    for rel in ("a/b/r.txt", "c/r.txt", "a/b__r.txt", "d/b__r.txt", "a__b__r.txt", "x/a.txt", "x/a.TXT",
                "y/a.txt"):
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text(report_text(rel, 2020))
    found = discover([src])
    assert len({f.doc_id for f in found}) == len(found) == 8
    again = discover([src / "a", src / "c", src / "d", src / "x", src / "y", src / "a__b__r.txt"])
    assert len({f.doc_id for f in again}) == len(again) == 8
    res = arsred.extract_reports([src], tmp_path / "out", Options(jobs=2), process_fn=fake_process)
    assert len(res.documents) == 8 and res.documents.doc_id.is_unique
    assert res.facts.groupby("doc_id").size().eq(14).all()


def test_an_error_row_for_identical_bytes_names_its_own_file(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("first.txt", "second.txt"):
        (src / name).write_bytes(b"")
        (src / name.replace(".txt", ".pdf")).write_bytes(b"junk")
    for _ in range(2):     # computed, then from the cache
        docs = arsred.extract_reports([src], tmp_path / "out", Options(jobs=2),
                                      process_fn=fake_process).documents.set_index("doc_id")
        for doc_id, row in docs.iterrows():
            name = row["path"].rsplit("/", 1)[1]
            assert name in row["error"], (doc_id, row["error"])
            other = name.replace("first", "second") if "first" in name else name.replace("second", "first")
            assert other not in row["error"]


def test_paths_that_are_not_regular_files_are_never_silent(tmp_path: Path, monkeypatch, capsys) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(report_text("Samordningsförbundet X", 2020))
    (src / "dangling.txt").symlink_to(src / "missing.txt")
    (src / "loop.txt").symlink_to(src / "loop.txt")
    os.mkfifo(src / "fifo.txt")
    (src / "locked").mkdir()
    (src / "locked" / "inside.txt").write_text("x")
    (src / "linked_dir").symlink_to(src / "locked")
    real_scandir = os.scandir

    def scandir(path):   # as an unreadable folder does for a user who is not root
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    t = time.monotonic()
    res = arsred.extract_reports([src], tmp_path / "out", Options(jobs=2, timeout=30), process_fn=fake_process)
    assert time.monotonic() - t < 60          # the FIFO is never opened (that would wait for a writer)
    docs = res.documents.set_index("doc_id")
    assert docs.loc["good", "status"] == "ok"
    assert "missing file" in docs.loc["dangling", "error"]
    assert "loop" in docs.loc["loop", "error"]
    assert "FIFO" in docs.loc["fifo", "error"]
    # error rows, not skipped inputs: their messages do not say "skipped"
    assert not any("skipped" in docs.loc[d, "error"] for d in ("dangling", "loop", "fifo"))
    assert (docs.loc[["dangling", "loop", "fifo"], "status"] == "error").all()
    assert len(docs) == 4
    assert any("locked" in s and "Permission denied" in s for s in res.stats.skipped), res.stats.skipped
