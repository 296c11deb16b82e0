"""Repair Swedish text damaged by OCR: restore å/ä/ö and undo OCR confusions.

Archived reports were often OCR'd without a Swedish model ("Arets resultat",
"6versiktlig", "Sollefted"). Every word is reduced to a diacritic-free key, its OCR
confusions (`data/ocr_confusions.csv`) expand it into a few alternative keys, and the
lexicon (`normalize.lexicon`) names the real words behind each key; frequency, the cost
of the confusions used and, for the few truly ambiguous words ("ar" → är/år), the
neighbouring words decide. Compounds the lexicon lacks are split against it. Numbers,
abbreviations and words the lexicon cannot place are left as they are.
"""
from __future__ import annotations

import csv
import logging
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from arsred.normalize.lexicon import DATA, Lexicon, get_lexicon, strip_key

log = logging.getLogger(__name__)

__all__ = ["Change", "Repaired", "repair_text", "repair_label", "needs_repair", "damage_score"]

MARGIN = 1.0            # a known word yields only to a candidate this much more frequent (Zipf)
MARGIN_STRIPPED = 0.0   # ... unless the text has lost its å/ä/ö: then frequency decides
DIACRITIC_BONUS = 0.05  # in stripped text the plain form is seen whichever word was meant
MIN_SCORE = 0.5         # an unknown word takes a candidate only if it scores at least this
MAX_VARIANTS = 48
CLEAN_SHARE = 0.08      # share of words with å/ä/ö above which a text counts as clean Swedish
NEEDS_REPAIR_SCORE = 0.04

_DIACRITIC = {"a": ("å", "ä"), "o": ("ö",), "e": ("é",)}
_LETTER = r"[^\W\d_]"
_TOKEN = re.compile(rf"(?:{_LETTER}|[0-9&|](?={_LETTER})|(?<={_LETTER})[0-9&|])+")
_BRACKET_I = re.compile(r"(?m)^([ \t]*)\[(?=[ \t]+[a-zåäö])(?![^\n]*\])")
_YEAR = re.compile(r"(?:19|20)\d\d$")
_SMALL_NUMBER = re.compile(r"\d{1,2}$")
_OPENERS = re.compile(r"[ \t]*[*•\-–(\"'«]+[ \t]*$")
_SENTENCE_END = re.compile(r"(?:^|[.!?:]\s+|\n\s*\n\s*)$")

# Neighbours that make "ar" mean år (by key: diacritics stripped, lowercase).
_YEAR_BEFORE = frozenset(
    "under per varje vart detta samma nasta foregaende innevarande hela forsta andra tredje fjarde "
    "femte sista senaste kommande tidigare tva tre fyra fem sex sju atta nio tio manga flera nagra "
    "ett i inom efter fore varannat budgetaret".split())
# Function words that only English has: a neighbour among them keeps "for", "are" ... as written.
_ENGLISH = frozenset(
    "the of and to is was were with from this that these those its our your their we you they has "
    "have had will which who what been being would should could into about".split())


@dataclass(frozen=True)
class Change:
    """One replaced span; offsets are into the ORIGINAL text."""

    start: int
    end: int
    before: str
    after: str
    reason: str


@dataclass(frozen=True)
class Repaired:
    text: str
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class _Rule:
    pattern: str
    replacement: str
    applies: str        # word | unknown | line_start
    cost: float


@dataclass(frozen=True)
class _Choice:
    """What the lexicon makes of one lowercase token, before mode, context and case.

    `ranked` holds (score, word, reason) for readings other than the token itself, best
    first, where score is Zipf frequency minus the cost of the confusions used.
    """

    token: str
    orig: float | None                      # the token's own Zipf, None if unknown
    ranked: tuple[tuple[float, str, str], ...]
    fallback: str | None = None             # compound or fuzzy reading of an unknown token
    fallback_reason: str = ""
    fallback_parts: tuple[str, ...] = ()    # a compound's parts
    fallback_weakest: float = 0.0           # a compound's least frequent part (Zipf)

    @property
    def known(self) -> bool:
        return self.orig is not None


@lru_cache(maxsize=1)
def _rules() -> tuple[_Rule, ...]:
    """The OCR confusion table, loaded once."""
    with (DATA / "ocr_confusions.csv").open(encoding="utf-8", newline="") as fh:
        return tuple(_Rule(r["pattern"], r["replacement"], r["applies"], float(r["cost"]))
                     for r in csv.DictReader(fh))


# ---------------------------------------------------------------- candidates

@lru_cache(maxsize=2)
def _rules_by_first(known: bool) -> dict[str, tuple[_Rule, ...]]:
    """Word rules by their first character; the 'unknown' ones only for unknown tokens."""
    out: dict[str, list[_Rule]] = {}
    for r in _rules():
        if r.applies == "word" or (r.applies == "unknown" and not known):
            out.setdefault(r.pattern[0], []).append(r)
    return {k: tuple(v) for k, v in out.items()}


def _variants(token: str, known: bool) -> list[tuple[str, float, tuple[tuple[int, int], ...]]]:
    """Alternative keys for a lowercase token under the confusion rules.

    Each variant is (key, cost, spans) where spans[i] is the slice of the key produced by
    token[i] (empty for a character folded into the previous rule match), so a lexicon
    word found under the key can be aligned back to the token for case and offsets.
    """
    by_first = _rules_by_first(known)
    out: list[tuple[str, float, tuple[tuple[int, int], ...]]] = []

    def walk(i: int, key: str, cost: float, spans: tuple[tuple[int, int], ...]) -> None:
        # Runs of characters no rule starts with are copied in one step.
        j = i
        while j < len(token) and token[j] not in by_first:
            j += 1
        if j > i:
            piece = strip_key(token[i:j])
            spans = spans + tuple((len(key) + k, len(key) + k + 1) for k in range(j - i))
            key, i = key + piece, j
        if len(out) >= MAX_VARIANTS or cost > 3.0:
            return
        if i == len(token):
            out.append((key, cost, spans))
            return
        ch = token[i]
        walk(i + 1, key + strip_key(ch), cost, spans + ((len(key), len(key) + 1),))
        for r in by_first[ch]:
            if token.startswith(r.pattern, i):
                rep = strip_key(r.replacement)
                n = len(r.pattern)
                first = (len(key), len(key) + len(rep))
                rest = tuple((len(key) + len(rep), len(key) + len(rep)) for _ in range(n - 1))
                walk(i + n, key + rep, cost + r.cost, spans + (first,) + rest)

    walk(0, "", 0.0, ())
    out.sort(key=lambda v: v[1])
    return out


def _is_restoration(token: str, word: str) -> bool:
    """Only letters gained diacritics (a→å, o→ö, e→é): no other letter changed."""
    return len(token) == len(word) and all(
        a == b or (b in "åäöé" and strip_key(b) == a) for a, b in zip(token, word, strict=False))


def _plausible(token: str, word: str) -> bool:
    """Every changed letter became å/ä/ö/é or replaced a character OCR confuses."""
    if len(token) != len(word):
        return True
    for a, b in zip(token, word, strict=False):
        if a == b:
            continue
        if a in "åäö" or (a.isalpha() and a.isascii() and b not in "åäöé"):
            return False
    return True


def _best_split(key: str, lex: Lexicon) -> tuple[str, float, tuple[str, ...]] | None:
    """Best reading of a compound the lexicon lacks: split its key into known parts.

    Fewest parts win, then the most frequent; a part may end in a linking s
    ("samordnings|förbundets"). Returns (word, weakest part's Zipf, parts) or None.
    """
    n = len(key)
    if n < 6:
        return None
    best: list[tuple[float, str, float, tuple[str, ...]] | None] = [None] * (n + 1)
    best[0] = (0.0, "", 9.0, ())
    for i in range(3, n + 1):
        for j in range(max(0, i - 24), i - 2):
            prev = best[j]
            if prev is None or (j and j < 3):
                continue
            part = _part(key[j:i], lex, last=(i == n))
            if part is None:
                continue
            word, z, fit = part
            cost = prev[0] + 10.0 + (7.0 - min(fit, 7.0)) + (3.0 if i - j <= 3 else 0.0)
            cur = best[i]
            if cur is None or cost < cur[0]:
                best[i] = (cost, prev[1] + word, min(prev[2], z), prev[3] + (word,))
    end = best[n]
    return (end[1], end[2], end[3]) if end else None


def _part(seg: str, lex: Lexicon, last: bool) -> tuple[str, float, float] | None:
    """The reading of one compound part, as (word, Zipf, fit).

    A leading part is judged also by how many words it begins (its productivity as a
    modifier: "åter-" heads hundreds of words, "äter-" few), a final one by frequency.
    """
    for s, tail in ((seg, ""), (seg[:-1], "s")):
        if tail and (last or not seg.endswith("s") or len(seg) < 4):
            continue
        floor = 2.0 if len(s) <= 4 else 0.9
        cands = [c for c in lex.candidates(s) if c[1] >= floor]
        if not cands:
            continue

        def fit(c: tuple[str, float], tail: str = tail) -> float:
            f = c[1] + (0.5 if c[0] in lex.in_dict else 0.0)
            if not last:
                f += 0.7 * math.log10(1 + lex.prefix_count(c[0] + tail))
            return f

        w, z = max(cands, key=fit)
        return w + tail, z, fit((w, z))
    return None


@lru_cache(maxsize=200_000)
def _choose(token: str) -> _Choice:
    """The lexicon's verdict on one lowercase token (context-free; cached)."""
    lex = get_lexicon()
    orig = lex.score(token) if token.isalpha() else None
    known = orig is not None
    scored: dict[str, tuple[float, str]] = {}
    variants = _variants(token, known)
    for key, cost, _ in variants:
        for word, z in lex.candidates(key):
            if word == token or not _plausible(token, word):
                continue
            restoration = cost == 0 and _is_restoration(token, word)
            s = z - cost + (DIACRITIC_BONUS if restoration else 0.0)
            reason = "diacritics" if restoration else "ocr"
            if word not in scored or s > scored[word][0]:
                scored[word] = (s, reason)
    ranked = tuple(sorted(((s, w, r) for w, (s, r) in scored.items()), reverse=True)[:4])
    if known or (ranked and ranked[0][0] >= MIN_SCORE):
        return _Choice(token, orig, ranked)
    for key, cost, _ in variants[:6]:
        split = _best_split(key, lex)
        if split is None:
            continue
        if cost == 0 and split[0] == token:
            return _Choice(token, None, ranked)         # a compound of known words, fine as is
        if split[0] != token and split[1] - cost >= 0.9 and _plausible(token, split[0]):
            return _Choice(token, None, ranked, split[0], "compound" if cost == 0 else "ocr",
                           split[2], split[1])
    if not token.isalpha() or any(c in "é" for c in token):
        fuzzy = _fuzzy(token, lex)
        if fuzzy:
            return _Choice(token, None, ranked, fuzzy, "fuzzy")
    one = _one_edit(token)
    if one:
        return _Choice(token, None, ranked, one, "ocr")
    return _Choice(token, None, ranked)


def _decide(choice: _Choice, stripped: bool, capital_mid: bool, capitalised: bool = False) -> tuple[str, str]:
    """Pick the reading: known words yield only to clearly better evidence."""
    lex = get_lexicon()
    token = choice.token
    if capital_mid:
        for s, w, r in choice.ranked:
            if w in lex.proper and s >= MIN_SCORE:
                return w, r
    orig = choice.orig
    if orig is not None:                                # choice.known
        if not choice.ranked:
            return token, ""
        if capital_mid and orig >= 3.0 and choice.ranked[0][1] not in lex.domain:
            return token, ""                            # a name ("Mats"), not a stripped word
        s, w, r = choice.ranked[0]
        margin = MARGIN_STRIPPED if stripped else MARGIN
        return (w, r) if s >= orig + margin else (token, "")
    if choice.ranked and choice.ranked[0][0] >= MIN_SCORE:
        return choice.ranked[0][1], choice.ranked[0][2]
    if choice.fallback:
        parts = choice.fallback_parts
        if choice.fallback_reason == "compound" and capitalised and not (parts and parts[0] in lex.proper):
            short = len(token) <= 7 and any(len(p) <= 3 and p != strip_key(p) for p in parts)
            if short or (capital_mid and choice.fallback_weakest < 2.5):
                return token, ""                        # an unknown name ("Premicare", "Loksam")
        return choice.fallback, choice.fallback_reason
    return token, ""


@lru_cache(maxsize=1)
def _domain_keys() -> tuple[dict[str, str], list[str]]:
    lex = get_lexicon()
    by_key = {strip_key(w): w for w in sorted(lex.domain) if len(w) >= 6}
    return by_key, list(by_key)


EDIT_MIN_ZIPF = 3.5       # only common words are offered for a one-letter OCR slip
EDIT_MIN_LENGTH = 5
EDIT_MARGIN = 0.5


def _deletions(key: str) -> set[str]:
    return {key} | {key[:i] + key[i + 1:] for i in range(len(key))}


@lru_cache(maxsize=1)
def _edit_index() -> dict[str, tuple[tuple[float, str], ...]]:
    """Common words by every form with one letter deleted (a SymSpell-style neighbourhood)."""
    lex = get_lexicon()
    index: dict[str, list[tuple[float, str]]] = {}
    for word, z in lex.zipf.items():
        if z < EDIT_MIN_ZIPF or len(word) < EDIT_MIN_LENGTH - 1 or not word.isalpha():
            continue
        for form in _deletions(strip_key(word)):
            index.setdefault(form, []).append((z, word))
    return {k: tuple(v) for k, v in index.items()}


def _one_edit(token: str) -> str | None:
    """An unknown word one inserted, dropped or changed letter away from exactly one common word.

    OCR doubles or inserts letters ("PsyKkisk", "hadlsa"); when a single common word is that
    close (and clearly more frequent than any rival) it is the reading; otherwise nothing.
    """
    key = strip_key(token.lower())
    if len(key) < EDIT_MIN_LENGTH or not key.isalpha():
        return None
    from rapidfuzz.distance import Levenshtein

    index = _edit_index()
    found: dict[str, float] = {}
    for form in _deletions(key):
        for z, word in index.get(form, ()):
            if Levenshtein.distance(key, strip_key(word)) <= 1:
                found[word] = max(found.get(word, 0.0), z)
    if not found:
        return None
    ranked = sorted(found.items(), key=lambda item: -item[1])
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < EDIT_MARGIN:
        return None
    return ranked[0][0]


def _fuzzy(token: str, lex: Lexicon) -> str | None:
    """Last resort for long damaged words: the closest domain term, if very close."""
    if len(token) < 7 or not token.isalpha():
        return None
    from rapidfuzz import fuzz, process

    by_key, keys = _domain_keys()
    key = strip_key(token)
    hit = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=90)
    if hit is None or abs(len(hit[0]) - len(key)) > 1:
        return None
    return by_key[hit[0]]


# ---------------------------------------------------------------- context and case

def _context(word: str, choice: _Choice, prev: str | None, nxt: str | None,
             nxt2: str | None) -> str:
    """Settle the words that frequency alone cannot ("ar", "for")."""
    token = choice.token
    if token == "ar" and word in ("är", "år"):
        pk = strip_key(prev) if prev else ""
        if pk in _YEAR_BEFORE or (prev and _SMALL_NUMBER.match(prev)):
            return "år"
        if nxt and _YEAR.match(nxt) and strip_key(nxt2 or "") not in ("kr", "tkr", "mkr", "kronor"):
            return "år"
        return "är"
    if choice.known and word != token:
        for n in (prev, nxt):
            if n and n.lower() in _ENGLISH:
                return token
    return word


def _cased(orig: str, new_lower: str, capital: bool) -> str:
    """Carry the original's case onto the repaired word."""
    letters = [c for c in orig if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return new_lower.upper()
    if len(orig) == len(new_lower):
        out = []
        for i, (o, n) in enumerate(zip(orig, new_lower, strict=False)):
            up = o.isupper() if o.isalpha() else (i == 0 and capital)
            out.append(n.upper() if up else n)
        return "".join(out)
    first = orig[0]
    up = first.isupper() if first.isalpha() else capital
    return (new_lower[:1].upper() if up else new_lower[:1]) + _tail_case(orig, new_lower)


def _tail_case(orig: str, new_lower: str) -> str:
    # Mixed case inside a word of changed length ("SamCoach"-like) is rare; keep lower.
    return new_lower[1:]


def _starts_sentence(text: str, start: int) -> bool:
    before = _OPENERS.sub("", text[max(0, start - 40):start])
    if _SENTENCE_END.search(before):
        return True
    line_start = before.rfind("\n")
    if line_start >= 0 and not before[line_start + 1:].strip():
        prev_line = before[:line_start].rstrip()
        return not prev_line or not (prev_line[-1].isalpha() or prev_line[-1] in ",-")
    return False


def _short_caps(token: str) -> bool:
    return token.isupper() and token.isalpha() and len(token) <= 3


def _caps_word(choice: _Choice) -> bool:
    """A short capitalised token is an abbreviation (NNS, SFI, FK) unless it is plainly a
    stripped common word ("MAL" for MÅL in a heading)."""
    if choice.token in get_lexicon().domain or not choice.ranked:
        return False
    s, w, r = choice.ranked[0]
    return len(choice.token) == 3 and r == "diacritics" and s >= 4.5 and s >= (choice.orig or 0.0)


def _protected(token: str) -> bool:
    """Digit-led codes and numbers are never words to repair."""
    if token.isalpha():
        return False
    letters = sum(c.isalpha() for c in token)
    if any(c.isdigit() for c in token):
        return letters < 2 and not re.fullmatch(r"[A-ZÅÄÖ]4", token)
    return False


# ---------------------------------------------------------------- public API

def _is_clean(tokens: list[str]) -> bool:
    words = [t for t in tokens if len(t) >= 3 and t.isalpha()]
    if len(words) < 8:
        return False
    with_diacritics = sum(1 for w in words if any(c in "åäöÅÄÖ" for c in w))
    return with_diacritics / len(words) >= CLEAN_SHARE


def _repair(text: str, conservative: bool | None = None) -> tuple[Repaired, int, int]:
    """Repair text; also return (words looked at, words judged damaged) for damage_score."""
    matches = list(_TOKEN.finditer(text))
    tokens = [m.group() for m in matches]
    if conservative is None:
        conservative = _is_clean(tokens)
    neighbours = _neighbour_words(text)
    changes: list[Change] = []
    n_words = damaged = 0
    for _idx, m in enumerate(matches):
        tok = m.group()
        if _protected(tok):
            continue
        n_words += 1
        lower = tok.lower()
        choice = _choose(lower)
        if not choice.ranked and not choice.fallback:
            continue                                    # nothing else it could be
        if _short_caps(tok) and not _caps_word(choice):
            continue
        sentence_start = _starts_sentence(text, m.start())
        capital_mid = tok[0].isupper() and not tok.isupper() and not sentence_start
        capitalised = tok[0].isupper()
        word, reason = _decide(choice, not conservative, capital_mid, capitalised)
        strong, _ = _decide(choice, False, capital_mid, capitalised)
        if word == lower and strong == lower and lower != "ar":
            continue
        prev, nxt, nxt2 = neighbours(m.start(), m.end())
        if _context(strong, choice, prev, nxt, nxt2) != lower:
            damaged += 1
        word = _context(word, choice, prev, nxt, nxt2)
        if word == lower or (conservative and tok.isalpha()):
            continue
        if tok[0] == "4" or (tok[-1:] == "4" and nxt is not None and not nxt[:1].islower()):
            continue
        new = _cased(tok, word, sentence_start)
        if new != tok:
            changes.append(Change(m.start(), m.end(), tok, new, reason or "context"))
    for m in _BRACKET_I.finditer(text):
        pos = m.start() + len(m.group(1))
        changes.append(Change(pos, pos + 1, "[", "I", "ocr"))
    changes.sort(key=lambda c: c.start)
    return Repaired(_apply(text, changes), tuple(changes)), n_words, damaged


def _neighbour_words(text: str):
    """A lookup of the previous word-or-number and the next two, around a span."""
    items = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\s()\[\]:;,.!?\"']+", text)]
    starts = [s for s, _, _ in items]
    import bisect

    def around(start: int, end: int) -> tuple[str | None, str | None, str | None]:
        i = bisect.bisect_right(starts, start) - 1
        while i >= 0 and items[i][0] > start:
            i -= 1
        j = i
        while j < len(items) and items[j][1] <= end:
            j += 1
        j = max(j, i + 1)
        prev = items[i - 1][2] if i >= 1 else None
        nxt = items[j][2] if j < len(items) else None
        nxt2 = items[j + 1][2] if j + 1 < len(items) else None
        return prev, nxt, nxt2

    return around


def _apply(text: str, changes: list[Change]) -> str:
    out, pos = [], 0
    for c in changes:
        out.append(text[pos:c.start])
        out.append(c.after)
        pos = c.end
    out.append(text[pos:])
    return "".join(out)


def repair_text(text: str) -> Repaired:
    """Repaired text and every change made (a label, a heading, a goal or a whole page).

    A text that already carries å/ä/ö in many words is treated as clean: only words the
    lexicon does not know are repaired there, so correct Swedish is left byte-identical.
    """
    if len(text) <= 200:
        return _repair_short(text)                 # labels and headings repeat: remember them
    return _repair(text)[0]


@lru_cache(maxsize=20000)
def _repair_short(text: str) -> Repaired:
    return _repair(text)[0]


def repair_label(label: str) -> str:
    """Convenience: the repaired text of a label."""
    return repair_text(label).text


def damage_score(text: str) -> float:
    """Share of the words that look damaged (stripped of å/ä/ö or OCR-confused)."""
    _, n_words, damaged = _repair(text, conservative=False)
    return damaged / n_words if n_words else 0.0


NEEDS_REPAIR_SAMPLE = 40_000     # characters: enough words to judge a document, few enough to be quick


def needs_repair(text: str) -> bool:
    """Is this document diacritic-stripped or OCR-damaged? False for clean Swedish.

    Judged on a sample from the start of the text; a text whose words plainly carry å/ä/ö
    is clean without consulting the lexicon (which then never needs loading).
    """
    return _needs_repair(text[:NEEDS_REPAIR_SAMPLE])


@lru_cache(maxsize=64)
def _needs_repair(sample: str) -> bool:
    if _is_clean(_TOKEN.findall(sample)):
        return False
    _, n_words, damaged = _repair(sample, conservative=False)
    return n_words > 0 and damaged >= 2 and damaged / n_words >= NEEDS_REPAIR_SCORE
