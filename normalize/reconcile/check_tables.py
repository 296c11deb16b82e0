"""Checks that read whole tables: sum rows, Driftredovisning identities, notes, money blocks.

Sum rows: the rows a total sums are not printed, so they are inferred. Rows are read in order
as a list of entries; a total consumes a run of the entries just above it (a nested subtotal
stands for the rows it consumed). The run may start at the top of the table, after a heading
row (a gap in row numbers), after an ordinary line, or right after an earlier total: a closed
subtotal may end a part of the table (Summa intäkter, then the cost lines with no "Kostnader"
heading, then Summa kostnader) — unless the total's definition in checks.toml names that subtotal
among its terms (Kassaflöde från den löpande verksamheten sums Medel före förändring av
rörelsekapital: printed as the changes alone it is 002's classic misprint, and fails). Among the
allowed runs the one that agrees in most cells (columns × years) is taken, a run after a heading
before one after a line before one after a subtotal, so an unlabelled subtotal (004's "Parternas
insats") is understood and one bad cell cannot pick its own run. Which run a total sums is a
guess: a cell fails only when no allowed run holds in it; where another does, it is skipped.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import cache

from arsred.normalize.facts import CheckResult, Fact
from arsred.normalize.reconcile.checks import (
    CheckDef,
    Context,
    Term,
    definitions,
    fmt_sek,
    fold,
    holds,
    load_checks,
    result,
    within_rounding,
)

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
    item: str = ""


def _rows(facts: list[Fact], total_label: re.Pattern[str] | None = None) -> list[Entry]:
    rows: dict[int, Entry] = {}
    for f in sorted(facts, key=lambda f: f.row):
        total = f.is_total or bool(total_label and total_label.search(fold(f.label)))
        e = rows.setdefault(f.row, Entry(f.row, f.row, total, f.label, item=f.item))
        e.is_total = e.is_total or total
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
    sections = [frozenset(g) for g in check.params.get("section_totals", [])]
    pattern = check.params.get("total_labels")
    total_label = re.compile(pattern) if pattern else None
    proving_only = set(check.params.get("proving_only", []))
    out: list[CheckResult] = []
    for (statement, table), facts in sorted(ctx.tables.items()):
        if statement not in statements and statement not in proving_only:
            continue
        out.extend(_sum_table(check, ctx, statement, table, [f for f in facts if not _is_varav(f)], sections,
                              total_label, statement in proving_only))
    return out


def _peers(a: str, b: str, sections: list[frozenset[str]]) -> bool:
    """Both totals close disjoint parts of the same statement (one never sums the other)."""
    return a != b and any(a in g and b in g for g in sections)


def _closes_section(e: Entry, sections: list[frozenset[str]]) -> bool:
    return e.is_total and any(e.item in g for g in sections)


def _sum_table(check: CheckDef, ctx: Context, statement: str, table: int, facts: list[Fact],
               sections: list[frozenset[str]] = (),  # type: ignore[assignment]
               total_label: re.Pattern[str] | None = None, proving_only: bool = False) -> list[CheckResult]:
    """`proving_only`: the statement prints no rule of what its totals sum (an overview's key
    figures: Årets resultat under Nettoinvesteringar), so a total counts as a sum only where a run
    of at least two rows above it adds up in every year it prints; else it is skipped, never failed,
    and stays a line for the totals below it."""
    out: list[CheckResult] = []
    entries: list[Entry] = []

    def heading(above: int, below: int) -> bool:
        return ctx.heading_between(statement, table, above, below)

    for row in _rows(facts, total_label):
        if not row.is_total and entries and entries[-1].item in _sum_terms(row.item) \
                and not heading(entries[-1].row, row.row):
            # a line that checks.toml defines as a sum, printed right under one of its terms, is
            # that subtotal (Finansnetto under Finansiella kostnader), not a further line
            row.is_total = True
        if not row.is_total:
            entries.append(row)
            continue
        if not entries or heading(entries[-1].row, row.row):
            # a total right under a heading sums nothing printed (a heading row with amounts)
            for (period, column), f in row.cells.items():
                out.append(result(ctx, check, statement, period, column, "skipped",
                                  f"{row.label}: no rows above it to sum (it follows a heading)", facts=[f]))
            entries.append(row)
            continue
        # a part of the statement (Kassaflöde från investeringsverksamheten, Summa kortfristiga
        # skulder) never sums another part of the same level (the operating cash flow, Summa
        # eget kapital): its run must start after the last such peer
        floor = max((i + 1 for i, e in enumerate(entries) if _peers(row.item, e.item, sections)), default=0)
        if floor >= len(entries):
            peer = entries[-1]
            for (period, column), f in row.cells.items():
                out.append(result(ctx, check, statement, period, column, "skipped",
                                  f"{row.label}: no rows of its own above it to sum (it follows {peer.label}, "
                                  "another part of the statement)", facts=[f]))
            entries.append(row)
            continue
        best = None
        starts: list[int] = []
        for s in range(floor, len(entries)):
            after_subtotal = (s > 0 and entries[s - 1].is_total and not heading(entries[s - 1].row, entries[s].first_row)
                              and not _closes_section(entries[s - 1], sections))
            if after_subtotal and entries[s - 1].item in _summed_items(row.item):
                # the total's definition sums the subtotal just above it: skipping it is the
                # classic misprint (002's Kassaflöde från den löpande verksamheten)
                continue
            starts.append(s)
            rank = 0 if after_subtotal else 2 if s == 0 or heading(entries[s - 1].row, entries[s].first_row) else 1
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
        rows_out: list[CheckResult] = []
        for (period, column), tf in sorted(row.cells.items()):
            got = _sum(ctx, block, (period, column))
            if got is None:
                rows_out.append(result(ctx, check, statement, period, column, "skipped",
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
            other = None if ok else next((o for o in starts if o != s and _run_holds(ctx, entries[o:], tf)), None)
            if other is not None:
                # which rows a total sums is not printed: one grouping guessed wrong is no failure
                rows_out.append(result(ctx, check, statement, period, column, "skipped",
                                       f"{tf.label} {fmt_sek(tf.value_sek)}: the rows it sums are not printed; "
                                       f"it holds summed from {entries[other].label} on, not from "
                                       f"{block[0].label}",
                                       facts=[tf]))
                continue
            parts = " + ".join(f"{f.label} {fmt_sek(f.value_sek)}" for f in used)
            msg = f"{tf.label} {fmt_sek(tf.value_sek)} {'=' if ok else '≠'} {parts} = {fmt_sek(value)}{note}" \
                  f"{within_rounding(ok, tf.value_sek, value)}"
            rows_out.append(result(ctx, check, statement, period, column, "pass" if ok else "fail", msg,
                                   expected=value, actual=tf.value_sek, tolerance=tol + tf.tolerance_sek,
                                   facts=[tf, *used]))
        if proving_only and (len(block) < 2 or not rows_out or any(r.status != "pass" for r in rows_out)):
            out.extend(replace(r, status="skipped", message=f"{r.message} (an overview prints no rule of what "
                               "its totals sum: taken as a sum only where two or more rows above it add up in "
                               "every year)") for r in rows_out)
            entries.append(Entry(row.row, row.row, False, row.label, row.cells, row.item))
            continue
        out.extend(rows_out)
        consumed = Entry(row.row, block[0].first_row, True, row.label, row.cells, row.item)
        entries[s:] = [consumed]
    return out


def _run_holds(ctx: Context, run: list[Entry], tf: Fact) -> bool:
    """Does `tf` equal the sum of `run` in its cell (costs as printed, or printed without minus)?"""
    cell = (tf.period, tf.column)
    return any(got is not None and holds(tf.value_sek, tf.tolerance_sek, got[0], got[1])
               for got in (_sum(ctx, run, cell), _sum(ctx, run, cell, flip_costs=True)))  # type: ignore[arg-type]


def _definitions_of(total: str) -> list[tuple[CheckDef, Term, list[Term]]]:
    """(check, its total, one definition's terms) for every definition in checks.toml of the item `total`."""
    out = []
    for c in load_checks():
        if "total" in c.params and (t := Term.parse(c.params["total"])).item == total:
            out += [(c, t, terms) for terms in definitions(c)]
    return out


@cache
def _summed_items(total: str) -> frozenset[str]:
    """The items a total's definitions in checks.toml name among their terms: a subtotal it sums."""
    return frozenset(t.item for _c, _total, terms in _definitions_of(total) for t in terms)


def _as_printed(term: Term) -> bool:
    """Added as printed in the same column and year: '+' or a cost '~'."""
    return term.sign in "+~" and term.column == "utfall" and not term.shift


@cache
def _sum_terms(total: str) -> frozenset[str]:
    """The items an equation of checks.toml adds up to `total` in the same column and year (every
    term added as printed): the rows such a total sums when printed as a line."""
    return frozenset(t.item for c, t_total, terms in _definitions_of(total)
                     if c.kind == "equation" and t_total.sign == "+" and _as_printed(t_total)
                     and all(_as_printed(t) for t in terms) for t in terms)


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


INCOME_RE = re.compile(r"intakt|bidrag|resultat|overskott|underskott")
KIND_HEADING_RE = re.compile(r"^(?:summa |verksamhetens |ovriga )?(intakter|kostnader)\b")


def _heading_kind(ctx: Context, prev: Fact | None, first: Fact) -> str:
    """The kind a heading printed just above `first` names ("Intäkter", "Kostnader"), if any."""
    lo = prev.line if prev is not None and prev.page == first.page else first.line - 3
    for line in reversed(ctx.lines):
        if line.page != first.page or not lo < line.number < first.line:
            continue
        text = fold(line.text)
        if not text or re.search(r"\d", text):
            continue
        m = KIND_HEADING_RE.match(text)
        if m and len(text.split()) <= 4:
            return "cost" if m[1] == "kostnader" else "income"
    return ""


def _label_kind(label: str) -> str:
    text = fold(label)
    if COST_RE.search(text):
        return "cost"
    if INCOME_RE.search(text):
        return "income"
    return ""


def _row_kinds(ctx: Context, rows: list[Entry]) -> dict[int, str]:
    """Each row's kind — "cost" or "income" (incomes and results: higher is better). A row's own
    label decides ("Personalkostnader", "Medlemsbidrag", "Resultat …"); else its section's: the
    heading printed above it ("Kostnader"), else the section's total ("Summa kostnader"). A section
    begins after a heading (a gap in row numbers) or after a total."""
    sections: list[list[Entry]] = []
    for i, e in enumerate(rows):
        if i == 0 or e.row - rows[i - 1].row > 1 or rows[i - 1].is_total:
            sections.append([])
        sections[-1].append(e)
    kinds: dict[int, str] = {}
    prev: Entry | None = None
    for sec in sections:
        first = min(sec[0].cells.values(), key=lambda f: f.line)
        last_prev = max(prev.cells.values(), key=lambda f: f.line) if prev is not None else None
        kind = _heading_kind(ctx, last_prev, first) if ctx.lines else ""
        if not kind:
            kind = next((k for e in reversed(sec) if e.is_total and (k := _label_kind(e.label))), "")
        for e in sec:
            kinds[e.row] = _label_kind(e.label) or kind or "income"
        prev = sec[-1]
    return kinds


def run_dr_variance(check: CheckDef, ctx: Context) -> list[CheckResult]:
    """Avvikelse = utfall − budget, or the table's own convention: budget − utfall, a forecast
    against budget (an interim report's "Prognos 2024 … Avvikelse"), or "better than budget" —
    utfall − budget for incomes and results, budget − utfall for costs printed positive. The
    convention that most rows of the table follow is the table's; a convention that differs by
    row kind needs two rows of each kind that only it explains, so one wrong row never makes
    its own convention."""
    out = []
    bases = (("utfall", ("utfall_netto", "utfall")), ("prognos", ("prognos",)))
    for rows in _dr_tables(ctx):
        kinds = _row_kinds(ctx, rows)
        options = []
        for name, cols in bases:
            triples = []
            for e in rows:
                for period in sorted({p for (p, _c) in e.cells}):
                    u = _first(e, period, cols)
                    b = _first(e, period, ("budget_netto", "budget"))
                    a = e.cells.get((period, "avvikelse"))
                    if a is not None and u is not None and b is not None:
                        triples.append((e, period, u, b, a))
            if not triples:
                continue
            for direction in (1, -1):
                for split in (False, True):
                    dirs = {"income": direction, "cost": -direction if split else direction}
                    if split and not all(
                            sum(kinds[t[0].row] == kind and _variance_holds(t, d) and not _variance_holds(t, -d)
                                for t in triples) >= 2 for kind, d in dirs.items()):
                        continue
                    holding = sum(_variance_holds(t, dirs[kinds[t[0].row]]) for t in triples)
                    options.append((holding, name == "utfall", not split, direction == 1, name, dirs, triples))
        if not options:
            continue
        *_, basis, dirs, triples = max(options, key=lambda o: o[:4])
        split = dirs["income"] != dirs["cost"]
        for t in triples:
            e, period, u, b, a = t
            kind = kinds[e.row]
            direction = dirs[kind]
            value = direction * (u.value_sek - b.value_sek)
            good = _variance_holds(t, direction)
            expr = f"{basis} - budget" if direction == 1 else f"budget - {basis}"
            if split:
                expr += " for costs" if kind == "cost" else " for incomes and results"
            msg = (f"{e.label} {period}: avvikelse {fmt_sek(a.value_sek)} {'=' if good else '≠'} {expr} "
                   f"({fmt_sek(u.value_sek)}, {fmt_sek(b.value_sek)}) = {fmt_sek(value)}")
            out.append(result(ctx, check, check.statement, period, "avvikelse", "pass" if good else "fail", msg,
                              expected=value, actual=a.value_sek,
                              tolerance=a.tolerance_sek + u.tolerance_sek + b.tolerance_sek, facts=[a, u, b]))
    return out


def _variance_holds(t: tuple, direction: int) -> bool:
    _e, _p, u, b, a = t
    return holds(a.value_sek, a.tolerance_sek, direction * (u.value_sek - b.value_sek),
                 u.tolerance_sek + b.tolerance_sek)


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


OPENING_RE = re.compile(r"^ingaende\b|\bvid (?:arets|periodens) borjan$")
CLOSING_RE = re.compile(r"^(?:utgaende|bokfort varde|redovisat varde)\b|\bvid (?:arets|periodens) slut$")


def _is_opening(f: Fact) -> bool:
    return bool(OPENING_RE.search(fold(f.label)))


def _is_closing(f: Fact) -> bool:
    return bool(CLOSING_RE.search(fold(f.label)))


def run_note_roll(check: CheckDef, ctx: Context) -> list[CheckResult]:
    """Movement notes: each closing balance (Utgående …) = the opening balance (Ingående …) above
    it + the movements printed between; a closing balance with no opening of its own (Bokfört
    värde) = the closing balances above it not yet summed (anskaffningsvärde + avskrivningar)."""
    out = []
    for (st, _table), facts in sorted(ctx.tables.items()):
        if st != "noter":
            continue
        rows = [e for e in _rows([f for f in facts if not _is_varav(f)])]
        for period, column in sorted({c for e in rows for c in e.cells}):
            cells = [(e, e.cells[(period, column)]) for e in rows if (period, column) in e.cells]
            if not any(_is_opening(f) for _e, f in cells) or not any(_is_closing(f) for _e, f in cells):
                continue
            start: int | None = None
            closings: list[Fact] = []
            for i, (_e, f) in enumerate(cells):
                if _is_opening(f):
                    start = i
                    continue
                if not _is_closing(f):
                    continue
                if start is not None:
                    parts = [g for _e, g in cells[start:i]]
                    start = None
                elif len(closings) >= 2:
                    parts, closings = closings, []
                else:
                    out.append(result(ctx, check, "noter", period, column, "skipped",
                                      f"{f.label}: no opening balance or earlier closing balances above it",
                                      facts=[f]))
                    continue
                value = sum(g.value_sek for g in parts)
                tol = sum(g.tolerance_sek for g in parts)
                ok = holds(f.value_sek, f.tolerance_sek, value, tol)
                text = " + ".join(f"{g.label} {fmt_sek(g.value_sek)}" for g in parts)
                out.append(result(ctx, check, "noter", period, column, "pass" if ok else "fail",
                                  f"{f.label} {fmt_sek(f.value_sek)} {'=' if ok else '≠'} {text} = {fmt_sek(value)}"
                                  f"{within_rounding(ok, f.value_sek, value)}",
                                  expected=value, actual=f.value_sek, tolerance=tol + f.tolerance_sek,
                                  facts=[f, *parts]))
                closings.append(f)
    return out


TOTAL_WORD_RE = re.compile(r"^(?:summa|totalt|total|s:a)\b\s*")


def _label_words(label: str) -> str:
    return " ".join(re.sub(r"[^a-z ]", " ", TOTAL_WORD_RE.sub("", fold(label))).split())


def _note_total(tables: list[list[Fact]], names: list[str]) -> list[Fact]:
    """The total a note states its line as. Each of the note's tables offers its totals (Summa …),
    else its closing balances (Utgående …, Bokfört värde). A total whose label names the line or
    the note ("Summa medlemsbidrag" for Medlemsbidrag) is taken; else each table's last one — its
    top-level total, as a movement note's Bokfört värde — and of those the largest, so a
    breakdown of one part (Not 2's second table, "Summa kommunerna") is not taken for the whole.
    [] when no table has a total (the caller sums the rows)."""
    offered: list[list[Fact]] = []
    for pf in tables:
        got = [f for f in pf if f.is_total] or [f for f in pf if _is_closing(f)]
        if got:
            offered.append(sorted(got, key=lambda f: f.row))
    if not offered:
        return []
    named = []
    for ti, got in enumerate(offered):
        for f in got:
            words = _label_words(f.label)
            score = max((SequenceMatcher(None, words, n).ratio() for n in names if n and words), default=0.0)
            if score >= 0.85:
                named.append((score, ti, f.row, f))
    if named:
        return [max(named, key=lambda s: s[:3])[3]]
    lasts = [got[-1] for got in offered]
    return [max(lasts, key=lambda f: (abs(f.value_sek), -lasts.index(f)))]


def run_note_to_line(check: CheckDef, ctx: Context) -> list[CheckResult]:
    """A note's total = the statement line its title names. A note may print several tables
    (Medlemsbidrag per member, then the municipalities' share split per municipality): the total
    is chosen among all of them (`_note_total`)."""
    out = []
    groups: dict[int, dict[int, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for (st, table), facts in ctx.tables.items():
        if st == "noter":
            for f in facts:
                if f.note is not None and f.column == "utfall":
                    groups[f.note][table].append(f)
    for note, by_table in sorted(groups.items()):
        facts = [f for t in sorted(by_table) for f in by_table[t]]
        first = min(facts, key=lambda f: (f.page, f.line))
        title = _note_title(ctx, note, first)
        for period in sorted({f.period for f in facts}):  # type: ignore[type-var]
            tables = [[f for f in by_table[t] if f.period == period and not _is_varav(f)] for t in sorted(by_table)]
            tables = [pf for pf in tables if pf]
            line = _line_for_title(ctx, title, period)  # type: ignore[arg-type]
            names = [" ".join(re.sub(r"[^a-z ]", " ", title).split())]
            if line is not None:
                names.append(_label_words(line.label))
            used = _note_total(tables, names)
            if used:
                # a movement note (Ingående … Utgående, … Bokfört värde) states its line as its
                # closing balance, not as the sum of its rows
                value, tol = used[0].value_sek, used[0].tolerance_sek
                what = used[0].label
            else:
                used = tables[0]
                value, tol = sum(f.value_sek for f in used), sum(f.tolerance_sek for f in used)
                what = "sum of its rows"
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
