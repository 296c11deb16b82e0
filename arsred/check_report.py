"""`arsred check OUT`: the flagged documents and their failing checks, as a table a person reads.

Reads OUT/documents.csv and OUT/checks.csv (and, for unverified documents, the scope and source
columns of OUT/facts.csv), so it works on any finished run.
Documents with status error (could not be read) are listed too, and unverified ones (no check
fails, but too few figures are proven by the report's own arithmetic) with the reason. With `--fail-on-flag`
it returns exit code 1 when a document is flagged or has status error, to guard a pipeline.
"""
from __future__ import annotations

import csv
import shutil
import textwrap
from pathlib import Path

from arsred.errors import ArsredError, ExitCode

COLUMNS = ("document", "statement", "year", "what should equal what", "difference kr", "suggestion")


def _read(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        raise ArsredError(f"{path} not found: run `arsred extract … -o {path.parent}` first")
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _kronor(text: str) -> str:
    try:
        value = float(text)
    except (TypeError, ValueError):
        return ""
    if abs(value - round(value)) < 0.005:
        return f"{round(value):+,}".replace(",", " ")
    return f"{value:+,.2f}".replace(",", " ").replace(".", ",")


def _clip(text: str, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: max(width - 1, 1)] + "…"


def failing_rows(documents: list[dict[str, str]], checks: list[dict[str, str]]) -> list[tuple[str, ...]]:
    """One row per failed check of a flagged document, in document, statement, year order."""
    flagged = {d["doc_id"] for d in documents if d.get("status") == "flagged"}
    rows: list[tuple[str, ...]] = []
    for c in checks:
        if c.get("doc_id") in flagged and c.get("status") == "fail":
            rows.append((c["doc_id"], c.get("statement", ""), c.get("period", ""), c.get("message", ""),
                         _kronor(c.get("difference_sek", "")), c.get("suggestion", ""), c.get("severity", "")))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    return rows


def format_table(rows: list[tuple[str, ...]], width: int) -> str:
    fixed = {"statement": 17, "year": 5, "difference kr": 13}
    doc_w = min(max([len("document")] + [len(r[0]) for r in rows]), 28)
    rest = max(width - doc_w - sum(fixed.values()) - 2 * (len(COLUMNS) - 1), 40)
    what_w, sugg_w = (rest * 2) // 3, rest - (rest * 2) // 3
    widths = (doc_w, fixed["statement"], fixed["year"], what_w, fixed["difference kr"], sugg_w)
    lines = ["  ".join(h.ljust(w) for h, w in zip(COLUMNS, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for r in rows:
        what = textwrap.wrap(" ".join(r[3].split()), what_w) or [""]
        sugg = textwrap.wrap(" ".join(r[5].split()), sugg_w) or [""]
        # the document id is wrapped, never cut: ids of one archive often differ only at their end (the year)
        doc = [r[0][k:k + doc_w] for k in range(0, len(r[0]), doc_w)] or [""]
        for i in range(max(len(what), len(sugg), len(doc))):
            first = i == 0
            cells = [doc[i] if i < len(doc) else "", _clip(r[1], widths[1]) if first else "",
                     _clip(r[2], widths[2]) if first else "", what[i] if i < len(what) else "",
                     r[4].rjust(widths[4]) if first else "", sugg[i] if i < len(sugg) else ""]
            lines.append("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
    return "\n".join(lines)


def unverified_reason(doc: dict[str, str]) -> str:
    """'3 of 40 figures (8%) proven by the report's own checks; at least 50% needed'."""
    from arsred.normalize.reconcile.verify import OK_VERIFIED_SHARE

    try:
        n, proven = int(doc.get("n_facts") or 0), int(doc.get("n_verified") or 0)
    except ValueError:
        return "figures proven: unknown"
    share = proven / n if n else 0.0
    return (f"{proven} of {_n(n, 'figure')} ({share:.0%}) proven by the report's own checks; "
            f"at least {OK_VERIFIED_SHARE:.0%} needed")


def unproven_warnings(doc: dict[str, str]) -> list[str]:
    """The document's warnings that say why figures passing their checks are not verified (no unit declared, …)."""
    from arsred.normalize.reconcile.verify import UNPROVEN

    return [w for w in (doc.get("warnings") or "").split("; ") if UNPROVEN in w]


def figure_origins(facts_csv: Path, doc_ids: set[str]) -> dict[str, str]:
    """doc_id -> 'of which 1 from running text (source text), 20 the group's (scope group)'; '' when none."""
    if not facts_csv.exists() or not doc_ids:
        return {}
    text: dict[str, int] = {}
    group: dict[str, int] = {}
    with facts_csv.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            d = row.get("doc_id", "")
            if d in doc_ids:
                text[d] = text.get(d, 0) + (row.get("source") == "text")
                group[d] = group.get(d, 0) + (row.get("scope") == "group")
    out = {}
    for d in doc_ids:
        parts = ([f"{text[d]} from running text (source text)"] if text.get(d) else []) + \
                ([f"{group[d]} the group's (scope group)"] if group.get(d) else [])
        out[d] = "; of which " + ", ".join(parts) if parts else ""
    return out


def run_check(out_dir: Path, fail_on_flag: bool) -> int:
    out_dir = Path(out_dir)
    documents = _read(out_dir / "documents.csv")
    checks = _read(out_dir / "checks.csv")
    flagged = [d for d in documents if d.get("status") == "flagged"]
    failed = [d for d in documents if d.get("status") == "error"]
    n_fail = sum(c.get("status") == "fail" for c in checks)
    n_unverified = sum(d.get("status") == "unverified" for d in documents)
    print(f"{_n(len(documents), 'document')}, {_n(len(checks), 'check')} ({n_fail} failed); "
          f"{len(flagged)} flagged: " + (", ".join(d["doc_id"] for d in flagged) or "none")
          + (f"; {n_unverified} unverified" if n_unverified else ""))
    if failed:
        print(f"{_n(len(failed), 'document')} could not be read (status error): "
              + ", ".join(d["doc_id"] for d in failed))
        for d in failed[:10]:
            print(f"  {d['doc_id']}: {_clip(d.get('error', ''), 200)}")
        if len(failed) > 10:
            print(f"  … {len(failed) - 10} more in {out_dir}/documents.csv (status = error)")
    unverified = [d for d in documents if d.get("status") == "unverified"]
    if unverified:
        print(f"{_n(len(unverified), 'document')} unverified (no check fails, but too few figures are "
              f"proven to vouch for {'it' if len(unverified) == 1 else 'them'}):")
        origins = figure_origins(out_dir / "facts.csv", {d["doc_id"] for d in unverified[:20]})
        for d in unverified[:20]:
            print(f"  {d['doc_id']}: {unverified_reason(d)}{origins.get(d['doc_id'], '')}")
            for why in unproven_warnings(d):
                print(f"    {why}")
        if len(unverified) > 20:
            print(f"  … {len(unverified) - 20} more in {out_dir}/documents.csv (status = unverified)")
    rows = failing_rows(documents, checks)
    if rows:
        print()
        print(format_table(rows, shutil.get_terminal_size((160, 24)).columns))
        suggested = [r for r in rows if r[5]]
        if suggested:
            verb = "is" if len(suggested) == 1 else "are"
            print(f"\n{_n(len(suggested), 'failing check')} {verb} explained by a suspected OCR slip "
                  "(see suggestion).")
    return int(ExitCode.FLAGGED) if fail_on_flag and (flagged or failed) else int(ExitCode.OK)


def _n(n: int, word: str) -> str:
    return f"{n} {word if n == 1 else word + 's'}"
