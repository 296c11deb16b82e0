"""Table reading under layout variants: the same real statement pages, printed another way.

The real pages are read almost perfectly as they are stored; reports nobody tuned for print the
same figures in other layouts. Each variant here is a generic rewrite of a page's text that
archives really produce, keeping every printed figure's value (only the layout changes):

- single_space: every run of spaces/tabs inside a line becomes one space (copy from a viewer);
- cell_per_line: every table row split into its cells, one per line, a blank line between
  (a flattened HTML table); cell_per_line_dense: the same without blank lines;
- no_diacritics: å ä ö é → a a o e (old OCR text);
- spaced_minus: a minus before an amount printed '– ' (en dash and a space: '– 1 628,5');
- header_split: a column-header line ('Not 2022 2021', 'Utfall 2021 Budget 2021') one word per line;
- pdf: a text-layer PDF of the page (tools/render_report.py's render_text_pdf);
- scan: that PDF printed and scanned (render_report.py's scan_pdf: 300 dpi, a small skew, blur and
  noise, no text layer), so that arsred reads it through Swedish tesseract.

A row's cells are where the line has a tab or two spaces or more; the stored real pages are
nearly all single-spaced, so the cells of a row are also told by the page's gold: the figures
it prints at the row's end (and a note number or '-' placeholder among them) are cells of
their own, the label before them another. Header lines split after each year.

Pages: ../shared/real and tests/real (dev) with gold, only those the original already reads
(≥ 90 % of the normal facts; of all facts where every fact is hard): the variants measure
robustness, not the original's misses. Never tests/real_unseen.

    .venv/bin/python benchmarks/table_variants.py                 # every variant, both sets
    .venv/bin/python benchmarks/table_variants.py --variant pdf   # one variant (and the original)

Prints a table and writes benchmarks/results/table_variants.md.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = next((p / "shared/real" for p in ROOT.parents if (p / "shared/real/gold").is_dir()), ROOT.parent / "shared/real")
SETS = {"dev": (ROOT / "tests/real/pages", ROOT / "tests/real/gold"), "shared": (SHARED, SHARED / "gold")}
RESULTS = ROOT / "benchmarks/results/table_variants.md"
MIN_RECALL = 0.9

GAP = re.compile(r"\t+| {2,}")
YEAR = re.compile(r"^\(?(?:19|20)\d\d\)?:?$")
DATE = re.compile(r"^\(?(?:19|20)\d\d-\d\d(?:-\d\d)?(?:[-–](?:19|20)\d\d-\d\d(?:-\d\d)?)?\)?$")
HEADER_WORD = re.compile(r"^[(\[]?[^\W\d_][\w.\-/&*]*[)\]:,.]?$")
NOTE_TOKEN = re.compile(r"^\d{1,2},?$")
TRAILING_MARKUP = re.compile(r"(?:\s*<[^<>]*>)+\s*$")
MARKUP = re.compile(r"<[^<>\n]*>")  # HTML tags a stored page kept: a printed PDF shows none
RENDER_MAX = 170
PLACEHOLDER = {"-", "–", "—", "−"}
MINUS_AMOUNT = re.compile(r"(?<![\w,.])[-−–]\s?(?=\d)")
DIACRITICS = str.maketrans("åäöÅÄÖéÉ", "aaoAAOeE")


def _fold(word: str) -> str:
    text = unicodedata.normalize("NFKD", word)
    return "".join(c for c in text if c.isalnum() and not unicodedata.combining(c)).casefold()


def _kind_words() -> frozenset[str]:
    """Single words that name a column's kind (Utfall, Budget, Bokslut ...): a year after one is its cell."""
    data = tomllib.loads((ROOT / "extract/data/table_words.toml").read_text(encoding="utf-8"))
    return frozenset(w for words in data["kinds"].values() for w in words if " " not in w)


KIND_WORDS = _kind_words()


def _norm(figure: str) -> str:
    return " ".join(figure.split())


def is_header_line(line: str) -> bool:
    """A column-header line: two years or more, every other token a word (no amount in it)."""
    tokens = line.split()
    years = sum(bool(YEAR.match(t) or DATE.match(t)) for t in tokens)
    return 2 <= years and len(tokens) <= 14 and all(
        YEAR.match(t) or DATE.match(t) or HEADER_WORD.match(t) for t in tokens)


def _header_cells(line: str) -> list[str]:
    """'Tkr Utfall 2013 Budget 2013 Avvikelse' → Tkr | Utfall 2013 | Budget 2013 | Avvikelse."""
    cells: list[str] = []
    joinable = False
    for tok in line.split():
        dated = bool(YEAR.match(tok) or DATE.match(tok))
        if dated and joinable:
            cells[-1] += " " + tok
            joinable = False
        else:
            cells.append(tok)
            joinable = not dated and _fold(tok) in KIND_WORDS
    return cells


def _chunk_cells(chunk: str, figures: frozenset[str]) -> list[str]:
    """A gap-free stretch of a row: its printed figures at the end (and a note among them) as cells."""
    markup = TRAILING_MARKUP.search(chunk)
    if markup and markup.start() > 0:
        cells = _chunk_cells(chunk[:markup.start()], figures)
        return cells[:-1] + [cells[-1] + markup.group()] if cells else [chunk.strip()]
    tokens = chunk.split()
    tail: list[str] = []
    while tokens:
        for k in range(min(len(tokens), 6), 0, -1):
            cand = " ".join(tokens[-k:])
            if cand in figures or (k == 1 and cand in PLACEHOLDER and tail):
                tail.insert(0, cand)
                del tokens[-k:]
                break
        else:
            break
    if not any(c not in PLACEHOLDER for c in tail):
        return [chunk.strip()] if chunk.strip() else []
    note: list[str] = []
    while tokens and NOTE_TOKEN.match(tokens[-1]) and len(note) < 3 and len(tokens) > 1:
        note.insert(0, tokens.pop())
    return ([" ".join(tokens)] if tokens else []) + ([" ".join(note)] if note else []) + tail


def row_cells(line: str, figures: frozenset[str]) -> list[str]:
    """The cells of one line: split at tabs and runs of two spaces or more, then at its figures."""
    if is_header_line(line):
        return [c for chunk in GAP.split(line.strip()) for c in _header_cells(chunk)]
    return [c for chunk in GAP.split(line.strip()) for c in _chunk_cells(chunk, figures)]


def single_space(text: str, figures: frozenset[str]) -> str:
    return "\n".join(re.sub(r"[ \t]+", " ", ln).strip() for ln in text.split("\n"))


def _cell_lines(text: str, figures: frozenset[str], sep: str) -> str:
    out = []
    for ln in text.split("\n"):
        cells = row_cells(ln, figures)
        out.append(sep.join(cells) if len(cells) > 1 else ln)
    return "\n".join(out)


def cell_per_line(text: str, figures: frozenset[str]) -> str:
    return _cell_lines(text, figures, "\n\n")


def cell_per_line_dense(text: str, figures: frozenset[str]) -> str:
    return _cell_lines(text, figures, "\n")


def no_diacritics(text: str, figures: frozenset[str]) -> str:
    return text.translate(DIACRITICS)


def spaced_minus(text: str, figures: frozenset[str]) -> str:
    return MINUS_AMOUNT.sub("– ", text)


def header_split(text: str, figures: frozenset[str]) -> str:
    return "\n".join("\n".join(ln.split()) if is_header_line(ln) else ln for ln in text.split("\n"))


TEXT_VARIANTS: dict[str, Callable[[str, frozenset[str]], str]] = {
    "single_space": single_space, "cell_per_line": cell_per_line, "cell_per_line_dense": cell_per_line_dense,
    "no_diacritics": no_diacritics, "spaced_minus": spaced_minus, "header_split": header_split,
}
VARIANTS = [*TEXT_VARIANTS, "pdf", "scan"]
SCAN_DPI = 300


def renderable(text: str) -> bool:
    """Whether render_text_pdf prints every line with figures as one printed line (it wraps longer ones)."""
    return all(len(ln) < RENDER_MAX or sum(c.isdigit() for c in ln) < 4 for ln in MARKUP.sub("", text).split("\n"))


def figures_of(gold: dict) -> frozenset[str]:
    """The figures the page prints, as the gold quotes them (spacing normalised)."""
    return frozenset(_norm(f["printed"]) for f in gold["facts"] if f.get("printed"))


@dataclass
class Score:
    line: str
    per_page: dict[str, tuple[int, int]]  # page → (found, gold)

    def field(self, pattern: str) -> str:
        m = re.search(pattern, self.line)
        return m.group(1) if m else "–"


def evaluate(gold: Path, out: Path, only: list[str]) -> Score:
    res = subprocess.run([sys.executable, str(ROOT / "tools/eval_gold.py"), str(gold), str(out), "--show-missed", "0",
                          "--only", *only], capture_output=True, text=True)
    lines = res.stdout.strip().splitlines()
    per_page = {}
    for ln in lines:
        m = re.match(r"(\S+): found (\d+)/(\d+) .*hard (\d+)/(\d+)", ln)
        if m:
            f, g, hf, h = map(int, m.groups()[1:])
            per_page[m.group(1)] = (f - hf, g - h) if g > h else (f, g)
    return Score(lines[-1] if lines else "no output", per_page)


def extract(pages: Path, out: Path) -> None:
    subprocess.run([str(ROOT / ".venv/bin/arsred"), "extract", str(pages), "-o", str(out), "--quiet", "--no-cache"],
                   cwd=ROOT, check=False, capture_output=True)


def make_variant(name: str, sources: list[tuple[Path, dict]], pages: Path, gold_dir: Path) -> list[str]:
    """Write the variant of every page and its gold; the stems written (a page the renderer cannot take is left out)."""
    pages.mkdir(parents=True)
    gold_dir.mkdir(parents=True)
    stems = []
    for src, gold in sources:
        text = src.read_text(encoding="utf-8")
        if name in ("pdf", "scan"):
            from tools.render_report import render_text_pdf, scan_pdf
            target = pages / f"{src.stem}.pdf"
            if not renderable(text):
                print(f"  {name}: {src.stem} left out (a row longer than a printed line: the renderer would wrap it)",
                      file=sys.stderr)
                continue
            if name == "pdf":
                render_text_pdf(MARKUP.sub("", text), target)
            else:
                printed = pages / f"{src.stem}.text.pdf"
                render_text_pdf(MARKUP.sub("", text), printed)
                scan_pdf(printed, target, seed=zlib.crc32(src.stem.encode()) % 1000, dpi=SCAN_DPI)
                printed.unlink()
        else:
            target = pages / src.name
            target.write_text(TEXT_VARIANTS[name](text, figures_of(gold)), encoding="utf-8")
        (gold_dir / f"{src.stem}.json").write_text(json.dumps(dict(gold, source=target.name), ensure_ascii=False),
                                                   encoding="utf-8")
        stems.append(src.stem)
    return stems


def row(name: str, set_name: str, s: Score, base: Score | None, secs: float) -> str:
    recall = s.field(r"recall (\S+ \(\d+/\d+) normal\)")
    loss = ""
    if base is not None:
        got = sum(f for f, _ in s.per_page.values())
        had = sum(base.per_page[p][0] for p in s.per_page)
        loss = f"{got - had:+d}"
    hard, wrong = s.field(r"hard (\d+/\d+)"), s.field(r"wrong_values (\d+)")
    alarms, verified = s.field(r"false_alarms (\d+)"), s.field(r"verified_precision (\S+ of \d+)")
    return f"| {name} | {set_name} | {recall}) | {loss} | {hard} | {wrong} | {alarms} | {verified} | {secs:.0f} |"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--variant", choices=VARIANTS, action="append", help="run only this variant (repeatable)")
    ap.add_argument("--keep", type=Path, help="write the variants and outputs under this folder")
    args = ap.parse_args(argv)
    names = args.variant or VARIANTS
    table = ["| variant | set | recall (normal) | Δ found | hard | wrong | false alarms | verified precision | s |",
             "|---|---|---|---|---|---|---|---|---|"]
    used: dict[str, list[str]] = {}
    losses: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        for set_name, (pages, gold_dir) in SETS.items():
            if not pages.is_dir():
                continue
            t0 = time.perf_counter()
            orig_out = base / f"original_{set_name}"
            extract(pages, orig_out)
            golds = sorted(gold_dir.glob("*.json"))
            first = evaluate(gold_dir, orig_out, [g.stem for g in golds])
            stems = [p for p, (f, g) in first.per_page.items() if g and f / g >= MIN_RECALL]
            used[set_name] = stems
            orig = evaluate(gold_dir, orig_out, stems)
            line = row("original", set_name, orig, None, time.perf_counter() - t0)
            print(line, flush=True)
            table.append(line)
            sources = []
            for stem in stems:
                gold = json.loads((gold_dir / f"{stem}.json").read_text(encoding="utf-8"))
                sources.append((pages / gold["source"], gold))
            for name in names:
                t0 = time.perf_counter()
                vpages, vgold, vout = (base / f"{name}_{set_name}_{k}" for k in ("pages", "gold", "out"))
                done = make_variant(name, sources, vpages, vgold)
                extract(vpages, vout)
                s = evaluate(vgold, vout, done)
                line = row(name, set_name, s, orig, time.perf_counter() - t0)
                print(line, flush=True)
                table.append(line)
                for page, (f, g) in s.per_page.items():
                    if f < orig.per_page[page][0]:
                        losses.append(f"- {name} / {set_name} / {page}: {orig.per_page[page][0]} → {f} of {g}")
    report = ["# Table reading under layout variants", "",
              "Produced by `benchmarks/table_variants.py`: the real statement pages the original already reads "
              f"(≥ {MIN_RECALL:.0%} of the normal facts), rewritten in each layout variant (same figures, another "
              "layout), extracted with `arsred extract` and scored with `tools/eval_gold.py`. *Δ found*: facts "
              "(normal; all where a page has only hard ones) found under the variant minus under the original.",
              "", *table, "", "## Pages that lose facts", "", *(losses or ["none"]), "", "## Pages used", ""]
    report += [f"- {s} ({len(v)}): {', '.join(v)}" for s, v in used.items()]
    print("\n".join(report[report.index("## Pages that lose facts"):]))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(report) + "\n", encoding="utf-8")
    print(f"written {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
