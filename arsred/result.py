"""What one document becomes: its documents.csv row, facts, checks, goals and sections.

A DocumentResult round-trips through JSON (`to_dict`/`from_dict`), which is both the
per-document output file and the batch runner's cache entry.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from arsred.normalize.facts import CheckResult, Fact

DOCUMENT_STATUSES = ("ok", "flagged", "unverified", "error")

DOCUMENT_COLUMNS = ["doc_id", "path", "sha256", "organisation", "doc_type", "fiscal_year", "pages",
                    "input_kind", "status", "n_facts", "n_verified", "verified_share", "n_failed_checks",
                    "error", "warnings"]
FACT_COLUMNS = ["doc_id", "organisation", "fiscal_year", "statement", "scope", "note", "item", "label",
                "label_raw", "period", "column", "value_sek", "meant_value_sek", "printed", "unit", "page", "line",
                "confidence", "verified", "checked_by", "readings", "decided_by", "source", "suggested_value_sek", "tolerance_sek", "is_total", "table", "row",
                "x0", "top", "x1", "bottom"]
CHECK_COLUMNS = ["doc_id", "check", "statement", "period", "column", "status", "expected_sek",
                 "actual_sek", "difference_sek", "tolerance_sek", "severity", "message",
                 "suggestion", "facts"]


@dataclass
class DocumentRecord:
    doc_id: str
    path: str
    sha256: str = ""
    organisation: str = ""
    doc_type: str = ""
    fiscal_year: int | None = None
    pages: int | None = None          # unknown when the file could not be read at all
    input_kind: str = ""
    status: str = "ok"
    n_facts: int = 0
    n_verified: int = 0
    verified_share: float | None = None  # None: no figure was ever put to the proof (an error row)
    n_failed_checks: int = 0
    error: str = ""
    warnings: str = ""

    def __post_init__(self) -> None:
        if self.status not in DOCUMENT_STATUSES:
            raise ValueError(f"unknown document status {self.status!r}")


@dataclass
class SectionSpan:
    """Where a section lies: statement (or other kind), its title and its first/last page and line."""

    kind: str
    title: str
    start_page: int
    start_line: int
    end_page: int
    end_line: int
    note: int | None = None
    unit: str = ""


@dataclass
class DocumentResult:
    record: DocumentRecord
    facts: list[Fact] = field(default_factory=list)
    checks: list[CheckResult] = field(default_factory=list)
    goals: list[dict[str, Any]] = field(default_factory=list)      # rows of goals.csv
    sections: list[SectionSpan] = field(default_factory=list)
    measures: list[dict[str, Any]] = field(default_factory=list)   # non-amount figures (%, counts)
    page_texts: dict[int, str] = field(default_factory=dict)       # repaired page text, when repaired
    timings: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": asdict(self.record),
            "facts": [f.to_dict() for f in self.facts],
            "checks": [c.to_dict() for c in self.checks],
            "goals": self.goals,
            "sections": [asdict(s) for s in self.sections],
            "measures": self.measures,
            "page_texts": {str(k): v for k, v in self.page_texts.items()},
            "timings": self.timings,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentResult:
        checks = []
        for c in data.get("checks", []):
            c = dict(c)
            c["facts"] = tuple(c.get("facts") or ())
            checks.append(CheckResult(**_known(CheckResult, c)))
        return cls(
            record=DocumentRecord(**_known(DocumentRecord, data["document"])),
            facts=[Fact(**_known(Fact, f)) for f in data.get("facts", [])],
            checks=checks,
            goals=list(data.get("goals", [])),
            sections=[SectionSpan(**_known(SectionSpan, s)) for s in data.get("sections", [])],
            measures=list(data.get("measures", [])),
            page_texts={int(k): v for k, v in data.get("page_texts", {}).items()},
            timings=dict(data.get("timings", {})),
        )


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}
