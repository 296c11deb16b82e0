"""A RawGoal -> its goals.csv values: target and outcome as numbers, and a status with its source.

Status, first that applies: a printed assessment (`stated`); a target and an outcome in the
same unit (`derived`: met when outcome ≥ target, ≤ for ceilings); an outcome text alone
(`derived` only when it restates the goal as done or judged, not met when negated); otherwise `ej_bedomt`.
"""
from __future__ import annotations

import regex
from arsred.extract.amounts import parse_amount
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.vocabulary import Phrases, Quantity, first_sentence, fold, quantities

STATUSES = ("uppfyllt", "delvis", "ej_uppfyllt", "ej_bedomt")
STATED, DERIVED = "stated", "derived"
BY_NUMBERS = "target vs outcome"
BY_TEXT = "outcome restates the goal"
MIN_SHARED = 2      # goal words an outcome must repeat to restate the goal
STEM = 5            # letters compared: inflections differ after them ('genomföra', 'genomfördes')
DONE_WORD = 6       # a past passive is at least this long ('gjordes'); shorter words ending alike are not verbs
NAMED_MEASURES = frozenset({"column_table"})     # layouts whose goal is a measure's name, its target a cell of its own


def goal_values(g: RawGoal, ph: Phrases) -> dict:
    """Target (from the table's target cell when there is one, else the goal), outcome and status."""
    targets = quantities(g.target, ph, loose=True) if g.target else []
    if g.layout not in NAMED_MEASURES:      # a measure's name ('… antal/100 000 invånare') sets no target
        targets = targets or quantities(g.goal, ph, loose=True)
    target = targets[0] if targets else _bare_cell(g.target)
    outs = quantities(_without_goal(g), ph, loose=False) if g.outcome else []
    outcome = None
    if outs:
        same = [q for q in outs if target and q.unit == target.unit]
        outcome = same[0] if same else (None if target and target.unit == "%" else outs[0])
    status, source, basis = decide_status(g, target, outcome, ph)
    return {
        "section": g.section, "goal_no": g.goal_no, "goal": g.goal,
        "target_value": target.value if target else None, "target_unit": (target.unit or None) if target else None,
        "outcome": g.outcome or None,
        "outcome_value": outcome.value if outcome else None, "outcome_unit": outcome.unit if outcome else None,
        "status": status, "status_source": source, "status_basis": basis, "page": g.page, "line": g.line,
    }


def _bare_cell(cell: str) -> Quantity | None:
    """A table's target cell printed as a bare figure ('60' under 'Målvärde'): its value, the unit unknown."""
    if not regex.fullmatch(r"\s*[-–]?\d[\d\s]*(?:,\d+)?\s*", cell or ""):
        return None
    amount = parse_amount(cell.strip())
    return Quantity(float(amount.value), "", 0) if amount is not None else None


def _without_goal(g: RawGoal) -> str:
    """The outcome with the goal blanked out where it restates it: the goal's own figures are not the outcome."""
    at = g.outcome.find(g.goal) if g.goal else -1
    if at < 0:
        return g.outcome
    return g.outcome[:at] + " " * len(g.goal) + g.outcome[at + len(g.goal):]


def decide_status(g: RawGoal, target, outcome, ph: Phrases) -> tuple[str, str, str]:
    """(status, source, basis): printed assessment, else target vs outcome, else the outcome's wording, else ej_bedomt."""
    if g.status in STATUSES:
        return g.status, STATED, g.printed[:1].upper() + g.printed[1:] if g.printed else g.status
    if target is not None and outcome is not None and target.unit == outcome.unit:
        less_word = None if target.upper_bound else lower_is_better(g.goal, ph)
        ceiling = target.upper_bound or less_word is not None
        met = outcome.value <= target.value if ceiling else outcome.value >= target.value
        basis = f"{BY_NUMBERS} (a ceiling: less {less_word} is better)" if less_word else BY_NUMBERS
        return ("uppfyllt" if met else "ej_uppfyllt"), DERIVED, basis
    restated = restates_goal(g.goal, g.outcome, ph)
    if restated is not None:
        return restated, DERIVED, BY_TEXT
    return "ej_bedomt", "", ""


def restates_goal(goal: str, outcome: str, ph: Phrases) -> str | None:
    """'uppfyllt' / 'ej_uppfyllt' when the outcome's first sentence restates the goal as done or judged, else None.

    "Att genomföra en psykiatrivecka" -> "Psykiatriveckan genomfördes …": the goal's words told in the past
    (or as the report's judgement, "styrelsen bedömer att …"); negated ("har inte nyttjats") it was not met.
    An outcome that does not restate its goal judges nothing: a plan's target sentence, reasons, a figure.
    """
    words = regex.findall(r"[\w/-]+", fold(first_sentence(outcome)))
    shared = _stems(fold(goal)) & _stems(" ".join(words))
    if len(shared) < MIN_SHARED:
        return None
    told = any(w in ph.judgement_verbs or (len(w) >= DONE_WORD and w.endswith(ph.done_endings)) for w in words) \
        or any(a in ph.done_auxiliaries and regex.fullmatch(r"\p{L}+", b) for a, b in zip(words, words[1:]))
    if not told:
        return None
    return "ej_uppfyllt" if set(words) & ph.negations else "uppfyllt"


def _stems(text: str) -> set[str]:
    """The first letters of a text's longer words: 'psykiatriveckan' and 'psykiatrivecka' share 'psyki'."""
    return {w[:STEM] for w in regex.findall(r"\p{L}[\p{L}-]*", text) if len(w) >= STEM}


def lower_is_better(measure: str, ph: Phrases) -> str | None:
    """The word that makes a measure one where less is better ('våldsbrott'), else None.

    A target cell that prints no direction ('13') is a ceiling for such a measure; without this
    a count of crimes above its target would be derived as met.
    """
    for word in regex.findall(r"\w+", fold(measure)):
        for stem in ph.lower_is_better:
            if regex.fullmatch(r"\w*" + regex.escape(stem) + r"(?:en|er|erna|na|n|et)?", word):
                return stem
    return None
