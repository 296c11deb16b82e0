#!/usr/bin/env python3
"""Check the hand-made gold of the real goal set against its page texts.

usage: check_gold.py DIR [DIR ...]

Each DIR holds <slug>.txt (a public page's stored text, cut to one goal section) and
gold/<slug>.json in the format of ../shared/corpus/goals/*.json plus the top-level keys
url, organisation, fiscal_year and form (optional: layout, note, and round, the collection
round that added the section, absent for the first two). For every DIR it checks:

  * every txt has a gold file and every gold file a txt; gold.source names the txt;
  * the schema: top-level keys and types, every goal has exactly the corpus keys (plus
    the optional keys listed in OPTIONAL_GOAL_KEYS), status is one of STATUSES,
    status_source (when present) is "derived";
  * every goal text and every section name occurs in the txt, compared casefolded with
    whitespace collapsed (the goal texts are the facts: copied, not paraphrased);
  * every target_value / outcome_value (and target_by_year value) is printed in the txt:
    some number on the page equals it, scaled by 1000 or 1 000 000 when the unit is kr
    (tkr, mnkr), so that 16,4 mnkr may stand as 16400000 kr; where table cells are glued
    ('Nöjd Inflytande Index404036Minst index') any piece of a digit run counts as printed;
  * a value has a unit and a unit a value; units are one of UNITS;
  * a page with no goal (prose about goals, which a reader must not take for goals: it
    measures precision) has an empty goal list and a top-level note saying so.

Prints one line per problem and exits 1 when there is any. Standard library only.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

STATUSES = {"uppfyllt", "delvis", "ej_uppfyllt", "ej_bedomt"}
UNITS = {"%", "kr", "antal", "dagar", "minuter", "år", "procentenheter", "index", "poäng"}
GOAL_KEYS = ["section", "goal_no", "goal", "target_value", "target_unit", "outcome",
             "outcome_value", "outcome_unit", "status"]
OPTIONAL_GOAL_KEYS = {"status_source", "note", "target_by_year", "outcome_by_year"}
TOP_KEYS = {"source", "url", "organisation", "fiscal_year", "form", "goals"}
OPTIONAL_TOP_KEYS = {"layout", "note", "round"}
FORMS = {"prose_goal_headings", "indicator_benchmark", "financial_goals", "financial_sentence",
         "symbol_table", "word_table", "target_table", "target_per_year", "no_follow_up"}
KR_SCALES = (1, 1_000, 1_000_000)
NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[,.]\d+)?|\d+(?:[,.]\d+)?")


def norm(text) -> str:
    """Casefolded, NFC, whitespace collapsed."""
    text = unicodedata.normalize("NFC", str(text or ""))
    return " ".join(text.casefold().split())


def page_numbers(text: str) -> set[float]:
    """Every number printed on the page, read with and without thousands grouping."""
    found: set[float] = set()
    for match in NUMBER.finditer(text):
        groups = re.split(r"[ \u00a0\u202f]", match.group())
        # '148 815 151 697' may be one number or several: read every run of groups
        for start in range(len(groups)):
            for end in range(start + 1, len(groups) + 1):
                run = groups[start:end]
                if any(len(g.split(",")[0].split(".")[0]) != 3 for g in run[1:]):
                    break
                if any(re.search(r"[,.]", g) for g in run[:-1]):
                    break
                try:
                    found.add(float("".join(run).replace(",", ".")))
                except ValueError:
                    continue
    # cells glued without separators ('404036', '71,972,272,7'): any piece of a digit run
    for run in re.findall(r"\d[\d,.]*\d", text):
        if len(run) > 24:
            continue
        for start in range(len(run)):
            for end in range(start + 1, len(run) + 1):
                piece = run[start:end]
                if re.fullmatch(r"\d+(?:[,.]\d+)?", piece):
                    found.add(float(piece.replace(",", ".")))
    return found


def printed(value: float, unit: str | None, numbers: set[float]) -> bool:
    scales = KR_SCALES if unit == "kr" else (1,)
    value = abs(value)
    return any(abs(n * s - value) <= 1e-6 * max(1.0, value) for n in numbers for s in scales)


def check_goal(goal: dict, where: str, page: str, numbers: set[float]) -> list[str]:
    problems = []
    keys = set(goal)
    missing = [k for k in GOAL_KEYS if k not in keys]
    extra = keys - set(GOAL_KEYS) - OPTIONAL_GOAL_KEYS
    if missing:
        problems.append(f"{where}: missing keys {missing}")
    if extra:
        problems.append(f"{where}: unknown keys {sorted(extra)}")
    if goal.get("status") not in STATUSES:
        problems.append(f"{where}: status {goal.get('status')!r} not in {sorted(STATUSES)}")
    if "status_source" in goal and goal["status_source"] != "derived":
        problems.append(f"{where}: status_source {goal['status_source']!r} (only 'derived')")
    if goal.get("status") == "ej_bedomt" and goal.get("status_source"):
        problems.append(f"{where}: ej_bedomt cannot be derived")
    if not isinstance(goal.get("goal"), str) or not goal["goal"].strip():
        problems.append(f"{where}: empty goal text")
    elif norm(goal["goal"]) not in page:
        problems.append(f"{where}: goal text not in the page: {goal['goal'][:70]!r}")
    if not isinstance(goal.get("section"), str) or norm(goal["section"]) not in page:
        problems.append(f"{where}: section not in the page: {goal.get('section')!r}")
    if goal.get("goal_no") is not None and not isinstance(goal["goal_no"], str):
        problems.append(f"{where}: goal_no must be a string or null")
    for kind in ("target", "outcome"):
        value, unit = goal.get(f"{kind}_value"), goal.get(f"{kind}_unit")
        if (value is None) != (unit is None):
            problems.append(f"{where}: {kind}_value and {kind}_unit must both be set or null")
        if unit is not None and unit not in UNITS:
            problems.append(f"{where}: {kind}_unit {unit!r} not in {sorted(UNITS)}")
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            problems.append(f"{where}: {kind}_value {value!r} is not a number")
        elif not printed(value, unit, numbers):
            problems.append(f"{where}: {kind}_value {value} {unit} is not printed on the page")
        by_year = goal.get(f"{kind}_by_year") or {}
        for year, year_value in by_year.items():
            if not re.fullmatch(r"\d{4}", year) or not printed(year_value, unit, numbers):
                problems.append(f"{where}: {kind}_by_year {year}: {year_value} not printed")
    return problems


def check_file(gold_path: Path, txt_path: Path) -> list[str]:
    name = gold_path.name
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return [f"{name}: unreadable: {exc}"]
    problems = []
    keys = set(gold)
    if TOP_KEYS - keys:
        problems.append(f"{name}: missing top-level keys {sorted(TOP_KEYS - keys)}")
    if keys - TOP_KEYS - OPTIONAL_TOP_KEYS:
        problems.append(f"{name}: unknown top-level keys {sorted(keys - TOP_KEYS - OPTIONAL_TOP_KEYS)}")
    if gold.get("source") != txt_path.name:
        problems.append(f"{name}: source {gold.get('source')!r} is not {txt_path.name!r}")
    if not str(gold.get("url", "")).startswith(("http://", "https://")):
        problems.append(f"{name}: url missing")
    if "round" in gold and not (isinstance(gold["round"], int) and not isinstance(gold["round"], bool)
                                and 1 <= gold["round"] <= 20):
        problems.append(f"{name}: round {gold['round']!r} must be a small integer")
    year = gold.get("fiscal_year")
    if year is not None and not (isinstance(year, int) and 1990 <= year <= 2030):
        problems.append(f"{name}: fiscal_year {year!r}")
    forms = gold.get("form")
    if not isinstance(forms, list) or not forms or set(forms) - FORMS:
        problems.append(f"{name}: form {forms!r} must be a non-empty list from {sorted(FORMS)}")
    goals = gold.get("goals")
    if not isinstance(goals, list) or not goals and not gold.get("note"):
        return problems + [f"{name}: no goals (a page that states none says why in its top-level note)"]
    text = txt_path.read_text(encoding="utf-8")
    page, numbers = norm(text), page_numbers(text)
    for i, goal in enumerate(goals):
        problems += check_goal(goal, f"{name} goal {i + 1}", page, numbers)
    return problems


def check_dir(directory: Path) -> list[str]:
    directory = Path(directory)
    gold_dir = directory / "gold"
    txts = {p.stem: p for p in directory.glob("*.txt")}
    golds = {p.stem: p for p in gold_dir.glob("*.json")}
    problems = [f"{directory.name}/{s}.txt has no gold" for s in sorted(set(txts) - set(golds))]
    problems += [f"{directory.name}/gold/{s}.json has no txt" for s in sorted(set(golds) - set(txts))]
    for stem in sorted(set(txts) & set(golds)):
        problems += check_file(golds[stem], txts[stem])
    return problems


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    problems = []
    for arg in argv:
        problems += check_dir(Path(arg))
    for line in problems:
        print(line)
    n_gold = sum(len(list((Path(a) / "gold").glob("*.json"))) for a in argv)
    print(f"{n_gold} gold files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
