"""Plain-text reports: decode, split into pages, and cut each line into cells.

Pages end at form feeds; a file without them is split after "Sida N" footers. Line
numbers are the file's own (so `sed -n Np` finds a fact). Cells are split at tabs, or at
runs of two or more spaces in space-aligned tables; a line with single spaces is one cell
and the table parser splits its tokens.
"""
from __future__ import annotations

import codecs
import html

import regex
from arsred.extract.amounts import HYPHENS
from arsred.extract.document import Box, Cell, Document, Line, Page, Word

from arsred.errors import UnreadableInput

FOOTER = regex.compile(r"^\s*(?:[.\s]*\bi\s*\.\s*)?(?:[.\s]*)Sida\s+\d+(?:\s*\(\s*\d+\s*\))?\s*$", regex.I)
WIDE_GAP = regex.compile(r" {2,}")


# A byte-order mark names its encoding (UTF-32 before UTF-16: FF FE 00 00 starts with FF FE).
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, path: str) -> str:
    """The encoding a byte-order mark names; else UTF-8, then CP1252 (a superset of Latin-1 for
    printable text); refuse binary."""
    if not data.strip():
        raise UnreadableInput(f"{path}: the file is empty")
    text = _by_bom(data, path)
    if text is None:
        if b"\x00" in data[:4096]:
            raise UnreadableInput(f"{path}: binary data, not a text report")
        for encoding in ("utf-8-sig", "cp1252", "latin-1"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    assert text is not None
    if not text.strip():
        raise UnreadableInput(f"{path}: the file is empty")
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(20, len(text[:20000]) // 50):
        raise UnreadableInput(f"{path}: mostly control characters, not a text report")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _by_bom(data: bytes, path: str) -> str | None:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise UnreadableInput(f"{path}: starts with a {encoding.upper()} byte-order mark but is not "
                                      f"{encoding.upper()} text ({exc.reason} at byte {exc.start})") from exc
    return None


def split_cells(text: str) -> tuple[Cell, ...]:
    """Cells with character-column positions (tab stops count as one column each)."""
    if "\t" in text:
        cells = []
        for i, part in enumerate(text.split("\t")):
            part = part.strip()
            cells.append(Cell(part, float(i), float(i) + 1.0, _words(part, i)))
        return tuple(cells)
    stripped = text.strip()
    if not stripped:
        return ()
    cells = []
    pos = 0
    for piece in WIDE_GAP.split(text):
        start = text.index(piece, pos) if piece else pos
        pos = start + len(piece)
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            x0 = float(start + lead)
            body = piece.strip()
            cells.append(Cell(body, x0, x0 + len(body), _words(body, x0)))
    return tuple(cells)


def _words(text: str, x0: float) -> tuple[Word, ...]:
    words = []
    for m in regex.finditer(r"\S+", text):
        words.append(Word(m.group(), Box(x0 + m.start(), 0.0, x0 + m.end(), 1.0)))
    return tuple(words)


# HTML tags a page's text kept when it was copied from a web page ("Resultaträkning
# <strong>kommun</strong>en<br />"): inline markup and line breaks, not print. Block tags
# (<p>) stay on the page: the goal readers take them for the items of a cell; inside a table
# they are cell breaks (`table_text`).
INLINE_TAG = regex.compile(r"</?(?:strong|b|i|em|u|span|font|sup|sub|small|big|a|br)(?:\s[^<>]{0,200})?\s*/?>", regex.I)
BLOCK_TAG = regex.compile(r"</?(?:p|div|td|th|tr|li|ul|ol|table|tbody|thead|h[1-6])(?:\s[^<>]{0,200})?\s*/?>", regex.I)


def strip_markup(text: str) -> str:
    """The text without inline HTML tags and line breaks; text without a tag is returned as it is."""
    if "<" not in text:
        return text
    return INLINE_TAG.sub("", text).rstrip()


def table_text(text: str) -> str:
    """A table line without any HTML: inline tags dropped, block tags a space between cells,
    character entities the characters they name; text without markup is returned as it is."""
    if "<" not in text and "&" not in text:
        return text
    text = BLOCK_TAG.sub(" ", strip_markup(text))
    return html.unescape(text).rstrip() if "&" in text else text.rstrip()


# A footnote's number printed as a superscript right after a figure ('514 363¹'): the footnote mark every
# figure grammar reads after an amount ('20 114*'), not a digit of it. Unread, the row vanished and the
# sums over it failed on a page that adds up.
SUPERSCRIPT_MARK = regex.compile(r"(?<=\d)[¹²³⁴⁵⁶⁷⁸⁹⁰]+")


# A line of nothing but cell bars ('|'): the border between the cells of a table flattened one cell a
# line (AB Kristianstadsbyggen 2022), no print.
CELL_BARS = regex.compile(r"[\s|]*")


def read_text(path: str, doc_id: str, sha256: str, data: bytes) -> Document:
    text = SUPERSCRIPT_MARK.sub(lambda m: "*" * len(m.group()), decode(data, path).translate(HYPHENS))
    pages: list[list[Line]] = [[]]
    page_no = 1
    for number, raw in enumerate(text.split("\n"), start=1):
        chunks = raw.split("\f")
        for k, chunk in enumerate(chunks):
            if k > 0:
                page_no += 1
                pages.append([])
            chunk = strip_markup(chunk)
            if chunk.strip() and not CELL_BARS.fullmatch(chunk):
                pages[-1].append(Line(page_no, number, chunk.rstrip(), split_cells(chunk.rstrip()), "text"))
        if "\f" not in text and FOOTER.match(raw):
            page_no += 1
            pages.append([])
    doc_pages = [Page(i + 1, tuple(lines), "text") for i, lines in enumerate(pages) if lines]
    # renumber pages densely (empty pages between footers collapse)
    doc_pages = [Page(i + 1, tuple(_with_page(line, i + 1) for line in p.lines), "text") for i, p in enumerate(doc_pages)]
    return Document(doc_id=doc_id, path=path, sha256=sha256, input_kind="text", pages=doc_pages)


def _with_page(line: Line, page: int) -> Line:
    if line.page == page:
        return line
    return Line(page, line.number, line.text, line.cells, line.method)
