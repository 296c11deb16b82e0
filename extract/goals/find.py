"""Goals of one document -> one row per goal (GOAL_COLUMNS), linked to its initiative's money.

Every reader (one module per layout, listed in READERS) sees the same reading lines and
headings and marks the lines it used, so a later reader never reads a line twice. The rows
are then repaired (damaged Swedish letters), deduplicated (a report printed twice), given
numbers and a status (`extract.goals.rows`) and linked to `budget` facts (`money`).

    python -m arsred.extract.goals OUT_DIR REPORT.txt ...   # writes OUT_DIR/goals.csv
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from difflib import SequenceMatcher

import regex
from arsred.extract.document import Document, Line
from arsred.extract.goals.lines.coded_goals import coded_goals
from arsred.extract.goals.lines.contents_goals import contents_goals
from arsred.extract.goals.lines.indicators import indicator_lines
from arsred.extract.goals.lines.labelled_indicators import labelled_indicators
from arsred.extract.goals.lines.numbered_lines import numbered_goal_lines
from arsred.extract.goals.lines.plan_rows import plan_rows
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.money import link, money_by_initiative
from arsred.extract.goals.prose.announced import announced_goals
from arsred.extract.goals.prose.bounds import bound_goals
from arsred.extract.goals.prose.judged import judged_sentences
from arsred.extract.goals.prose.levels import level_goals
from arsred.extract.goals.prose.prose import numbered_headings, prose_goals, stated_goals
from arsred.extract.goals.prose.titled import titled_goals
from arsred.extract.goals.reading.reading_lines import reading_lines
from arsred.extract.goals.rows import goal_values
from arsred.extract.goals.structure import Headings, find_headings, is_contents
from arsred.extract.goals.tables.column_tables import column_tables
from arsred.extract.goals.tables.indicator_tables import indicator_lists, indicator_tables
from arsred.extract.goals.tables.interleaved import interleaved_tables
from arsred.extract.goals.tables.status_tables import status_tables
from arsred.extract.goals.tables.tab_tables import tab_tables
from arsred.extract.goals.tables.target_tables import target_tables
from arsred.extract.goals.vocabulary import Phrases, fold, load_phrases
from arsred.normalize.facts import Fact

log = logging.getLogger(__name__)

GOAL_COLUMNS = [
    "doc_id", "organisation", "fiscal_year", "section", "goal_no", "goal", "target_value", "target_unit",
    "outcome", "outcome_value", "outcome_unit", "status", "status_source", "status_basis", "initiative",
    "granted_sek", "used_sek", "matched_fact", "page", "line",
]
DUPLICATE_RATIO = 0.7   # within one section: the same goal read twice (garbled or clean)
MIN_GOAL_CHARS = 8      # shorter "goals" are fragments, except a goal named by its area ("Ekonomi")
ADJACENT = 2         # lines apart of two table rows next to each other, each with its status: two goals however alike
NEIGHBOURS = 12         # lines apart within which two alike goals of one layout are a list, not a copy

Reader = Callable[[list[Line], Headings, Phrases, set[int]], list[RawGoal]]

# In this order: structured layouts first, so prose readers only see what tables left.
READERS: tuple[Reader, ...] = (tab_tables, column_tables, coded_goals, plan_rows, numbered_goal_lines, status_tables,
                              interleaved_tables, indicator_tables,
                              indicator_lists, labelled_indicators, target_tables, indicator_lines,
                              announced_goals, judged_sentences, level_goals, bound_goals, titled_goals,
                              contents_goals)


def read_raw_goals(doc: Document, ph: Phrases) -> list[RawGoal]:
    """Every reader over the document's reading lines; positions mapped back to printed lines."""
    reading = reading_lines(doc, ph)
    lines = reading.lines
    heads = find_headings(lines, ph)
    used = {k for k, line in enumerate(lines) if is_contents(line.text)}   # a contents list states no goal (but see
    found: list[RawGoal] = []                                                 # contents_goals, which reads its entries)
    for reader in READERS:
        found += reader(lines, heads, ph, used)
    assessed = any(g.outcome or g.status for g in found)
    prose = prose_goals(lines, heads, ph, used, plan=False)
    if not (assessed or any(g.outcome for g in prose)):
        prose = prose_goals(lines, heads, ph, used, plan=True)   # a plan: its "ska"-sentences are the goals
    found = numbered_headings(found + prose, lines, heads, ph)
    if not found:       # a page about a body's goals: the sentences that state one, outside any goal heading's area
        found = stated_goals(lines, heads, ph, used | {k for k, area in enumerate(heads.goal_area) if area})
    log.debug("%s: %d raw goals", doc.doc_id, len(found))
    out = []
    for g in found:
        page, line = reading.locate(g.line, g.goal, g.goal_no) or (g.page, g.line)
        out.append(replace(g, goal=" ".join(g.goal.split()), outcome=" ".join(g.outcome.split()),
                           page=page, line=line, position=g.line))
    return out


def find_goals(document: Document, facts: Sequence[Fact] = (), *, organisation: str = "",
               fiscal_year: int | None = None) -> list[dict]:
    """One dict per goal with exactly GOAL_COLUMNS; never raises on odd layouts (logs instead)."""
    ph = load_phrases()
    try:
        raw = read_raw_goals(document, ph)
    except Exception:  # one odd page must not cost the whole batch its goals
        log.exception("%s: goal extraction failed", document.doc_id)
        return []
    repair = _repairer(document)
    raw = [replace(g, goal=repair(g.goal), outcome=repair(g.outcome), section=repair(g.section),
                   initiative=repair(g.initiative)) for g in raw]
    raw = _dedupe([g for g in raw if len(g.goal) >= MIN_GOAL_CHARS or g.layout == "named_area"])
    money = money_by_initiative(facts)
    rows = []
    for g in raw:
        row = goal_values(g, ph)
        row.update(doc_id=document.doc_id, organisation=organisation, fiscal_year=fiscal_year)
        name, granted, used = link(g, money)
        row.update(initiative=name or g.initiative or "", granted_sek=granted, used_sek=used)
        rows.append({c: row.get(c) for c in GOAL_COLUMNS})
    log.info("%s: %d goals", document.doc_id, len(rows))
    return rows


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
            og, oh = regex.findall(r"\d+", g.outcome + g.target), regex.findall(r"\d+", h.outcome + h.target)
            if og and oh and og != oh and g.page == h.page:
                continue        # two goals worded alike, each with its own result or target
            fh = fold(h.goal)
            apart = _apart(g, h)
            if (g.layout == h.layout and g.page == h.page and apart <= NEIGHBOURS
                    and (fg not in fh and fh not in fg
                         or 0 < apart <= ADJACENT and bool(g.printed and h.printed))):
                continue        # listed one after the other (or two rows, each with its own status): two goals
            if fold(g.section) != fold(h.section):
                continue
            sm = SequenceMatcher(None, fg, fh, autojunk=False)   # quick_ratio bounds ratio from above: cheap first
            if sm.real_quick_ratio() >= DUPLICATE_RATIO and sm.quick_ratio() >= DUPLICATE_RATIO \
                    and sm.ratio() >= DUPLICATE_RATIO:
                if _quality(g) > _quality(h):
                    kept[k] = g
                break
        else:
            kept.append(g)
    return kept


def _apart(g: RawGoal, h: RawGoal) -> int:
    """Lines between two goals; on one printed line (a page run into one line), the reading lines between them."""
    return abs(g.line - h.line) if g.line != h.line else abs(g.position - h.position)


def _quality(g: RawGoal) -> tuple:
    return (g.confidence, bool(g.outcome), bool(g.status))


# --------------------------------------------------------------------------- command line

def write_goals_csv(paths: Sequence[str], out_dir: str) -> list[dict]:
    """Run find_goals over report files and write OUT/goals.csv (a stand-in until the CLI calls us)."""
    from pathlib import Path

    import pandas as pd
    from arsred.extract.reading.read import read_document

    rows: list[dict] = []
    for p in paths:
        rows += find_goals(read_document(p))
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows, columns=GOAL_COLUMNS).to_csv(Path(out_dir) / "goals.csv", index=False)
    return rows

