"""The panel: one row per organisation and year with standard metrics, each traceable to a page.

Built from an extracted OUT (facts + documents). Metric definitions are data
(`arsred/data/panel_metrics.csv`: metric -> item ids in preference order, and the kinds of
organisation a rule applies to). A year printed by two reports (the prior-year column of the
next one) takes the newer report's figure and is flagged as a restatement when the two differ
beyond rounding.

Figures are kept apart by scope: a kommun's own accounts (`entity`) and its consolidated
accounts (`group`, Koncernen / Sammanställd redovisning) are never mixed in one value.
`panel_long` holds both, with a `scope` column; `panel` (one row per organisation-year) holds
the entity's figures only, as a researcher comparing municipalities expects.
"""
from __future__ import annotations

import csv
import logging
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from arsred.extract.metadata import organisation_kind

if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger(__name__)

METRICS_CSV = Path(__file__).parent / "data" / "panel_metrics.csv"
# Which columns hold an outcome, best first (a Driftredovisning has Intäkt/Kostnad/Netto).
OUTCOME_COLUMNS = ("utfall", "utfall_netto", "utfall_kostnad", "utfall_intakt")
RATIO = ("eget_kapital_per_medlemsbidrag", "eget_kapital", "medlemsbidrag_total")
_ORG_NOISE = re.compile(r"\bsamordningsforbund(?:et)?s?\b|\bfinsam\b")


@dataclass(frozen=True)
class MetricRule:
    metric: str
    rank: int
    items: tuple[str, ...]
    sign: str
    combine: str = "first"
    kinds: tuple[str, ...] = ()     # organisation kinds the rule applies to; empty: any


SCOPES = ("entity", "group")
# printed: as printed (results, equity); income / cost: shown positive, turned only where the table
# that prints it prints its incomes (or costs) negative — never abs(), which would hide an income
# printed negative ("Intäkter övriga -7") in a table whose incomes are positive
SIGNS = ("printed", "income", "cost")


@dataclass(frozen=True)
class Value:
    """One metric of one year as one report gives it."""

    value: float
    tolerance: float
    doc_id: str
    page: int | None
    line: int | None
    item: str
    statement: str
    table: int | None = None
    verified: bool = False          # every figure it is made of is proven by the report's own arithmetic


@dataclass
class PanelSummary:
    rows: int
    organisations: int
    restated: int
    paths: list[Path]


def load_rules(path: Path = METRICS_CSV) -> list[MetricRule]:
    rules = []
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(line for line in f if not line.startswith("#")):
            if row["sign"] not in SIGNS or row["combine"] not in ("first", "sum"):
                raise ValueError(f"{path}: bad sign/combine in {row}")
            kinds = tuple(k for k in (row.get("kinds") or "").split("+") if k)
            rules.append(MetricRule(row["metric"], int(row["rank"]), tuple(row["items"].split("+")), row["sign"],
                                    row["combine"], kinds))
    first = {m: i for i, m in reversed(list(enumerate(r.metric for r in rules)))}
    return sorted(rules, key=lambda r: (first[r.metric], r.rank))


def metric_names(rules: list[MetricRule]) -> list[str]:
    names: list[str] = []
    for r in rules:
        if r.metric not in names:
            names.append(r.metric)
    return names + [RATIO[0]]


def org_id(name: str) -> str:
    """One id per förbund however its name is spelled: casefold, no diacritics, no 'Samordningsförbundet'."""
    s = unicodedata.normalize("NFKD", (name or "").casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _ORG_NOISE.sub(" ", s)
    return "_".join(re.findall(r"[a-z0-9]+", s))


def _doc_rank(doc: dict[str, Any]) -> tuple[int, int, str]:
    """Newer and full-year reports win: (is årsredovisning, fiscal year, doc_id)."""
    kind = org_id(str(doc.get("doc_type") or ""))
    fy = doc.get("fiscal_year")
    return (1 if "arsredovisning" in kind else 0, int(fy) if fy == fy and fy is not None else -1,
            str(doc["doc_id"]))


def value_meant(row: dict[str, Any]) -> float:
    """A facts.csv row's value as meant: `meant_value_sek` where the words give the sign ("ett underskott om
    43 mkr" printed 43, meant -43), else `value_sek` (signed as printed) — what a sum or a ratio must use."""
    return _f(row.get("meant_value_sek"), float(row["value_sek"]))


def item_values(facts: list[dict[str, Any]], combine: str = "first") -> dict[tuple[str, int], Value]:
    """(item, period) -> one value for one document.

    The first outcome column present wins; within it the first table (or note) holding the
    item; in that table a total row wins, else the first row, or with combine="sum" the
    rows of different labels added up (one row per kommun).
    """
    groups: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    for f in facts:
        groups[(f["item"], int(f["period"]))].append(f)
    out: dict[tuple[str, int], Value] = {}
    for key, rows in groups.items():
        col = next(c for c in OUTCOME_COLUMNS if any(r["column"] == c for r in rows))
        rows = [r for r in rows if r["column"] == col]
        first = min((_n(r.get("note")), _n(r.get("table"))) for r in rows)
        rows = sorted((r for r in rows if (_n(r.get("note")), _n(r.get("table"))) == first),
                      key=lambda r: (_n(r.get("row")), _n(r.get("line"))))
        totals = [r for r in rows if _true(r.get("is_total"))]
        if totals:
            use = totals[-1:]
        elif combine == "sum":
            seen: dict[str, dict[str, Any]] = {}
            for r in rows:
                seen.setdefault(str(r.get("label") or r.get("label_raw")), r)
            use = list(seen.values())
        else:
            use = rows[:1]
        src = use[0]
        out[key] = Value(value=float(sum(value_meant(r) for r in use)),
                         tolerance=float(sum(_f(r.get("tolerance_sek"), 0.5) for r in use)),
                         doc_id=str(src["doc_id"]), page=_opt_int(src.get("page")),
                         line=_opt_int(src.get("line")), item=key[0], statement=str(src["statement"]),
                         table=_opt_int(src.get("table")), verified=all(_true(r.get("verified")) for r in use))
    return out


def sign_conventions(rows: list[dict[str, Any]], rules: list[MetricRule]) -> dict[tuple[str, int | None, str], int]:
    """(statement, table, income|cost) -> -1 where the table prints that kind negative: most of the
    non-zero figures of its rows of that kind (the items the rules of that sign read) are negative.
    One row's sign is information (a negative income is a correction); the table's is a convention."""
    kind_of = {i: r.sign for r in rules if r.sign in ("income", "cost") for i in r.items}
    votes: dict[tuple[str, int | None, str], int] = defaultdict(int)
    for r in rows:
        kind = kind_of.get(r["item"])
        v = value_meant(r)
        if kind and v:
            votes[(str(r["statement"]), _opt_int(r.get("table")), kind)] += 1 if v > 0 else -1
    return {k: -1 if n < 0 else 1 for k, n in votes.items()}


def document_metrics(rows: list[dict[str, Any]], rules: list[MetricRule],
                     kind: str = "") -> dict[tuple[str, int], Value]:
    """(metric, year) -> the best-ranked rule that this document can answer.

    `rows` hold one scope only. A rule limited to some kinds of organisation (members'
    contributions are a förbund's income, not a kommun's) applies only when the kind is known
    and among them.
    """
    by_combine = {c: item_values(rows, c) for c in ("first", "sum")}
    conventions = sign_conventions(rows, rules)
    periods = sorted({p for _, p in by_combine["first"]})
    out: dict[tuple[str, int], Value] = {}
    for rule in rules:
        if rule.kinds and kind not in rule.kinds:
            continue
        values = by_combine[rule.combine]
        for year in periods:
            if (rule.metric, year) in out:
                continue
            parts = [values.get((item, year)) for item in rule.items]
            if any(p is None for p in parts):
                continue
            got = [p for p in parts if p is not None]
            total = sum(p.value * conventions.get((p.statement, p.table, rule.sign), 1) for p in got)
            out[(rule.metric, year)] = Value(total, sum(p.tolerance for p in got), got[0].doc_id, got[0].page,
                                             got[0].line, "+".join(rule.items), got[0].statement,
                                             verified=all(p.verified for p in got))
    return out


def build_long(documents: pd.DataFrame, facts: pd.DataFrame, rules: list[MetricRule] | None = None) -> pd.DataFrame:
    """panel_long: organisation, year, metric, value and its source; restatements marked."""
    import pandas as pd

    rules = rules or load_rules()
    wanted = {i for r in rules for i in r.items}
    docs = {}
    for d in documents.to_dict("records"):
        kind = org_id(str(d.get("doc_type") or ""))
        if d.get("status") == "error" or "delar" in kind:
            continue
        d["org_id"] = org_id(str(d.get("organisation") or "")) or f"doc_{d['doc_id']}"
        docs[d["doc_id"]] = d
    f = facts[facts["item"].isin(wanted) & facts["column"].isin(OUTCOME_COLUMNS)
              & facts["period"].notna() & facts["value_sek"].notna() & facts["doc_id"].isin(list(docs))]
    by_doc: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in f.to_dict("records"):
        scope = r.get("scope")
        by_doc[(r["doc_id"], scope if scope in SCOPES else "entity")].append(r)

    cands: dict[tuple[str, int, str, str], list[tuple[tuple[int, int, str], Value]]] = defaultdict(list)
    for (doc_id, scope), rows in by_doc.items():
        d = docs[doc_id]
        for (metric, year), v in document_metrics(rows, rules, organisation_kind(str(d.get("organisation") or ""))).items():
            cands[(d["org_id"], year, scope, metric)].append((_doc_rank(d), v))

    names = {}
    for d in sorted(docs.values(), key=_doc_rank):
        if d.get("organisation"):
            names[d["org_id"]] = d["organisation"]
    records = []
    for (oid, year, scope, metric), vs in cands.items():
        vs.sort(key=lambda t: t[0], reverse=True)
        best = vs[0][1]
        other = next((v for _, v in vs[1:] if abs(v.value - best.value) > best.tolerance + v.tolerance + 1.0), None)
        records.append(_row(oid, names.get(oid, ""), year, scope, metric, best, len(vs), other))
    for (oid, year, scope), group in _by_org_year(records).items():
        num, den = group.get(RATIO[1]), group.get(RATIO[2])
        if num and den and den["value_sek"]:
            v = Value(num["value_sek"] / den["value_sek"], 0.0, num["doc_id"], num["page"], num["line"],
                      f"{RATIO[1]}/{RATIO[2]}", num["statement"], verified=bool(num["verified"] and den["verified"]))
            records.append(_row(oid, names.get(oid, ""), year, scope, RATIO[0], v, 1, None))
    cols = ["org_id", "organisation", "year", "scope", "metric", "value_sek", "doc_id", "page", "line", "item",
            "statement", "verified", "n_reports", "restated", "restated_value_sek", "restated_doc_id"]
    order = {m: i for i, m in enumerate(metric_names(rules))}
    records.sort(key=lambda r: (r["org_id"], r["year"], SCOPES.index(r["scope"]), order.get(r["metric"], 99)))
    df = pd.DataFrame.from_records(records, columns=cols)
    for c in ("year", "page", "line", "n_reports"):
        df[c] = df[c].astype("Int64")
    df["restated"] = df["restated"].astype("boolean")
    df["verified"] = df["verified"].astype("boolean")
    return df


def _row(oid: str, name: str, year: int, scope: str, metric: str, v: Value, n: int,
         other: Value | None) -> dict[str, Any]:
    return {"org_id": oid, "organisation": name, "year": year, "scope": scope, "metric": metric, "value_sek": v.value,
            "doc_id": v.doc_id, "page": v.page, "line": v.line, "item": v.item, "statement": v.statement,
            "verified": v.verified, "n_reports": n, "restated": other is not None,
            "restated_value_sek": other.value if other else None, "restated_doc_id": other.doc_id if other else ""}


def _by_org_year(records: list[dict[str, Any]]) -> dict[tuple[str, int, str], dict[str, dict[str, Any]]]:
    out: dict[tuple[str, int, str], dict[str, dict[str, Any]]] = defaultdict(dict)
    for r in records:
        out[(r["org_id"], r["year"], r["scope"])][r["metric"]] = r
    return out


def build_wide(long: pd.DataFrame, metrics: list[str]) -> pd.DataFrame:
    """panel: one row per organisation-year of the entity's own figures; per metric its value,
    source document and page (the group's figures are in panel_long, scope 'group')."""
    import pandas as pd

    rows = []
    for (oid, year), g in long[long["scope"] == "entity"].groupby(["org_id", "year"], sort=True):
        row: dict[str, Any] = {"org_id": oid, "organisation": g["organisation"].iloc[0], "year": int(year)}
        by = {r["metric"]: r for r in g.to_dict("records")}
        for m in metrics:
            r = by.get(m)
            row[m] = r["value_sek"] if r else None
            row[f"{m}_doc"] = r["doc_id"] if r else ""
            row[f"{m}_page"] = r["page"] if r else None
        restated = sorted(m for m, r in by.items() if r["restated"])
        row["restated"] = bool(restated)
        row["restated_metrics"] = ";".join(restated)
        row["unverified_metrics"] = ";".join(m for m in metrics if m in by and not by[m]["verified"])
        row["n_reports"] = int(g["n_reports"].max())
        rows.append(row)
    cols = ["org_id", "organisation", "year"] + [c for m in metrics for c in (m, f"{m}_doc", f"{m}_page")] + \
        ["restated", "restated_metrics", "unverified_metrics", "n_reports"]
    df = pd.DataFrame.from_records(rows, columns=cols)
    df["year"] = df["year"].astype("Int64")
    for m in metrics:
        df[m] = pd.to_numeric(df[m], errors="coerce").astype("float64")
        df[f"{m}_page"] = pd.to_numeric(df[f"{m}_page"], errors="coerce").astype("Int64")
        df[f"{m}_doc"] = df[f"{m}_doc"].astype("string")
    df["restated"] = df["restated"].astype("boolean")
    df["n_reports"] = df["n_reports"].astype("Int64")
    return df


def load_tables(out_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    import pandas as pd

    from arsred.errors import ArsredError
    from arsred.result import FACT_COLUMNS
    from arsred.writers import frame

    if (out_dir / "facts.parquet").exists() and (out_dir / "documents.parquet").exists():
        return pd.read_parquet(out_dir / "documents.parquet"), pd.read_parquet(out_dir / "facts.parquet")
    if (out_dir / "facts.csv").exists() and (out_dir / "documents.csv").exists():
        docs = pd.read_csv(out_dir / "documents.csv", keep_default_na=False, na_values=[""])
        facts = pd.read_csv(out_dir / "facts.csv", keep_default_na=False, na_values=[""])
        return docs, frame(facts.to_dict("records"), FACT_COLUMNS)
    raise ArsredError(f"{out_dir}: no documents/facts tables (run `arsred extract ... -o {out_dir}` first)")


def build_panel(out_dir: Path) -> PanelSummary:
    """Write OUT/panel.csv|parquet, panel_long.csv|parquet and add them to OUT/arsred.duckdb."""
    from arsred.writers import add_to_duckdb, write_frame_atomic

    rules = load_rules()
    documents, facts = load_tables(out_dir)
    long = build_long(documents, facts, rules)
    wide = build_wide(long, metric_names(rules))
    paths = write_frame_atomic(wide, out_dir, "panel") + write_frame_atomic(long, out_dir, "panel_long")
    paths.append(add_to_duckdb(out_dir, {"panel": out_dir / "panel.parquet",
                                         "panel_long": out_dir / "panel_long.parquet"},
                               {"panel_restatements": "SELECT * FROM panel_long WHERE restated"}))
    log.info("panel: %d rows", len(wide))
    return PanelSummary(rows=len(wide), organisations=int(wide["org_id"].nunique()) if len(wide) else 0,
                        restated=int(wide["restated"].sum()) if len(wide) else 0, paths=paths)


def _true(v: Any) -> bool:
    return type(v).__name__ in ("bool", "bool_") and bool(v)


def _n(v: Any) -> float:
    return float(v) if v is not None and v == v else -1.0


def _f(v: Any, default: float) -> float:
    return float(v) if v is not None and v == v else default


def _opt_int(v: Any) -> int | None:
    return int(v) if v is not None and v == v else None
