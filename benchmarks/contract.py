"""The proof contract over a scored run: no `ok` document holds a wrong figure marked verified.

    python benchmarks/contract.py GOLD_DIR OUT_DIR

Issue 12's promise to a reader of documents.csv: a document whose status is `ok` may hold a
wrong figure only where that figure is unverified. This reads what `arsred extract` wrote to
OUT_DIR, scores every verified figure of every `ok` document on its own against the gold with
the project's scorer (tools/eval_gold.py: a figure is wrong when it stands where a gold figure
stands — statement, note, period, column, scope, label — with another value), and reports the
breaches, and the share of the figures found that are verified (the issue's target: 60 %).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VERIFIED_SHARE_TARGET = 0.60


@lru_cache(maxsize=1)
def _scorer():
    spec = importlib.util.spec_from_file_location("eval_gold", ROOT / "tools/eval_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)          # type: ignore[union-attr]
    return module


@dataclass
class Contract:
    n_facts: int = 0
    n_verified: int = 0
    n_ok: int = 0                              # documents with status ok (and a gold file)
    breaches: dict[str, list[str]] = field(default_factory=dict)   # ok doc -> its wrong verified figures

    @property
    def verified_share(self) -> float:
        return self.n_verified / self.n_facts if self.n_facts else 0.0

    def summary(self) -> str:
        names = "; ".join(f"{d}: {', '.join(v[:3])}" for d, v in sorted(self.breaches.items()))
        return (f"ok_with_wrong_verified {len(self.breaches)} of {self.n_ok} ok documents"
                + (f" ({names})" if names else "")
                + f"; verified_share {self.verified_share:.3f} ({self.n_verified}/{self.n_facts} figures found,"
                  f" target {VERIFIED_SHARE_TARGET:.0%})")


def _verified(row: dict) -> bool:
    return str(row.get("verified", "")).strip().lower() in ("true", "1", "yes")


def contract(gold_dir: Path, out_dir: Path) -> Contract:
    """Breaches of the contract and the verified share of one extraction run (OUT_DIR) against its gold."""
    score = _scorer()
    facts = score.read_csv(out_dir / "facts.csv")
    documents = score.read_csv(out_dir / "documents.csv")
    out = Contract(n_facts=len(facts), n_verified=sum(1 for r in facts if _verified(r)))
    by_doc: dict[str, list[dict]] = {}
    for r in facts:
        by_doc.setdefault(r.get("doc_id", ""), []).append(r)
    for doc in documents:
        gold_path = gold_dir / f"{doc['doc_id']}.json"
        if doc.get("status") != "ok" or not gold_path.exists():
            continue
        out.n_ok += 1
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        wrong = [r for r in by_doc.get(doc["doc_id"], []) if _verified(r)
                 and score.score_document(gold, [r], [])["wrong"]]    # alone, it sits where gold differs
        if wrong:
            out.breaches[doc["doc_id"]] = [f"{r['statement']} {r['period']} {r['column']} '{r['label']}' "
                                           f"= {r['value_sek']}" for r in wrong]
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("out_dir", type=Path)
    args = ap.parse_args(argv)
    result = contract(args.gold_dir, args.out_dir)
    print(result.summary())
    return 1 if result.breaches else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
