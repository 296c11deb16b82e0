"""The proof each figure carries: which passing checks prove it, and what that makes the document.

A check row proves the figures it uses when it passed with severity `error`, uses at least two
figures printed in different places, and did not choose the reading of any of its figures (a
check listed in a figure's `decided_by` spent its evidence on that choice). A figure is
verified when a check row proves it and no check that uses it fails. The rules and the
document threshold are stated in docs/checks.md ("Verified figures").
"""
from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from arsred.normalize.facts import CheckResult, Fact

log = logging.getLogger(__name__)

OK_VERIFIED_SHARE = 0.5     # a document vouches for itself when at least this share is proven
PROVING_SEVERITIES = ("error",)


def _ids(text: str) -> set[str]:
    return {p.strip() for p in (text or "").split(";") if p.strip()}


def _place(f: Fact) -> tuple:
    """Where the figure was printed: two facts at one place are one printed figure."""
    return (f.page, f.line, f.x0, f.top, f.printed, f.row, f.table, f.column)


def proving_checks(facts: Sequence[Fact], checks: Sequence[CheckResult]) -> dict[str, set[str]]:
    """fact key -> ids of the check rows that prove it (before failures are taken into account)."""
    by_key = {f.key: f for f in facts}
    proven: dict[str, set[str]] = defaultdict(set)
    for c in checks:
        if c.status != "pass" or c.severity not in PROVING_SEVERITIES:
            continue
        used = [by_key[k] for k in dict.fromkeys(c.facts) if k in by_key]
        if len({_place(f) for f in used}) < 2:
            continue
        if any(c.check in _ids(f.decided_by) for f in used):
            continue      # the reader chose a reading so that this check passes: no proof
        for f in used:
            if any(_place(g) != _place(f) for g in used):
                proven[f.key].add(c.check)
    return proven


def verify(facts: Sequence[Fact], checks: Sequence[CheckResult]) -> list[Fact]:
    """The facts with `verified` and `checked_by` set from the document's check rows."""
    proven = proving_checks(facts, checks)
    failed = {k for c in checks if c.status == "fail" for k in c.facts}
    out = []
    for f in facts:
        ids = proven.get(f.key, set())
        ok = bool(ids) and f.key not in failed
        out.append(replace(f, verified=ok, checked_by=";".join(sorted(ids)) if ok else ""))
    return out


@dataclass(frozen=True)
class DocumentProof:
    status: str          # ok | flagged | unverified
    n_verified: int
    verified_share: float
    n_failed_checks: int
    reason: str


def document_status(facts: Sequence[Fact], checks: Sequence[CheckResult]) -> DocumentProof:
    """ok / flagged / unverified for a read document (error is the pipeline's, when reading fails)."""
    n_failed = sum(1 for c in checks if c.status == "fail" and c.severity == "error")
    n_verified = sum(1 for f in facts if f.verified)
    share = round(n_verified / len(facts), 4) if facts else 0.0
    if n_failed:
        status = "flagged"
        reason = f"{n_failed} error-level check{'s' if n_failed != 1 else ''} failed"
    elif share < OK_VERIFIED_SHARE:
        status = "unverified"
        reason = (f"{n_verified} of {len(facts)} figures ({share:.0%}) proven by the report's own arithmetic; "
                  f"at least {OK_VERIFIED_SHARE:.0%} needed")
    else:
        status = "ok"
        reason = f"{n_verified} of {len(facts)} figures ({share:.0%}) proven"
    return DocumentProof(status, n_verified, share, n_failed, reason)
