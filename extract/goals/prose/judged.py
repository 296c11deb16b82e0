"""Goals named inside the sentence that judges them: one reader, `judged_sentences`, for the form.

A goal judged in a sentence is named there in one of four ways, read in this order:

- **by its clause** ("målet (att …)", "målet att …", or in apposition after the sentence's verdict: "För perioden
  infrias ett av kommunens tre finansiella mål, att …"), with a status phrase (`[status.prose]`) in it or
  in the paragraph's next sentences; the "att …" clause is the goal, the sentence holding the status
  its outcome:

      Sammantaget görs bedömningen att det finansiella målet (att återställa …) har uppfyllts.
      Målet att alla … ska ha möjlighet att påverka sina liv har … Staden har delvis nått ambitionen inom målet.

- **by lower-case words between "målet" and the status phrase** ("det finansiella målet resultat
  enligt balanskrav inte uppnåddes"), unless a word of the run makes it a clause ("målet har därmed
  inte uppnåtts", `[prose] not_goal_name_words`).
- **by their areas**, capitalised, listed with commas and "och" right after "målen"/"målet (för)", the
  sentence itself stating the status; one goal per name:

      Tre av målen, Samhälle, Utbildning och Vård och omsorg bedöms vara delvis uppfyllda.
      Målet för Medarbetare uppfylls inte, främst på grund av … Målet Ekonomi bedöms vara uppfyllt.

- **by its content** ("mål om …"): a goal word ("mål", "resultatmål", `[sections] goal_words`) joined
  by "om"/"på" (`[judged] name_links`) to what the goal asks, and either a status phrase after it or
  a verb that reaches it before it (`[judged] reach_verbs`: "når", "uppnådde"; "inte"/"ej" after
  the verb turns it). The goal is the noun phrase from its modifiers ("fullmäktiges långsiktiga")
  to the end of its content; the sentence, with the figures of the sentences right after it, is
  its outcome:

      … vilket innebär att fullmäktiges långsiktiga resultatmål om 2 procent har uppfyllts med god marginal.
      Kommunen når sitt finansiella mål om ett resultat på 2 procent av skatter och bidrag.
      Målet om en budget i balans uppnåddes inte.

Any part of the page is read (news pages and goal analyses have no goal heading) and the status is
`stated`. Without a status phrase or reaching verb nothing is taken, so ordinary prose that only
mentions a goal yields none.
"""
from __future__ import annotations

import regex
from arsred.extract.document import Line
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.structure import Headings, para_text, paragraphs
from arsred.extract.goals.vocabulary import (
    Phrases,
    clause_end,
    fold,
    is_goal_word,
    prose_status,
    quantities,
    sentences,
)

NAMED = regex.compile(r"\bmal(?:et|en)?\s*(?:\(\s*(att\s[^()]{8,200})\)|(att\s[^.()]{8,200}?)\s+(?=har\b|ar\b|bedoms\b|blev\b)"
                      r"|,\s*(att\s[^.()]{8,200}?)\s*(?=\(|\.|$))")
LOOKAHEAD = 3      # sentences after the naming one that may hold its status
# "Tre av målen, A, B och C bedöms …", "Målet för D uppfylls …", "Målet E bedöms …" (on the printed sentence)
NAMES = r"(\p{Lu}[\p{L}-]*(?:\s+(?:och\s+)?\p{Ll}[\p{L}-]*)*?(?:(?:,\s*|\s+och\s+)\p{Lu}[\p{L}-]*(?:\s+och\s+\p{Ll}[\p{L}-]*)*)*)"
NAMED_AREAS = regex.compile(r"(?i:\bm[aå]l(?:et|en)\b)(?:,\s*|\s+(?i:för)\s+|\s+)" + NAMES
                            + r",?\s+(?=(?i:bedöms|är|har|uppfylls|uppnås|nås|blev)\b)")
MAX_NAME = 160          # characters of a goal's content; longer runs are clauses, not a name
BETWEEN = 5             # words between a reaching verb and the goal ('når Region Kalmar län det ekonomiska målet')
MODIFIERS = 3           # words before the goal word that may belong to its name ("fullmäktiges långsiktiga")
MARK_USED = 600         # a paragraph this short is the verdict's own; a longer one (a page run into one line) is left to the others
NEGATIONS = ("inte", "ej")
FIGURE_SENTENCES = 2    # sentences after a verdict that may hold its figures

Para = list[tuple[int, Line]]


def judged_sentences(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    """Goals named by their clause, by words before the status, by their areas, then by their content."""
    goals = _named_by_clause(lines, heads, ph, used)
    goals += _named_before_status(lines, heads, ph, used)
    goals += _named_areas(lines, heads, ph, used)
    goals += _named_by_compound(lines, heads, ph, used)
    return goals + _named_by_content(lines, heads, ph, used)


def _body(lines: list[Line], heads: Headings, used: set[int]) -> list[Para]:
    """The paragraphs of the lines no reader has used yet, headings left out."""
    return paragraphs([(k, line) for k, line in enumerate(lines) if k not in used and k not in heads.indices])


def _goal(para: Para, heads: Headings, goal: str, outcome: str, printed: str, status: str, layout: str,
          confidence: float) -> RawGoal:
    """A judged goal, placed at its paragraph's first line."""
    first = para[0][1]
    return RawGoal(section=heads.at[para[0][0]], goal=goal, outcome=outcome, printed=printed, status=status,
                   page=first.page, line=first.number, layout=layout, confidence=confidence)


def _status_phrases(ph: Phrases) -> str:
    """The status phrases as one alternation, longest first."""
    return "|".join(regex.escape(p) for p in sorted(ph.status_prose, key=len, reverse=True))


# --------------------------------------------------------------------------- named by a clause, words or areas

def _named_by_clause(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    """'målet (att …)' / 'målet att …' with a status phrase in the sentence or the next LOOKAHEAD ones."""
    goals: list[RawGoal] = []
    for para in _body(lines, heads, used):
        ss = sentences(para_text(para))
        for n, s in enumerate(ss):
            f = fold(s)
            m = NAMED.search(f)
            if not m or len(f) != len(s):
                continue
            start, end = m.span(next(g for g in (1, 2, 3) if m.group(g)))
            # 'infrias ett av kommunens tre finansiella mål, att …': an apposition is judged by its own sentence, before it
            verdicts = [s[:m.start(3)]] if m.group(3) else ss[n:n + LOOKAHEAD]
            for judged in verdicts:
                found = prose_status(judged, ph)
                if found:
                    printed, status = found
                    goals.append(_goal(para, heads, s[start:end].strip(), s if m.group(3) else judged, printed, status,
                                       "judged_sentence", 0.7))
                    used.update(k for k, _ in para)
                    break
            else:
                continue
            break
    return goals


def _named_before_status(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    """'… det finansiella målet resultat enligt balanskrav inte uppnåddes …': the words between 'målet' and the
    status phrase name the goal, when none of them runs a clause (`[prose] not_goal_name_words`)."""
    pattern = regex.compile(r"\bmalet\s+(\p{Ll}[\p{Ll}\s-]{3,80}?)\s+(?:" + _status_phrases(ph) + r")\b")
    goals: list[RawGoal] = []
    for para in _body(lines, heads, used):
        for s in sentences(para_text(para)):
            f = fold(s)
            m = pattern.search(f) if len(f) == len(s) else None
            if m is None or set(m.group(1).split()) & ph.not_goal_name_words or regex.search(r"\p{Lu}", s[m.start(1):m.end(1)]):
                continue        # a clause, or a name printed capitalised ('Målet för Medarbetare …': `_named_areas`)
            found = prose_status(s, ph)
            if not found:
                continue
            printed, status = found
            goals.append(_goal(para, heads, s[m.start(1):m.end(1)].strip(), s, printed, status, "judged_sentence", 0.6))
            used.update(k for k, _ in para)
    return goals


def _named_by_compound(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    """'Ett mål, kunskapsmålet, bedöms inte bli uppfyllt 2012.': a goal named by a singular compound of its own
    ('kunskapsmålet', never a bare 'målet'), the status phrase right after it or after a verdict's verb chain
    (`[judged] verdict_links`: 'bedöms', 'anses'); the sentence is its outcome."""
    links = "|".join(regex.escape(w) for w in sorted(ph.verdict_links, key=len, reverse=True)) or "(?!)"
    pattern = regex.compile(r"(?<![\w%])((?:\d{1,2}(?:,\d)?\s?%)?[\w-]+malet),?\s+((?:(?:" + links + r")\s+){0,3})("
                            + _status_phrases(ph) + r")(?!\w)")      # '2 %-målet uppnåddes inte': its level is its name
    goals: list[RawGoal] = []
    for para in _body(lines, heads, used):
        for s in sentences(para_text(para)):
            f = fold(s)
            if len(f) != len(s):
                continue
            for m in pattern.finditer(f):
                if not _compound_goal(m.group(1), ph):
                    continue
                goals.append(_goal(para, heads, s[m.start(1):m.end(1)], s.strip(), s[m.start(3):m.end(3)],
                                   ph.status_prose[m.group(3)], "judged_sentence", 0.6))
    return goals


def _named_areas(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    """Goals named by their area in the sentence that states their status: one goal per name."""
    goals: list[RawGoal] = []
    for para in _body(lines, heads, used):
        for s in sentences(para_text(para)):
            m = NAMED_AREAS.search(s)
            found = prose_status(s, ph) if m else None
            if not found:
                continue
            printed, status = found
            goals += [_goal(para, heads, name, s, printed, status, "named_area", 0.6) for name in _names(m.group(1))]
    return goals


def _names(text: str) -> list[str]:
    """'Samhälle, Utbildning och Vård och omsorg' -> the names; 'och' before a capital starts a new one."""
    names = []
    for part in regex.split(r",\s*", text):
        names += [n.strip() for n in regex.split(r"\s+och\s+(?=\p{Lu})", part) if n.strip()]
    return names


# --------------------------------------------------------------------------- named by content ("mål om …")

def _named_by_content(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    """'… resultatmål om 2 procent har uppfyllts', 'Kommunen når sitt finansiella mål om …'."""
    goals: list[RawGoal] = []
    for para in _body(lines, heads, used):
        text = para_text(para)
        ss = sentences(text)
        found = [(goal, printed, status, _with_figures(outcome, ss[n + 1:n + 1 + FIGURE_SENTENCES]))
                 for n, s in enumerate(ss) for goal, printed, status, outcome in _judged(s, ph)]
        goals += [_goal(para, heads, goal, outcome, printed, status, "judged_clause", 0.6)
                  for goal, printed, status, outcome in found]
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
    periods = "|".join(regex.escape(w) for w in ph.name_periods) or "(?!)"
    out = []
    for m in regex.finditer(r"(?<!\w)(\w+)(?:\s+(?:" + periods + r"))?\s+(?:" + links + r")\s+", f):
        anchor = m.start(1) if is_goal_word(m.group(1), ph) or m.group(1) in ph.goal_suffixes else _required(f, m.end(1), ph)
        if anchor is None:      # 'målet om …' too
            continue
        start = _name_start(f, anchor, ph)
        verdict = _verdict_before(sentence, start, ph) or _verdict_after(sentence, f, m.end(), ph)
        if verdict is None:
            continue
        end, printed, status = verdict
        if fold(printed) in ph.above_words | ph.below_words and any(q.upper_bound for q in quantities(sentence[start:end], ph)):
            status = "ej_uppfyllt" if status == "uppfyllt" else "uppfyllt"   # above a ceiling ('över målet om högst 30 %') is not met
        goal = sentence[start:end].strip(" ,")
        if len(goal) - (m.end() - start) < 2:
            continue
        out.append((goal, printed, status, sentence.strip()))
    return out or _reached_by_name(sentence, ph)


def _required(f: str, end: int, ph: Phrases) -> int | None:
    """'krav för god ekonomisk hushållning' ending at `end`: where the requirement word starts (the goal's noun), else None."""
    for phrase in ph.goal_phrases:
        if f[:end].endswith(phrase):
            m = regex.search(r"(\w+)\s+for\s+$", f[:end - len(phrase)])
            if m and m.group(1) in ph.requirement_words:
                return m.start(1)
    return None


def _reached_by_name(sentence: str, ph: Phrases) -> list[tuple[str, str, str, str]]:
    """'… och klarar två procent-målet - den nivå som ekonomin ska ligga på …': a reaching verb, then a goal named by
    a compound of its own ('överskottsmålet', 'två procent-målet', not a bare 'målet' nor a plural 'målen'); a
    dash after it opens its meaning, which runs to the clause end."""
    if not ph.reach_verbs:
        return []
    c = sentence.casefold()
    verbs = "|".join(regex.escape(v) for v in sorted(ph.reach_verbs, key=len, reverse=True))
    out = []
    for v in regex.finditer(r"(?<!\w)(" + verbs + r")(?:\s+(" + "|".join(NEGATIONS) + r"))?(?!\w)", c):
        words = list(regex.finditer(r"\S+", sentence[v.end():v.end() + MAX_NAME]))
        k = 0
        while k < min(len(words), BETWEEN) and _between(words[k].group(), ph):
            k += 1
        for j in range(k, min(k + MODIFIERS + 1, len(words))):
            w = fold(words[j].group())
            if not regex.fullmatch(r"[\w%-]+", w) or w in ph.not_name_words or w in ph.reach_links:
                break       # punctuation, or a word of the sentence: no name
            if not _compound_goal(w, ph):
                continue
            start, end = v.end() + words[k].start(), v.end() + words[j].end()
            dash = regex.match(r"\s*[-–—]\s+", sentence[end:])
            if dash:
                rest = sentence[end + dash.end():end + dash.end() + MAX_NAME]
                stop = clause_end(ph.verdict_clause_ends).search(rest)
                end += dash.end() + (stop.start() if stop else len(rest))
            status = "ej_uppfyllt" if v.group(2) else ph.reach_verbs[v.group(1)]
            out.append((sentence[start:end].strip(" ,"), sentence[v.start():v.end()], status, sentence.strip()))
            break
    return out


def _compound_goal(word: str, ph: Phrases) -> bool:
    """'procent-malet', 'overskottsmalet': a goal word compounded with its name, singular."""
    last = word.split("-")[-1]
    if word.endswith("en") or word in ph.not_goal_words or word in ph.goal_words:
        return False
    return ("-" in word and (last in ph.goal_words or last in ph.goal_suffixes)) or is_goal_word(word, ph)


def _name_start(f: str, at: int, ph: Phrases) -> int:
    """Where the goal's noun phrase starts: up to MODIFIERS words before the goal word, none of them the sentence's
    (nor a reaching verb's: 'vilket överstiger resultatmålet …', 'vilket är under resultatmålet …')."""
    start = at
    verb = regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(fold(v)) for v in ph.reach_verbs) + r")\s+$") if ph.reach_verbs else None
    for _ in range(MODIFIERS):
        m = regex.search(r"(\w[\w-]*)\s+$", f[:start])
        if (not m or m.group(1) in ph.not_name_words or (verb is not None and verb.search(f[:start]))
                or regex.search(r"\d", m.group(1))):
            break
        start = m.start(1)
    return start


def _verdict_after(sentence: str, f: str, name_at: int, ph: Phrases) -> tuple[int, str, str] | None:
    """'… mål om 2 procent har uppfyllts': the status phrase closing the goal's clause; the name ends before it."""
    clause = f[name_at:name_at + MAX_NAME + 40]
    stop = clause_end(ph.verdict_clause_ends).search(clause)
    m = regex.search(r"(?<!\w)(" + _status_phrases(ph) + r")(?!\w)", clause[:stop.start()] if stop else clause)
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
    stop = clause_end(ph.verdict_clause_ends).search(rest)
    end = start + (stop.start() if stop else len(rest))
    if end - start > MAX_NAME:
        return None
    printed = sentence[before.start(1):before.end(2) if before.group(2) else before.end(1)]
    return end, printed, status
