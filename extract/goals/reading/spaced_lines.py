"""Spaced text -> reading lines: a page whose every paragraph, list item and table cell is a block of its own.

Many text exports of web pages put each `<p>`, `<li>` and `<td>` on a line of its own with a
blank line between: nothing then tells a table's next cell, a list's next item or an item's
own second sentence from a new paragraph, yet the goal readers read a blank line as the end
of a paragraph, list or table. In such a page (almost every line stands between blank
lines, `SPACED_SHARE`) the blank lines carry no information and are read again from what the
blocks are:

- a **prose block** (a sentence: it ends in `.!?:` or holds a sentence end) opens a paragraph
  of its own, except where it belongs to the block above: a list item's own sentence (a
  figure that is no year, or a criterion word, `[prose] item_own_words`: "Målet är uppnått när
  … 90 procent"), a sentence after a list's introduction ("… följande:"), or a wrapped line's
  lower-case rest;
- a **list item** follows the item above, or the introduction ending in ":", without a gap;
  after a prose paragraph it opens a list;
- a goal heading ("Kommunfullmäktiges antagna finansiella resultatmål") opens a section; another
  heading does where it stands between paragraphs or lists;
- any other block (a heading, a table cell, a status word, a figure) runs on with the line
  above, as table rows and cells print; a sentence after a list item that is not its own
  closes the list.

Each line keeps where it came from (`origin`); pages with adjacent lines are left as they are, and
so are pages holding a goal table's column names ("Mål | Bedömning | Motivering"): an OCR'd
table whose columns came out as paragraphs is read by `interleaved`, which needs them apart.
"""
from __future__ import annotations

import regex
from arsred.extract.document import Line
from arsred.extract.goals.structure import is_header_fragment
from arsred.extract.goals.vocabulary import Phrases, fold, heading_like, is_goal_heading

SPACED_SHARE = 0.9      # this share of line pairs at least stands one blank line apart ...
MIN_PAIRS = 6           # ... over at least this many pairs
MIN_PROSE_WORDS = 5
ITEM = regex.compile(r"^\s*(?:[-•*–·]\s|\(?\d{1,2}[.)]\s)")
SENTENCE = regex.compile(r"[.!?:][\"”')]*$|[.!?]\s+[\"”]?\p{Lu}")
FIGURE_NOT_YEAR = regex.compile(r"(?<![\d,.])(?!(?:19|20)\d\d(?![\d,]))\d+(?:[ ,.]\d+)*")


def spaced(lines: list[Line]) -> bool:
    """Almost every line of the page stands between blank lines: the blank lines say nothing."""
    gaps = [b.number - a.number for a, b in zip(lines, lines[1:]) if a.page == b.page]
    return len(gaps) >= MIN_PAIRS and sum(g == 2 for g in gaps) >= SPACED_SHARE * len(gaps)


def _sentence_start(text: str) -> bool:
    """A capitalised run of words: a sentence starts here (perhaps wrapped before its end)."""
    return text[:1].isupper() and len(text.split()) >= MIN_PROSE_WORDS


def _kind(text: str) -> str:
    """'item' (a bullet or numbered list item), 'prose' (a sentence), 'heading' (heading-shaped) or 'cell'."""
    if ITEM.match(text):
        return "item"
    if _sentence_start(text) and SENTENCE.search(text):
        return "prose"
    return "heading" if heading_like(text) else "cell"


def _own(text: str, ph: Phrases) -> bool:
    """A list item's own sentence: a figure that is no year, or a criterion word ('… när …', 'minst')."""
    f = fold(text)
    return bool(FIGURE_NOT_YEAR.search(f)) or any(regex.search(r"\b" + regex.escape(w) + r"\b", f)
                                                    for w in ph.item_own_words)


def _goal_table_header(text: str, ph: Phrases) -> bool:
    """Column names of an assessed goal table: an assessment column beside a goal or reasons column."""
    f = fold(text)
    words = set(regex.findall(r"[\w/]+", f))
    return (is_header_fragment(text, ph, strong_only=True) and any(a in f for a in ph.col_assessment)
            and bool(words & {c for c in ph.col_goal + ph.col_reasons if " " not in c}))


def close_spaced(lines: list[Line], ph: Phrases) -> tuple[list[Line], dict[int, tuple[int, int]]] | None:
    """A spaced page's lines renumbered so that only paragraph breaks stand apart; None for other pages."""
    text_lines = [line for line in lines if line.method == "text"]
    if len(text_lines) != len(lines) or not spaced(lines):
        return None
    if any(_goal_table_header(line.text, ph) for line in lines):
        return None     # an OCR'd goal table's columns as paragraphs: the blank lines part them (`interleaved`)
    out: list[Line] = []
    origin: dict[int, tuple[int, int]] = {}
    number = 0
    in_list = False
    prev: Line | None = None
    prev_kind = ""
    for line in lines:
        text = " ".join(line.text.split())
        kind = _kind(text)
        gap = False
        if prev is not None:
            above = " ".join(prev.text.split())
            if line.page != prev.page or line.number > prev.number + 2:
                gap = True                  # a wider gap than the page's spacing is a real break
            elif kind == "heading":     # a heading between paragraphs or lists, a goal heading anywhere
                gap = prev_kind in ("prose", "item") or is_goal_heading(text, ph)
            elif prev_kind == "heading" and kind in ("prose", "item"):
                gap = True
            elif kind == "item":
                gap = not (in_list or above.endswith(":"))
            elif in_list:
                gap = _sentence_start(text) and not _own(text, ph)
            elif kind == "prose":
                gap = not above.endswith(":")
        in_list = kind == "item" or (in_list and not gap and kind != "heading")
        number += 2 if gap and number else 1
        out.append(Line(line.page, number, line.text, line.cells, line.method))
        origin[number] = (line.page, line.number)
        prev, prev_kind = line, kind
    return out, origin


def close_broken_sentences(lines: list[Line]) -> tuple[list[Line], dict[int, tuple[int, int]]] | None:
    """A sentence a blank line cut in two ('För perioden infrias ett av kommunens tre' / '' / 'finansiella mål, att …')
    put together again: the lines after it renumbered so that the two halves stand adjacent; None when there is none.

    Only where the line above is running prose that stops on a word (no sentence end, `MIN_PROSE_WORDS` words or
    more, no cells) and the line after opens in lower case, outside a list: a heading, a table cell or a list item
    never continues a sentence.
    """
    if any(line.method != "text" for line in lines):
        return None
    out: list[Line] = []
    origin: dict[int, tuple[int, int]] = {}
    shift = 0
    for k, line in enumerate(lines):
        prev = lines[k - 1] if k else None
        text = " ".join(line.text.split())
        if (prev is not None and prev.page == line.page and line.number == prev.number + 2
                and "\t" not in prev.text + line.text and text[:1].islower() and not ITEM.match(text)):
            above = " ".join(prev.text.split())
            if (_sentence_start(above) or len(above.split()) >= MIN_PROSE_WORDS) and regex.search(r"[\p{L}\d”\"]$", above) \
                    and not ITEM.match(above):
                shift += 1
        number = line.number - shift
        out.append(Line(line.page, number, line.text, line.cells, line.method))
        origin[number] = (line.page, line.number)
    return (out, origin) if shift else None

