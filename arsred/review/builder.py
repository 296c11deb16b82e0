"""Build OUT/review/: index.html and one page per document, from OUT/documents/<doc_id>.json.

Every figure is an element with `data-fact` (the fact's key) and `data-status` (verified,
unverified, failed); its item, value in kronor and checks are in its title (hover). A PDF or
scan shows each page that holds figures as an image (rendered once with pypdfium2 into
review/pages/) with the figures' boxes drawn over it; a text document shows its lines, the
printed figures marked where they stand. Plain HTML and CSS with a little JavaScript (the
failed-check list highlights a check's figures); nothing is fetched at view time.
"""
from __future__ import annotations

import csv
import html
import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from arsred.errors import ArsredError
from arsred.normalize.facts import CheckResult, Fact
from arsred.normalize.reconcile.checks import fmt_sek
from arsred.result import DocumentResult

log = logging.getLogger(__name__)

STATUSES = ("verified", "unverified", "failed")
STATIC = ("review.css", "review.js")
RENDER_SCALE = 1.5          # 108 dpi: readable on a laptop, small on disk
STATUS_WORDS = {"verified": "verified: the report's own arithmetic proves it",
                "unverified": "unverified: no passing check with other figures covers it",
                "failed": "failed: a check it takes part in does not add up"}
SCOPE_WORDS = {"entity": "scope entity: the organisation's own accounts",
               "group": "scope group: the consolidated accounts (koncernen, sammanställd redovisning)"}
SOURCE_TEXT = "read from running text (source text), not from a table"


@dataclass(frozen=True)
class ReviewSummary:
    path: Path                 # OUT/review/index.html
    documents: int
    pages_rendered: int


def fact_status(fact: Fact, failed_keys: set[str]) -> str:
    """failed (in a failed check), verified, or unverified."""
    if fact.key in failed_keys:
        return "failed"
    return "verified" if fact.verified else "unverified"


def build_review(out_dir: str | Path, *, scale: float = RENDER_SCALE) -> ReviewSummary:
    out = Path(out_dir)
    docs_dir = out / "documents"
    if not docs_dir.is_dir():
        raise ArsredError(f"{out}: no documents/ folder (run `arsred extract ... -o {out}` first)")
    site = out / "review"
    site.mkdir(exist_ok=True)
    for name in STATIC:
        data = resources.files("arsred.review").joinpath("static", name).read_bytes()
        (site / name).write_bytes(data)
    rows, rendered = [], 0
    for doc_id in _doc_ids(out):
        path = docs_dir / f"{doc_id}.json"
        try:
            result = DocumentResult.from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("%s: cannot be reviewed (%s)", path, exc)
            continue
        n, body = _document_page(result, site, out, scale)
        rendered += n
        (site / f"{_safe(doc_id)}.html").write_text(body, encoding="utf-8")
        rows.append(result)
    (site / "index.html").write_text(_index_page(rows), encoding="utf-8")
    log.info("review of %d documents in %s (%d page images rendered)", len(rows), site, rendered)
    return ReviewSummary(site / "index.html", len(rows), rendered)


def _doc_ids(out: Path) -> list[str]:
    """documents.csv order when there is one, else the JSON files' names."""
    listed = out / "documents.csv"
    if listed.exists():
        with listed.open(newline="", encoding="utf-8") as fh:
            ids = [r["doc_id"] for r in csv.DictReader(fh)]
        return [i for i in ids if (out / "documents" / f"{i}.json").exists()]
    return sorted(p.stem for p in (out / "documents").glob("*.json"))


def _share(share: float | None) -> str:
    """The verified share as a percentage; a dash where nothing was put to the proof (an error row)."""
    return "–" if share is None else f"{share:.0%}"


def _safe(doc_id: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in doc_id)


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


# --- one document ----------------------------------------------------------------------------

def _document_page(result: DocumentResult, site: Path, out: Path, scale: float) -> tuple[int, str]:
    rec = result.record
    failed = [c for c in result.checks if c.status == "fail"]
    failed_keys = {k for c in failed for k in c.facts}
    by_page: dict[int, list[Fact]] = defaultdict(list)
    for f in result.facts:
        by_page[f.page].append(f)
    checks_of = _checks_of(result.checks)
    source = _source(rec.path, out)
    rendered = 0
    if rec.input_kind.startswith("pdf") and source is not None:
        images, rendered = _render_pages(source, rec.doc_id, rec.sha256, sorted(by_page), site, scale)
        pages = [_pdf_page(n, images.get(n), by_page[n], failed_keys, checks_of) for n in sorted(by_page)]
    else:
        # a document without figures shows no page: its input is not re-read (an unreadable file would
        # only be reported again, as a warning, for every `arsred review`)
        lines = _text_lines(result, source) if by_page else {}
        pages = [_text_page(n, lines.get(n, []), by_page[n], failed_keys, checks_of) for n in sorted(by_page)]
    counts = {s: sum(fact_status(f, failed_keys) == s for f in result.facts) for s in STATUSES}
    head = _head(f"{rec.organisation or rec.doc_id} {rec.fiscal_year or ''} — arsred review")
    summary = (f'<p class="summary"><span class="badge status-{_e(rec.status)}">{_e(rec.status)}</span> '
               f"{len(result.facts)} figures: "
               + " · ".join(f'<span class="count {s}">{counts[s]} {s}</span>' for s in STATUSES)
               + f" · verified share {_share(rec.verified_share)} · {rec.input_kind or 'unknown input'}"
               + (f" · {_e(rec.error)}" if rec.error else "") + "</p>")
    body = [head, '<body class="document">',
            f'<header><a href="index.html" class="back">← all documents</a>'
            f"<h1>{_e(rec.organisation or rec.doc_id)} <small>{_e(rec.fiscal_year or '')} · "
            f"{_e(rec.doc_type)} · {_e(rec.doc_id)}</small></h1>{summary}{_legend()}</header>",
            '<div class="layout">', _failed_panel(failed, result.facts), '<main class="pages">',
            *pages, "</main></div>", '<script src="review.js"></script></body></html>']
    if not pages:
        body.insert(-3, '<p class="empty">No figures were read from this document.</p>')
    return rendered, "\n".join(body)


def _checks_of(checks: Sequence[CheckResult]) -> dict[str, list[CheckResult]]:
    out: dict[str, list[CheckResult]] = defaultdict(list)
    for c in checks:
        if c.status in ("pass", "fail"):
            for k in dict.fromkeys(c.facts):
                out[k].append(c)
    return out


def _title(f: Fact, status: str, checks: list[CheckResult]) -> str:
    lines = [f"{f.label} ({f.item})", f"{f.statement} {f.period or ''} {f.column}".strip(),
             SCOPE_WORDS.get(f.scope, f.scope),
             f"{fmt_sek(f.value_sek)} kr (printed {f.printed} {f.unit})", STATUS_WORDS[status]]
    if f.source == "text":
        lines.insert(2, SOURCE_TEXT)
    if f.checked_by:
        lines.append(f"proven by: {f.checked_by.replace(';', ', ')}")
    if f.readings > 1:
        lines.append(f"{f.readings} readings" + (f", chosen by {f.decided_by.replace(';', ', ')}"
                                                 if f.decided_by else ""))
    for c in checks:
        lines.append(f"{c.status}: {c.check} — {c.message}")
    if f.meant_value_sek is not None:            # "ett underskott om 43 mkr": the words give the sign
        lines.append(f"meant {fmt_sek(f.meant_value_sek)} kr ({f.decided_by})")
    if f.suggested_value_sek is not None:
        lines.append(f"suspected OCR slip: {fmt_sek(f.suggested_value_sek)} kr")
    return "\n".join(lines)


def _figure_attrs(f: Fact, failed_keys: set[str], checks_of: dict[str, list[CheckResult]]) -> tuple[str, str]:
    status = fact_status(f, failed_keys)
    attrs = (f'data-fact="{_e(f.key)}" data-status="{status}" data-scope="{_e(f.scope)}" '
             f'data-source="{_e(f.source)}" tabindex="0" '
             f'title="{_e(_title(f, status, checks_of.get(f.key, [])))}"')
    return status, attrs


def _slip(f: Fact) -> str:
    if f.suggested_value_sek is None:
        return ""
    return (f'<span class="slip" title="suspected OCR slip: read {_e(f.printed)}, '
            f'the checks pass with {_e(fmt_sek(f.suggested_value_sek))} kr">'
            f"→ {_e(_printed_like(f))}?</span>")


def _printed_like(f: Fact) -> str:
    """The suggested value in the printed unit, as the page would print it."""
    from arsred.normalize.facts import UNITS
    return fmt_sek((f.suggested_value_sek or 0) / UNITS.get(f.unit, 1))


def _pdf_page(number: int, image: tuple[str, float, float] | None, facts: list[Fact], failed_keys: set[str],
              checks_of: dict[str, list[CheckResult]]) -> str:
    if image is None:
        return _text_page(number, [], facts, failed_keys, checks_of)
    src, width, height = image
    boxes = []
    loose = []
    for f in sorted(facts, key=lambda f: (f.top or 0, f.x0 or 0)):
        status, attrs = _figure_attrs(f, failed_keys, checks_of)
        if None in (f.x0, f.top, f.x1, f.bottom):
            loose.append(f)
            continue
        assert f.x0 is not None and f.top is not None and f.x1 is not None and f.bottom is not None
        pad = 1.0
        style = (f"left:{100 * (f.x0 - pad) / width:.3f}%;top:{100 * (f.top - pad) / height:.3f}%;"
                 f"width:{100 * (f.x1 - f.x0 + 2 * pad) / width:.3f}%;"
                 f"height:{100 * (f.bottom - f.top + 2 * pad) / height:.3f}%")
        boxes.append(f'<span class="fig box {status}" {attrs} style="{style}"></span>{_slip_at(f, width, height)}')
    parts = [f'<section class="page pdf" id="page-{number}"><h2>Page {number}</h2>',
             f'<div class="sheet" style="aspect-ratio:{width:.2f}/{height:.2f}">'
             f'<img src="{_e(src)}" alt="page {number}" width="{width:.0f}" height="{height:.0f}">',
             *boxes, "</div>"]
    if loose:
        parts.append(_figure_list(loose, failed_keys, checks_of, "Figures without a position on the page"))
    parts.append("</section>")
    return "\n".join(parts)


def _slip_at(f: Fact, width: float, height: float) -> str:
    if f.suggested_value_sek is None or f.x1 is None or f.top is None:
        return ""
    style = f"left:{100 * (f.x1 + 3) / width:.3f}%;top:{100 * f.top / height:.3f}%"
    return _slip(f).replace('<span class="slip"', f'<span class="slip on-image" style="{style}"', 1)


def _figure_list(facts: list[Fact], failed_keys: set[str], checks_of: dict[str, list[CheckResult]],
                 caption: str) -> str:
    rows = []
    for f in facts:
        status, attrs = _figure_attrs(f, failed_keys, checks_of)
        rows.append(f"<tr><td>{_e(f.label)}</td><td>{_e(f.period or '')} {_e(f.column)}</td>"
                    f'<td class="num"><span class="fig {status}" {attrs}>{_e(f.printed)}</span>{_slip(f)}</td></tr>')
    return (f'<table class="figures"><caption>{_e(caption)}</caption><tbody>' + "".join(rows)
            + "</tbody></table>")


def _text_page(number: int, lines: list[tuple[int, str]], facts: list[Fact], failed_keys: set[str],
               checks_of: dict[str, list[CheckResult]]) -> str:
    by_line: dict[int, list[Fact]] = defaultdict(list)
    for f in facts:
        by_line[f.line].append(f)
    if not lines:                # the input is gone: the figures' own lines, as read
        return (f'<section class="page text" id="page-{number}"><h2>Page {number}</h2>'
                + _figure_list(facts, failed_keys, checks_of, "Figures (the input file was not found)")
                + "</section>")
    shown = {n for n in by_line}
    keep = {n for ln in shown for n in range(ln - 2, ln + 3)}   # the figures' lines and a little context
    out = [f'<section class="page text" id="page-{number}"><h2>Page {number}</h2><pre class="lines">']
    gap = False
    for n, text in lines:
        if n not in keep:
            gap = True
            continue
        if gap:
            out.append('<span class="gap">⋯</span>')
            gap = False
        out.append(f'<span class="ln" data-line="{n}"><span class="no">{n}</span>'
                   f"{_marked_line(text, by_line.get(n, []), failed_keys, checks_of)}</span>")
    out.append("</pre></section>")
    return "".join(out)


def _marked_line(text: str, facts: list[Fact], failed_keys: set[str],
                 checks_of: dict[str, list[CheckResult]]) -> str:
    """The line with each figure wrapped where it is printed (left to right); a figure not found in
    the text (a repaired or joined line) is shown after it."""
    spans: list[tuple[int, int, Fact]] = []
    tail = []
    pos = 0
    for f in sorted(facts, key=lambda f: (f.x0 or 0, f.row, f.key)):
        at = _find(text, f.printed, pos, spans)
        if at < 0:
            tail.append(f)
            continue
        spans.append((at, at + len(f.printed), f))
        pos = at + len(f.printed)
    spans.sort(key=lambda s: s[0])
    out, cur = [], 0
    for start, end, f in spans:
        status, attrs = _figure_attrs(f, failed_keys, checks_of)
        out.append(_e(text[cur:start]))
        out.append(f'<span class="fig {status}" {attrs}>{_e(text[start:end])}</span>{_slip(f)}')
        cur = end
    out.append(_e(text[cur:]))
    for f in tail:
        status, attrs = _figure_attrs(f, failed_keys, checks_of)
        out.append(f'  <span class="fig {status} added" {attrs}>{_e(f.printed)}</span>{_slip(f)}')
    return "".join(out)


def _find(text: str, printed: str, start: int, taken: list[tuple[int, int, Fact]]) -> int:
    """Where `printed` stands in the line at or after `start`, not inside a digit run or a taken span."""
    if not printed:
        return -1
    for begin in (start, 0):
        at = text.find(printed, begin)
        while at >= 0:
            end = at + len(printed)
            clear = ((at == 0 or not text[at - 1].isdigit()) and (end >= len(text) or not text[end].isdigit())
                     and not any(s < end and at < e for s, e, _f in taken))
            if clear:
                return at
            at = text.find(printed, at + 1)
    return -1


def _failed_panel(failed: list[CheckResult], facts: list[Fact]) -> str:
    if not failed:
        return '<aside class="checks"><h2>Failed checks</h2><p class="none">None: every check that ran adds up.</p></aside>'
    keys = {f.key for f in facts}
    items = []
    for i, c in enumerate(failed):
        present = [k for k in dict.fromkeys(c.facts) if k in keys]
        diff = f"difference {fmt_sek(c.difference_sek)} kr" if c.difference_sek is not None else ""
        sugg = f'<p class="suggestion">Suspected OCR slip: {_e(c.suggestion)}</p>' if c.suggestion else ""
        items.append(
            f'<li><button type="button" class="check" data-check="{i}" data-check-id="{_e(c.check)}" '
            f'data-facts="{_e(" ".join(present))}" aria-pressed="false">'
            f"<b>{_e(c.check)}</b> <span class=\"where\">{_e(c.statement)} {_e(c.period or '')} "
            f"{_e(c.severity)}</span><span class=\"msg\">{_e(c.message)}</span>"
            f'<span class="diff">{_e(diff)}</span></button>{sugg}</li>')
    return (f'<aside class="checks"><h2>Failed checks ({len(failed)})</h2>'
            '<p class="hint">Select a check to highlight its figures.</p><ol>' + "".join(items) + "</ol></aside>")


def _legend() -> str:
    return ('<p class="legend">' + "".join(
        f'<span class="fig {s} sample" data-status="{s}">{s}</span> ' for s in STATUSES)
        + f'<span class="fig unverified sample" data-source="text" title="{_e(SOURCE_TEXT)}">from running text</span> '
        + '<span class="hint">hover a figure for its scope (the organisation\'s own or the group\'s)</span></p>')


def _head(title: str) -> str:
    return ('<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{_e(title)}</title><link rel="stylesheet" href="review.css"></head>')


# --- inputs: the page images and the text lines --------------------------------------------

def _source(path: str, out: Path) -> Path | None:
    """The input file as recorded, relative to the working directory or to OUT's parent."""
    if not path:
        return None
    p = Path(path)
    for candidate in (p, out.parent / p, out / p):
        if candidate.is_file():
            return candidate
    return None


def _render_pages(pdf: Path, doc_id: str, sha: str, numbers: Iterable[int], site: Path,
                  scale: float) -> tuple[dict[int, tuple[str, float, float]], int]:
    """Page images, rendered once: an image already in review/pages/ for this file's content is kept."""
    import pypdfium2 as pdfium

    folder = site / "pages" / _safe(doc_id)
    folder.mkdir(parents=True, exist_ok=True)
    images: dict[int, tuple[str, float, float]] = {}
    rendered = 0
    try:
        document = pdfium.PdfDocument(str(pdf))
    except Exception as exc:          # an unreadable PDF still gets its figures listed
        log.warning("%s: cannot render pages (%s)", pdf, exc)
        return images, 0
    try:
        for n in numbers:
            if not 1 <= n <= len(document):
                continue
            page = document[n - 1]
            width, height = page.get_size()
            target = folder / f"p{n}-{sha[:12] or 'x'}.png"
            if not target.exists():
                page.render(scale=scale).to_pil().save(target, optimize=True)
                rendered += 1
            images[n] = (f"pages/{_safe(doc_id)}/{target.name}", width, height)
            page.close()
    finally:
        document.close()
    return images, rendered


def _text_lines(result: DocumentResult, source: Path | None) -> dict[int, list[tuple[int, str]]]:
    """Each page's lines (number, text): re-read from the input, else the repaired page texts kept
    in the document's JSON (numbered from the page's first figure line)."""
    out: dict[int, list[tuple[int, str]]] = defaultdict(list)
    if source is not None:
        try:
            from arsred.extract.reading.read import read_document
            doc = read_document(source)
            for page in doc.pages:
                out[page.number] = [(ln.number, ln.text) for ln in page.lines]
            return out
        except Exception as exc:   # the review still shows the figures
            log.warning("%s: cannot re-read the input (%s)", source, exc)
    return out


# --- index ---------------------------------------------------------------------------------

def _index_page(results: list[DocumentResult]) -> str:
    rows = []
    for r in results:
        rec = r.record
        failed = [c for c in r.checks if c.status == "fail"]
        names = ", ".join(dict.fromkeys(c.check for c in failed))
        rows.append(
            f'<tr data-doc="{_e(rec.doc_id)}" data-status="{_e(rec.status)}">'
            f"<td>{_e(rec.organisation or '—')}<br><small class=\"id\">{_e(rec.doc_id)}</small></td>"
            f"<td>{_e(rec.fiscal_year or '')}</td>"
            f'<td><span class="badge status-{_e(rec.status)}">{_e(rec.status)}</span></td>'
            f'<td class="num">{len(r.facts)}</td><td class="num">{_share(rec.verified_share)}</td>'
            f'<td class="num">{len(failed)}</td><td class="names">{_e(names)}</td>'
            f'<td><a href="{_e(_safe(rec.doc_id))}.html">review</a> · '
            f'<a href="../documents/{_e(rec.doc_id)}.json">json</a></td></tr>')
    counts: dict[str, int] = defaultdict(int)
    for r in results:
        counts[r.record.status] += 1
    summary = " · ".join(f"{s} {counts[s]}" for s in ("ok", "flagged", "unverified", "error") if counts[s])
    return "\n".join([
        _head("arsred review"), '<body class="index">',
        f"<header><h1>arsred review</h1><p class=\"summary\">{len(results)} documents: {summary}</p></header>",
        '<table class="documents"><thead><tr><th>Organisation</th><th>Year</th><th>Status</th>'
        '<th>Figures</th><th>Verified</th><th>Failed checks</th><th>Which</th><th>Links</th></tr></thead>'
        "<tbody>", *rows, "</tbody></table></body></html>"])
