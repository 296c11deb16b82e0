"""Per-initiative money blocks and the domain rules reported as information.

Money blocks ("Beviljade medel 2024 30 000 kr / Förbrukade medel -15 700 kr / Ej förbrukade
medel 14 300 kr") come as statement `budget`, label "<initiative>: <line>". They are tied to
the Driftredovisning row of the same initiative, found by name ("Loksam idéverkstad" ↔
"Loksam"); signs differ between the two (förbrukade printed positive or negative), so
magnitudes are compared.
"""
from __future__ import annotations

import re
from collections import defaultdict

from arsred.normalize.facts import CheckResult, Fact
from arsred.normalize.reconcile.checks import CheckDef, Context, fmt_sek, fold, holds, result

BLOCK_ITEMS = {"bu.beviljade_medel": "beviljade", "bu.forbrukade_medel": "forbrukade",
               "bu.ej_forbrukade_medel": "ej_forbrukade"}
# which Driftredovisning columns each block line corresponds to, in order of preference
DR_COLUMNS = {"forbrukade": ("utfall_kostnad", "utfall_netto", "utfall"),
              "ej_forbrukade": ("avvikelse",),
              "beviljade": ("budget_netto", "budget")}
STOP = {"pa", "med", "och", "till", "fran", "for", "av", "i", "the", "insats", "insatser", "projekt",
        "verksamhet", "samt", "extra", "nya"}


def _blocks(ctx: Context) -> dict[tuple[str, int], dict[str, Fact]]:
    out: dict[tuple[str, int], dict[str, Fact]] = defaultdict(dict)
    for f in ctx.facts:
        kind = BLOCK_ITEMS.get(f.item)
        if f.statement != "budget" or kind is None or ":" not in f.label:
            continue
        initiative = f.label.rsplit(":", 1)[0].strip()
        out[(initiative, f.period)].setdefault(kind, f)  # type: ignore[index]
    return out


def run_money_block(check: CheckDef, ctx: Context) -> list[CheckResult]:
    out = []
    for (initiative, period), lines in sorted(_blocks(ctx).items()):
        if len(lines) < 3:
            continue
        b, u, e = lines["beviljade"], lines["forbrukade"], lines["ej_forbrukade"]
        value = abs(b.value_sek) - abs(u.value_sek)
        tol = b.tolerance_sek + u.tolerance_sek
        ok = holds(abs(e.value_sek), e.tolerance_sek, value, tol)
        msg = (f"{initiative}: ej förbrukade {fmt_sek(e.value_sek)} {'=' if ok else '≠'} beviljade "
               f"{fmt_sek(b.value_sek)} - förbrukade {fmt_sek(abs(u.value_sek))} = {fmt_sek(value)}")
        out.append(result(ctx, check, "budget", period, "avvikelse", "pass" if ok else "fail", msg,
                          expected=value, actual=abs(e.value_sek), tolerance=tol + e.tolerance_sek,
                          facts=[e, b, u]))
    return out


def _tokens(text: str) -> set[str]:
    return {t for t in re.split(r"[^a-z0-9]+", fold(text)) if len(t) >= 3 and t not in STOP}


def _match_row(initiative: str, rows: dict[str, list[Fact]]) -> tuple[str | None, str]:
    """The Driftredovisning row of an initiative: the row whose significant words best cover the
    shorter of the two names (a word or a word start; at least two thirds of them, so an OCR-garbled
    word does not lose the match); exactly one row may score best."""
    want = _tokens(initiative)
    scored = []
    for label in rows:
        have = _tokens(label)
        if not want or not have:
            continue
        small, big = (want, have) if len(want) <= len(have) else (have, want)
        hit = sum(any(b == s or (len(s) >= 5 and b.startswith(s)) or (len(b) >= 5 and s.startswith(b))
                      for b in big) for s in small)
        if hit and hit / len(small) >= 2 / 3:
            scored.append((hit / len(small), hit, label))
    if not scored:
        return None, f"no Driftredovisning row named like {initiative!r}"
    top = max(s[:2] for s in scored)
    hits = [s[2] for s in scored if s[:2] == top]
    if len(hits) == 1:
        return hits[0], ""
    return None, f"{initiative!r} matches several Driftredovisning rows: {', '.join(hits)}"


def run_money_block_vs_dr(check: CheckDef, ctx: Context) -> list[CheckResult]:
    out: list[CheckResult] = []
    blocks = _blocks(ctx)
    if not blocks:
        return out
    dr_rows: dict[int, dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for (st, _t), facts in sorted(ctx.tables.items()):
        if st == "driftredovisning":
            for f in facts:
                if not f.is_total:
                    dr_rows[f.period][f.label].append(f)  # type: ignore[index]
    for (initiative, period), lines in sorted(blocks.items()):
        label, reason = _match_row(initiative, dr_rows.get(period, {}))
        for kind, f in sorted(lines.items()):
            if label is None:
                out.append(result(ctx, check, "budget", period, f.column, "skipped",
                                  f"{initiative}: {reason or 'no Driftredovisning for ' + str(period)}", facts=[f]))
                continue
            row = dr_rows[period][label]
            dr = next((d for c in DR_COLUMNS[kind] for d in row if d.column == c), None)
            if dr is None:
                out.append(result(ctx, check, "budget", period, f.column, "skipped",
                                  f"{initiative}: Driftredovisning {label} has no {DR_COLUMNS[kind][0]}", facts=[f]))
                continue
            ok = holds(abs(f.value_sek), f.tolerance_sek, abs(dr.value_sek), dr.tolerance_sek)
            msg = (f"{f.label} {fmt_sek(f.value_sek)} {'=' if ok else '≠'} Driftredovisning {label} "
                   f"{dr.column} {fmt_sek(dr.value_sek)} (magnitudes)")
            out.append(result(ctx, check, "budget", period, f.column, "pass" if ok else "fail", msg,
                              expected=abs(dr.value_sek), actual=abs(f.value_sek),
                              tolerance=f.tolerance_sek + dr.tolerance_sek, facts=[f, dr]))
    return out


# --- domain rules: information only (status pass/skipped, severity info) --------------------

def _equity(ctx: Context, period: int) -> tuple[float, list[Fact]] | None:
    f = ctx.get("br.summa_eget_kapital", period)
    if f is not None:
        return f.value_sek, [f]
    parts = [ctx.get("br.arets_resultat", period), ctx.get("br.ovrigt_eget_kapital", period)]
    if all(p is not None for p in parts):
        return sum(p.value_sek for p in parts if p), [p for p in parts if p]
    f = ctx.get("ov.eget_kapital", period)
    return (f.value_sek, [f]) if f is not None else None


def run_ek_ratio(check: CheckDef, ctx: Context) -> list[CheckResult]:
    limit = float(check.params.get("limit", 0.20))
    period = ctx.fiscal_year or max(ctx.periods("rr.verksamhetens_intakter"), default=None)
    if period is None:
        return []
    eq = _equity(ctx, period)
    contrib = ctx.get("rr.verksamhetens_intakter", period) or ctx.get("ov.verksamhetens_intakter", period)
    if eq is None or contrib is None or contrib.value_sek <= 0:
        return [result(ctx, check, check.statement, period, "utfall", "skipped",
                       "eget kapital or medlemsbidrag not found")]
    ratio = eq[0] / contrib.value_sek
    above = ratio > limit
    msg = (f"information: eget kapital {fmt_sek(eq[0])} is {ratio:.0%} of medlemsbidrag "
           f"{fmt_sek(contrib.value_sek)}" + (f", above the recommended {limit:.0%}" if above
                                             else f", within the recommended {limit:.0%}"))
    return [result(ctx, check, check.statement, period, "utfall", "pass", msg, expected=limit * contrib.value_sek,
                   actual=eq[0], facts=[*eq[1], contrib])]


REASON_RE = re.compile(r"synnerliga skal|aterstall|atgardsplan|resultatutjamningsreserv|\bruf?r\b")


def run_balanskrav_reason(check: CheckDef, ctx: Context) -> list[CheckResult]:
    out = []
    for period in ctx.periods("bk.balanskravsresultat"):
        f = ctx.get("bk.balanskravsresultat", period)
        assert f is not None
        if f.value_sek >= 0:
            msg = f"information: balanskravsresultat {fmt_sek(f.value_sek)} is not negative"
        elif any(REASON_RE.search(fold(line.text)) for line in ctx.lines):
            msg = f"information: balanskravsresultat {fmt_sek(f.value_sek)} is negative; the report gives a reason"
        else:
            msg = (f"information: balanskravsresultat {fmt_sek(f.value_sek)} is negative and the report states "
                   "no reason (synnerliga skäl) or plan to restore it")
        out.append(result(ctx, check, check.statement, period, "utfall", "pass", msg, actual=f.value_sek,
                          facts=[f]))
    return out
