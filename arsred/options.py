"""Run options shared by the CLI, the Python API and the batch runner."""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    ocr: str = "auto"            # auto | always | never
    ocr_lang: str = "swe"
    dpi: int = 300
    jobs: int = 0                # 0: all cores
    timeout: float = 600.0       # seconds per document
    cache_dir: str = ""          # "" -> OUT/.cache
    scheduler: str = ""          # tcp://HOST:8786 for a Dask cluster
    quiet: bool = False
    strict: bool = False
    repair: str = "auto"         # auto | always | never

    def __post_init__(self) -> None:
        if self.ocr not in ("auto", "always", "never"):
            raise ValueError(f"--ocr must be auto, always or never, not {self.ocr!r}")
        if self.repair not in ("auto", "always", "never"):
            raise ValueError(f"repair must be auto, always or never, not {self.repair!r}")
        if self.dpi < 72:
            raise ValueError("--dpi below 72 cannot be read by OCR")

    @property
    def workers(self) -> int:
        return self.jobs if self.jobs > 0 else (os.cpu_count() or 1)
