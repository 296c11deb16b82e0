"""Facts (one amount in kronor) and check results: the records the outputs are made of."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace

STATEMENTS = ("oversikt", "resultatrakning", "balansrakning", "kassaflodesanalys",
              "driftredovisning", "investeringsredovisning", "noter", "balanskrav", "budget",
              "tillaggsupplysningar")
SCOPES = ("entity", "group")   # the organisation itself; Koncernen / Sammanställd redovisning
COLUMNS = ("utfall", "budget", "avvikelse", "utfall_intakt", "utfall_kostnad",
           "utfall_netto", "budget_netto", "prognos")
UNITS = {"kr": 1, "tkr": 1_000, "mkr": 1_000_000}
CHECK_STATUSES = ("pass", "fail", "skipped")
SEVERITIES = ("error", "warning", "info")
SOURCES = ("table", "text")     # a statement table; a key-figure line or a sentence (weaker)


@dataclass(frozen=True)
class Fact:
    """One printed amount, normalised to kronor, with where it came from.

    `tolerance_sek` is half a unit of the last printed digit, in kronor: the interval the
    printed figure stands for (±500 kr for `3 754` in tkr, ±5 kr for `1 236,30` in tkr).
    `table` and `row` place the fact in its table (row order matters to sum checks);
    `is_total` marks rows that sum others (Summa, Totalt, Resultat).
    `meant_value_sek` is set where the words give the sign and the print does not ("ett underskott
    om 43 mkr": value_sek 43 000 000 as printed, meant -43 000 000); checks and the panel use the
    meaning (`value_meant`), never the bare print.
    """

    doc_id: str
    statement: str
    item: str
    label: str
    label_raw: str
    period: int | None
    column: str
    value_sek: float
    printed: str
    unit: str
    page: int
    line: int
    note: int | None = None
    confidence: float = 1.0
    tolerance_sek: float = 0.5
    table: int = 0
    row: int = 0
    is_total: bool = False
    organisation: str = ""
    fiscal_year: int | None = None
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    suggested_value_sek: float | None = None
    meant_value_sek: float | None = None    # the value as the words mean it, where they differ from the print
    scope: str = "entity"
    verified: bool = False          # a passing check with other, independent figures covers it
    checked_by: str = ""            # ids of those checks, ';'-separated
    readings: int = 1               # readings the grammar and the header allowed (1 = unambiguous)
    decided_by: str = ""            # ids of the checks the reader used to choose the reading, ';'-separated
    source: str = "table"           # where it was printed: a table, or running text / a key-figure line

    def __post_init__(self) -> None:
        if self.source not in SOURCES:
            raise ValueError(f"unknown source {self.source!r}")
        if self.scope not in SCOPES:
            raise ValueError(f"unknown scope {self.scope!r}")
        if self.statement not in STATEMENTS:
            raise ValueError(f"unknown statement {self.statement!r}")
        if self.column not in COLUMNS:
            raise ValueError(f"unknown column {self.column!r}")
        if self.unit not in UNITS:
            raise ValueError(f"unknown unit {self.unit!r}")

    @property
    def key(self) -> str:
        """A stable reference used by checks: table/row/column/period, and the scope when it is
        the group's (a table printing Kommunen and Koncernen side by side has both in one row)."""
        scope = "" if self.scope == "entity" else f"@{self.scope}"
        return f"t{self.table}r{self.row}{scope}:{self.column}:{self.period}"

    @property
    def value_meant(self) -> float:
        """The value as meant: `meant_value_sek` where the words give the sign, else the printed value."""
        return self.value_sek if self.meant_value_sek is None else self.meant_value_sek

    def to_dict(self) -> dict:
        return asdict(self)


def as_meant(facts: Sequence[Fact]) -> list[Fact]:
    """The facts with `value_sek` set to the meaning, for arithmetic (checks, sums): a figure whose sign
    is given in words ("ett underskott om 43 mkr") must add up with the sign it means."""
    return [f if f.meant_value_sek is None else replace(f, value_sek=f.meant_value_sek) for f in facts]


def as_printed(facts: Sequence[Fact], printed: Sequence[Fact]) -> list[Fact]:
    """`facts` from `as_meant(printed)`, in the same order (a stage may have set other fields), with the
    printed value back where the meaning replaced it: `value_sek` stays signed as printed."""
    if len(facts) != len(printed):
        raise ValueError("as_printed: the facts are not those the meaning was taken from")
    return [f if p.meant_value_sek is None else replace(f, value_sek=p.value_sek) for f, p in zip(facts, printed)]


@dataclass(frozen=True)
class CheckResult:
    """One reconciliation check on one statement, period and column."""

    doc_id: str
    check: str
    statement: str
    period: int | None
    column: str
    status: str
    expected_sek: float | None = None
    actual_sek: float | None = None
    difference_sek: float | None = None
    tolerance_sek: float | None = None
    severity: str = "error"
    message: str = ""
    facts: tuple[str, ...] = field(default_factory=tuple)     # Fact.key of the inputs
    suggestion: str = ""

    def __post_init__(self) -> None:
        if self.status not in CHECK_STATUSES:
            raise ValueError(f"unknown check status {self.status!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")

    def to_dict(self) -> dict:
        d = asdict(self)
        d["facts"] = list(self.facts)
        return d
