"""Goals named only by their level: "2 %-målet", "två procent-målet", read wherever a sentence names one.

    • förvaltningen får i uppdrag att arbeta för att återställa 2 %-målet även under planperioden.

A figure with a percent unit compounded with a goal word names one goal of the body, its target the figure, whatever
the sentence does with it. A sentence that judges it (a status phrase, a reaching verb: "klarar två procent-målet")
is left to `judged`, which reads the verdict; here the goal is only named, so `ej_bedomt` (nobody follows it up in the
sentence). The name is the compound as printed.
"""
from __future__ import annotations

import regex
from arsred.extract.document import Line
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.structure import Headings, para_text, paragraphs
from arsred.extract.goals.vocabulary import Phrases, fold, is_goal_word, prose_status, sentences


def _level_name(ph: Phrases) -> regex.Pattern:
    """'2 %-målet', '1,5 procent-målet', 'två procentsmålet' on the folded sentence (the figure a digit or a number word)."""
    words = "|".join(regex.escape(w) for w in sorted(ph.number_words, key=len, reverse=True)) or "(?!)"
    return regex.compile(r"(?<!\w)(?:\d{1,2}(?:,\d)?|" + words + r")[\s-]?(?:%|procent)s?-?(\w+)(?!\w)")


def level_goals(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    pattern = _level_name(ph)
    reach = [fold(v) for v in ph.reach_verbs]
    goals: list[RawGoal] = []
    body = [(k, line) for k, line in enumerate(lines) if k not in used and k not in heads.indices]
    for para in paragraphs(body):
        for s in sentences(para_text(para)):
            f = fold(s)
            if len(f) != len(s) or prose_status(s, ph) or any(regex.search(r"(?<!\w)" + regex.escape(v) + r"(?!\w)", f)
                                                             for v in reach):
                continue        # judged: `judged` reads it with its verdict
            for m in pattern.finditer(f):
                word = m.group(1)
                if not (word in ph.goal_suffixes or is_goal_word(word, ph)) or word.endswith("en"):
                    continue    # a plural ('2 %-målen') names no one goal
                first = para[0][1]
                goals.append(RawGoal(section=heads.at[para[0][0]], goal=s[m.start():m.end()], page=first.page,
                                     line=first.number, layout="level_goal", confidence=0.5))
                used.update(k for k, _ in para)
    return goals
