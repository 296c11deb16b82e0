"""How often the document metadata (organisation, doc_type, fiscal_year) agrees with the gold.

Reads each dev page (tests/real/pages, ../shared/real) and compares `detect_metadata` with the
gold JSON's `organisation`, `doc_type` and `fiscal_year` where the gold gives them. A wrong value
counts apart from a missing one: a wrong organisation or year is worse than none.
Usage: python benchmarks/metadata_accuracy.py [--show]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from arsred.extract.metadata import detect_metadata
from arsred.extract.reading.read import read_document
from arsred.extract.sections import content_lines, find_sections
from arsred.extract.sections_oneline import unfold_lines

from arsred.panel import org_id

ROOT = Path(__file__).resolve().parent.parent
SETS = (("tests/real", ROOT / "tests/real/pages", ROOT / "tests/real/gold"),
        ("shared/real", ROOT.parent / "shared/real", ROOT.parent / "shared/real/gold"))


def page_metadata(path: Path) -> dict:
    document = read_document(path)
    lines = unfold_lines(content_lines(document))
    meta = detect_metadata(lines, find_sections(document, lines))
    return {"organisation": meta.organisation, "doc_type": meta.doc_type, "fiscal_year": meta.fiscal_year}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="list every page that is wrong or missing")
    args = ap.parse_args()
    for name, pages, gold_dir in SETS:
        score = {k: {"right": 0, "wrong": 0, "missing": 0, "gold": 0} for k in ("organisation", "doc_type", "fiscal_year")}
        for g in sorted(gold_dir.glob("*.json")):
            gold = json.loads(g.read_text(encoding="utf-8"))
            page = pages / gold.get("source", g.stem + ".txt")
            if not page.exists():
                continue
            got = page_metadata(page)
            for key, s in score.items():
                want = gold.get(key)
                if want in (None, ""):
                    continue
                s["gold"] += 1
                have = got[key]
                same = org_id(have) == org_id(want.split(" (")[0]) if key == "organisation" else have == want
                outcome = "right" if same else ("missing" if have in (None, "") else "wrong")
                s[outcome] += 1
                if args.show and outcome != "right":
                    print(f"  {name} {page.name}: {key} {outcome}: {have!r} (gold {want!r})")
        for key, s in score.items():
            print(f"{name} {key}: right {s['right']}/{s['gold']}, wrong {s['wrong']}, missing {s['missing']}")


if __name__ == "__main__":
    main()
