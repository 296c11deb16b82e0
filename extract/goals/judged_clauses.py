"""Goals named by their content ("mål om …") inside the sentence that judges them.

    … vilket innebär att fullmäktiges långsiktiga resultatmål om 2 procent har uppfyllts med god marginal.
    Kommunen når sitt finansiella mål om ett resultat på 2 procent av skatter och bidrag.
    Målet om en budget i balans uppnåddes inte.

News pages and short financial sections judge a goal in one sentence: a goal word ("mål",
"resultatmål", `[sections] goal_words`) joined by "om"/"på" (`[judged] name_links`) to what the
goal asks, and either a status phrase after it (`[status.prose]`) or a verb that reaches it before
it (`[judged] reach_verbs`: "når", "uppnådde"; "inte"/"ej" after the verb turns it). The goal is
the noun phrase from its modifiers ("fullmäktiges långsiktiga") to the end of its content; the
sentence is its outcome, so its figures (the year's 3,5 procent) are the outcome's and the status
is `stated`. Without a status phrase or reaching verb in the same clause nothing is taken: prose
that only mentions a goal yields none.
"""
from __future__ import annotations

import regex
from arsred.extract.document import Line
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.structure import Headings, para_text, paragraphs
from arsred.extract.goals.vocabulary import Phrases, fold, is_goal_word, quantities, sentences

MAX_NAME = 160          # characters of a goal's content; longer runs are clauses, not a name
BETWEEN = 5             # words between a reaching verb and the goal ('når Region Kalmar län det ekonomiska målet')
MODIFIERS = 3           # words before the goal word that may belong to its name ("fullmäktiges långsiktiga")
MARK_USED = 600         # a paragraph this short is the verdict's own; a longer one (a page run into one line) is left to the others
CLAUSE_END = regex.compile(r"[;:]|,(?!\d)|\s(?:vilket|men|medan|eftersom|då|trots|samt)\s|[.!?](?=\s|$)")
NEGATIONS = ("inte", "ej")
FIGURE_SENTENCES = 2    # sentences after a verdict that may hold its figures


def judged_clauses(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    goals: list[RawGoal] = []
    body = [(k, line) for k, line in enumerate(lines) if k not in used and k not in heads.indices]
    for para in paragraphs(body):
        text = para_text(para)
        ss = sentences(text)
        found = [(goal, printed, status, _with_figures(outcome, ss[n + 1:n + 1 + FIGURE_SENTENCES]))
                 for n, s in enumerate(ss) for goal, printed, status, outcome in _judged(s, ph)]
        first = para[0][1]
        for goal, printed, status, outcome in found:
            goals.append(RawGoal(section=heads.at[para[0][0]], goal=goal, outcome=outcome, printed=printed,
                                 status=status, page=first.page, line=first.number, layout="judged_clause",
                                 confidence=0.6))
        if found and len(text) <= MARK_USED:
            used.update(k for k, _ in para)
    return goals


def _with_figures(outcome: str, after: list[str]) -> str:
    """The verdict and the sentences right after it that report a figure ('Resultatet blev 58 mnkr, 2,6 procent.')."""
    for s in after:
        if not regex.search(r"\d", s) or _judged_any(s):
            break
        outcome += " " + s.strip()
    return outcome


def _judged_any(sentence: str) -> bool:
    """A sentence that names a goal of its own is not the figure of the one before."""
    return bool(regex.search(r"(?i)\bm[aå]l(?:et|en)?\b", sentence))


def _judged(sentence: str, ph: Phrases) -> list[tuple[str, str, str, str]]:
    """(goal, printed verdict, status, outcome) for each goal the sentence names and judges."""
    f = fold(sentence)
    if len(f) != len(sentence) or not ph.name_links:
        return []
    links = "|".join(regex.escape(fold(w)) for w in ph.name_links)
    out = []
    for m in regex.finditer(r"(?<!\w)(\w+)\s+(?:" + links + r")\s+", f):
        if not (is_goal_word(m.group(1), ph) or m.group(1) in ph.goal_suffixes):     # 'målet om …' too
            continue
        start = _name_start(f, m.start(1), ph)
        verdict = _verdict_before(sentence, start, ph) or _verdict_after(sentence, f, m.end(), ph)
        if verdict is None:
            continue
        end, printed, status = verdict
        if fold(printed) in ph.above_words and any(q.upper_bound for q in quantities(sentence[start:end], ph)):
            status = "ej_uppfyllt"      # above a ceiling ('över målet om högst 30 %') is not met
        goal = sentence[start:end].strip(" ,")
        if len(goal) - (m.end() - start) < 2:
            continue
        out.append((goal, printed, status, sentence.strip()))
    return out


def _name_start(f: str, at: int, ph: Phrases) -> int:
    """Where the goal's noun phrase starts: up to MODIFIERS words before the goal word, none of them the sentence's."""
    start = at
    for _ in range(MODIFIERS):
        m = regex.search(r"(\w[\w-]*)\s+$", f[:start])
        if not m or m.group(1) in ph.not_name_words or regex.search(r"\d", m.group(1)):
            break
        start = m.start(1)
    return start


def _verdict_after(sentence: str, f: str, name_at: int, ph: Phrases) -> tuple[int, str, str] | None:
    """'… mål om 2 procent har uppfyllts': the status phrase closing the goal's clause; the name ends before it."""
    phrases = "|".join(regex.escape(p) for p in sorted(ph.status_prose, key=len, reverse=True))
    clause = f[name_at:name_at + MAX_NAME + 40]
    stop = CLAUSE_END.search(clause)
    m = regex.search(r"(?<!\w)(" + phrases + r")(?!\w)", clause[:stop.start()] if stop else clause)
    if not m or m.start() > MAX_NAME:
        return None
    name = clause[:m.start()]
    cut = next((w.start() for w in regex.finditer(r"\w+", name) if w.group() in ph.not_goal_name_words), len(name))
    if not name[:cut].strip():
        return None
    return name_at + cut, sentence[name_at + m.start():name_at + m.end()], ph.status_prose[m.group(1)]


def _between(word: str, ph: Phrases) -> bool:
    """A word that may stand between a reaching verb and the goal: the sentence's small words ('sitt', 'det'),
    a verb chain's ('klarade av att nå', `[judged] reach_links`) or the subject's name ('når Region Kalmar län det …':
    capitalised, or a body word, `[judged] body_words`)."""
    f = fold(word)
    return f in ph.not_name_words or f in ph.reach_links or f in ph.body_words or word[:1].isupper()


def _verdict_before(sentence: str, start: int, ph: Phrases) -> tuple[int, str, str] | None:
    """'Kommunen når (inte) sitt finansiella mål om …': a reaching verb just before the goal; the name runs to the clause end."""
    if not ph.reach_verbs:
        return None
    c = sentence.casefold()
    verbs = "|".join(regex.escape(v) for v in sorted(ph.reach_verbs, key=len, reverse=True))
    before = regex.search(r"(?<!\w)(" + verbs + r")(?:\s+(" + "|".join(NEGATIONS) + r"))?((?:\s+\w+){0," + str(BETWEEN) + r"})\s*$",
                          c[:start])
    if not before or not all(_between(w, ph) for w in sentence[before.start(3):before.end(3)].split()):
        return None
    status = "ej_uppfyllt" if before.group(2) else ph.reach_verbs[before.group(1)]
    rest = c[start:start + MAX_NAME + 40]
    stop = CLAUSE_END.search(rest)
    end = start + (stop.start() if stop else len(rest))
    if end - start > MAX_NAME:
        return None
    printed = sentence[before.start(1):before.end(2) if before.group(2) else before.end(1)]
    return end, printed, status
