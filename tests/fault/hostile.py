"""Hostile inputs for the batch, seeded for repeatability, and the checks a run over them must pass.

In the spirit of OCRmyPDF's crashing-engine plugins, but on the inputs: truncated and
bit-flipped texts and PDFs, encrypted PDFs, empty and binary files, odd encodings,
pathological text (a line of 10 000 numbers, 400-digit figures, thousands of year
headers), huge texts, heavy PDFs (thousands of blank scanned pages, a page of 200 × 200
inches), PDFs with junk before their header, odd file names (too long, not UTF-8, control
characters, shared stems in different folders) and paths that are not regular files
(dangling and looping links, FIFOs).

`write_campaign(folder, n, seed)` writes the inputs; `run_extract` runs `arsred extract` on
them in a child process with its own session (so a hang is seen, and nothing of it is
left); `check_run` checks the invariants (one row per input, unique doc_id, an error
message on every error row, no traceback, the same row counts in CSV, Parquet and DuckDB,
nothing written outside OUT) and returns the figures; `kill_and_resume` kills a run with
SIGKILL at random moments and checks that a re-run ends with the tables of a clean run.
Used by tests/fault/test_campaign.py (a small sample) and benchmarks/fuzz.py (full size).
"""
from __future__ import annotations

import codecs
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
TABLES = ("documents", "facts", "checks", "goals")


@dataclass(frozen=True)
class Hostile:
    rel: bytes          # path below the campaign folder (bytes: names need not be UTF-8)
    kind: str           # what makes it hostile (the figures are counted per kind)
    data: bytes = b""
    special: str = ""   # "dangling" | "loop" | "fifo": not a regular file


class Material:
    """Base inputs, made once per campaign: corpus texts and PDFs rendered from them."""

    def __init__(self, work: Path, n_pdfs: int = 3) -> None:
        from tools.render_report import render_text_pdf
        self.texts = [p.read_bytes() for p in sorted(CORPUS.glob("*.txt"))]
        work.mkdir(parents=True, exist_ok=True)
        self.pdfs: list[bytes] = []
        for i, data in enumerate(self.texts[:n_pdfs]):
            out = work / f"base{i}.pdf"
            render_text_pdf(data.decode("utf-8"), out)
            self.pdfs.append(out.read_bytes())
        enc = work / "encrypted.pdf"
        render_text_pdf(self.texts[0].decode("utf-8"), enc, encrypt_password="secret")
        self.encrypted = enc.read_bytes()


def blank_scan(pages: int, size: tuple[int, int] = (200, 280), resolution: float = 72.0) -> bytes:
    """An image-only PDF of blank pages (every page needs OCR); a low `resolution` makes huge pages."""
    import io

    from PIL import Image
    img = Image.new("L", size, 255)
    buf = io.BytesIO()
    img.save(buf, "PDF", resolution=resolution, save_all=True, append_images=[img] * (pages - 1))
    return buf.getvalue()


# --------------------------------------------------------------------------- the generators

def _flip(rng: random.Random, data: bytes, n: int) -> bytes:
    b = bytearray(data)
    for _ in range(n):
        i = rng.randrange(len(b))
        b[i] ^= 1 << rng.randrange(8)
    return bytes(b)


def _report_text(rng: random.Random, m: Material) -> str:
    return rng.choice(m.texts).decode("utf-8")


def g_report(rng, m, heavy):  # noqa: ANN001, ANN201 - a good report, the control
    return ".txt", rng.choice(m.texts)


def g_truncated_text(rng, m, heavy):  # noqa: ANN001, ANN201
    data = rng.choice(m.texts)
    return ".txt", data[: rng.randrange(1, len(data))]


def g_bitflip_text(rng, m, heavy):  # noqa: ANN001, ANN201
    return ".txt", _flip(rng, rng.choice(m.texts), rng.choice([1, 5, 50, 500]))


def g_truncated_pdf(rng, m, heavy):  # noqa: ANN001, ANN201
    data = rng.choice(m.pdfs)
    return ".pdf", data[: rng.randrange(1, len(data))]


def g_bitflip_pdf(rng, m, heavy):  # noqa: ANN001, ANN201
    return ".pdf", _flip(rng, rng.choice(m.pdfs), rng.choice([1, 10, 100, 1000]))


def g_encrypted_pdf(rng, m, heavy):  # noqa: ANN001, ANN201
    return rng.choice([".pdf", ".pdf", ".txt"]), m.encrypted


def g_text_pdf(rng, m, heavy):  # noqa: ANN001, ANN201 - a good PDF, the control
    return ".pdf", rng.choice(m.pdfs)


def g_empty(rng, m, heavy):  # noqa: ANN001, ANN201
    return rng.choice([".txt", ".pdf"]), rng.choice([b"", b" \n\t\r\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                                     b"\x00", b"\f\f\f", b"%PDF-", b"%PDF-1.7\n%%EOF\n"])


def g_binary(rng, m, heavy):  # noqa: ANN001, ANN201
    magic = rng.choice([b"", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"\x7fELF", b"\xff\xd8\xff\xe0", b"GIF89a"])
    size = rng.choice([1, 100, 10_000, 200_000])
    return rng.choice([".txt", ".pdf"]), magic + rng.randbytes(size)


def g_odd_encoding(rng, m, heavy):  # noqa: ANN001, ANN201
    text = _report_text(rng, m)
    enc = rng.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be", "cp1252", "mac_roman",
                      "utf-8-sig", "nul-sprinkled", "mixed"])
    if enc == "nul-sprinkled":
        data = bytearray(text.encode("utf-8"))
        for _ in range(rng.choice([1, 10, 1000])):
            data.insert(rng.randrange(len(data)), 0)
        return ".txt", bytes(data)
    if enc == "mixed":
        half = len(text) // 2
        return ".txt", text[:half].encode("utf-8") + text[half:].encode("cp1252", "replace")
    if enc in ("utf-16-be", "utf-32-be") and rng.random() < 0.5:
        return ".txt", codecs.BOM_UTF16_BE + text.encode(enc) if "16" in enc else codecs.BOM_UTF32_BE + text.encode(enc)
    return ".txt", text.encode(enc, "replace")


def g_pathological(rng, m, heavy):  # noqa: ANN001, ANN201
    head = _report_text(rng, m)
    scale = 4 if heavy else 1
    what = rng.choice(["long_line", "digits", "years", "many_lines", "one_line", "headings", "deep_numbers"])
    if what == "long_line":
        tail = "Summa " + " ".join(str(rng.randrange(1000)) for _ in range(10_000 * scale))
    elif what == "digits":
        tail = "".join(f"Övriga intäkter\t{'9' * 400}\t{'8' * 400}\n" for _ in range(100 * scale))
    elif what == "years":
        tail = "2024 2023\n" * (2000 * scale)
    elif what == "many_lines":
        tail = "1\n" * (50_000 * scale)
    elif what == "one_line":
        tail = "Resultaträkning " * (30_000 * scale)
    elif what == "headings":
        tail = "Resultaträkning\nBelopp i tkr\t2024\t2023\n" * (1000 * scale)
    else:
        tail = "".join(f"{'(' * 50}{rng.randrange(10 ** 6)}{')' * 50} " for _ in range(2000 * scale))
    return ".txt", (head + "\n" + tail).encode("utf-8")


def g_huge_text(rng, m, heavy):  # noqa: ANN001, ANN201
    target = (rng.choice([8, 20, 40]) if heavy else 1) << 20
    data = rng.choice(m.texts)
    return ".txt", (data + b"\f") * (target // (len(data) + 1) + 1)


def g_pdf_junk(rng, m, heavy):  # noqa: ANN001, ANN201
    junk = rng.choice([codecs.BOM_UTF8, b"\r\n", b"From: archive\r\n\r\n" * 10, b"\x00" * 900, b"x" * 1100])
    return rng.choice([".pdf", ".txt"]), junk + rng.choice(m.pdfs)


def g_mislabelled(rng, m, heavy):  # noqa: ANN001, ANN201
    return (".txt", rng.choice(m.pdfs)) if rng.random() < 0.5 else (".pdf", rng.choice(m.texts))


def g_heavy_pdf(rng, m, heavy):  # noqa: ANN001, ANN201
    if not heavy:
        return ".pdf", blank_scan(rng.choice([3, 6]))
    if rng.random() < 0.25:    # one enormous page: 200 x 200 inches (the largest a PDF allows) to render
        return ".pdf", blank_scan(1, (200, 200), resolution=1.0)
    return ".pdf", blank_scan(rng.choice([300, 1000, 2000]))


GENERATORS: dict[str, tuple[Callable, float]] = {   # kind -> (generator, weight)
    "report": (g_report, 6), "truncated_text": (g_truncated_text, 8), "bitflip_text": (g_bitflip_text, 8),
    "truncated_pdf": (g_truncated_pdf, 8), "bitflip_pdf": (g_bitflip_pdf, 8), "encrypted_pdf": (g_encrypted_pdf, 3),
    "text_pdf": (g_text_pdf, 3), "empty": (g_empty, 5), "binary": (g_binary, 8), "odd_encoding": (g_odd_encoding, 10),
    "pathological": (g_pathological, 6), "huge_text": (g_huge_text, 1), "pdf_junk": (g_pdf_junk, 4),
    "mislabelled": (g_mislabelled, 3), "heavy_pdf": (g_heavy_pdf, 0.5),
}

# --------------------------------------------------------------------------- names

ODD_STEMS: list[bytes] = [
    "Årsredovisning 2019 åäö".encode("cp1252"),       # not UTF-8 (an old Windows archive)
    "Årsredovisning 2019 åäö".encode(),
    "A\u030arsredovisning".encode(),                    # decomposed å (as macOS writes it)
    b"carriage\rreturn", b"line\nfeed", b"escape\x1b[31mred", b"tab\there", b"bell\x07",
    b"-rf", b"--help", b"  spaces  ", b'quote"comma,semi;', b"\xff\xfe\xfd", "emoji \U0001F4C4".encode(),
    b"arsredovisning", b"report", b"a__b", b"a",
]


def _name(rng: random.Random, i: int, suffix: str) -> bytes:
    folder = rng.choice([b"", b"", b"a/", b"b/c/", b"2019/", b"\xe5r/", "år/".encode()])
    roll = rng.random()
    if roll < 0.25:
        stem = rng.choice(ODD_STEMS)
    elif roll < 0.3:
        stem = b"x" * rng.randrange(200, 250)
    else:
        stem = b"doc%05d" % i
    ext = suffix.encode()
    if rng.random() < 0.1:
        ext = ext.upper()
    return folder + stem[: 240 - len(ext)] + ext


def campaign(n: int, seed: int, m: Material, heavy: bool = True, specials: int = 6) -> list[Hostile]:
    """`n` hostile inputs (and `specials` paths that are not regular files), the same for the same seed."""
    rng = random.Random(seed)
    kinds = list(GENERATORS)
    weights = [GENERATORS[k][1] for k in kinds]
    out: list[Hostile] = []
    taken: set[bytes] = set()
    heavy_left = max(1, n // 250) if heavy else 1
    for i in range(n):
        kind = rng.choices(kinds, weights)[0]
        if kind == "heavy_pdf":
            if heavy_left == 0:
                kind = "bitflip_pdf"
            heavy_left -= kind == "heavy_pdf"
        suffix, data = GENERATORS[kind][0](rng, m, heavy)
        rel = _name(rng, i, suffix)
        if rel.lower() in taken:
            rel = rel[:-len(suffix)] + b"_%d" % i + rel[-len(suffix):]
        taken.add(rel.lower())
        out.append(Hostile(rel, kind, data))
    for i in range(specials):
        what = ("dangling", "loop", "fifo")[i % 3]
        out.append(Hostile(b"special/%s%d.txt" % (what.encode(), i), "special", special=what))
    return out


def write_campaign(folder: Path, inputs: list[Hostile]) -> None:
    base = os.fsencode(folder)
    for h in inputs:
        path = os.path.join(base, h.rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if h.special == "dangling":
            os.symlink(os.path.join(base, b"no-such-file.txt"), path)
        elif h.special == "loop":
            os.symlink(path, path)
        elif h.special == "fifo":
            os.mkfifo(path)
        else:
            with open(path, "wb") as f:
                f.write(h.data)


# --------------------------------------------------------------------------- running and checking

@dataclass
class Run:
    returncode: int | None     # None: it did not end before the deadline (a hang)
    seconds: float
    stderr: str
    stdout: str
    peak_rss_mb: float         # the largest process of the run (batch parent or a document's process)


def _snapshot(folder: Path) -> dict[bytes, tuple[int, int]]:
    out = {}
    for dirpath, dirnames, filenames in os.walk(os.fsencode(folder)):
        for name in filenames + dirnames:
            p = os.path.join(dirpath, name)
            st = os.lstat(p)
            out[p] = (st.st_size, st.st_mtime_ns)
    return out


def run_extract(src: Path, out: Path, args: list[str], deadline: float, scratch: Path) -> Run:
    """`arsred extract SRC -o OUT ARGS` in a session of its own, in an empty working folder, with an
    empty TMPDIR and HOME under `scratch` (so anything written outside OUT is seen)."""
    for d in ("cwd", "tmp", "home"):
        (scratch / d).mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, TMPDIR=str(scratch / "tmp"), HOME=str(scratch / "home"), PYTHONPATH=str(ROOT))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "arsred.cli", "extract", str(src), "-o", str(out), *args],
                            cwd=scratch / "cwd", env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        stdout, stderr = proc.communicate(timeout=deadline)
        code: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        _kill_all(proc.pid)
        stdout, stderr = proc.communicate()
        code = None
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return Run(code, time.monotonic() - t, stderr.decode("utf-8", "replace"), stdout.decode("utf-8", "replace"),
               max(peak, before) / 1024.0)


def _kill_all(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def orphans(out: Path) -> list[int]:
    """Processes still running for this OUT (a document's process, its OCR workers) after the run ended."""
    import psutil
    found = []
    for p in psutil.process_iter(["pid", "cmdline"]):
        try:
            if str(out) in " ".join(p.info["cmdline"] or []):
                found.append(p.info["pid"])
        except psutil.Error:
            continue
    return found


@dataclass
class Figures:
    inputs: int = 0
    rows: int = 0
    ok: int = 0
    flagged: int = 0
    errors: int = 0
    errors_with_message: int = 0
    internal_errors: int = 0             # "internal error: ..." rows: a pipeline bug caught at the row
    timeouts: int = 0
    memory_kills: int = 0
    hangs: int = 0
    tracebacks: int = 0
    caught: list[str] = field(default_factory=list)   # failures caught below the CLI, as logged (one line each)
    duplicate_doc_ids: int = 0
    row_counts: dict[str, tuple[int, int, int]] = field(default_factory=dict)   # table -> (csv, parquet, duckdb)
    written_outside: list[str] = field(default_factory=list)
    orphans: int = 0
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    by_kind: dict[str, Counter] = field(default_factory=dict)
    violations: list[str] = field(default_factory=list)


def check_run(inputs: list[Hostile], src: Path, out: Path, run: Run, scratch: Path,
              src_before: dict[bytes, tuple[int, int]]) -> Figures:
    """The invariants of a finished run; `violations` lists each one broken."""
    import duckdb
    import pandas as pd

    f = Figures(inputs=len(inputs), seconds=run.seconds, peak_rss_mb=run.peak_rss_mb)
    v = f.violations
    if run.returncode is None:
        f.hangs = 1
        v.append("the run did not end before its deadline")
        return f
    f.tracebacks = run.stderr.count("Traceback")
    if f.tracebacks:
        v.append(f"{f.tracebacks} tracebacks on stderr")
    f.caught = [ln for ln in run.stderr.splitlines() if ln.endswith("--verbose shows where)")]
    if run.returncode != 0:
        v.append(f"exit code {run.returncode}: {run.stderr[-500:]}")
        return f
    docs = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    f.rows = len(docs)
    if f.rows != f.inputs:
        v.append(f"{f.rows} rows for {f.inputs} inputs")
    f.duplicate_doc_ids = int(docs.doc_id.duplicated().sum())
    if f.duplicate_doc_ids:
        v.append(f"{f.duplicate_doc_ids} duplicate doc_ids")
    status = docs.status.value_counts()
    f.ok, f.flagged, f.errors = (int(status.get(s, 0)) for s in ("ok", "flagged", "error"))
    err = docs[docs.status == "error"].error
    f.errors_with_message = int((err.str.len() > 10).sum())
    if f.errors_with_message != f.errors:
        v.append(f"{f.errors - f.errors_with_message} error rows without a message")
    f.internal_errors = int(err.str.contains("internal error").sum())
    f.timeouts = int(err.str.contains("timed out after").sum())
    f.memory_kills = int(err.str.contains("memory budget").sum())
    con = duckdb.connect(str(out / "arsred.duckdb"), read_only=True)
    for name in TABLES:
        counts = (len(pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)),
                  len(pd.read_parquet(out / f"{name}.parquet")),
                  con.execute(f"SELECT count(*) FROM {name}").fetchone()[0])
        f.row_counts[name] = counts
        if len(set(counts)) != 1:
            v.append(f"{name}: CSV, Parquet and DuckDB row counts differ {counts}")
    con.close()
    for d in ("cwd", "tmp", "home"):
        f.written_outside += [os.fsdecode(p) for p in _snapshot(scratch / d)]
    changed = {os.fsdecode(k) for k in set(src_before) ^ set(_snapshot(src))}
    f.written_outside += sorted(changed)
    if f.written_outside:
        v.append(f"written outside OUT: {f.written_outside[:5]}")
    f.orphans = len(orphans(out))
    if f.orphans:
        v.append(f"{f.orphans} processes of the run still alive")
    from arsred.runner import display_path
    from arsred.writers import printable
    kind_of = {printable(display_path(os.fsdecode(os.path.join(os.fsencode(src), h.rel)))): h.kind for h in inputs}
    for path, row_status in zip(docs.path, docs.status):
        f.by_kind.setdefault(kind_of.get(path, "?"), Counter())[row_status] += 1
    return f


def kill_and_resume(src: Path, out: Path, args: list[str], rounds: int, rng: random.Random, scratch: Path,
                    reference: Path, deadline: float, max_wait: float = 8.0) -> list[str]:
    """Kill `arsred extract` with SIGKILL (its whole session) at random moments `rounds` times, then
    run it to the end; its tables must be byte-identical to those of the clean run in `reference`."""
    problems = []
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    scratch.mkdir(parents=True, exist_ok=True)
    for _ in range(rounds):
        proc = subprocess.Popen([sys.executable, "-m", "arsred.cli", "extract", str(src), "-o", str(out), *args],
                                cwd=scratch, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        time.sleep(rng.uniform(0.5, max_wait))
        _kill_all(proc.pid)
        proc.wait()
        time.sleep(0.5)                   # the documents' processes die with the batch (PDEATHSIG)
        left = orphans(out)
        if left:
            problems.append(f"{len(left)} processes outlived the killed batch")
            for pid in left:
                _kill_all(pid)
    final = run_extract(src, out, args, deadline, scratch / "final")
    if final.returncode != 0:
        problems.append(f"the resumed run ended with {final.returncode}: {final.stderr[-300:]}")
        return problems
    for name in TABLES:
        if (out / f"{name}.csv").read_bytes() != (reference / f"{name}.csv").read_bytes():
            problems.append(f"{name}.csv differs from the clean run's after kill -9 and resume")
    return problems


def fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder
