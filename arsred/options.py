"""Run options shared by the CLI, the Python API and the batch runner."""
from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_MAX_MEMORY_MB = 2048.0


@dataclass(frozen=True)
class Options:
    ocr: str = "auto"            # auto | always | never
    ocr_lang: str = "swe"
    ocr_effort: str = "full"     # full: every page at full quality | auto: cheap pass, full quality for figure bands and goal pages
    dpi: int = 300
    jobs: int = 0                # 0: all cores
    timeout: float = 600.0       # seconds per document (> 0; there is no "unlimited")
    max_memory_mb: float = DEFAULT_MAX_MEMORY_MB  # memory budget per document (its own memory, USS), MB
    cache_dir: str = ""          # "" -> OUT/.cache
    scheduler: str = ""          # tcp://HOST:8786 for a Dask cluster
    scheduler_timeout: float = 10.0   # seconds for the scheduler to answer before the run stops (usage error)
    quiet: bool = False
    strict: bool = False
    repair: str = "auto"         # auto | always | never

    def __post_init__(self) -> None:
        if self.ocr not in ("auto", "always", "never"):
            raise ValueError(f"--ocr must be auto, always or never, not {self.ocr!r}")
        if self.ocr_effort not in ("auto", "full"):
            raise ValueError(f"--ocr-effort must be auto or full, not {self.ocr_effort!r}")
        if self.repair not in ("auto", "always", "never"):
            raise ValueError(f"repair must be auto, always or never, not {self.repair!r}")
        if self.dpi < 72:
            raise ValueError(f"--dpi must be at least 72 (below that OCR cannot read), not {self.dpi}")
        if not self.timeout > 0:
            raise ValueError(f"--timeout must be more than 0 seconds, not {self.timeout:g} "
                             "(there is no unlimited; give a large number for very long documents)")
        if not self.scheduler_timeout > 0:
            raise ValueError(f"--scheduler-timeout must be more than 0 seconds, not {self.scheduler_timeout:g}")
        if self.jobs < 0:
            raise ValueError(f"--jobs must be 0 (all cores) or more, not {self.jobs}")
        if not self.max_memory_mb > 0:
            raise ValueError(f"--max-memory must be more than 0 MB, not {self.max_memory_mb:g}")

    @property
    def workers(self) -> int:
        return self.jobs if self.jobs > 0 else (os.cpu_count() or 1)
