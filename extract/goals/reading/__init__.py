"""Before any reader: a document's printed lines -> the reading lines every goal reader sees.

Not a reader of goals: these modules only rebuild lines the way a text report holds them
(a paragraph on one line, a table row as tab cells, a blank line as a paragraph break).

- `reading_lines`  PDF / OCR lines by position -> reading lines (the entry point, `reading_lines`)
- `long_lines`     a stored line that ran a heading, list or table into one -> the lines it was made of
- `spaced_lines`   a page whose every paragraph, item and cell stands between blank lines -> lines whose
                   blank lines mean a paragraph break again

A new way a source loses or adds line breaks goes here; they import only the shared core
(`vocabulary`, `structure`), never a reader.
"""
