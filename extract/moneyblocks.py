"""Per-initiative money in the Förvaltningsberättelse, and year lists outside the statements.

"SamCoach / Beviljade medel 2024 775 000 kr / Förbrukade medel 775 000 kr / Ej förbrukade
medel 0" becomes three budget-statement rows labelled "SamCoach: …". A list such as
"(tkr) Medelstilldelning / 2020 2 838 / 2021 2 838 …" becomes overview rows per year.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex
from arsred.extract.amounts import Amount, is_amount_token, segment
from arsred.extract.document import Line
from arsred.extract.sections import YEAR, fold
from arsred.extract.tables import declared_unit
from arsred.normalize.facts import UNITS
from rapidfuzz import fuzz

# (folded phrase, column) — the lines of a money block
BLOCK_LINES = (
    ("beviljade medel", "budget"), ("forbundets medfinansiering", "budget"), ("beviljat belopp", "budget"),
    ("budgeterade medel", "budget"), ("tilldelade medel", "budget"),
    ("forbrukade medel", "utfall"), ("utbetalda medel", "utfall"), ("nyttjade medel", "utfall"),
    ("utbetalt", "utfall"), ("forbrukat", "utfall"),
    ("ej forbrukade medel", "avvikelse"), ("kvarvarande medel", "avvikelse"), ("aterstaende medel", "avvikelse"),
    ("aterstar", "avvikelse"),
)


@dataclass(frozen=True)
class BlockRow:
    initiative: str
    label: str             # the line's own label, e.g. "Beviljade medel 2024"
    column: str
    period: int | None
    amount: Amount
    line: Line
    unit: str


def _block_kind(text: str) -> tuple[str, str, int] | None:
    """(phrase, column, words consumed) when the line opens with a block label."""
    words = fold(text.replace("|", " ")).split()
    for phrase, column in BLOCK_LINES:
        n = len(phrase.split())
        head = " ".join(words[:n])
        if head == phrase or (len(head) > 8 and fuzz.ratio(head, phrase) >= 85):
            if phrase.startswith("forbrukade") and words[:1] == ["ej"]:
                continue
            if n == 1 and not regex.match(r"^\W*\w+\s*:", text):
                continue                      # a lone "Utbetalt"/"Återstår" counts only as "Utbetalt: …"
            return phrase, column, n
    return None


def _amount_after(text: str) -> tuple[str, Amount | None]:
    toks = [t for t in text.replace("|", " ").split()]
    while toks and fold(toks[-1]) in ("kr", "kronor", "sek", "tkr"):
        toks.pop()
    k = len(toks)
    while k > 0 and is_amount_token(toks[k - 1]):
        k -= 1
    if k < len(toks) - 1 and YEAR.fullmatch(toks[k]):
        k += 1                                   # "Beviljade medel 2024 775 000": the year labels the line
    seg = segment(toks[k:], None) if toks[k:] else None
    amount = seg[1][-1] if seg and seg[1] and len([a for a in seg[1] if a]) == 1 else None
    return " ".join(toks[:k]), amount


INLINE_SPLIT = regex.compile(r"(?<=\d|kr|tkr|kronor)\s*[.;]\s+(?=\S)", regex.I)


def _segments(text: str) -> list[str]:
    """A line's block statements: one, or several written inline ("Beviljat belopp: 450 000 kr.
    Utbetalt: 430 500 kr. Återstår: 19 500 kr.")."""
    parts = [p.strip().rstrip(".") for p in INLINE_SPLIT.split(text) if p.strip()]
    return parts if len(parts) > 1 and all(_block_kind(p) for p in parts) else [text]


def find_money_blocks(lines: list[Line], fiscal_year: int | None) -> list[BlockRow]:
    out: list[BlockRow] = []
    last_block_end = -1
    current, used = "", set[str]()
    for i, line in enumerate(lines):
        if not _block_kind(line.text):
            continue
        for text in _segments(line.text):
            kind = _block_kind(text)
            if not kind:
                continue
            label_text, amount = _amount_after(text.replace(":", " "))
            unit = "tkr" if regex.search(r"\btkr\b", text, regex.I) else "kr"
            value_line = line
            if amount is None:
                for nxt in lines[i + 1: i + 4]:
                    if _block_kind(nxt.text):
                        break
                    rest, amt = _amount_after(nxt.text)
                    if amt is not None and not rest.strip():
                        amount, value_line = amt, nxt
                        break
            if amount is None:
                continue
            if current and i - last_block_end <= 6 and kind[1] not in used:
                initiative = current
            else:
                initiative, used = _initiative(lines, i, last_block_end), set[str]()
            if not initiative:
                continue
            current = initiative
            used.add(kind[1])
            year = YEAR.search(label_text)
            label = " ".join(label_text.replace("|", " ").split())
            out.append(BlockRow(initiative, label, kind[1], int(year.group()) if year else fiscal_year,
                                amount, value_line, unit))
            last_block_end = i
    return out


def _initiative(lines: list[Line], i: int, floor: int) -> str:
    """The heading above a block: short, capitalised, after a blank, not a sentence."""
    start = max(floor + 1, i - 80)
    for j in range(i - 1, start - 1, -1):
        text = lines[j].text.strip().strip("|").strip()
        if _looks_like_title(text) and _blank_before(lines, j) and not _lowercase_after(lines, j):
            return ASIDE.sub("", text).strip()
    return ""


# "(numer Samverkansteamet Sollefteå)", "(tidigare …)": an aside about the name, not part of it
ASIDE = regex.compile(r"\s*\((?:numer|tidigare|f\.?\s?d\.?|fd|även kallad)\b[^)]*\)", regex.I)


def _looks_like_title(text: str) -> bool:
    words = text.split()
    return (0 < len(words) <= 8 and len(text) <= 70 and text[:1].isupper() and ":" not in text
            and not text.endswith((".", ",", ";", "-")) and not _block_kind(text)
            and not any(t.isdigit() for t in words))


def _blank_before(lines: list[Line], j: int) -> bool:
    return j == 0 or lines[j - 1].number < lines[j].number - 1 or lines[j - 1].page != lines[j].page


def _lowercase_after(lines: list[Line], j: int) -> bool:
    if j + 1 >= len(lines) or lines[j + 1].number > lines[j].number + 1:
        return False
    nxt = lines[j + 1].text.strip()
    return nxt[:1].islower()


@dataclass(frozen=True)
class YearListRow:
    title: str
    period: int
    amount: Amount
    line: Line
    unit: str


def find_year_lists(lines: list[Line]) -> list[YearListRow]:
    """A titled list whose rows are 'YEAR AMOUNT' (e.g. allocations by year).

    Each line is read as a row once, and where each run of rows ends is known up front,
    so the work is linear in the lines (thousands of year-like lines took quadratic time)."""
    out: list[YearListRow] = []
    parsed = [_year_row(line) for line in lines]
    run_end = list(range(len(lines) + 1))          # the first line at or after k that is not a row
    for k in range(len(lines) - 1, -1, -1):
        if parsed[k] is not None:
            run_end[k] = run_end[k + 1]
    i = 0
    while i < len(lines):
        title_line = lines[i]
        j = run_end[i + 1]
        title = title_line.text.strip()
        unit = declared_unit(title) if j - (i + 1) >= 3 else None
        if unit is not None and unit in UNITS and len(title.split()) <= 6:     # billions (mdkr): no fact's unit
            name = regex.sub(r"\(\s*[tm]?kr\s*\)|\b[tm]?kr\b|belopp i", "", title, flags=regex.I).strip(" .:")
            for k in range(i + 1, j):
                period, amount = parsed[k]  # type: ignore[misc]
                out.append(YearListRow(name, period, amount, lines[k], unit))
            i = j
        else:
            i += 1
    return out


def _year_row(line: Line) -> tuple[int, Amount] | None:
    """'YEAR AMOUNT' -> (year, amount), else None."""
    toks = line.text.split()
    if len(toks) >= 2 and YEAR.fullmatch(toks[0]):
        seg = segment(_leading_amount_tokens(toks[1:]), None)
        if seg and seg[1] and seg[1][0] is not None:
            return int(toks[0]), seg[1][0]
    return None


def _leading_amount_tokens(toks: list[str]) -> list[str]:
    out: list[str] = []
    for t in toks:
        if not is_amount_token(t):
            break
        if out and t.startswith("("):
            break
        out.append(t)
        if t.endswith("*") or "%" in t:
            break
    return out
