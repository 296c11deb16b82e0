"""The shape of the lines around goals: page furniture, headings, goal areas, paragraphs.

Shared by all readers: which heading is in force at each line, which lines lie inside a goal
section ("Verksamhetens mål 2022", "Inriktningsmål"), how lines group into paragraphs, and
which lines are only the column names of a goal table.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

import regex
from arsred.extract.document import Line
from arsred.extract.goals.vocabulary import (
    Phrases,
    about_the_goals,
    fold,
    heading_like,
    is_goal_heading,
    is_goal_word,
    means_heading,
    nice_heading,
    strip_numbering,
)

# ... and a page's running head with its page counter ('2 RAPPORT 2(17)': page 2 of 17)
FURNITURE = regex.compile(r"(?i)^\s*(?:signering av justerare.*|p[aå] varje sida|sida\s*\d+.*|[\W\d]{0,4}|\p{Lu}{1,3}\d*"
                          r"|(?:\d{1,3}\s+)?\p{L}+\s+\d{1,3}\s?\(\d{1,3}\))\s*$")


def is_furniture(text: str) -> bool:
    return bool(FURNITURE.match(text.replace("\t", " ")))


# a contents entry's leader and page number: 'Mål ... 5', 'Alla elever ska nå alla mål... 8' (never a lone ellipsis)
LEADER = r"(?:\.\s*){2,}\d{1,3}"
CONTENTS_LEADER = regex.compile(r"(?<=\S)\s*" + LEADER + r"(?=\s|$)")
# a goal's label and number closed by a mark or a dash: 'Mål 3.', 'Mål 3:', 'Mål 3)', 'Mål 3 -' (numbered_lines, long_lines)
LABEL_NUMBER_CLOSE = r"(?:[.:)]|\s[-–])"


def is_contents(text: str) -> bool:
    """A line of a table of contents: it ends in a leader and page number, or holds two such entries (a contents
    list run into one line). Its titles and page numbers are no goals and no targets."""
    t = " ".join(text.split())
    leaders = CONTENTS_LEADER.findall(t)
    return len(leaders) >= 2 or bool(leaders) and bool(regex.search(LEADER + r"$", t))


def cells_of(line: Line) -> list[str]:
    return [c.strip() for c in line.text.split("\t")] if "\t" in line.text else [line.text.strip()]


# --------------------------------------------------------------------------- headings

@dataclass
class Headings:
    """The heading in force at each line index, found once per document."""

    at: list[str] = field(default_factory=list)        # nearest heading (any)
    goal_area: list[str] = field(default_factory=list)  # enclosing goal section, "" outside
    indices: set[int] = field(default_factory=set)       # lines that are headings


def find_headings(lines: list[Line], ph: Phrases) -> Headings:
    h = Headings()
    current, area = "", ""
    opened_by_sentence = False      # the area is a sentence's list ('… de sju övergripande målen … som är:')
    means_of = ""                   # the area a means heading closed ('Strategier för att nå målet'): its goal's
    for i, line in enumerate(lines):
        intro = goal_list_intro(lines, i, ph)
        if intro is not None:       # '… finansiella mål:' over a list: the list states the goals
            h.indices.add(i)
            opened_by_sentence = not intro and not (current or area)
            if intro:
                area = current = intro
            else:
                area = current = current or area or nice_heading(line.text.rstrip(":"))
        elif opened_by_sentence and _other_list_intro(lines, i):
            area, opened_by_sentence = "", False    # 'Budgeten 2024 ger bland annat:' over a list: not the goals
        elif _menu_heading(lines, i, ph):      # '• Fullmäktigemål' / '• Nämndsmål': a goal tree's level names
            h.indices.add(i)
            text = nice_heading(LIST_MARK.sub("", line.text))
            if fold(text) not in ph.generic_sections or not area:
                area = text
            current = area
        elif means_of and any(fold(line.text).startswith(m) for m in ph.measure_labels):
            area, means_of = means_of, ""       # 'Indikatorer' after the means: the goal's measures again
        elif (is_heading(lines, i) and not any(fold(line.text).startswith(m) for m in ph.measure_labels)
                and (not is_header_fragment(line.text, ph) or _lone_goal_heading(lines, i, ph))
                and not _item_sub_line(lines, i)):
            h.indices.add(i)
            text = nice_heading(line.text)
            numbered = strip_numbering(line.text.strip()) != line.text.strip()
            if is_goal_heading(text, ph) and not means_heading(text, ph):
                if fold(text) not in ph.generic_sections or not area:
                    area = text     # a generic "Övergripande mål" opens an area only where none is open
                current = area or text
            elif not (_navigation(text, ph) or is_furniture(line.text)):   # a link label or a running head names no
                # section: the heading before it stays
                if means_heading(text, ph):
                    means_of, area = area, ""
                elif numbered or set(regex.findall(r"\w+", fold(text))) & ph.not_goal_words:
                    area = ""
                current = text
        h.at.append(current)
        h.goal_area.append(area)
    _named_goal_areas(lines, h, ph)
    return h


def _item_sub_line(lines: list[Line], i: int) -> bool:
    """A line indented under a list item, the list going on after it with an item of the same mark and indent
    ('• Inriktningsmålen är … Här hittar du våra övergripande mål:' / '  Förbundsdirektionens övergripande
    inriktningsmål' (a link) / '• Verksamhetsplanen …'): part of the item above, no heading of the items after."""
    text = lines[i].text
    if not text[:1].isspace() or LIST_MARK.match(text):
        return False
    def item_at(rng: range) -> str | None:
        for k in rng:
            t = lines[k].text
            if not t.strip():
                return None
            m = LIST_MARK.match(t)
            if m:
                return m.group(0)
            if not t[:1].isspace():
                return None
        return None
    above = item_at(range(i - 1, max(-1, i - 4), -1))
    below = item_at(range(i + 1, min(len(lines), i + 4)))
    indent = len(text) - len(text.lstrip())
    return (above is not None and above == below
            and indent > len(above) - len(above.lstrip()))


def _navigation(text: str, ph: Phrases) -> bool:
    """A web page's link label or navigation line ('Handlingar och protokoll - Regionstyrelsen', `[sections]
    navigation_labels`)."""
    f = fold(text)
    return any(f == w or f.startswith(w + " ") for w in ph.navigation_labels)


# 'De politiska prioriteringarna är särskilt prioriterade målområden …': a sentence saying the heading's items are goals
def _called_goals(ph: Phrases) -> regex.Pattern:
    """'De … <noun> är <up to four words>' (`[sections] called_determiners`): the noun and the words after 'är'."""
    dets = "|".join(regex.escape(d) for d in ph.called_determiners) or "(?!)"
    return regex.compile(r"^(?:" + dets + r")\s+(?:\w+\s+){0,2}?(\w+)\s+ar\s+((?:\w+\s+){0,3}\w+)")
SAME_STEM = 6           # letters a heading's noun and the sentence's subject share (plural, definite: one word)


def _called_goal(words: list[str], ph: Phrases) -> bool:
    """A goal word among the words after 'är', not after a preposition ('är ett sätt att nå målen')."""
    return any(is_goal_word(w, ph) and (k == 0 or words[k - 1] not in ph.about_prepositions) for k, w in enumerate(words))


def _named_goal_areas(lines: list[Line], h: Headings, ph: Phrases) -> None:
    """A heading naming a kind of item ('Mandatperiodens politiska prioriteringar') over a list is a goal area when a
    sentence of its section says the items are goals: its subject the heading's noun ('De politiska prioriteringarna
    är särskilt prioriterade målområden …'), a goal word (not after a preposition) among the first words after 'är'."""
    starts = sorted(h.indices)
    called = _called_goals(ph)
    for n, i in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        if h.goal_area[i] or not any(LIST_MARK.match(lines[k].text) for k in range(i + 1, end)):
            continue
        noun = fold(lines[i].text).split()[-1] if lines[i].text.split() else ""
        for k in range(i + 1, end):
            m = called.match(fold(" ".join(lines[k].text.split())))
            if (m and len(noun) >= SAME_STEM and m.group(1)[:SAME_STEM] == noun[:SAME_STEM]
                    and (m.group(1).startswith(noun) or noun.startswith(m.group(1)))
                    and _called_goal(m.group(2).split(), ph)):
                area = nice_heading(lines[i].text)
                for j in range(i, end):
                    h.goal_area[j] = area
                    h.at[j] = area if j == i or h.at[j] == h.at[i] else h.at[j]
                break


MENU_WORDS = 4      # a goal level's name in a menu is a few words ('Övergripande mål 2024')
LIST_MARK = regex.compile(r"^\s*(?:[-•*–·]\s|\(?\d{1,2}[.)]\s)")


def goal_list_intro(lines: list[Line], i: int, ph: Phrases) -> str | None:
    """A line introducing a list of goals: its heading, '' when it is a sentence, None when it is no such line.

    'Kommunfullmäktiges verksamhetsmässiga indikatorer och finansiella mål:' (heading-shaped: the
    goals' section) or '… vår strävan mot huvudmålet som är att:' (a sentence: the goals stay under
    the heading in force): its last sentence names a goal, ends in ':' and a list item follows.
    A sentence about goals (`[prose] not_goal_sentences`: 'Målen ska följas upp genom:') is none.
    """
    text = " ".join(lines[i].text.split())
    if not text.endswith(":") or "\t" in lines[i].text or i + 1 >= len(lines) or LIST_MARK.match(text):
        return None
    if not LIST_MARK.match(lines[i + 1].text) or lines[i + 1].text.rstrip().endswith("?"):
        return None     # ... nor one over questions ('Ett specifikt mål bör kunna besvara fem frågor:' / '• Vad ska uppnås?')
    last = regex.split(r"(?<=[.!?])\s+", text)[-1][:-1]
    f = fold(last)
    if (any(m in f for m in ph.list_intro_meta) or not any(is_goal_word(w, ph) for w in regex.findall(r"\w+", f))
            or about_the_goals(last, ph)):
        return None
    label = regex.match(r"^([^:]{3,60}):\s+\S", last)     # 'Inrapporterade klimatmål: ”Kommunen ska:': the label heads them
    if label and heading_like(label.group(1)) and is_goal_heading(label.group(1), ph):
        return nice_heading(label.group(1))
    return nice_heading(last) if last == text[:-1] and heading_like(last) else ""


def _other_list_intro(lines: list[Line], i: int) -> bool:
    """A line ending in ':' over a list item that `goal_list_intro` does not take: it opens a list of something
    else, which ends the list a sentence introduced as the goals."""
    text = " ".join(lines[i].text.split())
    return (text.endswith(":") and not LIST_MARK.match(text) and i + 1 < len(lines)
            and bool(LIST_MARK.match(lines[i + 1].text)))


def _menu_item_heading(text: str, ph: Phrases) -> bool:
    """'• Nämndsmål': a list item that is only a short goal heading."""
    m = LIST_MARK.match(text)
    body = text[m.end():].strip() if m else ""
    return bool(body) and heading_like(body) and is_goal_heading(body, ph) and len(body.split()) <= MENU_WORDS


def _menu_heading(lines: list[Line], i: int, ph: Phrases) -> bool:
    """A list item naming a goal level inside a run of such items (a goal tree's menu: '• Övergripande mål',
    '• Fullmäktigemål', '• Nämndsmål'): a heading, the last of them heading the goals after it. One such item
    alone is a goal of a list, not a heading."""
    if not _menu_item_heading(lines[i].text, ph):
        return False
    return any(0 <= j < len(lines) and abs(lines[j].number - lines[i].number) == 1 and _menu_item_heading(lines[j].text, ph)
               for j in (i - 1, i + 1))


def _lone_goal_heading(lines: list[Line], i: int, ph: Phrases) -> bool:
    """'Måluppfyllelse' standing alone over prose is a heading, though it also names a table column."""
    f = fold(lines[i].text)
    if f not in ph.goal_words or f in ph.col_goal:
        return False
    nxt = lines[i + 1].text if i + 1 < len(lines) else ""
    return not is_header_fragment(nxt, ph) and "\t" not in nxt


ITEM_NUMBER = regex.compile(r"^\s*\(?(\d{1,2})[.)]\s")


def in_numbered_list(lines: list[Line], i: int) -> bool:
    """'1. Resultat' directly followed by '2. Beredskap' (or after '1.' when it is '2.'): list items, not numbered headings."""
    m = ITEM_NUMBER.match(lines[i].text)
    if not m:
        return False
    n = int(m.group(1))
    for j, step in ((i - 1, -1), (i + 1, 1)):
        if 0 <= j < len(lines) and abs(lines[j].number - lines[i].number) == 1:
            other = ITEM_NUMBER.match(lines[j].text)
            if other and int(other.group(1)) == n + step:
                return True
    return False


def is_heading(lines: list[Line], i: int) -> bool:
    line = lines[i]
    if "\t" in line.text.strip() or not heading_like(line.text) or in_numbered_list(lines, i):
        return False
    prev_gap = i == 0 or lines[i - 1].number < line.number - 1
    after_list = i > 0 and bool(LIST_MARK.match(lines[i - 1].text))     # a heading closing a list ('- Mål' / 'Lokala mål')
    prev_ok = (prev_gap or lines[i - 1].text.rstrip()[-1:] in ".:!?" or is_furniture(lines[i - 1].text)
               or after_list and i + 1 < len(lines) and bool(LIST_MARK.match(lines[i + 1].text)))
    if not prev_ok:
        return False
    if i + 1 >= len(lines) or lines[i + 1].number > line.number + 1:
        return True
    nxt = lines[i + 1].text.strip().lstrip("“”\"'«»")      # a quotation under its heading ('“Malmöborna ska …”')
    return bool(nxt) and (nxt[0].isupper() or nxt[0].isdigit() or "\t" in lines[i + 1].text
                          or bool(LIST_MARK.match(nxt)))


def _header_vocab(ph: Phrases) -> tuple[frozenset[str], frozenset[str]]:
    words = {w for n in ph.col_goal + ph.col_assessment + ph.col_reasons for w in n.split()}
    strong = {w for n in ph.col_assessment + ph.col_reasons for w in n.split()} - {"av", "grad", "mal", "ja", "nej"}
    return frozenset(words), frozenset(strong)


def is_header_fragment(text: str, ph: Phrases, *, strong_only: bool = False) -> bool:
    """A line made only of column names, read fuzzily ('Bedémning av/grad av måluppfyllelse Motivering')."""
    toks = regex.findall(r"[\w/]+", fold(text))
    if text.rstrip().endswith((".", ",", ";")):
        return False
    if not toks or len(toks) > 10 or any(t.isdigit() for t in toks):
        return False
    words, strong = _header_vocab(ph)
    has_strong = False
    for t in toks:
        if t in words:
            hit = t
        else:
            close = [w for w in words if len(w) >= 5 and len(w) == len(t)
                     and SequenceMatcher(None, t, w).ratio() >= 0.8]
            if not close:
                return False
            hit = close[0]
        has_strong = has_strong or hit in strong
    return has_strong or (not strong_only and " ".join(toks) in ph.col_goal)


def paragraphs(body: list[tuple[int, Line]]) -> list[list[tuple[int, Line]]]:
    paras: list[list[tuple[int, Line]]] = []
    prev = None
    for idx, line in body:
        if prev is None or line.number > prev.number + 1:
            paras.append([])
        paras[-1].append((idx, line))
        prev = line
    return paras


def para_text(para: list[tuple[int, Line]]) -> str:
    return " ".join(" ".join(line.text.split()) for _, line in para)
