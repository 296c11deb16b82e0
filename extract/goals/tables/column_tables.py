"""Indicator tables read by their columns: a target column and outcome columns, in any order, no mark on the rows.

    Indikator          Målvärde 2023   Utfall 2022   Utfall 2023      <- header: cells by tab, or one per line
    Andel nöjda kunder 90 %            88 %          91 %
    Väntetid, dagar    Max 30          34            28

A header names one target column (`[indicator] benchmark`: "Målvärde", "Riktmärke") and one or
more outcome columns (`outcome_columns` with a year, or a bare year); the first column is the
indicator's name (perhaps headed "Indikator", `indicator_columns`). The header's cells stand on
one line split by tabs, or one cell per line (a web table exported cell by cell). Each row is
the indicator's name then one cell per column ("-" for a missing one): read by the header's
order, never by position from the end, so a target printed before the outcomes is the target.
A line without figures between rows is a goal: the section of the rows below it. A header of
an indicator column and a goal column alone ("Indikator | Mål") holds targets without outcomes
(`ej_bedomt`); a labelled goal line just above it ("Övergripande mål: Verksamhet med god
kvalitet") is the goal its rows serve, and a goal row of its own.

The outcome is the newest year's cell. Nothing on the row states a status, so it is derived
from outcome against target (`rows.decide_status`: "Max"/"högst" make the target a ceiling),
with status_source `derived`; a row without outcome is `ej_bedomt`. Glued rows without any
separator ("Index404036Minst 41") are `indicator_tables`' to read.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex
from arsred.extract.amounts import parse_amount
from arsred.extract.document import Line
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.structure import Headings, is_furniture
from arsred.extract.goals.vocabulary import Phrases, fold, is_goal_word

MAX_COLUMNS = 8
YEAR = regex.compile(r"(?:19|20)\d\d")
MISSING = regex.compile(r"^[-–—]$|^\.\.$|^$")
FOOTNOTE_MARK = regex.compile(r"\*+$")


@dataclass(frozen=True)
class _Header:
    target: int | None          # column index of the target (None: outcomes only, each row `ej_bedomt`)
    outcomes: list[int]         # column indices of the outcome columns ...
    years: list[int]            # ... and their years (0 when unnamed)
    width: int                  # cells per row, the name's included


def _column(cell: str, ph: Phrases) -> tuple[str, int]:
    """('target' | 'outcome' | 'name' | '', year) for one header cell."""
    f = fold(cell).strip(" :")
    year = YEAR.search(f)
    y = int(year.group()) if year else 0
    bare = regex.sub(r"(?:19|20)\d\d|[-–/]", " ", f).strip()
    if len(bare.split()) > 3:
        return "", 0            # a line of running words, or several names glued ('Utfall 2014Utfall 2015…')
    if any(bare == b or bare.startswith(b + " ") for b in ph.benchmark):
        return "target", y
    if bare in ph.col_goal and len(bare.split()) == 1:
        return "goal", y        # 'Mål': the target column where an 'Indikator' column names the rows
    if any(bare == c or bare.startswith(c + " ") for c in ph.outcome_columns) or (not bare and year):
        return "outcome", y
    if bare in ph.indicator_columns or bare in ph.indicator_labels:
        return "name", 0
    return "", 0


def _header(cells: list[str], ph: Phrases) -> _Header | None:
    """The header these cells make, or None: one target column, one outcome column at least, nothing else but the name."""
    if not 2 <= len(cells) <= MAX_COLUMNS:
        return None
    kinds = [_column(c, ph) for c in cells]
    named = [k for k, (kind, _) in enumerate(kinds) if kind == "name"]
    if named and not [k for k, (kind, _) in enumerate(kinds) if kind == "target"]:
        kinds = [("target", y) if kind == "goal" else (kind, y) for kind, y in kinds]
    names = [k for k, (kind, _) in enumerate(kinds) if kind == "name" or not cells[k].strip()]
    targets = [k for k, (kind, _) in enumerate(kinds) if kind == "target"]
    outcomes = [k for k, (kind, _) in enumerate(kinds) if kind == "outcome"]
    if len(names) + len(targets) + len(outcomes) != len(cells) or len(targets) > 1:
        return None
    if not targets and not (named and len(outcomes) >= 2):
        return None     # no target: only an 'Indikator | 2017 | 2018 | 2019' list of outcomes
    if targets and not (outcomes or named):
        return None     # a target alone is a table only under an 'Indikator' column: 'Indikator | Mål'
    shift = 0 if names == [0] else 1 if not names else None       # the name column, printed or left unnamed
    if shift is None:
        return None
    target = targets[0] + shift if targets else None
    return _Header(target, [k + shift for k in outcomes], [kinds[k][1] for k in outcomes], len(cells) + shift)


def _figure(cell: str, ph: Phrases) -> bool:
    """A value cell: a figure with perhaps a comparator and a unit ('Max 30', '90 %', '16,4 mnkr'), or '-' for none."""
    c = cell.strip()
    if MISSING.match(c):
        return True
    f = fold(c)
    for p in sorted(ph.target_prefixes, key=len, reverse=True):
        if f.startswith(p + " "):
            f = f[len(p):].strip()
            break
    m = regex.match(r"^[-−–]?\d[\d \u00a0]*(?:,\d+)?\s*(?:%|\p{L}{1,7})?$", f)
    return bool(m) and parse_amount(regex.sub(r"\s*(?:%|\p{L}+)$", "", f)) is not None


def _unit(cells: list[str], name: str, ph: Phrases) -> str:
    """The unit of a row's bare figures: printed on them, else named in the measure's name ('Kostnad (mnkr) …')."""
    if any("%" in c for c in cells) or regex.search(r"\(%\)|\bprocent\b|\bandel\b", fold(name)):
        return "%"
    money = "|".join(regex.escape(u) for u in sorted(ph.money_units, key=len, reverse=True))
    m = regex.search(r"(?:\(|,\s*)(" + money + r")\)?(?!\w)", fold(name)) if money else None
    if m:
        return m.group(1)
    return "index" if "index" in fold(name) else "st"


def _goal(row: list[str], header: _Header, section: str, line: Line, ph: Phrases) -> RawGoal:
    name = row[0].strip()
    target = row[header.target].strip() if header.target is not None else ""
    order = sorted(range(len(header.outcomes)), key=lambda k: (header.years[k], k), reverse=True)
    outcome = row[header.outcomes[order[0]]].strip() if order else ""
    if header.target is None:       # nothing is judged: the latest value printed ('65 67 -' -> 67)
        outcome = next((row[header.outcomes[k]].strip() for k in order if not MISSING.match(row[header.outcomes[k]].strip())), "")
    unit = _unit(row[1:], name, ph)
    target = "" if MISSING.match(target) else regex.sub(r"\s*%$", "", target)
    outcome = "" if MISSING.match(outcome) else regex.sub(r"\s*%$", "", outcome)
    return RawGoal(section=section, goal=name, target=f"{target} {unit}" if target else "",
                   outcome=f"{outcome} {unit}" if outcome else "", page=line.page, line=line.number,
                   layout="column_table", confidence=0.8)


def _tab_tables(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    """Header and rows on lines of their own, cells split by tabs."""
    goals: list[RawGoal] = []
    header: _Header | None = None
    section = ""
    for i, line in enumerate(lines):
        if i in used or "\t" not in line.text:
            if header is not None and line.text.strip() and not is_furniture(line.text) and i not in used:
                if regex.search(r"\d", line.text):
                    header = None            # figures outside the columns: the table has ended
                else:
                    section = " ".join(line.text.split())      # a goal: the rows below belong to it
                    used.add(i)
            continue
        cells = [c.strip() for c in line.text.split("\t")]
        found = _header(cells, ph)
        if found is not None:
            header, section = found, heads.at[i]
            used.add(i)
            continue
        if header is None:
            continue
        row = cells if len(cells) == header.width else [""] + cells if len(cells) == header.width - 1 else None
        if row is None or not regex.search(r"\p{L}", row[0]) or not all(_figure(c, ph) for c in row[1:]):
            header = None
            continue
        goals.append(_goal(row, header, section, line, ph))
        used.add(i)
    return goals


def _cell_tables(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    """Header and rows one cell per line: the header's cells, then per row a name and one cell per column."""
    goals: list[RawGoal] = []
    texts = [" ".join(line.text.split()) for line in lines]
    i = 0
    while i < len(lines):
        header, end = _cell_header(texts, i, ph, used)
        if header is None:
            i += 1
            continue
        used.update(range(i, end))
        section = heads.at[i]
        goal = _goal_above(lines, texts, i, heads, ph, used)
        if goal is not None:            # 'Övergripande mål: Verksamhet med god kvalitet': the goal the rows serve
            goals.append(goal)
            section = goal.goal
        j = end
        while j < len(lines):
            if j in used or not texts[j] or is_furniture(texts[j]):
                j += 1
                continue
            cells = texts[j:j + header.width]
            if (len(cells) == header.width and regex.search(r"\p{L}", cells[0]) and not _figure(cells[0], ph)
                    and all(_figure(c, ph) for c in cells[1:])):
                goals.append(_goal(cells, header, section, lines[j], ph))
                used.update(range(j, j + header.width))
                j += header.width
            elif not regex.search(r"\d", texts[j]) and j + 1 < len(lines) and not _figure(texts[j + 1], ph):
                section = texts[j]          # a goal line before its indicators
                used.add(j)
                j += 1
            else:
                break
        i = j
    return goals


GOAL_LABEL = regex.compile(r"^(?P<label>[\p{L} ]{2,40}):\s*(?P<goal>\p{Lu}.{2,120})$")
LOOK_BACK = 4
GOAL_HEADING_WORDS = 3      # a heading this long (no full stop, no figure) over an indicator table ...
MAX_HEADING_WORDS = 15      # ... states the goal it follows up


def _goal_above(lines: list[Line], texts: list[str], i: int, heads: Headings, ph: Phrases,
                used: set[int]) -> RawGoal | None:
    """A labelled goal line a few lines above a table's header ('Övergripande mål: X'), as a goal of its own."""
    for k in range(i - 1, max(-1, i - 1 - LOOK_BACK), -1):
        m = GOAL_LABEL.match(texts[k]) if k not in used else None
        if m and any(is_goal_word(w, ph) for w in fold(m.group("label")).split()):
            used.add(k)
            return RawGoal(section=heads.at[k - 1] if k else "", goal=m.group("goal").strip(), page=lines[k].page,
                           line=lines[k].number, layout="column_table", confidence=0.8)
    k = i - 1
    if k >= 0 and k not in used and heads.goal_area[k] and fold(texts[k]) != fold(heads.goal_area[k]) \
            and GOAL_HEADING_WORDS <= len(texts[k].split()) <= MAX_HEADING_WORDS and texts[k][:1].isupper() \
            and not regex.search(r"[.:;!?]$|\d", texts[k]):
        used.add(k)         # the goal as a heading right over its indicators, inside a goal section
        return RawGoal(section=heads.goal_area[k], goal=texts[k], page=lines[k].page, line=lines[k].number,
                       layout="column_table", confidence=0.7)
    return None


def _cell_header(texts: list[str], i: int, ph: Phrases, used: set[int]) -> tuple[_Header | None, int]:
    """A header printed one cell per line from line i: (header, index after it) or (None, i)."""
    if i in used or _column(texts[i], ph)[0] == "":
        return None, i
    cells: list[str] = []
    j = i
    while j < len(texts) and len(cells) < MAX_COLUMNS and j not in used and _column(texts[j], ph)[0]:
        cells.append(texts[j])
        j += 1
    header = _header(cells, ph)
    named = any(_column(c, ph)[0] == "name" for c in cells)
    return (header, j) if header is not None and (len(cells) >= 3 or named) else (None, i)


def _space_tables(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    """'Indikator 2017 2018 2019' then rows 'Frisknärvaro (%) 38,6 37,1 40,7': the columns are the row's last words.

    Only a header of single-word columns (a name column, then years or target words) is read so,
    and only rows ending in exactly one figure per column: where the figures could be cut more
    than one way ('67 044 67 916') the row is left out.
    """
    goals: list[RawGoal] = []
    texts = [" ".join(line.text.split()) for line in lines]
    i = 0
    while i < len(lines):
        words = texts[i].split()
        clean = all(regex.fullmatch(r"(?:19|20)\d\d|\p{L}+", w) for w in words)     # not 'Utfall 2014Utfall 2015…'
        header = _header(words, ph) if i not in used and "\t" not in lines[i].text and len(words) >= 3 and clean else None
        if header is None or header.width != len(words) or _column(words[0], ph)[0] != "name":
            i += 1
            continue
        n = header.width - 1
        rows: list[tuple[int, list[str]]] = []
        j = i + 1
        while j < len(lines) and j not in used and texts[j]:
            row = _space_row(lines[j].text, n, ph)
            if row is None:
                break           # not a row, or figures that could be cut more than one way
            rows.append((j, row))
            j += 1
        if not rows:
            i += 1
            continue
        used.add(i)
        section = heads.at[i]
        goal = _goal_above(lines, texts, i, heads, ph, used)
        if goal is not None:
            goals.append(goal)
            section = goal.goal
        for k, row in rows:
            goals.append(_goal(row, header, section, lines[k], ph))
            used.add(k)
        i = j
    return goals


def _space_row(text: str, n: int, ph: Phrases) -> list[str] | None:
    """A row's name and its n cells: cells set apart by wide gaps ('… invånare   1 261   1 227  1 233*'), else
    its last n words when each is a figure and the word before them is none; None otherwise."""
    wide = [c.strip() for c in regex.split(r"\s{2,}", text.strip()) if c.strip()]
    cells = [FOOTNOTE_MARK.sub("", c) for c in wide[-n:]]
    if len(wide) == n + 1 and all(_figure(c, ph) for c in cells) and not _figure(wide[0], ph):
        return [wide[0]] + cells
    toks = text.split()
    cells = [FOOTNOTE_MARK.sub("", c) for c in toks[-n:]]
    if len(toks) <= n or not all(_figure(c, ph) for c in cells) or _figure(toks[-n - 1], ph):
        return _grouped_row(toks, n)
    return [" ".join(toks[:-n])] + cells


CELL_TOKEN = regex.compile(r"[-–—]|(?:0|[1-9]\d{0,2})(?:[,.]\d+)?\*?")
GROUP_TOKEN = regex.compile(r"\d{3}(?:[,.]\d+)?\*?")


def _grouped_row(toks: list[str], n: int) -> list[str] | None:
    """'Anmälda våldsbrott, antal/100 000 invånare 1 261 1 227 1 233*' (a page whose wide gaps were lost) -> the name
    and n cells, when the figures after the name cut into n thousands-grouped figures ('1 261', '1 227', '1 233') one
    way only; None when no cut or more than one does."""
    k = len(toks)
    while k > 0 and CELL_TOKEN.fullmatch(toks[k - 1]):
        k -= 1
    run = toks[k:]
    if not k or len(run) <= n:
        return None

    def cuts(rest: list[str], m: int) -> list[list[str]]:
        if m == 0:
            return [[]] if not rest else []
        out = []
        first = rest[0] if rest else ""
        if not first or not CELL_TOKEN.fullmatch(first):
            return []
        width = 1
        while True:
            if not regex.search(r"[,.*]", " ".join(rest[:width - 1])):
                out += [[" ".join(rest[:width])] + tail for tail in cuts(rest[width:], m - 1)]
            if width >= len(rest) or not GROUP_TOKEN.fullmatch(rest[width]) or first in "-–—":
                break
            width += 1
        return out

    found = cuts(run, n)
    if len(found) != 1:
        return None
    name = " ".join(toks[:k])
    return [name] + [FOOTNOTE_MARK.sub("", c) for c in found[0]]


def column_tables(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    return _tab_tables(lines, heads, ph, used) + _cell_tables(lines, heads, ph, used) + _space_tables(lines, heads, ph, used)
