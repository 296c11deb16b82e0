"""One document from file to result: read, find sections, parse tables, normalise, reconcile.

`process_document` never raises for a bad input: it returns a result whose record has
status `error` and a message, so a batch can go on.
"""
from __future__ import annotations

from arsred.options import Options
from arsred.result import DocumentRecord, DocumentResult


def process_document(path: str, options: Options | None = None) -> DocumentResult:
    """Placeholder until the extraction chain lands (same signature)."""
    from extract.read import doc_id_for
    return DocumentResult(record=DocumentRecord(doc_id=doc_id_for(path), path=str(path), status="error",
                                                error="not implemented yet"))
