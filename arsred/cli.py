"""Command line: a thin layer over arsred.api."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    raise SystemExit("arsred: not implemented yet")


if __name__ == "__main__":
    sys.exit(main())
