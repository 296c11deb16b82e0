"""Goal tables flattened one cell per line: a goal label, the goal, then its target per year.

Budget and plan pages list their (financial) goals as a table whose cells a web page or a
text export puts on lines of their own:

    Resultatmål                      <- a goal label: one goal word, perhaps glued to the goal
    Årets resultat ska uppgå till 2 % av skatteintäkter och bidrag, mnkr
    12,9                             <- target, first year (the table's unit when bare)
    13,2                             <- target, next year

The first target cell after a goal is its target ("Mindre än 46,9 mnkr", "2 %"); a bare
figure takes the unit the goal or the table names ("…, mnkr", a "Mnkr" header line). A
labelled goal without a target cell ("Soliditetsmål / Soliditeten ska förbättras") is a goal
without a target. Only goal areas with at least one target cell are read here; goals in
running prose are left to `prose`. None of these has a follow-up: they are `ej_bedomt`
unless a later reader or the report says otherwise.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex
from arsred.extract.document import Line
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.structure import LIST_MARK, Headings, is_furniture
from arsred.extract.goals.vocabulary import Phrases, fold, is_goal_heading, is_goal_word, nice_heading

YEAR_HEADER = regex.compile(r"^(?:ar|arets|budget|plan|mal|utfall)?\s*(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?$")
LABEL = regex.compile(r"^(\p{Lu}\p{Ll}+)(?::\s*[\p{L} ]{1,25})?$")
GLUED_LABEL = regex.compile(r"^(\p{Lu}\p{Ll}{3,})(?=\p{Lu}\p{Ll})")
STATES_GOAL = regex.compile(r"\b(?:ska|skall|minst|hogst|lagst|minska|oka|forbattras|uppga)\b|\(%\)")


@dataclass
class _Block:
    label: str = ""
    text: list[str] = field(default_factory=list)
    first: Line | None = None
    lines: list[int] = field(default_factory=list)
    item: bool = False          # a list item in a goal area: a goal whatever its wording


def _value_pattern(ph: Phrases) -> regex.Pattern:
    comp = "|".join(regex.escape(c) for c in ph.comparators)
    units = "|".join(regex.escape(u) for u in sorted(ph.money_units, key=len, reverse=True))
    number = r"[-−–]?\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d+)?"
    return regex.compile(rf"^(?P<value>(?:(?:{comp})\s*)*(?:{number}\s*(?:%|procent|{units})?|(?:{comp})))"
                         rf"(?:$|(?P<rest>(?<=%|\s|\p{{L}})\s*\p{{L}}.*)$)")


def _unit_word(text: str, ph: Phrases) -> str | None:
    f = fold(text).strip(" ()")
    return f if f in ph.money_units or f in ("%", "procent") else None


def _goal_unit(text: str, ph: Phrases) -> str | None:
    """The unit a goal names for its bare target figures: '…, mnkr', 'Amortering (mnkr)', '(%)'."""
    f = fold(text)
    m = regex.search(r"(?:,|\()\s*(" + "|".join(regex.escape(u) for u in ph.money_units) + r"|%)\s*\)?\s*$", f)
    if m:
        return m.group(1)
    m = regex.search(r"\((" + "|".join(regex.escape(u) for u in ph.money_units) + r"|%)\)", f)
    return m.group(1) if m else None


def _is_label(text: str, ph: Phrases) -> bool:
    m = LABEL.match(text)
    return bool(m) and is_goal_word(fold(m.group(1)), ph)


def _goal_sentence(text: str) -> str:
    """The goal as printed up to the end of its first sentence (a baseline after it is not the goal)."""
    parts = regex.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)
    return parts[0]


def _target_follows(lines: list[Line], i: int, value_re: regex.Pattern) -> bool:
    """The next line is a target cell: a heading-shaped line before it ('Amortering (mnkr)') ends its goal."""
    nxt = next((ln.text.strip() for ln in lines[i + 1:i + 3] if ln.text.strip()), "")
    return bool(regex.search(r"\d", nxt)) and bool(value_re.match(fold(nxt)))


def target_tables(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    value_re = _value_pattern(ph)
    found: dict[str, list[tuple[RawGoal, list[int], bool]]] = {}
    section, table_unit = "", None
    block: _Block | None = None

    def emit(target: str, value_lines: list[int]) -> None:
        nonlocal block
        if block is None or not block.text:
            block = None
            return
        text = " ".join(block.text)
        if block.label or block.item or STATES_GOAL.search(fold(text)):
            unit = _goal_unit(text, ph) or table_unit
            if target and unit and not regex.search(r"%|procent|\p{L}{2,}\s*$", fold(target)):
                target = f"{target} {unit}"
            first = block.first or (lines[block.lines[0]] if block.lines else None)
            if first is None:       # every block is opened at a line; nothing to place otherwise
                block = None
                return
            g = RawGoal(section=section, goal=_goal_sentence(text), target=target, page=first.page,
                        line=first.number, layout="target_table", confidence=0.8)
            found.setdefault(section, []).append((g, block.lines + value_lines, bool(target)))
        block = None

    for i, line in enumerate(lines):
        text = " ".join(line.text.replace("\t", " ").split())
        if REF.fullmatch(text) and block is not None and block.item and block.text:
            block.text.append(text)     # '• Strategiska investeringar' / '(2)': the item's reference, wrapped
            block.lines.append(i)
            continue
        if i in used or not text or is_furniture(text) and not value_re.match(text):
            continue
        if not heads.goal_area[i]:
            emit("", [])
            section, table_unit = "", None
            continue
        if fold(text) in ph.benchmark and block is not None and block.text:
            continue            # 'Målvärde' over its cell: the next cell is the target
        m = value_re.match(fold(text)) if regex.search(r"\d", text) or fold(text) in ph.comparators else None
        if m and m.group("rest") and not text[m.start("rest"):].strip()[:1].isupper():
            m = None            # "2 % av skatteintäkterna": a sentence, not a target cell
        glued = GLUED_LABEL.match(text)
        glued = glued if glued and is_goal_word(fold(glued.group(1)), ph) else None
        after_label = block is not None and bool(block.label) and not block.text
        before_target = block is not None and bool(block.text) and _target_follows(lines, i, value_re)
        if i in heads.indices and not (m or glued or after_label or before_target or _is_label(text, ph)):
            emit("", [])
            if is_goal_heading(text, ph):
                section, table_unit = nice_heading(text), None
            continue
        if not section:
            section = heads.goal_area[i]
        if m:
            rest = (m.group("rest") or "").strip()
            value = text[:len(text) - len(rest)].strip()
            if block is not None and block.text:
                emit(value if regex.search(r"\d", value) else "", [i])
            else:
                found.setdefault(section, [])      # a further year's target: taken with the goal above
            if rest:
                rest_text = text[len(text) - len(rest):]
                if is_goal_heading(rest_text, ph) and len(rest_text.split()) <= 8:
                    section, table_unit = nice_heading(rest_text), None
                else:
                    block = _Block(text=[rest_text], first=line, lines=[i])
            continue
        if YEAR_HEADER.match(fold(text)) or _unit_word(text, ph):
            unit = _unit_word(text, ph)
            table_unit = unit if unit and unit not in ("%", "procent") else table_unit
            continue
        if _is_label(text, ph):
            emit("", [])
            block = _Block(label=text, first=line, lines=[i])
            continue
        if glued:
            emit("", [])
            block = _Block(label=glued.group(1), text=[text[glued.end():]], first=line, lines=[i])
            continue
        if LIST_MARK.match(text):   # each list item is a goal of its own ('• Sjukfrånvaron … minskar' / 'Målvärde' / '4,5%')
            emit("", [])
            block = _Block(text=[LIST_MARK.sub("", text)], first=line, lines=[i], item=True)
            continue
        if block is None:
            block = _Block(first=line)
        if block.first is None or not block.text and not block.label:
            block.first = line
        if not block.text and block.label:
            block.first = line
        block.text.append(text)
        block.lines.append(i)
    emit("", [])
    out: list[RawGoal] = []
    keys = _key_items([g for goals in found.values() for g, _, _ in goals])
    for goals in found.values():
        if not any(has_target for _, _, has_target in goals):
            continue       # no target cell in this area: not a target table
        for g, idx, _ in goals:
            used.update(idx)
            if id(g) not in keys:
                out.append(g)
    return out


REF = regex.compile(r"\((\d{1,2}(?:\s*,\s*\d{1,2})*)\)")


def _key_items(goals: list[RawGoal]) -> set[int]:
    """A styrkort's numbered entries that its goals refer to: '• Nöjda medborgare och kunder (1)' / '• Attraktiv
    livsmiljö (2)' … then '• Förbättrat medborgarindex (1,2,4)'. Where items cite several numbers, a run of two or
    more items in a row, each with its own single number counting up from 1, is the key (desired states, success
    factors) the goals point to, not goals; ids of those RawGoals. Without citing items nothing is a key."""
    refs = [[[int(n) for n in m.split(",")] for m in REF.findall(g.goal)] for g in goals]
    if not any(len(r) > 1 for rs in refs for r in rs):
        return set()
    keys: set[int] = set()
    run: list[int] = []
    expected = 1
    for k, rs in enumerate(refs):
        singles = [r[0] for r in rs if len(r) == 1]
        if rs and len(singles) == len(rs) and singles == list(range(expected, expected + len(singles))):
            run.append(k)
            expected += len(singles)
            continue
        if len(run) >= 2:
            keys.update(id(goals[j]) for j in run)
        run, expected = [], 1
        if rs and len(rs) == 1 and rs[0] == [1]:
            run, expected = [k], 2      # a new key may start here
    if len(run) >= 2:
        keys.update(id(goals[j]) for j in run)
    return keys
