"""Layout parsers for goal tables: each turns lines of a Document into RawGoal records.

Layouts (see docs/goals.md):
- `tab_tables`: tab-separated tables, "PROJEKT/INSATS | MÅL | MÅLUPPFYLLELSE JA | NEJ",
  where a numbered item's column (JA/NEJ) is its status, and plain "Mål | Bedömning | Motivering";
- `plan_rows`: "MÅL 1: … / Resultatmål 1 … / Uppföljning …" rows of a plan (no outcomes);
- `interleaved_tables`: OCR'd three-column tables whose columns came out as separate
  paragraphs or as two columns glued on one line;
- `prose_goals`: bullet goals with "Styrelsens bedömning: …" assessments, and in a plan
  without any assessed goal, the "ska"-sentences under goal headings.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace

import regex

from arsred.extract.document import Document, Line
from arsred.extract.goals_text import (
    Phrases,
    fold,
    heading_like,
    is_goal_heading,
    leading_status,
    nice_heading,
    sentences,
    strip_numbering,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RawGoal:
    """A goal as a layout found it, before numbers, status inference and money are added."""

    section: str
    goal: str
    outcome: str = ""
    printed: str = ""            # printed assessment ("Ja", "Till viss del", "målet är uppnått")
    status: str = ""             # status the printed assessment or column means
    goal_no: int | None = None
    initiative: str = ""
    page: int = 1
    line: int = 1
    layout: str = ""
    confidence: float = 1.0


FURNITURE = regex.compile(r"(?i)^\s*(?:signering av justerare.*|p[aå] varje sida|sida\s*\d+.*|[\W\d]{0,4}|\p{Lu}{1,3}\d*)\s*$")


def is_furniture(text: str) -> bool:
    return bool(FURNITURE.match(text.replace("\t", " ")))


def cells_of(line: Line) -> list[str]:
    return [c.strip() for c in line.text.split("\t")] if "\t" in line.text else [line.text.strip()]


# --------------------------------------------------------------------------- headings

@dataclass
class Headings:
    """The heading in force at each line index, found once per document."""

    at: list[str] = field(default_factory=list)        # nearest heading (any)
    goal_area: list[str] = field(default_factory=list)  # enclosing goal section, "" outside
    indices: set[int] = field(default_factory=set)       # lines that are headings


def find_headings(lines: list[Line], ph: Phrases) -> Headings:
    from arsred.extract.goals_interleaved import _is_header_fragment
    h = Headings()
    current, area = "", ""
    for i, line in enumerate(lines):
        if (is_heading(lines, i) and not any(fold(line.text).startswith(m) for m in ph.measure_labels)
                and (not _is_header_fragment(line.text, ph) or _lone_goal_heading(lines, i, ph))):
            h.indices.add(i)
            text = nice_heading(line.text)
            numbered = strip_numbering(line.text.strip()) != line.text.strip()
            if is_goal_heading(text, ph):
                if fold(text) not in ph.generic_sections:
                    area = text
                current = area or text
            else:
                if numbered or set(regex.findall(r"\w+", fold(text))) & ph.not_goal_words:
                    area = ""
                current = text
        h.at.append(current)
        h.goal_area.append(area)
    return h


def _lone_goal_heading(lines: list[Line], i: int, ph: Phrases) -> bool:
    """'Måluppfyllelse' standing alone over prose is a heading, though it also names a table column."""
    from arsred.extract.goals_interleaved import _is_header_fragment
    f = fold(lines[i].text)
    if f not in ph.goal_words or f in ph.col_goal:
        return False
    nxt = lines[i + 1].text if i + 1 < len(lines) else ""
    return not _is_header_fragment(nxt, ph) and "\t" not in nxt


def is_heading(lines: list[Line], i: int) -> bool:
    line = lines[i]
    if "\t" in line.text.strip() or not heading_like(line.text):
        return False
    prev_gap = i == 0 or lines[i - 1].number < line.number - 1
    prev_ok = prev_gap or lines[i - 1].text.rstrip()[-1:] in ".:!?" or is_furniture(lines[i - 1].text)
    if not prev_ok:
        return False
    if i + 1 >= len(lines) or lines[i + 1].number > line.number + 1:
        return True
    nxt = lines[i + 1].text.strip()
    return bool(nxt) and (nxt[0].isupper() or nxt[0].isdigit() or "\t" in lines[i + 1].text)


# --------------------------------------------------------------------------- tab tables

_GLUED: dict[int, tuple[Phrases, dict[str, tuple[str, str]]]] = {}


def _glued_names(ph: Phrases) -> dict[str, tuple[str, str]]:
    """Two column names printed over each other ('PROJEKT/INSATSMÅL', 'PROJEKT/INSMAÅTLS'), by their letters."""
    cached = _GLUED.get(id(ph))
    if cached is not None and cached[0] is ph:
        return cached[1]
    roles = [("initiative", ph.col_initiative), ("goal", ph.col_goal), ("assess", ph.col_assessment),
             ("reasons", ph.col_reasons)]
    out: dict[str, tuple[str, str]] = {}
    for i, (r1, names1) in enumerate(roles):
        for r2, names2 in roles[i + 1:]:
            for a in names1:
                for b in names2:
                    out.setdefault("".join(sorted((a + b).replace(" ", ""))), (r1, r2))
    _GLUED[id(ph)] = (ph, out)
    return out


def _header_columns(cells: list[str], ph: Phrases) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    glued = _glued_names(ph)
    for k, c in enumerate(cells):
        f = fold(c)
        if not f:
            continue
        pair = glued.get("".join(sorted(f.replace(" ", ""))))
        if pair and (k + 1 >= len(cells) or not cells[k + 1].strip()) and not (set(pair) & set(cols)):
            cols[pair[0]], cols[pair[1]] = k, k + 1
            continue
        if f in ph.col_initiative and "initiative" not in cols:
            cols["initiative"] = k
        elif (f in ph.col_goal or regex.match(r"^mal( \d{4})?$", f)) and "goal" not in cols:
            cols["goal"] = k
        elif any(f == a or f.startswith(a) for a in ph.col_assessment) and "assess" not in cols:
            cols["assess"] = k
        elif f in ph.col_reasons and "reasons" not in cols:
            cols["reasons"] = k
    if "goal" in cols and ("assess" in cols or "reasons" in cols):
        return cols
    return None


ITEM = regex.compile(r"(?:^|(?<=:)\s*)(\d{1,2})\.\s+(?=\S)")


ITEM_AFTER_SENTENCE = regex.compile(r"(?<=[.!?]\s+)(\d{1,2})\.\s+(?=\S)")


def _item_marks(seg: str) -> list[regex.Match]:
    """Item numbers opening the segment or a label, or after a sentence when they count up ('… upprättas. 2. Minst')."""
    marks = list(ITEM.finditer(seg))
    for m in ITEM_AFTER_SENTENCE.finditer(seg):
        if any(m.start() <= k.start() < m.end() or k.start() <= m.start() < k.end() for k in marks):
            continue
        before = [k for k in marks if k.start() < m.start()]
        prev_no = int(before[-1].group(1)) if before else 0
        if marks and before and int(m.group(1)) > prev_no:
            marks.append(m)
            marks.sort(key=lambda k: k.start())
    return marks


def split_items(cell: str) -> list[tuple[int | None, str]]:
    """'<p>Delmål: 2. 20 deltagare …</p> <p>3. …</p>' -> [(2, '20 deltagare …'), (3, '…')].

    A segment without a number continues the previous item; a bare label ('Mätbara delmål:')
    is dropped.
    """
    out: list[tuple[int | None, str]] = []
    for seg in regex.split(r"</?p>", cell):
        seg = " ".join(seg.split())
        if not seg:
            continue
        marks = _item_marks(seg)
        if not marks:
            if seg.endswith(":") and len(seg.split()) <= 4:
                continue
            if out:
                no, text = out[-1]
                out[-1] = (no, (text + " " + seg).strip())
            else:
                out.append((None, seg))
            continue
        for k, m in enumerate(marks):
            end = marks[k + 1].start() if k + 1 < len(marks) else len(seg)
            out.append((int(m.group(1)), seg[m.end():end].strip()))
    return out


def tab_tables(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    goals: list[RawGoal] = []
    i = 0
    while i < len(lines):
        cols = _header_columns(cells_of(lines[i]), ph) if "\t" in lines[i].text else None
        if not cols:
            i += 1
            continue
        start = i
        section = heads.at[i]
        used.add(i)
        i += 1
        yes_no: dict[int, str] = {}
        if i < len(lines) and "\t" in lines[i].text:
            for k, c in enumerate(cells_of(lines[i])):
                f = fold(c)
                if f in ph.col_yes:
                    yes_no[k] = "uppfyllt"
                elif f in ph.col_no:
                    yes_no[k] = "ej_uppfyllt"
                elif f in ph.col_partly:
                    yes_no[k] = "delvis"
            if yes_no:
                used.add(i)
                i += 1
        items: dict[tuple[str, int], dict] = {}
        order: list[tuple[str, int]] = []
        initiative = ""
        last_key: dict[int, tuple[str, int]] = {}
        while i < len(lines):
            line = lines[i]
            if "\t" not in line.text:
                if is_furniture(line.text):
                    i += 1
                    continue
                break
            cells = cells_of(line)
            if _header_columns(cells, ph):
                break
            used.add(i)
            if all(regex.fullmatch(r"[-:| ]*", c) for c in cells):
                i += 1
                continue
            if cols.get("initiative") is not None and cols["initiative"] < len(cells) and cells[cols["initiative"]]:
                initiative = cells[cols["initiative"]]
            gcell = cells[cols["goal"]] if cols["goal"] < len(cells) else ""
            for no, text in split_items(gcell):
                key = (initiative, no if no is not None else len(order) + 1000)
                if key not in items:
                    items[key] = {"goal": text, "outcome": "", "status": "", "printed": "", "no": no,
                                  "line": line, "initiative": initiative}
                    order.append(key)
                else:
                    items[key]["goal"] += " " + text
                last_key[cols["goal"]] = key
            out_cols = list(yes_no) or [c for c in (cols.get("assess"), cols.get("reasons")) if c is not None]
            for k in out_cols:
                if k >= len(cells) or not cells[k]:
                    continue
                for no, text in split_items(cells[k]):
                    found_key = (last_key.get(k) or (order[-1] if order else None)) if no is None else (initiative, no)
                    if found_key is None:
                        continue
                    key = found_key
                    rec = items.get(key)
                    if rec is None:
                        continue
                    rec["outcome"] = (rec["outcome"] + " " + text).strip()
                    if k in yes_no and not rec["status"]:
                        rec["status"] = yes_no[k]
                        rec["printed"] = fold(lines[start + 1].text.split("\t")[k]).upper() if yes_no else ""
                    elif k == cols.get("assess") and not yes_no:
                        lead = leading_status(text, ph)
                        if lead:
                            rec["printed"], rec["status"] = lead
                    last_key[k] = key
            i += 1
        for key in order:
            rec = items[key]
            lead = leading_status(rec["outcome"], ph) if rec["outcome"] else None
            printed, status = rec["printed"], rec["status"]
            if lead:
                printed, status = lead
            sec = heads.at[start] if heads.at[start] else rec["initiative"]
            goals.append(RawGoal(section=sec or section, goal=rec["goal"], outcome=rec["outcome"],
                                 printed=printed, status=status, goal_no=rec["no"],
                                 initiative=rec["initiative"] or sec, page=rec["line"].page,
                                 line=rec["line"].number, layout="tab_table"))
    return goals


# --------------------------------------------------------------------------- plan rows

PLAN_ROW = regex.compile(r"^\s*([\p{L}]+)\s*(\d{1,2})\s*[:.]?\s*$")


def plan_rows(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    """'Resultatmål 1 <tab> Att …' rows under a 'MÅL 1: …' heading; 'Uppföljning' rows are follow-up, not outcome."""
    goals: list[RawGoal] = []
    section = ""
    for i, line in enumerate(lines):
        cells = [c for c in cells_of(line) if c]
        text = " ".join(line.text.split())
        if len(cells) == 1 and regex.match(r"(?i)^m[aå]l\s*\d+\s*:", text):
            section = nice_heading(text)
            used.add(i)
            continue
        label, body = (cells[0], " ".join(cells[1:])) if len(cells) >= 2 else ("", "")
        if not label:
            m = regex.match(r"^\s*(\p{L}+\s*\d{1,2})\s*[:.]\s+(.+)$", text)
            if m:
                label, body = m.group(1), m.group(2)
        m = PLAN_ROW.match(fold(label)) if label else None
        if m and m.group(1) in ph.plan_goal_labels and body:
            goals.append(RawGoal(section=section or heads.at[i], goal=body, goal_no=int(m.group(2)),
                                 page=line.page, line=line.number, layout="plan_row"))
            used.add(i)
        elif label and fold(label) in ph.plan_followup_labels:
            used.add(i)
    return goals


# --------------------------------------------------------------------------- prose

LABEL_LINE = regex.compile(r"^[\p{Lu}][\p{L} /-]{1,30}:\s")


def _paragraphs(body: list[tuple[int, Line]]) -> list[list[tuple[int, Line]]]:
    paras: list[list[tuple[int, Line]]] = []
    prev = None
    for idx, line in body:
        if prev is None or line.number > prev.number + 1:
            paras.append([])
        paras[-1].append((idx, line))
        prev = line
    return paras


def _para_text(para: list[tuple[int, Line]]) -> str:
    return " ".join(" ".join(line.text.split()) for _, line in para)


def _assessment_body(text: str, ph: Phrases) -> str | None:
    f = fold(text)
    for label in ph.assessment_labels:
        if f.startswith(label) and regex.match(regex.escape(label) + r"\s*:", f):
            return text[text.index(":") + 1:].strip()
    return None


def _goal_text(text: str, ph: Phrases) -> str:
    """Goal sentence plus the sentence that makes it measurable; 'X:s mål är att Y' -> 'Att Y'."""
    t = " ".join(text.split())
    for b in ph.bullets:
        if t.startswith(b + " "):
            t = t[len(b):].strip()
            break
    f = fold(t)
    for intro in ph.goal_intro:
        k = f.find(" " + intro + " ")
        if 0 <= k < 80:
            rest = t[k + len(intro) + 2:].strip()
            t = "Att " + rest if not fold(rest).startswith("att ") else rest[:1].upper() + rest[1:]
            break
    ss = sentences(t)
    if not ss:
        return t
    keep = [ss[0]] + [s for s in ss[1:] if regex.search(r"\d", s) and regex.search(r"(?i)\b(minst|högst|ska|skall)\b", s)]
    return " ".join(keep)


def prose_goals(lines: list[Line], heads: Headings, ph: Phrases, used: set[int], *, plan: bool) -> list[RawGoal]:
    """Bullet goals and their 'Styrelsens bedömning:' paragraphs; in a plan, 'ska'-sentences under goal headings."""
    body = [(k, line) for k, line in enumerate(lines)
            if k not in used and heads.goal_area[k] and k not in heads.indices]
    paras = _paragraphs(body)
    goals: list[RawGoal] = []
    open_goal: dict | None = None
    prev_para: list[tuple[int, Line]] | None = None

    def close() -> None:
        nonlocal open_goal
        if open_goal:
            goals.append(_finish_prose(open_goal, ph))
        open_goal = None

    last_area = ""
    for para in paras:
        k0, first = para[0]
        area = heads.goal_area[k0]
        if area != last_area:
            close()
            prev_para = None
            last_area = area
        lines_text = [" ".join(line.text.split()) for _, line in para]
        head = lines_text[0]
        assessment = _assessment_body(head, ph)
        if any(head.startswith(b + " ") for b in ph.bullets):
            close()
            text = " ".join(t for t in lines_text if not any(fold(t).startswith(m) for m in ph.measure_labels))
            open_goal = {"goal": _goal_text(text, ph), "section": area, "line": first, "assess": [], "extra": []}
        elif assessment is not None:
            if open_goal is None and prev_para is not None:
                ptext = _para_text(prev_para)
                if not ptext.rstrip().endswith(":") and not LABEL_LINE.match(ptext):
                    open_goal = {"goal": _goal_text(ptext, ph), "section": area, "line": prev_para[0][1],
                                 "assess": [], "extra": []}
            if open_goal is not None:
                open_goal["assess"].append(" ".join([assessment] + lines_text[1:]))
        elif open_goal is not None and open_goal["assess"]:
            open_goal["extra"].append(_para_text(para))
        elif plan and heads.at[k0] == area:
            goals += _plan_sentences(para, area, ph)
        if assessment is None and not any(head.startswith(b + " ") for b in ph.bullets):
            prev_para = para
        elif any(head.startswith(b + " ") for b in ph.bullets):
            prev_para = None
    close()
    return goals


GOAL_NUMBER = regex.compile(r"^(?:\p{L}+\s*)?(\d{1,2})\s*[.:)]$")


def _plan_sentences(para: list[tuple[int, Line]], area: str, ph: Phrases) -> list[RawGoal]:
    """The 'ska'-sentences of a plan paragraph, each on the line where it starts; 'Mål 2.' before one is its number."""
    texts = [" ".join(line.text.split()) for _, line in para]
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    text = " ".join(texts)
    goals: list[RawGoal] = []
    pending: int | None = None
    pos = 0
    for s in sentences(text):
        begin = text.find(s, pos)
        pos = begin + len(s) if begin >= 0 else pos
        fs = fold(s)
        m = GOAL_NUMBER.match(fs)
        if m:
            pending = int(m.group(1))
            continue
        if regex.search(r"\b(ska|skall)\b", fs) or any(f" {i} " in f" {fs} " for i in ph.goal_intro):
            k = max(j for j, st in enumerate(starts) if st <= max(begin, 0))
            line = para[k][1]
            goals.append(RawGoal(section=area, goal=_goal_text(s, ph), goal_no=pending, page=line.page,
                                 line=line.number, layout="plan_prose", confidence=0.8))
        pending = None
    return goals


NUMBERED_GOAL = regex.compile(r"^\s*(\p{L}+)\s*(\d{1,2})\s*[.:)]\s+(\S.*)$")


def numbered_goal_lines(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    """'Mål 2. Samtliga insatser ska registreras. Utfall: uppfyllt.' lines under a goal heading.

    The goal is the text after the number; an outcome label ('Utfall:', 'Resultat:') on the same
    line or opening the next line starts the outcome, whose printed assessment is the status.
    """
    from arsred.extract.goals_text import prose_status
    labels = {"mal"} | set(ph.plan_goal_labels)
    goals: list[RawGoal] = []
    outcome_at = regex.compile(r"(?:^|(?<=[.!?]\s))(" + "|".join(regex.escape(x) for x in ph.outcome_labels)
                               + r")\s*:\s*") if ph.outcome_labels else None
    for i, line in enumerate(lines):
        if i in used or i in heads.indices or not heads.goal_area[i] or "\t" in line.text.strip():
            continue
        text = " ".join(line.text.split())
        m = NUMBERED_GOAL.match(text)
        if not m or fold(m.group(1)) not in labels:
            continue
        body = m.group(3)
        if not (regex.search(r"(?i)\b(ska|skall|minst|högst|att)\b|%", body) or body.rstrip().endswith(".")):
            continue
        goal, outcome = body, ""
        cut = outcome_at.search(fold(body)) if outcome_at else None
        if cut and len(fold(body)) == len(body):
            goal, outcome = body[:cut.start()].strip(), body[cut.end():].strip()
        j = i + 1
        while (outcome_at is not None and j < len(lines) and j not in used and lines[j].number == lines[j - 1].number + 1
               and outcome_at.match(fold(" ".join(lines[j].text.split())))):
            nxt = " ".join(lines[j].text.split())
            outcome = (outcome + " " + nxt[outcome_at.match(fold(nxt)).end():]).strip()
            used.add(j)
            j += 1
        printed, status = "", ""
        found = (leading_status(outcome, ph) if outcome else None) or (prose_status(outcome, ph) if outcome else None)
        if found:
            printed, status = found
        used.add(i)
        goals.append(RawGoal(section=heads.goal_area[i], goal=goal, outcome=outcome, printed=printed, status=status,
                             goal_no=int(m.group(2)), page=line.page, line=line.number, layout="numbered_line"))
    return goals


def _finish_prose(g: dict, ph: Phrases) -> RawGoal:
    from arsred.extract.goals_text import prose_status
    outcome = " ".join(g["assess"])
    printed, status = "", ""
    for text in g["assess"] + g["extra"]:
        found = prose_status(text, ph)
        if found:
            printed, status = found
            break
    line: Line = g["line"]
    return RawGoal(section=g["section"], goal=g["goal"], outcome=outcome, printed=printed, status=status,
                   initiative="", page=line.page, line=line.number, layout="prose")


def indicator_lines(lines: list[Line], heads: Headings, ph: Phrases, used: set[int]) -> list[RawGoal]:
    """'Klart positivt svar 95 % …, riktmärke 80 %': the benchmark is the target, the other figure the outcome."""
    if not ph.benchmark:
        return []
    bench = regex.compile(r"(?i)[,;(]?\s*(?:" + "|".join(ph.benchmark) + r")\s*:?\s*(?:minst\s+|högst\s+)?"
                          r"\d+(?:,\d+)?\s*(?:%|procent)\)?")
    goals = []
    for i, line in enumerate(lines):
        if i in used:
            continue
        text = " ".join(line.text.replace("\t", " ").split())
        m = bench.search(fold(text))
        if not m or not regex.search(r"\d", fold(text)[:m.start()] + fold(text)[m.end():]):
            continue
        clause = text[m.start():m.end()].strip(" ,;()")
        rest = (text[:m.start()] + text[m.end():]).strip(" ,;")
        label = regex.split(r"\s\d", rest, maxsplit=1)[0].strip(" ,;:")
        goals.append(RawGoal(section=heads.at[i], goal=f"{label}, {clause}", outcome=rest, page=line.page,
                             line=line.number, layout="indicator", confidence=0.8))
        used.add(i)
    return goals


def all_layouts(doc: Document, ph: Phrases) -> list[RawGoal]:
    from arsred.extract.goals_interleaved import interleaved_tables
    from arsred.extract.goals_lines import reading_lines
    reading = reading_lines(doc, ph)
    lines = reading.lines
    heads = find_headings(lines, ph)
    used: set[int] = set()
    found = tab_tables(lines, heads, ph, used)
    found += plan_rows(lines, heads, ph, used)
    found += interleaved_tables(lines, heads, ph, used)
    found += indicator_lines(lines, heads, ph, used)
    found += numbered_goal_lines(lines, heads, ph, used)
    assessed = any(g.outcome or g.status for g in found)
    prose = prose_goals(lines, heads, ph, used, plan=False)
    assessed = assessed or any(g.outcome for g in prose)
    if not assessed:
        prose = prose_goals(lines, heads, ph, used, plan=True)
    found += prose
    log.debug("%s: %d raw goals", doc.doc_id, len(found))
    out = []
    for g in found:
        page, line = reading.locate(g.line, g.goal, g.goal_no) or (g.page, g.line)
        out.append(replace(g, goal=" ".join(g.goal.split()), outcome=" ".join(g.outcome.split()),
                           page=page, line=line))
    return out
