"""Every reading the number grammar allows for the figures of one row.

A row's figures arrive as groups of text, one per source line (the tail of the label line,
then each line of figures below it). A group may hold several amounts separated by single
spaces — where a space is also the thousands separator — or, in a glued layout, amounts
with no separator at all (`16 0435 3905 327` = note 1, 6 043, 5 390, 5 327). This module
does not choose: it lists each way to cut the groups into an optional note reference and
amounts, and each way to place k amounts in n columns; `settle` keeps the reading under
which the table adds up.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations

import regex
from arsred.extract.amounts import Amount

MAX_READINGS = 400        # per row: beyond this the row is reported as unreadable, not guessed
MAX_DIGITS = 15           # an amount of more digits is not an amount (no public body prints one)
SIGNS = "-−–—+"
_WS = " \u00a0\u202f"
# no note is numbered 0 or 05: '43,0' is a figure, never the notes 43 and 0
_NOTE_LIST = regex.compile(r"[1-9]\d?(?:\s*,\s*[1-9]\d?|\s+och\s+[1-9]\d?|\s*&\s*[1-9]\d?)+(?!\d)")
_NOTE_ONE = regex.compile(r"\d{1,2}")
_EMPTY = ("..", "…", "-", "–", "—", "−")
_CUT = regex.compile(r"(?:\d+,|,\d*)(?=[ \u00a0\u202f]|$)")      # '758,', ',0': what a transcript left of a figure


@dataclass(frozen=True)
class Token:
    """One figure (or an empty mark) cut from a group: where it stands and what it reads."""

    group: int
    start: int
    end: int
    amount: Amount | None          # None: an empty mark ('-'), a cell printed empty
    cut: bool = False              # a figure the transcript cut ('758,', ',0'): printed, but unreadable


@dataclass(frozen=True)
class Reading:
    note: str | None
    tokens: tuple[Token, ...]       # in printed order


@dataclass(frozen=True)
class Grammar:
    """How the table prints its figures (found from the table as a whole)."""

    glued: bool = False            # amounts may abut without a separator
    plain: bool = False            # long figures without thousands spaces ("1154,2", "12406")
    has_note: bool = False         # the header has a Not column
    cell_per_line: bool = False    # a flattened table: each line of figures is one cell
    dotted: bool = False           # thousands separated by dots ("1.214.100")
    cut: bool = False              # a figure cut by the transcript ('758,', ',0') may stand in a cell


def _amount_ends(s: str, p: int, grammar: Grammar) -> list[tuple[int, Amount]]:
    """Each amount that can start at p: (end, amount)."""
    out: list[tuple[int, Amount]] = []
    q = p
    sign = ""
    if q < len(s) and s[q] in SIGNS:
        sign = s[q]
        q += 1
        if q < len(s) and s[q] in _WS and q + 1 < len(s) and s[q + 1].isdigit():
            q += 1                               # "– 615 649": a minus standing apart
    paren = q < len(s) and s[q] == "("
    if paren:
        q += 1
    m = regex.match(r"\d+", s[q:])
    if not m:
        return out
    run = m.group()
    leads = [run] if not grammar.glued else [run[:k] for k in range(1, len(run) + 1)]
    for lead in leads:
        if len(lead) > 3 and not grammar.plain:
            continue
        if len(lead) > 1 and lead[0] == "0":
            continue
        if len(lead) > MAX_DIGITS:
            continue
        pos = q + len(lead)
        digits = lead
        while True:
            out.extend(_finish(s, p, pos, sign, paren, digits, grammar))
            # one more thousands group: a space and exactly three digits
            if len(lead) > 3 or len(digits) >= MAX_DIGITS:
                break
            g = regex.match(r"[.](\d{3})" if grammar.dotted else r"[ \u00a0\u202f](\d{3})", s[pos:])
            if not g:
                break
            after = pos + g.end()
            if not grammar.glued and after < len(s) and s[after].isdigit():
                break
            digits += g.group(1)
            pos = after
    return out


def _finish(s: str, p: int, pos: int, sign: str, paren: bool, digits: str, grammar: Grammar) -> list[tuple[int, Amount]]:
    """The amount ending at pos (optionally with decimals, a closing parenthesis, marks)."""
    out = []
    ends = [(pos, "")]
    d = regex.match(r",(\d{1,2})(?!\d)" if not grammar.glued else r",(\d{1,2})", s[pos:])
    if d:
        ends = [(pos + d.end(), d.group(1))] + ([] if not grammar.glued else [])
    for end, dec in ends:
        if paren:
            if end >= len(s) or s[end] != ")":
                continue
            end += 1
        while end < len(s) and s[end] == "*":
            end += 1
        if not _boundary(s, end, grammar) and not (dec and _signed_next(s, end)):
            continue                     # '125,8-87,3': a figure with decimals ends where a sign begins
        value = Decimal(f"{digits}.{dec}" if dec else digits)
        negative = (sign and sign != "+") or paren
        printed = s[p:end].strip().rstrip("*")
        out.append((end, Amount(printed, -value if negative else value, len(dec), "", paren)))
    return out


def _signed_next(s: str, end: int) -> bool:
    return end + 1 < len(s) and s[end] in SIGNS and s[end + 1].isdigit()


def _boundary(s: str, end: int, grammar: Grammar) -> bool:
    if end >= len(s) or s[end] in _WS:
        return True
    return grammar.glued and (s[end].isdigit() or s[end] in SIGNS or s[end] == "(")


def _items(s: str, p: int, grammar: Grammar, budget: int, memo: dict) -> list[tuple[tuple[int, int, Amount | None, bool], ...]]:
    """Every way to cut s[p:] into at most `budget` amounts and empty marks."""
    while p < len(s) and s[p] in _WS:
        p += 1
    if p >= len(s):
        return [()]
    if budget == 0:
        return []
    key = (p, budget)
    if key in memo:
        return memo[key]
    out: list[tuple[tuple[int, int, Amount | None, bool], ...]] = []
    for mark in _EMPTY:
        if s.startswith(mark, p):
            end = p + len(mark)
            if end >= len(s) or s[end] in _WS or (grammar.glued and not s[end].isdigit()):
                for rest in _items(s, end, grammar, budget - 1, memo):
                    out.append(((p, end, None, False), *rest))
    cut = _CUT.match(s, p) if grammar.cut else None
    if cut:
        for rest in _items(s, cut.end(), grammar, budget - 1, memo):
            out.append(((p, cut.end(), None, True), *rest))
    for end, amount in _amount_ends(s, p, grammar):
        for rest in _items(s, end, grammar, budget - 1, memo):
            out.append(((p, end, amount, False), *rest))
            if len(out) >= MAX_READINGS:
                break
    memo[key] = out
    return out


def _note_prefixes(s: str, grammar: Grammar) -> list[tuple[str, int]]:
    """Note references that may open a group: ('1', end), ('2, 3, 17', end)."""
    s0 = len(s) - len(s.lstrip())
    out = []
    m = _NOTE_LIST.match(s, s0)
    if m:
        out.append((m.group(), m.end()))
    for k in (1, 2):
        m1 = _NOTE_ONE.match(s, s0)
        if m1 and len(m1.group()) >= k:
            end = s0 + k
            digits = s[s0:end]
            if digits[0] == "0":
                continue
            if end < len(s) and s[end].isdigit() and not grammar.glued:
                continue
            if end < len(s) and s[end] == ",":
                continue
            out.append((digits, end))
    return list(dict.fromkeys(out))


def row_readings(groups: list[str], columns: int, grammar: Grammar) -> list[Reading]:
    """Every (note, figures) reading of a row's groups with at most `columns` figures."""
    budget = columns
    per_group: list[list[tuple[str | None, tuple[Token, ...]]]] = []
    note_allowed = grammar.has_note
    for g_index, s in enumerate(groups):
        options: list[tuple[str | None, tuple[Token, ...]]] = []
        starts: list[tuple[str | None, int]] = [(None, 0)]
        if note_allowed:
            starts += [(n, e) for n, e in _note_prefixes(s, grammar)]
        for note, start in starts:
            for items in _items(s, start, grammar, budget, {}):
                if grammar.cell_per_line and len(items) > 1:
                    continue
                if grammar.cell_per_line and note is not None and items and not (
                        len(items) == 1 and s[start:].lstrip(_WS)[:1] in SIGNS):
                    continue       # one cell a line, but '8-20,9': the note glued to a signed figure
                options.append((note, tuple(Token(g_index, a, b, amt, cut) for a, b, amt, cut in items)))
                if len(options) > MAX_READINGS:
                    break
        per_group.append(options)
        if s.strip():
            note_allowed = False          # only the row's first printed group may open with a note
    readings: list[Reading] = [Reading(None, ())]
    for options in per_group:
        nxt: list[Reading] = []
        for r in readings:
            for note, toks in options:
                if note is not None and (r.note is not None or r.tokens):
                    continue           # a note reference opens the row's figures, once
                if len(r.tokens) + len(toks) > columns:
                    continue
                nxt.append(Reading(note if note is not None else r.note, r.tokens + toks))
                if len(nxt) > MAX_READINGS:
                    return []
        readings = nxt
    return [r for r in readings if r.tokens or r.note is not None]


def placements(k: int, n: int) -> list[tuple[int, ...]]:
    """The ways k figures printed in order can stand in n columns."""
    if k > n:
        return []
    return list(combinations(range(n), k))
