"""The few errors a user can meet, each with an exit code and a message to act on.

Raised below the CLI, caught at the batch boundary and turned into an `error` row;
UsageError (and an ArsredError raised before any document runs) reaches the CLI, which
prints one `arsred: ...` line and exits 64.
"""
from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FLAGGED = 1          # `arsred check --fail-on-flag` found documents that do not add up
    DOCUMENT_FAILED = 2  # `--strict` and at least one document has status error
    USAGE = 64


class ArsredError(Exception):
    """Base class: `str(err)` is the message shown in documents.csv."""


class UsageError(ArsredError):
    """A bad command line or option value (a path, a folder, a scheduler): exit 64, nothing extracted."""

    exit_code = ExitCode.USAGE


class UnreadableInput(ArsredError):
    """The file cannot be read at all: empty, binary, corrupt, wrong kind."""


class EncryptedPdf(UnreadableInput):
    def __init__(self, path: str) -> None:
        super().__init__(f"{path}: the PDF is encrypted; decrypt it (e.g. qpdf --decrypt) and run again")


class NoStatementsFound(ArsredError):
    """The file was read but holds no financial statement arsred recognises."""


class OcrUnavailable(ArsredError):
    """A page needs OCR but tesseract (or its Swedish model) is not installed."""


class DocumentTimeout(ArsredError):
    """A document ran past its time budget (`--timeout`)."""
