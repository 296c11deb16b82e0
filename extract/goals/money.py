"""Each goal's initiative and its money: the `budget` facts "<initiative>: Beviljade/Förbrukade medel"."""
from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from arsred.extract.goals.model import RawGoal
from arsred.extract.goals.vocabulary import fold
from arsred.normalize.facts import Fact


def money_by_initiative(facts: Sequence[Fact]) -> dict[str, dict[str, float]]:
    """'SamCoach: Förbrukade medel' budget facts -> {'SamCoach': {'granted': …, 'used': …}} (first seen wins)."""
    out: dict[str, dict[str, float]] = {}
    for f in facts:
        if f.statement != "budget" or ":" not in f.label:
            continue
        name = f.label.split(":", 1)[0].strip()
        key = {"bu.beviljade_medel": "granted", "bu.forbrukade_medel": "used"}.get(f.item)
        if key is None:
            continue
        out.setdefault(name, {}).setdefault(key, abs(f.value_sek) if key == "used" else f.value_sek)
    return out


def _similar(a: str, b: str) -> float:
    a, b = fold(a), fold(b)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if len(min(a, b, key=len)) >= 4 and (a in b or b in a):
        return 0.95
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def link(g: RawGoal, money: dict[str, dict[str, float]]) -> tuple[str, float | None, float | None]:
    best, score = "", 0.0
    for name in money:
        s = max(_similar(name, g.initiative), _similar(name, g.section))
        if s > score:
            best, score = name, s
    if score < 0.8:
        return "", None, None
    m = money[best]
    return best, m.get("granted"), m.get("used")
