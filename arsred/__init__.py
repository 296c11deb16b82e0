"""arsred: Swedish annual reports into one comparable dataset of amounts in kronor.

From Python: ``arsred.extract_reports(paths, out_dir=None)`` returns an ``ExtractResult``
whose ``documents``, ``facts``, ``checks`` and ``goals`` are pandas DataFrames. The stages
live in the subpackages ``arsred.extract`` (reading files, finding tables) and
``arsred.normalize`` (repair, units, items, reconciliation).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

__all__ = ["__version__", "extract_reports", "ExtractResult"]

if TYPE_CHECKING:
    from arsred.api import ExtractResult, extract_reports


def __getattr__(name: str) -> Any:
    """`arsred.extract_reports` without importing pandas and the runner on `import arsred`."""
    if name in ("extract_reports", "ExtractResult"):
        from arsred import api
        return getattr(api, name)
    raise AttributeError(f"module 'arsred' has no attribute {name!r}")
