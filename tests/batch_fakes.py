"""Fake process functions for the batch tests: fast, deterministic, and able to misbehave on cue.

A fake report is text: `ORG: name`, `YEAR: 2023`, `TYPE: arsredovisning`, then lines
`item period value [page [label]]`. Markers make it misbehave: `SLEEP s`, `HANG`, `CRASH`
(SIGKILL itself), `SEGV`, `EXIT n`, `RAISE`, `EAT` (allocate memory without end).
Bytes that the real reader refuses (empty, binary, a .pdf that is not a PDF) become the
reader's own error row, as in the real pipeline.
"""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from arsred.normalize.facts import CheckResult, Fact

from arsred.errors import ArsredError
from arsred.options import Options
from arsred.result import DocumentRecord, DocumentResult

PREFIX = {"rr": "resultatrakning", "br": "balansrakning", "kf": "kassaflodesanalys", "not": "noter",
          "dr": "driftredovisning", "ov": "oversikt", "bk": "balanskrav", "bu": "budget"}


def fake_process(path: str, options: Options | None = None) -> DocumentResult:
    p = Path(path)
    doc_id = p.stem
    data = p.read_bytes()
    try:
        from arsred.extract.reading.read import read_document
        if not data.startswith(b"ORG:"):
            read_document(p)    # the real reader's verdict on empty/binary/not-a-PDF input
    except ArsredError as exc:
        return DocumentResult(record=DocumentRecord(doc_id=doc_id, path=path, status="error", error=str(exc)))
    text = data.decode("utf-8", errors="replace")
    org, year, doc_type = "", None, "arsredovisning"
    facts: list[Fact] = []
    for n, line in enumerate(text.splitlines(), 1):
        parts = line.split()
        if not parts:
            continue
        head = parts[0]
        if head == "ORG:":
            org = line.split(":", 1)[1].strip()
        elif head == "YEAR:":
            year = int(parts[1])
        elif head == "TYPE:":
            doc_type = parts[1]
        elif head == "SLEEP":
            time.sleep(float(parts[1]))
        elif head == "HANG":
            while True:
                time.sleep(1)
        elif head == "CRASH":
            os.kill(os.getpid(), signal.SIGKILL)
        elif head == "SEGV":
            os.kill(os.getpid(), signal.SIGSEGV)
        elif head == "EXIT":
            os._exit(int(parts[1]))
        elif head == "RAISE":
            raise RuntimeError("fake pipeline bug")
        elif head == "EAT":
            hog = []
            while True:
                hog.append(b"x" * (50 << 20))
        elif "." in head and len(parts) >= 3:
            item, period, value = head, int(parts[1]), float(parts[2])
            page = int(parts[3]) if len(parts) > 3 else 1
            statement = PREFIX[item.split(".")[0]]
            label = " ".join(parts[4:]) or item.split(".")[1]
            facts.append(Fact(doc_id=doc_id, statement=statement, item=item, label=label,
                              label_raw=label, period=period, column="utfall", value_sek=value,
                              printed=parts[2], unit="kr", page=page, line=n, organisation=org,
                              fiscal_year=year, table=0, row=len(facts)))
    checks = [CheckResult(doc_id=doc_id, check="fake_sum", statement="resultatrakning", period=year,
                          column="utfall", status="pass", expected_sek=1.0, actual_sek=1.0,
                          difference_sek=0.0, tolerance_sek=0.5, facts=tuple(f.key for f in facts[:2]))]
    goals = [{"doc_id": doc_id, "goal": "fake goal", "year": year}]
    rec = DocumentRecord(doc_id=doc_id, path=path, organisation=org, doc_type=doc_type, fiscal_year=year,
                         pages=max((f.page for f in facts), default=1), input_kind="text", status="ok",
                         n_facts=len(facts))
    return DocumentResult(record=rec, facts=facts, checks=checks, goals=goals)


def report_text(org: str, year: int, values: dict[str, float] | None = None, extra: str = "") -> str:
    """A fake report with a few standard items for `year` and `year - 1`."""
    values = values or {}
    base = {"rr.verksamhetens_intakter": 2_832_000, "rr.arets_resultat": 150_000,
            "br.summa_tillgangar": 4_000_000, "br.summa_eget_kapital": 1_500_000,
            "kf.likvida_medel_arets_slut": 3_900_000, "not.driftbidrag_staten": 1_416_000,
            "not.driftbidrag_region": 708_000}
    base.update(values)
    lines = [f"ORG: {org}", f"YEAR: {year}"]
    for i, (item, v) in enumerate(base.items()):
        lines.append(f"{item} {year} {v:g} {1 + i % 3}")
        lines.append(f"{item} {year - 1} {v * 0.9:g} {1 + i % 3}")
    return "\n".join(lines) + "\n" + extra


def make_corpus(folder: Path, n: int, extra: dict[int, str] | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"r{i:04d}.txt"
        p.write_text(report_text(f"Samordningsförbundet Ort{i % 7}", 2015 + i // 7,
                                 extra=(extra or {}).get(i, "")), encoding="utf-8")
        paths.append(p)
    return paths


class SlowOcrEngine:
    """An OCR engine that never answers in time (as tesseract on a huge page may not).

    Each call records the pid of the process it runs in under $ARSRED_TEST_PIDS (so a test
    can check that no OCR worker outlives its document) and, with $ARSRED_TEST_EAT_MB,
    holds that much memory while it waits.
    """

    def _stall(self) -> None:
        folder = os.environ.get("ARSRED_TEST_PIDS", "")
        if folder:
            Path(folder, str(os.getpid())).touch()
        hold = bytearray(int(os.environ.get("ARSRED_TEST_EAT_MB", "0")) << 20)
        hold[::4096] = b"x" * len(hold[::4096])
        time.sleep(600)

    def recognize(self, image, lang: str) -> list:  # noqa: ANN001
        self._stall()
        return []

    def recognize_numbers(self, image, lang: str) -> list:  # noqa: ANN001
        self._stall()
        return []

    def orientation(self, image) -> int:  # noqa: ANN001
        self._stall()
        return 0


def slow_ocr_process(path: str, options: Options | None = None) -> DocumentResult:
    """The real PDF reader with an OCR engine that stalls: pages are OCR'd in worker processes."""
    from arsred.extract.reading.read_pdf import read_pdf
    options = options or Options()
    read_pdf(path, Path(path).stem, "", options, engine=SlowOcrEngine())
    return DocumentResult(record=DocumentRecord(doc_id=Path(path).stem, path=path))


def blank_scan_pdf(path: Path, pages: int) -> Path:
    """A PDF of blank image-only pages: every page needs OCR."""
    from PIL import Image
    imgs = [Image.new("L", (200, 280), 255) for _ in range(pages)]
    imgs[0].save(path, "PDF", resolution=72.0, save_all=True, append_images=imgs[1:])
    return path
