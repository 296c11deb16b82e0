"""Indicators with a benchmark: "Klart positivt svar 95 %, riktmärke 80 %" — target 80, outcome 95."""
from __future__ import annotations

import regex
from arsred.extract.document import Line
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.structure import Headings
from arsred.extract.goals.vocabulary import Phrases, fold


def indicator_lines(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    """'Klart positivt svar 95 % …, riktmärke 80 %': the benchmark is the target, the other figure the outcome."""
    if not ph.benchmark:
        return []
    bench = regex.compile(r"(?i)[,;(]?\s*(?:" + "|".join(ph.benchmark) + r")\s*:?\s*(?:minst\s+|högst\s+)?"
                          r"\d+(?:,\d+)?\s*(?:%|procent)\)?")
    goals = []
    for i, line in enumerate(lines):
        if i in used:
            continue
        text = " ".join(line.text.replace("\t", " ").split())
        m = bench.search(fold(text))
        if not m or not regex.search(r"\d", fold(text)[:m.start()] + fold(text)[m.end():]):
            continue
        clause = text[m.start():m.end()].strip(" ,;()")
        rest = (text[:m.start()] + text[m.end():]).strip(" ,;")
        label = regex.split(r"\s\d", rest, maxsplit=1)[0].strip(" ,;:")
        goals.append(RawGoal(section=heads.at[i], goal=f"{label}, {clause}", outcome=rest, page=line.page,
                             line=line.number, layout="indicator", confidence=0.8))
        used.add(i)
    return goals
