"""Pick a reader by file kind and return a Document; the one entry point for inputs."""
from __future__ import annotations

import hashlib
from pathlib import Path

from arsred.errors import UnreadableInput
from arsred.options import Options
from arsred.extract.document import Document
from arsred.extract.read_text import read_text

SUFFIXES = (".txt", ".pdf")


def doc_id_for(path: str | Path) -> str:
    return Path(path).stem


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
    if data[:5] == b"%PDF-" or p.suffix.lower() == ".pdf":
        if data[:5] != b"%PDF-":
            raise UnreadableInput(f"{p}: named .pdf but is not a PDF file")
        from arsred.extract.read_pdf import read_pdf  # pdfplumber is heavy; import on demand
        return read_pdf(str(p), doc_id_for(p), sha, options=options)
    return read_text(str(p), doc_id_for(p), sha, data)
