"""Figures a run outputs that the gold does not have: the wrong figures no scorer sees.

    python benchmarks/unmatched.py GOLD_DIR OUT_DIR [--list N] [--verified-only]

tools/eval_gold.py counts a figure as wrong only where a gold figure stands (same statement,
note, period, column, scope, a label that reads alike). A figure that stands nowhere in the gold
-- a page number read as tkr, a percentage read as kronor, a figure "proven" by a scrambled
line -- lowers precision and nothing else. This lists, for every gold document, each output
figure that matches no gold fact of its page (statement, note, period, column, scope, value
within 0.5 kr, label alike as the scorer reads it), and counts those marked verified apart:
a verified figure without gold is either gold the annotator left out or a proof that proves
nothing, and each one wants a look. Among them, a figure is *misplaced* when a gold figure of its
page has its value and a label alike but another scope, period, column or statement: a right
number filed under the wrong key, which no scorer counts as wrong and a panel would still mix up. Gold is partial on some pages (only the statements it
covers), so the counts are split into figures in a statement the gold covers and the rest.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from contract import _scorer, _verified  # noqa: E402  (a sibling script: the project's scorer, loaded once)

LABEL_ALIKE = 0.7          # the scorer's threshold for a found fact


@dataclass
class Unmatched:
    n_facts: int = 0
    n_verified: int = 0
    rows: list[tuple[str, bool, dict]] = field(default_factory=list)   # (doc, in a covered statement, fact)
    misplaced: list[tuple[str, dict]] = field(default_factory=list)    # (doc, fact) at another key of the gold

    def counts(self) -> Counter:
        c = Counter()
        for _doc, covered, r in self.rows:
            verified = _verified(r)
            c["unmatched"] += 1
            c["unmatched_covered"] += covered
            c["verified_unmatched"] += verified
            c["verified_unmatched_covered"] += verified and covered
        c["misplaced"] = len(self.misplaced)
        c["verified_misplaced"] = sum(1 for _doc, r in self.misplaced if _verified(r))
        return c

    def summary(self) -> str:
        c = self.counts()
        return (f"unmatched {c['unmatched']} of {self.n_facts} figures ({c['unmatched_covered']} in statements "
                f"the gold covers); verified without gold {c['verified_unmatched']} of {self.n_verified} verified "
                f"({c['verified_unmatched_covered']} in covered statements); misplaced {c['misplaced']} "
                f"({c['verified_misplaced']} verified)")


def _matches(r: dict, g: dict) -> bool:
    s = _scorer()
    if r.get("statement") != g["statement"] or r.get("column") != g["column"]:
        return False
    if g["statement"] == "noter" and s.as_int(r.get("note")) != s.as_int(g.get("note")):
        return False
    if s.as_int(r.get("period")) != s.as_int(g["period"]) or s.scope_of(r) != s.scope_of(g):
        return False
    v = s.as_float(r.get("value_sek"))
    if v is None or abs(v - float(g["value_sek"])) > 0.5:
        return False
    return SequenceMatcher(None, s.fold(r.get("label", "")), s.fold(g["label"])).ratio() >= LABEL_ALIKE


def _misplaced(r: dict, g: dict) -> bool:
    """The gold figure's value and label, under another scope, period, column or statement."""
    s = _scorer()
    v = s.as_float(r.get("value_sek"))
    if v is None or abs(v - float(g["value_sek"])) > 0.5:
        return False
    return SequenceMatcher(None, s.fold(r.get("label", "")), s.fold(g["label"])).ratio() >= LABEL_ALIKE


def unmatched(gold_dir: Path, out_dir: Path) -> Unmatched:
    """Every output figure of a gold document that matches no gold fact of that document."""
    s = _scorer()
    facts = s.read_csv(out_dir / "facts.csv")
    by_doc: dict[str, list[dict]] = {}
    for r in facts:
        by_doc.setdefault(r.get("doc_id", ""), []).append(r)
    out = Unmatched()
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = Path(gold["source"]).stem
        rows = by_doc.get(doc, [])
        out.n_facts += len(rows)
        out.n_verified += sum(1 for r in rows if _verified(r))
        covered = {g["statement"] for g in gold["facts"]}
        for r in rows:
            if not any(_matches(r, g) for g in gold["facts"]):
                out.rows.append((doc, r.get("statement") in covered, r))
                if any(_misplaced(r, g) for g in gold["facts"]):
                    out.misplaced.append((doc, r))
    return out


def _line(doc: str, covered: bool, r: dict) -> str:
    flag = "VERIFIED " if _verified(r) else ""
    where = "" if covered else " (statement not in gold)"
    return (f"{flag}{doc} p{r.get('page')} l{r.get('line')}: {r.get('statement')} {r.get('item')} "
            f"'{r.get('label')}' {r.get('period')} {r.get('column')} = {r.get('value_sek')} "
            f"(printed {r.get('printed')!r}{', checked_by ' + r['checked_by'] if r.get('checked_by') else ''})"
            f"{where}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--list", type=int, default=0, help="list up to N unmatched figures")
    ap.add_argument("--verified-only", action="store_true", help="list only the verified ones")
    args = ap.parse_args(argv)
    result = unmatched(args.gold_dir, args.out_dir)
    shown = [x for x in result.rows if _verified(x[2]) or not args.verified_only][: args.list]
    for doc, covered, r in shown:
        print(_line(doc, covered, r))
    print(result.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
