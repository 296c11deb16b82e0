"""Who published the report, what kind it is, and which year it covers."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex
from arsred.extract.document import Line
from arsred.extract.sections import YEAR, Section, fold
from arsred.extract.tables import is_header_line

DOC_TYPES = (  # (folded phrase, doc_type), first match in the opening lines wins
    ("delarsrapport", "delarsrapport"), ("delarsbokslut", "delarsrapport"), ("delarsredovisning", "delarsrapport"),
    ("arsredovisning", "arsredovisning"), ("verksamhetsberattelse", "arsredovisning"),
    ("verksamhetsplan", "verksamhetsplan_budget"), ("budget", "verksamhetsplan_budget"),
)
_NAME = r"[A-ZÅÄÖ][\wåäöéü-]+"
_LINK = r"(?:och|i|län|läns|lan|lans|stad|stads)"
_ORG_AFTER = regex.compile(rf"\b[Ss]amordningsf\w*rbund(?:et)?\s+((?:i\s+)?(?:{_NAME})(?:(?:,\s*|\s+)(?:{_NAME}|{_LINK})){{0,5}})")
_ORG_BEFORE = regex.compile(rf"((?:{_NAME}\s+)(?:(?:{_NAME}|{_LINK})\s+){{0,4}})Samordningsf\w*rbund\b")
_STOP = {"och", "i", "Arbetsförmedlingen", "Försäkringskassan", "Region", "Under", "Det", "Den", "Samordningsförbundet",
         "Årsredovisning", "Arsredovisning", "Verksamhetsplan", "Delårsrapport", "Delarsrapport", "Budget", "Sida",
         "Verksamhetsberättelse", "Styrelse", "Styrelsen", "Förvaltningsberättelse", "Forvaltningsberattelse",
         "Ordförande", "Bildades", "Har", "Är", "Ar", "Finansierar", "Redovisar"}


@dataclass(frozen=True)
class Metadata:
    organisation: str
    doc_type: str
    fiscal_year: int | None
    year_stated: bool = False      # the year is printed as the report's (a title, a statement header,
                                   # "för år 2024"), not only the commonest year of the text


def detect_metadata(lines: list[Line], sections: list[Section]) -> Metadata:
    year, stated = _fiscal_year(lines, sections)
    return Metadata(organisation(lines), doc_type(lines), year, stated)


def doc_type(lines: list[Line]) -> str:
    head = " ".join(fold(line.text) for line in lines[:80])
    best = None
    for phrase, kind in DOC_TYPES:
        pos = head.find(phrase)
        if pos >= 0 and (best is None or pos < best[0]):
            best = (pos, kind)
    return best[1] if best else "arsredovisning"


def fiscal_year(lines: list[Line], sections: list[Section]) -> int | None:
    """Title year ("Årsredovisning 2022"), else the first year column of the statements, else the commonest."""
    return _fiscal_year(lines, sections)[0]


def _fiscal_year(lines: list[Line], sections: list[Section]) -> tuple[int | None, bool]:
    """The year and whether the report states it as its own (False: only the commonest year)."""
    for line in lines[:80]:
        f = fold(line.text)
        m = regex.search(r"(arsredovisning(?:en)?|verksamhetsplan(?: och budget)?|budget|delarsrapport)\D{0,25}((?:19|20)\d\d)", f)
        if m and len(f) < 120:
            return int(m.group(2)), True
    for s in sections:
        if s.kind in ("resultatrakning", "balansrakning", "kassaflodesanalys"):
            for line in s.lines[:8]:
                if is_header_line(line):
                    years = [int(y) for y in YEAR.findall(line.text)]
                    if years:
                        return max(years), True
    for line in lines[:80]:
        m = regex.search(r"\b(?:för|for)\s+(?:år|ar)\s+((?:19|20)\d\d)\b", line.text)
        if m:
            return int(m.group(1)), True
    counts = Counter(int(y) for line in lines for y in YEAR.findall(line.text))
    return (counts.most_common(1)[0][0] if counts else None), False


def organisation(lines: list[Line]) -> str:
    """The most often named 'Samordningsförbundet X' (or 'X Samordningsförbund')."""
    counts: Counter[str] = Counter()
    for line in lines:
        counts.update(_names_in(line.text))
    title = " ".join(line.text.strip() for line in lines[:6])           # a name split over the title lines
    for name in _names_in(title):
        if not any(name in _names_in(line.text) for line in lines[:6]):
            counts[name] += 1
    if not counts:
        return ""
    best, top = counts.most_common(1)[0]
    # a longer form of the commonest name that is also common wins ("… Härnösand Timrå" over "… Härnösand")
    longer = [n for n, c in counts.items() if n != best and n.startswith(best + " ") and c >= max(2, top // 2)]
    return max(longer, key=lambda n: (counts[n], len(n))) if longer else best


def _names_in(text: str) -> list[str]:
    out = []
    for m in _ORG_AFTER.finditer(text):
        name = _trim(m.group(1))
        if name:
            out.append(f"Samordningsförbundet {name}")
    for m in _ORG_BEFORE.finditer(text):
        name = _trim(m.group(1))
        if name and len(name.split()) >= 2:
            out.append(f"{name} Samordningsförbund")
    return out


def _trim(name: str) -> str:
    words = name.split()
    for k, w in enumerate(words):
        if w in _STOP and w not in ("och", "i"):
            words = words[:k]
            break
    while words and words[-1].rstrip(",") in ("och", "i"):
        words.pop()
    if words:
        words[-1] = words[-1].rstrip(",")
    if not words or words[0] in _STOP and words[0] != "i" or words == ["i"]:
        return ""
    return " ".join(words)
