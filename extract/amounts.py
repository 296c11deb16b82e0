"""Swedish printed amounts: `2 832`, `1 236,30`, `- 17 329`, `−2 650`, `(75)`, `0,00`, `20 114*`.

Two jobs: read one cell as one amount (`parse_amount`), and cut a run of space-separated
tokens into amounts when the layout merged columns (`segment`). The thousands space is
ambiguous there (`-1900 -2 095 195` is three amounts, not two); `segment` resolves it with
the number of columns the table's header declares, never by guessing per token.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import regex

MAX_DIGITS = 18                # more digits before the decimal comma is not an amount (bounds the work too)
MINUS = "-−–—"
# hyphens web pages and PDFs print as minus signs ('‑672 783': U+2011, also U+2010/2012, small and full-width
# hyphen-minus), translated to '-' by the readers: left as they are, a row's figures go unread and its sums fail
HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\ufe63": "-", "\uff0d": "-"})
_SIGN = f"[{MINUS}+±]"
# footnote marks stuck to a figure: 20 114*, 2 534%** (a bare trailing % is a percentage)
_MARKS = r"(?:\*+|%\*+|\*+%?)"
_NUMBER = regex.compile(
    rf"""^(?P<open>\()?\s*(?P<sign>{_SIGN})?\s*(?P<open2>\()?
         (?P<int>\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}}){{1,5}}|\d{{1,{MAX_DIGITS}}})
         (?:,(?P<dec>\d+))?
         (?P<close>\))?(?P<marks>{_MARKS})?$""",
    regex.X,
)
_TOKEN_NUM = regex.compile(rf"^\(?{_SIGN}?\(?\d{{1,{MAX_DIGITS}}}(?:,\d+)?\)?{_MARKS}?$")
_GROUP3 = regex.compile(rf"^\d{{3}}(?:,\d+)?\)?{_MARKS}?$")
_HEAD = regex.compile(rf"^\(?{_SIGN}?\(?\d{{1,3}}$")
EMPTY_MARKS = {"-", "–", "—", "−", "..", "…"}
NOISE = {"|", "||", "¦", "[", "]"}


@dataclass(frozen=True)
class Amount:
    """One printed figure. `value` is as printed (sign included), in the table's unit."""

    printed: str
    value: Decimal
    decimals: int
    marks: str = ""
    parenthesised: bool = False

    @property
    def is_small_int(self) -> bool:
        return self.decimals == 0 and 0 < self.value < 100 and not self.parenthesised \
            and self.printed.strip().isdigit()


def parse_amount(text: str) -> Amount | None:
    """One cell to one amount, or None when the cell is not a plain amount (`-` means nothing)."""
    s = " ".join(text.split())
    if not s or s in EMPTY_MARKS:
        return None
    m = _NUMBER.match(s)
    if not m:
        return None
    opened = bool(m["open"] or m["open2"])
    if opened != bool(m["close"]):
        return None
    digits = regex.sub(r"[ \u00a0\u202f]", "", m["int"])
    if len(digits) > 1 and digits.startswith("0") and " " not in m["int"]:
        return None                       # "0123" is a code, not an amount
    dec = m["dec"] or ""
    value = Decimal(f"{digits}.{dec}" if dec else digits)
    negative = bool(m["sign"] and m["sign"] in MINUS) or opened
    if negative:
        value = -value
    printed = s[: m.start("marks")] if m["marks"] else s
    return Amount(printed.strip(), value, len(dec), m["marks"] or "", opened)


def is_amount_token(token: str) -> bool:
    """Could this whitespace token be (part of) an amount? Used to find where a label ends."""
    return bool(_TOKEN_NUM.match(token)) or token in EMPTY_MARKS or token in NOISE


def _is_continuation(token: str) -> bool:
    return bool(_GROUP3.match(token))


MAX_TOKENS_PER_AMOUNT = 6      # sign, head and four thousands groups
MAX_READINGS = 5000
MAX_AMOUNTS_PER_ROW = 40       # a longer run of numbers is not a table row (and would recurse once per amount)


@lru_cache(maxsize=65536)
def _readings(tokens: tuple[str, ...], start: int, count: int) -> tuple[tuple[Amount | None, ...], ...]:
    left = len(tokens) - start
    if count == 0:
        return ((),) if left == 0 else ()
    if left < count or left > count * MAX_TOKENS_PER_AMOUNT:
        return ()
    out: list[tuple[Amount | None, ...]] = []
    for width, amount in _heads(tokens, start):
        for rest in _readings(tokens, start + width, count - 1):
            out.append((amount, *rest))
            if len(out) >= MAX_READINGS:
                return tuple(out)
    return tuple(out)


def _heads(tokens: tuple[str, ...], start: int) -> list[tuple[int, Amount | None]]:
    """The amounts that can start at `start`, with how many tokens each takes."""
    first = tokens[start]
    out: list[tuple[int, Amount | None]] = []
    if first in EMPTY_MARKS:
        out.append((1, None))
        nxt = tokens[start + 1] if start + 1 < len(tokens) else ""
        if not (_HEAD.match(nxt) or _TOKEN_NUM.match(nxt)):
            return out
    for j in range(start + 1, min(len(tokens), start + MAX_TOKENS_PER_AMOUNT) + 1):
        if j - start > 1 and not _is_continuation(tokens[j - 1]) and not (
                first in EMPTY_MARKS and j - start == 2):
            break
        if first in EMPTY_MARKS and j - start == 1:
            continue
        amt = _join(tokens[start:j])
        if amt is not None:
            out.append((j - start, amt))
    return out


def _join(tokens: tuple[str, ...]) -> Amount | None:
    if len(tokens) > 1 and any(t.endswith(("*", "%", ")")) or "," in t for t in tokens[:-1]):
        return None
    return parse_amount(" ".join(tokens))


def _spread(seq: tuple[Amount | None, ...]) -> float:
    """How unlike each other the amounts' magnitudes are: columns hold figures of one kind."""
    sizes = sorted(len(str(abs(a.value)).split(".")[0]) for a in seq if a is not None and a.value != 0)
    if not sizes:
        return 0.0
    median = sizes[len(sizes) // 2]
    return float(sum(abs(s - median) for s in sizes))


def segment(tokens: list[str], expected: int | None = None, allow_note: bool = False,
            note_fits: Callable[[int], bool | None] | None = None) -> tuple[int | None, list[Amount | None]] | None:
    """Cut tokens into amounts; return (note reference or None, amounts).

    With `expected` (the header's column count) only readings with exactly that many
    amounts (one more when the first is a note reference) are accepted; among them the
    one whose magnitudes agree best wins. Without it, the conventional reading (every
    3-digit group after a 1–3 digit head joins it) is used. None when nothing fits.

    `1 204 987` under "Not 2019 2018" is note 1 + 204 + 987 or 1 204 + 987: `note_fits`
    (does note N exist, and is it about this row?) settles it when it knows; True keeps
    only the note reading, False drops it, None leaves it to the magnitudes.
    """
    toks = tuple(t for t in tokens if t not in NOISE)
    if not toks or len(toks) > MAX_AMOUNTS_PER_ROW * MAX_TOKENS_PER_AMOUNT or (expected or 0) >= MAX_AMOUNTS_PER_ROW:
        return None
    if expected is None:
        for k in range(1, min(len(toks), MAX_AMOUNTS_PER_ROW) + 1):
            readings = _readings(toks, 0, k)
            if readings:
                return _split_note(readings[0], allow_note, None)
        return None
    candidates: list[tuple[float, int, int | None, list[Amount | None]]] = []
    for r in _readings(toks, 0, expected):
        candidates.append((_spread(r), 1, None, list(r)))
    if allow_note:
        for r in _readings(toks, 0, expected + 1):
            if r[0] is not None and r[0].is_small_int:
                fits = note_fits(int(r[0].value)) if note_fits else None
                if fits is False:
                    continue
                if fits is True:
                    candidates = [c for c in candidates if c[2] is not None]
                candidates.append((_spread(r[1:]) - (100 if fits else 0), 0, int(r[0].value), list(r[1:])))
    if not candidates:
        return None
    candidates.sort(key=lambda c: (c[0], c[1]))
    _, _, note, amounts = candidates[0]
    return note, amounts


def readings(tokens: list[str], expected: int, allow_note: bool = False) -> list[tuple[int | None, list[Amount | None]]]:
    """Every reading with the header's column count (a note reference split off where allowed)."""
    toks = tuple(t for t in tokens if t not in NOISE)
    if len(toks) > MAX_AMOUNTS_PER_ROW * MAX_TOKENS_PER_AMOUNT or expected >= MAX_AMOUNTS_PER_ROW:
        return []
    out: list[tuple[int | None, list[Amount | None]]] = [(None, list(r)) for r in _readings(toks, 0, expected)]
    if allow_note:
        out += [(int(r[0].value), list(r[1:])) for r in _readings(toks, 0, expected + 1)
                if r[0] is not None and r[0].is_small_int]
    return out


def _split_note(reading: tuple[Amount | None, ...], allow_note: bool,
                expected: int | None) -> tuple[int | None, list[Amount | None]]:
    if allow_note and len(reading) > 1 and reading[0] is not None and reading[0].is_small_int:
        return int(reading[0].value), list(reading[1:])
    return None, list(reading)
