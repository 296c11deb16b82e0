"""Goals printed as the titles of the paragraphs that explain them, under a goal heading.

    Finansiella mål
    En balanserad budget och flerårsplan utan skattehöjning
    En ekonomi i balans är en miniminivå för …
    Årsresultatets andel av skatteintäkter och statsbidrag ska uppgå till minst 2 %
    Ett ekonomiskt överskott ger förutsättningar för …

Each title stands on a line of its own, without a sentence's full stop, between the heading or a
paragraph and the paragraph it heads. Sub-headings of ordinary prose look the same, so the titles of a
goal area are its goals only when most of them state one (a goal verb in the main clause, or a figure
with a unit: "minst 2 %", "bör ej överstiga 10 %"); then all of them are, the others being goals named
without a verb ("En balanserad budget …"). The explanations are no outcome: the goals are `ej_bedomt`.
"""
from __future__ import annotations

import regex
from arsred.extract.document import Line
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.prose.prose import list_item
from arsred.extract.goals.structure import Headings, is_furniture
from arsred.extract.goals.vocabulary import Phrases, fold, is_goal_heading, quantities

MIN_TITLES = 2          # one title stating a goal is a heading that happens to hold a verb
MIN_WORDS, MAX_WORDS = 3, 20
SENTENCE_END = regex.compile(r"[.!?:;,]\s*$")


def _stated(text: str, ph: Phrases) -> bool:
    """A goal verb in the title's own clause, or a figure with a unit (the goal's target)."""
    f = fold(text)
    verb = any(m.group(1) not in ph.relative_words
               for v in ph.goal_verbs for m in regex.finditer(r"(?:^|(\w+)\s+)" + regex.escape(v) + r"\b", f))
    return verb or bool(quantities(text, ph))


def _paragraph_words(lines: list[Line], texts: list[str], filled: list[int], n: int) -> int:
    """Words of the paragraph opening at filled[n]: its sentences on the lines right under it (a page run into one
    line and cut back puts each sentence on a line of its own)."""
    words, prev = 0, None
    for i in filled[n:]:
        if prev is not None and (lines[i].number != lines[prev].number + 1 or not texts[i].endswith(".")):
            break
        words, prev = words + len(texts[i].split()), i
    return words


def titled_goals(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    texts = [" ".join(line.text.replace("\t", " ").split()) for line in lines]
    filled = [i for i, t in enumerate(texts) if t and not is_furniture(t)]
    by_area: dict[str, list[int]] = {}
    for n, i in enumerate(filled):
        t = texts[i]
        if (i in used or not heads.goal_area[i] or SENTENCE_END.search(t) or not t[:1].isupper()
                or not MIN_WORDS <= len(t.split()) <= MAX_WORDS or list_item(t, ph) is not None
                or is_goal_heading(t, ph)):
            continue
        before = filled[n - 1] if n else None
        after = filled[n + 1] if n + 1 < len(filled) else None
        if before is None or after is None or after in used:
            continue
        opened = before in heads.indices and is_goal_heading(texts[before], ph) or texts[before].endswith(".")
        if opened and texts[after].endswith(".") and _paragraph_words(lines, texts, filled, n + 1) > len(t.split()):
            by_area.setdefault(heads.goal_area[i], []).append(i)
    out: list[RawGoal] = []
    for area, titles in by_area.items():
        stated = sum(_stated(texts[i], ph) for i in titles)
        if stated < MIN_TITLES or 2 * stated <= len(titles):
            continue
        for i in titles:
            used.add(i)
            out.append(RawGoal(section=area, goal=texts[i], page=lines[i].page, line=lines[i].number,
                               layout="titled_goal", confidence=0.7))
    return out
