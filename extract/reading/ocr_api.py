"""Tesseract in-process through its C API (libtesseract, the library the `tesseract` command runs on).

Why: the command loads the Swedish model for every call (about 0.2 s of CPU), and a page
read in two passes with a digits re-read took three calls; at 4 s of CPU per page for the
whole reading, start-up alone was a tenth of it (issue 14). Here each process loads a model
once and keeps it. The words are the command's own: the same library, the same parameters
(`--psm`, the digits whitelist) and no resolution given, as for the command's PNM input
(`tests/test_ocr.py` compares the two on a real page).

Only the handful of C functions a page needs are bound. When the library cannot be loaded
`api_engine()` gives None and arsred calls the command as before (`extract.reading.ocr.TesseractEngine`).
"""
from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import functools
import logging
import os
from dataclasses import dataclass

from arsred.extract.document import Word

log = logging.getLogger(__name__)

_RIL_TEXTLINE, _RIL_WORD = 2, 3   # tesseract's PageIteratorLevel


@functools.lru_cache(maxsize=1)
def _lib() -> ctypes.CDLL | None:
    os.environ["OMP_THREAD_LIMIT"] = "1"   # read by OpenMP when the library loads: one thread, as the command gets
    name = ctypes.util.find_library("tesseract") or "libtesseract.so.5"
    try:
        lib = ctypes.CDLL(name)
    except OSError as exc:
        log.debug("libtesseract not loadable (%s): OCR runs the tesseract command", exc)
        return None
    p, s, i = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
    for fn, args, res in (("TessBaseAPICreate", [], p), ("TessBaseAPIInit3", [p, s, s], i),
                          ("TessBaseAPISetPageSegMode", [p, i], None), ("TessBaseAPISetVariable", [p, s, s], i),
                          ("TessBaseAPISetImage", [p, s, i, i, i, i], None), ("TessBaseAPIRecognize", [p, p], i),
                          ("TessBaseAPIGetTsvText", [p, i], p), ("TessDeleteText", [p], None),
                          ("TessBaseAPIClear", [p], None), ("TessBaseAPIEnd", [p], None),
                          ("TessBaseAPIDelete", [p], None), ("TessBaseAPIAnalyseLayout", [p], p),
                          ("TessPageIteratorBoundingBox", [p, i, *[ctypes.POINTER(i)] * 4], i),
                          ("TessPageIteratorNext", [p, i], i), ("TessPageIteratorIsAtBeginningOf", [p, i], i),
                          ("TessPageIteratorDelete", [p], None)):
        f = getattr(lib, fn)
        f.argtypes, f.restype = args, res
    return lib


class _Api:
    """One loaded model with its settings; used by one thread of one process."""

    def __init__(self, lib: ctypes.CDLL, lang: str, psm: int, variables: tuple[tuple[str, str], ...]) -> None:
        self.lib = lib
        self.handle = lib.TessBaseAPICreate()
        if lib.TessBaseAPIInit3(self.handle, None, lang.encode()) != 0:
            lib.TessBaseAPIDelete(self.handle)
            raise OSError(f"tesseract could not load the model {lang!r}")
        lib.TessBaseAPISetPageSegMode(self.handle, psm)
        for key, value in (("debug_file", "/dev/null"), *variables):  # its warnings, not ours, on stderr
            lib.TessBaseAPISetVariable(self.handle, key.encode(), value.encode())

    def tsv(self, image) -> str:  # noqa: ANN001 (PIL image)
        grey = image if image.mode == "L" else image.convert("L")
        w, h = grey.size
        lib = self.lib
        lib.TessBaseAPISetImage(self.handle, grey.tobytes(), w, h, 1, w)
        try:
            if lib.TessBaseAPIRecognize(self.handle, None) != 0:
                raise RuntimeError("tesseract could not recognise the image")
            ptr = lib.TessBaseAPIGetTsvText(self.handle, 0)
            try:
                text = ctypes.string_at(ptr).decode("utf-8", "replace") if ptr else ""
            finally:
                if ptr:
                    lib.TessDeleteText(ptr)
        finally:
            lib.TessBaseAPIClear(self.handle)
        return "level\n" + text      # parse_tsv skips a header line, as the command prints one

    def layout(self, image) -> list[list[tuple[int, int, int, int]]]:  # noqa: ANN001 (PIL image)
        """Word boxes (pixels) of each text line, from tesseract's layout analysis alone: no character is
        recognised, so a page costs a twentieth of its reading (benchmarks/ocr_profile.py)."""
        grey = image if image.mode == "L" else image.convert("L")
        w, h = grey.size
        lib = self.lib
        data = grey.tobytes()
        lib.TessBaseAPISetImage(self.handle, data, w, h, 1, w)
        lines: list[list[tuple[int, int, int, int]]] = []
        try:
            it = lib.TessBaseAPIAnalyseLayout(self.handle)
            if not it:
                return lines
            try:
                box = [ctypes.c_int() for _ in range(4)]
                while True:
                    if lib.TessPageIteratorBoundingBox(it, _RIL_WORD, *box):
                        if not lines or lib.TessPageIteratorIsAtBeginningOf(it, _RIL_TEXTLINE):
                            lines.append([])
                        lines[-1].append(tuple(b.value for b in box))  # type: ignore[arg-type]
                    if not lib.TessPageIteratorNext(it, _RIL_WORD):
                        break
            finally:
                lib.TessPageIteratorDelete(it)
        finally:
            lib.TessBaseAPIClear(self.handle)
        return lines

    def close(self) -> None:
        self.lib.TessBaseAPIEnd(self.handle)
        self.lib.TessBaseAPIDelete(self.handle)


_LOADED: dict[tuple, _Api] = {}


def _api(lang: str, psm: int, variables: tuple[tuple[str, str], ...] = ()) -> _Api:
    """The process's loaded model for these settings (a forked worker loads its own)."""
    key = (os.getpid(), lang, psm, variables)
    api = _LOADED.get(key)
    if api is None:
        lib = _lib()
        if lib is None:
            raise OSError("libtesseract is not loadable")
        api = _LOADED[key] = _Api(lib, lang, psm, variables)
    return api


@atexit.register
def _close_all() -> None:
    """End the models this process loaded (else tesseract reports them as leaks on exit)."""
    for key, api in list(_LOADED.items()):
        if key[0] == os.getpid():
            api.close()
        _LOADED.pop(key, None)


@dataclass(frozen=True)
class ApiEngine:
    """`extract.reading.ocr.TesseractEngine`'s words, read in-process; picklable (each process loads its model once).

    Orientation (OSD, rare: sideways or doubtful pages only) still runs the command.
    """

    psm: int = 6

    def _words(self, image, lang: str, variables: tuple[tuple[str, str], ...] = ()) -> list[Word]:  # noqa: ANN001
        from arsred.extract.reading.ocr import OcrFailed, parse_tsv
        try:
            return parse_tsv(_api(lang, self.psm, variables).tsv(image))
        except (OSError, RuntimeError) as exc:
            raise OcrFailed(str(exc)) from exc

    def recognize(self, image, lang: str) -> list[Word]:  # noqa: ANN001
        return self._words(image, lang)

    def layout(self, image, lang: str) -> list[list[tuple[int, int, int, int]]]:  # noqa: ANN001
        """Word boxes of each text line without recognising a character (`_Api.layout`)."""
        from arsred.extract.reading.ocr import OcrFailed
        try:
            return _api(lang, self.psm).layout(image)
        except OSError as exc:
            raise OcrFailed(str(exc)) from exc

    def recognize_numbers(self, image, lang: str) -> list[Word]:  # noqa: ANN001
        from arsred.extract.reading.ocr import NUMBERS_LANG, NUMERIC_WHITELIST, _installed
        lang = NUMBERS_LANG if NUMBERS_LANG in _installed() else lang
        return self._words(image, lang, (("tessedit_char_whitelist", NUMERIC_WHITELIST),))

    def orientation(self, image) -> int:  # noqa: ANN001
        from arsred.extract.reading.ocr import TesseractEngine
        return TesseractEngine(psm=self.psm).orientation(image)


def api_engine() -> ApiEngine | None:
    """The in-process engine, or None where libtesseract cannot be loaded (the command is used then)."""
    return ApiEngine() if _lib() is not None else None
