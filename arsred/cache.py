"""Per-input result cache keyed by content hash and pipeline version.

A re-run over the same folder redoes only new or changed files, and a run killed with
`kill -9` resumes where it stopped: every finished document is one JSON file, written
atomically, named by the sha256 of the input bytes under a directory named by the
pipeline version (code + data files + the options that change what is extracted).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import arsred
from arsred.options import Options

log = logging.getLogger(__name__)

# Output-side modules: changing them does not change what a document yields.
_NOT_PIPELINE = {"cli.py", "api.py", "runner.py", "writers.py", "panel.py", "cache.py",
                 "check_report.py", "__main__.py"}
_PACKAGES = ("arsred", "arsred.extract", "arsred.normalize")
_UMASK = os.umask(0o022)
os.umask(_UMASK)


def sha256_file(path: str | Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(chunk):
            h.update(block)
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the extraction code and its data files, so a changed synonym table invalidates the cache."""
    import importlib

    h = hashlib.sha256(arsred.__version__.encode())
    for pkg in _PACKAGES:
        base = Path(importlib.import_module(pkg).__file__ or "").resolve().parent
        for p in sorted(base.rglob("*")):
            if not p.is_file() or "__pycache__" in p.parts or p.suffix in (".pyc", ".pyo"):
                continue
            rel = p.relative_to(base)
            if pkg == "arsred" and (rel.parts[0] in ("extract", "normalize")
                                    or (len(rel.parts) == 1 and p.name in _NOT_PIPELINE)):
                continue    # an installed wheel nests the two below arsred/: hashed on their own
            h.update(f"{pkg}/{rel}".encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def pipeline_version(options: Options, process_fn: Callable[..., Any] | None = None) -> str:
    """The cache namespace: package version, code fingerprint and output-changing options."""
    fn = process_fn
    if fn is None:
        code = code_fingerprint()
    else:  # an injected process function (tests, fault injection) is its own pipeline
        code = f"{getattr(fn, '__module__', '')}.{getattr(fn, '__qualname__', repr(fn))}"
    key = json.dumps([arsred.__version__, code, options.ocr, options.ocr_lang, options.dpi, options.repair,
                      *([options.ocr_effort] if options.ocr_effort != "auto" else [])])
    return f"{arsred.__version__}-{hashlib.sha256(key.encode()).hexdigest()[:12]}"


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write next to the target and rename over it: readers see the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def atomic_write_json(path: Path, data: Any) -> None:
    atomic_write_bytes(path, json.dumps(data, ensure_ascii=False, sort_keys=False).encode("utf-8"))


@dataclass
class Cache:
    """Results by input sha256 under `root/<version>/`; a missing or unreadable entry is a miss."""

    root: Path
    version: str

    @property
    def dir(self) -> Path:
        return self.root / self.version

    def path_for(self, sha: str) -> Path:
        return self.dir / sha[:2] / f"{sha}.json"

    def get(self, sha: str) -> dict[str, Any] | None:
        p = self.path_for(sha)
        try:
            with open(p, encoding="utf-8") as f:
                return json.load(f)
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            log.warning("cache entry %s unreadable (%s); recomputing", p, exc)
            return None

    def put(self, sha: str, data: dict[str, Any]) -> None:
        atomic_write_json(self.path_for(sha), data)
