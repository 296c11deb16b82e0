"""Tab-separated goal tables: "PROJEKT/INSATS | MÅL | MÅLUPPFYLLELSE JA | NEJ" and "Mål | Bedömning | Motivering".

A numbered item's column (JA/NEJ) is its status; items of goal and outcome cells are joined
by their number; a table runs on across page furniture.
"""
from __future__ import annotations

import regex
from arsred.extract.document import Line
from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.structure import Headings, cells_of, is_furniture
from arsred.extract.goals.vocabulary import Phrases, fold, is_goal_column, leading_status

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
        elif is_goal_column(f, ph) and "goal" not in cols:
            cols["goal"] = k
        elif any(f == a or f.startswith(a) for a in ph.col_assessment) and "assess" not in cols:
            cols["assess"] = k
        elif f in ph.col_reasons and "reasons" not in cols:
            cols["reasons"] = k
        elif "measure" not in cols and "goal" in cols and _measure_column(f, ph):
            cols["measure"] = k
    if "goal" in cols and ("assess" in cols or "reasons" in cols):
        return cols
    return None


def _measure_column(f: str, ph: Phrases) -> bool:
    """A column after the goal's naming how it is measured or its target ('Indikator', 'Mått och målvärde',
    `[indicator] indicator_columns` and `benchmark`): its cell is the goal's target, not its outcome."""
    words = regex.findall(r"\w+", f)
    return bool(words) and any(w in ph.indicator_columns or w in ph.benchmark for w in words)


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
            row_key = None          # the goal this line opens: the other cells of its line are its own
            for no, text in split_items(gcell):
                key = (initiative, no if no is not None else len(order) + 1000)
                if key not in items:
                    items[key] = {"goal": text, "outcome": "", "status": "", "printed": "", "no": no,
                                  "line": line, "initiative": initiative}
                    order.append(key)
                    row_key = key
                else:
                    items[key]["goal"] += " " + text
                last_key[cols["goal"]] = key
            mcol = cols.get("measure")
            if mcol is not None and mcol < len(cells) and cells[mcol] and (row_key or order):
                measured = items[row_key or order[-1]]
                measured["target"] = (measured.get("target", "") + " " + cells[mcol]).strip()
            out_cols = list(yes_no) or [c for c in (cols.get("assess"), cols.get("reasons")) if c is not None]
            for k in out_cols:
                if k >= len(cells) or not cells[k]:
                    continue
                for no, text in split_items(cells[k]):
                    found_key = ((row_key or last_key.get(k) or (order[-1] if order else None)) if no is None
                                 else (initiative, no))
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
                                 line=rec["line"].number, layout="tab_table", target=rec.get("target", "")))
    return goals
