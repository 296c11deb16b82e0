#!/usr/bin/env python3
"""Check hand-made gold for real statement pages (standard library only).

Usage: python3 tests/real/verify.py DIR [slug ...]
DIR holds pages/<slug>.txt (the page text as stored) and gold/<slug>.json (../../shared/corpus/GOLD_FORMAT.md
plus "scope" on facts, "url", "layout", and the optional "ties" and "coverage" below).
Exit status 0 when every document agrees, 1 otherwise; each disagreement is printed as a PROBLEM line.

For every gold file it checks
  * the schema: top-level keys, doc_type, units per statement, the keys and values of each fact and tie;
  * that each printed string occurs in the page text and value_sek == printed x the statement's actual unit;
  * that no fact is given twice (statement, note, scope, label, period, column);
  * every tie of "ties", per scope, period and column, within half a printed unit per part: the ties
    that fail must be exactly the expected_failures (statement, period, printed, computed, in kronor) and
    every expected failure must fail; a tie that never finds its figures is a problem (a misspelt label);
  * with "coverage": every stand-alone amount line of the page from the line "start" on is a fact, a note
    reference (a small integer standing first after a label), a year, or one of the "nonfact" lines.

Ties (a list of objects under "ties"; "scope" is "entity", "group" or "*" = each scope on its own,
"note" is null or the note number and defaults to null, a label is the fact's label exactly):
  {"kind": "sum", "statement": S, "note": N, "scope": SC, "total": L, "parts": [[1, L1], [-1, L2], ...]}
      total(scope, period, column) = sum of sign x part over the parts present in that scope/period/column.
      A part may name another period by an offset, [1, L, -1] = L of the period before: a roll-forward
      such as Eget kapital(y) = Eget kapital(y-1) + Årets resultat(y); such a part must be present.
  {"kind": "coldiff", "statement": S, "result": "avvikelse", "minuend": "utfall", "subtrahend": "budget"}
      for every label (and note, scope, period) that has all three columns: result = minuend - subtrahend.
      Optional "note" and "scope" restrict it.
  {"kind": "carry", "statement": S, "scope": SC, "opening": L1, "closing": L2}
      opening(period y) = closing(period y-1), same column.  Optional "note".
  {"kind": "colsum", "statement": S, "total": C, "parts": [[1, C1], [1, C2], ...]}
      across columns of one row: column C = sum of sign x column Ci (e.g. utfall_netto = utfall_intakt +
      utfall_kostnad), for every label (and note, scope, period) that has the total and a part.
      Optional "note" and "scope" restrict it.
  {"kind": "same", "scope": SC, "a": {"statement": S1, "note": N1, "label": L1},
                                "b": {"statement": S2, "note": N2, "label": L2}}
      the same figure printed in two places (same scope, period and column), e.g. Årets resultat in the
      Resultaträkning and in the Balanskravsutredning.
"sum" and "colsum" take an optional "column" (only that column) and every kind an optional "period"
(only that period).

Coverage (optional object): {"start": "<first line of the table, stripped>",
                             "nonfact": {"<row label>": <number of its amount lines that are not facts>}}
"""
import json
import os
import re
import sys
from collections import Counter, defaultdict
from decimal import Decimal

STATEMENTS = {"oversikt", "resultatrakning", "balansrakning", "kassaflodesanalys", "driftredovisning",
              "noter", "balanskrav", "budget", "tillaggsupplysningar", "investeringsredovisning"}
COLUMNS = {"utfall", "budget", "avvikelse", "prognos", "utfall_intakt", "utfall_kostnad",
           "utfall_netto", "budget_netto"}
DOC_TYPES = {"arsredovisning", "delarsrapport", "verksamhetsplan_budget"}
FACTOR = {"kr": 1, "tkr": 1000, "mkr": 1000000, "mnkr": 1000000}
FACT_KEYS = {"statement", "note", "label", "period", "column", "printed", "value_sek", "true_value_sek",
             "difficulty"}
TOP_KEYS = {"source", "organisation", "doc_type", "fiscal_year", "units", "facts", "expected_failures",
            "url", "layout"}
OPTIONAL_TOP_KEYS = {"ambiguous_ties", "ties", "coverage"}
SCOPES = {"entity", "group"}
TIE_KEYS = {  # kind -> (required keys, optional keys)
    "sum": ({"statement", "scope", "total", "parts"}, {"note", "column", "period"}),
    "coldiff": ({"statement", "result", "minuend", "subtrahend"}, {"note", "scope", "period"}),
    "carry": ({"statement", "scope", "opening", "closing"}, {"note", "period"}),
    "colsum": ({"statement", "total", "parts"}, {"note", "scope", "column", "period"}),
    "same": ({"scope", "a", "b"}, {"period"}),
}
NUM = re.compile(r"^[-–−]?\s?\d{1,3}( \d{3})*(,\d+)?$|^[-–−]?\d+(,\d+)?$")


class Report:
    """Collects the problems of one run."""

    def __init__(self, quiet=False):
        self.problems = []
        self.quiet = quiet

    def problem(self, msg):
        self.problems.append(msg)
        self.say("  PROBLEM: " + msg)

    def say(self, msg):
        if not self.quiet:
            print(msg)


def parse(printed):
    """'– 615 649' or '376.443' -> (Decimal(...), 0 decimals); ValueError when it is not one amount."""
    s = printed.strip()
    neg = s[:1] in "-–−"
    if neg:
        s = s[1:].strip()
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", s):                  # dot thousands separator ('376.443')
        s = s.replace(".", "")
    if not re.fullmatch(r"\d{1,3}( \d{3})*(,\d+)?|\d+(,\d+)?", s):
        raise ValueError(printed)
    d = Decimal(s.replace(" ", "").replace(",", "."))
    return (-d if neg else d), (len(s.split(",")[1]) if "," in s else 0)


def scope_matches(want, scope):
    return want in (None, "*") or want == scope


# --------------------------------------------------------------------------- ties
def check_tie_schema(rep, slug, i, tie, statements):
    kind = tie.get("kind") if isinstance(tie, dict) else None
    if kind not in TIE_KEYS:
        rep.problem(f"{slug} tie {i}: unknown kind {kind!r}")
        return False
    required, optional = TIE_KEYS[kind]
    keys = set(tie) - {"kind"}
    if not required <= keys or keys - required - optional:
        rep.problem(f"{slug} tie {i} ({kind}): keys {sorted(keys)}, needs {sorted(required)}")
        return False
    ok = True
    places = [tie["a"], tie["b"]] if kind == "same" else [tie]
    for place in places:
        if not isinstance(place, dict) or place.get("statement") not in statements:
            rep.problem(f"{slug} tie {i} ({kind}): statement of {place!r} has no facts")
            ok = False
    if tie.get("scope", "*") not in SCOPES | {"*"}:
        rep.problem(f"{slug} tie {i}: scope {tie.get('scope')!r}")
        ok = False
    if "parts" in tie:
        parts = tie["parts"]
        if not parts or not all(isinstance(p, list) and len(p) in (2, 3) and p[0] in (1, -1) and isinstance(p[1], str)
                                and (len(p) == 2 or kind == "sum" and isinstance(p[2], int)) for p in parts):
            rep.problem(f"{slug} tie {i}: parts must be [[1|-1, name(, period offset)], ...]: {parts!r}")
            ok = False
    if kind in ("coldiff", "colsum"):
        cols = [tie["result"], tie["minuend"], tie["subtrahend"]] if kind == "coldiff" else \
            [tie["total"]] + [p[1] for p in tie["parts"]]
        if set(cols) - COLUMNS:
            rep.problem(f"{slug} tie {i}: unknown columns {sorted(set(cols) - COLUMNS)}")
            ok = False
    return ok


def _combine(present):
    """[(sign, (value, step)), ...] -> (signed sum, tolerance of half a printed unit per part)."""
    return sum(sg * v for sg, (v, _) in present), sum(step for _, (_, step) in present) / 2


def _signed(parts):
    return " ".join(f"{'+' if p[0] > 0 else '-'} {p[1]}" + (f" ({p[2]:+d} y)" if len(p) > 2 else "") for p in parts)


def _blocks(values, statement, note, scope):
    """The (scope, cells) of one statement; note "*" takes every note."""
    for (st, n, sc), cells in values.items():
        if st == statement and note in ("*", n) and scope_matches(scope, sc):
            yield sc, cells


def _sum_instances(tie, values):
    for sc, cells in _blocks(values, tie["statement"], tie.get("note"), tie["scope"]):
        for (lab, per, col), (tv, _) in cells.items():
            if lab != tie["total"] or tie.get("column", col) != col:
                continue
            keys = [(p[0], (p[1], per + (p[2] if len(p) > 2 else 0), col), len(p) > 2) for p in tie["parts"]]
            if any(required and key not in cells for _, key, required in keys):
                continue
            present = [(sg, cells[key]) for sg, key, _ in keys if key in cells]
            if present:
                yield per, tv, *_combine(present), f"{tie['total']} ({sc}, {col}) = {_signed(tie['parts'])}"


def _column_instances(tie, values):
    if tie["kind"] == "coldiff":
        total, parts, need_all = tie["result"], [(1, tie["minuend"]), (-1, tie["subtrahend"])], True
    else:
        total, parts, need_all = tie["total"], [tuple(p) for p in tie["parts"]], False
    for sc, cells in _blocks(values, tie["statement"], tie.get("note", "*"), tie.get("scope", "*")):
        for (lab, per, col), (tv, _) in cells.items():
            if col != total:
                continue
            present = [(sg, cells[(lab, per, c)]) for sg, c in parts if (lab, per, c) in cells]
            if present and (len(present) == len(parts) or not need_all):
                yield per, tv, *_combine(present), f"{lab} ({sc}): {total} = {_signed(parts)}"


def _carry_instances(tie, values):
    for sc, cells in _blocks(values, tie["statement"], tie.get("note"), tie["scope"]):
        for (lab, per, col), (ov, ostep) in cells.items():
            if lab == tie["opening"] and (tie["closing"], per - 1, col) in cells:
                cv, cstep = cells[(tie["closing"], per - 1, col)]
                yield per, ov, cv, (ostep + cstep) / 2, f"{tie['opening']} ({sc}) = previous {tie['closing']}"


def _same_instances(tie, values):
    a, b = tie["a"], tie["b"]
    for sc, cells in _blocks(values, a["statement"], a.get("note"), tie["scope"]):
        other = values.get((b["statement"], b.get("note"), sc), {})
        for (lab, per, col), (av, astep) in cells.items():
            if lab == a["label"] and (b["label"], per, col) in other:
                bv, bstep = other[(b["label"], per, col)]
                yield per, av, bv, (astep + bstep) / 2, f"{a['label']} ({sc}) = {b['statement']} {b['label']}"


INSTANCES = {"sum": _sum_instances, "coldiff": _column_instances, "colsum": _column_instances,
             "carry": _carry_instances, "same": _same_instances}


def run_ties(rep, slug, ties, values):
    """values: (statement, note, scope) -> {(label, period, column): (Decimal kronor, step kronor)}.
    Returns the failing ties and the number of tie instances checked."""
    failures = []
    nties = 0
    for i, tie in enumerate(ties):
        statement = tie.get("statement") or tie["a"]["statement"]
        n0 = nties
        for per, printed, computed, tol, rule in INSTANCES[tie["kind"]](tie, values):
            if tie.get("period", per) != per:
                continue
            nties += 1
            if abs(computed - printed) > tol:
                failures.append({"statement": statement, "period": per, "printed": int(printed),
                                 "computed": int(computed), "rule": rule})
        if nties == n0:
            name = tie.get("total") or tie.get("opening") or tie.get("result") or ""
            rep.problem(f"{slug} tie {i} ({tie['kind']} {name}) finds no figures to check")
        if tie["kind"] == "sum":
            known = {lab for _, cells in _blocks(values, statement, tie.get("note"), tie["scope"])
                     for lab, _, _ in cells}
            for p in (part[1] for part in tie["parts"]):
                if p not in known:
                    rep.problem(f"{slug} tie {i}: part {p!r} is no label of {statement}")
    return failures, nties


# --------------------------------------------------------------------------- coverage
def coverage(rep, slug, text, gold, spec):
    """Pages with one cell per line: every stand-alone amount line must be a fact, a note reference, a year
    or one of the listed non-fact lines."""
    start, nonfact = spec.get("start"), spec.get("nonfact", {})
    lines = [ln.strip() for ln in text.split("\n")]
    try:
        i0 = next(i for i, ln in enumerate(lines) if ln == start)
    except StopIteration:
        rep.problem(f"{slug}: coverage start {start!r} not found")
        return
    printed = Counter(f["printed"].strip() for f in gold["facts"])
    amounts = []
    firsts = Counter()           # amount lines standing first after a label (possible note references)
    skip, first = 0, False
    for ln in lines[i0:]:
        if not ln:
            continue
        if ln in nonfact:
            skip = nonfact[ln]
            continue
        ln = ln.rstrip("*")                                  # footnote marker ('39*')
        m = re.fullmatch(r"(\d{1,2})([-–−]\d[\d ,]*)", ln)   # note glued to the amount ('8-20,9')
        if m:
            firsts[m.group(1)] += 1
            amounts.append(m.group(1))
            ln, first = m.group(2), False
        if NUM.match(ln):
            if skip:
                skip -= 1
                continue
            if first:
                firsts[ln] += 1
            amounts.append(ln)
            first = False
        else:
            first = True
    text_amounts = Counter(amounts)
    for p, n in printed.items():
        if text_amounts[p] < n:
            rep.problem(f"{slug}: printed {p!r} used {n} times but {text_amounts[p]} amount lines")
    for a, n in sorted((text_amounts - printed).items()):
        if re.fullmatch(r"(19|20)\d\d", a):
            continue
        if re.fullmatch(r"\d{1,2}", a) and n <= firsts[a]:
            continue                                         # note references
        rep.problem(f"{slug}: amount line {a!r} (x{n}) is not a fact")


# --------------------------------------------------------------------------- one document
def check(rep, folder, slug):
    rep.say("== " + slug)
    gpath = os.path.join(folder, "gold", slug + ".json")
    try:
        with open(gpath, encoding="utf-8") as fh:
            gold = json.load(fh)
    except (OSError, ValueError) as exc:
        rep.problem(f"{slug}: gold unreadable: {exc}")
        return
    missing = TOP_KEYS - set(gold)
    if missing:
        rep.problem(f"{slug}: missing top-level keys {sorted(missing)}")
        return
    extra = set(gold) - TOP_KEYS - OPTIONAL_TOP_KEYS
    if extra:
        rep.problem(f"{slug}: unknown top-level keys {sorted(extra)}")
    if gold["source"] != slug + ".txt":
        rep.problem("{}: source {!r}".format(slug, gold["source"]))
    try:
        with open(os.path.join(folder, "pages", gold["source"]), encoding="utf-8") as fh:
            text = fh.read()
    except OSError as exc:
        rep.problem(f"{slug}: page unreadable: {exc}")
        return
    if gold["doc_type"] not in DOC_TYPES:
        rep.problem("{}: doc_type {!r}".format(slug, gold["doc_type"]))
    if not isinstance(gold["fiscal_year"], int):
        rep.problem("{}: fiscal_year {!r}".format(slug, gold["fiscal_year"]))
    if not str(gold["url"]).startswith("http") or not gold["layout"]:
        rep.problem(f"{slug}: url/layout missing")
    for st, un in gold["units"].items():
        if st not in STATEMENTS or un.get("actual") not in FACTOR or un.get("declared") not in FACTOR:
            rep.problem(f"{slug}: units {st} {un}")
    seen = set()
    values = defaultdict(dict)
    for i, f in enumerate(gold["facts"]):
        keys = set(f)
        if not FACT_KEYS <= keys or keys - FACT_KEYS - {"scope"}:
            rep.problem(f"{slug} fact {i} keys {sorted(keys)}")
            continue
        if f["statement"] not in STATEMENTS or f["column"] not in COLUMNS:
            rep.problem(f"{slug} fact {i} statement/column {f['statement']}/{f['column']}")
        if f.get("scope", "entity") not in SCOPES:
            rep.problem(f"{slug} fact {i} scope {f.get('scope')!r}")
        if (f["statement"] == "noter") != isinstance(f["note"], int):
            rep.problem(f"{slug} fact {i} note {f['note']!r} for {f['statement']}")
        if f["difficulty"] not in ("normal", "hard"):
            rep.problem(f"{slug} fact {i} difficulty {f['difficulty']!r}")
        if not isinstance(f["period"], int) or not f["label"].strip():
            rep.problem(f"{slug} fact {i} period/label {f['period']!r}/{f['label']!r}")
            continue
        if f["printed"] not in text:
            rep.problem(f"{slug} fact {i} printed {f['printed']!r} not in text")
        try:
            v, dec = parse(f["printed"])
        except ValueError:
            rep.problem(f"{slug} fact {i} printed {f['printed']!r} not a number")
            continue
        unit = gold["units"].get(f["statement"], {}).get("actual")
        if unit not in FACTOR:
            rep.problem(f"{slug} fact {i}: no unit for {f['statement']}")
            continue
        if v * FACTOR[unit] != f["value_sek"]:
            rep.problem(f"{slug} fact {i} value_sek {f['value_sek']} != {f['printed']} x {unit}")
        scope = f.get("scope", "entity")
        k = (f["statement"], f["note"], scope, f["label"], f["period"], f["column"])
        if k in seen:
            rep.problem(f"{slug}: fact given twice {k}")
        seen.add(k)
        values[(f["statement"], f["note"], scope)][(f["label"], f["period"], f["column"])] = \
            (Decimal(f["value_sek"]), Decimal(FACTOR[unit]) / (10 ** dec))

    statements = {f["statement"] for f in gold["facts"]}
    ties = gold.get("ties", [])
    if not isinstance(ties, list):
        rep.problem(f"{slug}: ties must be a list")
        ties = []
    good = [t for i, t in enumerate(ties) if check_tie_schema(rep, slug, i, t, statements)]
    failures, nties = run_ties(rep, slug, good, values)
    expected = {(e.get("statement"), e.get("period"), e.get("printed"), e.get("computed"))
                for e in gold["expected_failures"]}
    got = {(f["statement"], f["period"], f["printed"], f["computed"]) for f in failures}
    for f in failures:
        tag = "expected" if (f["statement"], f["period"], f["printed"], f["computed"]) in expected else "UNEXPECTED"
        rep.say("  tie fails ({}): {} {} printed {} computed {}".format(tag, f["period"], f["rule"], f["printed"],
                                                                  f["computed"]))
    for k in sorted(got - expected, key=str):
        rep.problem(f"{slug}: tie failure not in expected_failures: {k}")
    for k in sorted(expected - got, key=str):
        rep.problem(f"{slug}: expected failure does not fail: {k}")
    if "coverage" in gold:
        coverage(rep, slug, text, gold, gold["coverage"])
    rep.say(f"  {len(gold['facts'])} facts, {nties} ties checked, {len(failures)} failing ({len(expected)} expected)")


def verify(folder, slugs=None, quiet=False):
    """Check the gold of FOLDER (or just SLUGS); returns the list of problems."""
    rep = Report(quiet)
    gdir = os.path.join(folder, "gold")
    if not os.path.isdir(gdir):
        rep.problem(f"{folder}: no gold folder")
        return rep.problems
    if not slugs:
        slugs = sorted(f[:-5] for f in os.listdir(gdir) if f.endswith(".json"))
        pdir = os.path.join(folder, "pages")
        pages = {f[:-4] for f in os.listdir(pdir) if f.endswith(".txt")} if os.path.isdir(pdir) else set()
        for s in sorted(pages - set(slugs)):
            rep.problem(f"{s}: page without gold")
    for s in slugs:
        check(rep, folder, s)
    rep.say(f"\n{len(slugs)} documents, {len(rep.problems)} problems")
    return rep.problems


def main(argv):
    if not argv or argv[0].startswith("-"):
        print(__doc__)
        return 2
    return 1 if verify(argv[0], argv[1:]) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
