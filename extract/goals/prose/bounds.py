"""Financial goals stated as a level a measure shall keep, in running text: "… kommunens resultat minst ska uppgå
till 225 miljoner kronor per treårscykel", "Resultatet ska vara minst 2 procent av skatteintäkterna".

A news page or a budget decision states a financial goal as a sentence, not under a goal heading: a financial
measure (`[financial] measures`: resultat, soliditet, nettokostnadsandel, …) as the subject of a goal verb
(`[prose] goal_verbs`), a bound (`[financial] bounds`: minst, högst, inte understiga …) and a figure with a
percent or money unit. The bound is what makes it a goal: "Resultatet ska uppgå till 30 mnkr" is a budget's
figure, "… ska uppgå till minst 30 mnkr" a level to reach. The goal is the clause from the measure's words to
the clause's end; a sentence right after it that judges a goal ("Målet uppnås …") is its status, else
`ej_bedomt`. Read outside goal headings' areas only: under a goal heading the prose readers read such
sentences with the rest of the section.
"""
from __future__ import annotations

import regex
from arsred.extract.document import Line
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.structure import Headings, para_text, paragraphs
from arsred.extract.goals.vocabulary import Phrases, clause_end, fold, prose_status, quantities, sentences

SUBJECT_WORDS = 3       # words before the measure that belong to the goal ('kommunens', 'det egna')
VERDICT_SENTENCES = 2   # sentences after the goal that may judge it


def bound_goals(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    if not (ph.financial_measures and ph.financial_bounds and ph.goal_verbs):
        return []
    measures = "|".join(regex.escape(w) for w in ph.financial_measures)
    verbs = "|".join(regex.escape(w) for w in ph.goal_verbs)
    bounds = "|".join(regex.escape(w) for w in ph.financial_bounds)
    pattern = regex.compile(r"(?:^|(?<=\s))((?:[\w-]+\s+){0," + str(SUBJECT_WORDS) + r"}?(?:" + measures + r"))\s+"
                            r"(?:(?:" + bounds + r")\s+)?(?:" + verbs + r")\b")
    # the verb before its subject, after a phrase opening the sentence ('Enligt kommunfullmäktiges mål ska resultatet
    # vara minst 2 procent …'): the goal is the clause from its start
    inverted = regex.compile(r"(?:^|(?<=\s))(?:" + verbs + r")\s+(?:[\w-]+\s+){0,2}?(?:" + measures + r")\s")
    goals: list[RawGoal] = []
    body = [(k, line) for k, line in enumerate(lines)
            if k not in used and k not in heads.indices and not heads.goal_area[k]]
    for para in paragraphs(body):
        ss = sentences(para_text(para))
        for n, s in enumerate(ss):
            f = fold(s)
            if len(f) != len(s):
                continue
            found = [(_subject_start(f, m.start(1), m.end(1), ph), m.end()) for m in pattern.finditer(f)]
            found += [(_clause_start(f, m.start(), ph), m.end()) for m in inverted.finditer(f)]
            for start, after in sorted(found):
                end = clause_end(ph.bound_clause_ends).search(f, after)
                clause = s[start:end.start() if end else len(s)].strip()
                fc = fold(clause)
                if not regex.search(r"(?<!\w)(?:" + bounds + r")(?!\w)", fc):
                    continue
                if not any(q.unit in ("%", "kr") for q in quantities(clause, ph, loose=True)):
                    continue
                printed, status, outcome = "", "", ""
                for later in ss[n + 1:n + 1 + VERDICT_SENTENCES]:
                    verdict = prose_status(later, ph)
                    if verdict:
                        (printed, status), outcome = verdict, later
                        break
                first = para[0][1]
                goals.append(RawGoal(section=heads.at[para[0][0]], goal=clause, outcome=outcome, printed=printed,
                                     status=status, page=first.page, line=first.number, layout="bound_goal",
                                     confidence=0.6))
                break
    return goals


def _clause_start(f: str, at: int, ph: Phrases) -> int:
    """Where the clause holding position `at` starts: after the last clause end before it, else the sentence's start."""
    ends = [m.end() for m in clause_end(ph.bound_clause_ends).finditer(f[:at])]
    return ends[-1] if ends else 0


def _subject_start(f: str, start: int, measure_end: int, ph: Phrases) -> int:
    """The measure's own words: the words before it from the first that is no sentence word ('att', 'är')."""
    begin = start
    for w in list(regex.finditer(r"[\w-]+", f[start:measure_end]))[:-1]:
        if w.group() in ph.financial_subject_stops:
            begin = start + w.end() + 1
    return begin
