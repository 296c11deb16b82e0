"""What every goal reader returns: a RawGoal, a goal as its layout printed it.

Numbers, status inference, repair and money are added later (`extract.goals.rows`, `find`).
"""
from __future__ import annotations

from dataclasses import dataclass


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
    target: str = ""             # a table's printed target cell ("16,4 mnkr", "Mindre än 46,9 mnkr"), when apart from the goal
    confidence: float = 1.0
    position: int = 0            # the reading line it was read from (a page run into one line prints all on one line)
