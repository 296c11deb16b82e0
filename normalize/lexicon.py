"""Swedish lexicon for text repair: words with frequencies, indexed by their diacritic-free key.

Why a key index: diacritic-stripped text ("Arets", "forbundet") and most OCR confusions
("Sollefted", "6versiktlig") become a lexicon lookup once every word is reduced to the
same key (lowercase, å/ä→a, ö→o, é→e). The candidates behind one key ("ar" → är, år, ar)
are then ranked by frequency and context in `normalize.repair`.

Sources, merged once per process (lazy, cached):
- `wordfreq` Swedish frequencies (Zipf scale, ~340 000 words);
- Debian's `wswedish` list (`/usr/share/dict/swedish`, inflected forms, no frequencies);
- `normalize/data/domain_lexicon.txt`: Finsam and accounting terms, parties, places.
"""
from __future__ import annotations

import bisect
import logging
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

DATA = Path(__file__).parent / "data"
SYSTEM_DICTS = (Path("/usr/share/dict/swedish"),)
DICT_ONLY_ZIPF = 1.0      # a word the dictionary knows but wordfreq does not
DOMAIN_ZIPF = 3.5         # floor for domain words: in this genre they are common
MAX_PER_KEY = 6

_KEY_TABLE = str.maketrans({
    "å": "a", "ä": "a", "à": "a", "á": "a", "â": "a", "ã": "a", "æ": "a",
    "ö": "o", "ø": "o", "ó": "o", "ò": "o", "ô": "o", "õ": "o",
    "é": "e", "è": "e", "ê": "e", "ë": "e",
    "ü": "u", "ú": "u", "ù": "u", "û": "u",
    "í": "i", "ì": "i", "î": "i", "ï": "i",
})


def strip_key(word: str) -> str:
    """Lowercase and drop diacritics, one character for one (offsets stay aligned)."""
    return word.lower().translate(_KEY_TABLE)


_WORD = re.compile(r"[a-zåäöéèêëüúùûíìîïàáâãæøóòôõ]+", re.IGNORECASE)


def _is_word(w: str) -> bool:
    return _WORD.fullmatch(w) is not None


@dataclass(frozen=True)
class Lexicon:
    """Frequencies by lowercase word and candidates by key (best first)."""

    zipf: dict[str, float]
    by_key: dict[str, tuple[tuple[str, float], ...]]
    domain: frozenset[str]
    proper: frozenset[str]      # place and party names: capitalised, they win over common words
    in_dict: frozenset[str]     # words a curated list (wswedish, domain) attests, not just the web
    sorted_words: tuple[str, ...] = ()

    def score(self, word: str) -> float | None:
        """Zipf frequency of a lowercase word, or None if no source knows it."""
        return self.zipf.get(word)

    def candidates(self, key: str) -> tuple[tuple[str, float], ...]:
        return self.by_key.get(key, ())

    def prefix_count(self, prefix: str) -> int:
        """How many known words begin with `prefix` (a compound modifier's productivity)."""
        words = self.sorted_words
        return bisect.bisect_left(words, prefix + "\uffff") - bisect.bisect_left(words, prefix)


def read_word_file(path: Path, proper: set[str] | None = None) -> list[str]:
    """Words from a lexicon text file: one entry a line, '#' comments; a multi-word entry
    ("Region Västernorrland") contributes each of its words. Words under a '## ... (names)'
    heading are also collected into `proper`."""
    words: list[str] = []
    if not path.exists():
        return words
    in_names = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("##"):
            in_names = "(names)" in line
            continue
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        for part in line.replace("-", " ").replace("/", " ").split():
            part = part.strip(".,:;()")
            if _is_word(part):
                w = unicodedata.normalize("NFC", part.lower())
                words.append(w)
                if in_names and proper is not None and part[:1].isupper():
                    proper.add(w)
    return words


def _system_words() -> list[str]:
    out: list[str] = []
    for path in SYSTEM_DICTS:
        if not path.exists():
            log.warning("word list %s missing; repair relies on wordfreq alone", path)
            continue
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        out.extend(w.lower() for w in text.split() if _is_word(w))
    return out


def _wordfreq_words() -> dict[str, float]:
    try:
        import wordfreq
    except ImportError:  # pragma: no cover - wordfreq is a declared dependency
        log.warning("wordfreq not installed; repair has no frequencies")
        return {}
    freqs = wordfreq.get_frequency_dict("sv")
    match, log10 = _WORD.fullmatch, math.log10
    return {w: log10(f) + 9.0 for w, f in freqs.items() if f > 0 and match(w)}


def build_lexicon(extra_files: tuple[Path, ...] = ()) -> Lexicon:
    """Merge all sources; the domain files raise their words to at least DOMAIN_ZIPF."""
    zipf = _wordfreq_words()
    attested = set(_system_words())
    for w in attested:
        zipf.setdefault(w, DICT_ONLY_ZIPF)
    domain: set[str] = set()
    proper: set[str] = set()
    for path in (DATA / "domain_lexicon.txt", *extra_files):
        for w in read_word_file(path, proper):
            domain.add(w)
            zipf[w] = max(zipf.get(w, 0.0), DOMAIN_ZIPF)
    by_key: dict[str, tuple[tuple[str, float], ...]] = {}
    for w, z in sorted(zipf.items(), key=lambda p: -p[1]):
        k = w.translate(_KEY_TABLE)
        have = by_key.get(k)
        if have is None:
            by_key[k] = ((w, z),)
        elif len(have) < MAX_PER_KEY:
            by_key[k] = have + ((w, z),)
    index = by_key
    log.debug("lexicon: %d words, %d keys, %d domain", len(zipf), len(index), len(domain))
    return Lexicon(zipf=zipf, by_key=index, domain=frozenset(domain), proper=frozenset(proper),
                   in_dict=frozenset(attested | domain),
                   sorted_words=tuple(sorted(w for w, z in zipf.items() if z >= 1.0)))


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The process-wide lexicon, built on first use (about a second)."""
    return build_lexicon()
