"""Goal tables whose status is a word or a symbol on a line of its own (or closing the goal's line).

Follow-up tables exported from planning systems put, for each goal or measure, its status
as a word ("Uppfyllt", "Delvis uppfyllt", "Ej uppfyllt") or a symbol (●/◐/○) on a line of
its own next to the goal's name, then a line of figures:

    Delvis uppfyllt
    Kostnad förskola, kr/inskrivet barn
    Kostnad, kr/barn Upp 148 815 151 697 146 158 …

Whether the status line stands before or after its goal is read from the table's first row.
The first figure of the figures line is the outcome (the newest year, read with the number
grammar of `extract.amounts`: the figures are cut where their magnitudes agree). Symbols and
colours mean what `[status.symbols]` or a legend in the text ("● = uppfyllt") says.
"""
from __future__ import annotations

import regex
from arsred.extract.amounts import segment
from arsred.extract.document import Line
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.prose.announced import common_verdict
from arsred.extract.goals.structure import Headings, is_furniture, is_header_fragment
from arsred.extract.goals.vocabulary import Phrases, fold, is_goal_word, sentences

MIN_ROWS = 2          # one status line alone is a sentence, not a table
MAX_FIGURE_COLUMNS = 8


def _statuses(ph: Phrases, lines: list[Line]) -> dict[str, str]:
    """Stand-alone status cells: multi-word or long status phrases, symbols, and colours a legend names."""
    out = {p: s for p, s in ph.status_cell.items() if len(p) >= 6}
    out.update({p: s for p, s in ph.status_prose.items() if " " in p})     # "Målet är uppnått." alone on a line
    out.update({fold(k): v for k, v in ph.symbols.items()})
    phrases = "|".join(regex.escape(p) for p in sorted(ph.status_cell, key=len, reverse=True))
    legend = regex.compile(r"(?:^|\s)(\S{1,8})\s*[=:–-]\s*(" + phrases + r")\b")
    for line in lines:
        for m in legend.finditer(fold(line.text)):
            key = m.group(1)
            if key in ph.symbols or key in out or not regex.search(r"\d", key):
                out.setdefault(key, ph.status_cell[m.group(2)])
    return out


def _status_of(text: str, statuses: dict[str, str]) -> str | None:
    f = fold(text).strip(" .:")
    return statuses.get(f)


def _figure_tokens(text: str) -> tuple[str, list[str], str] | None:
    """'Andel, % Upp 92% 93% …' -> ('Andel, % Upp', ['92', '93', …], '%'): label, figure tokens, unit printed on them."""
    toks = text.split()
    first = len(toks)
    while first > 0 and (regex.fullmatch(r"[-−–]?\d+(?:,\d+)?%?", toks[first - 1])
                         or fold(toks[first - 1]) in ("st", "stycken", "%")):
        first -= 1
    if first == len(toks) or not regex.match(r"^[-−–]?\d", toks[first]):
        return None
    figs = toks[first:]
    unit = "%" if figs[0].endswith("%") else "st" if len(figs) > 1 and fold(figs[1]) in ("st", "stycken") else ""
    clean = [t.rstrip("%") for t in figs if fold(t) not in ("st", "stycken", "%")]
    if not all(regex.fullmatch(r"[-−–]?\d+(?:,\d+)?", t) for t in clean):
        return None
    return " ".join(toks[:first]), clean, unit


def _columns(rows: list[str]) -> int | None:
    """The table's figure count, from rows whose figures cannot run together (92%, 5,8 st): the most common."""
    counts = []
    for text in rows:
        ft = _figure_tokens(text)
        if ft and (ft[2] or all("," in t for t in ft[1])):
            counts.append(len(ft[1]))
    return max(set(counts), key=counts.count) if counts else None


def _figures(text: str, columns: int | None, name: str = "") -> tuple[str, str] | None:
    """'Kostnad, kr/barn Upp 148 815 151 697 …' -> ('148 815', 'kr'): the first figure and its unit.

    The figures are cut (amounts.segment) into the reading whose magnitudes agree best, among
    at most the table's column count; a tie goes to the column count, then to fewer figures.
    The unit is the one printed on the figures, else named before them ('Kostnad, kr/barn'), else
    in the measure's `name` (a line run together puts 'Kostnad, kr/barn' on the name's line).
    """
    ft = _figure_tokens(text)
    if ft is None:
        return None
    label, clean, unit = ft
    best = None
    for k in range(1, min(columns or MAX_FIGURE_COLUMNS, len(clean)) + 1):
        cut = segment(clean, k)
        if cut is None:
            continue
        amounts = [a for a in cut[1] if a is not None]
        sizes = sorted(len(str(abs(a.value)).split(".")[0]) for a in amounts)
        spread = sum(abs(s - sizes[len(sizes) // 2]) for s in sizes) if sizes else 99
        rank = (spread, k != columns, k)
        if amounts and (best is None or rank < best[0]):
            best = (rank, amounts)
    if not best:
        return None
    for words in (label, name) if not unit else ():     # the unit named before the figures, else in the measure's name
        f = fold(words)
        unit = "kr" if regex.search(r"\bkr\b|kronor", f) else "%" if "%" in f or "andel" in f else ""
        if unit:
            break
    return best[1][0].printed, unit


def _line_status(text: str, statuses: dict[str, str]) -> tuple[str, str, str] | None:
    """A status on the goal's own line -> (goal, printed, status): a symbol opening or closing it
    ("● Fler ska …", "Fler ska … ●"), or a status word set apart by a tab or a wide gap ("Fler ska …   Uppfyllt")."""
    symbols = {k: v for k, v in statuses.items() if len(k) == 1 and not k.isalnum()}
    plain = " ".join(text.replace("\t", "  ").split(" ")).strip()
    if len(plain) < 10 or not regex.search(r"\p{L}{3}", plain):
        return None
    if plain[-1] in symbols:
        return plain[:-1].strip(" -–:"), plain[-1], symbols[plain[-1]]
    if plain[0] in symbols:
        return plain[1:].strip(" -–:"), plain[0], symbols[plain[0]]
    m = regex.match(r"^(.{8,}?)(?:\s{2,})(\S.{2,30})$", plain)
    if m and fold(m.group(2)).strip(" .") in statuses and len(fold(m.group(2))) >= 6:
        return m.group(1).strip(), m.group(2).strip(), statuses[fold(m.group(2)).strip(" .")]
    return None


def _trailing_symbols(lines: list[Line], heads: Headings, statuses: dict[str, str], used: set[int]) -> list[RawGoal]:
    """Goals whose status stands on their own line (`_line_status`); two such lines at least make a table."""
    hits = [(i, found) for i, line in enumerate(lines)
            if i not in used and (found := _line_status(line.text, statuses)) is not None]
    if len(hits) < MIN_ROWS:
        return []
    out = []
    for i, (goal, printed, status) in hits:
        used.add(i)
        out.append(RawGoal(section=heads.at[i] or heads.goal_area[i], goal=goal, printed=printed, status=status,
                           page=lines[i].page, line=lines[i].number, layout="status_table", confidence=0.8))
    return out


def _status_header(text: str, ph: Phrases) -> bool:
    """'Kommungemensamma mål Nämndens mål Måluppfyllelse': goal columns' names, the last one an assessment column."""
    f = fold(text).strip()
    if regex.search(r"\d|[.,;:]$", f) or len(f.split()) > 10:
        return False
    for name in sorted(ph.col_assessment, key=len, reverse=True):
        if f.endswith(" " + name) and any(is_goal_word(w, ph) for w in regex.findall(r"[\w/]+", f[:-len(name)])):
            return True
    return False


def _cut_statuses(text: str, cells: list[str]) -> list[tuple[str, str]]:
    """'A Delvis uppnått B Delvis uppnått' -> [(A, printed), (B, printed)]; a last piece without status -> (piece, '')."""
    alternation = "|".join(regex.escape(c) for c in cells)
    folded = fold(text)         # same length as the text: folding drops only combining marks of composed letters
    if len(folded) != len(text):
        return []
    out, start = [], 0
    for m in regex.finditer(r"(?<=\s)(?:" + alternation + r")(?=\s|$)", folded, flags=regex.V1):
        if not text[m.end():].strip() or text[m.end():].lstrip()[:1].isupper():
            out.append((text[start:m.start()].strip(), text[m.start():m.end()]))
            start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append((rest, ""))
    return out


def _status_column(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    """Rows under a header naming a status column, each a goal's name closed by its status word after one space.

    'Kund/invånare' / 'Kommungemensamma mål Nämndens mål Måluppfyllelse' / 'Valfrihet Delvis uppnått' / …:
    only under such a header is a status word after a single space a cell, not the end of a sentence. Two rows
    glued on one line are cut at the status between them; a cell wrapped onto the next line (opening in lower
    case) joins the goal it continues. The rows end at the first line that is none.
    """
    cells = sorted((p for p in ph.status_cell if len(p) >= 6), key=len, reverse=True)
    out: list[RawGoal] = []
    for h, line in enumerate(lines):
        if h in used or not _status_header(line.text, ph):
            continue
        rows: list[tuple[int, str, str]] = []
        taken: set[int] = set()
        pending: tuple[int, str] | None = None
        for j in range(h + 1, len(lines)):
            text = " ".join(lines[j].text.replace("\t", " ").split())
            if not text or is_furniture(text):
                continue
            if j in used:
                break
            pieces = _cut_statuses(text, cells)
            if pending and text[:1].islower() and pieces:
                pieces[0] = (pending[1] + " " + pieces[0][0], pieces[0][1])
                first = pending[0]
            elif pending:
                break
            else:
                first = j
            pending = None
            if not pieces or not pieces[0][1]:
                break
            for n, (goal, printed) in enumerate(pieces):
                if not printed:
                    pending = (j, goal)
                elif len(goal) >= 3 and not regex.search(r"[.;:]$", goal):
                    rows.append((first if n == 0 else j, goal, printed))
            taken.add(j)
        if len(rows) < MIN_ROWS:
            continue
        used.update(taken | {h})
        for j, goal, printed in rows:
            section = heads.at[h - 1] if h in heads.indices and h else heads.at[h]
            out.append(RawGoal(section=section or heads.goal_area[h], goal=goal, outcome=printed, printed=printed,
                               status=ph.status_cell[fold(printed)], page=lines[j].page, line=lines[j].number,
                               layout="status_table", confidence=0.8))
    return out


HEADER_REACH = 4      # lines above an icon table's first row within which its assessment column is named


def _icon_rows(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    """Rows closed by an icon's alt text under an assessment column ('Måluppfyllnad …' / 'Resultat – årets resultat
    open' / 'Risk – ränterisk och åtaganden open'): the icons say nothing the text can read, so each goal is undecided
    unless a sentence of its goal section after the table judges all its goals at once ('Samtliga finansiella mål
    nåddes.', `announced.common_verdict`), which is then each one's stated status."""
    icons = "|".join(regex.escape(w) for w in ph.icon_words) or "(?!)"
    row = regex.compile(r"^(?P<name>\p{Lu}[^\d]{2,80}?)\s+(?:" + icons + r")$", flags=regex.IGNORECASE)
    out: list[RawGoal] = []
    i = 0
    while i < len(lines):
        rows = []
        j = i
        while j < len(lines) and j not in used and (m := row.match(" ".join(lines[j].text.split()))):
            rows.append((j, m.group("name")))
            j += 1
        above = " ".join(fold(lines[k].text) for k in range(max(0, i - HEADER_REACH), i))
        area = heads.goal_area[i]
        if len(rows) < MIN_ROWS or not area or not any(w in above for w in ph.assessment_words):
            i = max(j, i + 1)
            continue
        after = [line.text for k, line in enumerate(lines[j:], start=j) if heads.goal_area[k] == area]
        verdict = common_verdict(sentences(" ".join(" ".join(after).split())), ph)
        top = i         # a first row or the column names over it read as headings (a line run into one) head no rows
        while top > 0 and top in heads.indices and (top == i or any(w in fold(lines[top].text) for w in ph.assessment_words)):
            top -= 1
        for k, name in rows:
            used.add(k)
            out.append(RawGoal(section=heads.at[top] or area, goal=name.strip(), printed=verdict[0] if verdict else "",
                               status=verdict[1] if verdict else "", page=lines[k].page, line=lines[k].number,
                               layout="icon_table", confidence=0.7))
        i = j
    return out


def status_tables(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    statuses = _statuses(ph, lines)
    trailing = (_status_column(lines, heads, ph, used) + _trailing_symbols(lines, heads, statuses, used)
                + _icon_rows(lines, heads, ph, used))
    marks = [i for i, line in enumerate(lines) if i not in used and _status_of(line.text, statuses)]
    if len(marks) < MIN_ROWS:
        return trailing
    goals: list[RawGoal] = []
    texts = {i: " ".join(line.text.replace("\t", " ").split()) for i, line in enumerate(lines)}
    columns = _columns([texts[i] for i in range(marks[0], min(len(lines), marks[-1] + 4))])

    def content(i: int) -> bool:
        return i not in used and bool(texts[i]) and not is_furniture(texts[i]) and i not in marks

    before = bool(marks) and not any(content(j) and not regex.search(r"\d", texts[j])
                                     and not is_header_fragment(texts[j], ph)
                                     for j in range(max(0, marks[0] - 1), marks[0]))
    after_last = next((j for j in range(marks[-1] + 1, len(lines)) if texts[j]), None)
    if before and (after_last is None or not content(after_last)
                   or lines[after_last].number > lines[marks[-1]].number + 1):
        before = False      # nothing follows the last status: each status closes the goal above it
    for n, i in enumerate(marks):
        status = _status_of(texts[i], statuses)
        j = i + 1 if before else i - 1
        while 0 <= j < len(lines) and not texts[j]:
            j += 1 if before else -1
        if not (0 <= j < len(lines)) or not content(j) or is_header_fragment(texts[j], ph):
            continue
        goal_idx = j
        nxt = marks[n + 1] if n + 1 < len(marks) else len(lines)
        outcome = ""
        if before:
            k = goal_idx + 1
            while k < nxt and k < goal_idx + 3:
                if content(k) and regex.search(r"\d", texts[k]):
                    fig = _figures(texts[k], columns, texts[goal_idx])
                    if fig:
                        outcome = f"{fig[0]} {fig[1]}".strip()
                        used.add(k)
                    break
                k += 1
        line = lines[goal_idx]
        used.update((i, goal_idx))
        section = heads.at[goal_idx - 1] if goal_idx in heads.indices and goal_idx else heads.at[goal_idx]
        goals.append(RawGoal(section=section or heads.goal_area[goal_idx], goal=texts[goal_idx],
                             outcome=outcome, printed=texts[i], status=status or "", page=line.page,
                             line=line.number, layout="status_table", confidence=0.8))
    return trailing + goals
