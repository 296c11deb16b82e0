"""Goals under a goal code, each followed by the measures that follow it up, items marked by a symbol glyph.

    S A1. Nacka ska anses ha ett gott företagsklimat …      <- a goal: (glyph) code "A1." and its text
    N Ranking av bästa näringsklimat i svenska kommuner     <- a measure of A1 (glyph, no code)
    N Antal nya företag i kommunen
    S A2. God service, bra bemötande och hög tillgänglighet …

A symbol font's glyphs come out of a PDF as lone capital letters (`long_lines.glyph_letters`);
the colours they stood for are lost, so nothing here is judged (`ej_bedomt`). A measure is a
goal row whose section is the goal it measures. At least two coded goals make the list.
"""
from __future__ import annotations

import regex
from arsred.extract.document import Line
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.reading.long_lines import glyph_letters
from arsred.extract.goals.structure import Headings
from arsred.extract.goals.vocabulary import Phrases

CODED = regex.compile(r"^(?:(\p{Lu})\s+)?(\p{Lu}{1,2}\d{1,2}(?:\.\d{1,2})*)\.?\s+(\p{Lu}\S.{6,})$")


def coded_goals(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    texts = [" ".join(line.text.split()) for line in lines]
    glyphs = glyph_letters(texts, ph)
    if not glyphs:
        return []
    coded = {i: m for i, t in enumerate(texts) if i not in used and (m := CODED.match(t))
             and (m.group(1) is None or m.group(1) in glyphs)}
    if len(coded) < 2:
        return []
    measure = regex.compile(r"^(?:" + "|".join(sorted(glyphs)) + r")\s+(\p{Lu}.{7,})$")
    goals: list[RawGoal] = []
    for i, m in coded.items():
        goal = m.group(3).strip()
        goals.append(RawGoal(section=heads.at[i], goal=goal, goal_no=m.group(2), page=lines[i].page,  # type: ignore[arg-type]
                             line=lines[i].number, layout="coded_goal", confidence=0.7))
        used.add(i)
        k = i + 1
        while k < len(lines) and k not in coded and lines[k].number == lines[k - 1].number + 1:
            mm = measure.match(texts[k])
            if not mm:
                break
            goals.append(RawGoal(section=goal, goal=mm.group(1).strip(), page=lines[k].page, line=lines[k].number,
                                 layout="coded_measure", confidence=0.7))
            used.add(k)
            k += 1
    return goals
