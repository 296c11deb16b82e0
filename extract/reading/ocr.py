"""OCR of scanned pages: render, straighten, recognise words with boxes and confidence.

Tesseract is called once per page on the page image written to a temporary file (`tesseract FILE stdout ...
tsv`), with `--psm 6` (one uniform block, read line by line). The default psm 3 splits a
statement into column blocks and was seen to drop most of the number column; with psm 6
every word is found and `extract.layout` rebuilds rows and columns from the word boxes,
exactly as for text-layer PDFs. Boxes are converted to PDF points of the upright page.

Engines sit behind a small seam (`OcrEngine`) so tests can replay cached output or inject
a crashing engine; pages are OCR'd one per worker process with OMP_THREAD_LIMIT=1, because
tesseract's own threads slow a multi-page batch down.
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from arsred.extract.document import Box, Word

from arsred.errors import OcrUnavailable

log = logging.getLogger(__name__)

INSTALL_HINT = ("install it with `sudo apt-get install tesseract-ocr tesseract-ocr-swe tesseract-ocr-osd` "
                "(or run `make setup`), or run with --ocr never")
PSM = 6
LOW_CONF = 0.6  # mean word confidence below which a page is suspected to be turned


# The second, numeric pass: a low-confidence word that should be a figure is cut out and read
# again with only the characters of amounts allowed (all such words of a page in one call).
RECHECK_CONF = 0.92
NUMERIC_WHITELIST = "0123456789 -,−()"
NUMBERS_LANG = "eng"
FIGURE = re.compile(r"^[-−(]?\d{1,3}(?:[ \u00a0]?\d{3})*(?:,\d+)?\)?$|^\(?[-−]\d{1,3}(?: ?\d{3})*\)$")
# OCR's usual confusions inside a run of digits (only where the token is plainly a number)
CONFUSED = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1", "S": "5", "B": "8"})
DIGITISH = re.compile(r"^[-−(]?[\dOoDlI|SB]+(?:[ ,.][\dOoDlI|SB]+)*\)?$")
# a word made only of figure characters (and the usual junk and confusions), for re-reads inside long cells
FIGURE_CHARS = re.compile(r"^[\"'=+:~_\-−(]*[\dOoDlI|SB][\dOoDlI|SB,\-−()]*$")
LONE_MAX = 5
NUMBERS_SCALE = 2  # crops are enlarged for the re-read: tesseract drops thin glyphs ('117') at scan size
PAPER_MARGIN = 40  # grey levels below a crop's paper (its light end) still counted as paper when whitened
FIGURE_GAP = 1.0   # in text heights: a wider gap inside a re-read crop separates two figures
SIGNED_RUN = re.compile(r"^[-−]\d+(?:[-−]\d+)+$")
INNER_SIGN = re.compile(r"[-−]\d+")
GROUP3 = re.compile(r"^\d{3}(?:,\d+)?\)?$")
# junk before a figure: quotes from specks, and '=', '+', ':' around a blurred minus
JUNK_PREFIX = re.compile(r"^([\"'„“”‘’`=+:~_\-−]*)(?=\d)")

# printed signs worth keeping when read confidently inside a line ('+', '+/-', '|', '=', '&')
PRINTED_SIGNS = set("+-/|&=%*±§<>")
SIGN_CONF = 0.85
# a figure whose first thousands space was lost: '1472 000' (a 4-6 digit group, then 3-digit groups)
LOST_SPACE = re.compile(r"^([-−(]?)(\d{1,3})(\d{3})$")
YEAR = re.compile(r"^(?:19|20)\d\d$")

BRACKETED = re.compile(r"^\[(\d+)\]$")
TRAILING = re.compile(r"^-?\d[\d.,]*[):;]$")


class OcrFailed(Exception):
    """One page could not be OCR'd; the reader turns it into a page warning."""


class OcrEngine(Protocol):
    """Recognise words on an upright page image; boxes in image pixels, confidence 0..1."""

    def recognize(self, image, lang: str) -> list[Word]: ...  # noqa: ANN001 (PIL image)

    def orientation(self, image) -> int: ...  # noqa: ANN001  clockwise degrees that make the page upright

    # optional: `recognize_numbers(image, lang)` reads an image of figures with only the
    # characters of amounts allowed; engines without it skip the numeric second pass.


@functools.lru_cache(maxsize=1)
def _installed() -> frozenset[str]:
    exe = shutil.which("tesseract")
    if exe is None:
        return frozenset()
    out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, check=False)
    return frozenset(ln.strip() for ln in (out.stdout + out.stderr).splitlines()[1:])


@functools.lru_cache(maxsize=8)
def check_tesseract(lang: str) -> None:
    """Raise OcrUnavailable unless tesseract and every model in `lang` ("swe+eng") are installed."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise OcrUnavailable(f"a page needs OCR but tesseract is not installed; {INSTALL_HINT}")
    have = set(_installed())
    missing = [code for code in lang.split("+") if code not in have]
    if missing:
        raise OcrUnavailable(f"tesseract has no model for {', '.join(missing)} (installed: "
                             f"{', '.join(sorted(have)) or 'none'}); install tesseract-ocr-{missing[0]} "
                             f"or choose another --ocr-lang")


def _pnm(image) -> bytes:  # noqa: ANN001
    """Uncompressed image bytes: far cheaper to write than PNG for tesseract to read."""
    import io
    buf = io.BytesIO()
    image.save(buf, format="PPM")
    return buf.getvalue()


def _run(args: list[str], data: bytes, timeout: float) -> str:
    """Run tesseract on an image given as a file (`stdin` in args is replaced by its path).

    A file, not a pipe: subprocess feeds a pipe 512 bytes per poll, and an 8 MB page took
    0.2-0.3 s longer that way than tesseract needs to read the same file.
    """
    import tempfile
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    folder = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    with tempfile.NamedTemporaryFile(suffix=".pnm", dir=folder) as tmp:
        tmp.write(data)
        tmp.flush()
        return _call([tmp.name if a == "stdin" else a for a in args], timeout, env)


def _call(args: list[str], timeout: float, env: dict[str, str]) -> str:
    try:
        proc = subprocess.run(args, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout, env=env,
                              check=False)
    except FileNotFoundError as exc:
        raise OcrUnavailable(f"tesseract could not be started; {INSTALL_HINT}") from exc
    except subprocess.TimeoutExpired as exc:
        raise OcrFailed(f"tesseract ran past {timeout:.0f} s") from exc
    if proc.returncode != 0:
        msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrFailed(f"tesseract exited with {proc.returncode}: {msg[-1] if msg else 'no message'}")
    return proc.stdout.decode("utf-8", "replace")


def parse_tsv(tsv: str) -> list[Word]:
    """Words (level 5 rows) of tesseract's TSV output, in image pixels."""
    words = []
    for row in tsv.splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) < 12 or parts[0] != "5" or not parts[11].strip():
            continue
        left, top, width, height = (int(p) for p in parts[6:10])
        conf = max(0.0, min(1.0, float(parts[10]) / 100.0))
        words.append(Word(parts[11].strip(), Box(left, top, left + width, top + height), conf))
    return words


@dataclass(frozen=True)
class TesseractEngine:
    """The tesseract CLI (image file in, TSV on stdout); picklable, so it travels to worker processes."""

    psm: int = PSM
    timeout: float = 180.0
    extra: tuple[str, ...] = ()

    def recognize(self, image, lang: str) -> list[Word]:  # noqa: ANN001
        args = ["tesseract", "stdin", "stdout", "-l", lang, "--psm", str(self.psm), *self.extra, "tsv"]
        return parse_tsv(_run(args, _pnm(image), self.timeout))

    def recognize_numbers(self, image, lang: str) -> list[Word]:  # noqa: ANN001
        # digits need no Swedish dictionary: the smaller English model loads in half the time
        lang = NUMBERS_LANG if NUMBERS_LANG in _installed() else lang
        args = ["tesseract", "stdin", "stdout", "-l", lang, "--psm", "6",
                "-c", f"tessedit_char_whitelist={NUMERIC_WHITELIST}", *self.extra, "tsv"]
        return parse_tsv(_run(args, _pnm(image), self.timeout))

    def orientation(self, image) -> int:  # noqa: ANN001
        try:
            out = _run(["tesseract", "stdin", "stdout", "--psm", "0", "-c", "min_characters_to_try=20"],
                       _pnm(image), self.timeout)
        except OcrFailed:
            return 0  # too little text to tell: leave the page as it is
        for ln in out.splitlines():
            if ln.startswith("Rotate:"):
                return int(ln.split(":")[1]) % 360
        return 0


def image_key(image, lang: str, tag: str) -> str:  # noqa: ANN001
    h = hashlib.sha256(f"{image.mode}:{image.size}:{lang}:{tag}:".encode())
    h.update(image.tobytes())
    return h.hexdigest()[:32]


@dataclass(frozen=True)
class ReplayEngine:
    """Cached engine output keyed by image hash: replays deterministically, records misses via `inner`."""

    cache_dir: str
    inner: OcrEngine | None = None

    def _path(self, key: str) -> Path:
        return Path(self.cache_dir) / f"{key}.json"

    def _cached(self, key: str, compute):  # noqa: ANN001, ANN202
        path = self._path(key)
        if path.exists():
            return json.loads(path.read_text())
        if self.inner is None:
            raise OcrFailed(f"no cached OCR output for image {key} in {self.cache_dir}")
        value = compute()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(value))
        tmp.replace(path)
        return value

    def recognize(self, image, lang: str) -> list[Word]:  # noqa: ANN001
        def compute() -> list:
            assert self.inner is not None
            return [[w.text, w.box.x0, w.box.top, w.box.x1, w.box.bottom, w.confidence]  # type: ignore[union-attr]
                    for w in self.inner.recognize(image, lang)]
        rows = self._cached(image_key(image, lang, "words"), compute)
        return [Word(t, Box(x0, top, x1, bottom), c) for t, x0, top, x1, bottom, c in rows]

    def recognize_numbers(self, image, lang: str) -> list[Word]:  # noqa: ANN001
        def compute() -> list:
            reader = getattr(self.inner, "recognize_numbers", None)
            words = reader(image, lang) if reader else []
            return [[w.text, w.box.x0, w.box.top, w.box.x1, w.box.bottom, w.confidence]  # type: ignore[union-attr]
                    for w in words]
        rows = self._cached(image_key(image, lang, "numbers"), compute)
        return [Word(t, Box(x0, top, x1, bottom), c) for t, x0, top, x1, bottom, c in rows]

    def orientation(self, image) -> int:  # noqa: ANN001
        def compute() -> int:
            assert self.inner is not None
            return self.inner.orientation(image)
        try:
            return int(self._cached(image_key(image, "", "osd"), compute))
        except OcrFailed:
            return 0

    def store(self, image, lang: str, words: list[Word]) -> None:  # noqa: ANN001
        """Put known output for an image into the cache (tests build fixtures this way)."""
        path = self._path(image_key(image, lang, "words"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps([[w.text, w.box.x0, w.box.top, w.box.x1, w.box.bottom, w.confidence]  # type: ignore[union-attr]
                                    for w in words]))


# --- geometry: rotation and skew -------------------------------------------------------

def _dark_points(image, max_side: int = 1000):  # noqa: ANN001, ANN202
    """Coordinates of ink pixels on a downscaled copy (fast skew estimates)."""
    import numpy as np
    factor = -(-max(image.size) // max_side)  # box-averaged integer reduction: ~20x cheaper than a resize
    small = image.convert("L")
    if factor > 1:
        small = small.reduce(factor)
    arr = np.asarray(small)
    ys, xs = np.nonzero(arr < 128)
    return xs.astype(np.float64), ys.astype(np.float64)


def _profile_score(xs, ys, angle_deg: float) -> float:  # noqa: ANN001
    import numpy as np
    t = np.tan(np.radians(angle_deg))
    proj = ys - xs * t
    hist = np.bincount((proj - proj.min()).astype(np.int64))
    return float((hist.astype(np.float64) ** 2).sum())


def estimate_skew(image, limit: float = 3.0) -> tuple[float, float, float]:  # noqa: ANN001
    """(skew in degrees, row-profile score, column-profile score) from projection profiles.

    Text lines make the row profile peaky when the page is straight; a page turned by 90
    degrees makes the column profile the peaky one instead.
    """
    xs, ys = _dark_points(image)
    if xs.size < 200:
        return 0.0, 0.0, 0.0
    coarse = [a / 2 for a in range(int(-limit * 2), int(limit * 2) + 1)]
    best = max(coarse, key=lambda a: _profile_score(xs, ys, a))
    fine = [best + d / 20 for d in range(-10, 11)]
    angle = max(fine, key=lambda a: _profile_score(xs, ys, a))
    rows = _profile_score(xs, ys, angle)
    cols = max(_profile_score(ys, xs, a) for a in coarse)
    return angle, rows, cols


@dataclass
class OcrResult:
    """Words of one page in PDF points of the upright page."""

    words: list[Word] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0
    rotation: int = 0
    skew: float = 0.0
    warnings: list[str] = field(default_factory=list)
    effort: str = "full"     # "full": --dpi, dust removed, digits pass; "cheap": the first pass of --ocr-effort auto;
    #                          "bands": the cheap reading with its figure bands read again at full quality
    triage: str = ""         # why the page got its pass (--ocr-effort auto)
    bands: list[Box] = field(default_factory=list)   # "bands": the regions (points) read again at full quality


def _deskew(image, skew: float):  # noqa: ANN001, ANN202
    from PIL import Image
    if abs(skew) < 0.1:
        return image
    # bilinear: half the time of bicubic on a 300 dpi page, and the same words for tesseract
    return image.rotate(skew, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)


def despeckle(image):  # noqa: ANN001, ANN202
    """3x3 median filter (dust specks read as ';' and '|'), identical to PIL's MedianFilter(3) but ~9x faster.

    Exact median of nine from sorted column triples: med(max of lows, med of mids, min of highs).
    """
    import numpy as np
    from PIL import Image
    a = np.pad(np.asarray(image.convert("L"), dtype=np.uint8), 1, mode="edge")
    up, mid, dn = a[:-2], a[1:-1], a[2:]
    lo, hi = np.minimum(up, mid), np.maximum(up, mid)
    md, hi = np.minimum(hi, dn), np.maximum(hi, dn)
    lo, md = np.minimum(lo, md), np.maximum(lo, md)
    lo = np.maximum(np.maximum(lo[:, :-2], lo[:, 1:-1]), lo[:, 2:])
    hi = np.minimum(np.minimum(hi[:, :-2], hi[:, 1:-1]), hi[:, 2:])
    m0, m1, m2 = md[:, :-2], md[:, 1:-1], md[:, 2:]
    md = np.maximum(np.minimum(m0, m1), np.minimum(np.maximum(m0, m1), m2))
    out = np.maximum(np.minimum(lo, md), np.minimum(np.maximum(lo, md), hi))
    return Image.fromarray(np.ascontiguousarray(out), "L")


def _ink_box(image) -> tuple[int, int, int, int] | None:  # noqa: ANN001
    """Bounds (x0, y0, x1, y1) of the ink on a page, from a 4x box-reduced copy; None on a blank page."""
    import numpy as np
    arr = np.asarray(image.reduce(4) if min(image.size) >= 64 else image)
    f = 4 if min(image.size) >= 64 else 1
    ys, xs = np.nonzero(arr < 128)
    if xs.size == 0:
        return None
    return int(xs.min()) * f, int(ys.min()) * f, (int(xs.max()) + 1) * f, (int(ys.max()) + 1) * f


def straighten(image, skew: float):  # noqa: ANN001, ANN202
    """The page's text area, deskewed: (image, (ox, oy)), its offset in the deskewed full page.

    Identical pixels to `_deskew(image, skew)` cut to the ink's bounds plus a margin: the
    bicubic rotation is the costliest step of a page's preparation and the white margins
    need none, and tesseract reads a smaller image a little faster. A page with ink almost
    to its edges (or none) is done whole.
    """
    import math
    box = _ink_box(image)
    w, h = image.size
    if box is None:
        return _deskew(image, skew), (0, 0)
    a = -math.radians(skew) if abs(skew) >= 0.1 else 0.0
    cos, sin = math.cos(a), math.sin(a)
    cx, cy = w / 2.0, h / 2.0
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
        dx, dy = x - cx, y - cy
        xs.append(cos * dx - sin * dy + cx)
        ys.append(sin * dx + cos * dy + cy)
    margin = max(16, w // 50)
    ox, oy = max(0, int(min(xs)) - margin), max(0, int(min(ys)) - margin)
    x1, y1 = min(w, int(max(xs)) + 1 + margin), min(h, int(max(ys)) + 1 + margin)
    if (x1 - ox) * (y1 - oy) > 0.9 * w * h:
        return _deskew(image, skew), (0, 0)
    return deskewed_crop(image, skew, (ox, oy, x1, y1)), (ox, oy)


def deskewed_crop(image, skew: float, box: tuple[int, int, int, int], origin: tuple[int, int] = (0, 0),
                  page: tuple[int, int] | None = None):  # noqa: ANN001, ANN202
    """The region `box` (x0, y0, x1, y1) of `_deskew(image, skew)`, computed for that region only.

    `image` may be a part of the page cut at `origin` (the page `page` = (width, height) in
    size): the rotation is still about the page's centre.
    """
    import math

    from PIL import Image
    w, h = page or image.size
    ox, oy, x1, y1 = box
    a = -math.radians(skew) if abs(skew) >= 0.1 else 0.0
    if a == 0.0:
        return image.crop((ox - origin[0], oy - origin[1], x1 - origin[0], y1 - origin[1]))
    cx, cy = w / 2.0, h / 2.0
    # Image.rotate's own matrix (output -> input about the centre), shifted to the crop's origin
    m = [round(math.cos(a), 15), round(math.sin(a), 15), 0.0, round(-math.sin(a), 15), round(math.cos(a), 15), 0.0]
    m[2] = m[0] * -cx + m[1] * -cy + cx + m[0] * ox + m[1] * oy
    m[5] = m[3] * -cx + m[4] * -cy + cy + m[3] * ox + m[4] * oy
    m[2], m[5] = m[2] - origin[0], m[5] - origin[1]
    return image.transform((x1 - ox, y1 - oy), Image.Transform.AFFINE, m, Image.Resampling.BICUBIC, fillcolor=255)


def _is_noise(w: Word) -> bool:
    """Specks and rule fragments: no letter or digit, and not a confident dash (a printed 'nothing')."""
    if any(ch.isalnum() for ch in w.text):
        return False
    return not (w.text in ("-", "–", "—", "−") and w.confidence >= 0.5)


def _drop_noise(words: list[Word]) -> list[Word]:
    """Drop specks and rules, but keep a confident printed sign that sits inside a line of text.

    '+ Realisationsvinster', 'modersmål + extra', '2832000 | 2838000', '+/- Återföring':
    a symbol read with confidence and a word-space from its neighbours is printed text,
    and dropping it leaves a gap that the layout takes for a column boundary. A symbol
    alone in a wide gap (a table rule, a speck) is still dropped.
    """
    from arsred.extract.reading.layout import CELL_GAP_EM, em_size, group_rows
    keep: set[int] = set()
    doubtful = [w for w in words if _is_noise(w)]
    if doubtful:
        candidates = {id(w) for w in doubtful if w.confidence >= SIGN_CONF and w.box is not None
                      and all(ch in PRINTED_SIGNS for ch in w.text)}
        for row in group_rows([w for w in words if w.box is not None]) if candidates else []:
            row.sort(key=lambda w: w.box.x0)  # type: ignore[union-attr]
            plain = [w for w in row if not _is_noise(w)]
            if not plain:
                continue
            reach = CELL_GAP_EM * em_size(plain)
            for k, w in enumerate(row):
                if id(w) not in candidates:
                    continue
                left = row[k - 1] if k > 0 else None
                right = row[k + 1] if k + 1 < len(row) else None
                gaps = [w.box.x0 - left.box.x1 for left in [left] if left is not None]  # type: ignore[union-attr]
                gaps += [right.box.x0 - w.box.x1 for right in [right] if right is not None]  # type: ignore[union-attr]
                if gaps and max(gaps) <= reach:
                    keep.add(id(w))
    return [w for w in words if id(w) in keep or not _is_noise(w)]


def _clean(w: Word) -> Word:
    """Tesseract's usual frames around a lone figure: "[0]" and a stray ")" or ":" after a number."""
    text = w.text
    m = BRACKETED.match(text)
    if m:
        text = m.group(1)
    elif TRAILING.match(text) and "(" not in text:
        text = text[:-1]
    return w if text == w.text else Word(text, w.box, w.confidence)


def _strip_junk(w: Word) -> Word:
    """'=-3564', '+-3484', '-:-3484', '"3754': specks and a blurred minus before a figure.

    Only the prefix changes, and only when the rest is a well-formed figure; a prefix
    without a minus but with '=' or '~' may itself be a minus, so it is left alone.
    """
    m = JUNK_PREFIX.match(w.text)
    if not m or m.group(1) in ("", "-", "−"):
        return w
    prefix, rest = m.group(1), w.text[m.end():]
    minus = any(ch in "-−" for ch in prefix)
    if not minus and any(ch in "=~" for ch in prefix):
        return w
    new = ("-" if minus else "") + rest
    return Word(new, w.box, w.confidence) if FIGURE.match(new) else w


def fix_confusions(w: Word) -> Word:
    """O->0, l->1, S->5 ... inside a token that is plainly a number; an all-digit token is never touched."""
    text = w.text
    if not DIGITISH.match(text):
        return w
    new = text.translate(CONFUSED)
    if new == text:
        return w
    digits = sum(ch.isdigit() for ch in text)
    letters = sum(ch in "OoDlI|SB" for ch in text)
    first = next(ch for ch in text if ch.isalnum() or ch == "|")
    if digits < 1 or letters > digits or (letters == digits and not first.isdigit() and len(text) < 4) \
            or not FIGURE.match(new.replace(".", " ")):
        return w  # "B1", "lO5": as likely a label or a word as a number
    return Word(new, w.box, w.confidence)


def _numeric_like(text: str) -> bool:
    digits = sum(ch.isdigit() for ch in text)
    return digits > 0 and len(text) <= 18 and digits * 2 >= sum(ch.isalnum() for ch in text)


def regroup_thousands(words: list[Word]) -> list[Word]:
    """'1472 000' -> '1 472 000': tesseract often reads a figure's first thousands space as none.

    Only a 4-6 digit word directly followed, in the same cell, by a 3-digit group is split
    (a year such as '2024 832' is left alone); no digit changes, the confidence stays.
    """
    from arsred.extract.reading.layout import em_size, group_rows, split_cells
    split: dict[int, Word] = {}
    for row in group_rows([w for w in words if w.box is not None]):
        row.sort(key=lambda w: w.box.x0)  # type: ignore[union-attr]
        for cell in split_cells(row, em_size(row)):
            ws = cell.words
            for k in range(len(ws) - 1):
                m = LOST_SPACE.match(ws[k].text)
                before = ws[k - 1].text if k else ""
                if not m or YEAR.match(ws[k].text) or not GROUP3.match(ws[k + 1].text) \
                        or (before and before[-1].isdigit()):
                    continue
                sign, head, tail = m.groups()
                split[id(ws[k])] = Word(f"{sign}{head} {tail}", ws[k].box, ws[k].confidence)
    return [split.get(id(w), w) for w in words]


def _room(row: list[Word], first: Word, last: Word) -> tuple[float, float]:
    """How far left and right a crop of first..last may reach: not into the row's neighbouring words."""
    i = next(n for n, w in enumerate(row) if w is first)
    j = next(n for n, w in enumerate(row) if w is last)
    lo = row[i - 1].box.x1 + 1 if i > 0 else 0.0  # type: ignore[union-attr]
    hi = row[j + 1].box.x0 - 1 if j + 1 < len(row) else float("inf")  # type: ignore[union-attr]
    return lo, hi


def _recheck_cells(words: list[Word]) -> list[tuple[list[int], Box, float, float]]:
    """Cells (by word index) worth a numeric re-read: low confidence, and a figure or a short token among figures.

    - a short cell that looks like a figure;
    - a lone token of up to 5 characters read with very low confidence in a figure column
      ('KT' for 117, 'ISAR' for 1 731): not the row's label, and another cell of the row is a figure;
    - in a long cell (a single-spaced row: label and figures with word spaces) each doubtful
      word made of figure characters between figures ('-1-5' for '-1 -5').
    Each comes with the room it may be cut from: up to its row neighbours, never into them.
    """
    from arsred.extract.reading.layout import em_size, group_rows, split_cells
    index = {id(w): i for i, w in enumerate(words)}
    out = []
    for row in group_rows([w for w in words if w.box is not None]):
        row.sort(key=lambda w: w.box.x0)  # type: ignore[union-attr]
        em = em_size(row)
        cells = split_cells(row, em)
        for k, cell in enumerate(cells):
            conf = min(w.confidence for w in cell.words)
            if conf >= RECHECK_CONF:
                continue
            if len(cell.text) > 18:
                ws = cell.words
                for j, w in enumerate(ws):
                    near = [x.text for x in ws[max(0, j - 1):j] + ws[j + 1:j + 2]]
                    if w.confidence < RECHECK_CONF and FIGURE_CHARS.match(w.text) \
                            and any(FIGURE.match(t) for t in near):
                        out.append(([index[id(w)]], w.box, *_room(row, w, w)))  # type: ignore[arg-type]
                continue
            others = any(FIGURE.match(c.text) for j, c in enumerate(cells) if j and j != k)
            lone = (len(cell.text) <= 2 and conf < 0.3 and cell.text.isalnum() and len(cells) >= 3) or \
                (k > 0 and len(cell.text) <= LONE_MAX and conf < 0.3 and cell.text.isalnum() and others)
            if not (_numeric_like(cell.text) or lone):
                continue
            box = cell.words[0].box
            for w in cell.words[1:]:
                box = box.union(w.box)  # type: ignore[union-attr, arg-type]
            out.append(([index[id(w)] for w in cell.words], box, *_room(row, cell.words[0], cell.words[-1])))  # type: ignore[arg-type]
    return out  # type: ignore[return-value]


def _figures(words: list[Word], h: float) -> list[Word] | None:
    """The re-read words of one crop if they are figures: one, or several side by side ('0   3 754', '-1-5').

    A new figure starts at a gap wider than a thousands space or at a sign; a word '-1-5' is
    two figures and becomes '-1 -5' (the layout keeps its words, so a wide gap still splits
    cells). None unless every part is a well-formed figure.
    """
    parts: list[tuple[Word, bool]] = []  # (piece, starts a figure inside its word)
    out: list[Word] = []
    for w in words:
        pieces = INNER_SIGN.findall(w.text) if SIGNED_RUN.match(w.text) else [w.text]
        out.append(w if len(pieces) == 1 else Word(" ".join(pieces), w.box, w.confidence))
        parts.extend((Word(p, w.box, w.confidence), k > 0) for k, p in enumerate(pieces))
    texts: list[str] = []
    prev: Word | None = None
    for w, inner in parts:
        gap = w.box.x0 - prev.box.x1 if prev is not None and not inner else 0.0  # type: ignore[union-attr]
        if prev is None or inner or gap > FIGURE_GAP * h or (w.text[0] in "-−(" and len(w.text) > 1):
            texts.append(w.text)
        else:
            texts[-1] += (" " if gap > 0.15 * h else "") + w.text
        prev = w
    return out if texts and all(FIGURE.match(t) for t in texts) else None


def _signed(text: str) -> bool:
    """A minus or an opening parenthesis before the first digit."""
    head = re.match(r"^\D*", text)
    return head is not None and any(ch in "-−–(" for ch in head.group(0))


def _whiten(crop):  # noqa: ANN001, ANN202
    """Paper to pure white: a crop's grey background edge on the white strip makes tesseract drop its figure."""
    import numpy as np
    from PIL import Image
    arr = np.asarray(crop, dtype=np.int16)
    cut = max(float(np.percentile(arr, 90)) - PAPER_MARGIN, 128.0)  # paper: the light end; never ink
    return Image.fromarray(np.where(arr > cut, 255, arr).astype(np.uint8), "L")


def recheck_numbers(image, words: list[Word], lang: str, engine: OcrEngine) -> list[Word]:  # noqa: ANN001
    """Read low-confidence figures again with a digits-only whitelist; keep a re-read only if it is a clean figure.

    The cells are cut out (with room on the left for a minus the first pass dropped), stacked
    into one strip image and read in a single call. A re-read replaces the cell's words only
    when it is a well-formed figure at least as confident as the first reading; its words
    carry the mean of both readings' confidence, so a doubtful figure stays visible.
    """
    reader = getattr(engine, "recognize_numbers", None)
    cells = _recheck_cells(words) if reader else []
    if not cells:
        return words
    from PIL import Image
    k = NUMBERS_SCALE
    crops, places = [], []
    y = 0
    for _, b, lo, hi in cells:
        h = b.bottom - b.top
        x0 = max(0, int(max(b.x0 - 0.8 * h, min(lo, b.x0))))
        x1 = min(image.size[0], int(min(b.x1 + 0.3 * h, max(hi, b.x1))))
        y0, y1 = max(0, int(b.top - 0.3 * h)), min(image.size[1], int(b.bottom + 0.3 * h))
        crop = _whiten(image.crop((x0, y0, x1, y1)))
        if k != 1:
            crop = crop.resize((crop.size[0] * k, crop.size[1] * k), Image.Resampling.BICUBIC)
        crops.append(crop)
        places.append((x0, y0, y, h * k))
        y += crop.size[1] + int(1.2 * h * k) + 1
    margin = 20
    strip = Image.new("L", (max(c.size[0] for c in crops) + 2 * margin, y + 2 * margin), 255)
    for crop, (_, _, sy, _) in zip(crops, places):
        strip.paste(crop, (margin, margin + sy))
    try:
        got = reader(strip, lang)  # type: ignore[misc]
    except OcrFailed as exc:
        log.debug("numeric re-read skipped: %s", exc)
        return words
    replace: dict[int, list[Word]] = {}
    drop: set[int] = set()
    for (idxs, *_), crop, (x0, y0, sy, h) in zip(cells, crops, places):
        top, bottom = margin + sy, margin + sy + crop.size[1]
        mine = sorted((w for w in got if w.box is not None and top <= (w.box.top + w.box.bottom) / 2 < bottom),
                      key=lambda w: w.box.x0)  # type: ignore[union-attr]
        if not mine:
            continue
        old = [words[i] for i in idxs]
        old_conf = min(w.confidence for w in old)
        new_conf = min(w.confidence for w in mine)
        figures = _figures(mine, h)
        if figures is None or new_conf < max(old_conf, 0.5):
            continue
        if _signed(" ".join(w.text for w in old)) and not _signed(figures[0].text):
            continue  # the re-read lost a minus the first reading saw ('-3' -> '3'): keep the first reading
        dx, dy = margin, margin + sy
        mapped = [Word(w.text, Box(x0 + (w.box.x0 - dx) / k, y0 + (w.box.top - dy) / k,  # type: ignore[union-attr]
                                   x0 + (w.box.x1 - dx) / k, y0 + (w.box.bottom - dy) / k),  # type: ignore[union-attr]
                       round((w.confidence + old_conf) / 2, 4)) for w in figures]
        replace[idxs[0]] = mapped
        drop.update(idxs[1:])
        log.debug("numeric re-read: %r -> %r (%.2f -> %.2f)", " ".join(w.text for w in old),
                  " ".join(w.text for w in figures), old_conf, new_conf)
    out: list[Word] = []
    for i, w in enumerate(words):
        if i in replace:
            out.extend(replace[i])
        elif i not in drop:
            out.append(w)
    return out


def _mean_conf(words: list[Word]) -> float:
    return sum(w.confidence for w in words) / len(words) if words else 0.0


def _recognize(engine: OcrEngine, image, lang: str, x_scale: float) -> list[Word]:  # noqa: ANN001
    """Recognise `image` narrowed to `x_scale` of its width; word boxes come back in the image's own pixels.

    Tesseract's LSTM scales every text line to a fixed height and pays per step along its width, so
    a line narrowed to 0.6 of its width costs about 0.6 of its reading (the cheap pass: page_triage.toml)."""
    if x_scale >= 1.0:
        return engine.recognize(image, lang)
    from PIL import Image
    narrow = image.resize((max(1, round(image.size[0] * x_scale)), image.size[1]), Image.Resampling.BOX)
    back = image.size[0] / narrow.size[0]
    return [Word(w.text, Box(w.box.x0 * back, w.box.top, w.box.x1 * back, w.box.bottom), w.confidence)
            if w.box is not None else w for w in engine.recognize(narrow, lang)]


def ocr_image(image, dpi: float, lang: str, engine: OcrEngine, effort: str = "full",  # noqa: ANN001
              x_scale: float = 1.0) -> OcrResult:
    """Straighten a page image (90/180/270 via OSD, small skew via projection profiles) and OCR it.

    OSD costs about a third of a page's OCR, so it runs only when the page is plainly
    sideways or its first reading has a low mean confidence. The cheap pass (`effort`
    "cheap", a low-resolution image) skips dust removal (a 3x3 median erases a one-pixel
    minus at 150 dpi) and the numeric re-read, and may read the straightened page narrowed
    to `x_scale` of its width (boxes are given back at the page's width).
    """
    full = effort != "cheap"
    if full:
        image = despeckle(image)  # dust specks read as ';' and '|'
    rotation = 0
    skew, rows, cols = estimate_skew(image)
    if cols > rows * 2.0:  # lines run vertically: the page is plainly sideways
        rotation = engine.orientation(image) or 90
        image = image.rotate(-rotation, expand=True)
        skew, rows, cols = estimate_skew(image)
    page = image
    image, (ox, oy) = straighten(page, skew)
    words = _recognize(engine, image, lang, x_scale)
    if len(words) >= 8 and _mean_conf(words) < LOW_CONF:  # upside down or sideways: ask OSD, redo
        turn = engine.orientation(image)
        if turn:
            turned_page = page.rotate(-turn, expand=True)
            turned_skew = estimate_skew(turned_page)[0]
            turned, offset = straighten(turned_page, turned_skew)
            again = _recognize(engine, turned, lang, x_scale)
            if _mean_conf(again) > _mean_conf(words):
                image, words, rotation, skew = turned, again, (rotation + turn) % 360, skew + turned_skew
                page, (ox, oy) = turned_page, offset
    if full:
        words = recheck_numbers(image, words, lang, engine)
    words = [fix_confusions(_strip_junk(_clean(w))) for w in _drop_noise(words)]
    words = regroup_thousands(words)
    k = 72.0 / dpi
    out = [Word(w.text, Box((w.box.x0 + ox) * k, (w.box.top + oy) * k, (w.box.x1 + ox) * k,  # type: ignore[union-attr]
                            (w.box.bottom + oy) * k), w.confidence)  # type: ignore[union-attr]
           for w in words if w.box is not None]
    return OcrResult(out, page.size[0] * k, page.size[1] * k, rotation, skew, effort="full" if full else "cheap")


def render_page(pdf_path: str, index: int, dpi: float):  # noqa: ANN201
    """Page `index` (0-based) as a greyscale PIL image at `dpi`."""
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(pdf_path)
    try:
        return pdf[index].render(scale=dpi / 72.0, grayscale=True).to_pil().convert("L")
    finally:
        pdf.close()


def ocr_pdf_page(pdf_path: str, index: int, dpi: float, lang: str, engine: OcrEngine,
                 effort: str = "full") -> OcrResult:
    """Render and OCR one page; engine failures become a result with a warning, never an exception."""
    try:
        image = render_page(pdf_path, index, dpi)
        return ocr_image(image, dpi, lang, engine, effort)
    except OcrUnavailable:
        raise
    except Exception as exc:  # noqa: BLE001 - a broken page must not lose the document
        return _failed_page(pdf_path, index, exc, effort)


def _init_worker() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"


def _failed_page(pdf_path: str, i: int, exc: BaseException, effort: str = "full") -> OcrResult:
    log.warning("%s page %d: OCR failed: %s", pdf_path, i + 1, exc)
    return OcrResult(warnings=[f"page {i + 1}: OCR failed ({type(exc).__name__}: {exc}); the page has no lines"],
                     effort=effort)


def _map_pages(read, pdf_path: str, indexes: list[int], args: tuple, workers: int) -> dict[int, OcrResult]:  # noqa: ANN001
    """`read(pdf_path, i, *args)` for every page, one page per worker process when workers > 1."""
    if workers <= 1 or len(indexes) == 1:
        return {i: read(pdf_path, i, *args) for i in indexes}
    from concurrent.futures import ProcessPoolExecutor
    n = min(workers, len(indexes))
    with ProcessPoolExecutor(max_workers=n, initializer=_init_worker) as pool:
        futures = {i: pool.submit(read, pdf_path, i, *args) for i in indexes}
        out = {}
        for i, f in futures.items():
            try:
                out[i] = f.result()
            except OcrUnavailable:
                raise
            except Exception as exc:  # noqa: BLE001 - a worker that died loses its page, not the document
                out[i] = _failed_page(pdf_path, i, exc)
        return out


def ocr_pages(pdf_path: str, indexes: list[int], dpi: float, lang: str, engine: OcrEngine,
              workers: int, effort: str = "full") -> dict[int, OcrResult]:
    """OCR pages one per worker process; results by 0-based page index."""
    if not indexes:
        return {}
    return _map_pages(ocr_pdf_page, pdf_path, indexes, (dpi, lang, engine, effort), workers)


def ocr_pages_two_pass(pdf_path: str, indexes: list[int], dpi: float, lang: str, engine: OcrEngine,
                       workers: int) -> dict[int, OcrResult]:
    """`--ocr-effort auto`: a cheap reading of every page, full quality only for what holds figures.

    Each page is rendered once at `dpi`. A copy reduced to the triage table's `[cheap] dpi` is
    read (no dust removal, no digits pass); extract.page_triage then picks, from that reading,
    the bands of the figure lines (with the table rows between them and the column heads
    above), which are cut from the full-resolution page, straightened and cleaned as
    `--ocr-effort full` does, read in one call with the digits pass, and put back in page
    coordinates. The rest of the page keeps the cheap words, their confidence scaled down
    by the triage table's factor. A page the cheap reading cannot judge is read whole at full
    quality. Goal text keeps the cheap reading by default (`[goals] whole_page`); when the table
    asks for goal pages whole, one worker (the archive set-up) reads a page that follows a page
    with goal content whole at full quality straight away (goal lists run over pages) and goes on
    doing so while its reading shows goal content; with more workers every page is read cheaply first.
    """
    if not indexes:
        return {}
    if workers > 1 and len(indexes) > 1:
        out = _map_pages(ocr_pdf_page_auto, pdf_path, indexes, (dpi, lang, engine), workers)
    else:
        from arsred.extract.reading.page_triage import GOAL_CONTENT
        out, goal = {}, False
        for i in sorted(indexes):
            if goal:    # goal lists run over pages: a cheap reading there would be thrown away
                out[i] = r = ocr_pdf_page(pdf_path, i, dpi, lang, engine)
                r.triage = f"read whole first, after a goal page; {_verdict(r).reason}"
                log.debug("%s page %d: %s pass (%s)", pdf_path, i + 1, r.effort, r.triage)
            else:
                out[i] = r = ocr_pdf_page_auto(pdf_path, i, dpi, lang, engine)
            goal = r.triage.endswith(GOAL_CONTENT)
    _log_efforts(pdf_path, out)
    return out


def _verdict(r: OcrResult):  # noqa: ANN202
    from arsred.extract.reading.layout import lines_from_words
    from arsred.extract.reading.page_triage import triage_page
    lines = lines_from_words(r.words, 1, "ocr") if r.words else []
    return triage_page(lines, _mean_conf(r.words), len(r.words), failed=bool(r.warnings) and not r.words)


def ocr_pdf_page_auto(pdf_path: str, index: int, dpi: float, lang: str, engine: OcrEngine) -> OcrResult:
    """Render one page once and read it in two passes (`ocr_image_auto`); failures become a warning."""
    try:
        r = ocr_image_auto(render_page(pdf_path, index, dpi), dpi, lang, engine)
    except OcrUnavailable:
        raise
    except Exception as exc:  # noqa: BLE001 - a broken page must not lose the document
        return _failed_page(pdf_path, index, exc)
    log.debug("%s page %d: %s pass (%s)", pdf_path, index + 1, r.effort, r.triage)
    return r


def ocr_image_auto(page, dpi: float, lang: str, engine: OcrEngine) -> OcrResult:  # noqa: ANN001
    """A cheap reading of a reduced copy, then full quality for what the triage asks (see ocr_pages_two_pass)."""
    from arsred.extract.reading.page_triage import BANDS, FULL, cheap_dpi, cheap_x_scale
    k = max(1, round(dpi / cheap_dpi()))
    if k == 1:
        return ocr_image(page, dpi, lang, engine)
    try:
        cheap = ocr_image(page.reduce(k), dpi / k, lang, engine, effort="cheap", x_scale=cheap_x_scale())
    except OcrFailed as exc:
        r = ocr_image(page, dpi, lang, engine)
        r.triage = f"the cheap pass failed ({exc})"
        return r
    v = _verdict(cheap)
    if v.effort == FULL or (v.effort == BANDS and cheap.rotation):
        r = ocr_image(page, dpi, lang, engine)   # a turned page with figures: whole, as --ocr-effort full reads it
    elif v.effort == BANDS:
        from arsred.extract.reading.layout import lines_from_words
        lines = lines_from_words(cheap.words, 1, "ocr")
        r = read_bands(page, dpi, lang, engine, cheap, [lines[i] for i in v.reread])
    else:
        r = _keep_cheap(cheap)
    r.triage = v.reason
    return r


BAND_SIDE = 1.0     # a band reaches this many line heights left and right of its line's words
BAND_PAD = 0.45     # ... and this many above and below


def _band_boxes(lines: list, limit: tuple[float, float]) -> list[tuple[list[float], list[float]]]:
    """Regions (points) to read again, each as (crop, core): the crop gives its lines some room, the core
    is the lines themselves (words read in the crop outside it belong to neighbouring lines, cut in half).
    Overlapping bands are merged."""
    boxes = []
    for ln in lines:
        ws = [w.box for c in ln.cells for w in c.words if w.box is not None]
        if not ws:
            continue
        x0, top = min(b.x0 for b in ws), min(b.top for b in ws)
        x1, bottom = max(b.x1 for b in ws), max(b.bottom for b in ws)
        h = max(1.0, bottom - top)
        boxes.append(([max(0.0, x0 - BAND_SIDE * h), max(0.0, top - BAND_PAD * h),
                       min(limit[0], x1 + BAND_SIDE * h), min(limit[1], bottom + BAND_PAD * h)],
                      [x0 - BAND_SIDE * h, top - 0.2 * h, x1 + BAND_SIDE * h, bottom + 0.2 * h]))
    regions: list[tuple[list[float], list[float]]] = []
    for crop, core in sorted(boxes, key=lambda b: b[0][1]):
        if regions and crop[1] <= regions[-1][0][3]:
            for r, b in ((regions[-1][0], crop), (regions[-1][1], core)):
                r[0], r[2], r[3] = min(r[0], b[0]), max(r[2], b[2]), max(r[3], b[3])
        else:
            regions.append((crop, core))
    return regions


def _source_box(box: tuple[int, int, int, int], skew: float, size: tuple[int, int], margin: int = 4) -> tuple[int, int, int, int]:
    """The part of the unrotated page that `deskewed_crop(page, skew, box)` draws from, with a margin."""
    import math
    a = -math.radians(skew) if abs(skew) >= 0.1 else 0.0
    cx, cy = size[0] / 2.0, size[1] / 2.0
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
        dx, dy = x - cx, y - cy
        xs.append(math.cos(a) * dx + math.sin(a) * dy + cx)
        ys.append(-math.sin(a) * dx + math.cos(a) * dy + cy)
    return (max(0, int(min(xs)) - margin), max(0, int(min(ys)) - margin),
            min(size[0], int(max(xs)) + 1 + margin), min(size[1], int(max(ys)) + 1 + margin))


def read_bands(page, dpi: float, lang: str, engine: OcrEngine, cheap: OcrResult, lines: list) -> OcrResult:  # noqa: ANN001
    """Read the bands of `lines` (from the cheap reading, in points) again at full quality; keep the rest cheap.

    Each band is cut from the full-resolution page, cleaned of dust and straightened as the
    full pass does for the whole page; all bands of the page go into one strip read in one
    call, then the digits pass. Their words are put back in the page's coordinates, so a
    figure's box is where a whole-page reading would put it.
    """
    from PIL import Image
    s = dpi / 72.0
    size = page.size
    regions = _band_boxes(lines, (size[0] / s, size[1] / s))
    crops, spans = [], []
    for r, _ in regions:
        box = (int(r[0] * s), int(r[1] * s), min(size[0], int(r[2] * s) + 1), min(size[1], int(r[3] * s) + 1))
        src = _source_box(box, cheap.skew, size)
        part = despeckle(page.crop(src))
        crops.append(deskewed_crop(part, cheap.skew, box, origin=src[:2], page=size))
        spans.append(box)
    margin, gap = 20, max(20, int(dpi / 7.5))
    height = 2 * margin + sum(c.size[1] for c in crops) + gap * max(0, len(crops) - 1)
    strip = Image.new("L", (2 * margin + max(c.size[0] for c in crops), height), 255)
    places, y = [], margin
    for c in crops:
        strip.paste(c, (margin, y))
        places.append(y)
        y += c.size[1] + gap
    words = engine.recognize(strip, lang)
    words = recheck_numbers(strip, words, lang, engine)
    words = regroup_thousands([fix_confusions(_strip_junk(_clean(w))) for w in _drop_noise(words)])
    found: list[list[Word]] = [[] for _ in crops]
    for w in words:
        if w.box is None:
            continue
        mid = (w.box.top + w.box.bottom) / 2
        for n, (c, top) in enumerate(zip(crops, places)):
            if top - gap / 2 <= mid < top + c.size[1] + gap / 2:
                x0, y0 = spans[n][0] - margin, spans[n][1] - top
                core = regions[n][1]
                if core[1] <= (mid + y0) / s <= core[3]:
                    found[n].append(Word(w.text, Box((w.box.x0 + x0) / s, (w.box.top + y0) / s,
                                                     (w.box.x1 + x0) / s, (w.box.bottom + y0) / s), w.confidence))
                break
    read = [core for (_, core), got in zip(regions, found) if got]   # a band read as nothing keeps its cheap words

    def inside(b: Box) -> bool:
        mx, my = (b.x0 + b.x1) / 2, (b.top + b.bottom) / 2
        return any(r[0] <= mx <= r[2] and r[1] <= my <= r[3] for r in read)

    kept = _keep_cheap(OcrResult([w for w in cheap.words if w.box is None or not inside(w.box)]))
    out = kept.words + [w for got in found for w in got]
    return OcrResult(out, size[0] / s, size[1] / s, cheap.rotation, cheap.skew, effort="bands",
                     bands=[Box(*r) for r in read])


def _keep_cheap(r: OcrResult) -> OcrResult:
    """The cheap reading kept for good: its words' confidence scaled down, so it stays visibly cheaper."""
    from arsred.extract.reading.page_triage import cheap_confidence_factor
    factor = cheap_confidence_factor()
    r.words = [Word(w.text, w.box, round(w.confidence * factor, 4)) for w in r.words]
    return r


def _log_efforts(pdf_path: str, out: dict[int, OcrResult]) -> None:
    n = {e: sum(r.effort == e for r in out.values()) for e in ("full", "bands", "cheap")}
    log.info("%s: of %d scanned pages %d read whole at full quality, %d with their figure bands at full quality, "
             "%d kept from the cheap pass", pdf_path, len(out), n["full"], n["bands"], n["cheap"])
