"""OCR'd three-column goal tables ("Mål | Bedömning av måluppfyllelse | Motivering").

OCR without positions returns each column as its own paragraphs, in an order of its
choosing, and sometimes two columns glued on one line. This module cuts glued lines,
re-attaches orphaned continuations, tells goals from reported results by their wording
(goals: "Att …", "ska"; results: "har …", past tense) and pairs them by shared words.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex
from arsred.extract.document import Line
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.structure import Headings, is_furniture, is_header_fragment, is_heading, paragraphs
from arsred.extract.goals.vocabulary import Phrases, find_cell_status, fold, leading_status


@dataclass
class Piece:
    """A paragraph of one column, or a row glued from two columns on shared lines."""

    goal: list[str] = field(default_factory=list)
    outcome: list[str] = field(default_factory=list)
    printed: str = ""
    status: str = ""
    kind: str = ""           # "G", "O" or "row"
    first: Line | None = None
    mixed: bool = False


def _table_start(lines: list[Line], i: int, ph: Phrases) -> bool:
    f = fold(lines[i].text)
    if "\t" in lines[i].text or not is_header_fragment(lines[i].text, ph):
        return False
    if regex.match(r"^(mal|malsattning|delmal)\b", f) and is_header_fragment(lines[i].text, ph, strong_only=True):
        return True
    if f in ph.col_goal:
        return any(is_header_fragment(lines[j].text, ph, strong_only=True) for j in range(i + 1, min(i + 12, len(lines))))
    return False


def _table_end(lines: list[Line], i: int, ph: Phrases) -> bool:
    text = lines[i].text.strip()
    if "\t" in lines[i].text:
        return True
    if regex.match(r"^[\p{Lu}][\p{L} /-]{1,30}:(\s|$)", text) and not find_cell_status(text, ph):
        return True
    gap_after = i + 1 >= len(lines) or lines[i + 1].number > lines[i].number + 1
    return (is_heading(lines, i) and gap_after and not is_header_fragment(text, ph)
            and leading_status(text, ph) is None)


GOAL_CUES = regex.compile(r"(?i)^(att|minst|alla|samtliga|\d+\s*%)\b|\b(ska|skall|ska\s+ha)\b")
OUTCOME_CUES = regex.compile(r"(?i)\b(har|hade|blev|bedöms|bedoms|genomfördes|genomfordes|visar|uppger|"
                             r"\w+(?:ades|ats|its|tts|ts|des|tes|ds))\b")


def _classify(text: str) -> int:
    """>0 reads like a goal (Att …, ska …), <0 like a reported result (har …, genomfördes)."""
    score = 0
    if regex.match(r"(?i)^\s*att\b", text):
        score += 3
    if regex.search(r"(?i)\b(ska|skall)\b", text):
        score += 2
    score -= min(3, len(OUTCOME_CUES.findall(text)))
    return score


def _split_line(text: str, wl: int | None, wr: int | None, ph: Phrases) -> tuple[str, str, str, str] | None:
    """Cut an OCR line holding two columns: at a printed status, else where both columns fit their widths.

    The reasons column runs longest, so its part is usually a full line: the cut that fills it
    best (and starts it with a capital) wins, within the goal column's width.
    """
    t = " ".join(text.split())
    st = find_cell_status(t, ph)
    if st and st[0] >= 8:
        s, e, status = st
        return t[:s].strip(), t[s:e], status, t[e:].strip()
    if len(t) < 52:
        return None
    cuts = [m.start() for m in regex.finditer(r"(?<= )\S", t) if 8 <= m.start() <= len(t) - 6]
    if not cuts:
        return None
    if wl is None:
        caps = [c for c in cuts if 12 <= c <= len(t) - 10 and (t[c].isupper() or t[c].isdigit())]
        if not caps:
            return None
        c = min(caps, key=lambda c: abs(c - len(t) / 2))
        return t[:c].strip(), "", "", t[c:].strip()
    dots = [c for c in cuts if wl / 4 <= c <= wl + 3 and t[c - 2] in ".!?"]
    if dots:
        c = dots[-1]
    else:
        ok = [c for c in cuts if c <= wl + 4] or cuts[:1]
        target = wr or 40
        c = min(ok, key=lambda c: abs(len(t) - c - target) - (3 if t[c].isupper() or t[c].isdigit() else 0))
    return t[:c].strip(), "", "", t[c:].strip()


def _pieces(paras: list[list[tuple[int, Line]]], ph: Phrases) -> list[Piece]:
    pieces: list[Piece] = []
    for para in paras:
        width: int | None = None
        wr: int | None = None
        row: Piece | None = None
        plain: list[Line] = []
        for _, line in para:
            split = _split_line(line.text, width, wr, ph) if (row is not None or len(line.text) >= 52
                                                          or find_cell_status(line.text, ph)) else None
            if split and split[0] and split[3]:
                left, printed, status, right = split
                if row is None or (left[:1].isupper() and (row.goal and row.goal[-1].rstrip()[-1:] in ".")):
                    if plain:
                        pieces.append(Piece(goal=[p.text for p in plain], first=plain[0]))
                        plain = []
                    row = Piece(kind="row", first=line, mixed=True)
                    pieces.append(row)
                    width, wr = len(left), len(right)
                elif left[:1].isupper() and regex.match(r"(?i)^att\b", left):
                    row = Piece(kind="row", first=line, mixed=True)
                    pieces.append(row)
                    width = len(left)
                row.goal.append(left)
                row.outcome.append(right)
                if printed and not row.printed:
                    row.printed, row.status = printed, status
                width = max(width or 0, len(left))
                wr = max(wr or 0, len(right))
            elif row is not None:
                last_left = row.goal[-1] if row.goal else ""
                last_right = row.outcome[-1] if row.outcome else ""
                goal_open = len(last_left) >= 0.8 * (width or 40) and last_left[-1:] not in "."
                right_open = last_right[-1:] not in "." and len(last_right) >= 30
                if goal_open and not right_open or not right_open and not goal_open and last_left[-1:] != ".":
                    row.goal.append(line.text.strip())
                else:
                    row.outcome.append(line.text.strip())
            else:
                plain.append(line)
        if plain:
            pieces.append(Piece(goal=[p.text.strip() for p in plain], first=plain[0]))
    return pieces


def _attach_continuations(pieces: list[Piece]) -> list[Piece]:
    """A paragraph opening in lower case continues an unfinished one nearby (OCR split it off)."""
    out = list(pieces)
    k = 0
    while k < len(out):
        p = out[k]
        text = " ".join(p.goal)
        first_alpha = next((c for c in text if c.isalnum()), "")
        quoted = text[:1] in "”“\"«„'" and len(text.split()) <= 4
        if p.kind == "row" or not first_alpha or not (first_alpha.islower() or quoted):
            k += 1
            continue
        target = None
        for dist in range(1, 3):
            for j in (k - dist, k + dist):
                if 0 <= j < len(out):
                    q = out[j]
                    if q.kind == "row":
                        if q.goal and q.goal[-1].rstrip()[-1:] not in ".!?":
                            target = (j, "goal")
                        elif q.outcome and q.outcome[-1].rstrip()[-1:] not in ".!?":
                            target = (j, "outcome")
                    elif " ".join(q.goal).rstrip()[-1:] not in ".!?" and q.goal:
                        qa = next((c for c in " ".join(q.goal) if c.isalnum()), "")
                        if not qa.islower():
                            target = (j, "goal")
                if target:
                    break
            if target:
                break
        if target is None:
            k += 1
            continue
        j, col = target
        getattr(out[j], col).extend(p.goal)
        del out[k]
        if j < k:
            continue
    return out


def _stems(text: str) -> set[str]:
    return {w[:5] for w in regex.findall(r"[\p{L}]{4,}", fold(text))} | ({"%"} if "%" in text else set())


def _pair(goals: list[Piece], outcomes: list[Piece], positions: dict[int, int]) -> dict[int, int]:
    """Goal paragraph -> outcome paragraph by shared word stems, rarer stems weighing more."""
    docs = [_stems(" ".join(p.goal)) for p in goals] + [_stems(" ".join(p.goal)) for p in outcomes]
    df: dict[str, int] = {}
    for d in docs:
        for s in d:
            df[s] = df.get(s, 0) + 1
    scored = []
    for gi, g in enumerate(goals):
        gs = docs[gi]
        for oi, o in enumerate(outcomes):
            os_ = docs[len(goals) + oi]
            common = gs & os_
            score = sum(1.0 / df[s] for s in common) / max(1.0, len(gs) ** 0.5)
            dist = abs(positions[id(o)] - positions[id(g)])
            score -= 0.01 * dist
            if score > 0.12:
                scored.append((score, gi, oi))
    scored.sort(reverse=True)
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, gi, oi in scored:
        if gi in pairs or oi in taken:
            continue
        pairs[gi] = oi
        taken.add(oi)
    return pairs


def interleaved_tables(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    goals: list[RawGoal] = []
    i = 0
    while i < len(lines):
        if i in used or not _table_start(lines, i, ph):
            i += 1
            continue
        section = heads.at[i - 1] if i else ""
        body: list[tuple[int, Line]] = []
        used_before = set(used)
        used.add(i)
        j = i + 1
        while j < len(lines) and not _table_end(lines, j, ph):
            if j not in used and not is_header_fragment(lines[j].text, ph) and not is_furniture(lines[j].text):
                body.append((j, lines[j]))
            used.add(j)
            j += 1
        taken = sum(1 for k in range(i + 1, j) if k in used_before)
        if taken > len(body):
            i = j
            continue        # another reader read this table already: what is left is its surroundings
        pieces = _attach_continuations(_pieces(paragraphs(body), ph))
        positions = {id(p): k for k, p in enumerate(pieces)}
        gs: list[Piece] = []
        os_: list[Piece] = []
        prev = 0
        for p in pieces:
            if p.kind == "row":
                prev = 1
                continue
            text = " ".join(p.goal)
            score = _classify(text)
            if score == 0:
                score = -prev if prev else 1
            p.kind = "G" if score > 0 else "O"
            (gs if score > 0 else os_).append(p)
            prev = 1 if score > 0 else -1
        pairs = _pair(gs, os_, positions)
        found = []
        for p in pieces:
            if p.kind == "row":
                found.append((p, " ".join(p.goal), " ".join(p.outcome), 0.7))
            elif p.kind == "G":
                gi = gs.index(p)
                outcome = " ".join(os_[pairs[gi]].goal) if gi in pairs else ""
                found.append((p, " ".join(p.goal), outcome, 0.9))
        for p, goal, outcome, conf in found:
            first = p.first or lines[i]
            goals.append(RawGoal(section=section, goal=goal, outcome=outcome, printed=p.printed, status=p.status,
                                 initiative=section, page=first.page, line=first.number,
                                 layout="interleaved_table", confidence=conf))
        i = j
    return goals


