"""Which parts of a scanned page need full-quality OCR: judged from a cheap first reading (issue 14).

OCR is the cost of an archive: most lines of an årsredovisning are prose, and the figures
sit in a few tables and money lines. `--ocr-effort auto` reads every scanned page cheaply
(extract.ocr, at `[cheap] dpi`), and this module decides from that reading what is read
again at full quality: the bands of a page's figure lines (with the table rows between them
and the column heads above) and of lines with an amount in their text, or the whole page when
the cheap reading cannot be judged or names a statement whose table it did not see (and, if
the table asks for it, when it holds goal content). Prose and goal text keep the cheap reading:
a page is never read whole twice. The rules' words and thresholds are data (`data/page_triage.toml`, with the headings of `headings.toml`
and the goal words of `goal_phrases.toml`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex
import tomllib
from arsred.extract.document import Line

FULL = "full"
GOAL_CONTENT = "goal content"
BANDS = "bands"
CHEAP = "cheap"


@dataclass(frozen=True)
class Verdict:
    """The pass a page gets, why, and which of its lines are read again at full quality."""

    effort: str              # "full" (the whole page again) | "bands" (the lines in `reread`) | "cheap"
    reason: str
    section: str | None      # the last statement kind or "goal" heading seen on the page; "other" or None
    reread: tuple[int, ...] = ()   # indexes of the page's lines whose band is read again (effort "bands")


@lru_cache(maxsize=1)
def config() -> dict:
    with resources.files("arsred.extract").joinpath("data/page_triage.toml").open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def _patterns() -> tuple[regex.Pattern, regex.Pattern]:
    fig = config()["figures"]
    return regex.compile(fig["amount"], regex.I), regex.compile(fig["year"])


@lru_cache(maxsize=1)
def _in_text() -> regex.Pattern:
    return regex.compile(config()["figures"]["in_text"])


def amount_in_text(line: Line) -> bool:
    """A line with an amount or a share inside its text (not a year alone): prose checks and goal outcomes
    read their figures from such lines, so they are read again at full quality."""
    year = _patterns()[1]
    return any(not year.match(m.group(0).strip()) for m in _in_text().finditer(line.text))


@lru_cache(maxsize=1)
def _leader() -> regex.Pattern:
    return regex.compile(config()["contents"]["leader"])


@lru_cache(maxsize=1)
def _goal_words() -> tuple[frozenset[str], frozenset[str]]:
    from arsred.extract.goals.vocabulary import load_phrases
    ph = load_phrases()
    words = set(ph.goal_words) | {w for w in config()["goals"]["words"]}
    return frozenset(words), frozenset(ph.not_goal_words)


def cheap_dpi() -> int:
    return int(config()["cheap"]["dpi"])


@lru_cache(maxsize=1)
def cheap_x_scale() -> float:
    return float(config()["cheap"].get("x_scale", 1.0))


def cheap_confidence_factor() -> float:
    return float(config()["cheap"]["confidence_factor"])


def is_amount(text: str) -> bool:
    amount, year = _patterns()
    t = text.strip()
    return bool(amount.match(t)) and not year.match(t)


def figure_line(line: Line) -> bool:
    """A line whose last cell ends in an amount: a table row or a money line ('Förbrukade medel  998 000 kr')."""
    cells = [c.text.strip() for c in line.cells if c.text.strip()]
    if not cells:
        return False
    amounts = [c for c in cells if is_amount(c)]
    if not amounts or not is_amount(cells[-1]):
        return False
    digits = sum(ch.isdigit() for ch in cells[-1])
    return len(amounts) >= 2 or (len(cells) >= 2 and digits >= 3)


def _heading_kind(line: Line) -> str | None:
    """'noter', a statement kind, 'goal', 'other', or None for a line that is no heading."""
    from arsred.extract.sections import classify_heading, fold, heading_text, is_toc_line, note_heading
    text = line.text.strip()
    if not text or len(text) > 90 or is_toc_line(line) or _leader().search(text):
        return None
    if note_heading(line):
        return "noter"
    words, numbered = heading_text(line)
    if not words or len(words.split()) > int(config()["goals"]["max_heading_words"]):
        return None
    if any(is_amount(tok) and not _patterns()[1].match(tok) for tok in words.split()):
        return None                      # amounts on the line: a table row, not a heading
    kind = classify_heading(words)
    goal, not_goal = _goal_words()
    tokens = regex.findall(r"\w+", fold(words))   # "måluppfyllelse," is a goal word too
    goalish = any(t in goal for t in tokens) and not any(t in not_goal for t in tokens)
    if kind == "other" and (words[:1].isupper() or numbered):
        # 'God ekonomisk hushållning, måluppfyllelse och ...' ends a statement and opens goals
        return "goal" if goalish else "other"
    if kind:
        return kind
    if words[:1].isupper() and not words.endswith((".", ",")) and goalish:
        return "goal"
    return None


def _goal_cell(line: Line) -> bool:
    """A cell that is a goal word alone: a goal table's column ('Måluppfyllelse') or a status ('Uppfyllt')."""
    from arsred.extract.sections import fold
    goal, _ = _goal_words()
    return any(fold(c.text) in goal for c in line.cells)


def rereads_figures(line: Line) -> bool:
    """A line read again at full quality: a figure line, or a label with an amount or a share in a later cell.

    A bare one- or two-digit number (a page number in the contents, a list number) is no figure.
    """
    if _leader().search(line.text):
        return False
    if figure_line(line):
        return True
    cells = [c.text.strip() for c in line.cells if c.text.strip()]
    return len(cells) >= 2 and any(is_amount(c) and (not c.isdigit() or len(c) >= 3) for c in cells[1:])


def _table_row(line: Line) -> bool:
    """A label and short cells beside it ('Maskiner och inventarier  0', 'Summa  (EE', 'Not  2024  2023'):
    a row of a table whatever the cheap reading made of its figures. A prose line is one cell."""
    cells = [c.text.strip() for c in line.cells if c.text.strip()]
    return len(cells) >= 2 and all(len(c) <= int(config()["bands"]["max_cell_chars"]) for c in cells[1:])


def figure_bands(lines: list[Line]) -> list[int]:
    """Indexes of the lines to read again: the tables around the figure lines, and lone figure lines.

    A table is a run of rows (a label and short cells) with at most a few other lines between
    them (headings such as 'Tillgångar', a wrapped label); a run with a figure line is read
    again whole, with the lines of several cells right above it (its column heads), rows whose figures the cheap reading garbled ('0'
    read 'o', '1 064' read 'EG') and subheadings.
    """
    gap, above = int(config()["bands"]["max_gap_lines"]), int(config()["bands"]["heads_above"])
    seeds = {k for k, ln in enumerate(lines) if rereads_figures(ln) or amount_in_text(ln)}
    rows = [k for k, ln in enumerate(lines) if k in seeds or _table_row(ln)]
    keep: set[int] = set()
    run: list[int] = []
    for k in rows + [len(lines) + gap + 1]:
        if run and k - run[-1] - 1 > gap:
            if seeds.intersection(run):
                first = run[0]
                while first > 0 and run[0] - first < above and len([c for c in lines[first - 1].cells
                                                                     if c.text.strip()]) >= 2:
                    first -= 1            # column heads, however long their cells ('Avvikelse 2022')
                keep.update(range(first, run[-1] + 1))
            run = []
        run.append(k)
    return sorted(keep)


def triage_page(lines: list[Line], confidence: float, n_words: int, failed: bool = False) -> Verdict:
    """The pass one page needs, from its cheap reading.

    The whole page is read again when the cheap reading cannot be judged (failed, doubtful,
    almost no words), when it holds goal content (a goal heading, a goal table's column or
    status), or when it names a statement or a note but shows no figure line (a table the
    cheap reading did not see); otherwise only the bands of its figure lines are (never a
    page with figures left at the cheap pass), and a page without figures keeps the cheap words.
    """
    kinds = [k for k in (_heading_kind(ln) for ln in lines) if k]
    section = kinds[-1] if kinds else None
    if failed:
        return Verdict(FULL, "the cheap pass failed", section)
    unsure = config()["unsure"]
    if n_words and confidence < float(unsure["confidence"]):
        return Verdict(FULL, f"cheap reading too doubtful (mean confidence {confidence:.2f})", section)
    if 0 < n_words < int(unsure["min_words"]):
        return Verdict(FULL, f"only {n_words} words read", section)
    if config()["goals"]["whole_page"] and ("goal" in kinds or any(_goal_cell(ln) for ln in lines)):
        # goal text decides a goal's status ('Målet är uppnått', a 'Måluppfyllelse' column): read at 100 dpi,
        # 7 of 12 statuses of corpus 002 were lost; each page is judged on its own, so a goal section
        # ends at the first page without goal content
        return Verdict(FULL, GOAL_CONTENT, section)
    heads = [k for k in kinds if k not in ("other", "goal")]
    bands = figure_bands(lines)
    if heads and not any(rereads_figures(lines[k]) for k in bands):
        return Verdict(FULL, f"{heads[0]} heading without a figure line in the cheap reading", section)
    if bands:
        why = f"{len(bands)} lines of figures" + (f" ({heads[0]} heading)" if heads else "")
        return Verdict(BANDS, why, section, tuple(bands))
    return Verdict(CHEAP, "no figures", section)
