"""The Python API: one call from paths to DataFrames (the CLI is a thin layer over it).

    >>> import arsred
    >>> res = arsred.extract_reports(["reports/"], out_dir="out")
    >>> res.facts.query("item == 'rr.arets_resultat'")
"""
from __future__ import annotations

import dataclasses
import logging
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from arsred.cache import Cache, pipeline_version
from arsred.errors import ExitCode, UsageError
from arsred.options import Options
from arsred.runner import (
    BatchRunner,
    BatchStats,
    DocDone,
    InputFile,
    ProcessFn,
    check_scheduler,
    discover,
    display_path,
)

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

log = logging.getLogger(__name__)


@dataclass
class ExtractResult:
    """Tables of one run; `out_dir` is where they were written (None: only in memory).

    `documents`, `facts`, `checks` and `goals` are pandas DataFrames, built on first use from
    the Arrow tables the run wrote (`tables`): a run that only writes files never imports pandas.
    """

    tables: dict[str, pa.Table]
    out_dir: Path | None = None
    stats: BatchStats = field(default_factory=BatchStats)
    written: dict[str, Path] = field(default_factory=dict)
    _frames: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)

    def frame(self, name: str) -> pd.DataFrame:
        if name not in self._frames:
            from arsred.writers import to_frame
            self._frames[name] = to_frame(self.tables[name])
        return self._frames[name]

    @property
    def documents(self) -> pd.DataFrame:
        return self.frame("documents")

    @property
    def facts(self) -> pd.DataFrame:
        return self.frame("facts")

    @property
    def checks(self) -> pd.DataFrame:
        return self.frame("checks")

    @property
    def goals(self) -> pd.DataFrame:
        return self.frame("goals")

    def rows(self, name: str) -> int:
        return self.tables[name].num_rows

    def count(self, status: str) -> int:
        return self.tables["documents"].column("status").to_pylist().count(status)

    @property
    def errors(self) -> pd.DataFrame:
        return self.documents[self.documents["status"] == "error"]

    def error_rows(self) -> list[dict[str, Any]]:
        """documents.csv rows of the documents with status error, as dicts (no pandas)."""
        return [row for row in self.tables["documents"].to_pylist() if row["status"] == "error"]

    def exit_code(self, strict: bool) -> ExitCode:
        return ExitCode.DOCUMENT_FAILED if strict and self.count("error") else ExitCode.OK


def extract_reports(paths: str | Path | Iterable[str | Path], out_dir: str | Path | None = None,
            options: Options | None = None, *, use_cache: bool = True,
            process_fn: ProcessFn | None = None,
            on_start: Callable[[int], None] | None = None,
            on_done: Callable[[DocDone], None] | None = None,
            max_memory_mb: float | None = None) -> ExtractResult:
    """Extract files and folders (recursively *.txt, *.pdf) into documents/facts/checks/goals tables.

    With `out_dir`, also writes the contract's files there and caches per-document results
    (in `options.cache_dir`, default OUT/.cache) so a re-run redoes only new or changed files.
    `process_fn(path, options)` replaces the pipeline (tests, fault injection).
    `max_memory_mb` overrides `options.max_memory_mb` (the per-document memory budget).
    Raises UsageError (exit 64 on the command line) when a path does not exist, nothing
    is found to extract, OUT or the cache folder cannot be written, the OCR language is
    not installed, or the Dask scheduler cannot be reached.
    """
    from arsred import writers

    options = options or Options()
    if max_memory_mb is not None:
        options = dataclasses.replace(options, max_memory_mb=max_memory_mb)
    if isinstance(paths, (str, Path)):
        paths = [paths]
    paths = list(paths)
    skipped: list[str] = []
    inputs = discover(paths, skipped)
    if not inputs:
        raise UsageError(f"no *.pdf or *.txt files found in {', '.join(display_path(p) for p in paths)}"
                         + "".join(f"; {s}" for s in skipped[:3]))
    if process_fn is None:
        check_ocr_lang(inputs, options)
    if options.scheduler:   # checked even when every input is cached: a bad option is a bad option
        check_scheduler(options.scheduler, options.scheduler_timeout)
    if on_start is not None:
        on_start(len(inputs))

    tmp: tempfile.TemporaryDirectory[str] | None = None
    out: Path | None = None
    cache_root: Path | None
    if out_dir is not None:
        out = Path(out_dir)
        _writable_dir(out, "output folder (-o)")
        docs_dir = out / "documents"
        cache_root = Path(options.cache_dir) if options.cache_dir else out / ".cache"
    else:
        tmp = tempfile.TemporaryDirectory(prefix="arsred-")
        docs_dir = Path(tmp.name) / "documents"
        cache_root = Path(options.cache_dir) if options.cache_dir else None
    if cache_root is not None and use_cache:
        _writable_dir(cache_root, "cache folder (--cache-dir)")
    cache = Cache(cache_root, pipeline_version(options, process_fn)) if use_cache and cache_root else None
    try:
        runner = BatchRunner(docs_dir, options, cache, process_fn=process_fn, on_done=on_done)
        stats = runner.run(inputs)
        stats.skipped = skipped
        doc_ids = [i.doc_id for i in inputs]
        _remove_stale(docs_dir, set(doc_ids))
        tables = writers.collect(writers.read_results(docs_dir, doc_ids))
        stats.non_canonical_rows = count_non_canonical(tables["facts"])
        written: dict[str, Path] = {}
        if out is not None:
            info = {"inputs": [display_path(p) for p in paths], "documents": len(inputs), "skipped": skipped,
                    "pipeline_version": cache.version if cache else pipeline_version(options, process_fn),
                    "status_counts": stats.status_counts}
            written = writers.write_tables(out, tables, info)
    finally:
        if tmp is not None:
            tmp.cleanup()
    return ExtractResult(tables=tables, out_dir=out, stats=stats, written=written)


def count_non_canonical(facts: pa.Table) -> int:
    """Rows whose item is not from the synonym table (an item made from the row's own label)."""
    if not facts.num_rows or "item" not in facts.column_names:
        return 0
    from arsred.normalize.items import is_canonical
    return sum(not is_canonical(str(item)) for item in facts.column("item").to_pylist())


def _writable_dir(path: Path, what: str) -> None:
    """Create `path` (a folder) or raise a UsageError saying why it cannot be used."""
    if path.exists() and not path.is_dir():
        raise UsageError(f"{path}: the {what} is an existing file, not a folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{path}: cannot create the {what} ({exc.strerror or exc})") from exc
    if not os.access(path, os.W_OK | os.X_OK):
        raise UsageError(f"{path}: the {what} is not writable")


def check_ocr_lang(inputs: list[InputFile], options: Options) -> None:
    """`--ocr-lang` must name installed tesseract models when a PDF may need OCR: one usage error up front.

    Checked once, only when some input is a PDF, OCR is not `never`, the run is local
    (Dask workers have their own tesseract) and tesseract is installed here (without it,
    text-layer PDFs still work and a page that needs OCR is that document's error).
    """
    if options.ocr == "never" or options.scheduler:
        return
    if not any(i.path.suffix.lower() == ".pdf" for i in inputs):
        return
    exe = shutil.which("tesseract")
    if exe is None:
        return
    try:
        proc = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        log.debug("tesseract --list-langs failed: %s", exc)
        return
    have = {ln.strip() for ln in (proc.stdout + proc.stderr).splitlines()[1:] if ln.strip()}
    missing = [code for code in options.ocr_lang.split("+") if code not in have]
    if missing:
        raise UsageError(f"--ocr-lang {options.ocr_lang}: tesseract has no model for {', '.join(missing)} "
                         f"(installed: {', '.join(sorted(have)) or 'none'}); install tesseract-ocr-{missing[0]} "
                         "or choose another --ocr-lang")


def _remove_stale(docs_dir: Path, keep: set[str]) -> None:
    """documents/ mirrors this run's inputs: JSON left from earlier runs over other files goes."""
    for p in docs_dir.glob("*.json"):
        if p.stem not in keep:
            log.info("removing %s (not among this run's inputs)", p)
            p.unlink(missing_ok=True)
    for p in docs_dir.glob(".*.tmp"):
        p.unlink(missing_ok=True)
