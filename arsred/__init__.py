"""arsred: Swedish annual reports into one comparable dataset of amounts in kronor."""
from __future__ import annotations

__version__ = "0.1.0"
