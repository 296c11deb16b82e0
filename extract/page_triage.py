"""Which scanned pages need full-quality OCR: judged from a cheap first reading (issue 14).

OCR is the cost of an archive: most pages of an årsredovisning are prose, pictures and
signatures, and the figures and goals sit on a handful of them. `--ocr-effort auto` reads
every scanned page cheaply (extract.ocr, at `[cheap] dpi`), and this module decides from
that reading which pages are read again at full quality: pages that open or continue a
statement, note or goal section, pages with figure lines, and pages whose cheap reading is
too doubtful to tell. The rules' words and thresholds are data (`data/page_triage.toml`,
with the headings of `headings.toml` and the goal words of `goal_phrases.toml`).
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from arsred.extract.document import Line

FULL = "full"
CHEAP = "cheap"


@dataclass(frozen=True)
class Verdict:
    """The pass a page gets, why, and the section kind it leaves open for the next page."""

    effort: str              # "full" | "cheap"
    reason: str
    section: str | None      # statement kind or "goal" open at the page's end; "other" or None


@lru_cache(maxsize=1)
def config() -> dict:
    with resources.files("arsred.extract").joinpath("data/page_triage.toml").open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def _patterns() -> tuple[regex.Pattern, regex.Pattern]:
    fig = config()["figures"]
    return regex.compile(fig["amount"], regex.I), regex.compile(fig["year"])


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
    if kind == "other" and (words[:1].isupper() or numbered):
        return "other"
    if kind:
        return kind
    goal, not_goal = _goal_words()
    tokens = fold(words).split()
    if words[:1].isupper() and not words.endswith((".", ",")) and any(t in goal for t in tokens) \
            and not any(t in not_goal for t in tokens):
        return "goal"
    return None


def _goal_cell(line: Line) -> bool:
    from arsred.extract.sections import fold
    goal, _ = _goal_words()
    return any(fold(c.text) in goal for c in line.cells)


def triage_page(lines: list[Line], confidence: float, n_words: int, open_section: str | None,
                failed: bool = False) -> Verdict:
    """The pass one page needs, from its cheap reading; `open_section` is what the previous page left open."""
    section = open_section
    kinds = [k for k in (_heading_kind(ln) for ln in lines) if k]
    if kinds:
        section = kinds[-1]
    if failed:
        return Verdict(FULL, "the cheap pass failed", section)
    unsure = config()["unsure"]
    if n_words and confidence < float(unsure["confidence"]):
        return Verdict(FULL, f"cheap reading too doubtful (mean confidence {confidence:.2f})", section)
    if 0 < n_words < int(unsure["min_words"]):
        return Verdict(FULL, f"only {n_words} words read", section)
    heads = [k for k in kinds if k != "other"]
    if heads:
        return Verdict(FULL, f"{heads[0]} heading", section)
    figures = sum(figure_line(ln) for ln in lines)
    if figures >= int(config()["figures"]["min_lines"]):
        return Verdict(FULL, f"{figures} figure lines", section)
    if any(_goal_cell(ln) for ln in lines):
        return Verdict(FULL, "goal table cells", section)
    if open_section and open_section != "other" and not kinds and (figures or open_section == "goal"):
        return Verdict(FULL, f"continues the {open_section} section", section)
    return Verdict(CHEAP, "prose", section)
