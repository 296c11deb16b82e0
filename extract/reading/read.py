"""Pick a reader by file kind and return a Document; the one entry point for inputs."""
from __future__ import annotations

import hashlib
from pathlib import Path

from arsred.extract.document import Document
from arsred.extract.reading.read_text import read_text

from arsred.errors import UnreadableInput
from arsred.options import Options

SUFFIXES = (".txt", ".pdf")
PDF_HEADER_WINDOW = 1024    # PDF readers (Acrobat, pdf.js, pdfium) look for %PDF- this far into a file


def doc_id_for(path: str | Path) -> str:
    return Path(path).stem


def pdf_header_offset(data: bytes) -> int:
    """Where `%PDF-` starts within the first PDF_HEADER_WINDOW bytes (after a BOM or junk, as PDF readers
    allow), or -1."""
    return data.find(b"%PDF-", 0, PDF_HEADER_WINDOW + 5)


def read_document(path: str | Path, options: Options | None = None) -> Document:
    options = options or Options()
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"{p}: cannot be read ({exc.strerror or exc})") from exc
    sha = hashlib.sha256(data).hexdigest()
    if not data:
        raise UnreadableInput(f"{p}: the file is empty")
    if pdf_header_offset(data) >= 0 or p.suffix.lower() == ".pdf":
        if pdf_header_offset(data) < 0:
            raise UnreadableInput(f"{p}: named .pdf but is not a PDF file (no %PDF- header in its first "
                                  f"{PDF_HEADER_WINDOW} bytes)")
        from arsred.extract.reading.read_pdf import read_pdf  # pdfplumber is heavy; import on demand
        return read_pdf(str(p), doc_id_for(p), sha, options=options)
    return read_text(str(p), doc_id_for(p), sha, data)
