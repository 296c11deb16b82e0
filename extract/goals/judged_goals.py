"""Goals named inside the sentence that judges them.

    Sammantaget görs bedömningen att det finansiella målet (att återställa …) har uppfyllts.
    Målet att alla … ska ha möjlighet att påverka sina liv har … Staden har delvis nått ambitionen inom målet.

A sentence naming "målet (att …)" or "målet att …", with a status phrase (`[status.prose]`) in
it or in the paragraph's next sentences, is a goal: the "att …" clause is the goal, the
sentence holding the status its outcome, and the status is stated. Any part of the page is
read (news pages and goal analyses have no goal heading); without a status phrase nothing is
taken, so ordinary prose about goals yields no goal.

Goals named by their area in the sentence that judges them are read too, one goal per name:

    Tre av målen, Samhälle, Utbildning och Vård och omsorg bedöms vara delvis uppfyllda.
    Målet för Medarbetare uppfylls inte, främst på grund av … Målet Ekonomi bedöms vara uppfyllt.

The names are capitalised, listed with commas and "och" right after "målen"/"målet (för)",
and the sentence itself states the status. A goal named in lower case between "målet" and the
status phrase ("det finansiella målet resultat enligt balanskrav inte uppnåddes") is one too,
unless a word of the run makes it a clause ("målet har därmed inte uppnåtts").
"""
from __future__ import annotations

import regex
from arsred.extract.document import Line
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.structure import Headings, para_text, paragraphs
from arsred.extract.goals.vocabulary import Phrases, fold, prose_status, sentences

NAMED = regex.compile(r"\bmal(?:et|en)?\s*(?:\(\s*(att\s[^()]{8,200})\)|(att\s[^.()]{8,200}?)\s+(?=har\b|ar\b|bedoms\b|blev\b))")
LOOKAHEAD = 3      # sentences after the naming one that may hold its status
# "Tre av målen, A, B och C bedöms …", "Målet för D uppfylls …", "Målet E bedöms …" (on the printed sentence)
NAMES = r"(\p{Lu}[\p{L}-]*(?:\s+(?:och\s+)?\p{Ll}[\p{L}-]*)*?(?:(?:,\s*|\s+och\s+)\p{Lu}[\p{L}-]*(?:\s+och\s+\p{Ll}[\p{L}-]*)*)*)"
NAMED_AREAS = regex.compile(r"(?i:\bm[aå]l(?:et|en)\b)(?:,\s*|\s+(?i:för)\s+|\s+)" + NAMES
                            + r",?\s+(?=(?i:bedöms|är|har|uppfylls|uppnås|nås|blev)\b)")


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
    return goals + _named_before_status(lines, heads, ph, used) + _named_areas(lines, heads, ph, used)


def _named_before_status(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    """'… det finansiella målet resultat enligt balanskrav inte uppnåddes …': the words between 'målet' and the
    status phrase name the goal, when none of them runs a clause (`[prose] not_goal_name_words`)."""
    phrases = "|".join(regex.escape(p) for p in sorted(ph.status_prose, key=len, reverse=True))
    pattern = regex.compile(r"\bmalet\s+(\p{Ll}[\p{Ll}\s-]{3,80}?)\s+(?:" + phrases + r")\b")
    goals: list[RawGoal] = []
    body = [(k, line) for k, line in enumerate(lines) if k not in used and k not in heads.indices]
    for para in paragraphs(body):
        for s in sentences(para_text(para)):
            f = fold(s)
            m = pattern.search(f) if len(f) == len(s) else None
            if m is None or set(m.group(1).split()) & ph.not_goal_name_words or regex.search(r"\p{Lu}", s[m.start(1):m.end(1)]):
                continue        # a clause, or a name printed capitalised ('Målet för Medarbetare …': `_named_areas`)
            found = prose_status(s, ph)
            if not found:
                continue
            first = para[0][1]
            goals.append(RawGoal(section=heads.at[para[0][0]], goal=s[m.start(1):m.end(1)].strip(), outcome=s,
                                 printed=found[0], status=found[1], page=first.page, line=first.number,
                                 layout="judged_sentence", confidence=0.6))
            used.update(k for k, _ in para)
    return goals


def _named_areas(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    """Goals named by their area in the sentence that states their status: one goal per name."""
    goals: list[RawGoal] = []
    body = [(k, line) for k, line in enumerate(lines) if k not in used and k not in heads.indices]
    for para in paragraphs(body):
        for s in sentences(para_text(para)):
            m = NAMED_AREAS.search(s)
            found = prose_status(s, ph) if m else None
            if not found:
                continue
            printed, status = found
            first = para[0][1]
            for name in _names(m.group(1)):
                goals.append(RawGoal(section=heads.at[para[0][0]], goal=name, outcome=s, printed=printed,
                                     status=status, page=first.page, line=first.number, layout="named_area",
                                     confidence=0.6))
    return goals


def _names(text: str) -> list[str]:
    """'Samhälle, Utbildning och Vård och omsorg' -> the names; 'och' before a capital starts a new one."""
    names = []
    for part in regex.split(r",\s*", text):
        names += [n.strip() for n in regex.split(r"\s+och\s+(?=\p{Lu})", part) if n.strip()]
    return names
