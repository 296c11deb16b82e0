"""The Document every reader produces: pages of lines of words, each with its provenance.

Readers (plain text, pdfplumber text layers, tesseract OCR) differ only in how they fill
these records; every later stage reads nothing but them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

METHODS = ("text", "pdf", "ocr")


@dataclass(frozen=True)
class Box:
    """A rectangle in page coordinates (PDF points from the top-left; character columns for text)."""

    x0: float
    top: float
    x1: float
    bottom: float

    def __post_init__(self) -> None:
        if self.x1 < self.x0 or self.bottom < self.top:
            raise ValueError(f"inverted box {self}")

    def union(self, other: Box) -> Box:
        return Box(min(self.x0, other.x0), min(self.top, other.top),
                   max(self.x1, other.x1), max(self.bottom, other.bottom))


@dataclass(frozen=True)
class Word:
    text: str
    box: Box | None = None
    confidence: float = 1.0

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} outside 0..1 for {self.text!r}")


@dataclass(frozen=True)
class Cell:
    """A run of words that the layout separates from its neighbours (a tab, a wide gap)."""

    text: str
    x0: float
    x1: float
    words: tuple[Word, ...] = ()

    @property
    def confidence(self) -> float:
        return min((w.confidence for w in self.words), default=1.0)


@dataclass(frozen=True)
class Line:
    """One printed line. `number` is the line in the file for text input, the line on the page for PDFs."""

    page: int
    number: int
    text: str
    cells: tuple[Cell, ...] = ()
    method: str = "text"

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ValueError(f"unknown method {self.method!r}")
        if self.page < 1 or self.number < 1:
            raise ValueError(f"page and line are 1-based: {self.page}, {self.number}")

    @property
    def words(self) -> tuple[Word, ...]:
        return tuple(w for c in self.cells for w in c.words)

    @property
    def box(self) -> Box | None:
        boxes = [w.box for w in self.words if w.box is not None]
        if not boxes:
            return None
        out = boxes[0]
        for b in boxes[1:]:
            out = out.union(b)
        return out

    @property
    def confidence(self) -> float:
        return min((c.confidence for c in self.cells), default=1.0)


@dataclass(frozen=True)
class Page:
    number: int
    lines: tuple[Line, ...]
    method: str = "text"
    width: float = 0.0
    height: float = 0.0
    warnings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass
class Document:
    doc_id: str
    path: str
    sha256: str
    input_kind: str                  # text | pdf-text | pdf-ocr | pdf-mixed
    pages: list[Page] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def lines(self) -> list[Line]:
        return [line for page in self.pages for line in page.lines]

    @property
    def text(self) -> str:
        return "\n".join(page.text for page in self.pages)
