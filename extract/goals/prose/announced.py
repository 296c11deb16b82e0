"""Goals a sentence announces and the next sentences list, as news pages and "om förbundet" texts write them.

    I delårsrapporten framgår att kommunen har fyra finansiella mål. Ett, att årets resultat ska …
    Två, verksamhetens nettokostnader ska inte överstiga 98 procent … Tre, … Fyra, låneskulden ska minska varje år.

    Förbundet har flera mål för sin verksamhet. Att ge jobb och öka deltagarnas arbetsförmåga, att främja
    samverkan … och se till så att de samlade resurserna utnyttjas bättre för varje individ.

The announcing sentence says the body *has* goals and how many ("har fyra finansiella mål",
"har flera mål": a number word of `[number_words]` or `[prose] goal_counts`, at most two words
between it and the goal word). The goals follow in the same paragraph, either

- **numbered in words**: each opens with the next number word and a comma or colon ("Ett,",
  "Två,"), counted from one; a sentence that opens with no number word belongs to the item
  before it (its goal is the item's first sentence);
- **as one list sentence**: "Att A, att B och C" — items cut at ", att" and the last one's last "och".

Where the announcement gives a number, exactly that many goals must be listed, or none is taken.
A later sentence that judges them all at once ("inget av de fyra målen är uppfyllda", "samtliga
mål har uppnåtts": `[prose] all_goals_words`, `no_goals_words`) is every goal's stated status;
without one they are `ej_bedomt`. A sentence that only mentions goals announces none.
"""
from __future__ import annotations

import regex
from arsred.extract.document import Line
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.structure import Headings, para_text, paragraphs
from arsred.extract.goals.vocabulary import Phrases, fold, is_goal_word, prose_status, sentences

BETWEEN = 2             # words between the count and the goal word ("fyra finansiella mål")
VERDICT_PARAGRAPHS = 2  # paragraphs after the list that may judge all its goals
MIN_ITEMS = 2           # a list of one is no list


def announced_goals(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    goals: list[RawGoal] = []
    paras = paragraphs([(k, line) for k, line in enumerate(lines) if k not in used and k not in heads.indices])
    for p, para in enumerate(paras):
        ss = sentences(para_text(para))
        for n, s in enumerate(ss):
            count = _announced(s, ph)
            if count is None:
                continue
            items, last = _numbered_items(ss[n + 1:], ph) or _list_items(ss[n + 1:n + 2])
            if len(items) < MIN_ITEMS or (count and len(items) != count):
                continue
            after = ss[n + 1 + last:] + [t for q in paras[p + 1:p + 1 + VERDICT_PARAGRAPHS] for t in sentences(para_text(q))]
            verdict = common_verdict(after, ph)
            printed, status, outcome = verdict if verdict else ("", "", "")
            first = para[0][1]
            section = heads.at[para[0][0]] or s.strip()
            goals += [RawGoal(section=section, goal=item, outcome=outcome, printed=printed, status=status,
                              page=first.page, line=first.number, layout="announced", confidence=0.6)
                      for item in items]
            used.update(k for k, _ in para)
            break
    return goals


def _announced(sentence: str, ph: Phrases) -> int | None:
    """'… har fyra finansiella mål.' -> 4; '… har flera mål för sin verksamhet.' -> 0 (a list of any length); else None."""
    f = fold(sentence).rstrip(" .")
    counts = sorted([*ph.number_words, *ph.goal_counts], key=len, reverse=True)
    if not counts or sentence.rstrip().endswith(":"):
        return None
    m = regex.search(r"\bhar\s+(" + "|".join(regex.escape(c) for c in counts) + r")((?:\s+\w+){1," + str(BETWEEN + 1) + r"})",
                     f)
    if m is None or not any(is_goal_word(w, ph) for w in m.group(2).split()):
        return None
    return ph.number_words.get(m.group(1), 0)


def _numbered_items(ss: list[str], ph: Phrases) -> tuple[list[str], int] | None:
    """'Ett, att …. Målsättningen är …. Två, …' -> the items' first sentences, and how many sentences they took."""
    by_value: dict[int, list[str]] = {}
    for w, v in ph.number_words.items():
        by_value.setdefault(v, []).append(w)
    items: list[str] = []
    taken = 0
    for k, s in enumerate(ss):
        words = by_value.get(len(items) + 1, [])
        m = regex.match(r"(" + "|".join(regex.escape(w) for w in words) + r")\s*[,:]\s+(\S.*)$", fold(s)) if words else None
        if m:
            items.append(s[m.start(2):].strip().rstrip("."))
            taken = k + 1
        elif not items:
            return None
    return (items, taken) if items else None


def _list_items(ss: list[str]) -> tuple[list[str], int]:
    """'Att A, att B och C.' -> [A, B, C]: cut at ', att' and the last part's last 'och'."""
    if not ss or not fold(ss[0]).startswith("att "):
        return [], 0
    parts = regex.split(r",\s+(?=att\s)", ss[0].strip().rstrip("."))
    if len(parts) >= MIN_ITEMS:
        head, sep, tail = parts[-1].rpartition(" och ")
        if sep and len(head.split()) > 1 and len(tail.split()) > 1:
            parts[-1:] = [head, tail]
    return [p.strip() for p in parts], 1


def common_verdict(ss: list[str], ph: Phrases) -> tuple[str, str, str] | None:
    """The first sentence judging all the goals at once -> (printed, status, sentence); 'inget av målen är
    uppfyllda' turns the phrase; a negated phrase after 'inget' is left undecided."""
    for s in ss:
        f = fold(s)
        if not any(is_goal_word(w, ph) and w.endswith("en") for w in regex.findall(r"\w+", f)):
            continue        # speaks of the goals in the plural ("målen")
        found = prose_status(s, ph)
        if not found:
            continue
        printed, status = found
        if any(regex.search(r"\b" + regex.escape(w) + r"\b", f) for w in ph.no_goals_words):
            return (printed, "ej_uppfyllt", s.strip()) if status == "uppfyllt" else None
        if any(regex.search(r"\b" + regex.escape(w) + r"\b", f) for w in ph.all_goals_words):
            return printed, status, s.strip()
    return None
