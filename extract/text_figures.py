"""Amounts a page states outside its tables: key-figure lines and sentences.

A cover or an "i korthet" box prints "Balansomslutning 607,5 mkr" / "Resultat -19,3 mkr"; a
chairman's letter writes "Årets nettoinvesteringar uppgick till 67,4 mkr"; a budget article
lists "• Välfärdsnämnden tilldelas 1 613 miljoner kronor". Each becomes a figure with its label,
period, column and scope — but only when the words leave one reading:

- an amount needs a money unit beside it (mkr, mnkr, miljoner kronor, tkr, kr): counts ("922
  st"), tax rates ("22:24"), percentages, dates and page numbers never have one;
- a key-figure line is a short label (no verb, no digit) and its amount, nothing else;
- a sentence figure needs a subject the item vocabulary knows (normalize/data/items.csv), joined
  to the amount by a link ("blev", "uppgick till", "på") with only filler words between;
  a change, a share, an approximation or an adjusted figure in its clause leaves it out, and
  so does another party (a company, a nämnd) or a comparison just after the amount;
- two figures for one item, period and column that disagree, or that one sentence gives
  without saying which is which, yield nothing;
- a part of the year between a result and its link ("för perioden januari – april") makes it the
  period's result; a deviation from the budget that refers back ("…, vilket är en positiv
  budgetavvikelse på 2,7 mkr", "Det innebär en positiv avvikelse mot budget med …") is the
  deviation of the figure just read; a surplus the organisation reports ("Kommunen redovisar ett
  överskott på …") is its year's result; a later figure of a sentence takes its column from its
  own clause only, and a report on part of the year states no outcome of the whole year;
- a nämnd's surplus ("Socialnämnden har ett prognostiserat överskott på 12,3 mkr") is its deviation in
  the driftredovisning; "jämfört med 36 mkr året innan" after a figure is its comparative; "minskade
  med 100 mkr till 300 mkr" states the new level; "varav 60 mkr avser investeringar i …" a named part;
  a budget document's result in the budget column is its budget line;
- a sign given only in words over an unsigned print ("ett underskott om 43 mkr", "minus 1,3 mkr", "7,2 mkr
  sämre än budget") is read as printed, with the word in `sign_word` and the meaning in `meant_sek` (the
  pipeline's `meant_value_sek`); a word and a printed sign that disagree leave the figure out.

The words are in extract/data/text_figures.toml. The number grammar is extract/amounts.py.
These figures are weaker than a table's: the pipeline reads them only when a document has no
statement table, and marks them `source = text`.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

import regex
import tomllib
from arsred.extract.amounts import MINUS, Amount, is_amount_token, segment
from arsred.extract.document import Line
from arsred.extract.sections import fold
from arsred.normalize.facts import UNITS
from arsred.normalize.items import map_item, synonyms

MAX_RUN = 6                     # tokens of one printed amount: sign, head and four thousands groups
YEAR = regex.compile(r"^(?:19[5-9]\d|20[0-4]\d)$")
DATE = regex.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}(?:\s*-?\s*\d{2,4})?\b")
TOKEN = regex.compile(r"\([^\s()]*\)?|[^\s(]+")
SENTENCE_END = regex.compile(r"[.!?]$")
MARKERS = "•·*▪►‣◦-–—"
HYPHENATED = regex.compile(r"(?<=\p{Ll}\p{Ll})-(?=\p{Ll}\p{Ll})")


@dataclass(frozen=True)
class TextFigure:
    """One amount stated in running text or a key-figure line, with the words it was read from."""

    statement: str
    item: str
    label: str
    label_raw: str
    period: int
    column: str
    scope: str
    amount: Amount
    unit: str
    line: Line
    form: str                    # key_figure | sentence
    sign_word: str = ""          # a negative word over an unsigned print ("ett underskott om 43 mkr"): meant negative

    @property
    def meant_sek(self) -> float:
        """The value in kronor as the words mean it: negative where a sign word says so over an unsigned print."""
        value = _sek(self.amount, self.unit)
        return -abs(value) if self.sign_word else value


@dataclass(frozen=True)
class _Token:
    text: str
    fold: str
    line: Line


@dataclass(frozen=True)
class _Mention:
    start: int                   # first token of the amount (its sign included)
    end: int                     # token after the unit (and after a comparative in parentheses)
    amount: Amount
    unit: str
    comparative: Amount | None
    comparative_year: int | None
    year_before_said: bool = False   # "jämfört med 36 mkr året innan": the comparative's year in words


@lru_cache(maxsize=1)
def words() -> dict:
    with resources.files("arsred.extract").joinpath("data/text_figures.toml").open("rb") as fh:
        data = tomllib.load(fh)
    phrases = {k: [tuple(fold(w).split()) if fold(w) else (w,) for w in v["words"]]
               for k, v in data.items() if isinstance(v, dict) and "words" in v}
    phrases["negative"] = [tuple(fold(w).split()) for w in data["sign_words"]["negative"]]
    phrases["positive"] = [tuple(fold(w).split()) for w in data["sign_words"]["positive"]]
    phrases["meant_negative"] = [tuple(fold(w).split()) for w in data["sign_words"]["meant"]]
    for kind, ws in data["columns"].items():
        phrases[f"column_{kind}"] = [tuple(fold(w).split()) for w in ws]
    units = sorted(((tuple(fold(k).split()), v) for k, v in data["money_units"].items()), key=lambda u: -len(u[0]))
    return {"phrases": phrases, "units": units, "max_words": data["label_stop"]["max_words"],
            "suffixes": data["definite_suffixes"], "count_nouns": set(data["count_nouns"]["words"]),
            "party_suffixes": tuple(data["other_parties"]["suffixes"]),
            "unit_words": {fold(k).split()[-1] for k in data["money_units"]},
            "unit_first": {fold(k).split()[0] for k in data["money_units"]},
            "reference_before_year": set(data["years"]["reference_before"]),
            "amount_first": set(data["amount_first"]["words"]),
            "relative_after": set(data["comparisons"]["relative_after"]),
            "partial_reports": data["partial_reports"], "surplus": data["surplus"],
            "organisation_nouns": set(data["organisations"]["nouns"]),
            "agent_nouns": set(data["organisations"]["nouns"]) | set(data["organisations"]["budget_nouns"]),
            "agent_modifiers": set(data["organisations"]["agent_modifiers"]),
            "budget_document_items": data["budget_documents"]["items"], "unit_surplus": data["unit_surplus"],
            "comparative_after": data["comparative_after"], "change_to": data["change_to"],
            "part_named": data["part_named"],
            "months": set(data["part_year"]["months"]), "part_year": set(data["part_year"]["words"]),
            "part_year_nouns": set(data["part_year"]["nouns"]), "year_end": set(data["part_year"]["year_end"]),
            "part_year_items": data["part_year"]["items"],
            "deviation_compared_items": set(data["deviation_compared_items"]["items"]),
            "link_adverbs": set(data["links"]["adverbs"]),
            "lead_year": {"lines": data["lead_year"]["lines"],
                          "present": [tuple(fold(w).split()) for w in data["lead_year"]["present"]],
                          "other_time": [tuple(fold(w).split()) for w in data["lead_year"]["other_time"]]},
            "key_links": [tuple(fold(w).split()) for w in data["links"]["key_figure"]]}


def _has(seq: Sequence[str], kind: str) -> bool:
    """Does the folded word sequence hold one of the phrases of `kind`?"""
    return any(_find(seq, p) >= 0 for p in words()["phrases"][kind])


def _find(seq: Sequence[str], phrase: tuple[str, ...]) -> int:
    n = len(phrase)
    for i in range(len(seq) - n + 1):
        if tuple(seq[i:i + n]) == phrase:
            return i
    return -1


def _ends_with(seq: Sequence[str], kind: str) -> int:
    """Length of the longest phrase of `kind` that ends `seq` (0 when none does)."""
    return _ending(seq, words()["phrases"][kind])


def _ending(seq: Sequence[str], phrases) -> int:
    """Length of the longest of `phrases` (word tuples) that ends `seq` (0 when none does)."""
    return max((len(p) for p in phrases if 0 < len(p) <= len(seq) and tuple(seq[len(seq) - len(p):]) == p),
               default=0)


def _starts_with(seq: Sequence[str], kind: str) -> int:
    """Length of the longest phrase of `kind` that starts `seq` (0 when none does)."""
    return max((len(p) for p in words()["phrases"][kind] if tuple(seq[:len(p)]) == p), default=0)


def _link_ending(seq: Sequence[str]) -> int:
    """Length of the link that ends `seq`, an adverb inside a link of two words or more included
    ("beräknas alltså till", "uppgick därmed till"; [link_adverbs])."""
    plain = _ends_with(seq, "links")
    for k in range(2, min(len(seq), 5)):
        if seq[len(seq) - k] in words()["link_adverbs"]:
            rest = [*seq[:len(seq) - k], *seq[len(seq) - k + 1:]]
            n = _ends_with(rest, "links")
            if n >= k and n + 1 > plain:
                return n + 1
    return plain


def _fold_token(text: str) -> str:
    core = HYPHENATED.sub("", text.strip("()[]:;,.!?\"'”“"))      # "upp-går", "resul-tat": a word broken at a line end
    return "%" if core == "%" else fold(core)


# ---------------------------------------------------------------- text to pieces

def _paragraphs(lines: Sequence[Line]) -> list[list[Line]]:
    out: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if not line.text.strip():
            if current:
                out.append(current)
            current = []
            continue
        current.append(line)
    if current:
        out.append(current)
    return out


def _tokens(lines: Sequence[Line]) -> list[list[_Token]]:
    """A paragraph's tokens cut into sentences and list items (a bullet, ' - ' before a capital,
    a line that ends with a money unit and starts the next with a capital)."""
    sentences: list[list[_Token]] = []
    current: list[_Token] = []
    for line in lines:
        text = DATE.sub(lambda m: "§" * len(m.group()), line.text)
        toks = [m.group() for m in TOKEN.finditer(text)]
        stripped = line.text.lstrip()
        if current and (stripped[:1] in MARKERS or stripped[:1].isupper() or
                        current[-1].fold in words()["unit_words"]):
            sentences.append(current)
            current = []
        for k, tok in enumerate(toks):
            if tok in MARKERS and (k == 0 or (k + 1 < len(toks) and toks[k + 1][:1].isupper())):
                if current:
                    sentences.append(current)
                current = []
                continue
            if "§" in tok:
                tok = "§"
            current.append(_Token(tok, _fold_token(tok), line))
            if SENTENCE_END.search(tok) and not regex.search(r"\d[.]$|\b(?:bl|t|m|s|ca|kr|resp)\.$", tok.casefold()):
                sentences.append(current)
                current = []
    if current:
        sentences.append(current)
    return sentences


# ---------------------------------------------------------------- amounts

def _unit_at(toks: list[_Token], i: int) -> tuple[str, int] | None:
    """The money unit that starts at token i: (unit, tokens it takes)."""
    if toks[i].fold.split(" ", 1)[0] not in words()["unit_first"]:
        return None
    for phrase, unit in words()["units"]:
        target = " ".join(phrase)
        n = next((c for c in range(1, len(phrase) + 1) if " ".join(t.fold for t in toks[i:i + c]) == target), 0)
        if not n:
            continue
        last = toks[i + n - 1].text.casefold().rstrip(".,;:!?)")
        if not last.endswith(phrase[-1][-2:]):
            continue                              # "mkr/år" folds to "mkr ar": a rate, not an amount
        if phrase == ("miljoner",) and i + 1 < len(toks) and toks[i + 1].fold in words()["count_nouns"]:
            return None
        return unit, n
    return None


def _mentions(toks: list[_Token]) -> list[_Mention]:
    out: list[_Mention] = []
    i = 0
    while i < len(toks):
        hit = _unit_at(toks, i)
        if hit is None:
            i += 1
            continue
        unit, n = hit
        inner = _inner_comparative(toks, i)            # "381 (56) miljoner kronor": the comparative before the unit
        k = i - 1 if inner is not None else i
        while k > 0 and i - k < MAX_RUN and is_amount_token(toks[k - 1].text.rstrip(":")) and \
                not toks[k - 1].text.startswith("(") and not (toks[k - 1].text.endswith(":") and YEAR.match(toks[k - 1].text[:-1])):
            k -= 1
        prev_end = out[-1].end if out else 0
        if k == (i - 1 if inner is not None else i) or k < prev_end:
            i += n
            continue
        run = [t.text for t in toks[k:i - 1 if inner is not None else i]]
        if k > 0 and toks[k - 1].text in ("+", "±", *MINUS):
            k -= 1
            run[0] = toks[k].text + run[0]
        amount = _one_amount(run)
        end = i + n
        comparative, comp_year = inner, None
        closing = toks[end - 1].text.rstrip(".,;:!?")
        if amount is not None and inner is None and not closing.endswith(")") and end < len(toks) and \
                toks[end].text.startswith("("):
            comparative, comp_year, end = _comparative(toks, end)
        said = False
        if amount is not None and inner is None and comparative is None:
            comparative, comp_year, end = _comparative_after(toks, end, unit)
            said = comparative is not None and comp_year is None
        if amount is not None:
            out.append(_Mention(k, end, amount, unit, comparative, comp_year, said))
        i = max(end, i + n)
    return out


def _comparative_after(toks: list[_Token], start: int, unit: str) -> tuple[Amount | None, int | None, int]:
    """'jämfört med 36 mkr året innan', 'att jämföra med 36 mkr 2019' right after a figure ([comparative_after]): the
    comparative figure in the same unit and its year (None: the year before), and the token after it; the clause must
    end there. (None, None, start) for anything else."""
    rule = words()["comparative_after"]
    folded = [t.fold for t in toks[start:start + 12]]
    lead = max((len(p) for p in (tuple(w.split()) for w in rule["leads"]) if tuple(folded[:len(p)]) == p), default=0)
    if not lead:
        return None, None, start
    rest = toks[start + lead:start + 12]
    found = _mentions(rest)
    if not found or found[0].start != 0 or found[0].comparative is not None or found[0].unit != unit:
        return None, None, start
    after = rest[found[0].end:]
    year = None
    tail = [t.fold for t in after]
    n = max((len(p) for p in (tuple(w.split()) for w in rule["previous"]) if tuple(tail[:len(p)]) == p), default=0)
    if not n and tail and YEAR.match(tail[0]):
        year, n = int(tail[0]), 1
    if not n or not (after[n - 1].text.endswith((".", ",", ";", "!", "?")) or n == len(after)):
        return None, None, start
    return found[0].amount, year, start + lead + found[0].end + n


def _inner_comparative(toks: list[_Token], unit_at: int) -> Amount | None:
    """A parenthesised plain amount just before the unit ("(56)", "(-165)"), as the comparative figure."""
    if unit_at < 2:
        return None
    tok = toks[unit_at - 1].text
    if not (tok.startswith("(") and tok.endswith(")")) or not is_amount_token(toks[unit_at - 2].text):
        return None
    return _one_amount([tok[1:-1]])


def _one_amount(run: list[str]) -> Amount | None:
    """The tokens before a unit as one amount; a run that reads as several (a year and a figure,
    "2020 300") is not sure, and yields none."""
    joined = [t for t in run if t]
    if not joined:
        return None
    if YEAR.match(joined[0].lstrip("+-−–")) and (len(joined) > 1 or joined[0] == run[0] and YEAR.match(run[0])):
        return None                                  # "Kassaflödesanalys 2017 tkr": a year over a unit, a header
    cut = segment(joined, None)
    if cut is None or cut[0] is not None or len(cut[1]) != 1 or cut[1][0] is None:
        return None
    amount = cut[1][0]
    if amount.parenthesised:
        return None                                  # "(56) mkr" alone: a comparative, not the figure
    return amount


def _comparative(toks: list[_Token], start: int) -> tuple[Amount | None, int | None, int]:
    """'(56)', '(förra året: 200,9 miljoner)', '(att jämföra med -110 miljoner kronor 2014)' after a
    figure: the comparative figure and its year (None: the year before). Returns the token after it."""
    end = start
    depth_text = []
    while end < len(toks) and end - start < 12:
        depth_text.append(toks[end].text)
        end += 1
        if ")" in toks[end - 1].text:
            break
    else:
        return None, None, start
    inner = " ".join(depth_text)[1:]
    inner = inner[:inner.rfind(")")]
    if "%" in inner or "procent" in inner.casefold():
        return None, None, end          # a share beside the figure, not a comparative
    parts = inner.replace(":", " ").split()
    inner_toks = [_Token(t, _fold_token(t), toks[start].line) for t in parts]
    years, figure_tokens, rest, units_in = [], [], [], set()
    k = 0
    while k < len(inner_toks):
        tok = inner_toks[k]
        hit = _unit_at(inner_toks, k)
        if hit is not None:
            units_in.add(hit[0])
            k += hit[1]
            continue
        if YEAR.match(tok.text):
            years.append(int(tok.text))
        elif is_amount_token(tok.text) or tok.text in ("+", "±", *MINUS):
            figure_tokens.append(tok.text)
        elif tok.fold:
            rest.append(tok.fold)
        k += 1
    comparative_words = {w for p in words()["phrases"]["comparative"] for w in p}
    if any(w not in comparative_words for w in rest) or len(years) > 1 or not figure_tokens or len(units_in) > 1:
        return None, None, end          # a note, words, two years: not a comparative figure
    if figure_tokens[0] in ("+", "±", *MINUS) and len(figure_tokens) > 1:
        figure_tokens = [figure_tokens[0] + figure_tokens[1], *figure_tokens[2:]]
    amount = _one_amount(figure_tokens)
    if amount is None:
        return None, None, end
    return amount, (years[0] if years else None), end


# ---------------------------------------------------------------- readings

def _sign(seq: Sequence[str]) -> int:
    """+1 / -1 from sign words in the words before an amount, 0 for none, None-like 2 for both."""
    neg, pos = _has(seq, "negative"), _has(seq, "positive")
    if neg and pos:
        return 2
    return -1 if neg else (1 if pos else 0)


def _columns_named(seq: Sequence[str]) -> bool:
    return any(_has(seq, f"column_{kind}") for kind in ("avvikelse", "budget", "prognos"))


def _column(seq: Sequence[str], default: str | None) -> str | None:
    if _has(seq, "column_avvikelse"):
        return "avvikelse"
    budget, prognos = _has(seq, "column_budget"), _has(seq, "column_prognos")
    if budget and prognos:
        return None
    return "budget" if budget else ("prognos" if prognos else default)


def _item(statement: str, words_printed: Sequence[str]) -> tuple[str, str] | None:
    """(item, its name) for a subject phrase the vocabulary knows exactly (definite forms too)."""
    phrase = " ".join(words_printed)
    candidates = [phrase]
    last = fold(words_printed[-1])
    for suffix, base in words()["suffixes"].items():
        if last.endswith(suffix) and len(last) > len(suffix) + 3:
            candidates.append(" ".join([*(fold(w) for w in words_printed[:-1]), last[:-len(suffix)] + base]))
    for cand in candidates:
        m = map_item(statement, cand)
        if m.mapped and m.score >= 95 and m.kind != "heading":
            name = next(s.label for s in synonyms()[statement] if s.item == m.item)
            return m.item, name
    return None


def stated_year(lines: Sequence[Line]) -> int | None:
    """The one year the text states as the report's own ("verksamhetsåret 2015", "budgeten för 2023",
    "för år 2024"; [years] stated_by), or None when it states none or several."""
    found = {int(m.group("year")) for line in lines for pat in _stated_patterns()
             for m in pat.finditer(fold(line.text))}
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=2)
def _stated_patterns(key: str = "stated_by") -> list[regex.Pattern]:
    with resources.files("arsred.extract").joinpath("data/text_figures.toml").open("rb") as fh:
        data = tomllib.load(fh)
    year = r"(?P<year>(?:19[5-9]|20[0-4])\d)\b(?!\s+(?:19|20)\d\d)"
    return [regex.compile(pat.replace("YEAR", year)) for pat in data["years"][key]]


def lead_year(lines: Sequence[Line]) -> int | None:
    """The one year a news item's title or lead (its first [lead_year] lines) gives the result it reports
    ("Uddevalla kommuns preliminära resultat för 2017 +91 mkr", "Värnamo kommuns preliminära bokslut för 2021"),
    or None. Weaker than a stated year: only a sentence of that year's outcome takes it (`_of_the_lead_year`)."""
    rule = words()["lead_year"]
    first = [line for line in lines if line.text.strip()][:rule["lines"]]
    found = {int(m.group("year")) for line in first for pat in _stated_patterns("lead_by")
             for m in pat.finditer(fold(line.text))}
    return found.pop() if len(found) == 1 else None


def _of_the_lead_year(folded: Sequence[str]) -> bool:
    """Does a sentence state the outcome of the lead's year: no year of its own, a verb of the present (or 'årets',
    'i år'), and no word of another time or of a forecast ('förra året', 'nästa år', 'prognosen', 'då')?"""
    rule = words()["lead_year"]
    return not any(YEAR.match(w) for w in folded) and \
        any(_find(folded, p) >= 0 for p in rule["present"]) and not any(_find(folded, p) >= 0 for p in rule["other_time"]) \
        and not _has(folded, "column_prognos")


def _other_party(seq: Sequence[str]) -> bool:
    return _has(seq, "other_parties") or any(w.endswith(words()["party_suffixes"]) for w in seq)


def read_text_figures(lines: Sequence[Line], fiscal_year: int | None, doc_type: str | None) -> list[TextFigure]:
    """Every amount the text states with one reading (see the module docstring). `fiscal_year` is the
    year a figure takes when its sentence names none: the report's stated year, or None (then such a
    figure is left out). An amount the text states elsewhere as an approximation in a sentence with the
    item's word ("ett resultat om närmare 99 miljoner") is left out where printed bare: a rounding."""
    if fiscal_year is None:
        fiscal_year = stated_year(lines)
    lead = lead_year(lines) if fiscal_year is None else None
    statement = "budget" if doc_type == "verksamhetsplan_budget" else "oversikt"
    default_column = "budget" if statement == "budget" else "utfall"
    out: list[TextFigure] = []
    approximated: set[tuple[float, str]] = set()    # (kr, a word of the sentence) stated as approximations
    for paragraph in _paragraphs(lines):
        caption: list[str] = []
        last: TextFigure | None = None        # the figure read from the mention just before, if it was read
        for toks in _tokens(paragraph):
            mentions = _mentions(toks)
            year = lead if lead is not None and _of_the_lead_year([t.fold for t in toks]) else fiscal_year
            approximated |= {(_sek(m.amount, m.unit), t.fold) for m in mentions
                             if _ends_with([t.fold for t in toks[:m.start]], "approximations") for t in toks}
            found = []
            for idx, m in enumerate(mentions):
                prev_end = mentions[idx - 1].end if idx else 0
                fig = _key_figure(toks, m, prev_end, statement, default_column, caption, year)
                if fig is None:
                    fig = _sentence_figure(toks, m, prev_end, statement, default_column, year)
                if fig is None and idx:
                    fig = _changed_to(toks, m, mentions[idx - 1], mentions[idx - 2].end if idx > 1 else 0, statement,
                                      default_column, year)
                if fig is None:
                    fig = _named_part(toks, m, prev_end, statement, default_column, year)
                if fig is None:
                    fig = _deviation_figure(toks, m, prev_end, last)
                if fig is None:
                    fig = _compared_deviation(toks, m, prev_end, last)
                if fig is None:
                    fig = _unit_surplus(toks, m, prev_end, year, doc_type)
                if fig and statement == "budget":
                    fig = [_as_budget_line(f) for f in fig]
                if fig and _outcome_not_yet_known(fig[0], doc_type, year):
                    fig = None
                found.extend(fig or [])
                last = fig[0] if fig else None
            if not mentions:
                last = None
            out.extend(_one_reading_per_sentence(found))
            if not found:
                tail = toks[mentions[-1].end:] if mentions else toks
                caption = [t.fold for t in tail if t.fold]
    return _agreeing([f for f in out if (_sek(f.amount, f.unit), fold(f.label).split()[-1]) not in approximated])


def _changed_to(toks, m: _Mention, prev: _Mention, prev_start: int, statement, default_column,
                fiscal_year) -> list[TextFigure] | None:
    """'Låneskulden minskade med 100 miljoner kronor till 300 miljoner kronor': the amount after 'till' is the
    subject's new level ([change_to]); read as the sentence '<subject> uppgick till 300 miljoner kronor' would be."""
    rule = words()["change_to"]
    if [t.fold for t in toks[prev.end:m.start]] != [rule["link"]] or prev.comparative is not None:
        return None
    left = [t.fold for t in toks[prev_start:prev.start]]
    if left[-1:] != [rule["lead"]]:
        return None
    verb = max((len(p) for p in (tuple(v.split()) for v in rule["verbs"])
                if len(p) < len(left) and tuple(left[len(left) - 1 - len(p):-1]) == p), default=0)
    if not verb:
        return None
    k = prev.start - 1 - verb                   # where the verb starts
    line = toks[m.start].line
    link = [_Token("uppgick", "uppgick", line), _Token("till", "till", line)]
    shift = k + len(link) - m.start
    joined = [*toks[:k], *link, *toks[m.start:]]
    moved = replace(m, start=m.start + shift, end=m.end + shift)
    fig = _sentence_figure(joined, moved, prev_start, statement, default_column, fiscal_year)
    if not fig:
        return None
    raw = " ".join(t.text for t in toks[prev_start:m.end])
    return [replace(f, label_raw=raw) for f in fig]


def _named_part(toks, m: _Mention, prev_end: int, statement, default_column, fiscal_year) -> list[TextFigure] | None:
    """'… investeringar på 90 mkr varav 60 mkr avser investeringar i va-verksamheten' ([part_named]): the part's amount
    under its own name, which names the kind of amount the sentence named before (its first word)."""
    rule = words()["part_named"]
    if [t.fold for t in toks[prev_end:m.start]] != [rule["lead"]] or m.comparative is not None:
        return None
    after = toks[m.end:]
    if not after or after[0].fold not in rule["verbs"]:
        return None
    name = []
    for t in after[1:rule["max_words"] + 2]:
        name.append(t)
        if t.text.endswith((".", ",", ";", "!", "?")):
            break
    else:
        if len(after) > len(name) + 1:
            return None                         # the clause goes on past a name's length
    printed = [t.text.strip(".,;:!?") for t in name]
    folded = [t.fold for t in name]
    if not printed or len(printed) > rule["max_words"] or any(regex.search(r"\d", p) for p in printed) or \
            any(_has([w], "label_stop") or _has([w], "links") or w in rule["stop"] for w in folded) or \
            _has(folded, "blockers") or _has(folded, "other_parties") or \
            any(w.endswith(tuple(rule["other_suffixes"])) for w in folded):   # a verksamhet may be a part, no company
        return None
    before = {_base(t.fold) for t in toks[:m.start]}
    if _base(folded[0]) not in before:
        return None                             # "varav 60 mkr avser va-verksamheten": the part's kind is not named
    label = " ".join(printed)
    label = label[:1].upper() + label[1:]
    whole = [t.fold for t in toks if t.fold != rule["lead"]]
    for column, ends in rule["compound_columns"].items():     # "investeringsbudgeten": the budget's part
        if any(w.endswith(tuple(ends)) and not _has([w], f"column_{column}") for w in whole):
            whole.append(next(p[0] for p in words()["phrases"][f"column_{column}"] if len(p) == 1))
    return _figures(m, label, " ".join(t.text for t in toks[m.start - 1:m.end + 1 + len(name)]), statement, whole, [],
                    [], default_column, fiscal_year, toks, "sentence")


def _base(word: str) -> str:
    """A folded word without its definite ending ([definite_suffixes]: "investeringarna" → "investeringar")."""
    for suffix, base in words()["suffixes"].items():
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return word[:-len(suffix)] + base
    return word


def _as_budget_line(fig: TextFigure) -> TextFigure:
    """A budget document's result in the budget column is its budget statement's line ([budget_documents])."""
    item = words()["budget_document_items"].get(fig.item)
    if fig.statement != "oversikt" or fig.column != "budget" or item is None:
        return fig
    return replace(fig, statement="budget", item=item)


def _unit_surplus(toks, m: _Mention, prev_end: int, fiscal_year: int | None,
                  doc_type: str | None) -> list[TextFigure] | None:
    """'Socialnämnden har ett prognostiserat överskott på 12,3 miljoner kronor', '… att kommunstyrelsen redovisar ett
    överskott på 24,5 miljoner kronor', 'Socialnämndens prognos visar ett överskott på 5 mkr': a nämnd's surplus is its
    deviation from its budget ([unit_surplus]); the clause holds the name, the verb (before or after it), the surplus
    and its link, nothing else. In a report on part of the year only a forecast (a [columns] prognos word in the
    sentence) is the year's deviation."""
    rule = words()["unit_surplus"]
    if m.comparative is not None:
        return None
    left = toks[prev_end:m.start]
    folded = [t.fold for t in left]
    if not folded:
        return None
    subject_form = folded[-1] not in rule["links"]      # "Socialnämndens överskott mot budget är 25 mkr"
    pos = len(folded) - (_longest_ending(folded, "subject_links") if subject_form else 1)
    if pos == len(folded):
        return None
    prefix = "subject_" if subject_form else ""
    kinds = {kind: _longest_ending(folded[:pos], prefix + kind) for kind in ("positive", "negative", "neutral")}
    kind, surplus = max(kinds.items(), key=lambda k: k[1])
    printed_sign = m.amount.printed.lstrip()[:1]
    if not surplus or (kind == "positive" and printed_sign in MINUS) or \
            (kind == "negative" and printed_sign in "+±") or (kind == "neutral" and printed_sign not in (*MINUS, "+")):
        return None                             # words and print that disagree, or a deviation with no sign at all
    sign_word = _negative_word(left[pos - surplus:pos]) if kind == "negative" and printed_sign not in MINUS else ""
    if kind == "negative" and printed_sign not in MINUS and not sign_word:
        return None                             # no word of the amount's own sign: not said
    pos -= surplus
    if subject_form:
        span = _unit_name(left, folded, pos, genitive=True)
        q = span[0] if span else 0
    else:
        q, span = _unit_verb_and_name(left, folded, pos)
    if span is None or not _clause_starts_at(left, folded, q):
        return None
    return _unit_surplus_figure(toks, m, prev_end, q, span, sign_word, fiscal_year, doc_type)


def _unit_verb_and_name(left: list[_Token], folded: list[str], pos: int) -> tuple[int, tuple[int, int] | None]:
    """(the clause's first token, the name's span) of '<name> [adverb] <verb>' or '<verb> <name>' ending at `pos`."""
    verb = _longest_ending(folded[:pos], "verbs")
    span = _unit_name(left, folded, pos - verb, adverb=True) if verb else None
    if span is not None:
        return span[0], span
    span = _unit_name(left, folded, pos)          # "Dock redovisar omsorgsnämnden …": the verb first
    if span is None or not _longest_ending(folded[:span[0]], "verbs"):
        return 0, None
    return span[0] - _longest_ending(folded[:span[0]], "verbs"), span


def _unit_surplus_figure(toks, m: _Mention, prev_end: int, q: int, span: tuple[int, int], sign_word: str,
                         fiscal_year: int | None, doc_type: str | None) -> list[TextFigure] | None:
    """The unit's deviation read from its clause (name from `span`, clause from token `q`), if nothing else in the
    sentence makes it a part, a change or a part of the year's."""
    rule = words()["unit_surplus"]
    first, name_end = span
    left = toks[prev_end:m.start]
    folded = [t.fold for t in left]
    total = rule["totals"].get(folded[name_end - 1])
    clause = [w for w in folded[q:] if not (total and w in rule["total_adverbs"])]
    whole = [t.fold for t in toks]
    if _has(clause, "blockers") or not _unit_surplus_ends(toks, m) or \
            any(w in rule["part_year"] or w in words()["months"] for w in whole):
        return None
    if doc_type in words()["partial_reports"]["doc_types"] and not _has(whole, "column_prognos"):
        return None                             # the period's surplus or the year's forecast: not said
    period = _period(toks, m, fiscal_year)
    if period is None:
        return None
    name = " ".join(t.text.strip(",;:()") for t in left[first:name_end])
    if folded[name_end - 1].endswith("s") and not folded[name_end - 1].endswith(tuple(rule["suffixes"])):
        name = name[:-1]                        # "Socialnämndens prognos": the unit is Socialnämnden
    label = total or name[:1].upper() + name[1:]
    item = map_item(rule["statement"], label).item
    return [TextFigure(rule["statement"], item, label, " ".join(t.text for t in toks[prev_end + q:m.end]), period,
                       rule["column"], "entity", m.amount, m.unit, toks[m.start].line, "sentence", sign_word)]


def _unit_name(left: list[_Token], folded: list[str], end: int, genitive: bool = False,
               adverb: bool = False) -> tuple[int, int] | None:
    """(first token, token after the name) of a unit's name that ends at `end` ("kommunstyrelsen", "Barn- och
    utbildningsnämnden"), or of its genitive and a [unit_surplus] subject ("Socialnämndens prognos"), or of its
    genitive alone (`genitive`: "Socialnämndens överskott … är"); the nämnder together by one of `totals`
    ("Nämnderna", "Nämndernas"), with an `adverb` of a total between name and verb when allowed ("nämnderna
    sammantaget visar"); None for none."""
    rule = words()["unit_surplus"]
    if adverb and end >= 2 and folded[end - 1] in rule["total_adverbs"] and folded[end - 2] in rule["totals"]:
        end -= 1
    if end >= 1 and folded[end - 1] in rule["totals"] and folded[end - 1].endswith("s") == genitive:
        return end - 1, end
    subject = 0 if genitive else _longest_ending(folded[:end], "subjects")
    if subject or genitive:
        end -= subject
        if end < 1 or not folded[end - 1].endswith(tuple(s + "s" for s in rule["suffixes"])):
            return None
    elif end < 1 or not folded[end - 1].endswith(tuple(rule["suffixes"])):
        return None
    if folded[end - 1].rstrip("s") in rule["suffixes"]:
        return None                             # "Nämnden redovisar …": no name
    q = end - 1
    while q >= 2 and folded[q - 1] in rule["joiners"] and left[q - 2].text.endswith("-"):
        q -= 2                                  # "Barn- och utbildningsnämnden"
    return q, end


def _longest_ending(seq: Sequence[str], key: str) -> int:
    """Length of the longest [unit_surplus] `key` phrase that ends `seq` (0 when none does)."""
    return _ending(seq, _unit_phrases(key))


def _unit_surplus_ends(toks, m: _Mention) -> bool:
    """Does the amount end its clause, or do [unit_surplus] words follow it (the year or the budget and the clause's
    end, or a new clause)?"""
    if toks[m.end - 1].text.endswith((".", ",", ";", "!", "?")) or m.end >= len(toks):
        return True
    if toks[m.end].fold in words()["unit_surplus"]["after_clauses"]:
        return True
    after = ["YEAR" if YEAR.match(t.fold) else t.fold for t in toks[m.end:m.end + 4]]
    for p in _unit_phrases("after_ends"):
        n = len(p)
        if tuple(after[:n]) == p and (m.end + n >= len(toks) or toks[m.end + n - 1].text.endswith((".", ",", ";", "!", "?"))):
            return True
    return False


def _unit_phrases(key: str) -> list[tuple[str, ...]]:
    return [tuple(w.split()) for w in words()["unit_surplus"][key]]


def _clause_starts_at(left: list[_Token], folded: list[str], q: int) -> bool:
    """Does a clause start at token q: the sentence's start, after a comma or a list marker, after a clause word
    ([clause_starts]) or an adverb that opens a sentence (capitalised: 'Dock', 'Nu')?"""
    if q == 0:
        return True
    prev = left[q - 1].text
    if prev.endswith((",", ";", ":")) or prev in MARKERS or _ends_with(folded[:q], "clause_starts"):
        return True
    return q == 1 and prev[:1].isupper() and prev.isalpha()


def _sek(amount: Amount, unit: str) -> float:
    return float(amount.value * UNITS[unit])


def _negative_word(toks: Sequence[_Token]) -> str:
    """The last [sign_words] word that states a negative sign (`meant`) among `toks`, as printed ("underskott",
    "minus"); "" for none."""
    folded = [t.fold for t in toks]
    for end in range(len(toks), 0, -1):
        n = _ends_with(folded[:end], "meant_negative")
        if n:
            return " ".join(t.text.strip(".,;:!?()") for t in toks[end - n:end])
    return ""


def _only_a_surplus(sign_words: list[str]) -> bool:
    """The words before the link are a surplus ([surplus] words) and an article, nothing else ('ett överskott')."""
    surplus = words()["surplus"]["words"]
    return any(w in surplus for w in sign_words) and all(w in surplus or w in ("ett", "en") for w in sign_words)


def _surplus_of_the_organisation(left: list[_Token], folded: list[str], pos: int, sign_words: list[str]) -> bool:
    """'Kommunen redovisar ett överskott på 45 mkr', 'I år redovisar Region Kalmar län ett överskott på …': a surplus
    ([surplus] words, right before the link) that the organisation itself reports is its year's result."""
    if not _only_a_surplus(sign_words):
        return False
    verb = _ends_with(folded[:pos], "agent_verbs")
    return bool(verb and _is_organisation(left, pos - verb)) or _after_agent_verb(left, pos)


def _passive_report(left: list[_Token], folded: list[str], pos: int, sign_words: list[str]) -> tuple[int, list[_Token]] | None:
    """'För perioden januari–augusti redovisas ett överskott om …': a surplus reported in the passive, whose clause
    before the verb is nothing or 'för' and a part of the year or a year ([passive_verbs], [passive_lead]). Returns where the
    clause starts and the part of the year it names (empty for the whole year); None for any other clause."""
    if not _only_a_surplus(sign_words):
        return None
    verb = _ends_with(folded[:pos], "passive_verbs")
    if not verb:
        return None
    end = pos - verb
    q = end
    while q > 0 and not left[q - 1].text.endswith((".", ";", ":")) and left[q - 1].text not in MARKERS:
        q -= 1
    if not left[q].text[:1].isupper() and q < end:
        return None                   # not the start of a sentence: another clause names the agent
    span = _part_year_at(left, end)
    year = 1 if span == 0 and end > q and YEAR.match(folded[end - 1]) else 0
    lead = tuple(folded[q:end - span - year])
    if lead and lead not in words()["phrases"]["passive_lead"] or lead and not (span or year or lead[-1] in ("aret", "helaret", "perioden")):
        return None
    if lead and lead[-1] == "perioden" and not span:
        return None                   # "för perioden" names no part of the year by itself
    return q, left[end - span:end]


def _outcome_not_yet_known(fig: TextFigure, doc_type: str | None, fiscal_year: int | None) -> bool:
    """A report on part of the year cannot state the year's outcome: its "Kommunen redovisar ett resultat på
    40 mkr" is the period's result, not the year's, and the words do not say so ([partial_reports])."""
    rule = words()["partial_reports"]
    return doc_type in rule["doc_types"] and fig.item in rule["items"] and fig.column == "utfall" and \
        (fiscal_year is None or fig.period >= fiscal_year)


def _key_figure(toks, m: _Mention, prev_end: int, statement, default_column, caption,
                fiscal_year) -> list[TextFigure] | None:
    """'Label amount unit' as a piece of its own: a line, a list item, a ':'- or ','-separated part."""
    start = prev_end
    for j in range(m.start - 1, prev_end - 1, -1):
        if toks[j].text.endswith((",", ";")) or toks[j].text in MARKERS:
            start = j + 1
            break
    after = toks[m.end:]
    first = _amount_first(toks, m, prev_end, statement, default_column, caption, fiscal_year)
    if first is not None:
        return first
    tail_ok = not after or toks[m.end - 1].text.endswith((",", ";", ".")) or after[0].text in MARKERS or \
        (after[0].text.startswith(",") or toks[m.end - 1].text.endswith(":"))
    if not tail_ok:
        return None
    label_toks = toks[start:m.start]
    printed = [t.text.rstrip(",;") for t in label_toks]
    folded = [t.fold for t in label_toks]
    context = list(caption)
    if any(t.endswith(":") for t in printed[:-1]):              # "Bland övriga poster: Räddningstjänst 7 miljoner"
        cut = max(k for k, t in enumerate(printed[:-1]) if t.endswith(":")) + 1
        context += folded[:cut]
        printed, folded = printed[cut:], folded[cut:]
    sign_words = []
    while folded and (_ends_with(folded, "negative") or _ends_with(folded, "positive")):
        n = max(_ends_with(folded, "negative"), _ends_with(folded, "positive"))
        sign_words += folded[-n:]
        printed, folded = printed[:-n], folded[:-n]
    link = max((len(p) for p in words()["key_links"] if tuple(folded[len(folded) - len(p):]) == p), default=0)
    if link and link < len(folded):
        context += folded[-link:]
        printed, folded = printed[:-link], folded[:-link]
    printed = [p.rstrip(":") for p in printed]
    if len(printed) > 1 and YEAR.match(printed[-1]) and map_item(statement, " ".join(printed[:-1])).mapped:
        printed, folded = printed[:-1], folded[:-1]      # "Resultat 2020: 25,3 mkr": a known line and its year
    if not printed or len(printed) > words()["max_words"] or not printed[0][:1].isupper():
        return None                       # a lower-case start continues a sentence: not a line name
    if any(_has([w], "links") or _has([w], "clause_starts") for w in folded if w != "och"):
        return None                       # "Prognosen … bedöms till årets resultat": a sentence, not a label
    if any(regex.search(r"\d", p) or p == "§" for p in printed):
        return None
    if any(_has([w], "label_stop") for w in folded) or _has(folded, "blockers") or _has(folded, "label_stop"):
        return None
    clause = context + folded + sign_words
    if _has(sign_words + folded, "blockers") or _has(context, "caption_blockers"):
        return None                       # "Ökningen består av: • Årlig löneöversyn: 4 000 000 kronor": parts of a change
    if after and _after_blocked(_clause_after(after)) and not after[0].text.startswith(","):
        return None
    label = " ".join(printed).strip(" :-–")
    if not label:
        return None
    if statement != "budget" and folded[-1].endswith(tuple(words()["unit_surplus"]["suffixes"])) and not link and \
            not _columns_named(clause):
        return None                       # "Barn och utbildningsnämnden 13,1 mkr" outside a budget: its surplus or its
        #                                   cost? not said (a budget's "• Kommunstyrelsen 51,6 mnkr" is its frame)
    return _figures(m, label, " ".join(t.text for t in toks[start:m.end]), statement, clause, folded, sign_words,
                    default_column, fiscal_year, toks, "key_figure")


def _until_next_amount(toks: list[_Token], m: _Mention) -> list[_Token]:
    """The tokens after an amount up to the next money amount: "290 mnkr, 90 mnkr bättre än budget" compares
    the second amount, not the first (a percentage between them is no amount: it compares the first)."""
    after = toks[m.end:]
    following = _mentions(after)
    return after[:following[0].start] if following else after


def _clause_after(after: Sequence[_Token]) -> list[str]:
    """The folded words after an amount up to the next amount's clause or the sentence end."""
    out = []
    for t in after[:10]:
        out.append(t.fold)
        if t.text.endswith((".", ";")):
            break
    return [w for w in out if w]


def _amount_first(toks, m: _Mention, prev_end: int, statement, default_column, caption,
                  fiscal_year) -> list[TextFigure] | None:
    """'6 m.kr i medlemsavgift' as a list item or line of its own: the amount, then 'i' and the line name."""
    if m.start != prev_end or m.start != 0 or m.comparative is not None:
        return None
    rest = toks[m.end:]
    if len(rest) < 2 or len(rest) > words()["max_words"] + 1 or rest[0].fold not in words()["amount_first"]:
        return None
    printed = [t.text.rstrip(".,;") for t in rest[1:]]
    folded = [t.fold for t in rest[1:]]
    if any(regex.search(r"\d", p) for p in printed) or not all(p[:1].isalpha() for p in printed):
        return None
    if any(_has([w], "label_stop") or _has([w], "links") or _has([w], "clause_starts") for w in folded) or \
            _has(folded, "blockers") or _has(caption, "caption_blockers"):
        return None
    label = " ".join(printed)
    return _figures(m, label[:1].upper() + label[1:], " ".join(t.text for t in toks[:m.end + len(rest)]),
                    statement, list(caption), folded, [], default_column, fiscal_year, toks, "key_figure")


def _after_blocked(after: Sequence[str]) -> bool:
    """A comparison right after the amount ("36 miljoner, eller 1,3 procentenheter, bättre än målet"); one in a
    relative clause ("10,3 mnkr vilket är lägre än det budgeterade") compares the figure, it does not make it one."""
    return bool(after) and after[0] not in words()["relative_after"] and (any(_find(after[:2], p) == 0 for p in words()["phrases"]["after_blockers"]) or
                            _has(after[:8], "comparisons"))


def _sentence_figure(toks, m: _Mention, prev_end: int, statement, default_column,
                     fiscal_year) -> list[TextFigure] | None:
    """'<subject> <link> <amount>': the subject an item the vocabulary knows, with only filler
    words between it and the link, and only allowed words before it in its clause."""
    left = toks[prev_end:m.start]
    folded = [t.fold for t in left]
    pos = len(folded)
    sign_words: list[str] = []

    def strip_signs() -> None:
        nonlocal pos
        while pos > 0:
            n = max(_ends_with(folded[:pos], "negative"), _ends_with(folded[:pos], "positive"))
            if n == 0 and folded[pos - 1] in ("ett", "en"):
                n = 1
            if n == 0:
                return
            sign_words.extend(folded[pos - n:pos])
            pos -= n

    strip_signs()
    link = _link_ending(folded[:pos])
    pos -= link
    strip_signs()
    passive = _passive_report(left, folded, pos, sign_words)
    surplus = passive is not None or _surplus_of_the_organisation(left, folded, pos, sign_words)
    after_signs = pos
    fillers = 0
    part_year: list[_Token] = []                         # "för perioden januari – april": a part of the year
    while pos > 0 and fillers < 5:
        span = _part_year_at(left, pos)
        if span:
            part_year[:0] = left[pos - span:pos]
            pos -= span
            continue
        n = _ends_with(folded[:pos], "fillers")
        if n == 0 and YEAR.match(folded[pos - 1]):
            n = 1
        if n == 0:
            n = _organisation_name(left, pos)
        if n == 0:
            break
        # a filler that is itself the last word of a subject ("...resultat i ...") is tried as subject first
        if _subject_at(statement, left, pos) is not None:
            break
        if _has(folded[pos - n:pos], "negative") or _has(folded[pos - n:pos], "positive"):
            sign_words.extend(folded[pos - n:pos])      # "är negativt och uppgår till 5 mkr": the sign it gives
        pos -= n
        fillers += 1
    subject = _subject_at(statement, left, pos)
    if surplus and subject is not None and all(w in words()["agent_nouns"] for w in folded[subject[0]:pos]):
        subject = None                                   # "visar budgeten ett överskott": the agent, not a subject
    if subject is None and statement != "oversikt":      # a budget page's sentence about the year's result:
        statement, subject = "oversikt", _subject_at("oversikt", left, pos)
        default_column = None                            # its column only from its own words
    if subject is None and surplus:
        subject = (after_signs, (words()["surplus"]["item"], next(s.label for s in synonyms()["oversikt"]
                                                          if s.item == words()["surplus"]["item"])))
        if statement != "oversikt":
            statement, default_column = "oversikt", None
    if subject is None:
        return None
    start, (item, name) = subject
    if passive is not None and start == after_signs:
        part_year = passive[1]
    if item not in words()["surplus"]["items"] and any(w in words()["surplus"]["words"] for w in sign_words):
        return None                    # "Skatteintäkterna visar ett överskott på …": a deviation, not the item's amount
    if part_year:                      # the result of a part of the year is the period's result, and no other item's
        item = words()["part_year_items"].get(item, "")
        if not item or any(w in words()["year_end"] for t in part_year for w in t.fold.split()):
            return None
        months = [t.text.strip(",;") for t in part_year if t.fold and all(w in words()["months"] for w in t.fold.split())]
        name = next(s.label for s in synonyms()[statement] if s.item == item)
        if len(months) == 2 and len(part_year) == 3 or len(part_year) == 1 and "–" in months[0]:   # a span of months: in the label
            name += " " + "–".join(w for mo in months for w in regex.split(r"[-–]", mo))
    # the words before the subject, back to the clause's start, must all be allowed; a capital
    # subject starts its sentence (or the sentence after a run-in heading)
    p = passive[0] if passive is not None and start == after_signs else start
    while p > 0 and not left[p].text[:1].isupper():
        if left[p - 1].text.endswith((",", ";", ":", ".")) or left[p - 1].text in MARKERS:
            break
        n = _ends_with(folded[:p], "clause_starts")
        if n:
            break
        verb = _ends_with(folded[:p], "agent_verbs")
        if verb and _is_organisation(left, p - verb):
            break                          # "Region Kalmar län redovisar ett resultat på …": the organisation's own
        if _after_agent_verb(left, p):
            break                          # "… redovisar Uppsala kommun ett resultat på …": the same, inverted
        signed = max(_ends_with(folded[:p], "negative"), _ends_with(folded[:p], "positive"))
        if signed:                         # "ett positivt resultat på …": the sign word counts as one
            sign_words.extend(folded[p - signed:p])
            p -= signed
            continue
        n = _organisation_name(left, p, genitive=True)
        if n:                              # "Uddevalla kommuns preliminära resultat för 2019 är …": the organisation's own
            p -= n
            break
        n = _ends_with(folded[:p], "pre_words")
        if n == 0 and YEAR.match(folded[p - 1]):
            n = 1
        if n == 0:
            return None
        p -= n
        if left[p].text[:1].isupper():
            break                          # a sentence (or a run-in heading's sentence) starts here
    in_span = {id(t) for t in part_year}                 # "per den 31 augusti" is no rate: not a blocker's "per"
    whole = [t.fold for t in toks[:m.start] if id(t) not in in_span]
    clause = [w for t, w in zip(left[p:], folded[p:]) if id(t) not in in_span]
    if _has(clause, "blockers") or _other_party(whole) or _has(whole, "blockers"):
        return None
    if _after_blocked(_clause_after(_until_next_amount(toks, m))):
        return None
    if not link and not _has(folded[p:start], "pre_words") and start != pos:
        return None
    own = folded if prev_end else [*whole, *clause]
    if prev_end and not _columns_named(own) and _columns_named(whole[:prev_end]):
        return None           # "… en avvikelse mot budget med 23,5 mnkr, då årets resultat uppgår till …": the
        #                       column words belong to the figure before; this one's column is not said
    scope = None
    if prev_end:              # "Koncernens resultat blev 40 mnkr och kommunens …": the scope of this figure's own words
        scope = "group" if _has(own, "scope_group") else ("entity" if _has(own, "scope_entity") else None)
        if scope is None:
            if _has(whole[:prev_end], "scope_group"):
                return None   # the group named for the figure before: this one's scope is not said
            scope = "entity"
    label_raw = " ".join(t.text for t in toks[prev_end + p:m.end]) if prev_end + p < m.end else name
    return _figures(m, name, label_raw, statement, whole, clause, sign_words, default_column, fiscal_year,
                    toks, "sentence", item=item, column_words=own, scope=scope)


def _part_year_at(left: list[_Token], end: int) -> int:
    """Tokens of a part of the year that end at `end` ("januari – april", "årets första åtta månader"):
    [part_year] words and months, a dash only between them; 0 when none ends there."""
    vocab = words()["part_year"] | words()["months"]
    q = end
    while q > 0 and (all(w in vocab or w.isdigit() and len(w) <= 2 and "DAY" in vocab for w in left[q - 1].fold.split())
                     if left[q - 1].fold else q < end and q > 1 and left[q - 2].fold in words()["months"]):
        q -= 1
    named = {w for t in left[q:end] for w in t.fold.split()}
    return end - q if named & (words()["months"] | words()["part_year_nouns"]) else 0


def _organisation_name(left: list[_Token], end: int, genitive: bool = False) -> int:
    """Words of an organisation's name that end at `end` ("för Tidaholms kommun", "för Region Kalmar län"), or of
    its genitive (`genitive`: "Uddevalla kommuns", "Region Kalmar läns"): capitalised names and then one of
    [organisations] nouns; 0 when none ends there."""
    nouns = words()["organisation_nouns"]
    if end == 0 or (left[end - 1].fold[:-1] not in nouns or not left[end - 1].fold.endswith("s")
                    if genitive else left[end - 1].fold not in nouns):
        return 0
    q = end - 1
    while q > 0 and end - q < 4 and left[q - 1].text[:1].isupper() and left[q - 1].text.isalpha():
        q -= 1
    return end - q if q < end - 1 else 0


def _deviation_figure(toks, m: _Mention, prev_end: int, last: TextFigure | None) -> list[TextFigure] | None:
    """'…uppgår till 87,7 mkr, vilket är en positiv budgetavvikelse på 2,7 mkr' / '… 40,2 mkr. Det innebär en
    positiv avvikelse mot budget med 23,5 mkr': the deviation from the budget of the figure just read (an
    outcome or a forecast), named by [deviations] words that refer back to it and nothing else."""
    if last is None or last.column not in ("utfall", "prognos") or m.comparative is not None:
        return None
    left = [t.fold for t in toks[prev_end:m.start] if t.fold]
    link = _ends_with(left, "links")
    if not link:
        return None
    core = left[:len(left) - link]
    after_comma = not prev_end or toks[prev_end - 1].text.endswith(",")
    refer = words()["phrases"]["deviation_refer_start" if not prev_end else
                               "deviation_refer_back" if after_comma else "deviation_refer_verb"]
    head = max((len(p) for p in refer if tuple(core[:len(p)]) == p), default=0)
    tail = _ends_with(core, "deviation_subjects")
    if not head or not tail or head + tail > len(core):
        return None
    middle = core[head:len(core) - tail]
    if middle and not (_ends_with(middle, "negative") == len(middle) or _ends_with(middle, "positive") == len(middle)):
        return None
    if _after_blocked(_clause_after(toks[m.end:])):
        return None
    sign = _sign(core[head:])                   # "ett underskott mot budgeten": the subject signs it too
    printed_sign = m.amount.printed.lstrip()[:1]
    if sign == 2 or sign < 0 and printed_sign in "+±" or sign > 0 and printed_sign in MINUS:
        return None                   # words and print that disagree
    sign_word = _negative_word(toks[prev_end:m.start]) if sign < 0 and printed_sign not in MINUS else ""
    if sign < 0 and printed_sign not in MINUS and not sign_word:
        return None                   # a negative word that states no sign of the amount itself
    label_raw = " ".join(t.text for t in toks[prev_end:m.end])
    return [TextFigure(last.statement, last.item, last.label, label_raw, last.period, "avvikelse", last.scope,
                       m.amount, m.unit, toks[m.start].line, "sentence", sign_word)]


def _compared_deviation(toks, m: _Mention, prev_end: int, last: TextFigure | None) -> list[TextFigure] | None:
    """'Överskottet för 2006 blev 290 miljoner kronor, 90 miljoner kronor bättre än budget' / '… är 63,2 miljoner.
    Det är 44,3 miljoner utöver det budgeterade resultatet': the deviation of the result just read, stated as a
    comparison after its amount ([deviation_compared_*]); printed unsigned: above the budget as printed, below it
    ('7,2 mnkr sämre än budget') meant negative, the words beside the printed figure."""
    if last is None or last.column not in ("utfall", "prognos") or m.comparative is not None or \
            last.item not in words()["deviation_compared_items"]:
        return None
    left = [t.fold for t in toks[prev_end:m.start] if t.fold]
    if left:
        if _starts_with(left, "deviation_compared_refer") != len(left):
            return None
    elif not (prev_end and toks[prev_end - 1].text.endswith(",")):
        return None
    after = _clause_after(toks[m.end:])
    above, below = _starts_with(after, "deviation_compared_above"), _starts_with(after, "deviation_compared_below")
    if bool(above) == bool(below):
        return None
    if not _starts_with([w.rstrip(".,;") for w in after[above or below:]], "deviation_compared_budget"):
        return None
    if m.amount.printed.lstrip()[:1] in (*MINUS, "+", "±"):
        return None                   # a signed difference: which way it goes is not said twice the same way
    sign_word = " ".join(t.text.strip(".,;:!?") for t in toks[m.end:m.end + below]) if below else ""
    label_raw = " ".join(t.text for t in toks[prev_end:m.end + (above or below) + 3])
    return [TextFigure(last.statement, last.item, last.label, label_raw, last.period, "avvikelse", last.scope,
                       m.amount, m.unit, toks[m.start].line, "sentence", sign_word)]


def _after_agent_verb(left: list[_Token], end: int) -> bool:
    """Do the words before `end` name an organisation right after an agent verb ("redovisar Uppsala kommun")?"""
    nouns = words()["agent_nouns"]
    q = end
    while q > 0 and end - q < 5 and ((left[q - 1].text[:1].isupper() and left[q - 1].text.isalpha())
                                     or left[q - 1].fold in nouns):
        q -= 1
    agent = left[q:end]
    return bool(agent) and any(t.fold in nouns for t in agent) and q > 0 and \
        bool(_ends_with([t.fold for t in left[:q]], "agent_verbs"))


def _is_organisation(left: list[_Token], verb: int) -> bool:
    """Do the words before the verb, back to the clause's start, name an organisation: capitalised
    names and organisation nouns ("Region Kalmar län", "Uppsala kommun", "Kommunen")?"""
    start = verb
    while start > 0 and not left[start - 1].text.endswith((",", ";", ":", ".")) and left[start - 1].text not in MARKERS:
        start -= 1
    agent = left[start:verb]
    if not 0 < len(agent) <= 6:
        return False
    nouns = words()["agent_nouns"]
    genitives = {n + "s" for n in words()["organisation_nouns"]}
    modifiers = words()["agent_modifiers"]

    def part(t: _Token) -> bool:    # "Värnamo kommuns preliminära bokslut för 2021": a name, its genitive, a modifier
        return (t.text[:1].isupper() and t.text.isalpha()) or t.fold in nouns or t.fold in genitives or \
            t.fold in modifiers or (bool(YEAR.match(t.fold)) and "YEAR" in modifiers)
    return all(part(t) for t in agent) and any(t.fold in nouns for t in agent) or \
        (len(agent) == 1 and agent[0].fold in nouns)


def _subject_at(statement: str, left: list[_Token], end: int) -> tuple[int, tuple[str, str]] | None:
    """The longest known item phrase that ends at `end` (up to six words)."""
    for n in range(min(6, end), 0, -1):
        printed = [t.text.strip(",;:()") for t in left[end - n:end]]
        if any(not p or regex.search(r"\d", p) for p in printed):
            continue
        joined = [HYPHENATED.sub("", p) for p in printed]         # "årets resul-tat" broken at a line end
        hit = _item(statement, printed) or (_item(statement, joined) if joined != printed else None)
        if hit is not None:
            return end - n, hit
    return None


def _figures(m: _Mention, label: str, label_raw: str, statement: str, context: Sequence[str],
             clause: Sequence[str], sign_words: Sequence[str], default_column: str | None, fiscal_year: int | None,
             toks: list[_Token], form: str, item: str | None = None,
             column_words: Sequence[str] | None = None, scope: str | None = None) -> list[TextFigure] | None:
    """The figure (and its comparative) with column, scope, sign and period from its words; the column
    from `column_words` when given (a later figure's own clause), else from context and clause."""
    column = _column([*context, *clause] if column_words is None else column_words, default_column)
    if column is None:
        return None
    if scope is None:
        scope = "group" if _has([*context, *clause], "scope_group") else "entity"
    amount = m.amount
    sign = _sign(sign_words)
    if sign == 2:
        return None
    printed_sign = amount.printed.lstrip()[:1]
    sign_word = ""
    if sign and printed_sign in MINUS + "+±":
        if (sign < 0) != (printed_sign in MINUS):
            return None                          # "positivt -3 mkr": the words and the sign disagree
    elif sign < 0:           # "ett underskott på 4,1 mnkr": printed unsigned, meant negative; value_sek stays
        if not _has(sign_words, "meant_negative"):          # as printed, the word carries the sign
            return None                      # "Skatteintäkterna backar 12 mkr": a change, not the amount's sign
        sign_word = _negative_word(toks[:m.start]) or " ".join(sign_words)
    period = _period(toks, m, fiscal_year)
    if period is None:
        return None
    item = item or map_item(statement, label).item
    line = toks[m.start].line
    out = [TextFigure(statement, item, label, label_raw, period, column, scope, amount, m.unit, line, form, sign_word)]
    if m.comparative is not None:
        if sign_word and m.comparative.printed.lstrip()[:1] not in MINUS + "+±":
            return None          # "ett underskott på 4 mkr (2)": is the comparative a deficit too? not said
        out.append(TextFigure(statement, item, label, label_raw, m.comparative_year or period - 1, column, scope,
                              m.comparative, m.unit, line, form))
    return out


def _period(toks: list[_Token], m: _Mention, fiscal_year: int | None) -> int | None:
    """The one year the sentence names (outside a comparative), else the document's year; a
    sentence naming several years gives its figure the year printed right beside it, or none."""
    outside = toks[:m.start] + toks[m.end:]
    years = {int(t.fold) for k, t in enumerate(outside) if YEAR.match(t.fold) and not _reference_year(outside, k)}
    if not years and any(YEAR.match(t.fold) for t in outside):
        return None            # "jämfört med 2021", "2023 års nivå": only a reference year, the period is not said
    if m.comparative is not None and m.comparative_year is None and not m.year_before_said and \
            any(YEAR.match(t.fold) for t in outside):
        return None            # "(with 2018's figures in parentheses)": which year is which is not ours to guess
    if len(years) <= 1:
        return years.pop() if years else fiscal_year
    near = [int(t.fold) for t in toks[max(0, m.start - 3):m.start] + toks[m.end:m.end + 3] if YEAR.match(t.fold)]
    return near[0] if len(set(near)) == 1 else None


def _reference_year(toks: list[_Token], k: int) -> bool:
    """'2023 års nivå', 'sedan 2010': a year the sentence refers to, not the figure's period."""
    nxt = toks[k + 1].fold if k + 1 < len(toks) else ""
    prev = toks[k - 1].fold if k else ""
    return nxt == "ars" or prev in words()["reference_before_year"]


def _one_reading_per_sentence(found: list[TextFigure]) -> list[TextFigure]:
    """A sentence that gives one item two amounts for the same period and column does not say which
    is which: neither is kept."""
    keys = [(f.item, f.period, f.column, f.scope) for f in found]
    return [f for f, k in zip(found, keys) if keys.count(k) == 1]


def _agreeing(figures: list[TextFigure]) -> list[TextFigure]:
    """The same figure stated twice is kept once; two different amounts for one item, period, column
    and scope leave both out (the text does not settle which one is right)."""
    groups: dict[tuple, list[TextFigure]] = {}
    for f in figures:
        groups.setdefault((f.statement, f.item, f.period, f.column, f.scope), []).append(f)
    out = []
    for f in figures:
        group = groups[(f.statement, f.item, f.period, f.column, f.scope)]
        if len({g.meant_sek for g in group}) > 1:
            continue
        if group[0] is f:
            out.append(f)
    return out
