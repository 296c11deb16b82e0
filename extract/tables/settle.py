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

import itertools
import logging
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

from arsred.extract.tables.chains import Chain, Definition
from arsred.extract.tables.lines import Column

log = logging.getLogger(__name__)

MAX_BLOCK = 24            # rows a running sum may span
MAX_WORK = 1_500_000      # counted work one table's settlement may cost (see docs/tables.md)
MAX_RUN_STATES = 400      # states one search for a run may visit
PLAUSIBLE_ORDERS = 1.5    # a figure this many orders of magnitude off its column's figures is implausible
MAGNITUDE_MARGIN = 1.0    # and every other reading this many orders farther still, or magnitude does not decide


class WorkCapReached(Exception):
    """The search counted more work than a table may cost: its open rows stay undecided."""


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
    by_magnitude: bool = False      # no identity decided: only magnitudes down the columns (never verified by them)
    cut_off: bool = False           # the page excerpt ends inside this row: its last columns are not printed


_TOL = [max(1, (parts + 1) // 2) for parts in range(4 * MAX_BLOCK + 2)]   # rounding a sum of n parts may show


def _units(value: Decimal, scale: int) -> int:
    return int((value * scale).to_integral_value())


class Arithmetic:
    """The identities of one table, evaluated on integer units of its smallest printed decimal.

    Evaluations are memoised on the figures they read (the chosen reading of every row, and
    the column window a run can reach), so the search never reckons the same sum twice. The
    work is counted (readings evaluated, states of the run search, block combinations tried);
    past `budget` the search stops with WorkCapReached.
    """

    def __init__(self, rows: list[RowChoice], columns: tuple[Column, ...], scale: int,
                 column_pairs: list[tuple[int, int, int]], chains: tuple[Chain, ...] = ()):
        self.rows = rows
        self.columns = columns
        self.chains = chains               # identities over named rows (checks.toml), wherever they stand
        self.scale = scale
        self.pairs = column_pairs          # (result, minuend, subtrahend) column indices
        self.values = [[tuple(None if cell is None or cell[0] is None else _units(cell[0].value, scale)
                              for cell in cand.cells) for cand in row.candidates] for row in rows]
        self.evaluations = 0               # readings of a row evaluated against the identities
        self.steps = 0                     # states the run search visited (not from memory)
        self.combinations = 0              # partial and whole combinations of block readings tried
        self.budget = math.inf
        self._holds: dict[tuple, frozenset[str]] = {}
        self._parts: dict[tuple, frozenset[str]] = {}
        self._runs: dict[tuple, tuple[str, frozenset[int]] | None] = {}
        self._blocks: dict[tuple, tuple[tuple[int, ...], ...] | None] = {}

    @property
    def work(self) -> int:
        return self.evaluations + self.steps + self.combinations

    def _charge(self) -> None:
        if self.work > self.budget:
            raise WorkCapReached(self.work)

    def value(self, r: int, c: int, cand: int | None = None) -> int | None:
        return self.values[r][self.rows[r].chosen if cand is None else cand][c]

    def chosen(self) -> tuple[int, ...]:
        return tuple(row.chosen for row in self.rows)

    def holds_for(self, r: int, cand: int, totals: frozenset[int] | set[int] | None = None) -> set[str]:
        """The identity keys that hold with row r read as candidate `cand` (others as chosen).

        `totals`: when given, r is tried as a part only of runs that one of these rows totals
        (the caller keeps only identities over them: the others need not be reckoned)."""
        self.evaluations += 1
        self._charge()
        chosen = self.chosen()
        later = range(r + 1, min(len(self.rows), r + MAX_BLOCK + 1))
        ts = tuple(later) if totals is None else tuple(t for t in later if t in totals)
        key = (r, cand, chosen, ts)
        hit = self._holds.get(key)
        if hit is None:
            hit = self._holds[key] = frozenset(self._holds_for(r, cand, chosen, ts))
        return set(hit)

    def _holds_for(self, r: int, cand: int, chosen: tuple[int, ...], ts: tuple[int, ...]) -> set[str]:
        out: set[str] = set()
        n = len(self.rows)
        values = self.values
        own = values[r][cand]
        for c in range(len(self.columns)):
            column = tuple(values[s][chosen[s]][c] for s in range(n))
            v = own[c]
            # r as the total of a run above it
            if v is not None and v != 0:
                hit = self._run_to(r, c, v, column, {})
                if hit:
                    out.add(hit[0])
            # r as a part of a run that a later row totals
            out |= self._as_part(r, c, v, column, ts)
        for res, a, b in self.pairs:
            x, y, z = own[res], own[a], own[b]
            if x is None or y is None or z is None or x == y == z == 0:
                continue
            if identity_holds(x, y, z):
                out.add(f"col:{r}:{res}")
        return out

    def _as_part(self, r: int, c: int, v: int | None, column: tuple, ts: tuple[int, ...]) -> frozenset[str]:
        """The runs that rows `ts` below r total and that hold with figure v in row r; a figure
        that breaks a sum holding without it counts against its reading ("!" keys)."""
        key = (r, c, v, column, ts)
        found = self._parts.get(key)
        if found is not None:
            return found
        out: set[str] = set()
        with_v = column[:r] + (v,) + column[r + 1:]
        without = column[:r] + (None,) + column[r + 1:]
        starts_with: dict[int, int | None] = {}
        starts_without: dict[int, int | None] = {}
        for t in ts:
            tv = column[t]
            if tv is None or tv == 0:
                continue
            hit = self._run_to(t, c, tv, with_v, starts_with)
            if hit and r in hit[1]:
                out.add(hit[0])
            elif not hit and v:
                miss = self._run_to(t, c, tv, without, starts_without)
                if miss:
                    out.add("!" + miss[0])
        found = self._parts[key] = frozenset(out)
        return found

    def _run_to(self, t: int, c: int, total: int, column: tuple,
                starts: dict[int, int | None]) -> tuple[str, frozenset[int]] | None:
        """Rows above t whose figures in column c add up to `total`: a contiguous run, where a
        subtotal may stand for the rows it sums ("Resultat före finansiella poster" =
        "Verksamhetens nettokostnad" + "Skattenetto", the tax lines above Skattenetto skipped).
        Two non-zero parts at least; one part only across a row that prints nothing there
        ("Årets resultat" = "Resultat efter finansiella poster" + "Extraordinära poster –").
        `starts` remembers, for this column, where each subtotal's run begins."""
        lo = max(0, t - 2 * MAX_BLOCK)          # the farthest row a run (and a subtotal in it) reaches
        key = (t, c, total, column[lo:t])
        if key in self._runs:
            return self._runs[key]
        result = None
        big = abs(total) >= 10
        stack: list[tuple] = [(t - 1, 0, 0, None, 0)]
        visited = 0
        while stack and visited < MAX_RUN_STATES:
            s, acc, parts, path, jumps = stack.pop()
            visited += 1
            if s < 0 or t - s > MAX_BLOCK:
                continue
            v = column[s]
            if v is not None:
                acc += v
                if v:
                    parts += 1
                path = (s, path)             # the rows used, innermost first
            # one part only across rows that print nothing directly above the total, never across a
            # subtotal's run jumped over (a figure there would seem to break the sum); a total no larger
            # than the rounding window of its parts ('15' within ±9 of eighteen rows) holds by chance
            if parts and (parts >= 2 or (big and t - s >= 2 and not jumps)) and \
                    -_TOL[parts] <= acc - total <= _TOL[parts] and abs(total) > 2 * _TOL[parts]:
                used = set()
                while path is not None:
                    used.add(path[0])
                    path = path[1]
                result = (f"run:{t}:{c}:{','.join(map(str, sorted(used)))}", frozenset(used))
                break
            start = None
            if v:
                if s not in starts:
                    starts[s] = _contiguous_start(column, s)
                start = starts[s]
            # a subtotal counted stands for its run: the run goes on above it, never into its parts
            # (that would count them twice: 'Verksamhetens nettokostnad' and the rows it totals)
            if start is None:
                stack.append((s - 1, acc, parts, path, jumps))
            elif jumps < 2:
                stack.append((start - 1, acc, parts, path, jumps + 1))
        self.steps += visited
        self._charge()
        self._runs[key] = result
        return result

    def block_hit(self, s: int, t: int, amb: tuple[int, ...]) -> tuple[tuple[int, ...], ...] | None:
        """The combinations of readings of the ambiguous rows `amb` (t among them, when its own
        reading is open) under which rows s..t-1 add up to row t in every column t prints; None
        when none or more than MAX_BLOCK_HITS do. Every other row of the block is fixed, so the
        answer is remembered. A partial combination that no readings of the rows left can bring
        within reach of the total is not pursued."""
        key = (s, t, amb)
        if key not in self._blocks:
            self._blocks[key] = self._block_hit(s, t, amb)
        return self._blocks[key]

    def _block_hit(self, s: int, t: int, amb: tuple[int, ...]) -> tuple[tuple[int, ...], ...] | None:
        ncol = len(self.columns)
        parts_rows = [r for r in amb if r != t]
        base_acc = [0] * ncol               # the block's fixed rows
        base_parts = [0] * ncol
        printed: set[int] = set()            # columns the fixed rows print a figure in (0 too)
        for r in range(s, t):
            if r in parts_rows:
                continue
            for c in range(ncol):
                v = self.value(r, c)
                if v is not None:
                    printed.add(c)
                if v:
                    base_acc[c] += v
                    base_parts[c] += 1
        size = t - s
        slack = max(1, (size + 1) // 2)            # the widest tolerance any count of parts allows
        options = [[tuple(v or 0 for v in vals) for vals in self.values[r]] for r in parts_rows]
        counts = [[tuple(int(bool(v)) for v in vals) for vals in self.values[r]] for r in parts_rows]
        # what the rows after depth i can still add, at least and at most, per column
        low = [[0] * ncol for _ in range(len(parts_rows) + 1)]
        high = [[0] * ncol for _ in range(len(parts_rows) + 1)]
        more = [[0] * ncol for _ in range(len(parts_rows) + 1)]
        for i in range(len(parts_rows) - 1, -1, -1):
            for c in range(ncol):
                col = [o[c] for o in options[i]]
                low[i][c] = low[i + 1][c] + min(col)
                high[i][c] = high[i + 1][c] + max(col)
                more[i][c] = more[i + 1][c] + max(k[c] for k in counts[i])
        t_options = range(len(self.values[t])) if t in amb else [self.rows[t].chosen]
        hits: list[tuple[int, ...]] = []
        for kt in t_options:
            totals = {c: v for c, v in enumerate(self.values[t][kt]) if v is not None}   # the columns t prints
            cols = list(totals)
            if not cols or 0 in totals.values() or not printed <= totals.keys():
                continue                     # a total that leaves empty a column its parts print sums nothing there
            stack: list[tuple[int, tuple[int, ...], tuple[int, ...], tuple[int, ...]]] = [
                (0, tuple(base_acc), tuple(base_parts), ())]
            while stack:
                i, acc, parts, combo = stack.pop()
                self.combinations += 1
                self._charge()
                # a sum of two parts at least in one column (a column whose one part equals the total,
                # Göteborg's 'Återföring utvecklingsfond' 106 under its Summa 106, holds there too)
                if all(parts[c] + more[i][c] < 2 for c in cols) or any(
                        not acc[c] + low[i][c] - slack <= totals[c] <= acc[c] + high[i][c] + slack for c in cols):
                    continue                     # no readings of the rows left can make this add up
                if i == len(parts_rows):
                    if all(-_TOL[parts[c]] <= acc[c] - totals[c] <= _TOL[parts[c]] for c in cols):
                        full = dict(zip(parts_rows, combo))
                        if t in amb:
                            full[t] = kt
                        hits.append(tuple(full[r] for r in amb))
                        if len(hits) > MAX_BLOCK_HITS:
                            return None
                    continue
                for k in range(len(options[i]) - 1, -1, -1):
                    o, n = options[i][k], counts[i][k]
                    stack.append((i + 1, tuple(a + b for a, b in zip(acc, o)), tuple(a + b for a, b in zip(parts, n)),
                                  combo + (k,)))
        return tuple(hits) if hits else None


MAX_BLOCK_HITS = 4        # combinations of a block that add up, beyond which none of its rows is decided


def _contiguous_start(column: tuple, t: int) -> int | None:
    """Where the contiguous run that row t totals begins, if one does."""
    total = column[t]
    if total is None or total == 0:
        return None
    acc = parts = 0
    for s in range(t - 1, max(-1, t - 1 - MAX_BLOCK), -1):
        v = column[s]
        if v:
            acc += v
            parts += 1
            if parts >= 2 and -_TOL[parts] <= acc - total <= _TOL[parts]:
                return s
    return None


@dataclass
class Settlement:
    """What settling one table cost, in counted work (not time, so the bound is the same on
    every machine), and whether the bound stopped it."""

    evaluations: int = 0        # readings of a row evaluated against the table's identities
    steps: int = 0              # states the search for running sums visited
    combinations: int = 0       # (partial) combinations of a block's readings tried
    capped: bool = False        # the bound was reached: the rows still open are undecided

    @property
    def work(self) -> int:
        return self.evaluations + self.steps + self.combinations


_counters: list[Settlement] = []


@contextmanager
def counting() -> Iterator[Settlement]:
    """Sum the counted work of every table settled inside the block (benchmarks, tests)."""
    total = Settlement()
    _counters.append(total)
    try:
        yield total
    finally:
        _counters.remove(total)


def settle(rows: list[RowChoice], columns: tuple[Column, ...], scale: int,
           column_pairs: list[tuple[int, int, int]], rounds: int = 4, strict: bool = False,
           chains: tuple[Chain, ...] = ()) -> Settlement:
    """Pick each ambiguous row's reading by the identities it makes hold (iterated to a fixed point).

    `strict` (glued layouts, where the grammar allows so many values that a sum can hold by
    chance) asks a reading to make two identities more hold than any other reading does.
    The search may cost MAX_WORK counted steps; rows it has not decided when it reaches the
    bound are left undecided (never guessed), and the returned Settlement says so. `chains`: the
    statement's identities over named rows (`chains.named_chains`), which decide what the running
    sums leave open (`_propagate_chains`).
    """
    arith = Arithmetic(rows, columns, scale, column_pairs, chains)
    arith.budget = MAX_WORK
    ambiguous = [r for r, row in enumerate(rows) if len(row.candidates) > 1]
    if strict and ambiguous and _settle_whole(arith, rows, ambiguous):
        ambiguous = []
    capped = False
    if ambiguous:
        try:
            _search(arith, rows, ambiguous, rounds, strict)
        except WorkCapReached:
            capped = True
            log.warning("a table of %d rows (%d read more than one way) reached the search bound of %d counted steps; "
                        "its open rows are left undecided", len(rows), len(ambiguous), MAX_WORK)
    for r in ambiguous:
        row = rows[r]
        if row.decided_by:
            continue
        contenders = list(range(len(row.candidates)))
        row.tied = contenders
        # no identity over fixed figures tells them apart: magnitudes down the columns, when
        # exactly one reading puts every figure within the magnitude of its column
        if not capped:
            deviation = [_worst_deviation(rows, r, k, len(columns)) for k in contenders]
            plausible = [k for k in contenders if deviation[k] <= PLAUSIBLE_ORDERS]
            if len(plausible) == 1 and all(deviation[k] >= PLAUSIBLE_ORDERS + MAGNITUDE_MARGIN
                                           for k in contenders if k != plausible[0]):
                row.chosen = plausible[0]
                row.by_magnitude = True
                continue
        row.undecided = True
    outcome = Settlement(arith.evaluations, arith.steps, arith.combinations, capped)
    for total in _counters:
        total.evaluations += outcome.evaluations
        total.steps += outcome.steps
        total.combinations += outcome.combinations
        total.capped = total.capped or capped
    return outcome


MAX_WHOLE_COMBOS = 64     # combinations of the readings that keep every row's own identity, tried at most


def identity_holds(result, minuend, subtrahend, tol=1) -> bool:
    """A column identity (avvikelse = utfall − budget/prognos) within `tol`, in either sign convention
    (a deviation printed as budget − utfall holds too)."""
    return abs(result - (minuend - subtrahend)) <= tol or abs(result + (minuend - subtrahend)) <= tol


def _settle_whole(arith: Arithmetic, rows: list[RowChoice], ambiguous: list[int]) -> bool:
    """A glued table whose every row prints its column identity (avvikelse = utfall − prognos) and whose
    first or last row totals all the others ('Servicenämnd673235' … 'ÅRETS RESULTAT563316247', the total
    printed above its parts too): the readings that keep each row's own identity, and the one combination
    of them under which that row adds up the rest in every column, decide every row at once. Two
    identities at least stand behind each figure (its row's and its column's sum), as `strict` asks."""
    if not arith.pairs:
        return False

    def keeps(vals: tuple) -> bool:
        return all(None not in (vals[x], vals[a], vals[b]) and identity_holds(vals[x], vals[a], vals[b])
                   for x, a, b in arith.pairs)
    keep: dict[int, list[int]] = {}
    for r, row in enumerate(rows):
        held = [k for k, vals in enumerate(arith.values[r]) if keeps(vals)]
        if r in ambiguous and not held:
            return False
        if r not in ambiguous:
            if any(v is not None for v in arith.values[r][row.chosen]) and not held:
                return False            # a row printed one way that breaks its own identity
            continue
        keep[r] = held
    if math.prod(len(ks) for ks in keep.values()) > MAX_WHOLE_COMBOS:
        return False
    figured = [r for r, row in enumerate(rows) if any(v is not None for v in arith.values[r][row.chosen])]
    if not 3 <= len(figured) <= len(_TOL):
        return False                    # a sum of more parts than the running sums allow is not tried
    ncol = len(arith.columns)
    hits = []
    for combo in itertools.product(*(keep[r] for r in ambiguous)):
        pick = {**{r: row.chosen for r, row in enumerate(rows)}, **dict(zip(ambiguous, combo))}
        for total in (figured[0], figured[-1]):
            parts = [r for r in figured if r != total]
            tv = arith.values[total][pick[total]]
            if any(v is None or v == 0 for v in tv):
                continue
            sums = [sum(arith.values[r][pick[r]][c] or 0 for r in parts) for c in range(ncol)]
            tol = _TOL[len(parts)]
            if all(abs(sums[c] - tv[c]) <= tol for c in range(ncol)):         # type: ignore[operator]
                hits.append((combo, total))
    if len(hits) != 1:
        return False
    combo, total = hits[0]
    for r, k in zip(ambiguous, combo):
        rows[r].chosen = k
        rows[r].decided_by = {f"col:{r}:*", f"whole:{total}"}
    return True


CLIMB_SHARE = 0.5         # of MAX_WORK: the starting points may cost this much, the decisions the rest


def _search(arith: Arithmetic, rows: list[RowChoice], ambiguous: list[int], rounds: int, strict: bool) -> None:
    """Choose a starting configuration, then decide rows on fixed figures only (`_propagate`).

    The starting points only steer which runs the search finds first; every decision rests on
    fixed figures whatever they are. So where the starting points would cost more than
    CLIMB_SHARE of the bound, the best configuration found so far is kept and the decisions
    still get the rest of the work: a large glued table decides what its identities over fixed
    figures prove instead of nothing."""
    # several starting points (note references favoured, avoided, as the prior says): a
    # running sum whose parts are all misread cannot be repaired one row at a time
    best: tuple[int, list[int]] | None = None
    biases = (0.0, -2.0, 2.0) if sum(len(rows[r].candidates) for r in ambiguous) <= 120 else (0.0,)
    limit = arith.budget
    arith.budget = min(limit, arith.work + CLIMB_SHARE * limit)
    try:
        for note_bias in biases:
            for row in rows:
                priors = [c.prior + (note_bias if c.note is not None else 0.0) for c in row.candidates]
                row.chosen = priors.index(max(priors))
            _climb(arith, rows, ambiguous, rounds)
            if len(ambiguous) <= MAX_PAIR_ROWS:
                _settle_pairs(arith, rows, ambiguous)
                _climb(arith, rows, ambiguous, rounds)
            total = score(set().union(*(arith.holds_for(r, rows[r].chosen) for r in range(len(rows)))))
            if best is None or total > best[0]:
                best = (total, [row.chosen for row in rows])
    except WorkCapReached:
        log.info("the starting points of a table of %d rows reached their share of the bound; deciding from "
                 "the best found", len(rows))
        if best is None:
            best = (0, [row.chosen for row in rows])
    arith.budget = limit
    assert best is not None
    for row, k in zip(rows, best[1]):
        row.chosen = k
    _propagate(arith, rows, ambiguous, strict)


def score(keys: set[str]) -> int:
    """Identities a reading makes hold, less those it breaks."""
    return sum(-1 if k.startswith("!") else 1 for k in keys)


def participants(key: str, r: int) -> set[int]:
    parts = key.lstrip("!").split(":")
    if parts[0] == "col":
        return {r}
    return {int(parts[1])} | {int(x) for x in parts[3].split(",") if x}


def _grounded(arith: Arithmetic, r: int, k: int, fixed: set[int],
              extra: set[int] | frozenset[int] = frozenset()) -> set[str]:
    """Identities that hold with row r read as k and every other figure in them already fixed."""
    known = fixed | extra
    return {key for key in arith.holds_for(r, k, known)
            if participants(key, r) - {r} <= known and not _within_rounding(arith, r, k, key)}


def _within_rounding(arith: Arithmetic, r: int, k: int, key: str) -> bool:
    """A running sum to which row r, read as k, adds a part no larger than the sum's rounding
    tolerance ('Utrangering 1' in a kassaflöde in mnkr): it holds as well without that part, so it
    proves nothing about which column the figure stands in."""
    parts = key.split(":")
    if len(parts) != 4 or parts[0] != "run" or not parts[2].isdigit() or parts[1] == str(r):
        return False
    used = parts[3].split(",")
    cell = arith.rows[r].candidates[k].cells[int(parts[2])] if str(r) in used else None
    if cell is None or cell[0] is None:
        return False
    return 0 < abs(_units(cell[0].value, arith.scale)) <= _TOL[len(used)]


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
            if len(tops) > 1 and _same_figures(row, tops):
                tops = tops[:1]        # '-' over two columns: where the empty mark stands changes no figure
            runner = max((n for k, n in enumerate(counts) if k not in tops and not _same_figures(row, [tops[0], k])),
                         default=0)
            if top >= need and len(tops) == 1 and top - runner >= need:
                row.chosen = tops[0]
                row.decided_by = holds[tops[0]]
                fixed.add(r)
                open_rows.remove(r)
                progress = True
        if not progress and not _propagate_pairs(arith, rows, open_rows, fixed, need) \
                and not _propagate_blocks(arith, rows, open_rows, fixed) \
                and not _propagate_chains(arith, rows, open_rows, fixed, need):
            break


def _figures(cand: Candidate) -> tuple:
    return (cand.note, *(None if cell is None or cell[0] is None else cell[0].value for cell in cand.cells))


def _same_figures(row: RowChoice, ks: list[int]) -> bool:
    """Readings that put the same figure in every column (they differ only in where an empty mark stands)."""
    return len({_figures(row.candidates[k]) for k in ks}) == 1


MAX_BLOCK_COMBOS = 30000


def _propagate_blocks(arith: Arithmetic, rows: list[RowChoice], open_rows: list[int], fixed: set[int]) -> bool:
    """A block under a heading whose figures a fixed Summa row totals, with several ambiguous rows
    in it (the Not column running into each first amount): the one combination of readings under
    which the block adds up in every column decides them all."""
    headings = [r for r, row in enumerate(rows) if all(cell is None for cell in row.candidates[0].cells)
                and len(row.candidates) == 1]
    # a fixed row that totals a run above it closes a block: the next block starts after it
    # (Helsingborg's "Finansnetto", then "Resultat efter finansiella poster", "Skatt", "Årets resultat")
    subtotals = [r for r in sorted(fixed) if any(k.startswith(f"run:{r}:") for k in rows[r].decided_by)
                 or any(k.startswith(f"run:{r}:") for k in arith.holds_for(r, rows[r].chosen, set()))]
    for t in range(len(rows)):
        if t not in fixed and t not in open_rows:
            continue
        # a block opens after a heading or a subtotal, or at a subtotal that is itself the first part of
        # the next running sum ("Kassaflöde före förändring av rörelsekapital" + the changes below it)
        starts = [h + 1 for h in headings + subtotals if h < t and t - h <= MAX_BLOCK] + \
            [h for h in subtotals if h < t and t - h <= MAX_BLOCK] + [max(0, t - MAX_BLOCK)]
        for s in sorted(set(starts), reverse=True):
            block = range(s, t)
            amb = tuple([r for r in block if r in open_rows] + ([t] if t in open_rows else []))
            if not amb or len(amb) > 5:
                continue
            if math.prod(len(rows[r].candidates) for r in amb) > MAX_BLOCK_COMBOS:
                continue
            hits = arith.block_hit(s, t, amb)
            if hits is None:
                continue
            # the rows every combination that adds up reads the same way are proven; a row the
            # combinations read differently ('Verksamhets intäkter 2': a note, or a figure within
            # the sum's rounding) stays open
            agreed = [(i, r) for i, r in enumerate(amb)
                      if _same_figures(rows[r], [hit[i] for hit in hits])]
            if not agreed:
                continue
            key = f"run:{t}:*:{','.join(map(str, block))}"
            for i, r in agreed:
                rows[r].chosen = hits[0][i]
                rows[r].decided_by = {key}
                fixed.add(r)
                open_rows.remove(r)
            return True
    return False


def _propagate_pairs(arith: Arithmetic, rows: list[RowChoice], open_rows: list[int], fixed: set[int],
                     need: int) -> bool:
    """Two open rows read together: neighbours (Uppskjuten skatt, Skatt), or two rows of few readings
    farther apart (Helsingborg's 'Kassaflöde från den löpande verksamheten' and 'Kassaflöde efter
    investeringsverksamheten' ten rows below it, each a part of the other's sums)."""
    for a_i, r1 in enumerate(open_rows):
        for r2 in open_rows[a_i + 1:]:
            if r2 - r1 > MAX_BLOCK:
                break
            n1, n2 = len(rows[r1].candidates), len(rows[r2].candidates)
            if not (r2 - r1 <= PAIR_DISTANCE and max(n1, n2) <= MAX_PAIR_CANDIDATES or n1 * n2 <= MAX_FAR_PAIR):
                continue
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


MAX_CHAIN_STATES = 20000  # combinations of the readings of rows a chain links, tried at most


def _propagate_chains(arith: Arithmetic, rows: list[RowChoice], open_rows: list[int], fixed: set[int],
                      need: int) -> bool:
    """Rows a chain identity over named rows decides, where no running sum does.

    The open rows the chains link are read together: every combination of their readings under
    which every chain among them holds (`_chain_holds`) is found, and a row is decided where all
    those combinations give it the same figures (no other reading satisfies the chains). Where
    several do, or none, the rows stay open. A decision must not contradict a running sum: where
    one over fixed figures holds better under another reading, or breaks under this one, nothing
    of the group is decided."""
    open_set = set(open_rows)
    chains = [ch for ch in arith.chains if ch.rows & open_set]
    for group, linked in _linked(chains, open_set):
        decided = _chain_decision(arith, rows, group, linked, need)
        if not decided:
            continue
        old = {r: rows[r].chosen for r in decided}
        for r, k in decided.items():
            rows[r].chosen = k
        if not _agrees_with_running_sums(arith, rows, decided, fixed):
            for r, k in old.items():
                rows[r].chosen = k
            continue
        for r in decided:
            rows[r].decided_by = {f"chain:{ch.check}" for ch in linked if r in ch.rows}
            fixed.add(r)
            open_rows.remove(r)
        return True
    return False


def _linked(chains: list[Chain], open_set: set[int]) -> list[tuple[list[int], list[Chain]]]:
    """The open rows grouped by the chains that link them, each group with its chains."""
    groups: list[tuple[set[int], list[Chain]]] = []
    for ch in chains:
        rows = ch.rows & open_set
        joined = [g for g in groups if g[0] & rows]
        merged = (rows.union(*(g[0] for g in joined)), [c for g in joined for c in g[1]] + [ch])
        groups = [g for g in groups if g not in joined] + [merged]
    return [(sorted(rows), linked) for rows, linked in groups]


def _chain_decision(arith: Arithmetic, rows: list[RowChoice], group: list[int], chains: list[Chain],
                    need: int) -> dict[int, int]:
    """The readings of `group` that every combination satisfying all `chains` agrees on."""
    depth_of = {r: i for i, r in enumerate(group)}
    ready: dict[int, list[Chain]] = {}           # a chain is tested once its last open row is read
    for ch in chains:
        ready.setdefault(max(depth_of[r] for r in ch.rows if r in depth_of), []).append(ch)
    seen: dict[int, dict[tuple, int]] = {r: {} for r in group}
    states = 0
    stack: list[tuple[int, dict[int, int]]] = [(0, {})]
    while stack:
        depth, pick = stack.pop()
        states += 1
        arith.combinations += 1
        arith._charge()
        if states > MAX_CHAIN_STATES:
            return {}
        if depth and not all(_chain_holds(arith, ch, pick, need) for ch in ready.get(depth - 1, [])):
            continue
        if depth == len(group):
            for r, k in pick.items():
                seen[r].setdefault(_figures(rows[r].candidates[k]), k)
            if all(len(s) > 1 for s in seen.values()):
                return {}                    # every row already reads two ways under the chains
            continue
        r = group[depth]
        for k in range(len(rows[r].candidates) - 1, -1, -1):
            stack.append((depth + 1, {**pick, r: k}))
    return {r: next(iter(s.values())) for r, s in seen.items() if len(s) == 1}


def _chain_holds(arith: Arithmetic, chain: Chain, pick: dict[int, int], need: int) -> bool:
    """Any of the chain's definitions holds; one over a row whose figures could not be read at all
    (printed, but no reading fits) is not evaluated."""
    return any(_definition_holds(arith, d, pick, need) for d in chain.definitions
               if not any(arith.rows[r].undecided for r in d.rows))


def _definition_holds(arith: Arithmetic, definition: Definition, pick: dict[int, int], need: int) -> bool:
    """total = Σ terms within the rounding of its parts in every column the table prints figures in
    (a column where the total prints nothing, nor may its terms), and beyond that rounding in
    `need` columns at least (a sum of zeros, or of figures no larger than their rounding, proves
    nothing)."""
    held = 0
    for c, column in enumerate(arith.columns):
        if column.kind == "measure":
            continue
        total = _signed(arith, definition.total, pick, c)
        terms = [v for v in (_signed(arith, term, pick, c) for term in definition.terms) if v]
        if total is None:
            if terms:
                return False
            continue
        tol = _TOL[len(terms)]
        if abs(sum(terms) - total) > tol:
            return False
        if abs(total) > 2 * tol:
            held += 1
    return held >= need


def _signed(arith: Arithmetic, term: tuple[int, str], pick: dict[int, int], c: int) -> int | None:
    """A term's figure in column c under the reading picked (or chosen) for its row, with its sign:
    a cost ('~') the row prints without minus signs counts negative."""
    r, sign = term
    k = pick.get(r, arith.rows[r].chosen)
    v = arith.values[r][k][c]
    if v is None:
        return None
    if sign == "-":
        return -v
    if sign == "~" and v > 0:
        printed = [x for x in arith.values[r][k] if x is not None]
        if all(x >= 0 for x in printed):
            return -v
    return v


def _agrees_with_running_sums(arith: Arithmetic, rows: list[RowChoice], decided: dict[int, int],
                              fixed: set[int]) -> bool:
    """No running sum over fixed figures (and the rows decided with it) holds better under another
    reading of a decided row, nor breaks under the one decided."""
    for r, k in decided.items():
        holds = [_grounded(arith, r, j, fixed, set(decided)) for j in range(len(rows[r].candidates))]
        if any(key.startswith("!") for key in holds[k]):
            return False
        if any(score(h) > score(holds[k]) for j, h in enumerate(holds) if not _same_figures(rows[r], [j, k])):
            return False
    return True


MAX_PAIR_CANDIDATES = 16
MAX_FAR_PAIR = 64         # readings of two rows farther apart than PAIR_DISTANCE tried together
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


def _worst_deviation(rows: list[RowChoice], r: int, cand: int, ncol: int) -> float:
    """How far (in orders of magnitude) the reading's farthest figure stands from its column's
    unambiguous figures; infinite when the reading leaves a column empty that most rows fill."""
    worst = 0.0
    cells = rows[r].candidates[cand].cells
    for c in range(ncol):
        if cells[c] is None and not rows[r].cut_off and _filled_share(rows, c) >= 0.8:
            return math.inf
    for c in range(ncol):
        single = _magnitude_deviation(rows, r, cand, ncol, only=c)
        worst = max(worst, single)
    return worst


def _filled_share(rows: list[RowChoice], c: int) -> float:
    fixed = [row for row in rows if len(row.candidates) == 1 and any(cell is not None for cell in row.candidates[0].cells)]
    if len(fixed) < 3:
        return 0.0
    return sum(1 for row in fixed if row.candidates[0].cells[c] is not None) / len(fixed)


def _magnitude_deviation(rows: list[RowChoice], r: int, cand: int, ncol: int, only: int | None = None) -> float:
    """How far the reading's figures stand from the magnitude of their columns' unambiguous figures."""
    total = 0.0
    cells = rows[r].candidates[cand].cells
    for c in range(ncol):
        if only is not None and c != only:
            continue
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
