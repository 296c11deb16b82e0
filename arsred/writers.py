"""Combined tables from per-document results, written atomically as CSV, Parquet and DuckDB.

The per-document JSON files are the truth; documents/facts/checks/goals tables are
rebuilt from them at the end of every run. Everything is first written into a staging
folder inside OUT and then renamed into place, and `manifest.json` (row counts and
hashes) is written last: an interrupted run leaves the previous complete tables, never
a half-written one that looks complete.
"""
from __future__ import annotations

import csv
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
    import pyarrow as pa

log = logging.getLogger(__name__)

TABLES = ("documents", "facts", "checks", "goals")
# Written by `arsred dataset`; built from the tables, so stale once the tables are rewritten.
PANEL_FILES = ("panel.csv", "panel.parquet", "panel_long.csv", "panel_long.parquet")
REVIEW_SITE = "review"       # written by `arsred review` (its index.html); stale too once the tables are rewritten
INT_COLUMNS = {"fiscal_year", "pages", "n_facts", "n_verified", "readings", "n_failed_checks", "period", "note", "page", "line",
               "table", "row", "year", "target_year", "goal_no"}
FLOAT_COLUMNS = {"value_sek", "meant_value_sek", "verified_share", "confidence", "suggested_value_sek", "tolerance_sek", "x0", "top", "x1",
                 "bottom", "expected_sek", "actual_sek", "difference_sek", "target_value", "outcome_value", "granted_sek",
                 "used_sek"}
BOOL_COLUMNS = {"is_total", "verified"}

VIEWS = {
    "failed_checks": "SELECT * FROM checks WHERE status = 'fail'",
    "flagged_documents": "SELECT * FROM documents WHERE status <> 'ok'",
    "statement_facts": (
        "SELECT d.organisation, d.fiscal_year AS report_year, f.* EXCLUDE (organisation, fiscal_year) "
        "FROM facts f JOIN documents d USING (doc_id) WHERE f.\"column\" = 'utfall'"),
    # every check with each figure it uses (the `facts` keys of checks.csv, `Fact.key`, joined to facts.csv): an
    # auditor reads which printed figures a failed check rests on, with their page and line
    "check_facts": (
        "SELECT c.doc_id, c.\"check\", c.statement AS check_statement, c.period AS check_period, "
        "c.\"column\" AS check_column, c.status, c.severity, c.message, c.fact_key, f.statement, f.scope, f.item, "
        "f.label, f.period, f.\"column\", f.value_sek, f.printed, f.unit, f.page, f.line, f.verified, "
        "f.suggested_value_sek FROM (SELECT *, unnest(string_split(facts, ';')) AS fact_key FROM checks) c "
        "JOIN facts f ON f.doc_id = c.doc_id AND c.fact_key = 't' || f.\"table\" || 'r' || f.\"row\" || "
        "CASE WHEN f.scope = 'entity' THEN '' ELSE '@' || f.scope END || ':' || f.\"column\" || ':' || f.period"),
    # `canonical`: the item comes from the synonym table (`normalize/data/items.csv`), not from the row's own
    # label — the rows the extract summary counts as "without a canonical item" are those of canonical = false
    "item_coverage": (
        "SELECT statement, item, item IN (SELECT item FROM canonical_items) AS canonical, "
        "count(DISTINCT doc_id) AS documents, count(*) AS facts, "
        "any_value(label) AS example_label FROM facts GROUP BY statement, item"),
}
CANONICAL_TABLE = "canonical_items"   # the synonym table's item ids, one row each (item_coverage reads it)


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


def collect(results: Iterable[dict[str, Any]], chunk: int = 200) -> dict[str, pa.Table]:
    """The four tables, in input order, with the contract's columns and stable types (Arrow tables).

    Rows are turned into typed columns every `chunk` documents, so a large archive never
    sits in memory as millions of row dicts. Arrow, not pandas: a one-document run then
    never imports pandas (0.3 s); `to_frame` gives the DataFrame with the contract's dtypes.
    """
    import pyarrow  # noqa: F401  (fails here, before any document is read, when it is missing)

    tables = {"documents": _Columns(DOCUMENT_COLUMNS), "facts": _Columns(FACT_COLUMNS),
              "checks": _Columns(CHECK_COLUMNS), "goals": _Columns(goal_columns(()))}
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    n = 0
    for data in results:
        _add_document(data, rows)
        n += 1
        if n % chunk == 0:
            for name in TABLES:
                tables[name].add(rows[name])
                rows[name] = []
    for name in TABLES:
        tables[name].add(rows[name])
    return {name: cols.table() for name, cols in tables.items()}


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


def _kind(column: str) -> str:
    """How a column is typed: the contract's integer, float and boolean columns; any other is typed by its values."""
    if column in INT_COLUMNS:
        return "int"
    if column in FLOAT_COLUMNS:
        return "float"
    return "bool" if column in BOOL_COLUMNS else "other"


class _Columns:
    """One table being collected: the contract's columns first, other keys in the order first seen; the
    contract's typed columns become Arrow arrays chunk by chunk, the others stay values until every
    chunk is in (their type is decided over all of them)."""

    def __init__(self, columns: Sequence[str]) -> None:
        self.columns = list(columns)
        self.chunks: list[tuple[int, dict[str, Any]]] = []

    def add(self, rows: list[dict[str, Any]]) -> None:
        if not rows and self.chunks:
            return
        for row in rows:
            self.columns.extend(k for k in row if k not in self.columns)
        cols: dict[str, Any] = {}
        for c in self.columns:
            values = [row.get(c) for row in rows]
            cols[c] = values if _kind(c) == "other" else _typed(values, _kind(c))
        self.chunks.append((len(rows), cols))

    def table(self) -> pa.Table:
        import pyarrow as pa

        arrays, kinds = [], []
        for c in self.columns:
            kind = _kind(c)
            if kind == "other":
                values = [v for n, cols in self.chunks for v in cols.get(c, [None] * n)]
                kind, array = _other_column(values)
            else:
                array = pa.chunked_array([cols.get(c, pa.nulls(n, _arrow_type(kind))) for n, cols in self.chunks],
                                         _arrow_type(kind))
            arrays.append(array)
            kinds.append(kind)
        self.chunks = []
        schema = pa.schema([pa.field(c, a.type) for c, a in zip(self.columns, arrays)],
                           metadata={b"pandas": _pandas_metadata(self.columns, kinds)})
        return pa.Table.from_arrays(arrays, schema=schema)


def _arrow_type(kind: str) -> Any:
    import pyarrow as pa
    return {"int": pa.int64, "float": pa.float64, "bool": pa.bool_, "string": pa.large_string}[kind]()


# what pandas calls each kind in the Parquet file's pandas metadata, so pandas reads the files back with the
# dtypes the API's DataFrames have (Int64, float64, boolean, string)
_PANDAS_TYPES = {"int": ("int64", "Int64"), "float": ("float64", "float64"), "bool": ("bool", "boolean"),
                 "string": ("object", "string")}


def _pandas_metadata(columns: Sequence[str], kinds: Sequence[str]) -> bytes:
    from importlib.metadata import version

    import pyarrow as pa

    return json.dumps({
        "index_columns": [], "column_indexes": [],
        "columns": [{"name": c, "field_name": c, "pandas_type": _PANDAS_TYPES[k][0],
                     "numpy_type": _PANDAS_TYPES[k][1], "metadata": None} for c, k in zip(columns, kinds)],
        "attributes": {}, "creator": {"library": "pyarrow", "version": pa.__version__},
        "pandas_version": version("pandas")}).encode()


def _missing(v: Any) -> bool:
    return v is None or (isinstance(v, float) and v != v)


def _as_int(v: Any) -> int | None:
    """An integer column's value (pandas' to_numeric(errors='coerce')): text that is no number is missing."""
    if _missing(v):
        return None
    if isinstance(v, (bool, int)):
        return int(v)
    if isinstance(v, float):
        if not v.is_integer():
            raise ValueError(f"{v!r} is not an integer")
        return int(v)
    try:
        return _as_int(float(str(v).strip()))
    except ValueError:
        return None


def _as_float(v: Any) -> float | None:
    if _missing(v):
        return None
    if isinstance(v, (bool, int, float)):
        return float(v)
    try:
        return float(str(v).strip())
    except ValueError:
        return None


def _as_bool(v: Any) -> bool | None:
    if _missing(v):
        return None
    if isinstance(v, bool) or v in (0, 1):
        return bool(v)
    raise ValueError(f"{v!r} is not a boolean")


def _typed(values: list[Any], kind: str) -> Any:
    convert = {"int": _as_int, "float": _as_float, "bool": _as_bool}[kind]
    return _arrow_array([convert(v) for v in values], kind)


def _arrow_array(values: list[Any], kind: str) -> Any:
    """An Arrow array of ints, floats, booleans or texts (None: missing), built from its buffers.

    Not `pyarrow.array(list)`: that asks whether the list is a pandas object and so imports pandas
    (0.3 s, the largest import of a one-document run)."""
    from array import array

    import pyarrow as pa

    n = len(values)
    valid = bytearray((n + 7) // 8)
    nulls = 0
    for i, v in enumerate(values):
        if v is None:
            nulls += 1
        else:
            valid[i >> 3] |= 1 << (i & 7)
    validity = pa.py_buffer(valid) if nulls else None
    if kind == "string":
        encoded = [b"" if v is None else v.encode("utf-8", "surrogatepass") for v in values]
        offsets = array("q", [0])
        total = 0
        for e in encoded:
            total += len(e)
            offsets.append(total)
        buffers = [validity, pa.py_buffer(offsets), pa.py_buffer(b"".join(encoded))]
    elif kind == "bool":
        bits = bytearray((n + 7) // 8)
        for i, v in enumerate(values):
            if v:
                bits[i >> 3] |= 1 << (i & 7)
        buffers = [validity, pa.py_buffer(bits)]
    else:
        packed = array("q" if kind == "int" else "d", [0 if v is None else v for v in values])
        buffers = [validity, pa.py_buffer(packed)]
    return pa.Array.from_buffers(_arrow_type(kind), n, buffers, null_count=nulls)


def _other_column(values: list[Any]) -> tuple[str, Any]:
    """A column outside the contract's typed ones: numbers stay numbers, anything else becomes text
    ('' for missing)."""
    present = [v for v in values if not _missing(v)]
    if present and all(isinstance(v, bool) for v in present):
        kind = "bool"
    elif present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        kind = "int"
    elif present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        kind = "float"
    else:
        return "string", _arrow_array([_text(v) for v in values], "string")
    return kind, _typed(values, kind)


def _text(v: Any) -> str:
    if _missing(v):
        return ""
    return printable(json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else str(v))


def to_frame(table: pa.Table) -> pd.DataFrame:
    """The DataFrame of a collected table: Int64, float64, boolean and string columns (from its pandas metadata)."""
    return table.to_pandas()


def frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    """Rows to a DataFrame with exactly `columns` (extra keys kept at the end) and typed columns."""
    cols = _Columns(columns)
    cols.add(rows)
    return to_frame(cols.table())


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


def _cell(kind: str) -> Any:
    """How a value of an Arrow type prints in the CSV (as pandas' to_csv prints it: floats by %.15g, so whole
    kronor print without '.0'; booleans True/False; missing as empty)."""
    if kind == "float":
        return lambda v: "" if v is None or v != v else format(v, ".15g")
    return lambda v: "" if v is None else str(v)


def write_csv(table: pa.Table, path: Path) -> None:
    import pyarrow as pa

    cells = [_cell("float" if pa.types.is_floating(f.type) else "other") for f in table.schema]
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(table.column_names)
        for batch in table.to_batches(max_chunksize=10_000):
            columns = [[cell(v) for v in col.to_pylist()] for cell, col in zip(cells, batch.columns)]
            out.writerows(zip(*columns))


def write_tables(out_dir: Path, tables: dict[str, pa.Table], info: dict[str, Any] | None = None) -> dict[str, Path]:
    """Write CSV + Parquet for each table and OUT/arsred.duckdb, all via a staging folder."""
    import pyarrow.parquet as pq

    out_dir.mkdir(parents=True, exist_ok=True)
    stage = out_dir / f".staging-{os.getpid()}-{int(time.time() * 1000)}"
    stage.mkdir()
    written: dict[str, Path] = {}
    try:
        names: list[str] = []
        for name, table in tables.items():
            write_csv(table, stage / f"{name}.csv")
            pq.write_table(table, stage / f"{name}.parquet")
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
            "tables": {n: {"rows": table.num_rows, "csv_sha256": _sha(out_dir / f"{n}.csv")}
                       for n, table in tables.items()},
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
        if views is None:
            _canonical_table(con)
        for name, sql in (VIEWS if views is None else views).items():
            if _view_tables_exist(con, sql):
                con.execute(f'CREATE VIEW "{name}" AS {sql}')
        con.execute("CHECKPOINT")
    finally:
        con.close()


def _canonical_table(con: Any) -> None:
    """The synonym table's item ids as a table, so item_coverage can say which items are canonical."""
    from arsred.normalize.items import canonical_items

    con.execute(f'CREATE TABLE "{CANONICAL_TABLE}" (item VARCHAR)')
    con.executemany(f'INSERT INTO "{CANONICAL_TABLE}" VALUES (?)', [[i] for i in sorted(canonical_items())])


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
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(df, preserve_index=False)
    paths = []
    for ext in ("csv", "parquet"):
        final = out_dir / f"{name}.{ext}"
        tmp = out_dir / f".{name}.{ext}.{os.getpid()}.tmp"
        if ext == "csv":
            write_csv(table, tmp)
        else:
            pq.write_table(table, tmp)
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
