"""Gold labels beside the damaged forms an OCR'd report prints them in (for repair tests and benchmarks)."""
from __future__ import annotations

import json
from pathlib import Path

from arsred.normalize.lexicon import strip_key

STRIP = str.maketrans("åäöÅÄÖéÉüÜ", "aaoAAOeEuU")


def damaged_label_pairs(report: Path, gold: Path) -> tuple[list[str], set[tuple[str, str]]]:
    """(the gold's labels, {(damaged form in the text, gold label)}), matched by diacritic-free key
    with the same case at the start."""
    labels = sorted({f["label"] for f in json.loads(gold.read_text(encoding="utf-8"))["facts"]})
    keyed = [(line, strip_key(line)) for line in report.read_text(encoding="utf-8").splitlines()]
    pairs = set()
    for label in labels:
        k = strip_key(label)
        for line, kl in keyed:
            i = kl.find(k)
            if i >= 0 and line[i] == label[0].translate(STRIP):
                pairs.add((line[i:i + len(k)], label))
    return labels, pairs
