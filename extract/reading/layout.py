"""Words with boxes -> printed lines -> cells, shared by the pdfplumber and OCR readers.

Tables in reports have no ruling lines: columns exist only as wide gaps between words.
So a line is the chain of words that overlap vertically (followed left to right, which
tolerates a slight residual skew), and a cell boundary is a gap clearly wider than a word
space. A thousands space ("2 832", "1 236,30") or a detached minus ("- 17 329") is a word
space and stays inside its cell; the gap between a label and its amounts, or between two
right-aligned amount columns, is several spaces wide.
"""
from __future__ import annotations

import logging
import statistics
from dataclasses import dataclass

from arsred.extract.document import Box, Cell, Line, Word

log = logging.getLogger(__name__)

# A cell boundary is a gap wider than CELL_GAP_EM times the line's font size (estimated
# from word heights and character widths). A word space is ~0.25-0.35 em in
# proportional fonts; two spaces in a monospaced layout are ~1.2 em.
CELL_GAP_EM = 0.9
# Words closer than this (in em) are parts of one token split by kerning: joined without a space.
JOIN_GAP_EM = 0.1
# Two words share a line when their vertical overlap is at least this share of the smaller height.
MIN_OVERLAP = 0.45
BAND = 8.0          # points: the height of the bands group_rows files rows under
# A gap between two lines this many times the page's usual line pitch (relative to font size)
# holds an empty line: the line numbers skip, as a text file's do at a blank line.
BLANK_PITCH = 1.3
MAX_PITCH = 1.6
# ...but a footer far below the text skips at most this many numbers (any skip reads as a blank).
MAX_SKIP = 3


@dataclass
class _Row:
    words: list[Word]

    @property
    def last(self) -> Word:
        return self.words[-1]


def _box(w: Word) -> Box:
    if w.box is None:
        raise ValueError(f"word {w.text!r} has no box; layout needs positions")
    return w.box


def _overlap(a: Box, b: Box) -> float:
    inter = min(a.bottom, b.bottom) - max(a.top, b.top)
    smaller = min(a.bottom - a.top, b.bottom - b.top) or 1.0
    return inter / smaller


def group_rows(words: list[Word]) -> list[list[Word]]:
    """Chain words left to right into rows; each word joins the row whose last word it overlaps most."""
    rows: list[_Row] = []
    # rows by the height their last word covers, in bands of BAND points: a word can only join a row whose
    # last word it overlaps, so only the rows in its own bands are scored (not every row of the page)
    bands: dict[int, set[int]] = {}

    def place(k: int, box: Box, add: bool) -> None:
        for y in range(int(box.top // BAND), int(box.bottom // BAND) + 1):
            if add:
                bands.setdefault(y, set()).add(k)
            else:
                bands[y].discard(k)

    for w in sorted(words, key=lambda w: (_box(w).x0, _box(w).top)):
        b = _box(w)
        best, best_score, best_k = None, MIN_OVERLAP, -1
        near = set().union(*(bands.get(y, ()) for y in range(int(b.top // BAND), int(b.bottom // BAND) + 1)))
        for k in sorted(near):       # in the order the rows were started, as a scan of every row takes them
            row = rows[k]
            lb = _box(row.last)
            if lb.x1 > b.x0 + 0.5 * (b.bottom - b.top):  # row already extends past this word
                continue
            score = _overlap(lb, b)
            if score > best_score or (best is not None and score == best_score
                                      and abs(lb.top - b.top) < abs(_box(best.last).top - b.top)):
                best, best_score, best_k = row, score, k
        if best is None:
            rows.append(_Row([w]))
            place(len(rows) - 1, b, True)
        else:
            place(best_k, _box(best.last), False)
            best.words.append(w)
            place(best_k, b, True)
    out = [r.words for r in rows]
    out.sort(key=lambda ws: (statistics.median((_box(w).top + _box(w).bottom) / 2 for w in ws),
                             _box(ws[0]).x0))
    return _merge_fragments(out)


def _merge_fragments(rows: list[list[Word]]) -> list[list[Word]]:
    """Join rows that lie on the same baseline but were chained apart (a word overlapping an earlier row)."""
    merged: list[list[Word]] = []
    for ws in rows:
        if merged:
            prev = merged[-1]
            pb = _span(prev)
            cb = _span(ws)
            if _overlap(pb, cb) >= 0.8 and not _x_overlaps(prev, ws):
                merged[-1] = sorted(prev + ws, key=lambda w: _box(w).x0)
                continue
        merged.append(ws)
    return merged


def _span(ws: list[Word]) -> Box:
    tops = sorted(_box(w).top for w in ws)
    bottoms = sorted(_box(w).bottom for w in ws)
    xs0 = min(_box(w).x0 for w in ws)
    xs1 = max(_box(w).x1 for w in ws)
    return Box(xs0, statistics.median(tops), xs1, max(statistics.median(bottoms), statistics.median(tops)))


def _x_overlaps(a: list[Word], b: list[Word]) -> bool:
    return any(_box(x).x0 < _box(y).x1 and _box(y).x0 < _box(x).x1 for x in a for y in b)


def em_size(words: list[Word]) -> float:
    """The line's font size, from word heights and average character width (robust to OCR ink boxes)."""
    chars = sum(len(w.text) for w in words)
    width = sum(_box(w).x1 - _box(w).x0 for w in words)
    if chars and width > 0:
        return (width / chars) / 0.55  # an average glyph is ~0.55 em wide
    heights = [_box(w).bottom - _box(w).top for w in words]
    return statistics.median(heights) if heights else 10.0


def split_cells(words: list[Word], em: float | None = None) -> tuple[Cell, ...]:
    """Cut a row (sorted by x) into cells at gaps wider than CELL_GAP_EM."""
    if not words:
        return ()
    em = em or em_size(words)
    groups: list[list[Word]] = [[words[0]]]
    for prev, w in zip(words, words[1:]):
        gap = _box(w).x0 - _box(prev).x1
        if gap > CELL_GAP_EM * em:
            groups.append([w])
        else:
            groups[-1].append(w)
    cells = []
    for g in groups:
        text = g[0].text
        for prev, w in zip(g, g[1:]):
            gap = _box(w).x0 - _box(prev).x1
            text += ("" if gap < JOIN_GAP_EM * em else " ") + w.text
        cells.append(Cell(text, _box(g[0]).x0, _box(g[-1]).x1, tuple(g)))
    return tuple(cells)


def lines_from_words(words: list[Word], page: int, method: str) -> list[Line]:
    """Group a page's words into numbered lines (1-based, top to bottom) whose cells are table columns.

    Line numbers count printed line slots: where the vertical space between two lines holds
    an empty line, the number skips one (or more), so a blank line shows as a gap in the
    numbers just as in a text report. Line.text joins cells with two spaces, so `read_text.split_cells(line.text)` gives the
    same cells as a text report would.
    """
    words = [w for w in words if w.text.strip()]
    rows = group_rows(words)
    lines = []
    for number, row in zip(line_numbers(rows, method), rows):
        row.sort(key=lambda w: _box(w).x0)
        cells = split_cells(row)
        text = "  ".join(c.text for c in cells)
        lines.append(Line(page, number, text, cells, method))
    log.debug("page %d: %d words -> %d lines", page, len(words), len(lines))
    return lines


def _row_size(row: list[Word], method: str) -> float:
    """The row's font size: pdfplumber boxes are font-size high; OCR ink boxes are not, so use glyph widths."""
    if method == "pdf":
        return statistics.median(_box(w).bottom - _box(w).top for w in row) or 1.0
    return em_size(row) or 1.0


def line_numbers(rows: list[list[Word]], method: str = "pdf") -> list[int]:
    """1-based numbers for rows sorted top to bottom, skipping one per empty line between them.

    The distance between two rows' middles, over the larger of their font sizes, is compared
    with the page's plain line pitch (a low quantile of those ratios); a gap of BLANK_PITCH times that or more holds
    round(ratio - 1) empty lines (at least one, at most MAX_SKIP).
    """
    if not rows:
        return []
    mids = [statistics.median((_box(w).top + _box(w).bottom) / 2 for w in r) for r in rows]
    sizes = [_row_size(r, method) for r in rows]
    ratios = [(mids[i] - mids[i - 1]) / max(sizes[i], sizes[i - 1]) for i in range(1, len(rows))]
    usual = sorted(r for r in ratios if r > 0.5)
    # the page's plain line pitch: a low quantile, since a page may have blank lines between
    # most of its lines; never more than a generous 1.6 em leading
    pitch = min(usual[len(usual) // 5], MAX_PITCH) if usual else MAX_PITCH
    numbers = [1]
    for r in ratios:
        skip = 0
        if r >= BLANK_PITCH * pitch:
            skip = min(MAX_SKIP, max(1, round(r / pitch - 1)))
        numbers.append(numbers[-1] + 1 + skip)
    return numbers
