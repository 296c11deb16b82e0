"""Batch runner: find inputs, run each document in its own forked process, cache and resume.

Why one process per document: a hang, a crash in native code (pdfium, tesseract) or a
file that eats memory then costs one `error` row, never the batch, and memory stays flat
however long the batch is (nothing accumulates in a long-lived worker). The parent keeps
up to `--jobs` children running, watches each one's clock and memory, and writes every
finished document atomically (cache entry + `documents/<doc_id>.json`) before moving on,
so a run killed with `kill -9` resumes where it stopped.

`--scheduler tcp://HOST:8786` sends the same per-document work to Dask workers instead;
each task still forks its own child there, so the same budgets hold on a cluster.
"""
from __future__ import annotations

import errno
import logging
import os
import pickle
import re
import select
import signal
import stat
import tempfile
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from arsred.cache import Cache, atomic_write_json, sha256_file
from arsred.errors import UsageError
from arsred.options import DEFAULT_MAX_MEMORY_MB, Options  # noqa: F401  (re-exported)

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".pdf")
_POLL_S = 0.1
_RSS_EVERY_S = 1.0   # RSS (psutil walks every process for the children): 4 reads a second cost 0.1-0.2 s of a 4 s run
_USS_EVERY_S = 5.0   # USS reads /proc/PID/smaps_rollup, ~10-20 ms of kernel time each: 13 s of a 150 s OCR run at 0.25 s

ProcessFn = Callable[[str, Options], Any]   # (path, options) -> DocumentResult (or its dict)


@dataclass(frozen=True)
class InputFile:
    path: Path
    doc_id: str
    problem: str = ""    # why it is not a regular file (then it becomes an error row and is never opened)


@dataclass(frozen=True)
class DocDone:
    """One finished document, as reported to progress callbacks."""

    index: int
    doc_id: str
    status: str
    pages: int
    cached: bool
    seconds: float
    peak_rss_mb: float = 0.0


@dataclass
class BatchStats:
    documents: int = 0
    cached: int = 0
    computed: int = 0
    pages: int = 0
    seconds: float = 0.0
    status_counts: dict[str, int] = field(default_factory=dict)
    peak_rss_mb: list[float] = field(default_factory=list)   # one per computed document
    peak_uss_mb: list[float] = field(default_factory=list)   # its own pages only (not shared with the parent)
    non_canonical_rows: int = 0   # facts whose item is not canonical (see the item_coverage view)
    skipped: list[str] = field(default_factory=list)   # folders not searched, each with the reason


# --------------------------------------------------------------------------- discovery

MAX_ID_BYTES = 120      # a doc_id names documents/<doc_id>.json: well below the 255 bytes of a file name


def discover(paths: Iterable[str | Path], skipped: list[str] | None = None) -> list[InputFile]:
    """Files as named, folders searched recursively for *.txt/*.pdf; sorted, each file once.

    Every file with a report's suffix is an input, whatever its name; one that is not a
    regular file (a dangling or looping link, a FIFO, a device) is an input with a
    `problem`, so it becomes an error row and is never opened. A folder that cannot be
    read, or a link to a folder (not followed), is appended to `skipped` with the reason.

    `doc_id` is the file's stem when no other input has that stem. Inputs that share a
    stem each get an id made from their own path relative to the folder they were found
    in (`2020/arsredovisning.txt` -> `2020__arsredovisning`; a file at the top of that
    folder, or named directly, keeps its stem), with `__<ext>` added when that is still
    shared (`report.txt`, `report.pdf` -> `report__txt`, `report__pdf`). An id depends on
    the file's own path, never on the order of the inputs, so adding a folder does not
    rename the documents already there. Ids are text: bytes that are not UTF-8 are read as
    CP1252 (old Windows archives), control characters become `_`, and an id longer than
    MAX_ID_BYTES is cut and ends with a hash of the whole; ids are unique in a batch.
    """
    skipped = [] if skipped is None else skipped
    found: dict[str, tuple[Path, Path, str]] = {}   # key -> (path as found, its root, problem)
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f, problem in _walk(p, skipped):
                found.setdefault(_identity(f, problem), (f, p, problem))
        elif os.path.lexists(p):
            problem = _problem(p)
            found.setdefault(_identity(p, problem), (p, p.parent, problem))
        else:
            raise UsageError(f"{display_path(p)}: no such file or folder")
    files = sorted(found.values(), key=lambda fr: (str(fr[0]), fr[0].name))
    by_stem: dict[str, list[tuple[Path, Path]]] = {}
    for f, root, _ in files:
        by_stem.setdefault(_limit(_name_text(f.stem)), []).append((f, root))
    ids: dict[Path, str] = {}
    for stem, group in by_stem.items():
        if len(group) == 1:
            ids[group[0][0]] = stem
    for stem, group in by_stem.items():
        if len(group) > 1:
            ids.update(_collision_ids(group, taken=set(by_stem) - {stem}))
            log.info("%d inputs share the name %s; their doc_ids come from their paths: %s", len(group), stem,
                     ", ".join(ids[f] for f, _ in group))
    _make_unique(ids)
    return [InputFile(path=f, doc_id=ids[f], problem=problem) for f, _, problem in files]


def _walk(root: Path, skipped: list[str]) -> Iterable[tuple[Path, str]]:
    """(file, problem) for every file below `root` with a report's suffix; hidden names are not inputs."""
    todo = [root]
    while todo:
        folder = todo.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as exc:
            skipped.append(f"{display_path(folder)}: folder cannot be read ({exc.strerror or exc}); skipped")
            log.warning("%s", skipped[-1])
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            if entry.is_dir(follow_symlinks=False):
                todo.append(path)
            elif path.suffix.lower() in SUFFIXES:
                yield path, _problem(path)
            elif entry.is_symlink() and _is_dir(path):
                skipped.append(f"{display_path(path)}: a link to a folder, not followed; skipped")
                log.warning("%s", skipped[-1])


def _is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False


def _problem(path: Path) -> str:
    """'' for a regular file (or a link to one); otherwise what it is, without opening it."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "a symbolic link to a missing file" if os.path.islink(path) else "the file disappeared"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop (the link points back to itself)"
        return f"cannot be examined ({exc.strerror or exc})"
    if stat.S_ISREG(mode):
        return ""
    for test, what in ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISDIR, "a folder")):
        if test(mode):
            return f"{what}, not a regular file"
    return "not a regular file"


def _identity(path: Path, problem: str) -> str:
    """One input per file: regular files by their real path, anything else by its own path."""
    return os.path.realpath(path) if not problem else os.path.abspath(path)


def display_path(path: str | Path) -> str:
    """A path as text for tables and messages: bytes that are not UTF-8 as \\xNN escapes."""
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def _name_text(name: str) -> str:
    """A file name (part) as text: not UTF-8 -> CP1252 (Latin-1 of old archives); control characters -> '_'."""
    raw = os.fsencode(name)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return "".join("_" if ch == "\ufffd" or unicodedata.category(ch) == "Cc" else ch for ch in text)


def _limit(doc_id: str) -> str:
    """An id of at most MAX_ID_BYTES bytes: cut, with a hash of the whole id at its end."""
    data = doc_id.encode("utf-8")
    if len(data) <= MAX_ID_BYTES:
        return doc_id
    return f"{data[:MAX_ID_BYTES - 10].decode('utf-8', 'ignore')}~{_hash(doc_id)}"


def _hash(text: str, n: int = 8) -> str:
    import hashlib
    return hashlib.sha1(text.encode("utf-8", "surrogateescape")).hexdigest()[:n]


def _make_unique(ids: dict[Path, str]) -> None:
    """Ids that are still shared (names that read alike once decoded, ids made from paths that
    meet another input's) each get a hash of their own absolute path: order never matters."""
    for width in (8, 16, 40):
        by_id: dict[str, list[Path]] = {}
        for f, doc_id in ids.items():
            by_id.setdefault(doc_id, []).append(f)
        shared = [fs for fs in by_id.values() if len(fs) > 1]
        if not shared:
            return
        for fs in shared:
            for f in fs:
                ids[f] = _limit(f"{ids[f]}__{_hash(os.path.abspath(f), width)}")


def _collision_ids(group: list[tuple[Path, Path]], taken: set[str]) -> dict[Path, str]:
    """doc_ids of inputs sharing a stem, each from its own path, never from the order of the inputs.

    Tried in turn until unique within the group and unlike any input's stem: the path
    relative to its root (`2020__arsredovisning`), plus the extension (`report__pdf`),
    with the folder the file is in first (`a__report__pdf`), plus a hash of the full path.
    """
    def rel_id(f: Path, root: Path) -> str:
        try:
            rel = f.relative_to(root)
        except ValueError:
            rel = Path(f.name)
        return _limit("__".join(_name_text(part) for part in [*rel.parent.parts, f.stem]))

    def with_ext(f: Path, root: Path) -> str:
        return _limit(f"{rel_id(f, root)}__{_name_text(f.suffix.lstrip('.').lower()) or 'file'}")

    def with_folder(f: Path, root: Path) -> str:
        folder = _name_text(Path(os.path.abspath(f)).parent.name) or "root"
        return _limit(f"{folder}__{with_ext(f, root)}")

    def with_hash(f: Path, root: Path) -> str:
        return _limit(f"{with_ext(f, root)}__{_hash(os.path.abspath(f))}")

    out: dict[Path, str] = {}
    for make in (rel_id, with_ext, with_folder):
        pending = [(f, r) for f, r in group if f not in out]
        cand = {f: make(f, r) for f, r in pending}
        counts: dict[str, int] = {}
        for v in cand.values():
            counts[v] = counts.get(v, 0) + 1
        for f, _ in pending:
            if counts[cand[f]] == 1 and cand[f] not in taken:
                out[f] = cand[f]
    for f, r in group:
        out.setdefault(f, with_hash(f, r))
    return out


# --------------------------------------------------------------------------- results

def error_result(inp: InputFile, sha: str, message: str) -> dict[str, Any]:
    """The DocumentResult dict of a document the runner had to give up on."""
    from arsred.result import DocumentRecord, DocumentResult
    rec = DocumentRecord(doc_id=inp.doc_id, path=display_path(inp.path), sha256=sha, status="error",
                         error=text_safe(message), input_kind=_kind_from_suffix(inp.path))
    return DocumentResult(record=rec).to_dict()


def _kind_from_suffix(path: Path) -> str:
    return "text" if path.suffix.lower() == ".txt" else ""


def _as_dict(result: Any) -> dict[str, Any]:
    return text_safe(result.to_dict() if hasattr(result, "to_dict") else dict(result))


_SURROGATE = re.compile("[\ud800-\udfff]")


def text_safe(obj: Any) -> Any:
    """Strings that UTF-8 can hold: a path's undecodable bytes (surrogate escapes) become \\xNN."""
    if isinstance(obj, str):
        if not _SURROGATE.search(obj):
            return obj
        try:
            return obj.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:
            return obj.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(obj, dict):
        return {text_safe(k): text_safe(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [text_safe(v) for v in obj]
    return obj


def adopt(data: dict[str, Any], inp: InputFile, sha: str) -> dict[str, Any]:
    """Give a result (computed here, from the cache or from another file with the same bytes) this input's id and path.

    Messages that name the file the result was computed from name this input instead.
    """
    doc = data["document"]
    old, old_path = doc.get("doc_id"), doc.get("path") or ""
    path = display_path(inp.path)
    doc["doc_id"], doc["path"] = inp.doc_id, path
    doc["sha256"] = doc.get("sha256") or sha
    if old_path and old_path != path:
        for key in ("error", "warnings"):
            if isinstance(doc.get(key), str):
                doc[key] = doc[key].replace(old_path, path)
    if old != inp.doc_id:
        for key in ("facts", "checks", "goals", "measures"):
            for row in data.get(key) or []:
                if isinstance(row, dict) and "doc_id" in row:
                    row["doc_id"] = inp.doc_id
    return data


# --------------------------------------------------------------------------- isolation
#
# Each document runs in a forked child that starts its own session (and so its own process
# group): the OCR page workers and tesseract processes it starts are in that group, and a
# document past its budget is killed as a whole group. The parent never waits on the
# result pipe alone (an orphaned grandchild may hold its write end open for ever): it
# watches the child's pid (a pidfd where the kernel has one) and reads the pipe without
# blocking; when the child has exited, what it wrote is in the pipe, and its group is
# killed before the child is reaped, so nothing it started outlives it.

def _die_with_parent() -> None:
    """Linux: a process whose parent dies is killed too (no orphaned hangs)."""
    try:
        import ctypes
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:  # not Linux: the group kill below still ends a document's processes
        pass


def _child_main(wfd: int, fn: ProcessFn, path: str, options: Options) -> None:
    code = 0
    try:
        try:
            os.setsid()          # own session and process group: killed as a whole
        except OSError:
            pass
        _die_with_parent()
        os.register_at_fork(after_in_child=_die_with_parent)   # OCR workers die with their document
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        payload: tuple[str, Any] = ("ok", _as_dict(fn(path, options)))
    except BaseException as exc:  # the pipeline should not raise; if it does, it is this document's error
        payload = ("exc", f"{type(exc).__name__}: {exc}")
    try:
        import resource
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        data = pickle.dumps((*payload, peak_kb / 1024.0), protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(data)
        while view:
            n = os.write(wfd, view)
            view = view[n:]
    except BaseException:
        code = 70
    finally:
        os._exit(code)


def _kill_group(pid: int) -> None:
    """SIGKILL the document's process group (the child and all it started) and the child itself."""
    for kill, target in ((os.killpg, pid), (os.kill, pid)):
        try:
            kill(target, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


@dataclass
class _Child:
    """A forked child computing one document; the parent reads its pickled answer from a pipe."""

    index: int
    pid: int
    fd: int
    started: float
    pidfd: int = -1               # readable when the child exits (Linux >= 5.3)
    buf: bytearray = field(default_factory=bytearray)
    eof: bool = False
    peak_rss_mb: float = 0.0
    peak_uss_mb: float = 0.0
    last_rss: float = 0.0
    last_uss: float = 0.0
    killed_for: str = ""

    @classmethod
    def start(cls, index: int, fn: ProcessFn, path: str, options: Options) -> _Child:
        rfd, wfd = os.pipe()
        pid = os.fork()
        if pid == 0:  # child
            os.close(rfd)
            _child_main(wfd, fn, path, options)
        os.close(wfd)
        os.set_blocking(rfd, False)
        pidfd = -1
        try:
            pidfd = os.pidfd_open(pid)
        except (AttributeError, OSError):
            pass
        return cls(index=index, pid=pid, fd=rfd, started=time.monotonic(), pidfd=pidfd)

    def fds(self) -> list[int]:
        """What to wait on: the pipe until its end, and the pidfd."""
        return ([] if self.eof else [self.fd]) + ([self.pidfd] if self.pidfd >= 0 else [])

    def read(self) -> None:
        """Read what the pipe holds now, never blocking."""
        while not self.eof:
            try:
                chunk = os.read(self.fd, 1 << 20)
            except BlockingIOError:
                return
            except OSError:
                chunk = b""
            if not chunk:
                self.eof = True
                return
            self.buf.extend(chunk)

    def exited(self) -> bool:
        """Has the child ended (it is then a zombie, not yet reaped, so its group id stays its own)?"""
        try:
            return os.waitid(os.P_PID, self.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
        except ChildProcessError:
            return True
        except AttributeError:     # no waitid (macOS): end of the pipe is the end of the child
            return self.eof

    def watch(self, now: float, timeout: float, max_memory_mb: float) -> None:
        """Kill the child when it runs past its time or memory budget.

        The memory budget is on the document's own memory (USS: pages not shared
        copy-on-write with the parent) summed over the child and the processes it started
        (OCR page workers, tesseract), not RSS, which counts the warmed-up parent's pages
        too; RSS is the fallback where USS cannot be measured.
        """
        if self.killed_for:
            return
        late = now - self.started > timeout
        if late or now - self.last_rss >= _RSS_EVERY_S:
            self.last_rss = now
            # RSS (cheap) bounds USS from above: USS is measured only when RSS is over the budget, and
            # every few seconds for the statistics
            rss, _ = _memory_mb(self.pid, own=False)
            uss = 0.0
            if (max_memory_mb and rss > max_memory_mb) or now - self.last_uss >= _USS_EVERY_S:
                self.last_uss = now
                rss, uss = _memory_mb(self.pid)
            self.peak_rss_mb = max(self.peak_rss_mb, rss)
            self.peak_uss_mb = max(self.peak_uss_mb, uss)
            own = uss or rss
            if max_memory_mb and own > max_memory_mb:
                self.kill(f"used {own:.0f} MB, over the memory budget of {max_memory_mb:.0f} MB per document "
                          "(raise --max-memory for very large documents)")
                return
        if late:
            self.kill(f"timed out after {timeout:g} s (raise --timeout for very long documents)")

    def kill(self, reason: str) -> None:
        self.killed_for = reason
        _kill_group(self.pid)

    def close(self) -> int:
        """Kill what the document left behind, reap the child, close its descriptors; its wait status."""
        _kill_group(self.pid)
        try:
            _, status = os.waitpid(self.pid, 0)
        except ChildProcessError:
            status = 0
        for fd in (self.fd, self.pidfd):
            if fd >= 0:
                try:
                    os.close(fd)
                except OSError:
                    pass
        return status

    def finish(self) -> tuple[str, Any]:
        """After the child exited: its answer, ("ok", dict) or ("error", message)."""
        self.read()          # what it wrote before it exited is in the pipe
        status = self.close()
        if self.killed_for:
            return "error", self.killed_for
        if self.buf:
            try:
                kind, payload, peak = pickle.loads(bytes(self.buf))
                self.peak_rss_mb = max(self.peak_rss_mb, float(peak))
                if kind == "ok":
                    return "ok", payload
                return "error", f"the pipeline raised {payload}"
            except Exception as exc:
                return "error", f"worker sent an unreadable result ({exc})"
        if os.WIFSIGNALED(status):
            sig = os.WTERMSIG(status)
            try:
                name = signal.Signals(sig).name
            except ValueError:
                name = str(sig)
            return "error", f"worker crashed (killed by {name}) while processing this document"
        return "error", f"worker crashed (exit code {os.WEXITSTATUS(status)}) while processing this document"


def _wait(children: Iterable[_Child]) -> list[_Child]:
    """Wait up to _POLL_S for output or an exit; read what came; the children that have exited."""
    children = list(children)
    fds = [fd for c in children for fd in c.fds()]
    if fds:
        select.select(fds, [], [], _POLL_S)
    else:
        time.sleep(_POLL_S)
    done = []
    for c in children:
        c.read()
        if c.exited():
            done.append(c)
    return done


def _memory_mb(pid: int, own: bool = True) -> tuple[float, float]:
    """RSS and USS of a document: its process and every process it started (what the budget limits).

    With own=False only RSS (USS 0): far cheaper to read.
    """
    try:
        import psutil
        proc = psutil.Process(pid)
        rss = uss = 0.0
        for p in [proc, *proc.children(recursive=True)]:
            try:
                info = p.memory_full_info() if own else p.memory_info()
            except psutil.Error:
                continue
            rss += info.rss
            uss += getattr(info, "uss", 0)
        return rss / (1 << 20), uss / (1 << 20)
    except Exception:
        return 0.0, 0.0


def run_isolated(fn: ProcessFn, path: str, options: Options,
                 max_memory_mb: float | None = None) -> tuple[str, Any, float]:
    """One document in a forked child with the time and memory budgets (used by Dask tasks)."""
    max_memory_mb = options.max_memory_mb if max_memory_mb is None else max_memory_mb
    if not hasattr(os, "fork"):
        try:
            return "ok", _as_dict(fn(path, options)), 0.0
        except Exception as exc:
            return "error", f"the pipeline raised {type(exc).__name__}: {exc}", 0.0
    child = _Child.start(0, fn, path, options)
    try:
        while not _wait([child]):
            child.watch(time.monotonic(), options.timeout, max_memory_mb)
    except BaseException:
        child.kill("interrupted")
        child.close()
        raise
    kind, payload = child.finish()
    return kind, payload, child.peak_rss_mb


# --------------------------------------------------------------------------- the batch

@dataclass
class _Job:
    index: int
    inp: InputFile
    sha: str
    same_bytes: list[tuple[int, InputFile]] = field(default_factory=list)


class BatchRunner:
    """Run inputs into `docs_dir/<doc_id>.json`, via the cache, locally or on Dask."""

    def __init__(self, docs_dir: Path, options: Options, cache: Cache | None,
                 process_fn: ProcessFn | None = None,
                 on_done: Callable[[DocDone], None] | None = None,
                 max_memory_mb: float | None = None) -> None:
        self.docs_dir = docs_dir
        self.options = options
        self.cache = cache
        self.process_fn = process_fn
        self.on_done = on_done
        self.max_memory_mb = options.max_memory_mb if max_memory_mb is None else max_memory_mb
        self.stats = BatchStats()

    def _fn(self) -> ProcessFn:
        if self.process_fn is not None:
            return self.process_fn
        from arsred.pipeline import process_document
        return process_document

    def run(self, inputs: Sequence[InputFile]) -> BatchStats:
        t0 = time.monotonic()
        self.docs_dir.mkdir(parents=True, exist_ok=True)
        self.stats = BatchStats(documents=len(inputs))
        jobs: dict[str, _Job] = {}
        order: list[_Job] = []
        for i, inp in enumerate(inputs):
            if inp.problem:      # an error row (status error), not a skipped input: no "skipped" in its message
                message = f"{display_path(inp.path)}: {inp.problem}; not opened"
                log.warning("%s", message)
                self._record(i, inp, "", error_result(inp, "", message), cached=False, seconds=0.0)
                continue
            try:
                sha = sha256_file(inp.path)
            except OSError as exc:
                self._record(i, inp, "", error_result(inp, "", f"{display_path(inp.path)}: cannot be read "
                                                               f"({exc.strerror or exc})"),
                             cached=False, seconds=0.0)
                continue
            cached = self.cache.get(sha) if self.cache else None
            if cached is not None:
                self._record(i, inp, sha, cached, cached=True, seconds=0.0)
            elif sha in jobs:
                jobs[sha].same_bytes.append((i, inp))
            else:
                jobs[sha] = _Job(i, inp, sha)
                order.append(jobs[sha])
        if order:
            log.info("%d documents to compute, %d from cache", len(order), self.stats.cached)
            if self.options.scheduler:
                self._run_dask(order)
            else:
                self._run_local(order)
        self.stats.seconds = time.monotonic() - t0
        return self.stats

    # -- one finished document
    def _finish(self, job: _Job, kind: str, payload: Any, seconds: float, peak_mb: float) -> None:
        if kind == "ok":
            data, cache_it = payload, True
        else:
            data, cache_it = error_result(job.inp, job.sha, payload), False
            log.warning("%s: %s", display_path(job.inp.path), text_safe(payload))
        if peak_mb:
            self.stats.peak_rss_mb.append(peak_mb)
        self.stats.computed += 1
        if cache_it and self.cache is not None:
            self.cache.put(job.sha, data)
        self._record(job.index, job.inp, job.sha, data, cached=False, seconds=seconds, peak_mb=peak_mb)
        for i, inp in job.same_bytes:
            self._record(i, inp, job.sha, pickle.loads(pickle.dumps(data)), cached=True, seconds=0.0)

    def _record(self, index: int, inp: InputFile, sha: str, data: dict[str, Any], *, cached: bool,
                seconds: float, peak_mb: float = 0.0) -> None:
        data = adopt(data, inp, sha)
        atomic_write_json(self.docs_dir / f"{inp.doc_id}.json", data)
        doc = data["document"]
        status = doc.get("status") or "error"
        pages = int(doc.get("pages") or 0)
        st = self.stats
        st.status_counts[status] = st.status_counts.get(status, 0) + 1
        st.pages += pages
        if cached:
            st.cached += 1
        if self.on_done is not None:
            self.on_done(DocDone(index, inp.doc_id, status, pages, cached, seconds, peak_mb))

    # -- local: forked children
    def _run_local(self, order: list[_Job]) -> None:
        if not hasattr(os, "fork"):
            return self._run_inline(order)
        fn = self._fn()
        workers = max(1, self.options.workers)
        # warm up (lexicon, tables) only when forked children will share it: with no more
        # documents than workers each child would load only what its own document needs
        _preload(self.process_fn, warm=len(order) > workers)
        queue = deque(order)
        running: dict[int, tuple[_Child, _Job]] = {}
        try:
            while queue or running:
                while queue and len(running) < workers:
                    job = queue.popleft()
                    child = _Child.start(job.index, fn, str(job.inp.path), self.options)
                    running[child.pid] = (child, job)
                for child in _wait(c for c, _ in running.values()):
                    _, job = running.pop(child.pid)
                    kind, payload = child.finish()
                    if child.peak_uss_mb:
                        self.stats.peak_uss_mb.append(child.peak_uss_mb)
                    self._finish(job, kind, payload, time.monotonic() - child.started, child.peak_rss_mb)
                now = time.monotonic()
                for child, _ in running.values():
                    child.watch(now, self.options.timeout, self.max_memory_mb)
        finally:
            for child, _ in running.values():
                child.kill("batch interrupted")
                child.close()

    def _run_inline(self, order: list[_Job]) -> None:
        """No fork (Windows): in-process, without time or memory budgets."""
        fn = self._fn()
        for job in order:
            t = time.monotonic()
            payload: Any
            try:
                kind, payload = "ok", _as_dict(fn(str(job.inp.path), self.options))
            except Exception as exc:
                kind, payload = "error", f"the pipeline raised {type(exc).__name__}: {exc}"
            self._finish(job, kind, payload, time.monotonic() - t, 0.0)

    # -- Dask distributed
    def _run_dask(self, order: list[_Job]) -> None:
        from distributed import Client, as_completed

        fn = self.process_fn  # None: the worker imports the pipeline itself
        address, wait = self.options.scheduler, self.options.scheduler_timeout
        check_scheduler(address, wait)
        try:
            client = Client(address, timeout=f"{wait:g}s")
        except Exception as exc:   # whatever the client meets on a bad address, it is a bad option
            raise UsageError(f"cannot use the Dask scheduler at {address} ({type(exc).__name__}: {exc})") from exc
        with client:
            n_workers = max(1, len(client.scheduler_info().get("workers", {})))
            window = max(4, 2 * n_workers * max(1, self.options.jobs or 1))
            queue = deque(order)
            futures: dict[Any, tuple[_Job, float]] = {}

            def submit(ac: Any | None) -> None:
                job = queue.popleft()
                data = job.inp.path.read_bytes()
                fut = client.submit(dask_task, job.inp.path.name, data, self.options, fn,
                                    self.max_memory_mb, display_path(job.inp.path), key=f"arsred-{job.sha[:16]}-{job.index}", pure=False,
                                    retries=0)
                futures[fut] = (job, time.monotonic())
                if ac is not None:
                    ac.add(fut)

            while queue and len(futures) < window:
                submit(None)
            ac = as_completed(list(futures))
            for fut in ac:
                job, started = futures.pop(fut)
                try:
                    kind, payload, peak = fut.result()
                except Exception as exc:  # KilledWorker, lost connection, ...
                    kind, payload, peak = "error", f"Dask task failed: {type(exc).__name__}: {exc}", 0.0
                self._finish(job, kind, payload, time.monotonic() - started, peak)
                fut.release()
                if queue:
                    submit(ac)


DASK_PORT = 8786           # the scheduler's port when the address names none
_HANDSHAKE_MAX = 1 << 20   # a Dask handshake is a few dozen bytes; a length past this is not Dask talking


# the other transports Dask's comm layer knows; an http:// address (its dashboard) is none of them
DASK_SCHEMES = ("tls", "ucx", "inproc", "ws", "wss")


def check_scheduler(address: str, timeout: float) -> None:
    """Raise UsageError unless `address` answers as a Dask scheduler within `timeout` seconds.

    Why not just `distributed.Client(address, timeout=...)`: pointed at a server that is
    not Dask (an HTTP server, a proxy) the client waits for ever or reads the first bytes
    of an HTTP answer as a frame length and fails allocating exabytes. A Dask server sends
    its handshake (an 8-byte length, then msgpack naming `compression`) as soon as it
    accepts a connection, so a plain socket that reads it within the time is a bounded
    check. Addresses other than tcp:// (tls://, ...) are left to the client's own timeout.
    """
    import socket
    import struct

    scheme, _, rest = address.rpartition("://")
    if scheme not in ("", "tcp", *DASK_SCHEMES):
        raise UsageError(f"--scheduler {address}: {scheme}:// is no Dask scheduler address "
                         f"(tcp://HOST:PORT; also {', '.join(s + '://' for s in DASK_SCHEMES)})")
    if scheme not in ("", "tcp"):
        return
    host, _, port_text = rest.rpartition(":")
    if not port_text.isdigit() or (host.count(":") and not host.endswith("]")):   # no port: Dask's default
        host, port_text = rest, str(DASK_PORT)
    host = host.strip("[]/")
    if not host:
        raise UsageError(f"--scheduler {address}: not an address of the form tcp://HOST:PORT")
    deadline = time.monotonic() + timeout

    def fail(why: str) -> UsageError:
        return UsageError(f"cannot use the Dask scheduler at {address}: {why} "
                          f"(waited at most {timeout:g} s; --scheduler-timeout sets it)")

    def left() -> float:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError()
        return remaining

    try:
        with socket.create_connection((host, int(port_text)), timeout=timeout) as sock:
            def read(n: int) -> bytes:
                data = b""
                while len(data) < n:
                    sock.settimeout(left())
                    chunk = sock.recv(n - len(data))
                    if not chunk:
                        raise fail("the connection was closed without a Dask handshake (not a Dask scheduler?)")
                    data += chunk
                return data

            (size,) = struct.unpack("<Q", read(8))
            if not 0 < size <= _HANDSHAKE_MAX:
                raise fail("it answered, but not as a Dask scheduler")
            if b"compression" not in read(size):
                raise fail("it answered, but not as a Dask scheduler")
    except UsageError:
        raise
    except TimeoutError:
        raise fail("no Dask handshake arrived in time (not a Dask scheduler, or unreachable)") from None
    except OSError as exc:
        raise fail(f"cannot connect ({exc.strerror or exc})") from None


def dask_task(name: str, data: bytes, options: Options, fn: ProcessFn | None,
              max_memory_mb: float, original: str = "") -> tuple[str, Any, float]:
    """On a Dask worker: write the bytes under their own file name and run the document isolated.

    Bytes travel with the task, so workers need the package but no shared filesystem;
    messages name the client's path, not the worker's copy.
    """
    _preload(fn)
    if fn is None:
        from arsred.pipeline import process_document
        fn = process_document
    with tempfile.TemporaryDirectory(prefix="arsred-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        kind, payload, peak = run_isolated(fn, str(path), options, max_memory_mb)
    if original:
        if kind == "ok":
            doc = payload.get("document", {})
            for key in ("error", "warnings"):
                if isinstance(doc.get(key), str):
                    doc[key] = doc[key].replace(display_path(path), original)
        else:
            payload = str(payload).replace(display_path(path), original)
    return kind, payload, peak


_WARM_TEXT = """Samordningsforbundet Exempel
Arsredovisning 2024

Resultatrakning
Belopp i tkr                          2024     2023
Verksamhetens intakter               2 832    2 832
Verksamhetens kostnader             -2 649   -2 983
Arets resultat                         183     -151

Balansrakning
Kassa och bank                       3 900    3 717
Summa tillgangar                     4 000    3 800
"""
_warmed = False
# What a document's pipeline imports, imported once in the parent: a forked child would import the lazily
# imported ones for itself and lose them on exit, and the parent then imports them again for writing
# (the goal columns; numpy under pyarrow): 0.3 s of a one-document run (benchmarks/pdf_speed.py).
_PRELOAD = ("arsred.pipeline", "arsred.extract.reading.read", "arsred.extract.reading.read_pdf", "arsred.normalize",
            "arsred.extract.goals", "arsred.normalize.reconcile", "arsred.normalize.reconcile.verify", "arsred.normalize.reconcile.goal_ties",
            "pdfplumber", "numpy")


def _preload(fn: ProcessFn | None = None, warm: bool = True) -> None:
    """Import the pipeline and run it once on a tiny report before forking.

    Its first call loads lexicons and synonym tables (seconds); done once here, every
    forked child starts warm and shares those pages copy-on-write instead of each child
    paying for them again.
    """
    global _warmed
    for mod in _PRELOAD:
        try:
            __import__(mod)
        except Exception:
            pass
    if _warmed or fn is not None or not warm:
        return
    _warmed = True
    t = time.monotonic()
    try:
        from arsred.pipeline import process_document
        with tempfile.TemporaryDirectory(prefix="arsred-warm-") as tmp:
            p = Path(tmp) / "warm_up.txt"
            p.write_text(_WARM_TEXT, encoding="utf-8")
            process_document(str(p), Options(ocr="never"))
    except Exception as exc:  # a warm-up is an optimisation, never a failure
        log.debug("warm-up failed: %s", exc)
    log.debug("pipeline warmed up in %.1f s", time.monotonic() - t)
