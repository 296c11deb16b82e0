"""Helpers shared by the genre fixture generators (tests/genre*/make_genre*.py).

Numbers in Swedish style, table rows, rendering of tables as text, gold facts and
their validation against the text, and the write-everything loop.  What is special
to one set of reports stays in its generator (cell options, OCR damage, extra
checks on the gold).
"""
from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass

NBSP = "\u00a0"
THIN = "\u202f"
EM = "\u2014"      # em dash: an empty cell (or, in OCR text, a minus sign)
DASH = "-"         # a lone dash in a cell: printed, not a fact
UNIT_MULT = {"kr": 1, "tkr": 1000, "mkr": 1_000_000}


def fmtnum(v, dec=0, minus="-", paren=False, thou=" "):
    """A number as printed: thousands separator `thou`, decimal comma, minus or parentheses."""
    neg = v < 0
    a = abs(v)
    if dec:
        s = f"{a:,.{dec}f}".replace(",", "X").replace(".", ",").replace("X", thou)
    else:
        s = f"{int(round(a)):,}".replace(",", thou)
    if neg:
        s = f"({s})" if paren else minus + s
    return s


def parse_printed(s):
    """The value of a printed figure ("±0", "(1 205)", "−155 490", "47,2", NBSP/thin spaces)."""
    t = s.strip()
    if t.startswith("±"):
        t = t[1:]
    neg = False
    if t.startswith("(") and t.endswith(")"):
        neg, t = True, t[1:-1]
    if t[:1] in "-\u2212–—":
        neg, t = True, t[1:].strip()
    t = t.replace(" ", "").replace(NBSP, "").replace(THIN, "").replace(",", ".")
    v = float(t)
    return -v if neg else v


def R(label, *vals, note=None, gold=None, shown=None, lead=None, wrap=None, hard=False):
    """A table row. shown: the label as printed; gold: the label in the gold; lead: first
    line of a wrapped label (figures on the last); wrap: continuation line after the figures."""
    return {"kind": "row", "label": label, "vals": list(vals), "note": note, "gold": gold,
            "shown": shown, "lead": lead, "wrap": wrap, "hard": hard}


def H(text):
    """A line inside a table that is not a row (heading, footer, rule)."""
    return {"kind": "raw", "text": text}


def unit(declared, actual, note=None):
    """A `units` entry of the gold."""
    u = {"declared": declared, "actual": actual}
    if note:
        u["note"] = note
    return u


def units(d, stmts, declared, actual=None):
    """Set the same unit for several statements."""
    for s in stmts:
        d.units[s] = unit(declared, actual or declared)


def exact(x):
    """An integer if x is one (within float noise), else x rounded to öre."""
    return int(round(x)) if abs(x - round(x)) < 1e-6 else round(x, 2)


def render(rendered, layout, minw=5):
    """Lines of a table from [(kind, x)]: kind "raw" (x a line), "head" or "cells" (x cells).
    Layouts: tab, single (one space), pipe, pad (space-padded, amounts right-aligned,
    at least `minw` wide), dots (pad with leaders after the label).  A raw "@@RULE-" /
    "@@RULE=" line becomes a rule under each amount column."""
    out = []
    if layout == "tab":
        for kind, x in rendered:
            out.append(x if kind == "raw" else "\t".join(x).rstrip("\t"))
        return out
    if layout == "single":
        for kind, x in rendered:
            out.append(x if kind == "raw" else " ".join(c for c in x if c != ""))
        return out
    if layout == "pipe":
        first = True
        for kind, x in rendered:
            if kind == "raw":
                out.append(x)
                continue
            out.append("| " + " | ".join(x) + " |")
            if kind == "head" and first:
                out.append("|" + "|".join(["---"] + ["---:"] * (len(x) - 1)) + "|")
                first = False
        return out
    rows = [x for kind, x in rendered if kind != "raw"]
    n = max(len(r) for r in rows)
    widths = [max(len(r[i]) for r in rows if i < len(r)) for i in range(n)]
    lw = widths[0] + (6 if layout == "dots" else 3)
    cw = [max(widths[i], minw) + 3 for i in range(n)]
    for kind, x in rendered:
        if kind == "raw":
            if x.startswith("@@RULE"):
                ch = x[-1]
                out.append((" " * lw + "".join((ch * (cw[i] - 3)).rjust(cw[i]) for i in range(1, n))).rstrip())
            else:
                out.append(x)
            continue
        if layout == "dots" and kind == "cells":
            # leaders run up to the first amount: "Kassa och bank ........... 2 150     2 340"
            lab = x[0] + " "
            s = lab + "." * (lw + cw[1] - len(x[1]) - 1 - len(lab)) + " " + x[1]
            first = 2
        else:
            s = x[0].ljust(lw)
            first = 1
        for i in range(first, len(x)):
            s += x[i].rjust(cw[i])
        out.append(s.rstrip())
    return out


class BaseDoc:
    """One report: its text lines, gold facts, units and expected failures.
    Subclasses define `cell(v, o)` -> (text, printed, cell-or-None) and `options(**kw)`."""

    minw = 5            # minimum amount-column width in the "pad" layout

    def __init__(self, stem, org, doc_type, fy, layout="tab"):
        self.stem, self.org, self.doc_type, self.fy, self.layout = stem, org, doc_type, fy, layout
        self.lines: list[str] = []
        self.facts: list[dict] = []
        self.units: dict = {}
        self.failures: list[dict] = []
        self.ambiguous: list[dict] = []

    def p(self, text=""):
        """Append a dedented block of text (a leading and trailing blank line dropped)."""
        lines = textwrap.dedent(text).split("\n")
        if lines and lines[0].strip() == "":
            lines = lines[1:]
        if lines and lines[-1].strip() == "":
            lines = lines[:-1]
        self.lines.extend(lines or [""])

    def blank(self):
        self.lines.append("")

    def heading(self, text):
        """A blank line, then a heading line."""
        self.lines.extend(["", text])

    def fact(self, stmt, label, period, column, printed, c, mult, note=None, hard=False):
        """Record one gold fact for cell `c` printed in units of `mult` kronor."""
        tv = None if c.true is None else exact(c.true * mult)
        self.facts.append({"statement": stmt, "note": note if stmt == "noter" else None,
                           "label": label, "period": period, "column": column,
                           "printed": printed, "value_sek": exact(c.v * mult), "true_value_sek": tv,
                           "difficulty": "hard" if hard else "normal"})

    def options(self, **kw):
        return kw

    def table(self, stmt, header, cols, rows, mult, note=None, notcol=False, layout=None, **kw):
        """Write a table and its facts. header: lines of cells [label, (Not), col...];
        cols: [(period, column)] one per amount column; kw: cell options (see `options`)."""
        layout = layout or self.layout
        o = self.options(**kw)
        rendered = [("head", list(h)) for h in header]
        for r in rows:
            if r["kind"] != "row":
                rendered.append(("raw", r["text"]))
                continue
            assert len(r["vals"]) == len(cols), (self.stem, r["label"], r["vals"])
            cells = [r["shown"] or r["label"]]
            if notcol:
                cells.append("" if r["note"] is None else str(r["note"]))
            gold_label = r["gold"] or " ".join(x for x in (r["lead"], r["label"], r["wrap"]) if x)
            for v, (period, column) in zip(r["vals"], cols):
                text, printed, c = self.cell(v, o)
                cells.append(text)
                if c is not None:
                    self.fact(stmt, gold_label, period, column, printed, c, mult, note, r["hard"])
            if r["lead"]:
                rendered.append(("raw", r["lead"]))
            rendered.append(("cells", cells))
            if r["wrap"]:
                rendered.append(("raw", r["wrap"]))
        self.lines.extend(render(rendered, layout, self.minw))

    def fail(self, stmt, period, rule, printed, computed, why):
        """Record a deliberate inconsistency."""
        self.failures.append({"statement": stmt, "period": period, "rule": rule,
                              "printed": printed, "computed": computed, "why": why})

    def text(self):
        return "\n".join(self.lines).rstrip("\n") + "\n"

    def gold(self):
        g = {"source": self.stem + ".txt", "organisation": self.org, "doc_type": self.doc_type,
             "fiscal_year": self.fy, "units": self.units, "facts": self.facts,
             "expected_failures": self.failures}
        if self.ambiguous:
            g["ambiguous_ties"] = self.ambiguous
        return g


def validate(d, text, mult_of=None, check_fact=None, lines=(100, 250), failures_differ=True):
    """Check the gold of `d` against `text`: JSON round-trips, each printed figure occurs,
    value_sek = printed × unit, no duplicate facts, line count within `lines` (max None =
    no limit).  mult_of(d, f) may override the unit; check_fact(d, f, lines) adds checks."""
    g = d.gold()
    json.loads(json.dumps(g, ensure_ascii=False))
    keys = set()
    text_lines = text.splitlines()
    for f in g["facts"]:
        assert f["printed"] in text, (d.stem, f)
        if check_fact:
            check_fact(d, f, text_lines)
        mult = UNIT_MULT[g["units"][f["statement"]]["actual"]]
        if mult_of:
            mult = mult_of(d, f, mult)
        got = parse_printed(f["printed"]) * mult
        assert abs(got - f["value_sek"]) < 0.01, (d.stem, f, got)
        k = (f["statement"], f["note"], f["label"], f["period"], f["column"])
        assert k not in keys, ("duplicate gold fact", d.stem, k)
        keys.add(k)
    if failures_differ:
        for e in g["expected_failures"]:
            assert e["printed"] != e["computed"], e
    lo, hi = lines
    assert lo <= len(text_lines) and (hi is None or len(text_lines) <= hi), (d.stem, len(text_lines))
    return g


def on_table_line(d, f, lines):
    """The printed figure stands on a table line (not only in prose ending with ".")."""
    assert any(f["printed"] in ln and not ln.endswith(".") for ln in lines), (d.stem, f)


def no_operator(d, f):
    """Gold labels carry no "=", "+" or "- " prefix."""
    for op in ("=", "+", "- "):
        assert not f["label"].startswith(op), (d.stem, f["label"])


def generate(here, reports, validate_fn, post=None):
    """Build each report, apply post(d, text) (e.g. OCR damage), validate, write the .txt
    and gold/*.json next to the generator and print a summary line."""
    (here / "gold").mkdir(exist_ok=True)
    for fn in reports:
        d = fn()
        text = d.text()
        if post:
            text = post(d, text)
        g = validate_fn(d, text)
        (here / f"{d.stem}.txt").write_text(text, encoding="utf-8")
        (here / "gold" / f"{d.stem}.json").write_text(json.dumps(g, ensure_ascii=False, indent=2) + "\n",
                                                     encoding="utf-8")
        print(f"{d.stem}: {len(text.splitlines())} lines, {len(g['facts'])} facts, "
              f"{len(g['expected_failures'])} expected failures")


@dataclass
class C:
    """A cell with formatting overrides: minus sign, parentheses, decimals, thousands
    separator, a mark after the figure ("*"), exact text ("±0"), and the true value
    when the printed one is deliberately wrong."""
    v: float
    minus: str | None = None
    paren: bool | None = None
    dec: int | None = None
    thou: str | None = None
    text: str | None = None
    mark: str = ""
    true: float | None = None
