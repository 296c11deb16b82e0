"""Goal reading (måluppfyllelse): goals and their fulfilment -> goals.csv rows.

One module per form a report prints its goals in; a new layout gets a new reader module
returning `RawGoal`s, added to `find.READERS`:

- `tab_tables`      tab tables "PROJEKT/INSATS | MÅL | MÅLUPPFYLLELSE JA | NEJ", "Mål | Bedömning | Motivering"
- `column_tables`   indicator tables read by their columns "Indikator | Målvärde | Utfall 2022 | Utfall 2023",
                    cells split by tabs or one per line; status derived from outcome against target
- `coded_goals`     "S A1. Goal … N measure … N measure" (goal codes, symbol glyphs read as letters)
- `interleaved`     OCR'd three-column tables whose columns came out as separate paragraphs
- `plan_rows`       "Resultatmål 1 <tab> Att …" rows of a plan (no outcomes)
- `indicators`      "Klart positivt svar 95 %, riktmärke 80 %"
- `numbered_lines`  "Mål 2. … Utfall: uppfyllt."
- `judged_goals`    "Målet att … har uppfyllts"; "Tre av målen, A, B och C bedöms vara delvis uppfyllda"
- `judged_clauses`  "… resultatmål om 2 procent har uppfyllts", "Kommunen når sitt finansiella mål om …"
- `prose`           bullet goals with "Styrelsens bedömning: …"; a plan's "ska"-sentences; on a page
                    without goal headings, sentences stating a goal ("Ett övergripande mål … är att …")

Shared, imported by readers and never importing them: `vocabulary` (the words of
`extract/data/goal_phrases.toml`, folding, numbers with units), `model` (RawGoal),
`structure` (furniture, headings, goal areas, paragraphs), `reading_lines` (PDF/OCR lines
-> text-like reading lines), `long_lines` (a stored line that ran a heading, list or table
into one -> the lines it was made of), `spaced_lines` (a page whose every paragraph, item and
cell stands between blank lines -> lines whose blank lines mean a paragraph break again). After reading: `rows` (values, status), `money` (initiative
money), `find` (the pipeline entry point `find_goals` and GOAL_COLUMNS).
"""
from arsred.extract.goals.find import GOAL_COLUMNS, find_goals, write_goals_csv

__all__ = ["GOAL_COLUMNS", "find_goals", "write_goals_csv"]
