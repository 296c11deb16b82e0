"""The statement's own chain identities over a table's named rows, for `settle` to choose readings by.

A running sum only sees rows directly above a total. A statement also prints identities whose
terms stand apart: Resultat före finansiella poster = Verksamhetens nettokostnad + Skattenetto
(or + Skatteintäkter + Generella statsbidrag …), Årets kassaflöde = the three flows. They are
the equation checks of `normalize/data/checks.toml`; here each is placed on the rows whose
labels name its items (`normalize/items.py`), so that the reading under which the chain holds
can be kept where the running sums cannot tell the readings apart (a glued 'Skattenetto6 8686
4336 161' sums its parts as 6 868 and as 868).

Only definitions the table can evaluate on its own are placed: terms of the table's statement,
the same year and column (no @prev, no @budget), every required term on exactly one row of one
scope, and — where the check says the definition covers the rows between its terms
(`covers_rows`) — no other row with figures standing among them.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from arsred.normalize.items import PREFIX
from arsred.normalize.reconcile.checks import (
    CheckDef,
    Term,
    broader_term,
    definitions,
    leaves_out,
    load_checks,
    may_stand_among,
)


@dataclass(frozen=True)
class Definition:
    """total = Σ terms, each (row, sign): '+', '-', or '~' (a cost: negative even where printed positive)."""

    total: tuple[int, str]
    terms: tuple[tuple[int, str], ...]

    @property
    def rows(self) -> frozenset[int]:
        return frozenset([self.total[0], *(r for r, _ in self.terms)])


@dataclass(frozen=True)
class Chain:
    """One check over the table's rows: it holds when any of its definitions holds."""

    check: str
    definitions: tuple[Definition, ...]

    @property
    def rows(self) -> frozenset[int]:
        return frozenset().union(*(d.rows for d in self.definitions))


@dataclass(frozen=True)
class _Check:
    check_def: CheckDef                           # its row of checks.toml, whose params the gates read
    total: tuple[str, str]                        # (sign, item)
    definitions: tuple[tuple[tuple[str, str, bool], ...], ...]   # (sign, item, optional)


@cache
def _checks(statement: str) -> tuple[_Check, ...]:
    """The equation checks of the statement whose definitions stay inside one table's column."""
    prefix = PREFIX.get(statement, statement) + "."
    out = []
    for check in load_checks():
        if check.kind != "equation" or check.statement != statement:
            continue
        total = Term.parse(check.params["total"])
        if total.shift or total.column != "utfall" or not total.item.startswith(prefix):
            continue
        own = tuple(tuple((t.sign, t.item, t.optional) for t in terms) for terms in definitions(check)
                    if all(not t.shift and t.column == "utfall" and t.item.startswith(prefix) for t in terms))
        if own:
            out.append(_Check(check, (total.sign, total.item), own))
    return tuple(out)


def named_chains(statement: str, items: list[str | None], labels: list[str], scopes: list[str | None],
                 printed: list[bool]) -> list[Chain]:
    """The checks of `statement` placed on the table's rows: `items` the canonical item of each row
    (None: a row the synonym table does not name), `printed` whether the row prints figures."""
    checks = _checks(statement)
    if not checks:
        return []
    out = []
    for scope in sorted({s or "" for s in scopes}):
        rows_of: dict[str, list[int]] = {}
        for r, item in enumerate(items):
            if item is not None and (scopes[r] or "") == scope and printed[r]:
                rows_of.setdefault(item, []).append(r)
        for check in checks:
            placed = [d for terms in check.definitions
                      if (d := _place(check, terms, rows_of, items, labels, printed)) is not None]
            if placed:
                out.append(Chain(check.check_def.id, tuple(dict.fromkeys(placed))))
    return out


def _place(check: _Check, terms: tuple[tuple[str, str, bool], ...], rows_of: dict[str, list[int]],
           items: list[str | None], labels: list[str], printed: list[bool]) -> Definition | None:
    """The definition on the rows that print its items, or None where the table cannot evaluate it
    alone: a required item missing, an item on two rows, or a stray row among its terms."""
    sign, item = check.total
    if len(rows_of.get(item, [])) != 1:
        return None
    total = (rows_of[item][0], sign)
    placed: list[tuple[int, str]] = []
    used: set[str] = set()
    for t_sign, t_item, optional in terms:
        found = rows_of.get(t_item, [])
        if len(found) > 1:
            return None                     # which of the rows the definition means cannot be told
        if not found:
            if optional:
                continue
            return None
        placed.append((found[0], t_sign))
        used.add(t_item)
    if not placed or total[0] in {r for r, _ in placed}:
        return None
    involved = [total[0], *(r for r, _ in placed)]
    if leaves_out(check.check_def, list(used), [labels[r] for r in involved]):
        return None                         # the lines leave out what the definition needs from elsewhere
    if broader_term(check.check_def, labels[total[0]], [labels[r] for r, _ in placed]) is not None:
        return None                         # the total names only part of what a term covers
    if check.check_def.params.get("covers_rows"):
        known = may_stand_among(check.check_def, {item} | {i for _, i, _ in terms}, used)
        lo, hi = min(involved), max(involved)
        if any(printed[r] and items[r] not in known for r in range(lo + 1, hi)):
            return None
    return Definition(total, tuple(placed))
