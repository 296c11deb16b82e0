"""Goals named only in a plan's table of contents: the entries under a goal chapter.

    3 Mål ... 5
    3.1 En aktiv roll i arbetet med social hållbarhet ... 6
    3.2 Oavsett vad som händer ska räddningstjänsten fungera ... 7
    4 Stöd till ägarkommunerna ... 14

A chapter whose title is a goal heading ("Mål", "Verksamhetsmål", "Finansiella mål") lists its goals as its
sections; a stored page that keeps only the contents still names them. Each entry needs the leader and page
number of a contents line, and the chapter two entries at least; where the report's chapter itself follows (an
entry's title printed again as a heading), its goals are read there instead. `ej_bedomt` (nothing follows them up).
"""
from __future__ import annotations

import regex
from arsred.extract.document import Line
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.structure import Headings
from arsred.extract.goals.vocabulary import Phrases, fold, is_goal_heading, strip_numbering

ENTRY = regex.compile(r"^\s*(\d{1,2})(?:\.(\d{1,2}))?\.?\s+(\p{Lu}.*?)\s*(?:\.\s*){2,}\s*\d{1,3}\s*$")
MIN_ENTRIES = 2


def contents_goals(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    chapters: dict[str, list[tuple[int, int, str]]] = {}
    chapter = ""
    for i, line in enumerate(lines):
        m = ENTRY.match(" ".join(line.text.split()))
        if m is None:
            continue
        title = m.group(3).strip()
        if m.group(2) is None:
            chapter = f"{m.group(1)} {title}" if is_goal_heading(title, ph) else ""
            if chapter:
                chapters.setdefault(chapter, [])
        elif chapter and chapter.split()[0] == m.group(1):
            chapters[chapter].append((i, int(m.group(2)), title))
    body = {fold(strip_numbering(" ".join(line.text.split()))) for line in lines
            if not ENTRY.match(" ".join(line.text.split()))}
    goals: list[RawGoal] = []
    for chapter, entries in chapters.items():
        if len(entries) < MIN_ENTRIES or any(fold(title) in body for _, _, title in entries):
            continue        # the report's own chapter follows: its goals are read there, not from the contents
        for i, no, title in entries:
            used.add(i)
            goals.append(RawGoal(section=chapter.split(" ", 1)[1], goal=title, goal_no=no, page=lines[i].page,
                                 line=lines[i].number, layout="contents_goal", confidence=0.6))
    return goals
