"""Printed lines -> reading lines for the goal readers: paragraphs joined, table rows as tab cells.

The goal readers (the other modules of `extract.goals`) read lines the way a
text report holds them: a paragraph on one line, a table row as tab-separated cells, a blank
line as a skip in the line numbers. A PDF (text layer or OCR) wraps paragraphs over several
printed lines and lays a table cell's wrapped lines out in a column. This module rebuilds
the text form from positions:

- **Paragraphs.** A printed line continues the one above it (no blank line between, same
  left edge or a bullet's hanging indent) when it wrapped: the line above stops short of the
  right margin by less than the width of this line's first word. Lines that open a list item,
  a "Label:" paragraph or a "Mäts genom …" note are never continuations.
- **Tables.** A run of lines with several cells is a table. Its columns are the left edges
  its cells share (`_grid`); every word goes to the column it starts in, so a cell that ran
  into its neighbour is cut at the column edge. A row's wrapped lines are collected per
  column until the next row starts: a new entry in the first column (not a lower-case or
  "… och" continuation, not the wrapped rest of a full cell), a known row label
  ("Resultatmål 2", "Uppföljning"), or a header / separator line. A table continued after
  page furniture keeps the columns of the part above.

Page furniture ("Sida 4", signatures, initials) is kept as its own line and skipped when
deciding what continues what, so a paragraph or a table row runs on across a page break.
Each reading line carries its own line number (consecutive, skipping one at a blank line);
`Reading.origin` maps it back to the page and printed line where it starts, and
`Reading.locate` finds the printed line where a goal inside it (item 3 of a cell) starts.
Text reports are returned unchanged: their lines already are reading lines.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass, field

import regex
from arsred.extract.document import Box, Cell, Document, Line, Word
from arsred.extract.goals.reading.long_lines import split_long_lines
from arsred.extract.goals.reading.spaced_lines import close_broken_sentences, close_spaced
from arsred.extract.goals.structure import is_furniture
from arsred.extract.goals.vocabulary import TRAILING_STOPWORDS, Phrases, fold, is_goal_column

# column left edges closer than this (in em) are one column
COLUMN_TOLERANCE_EM = 0.5
# a line wrapped when its successor's first word would not have fitted within this much of the margin (em)
WRAP_SLACK_EM = 0.75
# lines this far (em) from the paragraph's left edge are not part of it (except a bullet's hanging indent)
INDENT_TOLERANCE_EM = 1.5

LIST_START = regex.compile(r"^\s*(?:[-•*–·]\s|\(?\d{1,2}[.)]\s|\(?[a-zåäö][.)]\s|\p{Lu}\p{Ll}*\s?\d{1,2}[.:)]\s)")
LABEL_START = regex.compile(r"^[\p{Lu}][\p{L} /-]{1,30}:(?:\s|$)")
SEPARATOR = regex.compile(r"^[-–—=_|:. ]+$")
SENTENCE_END = regex.compile(r"(?<!:\s*(?:</p>)?)(?:[.!?]|</p>)[\"”')]*$")
ITEM_START = regex.compile(r"^(?:<p>)?\s*\d{1,2}\.\s")


@dataclass
class _Item:
    """One reading line in the making."""

    key: int                      # index of its first printed line in the document
    first: Line
    text: str
    cells: tuple[Cell, ...] = ()
    gap_before: bool = False
    furniture: bool = False
    printed: tuple[Line, ...] = ()  # all its printed lines, top to bottom


@dataclass(frozen=True)
class Reading:
    """Reading lines, and for positioned input where each came from."""

    lines: list[Line]
    origin: dict[int, tuple[int, int]] = field(default_factory=dict)      # number -> (page, printed line)
    printed: dict[int, tuple[Line, ...]] = field(default_factory=dict)    # number -> its printed lines

    def locate(self, number: int, text: str, goal_no: int | None = None) -> tuple[int, int] | None:
        """The printed line where `text` (a goal read from reading line `number`) starts."""
        if number not in self.origin:
            return None
        words = fold(text).split()[:2]
        if words:
            keys = ([f"{goal_no}. {words[0]}"] if goal_no is not None else []) + [" ".join(words), words[0]]
            lines = self.printed.get(number, ())
            for key in keys:
                for ln in lines:
                    if key in fold(ln.text):
                        return ln.page, ln.number
        return self.origin[number]


def reading_lines(doc: Document, ph: Phrases) -> Reading:
    """The document's reading lines and, for positioned input, where each starts on the page."""
    phys = doc.lines
    if all(line.method == "text" for line in phys):
        return _text_reading(phys, ph)
    furniture = [len(line.cells) <= 1 and is_furniture(line.text) for line in phys]
    runs = _runs(phys, furniture)
    margins = _margins(phys, furniture)
    items: list[_Item] = [_Item(k, phys[k], phys[k].text.strip(), phys[k].cells, True, True)
                          for k in range(len(phys)) if furniture[k]]
    state = _TableState()
    for run in runs:
        items += _read_run(phys, run, margins, ph, state)
    items.sort(key=lambda it: it.key)
    lines: list[Line] = []
    origin: dict[int, tuple[int, int]] = {}
    printed: dict[int, tuple[Line, ...]] = {}
    number = 0
    prev_furniture = True
    for it in items:
        number += 2 if (it.gap_before or it.furniture or prev_furniture) and number else 1
        prev_furniture = it.furniture
        lines.append(Line(it.first.page, number, it.text, it.cells, it.first.method))
        origin[number] = (it.first.page, it.first.number)
        printed[number] = it.printed or (it.first,)
    return Reading(lines, origin, printed)


MIN_COLUMNS = 3         # a goal table's columns: goal, measure or target, verdict
HEADER_WORDS = 4        # words of a column name
BAR = regex.compile(r"\s\|\s")


def _row_cells(line: Line) -> list[str]:
    """A text line's cells: its bar-separated parts ('Mål | Indikator | Bedömning', outer bars dropped), else the
    parts two spaces or more apart (the document's cells)."""
    t = line.text.strip()
    if "\t" in t:
        return []
    if BAR.search(t):
        return [c.strip() for c in BAR.split(t.strip("| "))]
    return [c.text.strip() for c in line.cells] if len(line.cells) > 1 else []


def _column_rows(phys: list[Line], ph: Phrases) -> list[Line]:
    """A goal table whose columns a text export set apart by spaces or bars: from a header naming a goal column
    (`[columns] goal`) among MIN_COLUMNS short column names, each following line with as many cells is a row, its
    cells joined by tabs as the table readers read them. Anything else stays as printed."""
    out = list(phys)
    k = 0
    while k < len(phys):
        head = _row_cells(phys[k])
        if not (len(head) >= MIN_COLUMNS and all(0 < len(c.split()) <= HEADER_WORDS for c in head)
                and any(is_goal_column(fold(c), ph) for c in head)):
            k += 1
            continue
        j = k + 1
        while (j < len(phys) and phys[j].number == phys[j - 1].number + 1
               and len(_row_cells(phys[j])) == len(head)):
            j += 1
        if j - k >= 2:
            for n in range(k, j):
                out[n] = Line(phys[n].page, phys[n].number, "\t".join(_row_cells(phys[n])), phys[n].cells,
                              phys[n].method)
        k = max(j, k + 1)
    return out


def _text_reading(phys: list[Line], ph: Phrases) -> Reading:
    """A text report's lines as they are, but a spaced page's blank lines read again (or a sentence a blank line
    cut put together again), long lines cut, and a goal table's columns set apart by spaces or bars tab cells."""
    phys = _column_rows(phys, ph)
    closed = close_spaced(phys, ph) or close_broken_sentences(phys)
    split = split_long_lines(closed[0] if closed else phys, ph)
    if split is None:
        return Reading(*closed) if closed else Reading(phys)
    pieces, origin = split
    if closed:      # a piece of a spaced page's line: where that line was printed
        origin = {n: closed[1][number] for n, (_, number) in origin.items()}
    return Reading(pieces, origin)


# --------------------------------------------------------------------------- runs of printed lines

def _runs(phys: list[Line], furniture: list[bool]) -> list[list[int]]:
    """Indices of non-furniture lines, cut where a blank line stands (a page break is no blank)."""
    runs: list[list[int]] = []
    prev: int | None = None
    for k in range(len(phys)):
        if furniture[k]:
            continue
        if prev is None or not _contiguous(phys, furniture, prev, k):
            runs.append([])
        runs[-1].append(k)
        prev = k
    return runs


def _contiguous(phys: list[Line], furniture: list[bool], a: int, b: int) -> bool:
    la, lb = phys[a], phys[b]
    if la.method == "text" or lb.method == "text":
        return la.page == lb.page and lb.number == la.number + 1
    if la.page == lb.page:
        return lb.number == la.number + 1
    if lb.page != la.page + 1:
        return False
    # the last text line of a page runs on into the first of the next
    return all(furniture[j] for j in range(a + 1, b))


def _margins(phys: list[Line], furniture: list[bool]) -> dict[int, float]:
    """Each page's right text margin: where its longest prose line ends, at least the document's.

    Prose is ragged or justified up to the margin, so the longest line of several words
    reaches it; a page of short lines (a list, an OCR'd narrow column) still wraps at the
    document's margin, so its lines are not taken for wrapped ones.
    """
    by_page: dict[int, float] = {}
    for k, line in enumerate(phys):
        if furniture[k] or len(line.cells) != 1 or line.method == "text" or len(line.text.split()) < 4:
            continue
        by_page[line.page] = max(by_page.get(line.page, 0.0), line.cells[0].x1)
    overall = max(by_page.values(), default=0.0)
    return {page: max(x, overall) for page, x in by_page.items()} | {0: overall}


def _em(line: Line) -> float:
    hs = [w.box.bottom - w.box.top for w in line.words if w.box is not None]
    return statistics.median(hs) if hs else 10.0


def _first_word_width(line: Line) -> float:
    boxes = [w.box for w in line.words if w.box is not None]
    if boxes:
        return boxes[0].x1 - boxes[0].x0
    return 0.55 * _em(line) * len(line.text.split()[0]) if line.text.split() else 0.0


# --------------------------------------------------------------------------- one run

@dataclass
class _TableState:
    """The columns of the table above, while nothing but furniture has come since."""

    grid: list[float] | None = None
    last_key: int = -1


def _read_run(phys: list[Line], run: list[int], margins: dict[int, float], ph: Phrases,
              state: _TableState) -> list[_Item]:
    if phys[run[0]].method == "text":
        return [_Item(k, phys[k], phys[k].text, phys[k].cells, gap_before=(j == 0)) for j, k in enumerate(run)]
    multi = [j for j, k in enumerate(run) if len(phys[k].cells) >= 2]
    if not multi:
        state.grid = None
        return _paragraphs(phys, run, margins, ph, gap_first=True)
    grid = _grid([phys[run[j]] for j in multi], ph)
    lo, hi = multi[0], multi[-1]
    while lo > 0 and _column_of(phys[run[lo - 1]].cells[0].x0, grid, phys[run[lo - 1]]) >= 1:
        lo -= 1
    while hi + 1 < len(run) and _column_of(phys[run[hi + 1]].cells[0].x0, grid, phys[run[hi + 1]]) >= 1:
        hi += 1
    items: list[_Item] = []
    if lo > 0:
        items += _paragraphs(phys, run[:lo], margins, ph, gap_first=True)
        state.grid = None
    width, placement = _placement(grid, state, phys, run[lo])
    items += _table_rows(phys, run[lo:hi + 1], grid, width, placement, ph, gap_first=(lo == 0))
    if width == len(grid):
        state.grid = grid
    state.last_key = run[hi]
    if hi + 1 < len(run):
        items += _paragraphs(phys, run[hi + 1:], margins, ph, gap_first=False)
        state.grid = None
    return items


def _placement(grid: list[float], state: _TableState, phys: list[Line], first: int) -> tuple[int, list[int]]:
    """Output column for each of this part's columns: its own, or the table's above when it continues one."""
    above = state.grid
    between = range(state.last_key + 1, first)
    continues = above is not None and state.last_key >= 0 and all(
        len(phys[j].cells) <= 1 and _is_furniture_line(phys[j]) for j in between)
    if above is None or not continues or len(grid) >= len(above):
        return len(grid), list(range(len(grid)))
    out: list[int] = []
    for x in grid:
        k = min(range(len(above)), key=lambda i: abs(above[i] - x))
        out.append(max(k, out[-1] + 1 if out else 0))
    if out[-1] >= len(above):
        return len(grid), list(range(len(grid)))
    return len(above), out


def _is_furniture_line(line: Line) -> bool:
    return is_furniture(line.text)


# --------------------------------------------------------------------------- paragraphs

def _paragraphs(phys: list[Line], run: list[int], margins: dict[int, float], ph: Phrases,
                *, gap_first: bool) -> list[_Item]:
    items: list[_Item] = []
    para: list[int] = []

    def flush() -> None:
        if para:
            first = phys[para[0]]
            text = _join_texts([" ".join(phys[k].text.split()) for k in para])
            cells = first.cells if len(para) == 1 else (Cell(text, min(phys[k].cells[0].x0 for k in para),
                                                               max(phys[k].cells[-1].x1 for k in para)),)
            items.append(_Item(para[0], first, text, cells, gap_before=gap_first and not items,
                               printed=tuple(phys[k] for k in para)))
    for k in run:
        if para and _continues(phys[para[-1]], phys[para[0]], phys[k], margins, ph):
            para.append(k)
            continue
        flush()
        para = [k]
    flush()
    return items


def _continues(prev: Line, head: Line, line: Line, margins: dict[int, float], ph: Phrases) -> bool:
    """`line` is the wrapped rest of the paragraph whose last line is `prev` and first line `head`."""
    if len(prev.cells) != 1 or len(line.cells) != 1:
        return False
    text = line.text.strip()
    if not text or LIST_START.match(text) or LABEL_START.match(text):
        return False
    if any(fold(text).startswith(m) for m in ph.measure_labels + ph.assessment_labels):
        return False
    em = max(_em(prev), _em(line))
    x0 = line.cells[0].x0
    indents = [head.cells[0].x0]
    if LIST_START.match(head.text) and len(head.words) >= 2 and head.words[1].box is not None:
        indents.append(head.words[1].box.x0)
    if min(abs(x0 - i) for i in indents) > INDENT_TOLERANCE_EM * em:
        return False
    margin = margins.get(prev.page) or margins.get(0) or 0.0
    if not margin:
        return False
    room = margin - prev.cells[0].x1
    return room - 0.3 * em < _first_word_width(line) + WRAP_SLACK_EM * em


def _join_texts(parts: list[str]) -> str:
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if not out:
            out = part
        elif (regex.search(r"\p{Ll}-$", out) and part[:1].islower()
              and fold(part.split()[0]) not in {"och", "eller", "samt", "till"}):
            out = out[:-1] + part
        else:
            out += " " + part
    return out


# --------------------------------------------------------------------------- tables

def _grid(lines: list[Line], ph: Phrases) -> list[float]:
    """Left edges of a table's columns: cell starts shared by two lines, or given by a header/separator line."""
    starts: list[tuple[float, int, bool]] = []
    em = statistics.median(_em(line) for line in lines)
    for k, line in enumerate(lines):
        strong = _separator(line) or _headerish([c.text for c in line.cells], ph)
        for c in line.cells:
            starts.append((c.x0, k, strong))
    starts.sort()
    clusters: list[list[tuple[float, int, bool]]] = []
    for s in starts:
        if clusters and s[0] - clusters[-1][-1][0] <= COLUMN_TOLERANCE_EM * em:
            clusters[-1].append(s)
        else:
            clusters.append([s])
    grid = [min(x for x, _, _ in c) for c in clusters
            if len({k for _, k, _ in c}) >= 2 or any(st for _, _, st in c)]
    return grid or [min(x for x, _, _ in starts)]


def _column_of(x: float, grid: list[float], line: Line) -> int:
    tol = COLUMN_TOLERANCE_EM * _em(line)
    k = 0
    for i, g in enumerate(grid):
        if g <= x + tol:
            k = i
    return k


def _separator(line: Line) -> bool:
    return all(SEPARATOR.match(c.text) for c in line.cells) and bool(line.cells)


_NAMES: dict[int, tuple[Phrases, tuple[frozenset[str], frozenset[str], frozenset[str]]]] = {}


def _header_names(ph: Phrases) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    cached = _NAMES.get(id(ph))
    if cached is not None and cached[0] is ph:
        return cached[1]
    names = set(ph.col_goal + ph.col_assessment + ph.col_reasons + ph.col_initiative
                + ph.col_yes + ph.col_no + ph.col_partly)
    words = {w for n in names for w in regex.findall(r"[\w/]+", n)}
    glued = {"".join(sorted((a + b).replace(" ", ""))) for a in names for b in names if a != b}
    out = (frozenset(names), frozenset(words), frozenset(glued))
    _NAMES[id(ph)] = (ph, out)
    return out


def _headerish(cells: list[str], ph: Phrases) -> bool:
    """Every cell is a column name ('MÅL', 'JA', 'Bedömning av måluppfyllelse'), or two glued together."""
    names, words, glued = _header_names(ph)
    texts = [fold(c) for c in cells if c.strip()]
    if not texts:
        return False
    for t in texts:
        toks = regex.findall(r"[\w/]+", t)
        if not (t in names or (toks and all(w in words for w in toks))
                or "".join(sorted(t.replace(" ", ""))) in glued):
            return False
    return True


@dataclass
class _Row:
    first: Line
    key: int
    cols: dict[int, list[tuple[str, float]]] = field(default_factory=dict)   # column -> [(text, x1)]
    header: bool = False
    last_cols: set[int] = field(default_factory=set)                        # columns filled on its last line
    printed: list[Line] = field(default_factory=list)


def _line_fragments(line: Line, grid: list[float]) -> dict[int, list[tuple[str, float]]]:
    """The line's text per column; a cell whose words run into the next column is cut there."""
    out: dict[int, list[tuple[str, float]]] = {}
    for cell in line.cells:
        words = [(w, w.box) for w in cell.words if w.box is not None]
        if not words:
            out.setdefault(_column_of(cell.x0, grid, line), []).append((cell.text, cell.x1))
            continue
        cols = [_column_of(box.x0, grid, line) for _, box in words]
        if len(set(cols)) == 1 and not _crosses(words[-1][1], grid, cols[-1], line):
            out.setdefault(cols[0], []).append((cell.text, cell.x1))
            continue
        pieces: list[tuple[int, str, float]] = []
        for (w, box), c in zip(words, cols):
            for c2, text, x1 in _split_word(w, box, c, grid, line):
                if pieces and pieces[-1][0] == c2:
                    pieces[-1] = (c2, pieces[-1][1] + " " + text, x1)
                else:
                    pieces.append((c2, text, x1))
        for c2, text, x1 in pieces:
            out.setdefault(c2, []).append((text, x1))
    return out


def _crosses(box: Box, grid: list[float], col: int, line: Line) -> bool:
    return col + 1 < len(grid) and box.x1 > grid[col + 1] + COLUMN_TOLERANCE_EM * _em(line)


def _split_word(w: Word, box: Box, col: int, grid: list[float], line: Line) -> list[tuple[int, str, float]]:
    """A word printed over a column edge ('Insatskatalogen1.') is cut where letters turn to digits near the edge."""
    if not _crosses(box, grid, col, line):
        return [(col, w.text, box.x1)]
    edge = grid[col + 1]
    share = (edge - box.x0) / max(1e-6, box.x1 - box.x0)
    guess = round(share * len(w.text))
    for d in sorted(range(-3, 4), key=abs):
        i = guess + d
        if 0 < i < len(w.text) and {_kind(w.text[i - 1]), _kind(w.text[i])} == {"letter", "digit"}:
            return [(col, w.text[:i], edge), (col + 1, w.text[i:], box.x1)]
    return [(col, w.text, box.x1)]


def _kind(ch: str) -> str:
    return "letter" if ch.isalpha() else "digit" if ch.isdigit() else "other"


def _table_rows(phys: list[Line], part: list[int], grid: list[float], width: int, placement: list[int],
                ph: Phrases, *, gap_first: bool) -> list[_Item]:
    items: list[_Item] = []
    row: _Row | None = None
    prev_sep = False

    def flush() -> None:
        if row is None:
            return
        cells_text = [""] * width
        for c, frags in row.cols.items():
            cells_text[placement[c]] = _join_texts([t for t, _ in frags])
        text = "\t".join(cells_text)
        cells = tuple(Cell(t, grid[c] if c < len(grid) else 0.0,
                           grid[c + 1] if c + 1 < len(grid) else grid[-1] + 1.0) for c, t in enumerate(cells_text))
        items.append(_Item(row.key, row.first, text, cells, gap_before=gap_first and not items,
                           printed=tuple(row.printed)))

    for k in part:
        line = phys[k]
        frags = _line_fragments(line, grid)
        sep = _separator(line)
        header = _headerish([c.text for c in line.cells], ph)
        if row is None or sep or prev_sep or header or _starts_row(row, frags, grid, line, ph):
            flush()
            row = _Row(line, k, header=header or sep)
        for c, fs in frags.items():
            row.cols.setdefault(c, []).extend(fs)
        row.last_cols = set(frags)
        row.printed.append(line)
        prev_sep = sep
    flush()
    return items


def _starts_row(row: _Row, frags: dict[int, list[tuple[str, float]]], grid: list[float], line: Line,
                ph: Phrases) -> bool:
    """Does this printed line open a new table row rather than continue the row's cells?"""
    if row.header:
        # a header's own wrapped words continue it; anything else is the first row
        return not all(t[:1].islower() for fs in frags.values() for t, _ in fs)
    first = " ".join(t for t, _ in frags.get(0, [])).strip()
    if not first:
        return False
    above = row.cols.get(0)
    if not above or 0 not in row.last_cols:
        return True      # a first-column entry under an empty first-column cell
    prev_text, prev_x1 = above[-1]
    f = fold(first)
    if any(f.startswith(lab) for lab in ph.plan_goal_labels + ph.plan_followup_labels) \
            or regex.match(r"^m[aå]l\s*\d+\s*[:.]", f):
        return True
    words = fold(prev_text).split()
    if first[:1].islower() or prev_text.rstrip().endswith(("-", ",", "/", "&")) \
            or (words and words[-1] in TRAILING_STOPWORDS):
        return False
    # another column opens a new sentence after a finished one: rows start level
    for c, fs in frags.items():
        if c == 0 or c not in row.cols:
            continue
        text = fs[0][0].strip()
        if text[:1].isupper() or ITEM_START.match(text) or text.startswith("<p>"):
            if SENTENCE_END.search(row.cols[c][-1][0].strip()):
                return True
    if SENTENCE_END.search(prev_text.strip()):
        return True
    limit = grid[1] if len(grid) > 1 else float("inf")
    em = _em(line)
    first_box = next((w.box for w in line.words if w.box is not None), None)
    w_width = (first_box.x1 - first_box.x0) if first_box else 0.55 * em * len(first.split()[0])
    # the first word would have fitted after the cell's last line: a new entry, not a wrap
    return prev_x1 + 0.3 * em + w_width + WRAP_SLACK_EM * em + CELL_GAP_EM * em <= limit


CELL_GAP_EM = 0.9
