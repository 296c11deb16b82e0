"""Render corpus-style text reports into PDFs that look printed, and into scans of those.

Test material for the PDF and OCR readers: a text report becomes (a) an A4 text-layer PDF
with tables as aligned columns (label left, amounts right-aligned under their headers),
page breaks and "Sida N" footers, and (b) an image-only "scan" of it: rasterised,
slightly rotated, blurred and noisy. Everything is seeded, so the same input gives the
same bytes (for a given reportlab/pypdfium2/Pillow), and replayed OCR output stays valid.

    python tools/render_report.py tests/corpus/002_beb5154270de7dff.txt -o OUT [--scan] [--rotate 3:90]
"""
from __future__ import annotations

import argparse
import logging
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("render_report")

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"
PAGE_W, PAGE_H = 595.27, 841.89            # A4 in points
LEFT, RIGHT, TOP, BOTTOM = 60.0, 60.0, 64.0, 80.0
SIZE, LEADING = 9.5, 13.5
COL_GAP_EM = 2.2                           # gap between table columns, in em
FOOTER = re.compile(r"^\s*(?:[.\s]*\bi\s*\.\s*)?(?:[.\s]*)Sida\s+\d+(?:\s*\(\s*\d+\s*\))?\s*$", re.I)
NUMERIC = re.compile(r"^[-−–+(]?\s*[\d][\d\s.,%*()]*$|^-$")


def _fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))


def _width(text: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth
    return stringWidth(text, FONT, size)


@dataclass
class _Cursor:
    canvas: object
    page: int = 1
    y: float = PAGE_H - TOP

    def room(self, height: float) -> bool:
        return self.y - height >= BOTTOM

    def new_page(self, footer: str | None = None) -> None:
        c = self.canvas
        c.setFont(FONT, 8.5)  # type: ignore[attr-defined]
        text = footer.strip() if footer else f"Sida {self.page}"
        c.drawCentredString(PAGE_W / 2, 40, text)  # type: ignore[attr-defined]
        c.showPage()  # type: ignore[attr-defined]
        self.page += 1
        self.y = PAGE_H - TOP


def _blocks(text: str) -> list[tuple[str, list[str]]]:
    """Split into ('table', tab lines) / ('prose', [line]) / ('blank', []) / ('break', [footer])."""
    out: list[tuple[str, list[str]]] = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        parts = raw.split("\f")
        for k, line in enumerate(parts):
            if k > 0:
                out.append(("break", [""]))
            line = line.rstrip()
            if FOOTER.match(line):
                out.append(("break", [line]))
            elif not line.strip():
                if out and out[-1][0] != "blank":
                    out.append(("blank", []))
            elif "\t" in line:
                if out and out[-1][0] == "table":
                    out[-1][1].append(line)
                else:
                    out.append(("table", [line]))
            else:
                out.append(("prose", [line]))
    return out


def _wrap(text: str, width: float, size: float) -> list[str]:
    from reportlab.lib.utils import simpleSplit
    return simpleSplit(text, FONT, size, width) or [""]


def _draw_prose(cur: _Cursor, line: str) -> None:
    avail = PAGE_W - LEFT - RIGHT
    indent = len(line) - len(line.lstrip(" "))
    x = LEFT + _width(" " * indent, SIZE)
    size = SIZE
    width = _width(line.strip(), SIZE)
    if width > avail - (x - LEFT) and len(line) < 170 and sum(ch.isdigit() for ch in line) >= 4:
        # a space-separated table row (OCR'd text): shrink it onto one line rather than wrap its amounts
        size = max(6.0, SIZE * (avail - (x - LEFT)) / width)
    for piece in _wrap(line.strip(), avail - (x - LEFT), size):
        if not cur.room(LEADING):
            cur.new_page()
        cur.canvas.setFont(FONT, size)  # type: ignore[attr-defined]
        cur.canvas.drawString(x, cur.y - SIZE, piece)  # type: ignore[attr-defined]
        cur.y -= LEADING


def _table_layout(rows: list[list[str]]) -> tuple[float, float, float, list[float], list[bool]] | None:
    """Font size, label x and width, edge and alignment per column; None if it is a text table.

    A wide table first shrinks its font, then spreads into the margins, as printed reports do.
    """
    ncols = max(len(r) for r in rows)
    tries = [(SIZE, COL_GAP_EM, 0.0), (8.5, COL_GAP_EM, 0.0), (8.5, 1.6, 0.0), (8.5, 1.6, 24.0),
             (7.5, 1.6, 24.0), (6.8, 1.6, 30.0), (6.0, 1.5, 30.0)]
    for size, gap_em, spread in tries:
        left, right = LEFT - spread, PAGE_W - RIGHT + spread
        avail = right - left
        gap = gap_em * size
        widths = [max((_width(r[j], size) for r in rows if j < len(r)), default=0.0) for j in range(1, ncols)]
        if any(w > 0.4 * (PAGE_W - LEFT - RIGHT) for w in widths):
            return None  # long prose in columns (goal tables): not a grid of amounts
        right_al = []
        for j in range(1, ncols):
            vals = [r[j].strip() for r in rows if j < len(r) and r[j].strip()]
            numeric = sum(bool(NUMERIC.match(v)) for v in vals) * 2 >= len(vals)
            right_al.append(numeric or all(len(v) <= 14 for v in vals))
        columns_w = sum(w + gap for w in widths)
        label_w = max(_width(r[0], size) for r in rows)
        if label_w + columns_w <= avail or (size == tries[-1][0] and columns_w < 0.75 * avail):
            edges: list[float] = []
            x = right
            for w in reversed(widths):
                edges.append(x)
                x -= w + gap
            edges.reverse()
            xs = [e if ra else e - w for e, w, ra in zip(edges, widths, right_al)]
            return size, left, avail - columns_w, xs, right_al
    return None


def _draw_text_table(cur: _Cursor, rows: list[list[str]]) -> None:
    """A table of prose cells (goal tables, a ToC with long titles): each cell wraps inside its column."""
    ncols = max(len(r) for r in rows)
    avail = PAGE_W - LEFT - RIGHT
    gap = COL_GAP_EM * SIZE
    need = [max((_width(r[j].strip(), SIZE) for r in rows if j < len(r)), default=0.0) ** 0.5 + 1.0
            for j in range(ncols)]
    share = avail - gap * (ncols - 1)
    widths = [share * n / sum(need) for n in need]
    c = cur.canvas
    for r in rows:
        wrapped = [_wrap(cell.strip(), widths[j], SIZE) if cell.strip() else [""] for j, cell in enumerate(r)]
        for k in range(max(len(w) for w in wrapped)):
            if not cur.room(LEADING):
                cur.new_page()
            c.setFont(FONT, SIZE)  # type: ignore[attr-defined]
            x = LEFT
            for j, w in enumerate(wrapped):
                if k < len(w) and w[k]:
                    c.drawString(x, cur.y - SIZE, w[k])  # type: ignore[attr-defined]
                x += widths[j] + gap
            cur.y -= LEADING


def _draw_table(cur: _Cursor, lines: list[str]) -> None:
    rows = [line.split("\t") for line in lines]
    layout = _table_layout(rows)
    if layout is None:
        _draw_text_table(cur, rows)
        return
    size, left, label_w, xs, right_al = layout
    leading = LEADING * size / SIZE
    wrapped = [_wrap(r[0].strip(), label_w, size) if r[0].strip() else [""] for r in rows]
    height = sum(len(w) for w in wrapped) * leading
    if not cur.room(height) and height < PAGE_H - TOP - BOTTOM:
        cur.new_page()  # keep a statement on one page, as printed reports do
    c = cur.canvas
    for r, label_lines in zip(rows, wrapped):
        if not cur.room(leading * len(label_lines)):
            cur.new_page()
        c.setFont(FONT, size)  # type: ignore[attr-defined]
        base = cur.y - size
        for k, piece in enumerate(label_lines):
            c.drawString(left, base - k * leading, piece)  # type: ignore[attr-defined]
        for j, cell in enumerate(r[1:]):
            cell = cell.strip()
            if not cell:
                continue
            if right_al[j]:
                c.drawRightString(xs[j], base, cell)  # type: ignore[attr-defined]
            else:
                c.drawString(xs[j], base, cell)  # type: ignore[attr-defined]
        cur.y -= leading * len(label_lines)


def render_text_pdf(text: str, out_path: str | Path, encrypt_password: str | None = None) -> int:
    """Lay out a text report as an A4 text-layer PDF; returns the number of pages."""
    from reportlab.pdfgen import canvas
    _fonts()
    kwargs = {}
    if encrypt_password:
        from reportlab.lib.pdfencrypt import StandardEncryption
        kwargs["encrypt"] = StandardEncryption(encrypt_password, canPrint=0)
    c = canvas.Canvas(str(out_path), pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1, **kwargs)
    c.setTitle(Path(out_path).stem)
    cur = _Cursor(c)
    drawn = False
    for kind, lines in _blocks(text):
        if kind == "break":
            if drawn:
                cur.new_page(lines[0] or None)
                drawn = False
        elif kind == "blank":
            if cur.y < PAGE_H - TOP:
                cur.y -= LEADING * 0.6
        elif kind == "prose":
            _draw_prose(cur, lines[0])
            drawn = True
        else:
            _draw_table(cur, lines)
            drawn = True
    if drawn:
        cur.new_page()
    c.save()
    return cur.page - 1


def scan_pdf(pdf_path: str | Path, out_path: str | Path, *, seed: int = 0, dpi: int = 200,
             rotate: dict[int, int] | None = None, noise: float = 8.0, blur: float = 0.6,
             pages: list[int] | None = None) -> int:
    """Rasterise a PDF like a scanner would and save it as an image-only PDF.

    Each page gets a small seeded rotation (±0.5–1.5°), blur and noise; `rotate` maps a
    1-based page number to 90/180/270 (clockwise) for pages fed in sideways or upside down.
    """
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter
    rotate = rotate or {}
    pdf = pdfium.PdfDocument(str(pdf_path))
    images = []
    try:
        numbers = pages or list(range(1, len(pdf) + 1))
        for n in numbers:
            rng = random.Random(seed * 10007 + n)
            img = pdf[n - 1].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            angle = rng.uniform(0.5, 1.5) * rng.choice((-1, 1))
            img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
            img = img.filter(ImageFilter.GaussianBlur(blur))
            arr = np.asarray(img, dtype=np.float32)
            nrng = np.random.default_rng(seed * 10007 + n)
            arr = arr + nrng.normal(0.0, noise, arr.shape)
            speck = nrng.random(arr.shape) < 0.0001
            arr[speck] = 40
            img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")
            if rotate.get(n):
                img = img.rotate(-rotate[n], expand=True)  # PIL rotates counter-clockwise
            images.append(img)
    finally:
        pdf.close()
    images[0].save(str(out_path), "PDF", resolution=float(dpi), save_all=True, append_images=images[1:],
                   quality=60)
    return len(images)


def mixed_pdf(text_pdf: str | Path, out_path: str | Path, scanned: set[int], *, seed: int = 0,
              dpi: int = 200, rotate: dict[int, int] | None = None) -> int:
    """A text-layer PDF whose pages in `scanned` (1-based) are replaced by scans of themselves."""
    import tempfile

    import pypdfium2 as pdfium
    src = pdfium.PdfDocument(str(text_pdf))
    with tempfile.TemporaryDirectory() as tmp:
        scan_path = Path(tmp) / "scan.pdf"
        order = sorted(scanned)
        scan_pdf(text_pdf, scan_path, seed=seed, dpi=dpi, rotate=rotate, pages=order)
        scans = pdfium.PdfDocument(str(scan_path))
        out = pdfium.PdfDocument.new()
        for n in range(1, len(src) + 1):
            if n in scanned:
                out.import_pages(scans, [order.index(n)])
            else:
                out.import_pages(src, [n - 1])
        out.save(str(out_path))
        count = len(out)
        for d in (out, scans, src):
            d.close()
    return count


def render_report(txt_path: str | Path, out_dir: str | Path, *, scan: bool = False, seed: int = 0,
                  dpi: int = 200, rotate: dict[int, int] | None = None, stem: str | None = None) -> Path:
    """Render one text report into OUT/<stem>.pdf (or a scan of it); returns the written path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = stem or Path(txt_path).stem
    data = Path(txt_path).read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    target = out_dir / f"{stem}.pdf"
    if not scan:
        render_text_pdf(text, target)
        return target
    tmp = out_dir / f".{stem}.text.pdf"
    render_text_pdf(text, tmp)
    try:
        scan_pdf(tmp, target, seed=seed, dpi=dpi, rotate=rotate)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def _parse_rotate(specs: list[str]) -> dict[int, int]:
    out = {}
    for spec in specs:
        page, _, deg = spec.partition(":")
        if int(deg) not in (90, 180, 270):
            raise SystemExit(f"--rotate {spec}: degrees must be 90, 180 or 270")
        out[int(page)] = int(deg)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("texts", nargs="+", help="text reports (.txt)")
    ap.add_argument("-o", "--out", required=True, help="output folder")
    ap.add_argument("--scan", action="store_true", help="write an image-only scan instead of a text-layer PDF")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--dpi", type=int, default=200, help="scan resolution")
    ap.add_argument("--rotate", action="append", default=[], metavar="PAGE:DEG",
                    help="turn a scanned page by 90/180/270 degrees (repeatable)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for t in args.texts:
        path = render_report(t, args.out, scan=args.scan, seed=args.seed, dpi=args.dpi,
                             rotate=_parse_rotate(args.rotate))
        log.info("%s -> %s", t, path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
