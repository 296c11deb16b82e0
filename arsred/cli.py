"""Command line: a thin layer over arsred.api (extract), arsred.check_report (check), arsred.panel (dataset).

Logging is configured here and nowhere else; modules below only log.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from arsred import __version__
from arsred.errors import ArsredError, ExitCode
from arsred.options import DEFAULT_MAX_MEMORY_MB

log = logging.getLogger("arsred.cli")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error exits with ExitCode.USAGE (64), not 2 (which is DOCUMENT_FAILED)."""

    def error(self, message: str) -> Any:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(int(ExitCode.USAGE), f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="arsred", description="Swedish annual reports (årsredovisningar) into datasets.")
    p.add_argument("--version", action="version", version=f"arsred {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    e = sub.add_parser("extract", help="extract files and folders (recursively *.pdf, *.txt) into OUT")
    e.add_argument("paths", nargs="+", metavar="PATH")
    e.add_argument("-o", "--out", required=True, metavar="OUT", help="output folder")
    e.add_argument("--jobs", "-j", type=int, default=0, help="documents in parallel (default 0: all cores)")
    e.add_argument("--timeout", type=float, default=600.0,
                   help="seconds per document, > 0; no unlimited (default 600)")
    e.add_argument("--max-memory", type=float, default=DEFAULT_MAX_MEMORY_MB, metavar="MB",
                   help="memory budget per document in MB, its own memory (USS) (default %(default)g)")
    e.add_argument("--ocr", choices=("auto", "always", "never"), default="auto")
    e.add_argument("--ocr-effort", choices=("auto", "full"), default="full",
                   help="full (default): every scanned page at full quality; auto: a cheap OCR pass on every "
                        "page, full quality for figure bands and goal pages (cheaper, may lose a figure)")
    e.add_argument("--ocr-lang", default="swe", help="installed tesseract model(s), e.g. swe or swe+eng")
    e.add_argument("--dpi", type=int, default=300, help="OCR resolution, at least 72 (default 300)")
    e.add_argument("--scheduler", default="", metavar="tcp://HOST:8786",
                   help="run on a Dask distributed cluster instead of local processes")
    e.add_argument("--scheduler-timeout", type=float, default=10.0, metavar="S",
                   help="seconds for --scheduler to answer as a Dask scheduler before the run stops (default 10)")
    e.add_argument("--cache-dir", default="", help="result cache (default OUT/.cache)")
    e.add_argument("--no-cache", action="store_true", help="recompute every document")
    e.add_argument("--quiet", "-q", action="store_true",
                   help="no progress bar and no summary; prints only documents that could not be read")
    e.add_argument("--verbose", "-v", action="store_true", help="log each document")
    e.add_argument("--strict", action="store_true",
                   help=f"exit {int(ExitCode.DOCUMENT_FAILED)} when any document has status error")

    c = sub.add_parser("check", help="report the reconciliation checks of an extracted OUT")
    c.add_argument("out", metavar="OUT")
    c.add_argument("--fail-on-flag", action="store_true",
                   help=f"exit {int(ExitCode.FLAGGED)} when any document is flagged or has status error")

    d = sub.add_parser("dataset", help="build the panel (organisation × year) from an extracted OUT")
    d.add_argument("out", metavar="OUT")
    d.add_argument("--quiet", "-q", action="store_true")

    r = sub.add_parser("review", help="write a static review site of an extracted OUT into OUT/review/")
    r.add_argument("out", metavar="OUT")
    r.add_argument("--quiet", "-q", action="store_true")
    return p


class _BarAwareHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Log lines printed above the progress bar instead of through it."""

    def emit(self, record: logging.LogRecord) -> None:
        if Progress.active is None:
            return super().emit(record)
        try:
            Progress.active.write(self.format(record), file=sys.stderr)
        except Exception:
            self.handleError(record)


class _OneLineFormatter(logging.Formatter):
    """A failure caught below the CLI is one line (its exception named); the traceback only with --verbose.

    The document's row carries the error; a traceback on the console reads as if the run crashed."""

    def __init__(self, fmt: str, verbose: bool) -> None:
        super().__init__(fmt)
        self.verbose = verbose

    def format(self, record: logging.LogRecord) -> str:
        if record.exc_info and not self.verbose:
            exc = record.exc_info[1]
            line = logging.makeLogRecord({**record.__dict__, "exc_info": None, "exc_text": None, "args": None,
                                          "msg": f"{record.getMessage()} ({type(exc).__name__}: {exc}; "
                                                 "--verbose shows where)"})
            return super().format(line)
        return super().format(record)


def setup_logging(quiet: bool = False, verbose: bool = False) -> None:
    """Warnings on stderr; --verbose adds every document's log; --quiet none at all (its summary names the
    documents that could not be read, each once, so a log line per failure would only repeat it)."""
    level = logging.DEBUG if verbose else logging.WARNING
    root = logging.getLogger()
    for h in list(root.handlers):
        root.removeHandler(h)
    handler = _BarAwareHandler(sys.stderr)
    handler.setFormatter(_OneLineFormatter("%(levelname)s %(name)s: %(message)s", verbose=verbose))
    if quiet and not verbose:
        handler.setLevel(logging.CRITICAL + 1)
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    logging.getLogger("arsred").setLevel(level)
    for name in ("arsred.extract", "arsred.normalize"):
        logging.getLogger(name).setLevel(logging.DEBUG if verbose else logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    setup_logging(getattr(args, "quiet", False), getattr(args, "verbose", False))
    try:
        if args.command == "extract":
            return cmd_extract(args)
        if args.command == "check":
            return cmd_check(args)
        if args.command == "review":
            return cmd_review(args)
        return cmd_dataset(args)
    except ArsredError as exc:
        print(f"arsred: {exc}", file=sys.stderr)
        return int(ExitCode.USAGE)
    except ValueError as exc:  # bad option values (Options.__post_init__)
        print(f"arsred: {exc}", file=sys.stderr)
        return int(ExitCode.USAGE)
    except KeyboardInterrupt:
        print("arsred: interrupted; finished documents are kept, run again to resume", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (`arsred check OUT | head`): stop quietly, as a shell tool does;
        # stdout goes to devnull so the interpreter's final flush raises nothing
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def plural(n: int, word: str, many: str = "") -> str:
    """`1 document`, `2 documents`, `0 documents`."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def per_second(n: int, seconds: float, what: str) -> str:
    """`2.5 pages/s`; a slow run (scanned PDFs: 2 documents in 170 s) in two significant digits,
    `0.012 docs/s`, never `0.0 docs/s`."""
    rate = n / seconds
    return f"{rate:.1f} {what}/s" if rate >= 1 or rate == 0 else f"{rate:.2g} {what}/s"


def cmd_extract(args: argparse.Namespace) -> int:
    from arsred.api import extract_reports
    from arsred.options import Options
    from arsred.runner import display_path

    options = Options(ocr=args.ocr, ocr_effort=args.ocr_effort, ocr_lang=args.ocr_lang, dpi=args.dpi, jobs=args.jobs,
                      timeout=args.timeout, max_memory_mb=args.max_memory, cache_dir=args.cache_dir,
                      scheduler=args.scheduler, scheduler_timeout=args.scheduler_timeout, quiet=args.quiet, strict=args.strict)
    progress = Progress(enabled=not args.quiet)
    try:
        result = extract_reports(args.paths, out_dir=args.out, options=options, use_cache=not args.no_cache,
                         on_start=progress.start, on_done=progress.update)
    finally:
        progress.close()
    shown = display_path(args.out)
    st = result.stats
    ok, flagged, error = result.count("ok"), result.count("flagged"), result.count("error")
    unverified = result.count("unverified")
    error_lines = [f"  error {row['doc_id']}: {row['error']}" for row in result.error_rows()[:10]]
    if error > 10:
        error_lines.append(f"  … {error - 10} more in documents.csv (status = error)")
    skipped_lines = [f"  skipped {s}" for s in st.skipped[:10]]
    if len(st.skipped) > 10:
        skipped_lines.append(f"  … {len(st.skipped) - 10} more skipped (manifest.json lists them)")
    if args.quiet:   # nothing on success; the documents that could not be read, and what was skipped
        if error:
            print(f"arsred: {plural(error, 'document')} could not be read (status error):", file=sys.stderr)
            print("\n".join(error_lines), file=sys.stderr)
        if skipped_lines:
            print("\n".join(skipped_lines), file=sys.stderr)
        return int(result.exit_code(args.strict))
    rate = f" ({per_second(st.documents, st.seconds, 'docs')}, {per_second(st.pages, st.seconds, 'pages')})" \
        if st.seconds else ""
    counts = (f"  ok {ok} · flagged {flagged} · unverified {unverified} · error {error} · "
              f"{plural(result.rows('facts'), 'fact')}, "
              f"{plural(result.rows('checks'), 'check')}, {plural(result.rows('goals'), 'goal')}")
    if st.non_canonical_rows:
        counts += (f" · {plural(st.non_canonical_rows, 'row')} without a canonical item "
                   "(see item_coverage where not canonical)")
    lines = [f"arsred: {plural(st.documents, 'document')} ({st.cached} from cache), "
             f"{plural(st.pages, 'page')} in {st.seconds:.1f} s{rate}",
             counts,
             f"  outputs: {shown}/documents.csv facts.csv checks.csv goals.csv (+ .parquet), "
             f"{shown}/arsred.duckdb, {shown}/documents/<doc_id>.json; run `arsred dataset {shown}` for the panel",
             *error_lines, *skipped_lines]
    print("\n".join(lines))
    return int(result.exit_code(args.strict))


def cmd_check(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if not out.is_dir():
        raise ArsredError(f"{out}: no such output folder (run `arsred extract ... -o {out}` first)")
    try:
        from arsred.check_report import run_check
    except ImportError as exc:
        raise ArsredError(f"the check report is not available in this installation ({exc})") from exc
    return int(run_check(out, args.fail_on_flag))


def cmd_dataset(args: argparse.Namespace) -> int:
    from arsred.panel import build_panel

    out = Path(args.out)
    summary = build_panel(out)
    if not args.quiet:
        print(f"arsred: panel of {plural(summary.rows, 'organisation-year')} "
              f"({plural(summary.organisations, 'organisation')}, {summary.restated} with a restatement) -> {out}/panel.csv, panel.parquet, "
              f"arsred.duckdb (panel, panel_long, panel_restatements)")
    return int(ExitCode.OK)


def cmd_review(args: argparse.Namespace) -> int:
    from arsred.review import build_review

    summary = build_review(Path(args.out))
    if not args.quiet:
        print(f"arsred: review of {plural(summary.documents, 'document')} -> {summary.path} "
              f"({plural(summary.pages_rendered, 'page image')} rendered)")
    return int(ExitCode.OK)


class Progress:
    """tqdm bar on a terminal: documents done, pages done and per second, ETA."""

    active: Any = None   # the bar on screen, for _BarAwareHandler

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.bar: Any = None
        self.pages = 0
        self.t0 = time.monotonic()
        self.counts: dict[str, int] = {}

    def start(self, total: int) -> None:
        if not self.enabled:
            return
        import tqdm
        tqdm.tqdm.monitor_interval = 0   # no monitor thread: the runner forks
        self.t0 = time.monotonic()
        self.bar = tqdm.tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True,
                             smoothing=0.1, desc="extract")
        Progress.active = self.bar

    def update(self, done: Any) -> None:
        self.pages += done.pages
        self.counts[done.status] = self.counts.get(done.status, 0) + 1
        if self.bar is None:
            return
        dt = max(time.monotonic() - self.t0, 1e-6)
        self.bar.set_postfix_str(f"{self.pages} pages, {self.pages / dt:.1f} p/s, "
                                 f"ok {self.counts.get('ok', 0)} flagged {self.counts.get('flagged', 0)} "
                                 f"unverified {self.counts.get('unverified', 0)} "
                                 f"error {self.counts.get('error', 0)}", refresh=False)
        self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
            Progress.active = None


if __name__ == "__main__":
    sys.exit(main())
