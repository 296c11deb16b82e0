"""Plan rows: "MÅL 1: … / Resultatmål 1 <tab> Att … / Uppföljning <tab> …" — goals without outcomes."""
from __future__ import annotations

import regex
from arsred.extract.document import Line
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.structure import Headings, cells_of
from arsred.extract.goals.vocabulary import Phrases, fold, nice_heading

PLAN_ROW = regex.compile(r"^\s*([\p{L}]+)\s*(\d{1,2})\s*[:.]?\s*$")


def plan_rows(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    """'Resultatmål 1 <tab> Att …' rows under a 'MÅL 1: …' heading; 'Uppföljning' rows are follow-up, not outcome."""
    goals: list[RawGoal] = []
    section = ""
    for i, line in enumerate(lines):
        cells = [c for c in cells_of(line) if c]
        text = " ".join(line.text.split())
        if len(cells) == 1 and regex.match(r"(?i)^m[aå]l\s*\d+\s*:", text):
            section = nice_heading(text)
            used.add(i)
            continue
        label, body = (cells[0], " ".join(cells[1:])) if len(cells) >= 2 else ("", "")
        if not label:
            m = regex.match(r"^\s*(\p{L}+\s*\d{1,2})\s*[:.]\s+(.+)$", text)
            if m:
                label, body = m.group(1), m.group(2)
        m = PLAN_ROW.match(fold(label)) if label else None
        if m and m.group(1) in ph.plan_goal_labels and body:
            goals.append(RawGoal(section=section or heads.at[i], goal=body, goal_no=int(m.group(2)),
                                 page=line.page, line=line.number, layout="plan_row"))
            used.add(i)
        elif label and fold(label) in ph.plan_followup_labels:
            used.add(i)
    return goals
