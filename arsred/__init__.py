"""arsred: Swedish annual reports into one comparable dataset of amounts in kronor."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "extract", "ExtractResult"]

if TYPE_CHECKING:
    from arsred.api import ExtractResult, extract


def __getattr__(name: str) -> Any:
    """`arsred.extract` without importing pandas and the runner on `import arsred`."""
    if name in ("extract", "ExtractResult"):
        from arsred import api
        return getattr(api, name)
    raise AttributeError(f"module 'arsred' has no attribute {name!r}")
