"""Long stored lines -> reading lines: a goal list, heading stack or table that a page's text ran into one line.

Web pages kept as text often lose their line breaks: a heading, its goal list and the
assessment after it end up on one long line ("Finansiella mål Våra finansiella mål bygger på
… • år 2020 uppnå 9 procent • år 2025 uppnå 15 procent Kontroll …"). The goal readers read
lines the way a report prints them, so such a line is cut back into the lines it was made of,
by the marks that opened them and by nothing page-specific:

- **list items**: a bullet (`[prose] bullets` of goal_phrases.toml) or a run of numbered
  items "1. … 2. … 3. …" (numbers counting up from one item to the next);
- **goal headings**: a short heading-shaped run of words naming a goal (`is_goal_heading`:
  "Finansiella mål", "Inriktningsmål 2022") standing where a sentence starts, before the
  sentence it heads — a heading gets a blank line before and after, as printed;
- **labelled rows**: a goal-number label ("Mål 2:", "Målområde 1:1") where a sentence starts;
  a symbol font's glyphs read as lone capital letters ("S A1. … N …", `glyph_letters`);
  a run of upper-case words (a heading); a value label ("Senaste värdet:");
- **table rows**: a trend word glued before a measure's name ("UppAndel …", `[indicator]
  trend_words`) opens a row, and the row's figures up to their period ("5,8% 6% 2022") are a
  line of their own (never inside the header's "Utfall 2021 Utfall 2022"); status cells
  ("Delvis uppfyllt", `[status.cell]`) standing between rows get lines of their own;
- **sentences**: once a line is cut at all, its sentences go on lines of their own (one
  paragraph: no blank line between them). After a list item, a sentence that is not its own
  (no figure, no criterion such as "Målet är uppnått när …") opens a new paragraph, so prose
  after a list never becomes the last item's outcome.

A line with none of the first three marks is left as it is, so ordinary long paragraphs read
exactly as before. Each piece keeps the page and line it came from (`Reading.origin`).
"""
from __future__ import annotations

from dataclasses import dataclass

import regex
from arsred.extract.document import Line
from arsred.extract.goals.structure import LABEL_NUMBER_CLOSE
from arsred.extract.goals.vocabulary import (
    TRAILING_STOPWORDS,
    Phrases,
    fold,
    goal_verdicts,
    is_goal_heading,
    is_goal_word,
)

LONG = 160                  # shorter lines are printed lines, not runs of several ...
SHORT = 40                  # ... unless they hold a list of two items or more
MAX_HEADING_WORDS = 10
CREDIT_WORDS = 3         # words of a name after a picture's credit label ('Foto: Lo Birgersson')
SENTENCE_END = regex.compile(r"(?<=[.!?])\s+(?=[\"”]?\p{Lu})")
NUMBERED = regex.compile(r"(?:^|(?<=\s))(\d{1,2})[.)]\s+(?=[\"”]?\p{Lu})")
GOAL_LABEL = regex.compile(r"(?:^|(?<=\s))(?=\p{Lu}\p{Ll}*m[aå]l(?:område)?\s\d{1,2}(?:[.:]\d{1,2})?[.:]?\s)")
WORD = regex.compile(r"\S+")
# the figures closing a measure's row, up to its period, and the goal text that may follow them
PERIOD = r"(?:(?:\p{Lu}\p{Ll}{2}\s+|(?i:tertial|kvartal)\s+\d\s+)?(?:19|20)\d\d(?:/(?:19|20)\d\d)?)"
FIGURE = r"(?:[-–]?\d[\d\u00a0 ]*(?:[,.]\d+)?\s?(?:%|\p{Ll}{1,3}\b)?)"
VALUES = regex.compile(r"(?<!(?:^|\s)" + FIGURE + r")(?<!\s\p{Lu}\p{Ll}{2}|(?i:tertial|kvartal)\s+\d)\s(?=(?:" + FIGURE
                       + r"\s+)*" + PERIOD + r"(?:\s+\p{Lu}|$))")
VALUES_THEN_TEXT = regex.compile(r"(?<=\s)" + PERIOD + r"(?=\s+\p{Lu}\p{Ll})")
# a sentence after a list item that belongs to it: a criterion or a figure ('Målet är uppnått när … 90 procent')
ITEM_OWN = regex.compile(r"\d|\b(?:nar|ska|skall|minst|hogst|malet|malen|mal|malvarde|riktmarke|uppgar|uppgick)\b")
ITEM_HEAD_WORDS = 5         # a list item this short ...
MIN_TAIL_WORDS = 5          # ... followed by a sentence this long ends where the sentence starts
DASH_LIST = 3               # dashes before a capital this often in one line are list bullets
GLYPH_MIN = 3               # a lone capital letter this often before items is a symbol, not a word
# a run of upper-case words ('D. GOD LIVSMILJÖ OCH LÅNGSIKTIGT HÅLLBAR UTVECKLING'): a heading inside the line
CAPS_HEADING = regex.compile(r"(?:\p{Lu}\.\s)?\p{Lu}{2,}(?:\s+\p{Lu}{2,}){2,}(?=\s|$)")
# words of a running sentence that a heading does not hold ("Förbundets styrelse har som övergripande mål att …")
RUNNING_WORDS = frozenset("ar har ska skall kan blir finns var hade att som".split())


@dataclass(frozen=True)
class Piece:
    text: str
    gap_before: bool = False      # a blank line before it (it opens a paragraph)
    heading: bool = False


def split_line(text: str, ph: Phrases) -> list[Piece] | None:
    """The pieces a long stored line was made of, or None when it holds no list, heading or label mark."""
    t = " ".join(text.split())
    if (tail := _followup_tail(t, ph)) is not None:
        return [Piece(t[:tail].strip(), gap_before=True, heading=True), Piece(t[tail:].strip())]
    if len(t) < SHORT or "\t" in text or "<p>" in text:
        return None     # a table row's cells are read by the table readers
    items = _item_starts(t, ph)
    if len(t) < LONG and len(items) < 2:
        return None     # a printed line; a shorter one is cut only when it lists two items or more
    rows = _trend_rows(t, ph)
    cuts = set(items) | {m.end() for m in SENTENCE_END.finditer(t)
                         if not _after_item_number(t, m.start()) and not _inside(m.end(), rows, strict=True)}
    cuts |= {m.end() for m in regex.finditer(r":\s+", t) if m.end() in items}
    headers = year_headers(t, ph)
    cuts = {c for c in cuts if not any(a < c < b for a, b in headers)}     # 'Indikator 2017 2018 2019' is one line
    bounds = sorted(cuts | {0}) + [len(t)]
    tables = {start for start, _ in headers}      # a table and the goal line over it stand apart
    segments = []
    for a, b in zip(bounds, bounds[1:]):
        seg = t[a:b].strip()
        if a in tables or b in tables:
            segments.append((seg, False, True))
            continue
        tail = _item_tail(seg) if a in items else None
        head = _item_heading(seg, ph) if a in items and tail is None else None
        if head is not None:        # '- Mål Lokala mål - Minst 90 procent …': the item, then the next list's heading
            segments += [(seg[:head].strip(), True, False), (seg[head:].strip(), False, False)]
        elif tail is not None:        # '• Hållbar organisation Målet hållbar … områden:': the item, then a sentence
            segments += [(seg[:tail].strip(), True, False), (seg[tail:].strip(), False, True)]
        elif seg:
            segments.append((seg, a in items, False))
    marked = bool(items)
    pieces: list[Piece] = []
    in_item = False     # the sentences after a list item: its own (a criterion, a figure) until one is not
    for k, (seg, opens_item, after_item) in enumerate(segments):
        nxt = segments[k + 1][0] if k + 1 < len(segments) else ""
        row = bool(regex.match(r"[-−–]?\d", nxt)) and not NUMBERED.match(nxt)     # a figure cell follows: a table row
        if k + 1 < len(segments) and (CAPS_HEADING.fullmatch(seg) or _heading_shaped(seg, ph) and is_goal_heading(seg, ph)):
            pieces.append(Piece(seg, True, True))
            marked, in_item = True, False
            continue
        credit, seg = _credit(seg, ph)
        if credit:
            pieces.append(Piece(credit, True))
        heads, rest = _headings(seg, ph)
        marked = marked or bool(heads)
        pieces += [Piece(h, True, True) for h in heads]
        for j, part in enumerate(p for label in (_labels(rest) if rest else []) for p in _title(label, ph)):
            marked = marked or j > 0
            gap = False
            own = ITEM_OWN.search(fold(part)) and not part.endswith(":") and not _all_goals(part, ph)
            # '… dessa omfattar fem områden:' opens a list; '… vart och ett av de fem målen uppnås delvis' judges them all
            if after_item or not opens_item and not heads and in_item and not own and not row:
                gap, in_item = True, False      # prose after the list, not the last item's own sentence
            pieces.append(Piece(part, gap))
        in_item = opens_item or (in_item and not heads)
    return pieces if marked and len(pieces) > 1 else None


# a capitalised genitive ('• Älvsbyns Kommunföretag AB ska …') names whose the capitalised word after it is: one name
NAME_GENITIVE = regex.compile(r"^\p{Lu}\p{Ll}*[^s\W]s$")
ABBREVIATION = regex.compile(r"\p{Lu}{2,}\b")      # 'Kommunföretag AB ska …': a name's company form, no sentence start


def _item_tail(seg: str) -> int | None:
    """Where a sentence starts after a short list item that has no full stop of its own, or None.

    '• Hållbar organisation Målet hållbar organisation bryts ner i följande områden:' and
    '5. Investeringar - självfinansiering I budget 2020 bedöms …': a capitalised word after the
    item's last word opens a run of words that ends a sentence; the item before it is a few words
    not ending in one that runs on ('… med Region Värmland ska …' is one sentence).
    """
    if regex.search(r"[.!?:;]\s", regex.sub(r"^\S{1,3}\s", "", seg)):      # past its bullet or number
        return None
    for m in regex.finditer(r"(?<=\p{Ll}\s)\p{Lu}", seg):
        head, rest = seg[:m.start()].split(), seg[m.start():]
        if (len(head) <= ITEM_HEAD_WORDS and fold(head[-1]) not in TRAILING_STOPWORDS
                and not NAME_GENITIVE.match(head[-1]) and not ABBREVIATION.match(rest)
                and len(rest.split()) >= MIN_TAIL_WORDS and regex.search(r"[.:!?]$", rest)):
            return m.start()
    return None


def _numbered_run(t: str) -> bool:
    """The line holds a run of numbered items counting up ('1. … 2. …')."""
    runs = list(NUMBERED.finditer(t))
    return any(int(b.group(1)) == int(a.group(1)) + 1 for a, b in zip(runs, runs[1:]))


def _item_heading(seg: str, ph: Phrases) -> int | None:
    """Where a goal heading starts after a short list item ('- Mål Lokala mål'), or None.

    A heading printed between two lists runs into the item before it when line breaks are lost;
    the item is a few words without a full stop, the heading a goal heading after it.
    """
    words = seg.split()
    if len(words) > ITEM_HEAD_WORDS + 1 or regex.search(r"[.!?:;]", seg):
        return None
    for m in regex.finditer(r"(?<=\p{L}\s)\p{Lu}", seg):
        rest = seg[m.start():]
        if _heading_shaped(rest, ph) and is_goal_heading(rest, ph):
            return m.start()
    return None


GOAL_HEAD = regex.compile(r"^(\p{L}+)\s*\d{1,2}\s*[.:)]\s+\p{Lu}[^.!?:;]*\s(\p{L}+)$")


def _followup_tail(t: str, ph: Phrases) -> int | None:
    """'Mål 13. Klimatneutral kommunal organisation senast 2020 Indikatorer': a numbered goal line run into the label
    of the measures listed under it (`[plan] followup_labels`): where the label starts, else None."""
    m = GOAL_HEAD.match(t)
    if m is None or fold(m.group(1)) not in {"mal", *ph.plan_goal_labels}:
        return None
    last = fold(m.group(2))
    return m.start(2) if any(" " not in w and last.startswith(w) for w in ph.plan_followup_labels) else None


def _after_item_number(t: str, end: int) -> bool:
    """'… 1. Den enskildes …', 'S A1. Nacka ska …': the full stop closes a list number or goal code, not a sentence."""
    return bool(regex.search(r"(?:^|\s)(?:\d{1,2}|\p{Lu}{1,2}\d{0,2}(?:\.\d{1,2})*)[.)]$", t[:end]))


def _item_starts(t: str, ph: Phrases) -> set[int]:
    """Where list items start: a bullet, or a number of a run counting up ('1. … 2. … 3. …')."""
    cuts = set()
    for b in ph.bullets:
        if b in "-–":       # a dash inside words and ranges ('2020-2023', 'A - B') is no bullet ...
            dashes = [m.start() for m in regex.finditer(r"(?:^|(?<=\s))" + regex.escape(b) + r"\s(?=[\p{Lu}\d])", t)
                      if not regex.search(r"\d\s$", t[:m.start()]) or not t[m.end():m.end() + 1].isdigit()]
            # ... nor a dash between two figures: a table's empty cell ('63 - 60')
            listed = len(dashes) >= DASH_LIST or len(dashes) >= 2 and t[:dashes[0]].rstrip().endswith(":")
            if listed and not _numbered_run(t):   # ... unless it opens a run of capitalised items, or two after a
            # list's introduction ('Kommunen ska: – Successivt … – Aktivt …'; a list; in a numbered list's items a dash
            # is punctuation: '1. Mål 3: God hälsa – Säkerställa …')
                cuts.update(dashes)
            continue
        for m in regex.finditer(r"(?:^|(?<=\s))" + regex.escape(b) + r"\s", t):
            cuts.add(m.start())
    for letter in _glyph_letters(t, ph):
        cuts.update(m.start() for m in regex.finditer(r"(?:^|(?<=\s))" + letter + r"\s(?=[\p{Lu}\d])", t))
    cuts.update(m.start() for m in CAPS_HEADING.finditer(t) if m.start() > 0 and t[m.start() - 1] == " ")
    trend = "|".join(regex.escape(w.capitalize()) for w in ph.trend_words)
    if trend:   # a planning system's trend word glued before a measure's name ('UppAndel …') opens a row
        rows = [m.start() for m in regex.finditer(r"(?<=\s)(?:" + trend + r")(?=\p{Lu})", t)]
        if len(rows) >= 2:
            cuts.update(rows)
            # a row's figures end in its period ('5,8% 6% 2022', '71% 69% Dec 2022'): the goal after it is a line
            header = _header_spans(t, ph)
            cuts.update(c for c in (m.end() for m in VALUES_THEN_TEXT.finditer(t)) if not _inside(c, header))
            cuts.update(c for c in (m.start() + 1 for m in VALUES.finditer(t)) if not _inside(c, header))
    cells = _status_cells(t, ph)
    if len(cells) >= 2:         # a follow-up table run into the line: a status cell opens and closes its own line
        cuts.update(c for span in cells for c in span)
        cuts.update(c for span in _goal_column_header(t, ph) for c in span)     # and so does its header
        if trend:               # the figures of a row, after its name and unit: 'Upp 148 815 …'
            cuts.update(m.start() for m in regex.finditer(r"(?<=\s)(?:" + trend + r")(?=\s+[-–\d])", t))
    labels = "|".join(regex.escape(w) for w in ph.value_labels + ph.outcome_labels)
    if labels:      # a value's label opens its own line ('… oförändrad Senaste värdet: 88 %')
        folded = fold(t)
        if len(folded) == len(t):
            cuts.update(m.start() for m in regex.finditer(r"(?<=\S\s)(?:" + labels + r")\s*:", folded)
                        if t[m.start()].isupper())
    cuts.update(_indicator_rows(t, ph))
    cuts.update(_year_column_rows(t, ph))
    cuts.update(_labelled_rows(t, ph))
    cuts.update(_target_column_rows(t, ph))
    cuts.update(_target_rows(t, ph))
    cuts.update(_benchmark_cells(t, ph))
    cuts.update(_icon_rows(t, ph))
    labelled, label_spans = _numbered_goal_labels(t, ph)
    cuts = {c for c in cuts if not _inside(c, label_spans, strict=True)} | labelled     # 'Mål 3 - …': the dash is the label's
    runs = list(NUMBERED.finditer(t))
    for a, b in zip(runs, runs[1:]):
        if int(b.group(1)) == int(a.group(1)) + 1:
            cuts.update((a.start(), b.start()))
    cuts.discard(0)
    return cuts


def _indicator_rows(t: str, ph: Phrases) -> set[int]:
    """An indicator table run into the line: its header, each row after its figures, a goal before its first measure.

    'Utfall 2014Utfall 2015Utfall 2016Målvärde 2016' (outcome columns then a benchmark column) is
    the header; after it a row ends where its figures (or its target, 'Minst 75 %') meet a capital
    letter, and a goal sentence ('Nämnden ska öka … inflytande') glued before a measure's name
    ends at the first capitalised word after its goal verb that opens running words
    ('… inflytande Andel kunder …'), not at a name inside it ('… förvaltar Helsingborg Upplevd …').
    """
    folded = fold(t)
    if len(folded) != len(t) or not ph.outcome_columns or not ph.benchmark:
        return set()
    outs = "|".join(regex.escape(w) for w in ph.outcome_columns)
    bench = "|".join(regex.escape(w) for w in ph.benchmark)
    names = "|".join(regex.escape(w) for w in ph.indicator_columns)
    column = r"(?:(?:" + outs + r")(?:\s*(?:19|20)\d\d)?|(?:" + bench + r")(?:\s*(?:19|20)\d\d)?)\s*"
    # an outcome column without its year ('Mått Utfall Målvärde') only after the name column's word
    headers = [h for h in regex.finditer(r"(?:(?:" + names + r")\s+)?(?:" + column + r"){2,}", folded)
               if regex.search(bench, h.group()) and regex.search(outs, h.group())
               and (regex.match(r"(?:" + names + r")\s", h.group())
                    or not regex.search(r"(?:" + outs + r")(?!\s*(?:19|20)\d\d)", h.group()))]
    cuts: set[int] = set()
    verbs = "|".join(regex.escape(v) for v in ph.goal_verbs)
    for n, h in enumerate(headers):
        end = headers[n + 1].start() if n + 1 < len(headers) else len(t)
        start = h.start() if t[h.start()].isupper() else h.start() + regex.match(r"\S+\s+", h.group()).end()
        cuts.update((start, len(h.group().rstrip()) + h.start()))      # a name column's word only when capitalised
        icons = "|".join(regex.escape(w) for w in ph.icon_words) or "(?!)"
        starts = [h.end()] + [m.end() for m in regex.finditer(r"(?<=[\d%](?:\s+(?i:" + icons + r"))?)\s+(?=\p{Lu})",
                                                              t[:end], pos=h.end())]   # '21 20 open Nyetableringar'
        starts = [a for a in starts if not regex.match(r"(?i:" + icons + r")\b", t[a:])]
        cuts.update(starts)
        for a, b in zip(starts, starts[1:] + [end]):
            row = t[a:b]
            verb = regex.search(r"\s(?:" + verbs + r")\s", fold(row)) if verbs else None
            if verb is None or not regex.search(r"\p{L}[-–—]*\d[\d\s,%-–—]*$|\d\s*%?\s*$", row.strip()):
                continue
            for run in regex.finditer(r"(?<=\s)\p{Lu}\S*(?:\s+\p{Lu}\S*)*", row, pos=verb.end()):
                words = list(regex.finditer(r"\S+", run.group()))
                if regex.search(r"\p{L}[-–—]*\d", words[-1].group()):
                    cuts.add(a + run.start())   # the name is all capitalised words: 'Nöjd Inflytande Index404036'
                    break
                if regex.match(r"\s+\p{Ll}", row[run.end():]):
                    cuts.add(a + run.start() + words[-1].start())   # '… Helsingborg Upplevd nöjdhet …'
                    break
    return cuts


YEAR_ROW_CHARS = 200        # a row of an 'Indikator 2017 2018 2019' list is a measure's name and its figures


def year_headers(t: str, ph: Phrases) -> list[tuple[int, int]]:
    """Spans of 'Indikator 2017 2018 2019' headers (capitalised, a capitalised row name after them) in a line."""
    folded = fold(t)
    if len(folded) != len(t) or not ph.indicator_columns:
        return []
    names = "|".join(regex.escape(w) for w in ph.indicator_columns)
    return [h.span() for h in regex.finditer(r"(?<!\S)(?:" + names + r")(?:\s+(?:19|20)\d\d){2,}(?=\s)", folded)
            if t[h.start()].isupper() and regex.match(r"\s+\p{Lu}", t[h.end():])]


def _year_column_rows(t: str, ph: Phrases) -> set[int]:
    """An 'Indikator 2017 2018 2019' list run into the line: its header and each row after its figures.

    The header is an indicator column's name (`[indicator] indicator_columns`, capitalised) over two
    years or more; after it a row ends where its last cell (a figure, '-', a footnote '*') meets a
    capital letter (or a footnote's mark before one). The list ends at the first run that does not end in a cell:
    the prose after it.
    """
    cuts: set[int] = set()
    for start, end in year_headers(t, ph):
        cuts.update((start, end))
        for m in regex.finditer(r"(?<=[\d%*-])\s+(?=\*?\p{Lu})", t, pos=end + 1):   # '*Sammanräkning …': a footnote
            row = t[max(cuts):m.start()].strip()
            if len(row) > YEAR_ROW_CHARS or not regex.search(r"\p{L}.*\s[\d*%,.-]+$", row):
                break
            cuts.add(m.end())
    return cuts


def _target_rows(t: str, ph: Phrases) -> set[int]:
    """A goal table flattened cell after cell into the line: goal labels, header cells, target cells, headings.

    'Resultatmål På lång sikt ska … 2% Investeringsmål … (%) 100% Soliditetsmål Soliditeten ska förbättras
    Kommunfullmäktiges antagna finansiella resultatmål Mnkr År 2018 ResultatmålÅrets resultat ska …':
    two goal labels at least (a capitalised goal word standing before a capital, glued or not, or
    'Koncernmål: soliditet') make it a table; then each label, a unit or year header cell ('Mnkr',
    'År 2018'), a target cell ('12,9', '100 %', 'Mindre än 46,9 mnkr': a figure with its unit that
    ends where a capital, another figure or the line's end follows, not one labelled 'utgångsvärde
    2015: 51,6 mnkr' inside a sentence) and a goal heading closing a cell ('… förbättras
    Kommunfullmäktiges antagna finansiella resultatmål') stand on lines of their own.
    """
    folded = fold(t)
    if len(folded) != len(t):
        return set()
    labels = [m for m in regex.finditer(r"(?:^|(?<=[\s\d%]))(\p{Lu}\p{Ll}{3,})(?::\s*\p{Ll}+(?:\s\p{Ll}+){0,3})?(?=\s*\p{Lu})", t)
              if is_goal_word(fold(m.group(1)), ph) and fold(m.group(1)) not in ph.generic_sections]
    if len(labels) < 2:
        return set()
    cuts = {c for m in labels for c in m.span()}
    units = "|".join(regex.escape(u) for u in sorted(list(ph.money_units) + ["procent"], key=len, reverse=True))
    cells = [m.span() for m in regex.finditer(r"(?<=\s)(?:" + units + r")(?=\s)", folded)
             if t[m.start()].isupper() and regex.match(r"\s+\p{Lu}", t[m.end():])]
    cells += [m.span() for m in regex.finditer(r"(?<=\s)(?:\p{Lu}\p{Ll}{1,7}\s+)?(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?(?=\s+\p{Lu})", t)]
    comps = "|".join(regex.escape(c) for c in ph.comparators if regex.match(r"\p{L}", c))
    number = r"[-−–]?\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d+)?"
    value = regex.compile(r"(?<=\s)(?:(?:" + comps + r")\s+)*(?P<n>" + number + r")\s*(?:%|(?:" + units
                          + r")(?!\p{L}))?(?=\s|$|\p{L})")
    for m in value.finditer(folded):
        start = m.start() if t[m.start()].isupper() or m.start() == m.start("n") else m.start("n")
        nxt = t[m.end():]
        if t[:start].rstrip().endswith(":") or not regex.match(r"\s*(?:$|\p{Lu}|[-−–]?\d)", nxt) \
                or regex.match(r"\p{L}", nxt) and not m.group().endswith("%"):
            continue        # '… utgångsvärde 2015: 51,6 mnkr', '2 % av …': a figure inside a sentence
        cells.append((start, m.end()))
    for a, b in cells:
        cuts.update((a, b))
    bounds = sorted(cuts | {0, len(t)})
    for a, b in zip(bounds, bounds[1:]):      # a goal heading closing a cell: '… förbättras Kommunfullmäktiges antagna … mål'
        seg = t[a:b].rstrip()
        for w in regex.finditer(r"(?<=\p{Ll}\s)\p{Lu}", seg):
            head = seg[w.start():]
            if _heading_shaped(head, ph) and is_goal_heading(head, ph):
                cuts.add(a + w.start())
                break
    cuts.discard(len(t))
    return {c for c in cuts if c < len(t)}


def _target_column_rows(t: str, ph: Phrases) -> set[int]:
    """An 'Indikator | Mål' table run into the line: its two header cells, then each row's name and its target cell.

    'Indikator Mål Andel (%) elever … matematiken. Minst 90 % Medelvärde elever … skolan. 8 Medelvärde …':
    after the header (an indicator column's name, then a goal column's) a target cell is a figure,
    perhaps after a capitalised comparator, between a row's name and the next capitalised name.
    """
    folded = fold(t)
    if len(folded) != len(t):
        return set()
    names = "|".join(regex.escape(w) for w in ph.indicator_columns)
    goals = "|".join(regex.escape(w) for w in ph.col_goal if " " not in w)
    cuts: set[int] = set()
    for h in regex.finditer(r"(?<=^|\s)(?:" + names + r")\s+(?P<goal>" + goals + r")(?=\s)", folded):
        if not (t[h.start()].isupper() and t[h.start("goal")].isupper()):
            continue
        cuts.update((h.start(), h.start("goal"), h.end()))
        comps = "|".join(regex.escape(c.capitalize()) for c in ph.target_prefixes)
        cell = regex.compile(r"(?<=\S)\s+(?P<cell>(?:(?:" + comps + r")\s+)?\d[\d\u00a0 ]*(?:,\d+)?(?:\s?%)?)(?=\s+\p{Lu}|\s*$)")
        for m in cell.finditer(t, pos=h.end()):
            cuts.update((m.start("cell"), m.end("cell")))
    return {c for c in cuts if 0 < c < len(t)}


ICON_ROWS = 2           # an icon's alt text closing rows this often in one line is a table's status column


def _icon_rows(t: str, ph: Phrases) -> set[int]:
    """Rows closed by an icon's alt text run into the line ('… Resultat – årets resultat open Beredskap – finansiell
    reserv open Risk – …'): each row ends after its icon word (`[indicator] icon_words`, standing after a lower-case
    word and before a capital or the line's end). Where every later row is one capitalised word and lower-case
    words, so is the first: the words before its last capital are the header's ('Måluppfyllnad Utveckling jämfört
    med förra året')."""
    icons = "|".join(regex.escape(w) for w in ph.icon_words)
    if not icons:
        return set()
    ends = [m for m in regex.finditer(r"(?<=\p{Ll}\s)(?:" + icons + r")(?=\s+\p{Lu}|\s*$)", t)]
    if len(ends) < ICON_ROWS:
        return set()
    cuts = {m.end() + 1 for m in ends if m.end() < len(t)}
    rows = [t[a.end():b.start()].strip() for a, b in zip(ends, ends[1:])]
    if all(len(regex.findall(r"(?<!\S)\p{Lu}", r)) == 1 and r[:1].isupper() for r in rows):
        first = list(regex.finditer(r"(?<!\S)\p{Lu}", t[:ends[0].start()]))
        if first:
            cuts.add(first[-1].start())
    return {c for c in cuts if 0 < c < len(t)}


def _benchmark_cells(t: str, ph: Phrases) -> set[int]:
    """A goal tree's 'Målvärde' cells run into the line: '• Andelen … ökar. Målvärde 60 • Högre andel … Målvärde 85':
    the label (`[indicator] benchmark`, capitalised) and its bare figure stand on lines of their own, as printed.
    Two such cells at least make it a list; a label inside a sentence ('… med målvärde 60 procent') is none."""
    folded = fold(t)
    if len(folded) != len(t) or not ph.benchmark:
        return set()
    labels = "|".join(regex.escape(w) for w in ph.benchmark if " " not in w)
    found = [m for m in regex.finditer(r"(?<=\s)(?:" + labels + r")\s+(?P<cell>[-−]?\d[\d,]*\s?%?)(?=\s+\S|\s*$)", folded)
             if t[m.start()].isupper() and not regex.match(r"\s+\p{Ll}", t[m.end():])]
    if len(found) < 2:
        return set()
    return {c for m in found for c in (m.start(), m.start("cell"), m.end()) if 0 < c < len(t)}


def _labelled_rows(t: str, ph: Phrases) -> set[int]:
    """Indicators under numbered labels run into the line: each label, each 'Trend:'-style field, the value's end.

    'IndikatorÖM.11.2.1 Andel barn … Trend: Trenden är … Senaste värdet: 88 %2020 Unga som …': two
    numbered labels at least (`[indicator] labels`) make it a list; then the label and its number, any
    'Word:' field and the end of a labelled value (its figure and period) open lines of their own.
    """
    folded = fold(t)
    if len(folded) != len(t) or not ph.indicator_labels:
        return set()
    labels = "|".join(regex.escape(w) for w in ph.indicator_labels)
    found = list(regex.finditer(r"(?:^|(?<=\s))(?:" + labels + r")\s*:?\s*\p{L}{0,4}[\d.]*\d(?=\s)", folded))
    if len(found) < 2:
        return set()
    cuts = {c for m in found for c in m.span()}
    first = found[0].start()
    cuts.update(m.start() for m in regex.finditer(r"(?<=\S\s)\p{Lu}\p{Ll}+(?:\s\p{Ll}+)?:\s", t, pos=first))
    values = "|".join(regex.escape(w) for w in ph.value_labels)
    cuts.update(m.end() for m in regex.finditer(r"(?:" + values + r")\s*:\s*[-–]?\d[\d\s,.]*%?\s*" + PERIOD + r"?(?=\s)",
                                                folded, pos=first) if regex.match(r"\s+\p{Lu}", t[m.end():]))
    return cuts


# 'Mål 1 - ', 'Delmål 2: ' opening a goal; after a list's number ('1. Mål 3: God hälsa …') it is the item's own words
NUMBER_LABEL = regex.compile(r"(?:^|(?<=\s))(?<!(?:^|\s)\d{1,2}[.)]\s)(\p{Lu}\p{Ll}+)\s(\d{1,2})\s?" + LABEL_NUMBER_CLOSE
                           + r"\s")


def _numbered_goal_labels(t: str, ph: Phrases) -> tuple[set[int], list[tuple[int, int]]]:
    """'Mål 1 - … Målet är delvis uppfyllt Mål 2 - … Målet är uppfyllt': goal labels of a run counting up, each opening
    a goal, and the verdict after each goal ('Målet är …', `goal_verdicts`) on a line of its own (closing it, so the
    page furniture after the last one is no part of it). Two labels at least, each the next number.
    -> (the cuts, the labels' spans: a dash inside one is the label's, no bullet)."""
    labels = [m for m in NUMBER_LABEL.finditer(t) if fold(m.group(1)) in {"mal", *ph.plan_goal_labels}]
    run = [m for k, m in enumerate(labels)
           if any(abs(int(m.group(2)) - int(o.group(2))) == 1 and fold(m.group(1)) == fold(o.group(1))
                  for o in labels[max(k - 1, 0):k + 2] if o is not m)]
    if len(run) < 2:
        return set(), []
    cuts = {m.start() for m in run}
    cuts.update(c for a, b in goal_verdicts(t, ph) if a > run[0].start() for c in (a, b))
    return {c for c in cuts if 0 < c < len(t)}, [m.span() for m in run]


def _status_cells(t: str, ph: Phrases) -> list[tuple[int, int]]:
    """Capitalised status cells standing between a table's rows ('… 115 548 Uppfyllt Elever i åk 6 …')."""
    folded = fold(t)
    if len(folded) != len(t):
        return []
    phrases = sorted((p for p in ph.status_cell if len(p) >= 6), key=len, reverse=True)
    pattern = r"(?:^|(?<=\s))(?:" + "|".join(regex.escape(p) for p in phrases) + r")(?=\s|$)"
    return [m.span() for m in regex.finditer(pattern, folded) if t[m.start()].isupper()]


def _goal_column_header(t: str, ph: Phrases) -> list[tuple[int, int]]:
    """'Kommungemensamma mål Nämndens mål Måluppfyllelse': goal columns (a word or two ending in a goal word) closed by
    an assessment column (`[columns] goal`, `assessment`), the header of a follow-up table run into the line."""
    folded = fold(t)
    if len(folded) != len(t):
        return []
    goal = "|".join(regex.escape(w) for w in ph.col_goal if " " not in w)
    assessment = "|".join(regex.escape(w) for w in sorted(ph.col_assessment, key=len, reverse=True))
    pattern = r"(?:^|(?<=\s))(?:(?:\S+\s+)?(?:\w*(?:" + goal + r"))\s+){2,}(?:" + assessment + r")(?=\s|$)"
    return [m.span() for m in regex.finditer(pattern, folded) if t[m.start()].isupper()]


def _header_spans(t: str, ph: Phrases) -> list[tuple[int, int]]:
    """Where a table's header names its outcome columns ('Utfall 2021 Utfall 2022 Utfall 2023'): never cut."""
    words = "|".join(regex.escape(w) for w in ph.outcome_columns)
    return [m.span() for m in regex.finditer(r"(?i:(?:" + words + r")\s+(?:19|20)\d\d\s*){2,}", t)]


def _inside(pos: int, spans: list[tuple[int, int]], strict: bool = False) -> bool:
    return any(a < pos < b if strict else a <= pos <= b for a, b in spans)


def _trend_rows(t: str, ph: Phrases) -> list[tuple[int, int]]:
    """Each measure's name in a table of trend rows: from its trend word to its figures ('UppAndel … slutenvård.
    Avser 65 år och äldre. 8,4% …'); a sentence end inside a name does not cut it."""
    trend = "|".join(regex.escape(w.capitalize()) for w in ph.trend_words)
    starts = [m.start() for m in regex.finditer(r"(?<=\s)(?:" + trend + r")(?=\p{Lu})", t)] if trend else []
    if len(starts) < 2:
        return []
    ends = sorted(m.start() + 1 for m in VALUES.finditer(t))
    return [(a, next((e for e in ends if e > a), a)) for a in starts]


def glyph_letters(texts: list[str], ph: Phrases) -> set[str]:
    """Lone capital letters marking items ('S A1. …', 'N Ranking …'): a symbol font's glyphs read as letters.

    A letter counts when it stands alone before a capitalised word at least GLYPH_MIN times and is
    no one-letter word of the language (`[prose] one_letter_words`: 'I årsredovisningen …').
    """
    counts: dict[str, int] = {}
    for t in texts:
        for m in regex.finditer(r"(?:^|(?<=\s))(\p{Lu})\s(?=[\p{Lu}\d])", t):
            if fold(m.group(1)) not in ph.one_letter_words:
                counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    return {c for c, n in counts.items() if n >= GLYPH_MIN}


def _glyph_letters(t: str, ph: Phrases) -> set[str]:
    return glyph_letters([t], ph)


def _headings(chunk: str, ph: Phrases) -> tuple[list[str], str]:
    """Goal headings glued before the sentence they head: ('Finansiella mål', 'Våra finansiella mål …')."""
    heads: list[str] = []
    rest = chunk
    while True:
        words = list(WORD.finditer(rest))
        found = None
        for k in range(1, min(len(words) - 1, MAX_HEADING_WORDS + 1)):
            w = words[k].group()
            if not w[:1].isupper():
                continue
            head = rest[:words[k].start()].strip()
            if (_heading_shaped(head, ph) and is_goal_heading(head, ph) and _starts_sentence(words[k:])
                    and not any(fold(rest[words[k].start():]).startswith(c + " ") for c in ph.outcome_columns)):
                found = k
                break
        if found is None:
            return heads, rest
        heads.append(rest[:words[found].start()].strip())
        rest = rest[words[found].start():]


def _credit(chunk: str, ph: Phrases) -> tuple[str, str]:
    """('Foto: Lo Birgersson', 'Övergripande mål I årsredovisningen …'): a picture's credit (`[prose] credit_labels`)
    and the name after it, cut off a goal heading that follows; the name is the longest run of capitalised
    words after which a goal heading starts. ('', chunk) when there is none."""
    m = regex.match(r"(?i:" + "|".join(regex.escape(c) for c in ph.credit_labels) + r")\s*:\s+", chunk) \
        if ph.credit_labels else None
    if m is None:
        return "", chunk
    words = list(WORD.finditer(chunk, m.end()))
    for n in range(min(CREDIT_WORDS, len(words) - 1), 0, -1):
        rest = chunk[words[n].start():]
        if all(w.group()[:1].isupper() for w in words[:n + 1]) and _headings(rest, ph)[0]:
            return chunk[:words[n].start()].strip(), rest
    return "", chunk


def _heading_shaped(head: str, ph: Phrases) -> bool:
    """Short, capitalised, no sentence punctuation inside, not ending in a word that runs on.

    A running word inside a phrase of `[prose] heading_phrases` ('för att': 'Mål … för att minimera avfallet')
    runs nothing."""
    words = head.split()
    if not words or len(words) > MAX_HEADING_WORDS or not words[0][:1].isupper():
        return False
    if regex.search(r"[.,;!?]", head) or head.endswith((":", "-", "–")):
        return False
    folded = [fold(w) for w in words]
    plain = " ".join(folded)
    for phrase in ph.heading_phrases:
        plain = regex.sub(r"\b" + regex.escape(phrase) + r"\b", " ", plain)
    return folded[-1] not in TRAILING_STOPWORDS and not set(plain.split()) & RUNNING_WORDS


def _starts_sentence(words: list[regex.Match]) -> bool:
    """A capitalised word followed by running (lower-case) words, or a goal label: where a sentence starts.

    A name may stand second ('I Klippans kommun skapar vi …'): a capital then a lower-case word after it.
    """
    if len(words) < 2:
        return False
    nxt = words[1].group()
    named = nxt[:1].isupper() and len(words) > 2 and words[2].group()[:1].islower()
    return nxt[:1].islower() or bool(regex.match(r"\d", nxt)) or len(words) == 2 or named


def _all_goals(text: str, ph: Phrases) -> bool:
    """A sentence about all (or none) of the goals listed ('… vart och ett av de fem strategiska målen uppnås delvis'):
    it follows the list, it is no item's own (`[prose] all_goals_words`, `no_goals_words`)."""
    f = fold(text)
    return bool(regex.search(r"\bmalen\b", f)) and any(
        regex.search(r"\b" + regex.escape(w) + r"\b", f) for w in (*ph.all_goals_words, *ph.no_goals_words))


MIN_TITLE_WORDS, MAX_TITLE_WORDS = 3, 20
STEM = 6        # letters a paragraph's first word shares with its title's first word when it names the title's subject


def _title(chunk: str, ph: Phrases) -> list[str]:
    """'En balanserad budget och flerårsplan utan skattehöjning En ekonomi i balans är …' -> the title and the
    paragraph it heads, on lines of their own (a page run into one line lost the break between them).

    The title has no sentence punctuation; the paragraph opens with a word that never stands capitalised inside a
    sentence (`[prose] sentence_openers`) or with the title's own subject ('Soliditeten skall vara oförändrad
    Soliditet är …'), or with any capitalised word after the title's closing percent ('… minst 2 % Ett ekonomiskt
    överskott …'), and runs on in lower case to a full stop. [chunk] when there is no such title.
    """
    words = list(WORD.finditer(chunk))
    if not chunk.rstrip().endswith((".", "!", "?")):
        return [chunk]
    for k in range(MIN_TITLE_WORDS, min(len(words) - 1, MAX_TITLE_WORDS + 1)):
        w, before = words[k].group(), words[k - 1].group()
        head = chunk[:words[k].start()].strip()
        if regex.search(r"[.,;:!?](?:\s|$)", head):      # a decimal comma ('1,5 %') is no punctuation
            return [chunk]
        if not (w[:1].isupper() and w[1:2].islower()) or not words[k + 1].group()[:1].islower():
            continue
        subject = fold(w)[:STEM] == fold(words[0].group())[:STEM] and len(w) >= STEM   # 'Soliditeten … Soliditet är'
        if fold(before) in TRAILING_STOPWORDS and before.casefold() != "år":   # 'år' folds into 'är' ('… varje år')
            continue        # '… har i sin politiska vision mål om hur Strömstads kommuns …': no title ends in 'hur'
        if (fold(w) in ph.sentence_openers or subject) and before[-1:].islower() or before == "%":
            return [head, chunk[words[k].start():].strip()]
    return [chunk]


def _labels(chunk: str) -> list[str]:
    """'Målområde 1:1 Förenkling leder …' -> the label and its sentence on lines of their own."""
    cuts = [m.start() for m in GOAL_LABEL.finditer(chunk) if m.start() > 0]
    parts, last = [], 0
    for c in cuts:
        parts.append(chunk[last:c].strip())
        last = c
    parts.append(chunk[last:].strip())
    out = []
    for p in parts:
        m = regex.match(r"(\p{Lu}\p{Ll}*m[aå]l(?:område)?\s\d{1,2}(?:[.:]\d{1,2})?[.:]?)\s+(\p{Lu}.*)", p)
        out += [m.group(1), m.group(2)] if m else [p]
    return [p for p in out if p]


def split_long_lines(lines: list[Line], ph: Phrases) -> tuple[list[Line], dict[int, tuple[int, int]]] | None:
    """Text lines with long lines cut into pieces, renumbered (a blank line stays a skip), and where each came from.

    None when no line needed cutting: the lines are then read as they are.
    """
    cut = {k: split_line(line.text, ph) for k, line in enumerate(lines) if line.method == "text"}
    if not any(cut.values()):
        return None
    out: list[Line] = []
    origin: dict[int, tuple[int, int]] = {}
    number = 0
    prev: Line | None = None
    for k, line in enumerate(lines):
        gap = prev is not None and (line.page != prev.page or line.number > prev.number + 1)
        pieces = cut.get(k) or [Piece(line.text)]
        for j, piece in enumerate(pieces):
            blank = (gap and j == 0) or piece.gap_before or (j > 0 and pieces[j - 1].heading)
            number += 2 if blank and number else 1
            out.append(Line(line.page, number, piece.text, (), line.method))
            origin[number] = (line.page, line.number)
        prev = line
    return out, origin
