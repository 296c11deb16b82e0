"""Goal tables (måluppfyllelse) -> one row per goal, linked to its initiative's money.

Researchers set goal fulfilment beside money granted and used; this module finds the goals
in any of the layouts of `extract.goals_layouts`, reads targets and outcomes as numbers,
decides a status (printed assessment first, then target vs outcome, then the outcome's
wording), repairs damaged Swedish text and links each goal to the per-initiative
`budget` facts.

    python -m extract.goals OUT_DIR REPORT.txt ...   # writes OUT_DIR/goals.csv
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from difflib import SequenceMatcher

import regex

from arsred.extract.document import Document
from arsred.extract.goals_layouts import RawGoal, all_layouts
from arsred.extract.goals_text import Phrases, first_sentence, fold, load_phrases, quantities
from arsred.normalize.facts import Fact

log = logging.getLogger(__name__)

GOAL_COLUMNS = [
    "doc_id", "organisation", "fiscal_year", "section", "goal_no", "goal", "target_value", "target_unit",
    "outcome", "outcome_value", "outcome_unit", "status", "status_source", "initiative", "granted_sek",
    "used_sek", "page", "line",
]
STATUSES = ("uppfyllt", "delvis", "ej_uppfyllt", "ej_bedomt")
INFERRED_NUMBERS = "inferred: target vs outcome"
INFERRED_TEXT = "inferred: outcome text"
DUPLICATE_RATIO = 0.7   # within one section: the same goal read twice (garbled or clean)


def find_goals(document: Document, facts: Sequence[Fact] = (), *, organisation: str = "",
               fiscal_year: int | None = None) -> list[dict]:
    """One dict per goal with exactly GOAL_COLUMNS; never raises on odd layouts (logs instead)."""
    ph = load_phrases()
    try:
        raw = all_layouts(document, ph)
    except Exception:  # one odd page must not cost the whole batch its goals
        log.exception("%s: goal extraction failed", document.doc_id)
        return []
    repair = _repairer(document)
    raw = [replace(g, goal=repair(g.goal), outcome=repair(g.outcome), section=repair(g.section),
                   initiative=repair(g.initiative)) for g in raw]
    raw = _dedupe([g for g in raw if len(g.goal) >= 8])
    money = _money_by_initiative(facts)
    rows = []
    for g in raw:
        row = _row(g, ph)
        row.update(doc_id=document.doc_id, organisation=organisation, fiscal_year=fiscal_year)
        name, granted, used = _link(g, money)
        row.update(initiative=name or g.initiative or "", granted_sek=granted, used_sek=used)
        rows.append({c: row.get(c) for c in GOAL_COLUMNS})
    log.info("%s: %d goals", document.doc_id, len(rows))
    return rows


# --------------------------------------------------------------------------- values and status

def _row(g: RawGoal, ph: Phrases) -> dict:
    targets = quantities(g.goal, ph, loose=True)
    target = targets[0] if targets else None
    outs = quantities(g.outcome, ph, loose=False) if g.outcome else []
    outcome = None
    if outs:
        same = [q for q in outs if target and q.unit == target.unit]
        outcome = same[0] if same else (None if target and target.unit == "%" else outs[0])
    status, source = _status(g, target, outcome, ph)
    return {
        "section": g.section, "goal_no": g.goal_no, "goal": g.goal,
        "target_value": target.value if target else None, "target_unit": target.unit if target else None,
        "outcome": g.outcome or None,
        "outcome_value": outcome.value if outcome else None, "outcome_unit": outcome.unit if outcome else None,
        "status": status, "status_source": source, "page": g.page, "line": g.line,
    }


def _status(g: RawGoal, target, outcome, ph: Phrases) -> tuple[str, str]:
    """Printed assessment, else target vs outcome, else the outcome's wording, else ej_bedomt."""
    if g.status in STATUSES:
        return g.status, g.printed[:1].upper() + g.printed[1:] if g.printed else g.status
    if target is not None and outcome is not None and target.unit == outcome.unit:
        met = outcome.value <= target.value if target.upper_bound else outcome.value >= target.value
        return ("uppfyllt" if met else "ej_uppfyllt"), INFERRED_NUMBERS
    if g.outcome:
        words = set(regex.findall(r"\w+", fold(first_sentence(g.outcome))))
        return ("ej_uppfyllt" if words & ph.negations else "uppfyllt"), INFERRED_TEXT
    return "ej_bedomt", ""


# --------------------------------------------------------------------------- repair, duplicates

def _repairer(document: Document) -> Callable[[str], str]:
    """normalize.repair when it exists and the report needs it; identity otherwise."""
    try:
        from arsred.normalize.repair import needs_repair, repair_text  # type: ignore[import-not-found]
    except ImportError:
        return lambda s: s
    try:
        if not needs_repair(document.text):
            return lambda s: s
    except Exception:
        log.exception("%s: needs_repair failed", document.doc_id)
        return lambda s: s

    def repair(s: str) -> str:
        if not s:
            return s
        try:
            return repair_text(s).text
        except Exception:
            log.exception("repair_text failed on %r", s[:60])
            return s
    return repair


def _dedupe(goals: list[RawGoal]) -> list[RawGoal]:
    """A report printed twice yields each goal once: the best-read copy.

    Only within one section: the same wording under two initiatives is two goals.
    """
    kept: list[RawGoal] = []
    for g in goals:
        fg = fold(g.goal)
        for k, h in enumerate(kept):
            if g.goal_no is not None and h.goal_no is not None and g.goal_no != h.goal_no:
                continue
            ng, nh = set(regex.findall(r"\d+", g.goal)), set(regex.findall(r"\d+", h.goal))
            if ng and nh and ng != nh:
                continue
            same_section = fold(g.section) == fold(h.section)
            ratio = SequenceMatcher(None, fg, fold(h.goal), autojunk=False).ratio()
            if same_section and ratio >= DUPLICATE_RATIO:
                if _quality(g) > _quality(h):
                    kept[k] = g
                break
        else:
            kept.append(g)
    return kept


def _quality(g: RawGoal) -> tuple:
    return (g.confidence, bool(g.outcome), bool(g.status))


# --------------------------------------------------------------------------- money

def _money_by_initiative(facts: Sequence[Fact]) -> dict[str, dict[str, float]]:
    """'SamCoach: Förbrukade medel' budget facts -> {'SamCoach': {'granted': …, 'used': …}} (first seen wins)."""
    out: dict[str, dict[str, float]] = {}
    for f in facts:
        if f.statement != "budget" or ":" not in f.label:
            continue
        name = f.label.split(":", 1)[0].strip()
        key = {"bu.beviljade_medel": "granted", "bu.forbrukade_medel": "used"}.get(f.item)
        if key is None:
            continue
        out.setdefault(name, {}).setdefault(key, abs(f.value_sek) if key == "used" else f.value_sek)
    return out


def _similar(a: str, b: str) -> float:
    a, b = fold(a), fold(b)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if len(min(a, b, key=len)) >= 4 and (a in b or b in a):
        return 0.95
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _link(g: RawGoal, money: dict[str, dict[str, float]]) -> tuple[str, float | None, float | None]:
    best, score = "", 0.0
    for name in money:
        s = max(_similar(name, g.initiative), _similar(name, g.section))
        if s > score:
            best, score = name, s
    if score < 0.8:
        return "", None, None
    m = money[best]
    return best, m.get("granted"), m.get("used")


# --------------------------------------------------------------------------- command line

def write_goals_csv(paths: Sequence[str], out_dir: str) -> list[dict]:
    """Run find_goals over report files and write OUT/goals.csv (a stand-in until the CLI calls us)."""
    from pathlib import Path

    import pandas as pd

    from arsred.extract.read import read_document

    rows: list[dict] = []
    for p in paths:
        rows += find_goals(read_document(p))
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows, columns=GOAL_COLUMNS).to_csv(Path(out_dir) / "goals.csv", index=False)
    return rows


if __name__ == "__main__":
    import sys

    logging.basicConfig(level=logging.INFO)
    write_goals_csv(sys.argv[2:], sys.argv[1])
