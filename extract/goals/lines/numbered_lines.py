"""Numbered goal lines: "Mål 2. Samtliga insatser ska registreras. Utfall: uppfyllt." under a goal heading, and
"Mål 1 - … ska …" followed by its verdict ("Målet är delvis uppfyllt") anywhere."""
from __future__ import annotations

import regex
from arsred.extract.document import Line
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.structure import LABEL_NUMBER_CLOSE, Headings
from arsred.extract.goals.vocabulary import Phrases, fold, goal_verdicts, leading_status, prose_status

NUMBERED_GOAL = regex.compile(r"^\s*(\p{L}+)\s*(\d{1,2})\s*" + LABEL_NUMBER_CLOSE + r"\s+(\S.*)$")


def numbered_goal_lines(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    """'Mål 2. Samtliga insatser ska registreras. Utfall: uppfyllt.' lines under a goal heading.

    The goal is the text after the number; an outcome label ('Utfall:', 'Resultat:') on the same
    line or opening the next line starts the outcome, whose printed assessment is the status. A
    verdict on the goal standing alone on the next line ('Målet är delvis uppfyllt', `goal_verdicts`)
    is its outcome too; with it the line states a goal wherever it stands (a follow-up run into
    one line under no heading).
    """
    labels = {"mal"} | set(ph.plan_goal_labels)
    goals: list[RawGoal] = []
    outcome_at = regex.compile(r"(?:^|(?<=[.!?]\s))(" + "|".join(regex.escape(x) for x in ph.outcome_labels)
                               + r")\s*:\s*") if ph.outcome_labels else None
    for i, line in enumerate(lines):
        if i in used or i in heads.indices or "\t" in line.text.strip():
            continue
        text = " ".join(line.text.split())
        m = NUMBERED_GOAL.match(text)
        if not m or fold(m.group(1)) not in labels:
            continue
        verdict = _verdict_line(lines, i + 1, used, ph)
        if not heads.goal_area[i] and verdict is None:
            continue
        body = m.group(3)
        if not (regex.search(r"(?i)\b(ska|skall|minst|högst|att)\b|%", body) or body.rstrip().endswith(".")):
            continue
        goal, outcome = body, ""
        cut = outcome_at.search(fold(body)) if outcome_at else None
        if cut and len(fold(body)) == len(body):
            goal, outcome = body[:cut.start()].strip(), body[cut.end():].strip()
        j = i + 1
        while (outcome_at is not None and j < len(lines) and j not in used and lines[j].number == lines[j - 1].number + 1
               and outcome_at.match(fold(" ".join(lines[j].text.split())))):
            nxt = " ".join(lines[j].text.split())
            outcome = (outcome + " " + nxt[outcome_at.match(fold(nxt)).end():]).strip()
            used.add(j)
            j += 1
        if verdict is not None and not outcome:
            outcome = verdict
            used.add(i + 1)
        printed, status = "", ""
        found = (leading_status(outcome, ph) if outcome else None) or (prose_status(outcome, ph) if outcome else None)
        if found:
            printed, status = found
        used.add(i)
        goals.append(RawGoal(section=heads.goal_area[i] or heads.at[i], goal=goal, outcome=outcome, printed=printed, status=status,
                             goal_no=int(m.group(2)), page=line.page, line=line.number, layout="numbered_line"))
    return goals


def _verdict_line(lines: list[Line], j: int, used: set[int], ph: Phrases) -> str | None:
    """The next printed line when it is a verdict on the goal and nothing else ('Målet är delvis uppfyllt.'), else None."""
    if j >= len(lines) or j in used or lines[j].number != lines[j - 1].number + 1:
        return None
    text = " ".join(lines[j].text.split())
    spans = goal_verdicts(text, ph)
    return text if spans and spans[0][0] == 0 and not text[spans[0][1]:].strip(" .") else None
