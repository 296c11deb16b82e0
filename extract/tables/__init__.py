"""Reading statement tables: header model, rows, readings, and their settlement by arithmetic.

`statements` reads the tables of each statement section with two readers that share the
header model in `header`: `lines` reads tables whose layout keeps one row
per line with its cells apart (tabs, wide gaps, PDF word positions); `stream` reads any
layout as a stream of tokens — one cell per line, single spaces, cells glued together —
enumerating every reading the number grammar and the header allow and keeping the one
under which the table's own identities hold (`settle`). Header, scope and unit words live
in `extract/data/table_words.toml`.
"""
from arsred.extract.tables.lines import (
    Column,
    Header,
    Row,
    Table,
    Value,
    build_header,
    declared_unit,
    is_header_line,
    parse_row,
    realign_sparse_rows,
    settle_ambiguous_rows,
    split_label_and_numbers,
)

__all__ = ["Column", "Header", "Row", "Table", "Value", "build_header",
           "declared_unit", "is_header_line", "parse_row", "realign_sparse_rows", "settle_ambiguous_rows",
           "split_label_and_numbers"]
