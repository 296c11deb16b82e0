"""The Python API: one call from paths to DataFrames (the CLI is a thin layer over it).

    >>> import arsred
    >>> res = arsred.extract(["reports/"], out_dir="out")
    >>> res.facts.query("item == 'rr.arets_resultat'")
"""
from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from arsred.cache import Cache, pipeline_version
from arsred.errors import ArsredError, ExitCode
from arsred.options import Options
from arsred.runner import DEFAULT_MAX_MEMORY_MB, BatchRunner, BatchStats, DocDone, ProcessFn, discover

if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger(__name__)


@dataclass
class ExtractResult:
    """Tables of one run; `out_dir` is where they were written (None: only in memory)."""

    documents: pd.DataFrame
    facts: pd.DataFrame
    checks: pd.DataFrame
    goals: pd.DataFrame
    out_dir: Path | None = None
    stats: BatchStats = field(default_factory=BatchStats)
    written: dict[str, Path] = field(default_factory=dict)

    def count(self, status: str) -> int:
        return int((self.documents["status"] == status).sum()) if len(self.documents) else 0

    @property
    def errors(self) -> pd.DataFrame:
        return self.documents[self.documents["status"] == "error"]

    def exit_code(self, strict: bool) -> ExitCode:
        return ExitCode.DOCUMENT_FAILED if strict and self.count("error") else ExitCode.OK


def extract(paths: str | Path | Iterable[str | Path], out_dir: str | Path | None = None,
            options: Options | None = None, *, use_cache: bool = True,
            process_fn: ProcessFn | None = None,
            on_start: Callable[[int], None] | None = None,
            on_done: Callable[[DocDone], None] | None = None,
            max_memory_mb: float = DEFAULT_MAX_MEMORY_MB) -> ExtractResult:
    """Extract files and folders (recursively *.txt, *.pdf) into documents/facts/checks/goals tables.

    With `out_dir`, also writes the contract's files there and caches per-document results
    (in `options.cache_dir`, default OUT/.cache) so a re-run redoes only new or changed files.
    `process_fn(path, options)` replaces the pipeline (tests, fault injection).
    Raises ArsredError when a path does not exist or nothing is found to extract.
    """
    from arsred import writers

    options = options or Options()
    if isinstance(paths, (str, Path)):
        paths = [paths]
    paths = list(paths)
    inputs = discover(paths)
    if not inputs:
        raise ArsredError(f"no *.pdf or *.txt files found in {', '.join(map(str, paths))}")
    if on_start is not None:
        on_start(len(inputs))

    tmp: tempfile.TemporaryDirectory[str] | None = None
    out: Path | None = None
    cache_root: Path | None
    if out_dir is not None:
        out = Path(out_dir)
        docs_dir = out / "documents"
        cache_root = Path(options.cache_dir) if options.cache_dir else out / ".cache"
    else:
        tmp = tempfile.TemporaryDirectory(prefix="arsred-")
        docs_dir = Path(tmp.name) / "documents"
        cache_root = Path(options.cache_dir) if options.cache_dir else None
    cache = Cache(cache_root, pipeline_version(options, process_fn)) if use_cache and cache_root else None
    try:
        runner = BatchRunner(docs_dir, options, cache, process_fn=process_fn, on_done=on_done,
                             max_memory_mb=max_memory_mb)
        stats = runner.run(inputs)
        doc_ids = [i.doc_id for i in inputs]
        _remove_stale(docs_dir, set(doc_ids))
        tables = writers.collect(writers.read_results(docs_dir, doc_ids))
        written: dict[str, Path] = {}
        if out is not None:
            info = {"inputs": [str(p) for p in paths], "documents": len(inputs),
                    "pipeline_version": cache.version if cache else pipeline_version(options, process_fn),
                    "status_counts": stats.status_counts}
            written = writers.write_tables(out, tables, info)
    finally:
        if tmp is not None:
            tmp.cleanup()
    return ExtractResult(documents=tables["documents"], facts=tables["facts"], checks=tables["checks"],
                         goals=tables["goals"], out_dir=out, stats=stats, written=written)


def _remove_stale(docs_dir: Path, keep: set[str]) -> None:
    """documents/ mirrors this run's inputs: JSON left from earlier runs over other files goes."""
    for p in docs_dir.glob("*.json"):
        if p.stem not in keep:
            log.info("removing %s (not among this run's inputs)", p)
            p.unlink(missing_ok=True)
    for p in docs_dir.glob(".*.tmp"):
        p.unlink(missing_ok=True)
