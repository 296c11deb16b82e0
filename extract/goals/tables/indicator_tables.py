"""Indicator tables: per goal, measures with an outcome per year and a target (målvärde).

    Utfall 2014 Utfall 2015 Utfall 2016 Målvärde 2016
    Nämnden ska öka kundernas delaktighet          <- a goal: the section of the rows below
    Beläggningsgrad på dagverksamheter87 %84 %79 %94 %
    Nöjd Inflytande Index404036Minst index
    41                                             <- the target cell, wrapped

A header with outcome columns (`[indicator] outcome_columns`: "Utfall 2016") and a
benchmark column (`benchmark`: "Målvärde", "Riktmärke") opens the table. Each row is a
measure: its name, then the outcome cells, then the target ("Minst 72,3", "Max 13,2 %",
or one more cell). Cells a web page glued together ("404036", "67 04467 91669 001") are cut
into as many figures as the header has outcome columns, the cut whose figures are alike
in size (the number grammar of `extract.amounts` decides what a figure is). The newest
year's outcome is the outcome; "-" is a missing cell. Status is derived from outcome
against target ("Max" = lower is better); a row without an outcome is `ej_bedomt`.
"""
from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

import regex
from arsred.extract.amounts import parse_amount
from arsred.extract.document import Line
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.structure import Headings, is_furniture
from arsred.extract.goals.vocabulary import Phrases, fold

YEAR = regex.compile(r"(?:19|20)\d\d")
CELLS = regex.compile(r"[-–—\d][-–—\d\s,%]*$")
FOOTNOTE = regex.compile(r"\s*\d\)$")
MAX_CELLS = 6


def _header(text: str, ph: Phrases) -> list[int] | None:
    """Years of the outcome columns, in order, when the line is an indicator table's header."""
    f = fold(text)
    outs = [m for c in ph.outcome_columns for m in regex.finditer(regex.escape(c) + r"\s*((?:19|20)\d\d)?", f)]
    if len(outs) < 1 or not any(b in f for b in ph.benchmark):
        return None
    outs.sort(key=lambda m: m.start())
    return [int(m.group(1)) if m.group(1) else 0 for m in outs]


def _target_first(text: str, ph: Phrases) -> bool:
    """The header names its target column before its outcome columns ('Målvärde 2016 Utfall 2014 …')."""
    f = fold(text)
    bench = min((f.find(b) for b in ph.benchmark if b in f), default=-1)
    outs = min((f.find(c) for c in ph.outcome_columns if c in f), default=-1)
    return 0 <= bench < outs


def _cut(run: str, n: int) -> list[str] | None:
    """Glued cells -> n figures ('404036', 3 -> ['40', '40', '36']), or None when no cut is a figure each."""
    run = run.strip()
    if n <= 0:
        return [] if not run else None
    if n > MAX_CELLS or len(run) > 40:
        return None
    cuts = list(range(1, len(run)))
    best = None
    for ks in combinations(cuts, n - 1):
        parts = [run[a:b].strip() for a, b in zip((0,) + ks, ks + (len(run),))]
        amounts = [parse_amount(p) for p in parts]
        if any(a is None or a.value < 0 for a in amounts):
            continue
        sizes = [len(str(int(abs(a.value)))) for a in amounts]
        decs = {a.decimals for a in amounts}
        spread = max(sizes) - min(sizes) + (len(decs) - 1) * 2
        if best is None or spread < best[0]:
            best = (spread, parts)
    return best[1] if best else None


def _cells(run: str, n: int) -> list[str | None] | None:
    """'-91 %44 %' / '-8989' / '87 %84 %79 %' -> n cells, None for a '-' placeholder."""
    if "%" in run:
        parts = [p.strip() for p in regex.split(r"(?<=%)", run) if p.strip()]
        out: list[str | None] = []
        for p in parts:
            while p and p[0] in "-–—":
                out.append(None)
                p = p[1:].strip()
            if p:
                out.append(p.rstrip("% ").strip())
        return out if len(out) == n else None
    dashes = 0
    core = run.strip()
    while core and core[0] in "-–—":
        dashes += 1
        core = core[1:]
    while core and core[-1] in "-–—":
        core = core[:-1]
        dashes += 1
    figures = _cut(core, n - dashes) if core else []
    if figures is None:
        return None
    return [None] * dashes + list(figures) if run.strip()[:1] in "-–—" or not dashes else list(figures) + [None] * dashes


PERIOD = regex.compile(r"\s+(?:\p{L}{3}\.?\s+)?(?:19|20)\d\d(?:\s*/\s*(?:19|20)?\d\d)?$")
FIGURES = regex.compile(r"^[-–—]?\d[\d\s,%.-]*$")


def _list_header(text: str, ph: Phrases) -> list[int] | None:
    """Years of an indicator list's outcome columns ("Indikatorer … Utfall 2021 Utfall 2022 Period"), no target column."""
    f = fold(text)
    years = [int(y) for y in regex.findall(r"(?:" + "|".join(regex.escape(c) for c in ph.outcome_columns)
                                         + r")\s*((?:19|20)\d\d)", f)]
    words = set(regex.findall(r"\w+", f))
    return years if len(years) >= 2 and words & set(ph.indicator_columns) else None


def _values(text: str, n: int) -> list[str] | None:
    """'5,8% 6% 2022' / '106 114 2021/2022' -> the outcome cells (period dropped), at most n."""
    body = PERIOD.sub("", text).strip()
    if body == text.strip() or not FIGURES.match(body):
        return None
    if "%" in body:
        percent_cells = [c.strip().rstrip("%").strip() for c in regex.split(r"(?<=%)\s*", body) if c.strip()]
        return percent_cells if len(percent_cells) <= n else None
    toks = body.split()
    for k in range(min(n, len(toks)), 0, -1):
        cells = _cut(" ".join(toks), k)
        if cells:
            return cells
    return None


def _each_table(lines: list[Line], used: set[int], header: Callable[[str], list[int] | None],
                read: Callable[[int, list[int]], tuple[list[RawGoal], int]]) -> list[RawGoal]:
    """Every table opened by a header line (its outcome columns' years): `read` returns its goals and where it ends."""
    goals: list[RawGoal] = []
    i = 0
    while i < len(lines):
        years = header(lines[i].text) if i not in used else None
        if not years:
            i += 1
            continue
        used.add(i)
        found, i = read(i, years)
        goals += found
    return goals


def indicator_lists(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    """Measures on one line, their outcomes (and the period) on the next, goals as lines between."""
    trend = regex.compile(r"^(?:" + "|".join(w.capitalize() for w in ph.trend_words) + r")(?=\p{Lu})")

    def read(i: int, years: list[int]) -> tuple[list[RawGoal], int]:
        goals: list[RawGoal] = []
        newest_last = years == sorted(years)
        section = heads.at[i]
        texts = [" ".join(line.text.replace("\t", " ").split()) for line in lines]
        j = i + 1
        while j < len(lines):
            if not texts[j] or is_furniture(texts[j]):
                j += 1
                continue
            if j in used or _header(texts[j], ph) or _list_header(texts[j], ph):
                break
            k = j + 1
            while k < len(lines) and not texts[k]:
                k += 1
            values = _values(texts[k], len(years)) if k < len(lines) else None
            if values is None:
                if (regex.search(r"\d", texts[j]) and FIGURES.match(PERIOD.sub("", texts[j]).strip() or "x")
                        or not texts[j - 1]):
                    break       # figures without a measure, or text after a blank line: the table has ended
                section = texts[j]
                used.add(j)
                j += 1
                continue
            name = trend.sub("", texts[j])
            outcome = values[-1] if newest_last else values[0]
            unit = "%" if "%" in texts[k] else ("index" if "index" in fold(name) else "st")
            goals.append(RawGoal(section=section, goal=name, outcome=f"{outcome} {unit}", page=lines[j].page,
                                 line=lines[j].number, layout="indicator_list", confidence=0.8))
            used.update((j, k))
            j = k + 1
        return goals, j

    return _each_table(lines, used, lambda text: _list_header(text, ph), read)


def indicator_tables(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    comparators = "|".join(regex.escape(c) for c in ph.target_prefixes)

    def read(i: int, years: list[int]) -> tuple[list[RawGoal], int]:
        goals: list[RawGoal] = []
        newest = max(range(len(years)), key=lambda k: (years[k], k))
        first = _target_first(lines[i].text, ph)      # the target cell opens each row instead of closing it
        section = _section_above(lines, heads, i)
        j = i + 1
        while j < len(lines):
            text = _without_icons(" ".join(lines[j].text.replace("\t", " ").split()), ph)
            if not text:
                j += 1
                continue
            if j in used or _header(text, ph) or (j in heads.indices and not regex.search(r"\d", text)):
                if _header(text, ph) or j in heads.indices and not regex.search(r"\bska\b|\bskall\b", fold(text)):
                    break
            if YEAR.fullmatch(text) or is_furniture(text) and not regex.search(r"\d", text):
                used.add(j)
                j += 1
                continue
            row = _row_target_first(text, len(years), comparators) if first else _row(text, len(years), comparators)
            if row is None:
                if regex.search(r"\d", text):
                    break
                section = text          # a goal line: the measures below belong to it
                used.add(j)
                j += 1
                continue
            name, cells, target, unit = row
            if target is not None and not regex.search(r"\d", target) and j + 1 < len(lines):
                nxt = lines[j + 1].text.strip()
                if regex.fullmatch(r"[\d\s,]+%?", nxt):
                    target = f"{target} {nxt}"
                    used.add(j + 1)
            unit_word = "%" if unit == "%" or "%" in (target or "") else ("index" if "index" in fold(name + " " + (target or "")) else "st")
            outcome = cells[newest] if newest < len(cells) else None
            tgt = regex.sub(r"\s*%$", "", target or "").strip()
            goals.append(RawGoal(section=section, goal=name, target=f"{tgt} {unit_word}" if tgt else "",
                                 outcome=f"{outcome} {unit_word}" if outcome else "", page=lines[j].page,
                                 line=lines[j].number, layout="indicator_table", confidence=0.8))
            used.add(j)
            j += 2 if target is not None and j + 1 in used else 1
        return goals, j

    return _each_table(lines, used, lambda text: _header(text, ph), read)


def _section_above(lines: list[Line], heads: Headings, i: int) -> str:
    """The heading over the table at line i; the header line itself ('Mått Utfall Målvärde') names no section."""
    k = i
    while k > 0 and fold(heads.at[k]) == fold(" ".join(lines[i].text.split())):
        k -= 1
    return heads.at[k] if fold(heads.at[k]) != fold(" ".join(lines[i].text.split())) else ""


def _without_icons(text: str, ph: Phrases) -> str:
    """'Nyföretagande 21 20 open' -> 'Nyföretagande 21 20': the word a page printed for an icon (`[indicator] icon_words`)
    closes no cell and says nothing the text can read."""
    words = text.split()
    while len(words) > 1 and fold(words[-1]) in ph.icon_words and regex.search(r"\d", " ".join(words[:-1])):
        words.pop()
    return " ".join(words)


def _row_target_first(text: str, n: int, comparators: str) -> tuple[str, list[str | None], str | None, str] | None:
    """'Name Max 13,2 % - - 12,1 %' under a target-first header -> (name, outcome cells, target text, unit)."""
    m = regex.match(r"^(?P<name>.*?\p{L}[^\d]*?)\s*(?P<cmp>(?i:" + comparators + r")\s+)?(?P<cells>[-–—\d][-–—\d\s,%]*)$", text)
    if m is None or not regex.search(r"\p{L}", m.group("name")):
        return None
    cells = _cells(m.group("cells"), n + 1)
    if cells is None:
        return None
    target = cells[0]
    if target is not None and m.group("cmp"):
        target = f"{m.group('cmp').strip()} {target}"
    unit = "%" if "%" in m.group("cells") else ""
    return FOOTNOTE.sub("", m.group("name")).strip(" -–"), cells[1:], target, unit


def _row(text: str, n: int, comparators: str) -> tuple[str, list[str | None], str | None, str] | None:
    """'Name87 %84 %79 %94 %' -> (name, outcome cells, target text, unit); None when not a measure row."""
    f = fold(text)
    m = regex.search(r"(?:^|(?<=[\d\s%-]))(" + comparators + r")\b", f)
    head, target = (text[:m.start()], text[m.start():].strip()) if m else (text, None)
    run = CELLS.search(head)
    if run is None:
        return None
    name = head[:run.start()].rstrip()
    cells_text = run.group(0)
    if not name or not regex.search(r"\p{L}", name):
        return None
    unit = "%" if "%" in cells_text else ""
    want = n if target is not None else n + 1
    cells = _cells(cells_text, want)
    if cells is None:
        return None
    if target is None:
        target = cells[-1]
        cells = cells[:-1]
    name = FOOTNOTE.sub("", name).strip(" -–")
    return name, cells, target, unit
