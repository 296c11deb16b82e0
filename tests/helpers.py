"""Small builders shared by the tests: documents from literal text, the corpus paths."""
from __future__ import annotations

import hashlib
from pathlib import Path

from arsred.extract.document import Document
from arsred.extract.reading.read_text import read_text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
CORPUS_DOCS = sorted(p.stem for p in CORPUS.glob("*.txt"))


def text_document(text: str, doc_id: str = "doc") -> Document:
    data = text.encode("utf-8")
    return read_text(f"{doc_id}.txt", doc_id, hashlib.sha256(data).hexdigest(), data)
