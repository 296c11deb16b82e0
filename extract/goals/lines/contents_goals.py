"""Goals named only in a plan's table of contents: the entries under a goal chapter.

    3 Mål ... 5
    3.1 En aktiv roll i arbetet med social hållbarhet ... 6
    3.2 Oavsett vad som händer ska räddningstjänsten fungera ... 7
    4 Stöd till ägarkommunerna ... 14

A chapter whose title is a goal heading ("Mål", "Verksamhetsmål", "Finansiella mål") lists its goals as its
sections; a stored page that keeps only the contents still names them. Each entry needs the leader and page
number of a contents line, and the chapter two entries at least; where the report's chapter itself follows (an
entry's title printed again as a heading), its goals are read there instead. `ej_bedomt` (nothing follows them up).

An entry that names a goal by a goal label and its number ("Mål 10. Linköpings kommun erbjuder en service …... 5",
the label `mål` or `[plan] goal_labels`, or the label alone on the line above a numbered entry a stored line cut from
it) is a goal too, `goal_no` its number.

An entry that states a goal itself ("Årets resultat ska uppgå till minst 2 % av skatter och statsbidrag... 8": a goal
verb, `[prose] goal_verbs`) is a goal whatever its chapter, numbered or not; its section is the entry above that is
none ("Ekonomi... 8"). A contents list run into one line (a page stored as one line: "2 INNEHÅLL Inledning... 2 Det
här är … 3 …") is cut into its entries at their leaders and page numbers; the contents heading and the page's own
number before it (`[prose] contents_headings`) are no entry.
"""
from __future__ import annotations

import regex
from arsred.extract.document import Line
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.structure import CONTENTS_LEADER, LEADER, Headings, is_contents
from arsred.extract.goals.vocabulary import Phrases, about_the_goals, fold, is_goal_heading, strip_numbering

ENTRY = regex.compile(r"^\s*(\d{1,2})(?:\.(\d{1,2}))?\.?\s+(\p{Lu}.*?)\s*" + LEADER + r"\s*$")
MIN_ENTRIES = 2
# an entry naming a goal by its label and number ('Mål 10. Linköpings kommun erbjuder …... 5'): a goal whatever its chapter
LABELLED_ENTRY = regex.compile(r"^(\p{L}+)\s+(\d{1,2})[.:]\s+(\p{Lu}.*)$")
TAIL_WORDS = 40         # the entries without page numbers closing a contents line are a few titles, not a page of prose
# an entry without page number starts at a capital after a word or figure ending the one before ('… 80 % Samtliga …')
UNPAGED_ENTRY = regex.compile(r"(?<=[\p{Ll}\d%]\s)(?=\p{Lu})")


def _run_entries(text: str, ph: Phrases) -> list[str]:
    """The titles of a contents list run into one line, in order; the first without the page number and the
    contents heading before it. The titles after the last page number (later chapters printed without one: '… 80 %
    Samtliga nämnder ska … Budget/ Driftredovisning') are cut where a capital opens the next, unless they hold a
    sentence or run long: then they are the page's text, not its contents."""
    t = " ".join(text.split())
    titles, start = [], 0
    for m in CONTENTS_LEADER.finditer(t):
        titles.append(t[start:m.start()].strip())
        start = m.end()
    if titles:
        words = titles[0].split()
        k = next((n + 1 for n, w in enumerate(words[:3]) if fold(w) in ph.contents_headings), 0)
        titles[0] = " ".join(words[k:])
    tail = t[start:].strip()
    if len(tail.split()) <= TAIL_WORDS and not regex.search(r"[.!?:;]", tail):
        titles += [x.strip() for x in UNPAGED_ENTRY.split(tail)]
    return [x for x in titles if x]


def _states_goal(title: str, ph: Phrases) -> bool:
    """A contents entry that is a goal sentence ('… ska uppgå till minst 2 %'), not a question or about goals."""
    words = set(regex.findall(r"\w+", fold(title)))
    return (bool(words & set(ph.goal_verbs)) and not title.endswith("?") and not about_the_goals(title, ph)
            and not any(m in fold(title) for m in ph.list_intro_meta))


def _stated_goals(lines: list[Line], ph: Phrases, taken: set[str]) -> list[RawGoal]:
    """Entries stating a goal themselves, under the entry above them that does not."""
    goals: list[RawGoal] = []
    section = ""
    labels = {"mal", *ph.plan_goal_labels}
    for k, line in enumerate(lines):
        if not is_contents(line.text):
            continue
        m = ENTRY.match(" ".join(line.text.split()))
        one = [m.group(3).strip()] if m else []
        titles = _run_entries(line.text, ph) if len(CONTENTS_LEADER.findall(line.text)) >= 2 else one
        above = fold(lines[k - 1].text.strip()) if k else ""
        for title in titles:
            no: int | None = None
            lab = LABELLED_ENTRY.match(title)
            if lab and fold(lab.group(1)) in labels:
                no, title = int(lab.group(2)), lab.group(3)
            elif m and m.group(2) is None and titles == one and above in labels:
                no = int(m.group(1))    # 'Mål' / '13. Linköping erbjuder …... 7': a label a stored line cut
                # from its number
            if no is None and not _states_goal(title, ph):
                section = title
            elif fold(title) not in taken:
                goals.append(RawGoal(section=section, goal=title, goal_no=no, page=line.page, line=line.number,
                                     layout="contents_goal", confidence=0.6))
    return goals


def contents_goals(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    chapters: dict[str, list[tuple[int, int, str]]] = {}
    chapter = ""
    for i, line in enumerate(lines):
        m = ENTRY.match(" ".join(line.text.split()))
        if m is None:
            continue
        title = m.group(3).strip()
        if m.group(2) is None:
            chapter = f"{m.group(1)} {title}" if is_goal_heading(title, ph) else ""
            if chapter:
                chapters.setdefault(chapter, [])
        elif chapter and chapter.split()[0] == m.group(1):
            chapters[chapter].append((i, int(m.group(2)), title))
    body = {fold(strip_numbering(" ".join(line.text.split()))) for line in lines if not is_contents(line.text)}
    goals: list[RawGoal] = []
    for chapter, entries in chapters.items():
        if len(entries) < MIN_ENTRIES or any(fold(title) in body for _, _, title in entries):
            continue        # the report's own chapter follows: its goals are read there, not from the contents
        for i, no, title in entries:
            used.add(i)
            goals.append(RawGoal(section=chapter.split(" ", 1)[1], goal=title, goal_no=no, page=lines[i].page,
                                 line=lines[i].number, layout="contents_goal", confidence=0.6))
    taken = {fold(g.goal) for g in goals}
    return goals + [g for g in _stated_goals(lines, ph, taken) if fold(g.goal) not in body]
