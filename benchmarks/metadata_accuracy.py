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
    meta = detect_metadata(lines, find_sections(document, lines), path.name)
    return {"organisation": meta.organisation, "doc_type": meta.doc_type, "fiscal_year": meta.fiscal_year}


FIELDS = ("organisation", "doc_type", "fiscal_year")


def compare() -> list[tuple[str, str, str, str, object, object]]:
    """(set, page, field, outcome, got, gold) for every field the gold gives; outcome is right,
    wrong or missing."""
    out = []
    for name, pages, gold_dir in SETS:
        for g in sorted(gold_dir.glob("*.json")):
            gold = json.loads(g.read_text(encoding="utf-8"))
            page = pages / gold.get("source", g.stem + ".txt")
            if not page.exists():
                continue
            got = page_metadata(page)
            for key in FIELDS:
                want = gold.get(key)
                if want in (None, ""):
                    continue
                have = got[key]
                same = org_id(have) == org_id(want.split(" (")[0]) if key == "organisation" else have == want
                outcome = "right" if same else ("missing" if have in (None, "") else "wrong")
                out.append((name, page.name, key, outcome, have, want))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="list every page that is wrong or missing")
    args = ap.parse_args()
    results = compare()
    for name, *_ in SETS:
        for key in FIELDS:
            mine = [r for r in results if r[0] == name and r[2] == key]
            n = {o: sum(r[3] == o for r in mine) for o in ("right", "wrong", "missing")}
            if args.show:
                for _, page, _, outcome, have, want in mine:
                    if outcome != "right":
                        print(f"  {name} {page}: {key} {outcome}: {have!r} (gold {want!r})")
            print(f"{name} {key}: right {n['right']}/{len(mine)}, wrong {n['wrong']}, missing {n['missing']}")


if __name__ == "__main__":
    main()
