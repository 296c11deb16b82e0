"""Checks that read whole tables: sum rows, Driftredovisning identities, notes, money blocks.

Sum rows: the rows a total sums are not printed, so they are inferred. Rows are read in order
as a list of entries; a total consumes a run of the entries just above it (a nested subtotal
stands for the rows it consumed). The run may start at the top of the table, after a heading
row (a gap in row numbers), or after an ordinary line — never right after an earlier total
with no heading between, since a subtotal that skips the subtotal above it is the classic
misprint (002's Kassaflöde från den löpande verksamheten). Among the allowed runs the one that
agrees in most cells (columns × years) is taken, so an unlabelled subtotal (004's "Parternas
insats") is understood and one bad cell cannot pick its own run.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from normalize.checks import CheckDef, Context, fmt_sek, fold, holds, result
from normalize.facts import CheckResult, Fact

Cell = tuple[int, str]          # (period, column)
COST_RE = re.compile(r"kostnad|avskrivning|nedskrivning|utgift")


def _is_varav(f: Fact) -> bool:
    text = fold(f.label + " " + f.label_raw)
    return "varav" in text or "darav" in text or f.label_raw.strip().startswith("(")


def _prefix_sign(f: Fact) -> int:
    """Balanskrav-style labels carry their sign in front: "- Samtliga realisationsvinster"."""
    raw = f.label_raw.strip()
    if raw[:3] in ("-/+", "+/-", "–/+", "+/–"):
        return 1
    if raw[:1] in "-–" and f.value_sek > 0:
        return -1
    return 1


@dataclass
class Entry:
    row: int
    first_row: int
    is_total: bool
    label: str
    cells: dict[Cell, Fact] = field(default_factory=dict)


def _rows(facts: list[Fact]) -> list[Entry]:
    rows: dict[int, Entry] = {}
    for f in sorted(facts, key=lambda f: f.row):
        e = rows.setdefault(f.row, Entry(f.row, f.row, f.is_total, f.label))
        e.is_total = e.is_total or f.is_total
        e.cells.setdefault((f.period, f.column), f)  # type: ignore[arg-type]
    return list(rows.values())


def _sum(ctx: Context, block: list[Entry], cell: Cell, flip_costs: bool = False) -> tuple[float, float, list[Fact]] | None:
    facts = [e.cells[cell] for e in block if cell in e.cells]
    if not facts:
        return None
    total = 0.0
    for f in facts:
        v = f.value_sek * _prefix_sign(f)
        if flip_costs and v > 0 and COST_RE.search(fold(f.label)):
            v = -v
        total += v
    return total, sum(f.tolerance_sek for f in facts), facts


def run_sum_rows(check: CheckDef, ctx: Context) -> list[CheckResult]:
    statements = set(check.params.get("statements", []))
    out: list[CheckResult] = []
    for (statement, _table), facts in sorted(ctx.tables.items()):
        if statement not in statements:
            continue
        out.extend(_sum_table(check, ctx, statement, [f for f in facts if not _is_varav(f)]))
    return out


def _sum_table(check: CheckDef, ctx: Context, statement: str, facts: list[Fact]) -> list[CheckResult]:
    out: list[CheckResult] = []
    entries: list[Entry] = []
    for row in _rows(facts):
        if not row.is_total:
            entries.append(row)
            continue
        if not entries or row.row - entries[-1].row > 1:
            # a total right under a heading sums nothing printed (a heading row with amounts)
            for (period, column), f in row.cells.items():
                out.append(result(ctx, check, statement, period, column, "skipped",
                                  f"{row.label}: no rows above it to sum (it follows a heading)", facts=[f]))
            entries.append(row)
            continue
        best = None
        for s in range(len(entries)):
            if s > 0 and entries[s - 1].is_total and entries[s].first_row - entries[s - 1].row <= 1:
                continue
            rank = 2 if s == 0 or entries[s].first_row - entries[s - 1].row > 1 else 1
            n_pass = n_fail = 0
            for cell, tf in row.cells.items():
                got = _sum(ctx, entries[s:], cell)
                if got is None:
                    continue
                if holds(tf.value_sek, tf.tolerance_sek, got[0], got[1]):
                    n_pass += 1
                else:
                    n_fail += 1
            key = (n_pass, -n_fail, rank, len(entries) - s)
            if best is None or key > best[0]:
                best = (key, s)
        assert best is not None
        s = best[1]
        block = entries[s:]
        for (period, column), tf in sorted(row.cells.items()):
            got = _sum(ctx, block, (period, column))
            if got is None:
                out.append(result(ctx, check, statement, period, column, "skipped",
                                  f"{row.label}: none of the rows it sums has a {column} {period} amount",
                                  facts=[tf]))
                continue
            value, tol, used = got
            ok = holds(tf.value_sek, tf.tolerance_sek, value, tol)
            note = ""
            if not ok:
                flipped = _sum(ctx, block, (period, column), flip_costs=True)
                if flipped and holds(tf.value_sek, tf.tolerance_sek, flipped[0], flipped[1]):
                    ok, value, note = True, flipped[0], " (costs printed without minus)"
            parts = " + ".join(f"{f.label} {fmt_sek(f.value_sek)}" for f in used)
            msg = f"{tf.label} {fmt_sek(tf.value_sek)} {'=' if ok else '≠'} {parts} = {fmt_sek(value)}{note}"
            out.append(result(ctx, check, statement, period, column, "pass" if ok else "fail", msg,
                              expected=value, actual=tf.value_sek, tolerance=tol + tf.tolerance_sek,
                              facts=[tf, *used]))
        consumed = Entry(row.row, block[0].first_row, True, row.label, row.cells)
        entries[s:] = [consumed]
    return out


# --- Driftredovisning ----------------------------------------------------------------------

def _dr_tables(ctx: Context) -> list[list[Entry]]:
    return [_rows(facts) for (st, _t), facts in sorted(ctx.tables.items()) if st == "driftredovisning"]


def run_dr_row(check: CheckDef, ctx: Context) -> list[CheckResult]:
    out = []
    for rows in _dr_tables(ctx):
        for e in rows:
            for period in sorted({p for (p, _c) in e.cells}):
                cells = [e.cells.get((period, c)) for c in ("utfall_intakt", "utfall_kostnad", "utfall_netto")]
                if all(c is None for c in cells) or cells[2] is None:
                    continue
                intakt, kostnad, netto = cells
                assert netto is not None
                if intakt is None or kostnad is None:
                    out.append(result(ctx, check, check.statement, period, "utfall_netto", "skipped",
                                      f"{e.label} {period}: intäkt or kostnad not printed", facts=[netto]))
                    continue
                k = ctx.signed(kostnad, "~")
                value, tol = intakt.value_sek + k, intakt.tolerance_sek + kostnad.tolerance_sek
                ok = holds(netto.value_sek, netto.tolerance_sek, value, tol)
                msg = (f"{e.label} {period}: netto {fmt_sek(netto.value_sek)} {'=' if ok else '≠'} intäkt "
                       f"{fmt_sek(intakt.value_sek)} + kostnad {fmt_sek(k)} = {fmt_sek(value)}")
                out.append(result(ctx, check, check.statement, period, "utfall_netto", "pass" if ok else "fail",
                                  msg, expected=value, actual=netto.value_sek,
                                  tolerance=tol + netto.tolerance_sek, facts=[netto, intakt, kostnad]))
    return out


def _first(e: Entry, period: int, columns: tuple[str, ...]) -> Fact | None:
    return next((e.cells[(period, c)] for c in columns if (period, c) in e.cells), None)


def run_dr_variance(check: CheckDef, ctx: Context) -> list[CheckResult]:
    out = []
    for rows in _dr_tables(ctx):
        triples = []
        for e in rows:
            for period in sorted({p for (p, _c) in e.cells}):
                u = _first(e, period, ("utfall_netto", "utfall"))
                b = _first(e, period, ("budget_netto", "budget"))
                a = e.cells.get((period, "avvikelse"))
                if a is not None and u is not None and b is not None:
                    triples.append((e, period, u, b, a))
        if not triples:
            continue

        def ok(t: tuple, direction: int) -> bool:
            _e, _p, u, b, a = t
            return holds(a.value_sek, a.tolerance_sek, direction * (u.value_sek - b.value_sek),
                         u.tolerance_sek + b.tolerance_sek)
        direction = 1 if sum(ok(t, 1) for t in triples) >= sum(ok(t, -1) for t in triples) else -1
        for t in triples:
            e, period, u, b, a = t
            value = direction * (u.value_sek - b.value_sek)
            good = ok(t, direction)
            expr = "utfall - budget" if direction == 1 else "budget - utfall"
            msg = (f"{e.label} {period}: avvikelse {fmt_sek(a.value_sek)} {'=' if good else '≠'} {expr} "
                   f"({fmt_sek(u.value_sek)}, {fmt_sek(b.value_sek)}) = {fmt_sek(value)}")
            out.append(result(ctx, check, check.statement, period, "avvikelse", "pass" if good else "fail", msg,
                              expected=value, actual=a.value_sek,
                              tolerance=a.tolerance_sek + u.tolerance_sek + b.tolerance_sek, facts=[a, u, b]))
    return out


# --- notes ---------------------------------------------------------------------------------

NOTE_RE = re.compile(r"^\s*not(?:e|er)?\s*(\d{1,2})\s*[.:)\-–]?\s*(.*)$")
LINE_STATEMENTS = ("resultatrakning", "balansrakning", "kassaflodesanalys")


def _note_title(ctx: Context, note: int, first: Fact) -> str:
    key = ("note_title", note, first.page, first.line)
    if key not in ctx.memo:
        ctx.memo[key] = _find_note_title(ctx, note, first)
    return ctx.memo[key]


def _find_note_title(ctx: Context, note: int, first: Fact) -> str:
    best = ""
    lines = ctx.lines
    for i, line in enumerate(lines):
        if (line.page, line.number) > (first.page, first.line):
            break
        m = NOTE_RE.match(fold(line.text))
        if m and int(m[1]) == note:
            title = m[2].strip()
            if not title and i + 1 < len(lines):
                title = fold(lines[i + 1].text)
            best = title
    return re.sub(r"[^a-z ]", " ", best).strip()


def _line_for_title(ctx: Context, title: str, period: int) -> Fact | None:
    title = " ".join(title.split())
    if not title:
        return None
    for statement in LINE_STATEMENTS:
        scored = []
        for (st, _t), facts in ctx.tables.items():
            if st != statement:
                continue
            for f in facts:
                if f.period != period or f.column != "utfall":
                    continue
                label = " ".join(re.sub(r"[^a-z ]", " ", fold(f.label)).split())
                ratio = SequenceMatcher(None, title, label).ratio()
                if ratio >= 0.85:
                    scored.append((ratio, -f.table, -f.row, f))
        if scored:
            return max(scored, key=lambda s: s[:3])[3]
    return None


def run_note_to_line(check: CheckDef, ctx: Context) -> list[CheckResult]:
    out = []
    groups: dict[tuple[int, int], list[Fact]] = defaultdict(list)
    for (st, table), facts in ctx.tables.items():
        if st == "noter":
            for f in facts:
                if f.note is not None and f.column == "utfall":
                    groups[(f.note, table)].append(f)
    for (note, _table), facts in sorted(groups.items()):
        first = min(facts, key=lambda f: (f.page, f.line))
        title = _note_title(ctx, note, first)
        for period in sorted({f.period for f in facts}):  # type: ignore[type-var]
            pf = [f for f in facts if f.period == period and not _is_varav(f)]
            totals = [f for f in pf if f.is_total]
            if totals:
                used = [max(totals, key=lambda f: f.row)]
                value, tol = used[0].value_sek, used[0].tolerance_sek
                what = used[0].label
            else:
                used = pf
                value, tol = sum(f.value_sek for f in pf), sum(f.tolerance_sek for f in pf)
                what = "sum of its rows"
            line = _line_for_title(ctx, title, period)  # type: ignore[arg-type]
            if line is None:
                reason = f"no statement line titled {title!r}" if title else "note title not found"
                out.append(result(ctx, check, "noter", period, "utfall", "skipped", f"Not {note}: {reason}",
                                  facts=used))
                continue
            lv = line.value_sek
            shown = value
            if value * lv < 0:       # costs printed positive in the note: compare magnitudes
                shown = -value
            ok = holds(lv, line.tolerance_sek, shown, tol)
            msg = (f"Not {note} ({what}) {fmt_sek(value)} {'=' if ok else '≠'} {line.statement} "
                   f"{line.label} {fmt_sek(lv)}")
            out.append(result(ctx, check, "noter", period, "utfall", "pass" if ok else "fail", msg,
                              expected=lv, actual=shown, tolerance=tol + line.tolerance_sek,
                              facts=[line, *used]))
    return out
