"""Amounts stated in running text, tied to the statement items they describe.

"För 2022 fick förbundet driftbidrag från medlemmarna med 3 754 000 kronor" states the
Resultaträkning's verksamhetens intäkter in other words; "ett eget kapital på 569 043
kronor" the balance sheet's equity. Only plain statements are read: a keyword, then the
first figure after it with nothing but words in between (no other number, no "ökning",
"ca", "budget"…), in a sentence that names at most one year and not in a clause about a
forecast, plan or budget ("Prognosen för helåret är ett underskott om 452 tkr", "beräknas
uppgå till"). Table rows (lines that carry facts, or laid out in columns) are not prose. Compared as magnitudes (an "underskott på 664 000" is −664 tkr).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from arsred.extract.document import Line
from arsred.normalize.facts import CheckResult
from arsred.normalize.reconcile.checks import CheckDef, Context, Term, fmt_sek, fold, holds, result

# target: (keyword pattern on folded text, alternatives of term lists; the first present decides
# the statement a failure is reported under)
TARGETS: dict[str, tuple[str, list[list[str]]]] = {
    "intakter": (r"\b(?:driftsbidrag\w*|driftbidrag\w*|medlemsbidrag\w*|tilldelning(?:en)?)\b",
                 [["+rr.verksamhetens_intakter"], ["+ov.verksamhetens_intakter"], ["+ov.medlemsbidrag"],
                  ["+dr.driftbidrag@utfall_intakt"], ["+dr.driftbidrag"]]),
    "resultat": (r"\b(?:overskott|underskott|arets resultat|resultatet)\b",
                 [["+rr.arets_resultat"], ["+ov.arets_resultat"]]),
    "eget_kapital": (r"\beg(?:et|na) kapital(?:et)?\b",
                     [["+br.summa_eget_kapital"], ["+br.arets_resultat", "+br.ovrigt_eget_kapital"],
                      ["+ov.eget_kapital"]]),
}
# what a figure includes ('I resultatet ingår …'): a part of it, not the figure
PART = r"\binga(?:r|tt)\b|\bingick\b"
STOP_RE = re.compile(r"okning|minskning|sankning|hojning|forandring|skillnad|varav|jamfor|budget|prognos|"
                     r"berakna|forvanta|planera|uppskatta|kommer att|"
                     r"\bca\b|cirka|drygt|knappt|nastan|omkring|ungefar|forfog|tillsammans|procent|%|"
                     r"motsvar|ytterligare|kvar|ingaende|gick in|beviljade|ansok|per\b|" + PART)
# a forecast, plan or budget is not the actual figure: such a word in the clause before the keyword
# ("Prognosen för helåret är ett underskott om 452 tkr", "budgeterat underskott om 1 605 tkr")
FORECAST_RE = re.compile(r"prognos|budget|berakna|forvanta|planera|uppskatta|kommer att|\bska\b|\bskall\b")
# what a figure includes is a part of it, not the figure: a keyword after such a word in its clause
# ("I resultatet ingår överskott från exploateringsverksamheten med 5,0 mnkr") names the part
PART_RE = re.compile(PART)
AFTER_RE = re.compile(r"\s*(?:\w+\s)?(?:samre|battre|hogre|lagre|mer|mindre|over|under|jamfort|"
                      r"i forhallande|mot budget|per\b)")
AMOUNT_RE = re.compile(r"(-\s?)?(\d{1,3}(?:[ \u00a0]\d{3}){1,3}|\d+)(?:,(\d+))?\s*"
                       r"(miljoner kronor|tusen kronor|mnkr|mkr|tkr|kronor|kr\b|sek\b)?")
UNIT_FACTOR = {"miljoner kronor": 1_000_000, "mnkr": 1_000_000, "mkr": 1_000_000, "tusen kronor": 1_000,
               "tkr": 1_000, "kronor": 1, "kr": 1, "sek": 1, None: 1}
YEAR_RE = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
PREFIX_STATEMENT = {"rr": "resultatrakning", "br": "balansrakning", "kf": "kassaflodesanalys",
                    "ov": "oversikt", "bk": "balanskrav", "dr": "driftredovisning", "not": "noter",
                    "bu": "budget"}


@dataclass(frozen=True)
class ProseAmount:
    target: str
    period: int
    value_sek: float
    tolerance_sek: float
    text: str
    page: int
    line: int


# a line laid out in columns (a tab, or a wide gap before a figure) is a table row, not prose,
# even where the extractor kept no fact of it (a forecast or plan column, an overview row)
TABLE_ROW_RE = re.compile(r"\S(?:\t|\s{3,})[-−–(]?\d")


def _sentences(lines: Sequence[Line], skip: set[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """Sentences of the running text with the page and line they start on."""
    out: list[tuple[str, int, int]] = []
    buf: list[str] = []
    start = (0, 0)
    for line in lines:
        text = line.text.strip()
        if not text or (line.page, line.number) in skip or TABLE_ROW_RE.search(text):
            if buf:
                out.append((" ".join(buf), *start))
                buf = []
            continue
        for part in re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])", text):
            if not buf:
                start = (line.page, line.number)
            buf.append(part)
            if re.search(r"[.!?]$", part):
                out.append((" ".join(buf), *start))
                buf = []
    if buf:
        out.append((" ".join(buf), *start))
    return out


def extract_prose(lines: Sequence[Line], fiscal_year: int | None,
                  fact_lines: set[tuple[int, int]] = frozenset()) -> list[ProseAmount]:  # type: ignore[assignment]
    out = []
    for sentence, page, number in _sentences(lines, set(fact_lines)):
        text = fold(sentence)
        for target, (pattern, _alts) in TARGETS.items():
            for m in re.finditer(pattern, text):
                clause = re.split(r"[,;:]", text[:m.start()])[-1]
                if FORECAST_RE.search(clause) or PART_RE.search(clause):
                    continue
                found = _amount_after(text, m.end())
                if found is None:
                    continue
                value, tol, span = found
                years = set(YEAR_RE.findall(text[:span[0]] + " " + text[span[1]:]))
                if len(years) > 1:
                    continue
                period = int(years.pop()) if years else fiscal_year
                if period is None:
                    continue
                out.append(ProseAmount(target, period, value, tol, sentence.strip(), page, number))
                break
    return out


def _amount_after(text: str, pos: int) -> tuple[float, float, tuple[int, int]] | None:
    rest = text[pos:pos + 80]
    digit = re.search(r"\d", rest)
    if digit is None or STOP_RE.search(rest[:digit.start()]):
        return None
    m = AMOUNT_RE.match(rest, digit.start())
    if m is None or (m[4] is None and " " not in m[2] and "\u00a0" not in m[2]):
        return None          # a bare number without unit or thousands groups is not an amount
    if digit.start() > 0 and rest[digit.start() - 1] == "-":
        return None
    if m[4] is None and re.match(r"\s*\d", rest[m.end():]):
        return None          # more figures follow: a table row, not a sentence
    if AFTER_RE.match(text[pos + m.end():pos + m.end() + 30]):
        return None          # "1,2 mkr sämre än budget": a difference, not the amount itself
    integer = int(re.sub(r"\D", "", m[2]))
    decimals = m[3] or ""
    factor = UNIT_FACTOR[m[4]]
    value = (integer + (int(decimals) / 10 ** len(decimals) if decimals else 0)) * factor
    if value < 1000:
        return None
    tol = 0.5 * factor / 10 ** len(decimals)
    return value, tol, (pos + m.start(), pos + m.end())


def run_prose(check: CheckDef, ctx: Context) -> list[CheckResult]:
    if not ctx.lines:
        return []
    if "prose" not in ctx.memo:
        fact_lines = {(f.page, f.line) for f in ctx.facts}
        ctx.memo["prose"] = extract_prose(ctx.lines, ctx.fiscal_year, fact_lines)
    out = []
    for p in ctx.memo["prose"]:
        alternatives = TARGETS[p.target][1]
        evaluated = []
        for alt in alternatives:
            terms = [Term.parse(t) for t in alt]
            # a figure read from the text itself (source text) is no statement line: text against text proves nothing
            facts = [f if f is not None and f.source == "table" else None
                     for f in (ctx.get(t.item, p.period, t.column) for t in terms)]
            if any(f is None for f in facts):
                continue
            value = sum(f.value_sek for f in facts if f)
            tol = sum(f.tolerance_sek for f in facts if f)
            evaluated.append((holds(p.value_sek, p.tolerance_sek, abs(value), tol), value, tol,
                              [f for f in facts if f], terms))
        excerpt = p.text if len(p.text) < 140 else p.text[:137] + "…"
        if not evaluated:
            statement = PREFIX_STATEMENT[alternatives[0][0][1:].split(".")[0]]
            out.append(result(ctx, check, statement, p.period, "utfall", "skipped",
                              f"text p.{p.page} l.{p.line} states {fmt_sek(p.value_sek)} but no statement "
                              f"line for {p.target} {p.period}: “{excerpt}”"))
            continue
        ok, value, tol, used, _terms = next((e for e in evaluated if e[0]), evaluated[0])
        statement = used[0].statement
        msg = (f"text p.{p.page} l.{p.line} states {fmt_sek(p.value_sek)} {'=' if ok else '≠'} "
               f"{' + '.join(f.label for f in used)} {fmt_sek(value)}: “{excerpt}”")
        out.append(result(ctx, check, statement, p.period, "utfall", "pass" if ok else "fail", msg,
                          expected=abs(value), actual=p.value_sek, tolerance=tol + p.tolerance_sek,
                          facts=used))
    return out
