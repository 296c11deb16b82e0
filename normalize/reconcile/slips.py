"""Typical OCR/typing slips of one printed figure, as candidate corrections.

A digit doubled or dropped (`7011,12` for `701,12`), a lost minus sign (`256,46` for
`-256,46`), a lost decimal comma (`123630` for `1236,30`), and the glyph confusions
6↔8, 5↔6, 1↔7, 0↔8. Each candidate keeps the figure's unit; its tolerance follows its own
last printed digit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from arsred.normalize.facts import UNITS, Fact

CONFUSIONS = {"6": "85", "8": "60", "5": "6", "1": "7", "7": "1", "0": "8"}
CORE_RE = re.compile(r"^-?\d+(,\d+)?$")


@dataclass(frozen=True)
class Slip:
    printed: str          # the figure as it probably should read
    value_sek: float
    tolerance_sek: float
    reason: str


def _core(printed: str) -> str | None:
    text = printed.strip().replace("\u2212", "-").replace("–", "-")
    text = re.sub(r"[\s\u00a0]", "", text)
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    text = text.rstrip("*")
    return text if CORE_RE.match(text) else None


def _number(core: str) -> tuple[float, int]:
    decimals = len(core.split(",")[1]) if "," in core else 0
    return float(core.replace(",", ".")), decimals


def candidates(fact: Fact) -> list[Slip]:
    core = _core(fact.printed)
    if core is None:
        return []
    number, _ = _number(core)
    factor = abs(fact.value_sek / number) if number else UNITS.get(fact.unit, 1)
    sign = "-" if core.startswith("-") else ""
    body = core.lstrip("-")
    variants: list[tuple[str, str]] = []
    for i in range(len(body) - 1):
        if body[i].isdigit() and body[i] == body[i + 1]:
            variants.append((body[:i] + body[i + 1:], f"digit {body[i]} doubled"))
    for i, ch in enumerate(body):
        if ch.isdigit():
            variants.append((body[:i] + ch + body[i:], f"digit {ch} dropped"))
            for other in CONFUSIONS.get(ch, ""):
                variants.append((body[:i] + other + body[i + 1:], f"{other} read as {ch}"))
    if "," not in body and len(body) >= 3:
        variants.append((body[:-2] + "," + body[-2:], "decimal comma lost"))
    out: dict[float, Slip] = {}
    for new_body, reason in variants:
        if not CORE_RE.match(new_body) or (len(new_body) > 1 and new_body[0] == "0" and new_body[1] != ","):
            continue
        new_core = sign + new_body
        out.setdefault(*_slip(new_core, factor, reason))
    if not sign and number > 0:
        out.setdefault(*_slip("-" + body, factor, "minus sign lost"))
    out.pop(fact.value_sek, None)
    return list(out.values())


def _slip(core: str, factor: float, reason: str) -> tuple[float, Slip]:
    number, decimals = _number(core)
    value = round(number * factor, 6)
    return value, Slip(core, value, 0.5 * factor / 10 ** decimals, reason)
