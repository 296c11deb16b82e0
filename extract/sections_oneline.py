"""Unfold a table transcribed onto one line into the lines it was printed on.

Web transcripts of report PDFs (docplayer, 5dok, page-by-page editions) often keep a whole
table or key-figure box as ONE line: "3 Femårsöversikt, kommunen … Årets resultat i mnkr
166,7 62,5 2,5 57,3 125,8 Investeringar i mnkr (netto) 442,6 …". Such a line is split where
a label starts after figures, so that each piece is one row again: its label, then its
figures with any unit printed inside the cells ('276 mnkr 216 mnkr') and signs standing
apart ('- 93 mnkr', '+ 167,5 mnkr'). A statement heading inside the words ("Femårsöversikt")
and a run of consecutive years (the column header) become lines of their own, and a page
number left at the very end is page furniture. Nothing printed is changed: the pieces are
the line's own text, and each keeps the line's page and number.
"""
from __future__ import annotations

from functools import lru_cache

import regex
from arsred.extract.document import Line
from arsred.extract.reading.read_text import split_cells, table_text
from arsred.extract.sections import YEAR, _names, fold, is_contents_list
from arsred.extract.tables.header import cell_units
from arsred.extract.tables.lines import declared_unit

MIN_LENGTH = 150          # shorter lines are rows as printed
MIN_FIGURES = 6           # a long line with fewer figures is prose
MAX_HEADING_WORDS = 8
MIN_FIGURE_SHARE = 0.25   # of the line's tokens: a paragraph with amounts in it has far fewer
MAX_SENTENCES = 1         # sentence ends ('… kronor. Året …'): prose, not a table

_NUMBER = regex.compile(r"^\(?[-−–—+]?\d+(?:[,.:]\d+)?\)?\*{0,2}%?$")
_FRAGMENT = regex.compile(r"^(?:\d+,|,\d*)$")          # '548,', ',', ',3': figures the transcript cut
_SIGN = regex.compile(r"^[-−–—+]$")
_EMPTY = regex.compile(r"^(?:[-−–—]|\.\.|…)$")
_CELL_UNITS = frozenset({"%", *(w for unit in cell_units() for w in unit.split())})   # table_words.toml


def unfold_lines(lines: list[Line]) -> list[Line]:
    """Each long line that holds a whole table, replaced by one line per printed row; HTML markup a
    web transcript kept is taken away first (the tags are no part of the printed page)."""
    out: list[Line] = []
    for line in lines:
        if line.method == "text":
            bare = table_text(line.text)
            if bare != line.text:
                line = Line(line.page, line.number, bare, split_cells(bare), line.method)
        pieces = _pieces(line.text) if line.method == "text" and len(line.text) >= MIN_LENGTH \
            and not is_contents_list(line.text) else None
        if not pieces:
            out.append(line)
            continue
        out.extend(Line(line.page, line.number, piece, split_cells(piece), line.method) for piece in pieces)
    return out


def _kind(tokens: list[str], i: int) -> str:
    """'fig' (a figure, a cut figure, a sign before a figure), 'dash' (an empty cell or a list
    dash), 'unit' or 'word'."""
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    prev = tokens[i - 1] if i else ""
    if regex.fullmatch(r"\(?not(?:er)?", prev, flags=regex.I) and regex.fullmatch(r"\d{1,2}(?:,\d{1,2})*\)?", tok):
        return "word"                     # '(Not 25)': a note reference inside the label
    if _NUMBER.match(tok) or _FRAGMENT.match(tok):
        return "fig"
    if _SIGN.match(tok) and (_NUMBER.match(nxt) or _FRAGMENT.match(nxt)):
        return "fig"                      # a sign apart from its digits ('- 93', '+ 167,5')
    if _EMPTY.match(tok) or _SIGN.match(tok):
        return "dash"
    if tok.casefold().rstrip(".") in _CELL_UNITS:
        return "unit"
    return "word"


def _pieces(text: str) -> list[str] | None:
    tokens = text.split()
    kinds = [_kind(tokens, i) for i in range(len(tokens))]
    # a dash between two words is a list dash ('helår - Socialnämnden'); where the line has one, a
    # dash before a label is one too; otherwise it is an empty cell of the row before ('3 4 – – Justering')
    listed = any(k == "dash" and 0 < i < len(kinds) - 1 and kinds[i - 1] == "word" and kinds[i + 1] == "word"
                 for i, k in enumerate(kinds))
    for i, k in enumerate(kinds):
        if k == "dash":
            before_word = i + 1 < len(kinds) and kinds[i + 1] == "word"
            kinds[i] = "word" if before_word and (listed or i == 0 or kinds[i - 1] == "word") else "fig"
    # a unit counts with the figures only right after one ('276 mnkr'); elsewhere it is a word ('i kr')
    for i, k in enumerate(kinds):
        if k == "unit":
            # 'mnkr mnkr' after a label: cells whose figures the transcript lost
            paired = (i + 1 < len(kinds) and kinds[i + 1] == "unit") or (i > 0 and kinds[i - 1] == "fig")
            kinds[i] = "fig" if paired else "word"
    figures = sum(1 for t, k in zip(tokens, kinds) if k == "fig" and regex.search(r"\d", t))
    cells = sum(1 for k in kinds if k == "fig")          # figures with their units and signs
    if figures < MIN_FIGURES or cells < MIN_FIGURE_SHARE * len(tokens) or \
            len(regex.findall(r"\p{Ll}\.\s+\p{Lu}", text)) > MAX_SENTENCES:
        return None
    segments: list[tuple[list[str], list[str]]] = []      # (words, figures)
    for tok, k in zip(tokens, kinds):
        if k == "word":
            if not segments or segments[-1][1]:
                segments.append(([], []))
            segments[-1][0].append(tok)
        else:
            if not segments:
                segments.append(([], []))
            segments[-1][1].append(tok)
    if len(segments) < 2:
        return None
    _drop_page_numbers(segments)
    pieces: list[str] = []
    for words, row_figures in segments:
        parts = _split_words(words, bool(row_figures))
        pieces.extend(text for text, _ in parts)
        years = year_run(row_figures)
        if years:
            if parts and not parts[-1][1] and declared_unit(parts[-1][0]) and len(parts[-1][0].split()) <= 3:
                pieces[-1] = f"{pieces[-1]} {' '.join(row_figures[:years])}"    # 'mnkr 2005 … 2014': the header
            else:
                pieces.append(" ".join(row_figures[:years]))
            row_figures = row_figures[years:]
        if row_figures:
            if parts and not years and not parts[-1][1]:
                pieces[-1] = f"{pieces[-1]} {' '.join(row_figures)}"     # the row's label, then its figures
            else:
                pieces.append(" ".join(row_figures))
    last = tokens[-1]
    if kinds[-1] == "fig" and regex.fullmatch(r"\d{1,3}", last) and len(tokens) > 2 and kinds[-2] == "fig" \
            and tokens[-2].casefold() in _CELL_UNITS:
        pieces[-1] = pieces[-1][: -len(last)].rstrip()   # '+ 22,6 mnkr 0': the page number after the last cell
    return [p for p in pieces if p.strip()]


def _drop_page_numbers(segments: list[tuple[list[str], list[str]]]) -> None:
    """Slide and page numbers a transcript ran into a table printed with decimals ('2 Not 1 …
    Summa 170,4 155,9 2', '3 3 Not 3 …'): bare whole numbers before the first word or after the
    last figure, where every other figure of the line carries decimals, are no cells."""
    figs = [f for _, fs in segments for f in fs if regex.search(r"\d", f)]
    bare = regex.compile(r"\d{1,3}")
    lead = segments[0][1] if not segments[0][0] else []
    tail = segments[-1][1][-1:] if segments[-1][0] and len(segments[-1][1]) >= 2 else []
    rest = figs[len(lead):len(figs) - len(tail)]
    rest = [f for f in rest if not regex.fullmatch(r"\(?(?:19|20)\d\d\)?", f)]    # years in labels
    if not (lead or tail) or len(rest) < MIN_FIGURES or not all(regex.search(r"\d,\d", f) for f in rest):
        return
    if lead and all(bare.fullmatch(f) for f in lead):
        del segments[0]
    if tail and bare.fullmatch(tail[0]):
        segments[-1][1].pop()


def year_run(figures: list[str], repeated: bool = False) -> int:
    """How many leading figures are a column header of years: consecutive years, once or repeated
    block by block ('2021 2020 2021 2020'); 0 if none (or, with `repeated`, if not repeated)."""
    years: list[int] = []
    for fig in figures:
        if not YEAR.fullmatch(fig):
            break
        years.append(int(fig))
    if len(years) < 2 or abs(years[1] - years[0]) != 1:
        return 0
    step = years[1] - years[0]
    block = 1
    while block < len(years) and years[block] - years[block - 1] == step:
        block += 1
    k = block
    while k + block <= len(years) and years[k:k + block] == years[:block]:
        k += block
    return 0 if repeated and k == block else k


def _split_words(words: list[str], before_figures: bool) -> list[tuple[str, bool]]:
    """A run of words cut before and after each statement heading it holds: (text, is a heading)."""
    if not words:
        return []
    folded = [fold(w) for w in words]
    out: list[tuple[str, bool]] = []
    start = i = 0
    while i < len(words):
        span = _heading_at(folded, i) or _note_heading_at(words, i)
        if span:
            if i > start:
                out.append((" ".join(words[start:i]), False))
            out.append((" ".join(words[i:i + span]), True))
            i += span
            start = i
            continue
        i += 1
    if start < len(words):
        rest = words[start:]
        lead = _header_words(rest) if before_figures else 0
        if lead:                                    # 'Koncernen Kommunen Årets resultat': the column header
            out.append((" ".join(rest[:lead]), False))
            rest = rest[lead:]
        caps = 0
        while caps < len(rest) and (_is_caps(rest[caps]) or caps and regex.fullmatch(r"\d{1,2}", rest[caps])):
            caps += 1
        if 0 < caps < len(rest) and regex.match(r"\p{Lu}\p{Ll}", rest[caps]):
            out.append((" ".join(rest[:caps]), False))  # 'DEN LÖPANDE VERKSAMHETEN Årets resultat': a block heading
            rest = rest[caps:]
        out.append((" ".join(rest), False))
    return out


def _note_heading_at(words: list[str], i: int) -> int:
    """The number of words of a note heading starting at word i ('Not 3 Skatteintäkter', 'Not 1
    Verksamhetens intäkter, mnkr'), or 0: its title runs to a unit word, or is the longest run of
    words that normalize/data/items.csv knows exactly as a statement line (a note explains one)
    followed by a word in upper case (the first row's label begins)."""
    from arsred.normalize.items import map_item

    if i + 2 >= len(words) or fold(words[i]) != "not" or not regex.fullmatch(r"\d{1,2}[.:]?", words[i + 1]):
        return 0
    title = words[i + 2:i + 2 + MAX_HEADING_WORDS]
    for k in range(1, len(title)):
        if declared_unit(title[k]) and len(title[k].strip(",.()")) <= 5:
            return 2 + k + 1                  # 'Not 1 Verksamhetens intäkter, mnkr'
    for k in range(len(title) - 1, 0, -1):
        label = " ".join(title[:k]).rstrip(",:")
        if not title[k][:1].isupper():
            continue                           # 'Finansiella intäkter och kostnader': the title goes on
        if any(map_item(st, label).score >= 100.0 for st in ("resultatrakning", "balansrakning")):
            return 2 + k                       # 'Not 3 Skatteintäkter'
    return 0


def _header_words(words: list[str]) -> int:
    """How many leading words name columns (scopes, kinds: 'Koncernen Kommunen') before a label."""
    from arsred.extract.tables.header import header_tokens

    k = 0
    while k < len(words) and [t.kind for t in header_tokens(words[k])] in (["scope"], ["kind"]):
        k += 1
    return k if 0 < k < len(words) else 0


def _is_caps(word: str) -> bool:
    letters = regex.sub(r"[^\p{L}]", "", word)
    return len(letters) >= 2 and letters.isupper()


def _heading_at(folded: list[str], i: int) -> int:
    """The number of words of the longest statement heading starting at word i, or 0."""
    for span in range(min(MAX_HEADING_WORDS, len(folded) - i), 0, -1):
        key = " ".join(w for w in folded[i:i + span] if w)
        if key in _heading_names():
            return span
    return 0


@lru_cache(maxsize=1)
def _heading_names() -> frozenset[str]:
    return frozenset(name for kind, name in _names() if kind != "other" and len(name) > 6)
