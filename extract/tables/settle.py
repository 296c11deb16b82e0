"""Choose each row's reading by the table's own arithmetic.

Every row comes with the readings its grammar allows (`readings.row_readings` placed in
the header's columns). The identities a statement table prints are tested for every
choice: a row equal to the sum of a run of rows directly above it (Summa, the
Resultaträkning chain, Kassaflöde, the balanskrav chain — each a running sum), and a
column that reckons two others (avvikelse = utfall − budget). A row's reading is decided
when one reading makes strictly more identities hold than any other; otherwise, only
where the readings' magnitudes differ by orders of magnitude down the columns is the
closest one kept (and marked as read more than one way). A row still undecided keeps only
the figures all its readings agree on; the rest are reported, never guessed.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal

from arsred.extract.tables.lines import Column

MAX_BLOCK = 24            # rows a running sum may span
MAGNITUDE_MARGIN = 2.0    # orders of magnitude by which the closest reading must win


@dataclass
class Candidate:
    """One reading of one row: its note and a value per column (None: no figure there)."""

    note: str | None
    cells: tuple            # per column: (Amount, token) or None
    prior: float = 0.0


@dataclass
class RowChoice:
    candidates: list[Candidate]
    chosen: int = 0
    decided_by: set[str] = field(default_factory=set)     # identities that settled it
    undecided: bool = False
    tied: list[int] = field(default_factory=list)


def _units(value: Decimal, scale: int) -> int:
    return int((value * scale).to_integral_value())


class Arithmetic:
    """The identities of one table, evaluated on integer units of its smallest printed decimal."""

    def __init__(self, rows: list[RowChoice], columns: tuple[Column, ...], scale: int,
                 column_pairs: list[tuple[int, int, int]]):
        self.rows = rows
        self.columns = columns
        self.scale = scale
        self.pairs = column_pairs          # (result, minuend, subtrahend) column indices
        self.values = [[tuple(None if cell is None or cell[0] is None else _units(cell[0].value, scale)
                              for cell in cand.cells) for cand in row.candidates] for row in rows]
        self.evaluations = 0

    def value(self, r: int, c: int, cand: int | None = None) -> int | None:
        return self.values[r][self.rows[r].chosen if cand is None else cand][c]

    def holds_for(self, r: int, cand: int) -> set[str]:
        """The identity keys that hold with row r read as candidate `cand` (others as chosen)."""
        self.evaluations += 1
        out: set[str] = set()
        n = len(self.rows)
        ncol = len(self.columns)
        for c in range(ncol):
            v = self.value(r, c, cand)
            # r as the total of a run above it
            if v is not None and v != 0:
                hit = self._run_to(r, c, v, None, None)
                if hit:
                    out.add(hit[0])
            # r as a part of a run that a later row totals; a figure that breaks a sum holding
            # without it counts against its reading ("!" keys)
            for t in range(r + 1, min(n, r + MAX_BLOCK + 1)):
                tv = self.value(t, c)
                if tv is None or tv == 0:
                    continue
                hit = self._run_to(t, c, tv, r, v)
                if hit and r in hit[1]:
                    out.add(hit[0])
                elif not hit and v:
                    without = self._run_to(t, c, tv, r, None)
                    if without:
                        out.add("!" + without[0])
        for res, a, b in self.pairs:
            vals = [self.value(r, k, cand) for k in (res, a, b)]
            if None in vals or all(x == 0 for x in vals):
                continue
            if abs(vals[0] - (vals[1] - vals[2])) <= 1 or abs(vals[0] + (vals[1] - vals[2])) <= 1:
                out.add(f"col:{r}:{res}")
        return out

    def _v(self, s: int, c: int, swap_row: int | None, swap_value: int | None) -> int | None:
        return swap_value if s == swap_row else self.value(s, c)

    def _contiguous_start(self, t: int, c: int, swap_row: int | None, swap_value: int | None) -> int | None:
        """Where the contiguous run that row t totals begins, if one does."""
        total = self._v(t, c, swap_row, swap_value)
        if total is None or total == 0:
            return None
        acc = parts = 0
        for s in range(t - 1, max(-1, t - 1 - MAX_BLOCK), -1):
            v = self._v(s, c, swap_row, swap_value)
            if v is not None:
                acc += v
                parts += v != 0
            if parts >= 2 and abs(acc - total) <= max(1, (parts + 1) // 2):
                return s
        return None

    def _run_to(self, t: int, c: int, total: int, swap_row: int | None,
                swap_value: int | None) -> tuple[str, frozenset[int]] | None:
        """Rows above t whose figures in column c add up to `total`: a contiguous run, where a
        subtotal may stand for the rows it sums ("Resultat före finansiella poster" =
        "Verksamhetens nettokostnad" + "Skattenetto", the tax lines above Skattenetto skipped).
        Two non-zero parts at least; one part only across a row that prints nothing there
        ("Årets resultat" = "Resultat efter finansiella poster" + "Extraordinära poster –")."""
        stack = [(t - 1, 0, 0, frozenset(), 0)]
        visited = 0
        while stack and visited < 400:
            s, acc, parts, used, jumps = stack.pop()
            visited += 1
            if s < 0 or t - s > MAX_BLOCK:
                continue
            v = self._v(s, c, swap_row, swap_value)
            if v is not None:
                acc += v
                parts += v != 0
                used = used | {s}
            if parts and (parts >= 2 or (t - s >= 2 and abs(total) >= 10)) and \
                    abs(acc - total) <= max(1, (parts + 1) // 2):
                return f"run:{t}:{c}:{','.join(map(str, sorted(used)))}", used
            stack.append((s - 1, acc, parts, used, jumps))
            if jumps < 2 and v is not None and v != 0:
                start = self._contiguous_start(s, c, swap_row, swap_value)
                if start is not None:
                    stack.append((start - 1, acc, parts, used, jumps + 1))
        return None


def settle(rows: list[RowChoice], columns: tuple[Column, ...], scale: int,
           column_pairs: list[tuple[int, int, int]], rounds: int = 4, strict: bool = False) -> None:
    """Pick each ambiguous row's reading by the identities it makes hold (iterated to a fixed point).

    `strict` (glued layouts, where the grammar allows so many values that a sum can hold by
    chance) asks a reading to make two identities more hold than any other reading does.
    """
    arith = Arithmetic(rows, columns, scale, column_pairs)
    ambiguous = [r for r, row in enumerate(rows) if len(row.candidates) > 1]
    if not ambiguous:
        return
    # several starting points (note references favoured, avoided, as the prior says): a
    # running sum whose parts are all misread cannot be repaired one row at a time
    best: tuple[int, list[int]] | None = None
    biases = (0.0, -2.0, 2.0) if sum(len(rows[r].candidates) for r in ambiguous) <= 120 else (0.0,)
    for note_bias in biases:
        for row in rows:
            row.chosen = max(range(len(row.candidates)),
                             key=lambda k, row=row: row.candidates[k].prior
                             + (note_bias if row.candidates[k].note is not None else 0.0))
        _climb(arith, rows, ambiguous, rounds)
        if len(ambiguous) <= MAX_PAIR_ROWS:
            _settle_pairs(arith, rows, ambiguous)
            _climb(arith, rows, ambiguous, rounds)
        total = score(set().union(*(arith.holds_for(r, rows[r].chosen) for r in range(len(rows)))))
        if best is None or total > best[0]:
            best = (total, [row.chosen for row in rows])
    assert best is not None
    for row, k in zip(rows, best[1]):
        row.chosen = k
    _propagate(arith, rows, ambiguous, strict)
    for r in ambiguous:
        row = rows[r]
        if row.decided_by:
            continue
        contenders = list(range(len(row.candidates)))
        # no identity over fixed figures tells them apart: magnitudes down the columns, when decisive
        dev = sorted((_magnitude_deviation(rows, r, k, len(columns)), k) for k in contenders)
        if len(dev) > 1 and dev[1][0] - dev[0][0] >= MAGNITUDE_MARGIN:
            row.chosen = dev[0][1]
            row.tied = contenders
            continue
        row.undecided = True
        row.tied = contenders


def score(keys: set[str]) -> int:
    """Identities a reading makes hold, less those it breaks."""
    return sum(-1 if k.startswith("!") else 1 for k in keys)


def _participants(key: str, r: int) -> set[int]:
    parts = key.lstrip("!").split(":")
    if parts[0] == "col":
        return {r}
    return {int(parts[1])} | {int(x) for x in parts[3].split(",") if x}


def _grounded(arith: Arithmetic, r: int, k: int, fixed: set[int], extra: set[int] = frozenset()) -> set[str]:
    """Identities that hold with row r read as k and every other figure in them already fixed."""
    return {key for key in arith.holds_for(r, k) if _participants(key, r) - {r} <= fixed | extra}


def _propagate(arith: Arithmetic, rows: list[RowChoice], ambiguous: list[int], strict: bool) -> None:
    """Decide rows one identity at a time, each resting only on figures already fixed.

    Figures printed one way are fixed from the start; a row is decided when exactly one of its
    readings makes an identity over fixed figures hold (two, in strict mode), and is then fixed
    itself. Two rows of one sum that are both ambiguous are decided together. A decision never
    rests on another guess, so the figures it fixes are proven, not merely consistent.
    """
    fixed = {r for r, row in enumerate(rows) if len(row.candidates) == 1}
    need = 2 if strict else 1
    open_rows = list(ambiguous)
    for _ in range(len(ambiguous) + 1):
        progress = False
        for r in list(open_rows):
            row = rows[r]
            holds = [_grounded(arith, r, k, fixed) for k in range(len(row.candidates))]
            counts = [score(h) for h in holds]
            top = max(counts)
            tops = [k for k, n in enumerate(counts) if n == top]
            runner = max((n for k, n in enumerate(counts) if k != tops[0]), default=0)
            if top >= need and len(tops) == 1 and top - runner >= need:
                row.chosen = tops[0]
                row.decided_by = holds[tops[0]]
                fixed.add(r)
                open_rows.remove(r)
                progress = True
        if not progress and not _propagate_pairs(arith, rows, open_rows, fixed, need):
            break


def _propagate_pairs(arith: Arithmetic, rows: list[RowChoice], open_rows: list[int], fixed: set[int],
                     need: int) -> bool:
    small = [r for r in open_rows if len(rows[r].candidates) <= MAX_PAIR_CANDIDATES]
    for a_i, r1 in enumerate(small):
        for r2 in small[a_i + 1:]:
            if r2 - r1 > PAIR_DISTANCE:
                break
            old = rows[r1].chosen, rows[r2].chosen
            scored = []
            for k1 in range(len(rows[r1].candidates)):
                for k2 in range(len(rows[r2].candidates)):
                    rows[r1].chosen, rows[r2].chosen = k1, k2
                    h = _grounded(arith, r1, k1, fixed, {r2}) | _grounded(arith, r2, k2, fixed, {r1})
                    scored.append((score(h), k1, k2, h))
            rows[r1].chosen, rows[r2].chosen = old
            scored.sort(key=lambda x: -x[0])
            if scored and scored[0][0] >= need + 1 and (len(scored) == 1 or scored[0][0] - scored[1][0] >= need):
                _, k1, k2, h = scored[0]
                rows[r1].chosen, rows[r2].chosen = k1, k2
                rows[r1].decided_by = rows[r2].decided_by = h
                fixed.update((r1, r2))
                open_rows.remove(r1)
                open_rows.remove(r2)
                return True
    return False


MAX_PAIR_CANDIDATES = 16
MAX_PAIR_ROWS = 8
PAIR_DISTANCE = 4


def _settle_pairs(arith: Arithmetic, rows: list[RowChoice], ambiguous: list[int]) -> None:
    """Two ambiguous rows of one running sum (Uppskjuten skatt, Skatt) can only be read together."""
    small = [r for r in ambiguous if len(rows[r].candidates) <= MAX_PAIR_CANDIDATES]
    for a_i, r1 in enumerate(small):
        for r2 in small[a_i + 1:]:
            if r2 - r1 > PAIR_DISTANCE:
                break
            base = (rows[r1].chosen, rows[r2].chosen)
            best = (_joint(arith, rows, r1, r2, *base), base)
            for k1 in range(len(rows[r1].candidates)):
                for k2 in range(len(rows[r2].candidates)):
                    score = _joint(arith, rows, r1, r2, k1, k2)
                    if score > best[0]:
                        best = (score, (k1, k2))
            rows[r1].chosen, rows[r2].chosen = best[1]


def _joint(arith: Arithmetic, rows: list[RowChoice], r1: int, r2: int, k1: int, k2: int) -> tuple[int, float]:
    old = rows[r1].chosen, rows[r2].chosen
    rows[r1].chosen, rows[r2].chosen = k1, k2
    n = score(arith.holds_for(r1, k1) | arith.holds_for(r2, k2))
    rows[r1].chosen, rows[r2].chosen = old
    return n, rows[r1].candidates[k1].prior + rows[r2].candidates[k2].prior


def _climb(arith: Arithmetic, rows: list[RowChoice], ambiguous: list[int], rounds: int) -> None:
    for _ in range(rounds):
        changed = False
        for r in ambiguous:
            row = rows[r]
            scored = [(score(arith.holds_for(r, k)), row.candidates[k].prior, k) for k in range(len(row.candidates))]
            best = max(scored)
            current = next(sc for sc in scored if sc[2] == row.chosen)
            if best[2] != row.chosen and best[:2] > current[:2]:
                row.chosen = best[2]
                changed = True
        if not changed:
            break


def _magnitude_deviation(rows: list[RowChoice], r: int, cand: int, ncol: int) -> float:
    """How far the reading's figures stand from the magnitude of their columns' unambiguous figures."""
    total = 0.0
    cells = rows[r].candidates[cand].cells
    for c in range(ncol):
        cell = cells[c]
        if cell is None or cell[0] is None or cell[0].value == 0:
            continue
        ref = [abs(row.candidates[0].cells[c][0].value) for row in rows
               if len(row.candidates) == 1 and row.candidates[0].cells[c] is not None
               and row.candidates[0].cells[c][0] is not None and row.candidates[0].cells[c][0].value != 0]
        if not ref:
            continue
        ref.sort()
        median = float(ref[len(ref) // 2])
        total += abs(math.log10(abs(float(cell[0].value))) - math.log10(median))
    return total
