"""Reading files into a `Document`: plain text, text-layer PDFs, and scans through OCR.

`read` picks the reader by the file's bytes; `read_text` and `read_pdf` keep page, line and
box for every word; `ocr` (with `ocr_api`, the in-process tesseract, and `page_triage`, which
decides how much OCR a page deserves) reads scans; `layout` turns words into lines.
"""
