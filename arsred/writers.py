"""Combined tables from per-document results, written atomically as CSV, Parquet and DuckDB.

The per-document JSON files are the truth; documents/facts/checks/goals tables are
rebuilt from them at the end of every run. Everything is first written into a staging
folder inside OUT and then renamed into place, and `manifest.json` (row counts and
hashes) is written last: an interrupted run leaves the previous complete tables, never
a half-written one that looks complete.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from arsred.cache import atomic_write_json
from arsred.result import CHECK_COLUMNS, DOCUMENT_COLUMNS, FACT_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger(__name__)

TABLES = ("documents", "facts", "checks", "goals")
# Written by `arsred dataset`; built from the tables, so stale once the tables are rewritten.
PANEL_FILES = ("panel.csv", "panel.parquet", "panel_long.csv", "panel_long.parquet")
REVIEW_SITE = "review"       # written by `arsred review` (its index.html); stale too once the tables are rewritten
INT_COLUMNS = {"fiscal_year", "pages", "n_facts", "n_verified", "readings", "n_failed_checks", "period", "note", "page", "line",
               "table", "row", "year", "target_year"}
FLOAT_COLUMNS = {"value_sek", "verified_share", "confidence", "suggested_value_sek", "tolerance_sek", "x0", "top", "x1",
                 "bottom", "expected_sek", "actual_sek", "difference_sek"}
BOOL_COLUMNS = {"is_total", "verified"}

VIEWS = {
    "failed_checks": "SELECT * FROM checks WHERE status = 'fail'",
    "flagged_documents": "SELECT * FROM documents WHERE status <> 'ok'",
    "statement_facts": (
        "SELECT d.organisation, d.fiscal_year AS report_year, f.* EXCLUDE (organisation, fiscal_year) "
        "FROM facts f JOIN documents d USING (doc_id) WHERE f.\"column\" = 'utfall'"),
    "item_coverage": (
        "SELECT statement, item, count(DISTINCT doc_id) AS documents, count(*) AS facts, "
        "any_value(label) AS example_label FROM facts GROUP BY statement, item"),
}


def goal_columns(rows: Sequence[dict[str, Any]]) -> list[str]:
    """goals.csv columns: the goals module's contract when present, else the keys seen."""
    try:
        from arsred.extract.goals import GOAL_COLUMNS
        cols = list(GOAL_COLUMNS)
    except Exception:
        cols = ["doc_id"]
    for row in rows:
        for k in row:
            if k not in cols:
                cols.append(k)
    return cols


def read_results(docs_dir: Path, doc_ids: Iterable[str]) -> Iterable[dict[str, Any]]:
    for doc_id in doc_ids:
        with open(docs_dir / f"{doc_id}.json", encoding="utf-8") as f:
            yield json.load(f)


def collect(results: Iterable[dict[str, Any]], chunk: int = 200) -> dict[str, pd.DataFrame]:
    """The four tables, in input order, with the contract's columns and stable dtypes.

    Rows are turned into typed frames every `chunk` documents, so a large archive never
    sits in memory as millions of row dicts.
    """
    import pandas as pd

    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in TABLES}
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}

    def flush() -> None:
        parts["documents"].append(frame(rows["documents"], DOCUMENT_COLUMNS, type_other=False))
        parts["facts"].append(frame(rows["facts"], FACT_COLUMNS, type_other=False))
        parts["checks"].append(frame(rows["checks"], CHECK_COLUMNS, type_other=False))
        parts["goals"].append(frame(rows["goals"], goal_columns(rows["goals"]), type_other=False))
        for name in TABLES:
            rows[name] = []

    n = 0
    for data in results:
        _add_document(data, rows)
        n += 1
        if n % chunk == 0:
            flush()
    if n % chunk or not n:
        flush()
    out = {}
    for name, frames in parts.items():
        frames = [f for f in frames if len(f)] or frames[:1]
        df = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
        for c in df.columns:   # text and unknown columns are typed once, over all chunks
            if df[c].dtype == object:
                df[c] = _as_column(df[c])
        out[name] = df.reset_index(drop=True)
    return out


def _add_document(data: dict[str, Any], rows: dict[str, list[dict[str, Any]]]) -> None:
    doc = data["document"]
    rows["documents"].append(doc)
    org, fy = doc.get("organisation", ""), doc.get("fiscal_year")
    for f in data.get("facts") or []:
        if not f.get("organisation"):
            f = {**f, "organisation": org}
        if f.get("fiscal_year") is None:
            f = {**f, "fiscal_year": fy}
        rows["facts"].append(f)
    for c in data.get("checks") or []:
        c = dict(c)
        if isinstance(c.get("facts"), (list, tuple)):
            c["facts"] = ";".join(map(str, c["facts"]))
        rows["checks"].append(c)
    for g in data.get("goals") or []:
        rows["goals"].append({"doc_id": doc["doc_id"], **g})


def frame(rows: list[dict[str, Any]], columns: Sequence[str], type_other: bool = True) -> pd.DataFrame:
    """Rows to a DataFrame with exactly `columns` (extra keys kept at the end) and typed columns."""
    import pandas as pd

    cols = list(columns)
    for row in rows[:1000]:
        cols.extend(k for k in row if k not in cols)
    df = pd.DataFrame.from_records(rows, columns=cols) if rows else pd.DataFrame(columns=cols)
    for c in df.columns:
        if c in INT_COLUMNS:
            df[c] = pd.to_numeric(df[c], errors="coerce").astype("Int64")
        elif c in FLOAT_COLUMNS:
            df[c] = pd.to_numeric(df[c], errors="coerce").astype("float64")
        elif c in BOOL_COLUMNS:
            df[c] = df[c].astype("boolean")
        elif type_other:
            df[c] = _as_column(df[c])
        else:
            df[c] = df[c].astype(object)
    return df.reset_index(drop=True)


def _as_column(s: pd.Series) -> pd.Series:
    """Unknown columns: numbers stay numbers, anything else becomes text ('' for missing)."""
    vals = s.dropna()
    if len(vals) and all(isinstance(v, bool) for v in vals):
        return s.astype("boolean")
    if len(vals) and all(isinstance(v, int) and not isinstance(v, bool) for v in vals):
        return s.astype("Int64")
    if len(vals) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in vals):
        return s.astype("float64")
    return s.map(lambda v: "" if v is None or (isinstance(v, float) and v != v) else
                 printable(json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else str(v))
                 ).astype("string")


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_ESCAPES = {"\r": "\\r"}


def printable(text: str) -> str:
    """Text every reader of the tables reads alike: control characters (a carriage return, NUL, ESC, ...)
    and lone surrogates become visible escapes (`\\r`, `\\x00`, `\\x1b`); newline and tab stay
    (a quoted CSV field holds them)."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(lambda m: _ESCAPES.get(m[0]) or f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100
                        else f"\\u{ord(m[0]):04x}", text)


def write_csv(df: pd.DataFrame, path: Path) -> None:
    df.to_csv(path, index=False, float_format="%.15g", lineterminator="\n")


def write_tables(out_dir: Path, tables: dict[str, pd.DataFrame], info: dict[str, Any] | None = None,
                 duckdb_extra: dict[str, pd.DataFrame] | None = None) -> dict[str, Path]:
    """Write CSV + Parquet for each table and OUT/arsred.duckdb, all via a staging folder."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stage = out_dir / f".staging-{os.getpid()}-{int(time.time() * 1000)}"
    stage.mkdir()
    written: dict[str, Path] = {}
    try:
        names: list[str] = []
        for name, df in tables.items():
            write_csv(df, stage / f"{name}.csv")
            df.to_parquet(stage / f"{name}.parquet", index=False)
            names += [f"{name}.csv", f"{name}.parquet"]
        build_duckdb(stage / "arsred.duckdb", {n: stage / f"{n}.parquet" for n in tables})
        names.append("arsred.duckdb")
        manifest_path = out_dir / "manifest.json"
        (out_dir / "manifest.json").unlink(missing_ok=True)   # incomplete until rewritten below
        for n in names:
            os.replace(stage / n, out_dir / n)
            written[n] = out_dir / n
        remove_panel(out_dir)   # the new arsred.duckdb has no panel: panel files would not match it
        remove_review(out_dir)  # nor would a review site of the old results
        manifest = {
            "written_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "tables": {n: {"rows": int(len(df)), "csv_sha256": _sha(out_dir / f"{n}.csv")}
                       for n, df in tables.items()},
            **(info or {}),
        }
        atomic_write_json(manifest_path, manifest)
        written["manifest.json"] = manifest_path
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return written


def remove_panel(out_dir: Path) -> list[Path]:
    """Remove panel files of an earlier `arsred dataset`; run it again for a panel of the new tables."""
    removed = []
    for name in PANEL_FILES:
        p = out_dir / name
        if p.exists():
            p.unlink()
            removed.append(p)
    if removed:
        log.info("removed the panel of an earlier run (%s); run `arsred dataset %s` for the panel",
                 ", ".join(p.name for p in removed), out_dir)
    return removed


def remove_review(out_dir: Path) -> bool:
    """Remove the review site of an earlier `arsred review` (a folder with its index.html); run it again for one."""
    site = out_dir / REVIEW_SITE
    if not (site.is_dir() and not site.is_symlink() and (site / "index.html").is_file()):
        return False
    shutil.rmtree(site, ignore_errors=True)
    log.info("removed the review site of an earlier run (%s); run `arsred review %s` for one", site, out_dir)
    return True


def build_duckdb(db_path: Path, parquet: dict[str, Path], views: dict[str, str] | None = None) -> None:
    import duckdb

    db_path.unlink(missing_ok=True)
    con = duckdb.connect(str(db_path))
    try:
        for name, p in parquet.items():
            con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM read_parquet(?)', [str(p)])
        for name, sql in (VIEWS if views is None else views).items():
            if _view_tables_exist(con, sql):
                con.execute(f'CREATE VIEW "{name}" AS {sql}')
        con.execute("CHECKPOINT")
    finally:
        con.close()


def _view_tables_exist(con: Any, sql: str) -> bool:
    try:
        con.execute(f"EXPLAIN {sql}")
        return True
    except Exception as exc:
        log.debug("view skipped: %s", exc)
        return False


def add_to_duckdb(out_dir: Path, tables: dict[str, Path], views: dict[str, str]) -> Path:
    """Add tables (from Parquet files) and views to OUT/arsred.duckdb: on a copy, then renamed over it."""
    import duckdb

    db = out_dir / "arsred.duckdb"
    tmp = out_dir / f".arsred.duckdb.{os.getpid()}.tmp"
    if db.exists():
        shutil.copyfile(db, tmp)
    try:
        con = duckdb.connect(str(tmp))
        try:
            for name, p in tables.items():
                con.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM read_parquet(?)', [str(p)])
            for name, sql in views.items():
                con.execute(f'CREATE OR REPLACE VIEW "{name}" AS {sql}')
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp, db)
    finally:
        tmp.unlink(missing_ok=True)
    return db


def write_frame_atomic(df: pd.DataFrame, out_dir: Path, name: str) -> list[Path]:
    """One extra table (the panel) as CSV + Parquet, each renamed into place."""
    paths = []
    for ext in ("csv", "parquet"):
        final = out_dir / f"{name}.{ext}"
        tmp = out_dir / f".{name}.{ext}.{os.getpid()}.tmp"
        if ext == "csv":
            write_csv(df, tmp)
        else:
            df.to_parquet(tmp, index=False)
        os.replace(tmp, final)
        paths.append(final)
    return paths


def write_document_json(docs_dir: Path, data: dict[str, Any]) -> Path:
    path = docs_dir / f"{data['document']['doc_id']}.json"
    atomic_write_json(path, data)
    return path


def _sha(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            h.update(block)
    return h.hexdigest()
