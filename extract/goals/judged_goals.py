"""Goals named inside the sentence that judges them.

    Sammantaget görs bedömningen att det finansiella målet (att återställa …) har uppfyllts.
    Målet att alla … ska ha möjlighet att påverka sina liv har … Staden har delvis nått ambitionen inom målet.

A sentence naming "målet (att …)" or "målet att …", with a status phrase (`[status.prose]`) in
it or in the paragraph's next sentences, is a goal: the "att …" clause is the goal, the
sentence holding the status its outcome, and the status is stated. Any part of the page is
read (news pages and goal analyses have no goal heading); without a status phrase nothing is
taken, so ordinary prose about goals yields no goal.
"""
from __future__ import annotations

import regex
from arsred.extract.document import Line
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.structure import Headings, para_text, paragraphs
from arsred.extract.goals.vocabulary import Phrases, fold, prose_status, sentences

NAMED = regex.compile(r"\bmal(?:et|en)?\s*(?:\(\s*(att\s[^()]{8,200})\)|(att\s[^.()]{8,200}?)\s+(?=har\b|ar\b|bedoms\b|blev\b))")
LOOKAHEAD = 3      # sentences after the naming one that may hold its status


def judged_goals(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    goals: list[RawGoal] = []
    body = [(k, line) for k, line in enumerate(lines) if k not in used and k not in heads.indices]
    for para in paragraphs(body):
        ss = sentences(para_text(para))
        for n, s in enumerate(ss):
            f = fold(s)
            m = NAMED.search(f)
            if not m or len(f) != len(s):
                continue
            start, end = m.span(1) if m.group(1) else m.span(2)
            for judged in ss[n:n + LOOKAHEAD]:
                found = prose_status(judged, ph)
                if found:
                    printed, status = found
                    first = para[0][1]
                    goals.append(RawGoal(section=heads.at[para[0][0]], goal=s[start:end].strip(), outcome=judged,
                                         printed=printed, status=status, page=first.page, line=first.number,
                                         layout="judged_sentence", confidence=0.7))
                    used.update(k for k, _ in para)
                    break
            else:
                continue
            break
    return goals
