"""Reconciliation: does the document add up, and which figures does its arithmetic prove?

`document.reconcile` runs every check of `normalize/data/checks.toml` over one document's
facts. The checks are defined and evaluated in `checks` (the equation engine), `check_tables`
(sum rows, Driftredovisning, notes), `check_rules` (money blocks, information rules), `prose`
(amounts restated in the text) and `goal_ties` (financial goals against the statements);
`slips` explains a failure by one printed figure's OCR slip; `verify` turns the passing checks
into each figure's proof and the document's status. A new kind of check goes in the data table
first, and in the module of its kind only when it needs code.
"""
from arsred.normalize.reconcile.document import one_row_per_failure, reconcile

__all__ = ["one_row_per_failure", "reconcile"]
