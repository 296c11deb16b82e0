"""Row labels to canonical item ids, from the synonym table in `normalize/data/items.csv`.

Exact match on the folded label first, then `*` patterns, then rapidfuzz for labels that
OCR damaged. A label nothing matches still gets a stable id: `<prefix>.<slug>`.
"""
from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex
from arsred.extract.sections import fold
from arsred.normalize.lexicon import get_lexicon, strip_key
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

PREFIX = {"resultatrakning": "rr", "balansrakning": "br", "kassaflodesanalys": "kf", "oversikt": "ov",
          "balanskrav": "bk", "driftredovisning": "dr", "noter": "not", "budget": "bu",
          "tillaggsupplysningar": "tu"}
FUZZY_MIN = 88


@dataclass(frozen=True)
class Synonym:
    statement: str
    item: str
    kind: str
    label: str
    key: str
    pattern: regex.Pattern | None


@dataclass(frozen=True)
class ItemMatch:
    item: str
    kind: str            # line | total | heading | unmapped
    mapped: bool
    score: float


def _key(label: str) -> str:
    s = regex.sub(r"^[\s=+\-−–/]+", "", label)
    s = regex.sub(r"\bkr\b\.?$", "", s.strip())
    return fold(s)


@lru_cache(maxsize=1)
def synonyms() -> dict[str, list[Synonym]]:
    out: dict[str, list[Synonym]] = {}
    text = resources.files("arsred.normalize").joinpath("data/items.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))
    for row in rows:
        key = _key(row["label"])
        pattern = _glob(row["label"]) if "*" in row["label"] else None
        out.setdefault(row["statement"], []).append(
            Synonym(row["statement"], row["item"], row["kind"], row["label"], key, pattern))
    return out


def _glob(label: str) -> regex.Pattern:
    """A label with `*` as a pattern over folded labels: each `*` stands for one to four words.

    The parts between the stars are folded one by one: folding the whole label first would
    drop the stars with the other punctuation, and the pattern would only match the label
    without its wildcard words.
    """
    parts = label.split("*")
    pieces: list[str] = []
    for k, part in enumerate(parts):
        if k:
            pieces.append(r"\S+(?:\s+\S+){0,3}")
        words = (_key(part) if k == 0 else fold(part)).split()
        if words:
            pieces.append(r"\s+".join(regex.escape(w) for w in words))
    return regex.compile("^" + r"\s+".join(pieces) + "$")


def heading_labels(statement: str) -> list[str]:
    return [s.label for s in synonyms().get(statement, []) if s.kind == "heading"]


def map_item(statement: str, label: str) -> ItemMatch:
    key = _key(label)
    syns = synonyms().get(statement, [])
    for s in syns:
        if s.pattern is None and s.key == key:
            return ItemMatch(s.item, s.kind, True, 100.0)
    for s in syns:
        if s.pattern is not None and s.pattern.match(key):
            return ItemMatch(s.item, s.kind, True, 95.0)
    plain = [s for s in syns if s.pattern is None and len(s.key) >= 6]
    if key and plain:
        for _, score, k in process.extract(key, [s.key for s in plain], scorer=fuzz.ratio, limit=5,
                                            score_cutoff=FUZZY_MIN):
            if _slips_only(key, plain[k].key):          # the closest line the label is a slip of
                return ItemMatch(plain[k].item, plain[k].kind, True, float(score))
    return ItemMatch(f"{PREFIX.get(statement, statement)}.{slug(label)}", "unmapped", False, 0.0)


def _slips_only(key: str, synonym_key: str) -> bool:
    """Do the two labels differ only as OCR damages a word — a few characters in a word — and not by
    a word swapped for another ("långfristiga" for "kortfristiga" is another line, not a slip)?
    Labels of different word counts (words run together or split) are judged as a whole."""
    words, other = key.split(), synonym_key.split()
    if len(words) != len(other):
        return True
    return all(a == b or _slip_of(a, b) for a, b in zip(words, other))


def _slip_of(word: str, other: str) -> bool:
    """Is `word` `other` damaged? Two changes always pass; up to a quarter of a long word passes only
    when `word` itself is no word the lexicon knows: OCR leaves no real word behind, and a known
    compound three or more changes off is another line ("exploateringsverksamheten", six changes
    from "investeringsverksamheten")."""
    changes = Levenshtein.distance(word, other)
    if changes <= 2:
        return True
    return changes <= len(other) // 4 and not get_lexicon().candidates(strip_key(word))


def slug(label: str) -> str:
    s = unicodedata.normalize("NFKD", label)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = regex.sub(r"[^a-z0-9]+", "_", s).strip("_")
    return s[:60].rstrip("_") or "rad"


@lru_cache(maxsize=1)
def canonical_items() -> frozenset[str]:
    return frozenset(s.item for syns in synonyms().values() for s in syns)


def is_canonical(item: str) -> bool:
    """Does the item come from the synonym table (rather than from a row's own label)?"""
    return item in canonical_items()
