"""Prose goals: bullet goals with "Styrelsens bedömning: …" paragraphs, and in a plan the "ska"-sentences under goal headings."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import regex
from arsred.extract.document import Line
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.prose.announced import VERDICT_PARAGRAPHS, common_verdict
from arsred.extract.goals.structure import Headings, para_text, paragraphs
from arsred.extract.goals.vocabulary import (
    Phrases,
    about_the_goals,
    fold,
    is_goal_word,
    nice_heading,
    prose_status,
    sentences,
)

LABEL_LINE = regex.compile(r"^[\p{Lu}][\p{L} /-]{1,30}:\s")


def _assessment_body(text: str, ph: Phrases) -> str | None:
    f = fold(text)
    for label in ph.assessment_labels:
        if f.startswith(label) and regex.match(regex.escape(label) + r"\s*:", f):
            return text[text.index(":") + 1:].strip()
    return None


NUMBERED_ITEM = regex.compile(r"^\(?(\d{1,2})[.)]\s+(?=\S)")
# "Det övergripande målet för samverkan … är att …": a sentence stating a goal without "ska"
# "Målet är uppnått när …", "… ska vara minst 80 %": a sentence saying when a goal is met
CRITERION = regex.compile(r"\bnar\b|\bska\b|\bskall\b|\bminst\b|\bhogst\b|\bmalvarde|\briktmarke|\bmalniva")
OUTCOME_WORDS = regex.compile(r"\b(?:uppgar|uppgick|blev|har|hade|redovisade|visar|utfall\w*|resultat(?:et)?)\b")
# "Förbundet har som målsättning att …": a body naming its goal
# "Strömstads kommun har i sin politiska vision mål om hur …": the body has, in a plan of its own, a goal about what
@lru_cache(maxsize=4)
def _goal_is(stops: tuple[str, ...]) -> regex.Pattern:
    """GOAL_IS with the words that deny the goal (`[prose] goal_is_stops`: 'har inga mål om …') kept out."""
    deny = "".join(rf"(?!{regex.escape(w)}\b)" for w in stops)
    return regex.compile(r"\b(?:mal|malsattning)(?:et|en)?\b[^.]{0,90}?\b(?:ar|blir) att\b"
                         r"|\bhar (?:som|till) (?:\p{L}+ )?(?:mal|malsattning)(?:en)? att\b"
                         r"|\bhar (?:" + deny + r"\p{L}+ ){0,4}mal om (?:att|hur)\b")


# 'Målet är att identifiera …' names no body, activity or kind of goal: it speaks of the aim of what the text
# before it describes (an analysis, a method), so on a page without a goal heading it states no goal of the body
BARE_GOAL_IS = regex.compile(r"(?:mal|malsattning)(?:et|en)?\s+(?:ar|blir)\s+att\b")


# the goal a sentence states is its subject, at its start ('Kollektivtrafikmyndigheten i Västernorrlands län grundades
# 2012 och har som målsättning att …'); deep inside a sentence ('I förarbetet … beskrivs målgruppen som … där det
# långsiktiga målet är att …') it is the aim of someone the sentence speaks about
SUBJECT_WORDS = 8
HOLDER_WORDS = 3        # words before the goal word that name whose goal it is ('Sveriges nationella mål', 'EU:s mål')


def goal_named_at(fs: str, ph: Phrases) -> int | None:
    """Where a folded sentence names itself a goal ('Förbundets mål är att …', '… har som mål att …'), or None.

    A goal is the sentence's subject (within SUBJECT_WORDS words of its start); deeper inside ('Fokus på
    måluppfyllelse är ett led i … och målet med …') the sentence speaks of something else. The aim of a document or a
    method ('målet med statistiken i rapporten är att …', 'Redogörelsen har som mål att …', `[prose] aim_holders`)
    says what a text is for, not what a body sets out to do; the goal of a national or international body ('Regeringens
    mål är att …', 'EU:s mål …', `[prose] outside_holders`: the holder among the words before the goal) is told of,
    not set by the body.
    """
    spans = [(m.start(), m.end()) for m in _goal_is(ph.goal_is_stops).finditer(fs)]
    spans += [(k, k + len(i)) for i in ph.goal_intro if (k := f" {fs} ".find(f" {i} ")) >= 0]   # k: i's start in fs
    for start, end in sorted(spans):
        if len(fs[:start].split()) > SUBJECT_WORDS:
            continue
        if any(w in ph.aim_holders for w in regex.findall(r"\w+", fs[:end])):
            continue
        if any(w.strip(".,;()\"”") in ph.outside_holders for w in fs[:start].split()[-HOLDER_WORDS:]):
            continue
        return start
    return None


def list_item(text: str, ph: Phrases) -> tuple[int | None, str] | None:
    """'• X' -> (None, 'X'); '2. X' -> (2, 'X'); None when the line opens no list item."""
    t = " ".join(text.split())
    for b in ph.bullets:
        if t.startswith(b + " "):
            return None, t[len(b):].strip()
    m = NUMBERED_ITEM.match(t)
    return (int(m.group(1)), t[m.end():]) if m else None


def _split_items(paras: list[list[tuple[int, Line]]], ph: Phrases) -> list[list[tuple[int, Line]]]:
    """A paragraph of list lines is one paragraph per item (an item's wrapped lines stay with it)."""
    out: list[list[tuple[int, Line]]] = []
    for para in paras:
        out.append([])
        for k, (idx, line) in enumerate(para):
            if k and list_item(line.text, ph) is not None:
                out.append([])
            out[-1].append((idx, line))
    return out


def _goal_text(text: str, ph: Phrases) -> str:
    """Goal sentence plus the sentence that makes it measurable; 'X:s mål är att Y' -> 'Att Y'.

    In a list item, a later sentence going on stating what the same subject shall do ('• Ekonomi: Bolaget ska ha … .
    Bolaget ska primärt finansieras genom …', '… Ska vara en aktiv part …': a 'ska' of its main clause after the
    first sentence's subject or opening it, no talk about goals, no verdict) is the same goal's; a sentence about
    another subject ('Samordningsförbundet skapar möten … Mötena ska skapa tillit') explains the goal.
    """
    t = " ".join(text.split())
    item = list_item(t, ph)
    if item is not None:
        t = item[1]
    f = fold(t)
    for intro in ph.goal_intro:
        k = f.find(" " + intro + " ")
        if 0 <= k < 80:
            rest = t[k + len(intro) + 2:].strip()
            t = "Att " + rest if not fold(rest).startswith("att ") else rest[:1].upper() + rest[1:]
            break
    ss = sentences(t)
    if not ss:
        return t
    keep = [ss[0]] + [s for s in ss[1:] if regex.search(r"\d", s) and regex.search(r"(?i)\b(minst|högst|ska|skall)\b", s)
                      or item is not None and _goal_statement(fold(s), ph)
                      and _goal_subject(fold(s), ph) in ("", _goal_subject(fold(ss[0]), ph))]
    goal = " ".join(keep)
    return goal.strip("“”\"") if goal[:1] in "“”\"" and goal.rstrip(".")[-1:] in "“”\"" else goal   # a quoted goal


def _item_parts(lines_text: list[str], ph: Phrases) -> tuple[str, str, str]:
    """A list item -> (goal, criterion, outcome).

    The item's first sentence is the goal. A later sentence on a line of its own is either
    the criterion that makes it measurable ("Målet är uppnått när … 90 procent eller högre":
    its figure is the target, and it is no assessment) or, when it reports a figure or a
    result ("Den redovisade resultatnivån … uppgår till 3,5 %"), the goal's outcome.
    """
    text = " ".join(lines_text)
    first, *rest = sentences(text) or [text]
    if len(lines_text) < 2 or not rest:
        return _goal_text(text, ph), "", ""
    criterion, outcome = [], []
    for s in rest:
        fs = fold(s)
        if _is_criterion(fs, ph):
            criterion.append(s)
        elif regex.search(r"\d", s) or OUTCOME_WORDS.search(fs) or prose_status(s, ph) is not None:
            outcome.append(s)       # a result, or a verdict ('Målet är uppnått då ingen förändring … genomförts.')
        else:
            criterion.append(s)
    goal = _goal_text(" ".join([first] + [s for s in criterion if not _is_criterion(fold(s), ph)]), ph)
    return goal, " ".join(s for s in criterion if _is_criterion(fold(s), ph)), " ".join(outcome)


def _is_criterion(fs: str, ph: Phrases) -> bool:
    """A sentence setting the level a goal is met at: 'Målet är uppnått när …', 'minst 90 %', or a change to a level
    told in the present ('ÄO-index ökar från 67 till 77 % under 2018', `[prose] change_verbs`); 'ökade från …' reports."""
    verbs = "|".join(regex.escape(v) for v in ph.change_verbs) or "(?!)"
    return bool(CRITERION.search(fs) or regex.search(r"\b(?:" + verbs + r")\s+fran\s+\d[\d,]*\s*\S{0,8}\s*till\s+\d", fs))


def prose_goals(lines: list[Line], heads: Headings, ph: Phrases, used: set[int], *, plan: bool) -> list[RawGoal]:
    """Bullet goals and their 'Styrelsens bedömning:' paragraphs; in a plan, 'ska'-sentences under goal headings."""
    body = [(k, line) for k, line in enumerate(lines)
            if k not in used and heads.goal_area[k] and k not in heads.indices]
    paras = _split_items(paragraphs(body), ph)
    goals: list[RawGoal] = []
    open_goal: dict | None = None
    prev_para: list[tuple[int, Line]] | None = None

    def close() -> None:
        nonlocal open_goal
        if open_goal:
            goals.append(_finish_prose(open_goal, ph))
        open_goal = None

    last_area = ""
    runs_on = False                 # the list being read ends the sentence of the paragraph before it
    run: int | None = None          # where the goals of the list last read begin in `goals`
    since = 0                       # paragraphs read since that list ended
    listed: set[str] = set()        # goal areas whose goals stand as list items
    first_listed: int | None = None  # the reading line of the page's first listed goal
    for para in paras:
        k0, first = para[0]
        area = heads.goal_area[k0]
        if area != last_area:
            close()
            prev_para = None
            last_area = area
            run = None
        lines_text = [" ".join(line.text.split()) for _, line in para]
        head = lines_text[0]
        assessment = _assessment_body(head, ph)
        item = list_item(head, ph)
        if item is None:
            runs_on = False
        elif prev_para is not None and (_runs_on(ptext := para_text(prev_para)) and item[1][:1].islower()
                                        or ptext.rstrip().endswith(":") and about_the_goals(ptext, ph)
                                        or _example_heading(prev_para[-1][1].text.strip(), ph)):
            runs_on = True      # 'Ett mål är oftast realistiskt om det upplevs som' / '• möjligt att …': the list
            # ends the sentence before it; 'Följande skall också gälla för målen:': it says what goals should be;
            # 'Exempel Mål för … kan vara …' (the heading run into its sentence): the list shows examples
        if item is not None and (not _goal_item(item[1], ph) or _footnote(head, lines[:k0], ph) or _quoted(k0, lines, heads, ph)
                                 or _example_heading(heads.at[k0], ph) or runs_on):
            close()         # an item about the goals (a scale's definition, when they were decided): no goal
            prev_para = None
            continue
        if item is not None:
            close()
            run, since = (len(goals) if run is None or since else run), 0
            listed.add(area)
            first_listed = k0 if first_listed is None else first_listed
            kept = [t for t in lines_text if not any(fold(t).startswith(m) for m in ph.measure_labels)]
            goal, criterion, outcome = _item_parts(kept, ph)
            open_goal = {"goal": goal, "section": area, "line": first, "assess": [outcome] if outcome else [],
                         "extra": [], "no": item[0], "target": criterion}
        elif assessment is not None:
            if open_goal is None and prev_para is not None:
                ptext = para_text(prev_para)
                if not ptext.rstrip().endswith(":") and not LABEL_LINE.match(ptext):
                    open_goal = {"goal": _goal_text(ptext, ph), "section": area, "line": prev_para[0][1],
                                 "assess": [], "extra": []}
            if open_goal is not None:
                open_goal["assess"].append(" ".join([assessment] + lines_text[1:]))
        elif run is not None and since < VERDICT_PARAGRAPHS and (verdict := common_verdict(
                sentences(para_text(para)), ph)) is not None:
            close()
            goals[run:] = [_judged(g, verdict) for g in goals[run:]]
            run = None
        elif open_goal is not None and not open_goal["assess"] and (verdicts := _item_verdicts(para_text(para), ph)):
            open_goal["assess"] += verdicts     # the item's own verdict, printed apart from it ('Målet bedöms uppnås då …')
        elif open_goal is not None and open_goal["assess"]:
            open_goal["extra"].append(para_text(para))
        elif (adopted := _adopted_goal(para_text(para), ph)) is not None:
            close()
            goals.append(RawGoal(section=area, goal=adopted, page=first.page, line=first.number, layout="adopted_goal",
                                 confidence=0.7))
        elif plan and heads.at[k0] == area:
            goals += _plan_sentences(para, area, ph)
        elif not plan and (stated := _stated_goal(_after_verdict(para_text(para), ph)[1], ph)) is not None:
            close()
            verdict = _after_verdict(para_text(para), ph)[0] or (_bare_verdict(para_text(prev_para), ph) if prev_para
                                                                  else None)
            printed, status = verdict[1:] if verdict else ("", "")
            outcome = " ".join(([verdict[0]] if verdict else []) + [stated[1]]).strip()
            goals.append(RawGoal(section=area, goal=stated[0], outcome=outcome, printed=printed, status=status,
                                 page=first.page, line=first.number, layout="stated_goal", confidence=0.7))
        if item is None:
            since += 1
        if assessment is None and item is None:
            prev_para = para
        elif item is not None:
            prev_para = None
    close()
    # where a list states a section's goals, its prose only explains them, and so does the prose that leads up
    # to the page's first listed goal ('Finansiella mål' / '… ska kommunen ha en god ekonomisk hushållning …' /
    # 'Beslutade mål' / '1. …') unless it names itself a goal ('Det övergripande målet … är att …': plan_named)
    def leads_up(g: RawGoal) -> bool:
        return (g.layout == "plan_prose" and first_listed is not None and g.page == lines[first_listed].page
                and g.line < lines[first_listed].number)

    return [g for g in goals if not (g.layout in ("plan_prose", "plan_named") and g.section in listed or leads_up(g))]


NUMBERED_HEADING = regex.compile(r"^(\p{L}+)\s*(\d{1,2})\s*[.:)]\s+(\S.*)$")


def numbered_headings(goals: list[RawGoal], lines: list[Line], heads: Headings, ph: Phrases) -> list[RawGoal]:
    """'Mål 13. Klimatneutral kommunal organisation senast 2020' / 'Indikatorer' (`[plan] followup_labels`) over a list:
    the list holds the measures that follow the heading up, so the heading is a goal of its own (number 13) and the
    measures are its rows (their section the goal). Without the label the heading names an area of goals."""
    out: list[RawGoal] = []
    done: dict[str, str] = {}
    for g in goals:
        m = NUMBERED_HEADING.match(g.section)
        if m is None or fold(m.group(1)) not in {"mal", *ph.plan_goal_labels}:
            out.append(g)
            continue
        if g.section not in done:
            k = next((k for k in sorted(heads.indices) if nice_heading(lines[k].text) == g.section), None)
            if k is None or k + 1 >= len(lines) or not any(
                    fold(lines[k + 1].text.strip()).startswith(w) for w in ph.plan_followup_labels):
                out.append(g)       # 'Mål 1: Individinriktade insatser' over goals: an area, its rows are goals
                continue
            done[g.section] = m.group(3).strip()
            above = heads.goal_area[k - 1] if k and heads.goal_area[k - 1] != g.section else ""
            out.append(RawGoal(section=above, goal=done[g.section], goal_no=int(m.group(2)), page=lines[k].page,
                               line=lines[k].number, layout="numbered_heading", confidence=0.7))
        out.append(replace(g, section=done[g.section]))
    return out


ITEM_VERDICT = regex.compile(r"^malet\s")


def _item_verdicts(text: str, ph: Phrases) -> list[str]:
    """The sentences of a paragraph after a list item that judge 'the goal' ('Målet bedöms uppnås då …', 'Målet uppnås
    inte då …'): a verdict (`[status.prose]`) on 'Målet', no criterion ('Målet är uppnått när …'); [] when none."""
    return [s for s in sentences(text) if ITEM_VERDICT.match(fs := fold(s)) and not _is_criterion(fs, ph)
            and prose_status(s, ph) is not None]


def _judged(g: RawGoal, verdict: tuple[str, str, str]) -> RawGoal:
    """A listed goal with no status of its own takes the one a sentence after the list gives all its goals
    ('… vart och ett av de fem strategiska målen uppnås delvis')."""
    printed, status, sentence = verdict
    if g.status:
        return g
    return replace(g, printed=printed, status=status, outcome=g.outcome or sentence)


def _goal_item(text: str, ph: Phrases) -> bool:
    """False for a list item that speaks about goals instead of stating one.

    'Vid hel måluppfyllelse bedöms …' defines an assessment scale (a condition word opening an
    item that names an assessment); '- beslutades i Kommunfullmäktige § 97' says when the goals
    were decided (`[prose] not_goal_sentences`).
    """
    f = fold(text)
    if any(m in fold((sentences(text) or [text])[0]) for m in ph.list_intro_meta) or text.rstrip().endswith("?"):
        return False        # also a question ('Vilka hinder behöver kommunen åtgärda?'): it asks, it sets no goal
    first = f.split()[0] if f.split() else ""
    if first in ph.condition_openers and any(w in f for w in ph.assessment_words):
        return False
    return not _scale_level(f, ph)


def _scale_level(f: str, ph: Phrases) -> bool:
    """'• uppnått till minst 80 %' under '… följs upp … genom skalan:': an item opening with a verdict
    (`[status.prose]`) and setting nothing (no goal verb) is a level of an assessment scale, not a goal."""
    words = set(f.split())
    return (any(f == k or f.startswith(k + " ") for k in ph.status_prose)
            and not words & set(ph.goal_verbs))


def _quoted(k: int, lines: list[Line], heads: Headings, ph: Phrases) -> bool:
    """'– Det ser jag som helt naturligt … Vi kan inte …' between two prose lines: a speech dash (`[prose]
    speech_dashes`) opening several sentences in the speaker's words (`speech_pronouns` in the first) on a line that stands alone (the line before it is prose, no heading, no item, no lead-in ending in ':'; the line after
    it, if any, no item) quotes someone; a list's items follow a lead-in or one another."""
    text = " ".join(lines[k].text.split())
    if not any(text.startswith(d + " ") for d in ph.speech_dashes) or k == 0 or k - 1 in heads.indices:
        return False
    said = sentences(text[1:].strip())
    if len(said) < 2 or not set(fold(said[0]).split()) & set(ph.speech_pronouns):
        return False        # a quotation runs on in the speaker's words: several sentences, the first with 'jag', 'vi'
    before = " ".join(lines[k - 1].text.split())
    after = " ".join(lines[k + 1].text.split()) if k + 1 < len(lines) else ""
    return not (list_item(before, ph) is not None or before.endswith(":") or after and list_item(after, ph) is not None)


def _runs_on(text: str) -> bool:
    """A paragraph that stops mid-sentence ('… om det upplevs som'): no closing mark, its last word in lower case."""
    t = text.rstrip()
    return bool(t) and t[-1].isalpha() and t.split()[-1].islower() and len(t.split()) > 3


def _example_heading(heading: str, ph: Phrases) -> bool:
    """A list under 'Exempel' shows what goals may look like (`[prose] example_headings`); it states none."""
    f = fold(heading)
    return any(f == w or f.startswith(w + " ") for w in ph.example_headings)


def _footnote(text: str, before: list[Line], ph: Phrases) -> bool:
    """'* Utförandegrad beskriver …' under a table whose row ends 'egen produktion (%)*': the note of a mark printed
    glued to a word or bracket above (`[prose] footnote_marks`), not a list item."""
    mark = next((m for m in ph.footnote_marks if text.lstrip().startswith(m + " ")), None)
    glued = regex.compile(r"[\w)]" + regex.escape(mark) + r"(?!\S)") if mark else None
    return glued is not None and any(glued.search(line.text) for line in before)


BARE_VERDICT = regex.compile(r"^(?:det|den)?\s*(?:\p{L}+\s+){0,3}malet\s")
VERDICT_WORDS = 10      # a verdict on its own says no more than 'Det långsiktiga finansiella målet har uppnåtts.'


def _bare_verdict(text: str, ph: Phrases) -> tuple[str, str, str] | None:
    """'Det långsiktiga finansiella målet har uppnåtts.' printed on its own, before the goal it judges:
    (the sentence, printed verdict, status), else None. It names no goal of its own, so it judges the one after it."""
    ss = sentences(text)
    if len(ss) != 1 or len(text.split()) > VERDICT_WORDS or not BARE_VERDICT.match(fold(text)):
        return None
    found = prose_status(text, ph)
    return (text.strip(), *found) if found else None


def _after_verdict(text: str, ph: Phrases) -> tuple[tuple[str, str, str] | None, str]:
    """A paragraph opening with a verdict on its own ('Det långsiktiga finansiella målet har uppnåtts. Kommunfullmäktige
    har angivit ett finansiellt mål att …', as a page run into one line keeps it): (the verdict, the rest); else
    (None, the paragraph)."""
    ss = sentences(text)
    verdict = _bare_verdict(ss[0], ph) if len(ss) > 1 else None
    return (verdict, " ".join(ss[1:])) if verdict else (None, text)


def _stated_goal(text: str, ph: Phrases) -> tuple[str, str] | None:
    """A paragraph opening with the goal it names ('… har fastställt ett finansiellt mål att Malmö stad skall ha …')
    -> (goal, its judgement): the goal is what follows 'mål att', with its goal verb; the judgement is the
    paragraph's later sentences that are not about how it is measured. None for other paragraphs."""
    ss = sentences(text)
    if not ss or ss[0].rstrip().endswith(":"):
        return None
    first = fold(ss[0])
    if any(m in first for m in ph.list_intro_meta):
        return None
    for intro in ph.goal_intro:
        k = first.find(" " + intro + " ")
        rest = ss[0][k + len(intro) + 2:].strip() if k >= 0 else ""
        if rest and any(regex.search(r"\b" + regex.escape(v) + r"\b", fold(rest)) for v in ph.goal_verbs):
            judged = [s for s in ss[1:]
                      if not any(regex.search(r"\b" + regex.escape(m) + r"\b", fold(s)) for m in ph.measure_labels)]
            return rest[:1].upper() + rest[1:], " ".join(judged)
    return None


ADOPTED_WORDS = 6       # words between the adopting verb and the goal word ('Västra Götalandsregionens mål om …')


def _adopted_goal(text: str, ph: Phrases) -> str | None:
    """'Lysekils kommun har anslutit sig till Västra Götalandsregionens mål om en fossiloberoende region 2030.' -> the goal
    the body takes as its own (`[prose] adopt_verbs`), named by its content ('… mål om …', `[judged] name_links`) up to
    the clause's end; None for other paragraphs."""
    links = "|".join(regex.escape(fold(w)) for w in ph.name_links) or "(?!)"
    for s in sentences(text):
        f = fold(s)
        if len(f) != len(s):
            continue
        for verb in ph.adopt_verbs:
            k = f.find(" " + verb + " ")
            if k < 0:
                continue
            start = k + len(verb) + 2
            for n, m in enumerate(regex.finditer(r"[\w-]+", f[start:])):
                if n > ADOPTED_WORDS:
                    break
                if is_goal_word(m.group(), ph) and regex.match(r"\s+(?:" + links + r")\s+\S", f[start + m.end():]):
                    stop = regex.search(r"[.;:!?]|,\s", s[start + m.end():])
                    end = start + m.end() + (stop.start() if stop else len(s) - start - m.end())
                    return s[start:end].strip(" \"”'")
    return None


def stated_goals(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    """A page where nothing else was read: its sentences that state a goal as one ('Ett övergripande mål för
    verksamheten är att …'), outside goal headings' areas (`used` holds those lines).

    Only the "mål … är att" form counts (`_goal_is`): it names itself a goal, so no heading is needed to tell it
    from prose about goals; and a line labelled a goal whose text is a goal sentence ('MÅL: Luften ska vara så ren att
    …', 'Mål: Utvecklingen av Nöjd Kund Index (NKI) ska redovisas'; the label `mål` or `[plan] goal_labels`). Used
    only where nothing else on the page was read as a goal; nothing judges such a goal here (`ej_bedomt`).
    """
    goals: list[RawGoal] = []
    body = [(k, line) for k, line in enumerate(lines) if k not in used and k not in heads.indices]
    labels = {"mal", *ph.plan_goal_labels}
    for k, line in body:        # 'MÅL: Luften ska vara så ren att …': a line labelled a goal, its text a goal sentence
        m = LABELLED_GOAL.match(" ".join(line.text.split()))
        if m and fold(m.group(1)) in labels and _states_a_goal(m.group(2), ph):
            goals.append(RawGoal(section=heads.at[k], goal=m.group(2).strip(), page=line.page, line=line.number,
                                 layout="stated_goal", confidence=0.6))
    for para in paragraphs(body):
        for s in sentences(para_text(para)):
            fs = fold(s)
            m = _goal_is(ph.goal_is_stops).search(fs)
            if m and goal_named_at(fs, ph) is not None and not BARE_GOAL_IS.match(fs) \
                    and not any(x in fs for x in ph.list_intro_meta) and not s.rstrip().endswith(":"):
                line = para[0][1]
                goals.append(RawGoal(section=heads.at[para[0][0]], goal=s.strip(), page=line.page, line=line.number,
                                     layout="stated_goal", confidence=0.6))
    return goals


LABELLED_GOAL = regex.compile(r"^(\p{L}+)\s*:\s*(\p{Lu}.*)$")
LABELLED_GOAL_WORDS = 3     # a labelled goal is a sentence ('Mål: Utvecklingen av NKI ska redovisas'), not a value


def _states_a_goal(text: str, ph: Phrases) -> bool:
    """The text after a goal label is a goal sentence: a goal verb not opening a relative clause, a few words, no
    question or list lead-in."""
    words = regex.findall(r"\w+", fold(text))
    verb = next((n for n, w in enumerate(words) if w in ph.goal_verbs), None)
    return (len(words) >= LABELLED_GOAL_WORDS and verb is not None and verb > 0
            and words[verb - 1] not in ph.relative_words and not text.rstrip().endswith(("?", ":")))


GOAL_NUMBER = regex.compile(r"^(?:\p{L}+\s*)?(\d{1,2})\s*[.:)]$")


def _plan_sentences(para: list[tuple[int, Line]], area: str, ph: Phrases) -> list[RawGoal]:
    """The 'ska'-sentences of a plan paragraph, each on the line where it starts; 'Mål 2.' before one is its number."""
    texts = [" ".join(line.text.split()) for _, line in para]
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    text = " ".join(texts)
    goals: list[RawGoal] = []
    pending: int | None = None
    pos = 0
    for s in sentences(text):
        begin = text.find(s, pos)
        pos = begin + len(s) if begin >= 0 else pos
        fs = fold(s)
        m = GOAL_NUMBER.match(fs)
        if m:
            pending = int(m.group(1))
            continue
        if s.rstrip().endswith(":") or any(m in fs for m in ph.list_intro_meta):
            pending = None
            continue        # a list's introduction, or a sentence about goals ("Målen ska följas upp …")
        named = goal_named_at(fs, ph) is not None
        if named or (_main_clause_ska(fs, ph) and not _about_goals(fs, ph)):
            k = max(j for j, st in enumerate(starts) if st <= max(begin, 0))
            line = para[k][1]
            goals.append(RawGoal(section=area, goal=_goal_text(s, ph), goal_no=pending, page=line.page,
                                 line=line.number, layout="plan_named" if named else "plan_prose", confidence=0.8))
        pending = None
    return goals


def _goal_statement(fs: str, ph: Phrases) -> bool:
    """A sentence stating what the body shall do: a main-clause 'ska', no talk about goals, no verdict."""
    return (_main_clause_ska(fs, ph) and not _about_goals(fs, ph) and prose_status(fs, ph) is None
            and not any(m in fs for m in ph.list_intro_meta))


def _goal_subject(fs: str, ph: Phrases) -> str | None:
    """The words before a sentence's first goal verb, past an area label ('ekonomi: bolaget ska …' -> 'bolaget');
    None when it has no goal verb."""
    verbs = "|".join(regex.escape(v) for v in ph.goal_verbs) or "(?!)"
    m = regex.search(r"(?:^|\s)(?:" + verbs + r")\b", fs)
    return fs[:m.start()].split(":")[-1].strip() if m else None


def _about_goals(fs: str, ph: Phrases) -> bool:
    """A 'ska'-sentence that names goals ('Med hjälp av en åtgärdsplan ska målen nås …', '… mål för verksamheten samt
    indikatorer genom vilka måluppfyllelse ska mätas') speaks about goals; a goal of a plan states its aim without them."""
    return any(is_goal_word(w, ph) for w in regex.findall(r"\w+", fs))


def _main_clause_ska(fs: str, ph: Phrases) -> bool:
    """A 'ska' of the sentence's own clause: 'Avfallsplanen innehåller … aktiviteter som ska …' states no goal, its
    'ska' stands in a relative clause (`[prose] relative_words`)."""
    return any(m.group(1) not in ph.relative_words and not _subordinate(fs[:m.start()], ph)
               for m in regex.finditer(r"(?:^|(\w+)\s+)(?:ska|skall)\b", fs))


SUBORDINATE_WORDS = 3   # words between a subordinating 'att' and its clause's 'ska' ('… utan att den ska få …')


def _subordinate(before: str, ph: Phrases) -> bool:
    """'Resultatet bör vara tillräckligt stort så att … utan att den ska få en högre skatt': the 'ska' of a clause
    opened by a subordinating word (`[prose] subordinators`) a few words before it is the clause's, not the sentence's."""
    words = before.split()[-SUBORDINATE_WORDS - 1:]
    return any(w in ph.subordinators for w in words)


def _finish_prose(g: dict, ph: Phrases) -> RawGoal:
    outcome = " ".join(g["assess"])
    printed, status = "", ""
    for text in g["assess"] + g["extra"]:
        found = prose_status(text, ph)
        if found:
            printed, status = found
            break
    line: Line = g["line"]
    return RawGoal(section=g["section"], goal=g["goal"], outcome=outcome, printed=printed, status=status,
                   goal_no=g.get("no"), target=g.get("target", ""), initiative="", page=line.page, line=line.number, layout="prose")
