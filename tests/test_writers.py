"""Writers: contract columns (also when empty), Parquet and DuckDB agree with CSV, atomic replacement."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from batch_fakes import fake_process, make_corpus  # noqa: E402

import arsred  # noqa: E402
from arsred import writers  # noqa: E402
from arsred.options import Options  # noqa: E402
from arsred.result import CHECK_COLUMNS, DOCUMENT_COLUMNS, FACT_COLUMNS, DocumentResult  # noqa: E402


def test_empty_tables_have_their_headers(tmp_path: Path) -> None:
    tables = writers.collect([])
    writers.write_tables(tmp_path, tables)
    assert (tmp_path / "documents.csv").read_text().strip() == ",".join(DOCUMENT_COLUMNS)
    assert (tmp_path / "facts.csv").read_text().strip() == ",".join(FACT_COLUMNS)
    assert (tmp_path / "checks.csv").read_text().strip() == ",".join(CHECK_COLUMNS)
    assert (tmp_path / "goals.csv").read_text().strip().startswith("doc_id")
    assert list(pd.read_parquet(tmp_path / "facts.parquet").columns) == FACT_COLUMNS
    con = duckdb.connect(str(tmp_path / "arsred.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM checks").fetchone() == (0,)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> arsred.ExtractResult:
    base = tmp_path_factory.mktemp("w")
    make_corpus(base / "in", 4)
    (base / "in" / "empty.txt").write_bytes(b"")
    return arsred.extract_reports([base / "in"], base / "out", Options(jobs=2), process_fn=fake_process)


def test_csv_parquet_duckdb_and_frames_agree(run: arsred.ExtractResult) -> None:
    out = run.out_dir
    assert out is not None
    for name in ("documents", "facts", "checks", "goals"):
        frame = getattr(run, name)
        pq = pd.read_parquet(out / f"{name}.parquet")
        pd.testing.assert_frame_equal(pq, frame)      # dtypes too: the file carries pandas' own metadata
        assert pa.parquet.read_schema(out / f"{name}.parquet").metadata == \
            pa.Table.from_pandas(frame, preserve_index=False).schema.metadata
        csv = pd.read_csv(out / f"{name}.csv")
        assert list(csv.columns) == list(frame.columns) and len(csv) == len(frame)
        con = duckdb.connect(str(out / "arsred.duckdb"), read_only=True)
        assert con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == len(frame)
        con.close()
    assert list(run.facts.columns) == FACT_COLUMNS
    assert run.facts["value_sek"].dtype == "float64" and str(run.facts["period"].dtype) == "Int64"
    # whole kronor print without ".0"
    assert "2832000," in (out / "facts.csv").read_text()
    con = duckdb.connect(str(out / "arsred.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM flagged_documents").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM item_coverage").fetchone()[0] > 0
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["tables"]["facts"]["rows"] == len(run.facts)


def test_document_json_round_trips(run: arsred.ExtractResult) -> None:
    assert run.out_dir is not None
    data = json.loads((run.out_dir / "documents" / "r0001.json").read_text())
    res = DocumentResult.from_dict(data)
    assert res.record.doc_id == "r0001" and len(res.facts) == 14
    assert res.to_dict() == data


def test_interrupted_write_leaves_the_previous_complete_tables(tmp_path: Path, monkeypatch) -> None:
    make_corpus(tmp_path / "in", 2)
    arsred.extract_reports([tmp_path / "in"], tmp_path / "out", Options(jobs=1), process_fn=fake_process)
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").glob("*.csv")}
    make_corpus(tmp_path / "in", 3)

    def boom(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(writers, "build_duckdb", boom)
    with pytest.raises(KeyboardInterrupt):
        arsred.extract_reports([tmp_path / "in"], tmp_path / "out", Options(jobs=1), process_fn=fake_process)
    after = {p.name: p.read_bytes() for p in (tmp_path / "out").glob("*.csv")}
    assert after == before
    assert (tmp_path / "out" / "manifest.json").exists()
    assert not list((tmp_path / "out").glob(".staging-*"))
    assert not list((tmp_path / "out").glob("*.tmp"))


def test_chunked_collection_gives_the_same_tables(run: arsred.ExtractResult) -> None:
    assert run.out_dir is not None
    ids = list(run.documents.doc_id)
    small = writers.collect(writers.read_results(run.out_dir / "documents", ids), chunk=2)
    whole = writers.collect(writers.read_results(run.out_dir / "documents", ids), chunk=1000)
    for name in writers.TABLES:
        pd.testing.assert_frame_equal(writers.to_frame(small[name]), writers.to_frame(whole[name]))


def test_re_extract_removes_a_stale_panel(tmp_path: Path) -> None:
    from arsred.panel import build_panel
    make_corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    arsred.extract_reports([tmp_path / "in"], out, Options(jobs=1), process_fn=fake_process)
    build_panel(out)
    assert all((out / n).exists() for n in writers.PANEL_FILES)
    arsred.extract_reports([tmp_path / "in"], out, Options(jobs=1), process_fn=fake_process)
    assert not any((out / n).exists() for n in writers.PANEL_FILES)
    con = duckdb.connect(str(out / "arsred.duckdb"), read_only=True)
    names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert "panel" not in names and "facts" in names
    con.close()
    build_panel(out)   # and the panel can be built again
    assert (out / "panel.csv").exists()


def test_control_characters_in_any_text_field_read_alike_everywhere(tmp_path: Path) -> None:
    """A carriage return, NUL or ESC from a file name or a page never splits a record or reaches the CSV raw."""
    odd = ["cr\rin the middle", "nul\x00byte", "escape\x1b[31mred", "bell\x07", "c1\x85next line",
           "line\nfeed and\ttab", 'quote " and, comma']
    results = []
    for i, text in enumerate(odd):
        rec = {"doc_id": f"d{i}", "path": f"in/{text}.txt", "status": "error", "error": f"{text}: broken",
               "organisation": text}
        fact = {"doc_id": f"d{i}", "statement": "resultatrakning", "item": "rr.x", "label": text,
                "label_raw": text, "period": 2020, "column": "utfall", "value_sek": 1.0, "printed": "1"}
        check = {"doc_id": f"d{i}", "check": "c", "statement": "resultatrakning", "period": 2020,
                 "column": "utfall", "status": "fail", "message": text, "facts": [text]}
        results.append({"document": rec, "facts": [fact], "checks": [check], "goals": [{"goal": text}]})
    tables = writers.collect(results)
    writers.write_tables(tmp_path, tables)
    for name in writers.TABLES:
        raw = (tmp_path / f"{name}.csv").read_bytes()
        assert not any(ch in raw for ch in (b"\r", b"\x00", b"\x1b", b"\x07", "\x85".encode())), name
        n = len(tables[name])
        assert n == len(odd)
        assert len(pd.read_csv(tmp_path / f"{name}.csv", dtype=str, keep_default_na=False)) == n, name
        assert len(pd.read_parquet(tmp_path / f"{name}.parquet")) == n
        assert duckdb.sql(f"SELECT count(*) FROM read_csv('{tmp_path / name}.csv', all_varchar=true)").fetchall()[0][0] == n
        con = duckdb.connect(str(tmp_path / "arsred.duckdb"), read_only=True)
        assert con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == n
        con.close()
    labels = list(pd.read_csv(tmp_path / "facts.csv", keep_default_na=False).label)
    assert labels[0] == "cr\\rin the middle" and labels[1] == "nul\\x00byte" and labels[2] == "escape\\x1b[31mred"
    assert labels[5] == "line\nfeed and\ttab" and labels[6] == 'quote " and, comma'
    assert list(pd.read_parquet(tmp_path / "facts.parquet").label) == labels


def test_re_extract_removes_a_stale_review_site_and_only_a_review_site(tmp_path: Path) -> None:
    """A review/ of the old results used to survive a re-extract, its pages no longer matching the tables."""
    from arsred.review import build_review
    make_corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    arsred.extract_reports([tmp_path / "in"], out, Options(jobs=1), process_fn=fake_process)
    site = build_review(out).path.parent
    assert (site / "index.html").exists() and site == out / writers.REVIEW_SITE
    arsred.extract_reports([tmp_path / "in"], out, Options(jobs=1), process_fn=fake_process)
    assert not site.exists()
    site.mkdir()   # a folder named review that arsred did not write (no index.html) is kept
    (site / "notes.txt").write_text("mine")
    arsred.extract_reports([tmp_path / "in"], out, Options(jobs=1), process_fn=fake_process)
    assert (site / "notes.txt").exists()


def test_arrow_columns_are_what_pyarrow_builds_from_the_values() -> None:
    """The writer builds its Arrow arrays from buffers (pyarrow.array would import pandas): same arrays."""
    cases = {"int": [1, None, -7, 2**40, 0], "float": [1.5, None, -0.0, 1e300, 2832000.0],
             "bool": [True, None, False, True, False, True, False, True, True],
             "string": ["", "å ä ö", "x" * 300, "line\nfeed", "€"]}
    for kind, values in cases.items():
        built = writers._arrow_array(values, kind)
        assert built.validate(full=True) is None
        assert built.equals(pa.array(values, writers._arrow_type(kind))), kind
        assert built.to_pylist() == values


def test_a_run_without_goals_writes_the_same_schema_as_one_with_goals(tmp_path: Path) -> None:
    """Panels are built by reading many runs' Parquet together: a goals table with no rows had its
    numeric columns typed as strings (typed by values, of which there were none)."""
    root = Path(__file__).resolve().parent
    schemas = []
    for name, doc in (("none", root / "fixtures/review/rr_note_two_spaces.txt"),
                      ("some", root / "corpus/001_417f4babd9b8cbcc.txt")):
        arsred.extract_reports([doc], tmp_path / name, Options(jobs=1), use_cache=False)
        schemas.append(pyarrow.parquet.read_schema(tmp_path / name / "goals.parquet"))
    assert pyarrow.parquet.read_table(tmp_path / "some" / "goals.parquet").num_rows > 0
    numeric = ("goal_no", "target_value", "outcome_value", "granted_sek", "used_sek")
    assert [schemas[0].field(c).type for c in numeric] == [schemas[1].field(c).type for c in numeric] \
        == [pa.int64(), pa.float64(), pa.float64(), pa.float64(), pa.float64()]


def test_check_facts_view_joins_each_check_to_the_printed_figures_it_uses(tmp_path: Path) -> None:
    """An auditor asks which printed figures a failed check rests on. Härnösand Timrå 2022 (data/raw/002)
    prints 'Kassaflöde från den löpande verksamheten -872' where its parts add to -677 (tkr): the view
    gives that check's figures with label, printed text, page and line — every key of checks.facts found."""
    src = Path(__file__).parent.parent / "data" / "raw" / "002_beb5154270de7dff.txt"
    (tmp_path / "in").mkdir()
    shutil.copy(src, tmp_path / "in" / src.name)
    run = arsred.extract_reports([tmp_path / "in"], tmp_path / "out", Options(jobs=1))
    con = duckdb.connect(str(tmp_path / "out" / "arsred.duckdb"), read_only=True)
    keys = sum(len(str(k).split(";")) for k in run.checks.facts.dropna() if k)
    assert con.execute("SELECT count(*) FROM check_facts").fetchone()[0] == keys
    rows = con.execute("SELECT label, printed, page, line FROM check_facts WHERE status = 'fail' "
                       "AND \"check\" = 'kf.kassaflode_lopande' AND check_period = 2022").fetchall()
    assert ("Kassaflöde från den löpande verksamheten", "-872", 2, 459) in rows and len(rows) == 4
    con.close()
