"""Indicators each under a label with its number, their latest value labelled.

    IndikatorÖM.11.2.1                 <- label and number (glued or not): the goal number
    Andel barn, 1-5 år, inskrivna i förskolan
    Trend: Trenden är oförändrad       <- a trend is not a status
    Senaste värdet: 88 %2020           <- the outcome (`[indicator] value_labels`)

Without a target nothing judges the value: such indicators are `ej_bedomt` (see `rows`).
"""
from __future__ import annotations

import regex
from arsred.extract.document import Line
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.structure import Headings, is_furniture
from arsred.extract.goals.vocabulary import Phrases, fold


def labelled_indicators(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    if not ph.indicator_labels:
        return []
    label = regex.compile(r"^(?:" + "|".join(regex.escape(w) for w in ph.indicator_labels)
                          + r")\s*:?\s*([\p{L}]{0,4}[\d.]*\d[\d.]*)$")
    value = regex.compile(r"^(?:" + "|".join(regex.escape(w) for w in ph.value_labels) + r")\s*:\s*(.+)$")
    texts = [" ".join(line.text.replace("\t", " ").split()) for line in lines]
    starts = [i for i, t in enumerate(texts) if i not in used and label.match(fold(t))]
    if len(starts) < 2:
        return []
    goals: list[RawGoal] = []
    for n, i in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else min(len(lines), i + 8)
        body = [k for k in range(i + 1, end) if texts[k] and k not in used and not is_furniture(texts[k])]
        if not body:
            continue
        name_at = body[0]
        outcome = ""
        for k in body[1:]:
            m = value.match(fold(texts[k]))
            if m:
                outcome = texts[k][m.start(1):]
                used.add(k)
                break
        number = texts[i][label.match(fold(texts[i])).start(1):]
        used.update((i, name_at))
        goals.append(RawGoal(section=heads.goal_area[i] or heads.at[i], goal=texts[name_at], outcome=outcome,
                             goal_no=number, page=lines[name_at].page, line=lines[name_at].number,   # type: ignore[arg-type]
                             layout="labelled_indicator", confidence=0.8))
    return goals
