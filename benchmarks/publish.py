"""Where every benchmark's table goes: written under benchmarks/results/ and printed."""
from __future__ import annotations

from pathlib import Path


def publish(lines: list[str], out: str | Path) -> int:
    """Write the table to `out` (its folder made when missing) and print it; 0 for the exit code."""
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0
